/**
 * Scheduling bench: seeded instances at Sawahlunto scale (2,500 ASN, ~50 courses) and
 * province scale (50,000 ASN, 300 courses, 150 trainers, 20 rooms; classical-only competencies,
 * paid Daring and a cut Pagu for a third of the OPDs: sheets-templates/province-limits.ts) from the
 * sample generator in sheets-templates/, each with its own Pagu and with Pagu cut to 30%; then
 * synthetic instances
 * where every course costs money, Pagu covers about half the need and classrooms are few
 * (test/core/schedule-fixtures.ts), so budgets and rooms bind. Prints objective / bound and seconds of the fast path (wall, and the
 * process's CPU seconds, which a loaded machine inflates far less), and — where
 * HiGHS finishes — the exact MILP and the fast/exact ratio. `auto` is the default path users run
 * (HiGHS only when it can still improve the plan or the bound), timed where it may call HiGHS.
 * Targets: >= 0.99 of the bound at 2,500 and >= 0.97 at 50,000 in under 60 s on 2 cores.
 * The generated workbooks carry every planning rule staff can set (course audiences, Syarat,
 * Batas JP per ASN, Peserta Minimum, rooms for classical forms only, Jenis Ruang: see
 * sheets-templates/realism.ts), and the independent checker, which covers them all, runs on
 * every plan: the `pelanggaran` column must be 0. `sesiRuang`, `pengajar`, `opdDiPagu` and
 * `tidakTerpenuhi` show which limits bind in the fast path's plan (binding()). The `ulang` cases re-plan after 5% of the
 * announced participants decline (`schedule --ulang`).
 */

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  checkSchedule,
  computeGaps,
  type GapsReport,
  type ProgramData,
  type ScheduleReport,
  validateWorkbook,
} from '@bangkom/core';
import { indonesianHolidays, planSchedule } from '../functions/src/adapters/scheduler';
import { generateProgram, PROVINCE_SCHEDULE_OPTIONS, SAMPLE_OPTIONS } from '../sheets-templates/program';
import { generateInstance, rng, rsvpRows } from '../test/core/schedule-fixtures';
import { fmt } from './format';

export const name = 'Penjadwalan pelatihan (objektif / batas atas)';

/** HiGHS gets the exact MILP only up to this many (ASN, course) pairs. */
const MILP_PAIRS = 60_000;
const MILP_SECONDS = 60;
/** the core's default `maxMilpPairs`: above it 'auto' is the fast path */
const AUTO_MILP_PAIRS = 40_000;

interface Row {
  kasus: string;
  asn: number;
  kursus: number;
  pasangan: number;
  objektif: string;
  batas: string;
  rasio: string;
  detik: string;
  /** CPU seconds (user + system) of the fast path: on a loaded machine wall time says little */
  cpu: string;
  highs: string;
  /** `bangkom schedule` as users run it: method 'auto' with HiGHS (the MILP only when it can pay) */
  auto: string;
  cepatPerEksak: string;
  pelanggaran: number;
  /** what binds in the fast path's plan (binding()): rooms, trainers, Pagu, minimums */
  sesiRuang: string;
  pengajar: string;
  opdDiPagu: string;
  tidakTerpenuhi: string;
}

/**
 * What binds in a plan: sessions in a room and the share of room-days they take; trainers who
 * teach and trainer-months at `Maks Sesi per Bulan`; OPDs with at least 97 % of their Pagu spent;
 * needs left open per limit (UnmetNeed.batas).
 */
function binding(r: ScheduleReport, data: ProgramData) {
  const rooms = r.sessions.filter((s) => s.ruang);
  const roomDays = rooms.reduce((a, s) => a + s.hari, 0);
  const perMonth = new Map<string, number>();
  for (const s of r.sessions)
    if (s.pengajar)
      perMonth.set(
        `${s.pengajar}|${s.mulai.slice(0, 7)}`,
        (perMonth.get(`${s.pengajar}|${s.mulai.slice(0, 7)}`) ?? 0) + 1,
      );
  const maks = new Map(data.trainers.map((t) => [t.nama, t.maksSesiPerBulan ?? Number.POSITIVE_INFINITY]));
  const full = [...perMonth].filter(
    ([k, n]) => n >= (maks.get(k.slice(0, k.lastIndexOf('|'))) ?? Number.POSITIVE_INFINITY),
  ).length;
  const teaching = new Set(r.sessions.flatMap((s) => (s.pengajar ? [s.pengajar] : []))).size;
  const capacity = data.rooms.length * r.stats.hariKerja;
  const unmet = new Map<string, number>();
  for (const u of r.unmet) unmet.set(u.batas ?? '-', (unmet.get(u.batas ?? '-') ?? 0) + 1);
  return {
    sesiRuang: `${rooms.length} dari ${r.sessions.length} (${capacity > 0 ? fmt((100 * roomDays) / capacity, 1) : '0'}% hari-ruang)`,
    pengajar: `${teaching} dari ${data.trainers.length}, ${full} bulan penuh`,
    opdDiPagu: `${r.budget.filter((b) => b.pagu > 0 && b.terpakai >= 0.97 * b.pagu).length} dari ${r.budget.length}`,
    tidakTerpenuhi: [...unmet].map(([k, n]) => `${k} ${n}`).join(', ') || '0',
  };
}

function tightened(data: ProgramData, factor: number): ProgramData {
  return {
    ...data,
    budgets: data.budgets.map((b) => ({ ...b, pagu: Math.round((b.pagu * factor) / 50_000) * 50_000 })),
  };
}

function violations(
  r: ScheduleReport,
  data: ProgramData,
  gaps: GapsReport,
  sebelumnya?: ScheduleReport['sessions'],
): number {
  const holidays = indonesianHolidays(r.tahun, data.holidays);
  return checkSchedule(r, { data, gaps, holidays, ...(sebelumnya ? { sebelumnya } : {}) }).length;
}

/**
 * A full garbage collection before each timed run, so that no run pays for collecting what the
 * run before it left (a re-plan right after the full plan otherwise met that plan's garbage:
 * at province scale two major collections, about half a second, fell inside the re-plan).
 */
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** CPU seconds (user + system) of this process since `from` (process.cpuUsage()). */
function cpuSince(from: NodeJS.CpuUsage): string {
  const used = process.cpuUsage(from);
  return fmt((used.user + used.system) / 1e6, 1);
}

async function measure(kasus: string, data: ProgramData, gaps: GapsReport): Promise<Row> {
  collectGarbage();
  const cpu0 = process.cpuUsage();
  const fast = await planSchedule(data, gaps, { solver: null });
  const cpu = cpuSince(cpu0);
  const row: Row = {
    kasus,
    asn: gaps.employees.length,
    kursus: data.courses.length,
    pasangan: fast.stats.pasangan,
    objektif: fmt(fast.objective, 2),
    batas: fmt(fast.bound, 2),
    rasio: fmt(fast.bound > 0 ? fast.objective / fast.bound : 1, 5),
    detik: fmt(fast.stats.detik ?? 0, 1),
    cpu,
    highs: 'tidak dijalankan (terlalu besar)',
    auto: 'sama dengan jalur cepat (terlalu besar untuk HiGHS)',
    cepatPerEksak: '–',
    pelanggaran: violations(fast, data, gaps),
    ...binding(fast, data),
  };
  if (fast.stats.pasangan <= AUTO_MILP_PAIRS) {
    collectGarbage();
    const auto = await planSchedule(data, gaps, {});
    row.auto = `${fmt(auto.stats.detik ?? 0, 1)} s, rasio ${fmt(auto.bound > 0 ? auto.objective / auto.bound : 1, 5)}, HiGHS ${auto.stats.statusMilp ?? 'tidak perlu'}`;
    row.pelanggaran += violations(auto, data, gaps);
  }
  if (fast.stats.pasangan <= MILP_PAIRS) {
    collectGarbage();
    const exact = await planSchedule(data, gaps, { method: 'milp', timeLimit: MILP_SECONDS });
    const milpObj = exact.stats.objektifMilp;
    row.highs = `${exact.stats.statusMilp}: obj ${milpObj == null ? '–' : fmt(milpObj, 2)}, batas ${exact.stats.batasMilp == null ? '–' : fmt(exact.stats.batasMilp, 2)}, ${fmt(exact.stats.detik ?? 0, 1)} s`;
    if (milpObj !== null && milpObj > 0) row.cepatPerEksak = fmt(fast.objective / milpObj, 5);
    row.pelanggaran += violations(exact, data, gaps);
  }
  return row;
}

interface ReplanRow {
  kasus: string;
  sesiDiumumkan: number;
  menolak: number;
  detikPenuh: string;
  detikUlang: string;
  /** re-plan time / full plan time; target < 0.10 */
  rasioWaktu: string;
  /** CPU seconds (user + system) of each, and their ratio: steadier than wall time on a loaded machine */
  cpuPenuh: string;
  cpuUlang: string;
  rasioCpu: string;
  /**
   * the same re-plan again in this process: warm like the full plan it is compared with (the first
   * re-plan also pays for compiling the re-plan's own code paths)
   */
  detikUlangHangat: string;
  rasioHangat: string;
  rasioUlang: string;
  /** kept sessions whose dates or room changed: must be 0 */
  tetapBerpindah: number;
  sesiBaru: number;
  pesertaMasuk: number;
  pelanggaran: number;
}

/** CPU seconds (user + system) this process spent in `f`. */
async function cpuOf<T>(f: () => Promise<T>): Promise<[T, number]> {
  collectGarbage();
  const before = process.cpuUsage();
  const result = await f();
  const used = process.cpuUsage(before);
  return [result, (used.user + used.system) / 1e6];
}

/**
 * Re-plan after declines: the default plan, every session announced (one RSVP row per participant),
 * `share` of the answers `Tidak Hadir` (seeded), then `schedule --ulang`'s planSchedule. `cold`:
 * nothing was planned in this process yet, so a first, untimed plan warms the code both share.
 */
async function measureReplan(
  kasus: string,
  data: ProgramData,
  gaps: GapsReport,
  share: number,
  cold: boolean,
) {
  if (cold) await planSchedule(data, gaps, { solver: null });
  const [full, fullCpu] = await cpuOf(() => planSchedule(data, gaps, {}));
  const attendance = rsvpRows(full.sessions, share, rng(20_261_207));
  const declined: ProgramData = { ...data, attendance };
  const [again, againCpu] = await cpuOf(() => planSchedule(declined, gaps, { sebelumnya: full.sessions }));
  collectGarbage();
  const warm = await planSchedule(declined, gaps, { sebelumnya: full.sessions });
  const before = new Map(full.sessions.map((s) => [s.id, s] as const));
  const moved = (again.ulang?.tetap ?? []).filter((id) => {
    const old = before.get(id);
    const now = again.sessions.find((s) => s.id === id);
    return !old || !now || old.mulai !== now.mulai || old.selesai !== now.selesai || old.ruang !== now.ruang;
  }).length;
  const fullSeconds = full.stats.detik ?? 0;
  const againSeconds = again.stats.detik ?? 0;
  return {
    kasus,
    sesiDiumumkan: full.sessions.length,
    menolak: attendance.filter((a) => a.status === 'Tidak Hadir').length,
    detikPenuh: fmt(fullSeconds, 2),
    detikUlang: fmt(againSeconds, 2),
    rasioWaktu: fmt(fullSeconds > 0 ? againSeconds / fullSeconds : 0, 2),
    cpuPenuh: fmt(fullCpu, 2),
    cpuUlang: fmt(againCpu, 2),
    rasioCpu: fmt(fullCpu > 0 ? againCpu / fullCpu : 0, 2),
    detikUlangHangat: fmt(warm.stats.detik ?? 0, 2),
    rasioHangat: fmt(fullSeconds > 0 ? (warm.stats.detik ?? 0) / fullSeconds : 0, 2),
    rasioUlang: fmt(again.bound > 0 ? again.objective / again.bound : 1, 5),
    tetapBerpindah: moved,
    sesiBaru: again.ulang?.sesiBaru.length ?? 0,
    pesertaMasuk: again.ulang?.pesertaMasuk.length ?? 0,
    pelanggaran: violations(again, declined, gaps, full.sessions),
  } satisfies ReplanRow;
}

/** `BENCH_SCHEDULE=<text>`: only the cases whose label contains it (e.g. `8 ruang`). */
const only = process.env.BENCH_SCHEDULE;
const wanted = (kasus: string) => !only || kasus.includes(only);

export async function run(): Promise<void> {
  const rows: Row[] = [];
  const replans: ReplanRow[] = [];
  for (const [label, opts] of [
    ['Sawahlunto', SAMPLE_OPTIONS],
    ['Provinsi', PROVINCE_SCHEDULE_OPTIONS],
  ] as const) {
    const replanCase = `${label}, ulang setelah 5% menolak`;
    if (!wanted(`${label}, pagu sampel`) && !wanted(`${label}, pagu 30%`) && !wanted(replanCase)) continue;
    const t0 = performance.now();
    const data = validateWorkbook(generateProgram(opts)).data;
    const gaps = computeGaps(data);
    console.log(`${label}: data dibuat dan divalidasi dalam ${fmt((performance.now() - t0) / 1000, 1)} s`);
    if (wanted(`${label}, pagu sampel`)) {
      rows.push(await measure(`${label}, pagu sampel`, data, gaps));
      console.log(rows[rows.length - 1]);
    }
    if (wanted(`${label}, pagu 30%`)) {
      rows.push(await measure(`${label}, pagu 30%`, tightened(data, 0.3), gaps));
      console.log(rows[rows.length - 1]);
    }
    if (wanted(replanCase)) {
      const cold = !wanted(`${label}, pagu sampel`) && !wanted(`${label}, pagu 30%`);
      replans.push(await measureReplan(replanCase, data, gaps, 0.05, cold));
      console.log(replans[replans.length - 1]);
    }
  }
  for (const [asn, courses, opds, rooms] of [
    [2_500, 60, 25, 2],
    [50_000, 300, 60, 20],
    [50_000, 300, 60, 8],
  ] as const) {
    const kasus = `Sintetis ${asn} ASN ${rooms} ruang, pagu 50%`;
    if (!wanted(kasus)) continue;
    const inst = generateInstance({ seed: 20_261_128, asn, courses, opds, rooms, budgetRatio: 0.5 });
    rows.push(await measure(kasus, inst.data, inst.gaps));
    console.log(rows[rows.length - 1]);
  }
  if (rows.length) console.table(rows);
  if (replans.length) {
    console.table(replans);
    console.log(
      'Susun ulang: semua sesi diumumkan, 5% jawaban Tidak Hadir. Target: rasioWaktu < 0,10 (rasioCpu: waktu CPU, lebih stabil pada mesin sibuk), tetapBerpindah 0, pelanggaran 0.',
    );
  }
  console.log(
    'Rasio = objektif / batas atas (batas: relaksasi LP/Lagrange per OPD atau optimum knapsack per OPD, atau batas dual HiGHS). Target: >= 0,99 (2.500 ASN), >= 0,97 (50.000 ASN) dalam < 60 s.',
  );
}
