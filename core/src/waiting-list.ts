/**
 * The waiting list of each scheduled session: the ASN who need one of the course's
 * competencies, hold no seat in any session of that course, and were left out of the plan
 * (its unmet needs), ordered as the scheduler weighs them: by the priority (gap x weight)
 * the course would close for them, the larger first. A seat freed by a "Tidak Hadir" goes to
 * the first of the list who is still free. Only ASN the course admits are listed (its
 * `Sasaran Jenis ASN`, `Sasaran Jenis Jabatan`, `Syarat`), and, when `settings` is given, only
 * those the course keeps within `Batas JP per ASN` (JP recorded in the session's year + planned).
 */
import type { ProgramData, ScheduledSession, ScheduleReport, UnmetNeed } from './index.js';
import { historyBesidePlan } from './kept-history.js';
import { localeRanks } from './locale-rank.js';
import { NipIndex } from './nip.js';
import { audienceOf } from './schedule/audience.js';
import { type Course, DEFAULT_BATAS_JP, type Employee, type TrainingRecord } from './types.js';

export interface WaitingEntry {
  sesi: string;
  /** 1 = first in line for this session */
  urutan: number;
  nip: string;
  nama: string;
  opd: string;
  /** Σ prioritas of the ASN's open needs this course covers (the scheduler's objective) */
  prioritas: number;
}

/** The cells of the `Daftar Tunggu` columns the scheduler fills (ID Sesi … Prioritas). */
export function waitingRow(w: WaitingEntry): [string, number, string, string, string, number] {
  return [w.sesi, w.urutan, w.nip, w.nama, w.opd, Math.round(w.prioritas * 100) / 100];
}

export interface WaitingListOptions {
  /** entries per session; default the course's capacity (a whole class can be replaced) */
  max?: number;
}

/** A course's waiting line: who needs it and holds no seat in it, best first. */
interface Line {
  course: Course | undefined;
  /**
   * the candidates not read yet, as a binary heap with the best on top: each ASN's place `at` and
   * its Σ prioritas. A line runs to thousands but only its first few dozen are ever read.
   */
  heapAt: Int32Array;
  heapSum: Float64Array;
  size: number;
  /** the first candidates (best first) the course's audience admits, as far as read */
  admittedAt: number[];
  admittedSum: number[];
}

/** One entry of a waiting list: session (its place in report.sessions), place in line, who, why. */
type Visit = (
  session: number,
  urutan: number,
  nip: string,
  person: Employee | undefined,
  prioritas: number,
) => void;

type WaitingReport = Pick<ScheduleReport, 'sessions' | 'unmet'> & Partial<Pick<ScheduleReport, 'ulang'>>;
type WaitingData = Pick<ProgramData, 'courses' | 'employees'> &
  Partial<Pick<ProgramData, 'trainings' | 'settings'>>;

export function waitingList(
  report: WaitingReport,
  data: WaitingData,
  opts: WaitingListOptions = {},
): WaitingEntry[] {
  const out: WaitingEntry[] = [];
  walkWaitingList(report, data, opts, (s, urutan, nip, person, prioritas) => {
    out.push({
      sesi: (report.sessions[s] as ScheduledSession).id,
      urutan,
      nip,
      nama: person?.nama ?? '',
      opd: person?.opd ?? '',
      prioritas,
    });
  });
  return out;
}

/**
 * The NIPs of waitingList's entries, per session of report.sessions (in its order): what the
 * scheduler keeps of them (`daftarTunggu`), without making an entry object per NIP.
 */
export function waitingNips(
  report: WaitingReport,
  data: WaitingData,
  opts: WaitingListOptions = {},
): string[][] {
  const out = report.sessions.map((): string[] => []);
  walkWaitingList(report, data, opts, (s, _urutan, nip) => {
    (out[s] as string[]).push(nip);
  });
  return out;
}

/** Visits the entries of each session's waiting list, session by session, first in line first. */
function walkWaitingList(
  report: WaitingReport,
  data: WaitingData,
  opts: WaitingListOptions,
  visit: Visit,
): void {
  const limit = data.settings ? (data.settings.batasJp ?? DEFAULT_BATAS_JP) : Number.POSITIVE_INFINITY;
  // only ASN with an open need can be listed: each by its place `at` (in order of its first unmet
  // row); competencies are numbered as met. Each open need (ASN, competency) is one entry, whose
  // priority is the largest of its unmet rows (and at least 0); `needing` lists them per competency,
  // the ASN's entries are chained (`firstNeed`, `nextNeed`) to find a repeated one
  // (a NipIndex: the NIPs of every enrolment and Riwayat row are looked up without hashing strings)
  const atOf = new NipIndex(report.unmet.length);
  const nips: string[] = [];
  const kodeNo = new Map<string, number>();
  const needing: number[][] = [];
  const firstNeed: number[] = [];
  const needAt: number[] = [];
  const needKode: number[] = [];
  const needPrioritas: number[] = [];
  const nextNeed: number[] = [];
  // (indexed loops: a for-of over an array allocates per step until optimised, and the history
  // runs to hundreds of thousands of rows)
  for (let i = 0; i < report.unmet.length; i++) {
    const u = report.unmet[i] as UnmetNeed;
    let at = atOf.get(u.nip);
    if (at === undefined) {
      at = nips.length;
      atOf.set(u.nip, at);
      nips.push(u.nip);
      firstNeed.push(-1);
    }
    let k = kodeNo.get(u.kode);
    if (k === undefined) {
      k = needing.length;
      kodeNo.set(u.kode, k);
      needing.push([]);
    }
    let need = firstNeed[at] as number;
    while (need >= 0 && needKode[need] !== k) need = nextNeed[need] as number;
    if (need >= 0) needPrioritas[need] = Math.max(needPrioritas[need] as number, u.prioritas);
    else {
      need = needAt.length;
      needAt.push(at);
      needKode.push(k);
      needPrioritas.push(Math.max(0, u.prioritas));
      nextNeed.push(firstNeed[at] as number);
      firstNeed[at] = need;
      (needing[k] as number[]).push(need);
    }
  }
  // JP per year and listable ASN, only for the years sessions start in: recorded trainings plus
  // planned sessions, added in that order
  const jp = new Map<string, Float64Array>();
  const jpOfSession = report.sessions.map((s) => {
    const year = s.mulai.slice(0, 4);
    let of = jp.get(year);
    if (!of) {
      of = new Float64Array(nips.length);
      jp.set(year, of);
    }
    return of;
  });
  const years = [...jp.keys()];
  const yearJp = [...jp.values()];
  /** jp.get(iso.slice(0, 4)) without making the slice (the history runs to hundreds of thousands of rows) */
  const jpOfDate = (iso: string): Float64Array | undefined => {
    for (let y = 0; y < years.length; y++) {
      const year = years[y] as string;
      // iso.slice(0, 4) === year: year starts iso, and the slice is as long as year
      if (iso.startsWith(year) && (year.length === 4 || iso.length === year.length)) return yearJp[y];
    }
    return undefined;
  };
  // a kept session's Riwayat rows are its enrolments, counted once below (kept-history.ts); the
  // audience asks only about listable ASN, so it is given only their rows (for `Syarat`)
  const trainings = data.trainings ?? [];
  const history = historyBesidePlan(report, trainings);
  const listedTrainings: TrainingRecord[] = [];
  for (let i = 0; i < trainings.length; i++) {
    const t = trainings[i] as TrainingRecord;
    const at = atOf.get(t.nip);
    if (at === undefined) continue;
    listedTrainings.push(t);
    // usually the history is every row: then each row's NIP is looked up once, here
    const of = history === trainings ? jpOfDate(t.mulai) : undefined;
    if (of) of[at] = (of[at] as number) + t.jp;
  }
  if (history !== trainings)
    for (let i = 0; i < history.length; i++) {
      const t = history[i] as TrainingRecord;
      const at = atOf.get(t.nip);
      const of = at === undefined ? undefined : jpOfDate(t.mulai);
      if (of) of[at as number] = (of[at as number] as number) + t.jp;
    }
  // per course, the listable ASN seated in one of its sessions; their JP
  const seated = new Map<string, number[]>();
  report.sessions.forEach((s, i) => {
    let list = seated.get(s.kode);
    if (!list) {
      list = [];
      seated.set(s.kode, list);
    }
    const of = jpOfSession[i] as Float64Array;
    for (let p = 0; p < s.peserta.length; p++) {
      const at = atOf.get(s.peserta[p] as string);
      if (at === undefined) continue;
      of[at] = (of[at] as number) + s.jp;
      list.push(at);
    }
  });
  const courses = new Map(data.courses.map((c) => [c.kode, c]));
  // the listable ASN's Pegawai row (the last of a repeated NIP, as a Map of all rows would keep);
  // only listable ASN are asked about: their Pegawai rows (the first of a repeated NIP is theirs)
  const people: (Employee | undefined)[] = new Array(nips.length);
  const listed: Employee[] = [];
  for (let i = 0; i < data.employees.length; i++) {
    const e = data.employees[i] as Employee;
    const at = atOf.get(e.nip);
    if (at === undefined) continue;
    people[at] = e;
    listed.push(e);
  }
  const audience = audienceOf({ courses: data.courses, employees: listed, trainings: listedTrainings });
  // NIP order as localeCompare ranks them (equal rank where it finds two NIPs equal)
  const rank = localeRanks(nips);
  // whether candidate x goes before y: the larger Σ prioritas, then NIP order, then the order of
  // `open` (as a stable sort of `open`'s order by (prioritas, NIP) leaves ties localeCompare makes)
  const before = (xAt: number, xSum: number, yAt: number, ySum: number): boolean =>
    (ySum - xSum || (rank[xAt] as number) - (rank[yAt] as number) || xAt - yAt) < 0;
  // per ASN: the course last looked at (its number in `lines`), whether seated in it, the sum so far
  const markOf = new Int32Array(nips.length).fill(-1);
  const takenIn = new Int32Array(nips.length).fill(-1);
  const value = new Float64Array(nips.length);
  const lines = new Map<string, Line>();
  /** a course's waiting line: who needs it, best first; its audience is asked only as far as read */
  const lineOf = (kode: string): Line => {
    const cached = lines.get(kode);
    if (cached) return cached;
    const course = courses.get(kode);
    const touched: number[] = [];
    if (course) {
      const mark = lines.size;
      const taken = seated.get(kode) ?? [];
      for (let i = 0; i < taken.length; i++) takenIn[taken[i] as number] = mark;
      // Σ over the course's competencies in their order, as needs.get(k) ?? 0 would add them
      for (const competency of course.kompetensi) {
        const k = kodeNo.get(competency);
        if (k === undefined) continue;
        const needs = needing[k] as number[];
        for (let i = 0; i < needs.length; i++) {
          const need = needs[i] as number;
          const at = needAt[need] as number;
          if (markOf[at] !== mark) {
            markOf[at] = mark;
            value[at] = 0;
            touched.push(at);
          }
          value[at] = (value[at] as number) + (needPrioritas[need] as number);
        }
      }
      let size = 0;
      for (let i = 0; i < touched.length; i++) {
        const at = touched[i] as number;
        if ((value[at] as number) > 0 && takenIn[at] !== mark) touched[size++] = at;
      }
      touched.length = size;
    }
    const line: Line = {
      course,
      heapAt: new Int32Array(touched.length),
      heapSum: new Float64Array(touched.length),
      size: touched.length,
      admittedAt: [],
      admittedSum: [],
    };
    for (let i = 0; i < touched.length; i++) {
      const at = touched[i] as number;
      line.heapAt[i] = at;
      line.heapSum[i] = value[at] as number;
    }
    for (let i = (line.size >> 1) - 1; i >= 0; i--) siftDown(line, i);
    lines.set(kode, line);
    return line;
  };
  /** moves the heap's entry at i down to its place */
  const siftDown = (line: Line, i: number): void => {
    const { heapAt, heapSum, size } = line;
    const at = heapAt[i] as number;
    const sum = heapSum[i] as number;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      const right = child + 1;
      if (
        right < size &&
        before(
          heapAt[right] as number,
          heapSum[right] as number,
          heapAt[child] as number,
          heapSum[child] as number,
        )
      )
        child = right;
      if (!before(heapAt[child] as number, heapSum[child] as number, at, sum)) break;
      heapAt[i] = heapAt[child] as number;
      heapSum[i] = heapSum[child] as number;
      i = child;
    }
    heapAt[i] = at;
    heapSum[i] = sum;
  };
  /** whether the line has an i-th candidate the course's audience admits (read as far as needed) */
  const admits = (line: Line, i: number): boolean => {
    while (line.admittedAt.length <= i && line.size > 0) {
      const at = line.heapAt[0] as number;
      const sum = line.heapSum[0] as number;
      line.size--;
      line.heapAt[0] = line.heapAt[line.size] as number;
      line.heapSum[0] = line.heapSum[line.size] as number;
      siftDown(line, 0);
      if (audience.bar(line.course as Course, nips[at] as string) === null) {
        line.admittedAt.push(at);
        line.admittedSum.push(sum);
      }
    }
    return line.admittedAt.length > i;
  };
  report.sessions.forEach((s, i) => {
    const max = opts.max ?? Math.max(courses.get(s.kode)?.kapasitas ?? 0, s.peserta.length, 1);
    const jpOf = jpOfSession[i] as Float64Array;
    const line = lineOf(s.kode);
    // the first `max` candidates the JP limit lets in (walked, not filtered: lists run to thousands)
    let urutan = 0;
    for (let c = 0; ; c++) {
      if (urutan >= max || !admits(line, c)) break;
      const at = line.admittedAt[c] as number;
      if ((jpOf[at] as number) + s.jp > limit) continue;
      urutan++;
      visit(i, urutan, nips[at] as string, people[at], line.admittedSum[c] as number);
    }
  });
}
