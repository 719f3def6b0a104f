/**
 * Raw 2-D sheets -> typed records, per docs/lembar-kerja.md, driven by SHEET_SPECS.
 *
 * - Sheet names and headers match ignoring case, surrounding spaces and inner runs of spaces;
 *   column order is free; extra columns are kept (in quarantined rows) and otherwise ignored.
 * - Row numbers are 1-based sheet rows with the header on row 1: the 2-D array must start at
 *   the sheet's first row (getDataRange() / values.get of `A1:...`).
 * - A row is blank, and skipped uncounted, when every cell under a recognised column is empty
 *   (cells under extra columns, e.g. helper formulas, do not make a row count). When the header
 *   itself is broken every cell counts.
 * - Every invalid cell is one CellError; the row goes to `quarantine` whole and valid rows
 *   flow on. A sheet missing a required column yields no records: its rows are quarantined,
 *   each pointing at the header errors (listed once in `errors`).
 * - Cross-sheet rules: codes must be in the dictionary (`Kamus Kompetensi` when it has valid
 *   rows, else DEFAULT_DICTIONARY); NIPs of `Penilaian`, `Riwayat Pelatihan` and `Preferensi`
 *   must appear in `Pegawai` (checked only when Pegawai's header is readable). Evaluation
 *   sheets are not checked: sessions may include participants from outside the Pemkot.
 * - `Penilaian`: ProgramData.assessments holds only the winning responses (see
 *   resolveAssessments); `counts.valid` counts every valid row, superseded ones included.
 * - Keys are unique per sheet, the first valid row stands and each later one is an error (so
 *   two rows never silently become one Firestore document): Pegawai NIP, Kamus Kode, Standar
 *   (Jabatan, Kode), Riwayat (NIP, Tanggal Mulai, Nama Pelatihan), Katalog Kode, Anggaran OPD,
 *   Reaksi/Tes (ID Sesi, NIP), Perilaku (ID Sesi, NIP, Kode), Pengaturan Kunci, Hari Libur
 *   Tanggal, Ruang Nama, Preferensi NIP. Text keys compare ignoring case and spaces.
 * - An optional sheet left completely empty counts as present with 0 rows, without errors.
 */
import {
  cellText,
  enumTable,
  isBlankCell,
  normalizeHeader,
  type Parsed,
  parseBooleanCell,
  parseDateCell,
  parseEnumCell,
  parseIntegerCell,
  parseNipCell,
  parseNumberCell,
  parseTimestampCell,
  splitList,
} from './cells.js';
import { hintFor } from './names.js';
import { raterDirectory } from './raters.js';
import {
  type Coercer,
  type Dictionary,
  defaultDictionary,
  makeDictionary,
  type RepeatCell,
  RowBuilder,
  SHEET_COLLECTION,
  SHEET_PARSERS,
  type SheetContext,
  type SheetName,
  type SheetParser,
  type SheetRecords,
  settingsFrom,
} from './schemas/index.js';
import { type ColumnSpec, SHEET, SHEET_SPECS, type SheetSpec } from './sheet-specs.js';
import {
  type Cell,
  type CellError,
  type Competency,
  emptyProgramData,
  type IgnoredColumn,
  type IgnoredSheet,
  type QuarantinedRow,
  type RawSheet,
  type RawWorkbook,
  type SheetCount,
  type ValidationResult,
} from './types.js';

/** One sheet's outcome. */
export interface SheetResult<R> {
  sheet: string; // contract name
  /** false when a required column is missing or duplicated: no records */
  headerOk: boolean;
  /** valid records (Penilaian: winning responses only) */
  records: R[];
  errors: CellError[];
  quarantine: QuarantinedRow[];
  count: SheetCount;
  /** headers that match no column of the sheet */
  ignoredColumns: IgnoredColumn[];
}

/** Sheets the product writes itself that hold no data (the template's instructions). */
export const NON_DATA_SHEETS: readonly string[] = ['Petunjuk'];

export interface ValidateOptions {
  /** Sheets that must be present; defaults to the contract's non-optional sheets. */
  requiredSheets?: readonly string[];
  /** Non-contract sheets that are expected (not reported in ignoredSheets), besides NON_DATA_SHEETS. */
  knownSheets?: readonly string[];
}

export interface ValidateRowsOptions {
  /** NIPs of `Pegawai`, to check `NIP tidak terdaftar`; unchecked when absent */
  pegawaiNips?: ReadonlySet<string>;
  /** Sheet row of rows[1] (the first data row), default 2: a form response appended at row 57 passes 57. */
  firstDataRow?: number;
}

// ---------------------------------------------------------------------------------------------

function defaultCoercer(col: ColumnSpec): Coercer {
  const { header, min, max } = col;
  switch (col.kind) {
    case 'nip':
      return (c) => parseNipCell(c, header);
    case 'integer':
      return (c) => parseIntegerCell(c, header, min, max);
    case 'number':
      return (c) => parseNumberCell(c, header, min, max);
    case 'date':
      return (c) => parseDateCell(c, header);
    case 'timestamp':
      return (c) => parseTimestampCell(c, header);
    case 'boolean':
      return (c) => parseBooleanCell(c, header);
    case 'enum': {
      const table = enumTable(col.values ?? []);
      const message = `${header} harus salah satu dari: ${(col.values ?? []).join(', ')}`;
      return (c) => parseEnumCell(c, table, message);
    }
    case 'list':
      return (c): Parsed<string[]> => ({ ok: true, value: splitList(c) });
    default:
      return (c): Parsed<string> => {
        // a checkbox in a text column is a mistake, not the text "TRUE"
        if (typeof c === 'boolean')
          return { ok: false, message: `${header} harus berisi teks, bukan kotak centang` };
        const t = cellText(c);
        return t === '' ? { ok: false, message: `${header} tidak valid` } : { ok: true, value: t };
      };
  }
}

interface Layout {
  /** raw column of each spec column, -1 when absent */
  specIndex: number[];
  repeat: { key: string; header: string; index: number }[];
  /** key -> raw column, for the quarantined row's values */
  valueKeys: [string, number][];
  /** header errors that keep every row out */
  blocking: CellError[];
  /** header errors that do not (a code-like column not in the dictionary is ignored) */
  warnings: CellError[];
  /** headers that match nothing and are not code-like (their cells are kept, not used) */
  ignored: IgnoredColumn[];
}

function layoutOf(parser: SheetParser<unknown>, header: readonly Cell[], ctx: SheetContext): Layout {
  const { spec } = parser;
  const sheet = spec.name;
  const byName = new Map<string, number>();
  spec.columns.forEach((c, k) => {
    byName.set(normalizeHeader(c.header), k);
    for (const a of c.aliases ?? []) byName.set(normalizeHeader(a), k);
  });
  const specIndex = spec.columns.map(() => -1);
  const repeat: Layout['repeat'] = [];
  const repeatByKey = new Map<string, string>();
  const valueKeys: [string, number][] = [];
  const usedKeys = new Set<string>();
  const blocking: CellError[] = [];
  const warnings: CellError[] = [];
  const ignored: IgnoredColumn[] = [];
  const known = spec.columns.map((c) => c.header);
  const headerError = (list: CellError[], column: string, value: unknown, message: string) =>
    list.push({ sheet, row: 1, column, value, message });
  const addValueKey = (key: string, j: number) => {
    let k = key;
    for (let n = 2; usedKeys.has(k); n++) k = `${key} (${n})`;
    usedKeys.add(k);
    valueKeys.push([k, j]);
  };

  for (let j = 0; j < header.length; j++) {
    const text = cellText(header[j]);
    if (text === '') continue;
    const k = byName.get(normalizeHeader(text));
    const col = k === undefined ? undefined : spec.columns[k];
    if (k !== undefined && col) {
      if ((specIndex[k] ?? -1) >= 0) {
        headerError(
          blocking,
          col.header,
          text,
          `Kolom "${col.header}" muncul lebih dari sekali di baris judul`,
        );
      } else specIndex[k] = j;
      addValueKey(col.header, j);
      continue;
    }
    addValueKey(text, j);
    const m = parser.repeating?.(text, ctx);
    if (m && 'key' in m) {
      const prev = repeatByKey.get(m.key);
      if (prev !== undefined) {
        headerError(
          blocking,
          text,
          text,
          `Kolom "${text}" dan "${prev}" sama-sama untuk ${m.key}; hapus salah satu`,
        );
      } else {
        repeatByKey.set(m.key, text);
        repeat.push({ key: m.key, header: text, index: j });
      }
    } else if (m && 'error' in m) headerError(warnings, text, text, m.error);
    else
      ignored.push({
        sheet,
        column: text,
        message: `Kolom "${text}" tidak dikenal di lembar ${sheet} dan tidak dibaca${hintFor(text, known)}`,
      });
  }
  spec.columns.forEach((c, k) => {
    if (c.required && specIndex[k] === -1) {
      headerError(
        blocking,
        c.header,
        null,
        `Kolom wajib "${c.header}" tidak ditemukan di baris judul (baris 1)`,
      );
    }
  });
  if (parser.noRepeatingMessage && repeat.length === 0)
    headerError(blocking, '', null, parser.noRepeatingMessage);
  return { specIndex, repeat, valueKeys, blocking, warnings, ignored };
}

function rowValues(layout: Layout, cells: readonly Cell[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [key, j] of layout.valueKeys) values[key] = cells[j] ?? null;
  return values;
}

/** C0 controls other than tab and line breaks, DEL and C1 controls (ESC and CSI among them). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** What a spreadsheet shows for a formula that failed (Excel and Google Sheets). */
const SHEET_ERROR =
  /^#(?:DIV\/0!|N\/A|REF!|VALUE!|NAME\?|NUM!|NULL!|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY|UNKNOWN!|ERROR!|GETTING_DATA)$/i;

/**
 * Why a text cell cannot be data, or undefined: a spreadsheet error value (`#DIV/0!`, `#N/A`)
 * is a broken formula, not a name or a number; an invisible control character (U+0001, an
 * escape sequence) is never typed on purpose and breaks what is rendered from it.
 */
function unreadableText(text: string, header: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed.startsWith('#') && SHEET_ERROR.test(trimmed))
    return `${header} berisi nilai galat spreadsheet "${trimmed}"; perbaiki rumus atau isinya`;
  const m = CONTROL.exec(text);
  if (m) {
    const code = (m[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
    return `${header} berisi karakter kendali tak terlihat (U+${code}); hapus karakter itu`;
  }
  return undefined;
}

/** What a sheet's header row fixes for all its rows: built once, then reused by every run. */
interface PreparedSheet<R> {
  parser: SheetParser<R>;
  ctx: SheetContext;
  layout: Layout;
  headerOk: boolean;
  cols: { col: ColumnSpec; index: number; coerce: Coercer; mustFill: boolean }[];
  /** contract header -> raw column, for the RowBuilder */
  columns: ReadonlyMap<string, number>;
}

function prepareSheet<R>(
  parser: SheetParser<R>,
  header: readonly Cell[],
  ctx: SheetContext,
): PreparedSheet<R> {
  const { spec } = parser;
  const layout = layoutOf(parser as SheetParser<unknown>, header, ctx);
  const cols = spec.columns
    .map((col, k) => ({
      col,
      index: layout.specIndex[k] ?? -1,
      coerce: parser.coerce?.[col.header] ?? defaultCoercer(col),
      mustFill: col.required && !col.emptyAllowed,
    }))
    .filter((c) => c.index >= 0);
  return {
    parser,
    ctx,
    layout,
    headerOk: layout.blocking.length === 0,
    cols,
    columns: new Map(cols.map((c) => [c.col.header, c.index])),
  };
}

/** An optional sheet left completely empty is the same as no sheet. */
function emptyOptional(spec: SheetSpec, raw: RawSheet): boolean {
  return spec.optional === true && raw.every((row) => !row || row.every(isBlankCell));
}

/**
 * Parses one sheet. `collect` receives the text of every readable NIP cell (used for Pegawai,
 * whose NIPs the other sheets are checked against).
 */
function parseSheet<R>(
  parser: SheetParser<R>,
  raw: RawSheet,
  ctx: SheetContext,
  firstDataRow = 2,
  collect?: Set<string>,
): SheetResult<R> {
  if (emptyOptional(parser.spec, raw)) return emptyResult(parser.spec.name);
  return runSheet(prepareSheet(parser, raw[0] ?? [], ctx), raw, firstDataRow, collect);
}

function emptyResult<R>(sheet: string): SheetResult<R> {
  return {
    sheet,
    headerOk: true,
    records: [],
    errors: [],
    quarantine: [],
    count: { rows: 0, valid: 0, quarantined: 0, superseded: 0 },
    ignoredColumns: [],
  };
}

/** One run over the data rows of `raw` (raw[0], the header, is what `prep` was made from). */
function runSheet<R>(
  prep: PreparedSheet<R>,
  raw: RawSheet,
  firstDataRow = 2,
  collect?: Set<string>,
): SheetResult<R> {
  const { parser, layout, headerOk, cols } = prep;
  const sheet = parser.spec.name;
  const errors: CellError[] = [...layout.blocking, ...layout.warnings];
  const quarantine: QuarantinedRow[] = [];
  let records: R[] = [];
  const count: SheetCount = { rows: 0, valid: 0, quarantined: 0, superseded: 0 };

  const build = parser.start(prep.ctx);
  const b = new RowBuilder(sheet, prep.columns);
  const repeating: RepeatCell[] = layout.repeat.map((c) => ({
    key: c.key,
    header: c.header,
    cell: undefined,
  }));
  b.repeating = repeating;
  const nRepeat = repeating.length;

  for (let i = 1; i < raw.length; i++) {
    const cells = raw[i] ?? [];
    const rowNo = firstDataRow + i - 1;
    let blank = true;
    if (headerOk) {
      for (const c of cols) if (!isBlankCell(cells[c.index])) blank = false;
      for (let k = 0; k < nRepeat && blank; k++)
        if (!isBlankCell(cells[layout.repeat[k]?.index ?? -1])) blank = false;
    } else {
      for (let j = 0; j < cells.length && blank; j++) if (!isBlankCell(cells[j])) blank = false;
    }
    if (blank) continue;
    count.rows++;
    if (!headerOk) {
      quarantine.push({ sheet, row: rowNo, values: rowValues(layout, cells), errors: layout.blocking });
      count.quarantined++;
      continue;
    }
    b.reset(rowNo, cells);
    for (const c of cols) {
      const cell = cells[c.index];
      const header = c.col.header;
      if (isBlankCell(cell)) {
        if (c.mustFill) b.error(header, `${header} wajib diisi`, null);
        continue;
      }
      const unreadable = typeof cell === 'string' ? unreadableText(cell, header) : undefined;
      if (unreadable !== undefined) {
        b.error(header, unreadable);
        continue;
      }
      const v = c.coerce(cell, header);
      if (v.ok) b.values[header] = v.value;
      else b.error(header, v.message);
    }
    if (collect && typeof b.values.NIP === 'string') collect.add(b.values.NIP);
    for (let k = 0; k < nRepeat; k++) {
      const target = repeating[k];
      const source = layout.repeat[k];
      if (target && source) target.cell = cells[source.index];
    }
    const record = build(b);
    if (record !== undefined && b.errors.length === 0) {
      b.commit();
      records.push(record);
    } else {
      if (b.errors.length === 0) b.error('', 'Baris tidak valid', null); // defensive: a parser returned nothing
      for (const e of b.errors) errors.push(e);
      quarantine.push({ sheet, row: rowNo, values: rowValues(layout, cells), errors: b.errors });
      count.quarantined++;
    }
  }
  const built = records.length;
  if (parser.finish) records = parser.finish(records);
  count.valid = records.length;
  count.superseded = built - records.length;
  return { sheet, headerOk, records, errors, quarantine, count, ignoredColumns: layout.ignored };
}

// ---------------------------------------------------------------------------------------------

const SPEC_BY_KEY = new Map(SHEET_SPECS.map((s) => [normalizeHeader(s.name), s]));

function contractSheet(name: string): SheetName | undefined {
  return SPEC_BY_KEY.get(normalizeHeader(name))?.name as SheetName | undefined;
}

/** Validates every contract sheet of a raw workbook; valid rows flow on, invalid ones are quarantined. */
export function validateWorkbook(wb: RawWorkbook, options: ValidateOptions = {}): ValidationResult {
  const preamble: CellError[] = [];
  const found = new Map<SheetName, RawSheet>();
  const ignoredSheets: IgnoredSheet[] = [];
  const expected = new Set([...NON_DATA_SHEETS, ...(options.knownSheets ?? [])].map(normalizeHeader));
  for (const [name, sheet] of Object.entries(wb)) {
    const contract = contractSheet(name);
    if (!contract) {
      if (!expected.has(normalizeHeader(name))) ignoredSheets.push(ignoredSheet(name, sheet));
      continue;
    }
    if (found.has(contract)) {
      preamble.push({
        sheet: contract,
        row: 1,
        column: '',
        value: name,
        message: `Lembar "${contract}" muncul lebih dari sekali; hanya yang pertama dibaca`,
      });
    } else found.set(contract, sheet);
  }
  const required = options.requiredSheets
    ? new Set(options.requiredSheets.map((n) => contractSheet(n) ?? n))
    : new Set(SHEET_SPECS.filter((s) => !s.optional).map((s) => s.name));
  for (const spec of SHEET_SPECS) {
    if (required.has(spec.name) && !found.has(spec.name as SheetName)) {
      preamble.push({
        sheet: spec.name,
        row: 1,
        column: '',
        value: null,
        message: `Lembar wajib "${spec.name}" tidak ditemukan`,
      });
    }
  }

  const data = emptyProgramData();
  const results = new Map<SheetName, SheetResult<unknown>>();

  // The dictionary and Pegawai's NIPs come first: other sheets are checked against them.
  let dictionary = defaultDictionary;
  const kamus = found.get(SHEET.kamus);
  if (kamus) {
    const r = parseSheet(SHEET_PARSERS[SHEET.kamus], kamus, { dictionary, pegawaiNips: undefined });
    results.set(SHEET.kamus, r);
    if (r.records.length > 0) dictionary = makeDictionary(r.records);
  }
  data.competencies = [...dictionary.entries];
  const ctx: SheetContext = { dictionary, pegawaiNips: undefined };
  const pegawai = found.get(SHEET.pegawai);
  if (pegawai) {
    const nips = new Set<string>();
    const r = parseSheet(SHEET_PARSERS[SHEET.pegawai], pegawai, ctx, 2, nips);
    results.set(SHEET.pegawai, r);
    data.employees = r.records;
    if (r.headerOk) ctx.pegawaiNips = nips;
  }
  // Pengaturan before Penilaian: its assessor list says whose Asesmen counts
  const pengaturan = found.get(SHEET.pengaturan);
  if (pengaturan) {
    const r = parseSheet(SHEET_PARSERS[SHEET.pengaturan], pengaturan, ctx);
    results.set(SHEET.pengaturan, r);
    data.settings = settingsFrom(r.records);
  }
  if (ctx.pegawaiNips) ctx.raters = raterDirectory(data.employees, data.settings);
  for (const spec of SHEET_SPECS) {
    const name = spec.name as SheetName;
    const raw = found.get(name);
    if (!raw || name === SHEET.kamus || name === SHEET.pegawai || name === SHEET.pengaturan) continue;
    const r = parseSheet(SHEET_PARSERS[name] as SheetParser<unknown>, raw, ctx);
    results.set(name, r);
    (data as unknown as Record<string, unknown[]>)[
      SHEET_COLLECTION[name as Exclude<SheetName, 'Pengaturan'>]
    ] = r.records;
  }

  const errors = [...preamble];
  const quarantine: QuarantinedRow[] = [];
  const counts: Record<string, SheetCount> = {};
  const ignoredColumns: IgnoredColumn[] = [];
  for (const spec of SHEET_SPECS) {
    const r = results.get(spec.name as SheetName);
    if (!r) continue;
    // a broken header keeps every row out: its errors say how many rows
    const blocking = new Set<CellError>(r.headerOk ? [] : (r.quarantine[0]?.errors ?? []));
    const affected = `; ${r.count.rows} baris data lembar ini dikarantina karenanya`;
    for (const e of r.errors) errors.push(blocking.has(e) ? { ...e, message: `${e.message}${affected}` } : e);
    for (const q of r.quarantine) quarantine.push(q);
    for (const c of r.ignoredColumns) ignoredColumns.push(c);
    counts[spec.name] = r.count;
  }
  return { data, errors, quarantine, counts, valid: errors.length === 0, ignoredSheets, ignoredColumns };
}

const CONTRACT_NAMES = SHEET_SPECS.map((s) => s.name);

function ignoredSheet(name: string, raw: RawSheet): IgnoredSheet {
  let rows = 0;
  for (let i = 1; i < raw.length; i++) if (raw[i]?.some((c) => !isBlankCell(c))) rows++;
  return {
    sheet: name,
    rows,
    message: `Lembar "${name}" bukan lembar bangkom dan tidak dibaca (${rows} baris data)${hintFor(name, CONTRACT_NAMES)}`,
  };
}

/**
 * Validates one sheet given as a 2-D array with its header row first (e.g. the Apps Script
 * form-submit path: the header row plus the one new response row, with `firstDataRow` set to
 * the response's sheet row). Throws only when `sheetName` is not a contract sheet.
 */
export function validateRows<S extends SheetName>(
  sheetName: S,
  rows: RawSheet,
  dictionary?: readonly Competency[],
  options?: ValidateRowsOptions,
): SheetResult<SheetRecords[S]>;
export function validateRows(
  sheetName: string,
  rows: RawSheet,
  dictionary?: readonly Competency[],
  options?: ValidateRowsOptions,
): SheetResult<SheetRecords[SheetName]>;
export function validateRows(
  sheetName: string,
  rows: RawSheet,
  dictionary?: readonly Competency[],
  options: ValidateRowsOptions = {},
): SheetResult<unknown> {
  const name = contractSheet(sheetName);
  if (!name) throw new Error(`Lembar "${sheetName}" bukan lembar kontrak bangkom`);
  const dict: Dictionary =
    dictionary && dictionary.length > 0 ? makeDictionary(dictionary) : defaultDictionary;
  const ctx: SheetContext = { dictionary: dict, pegawaiNips: options.pegawaiNips };
  return parseSheet(SHEET_PARSERS[name] as SheetParser<unknown>, rows, ctx, options.firstDataRow ?? 2);
}

/** Validates one row of a sheet on its own, given the row's header (see rowValidator). */
export type RowValidator<R> = (header: readonly Cell[], row: readonly Cell[]) => SheetResult<R>;

/** Headers remembered per validator; a form has one header row, a batch a handful. */
const MAX_LAYOUTS = 256;

/**
 * A validator for many independent rows of one sheet (e.g. form submissions, each its own
 * header and row): `v(header, row)` gives exactly what
 * `validateRows(sheetName, [header, row], dictionary, options)` gives, but the dictionary is
 * built once and a header's layout (column map, coercers, header errors) once per distinct
 * header, not once per row. Rows never see each other (no uniqueness across rows, Penilaian's
 * latest-response rule applies to the one row). Header error objects are shared between the
 * results of rows with the same header: treat results as read-only.
 * Throws only when `sheetName` is not a contract sheet.
 */
export function rowValidator<S extends SheetName>(
  sheetName: S,
  dictionary?: readonly Competency[],
  options?: ValidateRowsOptions,
): RowValidator<SheetRecords[S]>;
export function rowValidator(
  sheetName: string,
  dictionary?: readonly Competency[],
  options?: ValidateRowsOptions,
): RowValidator<SheetRecords[SheetName]>;
export function rowValidator(
  sheetName: string,
  dictionary?: readonly Competency[],
  options: ValidateRowsOptions = {},
): RowValidator<unknown> {
  const name = contractSheet(sheetName);
  if (!name) throw new Error(`Lembar "${sheetName}" bukan lembar kontrak bangkom`);
  const dict: Dictionary =
    dictionary && dictionary.length > 0 ? makeDictionary(dictionary) : defaultDictionary;
  const ctx: SheetContext = { dictionary: dict, pegawaiNips: options.pegawaiNips };
  const parser = SHEET_PARSERS[name] as SheetParser<unknown>;
  const firstDataRow = options.firstDataRow ?? 2;
  const layouts = new Map<string, PreparedSheet<unknown>>();
  return (header, row) => {
    const raw: RawSheet = [header as Cell[], row as Cell[]];
    if (emptyOptional(parser.spec, raw)) return emptyResult(parser.spec.name);
    // header cells are text in practice; the type tag keeps 1 and "1" apart
    let key = '';
    for (const h of header)
      key += h instanceof Date ? `d:${h.getTime()}\u0000` : `${typeof h}:${String(h)}\u0000`;
    let prep = layouts.get(key);
    if (!prep) {
      if (layouts.size >= MAX_LAYOUTS) layouts.clear();
      prep = prepareSheet(parser, header, ctx);
      layouts.set(key, prep);
    }
    return runSheet(prep, raw, firstDataRow);
  };
}

/**
 * Records -> 2-D array with the spec's headers first (for writing sheets back), in spec header
 * order, then the repeating columns (competency codes, R1..Rn) in natural order. For
 * `Penilaian`, pass the dictionary to title competency columns `M.01 Integritas`. For
 * `Pengaturan`, pass settingsToEntries(settings). Blank optional cells are ''. NIPs are text:
 * write with valueInputOption RAW (or a text-formatted column) so Sheets keeps all 18 digits.
 */
export function toRows(
  spec: SheetSpec,
  records: readonly Record<string, unknown>[],
  dictionary: readonly Pick<Competency, 'kode' | 'nama'>[] = [],
): RawSheet {
  const name = contractSheet(spec.name);
  if (!name) throw new Error(`Lembar "${spec.name}" bukan lembar kontrak bangkom`);
  const parser = SHEET_PARSERS[name] as SheetParser<unknown>;
  const headers = spec.columns.map((c) => c.header);
  const fixed = new Set(headers);
  const cells = records.map((r) => parser.toCells(r));
  const extra = new Set<string>();
  for (const c of cells) for (const k of Object.keys(c)) if (!fixed.has(k)) extra.add(k);
  const collator = new Intl.Collator('id', { numeric: true });
  const extraKeys = [...extra].sort((a, b) => collator.compare(a, b));
  const nameOf = new Map(dictionary.map((d) => [d.kode, d.nama]));
  const title = (key: string): string => {
    if (name !== SHEET.penilaian) return key;
    const nama = nameOf.get(key);
    return nama === undefined ? key : `${key} ${nama}`;
  };
  const out: RawSheet = [[...headers, ...extraKeys.map(title)]];
  for (const c of cells) out.push([...headers, ...extraKeys].map((h) => c[h] ?? ''));
  return out;
}
