/**
 * Predikat kinerja in planning (docs/rumus.md, *Kinerja peserta*): an ASN whose latest recorded
 * predikat is `Butuh Perbaikan` or lower gets a higher priority for every competency where they
 * have a gap, so the schedule reaches them sooner. Pure.
 */
import { type PerformanceRecord, PREDIKAT_KINERJA, type PredikatKinerja, type Settings } from './types.js';

/** `Bobot Kinerja` when Pengaturan is silent: a low predikat counts half the gap again. */
export const DEFAULT_BOBOT_KINERJA = 0.5;

/** Predikat from this one down raise the priority. */
const LOW_FROM = PREDIKAT_KINERJA.indexOf('Butuh Perbaikan');

export interface LatestPredikat {
  tahun: number;
  predikat: PredikatKinerja;
}

/** Each ASN's predikat of the latest year recorded. */
export function latestPredikat(records: readonly PerformanceRecord[]): Map<string, LatestPredikat> {
  const out = new Map<string, LatestPredikat>();
  for (const r of records) {
    const prev = out.get(r.nip);
    if (!prev || r.tahun > prev.tahun) out.set(r.nip, { tahun: r.tahun, predikat: r.predikat });
  }
  return out;
}

/** Whether a predikat is `Butuh Perbaikan` or lower. */
export function isLowPredikat(p: PredikatKinerja): boolean {
  return PREDIKAT_KINERJA.indexOf(p) >= LOW_FROM;
}

/** The priority factor of an ASN: 1 + Bobot Kinerja for a low latest predikat, else 1. */
export function kinerjaFactor(
  latest: LatestPredikat | undefined,
  settings: Pick<Settings, 'bobotKinerja'>,
): number {
  if (!latest || !isLowPredikat(latest.predikat)) return 1;
  return 1 + (settings.bobotKinerja ?? DEFAULT_BOBOT_KINERJA);
}
