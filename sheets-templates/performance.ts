/**
 * Kinerja of the sample: every ASN's predikat kinerja (SKP) for the three years up to the JP year.
 * The first year is drawn (mostly Baik), each later year moves a step up or down now and then;
 * an ASN with at least 20 JP in a year is a little likelier to move up the year after, so the
 * comparison per course has something to show. About 3 % of the yearly ratings are missing
 * (new posts, leave). Deterministic: the caller's Rng.
 */
import { PREDIKAT_KINERJA, type RawSheet } from '@bangkom/core';
import type { Emp } from './people.js';
import type { Rng } from './prng.js';

/** JP per NIP and year from the Riwayat sheet (NIP, Nama Pelatihan, JP, Tanggal Mulai, …). */
function jpByYear(riwayat: RawSheet): Map<string, Map<number, number>> {
  const out = new Map<string, Map<number, number>>();
  for (const row of riwayat.slice(1)) {
    const [nip, , jp, mulai] = row;
    if (typeof nip !== 'string' || typeof jp !== 'number' || !(mulai instanceof Date)) continue;
    const years = out.get(nip) ?? new Map<number, number>();
    const y = mulai.getUTCFullYear();
    years.set(y, (years.get(y) ?? 0) + jp);
    out.set(nip, years);
  }
  return out;
}

export function performanceSheet(
  rng: Rng,
  emps: readonly Emp[],
  riwayat: RawSheet,
  tahunJp: number,
): RawSheet {
  const sheet: RawSheet = [['NIP', 'Tahun', 'Predikat Kinerja']];
  const jp = jpByYear(riwayat);
  const last = PREDIKAT_KINERJA.length - 1;
  for (const e of emps) {
    // 0 Sangat Baik … 4 Sangat Kurang
    let rank = rng.weighted<number>([
      [0, 0.12],
      [1, 0.7],
      [2, 0.12],
      [3, 0.04],
      [4, 0.02],
    ]);
    for (let y = tahunJp - 2; y <= tahunJp; y++) {
      if (y > tahunJp - 2) {
        const trained = (jp.get(e.nip)?.get(y - 1) ?? 0) >= 20;
        const up = trained ? 0.2 : 0.1;
        const r = rng.next();
        if (r < up) rank = Math.max(0, rank - 1);
        else if (r < up + 0.08) rank = Math.min(last, rank + 1);
      }
      if (rng.chance(0.03)) continue;
      sheet.push([e.nip, y, PREDIKAT_KINERJA[rank] ?? 'Baik']);
    }
  }
  return sheet;
}
