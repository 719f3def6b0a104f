/**
 * `bangkom run` writes only what changed: a rerun of the same workbook writes no record or
 * result document (only its run audit); a changed Pegawai row writes that record and the
 * results that depend on it; a removed row removes its document; and the data folder ends as
 * a fresh run of the same workbook (a full rewrite) would leave it.
 *
 * The store file (`firestore.bkdb`, and its journal) is read as the dump: each document's fields
 * and the time the emulator last wrote it, so "not written" is checked apart from what the run
 * reports.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { JOURNAL_FILE } from '../../../functions/src/adapters/emulator-journal';
import { STORE_FILE } from '../../../functions/src/adapters/emulator-store';
import { closeFirestoreConnections } from '../../../functions/src/adapters/firestore-connection';
import { runCli } from '../../../functions/src/cli/main';
import { captureIo, NIP_BUDI, NIP_RINA, NIP_SITI, type Sheets, validSheets, writeXlsx } from './cli-workbook';

let dir: string;

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  dir = mkdtempSync(join(tmpdir(), 'bangkom-inkremental-'));
});
afterAll(async () => {
  await closeFirestoreConnections();
  rmSync(dir, { recursive: true, force: true });
  nock.cleanAll();
  nock.enableNetConnect();
});

interface RunJson {
  runId: string;
  firestore: {
    documents: number;
    written: number;
    unchanged: number;
    removed: number;
    collections: Record<string, number>;
  };
}

/** Runs the workbook with its data folder `data` (inside the test folder). */
async function run(sheets: Sheets, data: string, name = 'program.xlsx'): Promise<RunJson> {
  const workbook = await writeXlsx(join(dir, name), sheets);
  const io = captureIo({ cwd: dir });
  const code = await runCli(['run', workbook, '--json', '--out', `out-${data}`, '--data', data], io);
  expect(code).toBe(0);
  return JSON.parse(io.out()) as RunJson;
}

interface Stored {
  /** when the emulator last wrote it (ms) */
  u: number;
  /** the fields without those naming the run and its time */
  content: string;
}

const VOLATILE = new Set(['runId', 'dibuat', 'dihitung']);

/** path below the tenant -> stored document; the run audits apart. */
function dump(data: string): { docs: Map<string, Stored>; runs: string[] } {
  const lines = readFileSync(join(dir, data, STORE_FILE), 'utf8')
    .trimEnd()
    .split('\n')
    .slice(2);
  // documents appended since the save (an unchanged rerun's audit) are part of the store
  const journal = join(dir, data, JOURNAL_FILE);
  if (existsSync(journal)) lines.push(...readFileSync(journal, 'utf8').trimEnd().split('\n').slice(2));
  const docs = new Map<string, Stored>();
  const runs: string[] = [];
  for (const line of lines) {
    const { p, u, f } = JSON.parse(line) as { p: string; u: number; f: Record<string, unknown> };
    const path = p.slice(p.indexOf('/tenants/') + '/tenants/'.length);
    if (/^[^/]+\/runs\//.test(path)) {
      runs.push(path);
      continue;
    }
    const fields = Object.fromEntries(Object.entries(f).filter(([k]) => !VOLATILE.has(k)));
    docs.set(path, { u, content: JSON.stringify(fields) });
  }
  return { docs, runs };
}

const contents = (d: Map<string, Stored>) => new Map([...d].map(([p, s]) => [p, s.content]));

/** Paths written between two dumps (new, or stored again), and paths gone. */
function writtenBetween(before: Map<string, Stored>, after: Map<string, Stored>) {
  return {
    written: [...after].filter(([p, s]) => before.get(p)?.u !== s.u).map(([p]) => p),
    gone: [...before.keys()].filter((p) => !after.has(p)),
  };
}

/** The same sheets with one Pegawai row changed: Rina moves from RSUD's Perawat to Analis Kebijakan. */
function rinaMoved(): Sheets {
  const s = validSheets();
  const pegawai = s.Pegawai ?? [];
  const i = pegawai.findIndex((r) => r[0] === NIP_RINA);
  pegawai[i] = [NIP_RINA, 'Rina Marlina', 'PPPK', 'Dinas Kesehatan', 'Analis Kebijakan', 'Fungsional'];
  return s;
}

test('an unchanged rerun writes no document but its run audit', async () => {
  const first = await run(validSheets(), 'sama');
  expect(first.firestore).toMatchObject({ written: first.firestore.documents, unchanged: 0, removed: 0 });
  const before = dump('sama');

  const second = await run(validSheets(), 'sama');
  expect(second.firestore).toMatchObject({
    documents: first.firestore.documents,
    written: 0,
    unchanged: first.firestore.documents,
    removed: 0,
  });
  const after = dump('sama');
  // not one record or result was stored again: the emulator's write times are the first run's
  expect(writtenBetween(before.docs, after.docs)).toEqual({ written: [], gone: [] });
  expect(after.runs).toHaveLength(before.runs.length + 1);
  expect(after.runs).toContain(`sawahlunto/runs/${second.runId}`);
});

test('a changed Pegawai row writes that record and the results that depend on it, as a full rewrite would leave them', async () => {
  await run(validSheets(), 'ubah');
  const before = dump('ubah').docs;
  const changed = await run(rinaMoved(), 'ubah');
  const after = dump('ubah').docs;
  const { written, gone } = writtenBetween(before, after);
  // RSUD has no one left: its per-OPD results go, as a full rewrite would not write them
  expect(gone.sort()).toEqual([
    'sawahlunto/gapsOpd/RSUD',
    'sawahlunto/jpOpd/2026~RSUD',
    'sawahlunto/summary/2026~RSUD',
  ]);
  expect(changed.firestore.removed).toBe(gone.length);
  expect(changed.firestore.written).toBe(written.length);
  expect(changed.firestore.unchanged).toBe(after.size - written.length);
  // what was written is exactly what differs in content: nothing rewritten for nothing
  const differs = [...after].filter(([p, s]) => before.get(p)?.content !== s.content).map(([p]) => p);
  expect(written.sort()).toEqual(differs.sort());
  expect(written).toEqual(
    expect.arrayContaining([`sawahlunto/employees/${NIP_RINA}`, `sawahlunto/gaps/${NIP_RINA}`]),
  );
  expect(written).not.toContain(`sawahlunto/employees/${NIP_BUDI}`);
  expect(written).not.toContain(`sawahlunto/employees/${NIP_SITI}`);
  expect(written.filter((p) => p.includes('/employees/'))).toHaveLength(1);
  expect(written.length).toBeLessThan(after.size / 2);

  // the same workbook run on an empty store: the same documents, field for field
  await run(rinaMoved(), 'ubah-penuh', 'program-penuh.xlsx');
  expect(contents(after)).toEqual(contents(dump('ubah-penuh').docs));
});

test('a removed row removes its document, and the store equals a full rewrite', async () => {
  await run(validSheets(), 'hapus');
  const without = validSheets();
  without.Pegawai = (without.Pegawai ?? []).filter((r) => r[0] !== NIP_SITI);
  const removed = await run(without, 'hapus');
  const after = dump('hapus').docs;
  expect(after.has(`sawahlunto/employees/${NIP_SITI}`)).toBe(false);
  expect(after.has(`sawahlunto/gaps/${NIP_SITI}`)).toBe(false);
  expect(removed.firestore.removed).toBeGreaterThanOrEqual(2);
  await run(without, 'hapus-penuh', 'program-penuh.xlsx');
  expect(contents(after)).toEqual(contents(dump('hapus-penuh').docs));
});
