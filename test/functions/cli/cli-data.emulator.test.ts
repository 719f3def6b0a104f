/**
 * `bangkom run` with the in-process emulator keeps its data in a folder: `.bangkom` beside the
 * workbook by default, `--data DIR` to choose, `--fresh` to start empty; `--data` with an
 * outside Firestore is refused.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { STORE_FILE } from '../../../functions/src/adapters/emulator-store';
import { closeFirestoreConnections } from '../../../functions/src/adapters/firestore-connection';
import { runCli } from '../../../functions/src/cli/main';
import { captureIo, invalidSheets, writeXlsx } from './cli-workbook';

let dir: string;
let workbook: string;

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  dir = mkdtempSync(join(tmpdir(), 'bangkom-data-'));
  workbook = await writeXlsx(join(dir, 'program.xlsx'), invalidSheets());
});
afterAll(async () => {
  await closeFirestoreConnections();
  rmSync(dir, { recursive: true, force: true });
  nock.cleanAll();
  nock.enableNetConnect();
});

interface DataJson {
  firestore: {
    target: string;
    documents: number;
    data?: { path: string; fresh: boolean; loaded: number; saved: number; bytes: number };
  };
  error?: { message: string };
}

let outs = 0;

/** One run, each into a --out of its own: a rerun into the same one may skip loading (cli-reuse). */
async function run(env: Record<string, string>, ...extra: string[]) {
  const io = captureIo({ cwd: dir, env });
  const code = await runCli(['run', workbook, '--json', '--out', `out-${++outs}`, ...extra], io);
  return { code, json: JSON.parse(io.out()) as DataJson, text: io.err() };
}

test('a second run loads what the first saved beside the workbook; --fresh starts empty; --data chooses the folder', async () => {
  const first = await run({});
  expect(first.code).toBe(0);
  expect(first.json.firestore.target).toBe('emulator-dalam-proses');
  const data1 = first.json.firestore.data;
  expect(data1?.path).toBe(join(dir, '.bangkom'));
  expect(data1?.loaded).toBe(0);
  // every document of the run plus its audit document
  expect(data1?.saved).toBe(first.json.firestore.documents + 1);
  expect(existsSync(join(dir, '.bangkom', STORE_FILE))).toBe(true);

  const second = await run({});
  const data2 = second.json.firestore.data;
  expect(data2?.loaded).toBe(data1?.saved);
  // deterministic ids: the rerun replaces the records; only the new audit document adds up
  expect(data2?.saved).toBe((data1?.saved ?? 0) + 1);
  expect(second.text).toContain('dimuat dari');

  const fresh = await run({}, '--fresh');
  expect(fresh.json.firestore.data).toMatchObject({ fresh: true, loaded: 0, saved: data1?.saved });

  const chosen = await run({}, '--data', 'lain');
  expect(chosen.json.firestore.data).toMatchObject({ path: join(dir, 'lain'), loaded: 0 });
  expect(existsSync(join(dir, 'lain', STORE_FILE))).toBe(true);
});

test('--data with an outside Firestore is refused in Indonesian', async () => {
  const r = await run({ FIRESTORE_EMULATOR_HOST: '127.0.0.1:1' }, '--data', 'x');
  expect(r.code).toBe(2);
  expect(r.json.error?.message).toContain('--data dan --fresh hanya berlaku untuk emulator dalam proses');
});
