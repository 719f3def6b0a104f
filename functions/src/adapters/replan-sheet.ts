/**
 * `Perubahan Jadwal` in the staff's workbook: what the re-plan changed against the schedule the
 * previous run stored (core/src/replan-rows.ts), the same columns "Hitung & Sinkronkan" writes
 * into the program spreadsheet. Personal data (NIP, names): staff only.
 */
import { OUTPUT_SHEET, PERUBAHAN_JADWAL_HEADER, type ReplanCounts, type ReplanRow } from '@bangkom/core';
import type ExcelJS from 'exceljs';
import { introAndHeader } from './equity-sheet.js';
import { FONT_SIZE, fitRowHeight, listPrintSetup, SHEET_FONT } from './schedule-sheets.js';

export const SHEET_PERUBAHAN_JADWAL = OUTPUT_SHEET.perubahanJadwal;

const WIDTHS = [16, 18, 10, 21, 28, 60];

export interface ReplanSheetInput {
  tahun: number;
  counts: ReplanCounts;
  rows: readonly ReplanRow[];
}

/** The intro line: the counts in words, numbers as id_ID writes them. */
export function replanIntro({ tahun, counts: c }: ReplanSheetInput): string {
  const n = (v: number) => v.toLocaleString('id-ID');
  return (
    `Jadwal ${tahun} disusun ulang di sekitar jadwal yang tersimpan dari proses sebelumnya: ` +
    `${n(c.tetap)} sesi tetap (sudah dimulai atau diumumkan), ${n(c.dilepas)} dilepas, ` +
    `${n(c.baru)} baru, ${n(c.pindah)} dipindah, ${n(c.pengajar)} berganti pengajar, ${n(c.batal)} dibatalkan; ${n(c.masuk)} peserta masuk, ` +
    `${n(c.keluar)} keluar.`
  );
}

export function addReplanSheet(wb: ExcelJS.Workbook, input: ReplanSheetInput): void {
  const ws = wb.addWorksheet(SHEET_PERUBAHAN_JADWAL, { views: [{ state: 'frozen', ySplit: 2 }] });
  listPrintSetup(ws, `Perubahan jadwal ${input.tahun}`, 'landscape');
  WIDTHS.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  introAndHeader(ws, replanIntro(input), PERUBAHAN_JADWAL_HEADER, WIDTHS);
  input.rows.forEach((r, i) => {
    const row = ws.getRow(3 + i);
    row.values = r.map((v) => (v === '' ? null : v));
    row.font = { name: SHEET_FONT, size: FONT_SIZE };
    row.alignment = { vertical: 'top' };
    row.getCell(6).alignment = { wrapText: true, vertical: 'top' };
    fitRowHeight(row, { widths: { 6: WIDTHS[5] ?? 60 } });
  });
  if (input.rows.length > 0)
    ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: PERUBAHAN_JADWAL_HEADER.length } };
}
