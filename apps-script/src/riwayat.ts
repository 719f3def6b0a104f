/**
 * Riwayat Pelatihan written back in Google mode: the completers of `Daftar Hadir` become rows
 * (the core's completionRecords: idempotent, a row staff edited is never overwritten), and an
 * export dates the rows it wrote in `Diekspor SIASN`. Hitung & Sinkronkan appends before the
 * server reads the sheet, so Firestore and the leaders' figures get the same rows; Ekspor SIASN
 * appends and marks. One read, and one write per changed block, whatever the number of rows.
 */
import {
  type Cell,
  completionRecords,
  isoToSerial,
  type ProgramData,
  SHEET,
  SHEET_SPECS,
  type TrainingRecord,
  toRows,
} from '@bangkom/core';
import {
  columnOf,
  ensureSize,
  getOrCreateSheet,
  keepText,
  type Row,
  readTable,
  type Sheet,
  type Spreadsheet,
} from './gas.js';
import { dateAt } from './sessions.js';
import { lastFilledRow } from './upsert.js';

const MARK = 'Diekspor SIASN';
const DATE_HEADERS = new Set(['Tanggal Mulai', 'Tanggal Selesai', MARK]);

/** Appends the Riwayat rows of the program's completers not yet in the sheet; how many. */
export function appendCompleters(ss: Spreadsheet, data: ProgramData, tz: string): number {
  const { records } = completionRecords(data);
  if (records.length === 0) return 0;
  writeBack(getOrCreateSheet(ss, SHEET.riwayat), records, [], tz, '');
  return records.length;
}

const RIWAYAT_SPEC = SHEET_SPECS.find((s) => s.name === SHEET.riwayat);

/**
 * Appends the new rows (their `dieksporSiasn`, when set, as a date) and sets Diekspor SIASN
 * to `today` on the marked sheet rows. Missing columns
 * (Penyelenggara, ID Sesi, Diekspor SIASN) are added at the right of the header.
 */
export function writeBack(
  sheet: Sheet,
  append: readonly TrainingRecord[],
  mark: readonly number[],
  tz: string,
  /** YYYY-MM-DD written in Diekspor SIASN of the marked rows */
  today: string,
): void {
  const asDate = (iso: string): Date => dateAt(isoToSerial(iso), tz);
  if ((append.length === 0 && mark.length === 0) || !RIWAYAT_SPEC) return;
  const table = readTable(sheet);
  const header = table.header.slice();
  const [cellHeaders = [], ...cells] = toRows(
    RIWAYAT_SPEC,
    append.map((t) => ({ ...t })),
  );
  const width0 = header.length;
  for (const h of [...cellHeaders.map(String), MARK]) if (columnOf(header, h) < 0) header.push(h);
  if (header.length > width0) {
    ensureSize(sheet, 1, header.length);
    sheet.getRange(1, 1, 1, header.length).setValues([header.map(keepText)]);
  }
  const last = lastFilledRow(table.rows); // index into table.rows
  if (mark.length > 0) {
    const col = columnOf(header, MARK);
    const height = last + 1;
    const current = table.rows.slice(0, height).map((r) => [r[col] ?? '']);
    for (const row of mark) if (row >= 2 && row - 2 < height) current[row - 2] = [asDate(today)];
    sheet.getRange(2, col + 1, height, 1).setValues(current);
  }
  if (append.length > 0) {
    const rows: Row[] = cells.map((r) => {
      const out: Row = header.map(() => '');
      cellHeaders.forEach((h, i) => {
        const v: Cell = r[i] ?? null;
        const at = columnOf(header, String(h));
        out[at] =
          DATE_HEADERS.has(String(h)) && typeof v === 'string' && v !== '' ? asDate(v) : keepText(v ?? '');
      });
      return out;
    });
    ensureSize(sheet, last + 2 + rows.length, header.length);
    sheet.getRange(last + 3, 1, rows.length, header.length).setValues(rows);
  }
}
