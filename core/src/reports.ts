/** Result shapes of each capability, exactly the CLI JSON of ../shared/CONTRACT.md (plus extensions). */
import type { Sumber } from './types.js';

export interface CompetencyGap {
  kode: string;
  standar: number;
  aktual: number | null; // null: no source rated it (gap unknown, never 0)
  gap: number | null;
  prioritas: number | null;
  sumber: Sumber[];
}

export interface EmployeeGaps {
  nip: string;
  opd: string;
  jabatan: string;
  competencies: CompetencyGap[];
}

/** extension: mean gap of one competency inside an OPD (heat map, top three) */
export interface OpdCompetencyGap {
  kode: string;
  rataGap: number;
  dinilai: number; // (employee, competency) pairs with a known gap
}

export interface OpdGapSummary {
  opd: string;
  pegawai: number;
  dinilai: number; // employees with at least one known gap
  rataGap: number | null;
  kompetensi: OpdCompetencyGap[]; // extension, sorted by rataGap desc then kode
}

export interface GapsReport {
  employees: EmployeeGaps[];
  opd: OpdGapSummary[];
}

export interface JpReport {
  tahun: number;
  target: number;
  employees: { nip: string; opd: string; jp: number; memenuhi: boolean }[];
  opd: { opd: string; pegawai: number; memenuhi: number; persen: number }[];
}

export type Mutu = 'A' | 'B' | 'C' | 'D';
export type Kinerja = 'Sangat Baik' | 'Baik' | 'Kurang Baik' | 'Tidak Baik';

export interface IkmUnit {
  unit: string;
  periode: string;
  responden: number;
  nrr: (number | null)[]; // 9 numbers; null only when nobody answered Ui
  ikm: number;
  konversi: number;
  mutu: Mutu;
  kinerja: Kinerja;
}

export interface IkmReport {
  units: IkmUnit[];
}

export type KategoriNGain = 'Tinggi' | 'Sedang' | 'Rendah';

export interface SessionEvaluation {
  sesi: string;
  reaksi: number | null; // reaction index 0–100
  nGain: number | null; // <g> of the session
  kategoriNGain: KategoriNGain | null;
  perilaku: number | null; // mean (Sesudah − Sebelum) of supervisor ratings
  // extensions
  peserta: number;
  nGainPeserta: { nip: string; g: number | null; kategori: KategoriNGain | null }[];
}

export interface EvaluationReport {
  sessions: SessionEvaluation[];
}
