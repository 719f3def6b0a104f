/** Past evaluated sessions and three years of Riwayat Pelatihan. */
import { type RawSheet, SHEET } from '@bangkom/core';
import { daysIn, endAfter, pad, utc, weekdayBetween } from './calendar.js';
import { LONG_COURSES } from './catalogue.js';
import type { Emp } from './people.js';
import type { Rng } from './prng.js';
import type { InvalidCell } from './program-types.js';
import { COURSES, type CourseDef, HISTORY_EXTRA } from './sawahlunto-data.js';

const MONTH_WEIGHTS: readonly (readonly [number, number])[] = [
  [1, 0.3],
  [2, 0.8],
  [3, 0.9],
  [4, 1],
  [5, 1],
  [6, 0.9],
  [7, 1],
  [8, 1],
  [9, 1.1],
  [10, 1.1],
  [11, 0.9],
  [12, 0.4],
];
const HISTORY_END = utc(2026, 11, 20);

export interface Session {
  id: string;
  course: CourseDef;
  mulai: Date;
  participants: Emp[];
  quality: number;
  gain: number;
  maks: number;
}

export function pastSessions(
  rng: Rng,
  emps: readonly Emp[],
  courses: readonly CourseDef[],
  count: number,
): Session[] {
  const eligible = courses.filter((c) => c.moda !== 'Daring' && c.jp <= 40 && !LONG_COURSES.has(c.judul));
  const sessions: Session[] = [];
  const perYear: Record<number, number> = {};
  const starts = Array.from({ length: count }, () =>
    weekdayBetween(rng, utc(2025, 2, 3), utc(2026, 10, 30)),
  ).sort((a, b) => a.getTime() - b.getTime());
  for (const mulai of starts) {
    const course = rng.pick(eligible);
    const year = mulai.getUTCFullYear();
    const n = (perYear[year] ?? 0) + 1;
    perYear[year] = n;
    const relevant = emps.filter((e) => course.kompetensi.some((k) => e.teknis.includes(k)));
    const pool = relevant.length >= 40 ? relevant : emps;
    const size = Math.min(course.kapasitas, rng.int(18, 32));
    sessions.push({
      id: `SES-${year}-${pad(n)}`,
      course,
      mulai,
      participants: rng.sample(pool, size),
      quality: rng.normal(3.25, 0.2),
      gain: rng.normal(0.45, 0.15),
      maks: sessions.length === 4 ? 50 : 100,
    });
  }
  return sessions;
}

export function history(
  rng: Rng,
  emps: readonly Emp[],
  courses: readonly CourseDef[],
  sessions: readonly Session[],
  withInvalid: boolean,
  invalid: InvalidCell[],
): RawSheet {
  const sheet: RawSheet = [
    [
      'NIP',
      'Nama Pelatihan',
      'JP',
      'Tanggal Mulai',
      'Tanggal Selesai',
      'Bentuk',
      'Nomor Sertifikat',
      'Penyelenggara',
    ],
  ];
  const regular = courses.filter((c) => !LONG_COURSES.has(c.judul));
  const relevantCache = new Map<string, CourseDef[]>();
  /** courses that develop a managerial or socio-cultural competency or one of the position's technical ones */
  const relevantFor = (teknis: readonly string[]): CourseDef[] => {
    const key = teknis.join(',');
    let list = relevantCache.get(key);
    if (!list) {
      list = regular.filter((c) =>
        c.kompetensi.some((kd) => teknis.includes(kd) || kd.startsWith('M.') || kd.startsWith('SK.')),
      );
      if (list.length === 0) list = regular;
      relevantCache.set(key, list);
    }
    return list;
  };
  const byTitle = new Map(COURSES.map((c) => [c.judul, c]));
  const bySession = new Map<string, Session[]>();
  for (const s of sessions)
    for (const p of s.participants) bySession.set(p.nip, [...(bySession.get(p.nip) ?? []), s]);
  let certificate = 0;
  const certNo = (year: number, penyelenggara: string) => {
    certificate++;
    const org = penyelenggara.includes('BKPSDM')
      ? 'BKPSDM-SWL'
      : penyelenggara.includes('BPSDM')
        ? 'BPSDM-SB'
        : 'DIKLAT';
    return `${pad(certificate, 5)}/STTPP/${org}/${year}`;
  };
  let badDate = withInvalid;
  let badBentuk = withInvalid;
  const badDateAt = Math.floor(emps.length * 0.4);
  const badBentukAt = Math.floor(emps.length * 0.8);

  emps.forEach((e, idx) => {
    const records: { mulai: Date; cells: (string | number | Date | null)[] }[] = [];
    const seen = new Set<string>();
    const push = (
      c: { judul: string; jp: number; bentuk: string; hari: number; penyelenggara: string },
      start: Date,
    ) => {
      // one record per (NIP, Tanggal Mulai, Nama Pelatihan): the parser rejects repeats
      let mulai = start;
      while (seen.has(`${mulai.getTime()}|${c.judul}`)) mulai = endAfter(mulai, 2);
      seen.add(`${mulai.getTime()}|${c.judul}`);
      const selesai = endAfter(mulai, c.hari);
      const cert = rng.chance(0.75) ? certNo(mulai.getUTCFullYear(), c.penyelenggara) : null;
      records.push({ mulai, cells: [e.nip, c.judul, c.jp, mulai, selesai, c.bentuk, cert, c.penyelenggara] });
    };
    for (const s of bySession.get(e.nip) ?? []) push(s.course, s.mulai); // the evaluated sessions, on their dates
    const engagement = rng.weighted<'low' | 'mid' | 'high'>([
      ['low', 0.25],
      ['mid', 0.45],
      ['high', 0.3],
    ]);
    for (const year of [2024, 2025, 2026]) {
      if (year < e.entryYear) continue;
      const last = year === 2026 ? HISTORY_END : utc(year, 12, 31);
      const when = () => {
        const month = rng.weighted(
          MONTH_WEIGHTS.filter(([m]) => utc(year, m, 1).getTime() <= last.getTime()),
        );
        const end = new Date(Math.min(utc(year, month, daysIn(year, month)).getTime(), last.getTime()));
        return weekdayBetween(rng, utc(year, month, 1), end);
      };
      // induction in the year after appointment (PNS) or the appointment year (PPPK)
      if (e.jenisAsn === 'PNS' && e.entryYear + 1 === year)
        push(courseByTitle(byTitle, 'Pelatihan Dasar CPNS'), when());
      if (e.jenisAsn === 'PPPK' && e.entryYear === year)
        push(courseByTitle(byTitle, 'Orientasi Pegawai PPPK'), when());
      if (e.jenisJabatan === 'Pengawas' && rng.chance(0.05))
        push(courseByTitle(byTitle, 'Pelatihan Kepemimpinan Pengawas'), when());
      if (e.jenisJabatan === 'Administrator' && rng.chance(0.06))
        push(courseByTitle(byTitle, 'Pelatihan Kepemimpinan Administrator'), when());
      const count = rng.weighted<number>(
        engagement === 'low'
          ? [
              [0, 0.45],
              [1, 0.4],
              [2, 0.15],
            ]
          : engagement === 'mid'
            ? [
                [1, 0.35],
                [2, 0.4],
                [3, 0.25],
              ]
            : [
                [2, 0.3],
                [3, 0.4],
                [4, 0.3],
              ],
      );
      for (let k = 0; k < count; k++) {
        if (rng.chance(0.45)) {
          const x = rng.pick(HISTORY_EXTRA);
          push(
            {
              judul: x.judul,
              jp: rng.pick(x.jp),
              bentuk: x.bentuk,
              hari: 1,
              penyelenggara: 'BKPSDM Kota Sawahlunto',
            },
            when(),
          );
        } else {
          push(rng.pick(relevantFor(e.teknis)), when());
        }
      }
    }
    records.sort((a, b) => a.mulai.getTime() - b.mulai.getTime());
    for (const r of records) sheet.push(r.cells);
    if (records.length === 0) return;
    if (badDate && idx >= badDateAt) {
      badDate = false;
      sheet.push([e.nip, 'Bimbingan Teknis Penyusunan SKP', 8, '31/02/2026', null, 'KL10', null]);
      invalid.push({
        sheet: SHEET.riwayat,
        row: sheet.length,
        column: 'Tanggal Mulai',
        reason: 'tanggal 31/02/2026 tidak ada',
      });
    }
    if (badBentuk && idx >= badBentukAt) {
      badBentuk = false;
      sheet.push([
        e.nip,
        'Workshop Penyusunan Laporan Kinerja',
        12,
        utc(2025, 8, 12),
        utc(2025, 8, 13),
        'KL15',
        null,
      ]);
      invalid.push({
        sheet: SHEET.riwayat,
        row: sheet.length,
        column: 'Bentuk',
        reason: 'bentuk KL15 tidak dikenal',
      });
    }
  });
  return sheet;
}

function courseByTitle(byTitle: Map<string, CourseDef>, judul: string): CourseDef {
  const c = byTitle.get(judul);
  if (!c) throw new Error(`kursus "${judul}" tidak ada di katalog dasar`);
  return c;
}
