/**
 * Validasi Data: every contract sheet read once, validated by the core in memory, each
 * invalid cell marked (note + colour) and every error listed in `Status Validasi`. Marks are
 * recognised by their colour and their notes by NOTE_PREFIX, so a second run clears the ones
 * that were fixed; a note staff wrote themselves is kept (the warning goes below it).
 * Per sheet: getDataRange, getValues, getBackgrounds, setBackgrounds, getNotes, setNotes: six
 * calls, whatever the number of rows (plus one getName when sheets are matched by name).
 */
import {
  type CellError,
  normalizeHeader,
  type ProgramData,
  type RawWorkbook,
  SHEET_SPECS,
  type SheetSpec,
  STATUS_HEADER,
} from '@bangkom/core';
import { APP_SHEET } from './app-sheets.js';
import { DateConverter, timeZone } from './cells.js';
import { validate } from './core-bridge.js';
import {
  ensureSize,
  keepText,
  type Range,
  type Row,
  type Sheet,
  type Spreadsheet,
  sheetsByName,
  spreadsheet,
  toast,
} from './gas.js';
import { isRepeating } from './setup.js';

/** Light red 3: the colour of an invalid cell. Cells of this colour belong to Validasi Data. */
export const MARK_COLOUR = '#f4cccc';
export const NOTE_PREFIX = '⚠ ';
/** what separates a staff member's own note from the warning added below it */
const WARNING_BREAK = `\n\n${NOTE_PREFIX}`;

/** The part of a cell's note that is not Validasi Data's warning ('' when it is all warning). */
export function ownNote(note: string): string {
  if (note.startsWith(NOTE_PREFIX)) return '';
  const at = note.indexOf(WARNING_BREAK);
  return at < 0 ? note : note.slice(0, at);
}

export interface ValidationSummary {
  errors: CellError[];
  /** the program as the core read it (invalid rows left out) */
  data: ProgramData;
  sheets: number;
  rows: number;
}

interface Read {
  spec: SheetSpec;
  sheet: Sheet;
  range: Range;
  values: Row[];
}

export function validasiData(): ValidationSummary {
  toast('Memvalidasi data…', 10);
  const summary = validateSpreadsheet(spreadsheet());
  const n = summary.errors.length;
  toast(
    n === 0
      ? `Semua data valid (${summary.rows} baris di ${summary.sheets} lembar).`
      : `${n} galat ditemukan; lihat lembar "${APP_SHEET.status}" dan sel yang berwarna merah.`,
    10,
  );
  return summary;
}

/** Every contract sheet read once (getDataRange, getValues), dates as serials for the core. */
export function readContract(
  ss: Spreadsheet,
  dates: DateConverter,
  sheets: Map<string, Sheet> = sheetsByName(ss),
): { reads: Read[]; wb: RawWorkbook } {
  const reads: Read[] = [];
  const wb: RawWorkbook = {};
  for (const spec of SHEET_SPECS) {
    const sheet = sheets.get(normalizeHeader(spec.name));
    if (!sheet) continue;
    const range = sheet.getDataRange();
    const values = range.getValues() as Row[];
    reads.push({ spec, sheet, range, values });
    wb[spec.name] = dates.rows(values);
  }
  return { reads, wb };
}

export function validateSpreadsheet(ss: Spreadsheet): ValidationSummary {
  const sheets = sheetsByName(ss);
  const { reads, wb } = readContract(ss, new DateConverter(timeZone()), sheets);
  const result = validate(wb);

  const bySheet = new Map<string, CellError[]>();
  for (const e of result.errors) {
    const key = normalizeHeader(e.sheet);
    bySheet.set(key, [...(bySheet.get(key) ?? []), e]);
  }
  let rows = 0;
  for (const r of reads) {
    rows += Math.max(0, r.values.length - 1);
    mark(r, bySheet.get(normalizeHeader(r.spec.name)) ?? []);
  }
  writeStatus(
    sheets.get(normalizeHeader(APP_SHEET.status)) ?? ss.insertSheet(APP_SHEET.status),
    result.errors,
  );
  return { errors: result.errors, data: result.data, sheets: reads.length, rows };
}

/** Colours and notes for one sheet, from the values already read: one read, one write each. */
function mark(r: Read, errors: readonly CellError[]): void {
  const height = r.values.length;
  const width = r.values[0]?.length ?? 0;
  if (height === 0 || width === 0) return;
  const header = (r.values[0] ?? []).map((h) => normalizeHeader(h));
  const colOf = (column: string): number => {
    const want = normalizeHeader(column);
    const spec = r.spec.columns.find((c) => normalizeHeader(c.header) === want);
    const names = [want, ...(spec?.aliases ?? []).map(normalizeHeader)];
    const i = header.findIndex((h) => names.includes(h));
    return Math.max(i, 0); // a whole-row problem is noted on the row's first cell
  };
  // staff's own notes stay; the warnings of the previous run go
  const own = r.range.getNotes().map((line) => line.map((n) => ownNote(String(n ?? ''))));
  const notes: string[][] = Array.from({ length: height }, (_, i) =>
    Array.from({ length: width }, (_, j) => own[i]?.[j] ?? ''),
  );
  // header notes are the contract's column notes, as Siapkan Lembar writes them
  header.forEach((h, i) => {
    const spec = r.spec.columns.find((c) =>
      [c.header, ...(c.aliases ?? [])].some((x) => normalizeHeader(x) === h),
    );
    if (!notes[0]) return;
    if (spec) notes[0][i] = spec.note;
    else if (r.spec.repeating && isRepeating(r.spec, String(r.values[0]?.[i] ?? '')))
      notes[0][i] = r.spec.repeating.note;
  });
  const warnings = new Map<string, string[]>();
  for (const e of errors) {
    if (e.row < 2 || e.row > height) continue;
    const key = `${e.row - 1}:${colOf(e.column)}`;
    warnings.set(key, [...(warnings.get(key) ?? []), e.message]);
  }
  for (const [key, messages] of warnings) {
    const [i, j] = key.split(':').map(Number) as [number, number];
    const line = notes[i];
    if (!line) continue;
    const warning = `${NOTE_PREFIX}${messages.join('\n')}`;
    line[j] = line[j] ? `${line[j]}\n\n${warning}` : warning;
  }
  const bad = new Set(warnings.keys());
  const backgrounds = r.range.getBackgrounds().map((line, i) =>
    line.map((colour, j) => {
      if (bad.has(`${i}:${j}`)) return MARK_COLOUR;
      return colour.toLowerCase() === MARK_COLOUR ? null : colour; // a fixed cell loses its mark
    }),
  );
  r.range.setBackgrounds(backgrounds as string[][]);
  r.range.setNotes(notes);
}

function writeStatus(sheet: Sheet, errors: readonly CellError[]): void {
  const old = sheet.getLastRow();
  const rows = errors.map((e) => [
    keepText(e.sheet),
    e.row,
    keepText(e.column),
    keepText(display(e.value)),
    keepText(e.message),
  ]);
  const height = Math.max(rows.length + 1, old, 2);
  const out: Row[] = [[...STATUS_HEADER], ...rows];
  if (rows.length === 0) out.push(['', '', '', '', 'Tidak ada galat: semua data valid.']);
  while (out.length < height) out.push(['', '', '', '', '']);
  ensureSize(sheet, height, STATUS_HEADER.length);
  sheet.getRange(1, 1, height, STATUS_HEADER.length).setValues(out);
}

function display(v: unknown): string | number | boolean {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}
