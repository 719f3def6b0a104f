/**
 * The attendance generator of the sample: `Daftar Hadir` for recent past sessions (September to
 * mid-November of the JP year) whose Riwayat rows nobody has typed yet, so a run shows the
 * completers, the Riwayat rows they produce and the JP figures that move (docs/rumus.md,
 * *Kehadiran dan kelulusan*).
 *
 * Deterministic (the Rng of the caller's seed). Per session: a course of the catalogue held
 * face to face for 2–5 days, 20–30 participants with a technical competency it develops; about
 * 1 in 12 declined the invitation (a row without Tanggal, Tidak Hadir, and no day rows); the
 * others mostly confirmed (Hadir without Tanggal) and are recorded each day: Hadir 92 %, else
 * Izin, Sakit or Tidak Hadir. Three of the four sessions have a post-test: `Tes` rows (appended
 * to the given sheet) for those present on the last day, 95 % of them.
 */
import type { RawSheet } from '@bangkom/core';
import { DAY, utc, weekdayBetween } from './calendar.js';
import type { Emp } from './people.js';
import type { Rng } from './prng.js';
import type { CourseDef } from './sawahlunto-data.js';

export const ATTENDANCE_HEADER = ['ID Sesi', 'Kode', 'Tanggal', 'NIP', 'Status', 'Keterangan'];

export interface AttendanceOptions {
  /** year of the sessions (the sample's Tahun JP) */
  tahun: number;
  /** sessions to generate (default 4) */
  sessions?: number;
}

/** The working days of a session from its start (Mon–Fri). */
function sessionDays(start: Date, days: number): Date[] {
  const out: Date[] = [];
  for (let d = start; out.length < days; d = new Date(d.getTime() + DAY))
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) out.push(d);
  return out;
}

/**
 * `Daftar Hadir` rows for recent past sessions; appends their post-test rows to `tes`
 * (header `ID Sesi, NIP, Pre, Post, Skor Maks`). `codeOf(i)` is the catalogue code of courses[i].
 */
export function attendanceSheet(
  rng: Rng,
  emps: readonly Emp[],
  courses: readonly CourseDef[],
  codeOf: (index: number) => string,
  tes: RawSheet,
  opts: AttendanceOptions,
): RawSheet {
  const sheet: RawSheet = [ATTENDANCE_HEADER];
  const count = opts.sessions ?? 4;
  const eligible = courses
    .map((course, index) => ({ course, index }))
    .filter(
      ({ course }) => course.moda === 'Tatap Muka' && course.hari >= 2 && course.hari <= 5 && course.jp <= 40,
    );
  const chosen = rng.sample(eligible, count);
  const starts = chosen
    .map(() => weekdayBetween(rng, utc(opts.tahun, 9, 7), utc(opts.tahun, 11, 6)))
    .sort((a, b) => a.getTime() - b.getTime());
  chosen.forEach(({ course, index }, k) => {
    const kode = codeOf(index);
    const id = `${kode}-${opts.tahun}-${k + 1}`;
    const days = sessionDays(starts[k] as Date, course.hari);
    const relevant = emps.filter((e) => course.kompetensi.some((c) => e.teknis.includes(c)));
    const pool = relevant.length >= 40 ? relevant : emps;
    const participants = rng.sample(pool, Math.min(course.kapasitas, rng.int(20, 30)));
    const withPostTest = k < count - 1;
    for (const e of participants) {
      if (rng.chance(1 / 12)) {
        sheet.push([id, kode, null, e.nip, 'Tidak Hadir', 'Menjawab Tidak Hadir pada konfirmasi kehadiran']);
        continue;
      }
      if (rng.chance(0.6)) sheet.push([id, kode, null, e.nip, 'Hadir', 'Konfirmasi kehadiran']);
      let lastDay = false;
      days.forEach((day, i) => {
        const status = rng.chance(0.92)
          ? 'Hadir'
          : rng.weighted<string>([
              ['Izin', 0.4],
              ['Sakit', 0.3],
              ['Tidak Hadir', 0.3],
            ]);
        sheet.push([id, kode, day, e.nip, status, status === 'Izin' ? 'Tugas kedinasan' : null]);
        if (i === days.length - 1) lastDay = status === 'Hadir';
      });
      if (withPostTest && lastDay && rng.chance(0.95)) {
        const pre = Math.max(10, Math.min(90, Math.round(rng.normal(55, 12))));
        const post = Math.min(100, Math.round(pre + (100 - pre) * Math.max(0, rng.normal(0.45, 0.15))));
        tes.push([id, e.nip, pre, post, 100]);
      }
    }
  });
  return sheet;
}
