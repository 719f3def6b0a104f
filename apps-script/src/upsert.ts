/** Writes one contract row by key: a re-submission replaces its row, never adds a second. */
import { type Cell, normalizeHeader, SHEET_SPECS } from '@bangkom/core';
import { APP_SHEET_SPECS } from './app-sheets.js';
import {
  columnOf,
  ensureSize,
  getOrCreateSheet,
  isDate,
  keepText,
  readTable,
  type Sheet,
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

/** One row to upsert: its key columns and its values (header -> cell). */
export interface UpsertItem {
  key: readonly string[];
  values: Record<string, Cell>;
}

/**
 * Upserts each item into `sheetName`, matching rows on the item's `key`. Missing headers are
 * appended to the header row (extra columns are allowed by the contract). Blank values do
 * not erase what an earlier response wrote (a post-test keeps the pre-test). A submission
 * never replaces a newer one: when both carry a `Waktu` date and the row's is later, the row
 * is not written (`newer`). Every cell is written through keepText, the ones read back from
 * the sheet too (getValues gives text without its apostrophe, so a stored `=…` answer would
 * otherwise come back as a live formula).
 *
 * One read of the sheet, at most one header write, and one write per run of adjacent rows
 * written (one when the rows are new or already together, as a submission's rows are): the
 * cost does not grow with the number of items. `sheets`: the spreadsheet's sheets by name,
 * when the caller already has them.
 */
export function upsertRows(
  ss: Spreadsheet,
  sheetName: string,
  items: readonly UpsertItem[],
  sheets?: Map<string, Sheet>,
): Upserted[] {
  if (items.length === 0) return [];
  const sheet = sheets?.get(normalizeHeader(sheetName)) ?? getOrCreateSheet(ss, sheetName);
  sheets?.set(normalizeHeader(sheetName), sheet);
  const table = readTable(sheet);
  // a new sheet starts with the contract's columns, in the contract's order
  const header = table.header.length > 0 ? table.header.slice() : specHeaders(sheetName);
  let headerChanged = table.header.length === 0;
  for (const item of items) {
    for (const h of Object.keys(item.values)) {
      if (columnOf(header, h) < 0) {
        header.push(h);
        headerChanged = true;
      }
    }
  }
  const rows: unknown[][] = table.rows.map((r) =>
    Array.from({ length: header.length }, (_, i) => r[i] ?? ''),
  );
  const waktu = columnOf(header, 'Waktu');
  const touched = new Set<number>();
  const byHeader = (row: readonly unknown[]) =>
    Object.fromEntries(header.map((h, i) => [h, unquote(row[i])]));
  const out: Upserted[] = [];
  for (const { key, values } of items) {
    const keyCols = key.map((k) => columnOf(header, k));
    const keyOf = (r: readonly unknown[]) => keyCols.map((c) => normalizeHeader(r[c])).join('\u241f');
    const wanted = keyCols.map((c) => normalizeHeader(values[header[c] ?? ''])).join('\u241f');
    let index = rows.findIndex((r) => keyOf(r) === wanted);
    const row = index >= 0 ? (rows[index] ?? []) : header.map(() => '');
    const stored = row[waktu];
    const incoming = Object.entries(values).find(([h]) => waktu >= 0 && columnOf(header, h) === waktu)?.[1];
    if (
      index >= 0 &&
      waktu >= 0 &&
      isDate(stored) &&
      isDate(incoming) &&
      stored.getTime() > incoming.getTime()
    ) {
      out.push({ row: byHeader(row), newer: true });
      continue;
    }
    if (index < 0) {
      index = lastFilledRow(rows) + 1;
      while (rows.length <= index) rows.push(header.map(() => ''));
      rows[index] = row;
    }
    for (const [h, v] of Object.entries(values)) {
      if (v === null || v === undefined || v === '') continue;
      row[columnOf(header, h)] = v;
    }
    touched.add(index);
    out.push({ row: byHeader(row), newer: false });
  }

  if (headerChanged) {
    ensureSize(sheet, 1, header.length);
    sheet.getRange(1, 1, 1, header.length).setValues([header.map(keepText)]);
  }
  const order = [...touched].sort((a, b) => a - b);
  if (order.length > 0) ensureSize(sheet, (order[order.length - 1] ?? 0) + 2, header.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1] === (order[j] ?? 0) + 1) j++;
    const first = order[i] ?? 0;
    const block = order.slice(i, j + 1).map((r) => (rows[r] ?? []).map(keepText));
    sheet.getRange(first + 2, 1, block.length, header.length).setValues(block);
    i = j + 1;
  }
  return out;
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

/** Index of the last row with a value (-1 when none). */
export function lastFilledRow(rows: readonly (readonly unknown[])[]): number {
  for (let i = rows.length - 1; i >= 0; i--) {
    if ((rows[i] ?? []).some((v) => v !== '' && v !== null && v !== undefined)) return i;
  }
  return -1;
}
