/**
 * The leaders' summary workbook (`out/ringkasan-pimpinan.xlsx`): the core's summary model
 * (buildSummaryModel: `Ringkasan Pimpinan`, `Peta Kesenjangan`, `IKM Unit Layanan` and, when
 * a schedule was planned, its aggregate sheets) rendered as xlsx by summary-xlsx/. Aggregates
 * only: per-person plans and participant lists go to the staff's workbook (staff-workbook.ts).
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import {
  buildSummaryModel,
  type CycleDoc,
  type IkmReport,
  type LeaderSummary,
  type ScheduleReport,
  SUMMARY_TITLES,
} from '@bangkom/core';
import type ExcelJS from 'exceljs';
import { newWorkbook, renderSummaryXlsx } from './summary-xlsx/index.js';

export { chooseChartLayout, rotatedHeaderHeight } from './summary-xlsx/index.js';

export interface SummaryWorkbookInput {
  summary: LeaderSummary;
  ikm: IkmReport;
  /** when the run started (the date printed under the title, Asia/Jakarta) */
  generatedAt: Date;
  tenant?: string;
  /** the planned schedule: its aggregate sheets follow the summary's */
  schedule?: ScheduleReport;
  /** 'svg' draws charts without vega (faster, no ESM import) */
  chartEngine?: 'auto' | 'svg';
  /** the kept cycles, this year's included: the Tren sheet and the change in the main table */
  cycles?: CycleDoc[];
}

export const SHEET_RINGKASAN = SUMMARY_TITLES.ringkasan;
export const SHEET_PETA = SUMMARY_TITLES.peta;
export const SHEET_IKM = SUMMARY_TITLES.ikm;

export interface WrittenSummary {
  path: string;
  sheets: string[];
  charts: number;
}

/** Builds the workbook and writes it to `path` (folders created as needed). */
export async function writeSummaryWorkbook(
  path: string,
  input: SummaryWorkbookInput,
): Promise<WrittenSummary> {
  const { workbook, charts } = await buildSummaryWorkbook(input);
  await mkdir(dirname(path), { recursive: true });
  await workbook.xlsx.writeFile(path);
  return { path, sheets: workbook.worksheets.map((w) => w.name), charts };
}

export async function buildSummaryWorkbook(
  input: SummaryWorkbookInput,
): Promise<{ workbook: ExcelJS.Workbook; charts: number }> {
  const model = buildSummaryModel({
    summary: input.summary,
    ikm: input.ikm,
    generatedAt: input.generatedAt,
    ...(input.tenant !== undefined ? { tenant: input.tenant } : {}),
    ...(input.schedule ? { schedule: input.schedule } : {}),
    ...(input.cycles ? { cycles: input.cycles } : {}),
  });
  const wb = newWorkbook(input.generatedAt);
  const charts = await renderSummaryXlsx(
    wb,
    model,
    input.chartEngine ? { chartEngine: input.chartEngine } : {},
  );
  return { workbook: wb, charts };
}
