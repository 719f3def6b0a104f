import type { Doc } from '@bangkom/core';
import type { DocumentData, DocumentReference, Firestore } from 'firebase-admin/firestore';
import { type EmbeddedEmulator, startEmulator } from '../../../functions/src/adapters/emulator';
import {
  createStore,
  inputChecksum,
  MAX_DOC_BYTES,
  type SafeParser,
  stripUndefined,
  WriteCoalescer,
  WriteTooLargeError,
  writeRun,
} from '../../../functions/src/adapters/firestore';
import {
  closeFirestoreConnections,
  connectFirestore,
} from '../../../functions/src/adapters/firestore-connection';

let emulator: EmbeddedEmulator;
let db: Firestore;

beforeAll(async () => {
  emulator = await startEmulator();
  db = connectFirestore({ projectId: 'demo-bangkom-store', emulatorHost: emulator.address });
});

afterAll(async () => {
  await closeFirestoreConnections();
  await emulator.stop();
});

const employees = (n: number, suffix = ''): Doc[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `19800101200501100${String(i).padStart(4, '0')}`,
    data: {
      nama: `Pegawai ${i}${suffix}`,
      opd: i % 2 ? 'Dinas Kesehatan' : 'Bappeda',
      row: i + 2,
      email: undefined,
    },
  }));

describe('createStore', () => {
  it('writes under tenants/{tenant}/{collection}/{id} and reads back', async () => {
    const store = createStore(db, 'sawahlunto');
    const docs = employees(3);
    expect(await store.writeDocs('employees', docs)).toBe(3);
    const snap = await db.doc(`tenants/sawahlunto/employees/${docs[0]?.id}`).get();
    expect(snap.exists).toBe(true);
    // undefined stripped; the content hash stored beside the fields
    expect(snap.data()).toEqual({ nama: 'Pegawai 0', opd: 'Bappeda', row: 2, hashIsi: expect.any(String) });
    // and not handed back to readers
    expect((await store.readDoc('employees', docs[0]?.id ?? ''))?.data).toEqual({
      nama: 'Pegawai 0',
      opd: 'Bappeda',
      row: 2,
    });
    const back = await store.readCollection('employees');
    expect(back.map((d) => d.id).sort()).toEqual(docs.map((d) => d.id).sort());
  });

  it('rewriting the same ids overwrites (idempotent): same count, newest data', async () => {
    const store = createStore(db, 'rewrite');
    await store.writeDocs('employees', employees(10));
    await store.writeDocs('employees', employees(10, ' (baru)'));
    const back = await store.readCollection('employees');
    expect(back).toHaveLength(10);
    expect(back.every((d) => String(d.data.nama).endsWith('(baru)'))).toBe(true);
  });

  it('a rewrite replaces the whole document, as Firestore does: a field the new version lacks is gone', async () => {
    // (the pure-JS emulator merges on set(); startEmulator() patches it to replace)
    const store = createStore(db, 'ganti');
    await store.writeDocs('employees', [{ id: 'a', data: { nama: 'Ani', email: 'ani@kota.go.id' } }]);
    await store.writeDocs('employees', [{ id: 'a', data: { nama: 'Ani Lestari' } }]);
    expect((await db.doc('tenants/ganti/employees/a').get()).data()).toEqual({
      nama: 'Ani Lestari',
      hashIsi: expect.any(String),
    });
    // a merge still merges, and update() still updates
    await db.doc('tenants/ganti/employees/a').set({ opd: 'Bappeda' }, { merge: true });
    await db.doc('tenants/ganti/employees/a').update({ jabatan: 'Analis' });
    expect((await db.doc('tenants/ganti/employees/a').get()).data()).toEqual({
      nama: 'Ani Lestari',
      opd: 'Bappeda',
      jabatan: 'Analis',
      hashIsi: expect.any(String),
    });
  });

  it('a repeated id inside one call is stored once, the later one winning', async () => {
    const store = createStore(db, 'dupes');
    const n = await store.writeDocs('assessments', [
      { id: 'r1', data: { v: 1 } },
      { id: 'r2', data: { v: 2 } },
      { id: 'r1', data: { v: 3 } },
    ]);
    expect(n).toBe(2);
    expect((await store.readDoc('assessments', 'r1'))?.data).toEqual({ v: 3 });
  });

  it('writes more than 500 documents in several commits and reports progress', async () => {
    const store = createStore(db, 'besar');
    const progress: number[] = [];
    const docs = employees(1234);
    expect(await store.writeDocs('employees', docs, (w) => progress.push(w))).toBe(1234);
    expect(progress).toHaveLength(3);
    expect(progress.at(-1)).toBe(1234);
    expect(progress.every((w, i) => i === 0 || w > (progress[i - 1] ?? 0))).toBe(true);
    expect(await store.readCollection('employees')).toHaveLength(1234);
  });

  it('keeps tenants apart', async () => {
    const a = createStore(db, 'tenant-a');
    const b = createStore(db, 'tenant-b');
    await a.writeDocs('budgets', [{ id: 'Bappeda', data: { pagu: 100 } }]);
    await b.writeDocs('budgets', [
      { id: 'Bappeda', data: { pagu: 999 } },
      { id: 'Dinkes', data: { pagu: 5 } },
    ]);
    expect(await a.readCollection('budgets')).toEqual([{ id: 'Bappeda', data: { pagu: 100 } }]);
    expect(await b.readCollection('budgets')).toHaveLength(2);
  });

  it('rejects tenant ids and collections that would escape the tenant path', async () => {
    expect(() => createStore(db, 'a/b')).toThrow(/tenant/);
    expect(() => createStore(db, '')).toThrow(/tenant/);
    expect(() => createStore(db, '..')).toThrow(/tenant/);
    await expect(createStore(db, 'a').readCollection('x/y/z')).rejects.toThrow(/koleksi/);
  });

  it('validates documents read back against a schema and reports the ones that do not match', async () => {
    const store = createStore(db, 'validated');
    await store.writeDocs('budgets', [
      { id: 'ok', data: { opd: 'Bappeda', pagu: 10 } },
      { id: 'bad', data: { opd: 'Dinkes', pagu: 'sepuluh' } },
    ]);
    const schema: SafeParser<{ opd: string; pagu: number }> = {
      safeParse(v) {
        const o = v as { opd?: unknown; pagu?: unknown };
        if (typeof o.opd === 'string' && typeof o.pagu === 'number')
          return { success: true, data: { opd: o.opd, pagu: o.pagu } };
        return { success: false, error: { issues: [{ path: ['pagu'], message: 'harus angka' }] } };
      },
    };
    const result = await store.readRecords('budgets', schema);
    expect(result.records).toEqual([{ opd: 'Bappeda', pagu: 10 }]);
    expect(result.invalid).toEqual([
      { id: 'bad', message: 'Dokumen tenants/validated/budgets/bad tidak sesuai skema: pagu: harus angka' },
    ]);
  });
});

describe('replaceCollection', () => {
  it('writes the new set and deletes the stale documents, keeping those the caller keeps', async () => {
    const store = createStore(db, 'mirror');
    await store.writeDocs('jp', [
      { id: '2025~a', data: { tahun: 2025 } },
      { id: '2026~a', data: { tahun: 2026 } },
      { id: '2026~b', data: { tahun: 2026 } },
    ]);
    const r = await store.replaceCollection('jp', [{ id: '2026~a', data: { tahun: 2026, jp: 20 } }], {
      fields: ['tahun'],
      test: (d) => d.data.tahun !== 2026,
    });
    expect(r).toEqual({ written: 1, deleted: 1, unchanged: 0 });
    expect((await store.readCollection('jp')).map((d) => d.id).sort()).toEqual(['2025~a', '2026~a']);
  });

  it('deletes more than 500 stale documents', async () => {
    const store = createStore(db, 'mirror-big');
    await store.writeDocs('employees', employees(620));
    const r = await store.replaceCollection('employees', employees(20));
    // the 20 kept are stored as they are: not written again
    expect(r).toEqual({ written: 0, deleted: 600, unchanged: 20 });
    expect(await store.readCollection('employees')).toHaveLength(20);
  });
});

describe('WriteCoalescer', () => {
  it('commits concurrent groups in shared batches, each group whole, and deletes', async () => {
    const commits: number[] = [];
    const counting = new Proxy(db, {
      get(target, prop, receiver) {
        if (prop !== 'batch') return Reflect.get(target, prop, receiver);
        return () => {
          const batch = target.batch();
          const commit = batch.commit.bind(batch);
          let writes = 0;
          const set = batch.set.bind(batch);
          const del = batch.delete.bind(batch);
          return Object.assign(batch, {
            set: (...a: Parameters<typeof set>) => {
              writes++;
              return set(...a);
            },
            delete: (...a: Parameters<typeof del>) => {
              writes++;
              return del(...a);
            },
            commit: () => {
              commits.push(writes);
              return commit();
            },
          });
        };
      },
    });
    await db.doc('tenants/co/quarantine/q1').set({ x: 1 });
    const writer = new WriteCoalescer(counting, { maxWrites: 10, maxDelayMs: 50 });
    const groups = Array.from({ length: 12 }, (_, i) => [
      { path: `tenants/co/assessments/r${i}`, data: { i } },
      { path: `tenants/co/runs/run${i}`, data: { i } },
    ]);
    await Promise.all([
      ...groups.map((g) => writer.write(g)),
      writer.write([{ path: 'tenants/co/quarantine/q1', data: null }]),
    ]);
    await writer.flush();
    expect(commits.reduce((a, n) => a + n, 0)).toBe(25);
    expect(commits.every((n) => n <= 10)).toBe(true);
    expect(commits.length).toBeLessThanOrEqual(4); // 25 writes in groups of 2 (+1), 10 per commit
    expect((await db.collection('tenants/co/assessments').get()).size).toBe(12);
    expect((await db.doc('tenants/co/quarantine/q1').get()).exists).toBe(false);
  });

  it("refuses a group Firestore would refuse for its size alone, before it can fail others' commit", async () => {
    const writer = new WriteCoalescer(db, { maxDelayMs: 50 });
    const huge = 'x'.repeat(MAX_DOC_BYTES + 10);
    const results = await Promise.allSettled([
      writer.write([{ path: 'tenants/besar/assessments/a', data: { i: 1 } }]),
      writer.write([{ path: 'tenants/besar/quarantine/q', data: { values: { Saran: huge } } }]),
      writer.write([{ path: 'tenants/besar/assessments/b', data: { i: 2 } }]),
      // many documents under 1 MiB each, together over one commit's limit
      writer.write(
        Array.from({ length: 12 }, (_, i) => ({
          path: `tenants/besar/quarantine/m${i}`,
          data: { values: { Saran: 'y'.repeat(900_000) } },
        })),
      ),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected']);
    const [, one, , many] = results as PromiseRejectedResult[];
    expect(one?.reason).toBeInstanceOf(WriteTooLargeError);
    expect(String(one?.reason.message)).toMatch(/melebihi batas Firestore 1 MiB/);
    expect(String(many?.reason.message)).toMatch(/melebihi batas satu commit/);
    expect((await db.collection('tenants/besar/assessments').get()).size).toBe(2);
    expect((await db.collection('tenants/besar/quarantine').get()).size).toBe(0);
  });

  it('counts sizes as Firestore does (UTF-8, 8 bytes a number, index entries), not as JSON text', async () => {
    const writer = new WriteCoalescer(db, { maxDelayMs: 20 });
    const refused = (data: Record<string, unknown>) =>
      writer.write([{ path: 'tenants/besar/quarantine/x', data }]).then(
        () => 'stored',
        (e: unknown) => (e instanceof WriteTooLargeError ? e.message : String(e)),
      );
    // about 300 KB as JSON, 1.2 MB to Firestore
    expect(await refused({ U1: Array(150_000).fill(1) })).toMatch(/melebihi batas Firestore 1 MiB/);
    // 350,000 characters, 1.05 MB of UTF-8
    expect(await refused({ Saran: '中'.repeat(350_000) })).toMatch(/melebihi batas Firestore 1 MiB/);
    // small, but more values than one document may index
    const many = Object.fromEntries(Array.from({ length: 25_000 }, (_, i) => [`k${i}`, i]));
    expect(await refused(many)).toMatch(/melebihi batas entri indeks/);
    expect(await refused({ Saran: 'cukup' })).toBe('stored');
  });

  it('never writes one path twice in a commit', async () => {
    const paths: string[][] = [];
    const recording = new Proxy(db, {
      get(target, prop, receiver) {
        if (prop !== 'batch') return Reflect.get(target, prop, receiver);
        return () => {
          const batch = target.batch();
          const set = batch.set.bind(batch);
          const mine: string[] = [];
          paths.push(mine);
          return Object.assign(batch, {
            set: (ref: DocumentReference, data: DocumentData) => {
              mine.push(ref.path);
              return set(ref, data);
            },
          });
        };
      },
    });
    const writer = new WriteCoalescer(recording, { maxDelayMs: 20 });
    const path = 'tenants/co2/assessments/same';
    await Promise.all(
      [1, 2, 3].map((v) =>
        writer.write([
          { path, data: { v } },
          { path: `tenants/co2/runs/${v}`, data: {} },
        ]),
      ),
    );
    expect(paths.flat().filter((p) => p === path)).toHaveLength(3);
    for (const commit of paths) expect(new Set(commit).size).toBe(commit.length);
    expect([1, 2, 3]).toContain((await db.doc(path).get()).data()?.v);
  });

  it('rejects every group of a failed commit', async () => {
    const failing = new Proxy(db, {
      get(target, prop, receiver) {
        if (prop !== 'batch') return Reflect.get(target, prop, receiver);
        return () =>
          Object.assign(target.batch(), { commit: () => Promise.reject(new Error('UNAVAILABLE')) });
      },
    });
    const writer = new WriteCoalescer(failing, { maxDelayMs: 5 });
    const results = await Promise.allSettled([
      writer.write([{ path: 'tenants/co3/a/1', data: {} }]),
      writer.write([{ path: 'tenants/co3/a/2', data: {} }]),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect((await db.collection('tenants/co3/a').get()).size).toBe(0);
  });
});

describe('writeRun', () => {
  it('leaves an audit document with a bounded error sample', async () => {
    const errors = Array.from({ length: 150 }, (_, i) => ({
      sheet: 'Pegawai',
      row: i + 2,
      message: 'NIP tidak sah',
    }));
    await writeRun(db, {
      runId: 'run-1',
      kind: 'syncWorkbook',
      caller: 'staf@sawahlunto.go.id',
      tenant: 'sawahlunto',
      startedAt: '2026-01-05T01:00:00.000Z',
      finishedAt: '2026-01-05T01:00:03.000Z',
      inputChecksum: inputChecksum({ b: 1, a: [1, 2] }),
      status: 'selesai dengan galat',
      counts: { employees: 10 },
      errors,
    });
    const run = (await db.doc('tenants/sawahlunto/runs/run-1').get()).data();
    expect(run?.errorCount).toBe(150);
    expect(run?.errors).toHaveLength(100);
    expect(run?.caller).toBe('staf@sawahlunto.go.id');
    expect(run?.counts).toEqual({ employees: 10 });
  });
});

describe('helpers', () => {
  it('checksums are stable under key order and differ with content', () => {
    expect(inputChecksum({ a: 1, b: [1, { c: 2, d: 3 }] })).toBe(
      inputChecksum({ b: [1, { d: 3, c: 2 }], a: 1 }),
    );
    expect(inputChecksum({ a: 1 })).not.toBe(inputChecksum({ a: 2 }));
  });

  it('strips undefined deeply, nulls inside arrays', () => {
    expect(stripUndefined({ a: undefined, b: { c: undefined, d: 1 }, e: [1, undefined] })).toEqual({
      b: { d: 1 },
      e: [1, null],
    });
  });
});
