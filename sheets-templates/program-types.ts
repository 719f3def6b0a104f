/** Public types of the sample generator (program.ts); its parts import them from here. */
import type { JenisAsn, JenisJabatan, RawWorkbook } from '@bangkom/core';

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
  /** rows of `Pengajar` (default: two thirds of the face-to-face classical courses) */
  trainers?: number;
  /** rows of `Ruang` (default: the five sample rooms; more are generated, see rooms.ts) */
  rooms?: number;
  /**
   * the province's catalogue and budgets (province-limits.ts): classical-only competencies, paid
   * Daring, a tight Pagu for every third OPD (default false: the sample as it is)
   */
  provinceLimits?: boolean;
}

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
