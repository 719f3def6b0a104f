/**
 * In-memory SpreadsheetApp that behaves like the real one where it matters: getValues()
 * gives numbers, booleans and Date objects (blank = ''), setValues() throws when the array's
 * size differs from the range's and parses numeric text into numbers (an 18-digit NIP loses
 * digits unless written as text with a leading apostrophe), getRange() outside the sheet throws.
 * Text that Sheets would parse as a formula (`=…`, or `+`/`-` followed by something other
 * than a number) is recorded in `formulas` (getFormulas() gives it back); the fake cannot
 * evaluate it, so the cell's value is the formula text. A leading apostrophe keeps any text
 * text, and is not part of the stored value, as in Sheets.
 */
import { FakeBlob } from './blob';
import { type CallLog, tracked } from './log';

export type DateCtor = DateConstructor;

export const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/**
 * What Sheets makes of typed text (USER_ENTERED, as setValues writes): numbers, percentages,
 * TRUE/FALSE, amounts with a currency sign, times and date-like text (also with a month name,
 * English or Indonesian) become numbers, booleans and dates. undefined: stays text.
 * Dates are read day first (the id_ID locale), at midnight in Asia/Jakarta; a time alone is a
 * Date on Sheets' day zero, 30 December 1899.
 */
export function sheetsConversion(text: string, DateCtor: DateCtor = Date): unknown {
  const t = text.trim();
  if (/^[+-]?\d+(\.\d+)?$/.test(t)) return Number(t);
  const pct = /^([+-]?\d+(?:\.\d+)?)\s*%$/.exec(t);
  if (pct) return Number(pct[1]) / 100;
  if (/^true$/i.test(t)) return true;
  if (/^false$/i.test(t)) return false;
  // Rp 1.000 (id_ID: dot for thousands, comma for decimals), $5
  const rp = /^rp\.?\s*(\d{1,3}(?:\.\d{3})*|\d+)(?:,(\d+))?$/i.exec(t);
  if (rp) return Number(`${rp[1]?.replace(/\./g, '')}.${rp[2] ?? '0'}`);
  const foreign = /^[$€£]\s*(\d{1,3}(?:,\d{3})*|\d+)(?:\.(\d+))?$/.exec(t);
  if (foreign) return Number(`${foreign[1]?.replace(/,/g, '')}.${foreign[2] ?? '0'}`);
  const time = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (time && Number(time[1]) < 24 && Number(time[2]) < 60)
    return new DateCtor(Date.UTC(1899, 11, 30, Number(time[1]) - 7, Number(time[2]), Number(time[3] ?? 0)));
  const day = (y: number, m: number, d: number) =>
    m >= 1 && m <= 12 && d >= 1 && d <= 31 ? new DateCtor(Date.UTC(y, m - 1, d, -7)) : undefined;
  const year = (y: string | undefined) =>
    y === undefined ? 2026 : y.length === 2 ? 2000 + Number(y) : Number(y);
  // 1 Jan 2026, 1-Januari-26, 1 Agustus; Jan 1, 2026
  const named = /^(\d{1,2})[\s\-/.]+([A-Za-z]{3,})\.?(?:[\s\-/.,]+(\d{2}|\d{4}))?$/.exec(t);
  if (named) {
    const m = monthOf(named[2] ?? '');
    if (m) return day(year(named[3]), m, Number(named[1]));
  }
  const us = /^([A-Za-z]{3,})\.?\s+(\d{1,2}),?(?:\s+(\d{4}))?$/.exec(t);
  if (us) {
    const m = monthOf(us[1] ?? '');
    if (m) return day(year(us[3]), m, Number(us[2]));
  }
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (iso) return day(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dmy = /^(\d{1,2})[/-](\d{1,2})(?:[/-](\d{2}|\d{4}))?$/.exec(t);
  if (dmy) {
    return day(year(dmy[3]), Number(dmy[2]), Number(dmy[1]));
  }
  return undefined;
}

/** Month names Sheets reads in an id_ID spreadsheet: Indonesian and English, full or abbreviated. */
const MONTHS: readonly (readonly string[])[] = [
  ['januari', 'january'],
  ['februari', 'february', 'pebruari'],
  ['maret', 'march'],
  ['april'],
  ['mei', 'may'],
  ['juni', 'june'],
  ['juli', 'july'],
  ['agustus', 'august', 'agu', 'agt'],
  ['september', 'sept'],
  ['oktober', 'october', 'okt'],
  ['november', 'nop'],
  ['desember', 'december', 'des'],
];

/** 1-12 for a month name or its first three letters (`Jan`, `Agustus`, `Okt`), else 0. */
function monthOf(word: string): number {
  const w = word.toLowerCase();
  const i = MONTHS.findIndex((names) => names.some((n) => n === w || (w.length === 3 && n.startsWith(w))));
  return i + 1;
}

/** Sheets holds at most 50,000 characters in one cell. */
export const CELL_CHARACTERS = 50_000;

export interface Rule {
  values: string[];
  showDropdown: boolean;
  allowInvalid: boolean;
  helpText: string;
}

export class FakeRange {
  constructor(
    readonly sheet: FakeSheet,
    readonly row: number,
    readonly col: number,
    readonly numRows: number,
    readonly numCols: number,
  ) {}

  private each<T>(f: (r: number, c: number) => T): T[][] {
    return Array.from({ length: this.numRows }, (_, i) =>
      Array.from({ length: this.numCols }, (_, j) => f(this.row + i, this.col + j)),
    );
  }

  private check(values: unknown[][], what: string): void {
    if (!Array.isArray(values) || values.length !== this.numRows) {
      throw new Error(
        `The number of rows in the ${what} does not match the number of rows in the range. The ${what} has ${values?.length} but the range has ${this.numRows}.`,
      );
    }
    for (const line of values) {
      if (!Array.isArray(line) || line.length !== this.numCols) {
        throw new Error(
          `The number of columns in the ${what} does not match the number of columns in the range. The ${what} has ${line?.length} but the range has ${this.numCols}.`,
        );
      }
    }
  }

  getRow(): number {
    return this.row;
  }
  getColumn(): number {
    return this.col;
  }
  getNumRows(): number {
    return this.numRows;
  }
  getNumColumns(): number {
    return this.numCols;
  }
  getSheet(): FakeSheet {
    return this.sheet.self;
  }
  getValues(): unknown[][] {
    return this.each((r, c) => this.sheet.read(r, c));
  }
  getValue(): unknown {
    return this.sheet.read(this.row, this.col);
  }
  getFormulas(): string[][] {
    return this.each((r, c) => this.sheet.formulas.get(`${r}:${c}`) ?? '');
  }
  getFormula(): string {
    return this.sheet.formulas.get(`${this.row}:${this.col}`) ?? '';
  }
  setValues(values: unknown[][]): FakeRange {
    this.check(values, 'data');
    values.forEach((line, i) => {
      line.forEach((v, j) => {
        this.sheet.write(this.row + i, this.col + j, v);
      });
    });
    return this;
  }
  setValue(value: unknown): FakeRange {
    for (let i = 0; i < this.numRows; i++)
      for (let j = 0; j < this.numCols; j++) this.sheet.write(this.row + i, this.col + j, value);
    return this;
  }
  clearContent(): FakeRange {
    return this.setValue('');
  }
  getNotes(): string[][] {
    return this.each((r, c) => this.sheet.notes.get(`${r}:${c}`) ?? '');
  }
  setNotes(notes: string[][]): FakeRange {
    this.check(notes, 'notes');
    notes.forEach((line, i) => {
      line.forEach((n, j) => {
        const key = `${this.row + i}:${this.col + j}`;
        if (n) this.sheet.notes.set(key, String(n));
        else this.sheet.notes.delete(key);
      });
    });
    return this;
  }
  setNote(note: string): FakeRange {
    return this.setNotes(this.each(() => note));
  }
  getBackgrounds(): string[][] {
    return this.each((r, c) => this.sheet.backgrounds.get(`${r}:${c}`) ?? '#ffffff');
  }
  setBackgrounds(colours: (string | null)[][]): FakeRange {
    this.check(colours, 'backgrounds');
    colours.forEach((line, i) => {
      line.forEach((colour, j) => {
        const key = `${this.row + i}:${this.col + j}`;
        if (colour && colour.toLowerCase() !== '#ffffff')
          this.sheet.backgrounds.set(key, colour.toLowerCase());
        else this.sheet.backgrounds.delete(key);
      });
    });
    return this;
  }
  setBackground(colour: string | null): FakeRange {
    return this.setBackgrounds(this.each(() => colour));
  }
  setFontWeight(weight: string): FakeRange {
    this.sheet.fontWeights.set(`${this.row}:${this.col}:${this.numCols}`, weight);
    return this;
  }
  setDataValidation(rule: Rule | null): FakeRange {
    for (let j = 0; j < this.numCols; j++) {
      if (rule) this.sheet.validations.set(this.col + j, { rule, fromRow: this.row, rows: this.numRows });
      else this.sheet.validations.delete(this.col + j);
    }
    return this;
  }
  protect(): FakeProtection {
    const p = new FakeProtection(this);
    this.sheet.protections.push(p);
    return p;
  }
}

export class FakeProtection {
  description = '';
  warningOnly = false;
  constructor(readonly range: FakeRange) {}
  setDescription(d: string): FakeProtection {
    this.description = d;
    return this;
  }
  getDescription(): string {
    return this.description;
  }
  setWarningOnly(w: boolean): FakeProtection {
    this.warningOnly = w;
    return this;
  }
  isWarningOnly(): boolean {
    return this.warningOnly;
  }
}

export class FakeSheet {
  /** row -> col -> stored value (1-based) */
  private readonly cells = new Map<number, Map<number, unknown>>();
  readonly notes = new Map<string, string>();
  /** "row:col" -> formula text, for every cell a written value turned into a formula */
  readonly formulas = new Map<string, string>();
  readonly backgrounds = new Map<string, string>();
  readonly fontWeights = new Map<string, string>();
  readonly validations = new Map<number, { rule: Rule; fromRow: number; rows: number }>();
  readonly protections: FakeProtection[] = [];
  frozenRows = 0;
  maxRows = 1000;
  maxCols = 26;
  formUrl: string | null = null;
  /** the tracked wrapper handed to code under test */
  self: FakeSheet = this;

  constructor(
    public name: string,
    private readonly world: { Date: DateCtor; log: CallLog },
  ) {}

  // ---- helpers for tests (not Apps Script API; called on the raw object) ----
  read(r: number, c: number): unknown {
    const v = this.cells.get(r)?.get(c);
    if (v === undefined) return '';
    return isDate(v) ? new this.world.Date(v.getTime()) : v;
  }
  /**
   * Sheets' parsing of written values: numeric text becomes a number, formula-looking text
   * becomes a formula (recorded in `formulas`), "'x" stays text and is stored as "x".
   */
  write(r: number, c: number, v: unknown): void {
    let stored: unknown = v;
    const key = `${r}:${c}`;
    this.formulas.delete(key);
    if (v === null || v === undefined) stored = '';
    else if (isDate(v)) stored = new Date(v.getTime());
    else if (typeof v === 'string') {
      if (v.length > CELL_CHARACTERS)
        throw new Error(
          `Exception: Your input contains more than the maximum of ${CELL_CHARACTERS} characters in a single cell.`,
        );
      const converted = v.startsWith("'") ? undefined : sheetsConversion(v, this.world.Date);
      if (v.startsWith("'")) stored = v.slice(1);
      else if (converted !== undefined) stored = converted;
      else if (/^=./s.test(v) || /^[+-]./s.test(v)) this.formulas.set(key, v.startsWith('=') ? v : `=${v}`);
    } else if (typeof v === 'object') stored = String(v);
    let line = this.cells.get(r);
    if (!line) {
      line = new Map();
      this.cells.set(r, line);
    }
    if (stored === '') line.delete(c);
    else line.set(c, stored);
  }
  /** Raw 2-D contents from row 1, trimmed to the data. */
  dump(): unknown[][] {
    const rows = this.lastRow();
    const cols = this.lastCol();
    return Array.from({ length: rows }, (_, i) =>
      Array.from({ length: cols }, (_, j) => this.read(i + 1, j + 1)),
    );
  }
  /** Fills rows starting at row 1 (raw, no parsing). */
  load(values: unknown[][]): FakeSheet {
    values.forEach((line, i) => {
      line.forEach((v, j) => {
        const row = this.cells.get(i + 1) ?? new Map<number, unknown>();
        this.cells.set(i + 1, row);
        if (v !== '' && v !== null && v !== undefined) row.set(j + 1, v);
      });
    });
    this.maxRows = Math.max(this.maxRows, values.length);
    this.maxCols = Math.max(this.maxCols, ...values.map((l) => l.length));
    return this;
  }
  /** test helper: whether the cell holds a formula */
  isFormula(r: number, c: number): boolean {
    return this.formulas.has(`${r}:${c}`);
  }
  lastRow(): number {
    let last = 0;
    for (const [r, line] of this.cells) if (line.size > 0 && r > last) last = r;
    return last;
  }
  lastCol(): number {
    let last = 0;
    for (const line of this.cells.values()) for (const c of line.keys()) if (c > last) last = c;
    return last;
  }

  // ---- Apps Script API ----
  getName(): string {
    return this.name;
  }
  setName(name: string): FakeSheet {
    this.name = name;
    return this;
  }
  getLastRow(): number {
    return this.lastRow();
  }
  getLastColumn(): number {
    return this.lastCol();
  }
  getMaxRows(): number {
    return this.maxRows;
  }
  getMaxColumns(): number {
    return this.maxCols;
  }
  insertRowsAfter(_after: number, n: number): FakeSheet {
    this.maxRows += n;
    return this;
  }
  insertColumnsAfter(_after: number, n: number): FakeSheet {
    this.maxCols += n;
    return this;
  }
  getDataRange(): FakeRange {
    return this.range(1, 1, Math.max(this.lastRow(), 1), Math.max(this.lastCol(), 1));
  }
  getRange(row: number, col: number, numRows = 1, numCols = 1): FakeRange {
    return this.range(row, col, numRows, numCols);
  }
  private range(row: number, col: number, numRows: number, numCols: number): FakeRange {
    if (
      ![row, col, numRows, numCols].every((n) => Number.isInteger(n)) ||
      row < 1 ||
      col < 1 ||
      numRows < 1 ||
      numCols < 1
    ) {
      throw new Error(
        `Exception: The parameters (${row},${col},${numRows},${numCols}) don't match the method signature.`,
      );
    }
    if (row + numRows - 1 > this.maxRows || col + numCols - 1 > this.maxCols) {
      throw new Error('Exception: The coordinates of the range are outside the dimensions of the sheet.');
    }
    const r = new FakeRange(this, row, col, numRows, numCols);
    return tracked(r, () => `Range:${this.name}`, this.world.log);
  }
  setFrozenRows(n: number): void {
    this.frozenRows = n;
  }
  /** over-grid images, in insertion order (removed ones leave) */
  readonly images: FakeOverGridImage[] = [];
  readonly rowHeights = new Map<number, number>();
  readonly columnWidths = new Map<number, number>();
  /** Sheet.insertImage(blob, column, row): PNG, JPEG or GIF of at most 2 MB, anchored inside the sheet */
  insertImage(blob: FakeBlob, column: number, row: number): FakeOverGridImage {
    if (!(blob instanceof FakeBlob)) throw new Error('Exception: Invalid argument: blobSource');
    if (!['image/png', 'image/jpeg', 'image/gif'].includes(blob.getContentType() ?? ''))
      throw new Error('Exception: The image could not be inserted: unsupported image type.');
    if (blob.getBytes().length > 2 * 1024 * 1024)
      throw new Error('Exception: The image could not be inserted: image too large.');
    if (
      !(Number.isInteger(row) && Number.isInteger(column) && row >= 1 && column >= 1) ||
      row > this.maxRows ||
      column > this.maxCols
    )
      throw new Error('Exception: The coordinates of the range are outside the dimensions of the sheet.');
    const image = new FakeOverGridImage(this, blob, row, column);
    this.images.push(image);
    return image;
  }
  getImages(): FakeOverGridImage[] {
    return this.images.slice();
  }
  setRowHeight(row: number, height: number): FakeSheet {
    if (!(row >= 1 && row <= this.maxRows)) throw new Error('Exception: Those rows are out of bounds.');
    this.rowHeights.set(row, height);
    return this;
  }
  setColumnWidth(column: number, width: number): FakeSheet {
    if (!(column >= 1 && column <= this.maxCols))
      throw new Error('Exception: Those columns are out of bounds.');
    this.columnWidths.set(column, width);
    return this;
  }
  getFrozenRows(): number {
    return this.frozenRows;
  }
  getProtections(_type: string): FakeProtection[] {
    return this.protections.slice();
  }
  clearContents(): FakeSheet {
    this.cells.clear();
    this.formulas.clear();
    return this;
  }
  getFormUrl(): string | null {
    return this.formUrl;
  }
}

export class FakeMenu {
  readonly items: ({ label: string; fn: string } | 'separator')[] = [];
  constructor(
    readonly title: string,
    private readonly ui: FakeUi,
  ) {}
  addItem(label: string, fn: string): FakeMenu {
    this.items.push({ label, fn });
    return this;
  }
  addSeparator(): FakeMenu {
    this.items.push('separator');
    return this;
  }
  addToUi(): void {
    this.ui.menus.push(this);
  }
}

export class FakeUi {
  readonly menus: FakeMenu[] = [];
  readonly alerts: string[] = [];
  /** false inside triggers, where getUi() throws */
  available = true;
  createMenu(title: string): FakeMenu {
    return new FakeMenu(title, this);
  }
  readonly ButtonSet = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' };
  readonly Button = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' };
  /** what the user clicks in the next dialogs that ask (alert with buttons), in order */
  readonly answers: string[] = [];
  /** alert(message) or alert(title, prompt, buttons), as Ui.alert */
  alert(...args: string[]): string {
    if (args.length >= 3) {
      this.alerts.push(`${args[0]}\n${args[1]}`);
      return this.answers.shift() ?? 'CLOSE';
    }
    this.alerts.push(args[0] ?? '');
    return 'OK';
  }
}

export class FakeSpreadsheet {
  readonly sheets: FakeSheet[] = [];
  readonly toasts: string[] = [];
  timeZone = 'Asia/Jakarta';
  constructor(
    readonly id: string,
    private readonly world: { Date: DateCtor; log: CallLog },
  ) {}

  /** test helper: the raw sheet (no call logging) */
  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }
  /** test helper: adds a sheet with rows; names are unique, as in Sheets */
  addSheet(name: string, values: unknown[][] = []): FakeSheet {
    if (this.sheet(name)) throw new Error(`fake: a sheet named "${name}" exists already`);
    const s = new FakeSheet(name, this.world);
    s.self = tracked(s, () => `Sheet:${s.name}`, this.world.log);
    s.load(values);
    this.sheets.push(s);
    return s;
  }

  getId(): string {
    return this.id;
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }
  getSpreadsheetTimeZone(): string {
    return this.timeZone;
  }
  getSheets(): FakeSheet[] {
    return this.sheets.map((s) => s.self);
  }
  getSheetByName(name: string): FakeSheet | null {
    return this.sheet(name)?.self ?? null;
  }
  insertSheet(name: string): FakeSheet {
    if (this.sheet(name)) throw new Error(`Exception: A sheet with the name "${name}" already exists.`);
    return this.addSheet(name).self;
  }
  toast(message: string): void {
    this.toasts.push(message);
  }
}

class FakeValidationBuilder {
  private readonly rule: Rule = { values: [], showDropdown: true, allowInvalid: true, helpText: '' };
  requireValueInList(values: string[], showDropdown = true): FakeValidationBuilder {
    this.rule.values = values.slice();
    this.rule.showDropdown = showDropdown;
    return this;
  }
  setAllowInvalid(allow: boolean): FakeValidationBuilder {
    this.rule.allowInvalid = allow;
    return this;
  }
  setHelpText(text: string): FakeValidationBuilder {
    this.rule.helpText = text;
    return this;
  }
  build(): Rule {
    return { ...this.rule };
  }
}

export function makeSpreadsheetApp(ss: FakeSpreadsheet, ui: FakeUi, log: CallLog) {
  const app = {
    ProtectionType: { RANGE: 'RANGE', SHEET: 'SHEET' },
    getActive: () => tracked(ss, () => 'Spreadsheet', log),
    getActiveSpreadsheet: () => tracked(ss, () => 'Spreadsheet', log),
    getUi: () => {
      if (!ui.available) throw new Error('Exception: Cannot call SpreadsheetApp.getUi() from this context.');
      return ui;
    },
    newDataValidation: () => new FakeValidationBuilder(),
    flush: () => undefined,
  };
  return tracked(app, () => 'SpreadsheetApp', log);
}

/** An image placed over the grid by Sheet.insertImage. */
export class FakeOverGridImage {
  altTitle = '';
  constructor(
    private readonly sheet: FakeSheet,
    readonly blob: FakeBlob,
    readonly row: number,
    readonly column: number,
  ) {}
  setAltTextTitle(title: string): FakeOverGridImage {
    this.altTitle = title;
    return this;
  }
  getAltTextTitle(): string {
    return this.altTitle;
  }
  remove(): void {
    const at = this.sheet.images.indexOf(this);
    if (at < 0) throw new Error('Exception: The image has been removed.');
    this.sheet.images.splice(at, 1);
  }
}
