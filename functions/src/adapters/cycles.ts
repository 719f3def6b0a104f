/**
 * The program's memory across years: `tenants/{t}/cycles/{tahun}`, one document per year
 * (core/src/cycle/model.ts). Written whole (set, never merge: the emulator has no
 * FieldValue.delete(), and a rerun of a year must replace that year only), read back with the
 * core's schema so a damaged document is reported instead of drawn in the trend.
 */
import { COLLECTIONS, type CycleDoc, cycleSchema, type Doc, docId } from '@bangkom/core';
import { withRun } from './cycle-docs.js';
import type { SafeParser, TenantStore } from './firestore.js';

/** The year's document (id: the year). */
export function cycleDocument(cycle: CycleDoc, runId: string): Doc {
  return { id: docId(cycle.tahun), data: withRun(cycle, runId) };
}

export interface StoredCycles {
  /** every readable cycle, oldest first */
  cycles: CycleDoc[];
  /** stored documents that fail the schema: reported, left out of the trend */
  invalid: { collection: string; id: string; message: string }[];
}

/** Writes the year's cycle (replacing that year's document only). */
export async function writeCycle(store: TenantStore, cycle: CycleDoc, runId: string): Promise<number> {
  return store.writeDocs(COLLECTIONS.cycles, [cycleDocument(cycle, runId)]);
}

export async function readCycles(store: TenantStore): Promise<StoredCycles> {
  const r = await store.readRecords(COLLECTIONS.cycles, cycleSchema as SafeParser<CycleDoc>);
  return {
    cycles: r.records.sort((a, b) => a.tahun - b.tahun),
    invalid: r.invalid.map((i) => ({ collection: COLLECTIONS.cycles, ...i })),
  };
}
