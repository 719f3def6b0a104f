/**
 * Loading: the tenant's ProgramData read back from Firestore, every document checked against
 * the core's zod schemas (an invalid one is reported and left out). The documents themselves
 * (the same ids and shapes as `bangkom run` writes) are built in ../adapters/cycle-docs.ts;
 * the sheets written back from the results are in ./output-sheets.ts.
 */
import {
  COLLECTIONS,
  emptyProgramData,
  type ProgramData,
  recordSchemas,
  type Settings,
  settingsSchema,
} from '@bangkom/core';
import { RECORD_KEYS, type RecordKey, SETTINGS_DOC } from '../adapters/cycle-docs.js';
import type { SafeParser, TenantStore } from '../adapters/firestore.js';

export interface LoadedProgram {
  data: ProgramData;
  /** stored documents that fail their schema: reported, left out of the computation */
  invalid: { collection: string; id: string; message: string }[];
}

/** Reads the tenant's records (only the collections asked for), each validated at the edge. */
export async function loadProgram(
  store: TenantStore,
  keys: readonly RecordKey[] = RECORD_KEYS,
): Promise<LoadedProgram> {
  const data = emptyProgramData();
  const invalid: LoadedProgram['invalid'] = [];
  await Promise.all(
    keys.map(async (key) => {
      const result = await store.readRecords(COLLECTIONS[key], recordSchemas[key] as SafeParser<unknown>);
      (data as unknown as Record<string, unknown[]>)[key] = result.records.sort(byRow);
      for (const bad of result.invalid) invalid.push({ collection: COLLECTIONS[key], ...bad });
    }),
  );
  const settings = await store.readDoc(COLLECTIONS.settings, SETTINGS_DOC);
  if (settings) {
    const parsed = settingsSchema.safeParse(settings.data);
    if (parsed.success) data.settings = parsed.data as Settings;
    else invalid.push({ collection: COLLECTIONS.settings, id: SETTINGS_DOC, message: parsed.error.message });
  }
  return { data, invalid };
}

/** Sheet order, so computations see records as the sheet lists them. */
function byRow(a: unknown, b: unknown): number {
  return ((a as { row?: number }).row ?? 0) - ((b as { row?: number }).row ?? 0);
}
