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
import { addScheduleSheets } from './schedule-sheets.js';

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
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFFFFFFF' } };
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
    { width: 34 },
    { width: 11 },
    { width: 10 },
    { width: 13 },
    { width: 64 },
    { width: 13 },
    { width: 9 },
    { width: 16 },
  ];
  const last = 'I';
  ws.mergeCells(`A1:${last}1`);
  const title = ws.getCell('A1');
  title.value = `Ringkasan Pengembangan Kompetensi ASN Tahun ${s.tahun}`;
  title.font = { bold: true, size: 16, color: { argb: 'FF1F4E79' } };
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
  hr.height = 32;
  hr.eachCell((c) => {
    c.fill = HEADER_FILL;
    c.font = HEADER_FONT;
    c.border = BORDER;
    c.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
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
      cell.alignment = { vertical: 'top', wrapText: c === 6 || c === 2 };
    }
    row.getCell(3).numFmt = '#,##0';
    row.getCell(4).numFmt = '0.0%';
    row.getCell(5).numFmt = '0.00';
    row.getCell(7).numFmt = '0.0%';
    row.getCell(8).numFmt = '0.00';
    row.getCell(9).alignment = { horizontal: 'center', vertical: 'top' };
    if (r === totalRowNo) {
      row.font = { bold: true };
      row.eachCell({ includeEmpty: true }, (c) => {
        c.fill = TOTAL_FILL;
      });
    }
  }
  const noteRow = totalRowNo + 1;
  ws.mergeCells(`A${noteRow}:${last}${noteRow}`);
  const note = ws.getCell(`A${noteRow}`);
  note.value =
    `% Dinilai: ASN dengan sedikitnya satu kompetensi yang kesenjangannya diketahui. Kesenjangan = max(0, standar − aktual). ` +
    `Target ${idNum(s.targetJp, 0)} JP per ASN per tahun (PP 17/2020 Pasal 203). ` +
    `IKM: nilai konversi 25–100 dari periode terakhir (PermenPAN-RB 14/2017); mutu A ≥ 88,31, B ≥ 76,61, C ≥ 65,00, D di bawahnya.`;
  note.font = { italic: true, size: 9, color: { argb: 'FF595959' } };
  note.alignment = { wrapText: true, vertical: 'top' };
  ws.getRow(noteRow).height = 30;

  // charts below the table, side by side while they fit in the table's width (one page)
  const charts = await summaryCharts(input);
  const colPx = (ws.columns ?? []).map((c) => Math.round((c.width ?? 9) * 7 + 5)); // Excel's px per column
  const tablePx = colPx.reduce((a, w) => a + w, 0);
  const topRow = noteRow + 1; // 0-based index of the first row below the note
  let rowY = topRow;
  let x = 0; // px from the left edge of column A
  let rowHeightPx = 0;
  let lastRow = noteRow;
  for (const chart of charts) {
    const width = chart.width / SCALE_PNG;
    const height = chart.height / SCALE_PNG;
    if (x > 0 && x + width > tablePx) {
      rowY += Math.ceil(rowHeightPx / 20) + 1; // default row height 15 pt = 20 px
      x = 0;
      rowHeightPx = 0;
    }
    const id = wb.addImage({ buffer: chart.png as unknown as ExcelJS.Buffer, extension: 'png' });
    ws.addImage(id, { tl: { col: pxToCol(colPx, x + 4), row: rowY + 0.3 }, ext: { width, height } });
    x += width + 16;
    rowHeightPx = Math.max(rowHeightPx, height);
    lastRow = rowY + Math.ceil(rowHeightPx / 20) + 1;
  }
  ws.pageSetup.printArea = `A1:${last}${Math.max(lastRow, noteRow)}`;
  ws.headerFooter.oddFooter = `&L${SHEET_RINGKASAN} ${s.tahun}&Rdibuat oleh bangkom`;
  return charts.length;
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
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = [{ width: 34 }, ...hm.kompetensi.map(() => ({ width: 13 }))];
  const header = ws.getRow(1);
  header.values = ['OPD', ...hm.kompetensi.map((k) => `${k.kode}\n${k.nama}`)];
  header.height = 45;
  header.eachCell((c) => {
    c.fill = HEADER_FILL;
    c.font = HEADER_FONT;
    c.border = BORDER;
    c.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  hm.opd.forEach((opd, i) => {
    ws.getRow(i + 2).values = [opd, ...(hm.nilai[i] ?? []).map((v) => v)];
  });
  const totalRow = hm.opd.length + 2;
  ws.getRow(totalRow).values = [s.total.opd, ...hm.total];
  ws.getRow(totalRow).font = { bold: true };
  for (let r = 2; r <= totalRow; r++) {
    const row = ws.getRow(r);
    for (let c = 1; c <= hm.kompetensi.length + 1; c++) {
      const cell = row.getCell(c);
      cell.border = BORDER;
      if (c > 1) {
        cell.numFmt = '0.00';
        cell.alignment = { horizontal: 'center' };
      }
    }
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
          color: [{ argb: 'FF63BE7B' }, { argb: 'FFFFEB84' }, { argb: 'FFF8696B' }],
        },
      ],
    });
  }
  const note = ws.getCell(`A${totalRow + 2}`);
  note.value =
    'Nilai: rata-rata kesenjangan (standar − aktual, 0 bila memenuhi) pegawai OPD pada kompetensi itu. ' +
    'Kosong: belum ada penilaian. Hijau = kecil, merah = besar.';
  note.font = { italic: true, size: 9, color: { argb: 'FF595959' } };
}

// ---------------------------------------------------------------- IKM Unit Layanan

function addIkmSheet(wb: ExcelJS.Workbook, ikm: IkmReport): void {
  const ws = wb.addWorksheet(SHEET_IKM, {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = [
    { header: 'Unit Layanan', width: 34 },
    { header: 'Periode', width: 11 },
    { header: 'Responden', width: 11 },
    ...Array.from({ length: 9 }, (_, i) => ({ header: `NRR U${i + 1}`, width: 8 })),
    { header: 'IKM', width: 8 },
    { header: 'Konversi', width: 10 },
    { header: 'Mutu', width: 7 },
    { header: 'Kinerja', width: 13 },
  ];
  ws.getRow(1).eachCell((c) => {
    c.fill = HEADER_FILL;
    c.font = HEADER_FONT;
    c.alignment = { horizontal: 'center', wrapText: true };
  });
  for (const u of ikm.units) {
    const row = ws.addRow([u.unit, u.periode, u.responden, ...u.nrr, u.ikm, u.konversi, u.mutu, u.kinerja]);
    row.getCell(3).numFmt = '#,##0';
    for (let c = 4; c <= 12; c++) row.getCell(c).numFmt = '0.00';
    row.getCell(13).numFmt = '0.000';
    row.getCell(14).numFmt = '0.00';
  }
  if (ikm.units.length === 0) ws.addRow(['Tidak ada jawaban SKM.']);
}
