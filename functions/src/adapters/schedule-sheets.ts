/**
 * The schedule's sheets of the leaders' workbook: `Jadwal Pelatihan` (one row per session with
 * its participants), `Rencana Pengembangan` (PP 11/2017 art. 207 columns), `Rencana Individu`
 * (each ASN's plan) and `Anggaran Pelatihan` (Pagu against spending, objective and bound).
 * Titles and the columns of Jadwal, Rencana and Anggaran come from the core, the same as the
 * leaders' workbook shows. Rerunning on the same workbook replaces the sheets (idempotent).
 */
import {
  ANGGARAN_COLUMNS,
  anggaranRows,
  DEVELOPMENT_PLAN_COLUMNS,
  idFixed,
  idNumber,
  idValue,
  JADWAL_COLUMNS,
  jadwalCells,
  type ScheduleReport,
  STAFF_TITLES,
  type SummaryCell,
  type SummaryColumn,
} from '@bangkom/core';
import type ExcelJS from 'exceljs';

/** the staff workbook's schedule sheets (titles from the core) */
export const SCHEDULE_SHEETS = STAFF_TITLES;

const RUPIAH = '"Rp"#,##0';
/** Indonesian day/month/year order; Excel shows it whatever the reader's locale. */
export const TANGGAL = 'dd/mm/yyyy';

// ---------------------------------------------------------------- layout helpers (shared)

/**
 * The font of every cell of the leaders' workbook. Arial exists on every Windows/Mac Excel and
 * LibreOffice maps it to the metric-compatible Liberation Sans, so the row heights estimated
 * below hold in both (exceljs' default Calibri is missing on Linux and falls back to a wider font).
 */
export const SHEET_FONT = 'Arial';
export const FONT_SIZE = 10;

/** Arial advance widths in em (Liberation Sans has the same metrics), printable ASCII. */
const ARIAL_EM: Readonly<Record<string, number>> = (() => {
  const table: Record<string, number> = {};
  const set = (chars: string, em: number) => {
    for (const ch of chars) table[ch] = em;
  };
  set('abdeghnopqu0123456789#$_', 0.556);
  set('cksvxyzJ', 0.5);
  set("fjtI!/\\[]. ,;:'|", 0.278);
  set('ijl', 0.222);
  set('r()-"`{}*', 0.333);
  set('mM', 0.833);
  set('NCDHRUw', 0.722);
  set('ABEKPSVXY&', 0.667);
  set('GOQ', 0.778);
  set('FTZL', 0.611);
  set('W', 0.944);
  set('@', 1.015);
  set('%', 0.889);
  set('+<=>~^', 0.584);
  set('?', 0.556);
  return table;
})();

/** Width of one character in em, Arial/Liberation Sans (bold ~7% wider); others 0.6 em. */
export function charEm(ch: string, bold = false): number {
  const em = ARIAL_EM[ch] ?? OTHER_EM;
  return bold ? em * BOLD_WIDER : em;
}
const OTHER_EM = 0.6;
const BOLD_WIDER = 1.07;

/** charEm of every UTF-16 code below 128, regular and bold (what textPx adds up, per code unit). */
const ASCII_EM = [false, true].map((bold) =>
  Float64Array.from({ length: 128 }, (_, code) => charEm(String.fromCharCode(code), bold)),
) as [Float64Array, Float64Array];

/**
 * Width of `text` in pixels at `fontSize` pt: the sum of charEm over its characters (a surrogate
 * pair is one character), read from a table by char code. The staff workbook measures every
 * wrapped cell, NIP lists of every session included: a string iterator and a lookup by
 * one-character string per character took seconds at 50,000 ASN.
 */
export function textPx(text: string, fontSize = FONT_SIZE, bold = false): number {
  const ascii = ASCII_EM[bold ? 1 : 0];
  const other = bold ? OTHER_EM * BOLD_WIDER : OTHER_EM;
  let em = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      em += ascii[code] as number;
      continue;
    }
    em += other;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
  }
  // 4% spare: Excel's wrap leaves a little room at the line's end
  return em * fontSize * (96 / 72) * 1.04;
}

/** Pixels inside a column `width` wide (Excel width units: 7 px each, 5 px of padding). */
export function columnPx(width: number): number {
  return Math.max(1, width * 7 - 5);
}

/**
 * Lines a wrapped text takes in `px` pixels: greedy word wrap as Excel does, explicit line breaks
 * kept. Character widths are rounded up, so the estimate errs towards one line too many, never
 * text running into the next row.
 */
export function wrappedLineCount(text: string, px: number, fontSize = FONT_SIZE, bold = false): number {
  const space = textPx(' ', fontSize, bold);
  let lines = 0;
  for (const para of text.split('\n')) {
    let line = 0;
    lines += 1;
    for (const word of para.split(/\s+/).filter((w) => w.length > 0)) {
      const w = textPx(word, fontSize, bold);
      const need = line === 0 ? w : line + space + w;
      if (need <= px) {
        line = need;
        continue;
      }
      if (line > 0) lines += 1;
      // a word wider than the cell breaks inside the word
      const extra = Math.floor(Math.max(0, w - 1) / px);
      lines += extra;
      line = w - extra * px;
    }
  }
  return Math.max(1, lines);
}

export const MAX_ROW_HEIGHT = 409;
const MIN_FONT_SIZE = 7;

/** Row height in points for `lines` lines of a `fontSize` font (Arial ~1.25 em per line + padding). */
export function lineHeight(lines: number, fontSize = FONT_SIZE): number {
  return Math.ceil((lines * fontSize * 1.25 + 3) * 4) / 4;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  return '';
}

/**
 * Sets the row's height so every wrapped cell shows all its lines (estimated from the column
 * width and the cell's font); never lower than `min` points. `widths` overrides a column's width
 * (e.g. a cell merged across columns). Returns the height set.
 */
export function fitRowHeight(
  row: ExcelJS.Row,
  opts: { min?: number; widths?: Readonly<Record<number, number>> } = {},
): number {
  const ws = row.worksheet;
  let height = opts.min ?? 0;
  row.eachCell((cell, col) => {
    const fontSize = cell.font?.size ?? FONT_SIZE;
    height = Math.max(height, lineHeight(1, fontSize));
    // a merged cell's other cells repeat its value: only the top-left one holds the text
    if (cell.isMerged && cell.master.address !== cell.address) return;
    if (!cell.alignment?.wrapText || cell.alignment.textRotation) return;
    const text = cellText(cell.value);
    if (!text) return;
    // an indent level takes ~10 px of the line
    const px =
      columnPx(opts.widths?.[col] ?? ws.getColumn(col).width ?? 9) - (cell.alignment.indent ?? 0) * 10;
    const bold = cell.font?.bold === true;
    let size = fontSize;
    let h = lineHeight(wrappedLineCount(text, px, size, bold), size);
    // Excel's rows stop at 409 pt: a very long text gets a smaller font (down to 7 pt) first
    while (h > MAX_ROW_HEIGHT && size > MIN_FONT_SIZE) {
      size -= 1;
      h = lineHeight(wrappedLineCount(text, px, size, bold), size);
    }
    if (size !== fontSize) cell.font = { ...cell.font, size };
    height = Math.max(height, h);
  });
  // past 409 pt (even at 7 pt) the rest of the text stays in the cell, shown when selected
  const fitted = Math.min(MAX_ROW_HEIGHT, height);
  row.height = fitted;
  return fitted;
}

/** Every used cell in Arial (keeping size, bold, colour): see SHEET_FONT. */
export function useSheetFont(ws: ExcelJS.Worksheet): void {
  ws.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.font = { size: FONT_SIZE, ...cell.font, name: SHEET_FONT };
    });
  });
}

/** Print setup of a list sheet: A4, fit to the page width, header row on every page, page numbers. */
export function listPrintSetup(
  ws: ExcelJS.Worksheet,
  title: string,
  orientation: 'landscape' | 'portrait' = 'landscape',
  headerRows = '1:1',
): void {
  Object.assign(ws.pageSetup, {
    orientation,
    paperSize: 9, // A4
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: headerRows,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  });
  ws.headerFooter.oddHeader = `&L&B${title}`;
  ws.headerFooter.oddFooter = '&Lbangkom&RHalaman &P dari &N';
}

/** 'YYYY-MM-DD' -> a date cell value (UTC midnight, what Excel stores for a date). */
function isoDate(iso: string): Date | string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : iso;
}

/** 'YYYY-MM-DD' -> 'DD/MM/YYYY' inside text. */
const idDate = (iso: string): string => idValue(iso, 'date');

// ---------------------------------------------------------------- sheets

interface Col {
  header: string;
  key: string;
  width: number;
  numFmt?: string;
  /** horizontal alignment of the data cells */
  align?: 'left' | 'center' | 'right';
}

function sheet(wb: ExcelJS.Workbook, name: string, cols: readonly Col[]): ExcelJS.Worksheet {
  const old = wb.getWorksheet(name);
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = cols.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
    style: {
      font: { name: SHEET_FONT, size: FONT_SIZE },
      alignment: { vertical: 'top', ...(c.align ? { horizontal: c.align } : {}) },
      ...(c.numFmt ? { numFmt: c.numFmt } : {}),
    },
  }));
  const head = ws.getRow(1);
  head.eachCell((cell) => {
    cell.font = { name: SHEET_FONT, size: FONT_SIZE, bold: true };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF7F7F7F' } } };
  });
  fitRowHeight(head, { min: 15 });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: cols.length } };
  listPrintSetup(ws, name);
  return ws;
}

/** A core column as a staff-sheet column: number format by kind, the core's alignment. */
function fromCore(c: SummaryColumn, key: string): Col {
  const numFmt =
    c.kind === 'integer' ? '#,##0' : c.kind === 'rupiah' ? RUPIAH : c.kind === 'date' ? TANGGAL : undefined;
  return {
    header: c.header,
    key,
    width: c.width,
    ...(numFmt ? { numFmt } : {}),
    ...(c.align ? { align: c.align } : {}),
  };
}

/** Core cells as exceljs values: ISO dates of `date` columns become date cells. */
function rowValues(columns: readonly SummaryColumn[], cells: readonly SummaryCell[]): ExcelJS.CellValue[] {
  return cells.map((v, i) => (columns[i]?.kind === 'date' && typeof v === 'string' ? isoDate(v) : v));
}

/** Keys (`c1`, `c2`, ...) of the core columns that wrap. */
const wrapKeys = (columns: readonly SummaryColumn[]): string[] =>
  columns.flatMap((c, i) => (c.wrap ? [`c${i + 1}`] : []));

function wrap(ws: ExcelJS.Worksheet, keys: readonly string[]): void {
  for (const k of keys) {
    const col = ws.getColumn(k);
    col.eachCell({ includeEmpty: false }, (cell, rowNo) => {
      if (rowNo > 1) cell.alignment = { ...cell.alignment, wrapText: true, vertical: 'top' };
    });
  }
  ws.eachRow((row, rowNo) => {
    if (rowNo > 1) fitRowHeight(row);
  });
}

/** Adds (or replaces) the schedule sheets; returns the sheet names written. */
export function addScheduleSheets(workbook: ExcelJS.Workbook, report: ScheduleReport): string[] {
  const jadwal = sheet(workbook, SCHEDULE_SHEETS.jadwal, [
    ...JADWAL_COLUMNS.map((c, i) => fromCore(c, `c${i + 1}`)),
    // 66 wide: three 18-digit NIPs per line
    { header: 'Peserta (NIP)', key: 'peserta', width: 66 },
    // staff only, like the NIPs (leaders' sheets name no person)
    { header: 'Pengajar', key: 'pengajar', width: 24 },
  ]);
  for (const s of report.sessions) {
    jadwal.addRow([...rowValues(JADWAL_COLUMNS, jadwalCells(s)), s.peserta.join(', '), s.pengajar ?? '-']);
  }
  wrap(jadwal, [...wrapKeys(JADWAL_COLUMNS), 'peserta', 'pengajar']);

  // PP 11/2017 art. 207: the development plan's content
  const rencana = sheet(
    workbook,
    SCHEDULE_SHEETS.rencana,
    DEVELOPMENT_PLAN_COLUMNS.map((c) => ({
      header: c.header,
      key: c.field,
      width: c.width,
      ...(c.kind === 'integer' ? { numFmt: '#,##0', align: 'center' as const } : {}),
      ...(c.kind === 'rupiah' ? { numFmt: RUPIAH } : {}),
    })),
  );
  for (const r of report.rencana) rencana.addRow(r);
  wrap(
    rencana,
    DEVELOPMENT_PLAN_COLUMNS.filter((c) => c.wrap).map((c) => c.field),
  );

  const individu = sheet(workbook, SCHEDULE_SHEETS.individu, [
    // the NIP as text (18 digits do not fit a number's 15 significant digits)
    { header: 'NIP', key: 'nip', width: 20 },
    { header: 'Nama', key: 'nama', width: 26 },
    { header: 'OPD', key: 'opd', width: 28 },
    { header: 'Jabatan', key: 'jabatan', width: 24 },
    { header: 'Kebutuhan (Prioritas)', key: 'kebutuhan', width: 30 },
    { header: 'Sesi', key: 'sesi', width: 50 },
    { header: 'JP Awal', key: 'jpAwal', width: 8, align: 'center' },
    { header: 'JP Rencana', key: 'jpRencana', width: 9, align: 'center' },
    { header: 'Target JP', key: 'target', width: 8, numFmt: '#,##0', align: 'center' },
    { header: 'Memenuhi Target', key: 'memenuhi', width: 10, align: 'center' },
    { header: 'Kebutuhan Belum Terpenuhi', key: 'belum', width: 26 },
    { header: 'Biaya', key: 'biaya', width: 14, numFmt: RUPIAH },
  ]);
  for (const p of report.individu) {
    individu.addRow({
      nip: p.nip,
      nama: p.nama,
      opd: p.opd,
      jabatan: p.jabatan,
      kebutuhan: p.kebutuhan.map((k) => `${k.kode} (${idNumber(k.prioritas)})`).join(', '),
      sesi: p.sesi.map((s) => `${s.id} ${s.judul}: ${idDate(s.mulai)} s.d. ${idDate(s.selesai)}`).join('; '),
      jpAwal: p.jpAwal,
      jpRencana: p.jpRencana,
      target: p.target,
      memenuhi: p.memenuhiTarget ? 'Ya' : 'Tidak',
      belum: p.kebutuhan
        .filter((k) => !k.terpenuhi)
        .map((k) => k.kode)
        .join(', '),
      biaya: p.biaya,
    });
  }
  wrap(individu, ['nama', 'opd', 'jabatan', 'kebutuhan', 'sesi', 'belum']);

  const anggaran = sheet(
    workbook,
    SCHEDULE_SHEETS.anggaran,
    ANGGARAN_COLUMNS.map((c, i) => fromCore(c, `c${i + 1}`)),
  );
  anggaran.pageSetup.orientation = 'portrait';
  const budgetRows = anggaranRows(report.budget);
  for (const r of budgetRows) if (!r.total) anggaran.addRow(rowValues(ANGGARAN_COLUMNS, r.cells));
  wrap(anggaran, wrapKeys(ANGGARAN_COLUMNS));
  for (const r of budgetRows) {
    if (!r.total) continue;
    const totalRow = anggaran.addRow(rowValues(ANGGARAN_COLUMNS, r.cells));
    totalRow.eachCell((c) => {
      c.font = { name: SHEET_FONT, size: FONT_SIZE, bold: true };
      c.border = { top: { style: 'thin', color: { argb: 'FF7F7F7F' } } };
    });
  }
  anggaran.addRow({});
  const mutu = report.bound > 0 ? report.objective / report.bound : 1;
  const notes = [
    `Nilai objektif: ${idFixed(report.objective, 3)}; batas atas: ${idFixed(report.bound, 3)} (${idFixed(mutu * 100, 2)}% dari batas atas, metode ${report.stats.metode}).`,
    `Objektif = jumlah prioritas (kesenjangan × bobot) yang tertutup + ${report.bobot.targetJp} per ASN yang mencapai ${report.target} JP + ${report.bobot.ekuitas} per ASN tanpa pelatihan dua tahun terakhir − biaya × ${report.bobot.biaya.toExponential(2)}.`,
    `${report.unmet.length} kebutuhan belum terpenuhi; ${report.stats.gagalDijadwalkan} pendaftaran tidak dapat dijadwalkan.`,
  ];
  // notes across the table's width, wrapped (text running past column E would be cut when printed)
  const noteWidth = ANGGARAN_COLUMNS.reduce((x, c) => x + c.width, 0);
  for (const n of notes) {
    const row = anggaran.addRow([n]);
    anggaran.mergeCells(row.number, 1, row.number, ANGGARAN_COLUMNS.length);
    const cell = row.getCell(1);
    cell.alignment = { wrapText: true, vertical: 'top' };
    cell.font = { name: SHEET_FONT, size: 9, italic: true, color: { argb: 'FF595959' } };
    fitRowHeight(row, { widths: { 1: noteWidth } });
  }
  return Object.values(SCHEDULE_SHEETS);
}
