/**
 * The local data folder of the in-process emulator: what one emulator saved, a new emulator
 * loads with every Firestore type intact; the write is atomic; a newer or damaged store is
 * refused in Bahasa Indonesia.
 */
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Timestamp } from 'firebase-admin/firestore';
import nock from 'nock';
import { type EmbeddedEmulator, startEmulator } from '../../../functions/src/adapters/emulator';
import {
  loadStore,
  STORE_FILE,
  STORE_FORMAT,
  StoreError,
  sameStore,
  saveStore,
  stateFieldsReader,
  storeDigest,
  storeStamp,
} from '../../../functions/src/adapters/emulator-store';
import { stateBatchWriter } from '../../../functions/src/adapters/emulator-writer';
import {
  closeFirestoreConnections,
  connectFirestore,
} from '../../../functions/src/adapters/firestore-connection';

const PROJECT = 'bangkom-simpan';
let dir: string;
const running: EmbeddedEmulator[] = [];

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  dir = mkdtempSync(join(tmpdir(), 'bangkom-store-'));
});
afterAll(async () => {
  await closeFirestoreConnections();
  await new Promise((resolve) => setTimeout(resolve, 200));
  for (const e of running) await e.stop();
  rmSync(dir, { recursive: true, force: true });
  nock.cleanAll();
  nock.enableNetConnect();
});

async function emulator(): Promise<EmbeddedEmulator> {
  const e = await startEmulator();
  running.push(e);
  return e;
}

const SAMPLE = {
  teks: 'Dinas Pendidikan',
  bulat: 42,
  pecahan: 0.125,
  benar: true,
  kosong: null,
  waktu: Timestamp.fromMillis(Date.UTC(2026, 10, 20, 3, 4, 5, 678)),
  daftar: [1, 'dua', { tiga: 3 }],
  peta: { a: { b: [true, 2.5] } },
  bita: Buffer.from([0, 1, 254, 255]),
};

test('a saved store loads into a new emulator with every value and type intact', async () => {
  const first = await emulator();
  const db1 = connectFirestore({ projectId: PROJECT, emulatorHost: first.address });
  await db1.doc('tenants/t1/cycles/2026').set(SAMPLE);
  await db1.doc('tenants/t1/cycles/2027').set({ tahun: 2027 });
  await db1.doc('tenants/t1/cycles/2027/sub/x').set({ dalam: 'ya' });
  await db1.doc('tenants/t1/cycles/hapus').set({ x: 1 });
  await db1.doc('tenants/t1/cycles/hapus').delete();

  const saved = await saveStore(dir, first.state, new Date(Date.UTC(2026, 11, 1)));
  expect(saved.documents).toBe(3); // the deleted one is not kept
  expect(readdirSync(dir)).toEqual([STORE_FILE]); // no temporary file left behind

  const second = await emulator();
  const loaded = await loadStore(dir, second.state);
  expect(loaded.documents).toBe(3);
  const db2 = connectFirestore({ projectId: PROJECT, emulatorHost: second.address });
  const snap = await db2.doc('tenants/t1/cycles/2026').get();
  const data = snap.data() ?? {};
  expect(data.teks).toBe('Dinas Pendidikan');
  expect(data.bulat).toBe(42);
  expect(data.pecahan).toBe(0.125);
  expect(data.benar).toBe(true);
  expect(data.kosong).toBeNull();
  expect((data.waktu as Timestamp).toMillis()).toBe(SAMPLE.waktu.toMillis());
  expect(data.daftar).toEqual([1, 'dua', { tiga: 3 }]);
  expect(data.peta).toEqual({ a: { b: [true, 2.5] } });
  expect(Buffer.from(data.bita as Uint8Array)).toEqual(SAMPLE.bita);
  const list = await db2.collection('tenants/t1/cycles').get();
  expect(list.docs.map((d) => d.id).sort()).toEqual(['2026', '2027']);
  expect((await db2.doc('tenants/t1/cycles/2027/sub/x').get()).data()).toEqual({ dalam: 'ya' });
  expect((await db2.doc('tenants/t1/cycles/hapus').get()).exists).toBe(false);

  // a write after loading goes on as in any emulator; a query sees loaded and new alike
  await db2.doc('tenants/t1/cycles/2028').set({ tahun: 2028 });
  const years = await db2.collection('tenants/t1/cycles').where('tahun', '>=', 2027).get();
  expect(years.docs.map((d) => d.id).sort()).toEqual(['2027', '2028']);
});

test('an empty folder loads nothing; a store from a newer format or a damaged one is refused in Indonesian', async () => {
  const e = await emulator();
  const empty = mkdtempSync(join(dir, 'kosong-'));
  expect(await loadStore(empty, e.state)).toEqual({ documents: 0, bytes: 0, ms: 0 });

  const newer = mkdtempSync(join(dir, 'baru-'));
  writeFileSync(
    join(newer, STORE_FILE),
    `bangkom-firestore\n${JSON.stringify({ format: STORE_FORMAT + 1, documents: 0, savedAt: '2030-01-01T00:00:00Z' })}\n`,
  );
  await expect(loadStore(newer, e.state)).rejects.toThrow(StoreError);
  await expect(loadStore(newer, e.state)).rejects.toThrow(
    `ditulis oleh bangkom yang lebih baru (format ${STORE_FORMAT + 1}`,
  );

  const cut = mkdtempSync(join(dir, 'rusak-'));
  const whole = readFileSync(join(dir, STORE_FILE), 'utf8');
  writeFileSync(join(cut, STORE_FILE), whole.slice(0, whole.length - 40));
  await expect(loadStore(cut, e.state)).rejects.toThrow(/rusak \(baris \d+\).*--fresh/);

  const foreign = mkdtempSync(join(dir, 'asing-'));
  writeFileSync(join(foreign, STORE_FILE), 'PK\u0003\u0004 bukan data');
  await expect(loadStore(foreign, e.state)).rejects.toThrow('bukan berkas data bangkom');
});

test('a save that cannot complete leaves the previous store whole and no temporary file', async () => {
  const e = await emulator();
  const db = connectFirestore({ projectId: `${PROJECT}-2`, emulatorHost: e.address });
  await db.doc('tenants/t2/cycles/2026').set({ tahun: 2026 });
  const target = mkdtempSync(join(dir, 'utuh-'));
  await saveStore(target, e.state, new Date(0));
  const before = readFileSync(join(target, STORE_FILE));
  // the store's name taken by a folder: rename fails after the temporary file is written
  const blocked = mkdtempSync(join(dir, 'terhalang-'));
  const { mkdirSync } = await import('node:fs');
  mkdirSync(join(blocked, STORE_FILE));
  await expect(saveStore(blocked, e.state, new Date(0))).rejects.toThrow('data sebelumnya tetap utuh');
  expect(readdirSync(blocked)).toEqual([STORE_FILE]);
  expect(readFileSync(join(target, STORE_FILE))).toEqual(before);
  expect(existsSync(join(target, `${STORE_FILE}.${process.pid}.tmp`))).toBe(false);
});

test('a line longer than the read and write buffers, multi-byte characters across their edges, loads exactly', async () => {
  const e = await emulator();
  const project = `${PROJECT}-3`;
  // ~9 MB of UTF-8 in one field: more than one read chunk (8 MB) and one write buffer (4 MB)
  const long = 'ü—Ā𝄞a'.repeat(800_000);
  const docs = Array.from({ length: 50 }, (_, i) => ({
    id: `d${String(i).padStart(2, '0')}`,
    data: { teks: i === 7 ? long : `Nama ${i} — Sawahlunto ü`, urutan: i },
  }));
  stateBatchWriter(e.state, project)('tenants/t3/panjang', docs);
  const target = mkdtempSync(join(dir, 'panjang-'));
  const saved = await saveStore(target, e.state, new Date(0));
  expect(saved.bytes).toBeGreaterThan(9_000_000);
  const again = await emulator();
  expect((await loadStore(target, again.state)).documents).toBe(50);
  const read = [...stateFieldsReader(again.state, project)('tenants/t3/panjang', ['teks', 'urutan'])];
  expect(read).toEqual(docs);
  const copy = mkdtempSync(join(dir, 'salinan-'));
  await saveStore(copy, again.state, new Date(0));
  // (Buffer.equals: jest's toEqual would compare ten million bytes one by one)
  expect(readFileSync(join(copy, STORE_FILE)).equals(readFileSync(join(target, STORE_FILE)))).toBe(true);
});

test('plain documents are saved under the path the emulator gives them, in subcollections too', async () => {
  const e = await emulator();
  const project = `${PROJECT}-5`;
  const write = stateBatchWriter(e.state, project);
  write('tenants/t5/siklus', [{ id: '2026', data: { tahun: 2026 } }]);
  // a subcollection of a stored document, and one of a document that was never stored
  write('tenants/t5/siklus/2026/catatan', [{ id: 'c1', data: { isi: 'ada' } }]);
  write('tenants/t5/siklus/hantu/catatan', [{ id: 'c2', data: { isi: 'tanpa induk' } }]);
  // an id JSON must escape
  write('tenants/t5/siklus/2026/catatan', [{ id: 'kutip"dan\\miring', data: { isi: 'lolos' } }]);
  const target = mkdtempSync(join(dir, 'jalur-'));
  const saved = await saveStore(target, e.state, new Date(0));
  const lines = readFileSync(join(target, STORE_FILE), 'utf8').trim().split('\n').slice(2);
  const paths = lines.map((l) => (JSON.parse(l) as { p: string }).p);
  const base = `projects/${project}/databases/(default)/documents/tenants/t5/siklus`;
  expect(saved.documents).toBe(4);
  // a document, then its subcollections' documents, as the emulator's tree holds them
  expect(paths).toEqual([
    `${base}/2026`,
    `${base}/2026/catatan/c1`,
    `${base}/2026/catatan/kutip"dan\\miring`,
    `${base}/hantu/catatan/c2`,
  ]);
  const again = await emulator();
  expect((await loadStore(target, again.state)).documents).toBe(4);
  const read = [...stateFieldsReader(again.state, project)('tenants/t5/siklus/hantu/catatan', ['isi'])];
  expect(read).toEqual([{ id: 'c2', data: { isi: 'tanpa induk' } }]);
});

test('a saved store is recognised by its stamp without reading it; any other file only by its bytes', async () => {
  const e = await emulator();
  stateBatchWriter(e.state, `${PROJECT}-4`)('tenants/t4/pegawai', [{ id: 'p1', data: { nama: 'Budi' } }]);
  const target = mkdtempSync(join(dir, 'cap-'));
  const path = join(target, STORE_FILE);
  const saved = await saveStore(target, e.state, new Date(0));
  const sha = saved.sha256 ?? '';
  expect(saved.stamp).toBe(storeStamp(target));
  expect(sha).toBe(storeDigest(target));
  // the same stamp vouches for the bytes: not read (a wrong digest is not even noticed)
  expect(sameStore(target, sha, saved.stamp)).toBe(saved.stamp);
  expect(sameStore(target, 'f'.repeat(64), saved.stamp)).toBe(saved.stamp);
  // no stamp recorded (an older run): the bytes decide
  expect(sameStore(target, sha, undefined)).toBe(saved.stamp);
  expect(sameStore(target, 'f'.repeat(64), undefined)).toBeUndefined();

  // file times come from a coarse clock (a few ms): each write below is made a tick later
  const tick = () => new Promise((resolve) => setTimeout(resolve, 25));
  // the same bytes written again (a restored copy): another stamp, recognised by hashing
  const bytes = readFileSync(path);
  await tick();
  writeFileSync(path, bytes);
  const rewritten = storeStamp(target);
  expect(rewritten).not.toBe(saved.stamp);
  expect(sameStore(target, sha, saved.stamp)).toBe(rewritten);

  // one byte changed in place, same size, the modification time set back: the change time differs
  const { mtime, atime } = statSync(path);
  const edited = Buffer.from(bytes);
  const at = edited.indexOf('Budi');
  edited.write('Budu', at);
  await tick();
  writeFileSync(path, edited);
  utimesSync(path, atime, mtime);
  expect(statSync(path).size).toBe(bytes.length);
  expect(sameStore(target, sha, rewritten)).toBeUndefined();

  // no store at all
  rmSync(path);
  expect(storeStamp(target)).toBeUndefined();
  expect(sameStore(target, sha, rewritten)).toBeUndefined();
});
