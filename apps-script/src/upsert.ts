/** Writes one contract row by key: a re-submission replaces its row, never adds a second. */
import { type Cell, normalizeHeader, SHEET_SPECS } from '@bangkom/core';
import { APP_SHEET_SPECS } from './app-sheets.js';
import {
  columnOf,
  ensureSize,
  getOrCreateSheet,
  isDate,
  keepText,
  norm,
  readTable,
  type Spreadsheet,
} from './gas.js';

/** What upsertRow did. */
export interface Upserted {
  /** the row as it now stands, by header */
  row: Record<string, unknown>;
  /**
   * true when the row was left as it was because it holds a newer submission of the same
   * record: its `Waktu` is later than the `Waktu` of `values` (both dates)
   */
  newer: boolean;
}

/**
 * Upserts `values` (header -> cell) into `sheetName`, matching rows on `key`. Missing
 * headers are appended to the header row (extra columns are allowed by the contract).
 * Blank values do not erase what an earlier response wrote (a post-test keeps the pre-test).
 * A submission never replaces a newer one: when both carry a `Waktu` date and the row's is
 * later, the row is not written (`newer`). Every cell is written through keepText, the ones
 * read back from the sheet too (getValues gives text without its apostrophe, so a stored
 * `=…` answer would otherwise come back as a live formula). One read and at most two writes
 * (header, row).
 */
export function upsertRow(
  ss: Spreadsheet,
  sheetName: string,
  key: readonly string[],
  values: Record<string, Cell>,
): Upserted {
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
  const keyCols = key.map((k) => columnOf(header, k));
  const keyOf = (r: readonly unknown[]) => keyCols.map((c) => norm(r[c])).join('\u241f');
  const wanted = keyCols.map((c) => norm(values[header[c] ?? ''])).join('\u241f');
  let index = table.rows.findIndex((r) => keyOf(r) === wanted);
  const row: unknown[] =
    index >= 0
      ? Array.from({ length: header.length }, (_, i) => table.rows[index]?.[i] ?? '')
      : header.map(() => '');
  const byHeader = () => Object.fromEntries(header.map((h, i) => [h, unquote(row[i])]));
  const waktu = columnOf(header, 'Waktu');
  const stored = row[waktu];
  const incoming = Object.entries(values).find(([h]) => waktu >= 0 && columnOf(header, h) === waktu)?.[1];
  if (index >= 0 && waktu >= 0 && isDate(stored) && isDate(incoming)) {
    if (stored.getTime() > incoming.getTime()) return { row: byHeader(), newer: true };
  }

  if (added.length > 0 || table.header.length === 0) {
    ensureSize(sheet, 1, header.length);
    sheet.getRange(1, 1, 1, header.length).setValues([header.map(keepText)]);
  }
  if (index < 0) index = lastFilledRow(table.rows) + 1;
  for (const [h, v] of Object.entries(values)) {
    if (v === null || v === undefined || v === '') continue;
    row[columnOf(header, h)] = v;
  }
  const sheetRow = index + 2;
  ensureSize(sheet, sheetRow, header.length);
  sheet.getRange(sheetRow, 1, 1, header.length).setValues([row.map(keepText)]);
  return { row: byHeader(), newer: false };
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
