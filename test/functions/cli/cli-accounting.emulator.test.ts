/**
 * Every row of the input is accounted for, through `validate`, the analysis commands and `run`:
 * counts[sheet] = {rows, valid, quarantined, superseded} with rows = valid + quarantined +
 * superseded, `run` stores exactly `valid` records per sheet, a resubmitted SKM response counts
 * once in the IKM too, and a sheet or CSV file the product does not know is reported.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SHEET_COLLECTION, type SheetCount } from '@bangkom/core';
import nock from 'nock';
import { type EmbeddedEmulator, startEmulator } from '../../../functions/src/adapters/emulator';
import { createStore } from '../../../functions/src/adapters/firestore';
import {
  closeFirestoreConnections,
  connectFirestore,
} from '../../../functions/src/adapters/firestore-connection';
import { runCli } from '../../../functions/src/cli/main';
import {
  captureIo,
  invalidSheets,
  NIP_BUDI,
  runCliIn,
  type Sheets,
  writeCsvFolder,
  writeXlsx,
} from './cli-workbook';

const PROJECT = 'bangkom-uji';
let emulator: EmbeddedEmulator;
let dir: string;

const U = ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'];

/** The invalid workbook plus resubmitted responses, a stray sheet and a misspelt column. */
function sheets(): Sheets {
  const s = invalidSheets();
  s.SKM = [
    ['Unit Layanan', 'Periode', 'ID Respons', ...U],
    ['Dinas Kesehatan', '2026-S1', 'resp-1', ...U.map(() => 1)],
    ['Dinas Kesehatan', '2026-S1', 'resp-2', ...U.map(() => 4)],
    ['Dinas Kesehatan', '2026-S1', 'resp-1', ...U.map(() => 3)], // resp-1 edited
    ['Dinas Kesehatan', '2026-S1', 'resp-1', ...U.map(() => 4)], // and edited again
  ];
  s.Penilaian?.push([NIP_BUDI, 'Diri', '2026-03-01 10:00:00', 4, null]); // replaces Budi's Diri
  s['Tes Awal'] = [
    ['ID Sesi', 'NIP', 'Pre'],
    ['S1', NIP_BUDI, 40],
  ];
  s.Pegawai?.[0]?.push('Emial');
  return s;
}

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  emulator = await startEmulator();
  dir = mkdtempSync(join(tmpdir(), 'bangkom-hitung-'));
});
afterAll(async () => {
  await closeFirestoreConnections();
  await new Promise((resolve) => setTimeout(resolve, 200));
  await emulator.stop();
  rmSync(dir, { recursive: true, force: true });
  nock.cleanAll();
  nock.enableNetConnect();
});

const identityHolds = (counts: Record<string, SheetCount>) =>
  Object.values(counts).every((c) => c.rows === c.valid + c.quarantined + c.superseded);

test('validate and every analysis command report the same counts, the ignored sheet and column', async () => {
  const xlsx = await writeXlsx(join(dir, 'program.xlsx'), sheets());
  const validate = await runCliIn(dir, ['validate', xlsx, '--json']);
  const counts = validate.json.counts as Record<string, SheetCount>;
  expect(identityHolds(counts)).toBe(true);
  expect(counts.SKM).toEqual({ rows: 4, valid: 2, quarantined: 0, superseded: 2 });
  expect(counts.Penilaian).toEqual({ rows: 3, valid: 2, quarantined: 0, superseded: 1 });
  expect(counts.Pegawai).toEqual({ rows: 4, valid: 3, quarantined: 1, superseded: 0 });
  expect(validate.json.ignoredSheets).toEqual([
    {
      sheet: 'Tes Awal',
      rows: 1,
      message:
        'Lembar "Tes Awal" bukan lembar bangkom dan tidak dibaca (1 baris data); mungkin maksudnya "Tes"?',
    },
  ]);
  expect(validate.json.ignoredColumns).toEqual([
    expect.objectContaining({
      sheet: 'Pegawai',
      column: 'Emial',
      message: expect.stringContaining('"Email"'),
    }),
  ]);
  for (const name of ['gaps', 'jp', 'ikm', 'evaluate']) {
    const r = await runCliIn(dir, [name, xlsx, '--json']);
    expect([name, r.json.counts]).toEqual([name, counts]);
    expect(r.json.ignoredSheets).toEqual(validate.json.ignoredSheets);
  }
  const ikm = await runCliIn(dir, ['ikm', xlsx, '--json']);
  expect((ikm.json.units as { responden: number }[]).map((u) => u.responden)).toEqual([2]);

  const text = await runCliIn(dir, ['validate', xlsx]);
  expect(text.out).toMatch(/Lembar\s+Baris\s+Sah\s+Tidak sah\s+Digantikan/);
  expect(text.out).toContain(
    '3 baris digantikan oleh versi yang lebih baru dari respons yang sama (Penilaian 1, SKM 2)',
  );
  expect(text.out).toContain('Peringatan: Lembar "Tes Awal" bukan lembar bangkom');
  expect(text.out).toContain('Peringatan: Kolom "Emial" tidak dikenal di lembar Pegawai');
});

test('a CSV file whose name the product does not know is reported with a hint', async () => {
  const s = sheets();
  const folder = join(dir, 'csv');
  s.Pegawaii = s.Pegawai ?? [];
  await writeCsvFolder(folder, s);
  const r = await runCliIn(dir, ['validate', folder, '--json']);
  expect(r.json.ignoredSheets).toEqual(
    expect.arrayContaining([
      {
        sheet: 'Pegawaii',
        rows: 4,
        message:
          'Lembar "Pegawaii" bukan lembar bangkom dan tidak dibaca (4 baris data); mungkin maksudnya "Pegawai"?',
      },
    ]),
  );
});

test('run stores exactly the valid records of every sheet; the IKM counts a resubmitted response once', async () => {
  const xlsx = await writeXlsx(join(dir, 'siklus.xlsx'), sheets());
  const io = captureIo({
    cwd: dir,
    env: { FIRESTORE_EMULATOR_HOST: emulator.address, GOOGLE_CLOUD_PROJECT: PROJECT },
  });
  expect(await runCli(['run', xlsx, '--json', '--tenant', 'hitung'], io)).toBe(0);
  const json = JSON.parse(io.out()) as {
    counts: Record<string, SheetCount>;
    ignoredSheets: unknown[];
    quarantined: number;
    firestore: { collections: Record<string, number> };
  };
  expect(identityHolds(json.counts)).toBe(true);
  expect(json.ignoredSheets).toHaveLength(1);
  const store = createStore(
    connectFirestore({ projectId: PROJECT, emulatorHost: emulator.address }),
    'hitung',
  );
  let quarantined = 0;
  for (const [sheet, c] of Object.entries(json.counts)) {
    quarantined += c.quarantined;
    const collection = SHEET_COLLECTION[sheet as keyof typeof SHEET_COLLECTION];
    if (!collection) continue; // Pengaturan: one settings document
    const stored = (await store.readCollection(collection)).length;
    expect([sheet, stored]).toEqual([sheet, c.valid]);
    expect(json.firestore.collections[collection]).toBe(c.valid);
  }
  expect(json.quarantined).toBe(quarantined);
  expect((await store.readCollection('quarantine')).length).toBe(quarantined);
  const ikm = await store.readCollection('ikm');
  expect(ikm.map((d) => d.data.responden)).toEqual([2]);
});
