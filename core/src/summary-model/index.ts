/**
 * The leaders' summary model: a list of sheet builders, each turning the computed aggregates
 * into one sheet. A new leaders' sheet is a new builder appended to SUMMARY_SHEET_BUILDERS.
 */

import { fgdSheet } from './fgd-sheet.js';
import { hasilSheet } from './hasil.js';
import { ikmSheet } from './ikm-sheet.js';
import type { SummaryModelInput } from './input.js';
import { kinerjaSheet } from './kinerja-sheet.js';
import type { SummaryModel, SummarySheet } from './model.js';
import { petaSheet } from './peta.js';
import { ringkasanSheet } from './ringkasan.js';
import { sasaranSheet } from './sasaran.js';
import { anggaranSheet, jadwalSheet, rencanaSheet } from './schedule-sheets.js';
import { trenSheet } from './tren.js';

export { idFixed, idNumber, idValue } from './format.js';
export type { SummaryModelInput } from './input.js';
export type * from './model.js';
export { printedMutu, topGapText } from './ringkasan.js';
export { ANGGARAN_COLUMNS, anggaranRows, JADWAL_COLUMNS, jadwalCells } from './schedule-sheets.js';
export { SHEET_IDS, STAFF_TITLES, SUMMARY_TITLES } from './titles.js';
export { changeSince } from './tren.js';

/** One leaders' sheet from the input, or nothing when the sheet has nothing to show. */
export type SummarySheetBuilder = (input: SummaryModelInput) => SummarySheet | undefined;

/** The leaders' sheets, in tab order. */
export const SUMMARY_SHEET_BUILDERS: readonly SummarySheetBuilder[] = [
  ringkasanSheet,
  sasaranSheet,
  trenSheet,
  petaSheet,
  fgdSheet,
  ikmSheet,
  hasilSheet,
  kinerjaSheet,
  jadwalSheet,
  rencanaSheet,
  anggaranSheet,
];

/** The fiscal year planned: the schedule's, else the one given. */
export function planYear(input: SummaryModelInput): number | undefined {
  return input.schedule?.tahun ?? input.tahunRencana;
}

export function buildSummaryModel(
  input: SummaryModelInput,
  builders: readonly SummarySheetBuilder[] = SUMMARY_SHEET_BUILDERS,
): SummaryModel {
  const sheets = builders.map((b) => b(input)).filter((s): s is SummarySheet => s !== undefined);
  const ids = new Set(sheets.map((s) => s.sheetId));
  const titles = new Set(sheets.map((s) => s.title));
  // a renderer rebuilds sheets by id and title: two alike would overwrite each other
  if (ids.size !== sheets.length || titles.size !== sheets.length) {
    throw new Error('summary model: duplicate sheet id or title');
  }
  const tahunRencana = planYear(input);
  return {
    tahun: input.summary.tahun,
    ...(tahunRencana !== undefined ? { tahunRencana } : {}),
    sheets,
  };
}
