/**
 * syncWorkbook: reads the program spreadsheet through the Sheets API (one batchGet),
 * validates every sheet with the core, writes the records to Firestore (deterministic ids,
 * batches of at most 500), keeps invalid rows in `quarantine`, and writes `Status Validasi`
 * back to the spreadsheet.
 *
 * Master sheets (Pegawai, Standar Kompetensi, Katalog ...) are mirrored: a row deleted from
 * the sheet is deleted from Firestore, but only when the sheet is present at all (a renamed
 * or lost sheet must not wipe the data). Form-fed collections are only added to (the rules:
 * ../adapters/cycle-writes.ts). Only new and changed documents are written.
 */
import { COLLECTIONS, type Doc, normalizeHeader, type SheetCount, validateWorkbook } from '@bangkom/core';
import type { HttpFunction } from '@google-cloud/functions-framework';
import type { z } from 'zod';
import { quarantineDoc, settingsDoc } from '../adapters/cycle-docs.js';
import { keepFormQuarantine, recordWrites } from '../adapters/cycle-writes.js';
import { type Deps, endpoint, type Outcome, type RunContext } from './context.js';
import { sheetResponses, supersededFormQuarantine } from './form-quarantine.js';
import { statusSheet } from './output-sheets.js';
import { syncSchema } from './schemas.js';

export type SyncBody = z.output<typeof syncSchema>;

export async function syncWork(ctx: RunContext<SyncBody>): Promise<Outcome> {
  const { store, body, runId, deps } = ctx;
  const gateway = deps.sheets(body.spreadsheetId);
  const wb = await gateway.read();
  const present = new Set(Object.keys(wb).map(normalizeHeader));
  const result = validateWorkbook(wb);
  // before the records are written: a sheet row overwrites a form's record under the same
  // natural key without its response id, which is what tells a fixed response apart; the
  // rows of this sheet that carry an ID Respons are written next, later than any entry
  const superseded = await supersededFormQuarantine(store, sheetResponses(result.data));

  const written: Record<string, number> = {};
  const deleted: Record<string, number> = {};
  const { writes, skipped } = recordWrites(result.data, (sheet) => present.has(normalizeHeader(sheet)));
  writes.push({ collection: COLLECTIONS.settings, docs: [settingsDoc(result.data.settings)], mode: 'add' });
  for (const w of writes) {
    const r = await store.syncDocs(w.collection, w.docs, {
      mode: w.mode,
      ...(w.keep ? { keep: w.keep } : {}),
    });
    // the collection's documents of this sync, written or found unchanged (run.firestore splits them)
    written[w.collection] = r.written + r.unchanged;
    if (r.removed > 0) deleted[w.collection] = r.removed;
  }

  // quarantine: this run's rejected rows replace the previous sync's; form submissions stay
  // until a later valid version of the same response supersedes them
  const quarantine: Doc[] = result.quarantine.map((q) => quarantineDoc(q, runId));
  const q = await store.replaceCollection(COLLECTIONS.quarantine, quarantine, keepFormQuarantine(superseded));
  written[COLLECTIONS.quarantine] = q.written + q.unchanged;
  if (q.deleted > 0) deleted[COLLECTIONS.quarantine] = q.deleted;

  await gateway.writeSheets([statusSheet(result.errors)]);

  const counts: Record<string, SheetCount> = result.counts;
  return {
    body: {
      valid: result.valid,
      counts,
      firestore: { written, deleted, skippedSheets: skipped },
      quarantined: result.quarantine.length,
      sheets: ['Status Validasi'],
      errors: result.errors,
    },
    counts: written,
    errors: result.errors,
    checksumOf: wb,
  };
}

export function syncWorkbook(deps: Deps): HttpFunction {
  return endpoint(
    deps,
    { name: 'syncWorkbook', access: 'write', methods: ['POST'], schema: syncSchema },
    syncWork,
  );
}
