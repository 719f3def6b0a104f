/**
 * runCycle (extension): the whole cycle on the program spreadsheet in one call, as the
 * Apps Script's "Hitung & Sinkronkan" asks for it: syncWorkbook, computeGaps,
 * summarizeEvaluations and, when the scheduler is installed, scheduleTrainings. One run
 * document covers all the steps.
 */
import type { HttpFunction } from '@google-cloud/functions-framework';
import { HttpError } from '../adapters/auth.js';
import { computeGapsWork } from './compute-gaps.js';
import { type Deps, endpoint, type Outcome } from './context.js';
import { scheduleWork } from './schedule-trainings.js';
import { cycleSchema } from './schemas.js';
import { summarizeWork } from './summarize-evaluations.js';
import { syncWork } from './sync-workbook.js';

export function runCycle(deps: Deps): HttpFunction {
  return endpoint(
    deps,
    { name: 'runCycle', access: 'write', methods: ['POST'], schema: cycleSchema },
    async (ctx) => {
      const steps: [string, Outcome | { skipped: string }][] = [];
      const sync = await syncWork({
        ...ctx,
        body: { tenant: ctx.body.tenant, spreadsheetId: ctx.body.spreadsheetId },
      });
      steps.push(['sync', sync]);
      steps.push(['gaps', await computeGapsWork(ctx)]);
      steps.push(['evaluations', await summarizeWork(ctx)]);
      try {
        steps.push(['schedule', await scheduleWork(ctx)]);
      } catch (err) {
        if (!(err instanceof HttpError) || err.status !== 501) throw err;
        steps.push(['schedule', { skipped: err.message }]);
      }
      const counts: Record<string, number> = {};
      const errors: unknown[] = [];
      const body: Record<string, unknown> = {};
      for (const [name, step] of steps) {
        if ('skipped' in step) {
          body[name] = { skipped: step.skipped };
          continue;
        }
        for (const [k, n] of Object.entries(step.counts)) counts[`${name}.${k}`] = n;
        errors.push(...step.errors);
        body[name] = step.body;
      }
      return { body, counts, errors, checksumOf: sync.checksumOf };
    },
  );
}
