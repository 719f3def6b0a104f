/**
 * Working-day calendar of a fiscal year. The core never computes public holidays itself
 * (that needs date-holidays on Node): the adapter passes the holiday set in, already
 * corrected by the `Hari Libur` sheet (applyHolidayCorrections below).
 * Dates are ISO `YYYY-MM-DD`; arithmetic is done in UTC milliseconds, never local time.
 */
import type { HolidayEntry } from './types.js';

const DAY_MS = 86_400_000;

/** UTC milliseconds of an ISO date; throws on a malformed or impossible date. */
export function isoToUtc(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`Tanggal tidak valid: "${iso}" (format YYYY-MM-DD)`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new Error(`Tanggal tidak ada: "${iso}"`);
  }
  return ms;
}

export function utcToIso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(iso: string): number {
  return new Date(isoToUtc(iso)).getUTCDay();
}

export function addDays(iso: string, n: number): string {
  return utcToIso(isoToUtc(iso) + n * DAY_MS);
}

/** Month 1–12 of an ISO date. */
export function monthOf(iso: string): number {
  return Number(iso.slice(5, 7));
}

/** Every calendar day of the year, in order. */
export function daysOfYear(tahun: number): string[] {
  const out: string[] = [];
  const end = Date.UTC(tahun + 1, 0, 1);
  for (let ms = Date.UTC(tahun, 0, 1); ms < end; ms += DAY_MS) out.push(utcToIso(ms));
  return out;
}

/**
 * The holiday set after the `Hari Libur` corrections of the fiscal year: `libur = false`
 * removes a date the library lists (the decree moved it), `libur = true` adds one
 * (cuti bersama, or the decree's own date).
 */
export function applyHolidayCorrections(
  base: Iterable<string>,
  entries: readonly HolidayEntry[],
  tahun: number,
): Set<string> {
  const set = new Set<string>();
  for (const d of base) if (d.startsWith(`${tahun}-`)) set.add(d);
  const prefix = `${tahun}-`;
  for (const e of [...entries].sort((a, b) => a.row - b.row)) {
    if (!e.tanggal.startsWith(prefix)) continue;
    if (e.libur) set.add(e.tanggal);
    else set.delete(e.tanggal);
  }
  return set;
}

/** Working days (Monday–Friday, not a holiday) of the fiscal year, in order. */
export function workingDays(tahun: number, holidays: ReadonlySet<string>): string[] {
  return daysOfYear(tahun).filter((d) => {
    const w = dayOfWeek(d);
    return w !== 0 && w !== 6 && !holidays.has(d);
  });
}

/** Working days per month (index 1–12; index 0 unused). */
export function workingDaysPerMonth(days: readonly string[]): number[] {
  const per = new Array<number>(13).fill(0);
  for (const d of days) per[monthOf(d)] = (per[monthOf(d)] ?? 0) + 1;
  return per;
}
