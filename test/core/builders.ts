/**
 * Test-data builders: typed records with sensible defaults, for any test that needs
 * ProgramData. Every builder takes overrides; `row` defaults to 2 (the first data row).
 * NIP generators give valid, distinct 18-digit NIPs (docs/lembar-kerja.md, `Pegawai`).
 */
import {
  type Assessment,
  type BehaviourRating,
  type Competency,
  type Course,
  DEFAULT_DICTIONARY,
  DEFAULT_SETTINGS,
  type Employee,
  emptyProgramData,
  type ProgramData,
  type ReactionResponse,
  type Settings,
  type SkmResponse,
  type Standard,
  type Sumber,
  type TestResult,
  type TrainingRecord,
} from '@bangkom/core';

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function ymd(d: Date): string {
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1, 2)}${pad(d.getUTCDate(), 2)}`;
}

/**
 * The i-th valid PNS NIP (i ≥ 0, distinct for i < 7 million): born 1970-01-01 + ⌊i / 1998⌋
 * days, TMT CPNS 1998-01 (after the 18th birthday), gender and 3-digit sequence from i.
 */
export function pnsNip(i: number): string {
  const block = Math.floor(i / 999);
  const seq = (i % 999) + 1;
  const gender = (block % 2) + 1;
  const born = new Date(Date.UTC(1970, 0, 1 + Math.floor(block / 2)));
  return `${ymd(born)}199801${gender}${pad(seq, 3)}`;
}

/** The i-th valid PPPK NIP: born 1985-01-01 + days, appointed 2022, `2` + `1`, gender, sequence. */
export function pppkNip(i: number): string {
  const block = Math.floor(i / 999);
  const seq = (i % 999) + 1;
  const gender = (block % 2) + 1;
  const born = new Date(Date.UTC(1985, 0, 1 + Math.floor(block / 2)));
  return `${ymd(born)}202221${gender}${pad(seq, 3)}`;
}

let employeeCount = 0;

/**
 * The supervisor every built employee reports to (`NIP Atasan`) and every built Atasan rating
 * comes from (`NIP Penilai`), unless a test says otherwise: a rating counts only from the
 * ASN's own supervisor (docs/lembar-kerja.md, Penilai yang sah).
 */
export const ATASAN_NIP = pppkNip(990_000);

/** An employee; without `nip` the next pnsNip is used (NIPs stay distinct within a test file). */
export function employee(over: Partial<Employee> = {}): Employee {
  const n = employeeCount++;
  return {
    row: n + 2,
    nip: pnsNip(n),
    nama: `Pegawai ${n + 1}`,
    jenisAsn: 'PNS',
    opd: 'Dinas Komunikasi dan Informatika',
    jabatan: 'Analis Kebijakan',
    nipAtasan: ATASAN_NIP,
    ...over,
  };
}

/** The default dictionary (docs/lembar-kerja.md, `Kamus Kompetensi`) as Competency records. */
export function defaultDictionary(): Competency[] {
  return DEFAULT_DICTIONARY.map((c, i) => ({ ...c, row: i + 2 }));
}

export function standard(jabatan: string, kode: string, level: number, bobot = 1, row = 2): Standard {
  return { row, jabatan, kode, level, bobot };
}

/** Standards for every code of `levels` (kode -> level), one jabatan. */
export function standards(jabatan: string, levels: Record<string, number>, bobot = 1): Standard[] {
  return Object.entries(levels).map(([kode, level], i) => standard(jabatan, kode, level, bobot, i + 2));
}

export function assessment(
  nip: string,
  sumber: Sumber,
  ratings: Record<string, number>,
  over: Partial<Assessment> = {},
): Assessment {
  return {
    row: 2,
    nip,
    sumber,
    ratings,
    ...(sumber === 'Atasan' ? { nipPenilai: ATASAN_NIP } : {}),
    ...over,
  };
}

export function training(
  nip: string,
  jp: number,
  mulai: string,
  over: Partial<TrainingRecord> = {},
): TrainingRecord {
  return { row: 2, nip, namaPelatihan: 'Pelatihan Pelayanan Publik', jp, mulai, ...over };
}

export function course(kode: string, over: Partial<Course> = {}): Course {
  return {
    row: 2,
    kode,
    judul: `Pelatihan ${kode}`,
    kompetensi: ['M.05'],
    jp: 20,
    kapasitas: 30,
    biaya: 1_500_000,
    hari: 3,
    ...over,
  };
}

/** One SKM respondent; `answers` are U1..U9 (a single number fills all nine). */
export function skm(
  unit: string,
  periode: string,
  answers: number | (number | null)[],
  over: Partial<SkmResponse> = {},
): SkmResponse {
  const list = typeof answers === 'number' ? new Array<number>(9).fill(answers) : answers;
  return { row: 2, unit, periode, answers: list, ...over };
}

export function reaction(sesi: string, nip: string, answers: (number | null)[], row = 2): ReactionResponse {
  return { row, sesi, nip, answers };
}

export function testResult(
  sesi: string,
  nip: string,
  pre: number,
  post: number,
  maks = 100,
  row = 2,
): TestResult {
  return { row, sesi, nip, pre, post, maks };
}

export function behaviour(
  sesi: string,
  nip: string,
  kode: string,
  sebelum: number,
  sesudah: number,
  row = 2,
): BehaviourRating {
  return { row, sesi, nip, kode, sebelum, sesudah };
}

export function settings(over: Partial<Settings> = {}): Settings {
  return { ...DEFAULT_SETTINGS, bobot: { ...DEFAULT_SETTINGS.bobot }, ...over };
}

/** Empty program data with the default dictionary and settings; override any collection. */
export function programData(over: Partial<ProgramData> = {}): ProgramData {
  return { ...emptyProgramData(), competencies: defaultDictionary(), ...over };
}
