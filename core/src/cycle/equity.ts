/**
 * Equity: ASN with no training in the last N years (Pengaturan `Jangka Pemerataan`, default 2).
 * Leaders see the count per OPD; staff get the names; the schedule gives these ASN a bonus.
 * The window is whole calendar years of `Tanggal Mulai`, ending with the year reported.
 */
import { compareNames, compareNip, nameKey } from '../gaps.js';
import type { Employee, TrainingRecord } from '../types.js';

/** NIPs with a training that started in the years `from`..`to` (inclusive). */
export function trainedBetween(trainings: readonly TrainingRecord[], from: number, to: number): Set<string> {
  const out = new Set<string>();
  for (const t of trainings) {
    const y = Number(t.mulai.slice(0, 4));
    if (y >= from && y <= to) out.add(t.nip);
  }
  return out;
}

export interface UntrainedEmployee {
  nip: string;
  nama: string;
  opd: string;
  jabatan: string;
  /** the latest training start before the window ('YYYY-MM-DD'), or null when none is recorded */
  terakhir: string | null;
}

/**
 * The ASN with no training in the `years` years up to and including `tahun`, by OPD then NIP.
 * `tahun` 2026 and 2 years: nobody trained in 2025 or 2026.
 */
export function untrainedEmployees(
  employees: readonly Employee[],
  trainings: readonly TrainingRecord[],
  tahun: number,
  years: number,
): UntrainedEmployee[] {
  const recent = trainedBetween(trainings, tahun - years + 1, tahun);
  const last = new Map<string, string>();
  for (const t of trainings) {
    if (Number(t.mulai.slice(0, 4)) > tahun) continue;
    const prev = last.get(t.nip);
    if (prev === undefined || t.mulai > prev) last.set(t.nip, t.mulai);
  }
  return employees
    .filter((e) => !recent.has(e.nip))
    .map((e) => ({
      nip: e.nip,
      nama: e.nama,
      opd: e.opd,
      jabatan: e.jabatan,
      terakhir: last.get(e.nip) ?? null,
    }))
    .sort((a, b) => compareNames(a.opd, b.opd) || compareNip(a.nip, b.nip));
}

/** The count per OPD (name key -> count) of a list of untrained ASN. */
export function untrainedPerOpd(list: readonly UntrainedEmployee[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of list) out.set(nameKey(e.opd), (out.get(nameKey(e.opd)) ?? 0) + 1);
  return out;
}
