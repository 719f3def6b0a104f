/** Date helpers of the sample generator: UTC dates, working days, Google Forms timestamps. */
import type { Rng } from './prng.js';

export const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
export const utc = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));
export const daysIn = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
export const DAY = 86_400_000;

export function weekdayBetween(rng: Rng, from: Date, to: Date): Date {
  const span = Math.max(0, Math.round((to.getTime() - from.getTime()) / DAY));
  let d = new Date(from.getTime() + rng.int(0, span) * DAY);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d = new Date(d.getTime() + DAY);
  return d.getTime() > to.getTime() ? new Date(to.getTime()) : d;
}

/** Adds `days - 1` working days (Mon–Fri) to a start date. */
export function endAfter(start: Date, days: number): Date {
  let d = start;
  let left = days - 1;
  while (left > 0) {
    d = new Date(d.getTime() + DAY);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) left--;
  }
  return d;
}

/** Google Forms' `Stempel waktu` in an Indonesian-locale sheet: `DD/MM/YYYY HH:MM:SS`. */
export function formsTimestamp(rng: Rng, day: Date): { text: string; sortKey: number } {
  const h = rng.int(7, 21);
  const m = rng.int(0, 59);
  const s = rng.int(0, 59);
  const text = `${pad(day.getUTCDate())}/${pad(day.getUTCMonth() + 1)}/${day.getUTCFullYear()} ${pad(h)}:${pad(m)}:${pad(s)}`;
  return { text, sortKey: day.getTime() + ((h * 60 + m) * 60 + s) * 1000 };
}
