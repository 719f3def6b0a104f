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
import { DEFAULT_BATAS_JP } from './types.js';

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

export function waitingList(
  report: Pick<ScheduleReport, 'sessions' | 'unmet'> & Partial<Pick<ScheduleReport, 'ulang'>>,
  data: Pick<ProgramData, 'courses' | 'employees'> & Partial<Pick<ProgramData, 'trainings' | 'settings'>>,
  opts: WaitingListOptions = {},
): WaitingEntry[] {
  const audience = audienceOf({ ...data, trainings: data.trainings ?? [] });
  const limit = data.settings ? (data.settings.batasJp ?? DEFAULT_BATAS_JP) : Number.POSITIVE_INFINITY;
  // JP per year and NIP, only for the years sessions start in: recorded trainings plus planned sessions
  const jp = new Map<string, Map<string, number>>();
  for (const s of report.sessions) if (!jp.has(s.mulai.slice(0, 4))) jp.set(s.mulai.slice(0, 4), new Map());
  const addJp = (nip: string, year: string, value: number) => {
    const of = jp.get(year);
    if (of) of.set(nip, (of.get(nip) ?? 0) + value);
  };
  // a kept session's Riwayat rows are its enrolments, counted once below (kept-history.ts)
  for (const t of historyBesidePlan(report, data.trainings ?? [])) addJp(t.nip, t.mulai.slice(0, 4), t.jp);
  for (const s of report.sessions) for (const nip of s.peserta) addJp(nip, s.mulai.slice(0, 4), s.jp);
  const courses = new Map(data.courses.map((c) => [c.kode, c]));
  const people = new Map(data.employees.map((e) => [e.nip, e]));
  const open = new Map<string, Map<string, number>>();
  for (const u of report.unmet) {
    const needs = open.get(u.nip) ?? new Map<string, number>();
    needs.set(u.kode, Math.max(needs.get(u.kode) ?? 0, u.prioritas));
    open.set(u.nip, needs);
  }
  const seated = new Map<string, Set<string>>();
  for (const s of report.sessions) {
    const set = seated.get(s.kode) ?? new Set<string>();
    for (const nip of s.peserta) set.add(nip);
    seated.set(s.kode, set);
  }
  const byCourse = new Map<string, { nip: string; prioritas: number }[]>();
  const candidates = (kode: string) => {
    const cached = byCourse.get(kode);
    if (cached) return cached;
    const course = courses.get(kode);
    const taken = seated.get(kode) ?? new Set<string>();
    const list: { nip: string; prioritas: number }[] = [];
    if (course) {
      for (const [nip, needs] of open) {
        if (taken.has(nip) || audience.bar(course, nip) !== null) continue;
        let value = 0;
        for (const k of course.kompetensi) value += needs.get(k) ?? 0;
        if (value > 0) list.push({ nip, prioritas: value });
      }
    }
    list.sort((a, b) => b.prioritas - a.prioritas || a.nip.localeCompare(b.nip));
    byCourse.set(kode, list);
    return list;
  };
  const out: WaitingEntry[] = [];
  for (const s of report.sessions) {
    const max = opts.max ?? Math.max(courses.get(s.kode)?.kapasitas ?? 0, s.peserta.length, 1);
    const jpOf = jp.get(s.mulai.slice(0, 4)) as Map<string, number>;
    // the first `max` candidates the JP limit lets in (walked, not filtered: lists run to thousands)
    let urutan = 0;
    for (const c of candidates(s.kode)) {
      if (urutan >= max) break;
      if ((jpOf.get(c.nip) ?? 0) + s.jp > limit) continue;
      const e = people.get(c.nip);
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
