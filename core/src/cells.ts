/**
 * Cell coercion: one raw cell (as exceljs, CSV, Apps Script getValues() or the Sheets API
 * hands it over) -> a typed value, or an Indonesian message saying why not.
 *
 * Which text each kind accepts (explicit, so a value is never silently misread):
 * - integer: a number cell holding an integer, or text `12`, ` 12 `, `+12`, `12,0`/`12.0`.
 * - decimal (JP, Pre, Post, Skor Maks, Nilai): a number cell, or text with at most one decimal
 *   separator, `,` (Indonesian) or `.`: `12,5` = `12.5` = 12.5. No thousands separators here,
 *   so `1.500` is 1.5, never 1500.
 * - money (Biaya per Peserta, Pagu): a number cell, or text rupiah with an optional `Rp`/`Rp.`
 *   prefix: `1500000`, `1.500.000`, `Rp 1.500.000`, `1.500.000,50`, `1500000,50`. Dots are
 *   thousands separators (groups of exactly 3 digits), the comma is the decimal point; the
 *   English `1,500,000` is rejected because `1,500` would be ambiguous.
 * - date: a sheet serial number (days since 1899-12-30, as the Sheets API's SERIAL_NUMBER and
 *   Excel store dates; a fraction is a time of day and is dropped), a JS `Date` (read with UTC
 *   getters, see below), or text `YYYY-MM-DD` or `DD/MM/YYYY` (`D/M/YYYY`, `-` also accepted),
 *   optionally followed by a time which is dropped. Dates must exist (31/02 is rejected).
 * - timestamp: as date, keeping the time (`HH:MM[:SS]`, `HH.MM.SS` as the id-ID locale writes
 *   it); a date alone is midnight. Result `YYYY-MM-DDTHH:MM:SS`, local time of the sheet.
 *
 * Dates arriving as JS `Date` objects: exceljs builds them at UTC midnight (it converts the
 * stored serial as if it were UTC), so the core reads the UTC parts. Apps Script's getValues()
 * builds them in the script's time zone instead; the Apps Script adapter must therefore call
 * `dateToSerial(d, true)` on every Date cell before handing rows to the core (the core never
 * reads a time zone).
 */
import type { Cell, RawSheet } from './types.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (message: string): Parsed<never> => ({ ok: false, message });

/** Header/sheet-name key: case-insensitive, surrounding spaces ignored, inner runs collapsed. */
export function normalizeHeader(h: unknown): string {
  if (h === null || h === undefined) return '';
  return collapse(String(h).trim()).toLowerCase();
}

/** Whitespace other than single spaces (tested before replacing: most cells have none). */
const ODD_SPACE = /\s\s|[^\S ]/;
const collapse = (t: string): string => (ODD_SPACE.test(t) ? t.replace(/\s+/g, ' ') : t);

/** Empty cell: null, undefined, or text that is empty or only spaces. */
export function isBlankCell(c: Cell | unknown): boolean {
  if (c === null || c === undefined) return true;
  if (typeof c === 'string') return c.trim() === '';
  return false;
}

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic without Date (fast, zone-free). Days are counted from 1970-01-01.

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of daysFromCivil. */
export function civilFromDays(z: number): [number, number, number] {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return [m <= 2 ? era * 400 + yoe + 1 : era * 400 + yoe, m, d];
}

/** True when (y, m, d) is a real calendar date. */
export function isRealDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const dim = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
  return d <= dim;
}

/** Sheets/Excel serial day 0 = 1899-12-30. */
const SERIAL_EPOCH = daysFromCivil(1899, 12, 30);
/** Dates outside these years are taken as typing mistakes. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const pad4 = (n: number): string => String(n).padStart(4, '0');

function isoDate(y: number, m: number, d: number): string {
  return `${pad4(y)}-${pad2(m)}-${pad2(d)}`;
}

function isoTimestamp(y: number, m: number, d: number, h: number, mi: number, s: number): string {
  return `${isoDate(y, m, d)}T${pad2(h)}:${pad2(mi)}:${pad2(s)}`;
}

/** Sheet serial (days since 1899-12-30, fraction = time of day) -> parts, rounded to the second. */
function serialParts(serial: number): [number, number, number, number, number, number] {
  const totalSec = Math.round(serial * 86400);
  const days = Math.floor(totalSec / 86400);
  let sec = totalSec - days * 86400;
  const [y, m, d] = civilFromDays(days + SERIAL_EPOCH);
  const h = Math.floor(sec / 3600);
  sec -= h * 3600;
  const mi = Math.floor(sec / 60);
  return [y, m, d, h, mi, sec - mi * 60];
}

/** Sheet serial -> `YYYY-MM-DD` (the time of day is dropped). */
export function serialToIsoDate(serial: number): string {
  const [y, m, d] = civilFromDays(Math.floor(serial) + SERIAL_EPOCH);
  return isoDate(y, m, d);
}

/** Sheet serial -> `YYYY-MM-DDTHH:MM:SS`. */
export function serialToIsoTimestamp(serial: number): string {
  const [y, m, d, h, mi, s] = serialParts(serial);
  return isoTimestamp(y, m, d, h, mi, s);
}

/**
 * Sheet serial -> a Date whose UTC fields hold the sheet's wall-clock time (exceljs' convention,
 * and how the Sheets API's SERIAL_NUMBER is read), rounded to the second. Excel's 1904 date
 * system: add 1462 first.
 */
export function serialToDate(serial: number): Date {
  return new Date(Math.round((serial + SERIAL_EPOCH) * 86400) * 1000);
}

/** `YYYY-MM-DD` (or a timestamp, whose time counts) -> sheet serial. */
export function isoToSerial(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2}))?$/.exec(iso);
  if (!m) return Number.NaN;
  const days = daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3])) - SERIAL_EPOCH;
  const secs = m[4] === undefined ? 0 : Number(m[4]) * 3600 + Number(m[5]) * 60 + Number(m[6]);
  return days + secs / 86400;
}

/**
 * A JS Date -> sheet serial. `useLocal` reads the Date in the runtime's time zone: Apps Script
 * must pass `true` (getValues() builds dates in the script's zone, set to the spreadsheet's,
 * Asia/Jakarta); exceljs dates are UTC, so Node passes `false`.
 */
export function dateToSerial(d: Date, useLocal: boolean): number {
  const t = d.getTime();
  if (Number.isNaN(t)) return Number.NaN;
  const parts = useLocal
    ? [
        d.getFullYear(),
        d.getMonth() + 1,
        d.getDate(),
        d.getHours(),
        d.getMinutes(),
        d.getSeconds(),
        d.getMilliseconds(),
      ]
    : [
        d.getUTCFullYear(),
        d.getUTCMonth() + 1,
        d.getUTCDate(),
        d.getUTCHours(),
        d.getUTCMinutes(),
        d.getUTCSeconds(),
        d.getUTCMilliseconds(),
      ];
  const [y = 0, m = 1, day = 1, h = 0, mi = 0, s = 0, ms = 0] = parts;
  return daysFromCivil(y, m, day) - SERIAL_EPOCH + (h * 3600 + mi * 60 + s + ms / 1000) / 86400;
}

/**
 * Replaces every Date cell of a sheet by its serial number. The Apps Script adapter calls
 * `datesToSerials(range.getValues(), true)` so that dates are read in the spreadsheet's zone.
 */
export function datesToSerials(sheet: RawSheet, useLocal: boolean): RawSheet {
  return sheet.map((row) =>
    row.some((c) => c instanceof Date)
      ? row.map((c) => (c instanceof Date ? dateToSerial(c, useLocal) : c))
      : row,
  );
}

const DATE_HELP = 'gunakan YYYY-MM-DD atau DD/MM/YYYY';
const TIMESTAMP_HELP = 'gunakan YYYY-MM-DD HH:MM:SS atau DD/MM/YYYY HH:MM:SS';

const YMD = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
const DMY = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})(?:,?\s+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?$/;

type Stamp = [number, number, number, number, number, number];

function parseStamp(cell: Cell, label: string, help: string): Parsed<Stamp> {
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return fail(`${label} tidak valid: ${help}`);
    const p = serialParts(cell);
    // a serial far outside any calendar (±1e303) gives NaN parts: outside the range too
    if (!(p[0] >= MIN_YEAR && p[0] <= MAX_YEAR))
      return fail(`${label} di luar rentang tahun ${MIN_YEAR}–${MAX_YEAR}`);
    return ok(p);
  }
  if (cell instanceof Date) {
    const serial = dateToSerial(cell, false);
    if (Number.isNaN(serial)) return fail(`${label} tidak valid: ${help}`);
    return parseStamp(serial, label, help);
  }
  if (typeof cell !== 'string') return fail(`${label} tidak valid: ${help}`);
  const text = cell.trim();
  let y: number;
  let mo: number;
  let d: number;
  let h = 0;
  let mi = 0;
  let s = 0;
  let m = YMD.exec(text);
  if (m) {
    y = Number(m[1]);
    mo = Number(m[2]);
    d = Number(m[3]);
  } else {
    m = DMY.exec(text);
    if (!m) return fail(`${label} tidak valid: ${help}`);
    d = Number(m[1]);
    mo = Number(m[2]);
    y = Number(m[3]);
  }
  if (m[4] !== undefined) {
    h = Number(m[4]);
    mi = Number(m[5]);
    s = m[6] === undefined ? 0 : Number(m[6]);
    if (h > 23 || mi > 59 || s > 59) return fail(`${label} tidak valid: jam "${text}" tidak ada`);
  }
  if (!isRealDate(y, mo, d)) return fail(`${label} tidak valid: tanggal "${text}" tidak ada di kalender`);
  if (y < MIN_YEAR || y > MAX_YEAR) return fail(`${label} di luar rentang tahun ${MIN_YEAR}–${MAX_YEAR}`);
  return ok([y, mo, d, h, mi, s]);
}

/** Date cell -> `YYYY-MM-DD`. The message names the value as "Tanggal". */
export function parseDateCell(cell: Cell, label = 'Tanggal'): Parsed<string> {
  const r = parseStamp(cell, label, DATE_HELP);
  return r.ok ? ok(isoDate(r.value[0], r.value[1], r.value[2])) : r;
}

/** Timestamp cell -> `YYYY-MM-DDTHH:MM:SS` (local time of the sheet). */
export function parseTimestampCell(cell: Cell, label = 'Waktu'): Parsed<string> {
  const r = parseStamp(cell, label, TIMESTAMP_HELP);
  return r.ok ? ok(isoTimestamp(...r.value)) : r;
}

// ---------------------------------------------------------------------------------------------
// Numbers

const DECIMAL = /^[+-]?\d+(?:[.,]\d+)?$/;
const MONEY_ID = /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;
const MONEY_PLAIN = /^\d+(?:,\d+)?$/;

/** Decimal text or number -> number (see the header comment for the accepted text). */
export function parseDecimal(cell: Cell, opts: { percent?: boolean } = {}): number | undefined {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : undefined;
  if (typeof cell !== 'string') return undefined;
  let text = cell.trim();
  let scale = 1;
  if (opts.percent && text.endsWith('%')) {
    text = text.slice(0, -1).trim();
    scale = 0.01;
  }
  if (!DECIMAL.test(text)) return undefined;
  return Number(text.replace(',', '.')) * scale;
}

/** Rupiah text or number -> number (see the header comment for the accepted text). */
export function parseMoney(cell: Cell): number | undefined {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : undefined;
  if (typeof cell !== 'string') return undefined;
  const text = cell
    .trim()
    .replace(/^rp\.?\s*/i, '')
    .trim();
  if (MONEY_ID.test(text)) return Number(text.replace(/\./g, '').replace(',', '.'));
  if (MONEY_PLAIN.test(text)) return Number(text.replace(',', '.'));
  return undefined;
}

function rangeText(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return ` ${min}–${max}`;
  if (min !== undefined) return ` ≥ ${min}`;
  if (max !== undefined) return ` ≤ ${max}`;
  return '';
}

/** Integer cell within [min, max]: "Level Standar harus bilangan bulat 1–5". */
export function parseIntegerCell(cell: Cell, label: string, min?: number, max?: number): Parsed<number> {
  const n = typeof cell === 'number' ? cell : parseDecimal(cell);
  if (
    n === undefined ||
    !Number.isSafeInteger(n) ||
    (min !== undefined && n < min) ||
    (max !== undefined && n > max)
  ) {
    return fail(`${label} harus bilangan bulat${rangeText(min, max)}`);
  }
  return ok(n);
}

/**
 * Rating cell of a form (Penilaian competency columns, SKM U1..U9, Evaluasi Reaksi R1..Rn):
 * an integer, or a Google Forms choice label that starts with one ("3 - Mampu", "4. Sangat baik").
 */
export function parseRatingCell(cell: Cell, label: string, min: number, max: number): Parsed<number> {
  if (typeof cell === 'string') {
    const m = /^\s*(\d+)\s*(?:[-–—:.)]\s*\S.*)?$/.exec(cell);
    if (m) return parseIntegerCell(m[1], label, min, max);
  }
  return parseIntegerCell(cell, label, min, max);
}

/** Decimal cell within [min, max]. */
export function parseNumberCell(cell: Cell, label: string, min?: number, max?: number): Parsed<number> {
  const n = parseDecimal(cell);
  if (n === undefined || (min !== undefined && n < min) || (max !== undefined && n > max)) {
    return fail(`${label} harus angka${rangeText(min, max)} (desimal dengan koma atau titik, mis. 12,5)`);
  }
  return ok(n);
}

/** Rupiah cell ≥ 0. */
export function parseMoneyCell(cell: Cell, label: string): Parsed<number> {
  const n = parseMoney(cell);
  if (n === undefined || n < 0)
    return fail(`${label} harus angka rupiah ≥ 0, mis. 1500000 atau Rp 1.500.000`);
  return ok(n);
}

// ---------------------------------------------------------------------------------------------
// Text, NIP, enums, lists

/** Text cell: trimmed, inner runs of spaces collapsed; numbers and dates written out. */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return collapse(cell.trim());
  if (cell instanceof Date) {
    const serial = dateToSerial(cell, false);
    return Number.isNaN(serial) ? '' : serialToIsoDate(serial);
  }
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  return String(cell);
}

/**
 * NIP cell -> 18-digit text. Spaces and a leading apostrophe (the "keep as text" marker) are
 * stripped. A NIP read as a number has lost its last digits (a double holds ~15–17 significant
 * digits; Sheets and Excel keep 15) unless the number prints back exactly, so it is rejected
 * with a hint to format the column as text.
 */
export function parseNipCell(cell: Cell, label = 'NIP'): Parsed<string> {
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell >= 1e17 && cell < 1e18) {
      const shown = String(cell);
      if (/^\d{18}$/.test(shown) && BigInt(cell).toString() === shown) return ok(shown);
    }
    if (Number.isFinite(cell) && Math.abs(cell) >= 1e15) return fail(precisionMessage(label));
    return fail(`${label} harus 18 digit angka`);
  }
  if (typeof cell !== 'string') return fail(`${label} harus 18 digit angka`);
  if (NIP_RE.test(cell)) return ok(cell);
  const text = cell.replace(/\s+/g, '').replace(/^'/, '');
  if (/^\d{18}$/.test(text)) return ok(text);
  if (/^\d(?:[.,]\d+)?e\+?\d+$/i.test(text)) return fail(precisionMessage(label));
  return fail(`${label} harus 18 digit angka`);
}

const NIP_RE = /^\d{18}$/;

function precisionMessage(label: string): string {
  return `${label} terbaca sebagai angka sehingga digit terakhirnya hilang; format kolom ${label} sebagai teks (Format > Angka > Teks biasa) lalu ketik ulang NIP`;
}

/** Case- and space-insensitive lookup table for an enum column: key -> canonical value. */
export function enumTable(
  values: readonly string[],
  extra: Record<string, string> = {},
): Map<string, string> {
  const table = new Map<string, string>();
  // canonical spellings too: the common cell is found without normalising it
  for (const v of values) table.set(v, v);
  for (const v of values) table.set(normalizeHeader(v), v);
  for (const [k, v] of Object.entries(extra)) table.set(normalizeHeader(k), v);
  return table;
}

export function parseEnumCell(
  cell: Cell,
  table: ReadonlyMap<string, string>,
  message: string,
): Parsed<string> {
  const hit =
    (typeof cell === 'string' ? table.get(cell) : undefined) ?? table.get(normalizeHeader(cellText(cell)));
  return hit === undefined ? fail(message) : ok(hit);
}

/** Comma- (or semicolon-) separated list; a Google Forms checkbox answer is `a, b, c`. */
export function splitList(cell: Cell): string[] {
  const text = cellText(cell);
  if (text === '') return [];
  return text
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

const BOOLEANS = enumTable([], {
  ya: 'true',
  y: 'true',
  true: 'true',
  benar: 'true',
  '1': 'true',
  tidak: 'false',
  t: 'false',
  false: 'false',
  salah: 'false',
  '0': 'false',
});

export function parseBooleanCell(cell: Cell, label: string): Parsed<boolean> {
  if (typeof cell === 'boolean') return ok(cell);
  const hit = BOOLEANS.get(normalizeHeader(cellText(cell)));
  return hit === undefined ? fail(`${label} harus Ya atau Tidak`) : ok(hit === 'true');
}

/** Month names as Indonesian users write them, January first. */
export const NAMA_BULAN = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const;

const MONTHS: Record<string, number> = {
  januari: 1,
  jan: 1,
  februari: 2,
  feb: 2,
  pebruari: 2,
  maret: 3,
  mar: 3,
  april: 4,
  apr: 4,
  mei: 5,
  juni: 6,
  jun: 6,
  juli: 7,
  jul: 7,
  agustus: 8,
  agu: 8,
  agt: 8,
  ags: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  okt: 10,
  november: 11,
  nov: 11,
  nop: 11,
  desember: 12,
  des: 12,
};

/** A month as `1`–`12` or an Indonesian month name (`Maret`, `Agt`). */
export function parseMonth(text: string): number | undefined {
  const t = text.trim().toLowerCase();
  if (/^\d{1,2}$/.test(t)) {
    const n = Number(t);
    return n >= 1 && n <= 12 ? n : undefined;
  }
  return MONTHS[t];
}
