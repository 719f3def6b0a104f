/**
 * `bangkom run` against the embedded Firestore emulator: every record, result and quarantined
 * row is written under tenants/{tenant}, a rerun overwrites (same document counts), and the
 * leaders' workbook is written.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import nock from 'nock';
import { type EmbeddedEmulator, startEmulator } from '../../../functions/src/adapters/emulator';
import { createStore } from '../../../functions/src/adapters/firestore';
import {
  closeFirestoreConnections,
  connectFirestore,
} from '../../../functions/src/adapters/firestore-connection';
import { runCli } from '../../../functions/src/cli/main';
import { captureIo, invalidSheets, NIP_BUDI, writeXlsx } from './cli-workbook';

const PROJECT = 'bangkom-uji';
let emulator: EmbeddedEmulator;
let dir: string;
let workbook: string;

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  emulator = await startEmulator();
  dir = mkdtempSync(join(tmpdir(), 'bangkom-run-'));
  workbook = await writeXlsx(join(dir, 'program.xlsx'), invalidSheets());
});
afterAll(async () => {
  await closeFirestoreConnections();
  // let the closed clients' gRPC streams settle before the server goes away
  await new Promise((resolve) => setTimeout(resolve, 200));
  await emulator.stop();
  rmSync(dir, { recursive: true, force: true });
  nock.cleanAll();
  nock.enableNetConnect();
});

async function run(...extra: string[]) {
  const io = captureIo({
    cwd: dir,
    env: { FIRESTORE_EMULATOR_HOST: emulator.address, GOOGLE_CLOUD_PROJECT: PROJECT },
  });
  const code = await runCli(['run', workbook, '--json', ...extra], io);
  return { code, json: JSON.parse(io.out()) as RunJson, err: io.err() };
}

interface RunJson {
  runId: string;
  tenant: string;
  valid: boolean;
  input: { sha256: string };
  firestore: { target: string; collections: Record<string, number>; documents: number; runDoc: string };
  summary: { path: string; sheets: string[]; charts: number };
  staff: { path: string; sheets: string[] };
  schedule: { sessions: number };
  quarantined: number;
  errors: unknown[];
}

async function countDocs(tenant: string, collections: readonly string[]): Promise<Record<string, number>> {
  const store = createStore(connectFirestore({ projectId: PROJECT, emulatorHost: emulator.address }), tenant);
  const out: Record<string, number> = {};
  for (const c of collections) out[c] = (await store.readCollection(c)).length;
  return out;
}

test('run writes every record, result and quarantined row, an audit document and the leaders workbook; a rerun overwrites', async () => {
  const first = await run();
  expect(first.code).toBe(0); // invalid rows are quarantined; the cycle completed
  expect(first.json.valid).toBe(false);
  expect(first.json.tenant).toBe('sawahlunto');
  expect(first.json.firestore.target).toBe('emulator');
  expect(first.json.quarantined).toBe(2);
  expect(first.json.errors).toHaveLength(2);
  expect(first.json.input.sha256).toBe(createHash('sha256').update(readFileSync(workbook)).digest('hex'));

  const reported = first.json.firestore.collections;
  expect(reported).toMatchObject({
    employees: 3,
    trainings: 3,
    quarantine: 2,
    gaps: 3,
    jp: 3,
    ikm: 1,
    evaluations: 1,
  });
  const stored = await countDocs('sawahlunto', Object.keys(reported));
  expect(stored).toEqual(reported);
  expect(first.json.firestore.documents).toBe(Object.values(reported).reduce((a, n) => a + n, 0));

  // documents carry the records and results, with deterministic ids
  const store = createStore(
    connectFirestore({ projectId: PROJECT, emulatorHost: emulator.address }),
    'sawahlunto',
  );
  expect((await store.readDoc('employees', NIP_BUDI))?.data).toMatchObject({
    nama: 'Budi Santoso',
    opd: 'Dinas Kesehatan',
  });
  expect((await store.readDoc('jp', `2026~${NIP_BUDI}`))?.data).toMatchObject({
    tahun: 2026,
    jp: 24,
    memenuhi: true,
  });
  expect((await store.readDoc('quarantine', 'Pegawai~5'))?.data).toMatchObject({
    sheet: 'Pegawai',
    row: 5,
    values: expect.objectContaining({ NIP: '12345' }),
  });

  // the audit document
  const runId = first.json.runId;
  const audit = (await store.readDoc('runs', runId))?.data;
  expect(first.json.firestore.runDoc).toBe(`tenants/sawahlunto/runs/${runId}`);
  expect(audit).toMatchObject({
    runId,
    kind: 'run',
    tenant: 'sawahlunto',
    inputChecksum: first.json.input.sha256,
    status: 'selesai dengan galat',
    errorCount: 2,
  });
  expect(audit?.counts).toMatchObject({ employees: 3, quarantine: 2 });

  // the leaders' workbook
  expect(first.json.summary.path).toBe(join(dir, 'out', 'ringkasan-pimpinan.xlsx'));
  // per-person sheets in the staff's workbook, which opens on the personal-data notice
  expect(first.json.staff.path).toBe(join(dir, 'out', 'rencana-bkpsdm.xlsx'));
  expect(first.json.staff.sheets[0]).toBe('Data Pribadi');
  expect(first.json.summary.sheets).not.toContain('Rencana Individu');
  expect(existsSync(first.json.staff.path)).toBe(true);
  expect(existsSync(first.json.summary.path)).toBe(true);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(first.json.summary.path);
  const names = wb.worksheets.map((w) => w.name);
  expect(names.slice(0, 5)).toEqual([
    'Ringkasan Pimpinan',
    'Sasaran Program',
    'Tren',
    'Peta Kesenjangan',
    'IKM Unit Layanan',
  ]);
  expect(names).toContain('Jadwal Pelatihan');
  // the summary's two bar charts and the trend's two line charts, as images
  expect(wb.getWorksheet('Ringkasan Pimpinan')?.getImages().length).toBe(2);
  expect(wb.getWorksheet('Tren')?.getImages().length).toBe(2);
  expect(first.json.summary.charts).toBe(4);

  // rerun: same documents, overwritten; one more audit document
  const second = await run();
  expect(second.code).toBe(0);
  expect(second.json.firestore.collections).toEqual(reported);
  expect(await countDocs('sawahlunto', Object.keys(reported))).toEqual(stored);
  expect((await countDocs('sawahlunto', ['runs'])).runs).toBe(2);
});

test('--strict exits 1 when rows were quarantined; --tenant writes under that tenant', async () => {
  const { code, json } = await run('--strict', '--tenant', 'padang', '--out', 'hasil-padang');
  expect(code).toBe(1);
  expect(json.tenant).toBe('padang');
  expect((await countDocs('padang', ['employees'])).employees).toBe(3);
  expect(json.summary.path).toBe(join(dir, 'hasil-padang', 'ringkasan-pimpinan.xlsx'));
});

test('an invalid tenant id is refused before anything is written', async () => {
  const { code, json } = await run('--tenant', '../lain');
  expect(code).toBe(2);
  expect(json).toEqual({ error: { code: 'GAGAL', message: expect.stringMatching(/ID tenant tidak sah/) } });
});

test('an emulator address where nothing listens fails fast with exit 2', async () => {
  const server = createServer();
  const port = await new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
  await new Promise((resolve) => server.close(resolve));
  const io = captureIo({ cwd: dir, env: { FIRESTORE_EMULATOR_HOST: `127.0.0.1:${port}` } });
  const code = await runCli(['run', workbook, '--json'], io);
  expect(code).toBe(2);
  expect(JSON.parse(io.out()).error.message).toMatch(/Firestore tidak dapat dihubungi/);
});
