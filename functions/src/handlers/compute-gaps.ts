/**
 * computeGaps: competency gaps, JP against the 20-JP target and the individual development
 * needs, from the records in Firestore (validated as they are read). Writes the results to
 * Firestore and, when a spreadsheetId is given, the `Kesenjangan` and `Kebutuhan Pengembangan
 * ASN` sheets (one spreadsheets.batchUpdate for both, see adapters/sheets.ts).
 */
import { computeJp, computeGaps as coreGaps, resolveTahunJp } from '@bangkom/core';
import type { HttpFunction } from '@google-cloud/functions-framework';
import type { z } from 'zod';
import { gapDocs, jpDocs } from '../adapters/cycle-docs.js';
import { yearIn } from '../time.js';
import { type Deps, endpoint, type Outcome, type RunContext } from './context.js';
import { loadProgram } from './load-program.js';
import { kebutuhanSheet, kesenjanganSheet, minatTopikSheet } from './output-sheets.js';
import { computeSchema } from './schemas.js';
import { writeOutputSheets, writeResults } from './write-results.js';

export type ComputeBody = z.output<typeof computeSchema>;

export async function computeGapsWork(ctx: RunContext<ComputeBody>): Promise<Outcome> {
  const { store, body, runId, deps } = ctx;
  const { data, invalid } = await loadProgram(store, [
    'employees',
    'competencies',
    'standards',
    'assessments',
    'trainings',
    'courses',
    'fgd',
    'preferences',
  ]);
  const tahun = resolveTahunJp(data, body.tahun, yearIn(ctx.startedAt, deps.timeZone));
  const gaps = coreGaps(data);
  const jp = computeJp(data, tahun);

  const written = await writeResults(store, [...gapDocs(gaps, runId), ...jpDocs(jp, runId)], tahun);
  const sheets = [kesenjanganSheet(gaps, data), kebutuhanSheet(gaps, jp, data), minatTopikSheet(data)];
  const out = await writeOutputSheets(deps, body.spreadsheetId, sheets);

  return {
    body: {
      tahun,
      pegawai: gaps.employees.length,
      opd: gaps.opd,
      jp: { tahun: jp.tahun, target: jp.target, opd: jp.opd },
      firestore: written,
      sheets: out.titles,
      errors: invalid,
    },
    counts: { ...written.written, ...out.counts },
    errors: invalid,
  };
}

export function computeGaps(deps: Deps): HttpFunction {
  return endpoint(
    deps,
    { name: 'computeGaps', access: 'write', methods: ['POST'], schema: computeSchema },
    computeGapsWork,
  );
}
