/**
 * Damaged input is refused clearly: a truncated or corrupted .xlsx, a zip that is not a
 * workbook and a workbook without data rows exit 2 with an Indonesian message naming the file;
 * values a sheet cannot mean (control characters, spreadsheet error values, an absurd JP) are
 * quarantined with a reason; terminal escapes never reach the terminal raw.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateWorkbook } from '@bangkom/core';
import JSZip from 'jszip';
import nock from 'nock';
import { runCliIn, validSheets, writeXlsx } from './cli-workbook';

let dir: string;
let good: string;

beforeAll(async () => {
  nock.disableNetConnect();
  dir = mkdtempSync(join(tmpdir(), 'bangkom-rusak-'));
  good = await writeXlsx(join(dir, 'sah.xlsx'), validSheets());
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  nock.enableNetConnect();
});

/** No JavaScript error text: no "Cannot read properties", no "undefined", no stack frames. */
const RAW_JS = /Cannot read|undefined|TypeError|RangeError|SyntaxError|\bat .*\.(js|ts):\d+/;

async function refused(file: string) {
  const r = await runCliIn(dir, ['validate', file, '--json']);
  expect(r.code).toBe(2);
  const message = (r.json.error as { message: string }).message;
  expect(message).toContain(file);
  expect(message).not.toMatch(RAW_JS);
  expect(r.err).not.toMatch(RAW_JS);
  return message;
}

describe('a workbook that cannot be read whole exits 2, naming the file', () => {
  test.each([0.3, 0.6, 0.9])('truncated to %p of its bytes', async (share) => {
    const bytes = readFileSync(good);
    const file = join(dir, `terpotong-${share}.xlsx`);
    writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length * share)));
    expect(await refused(file)).toMatch(/rusak|terpotong/);
  });

  test('bytes overwritten in the middle', async () => {
    const bytes = Buffer.from(readFileSync(good));
    for (let i = Math.floor(bytes.length / 3); i < bytes.length / 3 + 400; i++) bytes[i] = 0x41;
    const file = join(dir, 'rusak-tengah.xlsx');
    writeFileSync(file, bytes);
    expect(await refused(file)).toMatch(/rusak/);
  });

  test('a zip that is not a workbook', async () => {
    const zip = new JSZip();
    zip.file('catatan.txt', 'bukan buku kerja');
    const file = join(dir, 'arsip.xlsx');
    writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
    expect(await refused(file)).toMatch(/bukan buku kerja Excel/);
  });

  test('a workbook without a single data row', async () => {
    const file = await writeXlsx(join(dir, 'kosong.xlsx'), {
      Pegawai: [['NIP', 'Nama', 'Jenis ASN', 'OPD', 'Jabatan']],
      Penilaian: [],
    });
    expect(await refused(file)).toMatch(/tidak berisi satu pun baris data/);
  });
});

describe('values a sheet cannot mean are quarantined with a reason', () => {
  const base = () => {
    const s = validSheets();
    return s;
  };

  test('control characters in a text cell', () => {
    const s = base();
    const row = s.Pegawai?.[1];
    if (row) row[3] = 'Dinas\u0001 Kesehatan';
    const r = validateWorkbook(s);
    expect(r.errors).toEqual([
      expect.objectContaining({
        sheet: 'Pegawai',
        row: 2,
        column: 'OPD',
        message: 'OPD berisi karakter kendali tak terlihat (U+0001); hapus karakter itu',
      }),
    ]);
    expect(r.counts.Pegawai).toMatchObject({ valid: 2, quarantined: 1 });
  });

  test('spreadsheet error values as data', () => {
    const s = base();
    const p = s.Pegawai?.[2];
    if (p) p[4] = '#N/A';
    const k = s['Katalog Pelatihan']?.[1];
    if (k) k[5] = '#DIV/0!';
    const r = validateWorkbook(s);
    expect(r.errors.map((e) => [e.sheet, e.row, e.column, e.message])).toEqual([
      ['Pegawai', 3, 'Jabatan', 'Jabatan berisi nilai galat spreadsheet "#N/A"; perbaiki rumus atau isinya'],
      [
        'Katalog Pelatihan',
        2,
        'Biaya per Peserta',
        'Biaya per Peserta berisi nilai galat spreadsheet "#DIV/0!"; perbaiki rumus atau isinya',
      ],
    ]);
  });

  test('a JP beyond any real training is refused, not turned into Infinity', () => {
    const s = base();
    const t = s['Riwayat Pelatihan']?.[1];
    if (t) t[2] = 1e308;
    const r = validateWorkbook(s);
    expect(r.errors.map((e) => [e.sheet, e.column])).toEqual([['Riwayat Pelatihan', 'JP']]);
    expect(r.errors[0]?.message).toMatch(/JP/);
  });
});

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

test('terminal escape codes in the input are never printed raw', async () => {
  const s = validSheets();
  const row = s.Pegawai?.[1];
  if (row) row[1] = 'Budi\u001b[2J\u001b]0;judul\u0007\u009b31m';
  const file = await writeXlsx(join(dir, 'escape.xlsx'), s);
  for (const json of [false, true]) {
    const r = await runCliIn(dir, json ? ['validate', file, '--json'] : ['validate', file]);
    expect(r.code).toBe(1);
    expect(r.out).not.toMatch(CONTROL);
    expect(r.err).not.toMatch(CONTROL);
  }
});
