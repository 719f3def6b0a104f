/**
 * syncWorkbook: reads the program spreadsheet through the Sheets API (one batchGet),
 * validates every sheet with the core, writes the records to Firestore (deterministic ids,
 * batches of at most 500), keeps invalid rows in `quarantine`, and writes `Status Validasi`
 * back to the spreadsheet.
 *
 * Master sheets (Pegawai, Standar Kompetensi, Katalog ...) are mirrored: a row deleted from
 * the sheet is deleted from Firestore, but only when the sheet is present at all (a renamed
 * or lost sheet must not wipe the data). Form-fed collections are only added to.
 */
import {
  COLLECTIONS,
  type Doc,
  isFormDocId,
  normalizeHeader,
  SHEET_COLLECTION,
  type SheetCount,
  validateWorkbook,
} from '@bangkom/core';
import type { HttpFunction } from '@google-cloud/functions-framework';
import type { z } from 'zod';
import {
  quarantineDoc,
  RECORD_KEYS,
  type RecordKey,
  recordDocs,
  settingsDoc,
} from '../adapters/cycle-docs.js';
import { type Deps, endpoint, type Outcome, type RunContext } from './context.js';
import { sheetResponses, supersededFormQuarantine } from './form-quarantine.js';
import { FORM_FED, statusSheet } from './program.js';
import { syncSchema } from './schemas.js';

/** record collection -> its sheet name */
const SHEET_OF = new Map<RecordKey, string>(
  Object.entries(SHEET_COLLECTION).map(([sheet, key]) => [key as RecordKey, sheet]),
);

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
  const skipped: string[] = [];
  for (const key of RECORD_KEYS) {
    const collection = COLLECTIONS[key];
    const docs = recordDocs(key, result.data);
    const sheet = SHEET_OF.get(key) ?? key;
    if (key === 'skm' && present.has(normalizeHeader(sheet))) {
      // a row typed into SKM is known only by its place: mirror those (a deleted or moved row
      // must not be counted twice); a form respondent's record (formulir~) is never deleted
      const r = await store.replaceCollection(collection, docs, (d) => isFormDocId(d.id));
      written[collection] = r.written;
      if (r.deleted > 0) deleted[collection] = r.deleted;
    } else if (FORM_FED.has(key)) {
      written[collection] = await store.writeDocs(collection, docs);
    } else if (present.has(normalizeHeader(sheet)) || (key === 'competencies' && docs.length > 0)) {
      const r = await store.replaceCollection(collection, docs);
      written[collection] = r.written;
      if (r.deleted > 0) deleted[collection] = r.deleted;
    } else {
      skipped.push(sheet);
    }
  }
  written[COLLECTIONS.settings] = await store.writeDocs(COLLECTIONS.settings, [
    settingsDoc(result.data.settings),
  ]);

  // quarantine: this run's rejected rows replace the previous sync's; form submissions stay
  // until a later valid version of the same response supersedes them
  const quarantine: Doc[] = result.quarantine.map((q) => quarantineDoc(q, runId));
  const q = await store.replaceCollection(
    COLLECTIONS.quarantine,
    quarantine,
    (d) => d.data.sumber === 'formulir' && !superseded.has(d.id),
  );
  written[COLLECTIONS.quarantine] = q.written;
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
