/**
 * Shared pieces of the per-sheet parsers: the row builder each parser fills, the parser shape,
 * and the zod primitives of the record schemas.
 */
import { z } from 'zod';
import { isRealDate, normalizeHeader, type Parsed } from '../cells.js';
import type { RaterDirectory } from '../raters.js';
import { SHEET_SPECS, type SheetSpec } from '../sheet-specs.js';
import type { Cell, CellError, Competency } from '../types.js';

// ---------------------------------------------------------------------------------------------
// zod primitives (records as the parsers produce them; adapters validate Firestore documents
// and request bodies with these at the edge)

/** 1-based sheet row; 0 (also the default when a request body omits it): not from a sheet. */
export const rowSchema = z.number().int().min(0).default(0);
export const nipSchema = z.string().regex(/^\d{18}$/, 'NIP harus 18 digit angka');
export const textSchema = z.string().trim().min(1, 'wajib diisi');
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal harus YYYY-MM-DD')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number);
    return isRealDate(y ?? 0, m ?? 0, d ?? 0);
  }, 'Tanggal tidak ada di kalender');
export const isoTimestampSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/, 'Waktu harus YYYY-MM-DDTHH:MM:SS');
export const levelSchema = z.number().int().min(1).max(5);
/** A competency code: no spaces, commas, semicolons or brackets (lists and headers split on them). */
export const CODE_RE = /^[^\s,;[\]]+$/;
export const CODE_MESSAGE =
  'Kode tidak boleh kosong atau mengandung spasi, koma, titik koma, atau kurung siku';
export const codeSchema = z.string().regex(CODE_RE, CODE_MESSAGE);

// ---------------------------------------------------------------------------------------------
// Parser machinery

/** Competency dictionary with case-insensitive lookups. */
export interface Dictionary {
  entries: readonly Competency[];
  /** lower-case code -> entry */
  byCode: ReadonlyMap<string, Competency>;
  /** lower-case codes, longest first (header prefix matching) */
  codesLongestFirst: readonly string[];
}

export function makeDictionary(entries: readonly Competency[]): Dictionary {
  const byCode = new Map<string, Competency>();
  for (const e of entries) if (!byCode.has(e.kode.toLowerCase())) byCode.set(e.kode.toLowerCase(), e);
  const codesLongestFirst = [...byCode.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
  return { entries, byCode, codesLongestFirst };
}

/** What the parsers of one workbook share. */
export interface SheetContext {
  dictionary: Dictionary;
  /** NIPs written in `Pegawai` (valid or not); undefined when Pegawai is absent or unreadable: not checked */
  pegawaiNips: ReadonlySet<string> | undefined;
  /** who may rate whom (Pegawai and Pengaturan); undefined when Pegawai is unreadable: not checked */
  raters?: RaterDirectory;
}

/** One repeating column cell (competency, U/R answer) of the current row. */
export interface RepeatCell {
  key: string; // competency code or answer number
  header: string; // as written in the sheet
  cell: Cell;
}

/** A header that is not a fixed column: a repeating column (key), a mistake (error), or extra (undefined). */
export type RepeatMatch = { key: string } | { error: string } | undefined;

/** Shared "no errors yet" marker; error() swaps in a fresh array before the first push. */
const NO_ERRORS: CellError[] = [];

/**
 * The row being parsed: typed values of the fixed columns (absent when the cell is blank or
 * invalid), the raw cells, the repeating cells, and the errors found so far. One instance is
 * reused for every row of a sheet, and allocates little: 850,000 rows go through it.
 */
/** The leaders' summary's city-wide row (and its Firestore document): no OPD may take its name. */
export const LABEL_TOTAL = 'Seluruh OPD';

/**
 * An OPD name that is the city-wide row's (compared as headers are: spaces and case aside)
 * would overwrite the city's total in the summary; the row is quarantined with the reason.
 */
export function refuseTotalOpdName(r: RowBuilder, column: string, opd: string | undefined): void {
  if (opd !== undefined && normalizeHeader(opd) === normalizeHeader(LABEL_TOTAL)) {
    r.error(
      column,
      `"${LABEL_TOTAL}" adalah nama baris total seluruh OPD di ringkasan pimpinan; tulis nama OPD yang sebenarnya`,
    );
  }
}

export class RowBuilder {
  row = 0;
  values: Record<string, unknown> = {};
  /** the current row's raw cells (the sheet's own array, not copied) */
  cells: readonly Cell[] = [];
  /** repeating cells of the current row; the objects are reused row after row */
  repeating: readonly RepeatCell[] = [];
  errors: CellError[] = NO_ERRORS;
  private readonly pending: [Map<string, number>, string][] = [];
  private readonly scopes = new Map<string, Map<string, number>>();

  /** `columns`: contract header -> raw column index of this sheet's layout */
  constructor(
    readonly sheet: string,
    private readonly columns: ReadonlyMap<string, number> = new Map(),
  ) {}

  reset(row: number, cells: readonly Cell[]): void {
    this.row = row;
    // a fresh object per row keeps records from sharing state; it has one stable shape per sheet
    this.values = {};
    this.cells = cells;
    this.errors = NO_ERRORS;
    this.pending.length = 0;
  }

  /** The raw cell under a contract header (undefined when the column is absent). */
  raw(header: string): Cell {
    const j = this.columns.get(header);
    return j === undefined ? undefined : this.cells[j];
  }

  /** Records an error on `column`; the value defaults to the raw cell of that column. */
  error(column: string, message: string, value?: unknown): void {
    const v = value === undefined ? this.raw(column) : value;
    if (this.errors === NO_ERRORS) this.errors = [];
    this.errors.push({
      sheet: this.sheet,
      row: this.row,
      column,
      value: v === undefined ? null : v,
      message,
    });
  }

  get<T>(header: string): T | undefined {
    return this.values[header] as T | undefined;
  }

  /** Typed value of a text-like column (absent when blank or invalid). */
  str(header: string): string | undefined {
    return this.values[header] as string | undefined;
  }

  num(header: string): number | undefined {
    return this.values[header] as number | undefined;
  }

  /**
   * Uniqueness inside the sheet: the first valid row holding `key` stands, each later row is an
   * error. The key is claimed only if the current row ends valid.
   */
  unique(scope: string, key: string, column: string, what: string): void {
    let seen = this.scopes.get(scope);
    if (!seen) {
      seen = new Map();
      this.scopes.set(scope, seen);
    }
    const first = seen.get(key);
    if (first !== undefined) this.error(column, `${what} ganda: sudah ada di baris ${first}`);
    else this.pending.push([seen, key]);
  }

  /** Called by the engine when the row is valid. */
  commit(): void {
    for (const [seen, key] of this.pending) if (!seen.has(key)) seen.set(key, this.row);
  }
}

export type Coercer = (cell: Cell, header: string) => Parsed<unknown>;

/** A sheet's parser: the spec drives the generic cell coercion; build() makes the record. */
export interface SheetParser<R> {
  spec: SheetSpec;
  /** Recognises a repeating column header (competency code, `R3`, ...). */
  repeating?: (header: string, ctx: SheetContext) => RepeatMatch;
  /** Header error when the sheet has no repeating column at all. */
  noRepeatingMessage?: string;
  /** Per-column coercion overriding the kind's default (money, JP > 0, ...). */
  coerce?: Readonly<Record<string, Coercer>>;
  /** Returns the row function for one run (closures keep per-run state such as uniqueness). */
  start(ctx: SheetContext): (r: RowBuilder) => R | undefined;
  /** Whole-sheet pass over the valid records (Penilaian: the latest response wins). */
  finish?: (records: R[]) => R[];
  /** Record -> cells by header (repeating columns keyed by code / number), for toRows(). */
  toCells(record: R): Record<string, Cell>;
}

/** `{ key: value }` when value is defined, `{}` otherwise (exactOptionalPropertyTypes). */
export function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** Cell for an optional value when writing back. */
export function cellOf(v: string | number | boolean | undefined): Cell {
  return v === undefined ? '' : v;
}

/** The spec of a contract sheet (throws only on a programming error). */
export function specOf(name: string): SheetSpec {
  const spec = SHEET_SPECS.find((s) => s.name === name);
  if (!spec) throw new Error(`no sheet spec ${name}`);
  return spec;
}
