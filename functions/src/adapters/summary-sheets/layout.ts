/**
 * Where a model sheet's parts go in the leaders' spreadsheet, the same for every layout: the
 * heading (row 1), the subheading (row 2), the table's header (row 3, frozen with the rows
 * above it) and data, the legend and the notes under it, the charts under those, and the
 * charts' own data in hidden columns right of the table (a Sheets chart draws from cells).
 */
import type { ChartModel, SummarySheet } from '@bangkom/core';
import { columnPx, lineHeight, wrappedLineCount } from '../schedule-sheets.js';
import { rotatedHeaderHeight } from '../summary-xlsx/layout.js';
import { FONT_SIZE } from './cells.js';

export const HEADER_ROW = 2;
/** default row height of a new sheet, px */
export const ROW_PX = 21;
export const CHART_WIDTH = 520;
const CHART_GAP = 16;

/** Sheets column width in px of a model width in characters (as Excel: 7 px each + 5). */
export function widthPx(chars: number): number {
  return Math.round(chars * 7 + 5);
}

export interface ChartPlace {
  chart: ChartModel;
  /** stable chart id: sheetId × 100 + its place among the sheet's charts (1-based) */
  chartId: number;
  /** the block of its data: header row HEADER_ROW, categories in dataColumn, series right of it */
  dataColumn: number;
  row: number;
  offsetX: number;
  width: number;
  height: number;
}

export interface SheetLayout {
  columns: number;
  /** rows the sheet needs (content and chart data) */
  rows: number;
  frozenRows: number;
  frozenColumns: number;
  firstDataRow: number;
  /** the legend's rows, then the notes' rows */
  legendRow: number;
  noteRow: number;
  /** notes merged across the table (only when no column is frozen: a merge may not cross it) */
  mergeNotes: boolean;
  /** px heights of rows that need one (header, wrapped notes) */
  rowHeights: Map<number, number>;
  charts: ChartPlace[];
  /** first hidden column holding chart data, = columns when there is none */
  chartDataFrom: number;
}

/** Height of a horizontal bar chart with `n` bars, px. */
export function chartHeight(chart: ChartModel): number {
  return Math.min(900, 90 + 22 * chart.categories.length);
}

export function sheetLayout(sheet: SummarySheet): SheetLayout {
  const { table } = sheet;
  const ncol = Math.max(1, table.columns.length);
  const firstDataRow = HEADER_ROW + 1;
  const legendRow = firstDataRow + table.rows.length + 1;
  const legend = sheet.legend?.length ?? 0;
  const noteRow = legendRow + legend + (legend > 0 ? 1 : 0);
  const mergeNotes = table.frozenColumns === 0 && ncol > 1;
  const rowHeights = new Map<number, number>();
  const tableChars = table.columns.reduce((a, c) => a + c.width, 0);
  if (table.rotatedHeaders) {
    const rotated = table.columns.slice(1);
    const pt = rotatedHeaderHeight(
      rotated.map((c) => c.header),
      rotated[0]?.width ?? 7.5,
      9,
    );
    rowHeights.set(HEADER_ROW, Math.round((pt * 96) / 72));
  } else {
    const lines = Math.max(
      1,
      ...table.columns.map((c) => wrappedLineCount(c.header, columnPx(c.width), FONT_SIZE, true)),
    );
    rowHeights.set(HEADER_ROW, Math.max(ROW_PX, Math.round((lineHeight(lines) * 96) / 72)));
  }
  const subLines = sheet.subheading?.split('\n').length ?? 0;
  if (subLines > 1) rowHeights.set(1, subLines * ROW_PX);
  sheet.notes.forEach((note, i) => {
    const px = mergeNotes ? columnPx(tableChars) : columnPx(table.columns[0]?.width ?? 40);
    const lines = wrappedLineCount(note, px, 9);
    rowHeights.set(noteRow + i, Math.max(ROW_PX, Math.round((lineHeight(lines, 9) * 96) / 72)));
  });
  const chartRow = noteRow + sheet.notes.length + 1;
  const charts: ChartPlace[] = [];
  let dataColumn = ncol;
  sheet.charts.forEach((chart, i) => {
    charts.push({
      chart,
      chartId: sheet.sheetId * 100 + i + 1,
      dataColumn,
      row: chartRow,
      offsetX: i * (CHART_WIDTH + CHART_GAP),
      width: CHART_WIDTH,
      height: chartHeight(chart),
    });
    dataColumn += 1 + chart.series.length;
  });
  const chartRows = charts.length > 0 ? Math.ceil(Math.max(...charts.map((c) => c.height)) / ROW_PX) + 1 : 0;
  const dataRows = Math.max(0, ...charts.map((c) => firstDataRow + c.chart.categories.length));
  return {
    columns: charts.length > 0 ? dataColumn : ncol,
    rows: Math.max(chartRow + chartRows, dataRows, firstDataRow + 1),
    frozenRows: HEADER_ROW + 1,
    frozenColumns: table.frozenColumns,
    firstDataRow,
    legendRow,
    noteRow,
    mergeNotes,
    rowHeights,
    charts,
    chartDataFrom: ncol,
  };
}
