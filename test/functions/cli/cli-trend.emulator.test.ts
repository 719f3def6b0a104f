/**
 * Done-when of the memory across cycles: `bangkom run` on a program workbook, then on the same
 * workbook advanced a year (sheets-templates/advance.ts), with the in-process emulator keeping
 * its data beside them, leaves a leaders' workbook whose `Tren` sheet shows both years and
 * whose main table shows the change. A small generated city keeps it fast.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import nock from 'nock';
import { closeFirestoreConnections } from '../../../functions/src/adapters/firestore-connection';
import { runCli } from '../../../functions/src/cli/main';
import { advanceYear } from '../../../sheets-templates/advance';
import { generateProgram } from '../../../sheets-templates/program';
import { writeWorkbookXlsx } from '../../../sheets-templates/xlsx';
import { captureIo } from './cli-workbook';

let dir: string;

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  dir = mkdtempSync(join(tmpdir(), 'bangkom-tren-'));
});
afterAll(async () => {
  await closeFirestoreConnections();
  rmSync(dir, { recursive: true, force: true });
  nock.cleanAll();
  nock.enableNetConnect();
});

interface RunJson {
  tahun: number;
  cycles: number[];
  summary: { path: string; sheets: string[] };
}

async function run(workbook: string): Promise<RunJson> {
  const io = captureIo({ cwd: dir, env: {} });
  const code = await runCli(['run', workbook, '--json', '--out', 'out'], io);
  expect(io.err()).not.toMatch(/gagal/i);
  expect(code).toBe(0);
  return JSON.parse(io.out()) as RunJson;
}

const texts = (ws: ExcelJS.Worksheet, col: number) =>
  Array.from({ length: ws.rowCount }, (_, i) => ws.getRow(i + 1).getCell(col).text);

test('two cycles: Tren shows both years, Ringkasan the change since the first', async () => {
  const options = { seed: 11, employees: 260, sessions: 4, invalidRows: false };
  const first = generateProgram(options);
  const next = advanceYear(first, options.seed);
  // deterministic: the same seed gives the same next year
  expect(advanceYear(first, options.seed)).toEqual(next);
  await writeWorkbookXlsx(first, join(dir, 'kota.xlsx'));
  await writeWorkbookXlsx(next, join(dir, 'kota-2027.xlsx'));

  const r1 = await run(join(dir, 'kota.xlsx'));
  expect(r1.cycles).toEqual([2026]);
  const r2 = await run(join(dir, 'kota-2027.xlsx'));
  expect(r2.cycles).toEqual([2026, 2027]);
  expect(r2.summary.sheets.slice(0, 3)).toEqual(['Ringkasan Pimpinan', 'Sasaran Program', 'Tren']);
  // L4: the advanced year's SKM periods compared around the year's training
  expect(r2.summary.sheets).toContain('Hasil Layanan');

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(r2.summary.path);
  // the sample's goal for the following year is the one judged in that year
  const sasaran = wb.getWorksheet('Sasaran Program');
  if (!sasaran) throw new Error('no Sasaran Program sheet');
  const goalRows = Array.from({ length: sasaran.rowCount }, (_, i) =>
    [1, 2, 4, 6].map((c) => sasaran.getRow(i + 1).getCell(c).text),
  );
  expect(goalRows).toContainEqual([
    'ASN Memenuhi Target JP',
    'Seluruh OPD',
    '≥ 65,0%',
    expect.stringMatching(/^(✓ tercapai|✗ belum tercapai)$/),
  ]);
  expect(goalRows.filter((r) => r[1] === 'Seluruh OPD').map((r) => r[0])).toEqual(['ASN Memenuhi Target JP']);
  const tren = wb.getWorksheet('Tren');
  if (!tren) throw new Error('no Tren sheet');
  const header = tren.getRow(4).values as unknown[];
  expect(header).toContain('Perubahan dari Tahun Sebelumnya');
  const opd = texts(tren, 1);
  const years = texts(tren, 2);
  const city = years.flatMap((y, i) => (opd[i] === 'Seluruh OPD' ? [y] : []));
  expect(city).toEqual(['2026', '2027']);
  const cityChange = tren.getRow(years.indexOf('2027') + 1).getCell(9).text;
  // trained people were reassessed with smaller gaps, and many more reached 20 JP
  expect(cityChange).toMatch(/20 JP ▲ [\d,]+ poin/);
  expect(cityChange).toMatch(/kesenjangan ▼ [\d,]+/);

  const ringkasan = wb.getWorksheet('Ringkasan Pimpinan');
  if (!ringkasan) throw new Error('no Ringkasan sheet');
  const headers = ringkasan.getRow(4).values as unknown[];
  const changeCol = headers.indexOf('Perubahan sejak 2026');
  expect(changeCol).toBeGreaterThan(0);
  const changes = texts(ringkasan, changeCol)
    .slice(4)
    .filter((t) => t !== '');
  expect(changes.length).toBeGreaterThan(20);
  expect(changes.filter((t) => t.includes('▲') || t.includes('▼')).length).toBeGreaterThan(20);
}, 240_000);
