/**
 * Layout helpers of the leaders' workbook (xlsx): styles, number formats per column kind, a
 * model table written into a worksheet, notes and the legend. Number formats are Excel codes,
 * which are locale-neutral: Excel and LibreOffice show them with the reader's separators. A table
 * whose text cells carry id_ID figures is written as id_ID text throughout instead, so one table
 * never shows "100.0%" beside "(0,66)".
 */
import { idValue, type SummaryColumn, type SummaryColumnKind, type SummaryTable } from '@bangkom/core';
import type ExcelJS from 'exceljs';
import { columnPx, FONT_SIZE, fitRowHeight, SHEET_FONT, wrappedLineCount } from '../schedule-sheets.js';

export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
export const TOTAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
export const HEADER_FONT: Partial<ExcelJS.Font> = {
  name: SHEET_FONT,
  size: FONT_SIZE,
  bold: true,
  color: { argb: 'FFFFFFFF' },
};
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FFBFBFBF' } };
export const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
export const NOTE_FONT: Partial<ExcelJS.Font> = {
  name: SHEET_FONT,
  italic: true,
  // 10 pt: the summary page prints at about 80% (fitted to A4 width), still 8 pt on paper
  size: 10,
  color: { argb: 'FF595959' },
};

/** '#rrggbb' -> exceljs' 'FFRRGGBB' */
export function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

/** Excel's number format code of a column kind (locale-neutral: shown with the reader's separators). */
export function numFmt(kind: SummaryColumnKind, digits = 0): string | undefined {
  const decimals = digits > 0 ? `.${'0'.repeat(digits)}` : '';
  switch (kind) {
    case 'integer':
      return '#,##0';
    case 'percent':
      return `0${decimals}%`;
    case 'rupiah':
      return '"Rp"#,##0';
    case 'decimal':
      return `0${decimals}`;
    case 'date':
      return 'dd/mm/yyyy';
    default:
      return undefined;
  }
}

/** A table's header row: the report's dark fill, white bold text, centred, wrapped. */
export function styleHeader(row: ExcelJS.Row, minHeight = 28): void {
  row.eachCell((c) => {
    c.fill = HEADER_FILL;
    c.font = HEADER_FONT;
    c.border = BORDER;
    c.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  fitRowHeight(row, { min: minHeight });
}

/** 'YYYY-MM-DD' -> a date cell value (UTC midnight, what Excel stores for a date). */
function isoDate(iso: string): Date | string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : iso;
}

/** The cell value of a model value: a number with its format, or id_ID text for figuresInText tables. */
function cellValue(v: string | number | null, col: SummaryColumn, asText: boolean): ExcelJS.CellValue {
  if (v === null) return null;
  if (asText && col.kind !== 'text') return idValue(v, col.kind, col.digits);
  if (col.kind === 'date' && typeof v === 'string') return isoDate(v);
  return v;
}

/**
 * Writes a model table from `top` (header row) down; returns the row number of its last row.
 * Widths come from the model; every data row is tall enough for its wrapped text.
 */
export function writeTable(
  ws: ExcelJS.Worksheet,
  table: SummaryTable,
  top: number,
  opts: { headerMinHeight?: number } = {},
): number {
  const asText = table.figuresInText === true;
  table.columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
  });
  const head = ws.getRow(top);
  head.values = table.columns.map((c) => c.header);
  styleHeader(head, opts.headerMinHeight);
  table.rows.forEach((r, i) => {
    const row = ws.getRow(top + 1 + i);
    row.values = table.columns.map((c, ci) => cellValue(r.cells[ci] ?? null, c, asText));
    table.columns.forEach((c, ci) => {
      const cell = row.getCell(ci + 1);
      const style = r.styles?.[ci];
      cell.border = BORDER;
      cell.font = {
        name: SHEET_FONT,
        size: FONT_SIZE,
        bold: r.total === true || style?.bold === true,
        ...(style?.italic ? { italic: true } : {}),
        ...(style?.underline ? { underline: true } : {}),
        ...(style?.color ? { color: { argb: argb(style.color) } } : {}),
      };
      const note = r.notes?.[ci];
      if (note) cell.note = note;
      const format = asText ? undefined : numFmt(c.kind, c.digits);
      if (format) cell.numFmt = format;
      const horizontal = c.align ?? (c.kind === 'text' ? 'left' : 'right');
      // figures right-aligned one indent off the border, so they do not touch the text beside
      cell.alignment = {
        vertical: 'top',
        horizontal,
        ...(c.wrap ? { wrapText: true } : {}),
        ...(horizontal === 'right' ? { indent: 1 } : {}),
      };
      if (r.total) cell.fill = TOTAL_FILL;
      else if (style?.fill)
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(style.fill) } };
    });
    if (r.total) row.font = { name: SHEET_FONT, size: FONT_SIZE, bold: true };
    // tall enough for the wrapped names: nothing runs into the next row
    fitRowHeight(row);
  });
  return top + table.rows.length;
}

/** Notes merged across `width` columns, wrapped and sized; returns the last row used. */
export function writeNotes(
  ws: ExcelJS.Worksheet,
  notes: readonly string[],
  from: number,
  width: number,
): number {
  const chars = Array.from({ length: width }, (_, i) => ws.getColumn(i + 1).width ?? 9).reduce(
    (a, w) => a + w,
    0,
  );
  let r = from;
  for (const text of notes) {
    if (width > 1) ws.mergeCells(r, 1, r, width);
    const cell = ws.getCell(r, 1);
    cell.value = text;
    cell.font = NOTE_FONT;
    cell.alignment = { wrapText: true, vertical: 'top' };
    fitRowHeight(ws.getRow(r), { widths: { 1: chars } });
    r++;
  }
  return r - 1;
}

/**
 * Height (pt) of a header row whose texts are turned 90°: the row's height is the lines' length,
 * the column's width holds the lines. The lowest height (in 10-pt steps) at which every header
 * wraps into as many lines as fit across the column.
 */
export function rotatedHeaderHeight(texts: readonly string[], colWidth: number, fontSize: number): number {
  const maxLines = Math.max(1, Math.floor(columnPx(colWidth) / (fontSize * (96 / 72) * 1.25)));
  for (let h = 40; h < 400; h += 10) {
    const px = h * (96 / 72) - 8; // the rotated lines run along the row's height
    if (texts.every((t) => wrappedLineCount(t, px, fontSize, true) <= maxLines)) return h;
  }
  return 400;
}
