/**
 * scheduleTrainings: the training plan for the fiscal year from the records in Firestore,
 * through the scheduler adapter (MILP under budget, capacity, calendar and the 20-JP
 * target). Writes sessions, enrolments and individual plans to Firestore and, with a
 * spreadsheetId, the `Jadwal` sheet (the columns Kirim Undangan reads) and the `Rencana
 * Pengembangan Kompetensi` sheet (PP 11/2017 art. 207 columns) and the `Daftar Tunggu` sheet
 * (who takes a seat a participant gives up).
 */
import { COLLECTIONS, computeGaps, resolveTahun, scheduleDocs } from '@bangkom/core';
import type { HttpFunction } from '@google-cloud/functions-framework';
import { scheduleSummaryDoc, withRun } from '../adapters/cycle-docs.js';
import { yearIn } from '../time.js';
import type { ComputeBody } from './compute-gaps.js';
import { type Deps, endpoint, type Outcome, type RunContext } from './context.js';
import { loadProgram } from './load-program.js';
import { jadwalSheet, rencanaKompetensiSheet } from './output-sheets.js';
import { computeSchema } from './schemas.js';
import { daftarTungguSheet } from './waiting-list-sheet.js';
import { writeOutputSheets, writeResults } from './write-results.js';

export async function scheduleWork(ctx: RunContext<ComputeBody>): Promise<Outcome> {
  const { store, body, runId, deps } = ctx;
  const scheduler = await deps.scheduler();
  const { data, invalid } = await loadProgram(store);
  const tahun = resolveTahun(data, body.tahun, yearIn(ctx.startedAt, deps.timeZone));
  const gaps = computeGaps(data);
  const report = await scheduler.planSchedule(data, gaps, {
    tahun,
    now: ctx.startedAt,
    timeZone: deps.timeZone,
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
      firestore: written,
      sheets: out.titles,
      errors: invalid,
    },
    counts: { ...written.written, ...out.counts },
    errors: invalid,
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
