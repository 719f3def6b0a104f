/**
 * `ASN Tanpa Pelatihan` in the staff's workbook: by name, the ASN with no training in the last
 * N years (Pengaturan `Jangka Pemerataan`), so BKPSDM can reach them. Personal data: leaders
 * see only the count per OPD (the Tren sheet and the cycle document).
 */
import type { UntrainedEmployee } from '@bangkom/core';
import type ExcelJS from 'exceljs';
import { FONT_SIZE, fitRowHeight, listPrintSetup, SHEET_FONT } from './schedule-sheets.js';

export const SHEET_TANPA_PELATIHAN = 'ASN Tanpa Pelatihan';

export interface EquityList {
  /** the last year of the window (the cycle's year) and the window's length */
  tahun: number;
  tahunJangka: number;
  list: readonly UntrainedEmployee[];
}

const HEADERS = ['NIP', 'Nama', 'OPD', 'Jabatan', 'Pelatihan Terakhir'] as const;
const WIDTHS = [21, 34, 38, 34, 14];

/**
 * Row 1: `intro` across the table, italic, its height fitted; row 2: the bold, shaded header of a
 * staff list sheet (frozen above the data by the caller).
 */
export function introAndHeader(
  ws: ExcelJS.Worksheet,
  intro: string,
  headers: readonly string[],
  widths: readonly number[],
): void {
  ws.mergeCells(1, 1, 1, headers.length);
  const cell = ws.getCell(1, 1);
  cell.value = intro;
  cell.font = { name: SHEET_FONT, size: FONT_SIZE, italic: true };
  cell.alignment = { wrapText: true, vertical: 'top' };
  fitRowHeight(ws.getRow(1), { widths: { 1: widths.reduce((a, b) => a + b, 0) } });
  const head = ws.getRow(2);
  head.values = [...headers];
  head.eachCell((c) => {
    c.font = { name: SHEET_FONT, size: FONT_SIZE, bold: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    c.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
}

export function addEquitySheet(wb: ExcelJS.Workbook, equity: EquityList): void {
  const from = equity.tahun - equity.tahunJangka + 1;
  const ws = wb.addWorksheet(SHEET_TANPA_PELATIHAN, { views: [{ state: 'frozen', ySplit: 2 }] });
  listPrintSetup(ws, `ASN tanpa pelatihan ${from}–${equity.tahun}`, 'landscape');
  WIDTHS.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  introAndHeader(
    ws,
    `${equity.list.length} ASN tidak memulai pelatihan apa pun pada ${from}–${equity.tahun} ` +
      `(Jangka Pemerataan ${equity.tahunJangka} tahun); mereka diutamakan dalam penjadwalan.`,
    HEADERS,
    WIDTHS,
  );
  equity.list.forEach((e, i) => {
    const row = ws.getRow(3 + i);
    // NIP as text: 18 digits would lose their last ones as a number
    row.values = [e.nip, e.nama, e.opd, e.jabatan, e.terakhir ?? 'belum pernah'];
    row.font = { name: SHEET_FONT, size: FONT_SIZE };
  });
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: HEADERS.length } };
}
