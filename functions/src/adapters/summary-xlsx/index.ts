/**
 * The xlsx renderer of the leaders' summary model, one renderer per sheet layout: a printed
 * page (title, table, charts as PNG), the heat map, a list. Every text comes from the model.
 */
import type { SummaryModel } from '@bangkom/core';
import ExcelJS from 'exceljs';
import { addListSheet } from './list.js';
import { addHeatMapSheet } from './peta.js';
import { addPageSheet } from './ringkasan.js';

export { rotatedHeaderHeight } from './layout.js';
export { chooseChartLayout } from './ringkasan.js';

export interface XlsxOptions {
  /** 'svg' draws charts without vega (faster, no ESM import) */
  chartEngine?: 'auto' | 'svg';
}

/** Adds the model's sheets to `wb`; returns how many charts were embedded. */
export async function renderSummaryXlsx(
  wb: ExcelJS.Workbook,
  model: SummaryModel,
  opts: XlsxOptions,
): Promise<number> {
  let charts = 0;
  for (const sheet of model.sheets) {
    if (sheet.layout === 'page') {
      charts += await addPageSheet(
        wb,
        sheet,
        opts.chartEngine ?? 'auto',
        `&L${sheet.title} ${model.tahun}&Rdibuat oleh bangkom`,
      );
    } else if (sheet.layout === 'map') addHeatMapSheet(wb, sheet);
    else addListSheet(wb, sheet);
  }
  return charts;
}

/** A new workbook stamped with the run's time. */
export function newWorkbook(generatedAt: Date): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'bangkom';
  wb.created = generatedAt;
  wb.modified = generatedAt;
  return wb;
}
