/**
 * Training plan and schedule: which ASN go to which course, how many sessions of each course
 * run, and on which dates (docs/rumus.md, "Penjadwalan").
 *
 * Two stages:
 *  1. Selection — maximise Σ prioritas closed (gap × Bobot, each (ASN, competency) counted once)
 *     + a bonus for each ASN brought up to the JP target (PP 17/2020 art. 203(4): 20 JP a year)
 *     + a bonus for each ASN with no training in the two years before the fiscal year (equity),
 *     − a tiny cost term as a tie-break; subject to the per-OPD `Anggaran.Pagu`.
 *     Fast path: per-ASN dynamic programming over (competencies covered, JP reached) gives each
 *     ASN's Pareto options (cost, value); per OPD this is a multiple-choice knapsack, solved
 *     exactly by DP when the budget grid is small, else by the LP-hull greedy plus local search.
 *     Exact path: the same selection as a MILP for HiGHS (through the MilpSolver port).
 *  2. Timetable — sessions of `Kapasitas` seats on consecutive working days, no ASN in two
 *     overlapping sessions, classroom sessions in a free `Ruang` with enough seats, dates in the
 *     participants' preferred months where possible. Enrolments that cannot be placed are
 *     dropped and reported (never silently); when classrooms overflow, room-days get a price
 *     and the selection is redone (the best resulting plan is kept). Under a room price each
 *     ASN chooses among the course sets on the convex hull of (cost, room-days) of every DP
 *     state — not only the cheapest set per state — so a dearer Daring course can replace a
 *     classroom one (at province scale this took the scarce-room plan from 0.923 to 0.997 of
 *     the bound: the bound was nearly tight, the plan was not).
 *  3. Local search — empty seats of placed sessions go to eligible ASN who gain from them, have
 *     Pagu left and are free on those days.
 *
 * `bound` is always a proven upper bound of the objective: the LP/Lagrangian bound (or exact
 * optimum) of the per-OPD knapsacks, which relax rooms, calendar and overlap, the Lagrangian
 * bound with room-days priced (sessions fractional, every room as the largest), or HiGHS's MIP
 * dual bound (which also counts room-days), whichever is lower. The core stays pure and
 * synchronous: the solver is a port.
 */
import { monthOf, workingDays } from './calendar.js';
import { buildDevelopmentPlan, type DevelopmentPlanRow } from './plan.js';
import type { GapsReport } from './reports.js';
import { resolveTahun } from './tahun.js';
import type { CellError, Course, Moda, ProgramData, Room } from './types.js';

// ---------------------------------------------------------------------------------------------
// Ports and public shapes

/** Result of one MILP/LP solve, in the terms the core needs. */
export interface MilpSolution {
  /** HiGHS model status text, e.g. 'Optimal', 'Time limit reached', 'Infeasible' */
  status: string;
  /** true when `values` hold a feasible (integer) solution */
  feasible: boolean;
  objective: number | null;
  /** proven upper bound for a maximisation (MIP dual bound), when the solver gives one */
  dualBound: number | null;
  /** column name -> value */
  values: Record<string, number>;
}

export interface MilpOptions {
  /** seconds */
  timeLimit?: number;
  /** relative MIP gap at which to stop */
  mipRelGap?: number;
  /** a feasible starting solution (column name -> value) */
  start?: Record<string, number>;
}

/** A MILP solver reading CPLEX LP text (HiGHS in functions/src/adapters/scheduler.ts). */
export interface MilpSolver {
  solve(lp: string, options: MilpOptions): MilpSolution;
}

export interface ScheduleWeights {
  /** bonus for an ASN below the JP target who reaches it with the plan */
  targetJp: number;
  /** bonus for an ASN with no training in the two years before the fiscal year who gets one */
  ekuitas: number;
  /** objective units per rupiah (tie-break: at equal benefit, the cheaper plan) */
  biaya: number;
}

export type ScheduleMethod = 'auto' | 'milp' | 'heuristik';

export interface ScheduleOptions {
  /** fiscal year; default `settings.tahun` */
  tahun?: number;
  /** public holidays and cuti bersama of the fiscal year (ISO dates), already corrected */
  holidays: ReadonlySet<string>;
  /**
   * earliest start date (ISO `YYYY-MM-DD`): no session starts before it. Planning the year
   * already under way, the adapters pass tomorrow (Asia/Jakarta), so nothing lands in the past.
   */
  mulaiPalingAwal?: string;
  method?: ScheduleMethod;
  solver?: MilpSolver;
  /** MILP time limit in seconds (default 30) */
  timeLimit?: number;
  /** largest number of (ASN, course) pairs sent to the MILP under 'auto' (default 40,000) */
  maxMilpPairs?: number;
  weights?: Partial<ScheduleWeights>;
}

export interface ScheduledSession {
  id: string;
  kode: string;
  mulai: string;
  selesai: string;
  peserta: string[];
  // extensions
  judul: string;
  hari: number;
  jp: number;
  moda: Moda;
  biayaPerPeserta: number;
  penyelenggara?: string;
  bentuk?: string;
  /** classroom assigned (only when the `Ruang` sheet exists and the session is not Daring) */
  ruang?: string;
}

export interface BudgetUse {
  opd: string;
  pagu: number;
  terpakai: number;
  // extension
  peserta: number;
}

export interface UnmetNeed {
  nip: string;
  opd: string;
  kode: string;
  prioritas: number;
  /** why it stays open, Bahasa Indonesia */
  alasan: string;
}

export interface IndividualPlan {
  nip: string;
  nama: string;
  opd: string;
  jabatan: string;
  kebutuhan: { kode: string; prioritas: number; terpenuhi: boolean }[];
  sesi: { id: string; kode: string; judul: string; mulai: string; selesai: string; jp: number }[];
  jpAwal: number;
  jpRencana: number;
  target: number;
  memenuhiTarget: boolean;
  ekuitas: boolean;
  biaya: number;
}

export interface ScheduleStats {
  metode: 'milp' | 'heuristik';
  status: 'optimal' | 'layak';
  /** (bound − objective) / bound */
  gap: number;
  objektifHeuristik: number;
  batasHeuristik: number;
  objektifMilp: number | null;
  batasMilp: number | null;
  statusMilp: string | null;
  /** eligible (ASN, course) pairs */
  pasangan: number;
  pegawaiBerkebutuhan: number;
  peserta: number;
  hariKerja: number;
  /** enrolments chosen but impossible to place in the calendar */
  gagalDijadwalkan: number;
  /** price per room-day used to reselect when classrooms overflowed (0: not needed) */
  hargaRuang: number;
  preferensiBulan: { dihormati: number; total: number };
  preferensiModa: { dihormati: number; total: number };
  /** set by the adapter */
  detik?: number;
}

export interface ScheduleReport {
  sessions: ScheduledSession[];
  objective: number;
  bound: number;
  budget: BudgetUse[];
  // extensions
  tahun: number;
  /** earliest start date the plan honoured (see ScheduleOptions.mulaiPalingAwal) */
  mulaiPalingAwal?: string;
  target: number;
  bobot: ScheduleWeights;
  stats: ScheduleStats;
  individu: IndividualPlan[];
  unmet: UnmetNeed[];
  /** the development plan in the columns of PP 11/2017 art. 207 (plan.ts) */
  rencana: DevelopmentPlanRow[];
  /** input the schedule had to work around (sheet, row, column, why), Bahasa Indonesia */
  peringatan: CellError[];
}

// ---------------------------------------------------------------------------------------------
// Instance

interface CourseModel {
  course: Course;
  hari: number;
  moda: Moda;
  classroom: boolean;
  /** seats per session, after the largest room when rooms limit classrooms */
  kap: number;
  schedulable: boolean;
}

interface AsnModel {
  nip: string;
  nama: string;
  opd: string;
  jabatan: string;
  needs: { kode: string; prioritas: number }[];
  eligible: number[];
  jp0: number;
  tRem: number;
  equity: boolean;
  prefMonths: number[];
  prefModa?: Moda;
}

interface Instance {
  warnings: CellError[];
  tahun: number;
  target: number;
  days: string[];
  courses: CourseModel[];
  asn: AsnModel[];
  opds: string[];
  pagu: Map<string, number>;
  rooms: Room[];
  weights: ScheduleWeights;
}

const MAX_EXACT_BITS = 12;
/** room prices tried (objective units per room-day) when the rooms cannot hold the first selection */
const ROOM_PRICES = [10, 30, 90, 270];

function buildInstance(data: ProgramData, gaps: GapsReport, opts: ScheduleOptions): Instance {
  const tahun = resolveTahun(data, opts.tahun);
  const earliest = opts.mulaiPalingAwal;
  const days = workingDays(tahun, opts.holidays).filter((d) => earliest === undefined || d >= earliest);
  const rooms = [...data.rooms].sort((a, b) => b.kapasitas - a.kapasitas || a.nama.localeCompare(b.nama));
  const maxSeats = rooms[0]?.kapasitas ?? 0;

  const seen = new Set<string>();
  const courses: CourseModel[] = [];
  for (const c of [...data.courses].sort((a, b) => a.kode.localeCompare(b.kode))) {
    if (seen.has(c.kode)) continue;
    seen.add(c.kode);
    const moda: Moda = c.moda ?? 'Tatap Muka';
    const classroom = moda !== 'Daring';
    const hari = Math.max(1, c.hari || 1);
    const kap = classroom && rooms.length > 0 ? Math.min(c.kapasitas, maxSeats) : c.kapasitas;
    courses.push({ course: c, hari, moda, classroom, kap, schedulable: kap >= 1 && hari <= days.length });
  }
  const byComp = new Map<string, number[]>();
  courses.forEach((cm, i) => {
    if (!cm.schedulable) return;
    for (const k of new Set(cm.course.kompetensi)) {
      const list = byComp.get(k) ?? [];
      list.push(i);
      byComp.set(k, list);
    }
  });

  const jpYear = new Map<string, number>();
  const recent = new Set<string>();
  for (const t of data.trainings) {
    const y = Number(t.mulai.slice(0, 4));
    if (y === tahun) jpYear.set(t.nip, (jpYear.get(t.nip) ?? 0) + t.jp);
    if (y >= tahun - 2 && y <= tahun) recent.add(t.nip);
  }
  const prefs = new Map(data.preferences.map((p) => [p.nip, p] as const));
  const target = data.settings.targetJp;
  const nama = new Map(data.employees.map((e) => [e.nip, e.nama] as const));

  const asn: AsnModel[] = [];
  for (const e of [...gaps.employees].sort((a, b) => a.nip.localeCompare(b.nip))) {
    const needs = e.competencies
      .filter((c) => c.gap !== null && c.gap > 0 && c.prioritas !== null && c.prioritas > 0)
      .map((c) => ({ kode: c.kode, prioritas: c.prioritas as number }))
      .sort((a, b) => b.prioritas - a.prioritas || a.kode.localeCompare(b.kode));
    const eligible = [...new Set(needs.flatMap((n) => byComp.get(n.kode) ?? []))].sort((a, b) => a - b);
    const jp0 = jpYear.get(e.nip) ?? 0;
    const p = prefs.get(e.nip);
    const model: AsnModel = {
      nip: e.nip,
      nama: nama.get(e.nip) ?? '',
      opd: e.opd,
      jabatan: e.jabatan,
      needs,
      eligible,
      jp0,
      tRem: Math.max(0, target - jp0),
      equity: !recent.has(e.nip),
      prefMonths: p ? [...new Set(p.bulan)].filter((m) => m >= 1 && m <= 12).sort((a, b) => a - b) : [],
    };
    if (p?.moda) model.prefModa = p.moda;
    asn.push(model);
  }

  const pagu = new Map<string, number>();
  for (const b of data.budgets) if (!pagu.has(b.opd)) pagu.set(b.opd, b.pagu);
  const opds = [...new Set([...pagu.keys(), ...asn.map((a) => a.opd)])].sort((a, b) => a.localeCompare(b));

  const maxBiaya = Math.max(1, ...courses.map((c) => c.course.biaya));
  const weights: ScheduleWeights = {
    targetJp: opts.weights?.targetJp ?? 10,
    ekuitas: opts.weights?.ekuitas ?? 5,
    biaya: opts.weights?.biaya ?? 0.001 / maxBiaya,
  };
  const warnings: CellError[] = [];
  const seenKode = new Set<string>();
  for (const c of [...data.courses].sort((a, b) => a.row - b.row)) {
    if (seenKode.has(c.kode)) {
      warnings.push({
        sheet: 'Katalog Pelatihan',
        row: c.row,
        column: 'Kode',
        value: c.kode,
        message: `Kode ${c.kode} sudah dipakai baris lain; baris pertama yang dipakai untuk penjadwalan.`,
      });
    }
    seenKode.add(c.kode);
  }
  for (const cm of courses) {
    if (cm.hari > days.length) {
      warnings.push({
        sheet: 'Katalog Pelatihan',
        row: cm.course.row,
        column: 'Hari',
        value: cm.course.hari,
        message: `Pelatihan ${cm.course.kode} berlangsung ${cm.hari} hari kerja, lebih dari ${days.length} hari kerja tahun ${tahun}; tidak dijadwalkan.`,
      });
    }
  }
  const seenOpd = new Set<string>();
  const employeeOpds = new Set(asn.map((a) => a.opd));
  for (const b of data.budgets) {
    if (seenOpd.has(b.opd)) {
      warnings.push({
        sheet: 'Anggaran',
        row: b.row,
        column: 'OPD',
        value: b.opd,
        message: `OPD ${b.opd} tercantum lebih dari sekali; pagu baris pertama yang dipakai.`,
      });
    } else if (!employeeOpds.has(b.opd)) {
      warnings.push({
        sheet: 'Anggaran',
        row: b.row,
        column: 'OPD',
        value: b.opd,
        message: `OPD ${b.opd} tidak ada di lembar Pegawai; pagunya tidak terpakai.`,
      });
    }
    seenOpd.add(b.opd);
  }
  for (const opd of [...employeeOpds].sort()) {
    if (!pagu.has(opd) && asn.some((a) => a.opd === opd && a.eligible.length > 0)) {
      warnings.push({
        sheet: 'Anggaran',
        row: 0,
        column: 'OPD',
        value: opd,
        message: `OPD ${opd} tidak memiliki baris di lembar Anggaran; pagu dianggap Rp0.`,
      });
    }
  }
  return { warnings, tahun, target, days, courses, asn, opds, pagu, rooms, weights };
}

/** The true objective of one ASN's course set (coverage counted once per competency). */
function asnObjective(inst: Instance, a: AsnModel, chosen: readonly number[]): number {
  if (chosen.length === 0) return 0;
  const w = inst.weights;
  let v = 0;
  for (const n of a.needs) {
    if (chosen.some((c) => inst.courses[c]?.course.kompetensi.includes(n.kode))) v += n.prioritas;
  }
  let jp = 0;
  let cost = 0;
  for (const c of chosen) {
    const cm = inst.courses[c] as CourseModel;
    jp += cm.course.jp;
    cost += cm.course.biaya;
  }
  if (a.tRem > 0 && jp >= a.tRem) v += w.targetJp;
  if (a.equity) v += w.ekuitas;
  return v - w.biaya * cost;
}

// ---------------------------------------------------------------------------------------------
// Stage 1a: per-ASN options by dynamic programming

interface AsnOption {
  cost: number;
  value: number;
  courses: number[];
  /** index of the hull point (hull options: courses are read from the hull on demand) */
  point?: number;
}

/** Scratch buffers of the DP, grown on demand and reused across ASN (the core is synchronous). */
const scratch = {
  cost: new Float64Array(0),
  days: new Int32Array(0),
  node: new Int32Array(0),
  live: new Uint8Array(0),
};

function ensureScratch(n: number): void {
  if (scratch.cost.length >= n) return;
  const size = Math.max(n, scratch.cost.length * 2, 1024);
  scratch.cost = new Float64Array(size).fill(Number.POSITIVE_INFINITY);
  scratch.days = new Int32Array(size);
  scratch.node = new Int32Array(size).fill(-1);
  scratch.live = new Uint8Array(size);
}

/**
 * One ASN's DP result: for each reachable state (needs covered, JP reached) its cheapest course
 * set (then least room use, then fewest days), pruned to the states no other state beats on
 * cost, room use and benefit at once. `extra`: the priority of needs beyond the DP's exact bits,
 * added to the bound as if closed for free.
 */
interface AsnDp {
  extra: number;
  cost: Float64Array;
  room: Float64Array;
  /** benefit: priorities closed + JP target bonus + equity bonus */
  f: Float64Array;
  courses: number[][];
}

/** The bits of the ASN's needs (bit: need code -> bit) that a course addresses. */
function needMask(cm: CourseModel, bit: ReadonlyMap<string, number>): number {
  let mask = 0;
  for (const k of cm.course.kompetensi) {
    const b = bit.get(k);
    if (b !== undefined) mask |= 1 << b;
  }
  return mask;
}

/**
 * The state space both per-ASN searches walk (asnDp, asnRoomHull): a state is (the needs
 * covered, as bits of `exact`) × width + (JP reached, in units of the courses' JP gcd, capped
 * at the target). A course takes state s to
 * `(floor(s / width) | needMask(cm, bit)) * width + min(s % width + jp / g, jpCap)`.
 */
interface NeedStates {
  exact: readonly { kode: string; prioritas: number }[];
  /** the priority of covered needs beyond MAX_EXACT_BITS (counted as closed, for the bound) */
  extra: number;
  bit: ReadonlyMap<string, number>;
  /** gcd of the eligible courses' JP */
  g: number;
  jpCap: number;
  width: number;
  /** a state's benefit: priorities closed + JP target bonus + equity bonus */
  value(s: number): number;
}

function needStates(inst: Instance, a: AsnModel): NeedStates {
  const covered = a.needs.filter((n) =>
    a.eligible.some((c) => inst.courses[c]?.course.kompetensi.includes(n.kode)),
  );
  const exact = covered.slice(0, MAX_EXACT_BITS);
  const extra = covered.slice(MAX_EXACT_BITS).reduce((s, n) => s + n.prioritas, 0);
  const bit = new Map(exact.map((n, i) => [n.kode, i] as const));
  // JP in units of the gcd: a sum of multiples of g reaches tRem iff it reaches ceil(tRem / g) units
  let g = 0;
  for (const c of a.eligible) g = gcd(g, (inst.courses[c] as CourseModel).course.jp);
  if (!Number.isInteger(g) || g < 1) g = 1;
  const tUnits = Math.ceil(a.tRem / g);
  const jpCap = Math.max(tUnits, 1);
  const width = jpCap + 1;
  const w = inst.weights;
  const value = (s: number): number => {
    const m = Math.floor(s / width);
    const j = s % width;
    let f = 0;
    for (let i = 0; i < exact.length; i++)
      if (m & (1 << i)) f += (exact[i] as { prioritas: number }).prioritas;
    if (j > 0) {
      if (a.tRem > 0 && j >= tUnits) f += w.targetJp;
      if (a.equity) f += w.ekuitas;
    }
    return f;
  };
  return { exact, extra, bit, g, jpCap, width, value };
}

/** `enforceDays`: skip course sets longer than the year's working days (off for the bound). */
function asnDp(inst: Instance, a: AsnModel, roomUse: Float64Array, enforceDays: boolean): AsnDp {
  const none: AsnDp = {
    extra: 0,
    cost: new Float64Array(1),
    room: new Float64Array(1),
    f: new Float64Array(1),
    courses: [[]],
  };
  if (a.eligible.length === 0) return none;
  const { exact, extra, bit, g, jpCap, width, value } = needStates(inst, a);
  const nStates = (1 << exact.length) * width;
  ensureScratch(nStates);
  const { cost, days, node, live: isLive } = scratch;
  const room = scratchRoom(nStates);
  const nodeCourse: number[] = [];
  const nodePrev: number[] = [];
  const live: number[] = [0];
  cost[0] = 0;
  days[0] = 0;
  room[0] = 0;
  node[0] = -1;
  isLive[0] = 1;
  const maxDays = enforceDays ? inst.days.length : Number.POSITIVE_INFINITY;
  const pt: number[] = [];
  const pc: number[] = [];
  const pr: number[] = [];
  const pm: number[] = [];
  const pd: number[] = [];
  const pn: number[] = [];
  const mis = scratchMismatch(nStates);
  mis[0] = 0;
  // equal cost: fewer courses against the ASN's preferred mode (needs survey), then less room
  const better = (nc: number, nm: number, nr: number, nd: number, t: number) => {
    const oc = cost[t] as number;
    if (nc !== oc) return nc < oc;
    const om = mis[t] as number;
    if (nm !== om) return nm < om;
    const or = room[t] as number;
    if (nr !== or) return nr < or;
    return nd < (days[t] as number);
  };

  for (const c of a.eligible) {
    const cm = inst.courses[c] as CourseModel;
    const mask = needMask(cm, bit);
    const ju = Math.round(cm.course.jp / g);
    const b = cm.course.biaya;
    const ru = roomUse[c] as number;
    const mm = a.prefModa !== undefined && a.prefModa !== cm.moda ? 1 : 0;
    // 0/1 knapsack: propose from the values before this course, then apply
    pt.length = 0;
    pc.length = 0;
    pm.length = 0;
    pr.length = 0;
    pd.length = 0;
    pn.length = 0;
    for (let i = 0, L = live.length; i < L; i++) {
      const s = live[i] as number;
      const nd = (days[s] as number) + cm.hari;
      if (nd > maxDays) continue;
      const t = (Math.floor(s / width) | mask) * width + Math.min((s % width) + ju, jpCap);
      if (t === s) continue;
      const nc = (cost[s] as number) + b;
      const nr = (room[s] as number) + ru;
      const nm = (mis[s] as number) + mm;
      if (better(nc, nm, nr, nd, t)) {
        pt.push(t);
        pc.push(nc);
        pm.push(nm);
        pr.push(nr);
        pd.push(nd);
        pn.push(node[s] as number);
      }
    }
    for (let i = 0; i < pt.length; i++) {
      const t = pt[i] as number;
      if (!better(pc[i] as number, pm[i] as number, pr[i] as number, pd[i] as number, t)) continue;
      cost[t] = pc[i] as number;
      mis[t] = pm[i] as number;
      room[t] = pr[i] as number;
      days[t] = pd[i] as number;
      nodeCourse.push(c);
      nodePrev.push(pn[i] as number);
      node[t] = nodeCourse.length - 1;
      if (!isLive[t]) {
        isLive[t] = 1;
        live.push(t);
      }
    }
  }

  const raw: { cost: number; room: number; f: number; n: number }[] = [];
  for (const s of live) {
    raw.push({ cost: cost[s] as number, room: room[s] as number, f: value(s), n: node[s] as number });
  }
  // reset the scratch states this ASN touched
  for (const s of live) {
    cost[s] = Number.POSITIVE_INFINITY;
    days[s] = 0;
    room[s] = 0;
    mis[s] = 0;
    node[s] = -1;
    isLive[s] = 0;
  }
  // keep a state unless another is no dearer, uses no more room and brings at least as much
  raw.sort((x, y) => x.cost - y.cost || x.room - y.room || y.f - x.f);
  const kept: typeof raw = [];
  for (const o of raw) {
    if (kept.some((k) => k.room <= o.room && k.f >= o.f - 1e-12)) continue;
    kept.push(o);
  }
  const out: AsnDp = {
    extra,
    cost: Float64Array.from(kept, (k) => k.cost),
    room: Float64Array.from(kept, (k) => k.room),
    f: Float64Array.from(kept, (k) => k.f),
    courses: kept.map((k) => {
      const cs: number[] = [];
      for (let n = k.n; n >= 0; n = nodePrev[n] as number) cs.push(nodeCourse[n] as number);
      return cs.sort((x, y) => x - y);
    }),
  };
  return out;
}

let scratchMisBuf = new Int32Array(0);
function scratchMismatch(n: number): Int32Array {
  if (scratchMisBuf.length < n) scratchMisBuf = new Int32Array(Math.max(n, scratch.cost.length));
  return scratchMisBuf;
}

let scratchRoomBuf = new Float64Array(0);
function scratchRoom(n: number): Float64Array {
  if (scratchRoomBuf.length < scratch.cost.length || scratchRoomBuf.length < n) {
    scratchRoomBuf = new Float64Array(Math.max(n, scratch.cost.length));
  }
  return scratchRoomBuf;
}

/** Pareto options (cost ascending, value strictly ascending) at room price `lambda`. */
function optionsAt(dp: AsnDp, lambda: number, wc: number): AsnOption[] {
  const idx = Array.from({ length: dp.cost.length }, (_, i) => i);
  const val = (i: number) =>
    (dp.f[i] as number) - wc * (dp.cost[i] as number) - lambda * (dp.room[i] as number);
  idx.sort((x, y) => (dp.cost[x] as number) - (dp.cost[y] as number) || val(y) - val(x));
  const options: AsnOption[] = [];
  let last = Number.NEGATIVE_INFINITY;
  for (const i of idx) {
    const v = val(i);
    if (v <= last + 1e-9) continue;
    // the first option must be affordable by any budget: the empty set (cost 0) always exists
    last = v;
    options.push({ cost: dp.cost[i] as number, value: v, courses: dp.courses[i] as number[] });
  }
  return options;
}

// ---------------------------------------------------------------------------------------------
// Stage 1b: per-OPD multiple-choice knapsack

interface MckpResult {
  choice: number[];
  value: number;
  /** proven upper bound of this knapsack */
  bound: number;
  exact: boolean;
}

function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y) [x, y] = [y, x % y];
  return x;
}

/** Upper concave hull of a Pareto list (indices), starting at option 0. */
function hull(options: readonly AsnOption[]): number[] {
  const h: number[] = [0];
  for (let i = 1; i < options.length; i++) {
    const p = options[i] as AsnOption;
    while (h.length >= 2) {
      const a = options[h[h.length - 2] as number] as AsnOption;
      const b = options[h[h.length - 1] as number] as AsnOption;
      // drop b when it lies on or below the segment a -> p
      if ((b.value - a.value) * (p.cost - a.cost) <= (p.value - a.value) * (b.cost - a.cost)) h.pop();
      else break;
    }
    h.push(i);
  }
  return h;
}

/** `lpOnly`: only the LP bound is wanted (options that are hull points, not whole plans). */
function solveMckp(classes: readonly AsnOption[][], budget: number, lpOnly = false): MckpResult {
  const n = classes.length;
  const choice = new Array<number>(n).fill(0);
  const totalValue = (ch: readonly number[]) =>
    ch.reduce((s, o, i) => s + ((classes[i] as AsnOption[])[o] as AsnOption).value, 0);

  // unconstrained optimum fits: take every ASN's best option
  let maxCost = 0;
  for (const opts of classes) maxCost += (opts[opts.length - 1] as AsnOption).cost;
  if (maxCost <= budget) {
    classes.forEach((opts, i) => {
      choice[i] = opts.length - 1;
    });
    const v = totalValue(choice);
    return { choice, value: v, bound: v, exact: true };
  }

  // LP relaxation (Sinha–Zoltners): hull increments by decreasing slope
  interface Inc {
    cls: number;
    from: number;
    to: number;
    dc: number;
    dv: number;
  }
  const incs: Inc[] = [];
  classes.forEach((opts, cls) => {
    const h = hull(opts);
    for (let k = 1; k < h.length; k++) {
      const a = opts[h[k - 1] as number] as AsnOption;
      const b = opts[h[k] as number] as AsnOption;
      incs.push({
        cls,
        from: h[k - 1] as number,
        to: h[k] as number,
        dc: b.cost - a.cost,
        dv: b.value - a.value,
      });
    }
  });
  // slope dv/dc descending; dc > 0 always (Pareto costs strictly increase)
  incs.sort((x, y) => y.dv * x.dc - x.dv * y.dc || x.cls - y.cls || x.from - y.from);
  let used = 0;
  let value = totalValue(choice);
  let lpBound: number | null = null;
  const frozen = new Uint8Array(n);
  for (const inc of incs) {
    if (frozen[inc.cls] || choice[inc.cls] !== inc.from) continue;
    if (used + inc.dc <= budget) {
      used += inc.dc;
      value += inc.dv;
      choice[inc.cls] = inc.to;
    } else {
      if (lpBound === null) lpBound = value + ((budget - used) / inc.dc) * inc.dv;
      frozen[inc.cls] = 1;
    }
  }
  const bound = lpBound ?? value;
  if (lpOnly) return { choice, value, bound, exact: false };

  // exact DP over the budget grid when it is small enough
  const costs: number[] = [];
  let integral = Number.isInteger(budget);
  for (const opts of classes) for (const o of opts) if (o.cost <= budget) costs.push(o.cost);
  for (const c of costs) if (!Number.isInteger(c)) integral = false;
  if (integral) {
    const g = costs.reduce((acc, c) => (c > 0 ? gcd(acc, c) : acc), 0);
    const units = g > 0 ? Math.floor(budget / g) : 0;
    const work = (units + 1) * costs.length;
    if (g > 0 && work <= 20_000_000 && n * (units + 1) <= 20_000_000) {
      return mckpDp(classes, budget, g, units, bound);
    }
  }

  // local search: spend what is left, best gain first
  improveFill(classes, choice, budget - used);
  const v = totalValue(choice);
  return { choice, value: v, bound: Math.max(bound, v), exact: false };
}

function improveFill(classes: readonly AsnOption[][], choice: number[], left0: number): void {
  let left = left0;
  for (let iter = 0; iter < classes.length * 4; iter++) {
    let best = -1;
    let bestTo = -1;
    let bestGain = 1e-9;
    classes.forEach((opts, i) => {
      const cur = opts[choice[i] as number] as AsnOption;
      for (let o = (choice[i] as number) + 1; o < opts.length; o++) {
        const op = opts[o] as AsnOption;
        if (op.cost - cur.cost > left) break;
        const gain = op.value - cur.value;
        if (gain > bestGain) {
          bestGain = gain;
          best = i;
          bestTo = o;
        }
      }
    });
    if (best < 0) return;
    const opts = classes[best] as AsnOption[];
    left -= (opts[bestTo] as AsnOption).cost - (opts[choice[best] as number] as AsnOption).cost;
    choice[best] = bestTo;
  }
}

function mckpDp(
  classes: readonly AsnOption[][],
  budget: number,
  g: number,
  units: number,
  lp: number,
): MckpResult {
  const n = classes.length;
  const W = units + 1;
  let dp = new Float64Array(W); // best value with at most u units, classes so far (option 0 costs 0)
  const pick = new Uint16Array(n * W);
  for (let i = 0; i < n; i++) {
    const opts = classes[i] as AsnOption[];
    const next = new Float64Array(W).fill(Number.NEGATIVE_INFINITY);
    for (let o = 0; o < opts.length && o < 65535; o++) {
      const op = opts[o] as AsnOption;
      if (op.cost > budget) break;
      const cu = Math.round(op.cost / g);
      for (let u = cu; u < W; u++) {
        const v = (dp[u - cu] as number) + op.value;
        if (v > (next[u] as number) + 1e-12) {
          next[u] = v;
          pick[i * W + u] = o;
        }
      }
    }
    dp = next;
  }
  const choice = new Array<number>(n).fill(0);
  let u = units;
  for (let i = n - 1; i >= 0; i--) {
    const o = pick[i * W + u] as number;
    choice[i] = o;
    u -= Math.round(((classes[i] as AsnOption[])[o] as AsnOption).cost / g);
  }
  const value = choice.reduce((s, o, i) => s + ((classes[i] as AsnOption[])[o] as AsnOption).value, 0);
  // the DP optimum is the knapsack's optimum: a proven bound (never above the LP one)
  return { choice, value, bound: Math.min(lp, Math.max(value, dp[units] as number)), exact: true };
}

interface Selection {
  chosen: number[][];
  /** a proven upper bound (only at lambda = 0) */
  bound: number;
}

interface Prepared {
  dps: AsnDp[];
  /** DP without the per-ASN day limit, only for ASN whose eligible courses exceed the year */
  relaxed: Map<number, AsnDp>;
  byOpd: Map<string, number[]>;
  roomUse: Float64Array;
}

function prepare(inst: Instance): Prepared {
  // room-days per participant of a classroom course (sessions relaxed to participants / seats)
  const roomUse = Float64Array.from(inst.courses, (c) =>
    c.classroom && inst.rooms.length > 0 ? c.hari / c.kap : 0,
  );
  const relaxed = new Map<number, AsnDp>();
  const dps = inst.asn.map((a, i) => {
    const total = a.eligible.reduce((d, c) => d + (inst.courses[c]?.hari ?? 0), 0);
    if (total > inst.days.length) relaxed.set(i, asnDp(inst, a, roomUse, false));
    return asnDp(inst, a, roomUse, true);
  });
  const byOpd = new Map<string, number[]>();
  inst.asn.forEach((a, i) => {
    const list = byOpd.get(a.opd) ?? [];
    list.push(i);
    byOpd.set(a.opd, list);
  });
  return { dps, relaxed, byOpd, roomUse };
}

/**
 * Per-OPD knapsacks over the ASN options valued at room price `lambda` (objective units per
 * room-day). At lambda = 0 the knapsack bounds (with the day limit relaxed) sum to a proven
 * upper bound of the whole problem, which only drops constraints (rooms, calendar, overlap).
 */
function selectAt(inst: Instance, prep: Prepared, lambda: number): Selection {
  const chosen: number[][] = inst.asn.map(() => []);
  const wc = inst.weights.biaya;
  let bound = 0;
  for (const opd of inst.opds) {
    const members = prep.byOpd.get(opd) ?? [];
    if (members.length === 0) continue;
    const classes = members.map((i) => optionsAt(prep.dps[i] as AsnDp, lambda, wc));
    for (const i of members) bound += (prep.dps[i] as AsnDp).extra;
    const pagu = inst.pagu.get(opd) ?? 0;
    const r = solveMckp(classes, pagu);
    let b = r.bound;
    if (lambda === 0 && members.some((i) => prep.relaxed.has(i))) {
      const loose = members.map((i) => optionsAt(prep.relaxed.get(i) ?? (prep.dps[i] as AsnDp), 0, wc));
      b = Math.max(b, solveMckp(loose, pagu).bound);
    }
    bound += b;
    members.forEach((i, k) => {
      chosen[i] = [...((classes[k] as AsnOption[])[r.choice[k] as number] as AsnOption).courses];
    });
  }
  return { chosen, bound };
}

/**
 * One ASN's room-aware options: per DP state, the lower-left convex hull of the (cost, room-use)
 * points of every course set reaching it. Hull of a union = hull of the union of hulls, so
 * carrying only hull points is exact for any positive combination of cost and room (the bound
 * needs nothing else). Unlike `asnDp`, which keeps each state's cheapest course set, these keep
 * the room-saving alternatives (e.g. a dearer Daring course instead of a classroom one) that a
 * positive room price should be able to pick.
 */
interface AsnHull {
  /** flat triples [cost, benefit − wc·cost, room] per hull point (no day limit) */
  tri: Float64Array;
  /** each point's course set as a node (−1: empty set), or −2 when it needs more working days than the year has */
  node: Int32Array;
  nodeCourse: Int32Array;
  nodePrev: Int32Array;
}

function hullCourses(hull: AsnHull, point: number): number[] {
  const cs: number[] = [];
  for (let n = hull.node[point] as number; n >= 0; n = hull.nodePrev[n] as number)
    cs.push(hull.nodeCourse[n] as number);
  return cs.sort((x, y) => x - y);
}

function asnRoomHull(inst: Instance, a: AsnModel, roomUse: Float64Array): AsnHull {
  const empty = new Int32Array(0);
  if (a.eligible.length === 0)
    return { tri: new Float64Array([0, 0, 0]), node: Int32Array.of(-1), nodeCourse: empty, nodePrev: empty };
  const { bit, g, jpCap, width, value } = needStates(inst, a);
  // points are flat (cost, room, node); node −1 is the empty set, a node ≥ 0 is (course, prev),
  // a node ≤ −2 is pending (this course on top of node −code − 3) until it survives the merge
  const nodeCourse: number[] = [];
  const nodePrev: number[] = [];
  const nodeDays: number[] = [];
  const pts = new Map<number, number[]>([[0, [0, 0, -1]]]);
  for (const c of a.eligible) {
    const cm = inst.courses[c] as CourseModel;
    const mask = needMask(cm, bit);
    const ju = Math.round(cm.course.jp / g);
    const b = cm.course.biaya;
    const ru = roomUse[c] as number;
    const proposals: [number, number[]][] = [];
    for (const [s, list] of pts) {
      const t = (Math.floor(s / width) | mask) * width + Math.min((s % width) + ju, jpCap);
      if (t === s) continue; // the course adds nothing to this state: never part of its hull
      const shifted = new Array<number>(list.length);
      for (let i = 0; i < list.length; i += 3) {
        shifted[i] = (list[i] as number) + b;
        shifted[i + 1] = (list[i + 1] as number) + ru;
        shifted[i + 2] = -(list[i + 2] as number) - 3;
      }
      proposals.push([t, shifted]);
    }
    for (const [t, shifted] of proposals) {
      const old = pts.get(t);
      pts.set(t, old ? mergeHull(old, shifted) : shifted);
    }
    for (const [t] of proposals) {
      const list = pts.get(t) as number[];
      for (let i = 2; i < list.length; i += 3) {
        const code = list[i] as number;
        if (code > -2) continue;
        const prev = -code - 3;
        nodeCourse.push(c);
        nodePrev.push(prev);
        nodeDays.push((prev >= 0 ? (nodeDays[prev] as number) : 0) + cm.hari);
        list[i] = nodeCourse.length - 1;
      }
    }
  }
  const w = inst.weights;
  const D = inst.days.length;
  const out: number[] = [];
  const nodes: number[] = [];
  for (const [s, list] of pts) {
    const f = value(s);
    for (let i = 0; i < list.length; i += 3) {
      const c = list[i] as number;
      out.push(c, f - w.biaya * c, list[i + 1] as number);
      const node = list[i + 2] as number;
      nodes.push(node >= 0 && (nodeDays[node] as number) > D ? -2 : node);
    }
  }
  // points by cost once here, so each room price only has to scan them (hullOptionsAt)
  const order = Array.from({ length: nodes.length }, (_, i) => i).sort(
    (x, y) => (out[3 * x] as number) - (out[3 * y] as number) || x - y,
  );
  return {
    tri: Float64Array.from(order.flatMap((i) => [out[3 * i], out[3 * i + 1], out[3 * i + 2]] as number[])),
    node: Int32Array.from(order, (i) => nodes[i] as number),
    nodeCourse: Int32Array.from(nodeCourse),
    nodePrev: Int32Array.from(nodePrev),
  };
}

/**
 * Lower-left convex hull of two flat (cost, room, node) lists, each already a hull sorted by
 * cost: the only points a positive price on cost and room can pick. Linear merge.
 */
function mergeHull(a: readonly number[], b: readonly number[]): number[] {
  const h: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let c: number;
    let r: number;
    let node: number;
    const takeA =
      j >= b.length ||
      (i < a.length &&
        ((a[i] as number) < (b[j] as number) ||
          (a[i] === b[j] && (a[i + 1] as number) <= (b[j + 1] as number))));
    if (takeA) {
      c = a[i] as number;
      r = a[i + 1] as number;
      node = a[i + 2] as number;
      i += 3;
    } else {
      c = b[j] as number;
      r = b[j + 1] as number;
      node = b[j + 2] as number;
      j += 3;
    }
    const n = h.length;
    if (n >= 3 && r >= (h[n - 2] as number)) continue; // dearer and no less room: dominated
    while (h.length >= 6) {
      const m = h.length;
      const ac = h[m - 6] as number;
      const ar = h[m - 5] as number;
      const bc = h[m - 3] as number;
      const br = h[m - 2] as number;
      // drop the middle point when it lies on or above the segment to (c, r)
      if ((br - ar) * (c - ac) >= (r - ar) * (bc - ac)) h.length = m - 3;
      else break;
    }
    h.push(c, r, node);
  }
  return h;
}

/**
 * Options (cost, value at room price lambda) from hull points, Pareto-filtered. With `plans`,
 * only points whose course set fits the year; without, every point (bound).
 */
function hullOptionsAt(hull: AsnHull, lambda: number, plans = false): AsnOption[] {
  const tri = hull.tri;
  const n = tri.length / 3;
  const out: AsnOption[] = [];
  let last = Number.NEGATIVE_INFINITY;
  // points are sorted by cost: per run of equal cost take the best value, keep it if it beats
  // every cheaper option
  for (let i = 0; i < n; ) {
    const cost = tri[3 * i] as number;
    let best = -1;
    let bestV = Number.NEGATIVE_INFINITY;
    for (; i < n && tri[3 * i] === cost; i++) {
      if (plans && (hull.node[i] as number) < -1) continue;
      const v = (tri[3 * i + 1] as number) - lambda * (tri[3 * i + 2] as number);
      if (v > bestV) {
        bestV = v;
        best = i;
      }
    }
    if (best < 0 || bestV <= last + 1e-9) continue;
    last = bestV;
    out.push({ cost, value: bestV, courses: [], point: best });
  }
  return out;
}

/**
 * Per-OPD knapsacks over the hull options at room price `lambda` (course sets that trade money
 * for room-days); a plan, not a bound.
 */
function selectHullAt(inst: Instance, prep: Prepared, hulls: readonly AsnHull[], lambda: number): number[][] {
  const chosen: number[][] = inst.asn.map(() => []);
  for (const opd of inst.opds) {
    const members = prep.byOpd.get(opd) ?? [];
    if (members.length === 0) continue;
    const classes = members.map((i) => hullOptionsAt(hulls[i] as AsnHull, lambda, true));
    const r = solveMckp(classes, inst.pagu.get(opd) ?? 0);
    members.forEach((i, k) => {
      const o = (classes[k] as AsnOption[])[r.choice[k] as number] as AsnOption;
      chosen[i] = hullCourses(hulls[i] as AsnHull, o.point ?? 0);
    });
  }
  return chosen;
}

/**
 * Lagrangian bound of the room-day capacity (rooms × working days, sessions relaxed to
 * participants ÷ seats) at price lambda: lambda × capacity + Σ per-OPD knapsack LP bounds over
 * the hull options. Valid for every lambda ≥ 0 (each evaluation is a bound on its own); convex
 * in lambda, so a golden-section search finds a good one. Returns the least bound found and its
 * price.
 */
function roomPricedBound(
  inst: Instance,
  prep: Prepared,
  hulls: readonly AsnHull[],
  capacity: number,
): { bound: number; lambda: number } {
  const extra = prep.dps.reduce((s, d) => s + d.extra, 0);
  let top = 0;
  for (const { tri } of hulls) {
    for (let i = 0; i < tri.length; i += 3) {
      const r = tri[i + 2] as number;
      if (r > 0) top = Math.max(top, (tri[i + 1] as number) / r);
    }
  }
  let best = { bound: Number.POSITIVE_INFINITY, lambda: 0 };
  const at = (lambda: number): number => {
    let b = extra + lambda * capacity;
    for (const opd of inst.opds) {
      const members = prep.byOpd.get(opd) ?? [];
      if (members.length === 0) continue;
      const classes = members.map((i) => hullOptionsAt(hulls[i] as AsnHull, lambda));
      b += solveMckp(classes, inst.pagu.get(opd) ?? 0, true).bound;
    }
    if (b < best.bound) best = { bound: b, lambda };
    return b;
  };
  at(0);
  if (!(top > 0)) return best;
  // convex in lambda, hence unimodal in log(lambda): golden section over ln(lambda), so a price
  // many orders of magnitude below `top` (e.g. a cost tie-break) is found as well as a large one
  const phi = (Math.sqrt(5) - 1) / 2;
  const atLog = (u: number) => at(Math.exp(u));
  let lo = Math.log(top) - Math.log(1e9);
  let hi = Math.log(top);
  let x1 = hi - phi * (hi - lo);
  let x2 = lo + phi * (hi - lo);
  let f1 = atLog(x1);
  let f2 = atLog(x2);
  for (let k = 0; k < 18 && hi - lo > 1e-4; k++) {
    if (f1 <= f2) {
      hi = x2;
      x2 = x1;
      f2 = f1;
      x1 = hi - phi * (hi - lo);
      f1 = atLog(x1);
    } else {
      lo = x1;
      x1 = x2;
      f1 = f2;
      x2 = lo + phi * (hi - lo);
      f2 = atLog(x2);
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Stage 1 exact: MILP for HiGHS

function num(v: number): string {
  if (Number.isInteger(v)) return String(v);
  return v.toFixed(12).replace(/0+$/, '');
}

interface MilpModel {
  lp: string;
  pairs: number;
}

/** CPLEX LP text of the selection MILP (rooms as a room-day capacity, overlap as a day budget). */
function buildSelectionLp(inst: Instance): MilpModel {
  const w = inst.weights;
  const obj: string[] = [];
  const rows: string[] = [];
  const bounds: string[] = [];
  const bins: string[] = [];
  const gens: string[] = [];
  let pairs = 0;
  const perCourse = new Map<number, string[]>();
  const perOpd = new Map<string, string[]>();
  const D = inst.days.length;
  inst.asn.forEach((a, e) => {
    if (a.eligible.length === 0) return;
    const xs: string[] = [];
    let totalDays = 0;
    for (const c of a.eligible) {
      const cm = inst.courses[c] as CourseModel;
      const x = `x${e}_${c}`;
      xs.push(x);
      bins.push(x);
      pairs++;
      totalDays += cm.hari;
      obj.push(`- ${num(w.biaya * cm.course.biaya)} ${x}`);
      const pc = perCourse.get(c) ?? [];
      pc.push(x);
      perCourse.set(c, pc);
      if (cm.course.biaya > 0) {
        const po = perOpd.get(a.opd) ?? [];
        po.push(`+ ${num(cm.course.biaya)} ${x}`);
        perOpd.set(a.opd, po);
      }
    }
    a.needs.forEach((n, k) => {
      const covering = a.eligible.filter((c) => inst.courses[c]?.course.kompetensi.includes(n.kode));
      if (covering.length === 0) return;
      const y = `y${e}_${k}`;
      obj.push(`+ ${num(n.prioritas)} ${y}`);
      bounds.push(`0 <= ${y} <= 1`);
      rows.push(`cy${e}_${k}: ${y} ${covering.map((c) => `- x${e}_${c}`).join(' ')} <= 0`);
    });
    if (a.tRem > 0) {
      obj.push(`+ ${num(w.targetJp)} z${e}`);
      bins.push(`z${e}`);
      rows.push(
        `cz${e}: ${a.tRem} z${e} ${a.eligible.map((c) => `- ${inst.courses[c]?.course.jp} x${e}_${c}`).join(' ')} <= 0`,
      );
    }
    if (a.equity) {
      obj.push(`+ ${num(w.ekuitas)} w${e}`);
      bounds.push(`0 <= w${e} <= 1`);
      rows.push(`cw${e}: w${e} ${xs.map((x) => `- ${x}`).join(' ')} <= 0`);
    }
    if (totalDays > D) {
      rows.push(
        `cd${e}: ${a.eligible.map((c) => `+ ${inst.courses[c]?.hari} x${e}_${c}`).join(' ')} <= ${D}`,
      );
    }
  });
  inst.opds.forEach((opd, o) => {
    const terms = perOpd.get(opd);
    if (terms) rows.push(`b${o}: ${terms.join(' ')} <= ${num(inst.pagu.get(opd) ?? 0)}`);
  });
  if (inst.rooms.length > 0) {
    const roomTerms: string[] = [];
    for (const [c, xs] of perCourse) {
      const cm = inst.courses[c] as CourseModel;
      if (!cm.classroom) continue;
      gens.push(`n${c}`);
      rows.push(`k${c}: ${xs.map((x) => `+ ${x}`).join(' ')} - ${cm.kap} n${c} <= 0`);
      roomTerms.push(`+ ${cm.hari} n${c}`);
    }
    if (roomTerms.length > 0) rows.push(`rooms: ${roomTerms.join(' ')} <= ${inst.rooms.length * D}`);
  }
  const lines = ['Maximize', ` obj: ${obj.length ? obj.join(' ') : '0 dummy'}`, 'Subject To'];
  if (rows.length === 0) rows.push('c0: 0 dummy <= 0');
  for (const r of rows) lines.push(` ${r}`);
  lines.push('Bounds');
  for (const b of bounds) lines.push(` ${b}`);
  if (obj.length === 0) lines.push(' 0 <= dummy <= 0');
  if (bins.length) lines.push('Binaries', ...chunk(bins));
  if (gens.length) lines.push('Generals', ...chunk(gens));
  lines.push('End');
  return { lp: lines.join('\n'), pairs };
}

function chunk(names: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < names.length; i += 20) out.push(` ${names.slice(i, i + 20).join(' ')}`);
  return out;
}

function startValues(inst: Instance, chosen: readonly number[][]): Record<string, number> {
  const v: Record<string, number> = {};
  const counts = new Map<number, number>();
  inst.asn.forEach((a, e) => {
    if (a.eligible.length === 0) return;
    const set = new Set(chosen[e] ?? []);
    let jp = 0;
    for (const c of a.eligible) {
      const on = set.has(c) ? 1 : 0;
      v[`x${e}_${c}`] = on;
      if (on) {
        jp += inst.courses[c]?.course.jp ?? 0;
        counts.set(c, (counts.get(c) ?? 0) + 1);
      }
    }
    a.needs.forEach((n, k) => {
      const covering = a.eligible.filter((c) => inst.courses[c]?.course.kompetensi.includes(n.kode));
      if (covering.length) v[`y${e}_${k}`] = covering.some((c) => set.has(c)) ? 1 : 0;
    });
    if (a.tRem > 0) v[`z${e}`] = jp >= a.tRem ? 1 : 0;
    if (a.equity) v[`w${e}`] = set.size > 0 ? 1 : 0;
  });
  if (inst.rooms.length > 0) {
    for (const [c, k] of counts) {
      const cm = inst.courses[c] as CourseModel;
      if (cm.classroom) v[`n${c}`] = Math.ceil(k / cm.kap);
    }
  }
  return v;
}

// ---------------------------------------------------------------------------------------------
// Stage 2: timetable

interface Placed {
  course: number;
  start: number; // index into days
  members: number[];
  room: number; // index into inst.rooms, -1 when none
}

interface Timetable {
  placed: Placed[];
  dropped: { asn: number; course: number }[];
}

function timetable(inst: Instance, chosen: readonly number[][]): Timetable {
  const D = inst.days.length;
  const dayMonth = inst.days.map(monthOf);
  const busy = new Map<number, Uint8Array>();
  const busyOf = (e: number) => {
    let b = busy.get(e);
    if (!b) {
      b = new Uint8Array(D);
      busy.set(e, b);
    }
    return b;
  };
  const roomBusy = inst.rooms.map(() => new Uint8Array(D));
  const useRooms = inst.rooms.length > 0;

  const participants = new Map<number, number[]>();
  chosen.forEach((cs, e) => {
    for (const c of cs) {
      const l = participants.get(c) ?? [];
      l.push(e);
      participants.set(c, l);
    }
  });
  // longer courses and bigger cohorts first: they are the hardest to fit
  const order = [...participants.keys()].sort((x, y) => {
    const a = inst.courses[x] as CourseModel;
    const b = inst.courses[y] as CourseModel;
    return (
      b.hari - a.hari || (participants.get(y)?.length ?? 0) - (participants.get(x)?.length ?? 0) || x - y
    );
  });
  // per-ASN load: busiest ASN first inside a course so they get the free slots
  const load = chosen.map((cs) => cs.reduce((s, c) => s + (inst.courses[c]?.hari ?? 0), 0));

  const placed: Placed[] = [];
  const dropped: { asn: number; course: number }[] = [];

  /** the smallest free room seating `size`, else the largest free room (part of the group fits) */
  const freeRoom = (s: number, h: number, size: number): number => {
    let largest = -1;
    for (let r = inst.rooms.length - 1; r >= 0; r--) {
      const rb = roomBusy[r] as Uint8Array;
      let ok = true;
      for (let d = s; d < s + h; d++)
        if (rb[d]) {
          ok = false;
          break;
        }
      if (!ok) continue;
      if ((inst.rooms[r] as Room).kapasitas >= size) return r;
      if (largest < 0 || (inst.rooms[r] as Room).kapasitas > (inst.rooms[largest] as Room).kapasitas)
        largest = r;
    }
    return largest;
  };
  const isFree = (e: number, s: number, h: number) => {
    const b = busy.get(e);
    if (!b) return true;
    for (let d = s; d < s + h; d++) if (b[d]) return false;
    return true;
  };
  const candidates = (h: number, month: number | null, salt: number): number[] => {
    const last = D - h;
    if (last < 0) return [];
    const span = last + 1;
    const off = salt % span;
    const rest: number[] = [];
    const first: number[] = [];
    for (let k = 0; k < span; k++) {
      const s = (off + k) % span;
      if (month !== null && dayMonth[s] === month) first.push(s);
      else rest.push(s);
    }
    first.sort((x, y) => ((x - off + span) % span) - ((y - off + span) % span));
    return [...first, ...rest];
  };
  const place = (c: number, members: number[], salt: number): number[] => {
    const cm = inst.courses[c] as CourseModel;
    const h = cm.hari;
    const month = modeMonth(inst, members);
    let best: { s: number; room: number; free: number[] } | null = null;
    for (const s of candidates(h, month, cm.classroom && useRooms ? 0 : salt)) {
      const free = members.filter((e) => isFree(e, s, h));
      if (free.length === 0) continue;
      let room = -1;
      let fits = free;
      if (cm.classroom && useRooms) {
        room = freeRoom(s, h, free.length);
        if (room < 0) continue;
        fits = free.slice(0, (inst.rooms[room] as Room).kapasitas);
      }
      if (!best || fits.length > best.free.length) best = { s, room, free: fits };
      if (fits.length === members.length) break;
    }
    if (!best) return members;
    for (const e of best.free) {
      const b = busyOf(e);
      for (let d = best.s; d < best.s + h; d++) b[d] = 1;
    }
    if (best.room >= 0) {
      const rb = roomBusy[best.room] as Uint8Array;
      for (let d = best.s; d < best.s + h; d++) rb[d] = 1;
    }
    placed.push({ course: c, start: best.s, members: best.free, room: best.room });
    const freeSet = new Set(best.free);
    return members.filter((e) => !freeSet.has(e));
  };

  for (const c of order) {
    const cm = inst.courses[c] as CourseModel;
    const ps = [...(participants.get(c) ?? [])];
    // group by preferred month so a session can sit in its members' month
    ps.sort((x, y) => {
      const mx = inst.asn[x]?.prefMonths[0] ?? 13;
      const my = inst.asn[y]?.prefMonths[0] ?? 13;
      return mx - my || (load[y] ?? 0) - (load[x] ?? 0) || x - y;
    });
    const nSessions = Math.ceil(ps.length / cm.kap);
    const groups: number[][] = [];
    let at = 0;
    for (let g = 0; g < nSessions; g++) {
      const size = Math.ceil((ps.length - at) / (nSessions - g));
      groups.push(ps.slice(at, at + size));
      at += size;
    }
    let left: number[] = [];
    groups.forEach((grp, g) => {
      left.push(...place(c, grp, c * 53 + g * 17));
    });
    // leftovers: an existing session of the course with a seat, else a new session
    for (let round = 0; round < 3 && left.length > 0; round++) {
      const still: number[] = [];
      for (const e of left) {
        const target = placed.find(
          (p) =>
            p.course === c &&
            p.members.length < cm.kap &&
            (p.room < 0 || (inst.rooms[p.room] as Room).kapasitas > p.members.length) &&
            isFree(e, p.start, cm.hari),
        );
        if (target) {
          target.members.push(e);
          const b = busyOf(e);
          for (let d = target.start; d < target.start + cm.hari; d++) b[d] = 1;
        } else still.push(e);
      }
      left = still;
      const next: number[] = [];
      for (let k = 0; k < left.length; k += cm.kap) {
        next.push(...place(c, left.slice(k, k + cm.kap), c * 31 + round * 7 + k));
      }
      left = next;
    }
    for (const e of left) dropped.push({ asn: e, course: c });
  }
  return { placed, dropped };
}

function modeMonth(inst: Instance, members: readonly number[]): number | null {
  const count = new Array<number>(13).fill(0);
  for (const e of members) for (const m of inst.asn[e]?.prefMonths ?? []) count[m] = (count[m] ?? 0) + 1;
  let best: number | null = null;
  for (let m = 1; m <= 12; m++)
    if ((count[m] ?? 0) > 0 && (best === null || (count[m] ?? 0) > (count[best] ?? 0))) best = m;
  return best;
}

// ---------------------------------------------------------------------------------------------
// Assembly

interface Candidate {
  tt: Timetable;
  chosen: number[][];
  objective: number;
  /** room-day price of the selection (0: rooms were not priced) */
  roomPrice: number;
}

function evaluate(inst: Instance, chosen: readonly number[][]): Candidate {
  const tt = timetable(inst, chosen);
  const final: number[][] = inst.asn.map(() => []);
  for (const p of tt.placed) for (const e of p.members) final[e]?.push(p.course);
  for (const f of final) f.sort((a, b) => a - b);
  const objective = inst.asn.reduce((s, a, e) => s + asnObjective(inst, a, final[e] ?? []), 0);
  return { tt, chosen: final, objective, roomPrice: 0 };
}

/**
 * Local search on a timetabled plan: seats left empty in placed sessions (Kapasitas, and the
 * room's seats) go to eligible ASN who gain from the course, have the OPD's Pagu left for it and
 * are free on those days, best gain first. Sessions, rooms and dates stay as they are, so only
 * seats, budget, overlap and the year's days need checking; the objective never decreases.
 */
function fillSeats(inst: Instance, cand: Candidate): Candidate {
  const D = inst.days.length;
  const chosen = cand.chosen.map((cs) => [...cs]);
  const left = new Map<string, number>();
  for (const opd of inst.opds) left.set(opd, inst.pagu.get(opd) ?? 0);
  inst.asn.forEach((a, e) => {
    for (const c of chosen[e] ?? [])
      left.set(a.opd, (left.get(a.opd) ?? 0) - (inst.courses[c]?.course.biaya ?? 0));
  });
  const busy = new Map<number, Uint8Array>();
  const daysUsed = new Int32Array(inst.asn.length);
  for (const p of cand.tt.placed) {
    const h = (inst.courses[p.course] as CourseModel).hari;
    for (const e of p.members) {
      let b = busy.get(e);
      if (!b) {
        b = new Uint8Array(D);
        busy.set(e, b);
      }
      for (let d = p.start; d < p.start + h; d++) b[d] = 1;
      daysUsed[e] = (daysUsed[e] as number) + h;
    }
  }
  // course -> ASN for whom it addresses an open need (eligible)
  const eligibleOf = new Map<number, number[]>();
  inst.asn.forEach((a, e) => {
    for (const c of a.eligible) {
      const l = eligibleOf.get(c) ?? [];
      l.push(e);
      eligibleOf.set(c, l);
    }
  });
  const current = inst.asn.map((a, e) => asnObjective(inst, a, chosen[e] ?? []));
  const placed = cand.tt.placed.map((p) => ({ ...p, members: [...p.members] }));
  let added = 0;
  for (const p of placed) {
    const cm = inst.courses[p.course] as CourseModel;
    const seats = Math.min(
      cm.course.kapasitas,
      p.room >= 0 ? (inst.rooms[p.room] as Room).kapasitas : cm.course.kapasitas,
    );
    if (p.members.length >= seats) continue;
    const biaya = cm.course.biaya;
    const gains: { e: number; gain: number }[] = [];
    for (const e of eligibleOf.get(p.course) ?? []) {
      const a = inst.asn[e] as AsnModel;
      const mine = chosen[e] as number[];
      if (mine.includes(p.course)) continue;
      if ((left.get(a.opd) ?? 0) < biaya || (daysUsed[e] as number) + cm.hari > D) continue;
      const b = busy.get(e);
      if (b) {
        let free = true;
        for (let d = p.start; d < p.start + cm.hari; d++)
          if (b[d]) {
            free = false;
            break;
          }
        if (!free) continue;
      }
      const gain = asnObjective(inst, a, [...mine, p.course]) - (current[e] as number);
      if (gain > 1e-9) gains.push({ e, gain });
    }
    gains.sort((x, y) => y.gain - x.gain || x.e - y.e);
    for (const { e, gain } of gains) {
      if (p.members.length >= seats) break;
      const a = inst.asn[e] as AsnModel;
      if ((left.get(a.opd) ?? 0) < biaya) continue;
      left.set(a.opd, (left.get(a.opd) ?? 0) - biaya);
      p.members.push(e);
      (chosen[e] as number[]).push(p.course);
      (chosen[e] as number[]).sort((x, y) => x - y);
      current[e] = (current[e] as number) + gain;
      daysUsed[e] = (daysUsed[e] as number) + cm.hari;
      let b = busy.get(e);
      if (!b) {
        b = new Uint8Array(D);
        busy.set(e, b);
      }
      for (let d = p.start; d < p.start + cm.hari; d++) b[d] = 1;
      added++;
    }
  }
  if (added === 0) return cand;
  const dropped = cand.tt.dropped.filter((d) => !(chosen[d.asn] ?? []).includes(d.course));
  const objective = inst.asn.reduce((sum, a, e) => sum + asnObjective(inst, a, chosen[e] ?? []), 0);
  return { tt: { placed, dropped }, chosen, objective, roomPrice: cand.roomPrice };
}

/** Plan and schedule the fiscal year's training (see the file comment). */
export function planSchedule(data: ProgramData, gaps: GapsReport, opts: ScheduleOptions): ScheduleReport {
  const inst = buildInstance(data, gaps, opts);
  const method = opts.method ?? 'auto';
  const prep = prepare(inst);
  const heur = selectAt(inst, prep, 0);
  let heurCand = evaluate(inst, heur.chosen);
  // rooms too scarce for the first selection: price room-days and select again, keep the best
  let heurBound = heur.bound;
  if (inst.rooms.length > 0 && heurCand.tt.dropped.length > 0) {
    // classrooms bind: the room-priced Lagrangian bound, and its price as the first to try
    const hulls = inst.asn.map((a) => asnRoomHull(inst, a, prep.roomUse));
    const priced = roomPricedBound(inst, prep, hulls, inst.rooms.length * inst.days.length);
    heurBound = Math.min(heurBound, priced.bound);
    const prices = [...new Set([priced.lambda, ...ROOM_PRICES])].filter((l) => l > 0).sort((x, y) => x - y);
    let lo = 0; // highest price tried whose plan still overflowed the rooms
    let hi = Number.POSITIVE_INFINITY; // lowest price tried whose plan fits
    const tryPrice = (lambda: number) => {
      const cand = { ...evaluate(inst, selectHullAt(inst, prep, hulls, lambda)), roomPrice: lambda };
      if (cand.objective > heurCand.objective + 1e-9) heurCand = cand;
      if (cand.tt.dropped.length === 0) hi = Math.min(hi, lambda);
      else lo = Math.max(lo, lambda);
    };
    for (const lambda of prices) {
      tryPrice(lambda);
      if (hi < Number.POSITIVE_INFINITY) break;
    }
    // the best plan sits near the lowest price that fits: bisect between overflow and fit
    for (let k = 0; k < 5 && hi < Number.POSITIVE_INFINITY && hi - lo > 1e-3 * hi; k++)
      tryPrice((lo + hi) / 2);
  }
  // a plan already proven optimal has no seat worth filling
  if (heurBound - heurCand.objective > 1e-9 * Math.max(1, Math.abs(heurBound)))
    heurCand = fillSeats(inst, heurCand);
  let best = heurCand;
  let metode: 'milp' | 'heuristik' = 'heuristik';
  let bound = heurBound;
  let objektifMilp: number | null = null;
  let batasMilp: number | null = null;
  let statusMilp: string | null = null;
  const pairs = inst.asn.reduce((s, a) => s + a.eligible.length, 0);

  const useMilp =
    method !== 'heuristik' &&
    opts.solver !== undefined &&
    pairs > 0 &&
    (method === 'milp' ||
      // under 'auto', a fast plan already proven optimal needs no MILP
      (pairs <= (opts.maxMilpPairs ?? 40_000) &&
        bound - heurCand.objective > 1e-9 * Math.max(1, Math.abs(bound))));
  if (method === 'milp' && !opts.solver)
    throw new Error('Metode MILP dipilih tetapi pemecah (HiGHS) tidak tersedia.');
  if (useMilp && opts.solver) {
    const model = buildSelectionLp(inst);
    const sol = opts.solver.solve(model.lp, {
      timeLimit: opts.timeLimit ?? 30,
      mipRelGap: 1e-6,
      start: startValues(inst, heurCand.chosen),
    });
    statusMilp = sol.status;
    if (sol.dualBound !== null && Number.isFinite(sol.dualBound)) {
      batasMilp = sol.dualBound;
      bound = Math.min(bound, sol.dualBound);
    }
    if (sol.feasible) {
      const chosen = inst.asn.map((a, e) => a.eligible.filter((c) => (sol.values[`x${e}_${c}`] ?? 0) > 0.5));
      const cand = fillSeats(inst, evaluate(inst, chosen));
      objektifMilp = cand.objective;
      if (cand.objective > best.objective + 1e-9) {
        best = cand;
        metode = 'milp';
      }
    }
  }
  // solver tolerances: a bound a hair below a verified feasible objective means optimal
  if (bound < best.objective) bound = best.objective;
  const report = assemble(inst, best, bound, {
    metode,
    objektifHeuristik: heurCand.objective,
    batasHeuristik: heurBound,
    objektifMilp,
    batasMilp,
    statusMilp,
    pasangan: pairs,
  });
  if (opts.mulaiPalingAwal !== undefined) report.mulaiPalingAwal = opts.mulaiPalingAwal;
  report.rencana = buildDevelopmentPlan(report, data, gaps);
  return report;
}

function assemble(
  inst: Instance,
  cand: Candidate,
  bound: number,
  s: Pick<
    ScheduleStats,
    | 'metode'
    | 'objektifHeuristik'
    | 'batasHeuristik'
    | 'objektifMilp'
    | 'batasMilp'
    | 'statusMilp'
    | 'pasangan'
  >,
): ScheduleReport {
  // session ids: `${kode}-${tahun}-${n}`, n in date order within the course
  const sorted = [...cand.tt.placed].sort(
    (a, b) =>
      (inst.courses[a.course]?.course.kode ?? '').localeCompare(inst.courses[b.course]?.course.kode ?? '') ||
      a.start - b.start ||
      a.room - b.room ||
      (a.members[0] ?? 0) - (b.members[0] ?? 0),
  );
  const counter = new Map<number, number>();
  const sessions: ScheduledSession[] = [];
  const sessionsOf = new Map<number, ScheduledSession[]>();
  let prefBulan = 0;
  let prefBulanTotal = 0;
  let prefModa = 0;
  let prefModaTotal = 0;
  for (const p of sorted) {
    const cm = inst.courses[p.course] as CourseModel;
    const n = (counter.get(p.course) ?? 0) + 1;
    counter.set(p.course, n);
    const mulai = inst.days[p.start] as string;
    const sess: ScheduledSession = {
      id: `${cm.course.kode}-${inst.tahun}-${n}`,
      kode: cm.course.kode,
      mulai,
      selesai: inst.days[p.start + cm.hari - 1] as string,
      peserta: p.members.map((e) => (inst.asn[e] as AsnModel).nip).sort(),
      judul: cm.course.judul,
      hari: cm.hari,
      jp: cm.course.jp,
      moda: cm.moda,
      biayaPerPeserta: cm.course.biaya,
    };
    if (cm.course.penyelenggara) sess.penyelenggara = cm.course.penyelenggara;
    if (cm.course.bentuk) sess.bentuk = cm.course.bentuk;
    if (p.room >= 0) sess.ruang = (inst.rooms[p.room] as Room).nama;
    sessions.push(sess);
    for (const e of p.members) {
      const a = inst.asn[e] as AsnModel;
      const l = sessionsOf.get(e) ?? [];
      l.push(sess);
      sessionsOf.set(e, l);
      if (a.prefMonths.length) {
        prefBulanTotal++;
        if (a.prefMonths.includes(monthOf(mulai))) prefBulan++;
      }
      if (a.prefModa) {
        prefModaTotal++;
        if (a.prefModa === cm.moda) prefModa++;
      }
    }
  }
  sessions.sort((a, b) => a.mulai.localeCompare(b.mulai) || a.id.localeCompare(b.id));

  const terpakai = new Map<string, { rp: number; n: number }>();
  inst.asn.forEach((a, e) => {
    for (const c of cand.chosen[e] ?? []) {
      const t = terpakai.get(a.opd) ?? { rp: 0, n: 0 };
      t.rp += inst.courses[c]?.course.biaya ?? 0;
      t.n++;
      terpakai.set(a.opd, t);
    }
  });
  const budget: BudgetUse[] = inst.opds.map((opd) => ({
    opd,
    pagu: inst.pagu.get(opd) ?? 0,
    terpakai: terpakai.get(opd)?.rp ?? 0,
    peserta: terpakai.get(opd)?.n ?? 0,
  }));

  const byKode = new Map(inst.courses.map((c) => [c.course.kode, c] as const));
  const droppedSet = new Set(cand.tt.dropped.map((d) => `${d.asn}|${d.course}`));
  const individu: IndividualPlan[] = [];
  const unmet: UnmetNeed[] = [];
  inst.asn.forEach((a, e) => {
    if (a.needs.length === 0) return;
    const mine = (sessionsOf.get(e) ?? []).sort((x, y) => x.mulai.localeCompare(y.mulai));
    const jpRencana = mine.reduce((s2, x) => s2 + x.jp, 0);
    const kebutuhan = a.needs.map((n) => ({
      kode: n.kode,
      prioritas: n.prioritas,
      terpenuhi: mine.some((x) => byKode.get(x.kode)?.course.kompetensi.includes(n.kode) ?? false),
    }));
    individu.push({
      nip: a.nip,
      nama: a.nama,
      opd: a.opd,
      jabatan: a.jabatan,
      kebutuhan,
      sesi: mine.map((x) => ({
        id: x.id,
        kode: x.kode,
        judul: x.judul,
        mulai: x.mulai,
        selesai: x.selesai,
        jp: x.jp,
      })),
      jpAwal: a.jp0,
      jpRencana,
      target: inst.target,
      memenuhiTarget: a.jp0 + jpRencana >= inst.target,
      ekuitas: a.equity,
      biaya: mine.reduce((s2, x) => s2 + x.biayaPerPeserta, 0),
    });
    for (const k of kebutuhan) {
      if (k.terpenuhi) continue;
      const covering = a.eligible.filter((c) => inst.courses[c]?.course.kompetensi.includes(k.kode));
      let alasan: string;
      const tooLong = inst.courses.filter((c) => !c.schedulable && c.course.kompetensi.includes(k.kode));
      if (covering.length === 0 && tooLong.length > 0)
        alasan = `Pelatihan ${tooLong.map((c) => c.course.kode).join(', ')} lebih lama dari hari kerja tahun ${inst.tahun}.`;
      else if (covering.length === 0)
        alasan = 'Tidak ada pelatihan di Katalog Pelatihan yang mengembangkan kompetensi ini.';
      else if (covering.some((c) => droppedSet.has(`${e}|${c}`)))
        alasan =
          'Terpilih tetapi tidak dapat dijadwalkan (bentrok jadwal, ruang, atau hari kerja tidak cukup).';
      else if (
        mine.reduce((d, x) => d + x.hari, 0) + Math.min(...covering.map((c) => inst.courses[c]?.hari ?? 1)) >
        inst.days.length
      )
        alasan = `Hari kerja tahun ${inst.tahun} tidak cukup untuk menambah pelatihan bagi ASN ini.`;
      else if ((inst.pagu.get(a.opd) ?? 0) <= 0)
        alasan = `OPD ${a.opd} tidak memiliki pagu di lembar Anggaran.`;
      else if (cand.roomPrice > 0 && covering.every((c) => inst.courses[c]?.classroom))
        alasan =
          'Tidak terpilih: ruang kelas pada hari kerja yang tersedia tidak cukup; kebutuhan berprioritas lebih tinggi didahulukan.';
      else alasan = 'Tidak terpilih: pagu OPD diprioritaskan untuk kesenjangan yang lebih besar.';
      unmet.push({ nip: a.nip, opd: a.opd, kode: k.kode, prioritas: k.prioritas, alasan });
    }
  });

  const objective = cand.objective;
  const gap = bound > 0 ? (bound - objective) / bound : 0;
  return {
    sessions,
    objective,
    bound,
    budget,
    tahun: inst.tahun,
    target: inst.target,
    bobot: inst.weights,
    stats: {
      ...s,
      status: gap <= 1e-6 ? 'optimal' : 'layak',
      gap,
      pegawaiBerkebutuhan: inst.asn.filter((a) => a.needs.length > 0).length,
      peserta: sessions.reduce((n, x) => n + x.peserta.length, 0),
      hariKerja: inst.days.length,
      gagalDijadwalkan: cand.tt.dropped.length,
      hargaRuang: cand.roomPrice,
      preferensiBulan: { dihormati: prefBulan, total: prefBulanTotal },
      preferensiModa: { dihormati: prefModa, total: prefModaTotal },
    },
    individu,
    unmet,
    rencana: [],
    peringatan: inst.warnings,
  };
}
