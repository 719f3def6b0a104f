/**
 * Stage 2: the timetable. Sessions of `Kapasitas` seats on consecutive working days, no ASN in
 * two overlapping sessions, classroom sessions in a free `Ruang` with enough seats, dates in the
 * participants' preferred months where possible. Enrolments that cannot be placed are dropped
 * and reported, never silently.
 */

import { monthOf } from '../calendar.js';
import type { Room } from '../types.js';
import { type AsnModel, asnObjective, type CourseModel, type Instance } from './instance.js';
import { Ledger } from './limits.js';
import { declinedAt } from './replan.js';
import { fixedCostOf, repairBudget } from './session-cost.js';
import type { WarmSession } from './warm-start.js';

/** One session: `start` indexes `inst.days`, `room` indexes `inst.rooms` (−1: none). */
export interface Placed {
  course: number;
  start: number;
  /** ASN indices */
  members: number[];
  room: number;
  /** index into `inst.limits.trainers` (−1: none) */
  trainer: number;
  /**
   * a session kept from the previous plan (replan.ts): its seats already taken, its id and dates.
   * This and `warm` are always present (undefined when not), so every Placed has one shape.
   */
  fixed:
    | {
        kept: number;
        id: string;
        mulai: string;
        selesai: string;
        ruang: string | null;
        /** the kept members (ASN indices), for the OPD absence limit (limits.ts) */
        members: number[];
        /** its trainer in the previous plan (kept with it) */
        pengajar: string | null;
      }
    | undefined;
  /** re-plan: the id of the previous plan's open session it repeats on the same day (warm-start.ts) */
  warm: string | undefined;
}

/** `p` with other members, in the shape of every Placed (instance.ts `instanceWith`). */
export function placedWith(p: Placed, members: number[]): Placed {
  return {
    course: p.course,
    start: p.start,
    members,
    room: p.room,
    trainer: p.trainer,
    fixed: p.fixed,
    warm: p.warm,
  };
}

interface Timetable {
  placed: Placed[];
  /**
   * enrolments chosen but impossible to place: no dates/room (`jadwal`), too few takers
   * (`peserta-minimum`), no free trainer (`pengajar`), the OPD's absence limit (`opd-bersamaan`),
   * the OPD's Pagu once sessions' `Biaya per Angkatan` is shared out (`anggaran`, session-cost.ts)
   */
  dropped: Dropped[];
}

export interface Dropped {
  asn: number;
  course: number;
  batas: 'jadwal' | 'peserta-minimum' | 'pengajar' | 'opd-bersamaan' | 'anggaran';
}

/** A selection after timetabling: what was placed, and its objective. */
export interface Candidate {
  tt: Timetable;
  /** per ASN, the courses of the sessions it sits in */
  chosen: number[][];
  objective: number;
  /** room-day price of the selection (0: rooms were not priced) */
  roomPrice: number;
}

/** Timetables a selection, brings every OPD back within its Pagu, and scores what could be placed. */
export function evaluate(inst: Instance, chosen: readonly number[][]): Candidate {
  const tt = timetable(inst, chosen);
  const placedCourses: number[][] = inst.asn.map(() => []);
  for (const p of tt.placed) for (const e of p.members) placedCourses[e]?.push(p.course);
  for (const courses of placedCourses) courses.sort((a, b) => a - b);
  repairBudget(inst, tt.placed, placedCourses, tt.dropped);
  return {
    tt,
    chosen: placedCourses,
    objective: planObjective(inst, tt.placed, placedCourses),
    roomPrice: 0,
  };
}

/** The objective of a timetabled plan: per ASN, less each session's `Biaya per Angkatan` once. */
export function planObjective(
  inst: Instance,
  placed: readonly Placed[],
  chosen: readonly number[][],
): number {
  const perAsn = inst.asn.reduce((sum, asn, e) => sum + asnObjective(inst, asn, chosen[e] ?? []), 0);
  return perAsn - inst.weights.biaya * fixedCostOf(inst, placed);
}

/**
 * Working days taken per ASN (index into `inst.days`), starting from the days of sessions kept
 * from a previous plan (replan.ts). A kept member's days are copied on first write: most kept
 * members get no new session.
 */
export function busyDays(inst: Instance): {
  /** the ASN's days, writable (made on first call) */
  of: (e: number) => Uint8Array;
  /** the ASN's days for reading, or undefined when none is taken */
  peek: (e: number) => Uint8Array | undefined;
} {
  const dayCount = inst.days.length;
  // per ASN, 1 + its row in `rows` (0: none yet)
  const rowOf = new Int32Array(inst.asn.length);
  const rows: Uint8Array[] = [];
  const kept = keptDaysOf(inst);
  // rows are views of shared slabs: a typed array of its own per ASN (a buffer each) was most of
  // the timetable's allocation and a good part of its time
  let slab = new Uint8Array(0);
  let used = SLAB_ROWS;
  return {
    of: (e) => {
      const row = rowOf[e] as number;
      if (row > 0) return rows[row - 1] as Uint8Array;
      if (used === SLAB_ROWS) {
        slab = new Uint8Array(SLAB_ROWS * dayCount);
        used = 0;
      }
      const days = slab.subarray(used * dayCount, (used + 1) * dayCount);
      used++;
      const taken = kept?.[e];
      if (taken) days.set(taken);
      rows.push(days);
      rowOf[e] = rows.length;
      return days;
    },
    peek: (e) => {
      const row = rowOf[e] as number;
      return row > 0 ? rows[row - 1] : kept?.[e];
    },
  };
}

/** ASN rows per slab in busyDays */
const SLAB_ROWS = 1024;

const keptDays = new WeakMap<ReadonlyMap<number, Uint8Array>, (Uint8Array | undefined)[]>();

/** The kept sessions' days per ASN (`inst.blocked.asn`) as an array, made once per re-plan. */
function keptDaysOf(inst: Instance): readonly (Uint8Array | undefined)[] | undefined {
  const byAsn = inst.blocked?.asn;
  if (!byAsn) return undefined;
  let days = keptDays.get(byAsn);
  if (!days) {
    days = new Array<Uint8Array | undefined>(inst.asn.length).fill(undefined);
    for (const [e, taken] of byAsn) days[e] = taken;
    keptDays.set(byAsn, days);
  }
  return days;
}

function timetable(inst: Instance, chosen: readonly number[][]): Timetable {
  const dayCount = inst.days.length;
  const dayMonth = inst.days.map(monthOf);
  const { of: busyOf, peek: busyPeek } = busyDays(inst);
  const roomBusy = inst.rooms.map((_, r) =>
    inst.blocked?.rooms[r] ? Uint8Array.from(inst.blocked.rooms[r]) : new Uint8Array(dayCount),
  );
  const useRooms = inst.rooms.length > 0;
  // the room-days of the previous plan's open sessions (warm-start.ts), null when none
  let warmRooms: Uint8Array[] | null = null;
  for (const w of inst.warm ?? []) {
    const hari = (inst.courses[w.course] as CourseModel).hari;
    if (w.room < 0 || w.start + hari > dayCount) continue;
    warmRooms ??= inst.rooms.map(() => new Uint8Array(dayCount));
    (warmRooms[w.room] as Uint8Array).fill(1, w.start, w.start + hari);
  }

  const participants = new Map<number, number[]>();
  chosen.forEach((courses, e) => {
    for (const c of courses) {
      const list = participants.get(c) ?? [];
      list.push(e);
      participants.set(c, list);
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
  // per ASN, its first preferred month (13: none)
  const firstMonth = new Int32Array(inst.asn.length);
  for (let e = 0; e < inst.asn.length; e++) firstMonth[e] = (inst.asn[e] as AsnModel).prefMonths[0] ?? 13;
  // per-ASN load: busiest ASN first inside a course so they get the free slots
  const load = chosen.map((courses) => courses.reduce((sum, c) => sum + (inst.courses[c]?.hari ?? 0), 0));

  // sessions kept from a previous plan, still to come: their freed seats are open (replan.ts)
  const placed: Placed[] = (inst.blocked?.sessions ?? []).map((p) => placedWith(p, []));
  const dropped: Dropped[] = [];
  // trainers and the OPD absence limit (limits.ts), kept sessions booked; what kept an enrolment out
  const ledger = Ledger.withKept(inst, placed);
  // the sessions of each course, in the order of `placed` (its searches look at one course)
  const placedOf: Placed[][] = inst.courses.map(() => []);
  for (const p of placed) placedOf[p.course]?.push(p);
  /** enrolments (e × courses + c) the OPD absence limit kept out of a session */
  const capped = new Set<number>();
  const courseCount = inst.courses.length;
  const trainerless = new Set<number>();
  /** seats taken, the kept members of a kept session included */
  const size = (p: Placed) => p.members.length + (p.fixed?.kept ?? 0);
  /** whether ASN e may take a seat of p on its days: free then, and did not decline the course then */
  const canJoin = (e: number, p: Placed, hari: number) =>
    isFree(e, p.start, hari) && !declinedAt(inst, e, p.course, p.start, hari) && ledger.canJoin(e, p);

  /** the smallest free allowed room seating `size`, else the largest free one (part of the group fits) */
  const freeRoom = (allowed: readonly number[], start: number, hari: number, size: number): number => {
    // a re-plan: rooms the previous plan's open sessions held on these days are left for them
    // while another room will do (warm-start.ts)
    for (const avoid of warmRooms ? [warmRooms, null] : [null]) {
      let largest = -1;
      for (let k = allowed.length - 1; k >= 0; k--) {
        const r = allowed[k] as number;
        const roomDays = roomBusy[r] as Uint8Array;
        const held = avoid?.[r];
        let free = true;
        for (let d = start; d < start + hari; d++)
          if (roomDays[d] || held?.[d]) {
            free = false;
            break;
          }
        if (!free) continue;
        if ((inst.rooms[r] as Room).kapasitas >= size) return r;
        if (largest < 0 || (inst.rooms[r] as Room).kapasitas > (inst.rooms[largest] as Room).kapasitas)
          largest = r;
      }
      if (largest >= 0) return largest;
    }
    return -1;
  };
  /** whether room r is allowed, free on the session's days and seats `size` (warm-start.ts) */
  const roomFits = (r: number, allowed: readonly number[], start: number, hari: number, size: number) => {
    if (r < 0 || !allowed.includes(r) || (inst.rooms[r] as Room).kapasitas < size) return false;
    const roomDays = roomBusy[r] as Uint8Array;
    for (let d = start; d < start + hari; d++) if (roomDays[d]) return false;
    return true;
  };
  const isFree = (e: number, start: number, hari: number) => {
    const days = busyPeek(e);
    if (!days) return true;
    for (let d = start; d < start + hari; d++) if (days[d]) return false;
    return true;
  };
  const startOrder = new Int32Array(dayCount);
  /**
   * every start day into `startOrder` (returns how many), those in `month` first, each group
   * rotated by `salt` to spread sessions
   */
  const candidates = (hari: number, month: number | null, salt: number): number => {
    const span = dayCount - hari + 1;
    if (span <= 0) return 0;
    const offset = salt % span;
    let n = 0;
    if (month !== null)
      for (let k = 0; k < span; k++) {
        const start = (offset + k) % span;
        if (dayMonth[start] === month) startOrder[n++] = start;
      }
    for (let k = 0; k < span; k++) {
      const start = (offset + k) % span;
      if (month === null || dayMonth[start] !== month) startOrder[n++] = start;
    }
    return n;
  };
  // place's scratch: who is free on a start, and of them who the OPD limit admits
  const own: number[] = [];
  const admitted: number[] = [];
  /** per ASN, the stamp of the last place call that seated it */
  const seatedAt = new Int32Array(inst.asn.length);
  let placeCalls = 0;
  /**
   * places one session of course c for `members`; returns those it could not seat. `prefer`: a
   * start tried first and kept when it seats at least half of them (warm-start.ts)
   */
  const place = (c: number, members: number[], salt: number, prefer?: WarmSession): number[] => {
    const course = inst.courses[c] as CourseModel;
    const hari = course.hari;
    const month = modeMonth(inst, members);
    let best: { start: number; room: number; free: number[]; trainer: number } | null = null;
    const count = candidates(hari, month, course.classroom && useRooms ? 0 : salt);
    const first = prefer && prefer.start <= dayCount - hari ? prefer.start : undefined;
    // the preferred start, then every start (the preferred one again among them)
    for (let k = first === undefined ? 0 : -1; k < count; k++) {
      const start = k < 0 ? (first as number) : (startOrder[k] as number);
      own.length = 0;
      for (const e of members)
        if (isFree(e, start, hari) && !declinedAt(inst, e, c, start, hari)) own.push(e);
      const free = ledger.admit(c, start, own, admitted);
      if (free.length < own.length) {
        // admit keeps the order: whoever it skipped is capped
        let at = 0;
        for (const e of own) {
          if (free[at] === e) at++;
          else capped.add(e * courseCount + c);
        }
      }
      if (free.length === 0) continue;
      let room = -1;
      let fitting = free.length;
      if (course.classroom && useRooms) {
        room =
          start === first && prefer && roomFits(prefer.room, course.roomsAllowed, start, hari, free.length)
            ? prefer.room
            : freeRoom(course.roomsAllowed, start, hari, free.length);
        if (room < 0) continue;
        fitting = Math.min(free.length, (inst.rooms[room] as Room).kapasitas);
      }
      if (best && fitting <= best.free.length) continue;
      const trainer = ledger.needsTrainer(c)
        ? ledger.trainerFor(c, start, start === first && prefer ? prefer.trainer : -1)
        : -1;
      if (trainer < 0 && ledger.needsTrainer(c)) {
        trainerless.add(c);
        continue;
      }
      best = { start, room, free: free.slice(0, fitting), trainer };
      if (fitting === members.length || (start === first && fitting * 2 >= members.length)) break;
    }
    if (!best) return members;
    for (const e of best.free) {
      const days = busyOf(e);
      for (let d = best.start; d < best.start + hari; d++) days[d] = 1;
    }
    if (best.room >= 0) {
      const roomDays = roomBusy[best.room] as Uint8Array;
      for (let d = best.start; d < best.start + hari; d++) roomDays[d] = 1;
    }
    const session: Placed = {
      course: c,
      start: best.start,
      members: best.free,
      room: best.room,
      trainer: best.trainer,
      fixed: undefined,
      warm: prefer && best.start === prefer.start ? prefer.id : undefined,
    };
    placed.push(session);
    placedOf[c]?.push(session);
    ledger.book(session);
    const stamp = ++placeCalls;
    for (const e of best.free) seatedAt[e] = stamp;
    return members.filter((e) => seatedAt[e] !== stamp);
  };

  /**
   * `Peserta Minimum`: the members of a session of course c below its minimum move to another
   * session of c with a free seat (room and Kapasitas) on days they are free; a session still
   * below the minimum is not run, and its members wait (dropped, reported as peserta-minimum).
   */
  const enforceMinimum = (c: number) => {
    const course = inst.courses[c] as CourseModel;
    const seatsOf = (p: Placed) =>
      p.room < 0 ? course.seats : Math.min(course.seats, (inst.rooms[p.room] as Room).kapasitas);
    const book = (e: number, p: Placed, on: 0 | 1) => {
      const days = busyOf(e);
      for (let d = p.start; d < p.start + course.hari; d++) days[d] = on;
    };
    /** cancels a session: its members and room are free again; returns its members */
    const cancel = (p: Placed): number[] => {
      for (const e of p.members) book(e, p, 0);
      if (p.room >= 0) {
        const roomDays = roomBusy[p.room] as Uint8Array;
        for (let d = p.start; d < p.start + course.hari; d++) roomDays[d] = 0;
      }
      ledger.release(p);
      placed.splice(placed.indexOf(p), 1);
      const ofCourse = placedOf[c] as Placed[];
      ofCourse.splice(ofCourse.indexOf(p), 1);
      return p.members;
    };
    let waiting: number[] = [];
    const small = (placedOf[c] as Placed[])
      .filter((p) => !p.fixed && p.members.length < course.minimum)
      .sort((x, y) => x.members.length - y.members.length);
    for (const p of small) waiting.push(...cancel(p));
    // into sessions that run, where a seat is free on days the member is free
    const tryJoin = () => {
      waiting = waiting.filter((e) => {
        const target = (placedOf[c] as Placed[]).find(
          (p) => size(p) < seatsOf(p) && canJoin(e, p, course.hari),
        );
        if (!target) return true;
        target.members.push(e);
        book(e, target, 1);
        ledger.join(e, target);
        return false;
      });
    };
    tryJoin();
    // enough of them for a session of their own: one more try together
    if (waiting.length >= course.minimum) {
      const before = placed.length;
      const group = waiting.slice(0, course.seats);
      const unseated = new Set([...place(c, group, c * 71 + waiting.length), ...waiting.slice(course.seats)]);
      const fresh = placed.length > before ? (placed[placed.length - 1] as Placed) : undefined;
      if (fresh && fresh.members.length < course.minimum) cancel(fresh);
      else waiting = waiting.filter((e) => unseated.has(e));
      tryJoin();
    }
    for (const e of waiting) dropped.push({ asn: e, course: c, batas: 'peserta-minimum' });
  };

  for (const c of order) {
    const course = inst.courses[c] as CourseModel;
    let takers = [...(participants.get(c) ?? [])];
    // group by preferred month so a session can sit in its members' month
    takers.sort(
      (x, y) =>
        (firstMonth[x] as number) - (firstMonth[y] as number) || (load[y] ?? 0) - (load[x] ?? 0) || x - y,
    );
    // freed seats of kept sessions first
    for (const p of placedOf[c] as Placed[]) {
      if (!p.fixed) continue;
      const seats =
        p.room < 0 ? course.seats : Math.min(course.seats, (inst.rooms[p.room] as Room).kapasitas);
      // a full session keeps every taker out: nothing to look at
      if (size(p) >= seats) continue;
      // takers who did not join are compacted to the front of `takers` (its own copy), in order;
      // once the session is full the remaining takers stay as they are (no seat to look at)
      let kept = 0;
      let k = 0;
      for (; k < takers.length && size(p) < seats; k++) {
        const e = takers[k] as number;
        if (!canJoin(e, p, course.hari)) {
          takers[kept++] = e;
          continue;
        }
        p.members.push(e);
        busyOf(e).fill(1, p.start, p.start + course.hari);
        ledger.join(e, p);
      }
      if (kept < k) {
        for (; k < takers.length; k++) takers[kept++] = takers[k] as number;
        takers.length = kept;
      }
    }
    let left: number[] = [];
    // a re-plan: the previous plan's open sessions of c first, on their days (warm-start.ts)
    for (const w of inst.warm ?? []) {
      if (w.course !== c) continue;
      const group = takers.filter((e) => w.members.has(e));
      if (group.length === 0) continue;
      const tried = new Set(group);
      takers = takers.filter((e) => !tried.has(e));
      left.push(...place(c, group.slice(0, course.seats), c * 53, w), ...group.slice(course.seats));
    }
    const sessionCount = Math.ceil(takers.length / course.seats);
    const groups: number[][] = [];
    let at = 0;
    for (let g = 0; g < sessionCount; g++) {
      const size = Math.ceil((takers.length - at) / (sessionCount - g));
      groups.push(takers.slice(at, at + size));
      at += size;
    }
    groups.forEach((group, g) => {
      left.push(...place(c, group, c * 53 + g * 17));
    });
    // leftovers: an existing session of the course with a seat, else a new session
    for (let round = 0; round < 3 && left.length > 0; round++) {
      const still: number[] = [];
      for (const e of left) {
        const target = (placedOf[c] as Placed[]).find(
          (p) =>
            size(p) < course.seats &&
            (p.room < 0 || (inst.rooms[p.room] as Room).kapasitas > size(p)) &&
            canJoin(e, p, course.hari),
        );
        if (target) {
          target.members.push(e);
          ledger.join(e, target);
          const days = busyOf(e);
          for (let d = target.start; d < target.start + course.hari; d++) days[d] = 1;
        } else still.push(e);
      }
      left = still;
      const next: number[] = [];
      for (let k = 0; k < left.length; k += course.seats) {
        next.push(...place(c, left.slice(k, k + course.seats), c * 31 + round * 7 + k));
      }
      left = next;
    }
    for (const e of left)
      dropped.push({
        asn: e,
        course: c,
        batas: capped.has(e * courseCount + c) ? 'opd-bersamaan' : trainerless.has(c) ? 'pengajar' : 'jadwal',
      });
    if (course.minimum > 1) enforceMinimum(c);
  }
  return { placed, dropped };
}

/** The month most members prefer (the earliest on a tie), null when none states one. */
function modeMonth(inst: Instance, members: readonly number[]): number | null {
  const count = new Array<number>(13).fill(0);
  for (const e of members)
    for (const month of inst.asn[e]?.prefMonths ?? []) count[month] = (count[month] ?? 0) + 1;
  let best: number | null = null;
  for (let month = 1; month <= 12; month++)
    if ((count[month] ?? 0) > 0 && (best === null || (count[month] ?? 0) > (count[best] ?? 0))) best = month;
  return best;
}
