/** The scheduling instance: courses, ASN, OPD budgets, rooms and working days of one call. */

import { workingDays } from '../calendar.js';
import { normalizeHeader } from '../cells.js';
import { NipIndex } from '../nip.js';
import type { GapsReport } from '../reports.js';
import type { ScheduleWeights } from '../schedule-report.js';
import { resolveTahun } from '../tahun.js';
import {
  type CellError,
  type Course,
  DEFAULT_BATAS_JP,
  type Employee,
  equityYears,
  type Moda,
  type Preference,
  type ProgramData,
  pesertaMinimumOf,
  type Room,
  type TrainingRecord,
  takesRoom,
} from '../types.js';
import { audienceOf, type Bar } from './audience.js';
import { barTooFewTakers, roomWarnings } from './class-size.js';
import { barUntaught, buildLimits, type LimitModel } from './limits.js';
import type { MilpSolver } from './milp.js';
import type { Decline, PreviousSession } from './replan.js';
import { costGrid as costGridOf, priceEnrolments } from './session-cost.js';
import type { Placed } from './timetable.js';
import type { WarmSession } from './warm-start.js';

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
  /** re-plan: the previous plan's sessions; those started or announced are kept (replan.ts) */
  sebelumnya?: readonly PreviousSession[];
}

/** A catalogue course as the scheduler sees it (first row of each Kode). */
export interface CourseModel {
  catalog: Course;
  hari: number;
  moda: Moda;
  /** takes a room: face-to-face classical form (types.ts `takesRoom`) */
  classroom: boolean;
  /** the rooms (indices into Instance.rooms) its sessions may use: those of its `Jenis Ruang` */
  roomsAllowed: number[];
  /** seats per session, after the largest allowed room when rooms limit classrooms */
  seats: number;
  /** `Peserta Minimum`: fewest participants a session runs with */
  minimum: number;
  /** runs at least one seat and fits in the year's working days */
  schedulable: boolean;
  /** `Biaya per Angkatan` (0 when none) */
  biayaAngkatan: number;
  /**
   * what the selection charges per enrolment: `Biaya per Peserta` + the least share of
   * `Biaya per Angkatan` a participant can pay (session-cost.ts)
   */
  unitCost: number;
}

/** An ASN with at least the needs and the courses that address them. */
export interface AsnModel {
  nip: string;
  nama: string;
  opd: string;
  jabatan: string;
  /** open needs (gap > 0 with a priority), highest priority first */
  needs: { kode: string; prioritas: number }[];
  /** courses (indices into Instance.courses) that address at least one need and admit the ASN, ascending */
  eligible: number[];
  /**
   * courses that address a need but whose audience (Sasaran, Syarat) keeps the ASN out, and why;
   * shared by ASN with the same bars (buildInstance): replace it with a copy before changing it
   */
  barred: Map<number, Bar>;
  /** JP already trained in the fiscal year */
  jpBefore: number;
  /** JP still missing to the target (0 when reached) */
  jpToTarget: number;
  /** JP the plan may still give this ASN: `Batas JP per ASN` minus jpBefore (≥ 0) */
  jpLimit: number;
  /** no training in the `Jangka Pemerataan` years before the fiscal year: the equity bonus applies */
  equity: boolean;
  /** preferred months 1-12 from the needs survey, ascending */
  prefMonths: number[];
  /** always present (undefined when none), so every AsnModel has one shape */
  prefModa: Moda | undefined;
}

/**
 * The scheduling problem of one call. Indices used across the scheduler: `e` an ASN (into
 * `asn`), `c` a course (into `courses`), a day `d` or start `start` (into `days`), a room `r`
 * (into `rooms`, largest first).
 */
export interface Instance {
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
  /** Pengaturan `Batas JP per ASN` */
  batasJp: number;
  /**
   * sessions kept from a previous plan (replan.ts): the days they take per ASN and per room
   * (indexed like `days`), and those still to come as shells whose freed seats the timetable fills.
   * This and the re-plan fields below are always present (undefined in a plan from scratch), so
   * that plans and re-plans share one Instance shape and the optimised code of one serves the other.
   */
  blocked:
    | {
        asn: Map<number, Uint8Array>;
        rooms: Uint8Array[];
        sessions: readonly Placed[];
        /** per ASN, the previous sessions it declined (replan.ts `declinedAt`) */
        declined: Map<number, Decline[]>;
      }
    | undefined;
  /** trainers and `Maks Pegawai OPD Bersamaan` (limits.ts) */
  limits: LimitModel;
  /** rupiah grid of the `Biaya per Angkatan` shares (session-cost.ts) */
  costGrid: number;
  /**
   * re-plan (replan.ts): `pagu` above is what is left after the kept sessions' least cost; real
   * spending is checked against the whole Pagu, with `base` the spending of kept sessions that
   * already started
   */
  keptBudget: { pagu: Map<string, number>; base: Map<string, number> } | undefined;
  /** re-plan: the open sessions of the previous plan, tried first on their days (warm-start.ts) */
  warm: readonly WarmSession[] | undefined;
}

/** An ASN list's index: NIP → its last position (`asnIndex`). */
const asnIndices = new WeakMap<readonly AsnModel[], NipIndex>();

/**
 * NIP → index of its last ASN in `asn`, made once per list (buildInstance leaves the one it made).
 * The lists are never changed after they are made (stages replace them), so the index stays valid.
 */
export function asnIndex(asn: readonly AsnModel[]): NipIndex {
  let index = asnIndices.get(asn);
  if (!index) {
    index = new NipIndex(asn.length);
    for (let e = 0; e < asn.length; e++) index.set((asn[e] as AsnModel).nip, e);
    asnIndices.set(asn, index);
  }
  return index;
}

/** The ISO date's year, as `Number(iso.slice(0, 4))` (without the slice when it is four digits). */
function yearOf(iso: string): number {
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const digit = iso.charCodeAt(i) - 48;
    // not a digit (NaN past the end): the general rule
    if (!(digit >= 0 && digit <= 9)) return Number(iso.slice(0, 4));
    year = year * 10 + digit;
  }
  return year;
}

/**
 * A pool of read-only lists of indices shared by content (AsnModel.eligible: the stages never
 * change one, they filter into new lists). The function it returns gives the pooled list equal to
 * `list` (a scratch list the caller reuses), pooling a copy of it when there is none yet.
 */
export function listPool(): (list: readonly number[]) => number[] {
  const pool = new Map<number, number[][]>();
  return (list) => {
    let hash = list.length;
    for (const x of list) hash = (Math.imul(hash, 31) + x) | 0;
    const same = pool.get(hash);
    if (same)
      for (const pooled of same) {
        if (pooled.length !== list.length) continue;
        let equal = true;
        for (let i = 0; i < list.length && equal; i++) equal = pooled[i] === list[i];
        if (equal) return pooled;
      }
    const copy = list.slice();
    if (same) same.push(copy);
    else pool.set(hash, [copy]);
    return copy;
  };
}

/** AsnModel.needs' order: highest priority first, then by Kode. */
const byPriority = (a: { kode: string; prioritas: number }, b: { kode: string; prioritas: number }) =>
  b.prioritas - a.prioritas || a.kode.localeCompare(b.kode);

/** The shared `prefMonths` of every ASN without a survey answer (never changed). */
const NO_MONTHS: number[] = [];

/**
 * `ownHistory`: Riwayat Pelatihan rows a re-plan keeps as enrolments (replan.ts `ownHistory`);
 * their JP and training year count as the plan's, so they are left out of the history here.
 */
export function buildInstance(
  data: ProgramData,
  gaps: GapsReport,
  opts: ScheduleOptions,
  ownHistory?: ReadonlySet<TrainingRecord>,
): Instance {
  const tahun = resolveTahun(data, opts.tahun);
  const earliest = opts.mulaiPalingAwal;
  const days = workingDays(tahun, opts.holidays).filter((d) => earliest === undefined || d >= earliest);
  const rooms = [...data.rooms].sort((a, b) => b.kapasitas - a.kapasitas || a.nama.localeCompare(b.nama));

  const seen = new Set<string>();
  const courses: CourseModel[] = [];
  for (const c of [...data.courses].sort((a, b) => a.kode.localeCompare(b.kode))) {
    if (seen.has(c.kode)) continue;
    seen.add(c.kode);
    const moda: Moda = c.moda ?? 'Tatap Muka';
    const classroom = takesRoom(c);
    const wanted = c.jenisRuang === undefined ? undefined : normalizeHeader(c.jenisRuang);
    const roomsAllowed = classroom
      ? rooms.flatMap((room, r) =>
          wanted === undefined || (room.jenis !== undefined && normalizeHeader(room.jenis) === wanted)
            ? [r]
            : [],
        )
      : [];
    const maxSeats = Math.max(0, ...roomsAllowed.map((r) => (rooms[r] as Room).kapasitas));
    const minimum = pesertaMinimumOf(c, data.settings);
    const hari = Math.max(1, c.hari || 1);
    const seats = classroom && rooms.length > 0 ? Math.min(c.kapasitas, maxSeats) : c.kapasitas;
    courses.push({
      catalog: c,
      hari,
      moda,
      classroom,
      roomsAllowed,
      seats,
      minimum,
      schedulable: seats >= 1 && seats >= minimum && hari <= days.length,
      biayaAngkatan: c.biayaAngkatan ?? 0,
      unitCost: c.biaya,
    });
  }
  const coursesByCompetency = new Map<string, number[]>();
  courses.forEach((course, i) => {
    if (!course.schedulable) return;
    for (const k of new Set(course.catalog.kompetensi)) {
      const list = coursesByCompetency.get(k) ?? [];
      list.push(i);
      coursesByCompetency.set(k, list);
    }
  });

  // the ASN in NIP order; what buildInstance reads per NIP is kept per slot, the index of the NIP's
  // last ASN (`asnIndex`, made here for the later stages): its name (last Pegawai row) and first
  // Pegawai row (its audience), JP trained in the fiscal year, whether it trained in the equity
  // years, its survey answer (last row). Rows of NIPs without an ASN are never read.
  const employees = [...gaps.employees].sort((a, b) => a.nip.localeCompare(b.nip));
  const count = employees.length;
  const index = new NipIndex(count);
  const slotOf = new Int32Array(count);
  for (let e = count - 1; e >= 0; e--) {
    const nip = (employees[e] as GapsReport['employees'][number]).nip;
    let slot = index.get(nip);
    if (slot === undefined) {
      slot = e;
      index.set(nip, e);
    }
    slotOf[e] = slot;
  }
  const namaOf = new Array<string | undefined>(count).fill(undefined);
  const firstRow = new Array<Employee | undefined>(count).fill(undefined);
  const jpOf = new Float64Array(count);
  const recentOf = new Uint8Array(count);
  const preferenceOf = new Array<Preference | undefined>(count).fill(undefined);
  for (const e of data.employees) {
    const slot = index.get(e.nip);
    if (slot === undefined) continue;
    namaOf[slot] = e.nama;
    if (!firstRow[slot]) firstRow[slot] = e;
  }
  // Pengaturan `Jangka Pemerataan` (default 2): the years before the fiscal year without training
  const equityFrom = tahun - equityYears(data.settings);
  // Riwayat rows of one NIP mostly follow each other (province: 5 in 6): the last NIP's slot is kept
  let lastNip: string | undefined;
  let lastSlot: number | undefined;
  for (const t of data.trainings) {
    const year = yearOf(t.mulai);
    const inYear = year === tahun;
    const recent = year >= equityFrom && year <= tahun;
    if (!inYear && !recent) continue;
    if (ownHistory?.has(t)) continue;
    if (t.nip !== lastNip) {
      lastNip = t.nip;
      lastSlot = index.get(t.nip);
    }
    const slot = lastSlot;
    if (slot === undefined) continue;
    if (inYear) jpOf[slot] = (jpOf[slot] as number) + t.jp;
    if (recent) recentOf[slot] = 1;
  }
  for (const p of data.preferences) {
    const slot = index.get(p.nip);
    if (slot !== undefined) preferenceOf[slot] = p;
  }
  const target = data.settings.targetJp;
  const batasJp = data.settings.batasJp ?? DEFAULT_BATAS_JP;

  const audience = audienceOf(data);
  // the JP-limit bars, per JP still allowed and course: made once, shared (never changed)
  const jpBars = new Map<number, (Bar | undefined)[]>();
  const jpBar = (c: number, jpLimit: number): Bar => {
    let bars = jpBars.get(jpLimit);
    if (!bars) {
      bars = new Array<Bar | undefined>(courses.length).fill(undefined);
      jpBars.set(jpLimit, bars);
    }
    let bar = bars[c];
    if (!bar) {
      const catalog = (courses[c] as CourseModel).catalog;
      bar = {
        batas: 'batas-jp',
        alasan: `Pelatihan ${catalog.kode} (${catalog.jp} JP) melebihi sisa Batas JP per ASN (${jpLimit} dari ${batasJp} JP).`,
      };
      bars[c] = bar;
    }
    return bar;
  };
  /** per audience key and course, audience.sasaran (undefined: not asked yet) */
  const sasaranOf: (Bar | null | undefined)[][] = [];
  // the preferred months, distinct, within 1-12, ascending; one shared list per set of whole months
  const monthLists = new Map<number, number[]>();
  const monthsOf = (bulan: readonly number[]): number[] => {
    let mask = 0;
    for (const m of bulan)
      if (m >= 1 && m <= 12) {
        // a month that is not whole (never in a valid sheet): the general rule
        if (!Number.isInteger(m))
          return [...new Set(bulan)].filter((x) => x >= 1 && x <= 12).sort((a, b) => a - b);
        mask |= 1 << m;
      }
    let months = monthLists.get(mask);
    if (!months) {
      months = [];
      for (let m = 1; m <= 12; m++) if (mask & (1 << m)) months.push(m);
      monthLists.set(mask, months);
    }
    return months;
  };
  const asnModels: AsnModel[] = [];
  const marks = new Int32Array(courses.length);
  // needs of one Kode and priority are one record, shared by every ASN that has it (province: 1,900
  // records for 170,000 needs), as the stages only read them
  const needRecords = new Map<string, Map<number, { kode: string; prioritas: number }>>();
  const needOf = (kode: string, prioritas: number) => {
    let ofKode = needRecords.get(kode);
    if (!ofKode) {
      ofKode = new Map();
      needRecords.set(kode, ofKode);
    }
    let need = ofKode.get(prioritas);
    if (!need) {
      need = { kode, prioritas };
      ofKode.set(prioritas, need);
    }
    return need;
  };
  // each ASN's needs and eligible courses are gathered here and copied at their size
  const needsScratch: { kode: string; prioritas: number }[] = [];
  const eligibleScratch: number[] = [];
  // ASN with the same needs and audience share one eligible list (province: 5,000 lists for 50,000 ASN)
  const sharedEligible = listPool();
  // ASN barred from the same courses by the same Bars share one map (province: 77 maps for 50,000
  // ASN; the Bars are shared already); barUntaught and barTooFewTakers copy one before adding to it.
  // The ASN's bars are a list (course, the Bar's number, ...) pooled like the eligible lists, and
  // each pooled list's map is made once.
  const barNumber = new Map<Bar, number>();
  const barOfNumber: Bar[] = [];
  const barredList: number[] = [];
  const pooledBars = listPool();
  const barredMaps = new Map<readonly number[], Map<number, Bar>>();
  const sharedBarred = (): Map<number, Bar> => {
    const list = pooledBars(barredList);
    let map = barredMaps.get(list);
    if (!map) {
      map = new Map<number, Bar>();
      for (let i = 0; i < list.length; i += 2)
        map.set(list[i] as number, barOfNumber[list[i + 1] as number] as Bar);
      barredMaps.set(list, map);
    }
    return map;
  };
  for (let e = 0; e < count; e++) {
    const employee = employees[e] as GapsReport['employees'][number];
    const slot = slotOf[e] as number;
    needsScratch.length = 0;
    for (const c of employee.competencies)
      if (c.gap !== null && c.gap > 0 && c.prioritas !== null && c.prioritas > 0)
        needsScratch.push(needOf(c.kode, c.prioritas));
    needsScratch.sort(byPriority);
    const needs = needsScratch.slice();
    // courses addressing a need: marked, then walked in index order (ascending)
    const stamp = e + 1;
    let lo = courses.length;
    let hi = -1;
    for (const n of needs)
      for (const c of coursesByCompetency.get(n.kode) ?? [])
        if (marks[c] !== stamp) {
          marks[c] = stamp;
          if (c < lo) lo = c;
          if (c > hi) hi = c;
        }
    barredList.length = 0;
    const jpBefore = jpOf[slot] as number;
    const jpLimit = Math.max(0, batasJp - jpBefore);
    eligibleScratch.length = 0;
    // audience.bar per course, its `Sasaran` part looked up by the ASN's audience key
    const key = audience.keyOfEmployee(firstRow[slot]);
    let verdicts = sasaranOf[key];
    if (!verdicts) {
      verdicts = new Array<Bar | null | undefined>(courses.length).fill(undefined);
      sasaranOf[key] = verdicts;
    }
    for (let c = lo; c <= hi; c++) {
      if (marks[c] !== stamp) continue;
      const catalog = (courses[c] as CourseModel).catalog;
      let sasaran = verdicts[c];
      if (sasaran === undefined) {
        sasaran = audience.sasaran(catalog, key);
        verdicts[c] = sasaran;
      }
      const bar =
        sasaran ??
        (catalog.syarat === undefined ? null : audience.syarat(catalog, employee.nip)) ??
        (catalog.jp > jpLimit ? jpBar(c, jpLimit) : null);
      if (bar) {
        let n = barNumber.get(bar);
        if (n === undefined) {
          n = barOfNumber.length;
          barNumber.set(bar, n);
          barOfNumber.push(bar);
        }
        barredList.push(c, n);
      } else eligibleScratch.push(c);
    }
    const p = preferenceOf[slot];
    const model: AsnModel = {
      nip: employee.nip,
      nama: namaOf[slot] ?? '',
      opd: employee.opd,
      jabatan: employee.jabatan,
      needs,
      eligible: sharedEligible(eligibleScratch),
      barred: sharedBarred(),
      jpBefore,
      jpToTarget: Math.max(0, target - jpBefore),
      jpLimit,
      equity: recentOf[slot] === 0,
      prefMonths: p ? monthsOf(p.bulan) : NO_MONTHS,
      prefModa: p?.moda ? p.moda : undefined,
    };
    asnModels.push(model);
  }
  asnIndices.set(asnModels, index);

  const warnings: CellError[] = [];
  const limits = buildLimits(data, courses, days, warnings);
  barUntaught(limits, courses, asnModels);
  barTooFewTakers(courses, asnModels);
  const costGrid = costGridOf(courses);
  priceEnrolments(courses, asnModels, costGrid);
  const pagu = new Map<string, number>();
  for (const b of data.budgets) if (!pagu.has(b.opd)) pagu.set(b.opd, b.pagu);
  const opdSet = new Set(pagu.keys());
  for (const asn of asnModels) opdSet.add(asn.opd);
  const opds = [...opdSet].sort((a, b) => a.localeCompare(b));

  const maxBiaya = Math.max(1, ...courses.map((c) => c.catalog.biaya + c.biayaAngkatan));
  // Pengaturan `Bobot 20 JP`, `Bobot Ekuitas`, `Bobot Biaya` (per Rp1.000.000); a caller's weights win
  const settings = data.settings;
  const weights: ScheduleWeights = {
    targetJp: opts.weights?.targetJp ?? settings.bobotTargetJp ?? 10,
    ekuitas: opts.weights?.ekuitas ?? settings.bobotEkuitas ?? 5,
    biaya:
      opts.weights?.biaya ??
      (settings.bobotBiaya !== undefined ? settings.bobotBiaya / 1_000_000 : 0.001 / maxBiaya),
  };
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
  for (const course of courses) {
    if (course.catalog.jp > batasJp)
      warnings.push({
        sheet: 'Katalog Pelatihan',
        row: course.catalog.row,
        column: 'JP',
        value: course.catalog.jp,
        message: `Pelatihan ${course.catalog.kode} (${course.catalog.jp} JP) melebihi Batas JP per ASN ${batasJp} di Pengaturan; tidak dijadwalkan.`,
      });
    if (course.hari > days.length) {
      warnings.push({
        sheet: 'Katalog Pelatihan',
        row: course.catalog.row,
        column: 'Hari',
        value: course.catalog.hari,
        message: `Pelatihan ${course.catalog.kode} berlangsung ${course.hari} hari kerja, lebih dari ${days.length} hari kerja tahun ${tahun}; tidak dijadwalkan.`,
      });
    }
  }
  warnings.push(...roomWarnings(courses, rooms.length > 0));
  const kodes = new Set(courses.map((c) => c.catalog.kode.toLowerCase()));
  for (const course of courses) {
    const syarat = course.catalog.syarat;
    if (syarat !== undefined && !kodes.has(syarat.toLowerCase()))
      warnings.push({
        sheet: 'Katalog Pelatihan',
        row: course.catalog.row,
        column: 'Syarat',
        value: syarat,
        message: `Syarat ${syarat} tidak ada di Katalog Pelatihan; pelatihan ${course.catalog.kode} hanya untuk ASN yang Riwayat Pelatihannya mencatat ${syarat}.`,
      });
  }
  const seenOpd = new Set<string>();
  const employeeOpds = new Set<string>();
  for (const asn of asnModels) employeeOpds.add(asn.opd);
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
    if (!pagu.has(opd) && asnModels.some((asn) => asn.opd === opd && asn.eligible.length > 0)) {
      warnings.push({
        sheet: 'Anggaran',
        row: 0,
        column: 'OPD',
        value: opd,
        message: `OPD ${opd} tidak memiliki baris di lembar Anggaran; pagu dianggap Rp0.`,
      });
    }
  }
  return {
    warnings,
    tahun,
    target,
    days,
    courses,
    asn: asnModels,
    opds,
    pagu,
    rooms,
    weights,
    batasJp,
    limits,
    costGrid,
    blocked: undefined,
    keptBudget: undefined,
    warm: undefined,
  };
}

/*
 * The scheduler's records are always built with all their fields in one order, also when a stage
 * changes a few of them: a copy made with `{ ...x, f }` gets another hidden class than x, so code
 * optimised on plans from scratch was thrown away (deoptimised) on a re-plan's copies. With these
 * builders, plans and re-plans share one shape per record.
 */

/** `base` with `changes`, in the shape of every Instance. */
export function instanceWith(base: Instance, changes: Partial<Instance>): Instance {
  const x = { ...base, ...changes };
  return {
    warnings: x.warnings,
    tahun: x.tahun,
    target: x.target,
    days: x.days,
    courses: x.courses,
    asn: x.asn,
    opds: x.opds,
    pagu: x.pagu,
    rooms: x.rooms,
    weights: x.weights,
    batasJp: x.batasJp,
    limits: x.limits,
    costGrid: x.costGrid,
    blocked: x.blocked,
    keptBudget: x.keptBudget,
    warm: x.warm,
  };
}

/**
 * `base` with `changes`, in the shape of every AsnModel (made field by field, without copying
 * `base` first: a re-plan makes one per kept ASN). A field absent from `changes` is `base`'s; only
 * `prefModa` may be given as undefined.
 */
export function asnWith(base: AsnModel, changes: Partial<AsnModel>): AsnModel {
  return {
    nip: changes.nip ?? base.nip,
    nama: changes.nama ?? base.nama,
    opd: changes.opd ?? base.opd,
    jabatan: changes.jabatan ?? base.jabatan,
    needs: changes.needs ?? base.needs,
    eligible: changes.eligible ?? base.eligible,
    barred: changes.barred ?? base.barred,
    jpBefore: changes.jpBefore ?? base.jpBefore,
    jpToTarget: changes.jpToTarget ?? base.jpToTarget,
    jpLimit: changes.jpLimit ?? base.jpLimit,
    equity: changes.equity ?? base.equity,
    prefMonths: changes.prefMonths ?? base.prefMonths,
    prefModa: 'prefModa' in changes ? changes.prefModa : base.prefModa,
  };
}

/** `base` at another `unitCost`, in the shape of every CourseModel. */
export function courseAt(base: CourseModel, unitCost: number): CourseModel {
  return {
    catalog: base.catalog,
    hari: base.hari,
    moda: base.moda,
    classroom: base.classroom,
    roomsAllowed: base.roomsAllowed,
    seats: base.seats,
    minimum: base.minimum,
    schedulable: base.schedulable,
    biayaAngkatan: base.biayaAngkatan,
    unitCost,
  };
}

/**
 * One ASN's objective for a course set (coverage counted once per competency), its cost term at
 * `Biaya per Peserta` (sessions' `Biaya per Angkatan` are counted per session: session-cost.ts),
 * or, `relaxed`, at the selection's `unitCost`.
 */
export function asnObjective(
  inst: Instance,
  asn: AsnModel,
  chosen: readonly number[],
  relaxed = false,
): number {
  if (chosen.length === 0) return 0;
  const weights = inst.weights;
  let value = 0;
  for (const need of asn.needs) {
    for (const c of chosen)
      if (inst.courses[c]?.catalog.kompetensi.includes(need.kode)) {
        value += need.prioritas;
        break;
      }
  }
  let jp = 0;
  let cost = 0;
  for (const c of chosen) {
    const course = inst.courses[c] as CourseModel;
    jp += course.catalog.jp;
    cost += relaxed ? course.unitCost : course.catalog.biaya;
  }
  if (asn.jpToTarget > 0 && jp >= asn.jpToTarget) value += weights.targetJp;
  if (asn.equity) value += weights.ekuitas;
  return value - weights.biaya * cost;
}
