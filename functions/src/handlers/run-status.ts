/**
 * runStatus (extension): where a run stands, for a caller polling a cycle it started with
 * runCycle `mulai` (the Apps Script's "Hitung & Sinkronkan"). A read: it writes no run
 * document. Numbers and Indonesian words only; the sample errors (cell values, NIPs) are never
 * returned, and for a `pimpinan` any NIP quoted in the message or results is masked.
 */
import { COLLECTIONS } from '@bangkom/core';
import type { HttpFunction } from '@google-cloud/functions-framework';
import { HttpError } from '../adapters/auth.js';
import { type RunRecord, tenantCollectionPath } from '../adapters/firestore.js';
import { type Deps, endpoint } from './context.js';
import { aggregateOnly, maskNips } from './read-summary.js';
import { runStatusSchema } from './schemas.js';

/** A run's results as leaders may read them: per-person keys out, NIPs in texts masked. */
function maskedAggregate(hasil: Record<string, unknown>): Record<string, unknown> {
  const mask = (v: unknown): unknown => {
    if (typeof v === 'string') return maskNips(v);
    if (Array.isArray(v)) return v.map(mask);
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [maskNips(k), mask(x)]));
    }
    return v;
  };
  return mask(aggregateOnly(hasil)) as Record<string, unknown>;
}

export function runStatus(deps: Deps): HttpFunction {
  return endpoint(
    deps,
    { name: 'runStatus', access: 'read', methods: ['GET', 'POST'], schema: runStatusSchema, audit: false },
    async (ctx) => {
      const { runId } = ctx.body;
      const snap = await deps.db
        .doc(`${tenantCollectionPath(ctx.caller.tenant, COLLECTIONS.runs)}/${runId}`)
        .get();
      if (!snap.exists) throw new HttpError(404, `Proses ${runId} tidak ditemukan.`);
      const run = snap.data() as Partial<RunRecord>;
      // a run's message can quote a cell (a NIP): leaders read it masked, and its results as aggregates
      const leader = ctx.caller.role === 'pimpinan';
      const message = run.message ?? null;
      const hasil = run.hasil ?? null;
      return {
        body: {
          runId,
          kind: run.kind ?? '',
          status: run.status ?? '',
          langkah: run.langkah ?? null,
          startedAt: run.startedAt ?? '',
          finishedAt: run.finishedAt ?? '',
          errorCount: run.errorCount ?? 0,
          message: leader && message !== null ? maskNips(message) : message,
          hasil: leader && hasil !== null ? maskedAggregate(hasil) : hasil,
        },
        counts: {},
        errors: [],
      };
    },
  );
}
