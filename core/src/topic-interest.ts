/**
 * `Minat Topik per OPD`: the needs survey's `Topik` answers (Preferensi: the competencies an ASN
 * would like training in) tallied per OPD, for the staff's planning. Beside each count, the rank
 * the OPD's latest FGD gave the competency, so staff see the survey and the discussion together.
 * Counts only: no NIP, no name. Pure: no clock, no I/O.
 *
 * - An answer counts for the OPD of its NIP in `Pegawai`; answers of NIPs not in `Pegawai` are
 *   left out and counted (`tanpaPegawai`).
 * - `Responden OPD`: ASN of the OPD with a Preferensi row (a row without topics included), the base
 *   of `% Responden`.
 * - `Peringkat di OPD`: by the number of ASN choosing it, most first; equal counts share the
 *   better rank.
 */
import { fgdRanks } from './fgd.js';
import { compareNames, competencyOrder, nameKey } from './gaps.js';
import { DEFAULT_DICTIONARY } from './sheet-specs.js';
import type { ProgramData } from './types.js';

export const MINAT_TOPIK_HEADER = [
  'OPD',
  'Kode Kompetensi',
  'Kompetensi',
  'ASN Memilih',
  'Responden OPD',
  '% Responden',
  'Peringkat di OPD',
  'Peringkat FGD',
] as const;

export interface TopicInterestRow {
  opd: string;
  kode: string;
  nama: string;
  /** ASN of the OPD who chose the competency */
  jumlah: number;
  /** ASN of the OPD who answered Preferensi */
  responden: number;
  /** jumlah / responden, 0–1 */
  persen: number;
  peringkat: number;
  /** the rank the OPD's latest FGD gave it, when it ranked it */
  peringkatFgd?: number;
}

export interface TopicInterest {
  rows: TopicInterestRow[];
  /** Preferensi rows whose NIP is not in Pegawai (left out) */
  tanpaPegawai: number;
}

export function topicInterest(
  data: Pick<ProgramData, 'employees' | 'preferences' | 'competencies' | 'fgd'>,
): TopicInterest {
  const dictionary = data.competencies.length > 0 ? data.competencies : DEFAULT_DICTIONARY;
  const names = new Map(dictionary.map((c) => [c.kode, c.nama]));
  const byDictionary = competencyOrder(dictionary);
  const opdOf = new Map(data.employees.map((e) => [e.nip, e.opd]));
  const fgd = fgdRanks(data.fgd ?? []);
  // per OPD (name key): its name as first written, respondents, ASN per competency
  const opds = new Map<string, { opd: string; responden: number; kode: Map<string, number> }>();
  let tanpaPegawai = 0;
  for (const p of data.preferences) {
    const opd = opdOf.get(p.nip);
    if (opd === undefined) {
      tanpaPegawai++;
      continue;
    }
    const key = nameKey(opd);
    const acc = opds.get(key) ?? { opd, responden: 0, kode: new Map<string, number>() };
    opds.set(key, acc);
    acc.responden++;
    for (const k of new Set(p.topik)) acc.kode.set(k, (acc.kode.get(k) ?? 0) + 1);
  }
  const rows: TopicInterestRow[] = [];
  const keys = [...opds.keys()].sort((a, b) => compareNames(opds.get(a)?.opd ?? a, opds.get(b)?.opd ?? b));
  for (const key of keys) {
    const acc = opds.get(key);
    if (!acc) continue;
    const counts = [...acc.kode].sort((a, b) => b[1] - a[1] || byDictionary(a[0], b[0]));
    for (const [kode, jumlah] of counts) {
      const rank = fgd.get(key)?.get(kode)?.peringkat;
      rows.push({
        opd: acc.opd,
        kode,
        nama: names.get(kode) ?? kode,
        jumlah,
        responden: acc.responden,
        persen: jumlah / acc.responden,
        peringkat: 1 + counts.filter(([, n]) => n > jumlah).length,
        ...(rank !== undefined ? { peringkatFgd: rank } : {}),
      });
    }
  }
  return { rows, tanpaPegawai };
}

/** A row as the sheet's cells (the percentage rounded to one decimal, in percent). */
export function topicInterestCells(r: TopicInterestRow): (string | number | null)[] {
  return [
    r.opd,
    r.kode,
    r.nama,
    r.jumlah,
    r.responden,
    Math.round(r.persen * 1000) / 10,
    r.peringkat,
    r.peringkatFgd ?? null,
  ];
}
