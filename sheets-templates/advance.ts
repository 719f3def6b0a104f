/**
 * The sample a year later: `advanceYear(raw, seed)` turns a generated program workbook into
 * the same city's workbook one year on, deterministically (seeded, no clock):
 *  - Pengaturan `Tahun` and `Tahun JP` one year later;
 *  - the realised trainings of the new year in `Riwayat Pelatihan`: sessions of catalogue
 *    courses (ids `KODE-TAHUN-N`, as the schedule names them) for ASN with a gap in the course's
 *    competency, plus short activities, so many more ASN reach 20 JP;
 *  - new `Penilaian` responses late in the year: one level up, up to the standard, on the
 *    competencies an ASN was trained in (smaller gaps for trained people), unchanged otherwise;
 *  - two new SKM periods per unit (`YYYY-S2` of the old year, `YYYY-S1` of the new one): the
 *    second better on the elements service training targets, in proportion to the share of the
 *    unit's OPD trained;
 *  - L1–L3 evaluation rows for the new sessions.
 * Nothing else changes (Pegawai, Standar, Katalog, Anggaran, the deliberately invalid rows).
 */
import { type Cell, comparePeriode, type RawSheet, type RawWorkbook, SHEET } from '@bangkom/core';
import { Rng } from './prng.js';
import { HISTORY_EXTRA } from './sawahlunto-data.js';

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const DAY = 86_400_000;

function weekday(rng: Rng, y: number, fromMonth: number, toMonth: number): Date {
  const from = Date.UTC(y, fromMonth - 1, 1);
  const to = Date.UTC(y, toMonth, 0);
  let d = new Date(from + rng.int(0, Math.round((to - from) / DAY)) * DAY);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d = new Date(d.getTime() + DAY);
  return d;
}

function endAfter(start: Date, days: number): Date {
  let d = start;
  for (let left = days - 1; left > 0; ) {
    d = new Date(d.getTime() + DAY);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) left--;
  }
  return d;
}

const stamp = (d: Date, rng: Rng) =>
  `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${pad(rng.int(7, 20))}:${pad(rng.int(0, 59))}:${pad(rng.int(0, 59))}`;

function sheet(raw: RawWorkbook, name: string): RawSheet {
  const s = raw[name];
  if (!s || s.length === 0) throw new Error(`lembar ${name} tidak ada di buku kerja`);
  return s;
}

const col = (s: RawSheet, header: string): number => (s[0] ?? []).findIndex((h) => h === header);
const str = (c: Cell): string => (c === null || c === undefined ? '' : String(c));

interface Course {
  kode: string;
  judul: string;
  kompetensi: string[];
  jp: number;
  kapasitas: number;
  bentuk: string;
  hari: number;
}

/** SKM elements a service course moves: U3 time, U7 conduct, U8 complaints (see core hasil). */
const SERVICE_ELEMENTS = [2, 6, 7];
const SERVICE_CODES = new Set(['M.05', 'M.03', 'T.09', 'T.03']);

export function advanceYear(input: RawWorkbook, seed: number): RawWorkbook {
  const raw: RawWorkbook = Object.fromEntries(
    Object.entries(input).map(([k, v]) => [k, v.map((r) => [...r])]),
  );
  const rng = new Rng(seed).fork('tahun-berikut');

  // Pengaturan
  const pengaturan = sheet(raw, SHEET.pengaturan);
  const setting = (key: string) => pengaturan.find((r) => r[0] === key);
  const tahunRow = setting('Tahun');
  const tahunJpRow = setting('Tahun JP') ?? tahunRow;
  const oldYear = Number(tahunJpRow?.[1]);
  if (!Number.isInteger(oldYear)) throw new Error('Pengaturan Tahun JP (atau Tahun) tidak ada');
  const year = oldYear + 1;
  if (tahunRow) tahunRow[1] = Number(tahunRow[1]) + 1;
  if (tahunJpRow && tahunJpRow !== tahunRow) tahunJpRow[1] = year;

  // who, what they must reach, what they are rated now
  const pegawai = sheet(raw, SHEET.pegawai);
  const [pNip, pOpd, pJab, pAtasan] = ['NIP', 'OPD', 'Jabatan', 'NIP Atasan'].map((h) => col(pegawai, h));
  const seen = new Set<string>();
  const people = pegawai.slice(1).flatMap((r) => {
    const nip = str(r[pNip ?? 0]);
    if (!/^\d{18}$/.test(nip) || seen.has(nip)) return [];
    seen.add(nip);
    return [{ nip, opd: str(r[pOpd ?? 0]), jabatan: str(r[pJab ?? 0]), atasan: str(r[pAtasan ?? 0]) }];
  });
  const standar = sheet(raw, SHEET.standar);
  const levels = new Map<string, Map<string, number>>();
  for (const r of standar.slice(1)) {
    const lv = Number(r[2]);
    if (!Number.isInteger(lv) || lv < 1 || lv > 5) continue;
    const m = levels.get(str(r[0])) ?? new Map<string, number>();
    m.set(str(r[1]), lv);
    levels.set(str(r[0]), m);
  }
  const penilaian = sheet(raw, SHEET.penilaian);
  const kodeCols = (penilaian[0] ?? []).flatMap((h, i) => {
    const m = /^\[([^\]]+)\]/.exec(str(h));
    return m?.[1] ? [[m[1], i] as const] : [];
  });
  /** nip -> sumber -> the latest row of ratings */
  const latest = new Map<string, Map<string, Cell[]>>();
  for (const r of penilaian.slice(1)) {
    const bySource = latest.get(str(r[2])) ?? new Map<string, Cell[]>();
    bySource.set(str(r[3]), r);
    latest.set(str(r[2]), bySource);
  }
  const rating = (nip: string, kode: string): number | undefined => {
    const i = kodeCols.find(([k]) => k === kode)?.[1];
    let best: number | undefined;
    for (const src of ['Diri', 'Atasan', 'Asesmen']) {
      const v = i === undefined ? undefined : latest.get(nip)?.get(src)?.[i];
      if (typeof v === 'number') best = v;
    }
    return best;
  };

  // the catalogue
  const katalog = sheet(raw, SHEET.katalog);
  const courses: Course[] = katalog.slice(1).map((r) => ({
    kode: str(r[0]),
    judul: str(r[1]),
    kompetensi: str(r[2])
      .split(/[,;]\s*/)
      .filter(Boolean),
    jp: Number(r[3]),
    kapasitas: Number(r[4]),
    bentuk: str(r[6]) || 'KL03',
    hari: Number(r[7]) || 1,
  }));

  // the realised sessions of the new year: ASN with a gap in the course's competency
  const riwayat = sheet(raw, SHEET.riwayat);
  const trained = new Map<string, Set<string>>(); // nip -> competencies trained this year
  const added: { mulai: Date; cells: Cell[] }[] = [];
  const sessions: { id: string; course: Course; participants: string[] }[] = [];
  const perCourse = new Map<string, number>();
  const sessionCount = Math.max(6, Math.round(people.length / 60));
  for (let s = 0; s < sessionCount; s++) {
    const course = rng.pick(courses.filter((c) => c.jp <= 40 && c.kompetensi.length > 0));
    const needing = people.filter((p) =>
      course.kompetensi.some((k) => {
        const std = levels.get(p.jabatan)?.get(k);
        const now = rating(p.nip, k);
        return std !== undefined && now !== undefined && now < std;
      }),
    );
    if (needing.length === 0) continue;
    const n = (perCourse.get(course.kode) ?? 0) + 1;
    perCourse.set(course.kode, n);
    const id = `${course.kode}-${year}-${n}`;
    const mulai = weekday(rng, year, 2, 9);
    const participants = rng.sample(needing, Math.min(course.kapasitas, rng.int(20, 32))).map((p) => p.nip);
    sessions.push({ id, course, participants });
    for (const nip of participants) {
      const set = trained.get(nip) ?? new Set<string>();
      for (const k of course.kompetensi) set.add(k);
      trained.set(nip, set);
      added.push({
        mulai,
        cells: [nip, course.judul, course.jp, mulai, endAfter(mulai, course.hari), course.bentuk, null],
      });
    }
  }
  // each ASN's own courses, for the competencies of the position (gaps first), and short activities
  const byKode = new Map<string, Course[]>();
  for (const c of courses) for (const k of c.kompetensi) byKode.set(k, [...(byKode.get(k) ?? []), c]);
  for (const p of people) {
    const std = [...(levels.get(p.jabatan) ?? new Map<string, number>())];
    const gaps = std.filter(([k, lv]) => (rating(p.nip, k) ?? lv) < lv).map(([k]) => k);
    const pool = (gaps.length > 0 ? gaps : std.map(([k]) => k)).flatMap((k) => byKode.get(k) ?? []);
    const n = rng.weighted<number>([
      [0, 0.1],
      [1, 0.4],
      [2, 0.35],
      [3, 0.15],
    ]);
    for (const c of pool.length > 0 ? rng.sample(pool, n) : []) {
      const mulai = weekday(rng, year, 2, 10);
      const set = trained.get(p.nip) ?? new Set<string>();
      for (const k of c.kompetensi) set.add(k);
      trained.set(p.nip, set);
      added.push({ mulai, cells: [p.nip, c.judul, c.jp, mulai, endAfter(mulai, c.hari), c.bentuk, null] });
    }
  }
  for (const p of people) {
    const k = rng.weighted<number>([
      [0, 0.25],
      [1, 0.45],
      [2, 0.3],
    ]);
    for (let i = 0; i < k; i++) {
      const x = rng.pick(HISTORY_EXTRA);
      const mulai = weekday(rng, year, 1, 11);
      added.push({ mulai, cells: [p.nip, x.judul, rng.pick(x.jp), mulai, mulai, x.bentuk, null] });
    }
  }
  added.sort(
    (a, b) => a.mulai.getTime() - b.mulai.getTime() || str(a.cells[0]).localeCompare(str(b.cells[0])),
  );
  riwayat.push(...added.map((a) => a.cells));

  // new assessments late in the year: trained competencies one level up, to the standard
  const counters = new Map<string, number>();
  for (const r of penilaian.slice(1)) {
    const m = /^([A-Z]+)-(\d+)$/.exec(str(r[1]));
    if (m?.[1]) counters.set(m[1], Math.max(counters.get(m[1]) ?? 0, Number(m[2])));
  }
  const fresh: { key: number; cells: Cell[]; prefix: string }[] = [];
  for (const p of people) {
    const t = trained.get(p.nip);
    if (!t && !rng.chance(0.35)) continue;
    for (const [src, row] of latest.get(p.nip) ?? []) {
      if (src !== 'Diri' && src !== 'Atasan' && src !== 'Asesmen') continue;
      const day = weekday(rng, year, 10, 11);
      const cells: Cell[] = [stamp(day, rng), null, p.nip, src, src === 'Atasan' ? p.atasan || null : null];
      for (const [kode, i] of kodeCols) {
        const v = row[i];
        const std = levels.get(p.jabatan)?.get(kode);
        cells[i] =
          typeof v === 'number' && t?.has(kode) && std !== undefined
            ? Math.min(5, Math.max(v, Math.min(std, v + 1)))
            : (v ?? null);
      }
      fresh.push({ key: day.getTime() + fresh.length, cells, prefix: src === 'Asesmen' ? 'AS' : 'FR' });
    }
  }
  fresh.sort((a, b) => a.key - b.key);
  for (const f of fresh) {
    const n = (counters.get(f.prefix) ?? 0) + 1;
    counters.set(f.prefix, n);
    f.cells[1] = `${f.prefix}-${pad(n, 6)}`;
    penilaian.push(f.cells);
  }

  // SKM: the old year's second semester as it was, the new year's first better where trained
  const skm = sheet(raw, SHEET.skm);
  const units = new Map<string, { opd: string; periode: string; rows: Cell[][] }>();
  for (const r of skm.slice(1)) {
    const unit = str(r[0]);
    const periode = str(r[2]);
    const u = units.get(unit);
    if (!u || comparePeriode(periode, u.periode) > 0) units.set(unit, { opd: str(r[1]), periode, rows: [r] });
    else if (u.periode === periode) u.rows.push(r);
  }
  const staff = new Map<string, { all: number; service: number }>();
  for (const p of people) {
    const s = staff.get(p.opd) ?? { all: 0, service: 0 };
    s.all++;
    if ([...(trained.get(p.nip) ?? [])].some((k) => SERVICE_CODES.has(k))) s.service++;
    staff.set(p.opd, s);
  }
  for (const [unit, u] of units) {
    const means = Array.from({ length: 9 }, (_, i) => {
      const vals = u.rows
        .map((r) => r[3 + i])
        .filter((v): v is number => typeof v === 'number' && v >= 1 && v <= 4);
      return vals.length > 0 ? vals.reduce((a, b) => a + b, 0) / vals.length : 3;
    });
    const s = staff.get(u.opd);
    const share = s && s.all > 0 ? s.service / s.all : 0;
    for (const [periode, lift] of [
      [`${oldYear}-S2`, 0],
      [`${year}-S1`, 1],
    ] as const) {
      const n = Math.max(1, Math.round(u.rows.length * (0.9 + rng.next() * 0.2)));
      for (let k = 0; k < n; k++) {
        const respondent = rng.normal(0, 0.25);
        const answers = means.map((m, i) => {
          if (rng.chance(0.02)) return null;
          // a modest lift: the targeted elements by up to ~0,9 of the share trained, the rest a little
          const gain = lift * (0.02 + (SERVICE_ELEMENTS.includes(i) ? 0.9 * share : 0.15 * share));
          return Math.min(4, Math.max(1, Math.round(rng.normal(m + gain + respondent, 0.5))));
        });
        skm.push([unit, u.opd, periode, ...answers]);
      }
    }
  }

  // L1–L3 of the new sessions
  const reaksi = sheet(raw, SHEET.reaksi);
  const tes = sheet(raw, SHEET.tes);
  const perilaku = sheet(raw, SHEET.perilaku);
  const rItems = Math.max(1, (reaksi[0]?.length ?? 3) - 2);
  for (const s of sessions) {
    const quality = rng.normal(3.3, 0.2);
    const gain = rng.normal(0.5, 0.12);
    for (const nip of s.participants) {
      if (rng.chance(0.9)) {
        reaksi.push([
          s.id,
          nip,
          ...Array.from({ length: rItems }, () =>
            Math.min(4, Math.max(1, Math.round(rng.normal(quality, 0.5)))),
          ),
        ]);
      }
      if (rng.chance(0.9)) {
        const pre = Math.min(100, Math.max(0, Math.round(rng.normal(55, 12))));
        const post = Math.min(
          100,
          Math.max(0, Math.round(pre + Math.min(1, Math.max(-0.1, rng.normal(gain, 0.12))) * (100 - pre))),
        );
        tes.push([s.id, nip, pre, post, 100]);
      }
      if (rng.chance(0.6)) {
        for (const kode of s.course.kompetensi.slice(0, 2)) {
          const sebelum = rng.int(2, 3);
          perilaku.push([
            s.id,
            nip,
            kode,
            sebelum,
            Math.min(
              5,
              sebelum +
                rng.weighted<number>([
                  [0, 0.3],
                  [1, 0.6],
                  [2, 0.1],
                ]),
            ),
          ]);
        }
      }
    }
  }
  return raw;
}
