/** Writing computed results: a collection of results is replaced as a whole (per year where it has one). */
import type { CollectionName, Doc } from '@bangkom/core';
import { keepOtherYears } from '../adapters/cycle-writes.js';
import type { TenantStore } from '../adapters/firestore.js';
import type { KeepRule } from '../adapters/firestore-sync.js';
import type { SheetWrite } from '../adapters/sheets.js';
import type { Deps } from './context.js';
import { sheetCounts } from './output-sheets.js';

export interface ResultWrite {
  written: Record<string, number>;
  deleted: Record<string, number>;
}

/**
 * Replaces each collection with the new documents. Documents of another year (a `tahun`
 * field different from this run's) are kept, so last year's JP stays readable; a set may
 * say itself which stale documents to keep.
 */
export async function writeResults(
  store: TenantStore,
  sets: readonly (readonly [CollectionName, Doc[], KeepRule?])[],
  tahun: number,
): Promise<ResultWrite> {
  const out: ResultWrite = { written: {}, deleted: {} };
  const otherYear = keepOtherYears([tahun]);
  for (const [collection, docs, keep = otherYear] of sets) {
    const r = await store.replaceCollection(collection, docs, keep);
    // documents of this run, written or found unchanged (the run document's `firestore` splits them)
    out.written[collection] = r.written + r.unchanged;
    if (r.deleted > 0) out.deleted[collection] = r.deleted;
  }
  return out;
}

/**
 * Writes the output sheets when the request names a spreadsheet (one gateway write); returns
 * their titles for the answer and their row counts for the run document (nothing otherwise).
 */
export async function writeOutputSheets(
  deps: Deps,
  spreadsheetId: string | undefined,
  sheets: readonly SheetWrite[],
): Promise<{ titles: string[]; counts: Record<string, number> }> {
  if (!spreadsheetId) return { titles: [], counts: {} };
  await deps.sheets(spreadsheetId).writeSheets(sheets);
  return { titles: sheets.map((s) => s.title), counts: sheetCounts(sheets) };
}
