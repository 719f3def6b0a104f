/**
 * The local store's journal: documents appended after a save are read back after the store, a
 * journal of an earlier store or an append cut short is ignored, a damaged line is refused, and
 * the next full save folds the journal in.
 */
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { type EmbeddedEmulator, startEmulator } from '../../../functions/src/adapters/emulator';
import {
  appendJournal,
  JOURNAL_FILE,
  loadJournal,
  removeJournal,
} from '../../../functions/src/adapters/emulator-journal';
import {
  loadStore,
  StoreError,
  saveStore,
  storeDigest,
} from '../../../functions/src/adapters/emulator-store';
import {
  closeFirestoreConnections,
  connectFirestore,
} from '../../../functions/src/adapters/firestore-connection';

const PROJECT = 'bangkom-jurnal';
let dir: string;
const running: EmbeddedEmulator[] = [];

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  dir = mkdtempSync(join(tmpdir(), 'bangkom-jurnal-'));
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

const db = (e: EmbeddedEmulator) => connectFirestore({ projectId: PROJECT, emulatorHost: e.address });

/** path -> data of every document a new emulator holds after loading store and journal. */
async function reload(folder: string): Promise<{ docs: Record<string, unknown>; added: number }> {
  const e = await emulator();
  const loaded = await loadStore(folder, e.state);
  const { added } = loadJournal(folder, e.state, loaded.savedAt);
  const docs: Record<string, unknown> = {};
  for (const c of ['t/a/runs', 't/a/employees']) {
    for (const d of (await db(e).collection(c).get()).docs) docs[`${c}/${d.id}`] = d.data();
  }
  return { docs, added };
}

/** Each run's audit appended to the journal, as an unchanged rerun does. */
async function appendRuns(folder: string, runs: string[]): Promise<void> {
  for (const id of runs) {
    const run = await emulator();
    await db(run).doc(`t/a/runs/${id}`).set({ status: 'selesai' });
    const appended = await appendJournal(folder, run.state);
    expect(appended.documents).toBe(1);
  }
}

/** A store of one employee saved in `folder`, then `runs` audits appended run by run. */
async function storeWithJournal(folder: string, runs: string[]): Promise<void> {
  const base = await emulator();
  await db(base).doc('t/a/employees/1').set({ nama: 'Budi' });
  const saved = await saveStore(folder, base.state, new Date(Date.UTC(2026, 10, 1)));
  expect(saved.sha256).toBe(storeDigest(folder));
  await appendRuns(folder, runs);
}

test('appended documents load after the store, and the store file itself is not touched', async () => {
  const folder = join(dir, 'tambah');
  await storeWithJournal(folder, []);
  const digest = storeDigest(folder);
  await appendRuns(folder, ['r1', 'r2']);
  expect(storeDigest(folder)).toBe(digest);
  const { docs, added } = await reload(folder);
  expect(added).toBe(2);
  expect(docs).toEqual({
    't/a/runs/r1': { status: 'selesai' },
    't/a/runs/r2': { status: 'selesai' },
    't/a/employees/1': { nama: 'Budi' },
  });
});

test('an append cut short is ignored on load and dropped by the next append', async () => {
  const folder = join(dir, 'terpotong');
  await storeWithJournal(folder, ['r1']);
  appendFileSync(
    join(folder, JOURNAL_FILE),
    '{"p":"projects/x/databases/(default)/documents/t/a/runs/r9","c":1',
  );
  expect(Object.keys((await reload(folder)).docs).sort()).toEqual(['t/a/employees/1', 't/a/runs/r1']);

  const run = await emulator();
  await db(run).doc('t/a/runs/r2').set({ status: 'selesai' });
  await appendJournal(folder, run.state);
  expect(Object.keys((await reload(folder)).docs).sort()).toEqual([
    't/a/employees/1',
    't/a/runs/r1',
    't/a/runs/r2',
  ]);
});

test('a journal of an earlier store is ignored, and a full save removes the journal', async () => {
  const folder = join(dir, 'lama');
  await storeWithJournal(folder, ['r1']);
  const journal = readFileSync(join(folder, JOURNAL_FILE));
  // a later full save (another time), then its journal removal did not happen
  const again = await emulator();
  await db(again).doc('t/a/employees/2').set({ nama: 'Siti' });
  await saveStore(folder, again.state, new Date(Date.UTC(2026, 10, 2)));
  writeFileSync(join(folder, JOURNAL_FILE), journal);
  const { docs, added } = await reload(folder);
  expect(added).toBe(0);
  expect(Object.keys(docs)).toEqual(['t/a/employees/2']);

  await removeJournal(folder);
  expect(existsSync(join(folder, JOURNAL_FILE))).toBe(false);
});

test('a damaged journal line is refused in Bahasa Indonesia with its line number', async () => {
  const folder = join(dir, 'rusak');
  await storeWithJournal(folder, ['r1']);
  appendFileSync(join(folder, JOURNAL_FILE), 'bukan json\n');
  const e = await emulator();
  const loaded = await loadStore(folder, e.state);
  const load = () => loadJournal(folder, e.state, loaded.savedAt);
  expect(load).toThrow(StoreError);
  expect(load).toThrow(/rusak \(baris 4\)/);
});
