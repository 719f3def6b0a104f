/**
 * The last step of runCycle: the year's indicators into `cycles/{tahun}` (the memory the
 * leaders' trend reads), from the records as the cycle left them in Firestore. The schedule's
 * budget comes from the schedule's own summary document, so nothing is planned twice. The
 * document is written whole: a rerun of the year replaces that year only.
 */
import {
  buildCycle,
  buildLeaderSummary,
  COLLECTIONS,
  completersBySession,
  computeCompletion,
  computeGaps,
  computeIkm,
  computeJp,
  docId,
  evaluate,
  plannedBudgetSchema,
  resolveTahun,
  resolveTahunJp,
  type ScheduleReport,
} from '@bangkom/core';
import { writeCycle } from '../adapters/cycles.js';
import { yearIn } from '../time.js';
import type { ComputeBody } from './compute-gaps.js';
import type { Outcome, RunContext } from './context.js';
import { loadProgram } from './load-program.js';

export async function recordCycleWork(ctx: RunContext<ComputeBody>): Promise<Outcome> {
  const { store, body, runId, deps } = ctx;
  const { data, invalid } = await loadProgram(store);
  const currentYear = yearIn(ctx.startedAt, deps.timeZone);
  const tahunJp = resolveTahunJp(data, body.tahun, currentYear);
  const tahunRencana = resolveTahun(data, body.tahun, currentYear);
  const gaps = computeGaps(data);
  const ikm = computeIkm(data.skm);
  // sessions with a Daftar Hadir are evaluated over their completers only
  const evaluation = evaluate(data, completersBySession(computeCompletion(data)));
  const summary = buildLeaderSummary(data, gaps, computeJp(data, tahunJp), ikm);
  const stored = await store.readDoc(COLLECTIONS.summary, docId(tahunRencana, 'jadwal'));
  const parsed = stored ? plannedBudgetSchema.safeParse(stored.data) : undefined;
  const schedule: Pick<ScheduleReport, 'tahun' | 'budget'> | undefined = parsed?.success
    ? parsed.data
    : undefined;
  const cycle = buildCycle({
    data,
    gaps,
    ikm,
    evaluation,
    summary,
    ...(schedule ? { schedule } : {}),
    dihitung: ctx.startedAt.toISOString(),
  });
  const written = await writeCycle(store, cycle, runId);
  return {
    body: { tahun: cycle.tahun, tahunRencana: cycle.tahunRencana, errors: invalid },
    counts: { [COLLECTIONS.cycles]: written },
    errors: invalid,
  };
}
