/**
 * Incremental writes (firestore-sync.ts): only new and changed documents are written, stale
 * ones deleted, and the collection ends as a full rewrite would leave it. Each behaviour runs
 * three times: over the query Firestore answers (select + stream), over the in-process emulator's
 * state reader, and with the state reader and writer that `bangkom run` uses (batches written
 * into the emulator's state without the client), all checked through the client.
 */
import type { Doc } from '@bangkom/core';
import type { Firestore } from 'firebase-admin/firestore';
import { type EmbeddedEmulator, startEmulator } from '../../../functions/src/adapters/emulator';
import { stateFieldsReader } from '../../../functions/src/adapters/emulator-store';
import { stateBatchWriter } from '../../../functions/src/adapters/emulator-writer';
import { createStore } from '../../../functions/src/adapters/firestore';
import {
  closeFirestoreConnections,
  connectFirestore,
} from '../../../functions/src/adapters/firestore-connection';
import { contentHash, HASH_FIELD } from '../../../functions/src/adapters/firestore-sync';

const PROJECT = 'demo-bangkom-sync';
let emulator: EmbeddedEmulator;
let db: Firestore;

beforeAll(async () => {
  emulator = await startEmulator();
  db = connectFirestore({ projectId: PROJECT, emulatorHost: emulator.address });
});

afterAll(async () => {
  await closeFirestoreConnections();
  await emulator.stop();
});

const people = (n: number, changed: Record<number, string> = {}): Doc[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `p${String(i).padStart(4, '0')}`,
    data: { nama: changed[i] ?? `Pegawai ${i}`, row: i + 2, runId: `run-${Math.random()}` },
  }));

/** id -> [update time in µs, data] of every document of a collection. */
async function dump(tenant: string, collection: string): Promise<Map<string, [number, unknown]>> {
  const snap = await db.collection(`tenants/${tenant}/${collection}`).get();
  return new Map(
    snap.docs.map((d) => [d.id, [d.updateTime.seconds * 1e6 + d.updateTime.nanoseconds / 1e3, d.data()]]),
  );
}

const stores = {
  query: (tenant: string) => createStore(db, tenant),
  'state reader': (tenant: string) => createStore(db, tenant, stateFieldsReader(emulator.state, PROJECT)),
  'state reader and writer': (tenant: string) =>
    createStore(
      db,
      tenant,
      stateFieldsReader(emulator.state, PROJECT),
      stateBatchWriter(emulator.state, PROJECT),
    ),
};

describe.each(Object.entries(stores))('over the %s', (label, make) => {
  const tenant = `sync-${label.replaceAll(' ', '-')}`;

  it('an unchanged rewrite writes nothing; one changed document is the only one written', async () => {
    const store = make(tenant);
    expect(await store.syncDocs('employees', people(520))).toEqual({
      written: 520,
      unchanged: 0,
      removed: 0,
    });
    const before = await dump(tenant, 'employees');
    // a new runId is no change of content
    expect(await store.syncDocs('employees', people(520))).toEqual({
      written: 0,
      unchanged: 520,
      removed: 0,
    });
    const same = await dump(tenant, 'employees');
    for (const [id, [time]] of before) expect(same.get(id)?.[0]).toBe(time);

    expect(await store.syncDocs('employees', people(520, { 3: 'Siti Aminah' }))).toEqual({
      written: 1,
      unchanged: 519,
      removed: 0,
    });
    const after = await dump(tenant, 'employees');
    const rewritten = [...after].filter(([id, [time]]) => before.get(id)?.[0] !== time).map(([id]) => id);
    expect(rewritten).toEqual(['p0003']);
    expect(after.get('p0003')?.[1]).toMatchObject({ nama: 'Siti Aminah' });
    expect(store.tally()).toEqual({ written: 521, unchanged: 1039, removed: 0 });
  });

  it('a replace deletes what the new set lacks, except what the keep rule keeps, by the fields it names', async () => {
    const store = make(`${tenant}-keep`);
    await store.syncDocs('jp', [
      { id: '2025~a', data: { tahun: 2025, jp: 10, nip: 'a' } },
      { id: '2026~a', data: { tahun: 2026, jp: 20, nip: 'a' } },
      { id: '2026~b', data: { tahun: 2026, jp: 30, nip: 'b' } },
    ]);
    const seen: Record<string, unknown>[] = [];
    const r = await store.syncDocs('jp', [{ id: '2026~a', data: { tahun: 2026, jp: 20, nip: 'a' } }], {
      keep: {
        fields: ['tahun'],
        test: (d) => {
          seen.push(d.data);
          return d.data.tahun !== 2026;
        },
      },
    });
    expect(r).toEqual({ written: 0, unchanged: 1, removed: 1 });
    // the rule sees the fields it named and nothing else, as on Firestore
    expect(seen.every((d) => Object.keys(d).join() === 'tahun')).toBe(true);
    expect([...(await dump(`${tenant}-keep`, 'jp')).keys()].sort()).toEqual(['2025~a', '2026~a']);
  });

  it('an add-only sync never deletes; a document stored without a hash is written once more', async () => {
    const store = make(`${tenant}-add`);
    await db.doc(`tenants/${tenant}-add/assessments/formulir~r1`).set({ nip: 'x', sumber: 'Diri' });
    const docs = [{ id: 'x~Diri', data: { nip: 'x', sumber: 'Diri' } }];
    const add = () => store.syncDocs('assessments', docs, { mode: 'add' });
    expect(await add()).toEqual({ written: 1, unchanged: 0, removed: 0 });
    expect(await add()).toEqual({ written: 0, unchanged: 1, removed: 0 });
    expect([...(await dump(`${tenant}-add`, 'assessments')).keys()].sort()).toEqual([
      'formulir~r1',
      'x~Diri',
    ]);
    // someone else's write (no hash) of a document the sync owns: rewritten, then stable
    await db.doc(`tenants/${tenant}-add/assessments/x~Diri`).set({ nip: 'x', sumber: 'Diri' });
    expect(await add()).toEqual({ written: 1, unchanged: 0, removed: 0 });
    // writeDocs counts what is stored as given, written or not
    expect(await store.writeDocs('assessments', docs)).toBe(1);
    expect(store.tally().written).toBe(2);
  });
});

describe('contentHash', () => {
  it('is stable under key order, blind to runId/dibuat/dihitung and the hash, sensitive to content', () => {
    const h = contentHash({ a: 1, b: { c: [1, 2], d: 'x' } });
    expect(contentHash({ b: { d: 'x', c: [1, 2] }, a: 1 })).toBe(h);
    expect(contentHash({ a: 1, b: { c: [1, 2], d: 'x' }, runId: 'r', dibuat: 't', dihitung: 'u' })).toBe(h);
    expect(contentHash({ a: 1, b: { c: [1, 2], d: 'x' }, [HASH_FIELD]: 'lama' })).toBe(h);
    expect(contentHash({ a: 1, b: { c: [2, 1], d: 'x' } })).not.toBe(h);
    expect(contentHash({ a: '1', b: { c: [1, 2], d: 'x' } })).not.toBe(h);
    // a nested runId is content (only the top-level fields name the run)
    expect(contentHash({ a: 1, b: { c: [1, 2], d: 'x', runId: 'r' } })).not.toBe(h);
    // undefined is dropped as Firestore stores it; a Date is not its ISO text
    expect(contentHash({ a: 1, e: undefined, b: { c: [1, 2], d: 'x' } })).toBe(h);
    const at = new Date(Date.UTC(2026, 0, 2));
    expect(contentHash({ t: at })).not.toBe(contentHash({ t: at.toISOString() }));
    expect(h).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('gives the hashes stored by earlier runs (the first 22 characters of the base64url SHA-256)', () => {
    expect(contentHash({ a: 1, b: { c: [1, 2], d: 'x' } })).toBe('QCo8pSUw8H4QKfloea3_VL');
    expect(contentHash({ nama: 'Siti Rahayu', nip: '197907032022222002', nilai: 0.75 })).toBe(
      'JsEoEIHGFXxDfnJBBWAEbJ',
    );
    expect(contentHash({})).toBe('RBNvo1WzZ4oRRq0W9-hknp');
  });
});
