/**
 * summarizeEvaluations: training evaluation per session (reaction index, Hake N-gain,
 * behaviour change: Kirkpatrick L1–L3), IKM per service unit and period (PermenPAN-RB
 * 14/2017) and the leaders' summary per OPD, from the records in Firestore. Writes them to
 * Firestore and, with a spreadsheetId, the `Hasil Evaluasi` and `Hasil IKM` sheets.
 */
import {
  buildLeaderSummary,
  COLLECTIONS,
  completersBySession,
  computeCompletion,
  computeGaps,
  computeIkm,
  computeJp,
  evaluate,
  resolveTahun,
  resolveTahunJp,
} from '@bangkom/core';
import type { HttpFunction } from '@google-cloud/functions-framework';
import { evaluationDocs, ikmDocs, sessionAggregates, summaryDocs } from '../adapters/cycle-docs.js';
import { yearIn } from '../time.js';
import type { ComputeBody } from './compute-gaps.js';
import { type Deps, endpoint, type Outcome, type RunContext } from './context.js';
import { loadProgram } from './load-program.js';
import { evaluasiSheet, ikmSheet } from './output-sheets.js';
import { computeSchema } from './schemas.js';
import { writeOutputSheets, writeResults } from './write-results.js';

export async function summarizeWork(ctx: RunContext<ComputeBody>): Promise<Outcome> {
  const { store, body, runId, deps } = ctx;
  const { data, invalid } = await loadProgram(store, [
    'employees',
    'competencies',
    'standards',
    'assessments',
    'trainings',
    'skm',
    'reactions',
    'tests',
    'behaviours',
    'fgd',
  ]);
  const currentYear = yearIn(ctx.startedAt, deps.timeZone);
  const tahun = resolveTahun(data, body.tahun, currentYear);
  // sessions with a Daftar Hadir are evaluated over their completers only
  const evaluation = evaluate(data, completersBySession(computeCompletion(data)));
  const ikm = computeIkm(data.skm);
  const summary = buildLeaderSummary(
    data,
    computeGaps(data),
    computeJp(data, resolveTahunJp(data, body.tahun, currentYear)),
    ikm,
  );

  const written = await writeResults(
    store,
    [
      [COLLECTIONS.evaluations, evaluationDocs(evaluation, runId)],
      [COLLECTIONS.ikm, ikmDocs(ikm, runId)],
      // the summary of this year only: other years' documents and the schedule's stay
      [
        COLLECTIONS.summary,
        summaryDocs(summary, runId),
        {
          fields: ['tahun', 'jenis'],
          test: (stale) => stale.data.tahun !== tahun || stale.data.jenis === 'jadwal',
        },
      ],
    ],
    tahun,
  );

  const sheets = [evaluasiSheet(evaluation), ikmSheet(ikm)];
  const out = await writeOutputSheets(deps, body.spreadsheetId, sheets);

  return {
    body: {
      tahun,
      sessions: sessionAggregates(evaluation),
      ikm: ikm.units,
      ringkasan: summary.total,
      firestore: written,
      sheets: out.titles,
      errors: invalid,
    },
    counts: { ...written.written, ...out.counts },
    errors: invalid,
    reports: { summary, ikm },
  };
}

export function summarizeEvaluations(deps: Deps): HttpFunction {
  return endpoint(
    deps,
    { name: 'summarizeEvaluations', access: 'write', methods: ['POST'], schema: computeSchema },
    summarizeWork,
  );
}
