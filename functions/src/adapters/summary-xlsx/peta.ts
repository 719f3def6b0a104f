/**
 * `Peta Kesenjangan` as xlsx: OPD × competency, headers turned 90° so the whole map prints
 * across one page, the model's colour scale as conditional formatting, the legend under it.
 */
import type { SummarySheet } from '@bangkom/core';
import type ExcelJS from 'exceljs';
import { fitRowHeight, listPrintSetup, SHEET_FONT } from '../schedule-sheets.js';
import {
  argb,
  BORDER,
  HEADER_FILL,
  HEADER_FONT,
  rotatedHeaderHeight,
  writeNotes,
  writeTable,
} from './layout.js';

const HEAT_HEADER_SIZE = 9;

export function addHeatMapSheet(wb: ExcelJS.Workbook, sheet: SummarySheet): void {
  const { table } = sheet;
  const ws = wb.addWorksheet(sheet.title, {
    views: [{ state: 'frozen', xSplit: table.frozenColumns, ySplit: 1 }],
  });
  listPrintSetup(ws, sheet.heading, sheet.print.orientation);
  if (sheet.print.onePage) ws.pageSetup.fitToHeight = 1;
  const last = writeTable(ws, table, 1);
  const header = ws.getRow(1);
  header.eachCell((c, col) => {
    c.fill = HEADER_FILL;
    c.font = { ...HEADER_FONT, size: HEAT_HEADER_SIZE };
    c.border = BORDER;
    c.alignment = {
      vertical: 'middle',
      horizontal: 'center',
      wrapText: true,
      ...(col > 1 && table.rotatedHeaders ? { textRotation: 90 } : {}),
    };
  });
  const rotated = table.columns.slice(1);
  if (table.rotatedHeaders && rotated.length > 0) {
    header.height = rotatedHeaderHeight(
      rotated.map((c) => c.header),
      rotated[0]?.width ?? 7.5,
      HEAT_HEADER_SIZE,
    );
  }
  for (let r = 2; r <= last; r++) {
    ws.getRow(r).eachCell((cell) => {
      cell.alignment = { ...cell.alignment, vertical: 'middle' };
    });
  }
  const scale = sheet.colorScale;
  if (scale) {
    const from = ws.getCell(2 + scale.firstRow, 1 + scale.firstColumn).address;
    const to = ws.getCell(2 + scale.lastRow, 1 + scale.lastColumn).address;
    // green (no gap) -> yellow -> red (largest gap); empty cells (not assessed) stay blank
    ws.addConditionalFormatting({
      ref: `${from}:${to}`,
      rules: [
        {
          type: 'colorScale',
          priority: 1,
          cfvo: [{ type: 'min' }, { type: 'percentile', value: 50 }, { type: 'max' }],
          color: [
            { argb: argb(scale.colors.min) },
            { argb: argb(scale.colors.mid) },
            { argb: argb(scale.colors.max) },
          ],
        },
      ],
    });
  }
  // legend under the OPD names: the scale's colours and the blank cell
  let r = last + 2;
  for (const item of sheet.legend ?? []) {
    const cell = ws.getRow(r).getCell(1);
    cell.value = item.text;
    cell.font = {
      name: SHEET_FONT,
      size: 9,
      bold: item.color === null && !item.style,
      ...(item.style?.italic ? { italic: true } : {}),
      ...(item.style?.underline ? { underline: true } : {}),
    };
    cell.alignment = { vertical: 'middle', wrapText: true };
    if (item.color) {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(item.color) } };
      cell.border = BORDER;
    }
    fitRowHeight(ws.getRow(r));
    r++;
  }
  const noteRow = writeNotes(ws, sheet.notes, r + 1, table.columns.length);
  ws.pageSetup.printArea = `A1:${ws.getColumn(Math.max(1, table.columns.length)).letter}${noteRow}`;
}
