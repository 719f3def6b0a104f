/** Kamus Kompetensi of the sample and each position's Standar Kompetensi. */
import { DEFAULT_DICTIONARY } from '@bangkom/core';
import type { JabatanInfo } from './people.js';
import type { Rng } from './prng.js';
import { TEKNIS } from './sawahlunto-data.js';

export const DICTIONARY = [
  ...DEFAULT_DICTIONARY.map((d) => ({ ...d })),
  ...TEKNIS.map((t) => ({ ...t, kelompok: 'Teknis' as const })),
];
const MANAGERIAL_CODES = DEFAULT_DICTIONARY.map((d) => d.kode);

export interface Std {
  kode: string;
  level: number;
  bobot: number;
}

export function standardsFor(rng: Rng, jabatan: string, info: JabatanInfo): Std[] {
  const r = rng.fork(`standar:${jabatan}`);
  const structuralJob =
    info.jenis === 'JPT Pratama' || info.jenis === 'Administrator' || info.jenis === 'Pengawas';
  const out: Std[] = [];
  for (const kode of MANAGERIAL_CODES) {
    let level = info.grade;
    if (info.jenis === 'Pelaksana' && ['M.06', 'M.07', 'M.08'].includes(kode)) level = 1;
    else if (r.chance(0.12)) level = Math.max(1, level - 1);
    let bobot = 1;
    if (kode === 'M.01') bobot = 2;
    else if (kode === 'M.05' && !structuralJob) bobot = 2;
    else if (structuralJob && (kode === 'M.04' || kode === 'M.08')) bobot = info.jenis === 'Pengawas' ? 2 : 3;
    else if (r.chance(0.2)) bobot = 2;
    out.push({ kode, level, bobot });
  }
  for (const kode of info.teknis) {
    const level = structuralJob
      ? Math.min(4, info.grade)
      : Math.min(4, info.grade + (info.jenis === 'Fungsional' ? 1 : 0));
    out.push({ kode, level, bobot: 3 });
  }
  return out;
}
