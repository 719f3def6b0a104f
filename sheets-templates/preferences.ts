/** Preferensi: months, moda and topics some ASN asked for. */
import { NAMA_BULAN, type RawSheet } from '@bangkom/core';
import type { Emp } from './people.js';
import type { Rng } from './prng.js';
import type { Std } from './standards.js';

export function preferences(rng: Rng, emps: readonly Emp[], stdByJabatan: Map<string, Std[]>): RawSheet {
  const sheet: RawSheet = [['NIP', 'Bulan', 'Moda', 'Topik']];
  for (const e of emps) {
    if (!rng.chance(0.35)) continue;
    const months = rng.sample([2, 3, 4, 5, 6, 7, 8, 9, 10, 11], rng.int(1, 3)).sort((a, b) => a - b);
    const bulan = rng.chance(0.25) ? months.map((m) => NAMA_BULAN[m - 1]).join(', ') : months.join(',');
    const moda = rng.weighted<string | null>([
      ['Tatap Muka', 0.45],
      ['Daring', 0.3],
      ['Campuran', 0.15],
      [null, 0.1],
    ]);
    const codes = (stdByJabatan.get(e.jabatan) ?? []).map((s) => s.kode);
    const teknis = codes.filter((c) => c.startsWith('T.'));
    const topik = rng.sample(teknis.length > 0 && rng.chance(0.6) ? teknis : codes, rng.int(1, 2));
    sheet.push([e.nip, bulan, moda, topik.length > 0 ? topik.join(', ') : null]);
  }
  return sheet;
}
