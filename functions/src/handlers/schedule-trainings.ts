/**
 * scheduleTrainings: the training plan for the fiscal year from the records in Firestore,
 * through the scheduler adapter (MILP under budget, capacity, calendar and the 20-JP
 * target). Writes sessions, enrolments and individual plans to Firestore and, with a
 * spreadsheetId, the `Jadwal` sheet (the columns Kirim Undangan reads) and the `Rencana
 * Pengembangan Kompetensi` sheet (PP 11/2017 art. 207 columns) and the `Daftar Tunggu` sheet
 * (who takes a seat a participant gives up).
 *
 * Re-planning: when Firestore holds a schedule of the year (the previous run's `sessions`), its
 * sessions already started or announced (a `Daftar Hadir` row names them, or an `Undangan` row: the
 * invitations went out) stay fixed, as with
 * `bangkom schedule --ulang` (core/src/schedule/replan.ts), and the change against it goes to the
 * `Perubahan Jadwal` sheet and the answer's `ulang`. A rerun on unchanged input plans the same
 * schedule again and reports no change.
 */
import { COLLECTIONS, computeGaps, replanCounts, resolveTahun, scheduleDocs } from '@bangkom/core';
import type { HttpFunction } from '@google-cloud/functions-framework';
import { scheduleSummaryDoc, withRun } from '../adapters/cycle-docs.js';
import { storedPlan } from '../adapters/previous-plan.js';
import { yearIn } from '../time.js';
import type { ComputeBody } from './compute-gaps.js';
import { type Deps, endpoint, type Outcome, type RunContext } from './context.js';
import { loadProgram } from './load-program.js';
import { jadwalSheet, perubahanJadwalSheet, rencanaKompetensiSheet } from './output-sheets.js';
import { computeSchema } from './schemas.js';
import { daftarTungguSheet } from './waiting-list-sheet.js';
import { writeOutputSheets, writeResults } from './write-results.js';

export async function scheduleWork(ctx: RunContext<ComputeBody>): Promise<Outcome> {
  const { store, body, runId, deps } = ctx;
  const scheduler = await deps.scheduler();
  const { data, invalid } = await loadProgram(store);
  const tahun = resolveTahun(data, body.tahun, yearIn(ctx.startedAt, deps.timeZone));
  const gaps = computeGaps(data);
  // the schedule the previous run stored for this year, if any: its fixed sessions stay
  const previous = await storedPlan(store, tahun);
  const errors = [
    ...invalid,
    ...previous.invalid.map((bad) => ({ collection: COLLECTIONS.sessions, ...bad })),
  ];
  const report = await scheduler.planSchedule(data, gaps, {
    tahun,
    now: ctx.startedAt,
    timeZone: deps.timeZone,
    ...(previous.sessions.length > 0 ? { sebelumnya: previous.sessions } : {}),
  });
  const docs = scheduleDocs(report, ctx.startedAt.toISOString());
  const tag = (list: typeof docs.sessions) => list.map((d) => ({ id: d.id, data: withRun(d.data, runId) }));

  const written = await writeResults(
    store,
    [
      [COLLECTIONS.sessions, tag(docs.sessions)],
      [COLLECTIONS.enrollments, tag(docs.enrollments)],
      [COLLECTIONS.plans, tag(docs.plans)],
    ],
    report.tahun,
  );
  written.written[COLLECTIONS.summary] = await store.writeDocs(COLLECTIONS.summary, [
    scheduleSummaryDoc(report.tahun, report, runId),
  ]);

  const sheets = [
    jadwalSheet(report),
    rencanaKompetensiSheet(report, data, gaps),
    daftarTungguSheet(report, data),
    perubahanJadwalSheet(report, previous.sessions, data),
  ];
  const out = await writeOutputSheets(deps, body.spreadsheetId, sheets);

  return {
    body: {
      tahun: report.tahun,
      sessions: report.sessions.map((s) => ({
        id: s.id,
        kode: s.kode,
        mulai: s.mulai,
        selesai: s.selesai,
        peserta: s.peserta,
      })),
      objective: report.objective,
      bound: report.bound,
      budget: report.budget.map((b) => ({ opd: b.opd, pagu: b.pagu, terpakai: b.terpakai })),
      stats: report.stats,
      unmet: report.unmet.length,
      // staff only (the function needs write access): what changed against the stored schedule
      ulang: report.ulang ?? null,
      perubahan: replanCounts(report),
      firestore: written,
      sheets: out.titles,
      errors,
    },
    counts: { ...written.written, ...out.counts },
    errors,
    reports: { schedule: report },
  };
}

export function scheduleTrainings(deps: Deps): HttpFunction {
  return endpoint(
    deps,
    { name: 'scheduleTrainings', access: 'write', methods: ['POST'], schema: computeSchema },
    scheduleWork,
  );
}
