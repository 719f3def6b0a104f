/**
 * `Daftar Tunggu` in the staff's workbook: per session, who is next in line when a participant
 * declines (core/src/waiting-list.ts), the columns "Hitung & Sinkronkan" writes into the program
 * spreadsheet before Kirim Undangan adds its Status and Keterangan. Personal data: staff only.
 */
import { DAFTAR_TUNGGU_HEADER, OUTPUT_SHEET, type waitingList, waitingRow } from '@bangkom/core';
import type ExcelJS from 'exceljs';
import { introAndHeader } from './equity-sheet.js';
import { FONT_SIZE, listPrintSetup, SHEET_FONT } from './schedule-sheets.js';

export const SHEET_DAFTAR_TUNGGU = OUTPUT_SHEET.daftarTunggu;

/** the columns of the program spreadsheet's sheet that the scheduler fills (not Status, Keterangan) */
const HEADER = DAFTAR_TUNGGU_HEADER.slice(0, 6);
const WIDTHS = [18, 9, 21, 30, 34, 11];

export function addWaitingSheet(wb: ExcelJS.Workbook, entries: ReturnType<typeof waitingList>): void {
  const ws = wb.addWorksheet(SHEET_DAFTAR_TUNGGU, { views: [{ state: 'frozen', ySplit: 2 }] });
  listPrintSetup(ws, 'Daftar tunggu per sesi', 'landscape');
  WIDTHS.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  const sessions = new Set(entries.map((e) => e.sesi)).size;
  introAndHeader(
    ws,
    `Bila peserta menjawab Tidak Hadir, kursinya diberikan kepada orang pertama di daftar sesi itu yang ` +
      `masih bebas (Kirim Undangan di spreadsheet program). ${entries.length.toLocaleString('id-ID')} orang ` +
      `menunggu di ${sessions.toLocaleString('id-ID')} sesi; hanya ASN sasaran pelatihan yang masih membutuhkannya.`,
    HEADER,
    WIDTHS,
  );
  entries.forEach((e, i) => {
    const row = ws.getRow(3 + i);
    row.values = waitingRow(e);
    row.font = { name: SHEET_FONT, size: FONT_SIZE };
    row.getCell(6).numFmt = '#,##0.00';
  });
  if (entries.length > 0)
    ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: HEADER.length } };
}
