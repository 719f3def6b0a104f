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
 * Pengaturan, Hari Libur, Ruang and Preferensi. With `invalidRows` (default on) ten
 * deliberately invalid rows are mixed in; `invalid` says where they are and why.
 *
 * Year logic: `Tahun` (default 2027) is the fiscal year being planned: BKPSDM plans 2027 at the
 * end of 2026, so the schedule falls in 2027 with the 2027 cuti bersama of `Hari Libur`.
 * `Tahun JP` (default 2026) is the year whose JP realisation is reported: history runs from
 * 2024-01 to 2026-11-20 (the current year, almost complete), so the 20-JP figures of 2026 are
 * meaningful.
 */
import {
  DEFAULT_DICTIONARY,
  type JenisAsn,
  type JenisJabatan,
  NAMA_BULAN,
  type RawSheet,
  type RawWorkbook,
  SHEET,
} from '@bangkom/core';
import { Rng } from './prng.js';
import {
  COURSES,
  type CourseDef,
  CUTI_BERSAMA,
  FEMALE_FIRST,
  type Gelar,
  HISTORY_EXTRA,
  LAST_FEMALE,
  LAST_MALE,
  LAST_NEUTRAL,
  MALE_FIRST,
  OPD,
  type OpdDef,
  POSITIONS,
  type PositionDef,
  type PositionKey,
  ROOMS,
  SKM_UNITS,
  TEKNIS,
} from './sawahlunto-data.js';
import { formsCompetencyHeader } from './xlsx.js';

export interface ProgramOptions {
  seed: number;
  /** number of valid ASN in `Pegawai` */
  employees: number;
  /** courses in `Katalog Pelatihan` (default: the 48 base courses; more are derived variants) */
  courses?: number;
  /** `Pengaturan` Tahun: the fiscal year planned (default 2027) */
  tahun?: number;
  /** `Pengaturan` Tahun JP: the year whose JP realisation is reported (default 2026) */
  tahunJp?: number;
  /** past sessions with evaluation data (default 15) */
  sessions?: number;
  /** multiplier of SKM respondents per unit and period (default employees / 2,500) */
  skmScale?: number;
  /** mix in the deliberately invalid rows (default true) */
  invalidRows?: boolean;
}

/** Options of the committed sample `sampel-sawahlunto.xlsx`. */
export const SAMPLE_OPTIONS: ProgramOptions = { seed: 20261128, employees: 2500 };
/** Options of the province-size bench workbook. */
export const PROVINCE_OPTIONS: ProgramOptions = { seed: 20261128, employees: 50_000, courses: 300 };

/** A deliberately invalid cell: where the validator must report it. */
export interface InvalidCell {
  sheet: string;
  row: number; // 1-based sheet row, header = 1
  column: string;
  reason: string;
}

export interface GeneratedEmployee {
  nip: string;
  nama: string;
  jenisAsn: JenisAsn;
  opd: string;
  jabatan: string;
  jenisJabatan: JenisJabatan;
  nipAtasan?: string;
}

export interface GeneratedProgram {
  raw: RawWorkbook;
  invalid: InvalidCell[];
  /** the valid employees, in sheet order */
  employees: GeneratedEmployee[];
}

export function generateProgram(opts: ProgramOptions): RawWorkbook {
  return generateProgramDetailed(opts).raw;
}

// ---------------------------------------------------------------- dates

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const utc = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));
const daysIn = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
const DAY = 86_400_000;

function weekdayBetween(rng: Rng, from: Date, to: Date): Date {
  const span = Math.max(0, Math.round((to.getTime() - from.getTime()) / DAY));
  let d = new Date(from.getTime() + rng.int(0, span) * DAY);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d = new Date(d.getTime() + DAY);
  return d.getTime() > to.getTime() ? new Date(to.getTime()) : d;
}

/** Adds `days - 1` working days (Mon–Fri) to a start date. */
function endAfter(start: Date, days: number): Date {
  let d = start;
  let left = days - 1;
  while (left > 0) {
    d = new Date(d.getTime() + DAY);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) left--;
  }
  return d;
}

/** Google Forms' `Stempel waktu` in an Indonesian-locale sheet: `DD/MM/YYYY HH:MM:SS`. */
function formsTimestamp(rng: Rng, day: Date): { text: string; sortKey: number } {
  const h = rng.int(7, 21);
  const m = rng.int(0, 59);
  const s = rng.int(0, 59);
  const text = `${pad(day.getUTCDate())}/${pad(day.getUTCMonth() + 1)}/${day.getUTCFullYear()} ${pad(h)}:${pad(m)}:${pad(s)}`;
  return { text, sortKey: day.getTime() + ((h * 60 + m) * 60 + s) * 1000 };
}

// ---------------------------------------------------------------- people

interface Emp extends GeneratedEmployee {
  teknis: readonly string[];
  grade: number;
  entryYear: number;
  email?: string;
  atasan?: Emp;
}

interface JabatanInfo {
  jenis: JenisJabatan;
  teknis: readonly string[];
  grade: number;
}

const HEAD_OF_CITY_RESPONSIBLE = 'Sekretaris Daerah';

class People {
  readonly list: Emp[] = [];
  readonly jabatan = new Map<string, JabatanInfo>();
  private readonly nips = new Set<string>();
  private readonly emails = new Map<string, number>();

  constructor(private readonly rng: Rng) {}

  add(
    opd: string,
    jabatan: string,
    info: JabatanInfo,
    p: { pppk: number; female: number; gelar: Gelar; born: readonly [number, number]; magister?: number },
    atasan: Emp | undefined,
  ): Emp {
    const rng = this.rng;
    if (!this.jabatan.has(jabatan)) this.jabatan.set(jabatan, info);
    const female = rng.chance(p.female);
    const jenisAsn: JenisAsn = rng.chance(p.pppk) ? 'PPPK' : 'PNS';
    const { nip, entryYear } = this.nip(jenisAsn, p.born, female);
    const { nama, first, last } = personName(rng, female, p.gelar, jabatan, p.magister ?? 0);
    const emp: Emp = {
      nip,
      nama,
      jenisAsn,
      opd,
      jabatan,
      jenisJabatan: info.jenis,
      teknis: info.teknis,
      grade: info.grade,
      entryYear,
    };
    if (atasan) {
      emp.atasan = atasan;
      emp.nipAtasan = atasan.nip;
    }
    const email = this.email(first, last);
    if (email) emp.email = email;
    this.list.push(emp);
    return emp;
  }

  /** NIP per BKN layout: PNS birth date + TMT CPNS + gender + sequence; PPPK birth date + year + 2 + digit + gender + sequence. */
  private nip(
    jenisAsn: JenisAsn,
    born: readonly [number, number],
    female: boolean,
  ): { nip: string; entryYear: number } {
    const rng = this.rng;
    for (;;) {
      const y = rng.int(born[0], born[1]);
      const m = rng.int(1, 12);
      const d = rng.int(1, daysIn(y, m));
      const birth = `${y}${pad(m)}${pad(d)}`;
      const g = female ? '2' : '1';
      let prefix: string;
      let entryYear: number;
      if (jenisAsn === 'PNS') {
        // TMT CPNS between the 20th and the 33rd birthday, never after 2024 (always after the 18th birthday)
        entryYear = Math.min(y + rng.int(20, 33), 2024);
        if (entryYear < y + 19) continue;
        prefix = `${birth}${entryYear}${pad(rng.int(1, 12))}${g}`;
      } else {
        entryYear = rng.weighted<number>([
          [2019, 1],
          [2021, 2],
          [2022, 3],
          [2023, 2],
          [2024, 3],
          [2025, 2],
        ]);
        if (entryYear < y + 20) continue;
        prefix = `${birth}${entryYear}2${rng.int(1, 9)}${g}`;
      }
      for (let seq = rng.int(1, 12); seq <= 999; seq++) {
        const nip = `${prefix}${pad(seq, 3)}`;
        if (!this.nips.has(nip)) {
          this.nips.add(nip);
          return { nip, entryYear };
        }
      }
    }
  }

  private email(first: string, last: string): string | undefined {
    const rng = this.rng;
    if (rng.chance(0.07)) return undefined;
    const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
    const base = last ? `${slug(first)}.${slug(last)}` : slug(first);
    const n = (this.emails.get(base) ?? 0) + 1;
    this.emails.set(base, n);
    const local = n === 1 ? base : `${base}${n}`;
    return `${local}@${rng.chance(0.7) ? 'sawahluntokota.go.id' : 'gmail.com'}`;
  }
}

const GELAR_SARJANA = [
  ', S.E.',
  ', S.Sos.',
  ', S.H.',
  ', S.STP',
  ', S.I.P.',
  ', S.Ak.',
  ', S.AP.',
  ', S.Kom.',
];

function personName(
  rng: Rng,
  female: boolean,
  gelar: Gelar,
  jabatan: string,
  magister: number,
): { nama: string; first: string; last: string } {
  const first = rng.pick(female ? FEMALE_FIRST : MALE_FIRST);
  let last = '';
  if (!rng.chance(0.18)) {
    last = rng.chance(0.55) ? rng.pick(LAST_NEUTRAL) : rng.pick(female ? LAST_FEMALE : LAST_MALE);
    if (last === first) last = rng.pick(LAST_NEUTRAL);
  }
  const base = last ? `${first} ${last}` : first;
  let prefix = '';
  let suffix = '';
  switch (gelar) {
    case 'guru':
      suffix = rng.chance(0.85) ? ', S.Pd.' : ', S.Pd.I.';
      if (rng.chance(0.1)) suffix += ', M.Pd.';
      break;
    case 'perawat':
      suffix = ', A.Md.Kep.';
      break;
    case 'ners':
      suffix = ', S.Kep., Ns.';
      break;
    case 'bidan':
      suffix = rng.chance(0.7) ? ', A.Md.Keb.' : ', S.Tr.Keb.';
      break;
    case 'dokter':
      prefix = jabatan.includes('Gigi') ? 'drg. ' : 'dr. ';
      if (jabatan.includes('Muda') && rng.chance(0.5))
        suffix = rng.pick([', Sp.PD', ', Sp.A', ', Sp.OG', ', Sp.B']);
      break;
    case 'apoteker':
      prefix = 'apt. ';
      suffix = ', S.Farm.';
      break;
    case 'kesmas':
      suffix = ', S.K.M.';
      break;
    case 'sarjana':
      if (rng.chance(0.9)) suffix = rng.pick(GELAR_SARJANA);
      break;
    case 'teknik':
      suffix = rng.pick([', S.T.', ', S.Kom.', ', A.Md.', ', S.T.']);
      break;
    case 'none':
      // diploma for skilled (Terampil) functional posts; some pelaksana hold a degree
      if (jabatan.endsWith('Terampil')) suffix = rng.chance(0.8) ? ', A.Md.' : '';
      else if (rng.chance(0.3)) suffix = rng.pick([', A.Md.', ', S.E.', ', S.Sos.']);
      break;
  }
  if (suffix && rng.chance(magister)) suffix += rng.pick([', M.M.', ', M.Si.', ', M.A.P.', ', M.H.']);
  return { nama: `${prefix}${base}${suffix}`, first, last };
}

// ---------------------------------------------------------------- organisation

const STRUCTURAL = {
  'JPT Pratama': { grade: 4, born: [1967, 1978] as const, female: 0.3, magister: 0.85 },
  Administrator: { grade: 3, born: [1968, 1985] as const, female: 0.4, magister: 0.55 },
  Pengawas: { grade: 3, born: [1970, 1990] as const, female: 0.5, magister: 0.2 },
} as const;

function structural(
  people: People,
  opd: OpdDef,
  jabatan: string,
  jenis: JenisJabatan,
  teknis: readonly string[],
  atasan: Emp | undefined,
): Emp {
  const s =
    jenis === 'JPT Pratama' || jenis === 'Administrator' || jenis === 'Pengawas'
      ? STRUCTURAL[jenis]
      : STRUCTURAL.Pengawas;
  return people.add(
    opd.nama,
    jabatan,
    { jenis, teknis, grade: s.grade },
    { pppk: 0, female: s.female, gelar: 'sarjana', born: s.born, magister: s.magister },
    atasan,
  );
}

function subbagTeknis(jabatan: string, opd: OpdDef): readonly string[] {
  if (/Keuangan/.test(jabatan)) return ['T.01'];
  if (/Kepegawaian|Umum/.test(jabatan)) return ['T.07', 'T.10'];
  return opd.teknis.slice(0, 1);
}

function staffMember(people: People, opd: string, key: PositionKey, atasan: Emp | undefined): Emp {
  const def: PositionDef = POSITIONS[key];
  return people.add(
    opd,
    def.jabatan,
    { jenis: def.jenis, teknis: def.teknis, grade: def.grade },
    { pppk: def.pppk, female: def.female, gelar: def.gelar, born: def.born },
    atasan,
  );
}

/** Positions every OPD has whatever its size: head, deputies, sekretaris, units, subbag, one subunit head. */
function structuralSize(o: OpdDef): number {
  return (
    1 +
    (o.deputies?.length ?? 0) +
    (o.sekretaris ? 1 : 0) +
    o.units.length +
    o.subbag.length +
    (o.subunit ? 1 : 0)
  );
}

/** Splits `total` ASN over the OPD: each keeps its structure, the rest goes by weight. */
function opdSizes(total: number): number[] {
  const minimum = OPD.map(structuralSize);
  const floor = minimum.reduce((a, b) => a + b, 0);
  if (total < floor + OPD.length) {
    throw new Error(
      `generator needs at least ${floor + OPD.length} employees for the structure of ${OPD.length} OPD`,
    );
  }
  const weights = OPD.map((o) => o.weight);
  const sum = weights.reduce((a, b) => a + b, 0);
  const extra = total - floor;
  const sizes = weights.map((w, i) => (minimum[i] ?? 0) + Math.floor((extra * w) / sum));
  const biggest = weights.indexOf(Math.max(...weights));
  sizes[biggest] = (sizes[biggest] ?? 0) + total - sizes.reduce((a, b) => a + b, 0);
  return sizes;
}

function subunitName(names: readonly string[], i: number): string {
  const base = names[i % names.length] ?? `Unit ${i + 1}`;
  const round = Math.floor(i / names.length);
  return round === 0 ? base : `${base} ${round + 1}`;
}

function buildOrganisation(rng: Rng, total: number): Emp[] {
  const people = new People(rng);
  const sizes = opdSizes(total);
  let sekda: Emp | undefined;
  OPD.forEach((opd, idx) => {
    const size = sizes[idx] ?? 0;
    const start = people.list.length;
    const head = structural(
      people,
      opd,
      opd.head.jabatan,
      opd.head.jenis,
      opd.teknis,
      opd.topLevel ? undefined : sekda,
    );
    if (opd.head.jabatan === HEAD_OF_CITY_RESPONSIBLE) sekda = head;
    const deputies = (opd.deputies ?? []).map((j) =>
      structural(people, opd, j, 'JPT Pratama', opd.teknis, head),
    );
    const sekretaris = opd.sekretaris
      ? structural(people, opd, opd.sekretaris, 'Administrator', opd.teknis, head)
      : undefined;
    const units = opd.units.map((j, i) =>
      structural(
        people,
        opd,
        j,
        opd.unitJenis ?? 'Administrator',
        opd.teknis,
        deputies.length > 0 ? deputies[i % deputies.length] : head,
      ),
    );
    const subbag = opd.subbag.map((j) =>
      structural(
        people,
        opd,
        j,
        'Pengawas',
        subbagTeknis(j, opd),
        sekretaris ?? units[units.length - 1] ?? head,
      ),
    );
    let remaining = size - (people.list.length - start);

    const sub = opd.subunit;
    if (sub && remaining > 0) {
      const inSub = Math.max(1, Math.round(remaining * sub.share));
      const headCount = Math.min(inSub, Math.max(1, Math.round(inSub / (sub.perHead + 1))));
      const heads: Emp[] = [];
      for (let i = 0; i < headCount; i++) {
        const name = subunitName(sub.names, i);
        const headAtasan = sub.headReportsToHead ? head : (units[unitFor(name, units.length)] ?? head);
        if (sub.headKey) heads.push(staffMember(people, opd.nama, sub.headKey, headAtasan));
        else if (sub.head)
          heads.push(structural(people, opd, sub.head.jabatan, sub.head.jenis, sub.head.teknis, headAtasan));
      }
      for (let i = 0; i < inSub - headCount; i++) {
        const key = rng.weighted(sub.staff);
        staffMember(people, opd.nama, key, heads[i % heads.length]);
      }
      remaining -= inSub;
    }
    const pengawas = [...subbag, ...units.filter((u) => u.jenisJabatan === 'Pengawas')];
    const admins = [
      ...units.filter((u) => u.jenisJabatan === 'Administrator'),
      ...(sekretaris ? [sekretaris] : []),
    ];
    for (let i = 0; i < remaining; i++) {
      const key = rng.weighted(opd.staff);
      const def = POSITIONS[key];
      const pool = def.jenis === 'Pelaksana' && pengawas.length > 0 && rng.chance(0.7) ? pengawas : admins;
      staffMember(people, opd.nama, key, pool.length > 0 ? rng.pick(pool) : head);
    }
  });
  return people.list;
}

function unitFor(subunit: string, units: number): number {
  if (/^SMP/.test(subunit)) return Math.min(1, units - 1);
  if (/^TK/.test(subunit)) return Math.min(2, units - 1);
  if (/^Puskesmas/.test(subunit)) return units - 1;
  return 0;
}

// ---------------------------------------------------------------- dictionary and standards

const DICTIONARY = [
  ...DEFAULT_DICTIONARY.map((d) => ({ ...d })),
  ...TEKNIS.map((t) => ({ ...t, kelompok: 'Teknis' as const })),
];
const MANAGERIAL_CODES = DEFAULT_DICTIONARY.map((d) => d.kode);

interface Std {
  kode: string;
  level: number;
  bobot: number;
}

function standardsFor(rng: Rng, jabatan: string, info: JabatanInfo): Std[] {
  const r = rng.fork(`standar:${jabatan}`);
  const structuralJob =
    info.jenis === 'JPT Pratama' || info.jenis === 'Administrator' || info.jenis === 'Pengawas';
  const out: Std[] = [];
  for (const kode of MANAGERIAL_CODES) {
    let level = info.grade;
    if (info.jenis === 'Pelaksana' && ['M.06', 'M.07', 'M.08'].includes(kode)) level = 1;
    else if (r.chance(0.12)) level = Math.max(1, level - 1);
    let bobot = 1;
    if (kode === 'M.01') bobot = 2;
    else if (kode === 'M.05' && !structuralJob) bobot = 2;
    else if (structuralJob && (kode === 'M.04' || kode === 'M.08')) bobot = info.jenis === 'Pengawas' ? 2 : 3;
    else if (r.chance(0.2)) bobot = 2;
    out.push({ kode, level, bobot });
  }
  for (const kode of info.teknis) {
    const level = structuralJob
      ? Math.min(4, info.grade)
      : Math.min(4, info.grade + (info.jenis === 'Fungsional' ? 1 : 0));
    out.push({ kode, level, bobot: 3 });
  }
  return out;
}

// ---------------------------------------------------------------- catalogue

function catalogue(rng: Rng, count: number): CourseDef[] {
  const out = COURSES.slice(0, count);
  const codes = DICTIONARY.map((d) => d as { kode: string; nama: string });
  const levels = ['Tingkat Dasar', 'Tingkat Lanjut', 'Tingkat Mahir'];
  const providers = [
    'BPSDM Provinsi Sumatera Barat',
    'Lembaga Administrasi Negara',
    'BKPSDM Kota Sawahlunto',
    'ASN Unggul (LAN)',
  ];
  for (let i = 0; out.length < count; i++) {
    const c = codes[i % codes.length] as { kode: string; nama: string };
    const level = levels[Math.floor(i / codes.length) % levels.length] ?? 'Tingkat Dasar';
    const series = Math.floor(i / (codes.length * levels.length));
    const moda = rng.weighted<'Tatap Muka' | 'Daring' | 'Campuran'>([
      ['Tatap Muka', 5],
      ['Daring', 3],
      ['Campuran', 2],
    ]);
    const jp = rng.pick(moda === 'Daring' ? [8, 10, 12, 16] : [16, 24, 32, 40]);
    const daring = moda === 'Daring';
    out.push({
      judul: `${c.nama} ${level}${series > 0 ? ` (Seri ${series + 1})` : ''}`,
      kompetensi: [c.kode],
      jp,
      bentuk: daring ? rng.pick(['NKL03', 'NKL04', 'NKL09']) : rng.pick(['KL03', 'KL04', 'KL07', 'KL10']),
      moda,
      penyelenggara: daring ? 'ASN Unggul (LAN)' : rng.pick(providers),
      kapasitas: daring ? rng.pick([200, 500, 1000]) : rng.pick([20, 25, 30, 40]),
      biaya: daring ? 0 : Math.round((jp * rng.int(60, 110) * 1000) / 50_000) * 50_000,
      hari: Math.max(1, Math.ceil(jp / 8)),
    });
  }
  return out;
}

const LONG_COURSES = new Set([
  'Pelatihan Kepemimpinan Pengawas',
  'Pelatihan Kepemimpinan Administrator',
  'Pelatihan Dasar CPNS',
  'Orientasi Pegawai PPPK',
]);

// ---------------------------------------------------------------- the workbook

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

interface Session {
  id: string;
  course: CourseDef;
  mulai: Date;
  participants: Emp[];
  quality: number;
  gain: number;
  maks: number;
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
    ['Kode', 'Nama', 'Kelompok'],
    ...DICTIONARY.map((d) => [d.kode, d.nama, d.kelompok]),
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

  const pengaturan: RawSheet = [
    ['Kunci', 'Nilai'],
    ['Tahun', tahun],
    ['Tahun JP', tahunJp],
    ['Target JP', 20],
    ['Bobot Asesmen', 0.5],
    ['Bobot Atasan', 0.3],
    ['Bobot Diri', 0.2],
  ];
  const hariLibur: RawSheet = [
    ['Tanggal', 'Keterangan', 'Libur'],
    ...CUTI_BERSAMA.map(([t, k]) => [t, k, 'Ya']),
  ];
  const ruang: RawSheet = [['Nama', 'Kapasitas'], ...ROOMS.map(([n, k]) => [n, k])];
  const preferensi = preferences(root.fork('preferensi'), emps, stdByJabatan);

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
  };
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

function assessments(rng: Rng, emps: readonly Emp[], stdByJabatan: Map<string, Std[]>): RawSheet {
  const header = [
    'Stempel waktu',
    'ID Respons',
    'NIP',
    'Sumber',
    'NIP Penilai',
    ...DICTIONARY.map((d) => formsCompetencyHeader(d.kode, d.nama)),
  ];
  const rows: { key: number; idPrefix: string; cells: (string | number | null)[] }[] = [];
  const asesmenShare: Record<JenisJabatan, number> = {
    'JPT Pratama': 1,
    Administrator: 0.85,
    Pengawas: 0.5,
    Fungsional: 0.12,
    Pelaksana: 0.04,
  };
  const clamp = (v: number) => Math.min(5, Math.max(1, v));
  const ratingsRow = (truth: Map<string, number>, bias: () => number, missing: number) =>
    DICTIONARY.map((d) => {
      const t = truth.get(d.kode);
      if (t === undefined || rng.chance(missing)) return null;
      return clamp(t + bias());
    });
  for (const e of emps) {
    const stds = stdByJabatan.get(e.jabatan) ?? [];
    const truth = new Map<string, number>();
    for (const s of stds) {
      const gap = rng.weighted<number>([
        [-1, 0.08],
        [0, 0.37],
        [1, 0.38],
        [2, 0.17],
      ]);
      truth.set(s.kode, clamp(s.level - gap));
    }
    const selfBias = () =>
      rng.weighted<number>([
        [0, 0.4],
        [1, 0.5],
        [2, 0.1],
      ]);
    if (rng.chance(0.85)) {
      const day = weekdayBetween(rng, utc(2026, 2, 2), utc(2026, 3, 13));
      if (rng.chance(0.02)) {
        // an earlier response the employee later replaced (the later Waktu wins)
        const earlier = formsTimestamp(rng, new Date(day.getTime() - rng.int(1, 10) * DAY));
        rows.push({
          key: earlier.sortKey,
          idPrefix: 'FR',
          cells: [earlier.text, e.nip, 'Diri', null, ...ratingsRow(truth, selfBias, 0.1)],
        });
      }
      const ts = formsTimestamp(rng, day);
      rows.push({
        key: ts.sortKey,
        idPrefix: 'FR',
        cells: [ts.text, e.nip, 'Diri', null, ...ratingsRow(truth, selfBias, 0.04)],
      });
    }
    if (e.atasan && rng.chance(0.7)) {
      const ts = formsTimestamp(rng, weekdayBetween(rng, utc(2026, 3, 2), utc(2026, 4, 17)));
      const bias = () =>
        rng.weighted<number>([
          [-1, 0.15],
          [0, 0.6],
          [1, 0.25],
        ]);
      rows.push({
        key: ts.sortKey,
        idPrefix: 'FR',
        cells: [ts.text, e.nip, 'Atasan', e.atasan.nip, ...ratingsRow(truth, bias, 0.06)],
      });
    }
    if (rng.chance(asesmenShare[e.jenisJabatan])) {
      const ts = formsTimestamp(rng, weekdayBetween(rng, utc(2025, 9, 1), utc(2026, 6, 30)));
      const bias = () =>
        rng.weighted<number>([
          [-1, 0.25],
          [0, 0.65],
          [1, 0.1],
        ]);
      rows.push({
        key: ts.sortKey,
        idPrefix: 'AS',
        cells: [ts.text, e.nip, 'Asesmen', null, ...ratingsRow(truth, bias, 0.01)],
      });
    }
  }
  // Forms appends in time order; a stable sort keeps ties in generation order
  const order = rows.map((r, i) => ({ r, i })).sort((a, b) => a.r.key - b.r.key || a.i - b.i);
  const counters: Record<string, number> = {};
  const sheet: RawSheet = [header];
  for (const { r } of order) {
    const n = (counters[r.idPrefix] ?? 0) + 1;
    counters[r.idPrefix] = n;
    const [ts, ...rest] = r.cells;
    sheet.push([ts ?? null, `${r.idPrefix}-${pad(n, 6)}`, ...rest]);
  }
  return sheet;
}

function pastSessions(
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

function history(
  rng: Rng,
  emps: readonly Emp[],
  courses: readonly CourseDef[],
  sessions: readonly Session[],
  withInvalid: boolean,
  invalid: InvalidCell[],
): RawSheet {
  const sheet: RawSheet = [
    ['NIP', 'Nama Pelatihan', 'JP', 'Tanggal Mulai', 'Tanggal Selesai', 'Bentuk', 'Nomor Sertifikat'],
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
      records.push({ mulai, cells: [e.nip, c.judul, c.jp, mulai, selesai, c.bentuk, cert] });
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

/** PermenPAN-RB 14/2017: nine elements U1..U9, answers 1–4. */
const ELEMENT_OFFSET = [0, -0.05, -0.15, 0.3, 0, 0.05, 0.1, -0.2, -0.1];

function skmSheet(rng: Rng, scale: number, withInvalid: boolean, invalid: InvalidCell[]): RawSheet {
  const sheet: RawSheet = [['Unit Layanan', 'OPD', 'Periode', ...ELEMENT_OFFSET.map((_, i) => `U${i + 1}`)]];
  const periods: readonly [string, number][] = [
    ['2025-S2', 0],
    ['2026-S1', 0.06],
  ];
  let badAnswer = withInvalid;
  for (const [periode, drift] of periods) {
    for (const u of SKM_UNITS) {
      const n = Math.max(1, Math.round(rng.int(100, 400) * scale));
      for (let i = 0; i < n; i++) {
        const respondent = rng.normal(0, 0.25);
        const answers = ELEMENT_OFFSET.map((off) => {
          if (rng.chance(0.02)) return null;
          return Math.min(4, Math.max(1, Math.round(rng.normal(u.quality + drift + off + respondent, 0.55))));
        });
        sheet.push([u.unit, u.opd, periode, ...answers]);
        if (badAnswer && i === 57) {
          badAnswer = false;
          sheet.push([u.unit, u.opd, periode, 4, 3, 5, 4, 3, 3, 4, 3, 3]);
          invalid.push({ sheet: SHEET.skm, row: sheet.length, column: 'U3', reason: 'nilai 5 di luar 1–4' });
        }
      }
    }
  }
  return sheet;
}

function evaluationSheets(
  rng: Rng,
  sessions: readonly Session[],
  withInvalid: boolean,
  invalid: InvalidCell[],
): { reaksi: RawSheet; tes: RawSheet; perilaku: RawSheet } {
  const reaksi: RawSheet = [['ID Sesi', 'NIP', ...Array.from({ length: 10 }, (_, i) => `R${i + 1}`)]];
  const tes: RawSheet = [['ID Sesi', 'NIP', 'Pre', 'Post', 'Skor Maks']];
  const perilaku: RawSheet = [['ID Sesi', 'NIP', 'Kode Kompetensi', 'Sebelum', 'Sesudah']];
  let badTest = withInvalid;
  let badBehaviour = withInvalid;
  sessions.forEach((s, si) => {
    s.participants.forEach((p, pi) => {
      if (rng.chance(0.92)) {
        const answers = Array.from({ length: 10 }, () =>
          rng.chance(0.03) ? null : Math.min(4, Math.max(1, Math.round(rng.normal(s.quality, 0.5)))),
        );
        reaksi.push([s.id, p.nip, ...answers]);
      }
      if (rng.chance(0.95)) {
        const pre = Math.min(s.maks, Math.max(0, Math.round(rng.normal(0.55 * s.maks, 0.12 * s.maks))));
        const g = Math.min(1, Math.max(-0.1, rng.normal(s.gain, 0.12)));
        const post = Math.min(s.maks, Math.max(0, Math.round(pre + g * (s.maks - pre))));
        if (badTest && s.maks === 100 && si >= 2 && pi >= 3) {
          badTest = false;
          tes.push([s.id, p.nip, pre, 120, s.maks]);
          invalid.push({
            sheet: SHEET.tes,
            row: tes.length,
            column: 'Post',
            reason: 'nilai 120 melebihi Skor Maks 100',
          });
        } else tes.push([s.id, p.nip, pre, post, s.maks]);
      }
      if (rng.chance(0.65)) {
        for (const kode of s.course.kompetensi.slice(0, 2)) {
          const sebelum = rng.int(2, 3);
          const sesudah = Math.min(
            5,
            sebelum +
              rng.weighted<number>([
                [0, 0.35],
                [1, 0.55],
                [2, 0.1],
              ]),
          );
          if (badBehaviour && si >= 6) {
            badBehaviour = false;
            perilaku.push([s.id, p.nip, kode, sebelum, 7]);
            invalid.push({
              sheet: SHEET.perilaku,
              row: perilaku.length,
              column: 'Sesudah',
              reason: 'level 7 di luar 1–5',
            });
          } else perilaku.push([s.id, p.nip, kode, sebelum, sesudah]);
        }
      }
    });
  });
  return { reaksi, tes, perilaku };
}

function preferences(rng: Rng, emps: readonly Emp[], stdByJabatan: Map<string, Std[]>): RawSheet {
  const sheet: RawSheet = [['NIP', 'Bulan', 'Moda', 'Topik']];
  for (const e of emps) {
    if (!rng.chance(0.35)) continue;
    const months = rng.sample([2, 3, 4, 5, 6, 7, 8, 9, 10, 11], rng.int(1, 3)).sort((a, b) => a - b);
    const bulan = rng.chance(0.25) ? months.map((m) => NAMA_BULAN[m - 1]).join(', ') : months.join(',');
    const moda = rng.weighted<string | null>([
      ['Tatap Muka', 0.45],
      ['Daring', 0.3],
      ['Campuran', 0.15],
      [null, 0.1],
    ]);
    const codes = (stdByJabatan.get(e.jabatan) ?? []).map((s) => s.kode);
    const teknis = codes.filter((c) => c.startsWith('T.'));
    const topik = rng.sample(teknis.length > 0 && rng.chance(0.6) ? teknis : codes, rng.int(1, 2));
    sheet.push([e.nip, bulan, moda, topik.length > 0 ? topik.join(', ') : null]);
  }
  return sheet;
}
