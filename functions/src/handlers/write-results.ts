/** Writing computed results: a collection of results is replaced as a whole (per year where it has one). */
import type { CollectionName, Doc } from '@bangkom/core';
import type { TenantStore } from '../adapters/firestore.js';

export interface ResultWrite {
  written: Record<string, number>;
  deleted: Record<string, number>;
}

/**
 * Replaces each collection with the new documents. Documents of another year (a `tahun`
 * field different from this run's) are kept, so last year's JP stays readable.
 */
export async function writeResults(
  store: TenantStore,
  sets: readonly (readonly [CollectionName, Doc[]])[],
  tahun: number,
): Promise<ResultWrite> {
  const out: ResultWrite = { written: {}, deleted: {} };
  for (const [collection, docs] of sets) {
    const r = await store.replaceCollection(
      collection,
      docs,
      (stale) => typeof stale.data.tahun === 'number' && stale.data.tahun !== tahun,
    );
    out.written[collection] = r.written;
    if (r.deleted > 0) out.deleted[collection] = r.deleted;
  }
  return out;
}
