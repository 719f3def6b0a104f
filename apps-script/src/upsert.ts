/** Writes one contract row by key: a re-submission replaces its row, never adds a second. */
import { type Cell, normalizeHeader, SHEET_SPECS } from '@bangkom/core';
import { APP_SHEET_SPECS } from './app-sheets.js';
import {
  columnOf,
  ensureSize,
  getOrCreateSheet,
  keepText,
  norm,
  readTable,
  type Spreadsheet,
} from './gas.js';

/**
 * Upserts `values` (header -> cell) into `sheetName`, matching rows on `key`. Missing
 * headers are appended to the header row (extra columns are allowed by the contract).
 * Blank values do not erase what an earlier response wrote (a post-test keeps the pre-test).
 * One read and at most two writes (header, row). Returns the row as it now stands, by header.
 */
export function upsertRow(
  ss: Spreadsheet,
  sheetName: string,
  key: readonly string[],
  values: Record<string, Cell>,
): Record<string, unknown> {
  const sheet = getOrCreateSheet(ss, sheetName);
  const table = readTable(sheet);
  // a new sheet starts with the contract's columns, in the contract's order
  const header = table.header.length > 0 ? table.header.slice() : specHeaders(sheetName);
  const added: string[] = [];
  for (const h of Object.keys(values)) {
    if (columnOf(header, h) < 0) {
      header.push(h);
      added.push(h);
    }
  }
  if (added.length > 0 || table.header.length === 0) {
    ensureSize(sheet, 1, header.length);
    sheet.getRange(1, 1, 1, header.length).setValues([header]);
  }

  const keyCols = key.map((k) => columnOf(header, k));
  const keyOf = (r: readonly unknown[]) => keyCols.map((c) => norm(r[c])).join('\u241f');
  const wanted = keyCols.map((c) => norm(values[header[c] ?? ''])).join('\u241f');
  let index = table.rows.findIndex((r) => keyOf(r) === wanted);
  const row: unknown[] =
    index >= 0
      ? Array.from({ length: header.length }, (_, i) => table.rows[index]?.[i] ?? '')
      : header.map(() => '');
  if (index < 0) index = lastFilledRow(table.rows) + 1;
  for (const [h, v] of Object.entries(values)) {
    if (v === null || v === undefined || v === '') continue;
    row[columnOf(header, h)] = keepText(v);
  }
  const sheetRow = index + 2;
  ensureSize(sheet, sheetRow, header.length);
  sheet.getRange(sheetRow, 1, 1, header.length).setValues([row]);
  return Object.fromEntries(header.map((h, i) => [h, unquote(row[i])]));
}

function specHeaders(sheetName: string): string[] {
  const spec = [...SHEET_SPECS, ...APP_SHEET_SPECS].find(
    (s) => normalizeHeader(s.name) === normalizeHeader(sheetName),
  );
  return spec ? spec.columns.map((c) => c.header) : [];
}

/** The value as Sheets stores it: a leading apostrophe only marks text. */
function unquote(v: unknown): unknown {
  return typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v;
}

function lastFilledRow(rows: readonly (readonly unknown[])[]): number {
  for (let i = rows.length - 1; i >= 0; i--) {
    if ((rows[i] ?? []).some((v) => v !== '' && v !== null && v !== undefined)) return i;
  }
  return -1;
}
