/**
 * Which year a run is about: one rule for the CLI, the Cloud Functions and the scheduler.
 *
 * - The fiscal year (plan, schedule, evaluations, the leaders' summary): the year asked for
 *   (`--tahun`, a request's `tahun`), else Pengaturan `Tahun`, else the current year where
 *   the users are.
 * - The JP year (whose realisation of 20 JP is reported): the year asked for, else Pengaturan
 *   `Tahun JP`, else the fiscal year. BKPSDM plans year N+1 late in year N: `Tahun` = N+1,
 *   `Tahun JP` = N.
 *
 * The core reads no clock: the adapter passes `currentYear` (the run's start in the users'
 * zone). Without it, and with neither a requested year nor `Tahun`, the year is unknown.
 */
import type { ProgramData, Settings } from './types.js';

/** The year JP realisation is measured in, from Pengaturan alone: `Tahun JP`, else `Tahun`. */
export function jpYear(settings: Settings): number | undefined {
  return settings.tahunJp ?? settings.tahun;
}

function known(t: number | undefined): number {
  if (t === undefined || !Number.isInteger(t)) {
    throw new Error('Tahun anggaran belum diatur: isi Kunci "Tahun" pada lembar Pengaturan.');
  }
  return t;
}

/** The fiscal year: requested, else Pengaturan `Tahun`, else `currentYear`. */
export function resolveTahun(
  data: Pick<ProgramData, 'settings'>,
  requested?: number,
  currentYear?: number,
): number {
  return known(requested ?? data.settings.tahun ?? currentYear);
}

/** The JP year: requested, else Pengaturan `Tahun JP`, else the fiscal year. */
export function resolveTahunJp(
  data: Pick<ProgramData, 'settings'>,
  requested?: number,
  currentYear?: number,
): number {
  return known(requested ?? jpYear(data.settings) ?? currentYear);
}
