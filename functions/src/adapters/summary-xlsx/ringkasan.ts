/**
 * `Ringkasan Pimpinan` as xlsx: one printed page (A4 landscape, fit to page): title, the table,
 * its note and the charts as PNG images, below the table or beside it, whichever prints larger.
 */
import type { BarChartModel, ChartModel, LineChartModel, SummarySheet } from '@bangkom/core';
import type ExcelJS from 'exceljs';
import { type BarChartSpec, type RenderedChart, renderBarChart } from '../charts.js';
import { type LineChartSpec, renderLineChart } from '../line-chart.js';
import { lineHeight, useSheetFont } from '../schedule-sheets.js';
import { writeNotes, writeTable } from './layout.js';

/** plot width of the summary's charts: two fit side by side under the table */
const SUMMARY_PLOT_WIDTH = 270;

/** PNG pixels per displayed pixel of the charts (charts.ts renders at 2×). */
const SCALE_PNG = 2;

/** width of the columns right of the table that hold the charts */
const CHART_COL_WIDTH = 9;

/** the printable area of A4 landscape with the summary's margins, in px (96 per inch) */
const PAGE_PX = { w: (11.69 - 0.8) * 96, h: (8.27 - 1.0) * 96 };

const GAP = 12;

/** The bar chart of the model as charts.ts draws it. */
export function barSpec(chart: BarChartModel): BarChartSpec {
  const values = chart.series[0]?.values ?? [];
  if (chart.series.length > 1) {
    // several series (e.g. IKM before and after): one bar per category and series, coloured by series
    return {
      title: chart.title,
      valueTitle: chart.valueTitle,
      max: chart.max,
      digits: chart.digits,
      plotWidth: SUMMARY_PLOT_WIDTH,
      bars: chart.categories.flatMap((label, i) =>
        chart.series.map((s) => ({
          label: `${label}: ${s.name.toLocaleLowerCase('id')}`,
          value: s.values[i] ?? null,
          group: s.name,
        })),
      ),
      colors: Object.fromEntries(chart.series.map((s, si) => [s.name, si === 0 ? '#9ab7d3' : '#2f6f9f'])),
      ...(chart.rule ? { rule: chart.rule } : {}),
    };
  }
  return {
    title: chart.title,
    valueTitle: chart.valueTitle,
    max: chart.max,
    digits: chart.digits,
    plotWidth: SUMMARY_PLOT_WIDTH,
    bars: chart.categories.map((label, i) => ({
      label,
      value: values[i] ?? null,
      ...(chart.groups?.[i] !== undefined ? { group: chart.groups[i] } : {}),
    })),
    ...(chart.colors ? { colors: chart.colors } : {}),
    ...(chart.rule ? { rule: chart.rule } : {}),
  };
}

/** The line chart of the model as line-chart.ts draws it. */
export function lineSpec(chart: LineChartModel): LineChartSpec {
  return {
    title: chart.title,
    valueTitle: chart.valueTitle,
    categories: chart.categories,
    series: chart.series,
    min: chart.min,
    max: chart.max,
    digits: chart.digits,
    plotWidth: SUMMARY_PLOT_WIDTH,
  };
}

function renderChart(chart: ChartModel, engine: 'auto' | 'svg'): Promise<RenderedChart> {
  return chart.kind === 'line'
    ? renderLineChart(lineSpec(chart), engine)
    : renderBarChart(barSpec(chart), engine);
}

/** Excel's pixels for a column `width` wide (Calibri 11: 7 px per unit plus 5). */
function excelColPx(width: number): number {
  return Math.round(width * 7 + 5);
}

/** A horizontal pixel offset -> exceljs' fractional column anchor. */
function pxToCol(colPx: readonly number[], px: number): number {
  let left = 0;
  for (let c = 0; c < colPx.length; c++) {
    const w = colPx[c] ?? 64;
    if (px < left + w) return c + (px - left) / w;
    left += w;
  }
  return colPx.length;
}

export interface ChartLayout {
  /** top-left of each chart in px from the top-left of A1 */
  positions: { x: number; y: number }[];
  /** extent of table and charts, px */
  width: number;
  height: number;
  placement: 'bawah' | 'kanan';
}

/**
 * Where the summary's charts go so the page, fitted to one A4 landscape sheet, prints largest:
 * below the table (side by side while they fit its width) or right of it (stacked from the
 * header row). A short table keeps its charts below; a tall one (many OPD) puts them beside.
 */
export function chooseChartLayout(
  sizes: readonly { w: number; h: number }[],
  table: { tableWidth: number; tableHeight: number; rightTop: number },
  opts: { beside?: boolean } = {},
): ChartLayout {
  const below: ChartLayout = {
    positions: [],
    width: table.tableWidth,
    height: table.tableHeight,
    placement: 'bawah',
  };
  let x = 0;
  let y = table.tableHeight + GAP;
  let lineH = 0;
  for (const s of sizes) {
    if (x > 0 && x + s.w > table.tableWidth) {
      y += lineH + GAP;
      x = 0;
      lineH = 0;
    }
    below.positions.push({ x: x + 4, y });
    x += s.w + 16;
    lineH = Math.max(lineH, s.h);
    below.width = Math.max(below.width, x);
    below.height = Math.max(below.height, y + s.h);
  }
  const right: ChartLayout = {
    positions: [],
    width: table.tableWidth,
    height: table.tableHeight,
    placement: 'kanan',
  };
  let ry = table.rightTop;
  for (const s of sizes) {
    right.positions.push({ x: table.tableWidth + GAP, y: ry });
    right.width = Math.max(right.width, table.tableWidth + GAP + s.w);
    right.height = Math.max(right.height, ry + s.h);
    ry += s.h + GAP;
  }
  const scale = (l: ChartLayout) => Math.min(PAGE_PX.w / l.width, PAGE_PX.h / l.height);
  return opts.beside !== false && sizes.length > 0 && scale(right) > scale(below) * 1.05 ? right : below;
}

/** Writes the page; returns how many charts it embeds. */
export async function addPageSheet(
  wb: ExcelJS.Workbook,
  sheet: SummarySheet,
  engine: 'auto' | 'svg',
  footer: string,
): Promise<number> {
  const ws = wb.addWorksheet(sheet.title, {
    pageSetup: {
      orientation: sheet.print.orientation,
      paperSize: 9, // A4
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: sheet.print.onePage ? 1 : 0,
      ...(sheet.print.onePage ? {} : { printTitlesRow: '4:4' }),
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
    views: [{ showGridLines: false }],
  });
  const ncol = sheet.table.columns.length;
  sheet.table.columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
  });
  ws.mergeCells(1, 1, 1, ncol);
  const title = ws.getCell('A1');
  title.value = sheet.heading;
  title.font = { bold: true, size: 16, color: { argb: 'FF1F4E79' } };
  ws.getRow(1).height = lineHeight(1, 16);
  if (sheet.subheading) {
    ws.mergeCells(2, 1, 2, ncol);
    ws.getCell('A2').value = sheet.subheading;
    ws.getCell('A2').font = { italic: true, color: { argb: 'FF595959' } };
    ws.getCell('A2').alignment = { wrapText: true, vertical: 'top' };
    ws.getRow(2).height = lineHeight(sheet.subheading.split('\n').length, 11);
  }
  const headerRow = 4;
  const lastTableRow = writeTable(ws, sheet.table, headerRow);
  const noteRow = writeNotes(ws, sheet.notes, lastTableRow + 1, ncol);

  // charts below the table (side by side) or right of it (stacked): whichever prints larger
  const charts: RenderedChart[] = [];
  for (const c of sheet.charts) charts.push(await renderChart(c, engine));
  const sizes = charts.map((c) => ({ w: c.width / SCALE_PNG, h: c.height / SCALE_PNG }));
  const colPx = sheet.table.columns.map((c) => excelColPx(c.width));
  const tablePx = colPx.reduce((a, w) => a + w, 0);
  const rowPx = (r: number) => ((ws.getRow(r).height ?? 15) * 96) / 72;
  const topOf = (r: number) =>
    Array.from({ length: r - 1 }, (_, i) => rowPx(i + 1)).reduce((a, h) => a + h, 0);
  const layout = chooseChartLayout(
    sizes,
    { tableWidth: tablePx, tableHeight: topOf(noteRow + 1), rightTop: topOf(headerRow) },
    // fitted to the width only: charts beside the table would shrink it; below, they add pages
    { beside: sheet.print.onePage },
  );
  // columns right of the table get a known width, so the anchors below hold
  const extraCols = Math.max(0, Math.ceil((layout.width - tablePx) / excelColPx(CHART_COL_WIDTH)));
  for (let c = 1; c <= extraCols; c++) ws.getColumn(ncol + c).width = CHART_COL_WIDTH;
  const allColPx = [...colPx, ...Array.from({ length: extraCols }, () => excelColPx(CHART_COL_WIDTH))];
  const pxToRow = (px: number): number => {
    let top = 0;
    for (let r = 1; ; r++) {
      const h = r <= noteRow ? rowPx(r) : 20; // below the note: default rows, 15 pt = 20 px
      if (px < top + h) return r - 1 + (px - top) / h;
      top += h;
    }
  };
  charts.forEach((chart, i) => {
    const at = layout.positions[i];
    const size = sizes[i];
    if (!at || !size) return;
    const id = wb.addImage({ buffer: chart.png as unknown as ExcelJS.Buffer, extension: 'png' });
    ws.addImage(id, {
      tl: { col: pxToCol(allColPx, at.x), row: pxToRow(at.y) },
      ext: { width: size.w, height: size.h },
    });
  });
  const lastCol = Math.max(ncol, Math.ceil(pxToCol(allColPx, layout.width - 1) + 1e-9));
  const lastRow = Math.max(noteRow, Math.ceil(pxToRow(layout.height)));
  ws.pageSetup.printArea = `A1:${ws.getColumn(lastCol).letter}${lastRow}`;
  ws.headerFooter.oddFooter = footer;
  useSheetFont(ws);
  return charts.length;
}
