/**
 * Typed records of the program workbook (see docs/lembar-kerja.md).
 * Parsers in sheet-rows.ts / schemas produce these; every capability consumes them.
 * Dates are ISO strings `YYYY-MM-DD` (date) or `YYYY-MM-DDTHH:MM:SS` (timestamp, local
 * time of the sheet, no zone): the core never reads the clock or the time zone.
 */
import { BENTUK_TABLE, type JenisSertifikat } from './bentuk.js';
import type { StatusUndangan } from './invitation-sheet.js';

export const JENIS_ASN = ['PNS', 'PPPK'] as const;
export type JenisAsn = (typeof JENIS_ASN)[number];

export const JENIS_JABATAN = ['JPT Pratama', 'Administrator', 'Pengawas', 'Pelaksana', 'Fungsional'] as const;
export type JenisJabatan = (typeof JENIS_JABATAN)[number];

/** `Sasaran Jenis ASN` of a course (Katalog Pelatihan): who may take it. */
export const SASARAN_JENIS_ASN = ['PNS', 'PPPK', 'Semua'] as const;
export type SasaranJenisAsn = (typeof SASARAN_JENIS_ASN)[number];

/** `Sasaran Jenis Jabatan` groups of a course: `Jenis Jabatan` with `JPT Pratama` in `JPT`. */
export const KELOMPOK_JABATAN = ['JPT', 'Administrator', 'Pengawas', 'Pelaksana', 'Fungsional'] as const;
export type KelompokJabatan = (typeof KELOMPOK_JABATAN)[number];

/** The `Sasaran Jenis Jabatan` group of a `Jenis Jabatan`. */
export function kelompokJabatan(jenis: JenisJabatan): KelompokJabatan {
  return jenis === 'JPT Pratama' ? 'JPT' : jenis;
}

export const KELOMPOK = ['Manajerial', 'Sosial Kultural', 'Teknis'] as const;
export type Kelompok = (typeof KELOMPOK)[number];

export const SUMBER = ['Diri', 'Atasan', 'Asesmen'] as const;
export type Sumber = (typeof SUMBER)[number];

export const MODA = ['Tatap Muka', 'Daring', 'Campuran'] as const;
export type Moda = (typeof MODA)[number];

/** Peraturan LAN 10/2018: classical (KL01–KL12) and non-classical (NKL01–NKL13) forms (names in bentuk.ts). */
export const BENTUK: readonly string[] = BENTUK_TABLE.map((b) => b.kode);

/** Every record remembers the 1-based sheet row it came from (header = row 1). */
export interface Sourced {
  row: number;
}

export interface Employee extends Sourced {
  nip: string;
  nama: string;
  jenisAsn: JenisAsn;
  opd: string;
  jabatan: string;
  jenisJabatan?: JenisJabatan;
  email?: string;
  nipAtasan?: string;
}

export interface Competency extends Sourced {
  kode: string;
  nama: string;
  kelompok: Kelompok;
}

export interface Standard extends Sourced {
  jabatan: string;
  kode: string;
  level: number; // 1–5
  bobot: number; // 1–3, default 1
}

export interface Assessment extends Sourced {
  nip: string;
  sumber: Sumber;
  idRespons?: string;
  waktu?: string; // ISO timestamp
  nipPenilai?: string;
  /** extension: the form respondent's email (optional `Email Penilai` column), checked against Pegawai */
  emailPenilai?: string;
  /** competency code -> level 1–5; codes not assessed are absent */
  ratings: Record<string, number>;
}

export interface TrainingRecord extends Sourced {
  nip: string;
  namaPelatihan: string;
  jp: number;
  mulai: string; // YYYY-MM-DD
  selesai?: string;
  bentuk?: string;
  nomorSertifikat?: string;
  /** extension: the organiser (`Penyelenggara`) */
  penyelenggara?: string;
  /** extension: the session a row was made from by attendance (`ID Sesi`); rows typed by hand have none */
  sesi?: string;
  /** extension: the day the row went into a SIASN export (`Diekspor SIASN`, YYYY-MM-DD) */
  dieksporSiasn?: string;
}

export interface Course extends Sourced {
  kode: string;
  judul: string;
  kompetensi: string[];
  jp: number;
  kapasitas: number;
  biaya: number; // rupiah per participant
  bentuk?: string;
  hari: number; // working days per session, default 1
  penyelenggara?: string;
  moda?: Moda;
  /** SIASN jenisDiklatId overriding the one of `bentuk` (`Kode SIASN`) */
  kodeSiasn?: number;
  /** SIASN jenisKursusSertipikat overriding the one of the jenisDiklatId (`Jenis Sertifikat`) */
  jenisSertifikat?: JenisSertifikat;
  /** extension `Sasaran Jenis ASN`: only PNS or only PPPK may take it; absent = everyone */
  sasaranJenisAsn?: JenisAsn;
  /** extension `Sasaran Jenis Jabatan`: the position groups that may take it; absent = all */
  sasaranJenisJabatan?: KelompokJabatan[];
  /** extension `Syarat`: the Kode of a course the ASN must have completed (Riwayat Pelatihan) */
  syarat?: string;
  /** extension `Peserta Minimum`: fewest participants a session runs with (default: Pengaturan) */
  pesertaMinimum?: number;
  /** extension `Jenis Ruang`: the `Ruang.Jenis` a session needs (e.g. `Lab Komputer`) */
  jenisRuang?: string;
  /** extension `Biaya per Angkatan`: rupiah per session run (trainer, venue), shared by its participants */
  biayaAngkatan?: number;
}

export interface Budget extends Sourced {
  opd: string;
  pagu: number;
}

export interface SkmResponse extends Sourced {
  unit: string;
  periode: string;
  /** extension: OPD the service unit belongs to (optional `OPD` column); else matched by unit name */
  opd?: string;
  /** U1..U9, each 1–4 or null when not answered */
  answers: (number | null)[];
  /** extension: the form response a row came from (optional `ID Respons` column): one respondent, one record */
  idRespons?: string;
  /** extension: the unit's service users in the period (optional `Populasi` column), for the minimum sample */
  populasi?: number;
}

export interface ReactionResponse extends Sourced {
  sesi: string;
  nip: string;
  /** R1..Rn, each 1–4 or null */
  answers: (number | null)[];
}

export interface TestResult extends Sourced {
  sesi: string;
  nip: string;
  pre: number;
  post: number;
  maks: number; // default 100
}

export interface BehaviourRating extends Sourced {
  sesi: string;
  nip: string;
  kode: string;
  sebelum: number;
  sesudah: number;
}

/**
 * Optional sheet `Diskusi Kelompok` (extension): one line of a focus-group discussion's notes: a
 * competency (or a free topic, which staff may map to a code) and its rank or votes.
 */
export interface FgdLine extends Sourced {
  tanggal: string; // YYYY-MM-DD
  /** the OPD (or group) that held the discussion */
  opd: string;
  peserta?: number;
  fasilitator?: string;
  /** dictionary code: typed, or a free topic mapped by staff */
  kode?: string;
  topik?: string;
  peringkat?: number;
  suara?: number;
  catatan?: string;
}

/**
 * The indicators a `Sasaran Program` row may name; the product computes each (core/src/goals.ts):
 * share of ASN meeting the JP target, share assessed, mean gap, IKM (konversi), share of
 * completers whose supervisor rated them after the course (L3 follow-up).
 */
export const INDIKATOR_SASARAN = [
  'ASN Memenuhi Target JP',
  'ASN Dinilai',
  'Rata-rata Kesenjangan',
  'IKM',
  'Tindak Lanjut L3',
] as const;
export type IndikatorSasaran = (typeof INDIKATOR_SASARAN)[number];

/** Optional sheet `Sasaran Program` (extension): a program goal of a year, city-wide or for one OPD. */
export interface ProgramGoal extends Sourced {
  indikator: IndikatorSasaran;
  /** the OPD the goal is for; absent: city-wide (and every OPD without a goal of its own) */
  opd?: string;
  tahun: number;
  baseline?: number;
  target: number;
  keterangan?: string;
}

/**
 * SKP performance ratings (predikat kinerja, PermenPAN-RB 6/2022), best first: the index is the
 * rank (0 = Sangat Baik), so a change between years is a change of index.
 */
export const PREDIKAT_KINERJA = [
  'Sangat Baik',
  'Baik',
  'Butuh Perbaikan',
  'Kurang/Misconduct',
  'Sangat Kurang',
] as const;
export type PredikatKinerja = (typeof PREDIKAT_KINERJA)[number];

/** Optional sheet `Kinerja` (extension): an ASN's predikat kinerja of a year. Personal data. */
export interface PerformanceRecord extends Sourced {
  nip: string;
  tahun: number;
  predikat: PredikatKinerja;
  /** the SKP score, when the agency keeps one */
  nilai?: number;
}

/** `Daftar Hadir` statuses: one per session day and participant. */
export const STATUS_HADIR = ['Hadir', 'Izin', 'Sakit', 'Tidak Hadir'] as const;
export type StatusHadir = (typeof STATUS_HADIR)[number];

/**
 * Optional sheet `Daftar Hadir` (extension): attendance of one participant on one session day
 * (`tanggal`), or, without `tanggal`, the participant's answer to the invitation (Hadir /
 * Tidak Hadir), which never counts as a day present.
 */
export interface AttendanceRecord extends Sourced {
  sesi: string;
  /** course code of `Katalog Pelatihan` */
  kode: string;
  tanggal?: string; // YYYY-MM-DD
  nip: string;
  status: StatusHadir;
  keterangan?: string;
}

/**
 * Optional sheet `Undangan` (written by Kirim Undangan): an invitation sent to one participant
 * of one session, and what became of it (invitation-sheet.ts).
 */
export interface InvitationRecord extends Sourced {
  sesi: string;
  nip: string;
  /** absent in rows older than the Status column: invited */
  status?: StatusUndangan;
  /** when the invitation went out (ISO timestamp) */
  dikirim?: string;
}

/** Optional sheet `Hari Libur` (extension): cuti bersama and decree corrections. */
export interface HolidayEntry extends Sourced {
  tanggal: string; // YYYY-MM-DD
  keterangan?: string;
  /** false = a day date-holidays lists that is NOT a holiday this year (decree moved it) */
  libur: boolean;
}

/** Optional sheet `Ruang` (extension): classrooms available for face-to-face sessions. */
export interface Room extends Sourced {
  nama: string;
  kapasitas: number;
  /** extension `Jenis`: Kelas, Aula, Lab Komputer, ... (a course's `Jenis Ruang` asks for one) */
  jenis?: string;
}

/**
 * Optional sheet `Pengajar` (extension): a trainer, the courses they teach, the days they cannot
 * teach and how many sessions a month they take. When the sheet lists anyone, every session that
 * takes a room (`takesRoom`) needs one of them, free on all its days.
 */
export interface Trainer extends Sourced {
  nama: string;
  /** `Kode Pelatihan`: the Katalog Kode of every course they teach */
  kode: string[];
  /** `Tidak Tersedia`: days (YYYY-MM-DD) they cannot teach */
  tidakTersedia: string[];
  /** `Maks Sesi per Bulan`: most sessions starting in one month; none = no limit */
  maksSesiPerBulan?: number;
}

/**
 * Whether sessions of a course take a room (`Ruang`): face-to-face classical forms only. Daring
 * courses and non-classical forms (NKL: coaching, magang, patok banding, detasering, ...) are held
 * elsewhere or online. A course without `Bentuk` that is not Daring is taken as classical.
 */
export function takesRoom(course: Pick<Course, 'moda' | 'bentuk'>): boolean {
  return course.moda !== 'Daring' && !(course.bentuk ?? '').startsWith('NKL');
}

/** `Peserta Minimum` of face-to-face classical courses when neither the course nor Pengaturan sets one. */
export const DEFAULT_PESERTA_MINIMUM = 10;

/** The fewest participants a session of the course runs with: the course's, else 10 (Pengaturan) for face-to-face classical, else 1. */
export function pesertaMinimumOf(course: Course, settings: Settings): number {
  if (course.pesertaMinimum !== undefined) return course.pesertaMinimum;
  return takesRoom(course) ? (settings.pesertaMinimum ?? DEFAULT_PESERTA_MINIMUM) : 1;
}

/** Optional sheet `Preferensi` (extension): needs survey answers. */
export interface Preference extends Sourced {
  nip: string;
  bulan: number[]; // preferred months 1–12
  moda?: Moda;
  topik: string[]; // competency codes of interest
}

export interface Settings {
  /** fiscal year being planned (Pengaturan `Tahun`) */
  tahun?: number;
  /** year whose JP realisation is reported (Pengaturan `Tahun JP`); default: `tahun` */
  tahunJp?: number;
  targetJp: number;
  bobot: Record<Sumber, number>;
  /** days before a session the invitation reminder goes (Pengaturan `Pengingat Hari`); default 3, 0 = none */
  pengingatHari?: number;
  /** days before a face-to-face session a second reminder goes (`Pengingat Tatap Muka`); default 1, 0 = none */
  pengingatTatapMuka?: number;
  /**
   * A gap of an OPD rests on enough ASN for leaders when at least the larger of these were
   * assessed (`Minimum ASN Dinilai`, default 5; `Minimum Persen Dinilai` of the OPD's ASN,
   * default 10%); fewer is "data tipis", ranked after the figures that rest on enough.
   */
  minimumAsn?: number;
  minimumPersen?: number;
  /**
   * years without training that make an ASN an equity case (Pengaturan `Jangka Pemerataan`,
   * default DEFAULT_EQUITY_YEARS): counted per OPD for leaders, listed for staff, and a bonus
   * in the schedule
   */
  jangkaPemerataan?: number;
  /** share of a session's days a participant must be present to complete it (`Minimum Kehadiran`, default 0.8) */
  minimumKehadiran?: number;
  /** whether a session with a post-test needs the participant's post-test to complete (`Wajib Post-test`, default yes) */
  wajibPostTest?: boolean;
  /** certificate number pattern of Riwayat rows made from attendance (`Pola Nomor Sertifikat`) */
  polaSertifikat?: string;
  /** SIASN instansiId of the export (`Instansi SIASN`) */
  instansiSiasn?: string;
  /** SIASN lokasiId of the export (`Lokasi SIASN`) */
  lokasiSiasn?: string;
  /** JP ceiling per ASN in the fiscal year, trainings already recorded included (`Batas JP per ASN`, default DEFAULT_BATAS_JP) */
  batasJp?: number;
  /** share of an OPD's ASN who may be away in sessions on one working day (`Maks Pegawai OPD Bersamaan`, default 0.25; at least one person) */
  maksPegawaiOpd?: number;
  /** fewest participants of a face-to-face classical session (`Peserta Minimum`, default DEFAULT_PESERTA_MINIMUM) */
  pesertaMinimum?: number;
  /** schedule weight: bonus per ASN brought up to the JP target (`Bobot 20 JP`, default 10) */
  bobotTargetJp?: number;
  /** schedule weight: bonus per ASN without training in `Jangka Pemerataan` years who gets one (`Bobot Ekuitas`, default 5) */
  bobotEkuitas?: number;
  /** schedule weight: objective units per Rp1.000.000 spent (`Bobot Biaya`; default a tie-break) */
  bobotBiaya?: number;
  /** NIPs of the assessors whose `Asesmen` counts when it comes from a form (Pengaturan `NIP Asesor`) */
  asesor?: string[];
  /** how much an FGD's top-ranked competency raises the OPD's priority for it (`Bobot FGD`, default DEFAULT_BOBOT_FGD) */
  bobotFgd?: number;
  /** how much a latest predikat kinerja of Butuh Perbaikan or lower raises an ASN's priorities (`Bobot Kinerja`, default DEFAULT_BOBOT_KINERJA) */
  bobotKinerja?: number;
}

/** `Maks Pegawai OPD Bersamaan` when Pengaturan is silent: a quarter of an OPD's ASN (at least one). */
export const DEFAULT_MAKS_PEGAWAI_OPD = 0.25;

/** `Batas JP per ASN` when Pengaturan is silent. */
export const DEFAULT_BATAS_JP = 60;

/** `Jangka Pemerataan` when Pengaturan is silent: no training in the last two years. */
export const DEFAULT_EQUITY_YEARS = 2;

/** N of "no training in the last N years". */
export function equityYears(settings: Settings): number {
  return settings.jangkaPemerataan ?? DEFAULT_EQUITY_YEARS;
}

/** The thin-data threshold when Pengaturan is silent: 5 ASN or 10% of the OPD, the larger. */
export const DEFAULT_MINIMUM = { asn: 5, persen: 0.1 } as const;

/** Reminder days when Pengaturan is silent: H-3 for every session, H-1 more for face-to-face ones. */
export const DEFAULT_REMINDER_DAYS = { hari: 3, tatapMuka: 1 } as const;

export const DEFAULT_SETTINGS: Settings = {
  targetJp: 20, // PP 17/2020 art. 203(4): at least 20 JP a year
  bobot: { Asesmen: 0.5, Atasan: 0.3, Diri: 0.2 },
};

export interface ProgramData {
  employees: Employee[];
  competencies: Competency[];
  standards: Standard[];
  assessments: Assessment[];
  trainings: TrainingRecord[];
  courses: Course[];
  budgets: Budget[];
  skm: SkmResponse[];
  reactions: ReactionResponse[];
  tests: TestResult[];
  behaviours: BehaviourRating[];
  holidays: HolidayEntry[];
  rooms: Room[];
  trainers: Trainer[];
  preferences: Preference[];
  attendance: AttendanceRecord[];
  invitations: InvitationRecord[];
  fgd: FgdLine[];
  goals: ProgramGoal[];
  performance: PerformanceRecord[];
  settings: Settings;
}

/** A program with no records and the default settings (a fresh copy each call: safe to fill in). */
export function emptyProgramData(): ProgramData {
  return {
    employees: [],
    competencies: [],
    standards: [],
    assessments: [],
    trainings: [],
    courses: [],
    budgets: [],
    skm: [],
    reactions: [],
    tests: [],
    behaviours: [],
    holidays: [],
    rooms: [],
    trainers: [],
    preferences: [],
    attendance: [],
    invitations: [],
    fgd: [],
    goals: [],
    performance: [],
    settings: { ...DEFAULT_SETTINGS, bobot: { ...DEFAULT_SETTINGS.bobot } },
  };
}

/** One invalid cell (or row); message in Bahasa Indonesia. */
export interface CellError {
  sheet: string;
  row: number; // 1-based sheet row, header = 1
  column: string; // header as the contract names it ('' for a whole-row or whole-sheet problem)
  value: unknown;
  message: string;
}

/** A rejected row, kept whole so nothing is lost. */
export interface QuarantinedRow {
  sheet: string;
  row: number;
  values: Record<string, unknown>; // header -> raw cell
  errors: CellError[];
}

/**
 * Every non-blank data row of a sheet, accounted for: `rows = valid + quarantined + superseded`.
 * `valid` rows become records (what a run stores); `quarantined` rows failed a check (kept whole
 * in `quarantine`); `superseded` rows were valid but replaced by a later version of the same
 * response (same `ID Respons`; Penilaian: same NIP and Sumber with a later Waktu).
 */
export interface SheetCount {
  rows: number;
  valid: number;
  quarantined: number;
  superseded: number;
}

/** A sheet (or CSV file) of the input that is not a contract sheet: read, counted, not used. */
export interface IgnoredSheet {
  /** the name as the input spells it */
  sheet: string;
  /** non-blank rows below its first row */
  rows: number;
  /** why it was not read, with a hint when the name is close to a contract sheet (Bahasa Indonesia) */
  message: string;
}

/** A column header a contract sheet does not know: its cells are kept in quarantine, otherwise unused. */
export interface IgnoredColumn {
  sheet: string;
  column: string;
  message: string;
}

export interface ValidationResult {
  data: ProgramData;
  errors: CellError[];
  quarantine: QuarantinedRow[];
  counts: Record<string, SheetCount>;
  valid: boolean;
  /** sheets of the input that are not contract sheets (nothing in them is used) */
  ignoredSheets: IgnoredSheet[];
  /** headers of contract sheets that match no column (their cells are not used) */
  ignoredColumns: IgnoredColumn[];
}

/** A cell as either runtime hands it over: exceljs/CSV on Node, getValues() in Apps Script, Sheets API. */
export type Cell = string | number | boolean | Date | null | undefined;
/** A sheet as a 2-D array, header row first. */
export type RawSheet = Cell[][];
/** Sheet name -> rows. Sheet names match ignoring case and surrounding spaces. */
export type RawWorkbook = Record<string, RawSheet>;
