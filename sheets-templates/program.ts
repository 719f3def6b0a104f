/**
 * Deterministic generator of a realistic program workbook for Kota Sawahlunto, at any size.
 *
 * API (benches, tests and `generate.ts` use it):
 *
 *   import { generateProgram, generateProgramDetailed, SAMPLE_OPTIONS, PROVINCE_OPTIONS } from '../sheets-templates/program';
 *   import { writeWorkbookXlsx } from '../sheets-templates/xlsx';
 *   import { ensureProvinceWorkbook } from '../sheets-templates/province';
 *
 *   const raw = generateProgram({ seed: 1, employees: 2500 });  // RawWorkbook: sheet -> 2-D array
 *   const { raw, invalid, employees } = generateProgramDetailed(SAMPLE_OPTIONS);
 *   await writeWorkbookXlsx(raw, 'out.xlsx');                  // styled, deterministic bytes
 *   const path = await ensureProvinceWorkbook();                // 50,000 ASN, cached in bench/.cache/
 *
 * Same options -> the same RawWorkbook, cell for cell (a seeded mulberry32 PRNG, no clock).
 * Every sheet of the contract is filled: Pegawai with valid PNS/PPPK NIPs and a NIP Atasan
 * hierarchy, Kamus Kompetensi (9 defaults + T.01–T.12), Standar Kompetensi per jabatan,
 * Penilaian as Google Forms writes it (`Stempel waktu`, `[M.01] Integritas`), three years of
 * Riwayat Pelatihan, the Katalog, Anggaran, SKM, the three evaluation sheets of past sessions,
 * Pengaturan, Hari Libur, Ruang, Preferensi and Daftar Hadir. With `invalidRows` (default on) ten
 * deliberately invalid rows are mixed in; `invalid` says where they are and why.
 *
 * This file assembles the workbook; each part lives in its own module (add new sample sheets
 * the same way, in a new module called from `generateProgramDetailed`):
 *   program-types.ts  options and result types     calendar.ts     dates, working days, Forms timestamps
 *   people.ts         NIPs, names, e-mails          organisation.ts OPD sizes, structure, NIP Atasan
 *   standards.ts      Kamus and Standar Kompetensi  catalogue.ts    Katalog Pelatihan
 *   assessments.ts    Penilaian (Forms responses)   history.ts      past sessions, Riwayat Pelatihan
 *   evaluations.ts    SKM, Reaksi, Tes, Perilaku    preferences.ts  Preferensi
 *   attendance.ts     Daftar Hadir of recent sessions (not yet in Riwayat) and their post-tests
 *
 * Year logic: `Tahun` (default 2027) is the fiscal year being planned: BKPSDM plans 2027 at the
 * end of 2026, so the schedule falls in 2027 with the 2027 cuti bersama of `Hari Libur`.
 * `Tahun JP` (default 2026) is the year whose JP realisation is reported: history runs from
 * 2024-01 to 2026-11-20 (the current year, almost complete), so the 20-JP figures of 2026 are
 * meaningful.
 */
import {
  DEFAULT_LEVEL_DESCRIPTIONS,
  LEVEL_COLUMNS,
  type RawSheet,
  type RawWorkbook,
  SHEET,
} from '@bangkom/core';
import { assessments } from './assessments.js';
import { attendanceSheet } from './attendance.js';
import { pad } from './calendar.js';
import { catalogue } from './catalogue.js';
import { evaluationSheets, skmSheet } from './evaluations.js';
import { fgdSheet } from './fgd.js';
import { goalsSheet } from './goals.js';
import { history, pastSessions } from './history.js';
import { buildOrganisation } from './organisation.js';
import type { Emp, JabatanInfo } from './people.js';
import { performanceSheet } from './performance.js';
import { preferences } from './preferences.js';
import { Rng } from './prng.js';
import type { GeneratedEmployee, GeneratedProgram, InvalidCell, ProgramOptions } from './program-types.js';
import { applyFieldTrainers, applyProvinceLimits } from './province-limits.js';
import { applyRealism } from './realism.js';
import { applyExtraRooms } from './rooms.js';
import { COURSES, CUTI_BERSAMA, OPD, ROOMS } from './sawahlunto-data.js';
import { applySessionCosts } from './session-costs.js';
import { DICTIONARY, type Std, standardsFor } from './standards.js';
import { applyTrainers } from './trainers.js';

/** Options of the committed sample `sampel-sawahlunto.xlsx`. */
export const SAMPLE_OPTIONS: ProgramOptions = { seed: 20261128, employees: 2500 };
/** Options of the province-size bench workbook (150 trainers, 20 rooms). */
export const PROVINCE_OPTIONS: ProgramOptions = {
  seed: 20261128,
  employees: 50_000,
  courses: 300,
  trainers: 150,
  rooms: 20,
};
/**
 * The schedule bench's province: the same workbook with the province's limits (classical-only
 * competencies, paid Daring, trainers by field, a cut Pagu for a third of the OPDs:
 * province-limits.ts), so rooms, trainers, class minimums, session costs and Pagu bind. The
 * scale and workbook benches keep PROVINCE_OPTIONS, whose schedule is the easy one.
 */
export const PROVINCE_SCHEDULE_OPTIONS: ProgramOptions = { ...PROVINCE_OPTIONS, provinceLimits: true };

export function generateProgram(opts: ProgramOptions): RawWorkbook {
  return generateProgramDetailed(opts).raw;
}

export function generateProgramDetailed(opts: ProgramOptions): GeneratedProgram {
  const root = new Rng(opts.seed);
  const tahun = opts.tahun ?? 2027;
  const tahunJp = opts.tahunJp ?? 2026;
  const withInvalid = opts.invalidRows ?? true;
  const courseCount = opts.courses ?? COURSES.length;
  const sessionCount = opts.sessions ?? 15;
  const skmScale = opts.skmScale ?? opts.employees / 2500;
  const invalid: InvalidCell[] = [];
  const mark = (sheet: string, rows: RawSheet, column: string, reason: string) =>
    invalid.push({ sheet, row: rows.length, column, reason }); // call right after the push

  const emps = buildOrganisation(root.fork('pegawai'), opts.employees);
  const jabatanInfo = new Map<string, JabatanInfo>();
  for (const e of emps) {
    if (!jabatanInfo.has(e.jabatan))
      jabatanInfo.set(e.jabatan, { jenis: e.jenisJabatan, teknis: e.teknis, grade: e.grade });
  }

  // Pegawai
  const pegawai: RawSheet = [
    ['NIP', 'Nama', 'Jenis ASN', 'OPD', 'Jabatan', 'Jenis Jabatan', 'Email', 'NIP Atasan'],
  ];
  const badAt = Math.floor(emps.length / 3);
  const dupAt = Math.floor((emps.length * 2) / 3);
  emps.forEach((e, i) => {
    pegawai.push([
      e.nip,
      e.nama,
      e.jenisAsn,
      e.opd,
      e.jabatan,
      e.jenisJabatan,
      e.email ?? null,
      e.nipAtasan ?? null,
    ]);
    if (!withInvalid) return;
    if (i === badAt) {
      // 30 February does not exist
      pegawai.push([
        '198502302010011003',
        'Rina Marlina',
        'PNS',
        e.opd,
        'Pengadministrasi Perkantoran',
        'Pelaksana',
        null,
        null,
      ]);
      mark(SHEET.pegawai, pegawai, 'NIP', 'tanggal lahir 30 Februari');
    }
    if (i === dupAt) {
      const first = emps[Math.floor(emps.length / 2)] as Emp;
      pegawai.push([
        first.nip,
        `${first.nama.split(',')[0]} (entri ganda)`,
        first.jenisAsn,
        first.opd,
        first.jabatan,
        first.jenisJabatan,
        null,
        null,
      ]);
      mark(SHEET.pegawai, pegawai, 'NIP', 'NIP ganda');
    }
  });

  // Kamus Kompetensi
  const kamus: RawSheet = [
    ['Kode', 'Nama', 'Kelompok', ...LEVEL_COLUMNS],
    ...DICTIONARY.map((d) => [d.kode, d.nama, d.kelompok, ...(DEFAULT_LEVEL_DESCRIPTIONS[d.kode] ?? [])]),
  ];

  // Standar Kompetensi
  const stdRng = root.fork('standar');
  const standar: RawSheet = [['Jabatan', 'Kode Kompetensi', 'Level Standar', 'Bobot']];
  const stdByJabatan = new Map<string, Std[]>();
  for (const [jabatan, info] of jabatanInfo) {
    const stds = standardsFor(stdRng, jabatan, info);
    stdByJabatan.set(jabatan, stds);
    for (const s of stds) standar.push([jabatan, s.kode, s.level, s.bobot]);
    if (withInvalid && jabatan === 'Camat') {
      standar.push([jabatan, 'T.12', 7, 2]);
      mark(SHEET.standar, standar, 'Level Standar', 'level 7 di luar 1–5');
    }
    if (withInvalid && jabatan === 'Pengelola Keuangan') {
      standar.push([jabatan, 'M.10', 2, 1]);
      mark(SHEET.standar, standar, 'Kode Kompetensi', 'kode tidak ada di Kamus Kompetensi');
    }
  }

  // Penilaian (Google Forms responses, in time order)
  const penilaian = assessments(root.fork('penilaian'), emps, stdByJabatan);
  if (withInvalid) {
    const target = emps[Math.floor(emps.length / 4)] as Emp;
    const at = Math.floor(penilaian.length / 2);
    penilaian.splice(at, 0, [
      '14/03/2026 10:12:45',
      'FR-REKAN-0001',
      target.nip,
      'Rekan',
      null,
      ...DICTIONARY.map((d) => (d.kelompok === 'Teknis' ? null : 3)),
    ]);
    invalid.push({
      sheet: SHEET.penilaian,
      row: at + 1,
      column: 'Sumber',
      reason: 'sumber "Rekan" tidak dikenal',
    });
    // an ASN rating themself as their own supervisor (later, with 5s): refused, never counted
    penilaian.splice(at + 1, 0, [
      '14/03/2026 10:15:02',
      'FR-ATASAN-SENDIRI-0001',
      target.nip,
      'Atasan',
      target.nip,
      ...DICTIONARY.map((d) => (d.kelompok === 'Teknis' ? null : 5)),
    ]);
    invalid.push({
      sheet: SHEET.penilaian,
      row: at + 2,
      column: 'NIP Penilai',
      reason: 'penilaian Atasan diisi pegawai itu sendiri',
    });
  }

  // Katalog
  const courses = catalogue(root.fork('katalog'), courseCount);
  const katalog: RawSheet = [
    [
      'Kode',
      'Judul',
      'Kompetensi',
      'JP',
      'Kapasitas',
      'Biaya per Peserta',
      'Bentuk',
      'Hari',
      'Penyelenggara',
      'Moda',
    ],
    ...courses.map((c, i) => [
      `PLT-${pad(i + 1, 3)}`,
      c.judul,
      c.kompetensi.join(', '),
      c.jp,
      c.kapasitas,
      c.biaya,
      c.bentuk,
      c.hari,
      c.penyelenggara,
      c.moda,
    ]),
  ];

  // Past sessions (their participants' history includes them)
  const sessions = pastSessions(root.fork('sesi'), emps, courses, sessionCount);
  const riwayat = history(root.fork('riwayat'), emps, courses, sessions, withInvalid, invalid);

  // Anggaran
  const angRng = root.fork('anggaran');
  const perOpd = new Map<string, number>();
  for (const e of emps) perOpd.set(e.opd, (perOpd.get(e.opd) ?? 0) + 1);
  const anggaran: RawSheet = [['OPD', 'Pagu']];
  for (const opd of OPD) {
    const n = perOpd.get(opd.nama) ?? 0;
    const perHead = opd.nama.startsWith('Badan Kepegawaian') ? 4_000_000 : angRng.int(900, 2600) * 1000;
    anggaran.push([opd.nama, Math.max(25_000_000, Math.round((n * perHead) / 5_000_000) * 5_000_000)]);
  }

  const skm = skmSheet(root.fork('skm'), skmScale, withInvalid, invalid);
  const { reaksi, tes, perilaku } = evaluationSheets(root.fork('evaluasi'), sessions, withInvalid, invalid);
  // Daftar Hadir of recent sessions not yet in Riwayat (their post-tests go to Tes)
  const hadir = attendanceSheet(root.fork('hadir'), emps, courses, (i) => `PLT-${pad(i + 1, 3)}`, tes, {
    tahun: tahunJp,
  });

  const pengaturan: RawSheet = [
    ['Kunci', 'Nilai'],
    ['Tahun', tahun],
    ['Tahun JP', tahunJp],
    ['Target JP', 20],
    ['Bobot Asesmen', 0.5],
    ['Bobot Atasan', 0.3],
    ['Bobot Diri', 0.2],
    ['Minimum Kehadiran', '80%'],
    ['Pola Nomor Sertifikat', '{kode}/BKPSDM-SWL/{tahun}/{urut}'],
  ];
  const hariLibur: RawSheet = [
    ['Tanggal', 'Keterangan', 'Libur'],
    ...CUTI_BERSAMA.map(([t, k]) => [t, k, 'Ya']),
  ];
  const ruang: RawSheet = [['Nama', 'Kapasitas'], ...ROOMS.map(([n, k]) => [n, k])];
  const preferensi = preferences(root.fork('preferensi'), emps, stdByJabatan);
  const diskusi = fgdSheet(root.fork('fgd'), emps, stdByJabatan, tahunJp);

  const raw: RawWorkbook = {
    [SHEET.pegawai]: pegawai,
    [SHEET.kamus]: kamus,
    [SHEET.standar]: standar,
    [SHEET.penilaian]: penilaian,
    [SHEET.riwayat]: riwayat,
    [SHEET.katalog]: katalog,
    [SHEET.anggaran]: anggaran,
    [SHEET.skm]: skm,
    [SHEET.reaksi]: reaksi,
    [SHEET.tes]: tes,
    [SHEET.perilaku]: perilaku,
    [SHEET.pengaturan]: pengaturan,
    [SHEET.hariLibur]: hariLibur,
    [SHEET.ruang]: ruang,
    [SHEET.preferensi]: preferensi,
    [SHEET.hadir]: hadir,
    [SHEET.fgd]: diskusi,
    [SHEET.sasaran]: goalsSheet(tahunJp),
  };
  // drawn from Riwayat as generated (before the realism pass), placed in the specs' sheet order
  const kinerja = performanceSheet(root.fork('kinerja'), emps, riwayat, tahunJp);
  applyRealism(raw);
  if (opts.provinceLimits) applyProvinceLimits(raw);
  applyExtraRooms(raw, opts.rooms);
  applyTrainers(raw, tahun, opts.trainers);
  if (opts.provinceLimits) applyFieldTrainers(raw);
  applySessionCosts(raw);
  raw[SHEET.kinerja] = kinerja;
  const employees = emps.map((e) => {
    const g: GeneratedEmployee = {
      nip: e.nip,
      nama: e.nama,
      jenisAsn: e.jenisAsn,
      opd: e.opd,
      jabatan: e.jabatan,
      jenisJabatan: e.jenisJabatan,
    };
    if (e.nipAtasan) g.nipAtasan = e.nipAtasan;
    return g;
  });
  invalid.sort((a, b) => a.sheet.localeCompare(b.sheet) || a.row - b.row);
  return { raw, invalid, employees };
}
