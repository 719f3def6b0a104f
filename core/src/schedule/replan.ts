/**
 * Re-planning (`bangkom schedule --ulang`): sessions of the previous plan that already started
 * (before `mulaiPalingAwal`) or were announced (a `Daftar Hadir` row names them, an RSVP answer
 * or attendance, or Kirim Undangan sent their invitations: ../announced.ts) keep their dates, room
 * and the invitees who did not decline; everything
 * else is planned again around them, and the change is reported as a diff.
 *
 * The kept enrolments are taken out of the problem exactly: each kept ASN loses the course from
 * its options, the needs it closes, the JP it gives (target and `Batas JP per ASN`) and, once it
 * has a kept session, the equity bonus it earned; each OPD's Pagu loses what they cost; their days
 * and rooms are blocked. An ASN's objective with kept set F and new set N then equals the value
 * of F (a constant) plus the reduced ASN's objective of N, so objective and bound of the reduced
 * problem plus that constant are the objective and a proven bound of the re-plan. Blocked days
 * and rooms are relaxed in the bound as before. Freed seats of kept sessions still to come are
 * offered like any empty seat (seats.ts) to the ASN who gain from them.
 *
 * Whoever declined a session (kept or released) is never seated in a session of that course whose
 * days overlap the declined one's (`declinedAt`). A Riwayat Pelatihan row made from a kept session
 * (its `ID Sesi`, same NIP) is that kept enrolment: its JP and training year count once, as the
 * plan's, never also as history (`ownHistory`; buildInstance leaves such rows out).
 */
import { announcements, eachInvitee } from '../announced.js';
import type { NipIndex } from '../nip.js';
import type { ReplanReport, ScheduledSession, ScheduleReport } from '../schedule-report.js';
import type { ProgramData, TrainingRecord } from '../types.js';
import {
  type AsnModel,
  asnIndex,
  asnObjective,
  asnWith,
  type CourseModel,
  type Instance,
  instanceWith,
  listPool,
} from './instance.js';
import { keptCost } from './session-cost.js';
import { type Candidate, type Placed, placedWith } from './timetable.js';

/** A session of the previous plan, as `schedule --json` printed it. */
export type PreviousSession = Pick<ScheduledSession, 'id' | 'kode' | 'mulai' | 'selesai' | 'peserta'> & {
  ruang?: string | null;
  /** its trainer, kept with it */
  pengajar?: string | null;
};

interface Kept {
  session: PreviousSession;
  course: number;
  members: number[];
  /** index of `mulai` in inst.days; −1 when it started before them */
  start: number;
  room: number;
}

export interface FixedPart {
  /** the instance of what is still open */
  reduced: Instance;
  kept: Kept[];
  /** Σ over ASN of the objective of their kept courses, less the kept sessions' `Biaya per Angkatan` */
  constant: number;
  /** added to the open problem's bound: what its selection may under-count (session-cost.ts keptCost) */
  slack: number;
  dilepas: ReplanReport['dilepas'];
}

/** Splits the previous plan into kept sessions and the open problem (see the file comment). */
export function fixPrevious(
  inst: Instance,
  data: ProgramData,
  previous: readonly PreviousSession[],
  earliest: string | undefined,
): FixedPart {
  const asnOf = asnIndex(inst.asn);
  const courseOf = new Map(inst.courses.map((course, c) => [course.catalog.kode, c] as const));
  const dayOf = new Map(inst.days.map((day, d) => [day, d] as const));
  // announced: a Daftar Hadir row or an invitation sent names it; per session, who declined it
  const told = announcements(data);
  const declined = told.declined;
  const kept: Kept[] = [];
  const dilepas: ReplanReport['dilepas'] = [];
  const develops = needMatcher(inst);
  // per ASN, the last session (index into previous) whose invitees it was counted in
  const seenIn = new Int32Array(inst.asn.length).fill(-1);
  for (let s = 0; s < previous.length; s++) {
    const session = previous[s] as PreviousSession;
    const started = earliest !== undefined && session.mulai < earliest;
    if (!started && !told.sessions.has(session.id)) continue;
    const c = courseOf.get(session.kode);
    const release = (alasan: string) => dilepas.push({ id: session.id, alasan });
    if (c === undefined) {
      release(`Kode ${session.kode} tidak ada lagi di Katalog Pelatihan.`);
      continue;
    }
    const course = inst.courses[c] as CourseModel;
    // who stays: invited and did not decline, is still in the gaps with a need the course develops
    // (../announced.ts `invitees` mapped to ASN, de-duplicated on the ASN instead of a set of NIPs:
    // a NIP is one ASN, so an ASN seen is its NIP seen, and the NIPs of no ASN are left out either way)
    const members: number[] = [];
    eachInvitee(told, session.id, session.peserta, (nip) => {
      const e = asnOf.get(nip);
      if (e === undefined || seenIn[e] === s) return;
      seenIn[e] = s;
      if (develops(e, c)) members.push(e);
    });
    const room = session.ruang ? inst.rooms.findIndex((r) => r.nama === session.ruang) : -1;
    const start = dayOf.get(session.mulai) ?? -1;
    if (!started) {
      if (session.ruang && room < 0) {
        release(`Ruang ${session.ruang} tidak ada lagi di lembar Ruang.`);
        continue;
      }
      if (start < 0 || dayOf.get(session.selesai) !== start + course.hari - 1) {
        release(`Tanggal ${session.mulai} s.d. ${session.selesai} tidak lagi hari kerja berurutan.`);
        continue;
      }
      if (members.length < course.minimum) {
        release(
          `Tinggal ${members.length} peserta yang hadir, kurang dari Peserta Minimum ${course.minimum}.`,
        );
        continue;
      }
    }
    kept.push({ session, course: c, members, start: started ? -1 : start, room });
  }

  // kept courses per ASN, then the reduced ASN models
  const fixedOf: (number[] | undefined)[] = new Array(inst.asn.length).fill(undefined);
  for (const k of kept)
    for (const e of k.members) {
      const list = fixedOf[e];
      if (list) list.push(k.course);
      else fixedOf[e] = [k.course];
    }
  // Pagu less the kept sessions' cost; their `Biaya per Angkatan` is a constant (session-cost.ts)
  const cost = keptCost(inst, kept);
  const pagu = new Map(inst.pagu);
  for (const [opd, rp] of cost.reserved) pagu.set(opd, (pagu.get(opd) ?? 0) - rp);
  let constant = -inst.weights.biaya * cost.fixed;
  // what each kept ASN keeps is gathered here and copied at its size (eligible lists pooled by
  // content: the stages never change them); a list nothing left is shared with its full model
  const needsLeft: AsnModel['needs'] = [];
  const eligibleLeft: number[] = [];
  const sharedLeft = listPool();
  // per course, its JP and the last kept ASN (e + 1) that keeps it: read for every eligible course
  const courseJp = new Float64Array(inst.courses.length);
  for (let c = 0; c < inst.courses.length; c++) courseJp[c] = (inst.courses[c] as CourseModel).catalog.jp;
  const keptBy = new Int32Array(inst.courses.length);
  const asn = inst.asn.map((model, e) => {
    const fixed = fixedOf[e];
    if (!fixed) return model;
    constant += asnObjective(inst, model, fixed);
    let jp = 0;
    for (const c of fixed) jp += (inst.courses[c] as CourseModel).catalog.jp;
    const jpLimit = Math.max(0, model.jpLimit - jp);
    // the needs no kept course develops
    needsLeft.length = 0;
    for (const need of model.needs) if (!developsCode(inst, fixed, need.kode)) needsLeft.push(need);
    eligibleLeft.length = 0;
    for (const c of fixed) keptBy[c] = e + 1;
    for (const c of model.eligible)
      if (keptBy[c] !== e + 1 && (courseJp[c] as number) <= jpLimit) eligibleLeft.push(c);
    return asnWith(model, {
      needs: needsLeft.length === model.needs.length ? model.needs : needsLeft.slice(),
      eligible: eligibleLeft.length === model.eligible.length ? model.eligible : sharedLeft(eligibleLeft),
      jpToTarget: Math.max(0, model.jpToTarget - jp),
      jpLimit,
      equity: false,
    });
  });
  for (const [opd, left] of pagu) pagu.set(opd, Math.max(0, left));

  // days and rooms taken by kept sessions still to come
  const dayCount = inst.days.length;
  const blocked = {
    declined: declinesOf(inst, previous, declined, asnOf, courseOf),
    asn: keptDays(inst, kept),
    rooms: inst.rooms.map(() => new Uint8Array(dayCount)),
    sessions: kept
      .filter((k) => k.start >= 0)
      .map((k) => ({
        course: k.course,
        start: k.start,
        members: [],
        room: k.room,
        trainer: trainerOf(inst, k),
        fixed: fixedInfo(k),
        warm: undefined,
      })),
  };
  for (const k of kept) {
    const hari = (inst.courses[k.course] as CourseModel).hari;
    if (k.start >= 0 && k.room >= 0) (blocked.rooms[k.room] as Uint8Array).fill(1, k.start, k.start + hari);
  }
  return {
    reduced: instanceWith(inst, {
      asn,
      pagu,
      blocked,
      courses: cost.courses,
      keptBudget: { pagu: inst.pagu, base: cost.base },
    }),
    kept,
    constant,
    slack: cost.slack,
    dilepas,
  };
}

/** Whether one of the courses develops competency `kode`. */
function developsCode(inst: Instance, courses: readonly number[], kode: string): boolean {
  for (const c of courses)
    if ((inst.courses[c] as CourseModel).catalog.kompetensi.includes(kode)) return true;
  return false;
}

/**
 * Whether course c develops one of ASN e's needs (of `inst`'s models), asked for every kept member
 * here and for every open pair in compact.ts: the courses' competency codes are numbered, each
 * course's and (on first ask) each ASN's needs' codes become a bitset over those numbers, and a
 * shared bit is a code both name (equal strings, equal numbers; a need no course develops gets no
 * number and matches nothing).
 */
export function needMatcher(inst: Instance): NeedMatcher {
  const bitOf = new Map<string, number>();
  for (const course of inst.courses)
    for (const kode of course.catalog.kompetensi) if (!bitOf.has(kode)) bitOf.set(kode, bitOf.size);
  const words = Math.max(1, Math.ceil(bitOf.size / 32));
  const set = (bits: Uint32Array, at: number, kode: string) => {
    const b = bitOf.get(kode);
    if (b !== undefined) bits[at + (b >>> 5)] = (bits[at + (b >>> 5)] as number) | (1 << (b & 31));
  };
  const courseBits = new Uint32Array(inst.courses.length * words);
  inst.courses.forEach((course, c) => {
    for (const kode of course.catalog.kompetensi) set(courseBits, c * words, kode);
  });
  const needBits = new Uint32Array(inst.asn.length * words);
  const made = new Uint8Array(inst.asn.length);
  return (e, c) => {
    if (!made[e]) {
      made[e] = 1;
      for (const need of (inst.asn[e] as AsnModel).needs) set(needBits, e * words, need.kode);
    }
    for (let w = 0; w < words; w++)
      if (((needBits[e * words + w] as number) & (courseBits[c * words + w] as number)) !== 0) return true;
    return false;
  };
}

/** needMatcher's answer: whether course c develops one of ASN e's needs. */
export type NeedMatcher = (e: number, c: number) => boolean;

/**
 * The days each kept member spends in kept sessions still to come (indexed like inst.days), in
 * the order members first appear; views into one buffer (one allocation, not one per member).
 */
function keptDays(inst: Instance, kept: readonly Kept[]): Map<number, Uint8Array> {
  const dayCount = inst.days.length;
  const out = new Map<number, Uint8Array>();
  // per member, its row in the buffer (−1: none yet), rows in the order members first appear
  const rowOf = new Int32Array(inst.asn.length).fill(-1);
  let count = 0;
  for (const k of kept) {
    if (k.start < 0) continue;
    for (const e of k.members)
      if (rowOf[e] === -1) {
        rowOf[e] = count;
        count++;
      }
  }
  const all = new Uint8Array(count * dayCount);
  for (const k of kept) {
    if (k.start < 0) continue;
    const end = Math.min(k.start + (inst.courses[k.course] as CourseModel).hari, dayCount);
    for (const e of k.members) {
      const row = rowOf[e] as number;
      if (row === out.size) out.set(e, all.subarray(row * dayCount, (row + 1) * dayCount));
      for (let d = k.start; d < end; d++) all[row * dayCount + d] = 1;
    }
  }
  return out;
}

/**
 * Per ASN, the course and day span (indices into inst.days) of each previous session it declined,
 * kept or released: it is not seated in that course on any of those days again.
 */
function declinesOf(
  inst: Instance,
  previous: readonly PreviousSession[],
  declined: ReadonlyMap<string, ReadonlySet<string>>,
  asnOf: NipIndex,
  courseOf: ReadonlyMap<string, number>,
): Map<number, Decline[]> {
  const out = new Map<number, Decline[]>();
  for (const session of previous) {
    const no = declined.get(session.id);
    const course = courseOf.get(session.kode);
    if (no === undefined || course === undefined) continue;
    // the working days still open that fall within the session's dates
    const from = daysBefore(inst.days, session.mulai, false);
    const to = daysBefore(inst.days, session.selesai, true) - 1;
    if (from > to) continue;
    for (const nip of session.peserta) {
      if (!no.has(nip)) continue;
      const e = asnOf.get(nip);
      if (e === undefined) continue;
      const list = out.get(e) ?? [];
      list.push({ course, from, to });
      out.set(e, list);
    }
  }
  return out;
}

/** A declined session: course and first/last day index. */
export interface Decline {
  course: number;
  from: number;
  to: number;
}

/** How many of the sorted ISO `days` come before `iso` (`andOn`: on or before it). */
function daysBefore(days: readonly string[], iso: string, andOn: boolean): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const day = days[mid] as string;
    if (day < iso || (andOn && day === iso)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether ASN e declined a previous session of course c on any day of start..start+hari−1. */
export function declinedAt(inst: Instance, e: number, c: number, start: number, hari: number): boolean {
  const list = inst.blocked?.declined.get(e);
  if (!list) return false;
  for (const d of list) if (d.course === c && d.from < start + hari && start <= d.to) return true;
  return false;
}

/**
 * Riwayat Pelatihan rows that are kept enrolments: made from a kept session (`ID Sesi`) for one of
 * its kept members. The plan counts them (JP, training year), so history must not count them too.
 */
export function ownHistory(part: FixedPart, data: ProgramData): Set<TrainingRecord> {
  const out = new Set<TrainingRecord>();
  if (part.kept.length === 0) return out;
  const kept = new Map(part.kept.map((k) => [k.session.id, k] as const));
  // the rows naming a kept session (usually none, or few): only those sessions' members are looked up
  const rows = data.trainings.filter((t) => t.sesi !== undefined && kept.has(t.sesi));
  if (rows.length === 0) return out;
  const members = new Map<string, Set<string>>();
  const membersOf = (id: string): Set<string> => {
    let set = members.get(id);
    if (!set) {
      const k = kept.get(id) as Kept;
      set = new Set(k.members.map((e) => (part.reduced.asn[e] as AsnModel).nip));
      members.set(id, set);
    }
    return set;
  };
  for (const t of rows) if (membersOf(t.sesi as string).has(t.nip)) out.add(t);
  return out;
}

function fixedInfo(k: Kept): NonNullable<Placed['fixed']> {
  return {
    kept: k.members.length,
    id: k.session.id,
    mulai: k.session.mulai,
    selesai: k.session.selesai,
    ruang: k.session.ruang ?? null,
    members: k.members,
    pengajar: k.session.pengajar ?? null,
  };
}

/** The kept session's trainer (index into inst.limits.trainers; −1 when none or no longer listed). */
function trainerOf(inst: Instance, k: Kept): number {
  const nama = k.session.pengajar;
  return nama ? inst.limits.trainers.findIndex((t) => t.nama === nama) : -1;
}

/**
 * The plan of the whole year: kept sessions with their kept members and any who took a freed
 * seat, and the new sessions; objective = the kept part's constant + the open part's.
 */
export function mergeKept(part: FixedPart, open: Candidate): Candidate {
  const byId = new Map(part.kept.map((k) => [k.session.id, k] as const));
  const placed: Placed[] = open.tt.placed.map((p) => {
    const k = p.fixed ? byId.get(p.fixed.id) : undefined;
    return k ? placedWith(p, k.members.concat(p.members)) : p;
  });
  for (const k of part.kept)
    if (k.start < 0)
      placed.push({
        course: k.course,
        start: -1,
        members: [...k.members],
        room: k.room,
        trainer: trainerOf(part.reduced, k),
        fixed: fixedInfo(k),
        warm: undefined,
      });
  // each ASN's courses with its kept ones after them, then ascending (copies: open's lists stay);
  // the kept courses of ASN e are keptCourse[keptFrom[e]..keptFrom[e + 1]), in the order of part.kept
  const size = open.chosen.length;
  const keptFrom = new Int32Array(size + 1);
  for (const k of part.kept)
    for (let i = 0; i < k.members.length; i++) {
      const e = k.members[i] as number;
      if (e < size) keptFrom[e + 1] = (keptFrom[e + 1] as number) + 1;
    }
  for (let e = 0; e < size; e++) keptFrom[e + 1] = (keptFrom[e + 1] as number) + (keptFrom[e] as number);
  const keptCourse = new Int32Array(keptFrom[size] as number);
  const filled = keptFrom.slice(0, size);
  for (const k of part.kept)
    for (let i = 0; i < k.members.length; i++) {
      const e = k.members[i] as number;
      if (e >= size) continue;
      keptCourse[filled[e] as number] = k.course;
      filled[e] = (filled[e] as number) + 1;
    }
  const chosen = open.chosen.map((courses, e) => {
    const from = keptFrom[e] as number;
    const to = keptFrom[e + 1] as number;
    // made at its final length (pushing onto a copy would grow it well past that)
    const all = from === to ? courses.slice() : new Array<number>(courses.length + to - from);
    if (from < to) {
      for (let i = 0; i < courses.length; i++) all[i] = courses[i] as number;
      for (let i = from; i < to; i++) all[courses.length + i - from] = keptCourse[i] as number;
    }
    // an insertion sort: the lists are a few courses long (Array.prototype.sort allocates per call)
    for (let i = 1; i < all.length; i++) {
      const c = all[i] as number;
      let j = i - 1;
      for (; j >= 0 && (all[j] as number) > c; j--) all[j + 1] = all[j] as number;
      all[j + 1] = c;
    }
    return all;
  });
  return { ...open, tt: { ...open.tt, placed }, chosen, objective: open.objective + part.constant };
}

/** Sessions added, moved and cancelled, people added and removed, against the previous plan. */
export function diffPlans(
  previous: readonly PreviousSession[],
  report: ScheduleReport,
  part: FixedPart,
): ReplanReport {
  const before = new Map(previous.map((s) => [s.id, s] as const));
  const after = new Map(report.sessions.map((s) => [s.id, s] as const));
  const out: ReplanReport = {
    tetap: part.kept.map((k) => k.session.id).sort(),
    dilepas: part.dilepas,
    sesiBaru: [],
    sesiBatal: [],
    sesiPindah: [],
    pengajarGanti: [],
    pesertaMasuk: [],
    pesertaKeluar: [],
  };
  const when = (s: PreviousSession) => `${s.mulai} s.d. ${s.selesai}${s.ruang ? `, ${s.ruang}` : ''}`;
  for (const [id, old] of before) {
    const now = after.get(id);
    if (!now) {
      out.sesiBatal.push(id);
      for (const nip of old.peserta) out.pesertaKeluar.push({ sesi: id, nip });
      continue;
    }
    if (now.kode !== old.kode || when(now) !== when(old))
      out.sesiPindah.push({ id, dari: `${old.kode}, ${when(old)}`, ke: `${now.kode}, ${when(now)}` });
    // a previous plan printed before trainers existed says nothing of them: nothing to compare
    if (old.pengajar !== undefined && (now.pengajar ?? null) !== old.pengajar)
      out.pengajarGanti.push({ id, dari: old.pengajar, ke: now.pengajar ?? null });
    // the same people in the same order (a kept session nobody left or joined): nothing to list
    if (sameList(old.peserta, now.peserta)) continue;
    if (ascending(old.peserta) && ascending(now.peserta)) {
      // both sorted, as plans print them: a merge walk tells who is only in one of them
      for (const nip of onlyIn(now.peserta, old.peserta)) out.pesertaMasuk.push({ sesi: id, nip });
      for (const nip of onlyIn(old.peserta, now.peserta)) out.pesertaKeluar.push({ sesi: id, nip });
      continue;
    }
    const had = new Set(old.peserta);
    const has = new Set(now.peserta);
    for (const nip of now.peserta) if (!had.has(nip)) out.pesertaMasuk.push({ sesi: id, nip });
    for (const nip of old.peserta) if (!has.has(nip)) out.pesertaKeluar.push({ sesi: id, nip });
  }
  for (const [id, now] of after) {
    if (before.has(id)) continue;
    out.sesiBaru.push(id);
    for (const nip of now.peserta) out.pesertaMasuk.push({ sesi: id, nip });
  }
  out.sesiBaru.sort();
  out.sesiBatal.sort();
  return out;
}

/** Whether the strings are in ascending (code unit) order, as `Array.prototype.sort` puts them. */
function ascending(list: readonly string[]): boolean {
  for (let i = 1; i < list.length; i++) if ((list[i - 1] as string) > (list[i] as string)) return false;
  return true;
}

/** The strings of ascending list `a` that ascending list `b` lacks, in a's order. */
function onlyIn(a: readonly string[], b: readonly string[]): string[] {
  const out: string[] = [];
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as string;
    while (j < b.length && (b[j] as string) < x) j++;
    if (j === b.length || b[j] !== x) out.push(x);
  }
  return out;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
