/**
 * The SIASN export's files (docs/rumus.md, *Ekspor SIASN*): CSV and xlsx for upload, JSON for
 * a program; the same rows and columns in each. NIPs stay text in all three.
 */
import { access, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SIASN_FIELDS, type SiasnRow } from '@bangkom/core';
import ExcelJS from 'exceljs';

export interface SiasnFiles {
  csv: string;
  xlsx: string;
  json: string;
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/**
 * `siasn-riwayat-kursus-<tahun>-<yyyymmdd>` in `dir`, with `-2`, `-3`, ... when an export of the
 * same day is there already: an earlier file (perhaps not uploaded yet) is never overwritten.
 */
async function siasnBase(dir: string, tahun: number, tanggal: string): Promise<string> {
  const stem = join(dir, `siasn-riwayat-kursus-${tahun}-${tanggal.replace(/-/g, '')}`);
  let base = stem;
  for (let n = 2; await exists(`${base}.csv`); n++) base = `${stem}-${n}`;
  return base;
}

const csvField = (v: string | number): string => {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function siasnCsv(rows: readonly SiasnRow[]): string {
  const lines = [SIASN_FIELDS.join(',')];
  for (const r of rows) lines.push(SIASN_FIELDS.map((f) => csvField(r[f])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

async function writeAtomic(path: string, write: (tmp: string) => Promise<void>): Promise<void> {
  const tmp = `${path}.tmp`;
  await write(tmp);
  await rename(tmp, path);
}

export async function writeSiasnFiles(
  dir: string,
  tahun: number,
  tanggal: string,
  rows: readonly SiasnRow[],
): Promise<SiasnFiles> {
  const base = await siasnBase(dir, tahun, tanggal);
  const files: SiasnFiles = { csv: `${base}.csv`, xlsx: `${base}.xlsx`, json: `${base}.json` };
  await writeAtomic(files.csv, (tmp) => writeFile(tmp, siasnCsv(rows)));
  await writeAtomic(files.json, (tmp) => writeFile(tmp, `${JSON.stringify(rows, null, 2)}\n`));
  const wb = new ExcelJS.Workbook();
  wb.creator = 'bangkom';
  wb.created = new Date(0); // deterministic bytes; the file's date is not data
  wb.modified = new Date(0);
  const ws = wb.addWorksheet('Riwayat Kursus');
  ws.addRow([...SIASN_FIELDS]).font = { bold: true };
  for (const r of rows) ws.addRow(SIASN_FIELDS.map((f) => r[f]));
  // NIP and dates as text: a spreadsheet must not turn them into numbers
  for (const f of ['nipBaru', 'tanggalKursus', 'tanggalSelesaiKursus', 'nomorSertipikat'] as const)
    ws.getColumn(SIASN_FIELDS.indexOf(f) + 1).numFmt = '@';
  ws.columns.forEach((c) => {
    c.width = 20;
  });
  await writeAtomic(files.xlsx, (tmp) => wb.xlsx.writeFile(tmp));
  return files;
}
