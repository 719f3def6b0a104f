/**
 * Form submissions in quarantine that a later valid version has superseded.
 *
 * ingestResponse writes one document per submission: a valid one its record (carrying
 * `responseId`), an invalid one its `quarantine` entry. It does not delete an earlier
 * quarantined version when a corrected one arrives: that blind delete doubled the writes of
 * every submission for a rare edit. The sync settles it instead: a form's quarantine entry is
 * superseded once a record of its sheet with the same response id (`responseId`, or the
 * sheet's `ID Respons` for Penilaian and SKM rows synced from the spreadsheet) was written after it.
 * Until then the entry stays, so nothing rejected is ever lost unseen.
 */
import {
  COLLECTIONS,
  type FormSheet,
  type ProgramData,
  RESPONSE_ID_SHEETS,
  SHEET_COLLECTION,
} from '@bangkom/core';
import type { Timestamp } from 'firebase-admin/firestore';
import { type TenantStore, tenantCollectionPath } from '../adapters/firestore.js';

/** Firestore's limit of values in one `in` filter. */
const IN_LIMIT = 30;

interface Entry {
  id: string;
  responseId: string;
  written: Timestamp;
}

/** `sheet` + response id: how an entry and a record of the same response meet. */
const responseKey = (sheet: string, responseId: string) => `${sheet}\u0000${responseId}`;

/**
 * The responses a program's records carry as `ID Respons` (Penilaian, SKM rows the Apps Script
 * wrote), as response keys: a sync about to write them supersedes their quarantine entries.
 */
export function sheetResponses(data: ProgramData): Set<string> {
  const keys = new Set<string>();
  for (const sheet of RESPONSE_ID_SHEETS) {
    for (const r of data[SHEET_COLLECTION[sheet]] as readonly { idRespons?: string }[])
      if (r.idRespons) keys.add(responseKey(sheet, r.idRespons));
  }
  return keys;
}

/**
 * Ids of the quarantine entries from forms that a later valid record has superseded: one
 * already stored, or one of `storingNow` (response keys of records the caller writes next,
 * see sheetResponses).
 */
export async function supersededFormQuarantine(
  store: TenantStore,
  storingNow: ReadonlySet<string> = new Set(),
): Promise<Set<string>> {
  const col = (name: string) => store.db.collection(tenantCollectionPath(store.tenantId, name));
  const snap = await col(COLLECTIONS.quarantine).where('sumber', '==', 'formulir').get();
  const bySheet = new Map<FormSheet, Entry[]>();
  const superseded = new Set<string>();
  for (const d of snap.docs) {
    const { sheet, responseId } = d.data() as { sheet?: unknown; responseId?: unknown };
    if (typeof responseId !== 'string' || !(typeof sheet === 'string' && sheet in SHEET_COLLECTION)) continue;
    if (storingNow.has(responseKey(sheet, responseId))) {
      superseded.add(d.id);
      continue;
    }
    const list = bySheet.get(sheet as FormSheet) ?? [];
    list.push({ id: d.id, responseId, written: d.updateTime });
    bySheet.set(sheet as FormSheet, list);
  }
  for (const [sheet, entries] of bySheet) {
    const records = col(COLLECTIONS[SHEET_COLLECTION[sheet]]);
    // records written by a sync carry the sheet's `ID Respons` (Penilaian, SKM), not `responseId`
    const fields = RESPONSE_ID_SHEETS.has(sheet) ? ['responseId', 'idRespons'] : ['responseId'];
    /** response id -> when a record carrying it was last written */
    const latest = new Map<string, Timestamp>();
    const ids = [...new Set(entries.map((e) => e.responseId))];
    const queries = fields.flatMap((field) =>
      Array.from({ length: Math.ceil(ids.length / IN_LIMIT) }, (_, k) => ({
        field,
        values: ids.slice(k * IN_LIMIT, (k + 1) * IN_LIMIT),
      })),
    );
    const answers = await Promise.all(
      queries.map(async ({ field, values }) => ({
        field,
        snap: await records.where(field, 'in', values).get(),
      })),
    );
    for (const { field, snap: found } of answers) {
      for (const r of found.docs) {
        const id = r.get(field) as string;
        const seen = latest.get(id);
        if (!seen || compare(r.updateTime, seen) > 0) latest.set(id, r.updateTime);
      }
    }
    for (const e of entries) {
      const record = latest.get(e.responseId);
      // a tie is one commit: the call's later version was the invalid one
      if (record && compare(record, e.written) > 0) superseded.add(e.id);
    }
  }
  return superseded;
}

/** Timestamps to the nanosecond (real Firestore's update times are finer than a millisecond). */
function compare(a: Timestamp, b: Timestamp): number {
  return a.seconds - b.seconds || a.nanoseconds - b.nanoseconds;
}
