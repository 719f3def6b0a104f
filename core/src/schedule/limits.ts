/**
 * Who may be away together: trainers (`Pengajar`) and `Maks Pegawai OPD Bersamaan`.
 *
 * - When `Pengajar` lists anyone, every session that takes a room (types.ts `takesRoom`) needs
 *   one trainer who teaches its Kode, is not `Tidak Tersedia` on any of its days, teaches no
 *   other session on those days and has fewer than `Maks Sesi per Bulan` sessions starting in
 *   its start month. A course nobody teaches can never run: it leaves every ASN's options
 *   (exact, so the bound stays proven), with a warning on its Katalog row.
 * - On any working day at most `Maks Pegawai OPD Bersamaan` (default 25 %, at least one person)
 *   of an OPD's ASN (`Pegawai`) sit in sessions held away from the office (every moda but Daring).
 *
 * The bound relaxes both (like the calendar), so it stays a proven upper bound. The timetable
 * (timetable.ts) and the seat filler (seats.ts) ask a `Ledger` before they seat anyone.
 */
import { monthOf } from '../calendar.js';
import { normalizeHeader } from '../cells.js';
import { type CellError, DEFAULT_MAKS_PEGAWAI_OPD, type ProgramData } from '../types.js';
import { type Bar, barCourses } from './audience.js';
import type { AsnModel, CourseModel } from './instance.js';
import { keptMix, opdIndex } from './kept-mix.js';

export interface TrainerModel {
  nama: string;
  /** 1 on the working days (indices into Instance.days) they cannot teach */
  off: Uint8Array;
  /** `Maks Sesi per Bulan` (Infinity: no limit) */
  maks: number;
  /** how many courses they teach (the fewer, the sooner they are picked: versatile ones stay free) */
  teaches: number;
}

export interface LimitModel {
  trainers: TrainerModel[];
  /** per course: the trainers (indices) who teach it; empty when it needs none */
  teachers: number[][];
  /** per course: a trainer is needed (Pengajar lists anyone and the course takes a room) */
  needsTrainer: boolean[];
  /** per course: its participants are away from the office (every moda but Daring) */
  away: boolean[];
  /** per OPD: most ASN away on one working day */
  awayCap: Map<string, number>;
  /** `Maks Pegawai OPD Bersamaan` as a share (0–1] */
  awayShare: number;
}

/** The limits of one call, and warnings on Pengajar and Katalog rows that cannot be honoured. */
export function buildLimits(
  data: ProgramData,
  courses: readonly CourseModel[],
  days: readonly string[],
  warnings: CellError[],
): LimitModel {
  const dayAt = new Map(days.map((d, i) => [d, i] as const));
  const courseAt = new Map(courses.map((c, i) => [normalizeHeader(c.catalog.kode), i] as const));
  const withTrainers = data.trainers.length > 0;
  const teachers: number[][] = courses.map(() => []);
  const trainers: TrainerModel[] = data.trainers.map((t, i) => {
    const off = new Uint8Array(days.length);
    for (const d of t.tidakTersedia) {
      const at = dayAt.get(d);
      if (at !== undefined) off[at] = 1;
    }
    const unknown: string[] = [];
    let teaches = 0;
    for (const kode of t.kode) {
      const c = courseAt.get(normalizeHeader(kode));
      if (c === undefined) unknown.push(kode);
      else if (!teachers[c]?.includes(i)) {
        teachers[c]?.push(i);
        teaches++;
      }
    }
    if (unknown.length > 0)
      warnings.push({
        sheet: 'Pengajar',
        row: t.row,
        column: 'Kode Pelatihan',
        value: unknown.join(', '),
        message: `Kode ${unknown.join(', ')} tidak ada di Katalog Pelatihan; ${t.nama} tidak dijadwalkan untuknya.`,
      });
    return { nama: t.nama, off, maks: t.maksSesiPerBulan ?? Number.POSITIVE_INFINITY, teaches };
  });
  const needsTrainer = courses.map((c) => withTrainers && c.classroom);
  courses.forEach((course, c) => {
    if (needsTrainer[c] && teachers[c]?.length === 0 && course.schedulable)
      warnings.push({
        sheet: 'Katalog Pelatihan',
        row: course.catalog.row,
        column: 'Kode',
        value: course.catalog.kode,
        message: `Tidak ada pengajar untuk pelatihan ${course.catalog.kode} di lembar Pengajar (kolom Kode Pelatihan); pelatihan ini tidak dijadwalkan.`,
      });
  });
  const awayShare = data.settings.maksPegawaiOpd ?? DEFAULT_MAKS_PEGAWAI_OPD;
  const headcount = new Map<string, number>();
  for (const e of data.employees) headcount.set(e.opd, (headcount.get(e.opd) ?? 0) + 1);
  const awayCap = new Map<string, number>();
  for (const [opd, n] of headcount) awayCap.set(opd, Math.max(1, Math.floor(awayShare * n + 1e-9)));
  return {
    trainers,
    teachers,
    needsTrainer,
    away: courses.map((c) => c.moda !== 'Daring'),
    awayCap,
    awayShare,
  };
}

/** Takes every course that needs a trainer and has none out of every ASN's options (exact). */
export function barUntaught(
  limits: LimitModel,
  courses: readonly CourseModel[],
  asnModels: readonly AsnModel[],
) {
  const untaught = courses.map((_, c) => limits.needsTrainer[c] === true && limits.teachers[c]?.length === 0);
  if (!untaught.includes(true)) return;
  // one Bar per course, shared by every ASN it bars
  const bars = courses.map((course, c): Bar | null =>
    untaught[c]
      ? {
          batas: 'pengajar',
          alasan: `Tidak ada pengajar untuk pelatihan ${course.catalog.kode} di lembar Pengajar.`,
        }
      : null,
  );
  barCourses(asnModels, bars);
}

/** What the ledger needs of a placed session. */
export interface Booking {
  course: number;
  start: number;
  members: number[];
  /** index into LimitModel.trainers, −1 when none */
  trainer: number;
  /** a session kept from a previous plan (replan.ts): its kept members, beside `members` who joined it */
  fixed?: { members: readonly number[] } | undefined;
}

interface LedgerInstance {
  days: readonly string[];
  courses: readonly CourseModel[];
  asn: readonly AsnModel[];
  opds: readonly string[];
  limits: LimitModel;
  /** a re-plan's kept sessions (replan.ts), booked once per instance and copied (`Ledger.withKept`) */
  blocked?: { sessions: readonly Booking[] } | undefined;
}

/** What a ledger holds: the state `Ledger.withKept` copies from the kept sessions' bookings. */
interface LedgerState {
  trainerDays: Uint8Array[];
  trainerMonths: Int32Array[];
  /** per OPD (OpdIndex), how many of its ASN are away on each day; undefined while none is */
  awayDays: (Int32Array | undefined)[];
}

/**
 * The kept sessions' bookings, made once per set of kept sessions. The instances of one re-plan
 * (the reselection's and repricing's copies) share `blocked` with its ASN indices and OPDs and
 * the limits: the entry is reused only while `limits` and `opds` are the same too.
 */
const keptBookings = new WeakMap<
  readonly Booking[],
  { limits: LimitModel; opds: readonly string[]; state: LedgerState }
>();

/** Trainer bookings and OPD absences of one timetable (mutable). */
export class Ledger {
  private readonly trainerDays: Uint8Array[];
  private readonly trainerMonths: Int32Array[];
  private readonly awayDays: (Int32Array | undefined)[];
  private readonly months: number[];
  /** per ASN, its OPD (OpdIndex) */
  private readonly opdOf: Int32Array;
  /** per OPD, most of it away on one day (Infinity: no limit) */
  private readonly cap: Float64Array;
  /** admit's per-OPD seats left, valid where `stamp` equals `tick` */
  private readonly left: Float64Array;
  private readonly stamp: Int32Array;
  private tick = 0;

  private constructor(
    private readonly inst: LedgerInstance,
    state?: LedgerState,
  ) {
    const index = opdIndex(inst.asn, inst.opds);
    this.opdOf = index.of;
    const opdCount = index.names.length;
    this.cap = Float64Array.from(
      index.names,
      (opd) => inst.limits.awayCap.get(opd) ?? Number.POSITIVE_INFINITY,
    );
    this.left = new Float64Array(opdCount);
    this.stamp = new Int32Array(opdCount);
    this.months = inst.days.map(monthOf);
    if (state) {
      this.trainerDays = state.trainerDays.map((days) => days.slice());
      this.trainerMonths = state.trainerMonths.map((months) => months.slice());
      this.awayDays = Array.from({ length: opdCount }, (_, o) => state.awayDays[o]?.slice());
    } else {
      this.trainerDays = inst.limits.trainers.map(() => new Uint8Array(inst.days.length));
      this.trainerMonths = inst.limits.trainers.map(() => new Int32Array(13));
      this.awayDays = Array.from({ length: opdCount }, () => undefined);
    }
  }

  /** A ledger holding the bookings of sessions already placed. */
  static of(inst: LedgerInstance, placed: readonly Booking[]): Ledger {
    const ledger = new Ledger(inst);
    for (const p of placed) ledger.book(p);
    return ledger;
  }

  /**
   * The same as `of`, the kept sessions (`inst.blocked.sessions`, each in `placed` as a copy
   * sharing its `fixed`) copied from their bookings made once: bookings only add up, so the
   * order they are made in changes nothing.
   */
  static withKept(inst: LedgerInstance, placed: readonly Booking[]): Ledger {
    const kept = inst.blocked?.sessions;
    if (!kept || kept.length === 0) return Ledger.of(inst, placed);
    const fixed = new Set(kept.map((p) => p.fixed));
    let shells = 0;
    for (const p of placed) if (p.fixed && fixed.has(p.fixed)) shells++;
    if (shells !== kept.length) return Ledger.of(inst, placed);
    let hit = keptBookings.get(kept);
    if (!hit || hit.limits !== inst.limits || hit.opds !== inst.opds) {
      const base = new Ledger(inst);
      for (const p of kept) base.book({ ...p, members: [] });
      const state = {
        trainerDays: base.trainerDays,
        trainerMonths: base.trainerMonths,
        awayDays: base.awayDays,
      };
      hit = { limits: inst.limits, opds: inst.opds, state };
      keptBookings.set(kept, hit);
    }
    const ledger = new Ledger(inst, hit.state);
    for (const p of placed) {
      if (!p.fixed) ledger.book(p);
      else for (const e of p.members) ledger.join(e, p);
    }
    return ledger;
  }

  needsTrainer(c: number): boolean {
    return this.inst.limits.needsTrainer[c] === true;
  }

  /**
   * A trainer free for course c from `start`: `prefer` when it is one (a re-plan's session staying
   * on its day keeps its trainer), else the least versatile, then least booked; −1 when none.
   */
  trainerFor(c: number, start: number, prefer = -1): number {
    const hari = (this.inst.courses[c] as CourseModel).hari;
    const month = this.months[start] as number;
    let best = -1;
    for (const t of this.inst.limits.teachers[c] ?? []) {
      const trainer = this.inst.limits.trainers[t] as TrainerModel;
      const busy = this.trainerDays[t] as Uint8Array;
      if (((this.trainerMonths[t] as Int32Array)[month] as number) >= trainer.maks) continue;
      let free = true;
      for (let d = start; d < start + hari; d++)
        if (busy[d] || trainer.off[d]) {
          free = false;
          break;
        }
      if (!free) continue;
      if (t === prefer) return t;
      if (best < 0 || this.better(t, best)) best = t;
    }
    return best;
  }

  private better(t: number, than: number): boolean {
    const a = this.inst.limits.trainers[t] as TrainerModel;
    const b = this.inst.limits.trainers[than] as TrainerModel;
    const load = (x: number) => (this.trainerMonths[x] as Int32Array).reduce((sum, n) => sum + n, 0);
    return a.teaches < b.teaches || (a.teaches === b.teaches && load(t) < load(than));
  }

  /**
   * Of `members` (order kept), those the OPD limit lets into a session of course c from `start`;
   * written into `out` (emptied first) when given, else into a new array.
   */
  admit(c: number, start: number, members: readonly number[], out: number[] = []): number[] {
    out.length = 0;
    if (!this.inst.limits.away[c]) {
      for (const e of members) out.push(e);
      return out;
    }
    const hari = (this.inst.courses[c] as CourseModel).hari;
    const tick = ++this.tick;
    const { left, stamp, opdOf } = this;
    for (const e of members) {
      const opd = opdOf[e] as number;
      if (stamp[opd] !== tick) {
        stamp[opd] = tick;
        left[opd] = this.roomLeft(opd, start, hari);
      }
      if ((left[opd] as number) <= 0) continue;
      left[opd] = (left[opd] as number) - 1;
      out.push(e);
    }
    return out;
  }

  /** Whether ASN e may also sit in session p under the OPD limit. */
  canJoin(e: number, p: Booking): boolean {
    if (!this.inst.limits.away[p.course]) return true;
    const hari = (this.inst.courses[p.course] as CourseModel).hari;
    return this.roomLeft(this.opdOf[e] as number, p.start, hari) > 0;
  }

  /** how many more of the OPD may be away on every day of start..start+hari−1 */
  private roomLeft(opd: number, start: number, hari: number): number {
    const cap = this.cap[opd] as number;
    const days = this.awayDays[opd];
    if (!days) return cap;
    let most = 0;
    for (let d = start; d < start + hari; d++) most = Math.max(most, days[d] as number);
    return cap - most;
  }

  /** Records a placed session: its trainer's days and month, its members' absences. */
  book(p: Booking): void {
    const hari = (this.inst.courses[p.course] as CourseModel).hari;
    if (p.trainer >= 0) this.mark(p.trainer, p.start, hari, 1);
    for (const e of p.members) this.away(e, p, 1);
    if (p.fixed) this.keptAway(p, p.fixed, 1);
  }

  /** Records ASN e joining session p (already placed). */
  join(e: number, p: Booking): void {
    this.away(e, p, 1);
  }

  /** Frees what a cancelled session held. */
  release(p: Booking): void {
    const hari = (this.inst.courses[p.course] as CourseModel).hari;
    if (p.trainer >= 0) this.mark(p.trainer, p.start, hari, -1);
    for (const e of p.members) this.away(e, p, -1);
    if (p.fixed) this.keptAway(p, p.fixed, -1);
  }

  private mark(t: number, start: number, hari: number, delta: 1 | -1): void {
    const days = this.trainerDays[t] as Uint8Array;
    for (let d = start; d < start + hari; d++) days[d] = delta > 0 ? 1 : 0;
    const months = this.trainerMonths[t] as Int32Array;
    const month = this.months[start] as number;
    months[month] = (months[month] as number) + delta;
  }

  private away(e: number, p: Booking, delta: 1 | -1): void {
    if (!this.inst.limits.away[p.course]) return;
    this.awayOf(this.opdOf[e] as number, p, delta);
  }

  /** A kept session's kept members, counted per OPD (kept-mix.ts). */
  private keptAway(p: Booking, fixed: { readonly members: readonly number[] }, delta: 1 | -1): void {
    if (!this.inst.limits.away[p.course]) return;
    const at = opdIndex(this.inst.asn, this.inst.opds).at;
    for (const [opd, n] of keptMix(this.inst.asn, fixed)) this.awayOf(at.get(opd) as number, p, delta * n);
  }

  /** `delta` more (or fewer) of the OPD away on each day of p. */
  private awayOf(opd: number, p: Booking, delta: number): void {
    let days = this.awayDays[opd];
    if (!days) {
      days = new Int32Array(this.inst.days.length);
      this.awayDays[opd] = days;
    }
    const hari = (this.inst.courses[p.course] as CourseModel).hari;
    for (let d = p.start; d < p.start + hari; d++) days[d] = (days[d] as number) + delta;
  }
}
