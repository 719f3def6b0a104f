/**
 * runStatus (extension): where a run stands, for a caller polling a cycle it started with
 * runCycle `mulai` (the Apps Script's "Hitung & Sinkronkan"). A read: it writes no run
 * document. Numbers and Indonesian words only, no personal data.
 */
import { COLLECTIONS } from '@bangkom/core';
import type { HttpFunction } from '@google-cloud/functions-framework';
import { HttpError } from '../adapters/auth.js';
import { type RunRecord, tenantCollectionPath } from '../adapters/firestore.js';
import { type Deps, endpoint } from './context.js';
import { runStatusSchema } from './schemas.js';

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
      return {
        body: {
          runId,
          kind: run.kind ?? '',
          status: run.status ?? '',
          langkah: run.langkah ?? null,
          startedAt: run.startedAt ?? '',
          finishedAt: run.finishedAt ?? '',
          errorCount: run.errorCount ?? 0,
          message: run.message ?? null,
          hasil: run.hasil ?? null,
        },
        counts: {},
        errors: [],
      };
    },
  );
}
