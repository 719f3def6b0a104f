/**
 * `Sasaran Program`: each goal's realised value against its target, city-wide and per OPD
 * (docs/rumus.md, *Sasaran program*). Pure; aggregates only (counts and shares, no NIP).
 *
 * Goals are judged against the realisation year (Tahun JP, the leaders' summary's year): the
 * rows of that year count, rows of other years are only counted in `lainTahun`. An indicator
 * with a goal of that year is shown for the city and for every OPD: an OPD's own row, else
 * the city-wide row's target (its baseline is the city's, so it is not repeated). Without any
 * `Sasaran Program` row every indicator is still computed and shown, "target belum ditetapkan".
 *
 * Realised values: the leaders' summary's figures (ASN meeting the JP target, ASN assessed,
 * mean gap, IKM konversi) and the L3 follow-up: of every (session, participant) pair, the
 * share with an `Evaluasi Perilaku` row. Participants of a session with `Daftar Hadir` are
 * its completers; of any other session, the NIPs in its Reaksi, Tes and Perilaku rows.
 * A target is reached when the realised value as printed (the indicator's decimals) is at
 * least the target (at most, for the mean gap).
 */
import { completersBySession, computeCompletion } from './attendance.js';
import { evaluatedParticipants } from './evaluation.js';
import { nameKey } from './gaps.js';
import { INDICATOR_INFO, type IndicatorInfo } from './goal-indicators.js';
import type { LeaderSummary, LeaderSummaryRow } from './reports.js';
import { idFixed, printedValue } from './summary-model/format.js';
import { INDIKATOR_SASARAN, type IndikatorSasaran, type ProgramData, type ProgramGoal } from './types.js';

export type GoalStatus = 'tercapai' | 'belum tercapai' | 'tanpa target' | 'tanpa data';

export interface GoalResult {
  indikator: IndikatorSasaran;
  /** the OPD; null for the city-wide row */
  opd: string | null;
  tahun: number;
  baseline: number | null;
  target: number | null;
  /** where the target comes from: the OPD's own row, the city-wide row, or none */
  sumberTarget: 'opd' | 'kota' | null;
  realisasi: number | null;
  status: GoalStatus;
  /** what the realised value rests on, e.g. "1.834 dari 2.512 ASN" */
  dasar: string;
  /** rests on fewer ASN than `Minimum ASN Dinilai`: read with care */
  tipis: boolean;
}

export interface GoalsReport {
  /** false when the workbook has no `Sasaran Program` row: indicators shown without targets */
  ditetapkan: boolean;
  hasil: GoalResult[];
  /** OPDs named by a goal of the year that `Pegawai` does not have (display names) */
  opdTidakDikenal: string[];
  /** goal rows of other years (not judged this year) */
  lainTahun: number;
}

interface Realised {
  value: number | null;
  dasar: string;
  /** ASN (or participants) the value rests on; null where it rests on respondents (IKM) */
  basis: number | null;
}

const count = (n: number) => idFixed(n, 0);

/** L3 follow-up per OPD (name key) and city-wide: (session, participant) pairs and those rated. */
function followUp(data: ProgramData): {
  opd: Map<string, { peserta: number; dinilai: number }>;
  kota: { peserta: number; dinilai: number };
} {
  const participants: Map<string, ReadonlySet<string>> = evaluatedParticipants(data);
  // a session with attendance counts its completers only
  for (const [sesi, nips] of completersBySession(computeCompletion(data))) participants.set(sesi, nips);
  const rated = new Set(data.behaviours.map((b) => `${b.sesi}\u0000${b.nip}`));
  const opdOf = new Map(data.employees.map((e) => [e.nip, nameKey(e.opd)]));
  const opd = new Map<string, { peserta: number; dinilai: number }>();
  const kota = { peserta: 0, dinilai: 0 };
  for (const [sesi, nips] of participants) {
    for (const nip of nips) {
      const done = rated.has(`${sesi}\u0000${nip}`) ? 1 : 0;
      kota.peserta++;
      kota.dinilai += done;
      const key = opdOf.get(nip);
      if (key === undefined) continue;
      const acc = opd.get(key) ?? { peserta: 0, dinilai: 0 };
      acc.peserta++;
      acc.dinilai += done;
      opd.set(key, acc);
    }
  }
  return { opd, kota };
}

function realised(
  indikator: IndikatorSasaran,
  row: LeaderSummaryRow,
  l3: { peserta: number; dinilai: number } | undefined,
): Realised {
  switch (indikator) {
    case 'ASN Memenuhi Target JP':
      return {
        value: row.persenJp,
        dasar: `${count(row.memenuhiJp)} dari ${count(row.pegawai)} ASN`,
        basis: row.pegawai,
      };
    case 'ASN Dinilai':
      return {
        value: row.persenDinilai,
        dasar: `${count(row.dinilai)} dari ${count(row.pegawai)} ASN`,
        basis: row.pegawai,
      };
    case 'Rata-rata Kesenjangan':
      return {
        value: row.rataGap,
        dasar: row.dinilai > 0 ? `${count(row.dinilai)} ASN dinilai` : 'belum ada ASN yang dinilai',
        basis: row.dinilai,
      };
    case 'IKM':
      return {
        value: row.konversi,
        dasar:
          row.konversi === null
            ? 'belum ada SKM'
            : `${count(row.unitIkm.length)} unit, ${count(row.respondenIkm)} responden`,
        basis: null,
      };
    case 'Tindak Lanjut L3': {
      const n = l3 ?? { peserta: 0, dinilai: 0 };
      return {
        value: n.peserta > 0 ? (n.dinilai * 100) / n.peserta : null,
        dasar:
          n.peserta > 0
            ? `${count(n.dinilai)} dari ${count(n.peserta)} peserta dinilai atasan`
            : 'belum ada peserta pelatihan',
        basis: n.peserta,
      };
    }
  }
}

/** Whether the printed realised value meets the target. */
export function goalReached(info: IndicatorInfo, value: number, target: number): boolean {
  const shown = printedValue(value, info.digits);
  return info.arah === 'naik' ? shown >= target : shown <= target;
}

function statusOf(info: IndicatorInfo, value: number | null, target: number | null): GoalStatus {
  if (target === null) return 'tanpa target';
  if (value === null) return 'tanpa data';
  return goalReached(info, value, target) ? 'tercapai' : 'belum tercapai';
}

export function computeGoals(data: ProgramData, summary: LeaderSummary): GoalsReport {
  const tahun = summary.tahun;
  const goals = data.goals ?? [];
  const ofYear = goals.filter((g) => g.tahun === tahun);
  const ditetapkan = goals.length > 0;
  const opdKeys = new Set(summary.rows.map((r) => nameKey(r.opd)));
  const unknown = new Map<string, string>();
  for (const g of ofYear)
    if (g.opd !== undefined && !opdKeys.has(nameKey(g.opd))) unknown.set(nameKey(g.opd), g.opd);

  const indicators = ditetapkan
    ? INDIKATOR_SASARAN.filter((i) => ofYear.some((g) => g.indikator === i))
    : [...INDIKATOR_SASARAN];
  const l3 = indicators.includes('Tindak Lanjut L3') ? followUp(data) : undefined;
  const hasil: GoalResult[] = [];
  for (const indikator of indicators) {
    const info = INDICATOR_INFO[indikator];
    const rows = ofYear.filter((g) => g.indikator === indikator);
    const city: ProgramGoal | undefined = rows.find((g) => g.opd === undefined);
    const own = new Map(rows.flatMap((g) => (g.opd !== undefined ? [[nameKey(g.opd), g] as const] : [])));
    const entry = (
      row: LeaderSummaryRow,
      opd: string | null,
      goal: ProgramGoal | undefined,
      sumber: GoalResult['sumberTarget'],
      l3Of: { peserta: number; dinilai: number } | undefined,
    ): GoalResult => {
      const r = realised(indikator, row, l3Of);
      const target = goal?.target ?? null;
      return {
        indikator,
        opd,
        tahun,
        baseline: sumber === 'kota' && opd !== null ? null : (goal?.baseline ?? null),
        target,
        sumberTarget: goal ? sumber : null,
        realisasi: r.value,
        status: statusOf(info, r.value, target),
        dasar: r.dasar,
        tipis: r.value !== null && r.basis !== null && r.basis < summary.minimum.asn,
      };
    };
    hasil.push(entry(summary.total, null, city, 'kota', l3?.kota));
    for (const row of summary.rows) {
      const key = nameKey(row.opd);
      const mine = own.get(key);
      hasil.push(entry(row, row.opd, mine ?? city, mine ? 'opd' : 'kota', l3?.opd.get(key)));
    }
  }
  return {
    ditetapkan,
    hasil,
    opdTidakDikenal: [...unknown.values()].sort((a, b) => a.localeCompare(b, 'id')),
    lainTahun: goals.length - ofYear.length,
  };
}
