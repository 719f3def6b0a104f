/**
 * Diskusi Kelompok: the notes of a focus-group discussion in a few OPDs (October of the year
 * before the planned one). Each FGD ranks three competencies its staff's positions require, notes
 * one free topic staff mapped to a code and one left free; one FGD counts votes instead of ranks.
 */
import type { RawSheet } from '@bangkom/core';
import type { Emp } from './people.js';
import type { Rng } from './prng.js';
import type { Std } from './standards.js';

const FASILITATOR = ['Dra. Yuliana Syafri, M.Si.', 'Rahmat Hidayat, S.Psi.', 'Nofriadi, S.Sos., M.AP'];
const FREE_TOPICS = [
  ['Penggunaan aplikasi SRIKANDI untuk naskah dinas', null],
  ['Menangani pengaduan warga di media sosial', 'M.05'],
  ['Menyusun laporan kinerja (LKjIP) tepat waktu', 'M.04'],
  ['Keselamatan kerja di lapangan', null],
] as const;

export function fgdSheet(
  rng: Rng,
  emps: readonly Emp[],
  stdByJabatan: Map<string, Std[]>,
  tahunJp: number,
): RawSheet {
  const sheet: RawSheet = [
    ['Tanggal', 'OPD', 'Peserta', 'Fasilitator', 'Kode Kompetensi', 'Topik', 'Peringkat', 'Suara', 'Catatan'],
  ];
  // the OPDs with the most staff hold an FGD; codes their positions require most often
  const byOpd = new Map<string, Emp[]>();
  for (const e of emps) byOpd.set(e.opd, [...(byOpd.get(e.opd) ?? []), e]);
  const opds = [...byOpd.entries()]
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .slice(0, 6);
  opds.forEach(([opd, staff], i) => {
    const count = new Map<string, number>();
    for (const e of staff)
      for (const s of stdByJabatan.get(e.jabatan) ?? []) count.set(s.kode, (count.get(s.kode) ?? 0) + 1);
    const common = [...count.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([k]) => k);
    const chosen = rng.sample(common.slice(0, 8), 3);
    const tanggal = `${tahunJp}-10-${String(5 + 3 * i).padStart(2, '0')}`;
    const peserta = rng.int(12, 30);
    const fasilitator = FASILITATOR[i % FASILITATOR.length] ?? null;
    const votes = i === 2; // this one voted instead of ranking
    chosen.forEach((kode, r) => {
      sheet.push([
        tanggal,
        opd,
        peserta,
        fasilitator,
        kode,
        null,
        votes ? null : r + 1,
        votes ? peserta - 4 * r - rng.int(0, 2) : null,
        r === 0 ? 'Disepakati sebagai kebutuhan utama' : null,
      ]);
    });
    const [topik, mapped] = FREE_TOPICS[i % FREE_TOPICS.length] ?? FREE_TOPICS[0];
    sheet.push([
      tanggal,
      opd,
      peserta,
      fasilitator,
      mapped,
      topik,
      4,
      null,
      mapped ? 'Dipetakan staf BKPSDM' : null,
    ]);
  });
  return sheet;
}
