/**
 * runCycle (extension): the whole cycle on the program spreadsheet in one call, as the
 * Apps Script's "Hitung & Sinkronkan" asks for it: syncWorkbook, computeGaps,
 * summarizeEvaluations and scheduleTrainings, then the year's indicators into cycles/{tahun}
 * (record-cycle.ts) and the leaders' sheets. One run document covers all the steps.
 *
 * With `mulai: true` the call answers at once (202 with the runId) and the cycle goes on:
 * UrlFetchApp gives up after about 60 seconds while a cycle may take minutes, so the caller
 * polls runStatus instead of waiting. The run document says `berjalan` and the step at work
 * until the end. A second start while a cycle of the tenant is `berjalan` is refused (409).
 * The work after the answer needs an instance that keeps its CPU after answering (Cloud Run
 * functions: CPU always allocated, see DEPLOY.md).
 */
import { COLLECTIONS, type ScheduleReport } from '@bangkom/core';
import type { HttpFunction } from '@google-cloud/functions-framework';
import { HttpError } from '../adapters/auth.js';
import {
  inputChecksum,
  RUN_ERROR_SAMPLE,
  type RunRecord,
  stripUndefined,
  tenantCollectionPath,
} from '../adapters/firestore.js';
import { computeGapsWork } from './compute-gaps.js';
import { type Deps, endpoint, type Outcome, type RunContext, toHttp } from './context.js';
import { leadersWork } from './leaders-summary.js';
import { recordCycleWork } from './record-cycle.js';
import { scheduleWork } from './schedule-trainings.js';
import { cycleSchema } from './schemas.js';
import { summarizeWork } from './summarize-evaluations.js';
import { syncWork } from './sync-workbook.js';

type CycleBody = {
  tenant: string;
  spreadsheetId: string;
  tahun?: number | undefined;
  mulai?: boolean | undefined;
};

/** A cycle `berjalan` for longer than this is taken as dead (its instance stopped): no longer blocking. */
export const CYCLE_STALE_MS = 30 * 60_000;

/** The steps, and how a poller is told which one is at work. */
const STEP_NAMES: Record<string, string> = {
  sync: 'Sinkronisasi dan validasi',
  gaps: 'Analisis kesenjangan',
  evaluations: 'Rangkuman evaluasi',
  schedule: 'Penjadwalan',
  cycle: 'Pencatatan siklus tahunan',
  leaders: 'Ringkasan pimpinan',
};

async function cycle(
  ctx: RunContext<CycleBody>,
  progress: (langkah: string) => Promise<void> = async () => undefined,
): Promise<Outcome> {
  const steps: [string, Outcome | { skipped: string }][] = [];
  await progress(STEP_NAMES.sync ?? '');
  const sync = await syncWork({
    ...ctx,
    body: { tenant: ctx.body.tenant, spreadsheetId: ctx.body.spreadsheetId },
  });
  steps.push(['sync', sync]);
  await progress(STEP_NAMES.gaps ?? '');
  steps.push(['gaps', await computeGapsWork(ctx)]);
  await progress(STEP_NAMES.evaluations ?? '');
  const evaluations = await summarizeWork(ctx);
  steps.push(['evaluations', evaluations]);
  await progress(STEP_NAMES.schedule ?? '');
  const planned = await scheduleWork(ctx);
  const schedule: ScheduleReport | undefined = planned.reports?.schedule;
  steps.push(['schedule', planned]);
  // the year's indicators before the leaders' sheets, so their trend includes this year
  await progress(STEP_NAMES.cycle ?? '');
  steps.push(['cycle', await recordCycleWork(ctx)]);
  await progress(STEP_NAMES.leaders ?? '');
  const { summary, ikm } = evaluations.reports ?? {};
  steps.push([
    'leaders',
    summary && ikm
      ? await leadersWork(ctx, { summary, ikm, ...(schedule ? { schedule } : {}) })
      : { skipped: 'ringkasan tidak dihitung' },
  ]);
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
}

const size = (v: unknown): number => (Array.isArray(v) ? v.length : typeof v === 'number' ? v : 0);
const part = (body: Record<string, unknown>, name: string): Record<string, unknown> => {
  const v = body[name];
  return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
};

/** What a cycle produced, as numbers (the shape the Apps Script summarises), no personal data. */
export function cycleResult(body: Record<string, unknown>): Record<string, unknown> {
  const sync = part(body, 'sync');
  const gaps = part(body, 'gaps');
  const ev = part(body, 'evaluations');
  const sch = part(body, 'schedule');
  const leaders = part(body, 'leaders');
  return {
    sync: { errors: size(sync.errors), quarantined: size(sync.quarantined) },
    gaps: { pegawai: size(gaps.pegawai), ...(typeof gaps.tahun === 'number' ? { tahun: gaps.tahun } : {}) },
    evaluations: { sessions: size(ev.sessions), ikm: size(ev.ikm) },
    schedule: {
      sessions: size(sch.sessions),
      unmet: size(sch.unmet),
      // counts only (no NIP): what changed against the stored schedule
      ...(sch.perubahan && typeof sch.perubahan === 'object' ? { perubahan: sch.perubahan } : {}),
    },
    pimpinan:
      typeof leaders.skipped === 'string'
        ? { skipped: leaders.skipped }
        : { sheets: size(leaders.sheets), charts: size(leaders.charts) },
  };
}

/** The tenant's cycle still at work, if any. */
async function activeCycle(ctx: RunContext<CycleBody>): Promise<Partial<RunRecord> | null> {
  const snap = await ctx.deps.db
    .collection(tenantCollectionPath(ctx.caller.tenant, COLLECTIONS.runs))
    .where('kind', '==', 'runCycle')
    .where('status', '==', 'berjalan')
    .get();
  const since = ctx.deps.now().getTime() - CYCLE_STALE_MS;
  const live = snap.docs
    .map((d) => d.data() as Partial<RunRecord>)
    .filter((r) => Date.parse(r.startedAt ?? '') > since);
  return live[0] ?? null;
}

/** Starts the cycle and answers at once; the cycle then writes its own run document. */
async function start(ctx: RunContext<CycleBody>): Promise<Outcome> {
  const running = await activeCycle(ctx);
  if (running) {
    throw new HttpError(
      409,
      `Siklus lain sedang berjalan (ID proses ${running.runId ?? ''}, dimulai ${running.startedAt ?? ''} oleh ${running.caller ?? ''}); tunggu sampai selesai.`,
      { runId: running.runId ?? '' },
    );
  }
  const { deps, caller, runId } = ctx;
  const path = `${tenantCollectionPath(caller.tenant, COLLECTIONS.runs)}/${runId}`;
  const base = {
    runId,
    kind: 'runCycle',
    caller: caller.email,
    tenant: caller.tenant,
    startedAt: ctx.startedAt.toISOString(),
    inputChecksum: inputChecksum(ctx.body),
  };
  const put = (run: RunRecord) =>
    deps.writer.write([{ path, data: run as unknown as Record<string, unknown> }]);
  const working = (langkah: string) =>
    put({ ...base, finishedAt: '', status: 'berjalan', counts: {}, errorCount: 0, errors: [], langkah });
  return {
    body: { status: 'berjalan', langkah: STEP_NAMES.sync },
    httpStatus: 202,
    status: 'berjalan',
    counts: {},
    errors: [],
    after: async () => {
      let run: RunRecord;
      try {
        const out = await cycle(ctx, working);
        run = {
          ...base,
          inputChecksum: inputChecksum(out.checksumOf ?? ctx.body),
          finishedAt: deps.now().toISOString(),
          status: out.errors.length > 0 ? 'selesai dengan galat' : 'selesai',
          counts: out.counts,
          firestore: ctx.store.tally(),
          errorCount: out.errors.length,
          errors: stripUndefined([...out.errors.slice(0, RUN_ERROR_SAMPLE)]),
          hasil: cycleResult(out.body),
        };
      } catch (err) {
        const { message, details } = toHttp(err);
        run = {
          ...base,
          finishedAt: deps.now().toISOString(),
          status: 'gagal',
          counts: {},
          errorCount: 1,
          errors: [stripUndefined({ message, details })],
          message,
        };
      }
      await put(run);
    },
  };
}

export function runCycle(deps: Deps): HttpFunction {
  return endpoint(
    deps,
    { name: 'runCycle', access: 'write', methods: ['POST'], schema: cycleSchema },
    async (ctx) => (ctx.body.mulai ? start(ctx) : cycle(ctx)),
  );
}
