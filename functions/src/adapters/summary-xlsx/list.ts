/**
 * A list sheet of the leaders' workbook as xlsx (e.g. `IKM Unit Layanan`): frozen header and
 * first columns, A4 fitted to the width with the header row on every page, notes under it.
 */
import type { SummarySheet } from '@bangkom/core';
import type ExcelJS from 'exceljs';
import { listPrintSetup, useSheetFont } from '../schedule-sheets.js';
import { writeNotes, writeTable } from './layout.js';

export function addListSheet(wb: ExcelJS.Workbook, sheet: SummarySheet): void {
  const { table } = sheet;
  const ws = wb.addWorksheet(sheet.title, {
    views: [{ state: 'frozen', xSplit: table.frozenColumns, ySplit: 1 }],
  });
  listPrintSetup(ws, sheet.heading, sheet.print.orientation);
  if (sheet.print.onePage) ws.pageSetup.fitToHeight = 1;
  const last = writeTable(ws, table, 1, { headerMinHeight: 15 });
  writeNotes(ws, sheet.notes, last + (table.rows.length > 0 ? 2 : 1), Math.max(1, table.columns.length));
  useSheetFont(ws);
}
