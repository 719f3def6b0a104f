/**
 * Loading: the tenant's ProgramData read back from Firestore, every document checked against
 * the core's zod schemas (an invalid one is reported and left out). The documents themselves
 * (the same ids and shapes as `bangkom run` writes) are built in ../adapters/cycle-docs.ts;
 * the sheets written back from the results are in ./output-sheets.ts.
 */
import {
  COLLECTIONS,
  completionRecords,
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

/**
 * What completion from `Daftar Hadir` needs besides Riwayat: a loader asked for `trainings`
 * reads these too, so completers count in every JP figure (as `bangkom run` counts them).
 */
const COMPLETION_KEYS: readonly RecordKey[] = ['attendance', 'courses', 'tests', 'employees'];

/**
 * Reads the tenant's records (only the collections asked for, plus what completion needs when
 * `trainings` is asked for), each validated at the edge. The Riwayat rows completers of
 * `Daftar Hadir` would get are in `trainings` (core/src/completion-records.ts).
 */
export async function loadProgram(
  store: TenantStore,
  keys: readonly RecordKey[] = RECORD_KEYS,
): Promise<LoadedProgram> {
  const data = emptyProgramData();
  const invalid: LoadedProgram['invalid'] = [];
  const wanted = keys.includes('trainings') ? [...new Set([...keys, ...COMPLETION_KEYS])] : keys;
  await Promise.all(
    wanted.map(async (key) => {
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
  if (wanted.includes('trainings') && data.attendance.length > 0) {
    const made = completionRecords(data).records;
    if (made.length > 0) data.trainings = [...data.trainings, ...made];
  }
  return { data, invalid };
}

/** Sheet order, so computations see records as the sheet lists them. */
function byRow(a: unknown, b: unknown): number {
  return ((a as { row?: number }).row ?? 0) - ((b as { row?: number }).row ?? 0);
}
