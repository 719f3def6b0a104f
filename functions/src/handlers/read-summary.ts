/**
 * readSummary (extension): what leaders (`pimpinan`) may read: the summary per OPD and for
 * the city, gaps and JP per OPD, IKM and training evaluation, as the other functions last
 * wrote them. Read-only for the caller; only the run document is written.
 */
import { COLLECTIONS } from '@bangkom/core';
import type { HttpFunction } from '@google-cloud/functions-framework';
import { type Deps, endpoint } from './context.js';
import { summarySchema } from './schemas.js';

export function readSummary(deps: Deps): HttpFunction {
  return endpoint(
    deps,
    { name: 'readSummary', access: 'read', methods: ['GET', 'POST'], schema: summarySchema },
    async (ctx) => {
      const { store, body } = ctx;
      const read = async (collection: string, yearly: boolean) =>
        (await store.readCollection(collection))
          .filter((d) => !yearly || body.tahun === undefined || d.data.tahun === body.tahun)
          .map((d) => d.data);
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
