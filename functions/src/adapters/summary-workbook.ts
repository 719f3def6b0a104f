/**
 * The leaders' summary workbook (`out/ringkasan-pimpinan.xlsx`):
 *  - `Ringkasan Pimpinan`: one printed page (A4 landscape, fit to page): per-OPD rows with
 *    Jumlah ASN, % Dinilai, Rata-rata Kesenjangan, the three largest competency gaps,
 *    % Memenuhi 20 JP, IKM and Mutu, a city-wide row, and two charts (PNG).
 *  - `Peta Kesenjangan`: OPD × competency mean gap with a 3-colour scale.
 *  - `IKM Unit Layanan`: every (unit, period) with its NRR per element.
 *  - `Jadwal Pelatihan`, `Rencana Pengembangan`, ...: the schedule's sheets (schedule-sheets.ts)
 *    when a schedule was planned.
 * Number formats are Excel codes; Excel and Sheets show them with the reader's locale
 * separators (1.234,5 in Indonesian).
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type {
  IkmReport,
  IkmUnit,
  LeaderSummary,
  LeaderSummaryRow,
  Mutu,
  ScheduleReport,
} from '@bangkom/core';
import ExcelJS from 'exceljs';
import { type BarChartSpec, type RenderedChart, renderBarChart } from './charts.js';
import {
  addScheduleSheets,
  columnPx,
  FONT_SIZE,
  fitRowHeight,
  lineHeight,
  listPrintSetup,
  SHEET_FONT,
  useSheetFont,
  wrappedLineCount,
} from './schedule-sheets.js';

export interface SummaryWorkbookInput {
  summary: LeaderSummary;
  ikm: IkmReport;
  /** when the run started (the date printed under the title, Asia/Jakarta) */
  generatedAt: Date;
  tenant?: string;
  /** the planned schedule: its sheets (schedule-sheets.ts) follow the summary's */
  schedule?: ScheduleReport;
  /** 'svg' draws charts without vega (faster, no ESM import) */
  chartEngine?: 'auto' | 'svg';
}

export const SHEET_RINGKASAN = 'Ringkasan Pimpinan';
export const SHEET_PETA = 'Peta Kesenjangan';
export const SHEET_IKM = 'IKM Unit Layanan';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
const TOTAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const HEADER_FONT: Partial<ExcelJS.Font> = {
  name: SHEET_FONT,
  size: FONT_SIZE,
  bold: true,
  color: { argb: 'FFFFFFFF' },
};
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FFBFBFBF' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** mutu colours (PermenPAN-RB 14/2017 categories), also used by the IKM chart */
export const MUTU_COLORS: Readonly<Record<Mutu, string>> = {
  A: '#2e7d32',
  B: '#2f6f9f',
  C: '#ef8f00',
  D: '#c62828',
};

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
  const wb = new ExcelJS.Workbook();
  wb.creator = 'bangkom';
  wb.created = input.generatedAt;
  wb.modified = input.generatedAt;
  const charts = await addSummarySheet(wb, input);
  addHeatMapSheet(wb, input.summary);
  addIkmSheet(wb, input.ikm);
  if (input.schedule) addScheduleSheets(wb, input.schedule);
  return { workbook: wb, charts };
}

// ---------------------------------------------------------------- Ringkasan Pimpinan

/** Indonesian decimal text (for numbers inside text cells). */

/** A table's header row: the report's dark fill, white bold text, centred, wrapped. */
function styleHeader(row: ExcelJS.Row): void {
  row.eachCell((c) => {
    c.fill = HEADER_FILL;
    c.font = HEADER_FONT;
    c.border = BORDER;
    c.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  fitRowHeight(row, { min: 28 });
}

function idNum(v: number, digits: number): string {
  return new Intl.NumberFormat('id-ID', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(v);
}

function longDate(d: Date): string {
  return new Intl.DateTimeFormat('id-ID', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Asia/Jakarta',
  }).format(d);
}

const KINERJA: Record<Mutu, string> = { A: 'Sangat Baik', B: 'Baik', C: 'Kurang Baik', D: 'Tidak Baik' };

function summaryValues(r: LeaderSummaryRow, no: number | ''): ExcelJS.CellValue[] {
  return [
    no,
    r.opd,
    r.pegawai,
    r.persenDinilai === null ? null : r.persenDinilai / 100,
    r.rataGap,
    r.topGap.map((g) => `${g.kode} ${g.nama} (${idNum(g.rataGap, 2)})`).join('; ') || '–',
    r.persenJp === null ? null : r.persenJp / 100,
    r.konversi,
    r.mutu ? `${r.mutu} (${KINERJA[r.mutu]})` : null,
  ];
}

async function addSummarySheet(wb: ExcelJS.Workbook, input: SummaryWorkbookInput): Promise<number> {
  const s = input.summary;
  const ws = wb.addWorksheet(SHEET_RINGKASAN, {
    pageSetup: {
      orientation: 'landscape',
      paperSize: 9, // A4
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 1,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
    views: [{ showGridLines: false }],
  });
  ws.columns = [
    { width: 5 },
    { width: 36 },
    { width: 10 },
    { width: 9 },
    { width: 12 },
    { width: 70 },
    { width: 12 },
    { width: 8 },
    { width: 16 },
  ];
  const last = 'I';
  ws.mergeCells(`A1:${last}1`);
  const title = ws.getCell('A1');
  // JP and evaluations are realised in `s.tahun`; the schedule may plan the next fiscal year
  const planYear = input.schedule?.tahun;
  title.value =
    planYear !== undefined && planYear !== s.tahun
      ? `Ringkasan Pengembangan Kompetensi ASN: Realisasi ${s.tahun}, Rencana ${planYear}`
      : `Ringkasan Pengembangan Kompetensi ASN Tahun ${s.tahun}`;
  title.font = { bold: true, size: 16, color: { argb: 'FF1F4E79' } };
  ws.getRow(1).height = lineHeight(1, 16);
  ws.mergeCells(`A2:${last}2`);
  ws.getCell('A2').value =
    `Disusun ${longDate(input.generatedAt)} WIB${input.tenant ? ` · ${input.tenant}` : ''} · ` +
    `${idNum(s.totals.opd, 0)} OPD, ${idNum(s.totals.pegawai, 0)} ASN`;
  ws.getCell('A2').font = { italic: true, color: { argb: 'FF595959' } };

  const headerRow = 4;
  const headers = [
    'No',
    'OPD',
    'Jumlah ASN',
    '% Dinilai',
    'Rata-rata Kesenjangan',
    '3 Kesenjangan Kompetensi Tertinggi',
    `% Memenuhi ${idNum(s.targetJp, 0)} JP`,
    'IKM',
    'Mutu',
  ];
  const hr = ws.getRow(headerRow);
  hr.values = headers;
  styleHeader(hr);
  s.rows.forEach((r, i) => {
    ws.getRow(headerRow + 1 + i).values = summaryValues(r, i + 1);
  });
  const totalRowNo = headerRow + 1 + s.rows.length;
  ws.getRow(totalRowNo).values = summaryValues(s.total, '');
  for (let r = headerRow + 1; r <= totalRowNo; r++) {
    const row = ws.getRow(r);
    for (let c = 1; c <= headers.length; c++) {
      const cell = row.getCell(c);
      cell.border = BORDER;
      // numbers right-aligned one indent off the border, so they do not touch the text beside
      cell.alignment =
        c === 2 || c === 6
          ? { vertical: 'top', wrapText: true, ...(c === 6 ? { horizontal: 'left', indent: 1 } : {}) }
          : { vertical: 'top', horizontal: 'right', indent: 1 };
      cell.font = { name: SHEET_FONT, size: FONT_SIZE, bold: r === totalRowNo };
    }
    row.getCell(3).numFmt = '#,##0';
    row.getCell(4).numFmt = '0.0%';
    row.getCell(5).numFmt = '0.00';
    row.getCell(7).numFmt = '0.0%';
    row.getCell(8).numFmt = '0.00';
    row.getCell(1).alignment = { horizontal: 'center', vertical: 'top' };
    row.getCell(9).alignment = { horizontal: 'center', vertical: 'top' };
    if (r === totalRowNo) {
      row.font = { name: SHEET_FONT, size: FONT_SIZE, bold: true };
      row.eachCell({ includeEmpty: true }, (c) => {
        c.fill = TOTAL_FILL;
      });
    }
    // tall enough for the wrapped OPD name and top-three text: nothing runs into the next row
    fitRowHeight(row);
  }
  const noteRow = totalRowNo + 1;
  ws.mergeCells(`A${noteRow}:${last}${noteRow}`);
  const note = ws.getCell(`A${noteRow}`);
  note.value =
    `% Dinilai: ASN dengan sedikitnya satu kompetensi yang kesenjangannya diketahui. Kesenjangan = max(0, standar − aktual). ` +
    `Target ${idNum(s.targetJp, 0)} JP per ASN per tahun (PP 17/2020 Pasal 203). ` +
    `IKM: nilai konversi 25–100 dari periode terakhir (PermenPAN-RB 14/2017); mutu A ≥ 88,31, B ≥ 76,61, C ≥ 65,00, D di bawahnya.`;
  note.font = { name: SHEET_FONT, italic: true, size: 9, color: { argb: 'FF595959' } };
  note.alignment = { wrapText: true, vertical: 'top' };
  const tableWidth = (ws.columns ?? []).reduce((a, c) => a + (c.width ?? 9), 0);
  fitRowHeight(ws.getRow(noteRow), { widths: { 1: tableWidth } });

  // charts below the table (side by side) or right of it (stacked): whichever prints larger
  const charts = await summaryCharts(input);
  const sizes = charts.map((c) => ({ w: c.width / SCALE_PNG, h: c.height / SCALE_PNG }));
  const colPx = (ws.columns ?? []).map((c) => excelColPx(c.width ?? 9));
  const tablePx = colPx.reduce((a, w) => a + w, 0);
  const rowPx = (r: number) => ((ws.getRow(r).height ?? 15) * 96) / 72;
  const topOf = (r: number) =>
    Array.from({ length: r - 1 }, (_, i) => rowPx(i + 1)).reduce((a, h) => a + h, 0);
  const tableBottom = topOf(noteRow + 1);
  const layout = chooseChartLayout(sizes, {
    tableWidth: tablePx,
    tableHeight: tableBottom,
    rightTop: topOf(headerRow),
  });
  // columns right of the table get a known width, so the anchors below hold
  const extraCols = Math.max(0, Math.ceil((layout.width - tablePx) / excelColPx(CHART_COL_WIDTH)));
  for (let c = 1; c <= extraCols; c++) ws.getColumn(headers.length + c).width = CHART_COL_WIDTH;
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
  const lastCol = Math.max(headers.length, Math.ceil(pxToCol(allColPx, layout.width - 1) + 1e-9));
  const lastRow = Math.max(noteRow, Math.ceil(pxToRow(layout.height)));
  ws.pageSetup.printArea = `A1:${ws.getColumn(lastCol).letter}${lastRow}`;
  ws.headerFooter.oddFooter = `&L${SHEET_RINGKASAN} ${s.tahun}&Rdibuat oleh bangkom`;
  useSheetFont(ws);
  return charts.length;
}

/** Excel's pixels for a column `width` wide (Calibri 11: 7 px per unit plus 5). */
function excelColPx(width: number): number {
  return Math.round(width * 7 + 5);
}

/** width of the columns right of the table that hold the charts */
const CHART_COL_WIDTH = 9;

/** the printable area of A4 landscape with the summary's margins, in px (96 per inch) */
const PAGE_PX = { w: (11.69 - 0.8) * 96, h: (8.27 - 1.0) * 96 };

const GAP = 12;

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
  return sizes.length > 0 && scale(right) > scale(below) * 1.05 ? right : below;
}

/** plot width of the summary's charts: two fit side by side under the table */
const SUMMARY_PLOT_WIDTH = 270;

/** PNG pixels per displayed pixel of the charts (charts.ts renders at 2×). */
const SCALE_PNG = 2;

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

/** The latest period of each unit (what a leader wants to compare). */
function latestPerUnit(units: readonly IkmUnit[]): IkmUnit[] {
  const byUnit = new Map<string, IkmUnit>();
  for (const u of units) {
    const prev = byUnit.get(u.unit);
    if (!prev || periodOrder(u.periode, prev.periode) > 0) byUnit.set(u.unit, u);
  }
  return [...byUnit.values()];
}

/** Period order: numbers inside the label compared numerically (2026-S1 < 2026-S2 < 2027-S1). */
function periodOrder(a: string, b: string): number {
  return a.localeCompare(b, 'id', { numeric: true });
}

async function summaryCharts(input: SummaryWorkbookInput): Promise<RenderedChart[]> {
  const s = input.summary;
  const engine = input.chartEngine ?? 'auto';
  const out: RenderedChart[] = [];
  if (s.rows.length > 0) {
    const jp: BarChartSpec = {
      title: `ASN yang memenuhi ${idNum(s.targetJp, 0)} JP per OPD, tahun ${s.tahun} (%)`,
      valueTitle: `% ASN dengan sedikitnya ${idNum(s.targetJp, 0)} JP`,
      max: 100,
      plotWidth: SUMMARY_PLOT_WIDTH,
      bars: [...s.rows]
        .sort((a, b) => (b.persenJp ?? -1) - (a.persenJp ?? -1))
        .map((r) => ({ label: r.opd, value: r.persenJp })),
      ...(s.total.persenJp !== null
        ? { rule: { value: s.total.persenJp, label: `rata-rata kota ${idNum(s.total.persenJp, 1)}%` } }
        : {}),
    };
    out.push(await renderBarChart(jp, engine));
  }
  const units = latestPerUnit(input.ikm.units).sort((a, b) => b.konversi - a.konversi);
  const samePeriod = new Set(units.map((u) => u.periode)).size === 1;
  if (units.length > 0) {
    const ikm: BarChartSpec = {
      title: `IKM per unit layanan (nilai konversi, ${samePeriod ? `periode ${units[0]?.periode}` : 'periode terakhir'})`,
      valueTitle: 'IKM (25–100); warna = mutu pelayanan',
      max: 100,
      digits: 2,
      plotWidth: SUMMARY_PLOT_WIDTH,
      // the period only when the units' latest periods differ
      bars: units.map((u) => ({
        label: samePeriod ? u.unit : `${u.unit} (${u.periode})`,
        value: u.konversi,
        group: `${u.mutu} ${u.kinerja}`,
      })),
      colors: Object.fromEntries(
        (Object.keys(MUTU_COLORS) as Mutu[]).map((m) => [`${m} ${KINERJA[m]}`, MUTU_COLORS[m]]),
      ),
      rule: { value: 76.61, label: 'batas mutu B (Baik), 76,61' },
    };
    out.push(await renderBarChart(ikm, engine));
  }
  return out;
}

// ---------------------------------------------------------------- Peta Kesenjangan

function addHeatMapSheet(wb: ExcelJS.Workbook, s: LeaderSummary): void {
  const hm = s.heatMap;
  const ws = wb.addWorksheet(SHEET_PETA, {
    views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }],
  });
  listPrintSetup(ws, `Peta Kesenjangan Kompetensi per OPD, tahun ${s.tahun}`);
  if (hm.opd.length <= HEAT_ONE_PAGE_OPD) ws.pageSetup.fitToHeight = 1;
  const opdWidth = 42;
  ws.columns = [{ width: opdWidth }, ...hm.kompetensi.map(() => ({ width: HEAT_COL_WIDTH }))];
  const header = ws.getRow(1);
  // code and name turned 90°: narrow columns, so the whole map prints legibly across one page
  header.values = ['OPD', ...hm.kompetensi.map((k) => `${k.kode}\n${k.nama}`)];
  header.eachCell((c, col) => {
    c.fill = HEADER_FILL;
    c.font = { ...HEADER_FONT, size: HEAT_HEADER_SIZE };
    c.border = BORDER;
    c.alignment =
      col === 1
        ? { vertical: 'middle', horizontal: 'center', wrapText: true }
        : { vertical: 'middle', horizontal: 'center', wrapText: true, textRotation: 90 };
  });
  header.height = rotatedHeaderHeight(
    hm.kompetensi.map((k) => `${k.kode}\n${k.nama}`),
    HEAT_COL_WIDTH,
    HEAT_HEADER_SIZE,
  );
  hm.opd.forEach((opd, i) => {
    ws.getRow(i + 2).values = [opd, ...(hm.nilai[i] ?? []).map((v) => v)];
  });
  const totalRow = hm.opd.length + 2;
  ws.getRow(totalRow).values = [s.total.opd, ...hm.total];
  for (let r = 2; r <= totalRow; r++) {
    const row = ws.getRow(r);
    for (let c = 1; c <= hm.kompetensi.length + 1; c++) {
      const cell = row.getCell(c);
      cell.border = BORDER;
      cell.font = { name: SHEET_FONT, size: FONT_SIZE, bold: r === totalRow };
      if (c > 1) {
        cell.numFmt = '0.00';
        cell.alignment = { horizontal: 'center', vertical: 'middle' };
      } else {
        cell.alignment = { vertical: 'middle', wrapText: true };
      }
      if (r === totalRow) cell.fill = TOTAL_FILL;
    }
    fitRowHeight(row);
  }
  if (hm.opd.length > 0 && hm.kompetensi.length > 0) {
    const lastCol = ws.getColumn(hm.kompetensi.length + 1).letter;
    // green (no gap) -> yellow -> red (largest gap); empty cells (not assessed) stay blank
    ws.addConditionalFormatting({
      ref: `B2:${lastCol}${hm.opd.length + 1}`,
      rules: [
        {
          type: 'colorScale',
          priority: 1,
          cfvo: [{ type: 'min' }, { type: 'percentile', value: 50 }, { type: 'max' }],
          color: [{ argb: HEAT_COLORS[0] }, { argb: HEAT_COLORS[1] }, { argb: HEAT_COLORS[2] }],
        },
      ],
    });
  }
  // legend under the OPD names: the scale's three colours and the blank cell
  const legend: [string, string | null][] = [
    ['Keterangan warna (rata-rata kesenjangan):', null],
    ['Hijau: kesenjangan kecil', HEAT_COLORS[0]],
    ['Kuning: kesenjangan sedang (median)', HEAT_COLORS[1]],
    ['Merah: kesenjangan besar', HEAT_COLORS[2]],
    ['Putih/kosong: belum dinilai', 'FFFFFFFF'],
  ];
  legend.forEach(([text, argb], i) => {
    const cell = ws.getRow(totalRow + 2 + i).getCell(1);
    cell.value = text;
    cell.font = { name: SHEET_FONT, size: 9, bold: argb === null };
    cell.alignment = { vertical: 'middle' };
    if (argb) {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb } };
      cell.border = BORDER;
    }
  });
  const noteRow = ws.getRow(totalRow + 2 + legend.length + 1);
  const note = noteRow.getCell(1);
  note.value =
    'Nilai: rata-rata kesenjangan (standar − aktual, 0 bila memenuhi) pegawai OPD pada kompetensi itu. ' +
    'Kosong: belum ada penilaian. Hijau = kecil, merah = besar (relatif terhadap seluruh nilai di peta).';
  note.font = { name: SHEET_FONT, italic: true, size: 9, color: { argb: 'FF595959' } };
  note.alignment = { wrapText: true, vertical: 'top' };
  const lastCol = Math.max(1, hm.kompetensi.length + 1);
  if (lastCol > 1) ws.mergeCells(noteRow.number, 1, noteRow.number, lastCol);
  fitRowHeight(noteRow, { widths: { 1: opdWidth + hm.kompetensi.length * HEAT_COL_WIDTH } });
  ws.pageSetup.printArea = `A1:${ws.getColumn(lastCol).letter}${noteRow.number}`;
}

/** 7.5 wide: a value fits and a rotated header holds three lines (code, name over two) */
const HEAT_COL_WIDTH = 7.5;
/** up to this many OPD the heat map prints on one page; more: fitted to the width only */
const HEAT_ONE_PAGE_OPD = 40;
const HEAT_HEADER_SIZE = 9;
const HEAT_COLORS = ['FF63BE7B', 'FFFFEB84', 'FFF8696B'] as const;

/**
 * Height (pt) of a header row whose texts are turned 90°: the row's height is the lines' length,
 * the column's width holds the lines. The lowest height (in 10-pt steps) at which every header
 * wraps into as many lines as fit across the column.
 */
export function rotatedHeaderHeight(texts: readonly string[], colWidth: number, fontSize: number): number {
  const maxLines = Math.max(1, Math.floor(columnPx(colWidth) / (fontSize * (96 / 72) * 1.25)));
  for (let h = 40; h < 400; h += 10) {
    const px = h * (96 / 72) - 8; // the rotated lines run along the row's height
    if (texts.every((t) => wrappedLineCount(t, px, fontSize, true) <= maxLines)) return h;
  }
  return 400;
}

// ---------------------------------------------------------------- IKM Unit Layanan

function addIkmSheet(wb: ExcelJS.Workbook, ikm: IkmReport): void {
  const ws = wb.addWorksheet(SHEET_IKM, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  listPrintSetup(ws, 'Indeks Kepuasan Masyarakat per Unit Layanan (PermenPAN-RB 14/2017)');
  ws.columns = [
    { header: 'Unit Layanan', width: 36 },
    { header: 'Periode', width: 10 },
    { header: 'Responden', width: 11 },
    ...Array.from({ length: 9 }, (_, i) => ({ header: `NRR U${i + 1}`, width: 7 })),
    { header: 'IKM', width: 8 },
    { header: 'Konversi', width: 10 },
    { header: 'Mutu', width: 7 },
    { header: 'Kinerja', width: 13 },
  ];
  const head = ws.getRow(1);
  styleHeader(head);
  for (const u of ikm.units) {
    const row = ws.addRow([u.unit, u.periode, u.responden, ...u.nrr, u.ikm, u.konversi, u.mutu, u.kinerja]);
    row.getCell(3).numFmt = '#,##0';
    for (let c = 4; c <= 12; c++) row.getCell(c).numFmt = '0.00';
    row.getCell(13).numFmt = '0.000';
    row.getCell(14).numFmt = '0.00';
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cell.border = BORDER;
      cell.font = { name: SHEET_FONT, size: FONT_SIZE };
      cell.alignment =
        col === 1
          ? { vertical: 'top', wrapText: true }
          : {
              vertical: 'top',
              horizontal: col === 2 || col === 15 ? 'center' : col === 16 ? 'left' : 'right',
            };
    });
    const mutu = row.getCell(15);
    mutu.font = {
      name: SHEET_FONT,
      size: FONT_SIZE,
      bold: true,
      color: { argb: `FF${MUTU_COLORS[u.mutu].slice(1)}` },
    };
    fitRowHeight(row);
  }
  if (ikm.units.length === 0) ws.addRow(['Tidak ada jawaban SKM.']);
  useSheetFont(ws);
}
