/**
 * Which stale documents a sync deletes and which it keeps: one set of rules for `bangkom run`
 * and the Cloud Functions (syncWorkbook, computeGaps, ...), so that both leave Firestore the
 * same. Master sheets are mirrored (a row deleted from the sheet is deleted from Firestore,
 * only when the sheet is present at all); form-fed collections are only added to; SKM rows
 * typed into the sheet are mirrored, a form respondent's record never deleted; results are
 * replaced per year (another year's documents stay).
 */
import {
  COLLECTIONS,
  type CollectionName,
  type Doc,
  FORM_SHEETS,
  isFormDocId,
  type ProgramData,
  SHEET_COLLECTION,
} from '@bangkom/core';
import { RECORD_KEYS, type RecordKey, recordDocs } from './cycle-docs.js';
import type { TenantStore } from './firestore.js';
import { addTally, emptyTally, type KeepRule, type SyncTally } from './firestore-sync.js';

/**
 * Collections fed by forms as well as sheets: a sync only adds and replaces there, never
 * deletes, so a submission that reached Firestore before its sheet row is not lost.
 */
export const FORM_FED: ReadonlySet<RecordKey> = new Set(FORM_SHEETS.map((s) => SHEET_COLLECTION[s]));

/** record collection -> its sheet name */
const SHEET_OF = new Map<RecordKey, string>(
  Object.entries(SHEET_COLLECTION).map(([sheet, key]) => [key as RecordKey, sheet]),
);

/** Keeps the records that came from a form (id `formulir~...`). */
export const KEEP_FORM_RECORDS: KeepRule = { fields: [], test: (d) => isFormDocId(d.id) };

/** Keeps form submissions in quarantine, except those a valid version has since superseded. */
export function keepFormQuarantine(superseded: ReadonlySet<string> = new Set()): KeepRule {
  return { fields: ['sumber'], test: (d) => d.data.sumber === 'formulir' && !superseded.has(d.id) };
}

/** Keeps results of another year: a numeric `tahun` not among `years`. */
export function keepOtherYears(years: Iterable<number>): KeepRule {
  const set = new Set(years);
  return {
    fields: ['tahun'],
    test: (d) => typeof d.data.tahun === 'number' && !set.has(d.data.tahun),
  };
}

/** One collection's write: the documents, and whether (and which) stale ones are deleted. */
export interface CollectionWrite {
  collection: CollectionName;
  docs: Doc[];
  mode: 'replace' | 'add';
  keep?: KeepRule;
}

/**
 * The record collections' writes for a validated workbook. `present(sheet)`: whether the
 * workbook has that sheet; an absent master sheet is skipped (a lost or renamed sheet must not
 * wipe its collection) and named in `skipped`.
 */
export function recordWrites(
  data: ProgramData | ((key: RecordKey) => Doc[]),
  present: (sheet: string) => boolean,
): { writes: CollectionWrite[]; skipped: string[] } {
  const writes: CollectionWrite[] = [];
  const skipped: string[] = [];
  const docsOf = typeof data === 'function' ? data : (key: RecordKey) => recordDocs(key, data);
  for (const key of RECORD_KEYS) {
    const collection = COLLECTIONS[key];
    const docs = docsOf(key);
    const sheet = SHEET_OF.get(key) ?? key;
    if (key === 'skm' && present(sheet)) {
      // a row typed into SKM is known only by its place: mirror those (a deleted or moved row
      // must not be counted twice); a form respondent's record (formulir~) is never deleted
      writes.push({ collection, docs, mode: 'replace', keep: KEEP_FORM_RECORDS });
    } else if (FORM_FED.has(key)) {
      writes.push({ collection, docs, mode: 'add' });
    } else if (present(sheet) || (key === 'competencies' && docs.length > 0)) {
      writes.push({ collection, docs, mode: 'replace' });
    } else {
      skipped.push(sheet);
    }
  }
  return { writes, skipped };
}

/** A result collection replaced for the years its new documents carry (all of it when none does). */
export function resultWrite(collection: CollectionName, docs: Doc[]): CollectionWrite {
  const years = new Set<number>();
  for (const d of docs) if (typeof d.data.tahun === 'number') years.add(d.data.tahun);
  return { collection, docs, mode: 'replace', keep: keepOtherYears(years) };
}

const RECORD_COLLECTIONS: ReadonlySet<string> = new Set(RECORD_KEYS.map((k) => COLLECTIONS[k]));

/**
 * The writes of a whole cycle (`bangkom run`): the records by the rules above, the settings
 * added, the sheet's quarantine replaced (form submissions kept), every result collection
 * replaced for its years. `present(sheet)`: whether the workbook has that sheet.
 */
export function cycleWrites(
  docs: ReadonlyMap<CollectionName, Doc[]>,
  present: (sheet: string) => boolean,
): CollectionWrite[] {
  const { writes } = recordWrites((key) => docs.get(COLLECTIONS[key]) ?? [], present);
  for (const [collection, list] of docs) {
    if (RECORD_COLLECTIONS.has(collection)) continue;
    if (collection === COLLECTIONS.settings) writes.push({ collection, docs: list, mode: 'add' });
    else if (collection === COLLECTIONS.quarantine)
      writes.push({ collection, docs: list, mode: 'replace', keep: keepFormQuarantine() });
    else if (collection === COLLECTIONS.summary && !list.some((d) => d.data.jenis === 'jadwal')) {
      // no schedule this run (it failed): the stored schedule's summary stays with its sessions
      const years = resultWrite(collection, list).keep as KeepRule;
      writes.push({
        collection,
        docs: list,
        mode: 'replace',
        keep: { fields: ['tahun', 'jenis'], test: (d) => d.data.jenis === 'jadwal' || years.test(d) },
      });
    } else writes.push(resultWrite(collection, list));
  }
  return writes;
}

export interface WritesOutcome {
  /** per collection */
  byCollection: Map<CollectionName, SyncTally>;
  total: SyncTally;
}

/**
 * Runs the writes one collection after the other, taking each off `writes` (which ends empty), so
 * that its documents are not kept once stored; progress counts documents handled.
 */
export async function applyWrites(
  store: TenantStore,
  writes: CollectionWrite[],
  onProgress?: (done: number) => void,
): Promise<WritesOutcome> {
  const byCollection = new Map<CollectionName, SyncTally>();
  const total = emptyTally();
  let before = 0;
  // taken off the list as they are synced: a collection's documents can go once it is stored
  for (let w = writes.shift(); w; w = writes.shift()) {
    const t = await store.syncDocs(w.collection, w.docs, {
      mode: w.mode,
      ...(w.keep ? { keep: w.keep } : {}),
      ...(onProgress ? { onProgress: (n: number) => onProgress(before + n) } : {}),
    });
    before += w.docs.length;
    const prev = byCollection.get(w.collection);
    byCollection.set(w.collection, prev ? addTally(prev, t) : t);
    addTally(total, t);
  }
  return { byCollection, total };
}
