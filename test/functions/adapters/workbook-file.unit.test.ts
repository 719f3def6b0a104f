import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import {
  cellValue,
  densify,
  detectSeparator,
  parseCsv,
  readWorkbookFile,
  WorkbookReadError,
} from '../../../functions/src/adapters/workbook-file';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bangkom-wbfile-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function expectReadError(path: string, code: string, pattern: RegExp): Promise<void> {
  const err = await readWorkbookFile(path).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WorkbookReadError);
  expect((err as WorkbookReadError).code).toBe(code);
  expect((err as WorkbookReadError).message).toMatch(pattern);
}

describe('xlsx', () => {
  const file = () => join(dir, 'jenis.xlsx');
  const tanggal = new Date(Date.UTC(2026, 2, 15));

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Pegawai');
    ws.addRow(['NIP', 'Nama', 'Angka', 'Tanggal', 'Aktif', 'Rumus', 'Rumus Tanggal', 'Tautan']);
    const r2 = ws.addRow([
      '198001012005011001',
      { richText: [{ text: 'Budi ' }, { font: { bold: true }, text: 'Santoso' }] },
      1234.5,
      tanggal,
      true,
      { formula: 'C2*2', result: 2469 },
      { formula: 'D2+1', result: new Date(Date.UTC(2026, 2, 16)) },
      { text: 'situs', hyperlink: 'https://example.org' },
    ]);
    r2.getCell(4).numFmt = 'dd/mm/yyyy';
    r2.getCell(7).numFmt = 'yyyy-mm-dd';
    // row 3 empty, row 4 sparse (only column 3), then styled but empty rows (a template's tail)
    ws.getCell('C4').value = 7;
    ws.getCell('A4').value = { formula: 'NA()', result: { error: '#N/A' } };
    for (let r = 5; r <= 20; r++)
      ws.getCell(`B${r}`).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
    wb.addWorksheet('Riwayat Pelatihan').addRow(['NIP', 'JP']);
    await wb.xlsx.writeFile(file());
  });

  test.each(['stream', 'memory'] as const)('reads every cell kind faithfully (%s reader)', async (reader) => {
    const used: string[] = [];
    const wb = await readWorkbookFile(file(), { reader, onReader: (r) => used.push(r) });
    // the formula error (#N/A) sends the streaming read to the in-memory reader, which keeps its text
    expect(used).toEqual(['memory']);
    expect(Object.keys(wb)).toEqual(['Pegawai', 'Riwayat Pelatihan']);
    const rows = wb.Pegawai ?? [];
    expect(rows).toHaveLength(4); // trailing styled-but-empty rows dropped
    expect(rows[0]).toEqual(['NIP', 'Nama', 'Angka', 'Tanggal', 'Aktif', 'Rumus', 'Rumus Tanggal', 'Tautan']);
    expect(rows[1]).toEqual([
      '198001012005011001',
      'Budi Santoso',
      1234.5,
      tanggal,
      true,
      2469,
      new Date(Date.UTC(2026, 2, 16)),
      'situs',
    ]);
    // the empty row keeps its place so array index + 1 is the sheet row
    expect(rows[2]).toEqual([null, null, null, null, null, null, null, null]);
    // a formula error: its text, whichever reader was asked for
    expect(rows[3]).toEqual(['#N/A', null, 7, null, null, null, null, null]);
    expect(wb['Riwayat Pelatihan']).toEqual([['NIP', 'JP']]);
  });

  test("formula results that are falsy (0, '', false) are read, not dropped, by both readers", async () => {
    const path = join(dir, 'rumus.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Anggaran');
    ws.addRow(['OPD', 'Pagu', 'Catatan', 'Aktif']);
    ws.addRow([
      'Bappeda',
      { formula: '1-1', result: 0 },
      { formula: 'IF(1,"","")', result: '' },
      { formula: '1=0', result: false },
    ]);
    await wb.xlsx.writeFile(path);
    const used: string[] = [];
    const streamed = await readWorkbookFile(path, { reader: 'stream', onReader: (r) => used.push(r) });
    const memory = await readWorkbookFile(path, { reader: 'memory' });
    expect(used).toEqual(['stream']); // no error result: the streaming read stands
    // an empty text result is a blank cell (null or '', both blank to the core)
    const blank = (row: unknown[] | undefined) => row?.map((v) => (v === '' ? null : v));
    expect(blank(memory.Anggaran?.[1])).toEqual(['Bappeda', 0, null, false]);
    // the streaming reader knows no formula types: a boolean result arrives as 0 (the core reads 0 as Tidak)
    expect(blank(streamed.Anggaran?.[1])).toEqual(['Bappeda', 0, null, 0]);
  });

  test('streaming and in-memory readers agree on a larger sheet', async () => {
    const path = join(dir, 'besar.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Penilaian');
    ws.addRow(['NIP', 'Sumber', 'Waktu', 'M.01']);
    for (let i = 0; i < 500; i++) {
      const row = ws.addRow([
        `19800101200501100${i % 10}`,
        i % 2 ? 'Diri' : 'Atasan',
        new Date(Date.UTC(2026, 0, 1 + i)),
        (i % 5) + 1,
      ]);
      row.getCell(3).numFmt = 'yyyy-mm-dd hh:mm';
    }
    await wb.xlsx.writeFile(path);
    const progress: number[] = [];
    const used: string[] = [];
    const streamed = await readWorkbookFile(path, {
      reader: 'stream',
      onProgress: (d) => progress.push(d),
      onReader: (r) => used.push(r),
    });
    expect(used).toEqual(['stream']);
    const memory = await readWorkbookFile(path, { reader: 'memory' });
    expect(streamed).toEqual(memory);
    expect(streamed.Penilaian).toHaveLength(501);
    expect(progress.length).toBeGreaterThan(0);
  });

  test('a missing file, a text file, a legacy .xls and a corrupt .xlsx are unreadable, in Indonesian', async () => {
    await expectReadError(join(dir, 'tidak-ada.xlsx'), 'TIDAK_ADA', /tidak ditemukan/);
    const text = join(dir, 'catatan.xlsx');
    writeFileSync(text, 'ini bukan buku kerja');
    await expectReadError(text, 'BUKAN_BUKU_KERJA', /bukan buku kerja Excel/);
    const xls = join(dir, 'lama.xls');
    writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]));
    await expectReadError(xls, 'XLS_LAMA', /Simpan ulang sebagai buku kerja Excel/);
    const corrupt = join(dir, 'rusak.xlsx');
    const good = await new ExcelJS.Workbook().xlsx.writeBuffer();
    writeFileSync(corrupt, Buffer.from(good as ArrayBuffer).subarray(0, 60));
    await expectReadError(corrupt, 'RUSAK', /rusak atau terpotong/);
  });
});

describe('csv', () => {
  test('RFC 4180: quotes, doubled quotes, separators and line breaks inside quotes, CRLF, BOM', () => {
    const text = '\uFEFFNIP,Nama,Catatan\r\n"001","Siti, S.Pd","kata ""bagus""\r\nbaris dua"\r\n002,,\r\n';
    expect(parseCsv(text)).toEqual([
      ['NIP', 'Nama', 'Catatan'],
      ['001', 'Siti, S.Pd', 'kata "bagus"\r\nbaris dua'],
      ['002', null, null],
    ]);
  });

  test('semicolon separator is detected from the header line', () => {
    expect(detectSeparator('NIP;Nama;JP\n1;"a,b";2')).toBe(';');
    expect(detectSeparator('"A;B",C\n')).toBe(',');
    expect(parseCsv('NIP;JP\n001;"1,5"\n')).toEqual([
      ['NIP', 'JP'],
      ['001', '1,5'],
    ]);
  });

  test('an unclosed quote is a clear error', () => {
    expect(() => parseCsv('A,B\n1,"terbuka\n2,3\n')).toThrow(/baris 2 tidak pernah ditutup/);
  });

  test('any table written as RFC 4180 reads back unchanged (empty fields as null)', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', ';', '"', '\n', '\r\n', 'é', '1') });
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 5 })
          .chain((w) =>
            fc.array(fc.array(field, { minLength: w, maxLength: w }), { minLength: 1, maxLength: 6 }),
          ),
        fc.constantFrom(',' as const, ';' as const),
        (table, sep) => {
          // a header with at least one non-empty cell, as every sheet has
          const rows = [table[0]?.map((_, i) => `K${i}`) ?? [], ...table];
          const quote = (s: string) => (/[",;\r\n]/.test(s) || s === '' ? `"${s.replace(/"/g, '""')}"` : s);
          const text = rows.map((r) => r.map(quote).join(sep)).join('\r\n');
          const expected = densify(rows.map((r) => r.map((s) => (s === '' ? null : s))));
          // quoted empty strings read as empty text; compare through the same blank rule
          const parsed = parseCsv(text, sep).map((r) => r.map((v) => (v === '' ? null : v)));
          expect(parsed).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  test('a folder of CSVs is one sheet per file, named after the file', async () => {
    const folder = join(dir, 'csv');
    await mkdir(folder);
    await writeFile(join(folder, 'Pegawai.csv'), '\uFEFFNIP;Nama\n198001012005011001;Budi\n');
    await writeFile(
      join(folder, 'Riwayat Pelatihan.csv'),
      'NIP,JP,Tanggal Mulai\n198001012005011001,24,2026-03-01\n',
    );
    await writeFile(join(folder, 'catatan.txt'), 'diabaikan');
    const wb = await readWorkbookFile(folder);
    expect(wb).toEqual({
      Pegawai: [
        ['NIP', 'Nama'],
        ['198001012005011001', 'Budi'],
      ],
      'Riwayat Pelatihan': [
        ['NIP', 'JP', 'Tanggal Mulai'],
        ['198001012005011001', '24', '2026-03-01'],
      ],
    });
  });

  test('an empty folder, a non-UTF-8 file and two files for one sheet are unreadable', async () => {
    const empty = join(dir, 'kosong');
    await mkdir(empty);
    await expectReadError(empty, 'FOLDER_KOSONG', /tidak berisi berkas CSV/);
    const latin = join(dir, 'latin');
    await mkdir(latin);
    await writeFile(
      join(latin, 'Pegawai.csv'),
      Buffer.from([0x4e, 0x61, 0x6d, 0x61, 0x0a, 0x4a, 0xe9, 0x72, 0xf4, 0x6d, 0x65]),
    );
    await expectReadError(latin, 'CSV_RUSAK', /bukan teks UTF-8/);
    const twice = join(dir, 'ganda');
    await mkdir(twice);
    await writeFile(join(twice, 'Pegawai.csv'), 'NIP\n');
    await writeFile(join(twice, 'pegawai.csv'), 'NIP\n');
    await expectReadError(twice, 'BUKAN_BUKU_KERJA', /dua berkas untuk lembar yang sama/);
  });
});

describe('cellValue', () => {
  test('formula results, rich text, links and errors become plain values', () => {
    expect(cellValue({ formula: 'A1', result: 'teks' }, undefined, false)).toBe('teks');
    expect(cellValue({ sharedFormula: 'A1', result: 3 }, 'General', false)).toBe(3);
    // a date-formatted formula result the streaming reader leaves as a serial number
    expect(cellValue({ formula: 'TODAY()', result: 46096 }, 'dd/mm/yyyy', false)).toEqual(
      new Date(Date.UTC(2026, 2, 15)),
    );
    expect(cellValue({ formula: 'A1' }, undefined, false)).toBeNull();
    expect(cellValue({ richText: [{ text: 'a' }, { text: 'b' }] }, undefined, false)).toBe('ab');
    expect(cellValue({ text: { richText: [{ text: 'tautan' }] }, hyperlink: 'x' }, undefined, false)).toBe(
      'tautan',
    );
    expect(cellValue({ error: '#DIV/0!' }, undefined, false)).toBe('#DIV/0!');
    expect(cellValue(Number.NaN, undefined, false)).toBeNull();
  });
});
