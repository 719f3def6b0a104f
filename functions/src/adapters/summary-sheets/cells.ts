/**
 * Cells of the leaders' spreadsheet (Sheets API v4): typed values and their formats.
 *
 * Number formats: a Sheets pattern is written with the API's tokens, whatever the
 * spreadsheet's locale: `.` is the decimal point and `,` the thousands separator, and the
 * spreadsheet's locale decides how they are shown ("the actual rendering of the format
 * depends on the spreadsheet's locale", developers.google.com/sheets/api/guides/formats).
 * The writer sets the leaders' spreadsheet to `id_ID`, so `#,##0` shows 1.234, `0.0%` shows
 * 81,3% and `"Rp"#,##0` shows Rp150.000. (An id_ID-looking pattern such as `#.##0` would be
 * read as a decimal point followed by two optional decimals.)
 */
import type { CellStyle, SummaryCell, SummaryColumn, SummaryColumnKind } from '@bangkom/core';
import type { sheets_v4 } from '@googleapis/sheets';

/** The spreadsheet locale the patterns are shown in. */
export const LEADERS_LOCALE = 'id_ID';

export const FONT_FAMILY = 'Arial';
export const FONT_SIZE = 10;
/** the smallest text on any leaders' page (legibility when printed) */
export const MIN_FONT_SIZE = 8;

/** '#rrggbb' -> a Sheets colour (0–1 per channel). */
export function rgb(hex: string): sheets_v4.Schema$Color {
  const n = Number.parseInt(hex.replace('#', ''), 16);
  const c = (shift: number) => Math.round((((n >> shift) & 255) / 255) * 1000) / 1000;
  return { red: c(16), green: c(8), blue: c(0) };
}

export const colorStyle = (hex: string): sheets_v4.Schema$ColorStyle => ({ rgbColor: rgb(hex) });

export const HEADER_BG = '#1f4e79';
export const TOTAL_BG = '#ddebf7';
export const NOTE_COLOR = '#595959';
const BORDER_COLOR = '#bfbfbf';

const thin: sheets_v4.Schema$Border = { style: 'SOLID', colorStyle: colorStyle(BORDER_COLOR) };
export const BORDERS: sheets_v4.Schema$Borders = { top: thin, bottom: thin, left: thin, right: thin };

/** The Sheets number format of a column kind (API tokens; shown per the id_ID locale). */
export function numberFormat(kind: SummaryColumnKind, digits = 0): sheets_v4.Schema$NumberFormat | undefined {
  const decimals = digits > 0 ? `.${'0'.repeat(digits)}` : '';
  switch (kind) {
    case 'integer':
      return { type: 'NUMBER', pattern: '#,##0' };
    case 'percent':
      return { type: 'PERCENT', pattern: `0${decimals}%` };
    case 'rupiah':
      return { type: 'CURRENCY', pattern: '"Rp"#,##0' };
    case 'decimal':
      return { type: 'NUMBER', pattern: `#,##0${decimals}` };
    case 'date':
      return { type: 'DATE', pattern: 'dd/mm/yyyy' };
    default:
      return undefined;
  }
}

const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

/** 'YYYY-MM-DD' -> the spreadsheet's date serial (days since 30 Dec 1899), or undefined. */
export function dateSerial(iso: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return undefined;
  return (Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - SERIAL_EPOCH) / 86_400_000;
}

/** A model value as a typed cell value: strings are never parsed, dates become serials. */
export function extendedValue(
  v: SummaryCell,
  kind: SummaryColumnKind,
): sheets_v4.Schema$ExtendedValue | undefined {
  if (v === null || v === '') return undefined;
  if (typeof v === 'number') return Number.isFinite(v) ? { numberValue: v } : undefined;
  if (kind === 'date') {
    const serial = dateSerial(v);
    if (serial !== undefined) return { numberValue: serial };
  }
  return { stringValue: v };
}

export function textFormat(opts: {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  color?: string;
  size?: number;
}): sheets_v4.Schema$TextFormat {
  return {
    fontFamily: FONT_FAMILY,
    fontSize: Math.max(MIN_FONT_SIZE, opts.size ?? FONT_SIZE),
    bold: opts.bold === true,
    italic: opts.italic === true,
    underline: opts.underline === true,
    ...(opts.color ? { foregroundColorStyle: colorStyle(opts.color) } : {}),
  };
}

/** A data cell of a table column, with the row's total shading and the cell's own style. */
export function dataCell(
  v: SummaryCell,
  col: SummaryColumn,
  total: boolean,
  style: CellStyle | undefined,
): sheets_v4.Schema$CellData {
  const value = extendedValue(v, col.kind);
  const horizontal = col.align ?? (col.kind === 'text' ? 'left' : 'right');
  const format = numberFormat(col.kind, col.digits);
  return {
    ...(value ? { userEnteredValue: value } : {}),
    userEnteredFormat: {
      ...(format ? { numberFormat: format } : {}),
      borders: BORDERS,
      horizontalAlignment: horizontal.toUpperCase(),
      verticalAlignment: 'TOP',
      wrapStrategy: col.wrap ? 'WRAP' : 'CLIP',
      ...(total
        ? { backgroundColorStyle: colorStyle(TOTAL_BG) }
        : style?.fill
          ? { backgroundColorStyle: colorStyle(style.fill) }
          : {}),
      textFormat: textFormat({
        bold: total || style?.bold === true,
        italic: style?.italic === true,
        underline: style?.underline === true,
        ...(style?.color ? { color: style.color } : {}),
      }),
    },
  };
}

/** A header cell: dark fill, white bold text, centred and wrapped (turned 90° on a map). */
export function headerCell(text: string, rotated: boolean): sheets_v4.Schema$CellData {
  return {
    userEnteredValue: { stringValue: text },
    userEnteredFormat: {
      backgroundColorStyle: colorStyle(HEADER_BG),
      borders: BORDERS,
      horizontalAlignment: 'CENTER',
      verticalAlignment: rotated ? 'BOTTOM' : 'MIDDLE',
      wrapStrategy: 'WRAP',
      textFormat: textFormat({ bold: true, color: '#ffffff', size: rotated ? 9 : FONT_SIZE }),
      ...(rotated ? { textRotation: { angle: 90 } } : {}),
    },
  };
}

/** A free text cell (heading, note, legend) with its look. */
export function textCell(
  text: string,
  look: {
    bold?: boolean;
    italic?: boolean;
    underline?: boolean;
    color?: string;
    size?: number;
    wrap?: boolean;
    fill?: string;
  },
): sheets_v4.Schema$CellData {
  return {
    userEnteredValue: { stringValue: text },
    userEnteredFormat: {
      verticalAlignment: 'TOP',
      wrapStrategy: look.wrap ? 'WRAP' : 'OVERFLOW_CELL',
      textFormat: textFormat(look),
      ...(look.fill ? { backgroundColorStyle: colorStyle(look.fill), borders: BORDERS } : {}),
    },
  };
}
