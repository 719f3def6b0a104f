/**
 * Writes back to the workbook's `Riwayat Pelatihan` what an export did: appends the rows made
 * from `Daftar Hadir` and sets `Diekspor SIASN` on the rows exported. An `.xlsx` is rewritten
 * in place (every other sheet and cell kept as exceljs reads it); a CSV folder gets its
 * `Riwayat Pelatihan.csv` rewritten. Missing columns (`Penyelenggara`, `ID Sesi`,
 * `Diekspor SIASN`) are added at the right of the header.
 */
import { readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import {
  type Cell,
  normalizeHeader,
  type RawSheet,
  SHEET,
  SHEET_SPECS,
  type TrainingRecord,
  toRows,
} from '@bangkom/core';
import ExcelJS from 'exceljs';
import { detectSeparator, parseCsv } from './workbook-file.js';

export interface RiwayatWriteBack {
  /** new rows, with `dieksporSiasn` set when exported */
  append: readonly TrainingRecord[];
  /** sheet rows (header = 1) to mark exported */
  mark: readonly number[];
  /** YYYY-MM-DD */
  tanggal: string;
}

const RIWAYAT_SPEC = SHEET_SPECS.find((s) => s.name === SHEET.riwayat);
const DATE_HEADERS = new Set(['Tanggal Mulai', 'Tanggal Selesai', 'Diekspor SIASN']);
const MARK = 'Diekspor SIASN';

/** The contract cells of each new row, by header. */
function newRows(records: readonly TrainingRecord[]): { headers: string[]; rows: Cell[][] } {
  if (!RIWAYAT_SPEC) throw new Error('no Riwayat Pelatihan spec');
  const [headers = [], ...rows] = toRows(RIWAYAT_SPEC, records as unknown as Record<string, unknown>[]);
  return { headers: headers.map(String), rows };
}

const isoToDate = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

export async function writeBackRiwayat(path: string, change: RiwayatWriteBack): Promise<void> {
  if (change.append.length === 0 && change.mark.length === 0) return;
  const info = await stat(path);
  if (info.isDirectory()) return writeBackCsvFolder(path, change);
  if (extname(path).toLowerCase() !== '.xlsx')
    throw new Error(
      'Tanda Diekspor SIASN hanya dapat ditulis ke buku kerja .xlsx atau folder CSV; simpan masukan sebagai .xlsx.',
    );
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.worksheets.find((w) => normalizeHeader(w.name) === normalizeHeader(SHEET.riwayat));
  if (!ws) throw new Error(`Lembar "${SHEET.riwayat}" tidak ada di ${path}`);
  const header = ws.getRow(1);
  const col = new Map<string, number>();
  let last = 0;
  header.eachCell({ includeEmpty: false }, (cell, n) => {
    col.set(normalizeHeader(String(cell.text)), n);
    last = Math.max(last, n);
  });
  const columnOf = (h: string): number => {
    let n = col.get(normalizeHeader(h));
    if (n === undefined) {
      n = ++last;
      header.getCell(n).value = h;
      col.set(normalizeHeader(h), n);
    }
    return n;
  };
  const put = (row: number, h: string, v: Cell) => {
    const cell = ws.getRow(row).getCell(columnOf(h));
    if (DATE_HEADERS.has(h) && typeof v === 'string' && v !== '') {
      cell.value = isoToDate(v);
      cell.numFmt = 'yyyy-mm-dd';
    } else if (h === 'NIP' || h === 'Nomor Sertifikat') {
      cell.value = v === '' || v === null || v === undefined ? null : String(v);
      cell.numFmt = '@';
    } else cell.value = v === '' || v === undefined ? null : (v as ExcelJS.CellValue);
  };
  for (const r of change.mark) put(r, MARK, change.tanggal);
  let end = 1;
  ws.eachRow({ includeEmpty: false }, (_, n) => {
    end = Math.max(end, n);
  });
  const { headers, rows } = newRows(change.append);
  for (const cells of rows) {
    end++;
    headers.forEach((h, j) => {
      put(end, h, cells[j]);
    });
  }
  const tmp = `${path}.tmp`;
  await wb.xlsx.writeFile(tmp);
  await rename(tmp, path);
}

const csvField = (v: Cell, sep: string): string => {
  if (v === null || v === undefined) return '';
  const s = v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
  return s.includes(sep) || /["\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

async function writeBackCsvFolder(dir: string, change: RiwayatWriteBack): Promise<void> {
  const file = (await readdir(dir)).find(
    (f) =>
      extname(f).toLowerCase() === '.csv' &&
      normalizeHeader(f.slice(0, -4)) === normalizeHeader(SHEET.riwayat),
  );
  if (!file) throw new Error(`Berkas "${SHEET.riwayat}.csv" tidak ada di ${dir}`);
  const path = join(dir, file);
  const text = await readFile(path, 'utf8');
  const sep = detectSeparator(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const sheet: RawSheet = parseCsv(text, sep);
  if (!sheet[0]) sheet[0] = [];
  const header = sheet[0];
  const columnOf = (h: string): number => {
    let n = header.findIndex((c) => normalizeHeader(String(c ?? '')) === normalizeHeader(h));
    if (n < 0) {
      n = header.length;
      header.push(h);
    }
    return n;
  };
  const put = (row: number, h: string, v: Cell) => {
    const n = columnOf(h);
    const cells = sheet[row - 1] ?? [];
    sheet[row - 1] = cells;
    cells[n] = v === '' ? null : v;
  };
  for (const r of change.mark) put(r, MARK, change.tanggal);
  let end = sheet.length;
  while (end > 1 && (sheet[end - 1] ?? []).every((c) => c === null || c === undefined || c === '')) end--;
  const { headers, rows } = newRows(change.append);
  for (const cells of rows) {
    end++;
    headers.forEach((h, j) => {
      put(end, h, cells[j]);
    });
  }
  const width = header.length;
  const body = sheet.map((r) => Array.from({ length: width }, (_, j) => csvField(r?.[j], sep)).join(sep));
  const tmp = `${path}.tmp`;
  await writeFile(tmp, `${body.join('\r\n')}\r\n`);
  await rename(tmp, path);
}
