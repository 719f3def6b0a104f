/**
 * readSummary (extension): what leaders (`pimpinan`) may read: the summary per OPD and for
 * the city, gaps and JP per OPD, IKM and training evaluation, as the other functions last
 * wrote them. Read-only for the caller; only the run document is written.
 */
import { COLLECTIONS } from '@bangkom/core';
import type { HttpFunction } from '@google-cloud/functions-framework';
import { type Deps, endpoint } from './context.js';
import { summarySchema } from './schemas.js';

/** Keys that name or score one person; never part of what leaders read. */
const PER_PERSON_KEYS: ReadonlySet<string> = new Set([
  'nGainPeserta',
  'nip',
  'nipPenilai',
  'nipAtasan',
  'email',
]);
/** An 18-digit NIP (PNS or PPPK) as a value on its own. */
const NIP_VALUE = /^\d{18}$/;

/** Text as leaders may read it: every 18-digit run (a NIP) inside it masked. */
export function maskNips(text: string): string {
  return text.replace(/(?<!\d)\d{18}(?!\d)/g, '[NIP disembunyikan]');
}

/**
 * A stored document as leaders may see it: per-person keys and NIP values removed at any depth.
 * The writers already leave them out; this also covers documents written by older versions.
 */
export function aggregateOnly(data: Record<string, unknown>): Record<string, unknown> {
  const clean = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.filter((x) => !(typeof x === 'string' && NIP_VALUE.test(x))).map(clean);
    if (
      v !== null &&
      typeof v === 'object' &&
      !(v instanceof Date) &&
      Object.getPrototypeOf(v) === Object.prototype
    )
      return aggregateOnly(v as Record<string, unknown>);
    return v;
  };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) {
    if (PER_PERSON_KEYS.has(k) || (typeof v === 'string' && NIP_VALUE.test(v))) continue;
    out[k] = clean(v);
  }
  return out;
}

export function readSummary(deps: Deps): HttpFunction {
  return endpoint(
    deps,
    { name: 'readSummary', access: 'read', methods: ['GET', 'POST'], schema: summarySchema },
    async (ctx) => {
      const { store, body } = ctx;
      const read = async (collection: string, yearly: boolean) =>
        (await store.readCollection(collection))
          .filter((d) => !yearly || body.tahun === undefined || d.data.tahun === body.tahun)
          .map((d) => aggregateOnly(d.data));
      const [ringkasan, gapsOpd, jpOpd, ikm, evaluations] = await Promise.all([
        read(COLLECTIONS.summary, true),
        read(COLLECTIONS.gapsOpd, false),
        read(COLLECTIONS.jpOpd, true),
        read(COLLECTIONS.ikm, false),
        read(COLLECTIONS.evaluations, false),
      ]);
      const counts = {
        [COLLECTIONS.summary]: ringkasan.length,
        [COLLECTIONS.gapsOpd]: gapsOpd.length,
        [COLLECTIONS.jpOpd]: jpOpd.length,
        [COLLECTIONS.ikm]: ikm.length,
        [COLLECTIONS.evaluations]: evaluations.length,
      };
      return {
        body: {
          tenant: ctx.caller.tenant,
          tahun: body.tahun ?? null,
          ringkasan,
          gapsOpd,
          jpOpd,
          ikm,
          evaluations,
        },
        counts,
        errors: [],
      };
    },
  );
}
