/**
 * Writes straight into the in-process emulator's state (emulator-writer.ts) and documents held as
 * plain values (emulator-plain.ts, emulator.ts): what the client reads back, what the store file
 * holds and what a load followed by a save gives must all be what the same writes through the
 * client (gRPC) give; a value Firestore refuses fails the whole batch before anything is written.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DocumentReference, type Firestore, GeoPoint, Timestamp } from 'firebase-admin/firestore';
import { type EmbeddedEmulator, startEmulator } from '../../../functions/src/adapters/emulator';
import { UnstorableValueError } from '../../../functions/src/adapters/emulator-plain';
import {
  type CollectionNode,
  eachDocument,
  lineOf,
  loadStore,
  STORE_FILE,
  saveStore,
  stateFieldsReader,
} from '../../../functions/src/adapters/emulator-store';
import { stateBatchWriter } from '../../../functions/src/adapters/emulator-writer';
import {
  closeFirestoreConnections,
  connectFirestore,
} from '../../../functions/src/adapters/firestore-connection';

const PROJECT = 'bangkom-tulis-langsung';
const running: EmbeddedEmulator[] = [];
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bangkom-writer-'));
});
afterAll(async () => {
  await closeFirestoreConnections();
  for (const e of running) await e.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function open(): Promise<{ emulator: EmbeddedEmulator; db: Firestore }> {
  const emulator = await startEmulator();
  running.push(emulator);
  return { emulator, db: connectFirestore({ projectId: PROJECT, emulatorHost: emulator.address }) };
}

/** Every kind of value the run's documents could hold, and the edges of number encoding. */
const RICH: Record<string, unknown> = {
  teks: 'Dinas Pendidikan — Kab. Sawahlunto',
  kosongTeks: '',
  bulat: 42,
  negatif: -7,
  besar: Number.MAX_SAFE_INTEGER,
  diluarAman: 2 ** 60,
  pecahan: 0.125,
  nolNegatif: -0,
  takHingga: Number.POSITIVE_INFINITY,
  bukanAngka: Number.NaN,
  benar: true,
  salah: false,
  kosong: null,
  tanggal: new Date(Date.UTC(2027, 2, 1, 7, 30, 15, 123)),
  waktu: new Timestamp(1_800_000_000, 123_456_789),
  bita: new Uint8Array([0, 1, 254, 255]),
  daftar: [1, 'dua', { tiga: 3.5, empat: [] }, null, new Date(0)],
  daftarKosong: [],
  peta: { a: { b: { c: [true, 2.5] } }, 'nama.bertitik': 'x' },
  petaKosong: {},
};

/** A read document with its references as their paths (a reference holds its client). */
const comparable = (data: unknown): unknown =>
  data instanceof DocumentReference
    ? `ref:${data.path}`
    : data && typeof data === 'object' && Object.getPrototypeOf(data) === Object.prototype
      ? Object.fromEntries(Object.entries(data).map(([k, v]) => [k, comparable(v)]))
      : data;

/** id -> the document's typed fields, as the store file would hold them. */
function typed(emulator: EmbeddedEmulator, collection: string): Map<string, unknown> {
  const out = new Map<string, unknown>();
  eachDocument(emulator.state, (doc) => {
    const line = lineOf(doc);
    if (line.p.includes(`/documents/${collection}/`))
      out.set(line.p.slice(line.p.lastIndexOf('/') + 1), line.f);
  });
  return out;
}

test('a batch written into the state is read, stored and queried exactly as the same set() through the client', async () => {
  const viaClient = await open();
  const direct = await open();
  const docs = [
    { id: 'kaya', data: RICH },
    { id: 'sederhana', data: { tahun: 2027, nama: 'Siti' } },
  ];
  for (const d of docs) await viaClient.db.doc(`tenants/t/coba/${d.id}`).set(d.data);
  stateBatchWriter(direct.emulator.state, PROJECT)('tenants/t/coba', docs);

  // the typed form (what saveStore writes) is the same for every value
  expect(typed(direct.emulator, 'tenants/t/coba')).toEqual(typed(viaClient.emulator, 'tenants/t/coba'));
  // what a client reads back, through the emulator's own field objects built from the plain values
  for (const d of docs) {
    const [a, b] = await Promise.all([
      viaClient.db.doc(`tenants/t/coba/${d.id}`).get(),
      direct.db.doc(`tenants/t/coba/${d.id}`).get(),
    ]);
    expect(b.exists).toBe(true);
    expect(b.data()).toEqual(a.data());
  }
  // queries filter and project over plain documents as over the client's
  const q = (db: Firestore) =>
    db.collection('tenants/t/coba').where('bulat', '==', 42).select('teks', 'peta').get();
  const [qa, qb] = await Promise.all([q(viaClient.db), q(direct.db)]);
  expect(qb.docs.map((d) => [d.id, d.data()])).toEqual(qa.docs.map((d) => [d.id, d.data()]));
  expect(qb.docs.map((d) => d.id)).toEqual(['kaya']);
  // the state reader reads the same scalars from either
  const read = (e: EmbeddedEmulator) => [
    ...stateFieldsReader(e.state, PROJECT)('tenants/t/coba', [
      'teks',
      'bulat',
      'pecahan',
      'tanggal',
      'tahun',
    ]),
  ];
  expect(read(direct.emulator)).toEqual(read(viaClient.emulator));
  expect(read(direct.emulator)[0]?.data).toEqual({ teks: RICH.teks, bulat: 42, pecahan: 0.125 });
});

test('a set replaces the whole document and keeps its creation time; a delete removes it; a client write over a plain document replaces it', async () => {
  const { emulator, db } = await open();
  const write = stateBatchWriter(emulator.state, PROJECT);
  write('tenants/t/ganti', [{ id: 'a', data: { lama: 1, tetap: 'x' } }]);
  const first = await db.doc('tenants/t/ganti/a').get();
  await new Promise((resolve) => setTimeout(resolve, 5));
  write('tenants/t/ganti', [{ id: 'a', data: { baru: 2 } }]);
  const second = await db.doc('tenants/t/ganti/a').get();
  expect(second.data()).toEqual({ baru: 2 });
  expect(second.createTime?.toMillis()).toBe(first.createTime?.toMillis());
  expect(second.updateTime?.toMillis()).toBeGreaterThan(first.updateTime?.toMillis() ?? 0);

  write('tenants/t/ganti', [
    { id: 'a', data: null },
    { id: 'tidak-ada', data: null },
  ]);
  expect((await db.doc('tenants/t/ganti/a').get()).exists).toBe(false);
  expect((await db.doc('tenants/t/ganti/tidak-ada').get()).exists).toBe(false);
  expect((await db.collection('tenants/t/ganti').get()).size).toBe(0);

  write('tenants/t/ganti', [{ id: 'b', data: { dari: 'langsung', sisa: true } }]);
  await db.doc('tenants/t/ganti/b').set({ dari: 'klien' });
  expect((await db.doc('tenants/t/ganti/b').get()).data()).toEqual({ dari: 'klien' });
  await db.doc('tenants/t/ganti/b').update({ tambah: 1 });
  expect((await db.doc('tenants/t/ganti/b').get()).data()).toEqual({ dari: 'klien', tambah: 1 });
});

test('a value Firestore or its client refuses fails the whole batch, in Indonesian, before any write', async () => {
  const { emulator, db } = await open();
  const write = stateBatchWriter(emulator.state, PROJECT);
  class Pegawai {
    nama = 'x';
  }
  const bad: [string, Record<string, unknown>, RegExp][] = [
    ['undefined', { a: { b: undefined } }, /a\.b .*jenis undefined/],
    ['class instance', { p: new Pegawai() }, /objek Pegawai/],
    ['nested array', { l: [[1]] }, /larik di dalam larik/],
    ['reserved name', { __nama__: 1 }, /dicadangkan/],
    ['empty name', { '': 1 }, /nama kolom kosong/],
    ['function', { f: () => 1 }, /jenis function/],
    ['GeoPoint (not written by the run)', { g: new GeoPoint(1, 2) }, /objek GeoPoint/],
    ['invalid date', { d: new Date(Number.NaN) }, /tanggal tidak sah/],
    ['too deep', { m: JSON.parse(`${'{"a":'.repeat(21)}1${'}'.repeat(21)}`) }, /lebih dari 20 tingkat/],
  ];
  for (const [, data, message] of bad) {
    const attempt = () =>
      write('tenants/t/tolak', [
        { id: 'baik', data: { ok: true } },
        { id: 'buruk', data },
      ]);
    expect(attempt).toThrow(UnstorableValueError);
    expect(attempt).toThrow(message);
  }
  expect((await db.collection('tenants/t/tolak').get()).size).toBe(0);
});

test('plain documents survive a save and a load exactly, typed values that no plain value gives included', async () => {
  const { emulator, db } = await open();
  // written through the client: a double holding an integer, nanoseconds, a reference, a geo point
  await db.doc('tenants/t/simpan/klien').set({
    ganda: 2.5,
    waktu: new Timestamp(1_800_000_000, 1),
    rujukan: db.doc('tenants/t/simpan/langsung'),
    lokasi: new GeoPoint(-0.68, 100.77),
  });
  const raw = emulator.state.getCollection(
    `projects/${PROJECT}/databases/(default)/documents/tenants/t/simpan`,
  ) as unknown as CollectionNode;
  // the emulator's own double 2.0 (a client would send 2 as an integer)
  await db.doc('tenants/t/simpan/ganda').set({ x: 1 });
  const ganda = raw.documents.ganda;
  if (!ganda) throw new Error('document not written');
  const { DoubleField } = {
    DoubleField: raw.documents.klien?.fields.ganda?.constructor as new (v: number) => never,
  };
  ganda.fields = { x: new DoubleField(2) };
  stateBatchWriter(emulator.state, PROJECT)('tenants/t/simpan', [{ id: 'langsung', data: RICH }]);

  const a = join(dir, 'a');
  const b = join(dir, 'b');
  await saveStore(a, emulator.state, new Date(Date.UTC(2027, 0, 1)));
  const second = await open();
  await loadStore(a, second.emulator.state);
  await saveStore(b, second.emulator.state, new Date(Date.UTC(2027, 0, 1)));
  expect(readFileSync(join(b, STORE_FILE), 'utf8')).toBe(readFileSync(join(a, STORE_FILE), 'utf8'));
  const text = readFileSync(join(a, STORE_FILE), 'utf8');
  expect(text).toContain('{"x":{"t":"double_value","v":2}}');
  expect(text).toContain('"waktu":{"t":"timestamp_value","v":{"nanos":1,"seconds":1800000000}}');

  // JSON has no NaN, infinity or -0: the file says them in words, and they come back as numbers
  expect(text).toContain('"bukanAngka":{"t":"double_value","v":"NaN"}');
  expect(text).toContain('"nolNegatif":{"t":"double_value","v":"-0"}');
  expect(text).toContain('"takHingga":{"t":"double_value","v":"Infinity"}');

  // and the loaded documents read back as the first emulator's
  for (const id of ['klien', 'ganda', 'langsung']) {
    const [x, y] = await Promise.all([
      db.doc(`tenants/t/simpan/${id}`).get(),
      second.db.doc(`tenants/t/simpan/${id}`).get(),
    ]);
    expect(comparable(y.data())).toEqual(comparable(x.data()));
  }
  expect((await second.db.doc('tenants/t/simpan/langsung').get()).get('bukanAngka')).toBeNaN();
});
