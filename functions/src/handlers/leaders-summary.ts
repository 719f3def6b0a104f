/**
 * The leaders' spreadsheet (Google mode): the core's summary model written into the tenant's
 * registered leaders' spreadsheet by the Sheets API renderer (adapters/summary-sheets), one
 * batchUpdate per sheet, rebuilt in place. runCycle does it last, with the cycle's own
 * results and schedule; `refreshSummary` (the menu item "Perbarui Ringkasan Pimpinan")
 * recomputes the summary from Firestore and rewrites its sheets, leaving the schedule's
 * sheets as the last cycle wrote them (planning again is the cycle's work).
 */
import {
  buildLeaderSummary,
  buildSummaryModel,
  computeGaps,
  computeIkm,
  computeJp,
  type IkmReport,
  type LeaderSummary,
  resolveTahun,
  resolveTahunJp,
  type ScheduleReport,
} from '@bangkom/core';
import type { HttpFunction } from '@google-cloud/functions-framework';
import { HttpError } from '../adapters/auth.js';
import { readCycles } from '../adapters/cycles.js';
import { leadersSpreadsheetOf } from '../adapters/leaders-spreadsheet.js';
import { writeLeadersSpreadsheet } from '../adapters/summary-sheets/index.js';
import { yearIn } from '../time.js';
import { type Deps, endpoint, type Outcome, type RunContext } from './context.js';
import { loadProgram } from './load-program.js';
import { refreshSchema } from './schemas.js';

export interface LeadersInput {
  summary: LeaderSummary;
  ikm: IkmReport;
  schedule?: ScheduleReport;
}

/** Why nothing was written: no leaders' spreadsheet registered for the tenant. */
export function notRegistered(tenant: string): string {
  return (
    `Spreadsheet ringkasan pimpinan belum terdaftar untuk tenant "${tenant}"; administrator ` +
    `mendaftarkannya dengan: members spreadsheet-pimpinan ${tenant} <spreadsheetId> (lihat functions/DEPLOY.md).`
  );
}

/** Writes the leaders' sheets; `{ skipped }` when the tenant has no leaders' spreadsheet. */
export async function leadersWork(
  ctx: RunContext<{ tenant: string; tahun?: number | undefined }>,
  given?: LeadersInput,
): Promise<Outcome | { skipped: string }> {
  const { deps, caller, store } = ctx;
  const spreadsheetId = await leadersSpreadsheetOf(deps.db, caller.tenant);
  if (!spreadsheetId) return { skipped: notRegistered(caller.tenant) };
  let input = given;
  let tahunRencana: number | undefined;
  const invalid: unknown[] = [];
  if (!input) {
    const loaded = await loadProgram(store, [
      'employees',
      'competencies',
      'standards',
      'assessments',
      'trainings',
      'skm',
      'fgd',
    ]);
    invalid.push(...loaded.invalid);
    const { data } = loaded;
    const ikm = computeIkm(data.skm);
    const gaps = computeGaps(data);
    const currentYear = yearIn(ctx.startedAt, deps.timeZone);
    const jp = computeJp(data, resolveTahunJp(data, ctx.body.tahun, currentYear));
    input = { summary: buildLeaderSummary(data, gaps, jp, ikm), ikm };
    tahunRencana = resolveTahun(data, ctx.body.tahun, currentYear);
  }
  // the kept cycles (cycles/{tahun}): the Tren sheet and the change in the main table
  const stored = await readCycles(store);
  invalid.push(...stored.invalid);
  const model = buildSummaryModel({
    cycles: stored.cycles,
    summary: input.summary,
    ikm: input.ikm,
    generatedAt: ctx.startedAt,
    tenant: caller.tenant,
    ...(input.schedule ? { schedule: input.schedule } : {}),
    ...(tahunRencana !== undefined ? { tahunRencana } : {}),
  });
  const written = await writeLeadersSpreadsheet(deps.sheets(spreadsheetId), model);
  return {
    body: { spreadsheetId, tahun: model.tahun, sheets: written.sheets, charts: written.charts },
    counts: { 'lembar pimpinan': written.sheets.length, 'grafik pimpinan': written.charts },
    errors: invalid,
  };
}

export function refreshSummary(deps: Deps): HttpFunction {
  return endpoint(
    deps,
    { name: 'refreshSummary', access: 'write', methods: ['POST'], schema: refreshSchema },
    async (ctx) => {
      const out = await leadersWork(ctx);
      if ('skipped' in out) throw new HttpError(409, out.skipped);
      return out;
    },
  );
}
