/**
 * Writing and reading program workbooks as `.xlsx` (exceljs), shared by the template, the
 * Sawahlunto sample and the province-size bench workbook.
 *
 * - `writeWorkbookXlsx(raw, path)` writes a RawWorkbook with the template's look: styled header
 *   (dark blue = required, light blue = optional), a note on each header taken from the specs,
 *   frozen first row, NIP columns as text (`@`), dates as `yyyy-mm-dd`, dropdowns and range
 *   checks on the data rows.
 * - The zip is rewritten in the order Excel and Google Sheets use (workbook.xml and styles.xml
 *   before the sheets) with fixed entry dates, so a streaming reader can read it in one pass
 *   and the same data always gives the same bytes.
 * - `readWorkbookXlsx(path)` reads any workbook back into a RawWorkbook (tests use it).
 */
import { writeFile } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import {
  type Cell,
  type ColumnKind,
  type ColumnSpec,
  DEFAULT_DICTIONARY,
  type RawSheet,
  type RawWorkbook,
  SHEET_SPECS,
  type SheetSpec,
} from '@bangkom/core';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

/** Fixed document and zip-entry date: generated files depend on their data only. */
export const FIXED_DATE = new Date(Date.UTC(2026, 0, 1, 0, 0, 0));

const HEADER_REQUIRED = 'FF1F4E79';
const HEADER_OPTIONAL = 'FF5B9BD5';
const HEADER_FONT = 'FFFFFFFF';

/** What the template knows about one column: the spec's column or a repeating column. */
export interface ColumnInfo {
  header: string;
  kind: ColumnKind;
  required: boolean;
  values?: readonly string[];
  min?: number;
  max?: number;
  /** the header is required but a cell may stay empty (SKM U1..U9: not answered) */
  emptyAllowed?: boolean;
  note: string;
}

const norm = (s: string): string => s.trim().toLowerCase();

export function specFor(sheetName: string): SheetSpec | undefined {
  return SHEET_SPECS.find((s) => norm(s.name) === norm(sheetName));
}

/** Competency header as Google Forms writes a grid question: `[M.01] Integritas`. */
export const formsCompetencyHeader = (kode: string, nama: string): string => `[${kode}] ${nama}`;

const COMPETENCY_HEADER = /^\s*\[?\s*([A-Za-z]{1,4}\.\d{1,3})\s*\]?/;
const REACTION_HEADER = /^\s*R(\d+)\s*$/i;

/** Describes a header of `sheet`: its spec column, a repeating column, or undefined (extra column). */
export function columnInfo(spec: SheetSpec, header: string): ColumnInfo | undefined {
  const h = norm(header);
  const c = spec.columns.find(
    (col) => norm(col.header) === h || (col.aliases ?? []).some((a) => norm(a) === h),
  );
  if (c) return fromSpec(c);
  const rep = spec.repeating;
  if (!rep) return undefined;
  const repeatingMatch = rep.pattern.startsWith('R')
    ? REACTION_HEADER.test(header)
    : COMPETENCY_HEADER.test(header);
  if (!repeatingMatch) return undefined;
  return { header, kind: rep.kind, required: false, min: rep.min, max: rep.max, note: rep.note };
}

function fromSpec(c: ColumnSpec): ColumnInfo {
  const info: ColumnInfo = { header: c.header, kind: c.kind, required: c.required, note: c.note };
  if (c.values) info.values = c.values;
  if (c.min !== undefined) info.min = c.min;
  if (c.max !== undefined) info.max = c.max;
  if (c.emptyAllowed) info.emptyAllowed = true;
  return info;
}

/** Dropdown or range check for a column's data cells; undefined when the column is free text. */
export function validationFor(col: ColumnInfo): ExcelJS.DataValidation | undefined {
  const common = {
    allowBlank: !col.required || col.emptyAllowed === true,
    showErrorMessage: true,
    errorStyle: 'stop' as const,
    errorTitle: `${col.header}: nilai tidak sah`,
  };
  if (col.kind === 'enum' && col.values) {
    return {
      ...common,
      type: 'list',
      formulae: [`"${col.values.join(',')}"`],
      error: `Pilih salah satu: ${col.values.join(', ')}.`,
    };
  }
  if ((col.kind === 'integer' || col.kind === 'number') && col.min !== undefined) {
    const type = col.kind === 'integer' ? 'whole' : 'decimal';
    const what = col.kind === 'integer' ? 'bilangan bulat' : 'angka';
    if (col.max !== undefined) {
      return {
        ...common,
        type,
        operator: 'between',
        formulae: [col.min, col.max],
        error: `Isi ${what} ${col.min} sampai ${col.max}.`,
      };
    }
    return {
      ...common,
      type,
      operator: 'greaterThanOrEqual',
      formulae: [col.min],
      error: `Isi ${what} paling kecil ${col.min}.`,
    };
  }
  if (col.kind === 'nip') {
    return {
      ...common,
      type: 'textLength',
      operator: 'equal',
      formulae: [18],
      error: 'NIP terdiri atas 18 digit dan ditulis sebagai teks.',
    };
  }
  return undefined;
}

const WIDTH_BY_HEADER: Record<string, number> = {
  nama: 30,
  jabatan: 44,
  opd: 46,
  email: 34,
  judul: 52,
  'nama pelatihan': 52,
  'unit layanan': 44,
  penyelenggara: 34,
  keterangan: 40,
  kompetensi: 22,
  'nomor sertifikat': 30,
  'id respons': 16,
  topik: 22,
  bulan: 14,
};

export function columnWidth(header: string, col: ColumnInfo | undefined): number {
  const byHeader = WIDTH_BY_HEADER[norm(header)];
  if (byHeader) return byHeader;
  const headerWidth = header.length + 4;
  if (!col) return Math.max(12, headerWidth);
  switch (col.kind) {
    case 'nip':
      return 22;
    case 'date':
      return Math.max(14, headerWidth);
    case 'timestamp':
      return Math.max(20, headerWidth);
    case 'enum':
      return Math.max(headerWidth, ...(col.values ?? []).map((v) => v.length + 6));
    case 'integer':
    case 'number':
    case 'boolean':
      return Math.max(9, headerWidth);
    default:
      return Math.max(20, headerWidth);
  }
}

export interface SheetLayout {
  /** data rows that get dropdowns and range checks (the template prepares empty rows) */
  validatedRows: number;
}

/**
 * Adds one sheet with the template's look. Rows are committed as they are written, so this
 * works with exceljs' streaming writer for the 50,000-ASN workbook too.
 */
export function addStyledSheet(
  wb: ExcelJS.Workbook,
  name: string,
  rows: RawSheet,
  layout: SheetLayout,
  headerNotes: Record<string, string> = {},
): void {
  const spec = specFor(name);
  const header = (rows[0] ?? []).map((h) => (h === null || h === undefined ? '' : String(h)));
  const infos = header.map((h) => (spec ? columnInfo(spec, h) : undefined));
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = header.map((h, i) => {
    const info = infos[i];
    const column: Partial<ExcelJS.Column> = { width: columnWidth(h, info) };
    if (info?.kind === 'nip' || info?.kind === 'list') column.style = { numFmt: '@' };
    if (info?.kind === 'date') column.style = { numFmt: 'yyyy-mm-dd' };
    return column;
  });
  const lastRow = Math.max(rows.length, layout.validatedRows + 1);
  // exceljs has range data validations (written as one sqref) but its typings omit them
  const validations = (
    ws as unknown as { dataValidations: { add(range: string, dv: ExcelJS.DataValidation): void } }
  ).dataValidations;
  header.forEach((_, i) => {
    const info = infos[i];
    if (!info) return;
    const dv = validationFor(info);
    if (!dv) return;
    const letter = columnLetter(i + 1);
    validations.add(`${letter}2:${letter}${lastRow}`, dv);
  });
  if (header.length > 0)
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };

  const headRow = ws.getRow(1);
  header.forEach((h, i) => {
    const cell = headRow.getCell(i + 1);
    const info = infos[i];
    cell.value = h;
    cell.font = { bold: true, color: { argb: HEADER_FONT } };
    cell.fill = {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: info?.required ? HEADER_REQUIRED : HEADER_OPTIONAL },
    };
    cell.alignment = { vertical: 'middle', wrapText: true };
    cell.numFmt = '@';
    const note = headerNotes[h] ?? info?.note;
    if (note)
      cell.note = info?.required
        ? `${info.emptyAllowed ? 'Kolom wajib ada; sel boleh kosong.' : 'Wajib.'} ${note}`
        : note;
  });
  headRow.height = 30;
  headRow.commit();
  for (let r = 1; r < rows.length; r++) {
    const values = (rows[r] ?? []).map((v) => (v === undefined || v === null ? null : v));
    ws.addRow(values).commit();
  }
  ws.commit();
}

export function columnLetter(n: number): string {
  let s = '';
  let x = n;
  while (x > 0) {
    const m = (x - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    x = Math.floor((x - 1) / 26);
  }
  return s;
}

/** Notes for the Penilaian competency headers: the dictionary name and the level scale. */
export function competencyNotes(
  dictionary: readonly { kode: string; nama: string }[],
): Record<string, string> {
  const notes: Record<string, string> = {};
  for (const d of dictionary) {
    const note = `${d.kode} ${d.nama}: level 1–5, kosong bila tidak dinilai.`;
    notes[`${d.kode} ${d.nama}`] = note;
    notes[formsCompetencyHeader(d.kode, d.nama)] = note;
  }
  return notes;
}

/** A streaming exceljs writer whose output is collected, then canonicalised by `finishWorkbook`. */
export function newWorkbookWriter(): { wb: ExcelJS.stream.xlsx.WorkbookWriter; done: Promise<Buffer> } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
  wb.creator = 'bangkom';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  return { wb, done };
}

/** Zip parts in the order Excel writes them; anything else follows in natural order. */
const PART_ORDER = [
  '[Content_Types].xml',
  '_rels/.rels',
  'docProps/app.xml',
  'docProps/core.xml',
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/styles.xml',
  'xl/theme/theme1.xml',
  'xl/sharedStrings.xml',
];

const naturalCompare = (a: string, b: string): number => a.localeCompare(b, 'en', { numeric: true });

/** Rewrites the zip in Excel's part order with fixed entry dates (same data -> same bytes). */
export async function canonicalZip(xlsx: Buffer): Promise<Buffer> {
  const src = await JSZip.loadAsync(xlsx);
  const names = Object.keys(src.files).filter((n) => !src.files[n]?.dir);
  const rank = (n: string): number => {
    const i = PART_ORDER.indexOf(n);
    return i === -1 ? PART_ORDER.length : i;
  };
  names.sort((a, b) => rank(a) - rank(b) || naturalCompare(a, b));
  const out = new JSZip();
  for (const n of names) {
    const file = src.file(n);
    if (!file) continue;
    out.file(n, await file.async('uint8array'), { date: FIXED_DATE, binary: true, createFolders: false });
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

export async function finishWorkbook(
  writer: { wb: ExcelJS.stream.xlsx.WorkbookWriter; done: Promise<Buffer> },
  path: string,
): Promise<void> {
  await writer.wb.commit();
  const bytes = await canonicalZip(await writer.done);
  await writeFile(path, bytes);
}

/** Sheets in contract order first, then any others in the order given. */
export function orderedSheetNames(raw: RawWorkbook): string[] {
  const names = Object.keys(raw);
  const known = SHEET_SPECS.map((s) => names.find((n) => norm(n) === norm(s.name))).filter(
    (n): n is string => n !== undefined,
  );
  return [...known, ...names.filter((n) => !known.includes(n))];
}

/**
 * Writes a RawWorkbook as a styled `.xlsx` (see the top of this file). Deterministic: the same
 * RawWorkbook always yields the same bytes.
 */
export async function writeWorkbookXlsx(raw: RawWorkbook, path: string): Promise<void> {
  const writer = newWorkbookWriter();
  const notes = competencyNotes(dictionaryOf(raw));
  for (const name of orderedSheetNames(raw)) {
    addStyledSheet(writer.wb, name, raw[name] ?? [], { validatedRows: 0 }, notes);
  }
  await finishWorkbook(writer, path);
}

/** The `Kamus Kompetensi` rows of a raw workbook (or the default dictionary), for header notes. */
function dictionaryOf(raw: RawWorkbook): { kode: string; nama: string }[] {
  const name = Object.keys(raw).find((n) => norm(n) === 'kamus kompetensi');
  const sheet = name ? raw[name] : undefined;
  if (!sheet || sheet.length < 2) return [...DEFAULT_DICTIONARY];
  const head = (sheet[0] ?? []).map((h) => norm(String(h ?? '')));
  const k = head.indexOf('kode');
  const n = head.indexOf('nama');
  return sheet
    .slice(1)
    .map((r) => ({ kode: String(r[k] ?? ''), nama: String(r[n] ?? '') }))
    .filter((d) => d.kode !== '');
}

/** A cell as exceljs hands it over, reduced to the RawWorkbook's cell types. */
export function plainCell(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return plainCell((v.result ?? null) as ExcelJS.CellValue);
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('error' in v) return String(v.error);
  }
  return String(v);
}

/** Drops trailing empty cells of each row and trailing empty rows; `undefined` becomes null. */
export function normaliseSheet(sheet: RawSheet): RawSheet {
  const rows = sheet.map((row) => {
    const r = row.map((c) => (c === undefined || c === '' ? null : c));
    while (r.length > 0 && r[r.length - 1] === null) r.pop();
    return r;
  });
  while (rows.length > 0 && (rows[rows.length - 1]?.length ?? 0) === 0) rows.pop();
  return rows;
}

/** Reads a workbook into a RawWorkbook with exceljs (in memory; fine for the 2,500-ASN sample). */
export async function readWorkbookXlsx(path: string): Promise<RawWorkbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const out: RawWorkbook = {};
  for (const ws of wb.worksheets) {
    const rows: RawSheet = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const values = row.values as ExcelJS.CellValue[];
      const cells: Cell[] = [];
      for (let c = 1; c < values.length; c++) cells.push(plainCell(values[c] ?? null));
      rows[n - 1] = cells;
    });
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    out[ws.name] = normaliseSheet(rows);
  }
  return out;
}
