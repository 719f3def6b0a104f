/**
 * The waiting list of each scheduled session: the ASN who need one of the course's
 * competencies, hold no seat in any session of that course, and were left out of the plan
 * (its unmet needs), ordered as the scheduler weighs them: by the priority (gap x weight)
 * the course would close for them, the larger first. A seat freed by a "Tidak Hadir" goes to
 * the first of the list who is still free. Only ASN the course admits are listed (its
 * `Sasaran Jenis ASN`, `Sasaran Jenis Jabatan`, `Syarat`), and, when `settings` is given, only
 * those the course keeps within `Batas JP per ASN` (JP recorded in the session's year + planned).
 */
import type { ProgramData, ScheduleReport } from './index.js';
import { historyBesidePlan } from './kept-history.js';
import { audienceOf } from './schedule/audience.js';
import { type Course, DEFAULT_BATAS_JP, type Employee } from './types.js';

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

interface Candidate {
  /** the ASN's place among those with an open need */
  at: number;
  nip: string;
  prioritas: number;
}

interface Line {
  course: Course | undefined;
  /** every ASN with a positive sum and no seat in the course, best first */
  sorted: Candidate[];
  /** the first of `sorted` the course's audience admits, as far as read */
  admitted: Candidate[];
  /** the next of `sorted` to ask the audience about */
  next: number;
}

export function waitingList(
  report: Pick<ScheduleReport, 'sessions' | 'unmet'> & Partial<Pick<ScheduleReport, 'ulang'>>,
  data: Pick<ProgramData, 'courses' | 'employees'> & Partial<Pick<ProgramData, 'trainings' | 'settings'>>,
  opts: WaitingListOptions = {},
): WaitingEntry[] {
  const limit = data.settings ? (data.settings.batasJp ?? DEFAULT_BATAS_JP) : Number.POSITIVE_INFINITY;
  const open = new Map<string, Map<string, number>>();
  for (const u of report.unmet) {
    const needs = open.get(u.nip) ?? new Map<string, number>();
    needs.set(u.kode, Math.max(needs.get(u.kode) ?? 0, u.prioritas));
    open.set(u.nip, needs);
  }
  // only ASN with an open need can be listed: each by its place in `open`
  const nips = [...open.keys()];
  const atOf = new Map(nips.map((nip, at) => [nip, at] as const));
  // JP per year and listable ASN, only for the years sessions start in: recorded trainings plus
  // planned sessions
  const jp = new Map<string, Float64Array>();
  for (const s of report.sessions)
    if (!jp.has(s.mulai.slice(0, 4))) jp.set(s.mulai.slice(0, 4), new Float64Array(nips.length));
  const addJp = (nip: string, year: string, value: number) => {
    const of = jp.get(year);
    const at = of ? atOf.get(nip) : undefined;
    if (of && at !== undefined) of[at] = (of[at] as number) + value;
  };
  // a kept session's Riwayat rows are its enrolments, counted once below (kept-history.ts)
  for (const t of historyBesidePlan(report, data.trainings ?? [])) addJp(t.nip, t.mulai.slice(0, 4), t.jp);
  for (const s of report.sessions) for (const nip of s.peserta) addJp(nip, s.mulai.slice(0, 4), s.jp);
  const courses = new Map(data.courses.map((c) => [c.kode, c]));
  // the listable ASN's Pegawai row (the last of a repeated NIP, as a Map of all rows would keep)
  const people: (Employee | undefined)[] = new Array(nips.length);
  for (const e of data.employees) {
    const at = atOf.get(e.nip);
    if (at !== undefined) people[at] = e;
  }
  // only listable ASN are asked about: their Pegawai rows (the first of a repeated NIP is theirs)
  const audience = audienceOf({
    courses: data.courses,
    employees: data.employees.filter((e) => atOf.has(e.nip)),
    trainings: data.trainings ?? [],
  });
  // per course, the listable ASN seated in one of its sessions
  const seated = new Map<string, number[]>();
  for (const s of report.sessions) {
    let list = seated.get(s.kode);
    if (!list) {
      list = [];
      seated.set(s.kode, list);
    }
    for (const nip of s.peserta) {
      const at = atOf.get(nip);
      if (at !== undefined) list.push(at);
    }
  }
  // the open needs per competency: a course's candidates are those needing one of its
  // competencies, not every ASN with an open need
  const needing = new Map<string, { at: number; prioritas: number }[]>();
  nips.forEach((nip, at) => {
    for (const [kode, prioritas] of open.get(nip) as Map<string, number>) {
      const list = needing.get(kode);
      if (list) list.push({ at, prioritas });
      else needing.set(kode, [{ at, prioritas }]);
    }
  });
  // NIP order as localeCompare ranks them (equal rank where it finds two NIPs equal)
  const rank = new Int32Array(nips.length);
  const byNip = nips.map((_, at) => at).sort((x, y) => (nips[x] as string).localeCompare(nips[y] as string));
  for (let i = 1; i < byNip.length; i++) {
    const at = byNip[i] as number;
    const before = byNip[i - 1] as number;
    rank[at] =
      (rank[before] as number) + ((nips[before] as string).localeCompare(nips[at] as string) < 0 ? 1 : 0);
  }
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
    const line: Line = { course, sorted: [], admitted: [], next: 0 };
    if (course) {
      const mark = lines.size;
      for (const at of seated.get(kode) ?? []) takenIn[at] = mark;
      const touched: number[] = [];
      // Σ over the course's competencies in their order, as needs.get(k) ?? 0 would add them
      for (const k of course.kompetensi)
        for (const { at, prioritas } of needing.get(k) ?? []) {
          if (markOf[at] !== mark) {
            markOf[at] = mark;
            value[at] = 0;
            touched.push(at);
          }
          value[at] = (value[at] as number) + prioritas;
        }
      for (const at of touched) {
        const sum = value[at] as number;
        if (sum > 0 && takenIn[at] !== mark)
          line.sorted.push({ at, nip: nips[at] as string, prioritas: sum });
      }
      // ties between NIPs localeCompare finds equal in the order of `open`, as a stable sort of
      // `open`'s order by (prioritas, NIP) leaves them
      line.sorted.sort(
        (x, y) => y.prioritas - x.prioritas || (rank[x.at] as number) - (rank[y.at] as number) || x.at - y.at,
      );
    }
    lines.set(kode, line);
    return line;
  };
  /** the i-th candidate of the line the course's audience admits (a stable filter of `sorted`) */
  const candidateAt = (line: Line, i: number): Candidate | undefined => {
    while (line.admitted.length <= i && line.next < line.sorted.length) {
      const c = line.sorted[line.next++] as Candidate;
      if (audience.bar(line.course as Course, c.nip) === null) line.admitted.push(c);
    }
    return line.admitted[i];
  };
  const out: WaitingEntry[] = [];
  for (const s of report.sessions) {
    const max = opts.max ?? Math.max(courses.get(s.kode)?.kapasitas ?? 0, s.peserta.length, 1);
    const jpOf = jp.get(s.mulai.slice(0, 4)) as Float64Array;
    const line = lineOf(s.kode);
    // the first `max` candidates the JP limit lets in (walked, not filtered: lists run to thousands)
    let urutan = 0;
    for (let i = 0; ; i++) {
      if (urutan >= max) break;
      const c = candidateAt(line, i);
      if (!c) break;
      if ((jpOf[c.at] as number) + s.jp > limit) continue;
      const e = people[c.at];
      urutan++;
      out.push({
        sesi: s.id,
        urutan,
        nip: c.nip,
        nama: e?.nama ?? '',
        opd: e?.opd ?? '',
        prioritas: c.prioritas,
      });
    }
  }
  return out;
}
