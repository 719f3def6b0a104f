/**
 * `bangkom run`'s audit is written last: while the leaders' workbook is rendered the run is
 * not yet `selesai`, and when the renderer fails the run is marked `gagal` with an Indonesian
 * reason, the command exits 2 without the renderer's own error text.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import type * as cycleWrites from '../../../functions/src/adapters/cycle-writes';
import { type EmbeddedEmulator, startEmulator } from '../../../functions/src/adapters/emulator';
import {
  closeFirestoreConnections,
  connectFirestore,
} from '../../../functions/src/adapters/firestore-connection';
import type * as staffWorkbook from '../../../functions/src/adapters/staff-workbook';
import type * as xlsx from '../../../functions/src/adapters/summary-xlsx/index';
import { runCli } from '../../../functions/src/cli/main';
import { LATER_STEP_FAILED } from '../../../functions/src/cli/run/write';
import { captureIo, invalidSheets, writeXlsx } from './cli-workbook';

/** The renderer, real unless a test makes it do something first (read the audit, or fail). */
let beforeRender: (() => Promise<void>) | undefined;
jest.mock('../../../functions/src/adapters/summary-xlsx/index', () => {
  const real = jest.requireActual('../../../functions/src/adapters/summary-xlsx/index');
  return {
    ...real,
    renderSummaryXlsx: async (...args: Parameters<typeof xlsx.renderSummaryXlsx>) => {
      await beforeRender?.();
      return real.renderSummaryXlsx(...args);
    },
  };
});

/** The writer, real unless a test makes it fail first (as Firestore does, with a gRPC status). */
let beforeWrite: (() => Promise<void>) | undefined;
jest.mock('../../../functions/src/adapters/cycle-writes', () => {
  const real = jest.requireActual('../../../functions/src/adapters/cycle-writes');
  return {
    ...real,
    applyWrites: async (...args: Parameters<typeof cycleWrites.applyWrites>) => {
      await beforeWrite?.();
      return real.applyWrites(...args);
    },
  };
});

/** The staff workbook's writer, real unless a test makes it fail first. */
let beforeStaff: (() => Promise<void>) | undefined;
jest.mock('../../../functions/src/adapters/staff-workbook', () => {
  const real = jest.requireActual('../../../functions/src/adapters/staff-workbook');
  return {
    ...real,
    writeStaffWorkbook: async (...args: Parameters<typeof staffWorkbook.writeStaffWorkbook>) => {
      await beforeStaff?.();
      return real.writeStaffWorkbook(...args);
    },
  };
});

const PROJECT = 'bangkom-urutan';
let emulator: EmbeddedEmulator;
let dir: string;
let workbook: string;

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  emulator = await startEmulator();
  dir = mkdtempSync(join(tmpdir(), 'bangkom-urutan-'));
  workbook = await writeXlsx(join(dir, 'program.xlsx'), invalidSheets());
});
afterAll(async () => {
  await closeFirestoreConnections();
  await new Promise((resolve) => setTimeout(resolve, 200));
  await emulator.stop();
  rmSync(dir, { recursive: true, force: true });
  nock.enableNetConnect();
});

const db = () => connectFirestore({ projectId: PROJECT, emulatorHost: emulator.address });

async function runs(): Promise<Record<string, { status: string; message?: string }>> {
  const snap = await db().collection('tenants/sawahlunto/runs').get();
  return Object.fromEntries(snap.docs.map((d) => [d.id, d.data() as { status: string; message?: string }]));
}

let outs = 0;

/** One run, each into a --out of its own: a rerun into the same one would not render again. */
async function run(env: Record<string, string> = {}) {
  const io = captureIo({
    cwd: dir,
    env: { FIRESTORE_EMULATOR_HOST: emulator.address, GOOGLE_CLOUD_PROJECT: PROJECT, ...env },
  });
  const code = await runCli(['run', workbook, '--json', '--out', `out-${++outs}`], io);
  return { code, out: io.out(), err: io.err() };
}

test('while the leaders workbook is rendered, no run is marked selesai; afterwards it is', async () => {
  const seen: string[] = [];
  beforeRender = async () => {
    for (const r of Object.values(await runs())) seen.push(r.status);
  };
  try {
    const { code, out, err } = await run();
    expect({ code, err: code === 0 ? '' : err }).toEqual({ code: 0, err: '' });
    const { runId } = JSON.parse(out) as { runId: string };
    // the documents are written and the run says so, but it has not finished
    expect(seen).toEqual(['berjalan']);
    expect((await runs())[runId]?.status).toBe('selesai dengan galat'); // the sample's invalid rows
    // the staff's workbook, written ahead of the Firestore write, is in place; nothing temporary left
    expect(readdirSync(join(dir, `out-${outs}`)).sort()).toEqual([
      '.bangkom-jadwal.json',
      '.bangkom-proses.json',
      'rencana-bkpsdm.xlsx',
      'ringkasan-pimpinan.xlsx',
    ]);
  } finally {
    beforeRender = undefined;
  }
});

test('a renderer failure marks the run gagal with an Indonesian reason, exit 2, no raw error text', async () => {
  const before = new Set(Object.keys(await runs()));
  beforeRender = async () => {
    throw new TypeError("Cannot read properties of undefined (reading 'width')");
  };
  try {
    const { code, out, err } = await run();
    expect(code).toBe(2);
    const answer = JSON.parse(out) as { error: { code: string; message: string } };
    expect(answer.error.code).toBe('GAGAL');
    expect(answer.error.message).toContain(LATER_STEP_FAILED);
    expect(`${out}${err}`).not.toMatch(/Cannot read properties|TypeError/);
    const added = Object.entries(await runs()).filter(([id]) => !before.has(id));
    expect(added).toEqual([
      [expect.any(String), expect.objectContaining({ status: 'gagal', message: LATER_STEP_FAILED })],
    ]);
    // as before the staff's workbook was written ahead: a failed run puts no workbook in place
    expect(readdirSync(join(dir, `out-${outs}`))).toEqual([]);
  } finally {
    beforeRender = undefined;
  }
});

test('the staff workbook failing (written ahead of the data): gagal after the data is written, as before', async () => {
  const before = new Set(Object.keys(await runs()));
  let writtenFirst = false;
  beforeStaff = async () => {
    throw new TypeError("Cannot read properties of undefined (reading 'font')");
  };
  beforeRender = async () => {
    // the leaders' workbook is still rendered, after the documents are written
    writtenFirst = Object.values(await runs()).some((r) => r.status === 'berjalan');
  };
  try {
    const { code, out, err } = await run();
    expect(code).toBe(2);
    const answer = JSON.parse(out) as { error: { code: string; message: string } };
    expect(answer.error.message).toContain(LATER_STEP_FAILED);
    expect(`${out}${err}`).not.toMatch(/Cannot read properties|TypeError/);
    expect(writtenFirst).toBe(true);
    const added = Object.entries(await runs()).filter(([id]) => !before.has(id));
    expect(added).toEqual([
      [expect.any(String), expect.objectContaining({ status: 'gagal', message: LATER_STEP_FAILED })],
    ]);
    expect(readdirSync(join(dir, `out-${outs}`))).toEqual(['ringkasan-pimpinan.xlsx']);
  } finally {
    beforeStaff = undefined;
    beforeRender = undefined;
  }
});

test('with BANGKOM_DEBUG the renderer error itself is shown, for the maintainer', async () => {
  beforeRender = async () => {
    throw new TypeError('renderer exploded');
  };
  try {
    const { code, err } = await run({ BANGKOM_DEBUG: '1' });
    expect(code).toBe(2);
    expect(err).toContain('renderer exploded');
  } finally {
    beforeRender = undefined;
  }
});

test('Firestore refusing the writes: gagal with the status explained in Indonesian, not the library text', async () => {
  const before = new Set(Object.keys(await runs()));
  beforeWrite = async () => {
    // what @google-cloud/firestore rejects with when the project's quota is spent
    throw Object.assign(new Error('8 RESOURCE_EXHAUSTED: Quota exceeded.'), { code: 8 });
  };
  try {
    const { code, out, err } = await run();
    expect(code).toBe(2);
    const answer = JSON.parse(out) as { error: { code: string; message: string } };
    expect(answer.error.code).toBe('GAGAL');
    expect(answer.error.message).toContain('kuota atau batas laju Firestore terlampaui (RESOURCE_EXHAUSTED)');
    expect(`${out}${err}`).not.toContain('Quota exceeded');
    expect(readdirSync(join(dir, `out-${outs}`))).toEqual([]);
    const added = Object.entries(await runs()).filter(([id]) => !before.has(id));
    expect(added).toEqual([
      [
        expect.any(String),
        expect.objectContaining({
          status: 'gagal',
          message: expect.stringMatching(/^kuota atau batas laju/),
        }),
      ],
    ]);
  } finally {
    beforeWrite = undefined;
  }
});
