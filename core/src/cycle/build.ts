/**
 * The cycle document of a year from the computed reports: pure, aggregates only. Each OPD row
 * and the city row carry the same indicators, so the trend reads them alike (see model.ts).
 */
import { evaluatedParticipants } from '../evaluation.js';
import { compareNames, nameKey } from '../gaps.js';
import { computeGoals } from '../goals.js';
import { coursePerformance } from '../performance.js';
import type {
  EvaluationReport,
  GapsReport,
  IkmReport,
  LeaderSummary,
  LeaderSummaryRow,
  OpdCompetencyGap,
} from '../reports.js';
import type { ScheduleReport } from '../schedule-report.js';
import { equityYears, type ProgramData } from '../types.js';
import { untrainedEmployees, untrainedPerOpd } from './equity.js';
import type { CycleDoc, CycleIndicators, CycleTraining } from './model.js';
import { serviceResults } from './results.js';

export interface CycleInput {
  data: ProgramData;
  gaps: GapsReport;
  ikm: IkmReport;
  evaluation: EvaluationReport;
  summary: LeaderSummary;
  /** the planned schedule (its budget per OPD), when one was planned */
  schedule?: Pick<ScheduleReport, 'tahun' | 'budget'>;
  /** when the cycle was computed (ISO timestamp, from the caller's clock) */
  dihitung: string;
}

function indicators(
  row: LeaderSummaryRow,
  kompetensi: CycleIndicators['kompetensi'],
  tanpaPelatihan: number,
  budget: { pagu: number; terpakai: number } | undefined,
): CycleIndicators {
  return {
    pegawai: row.pegawai,
    dinilai: row.dinilai,
    rataGap: row.rataGap,
    memenuhiJp: row.memenuhiJp,
    persenJp: row.persenJp,
    konversiIkm: row.konversi,
    mutuIkm: row.mutu,
    respondenIkm: row.respondenIkm,
    tanpaPelatihan,
    pagu: budget?.pagu ?? null,
    terpakai: budget?.terpakai ?? null,
    kompetensi,
  };
}

const byKode = (list: readonly OpdCompetencyGap[]) =>
  list.map((k) => ({ kode: k.kode, rataGap: k.rataGap, dinilai: k.dinilai }));

/**
 * The catalogue course a session taught: the course whose `Kode` starts the session id (the
 * schedule names sessions `KODE-TAHUN-N`), else the catalogue course that most of the session's
 * participants have in `Riwayat Pelatihan` (at least half of them), else none.
 */
export function courseOfSession(
  sesi: string,
  participants: readonly string[],
  data: Pick<ProgramData, 'courses' | 'trainings'>,
): { kode: string; judul: string } | null {
  const prefixed = data.courses
    .filter((c) => sesi.startsWith(`${c.kode}-`))
    .sort((a, b) => b.kode.length - a.kode.length)[0];
  if (prefixed) return { kode: prefixed.kode, judul: prefixed.judul };
  if (participants.length === 0) return null;
  const byTitle = new Map(data.courses.map((c) => [nameKey(c.judul), c]));
  const who = new Set(participants);
  const holders = new Map<string, Set<string>>();
  for (const t of data.trainings) {
    if (!who.has(t.nip)) continue;
    const c = byTitle.get(nameKey(t.namaPelatihan));
    if (!c) continue;
    const set = holders.get(c.kode) ?? new Set<string>();
    set.add(t.nip);
    holders.set(c.kode, set);
  }
  let best: { kode: string; n: number } | undefined;
  for (const [kode, set] of holders) {
    if (!best || set.size > best.n || (set.size === best.n && compareNames(kode, best.kode) < 0)) {
      best = { kode, n: set.size };
    }
  }
  if (!best || best.n * 2 < participants.length) return null;
  const course = data.courses.find((c) => c.kode === best.kode);
  return course ? { kode: course.kode, judul: course.judul } : null;
}

function trainings(data: ProgramData, evaluation: EvaluationReport): CycleTraining[] {
  const nips = evaluatedParticipants(data);
  return evaluation.sessions.map((s) => {
    const course = courseOfSession(s.sesi, [...(nips.get(s.sesi) ?? [])], data);
    return {
      sesi: s.sesi,
      kode: course?.kode ?? null,
      judul: course?.judul ?? null,
      peserta: s.peserta,
      reaksi: s.reaksi,
      nGain: s.nGain,
      perilaku: s.perilaku,
    };
  });
}

export function buildCycle(input: CycleInput): CycleDoc {
  const { data, gaps, summary, ikm } = input;
  const years = equityYears(data.settings);
  const untrained = untrainedPerOpd(untrainedEmployees(data.employees, data.trainings, summary.tahun, years));
  const budget = new Map((input.schedule?.budget ?? []).map((b) => [nameKey(b.opd), b]));
  const gapsByOpd = new Map(gaps.opd.map((o) => [nameKey(o.opd), o]));
  const opd = summary.rows.map((r) => {
    const key = nameKey(r.opd);
    return {
      opd: r.opd,
      ...indicators(
        r,
        byKode(gapsByOpd.get(key)?.kompetensi ?? []),
        untrained.get(key) ?? 0,
        budget.get(key),
      ),
    };
  });
  const hm = summary.heatMap;
  const cityKompetensi = hm.kompetensi.flatMap((k, j) => {
    const rataGap = hm.total[j];
    const dinilai = hm.jumlah.reduce((a, row) => a + (row[j] ?? 0), 0);
    return rataGap === null || rataGap === undefined ? [] : [{ kode: k.kode, rataGap, dinilai }];
  });
  const cityBudget = input.schedule
    ? input.schedule.budget.reduce((t, b) => ({ pagu: t.pagu + b.pagu, terpakai: t.terpakai + b.terpakai }), {
        pagu: 0,
        terpakai: 0,
      })
    : undefined;
  const tanpaPelatihan = [...untrained.values()].reduce((a, n) => a + n, 0);
  return {
    tahun: summary.tahun,
    tahunRencana: input.schedule?.tahun ?? null,
    targetJp: summary.targetJp,
    jangkaPemerataan: years,
    dihitung: input.dihitung,
    kota: indicators(summary.total, cityKompetensi, tanpaPelatihan, cityBudget),
    opd,
    ikm: ikm.units.map((u) => ({
      unit: u.unit,
      opd: u.opd ?? null,
      periode: u.periode,
      responden: u.responden,
      populasi: u.populasi ?? null,
      nrr: u.nrr,
      konversi: u.konversi,
      mutu: u.mutu,
    })),
    pelatihan: trainings(data, input.evaluation),
    hasil: serviceResults({ data, units: ikm.units }),
    sasaran: computeGoals(data, summary),
    kinerja: (data.performance ?? []).length > 0 ? coursePerformance(data) : null,
  };
}
