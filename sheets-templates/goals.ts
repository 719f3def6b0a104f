/**
 * Sasaran Program of the sample: the city's five goals for the JP year (baselines of the year
 * before), two OPDs with a goal of their own, and one goal of the following year (kept, not yet
 * judged). Fixed figures, no randomness: the targets are policy, not data.
 */
import type { RawSheet } from '@bangkom/core';

export function goalsSheet(tahunJp: number): RawSheet {
  const renstra = 'Renstra BKPSDM 2025–2029';
  return [
    ['Indikator', 'OPD', 'Tahun', 'Baseline', 'Target', 'Keterangan'],
    ['ASN Memenuhi Target JP', null, tahunJp, 48.2, 55, renstra],
    ['ASN Dinilai', null, tahunJp, 88, 97, renstra],
    ['Rata-rata Kesenjangan', null, tahunJp, 0.41, 0.3, renstra],
    ['IKM', null, tahunJp, 78.4, 80, 'Target IKM kota'],
    ['Tindak Lanjut L3', null, tahunJp, 41, 60, 'Evaluasi perilaku 3 bulan setelah pelatihan'],
    ['IKM', 'RSUD Sawahlunto', tahunJp, 72.1, 76, 'Rencana perbaikan layanan RSUD'],
    ['ASN Memenuhi Target JP', 'Dinas Kesehatan', tahunJp, 52, 65, 'Kesepakatan dengan Kepala Dinas'],
    ['ASN Memenuhi Target JP', null, tahunJp + 1, 55, 65, renstra],
  ];
}
