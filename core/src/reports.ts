/** Result shapes of each capability, exactly the CLI JSON of docs/cli.md (plus extensions). */
import type { FgdOfOpd } from './fgd.js';
import type { PredikatKinerja, Sumber } from './types.js';

export interface CompetencyGap {
  kode: string;
  standar: number;
  aktual: number | null; // null: no source rated it (gap unknown, never 0)
  gap: number | null;
  prioritas: number | null;
  sumber: Sumber[];
  /** extension: distinct raters behind `aktual` (the ASN for Diri, `NIP Penilai` for the others) */
  penilai?: number;
  /** extension: true when the only source is the ASN's own rating (shown as "hanya penilaian diri") */
  hanyaDiri?: true;
  /** extension: the rank the OPD's latest FGD gave this competency, when it raised `prioritas` */
  fgdPeringkat?: number;
}

/** extension: a rating left out because its rater may not give it (docs/lembar-kerja.md, Penilai yang sah) */
export interface RejectedRating {
  nip: string;
  sumber: Sumber;
  idRespons?: string;
  kolom: string;
  alasan: string;
}

export interface EmployeeGaps {
  nip: string;
  opd: string;
  jabatan: string;
  competencies: CompetencyGap[];
  /** extension: true when no `Standar Kompetensi` row exists for the jabatan (competencies is empty) */
  tanpaStandar?: boolean;
  /** extension: the latest predikat kinerja when it is Butuh Perbaikan or lower (its priorities are raised) */
  kinerjaRendah?: { tahun: number; predikat: PredikatKinerja };
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
  kompetensi: OpdCompetencyGap[]; // extension, sorted by rataGap desc, then dictionary order
  tanpaStandar?: number; // extension: employees whose jabatan has no standard
}

export interface GapsReport {
  employees: EmployeeGaps[];
  opd: OpdGapSummary[];
  /** extension: jabatan names (as first written) held by employees but absent from `Standar Kompetensi` */
  jabatanTanpaStandar?: string[];
  /** extension: stored ratings (from forms) whose rater may not give them; left out of the gaps */
  penilaianTidakSah?: RejectedRating[];
}

export interface JpReport {
  tahun: number;
  target: number;
  employees: { nip: string; opd: string; jp: number; memenuhi: boolean }[];
  opd: { opd: string; pegawai: number; memenuhi: number; persen: number }[];
  /** extension: NIPs with training in `tahun` that are not in `Pegawai` (ignored in the figures) */
  nipTidakDikenal?: string[];
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
  // extensions
  unsurDijawab?: number; // elements answered by at least one respondent (IKM is averaged over these)
  opd?: string; // OPD named on the unit's SKM rows, when the sheet has an `OPD` column
  populasi?: number; // service users in the period (SKM `Populasi`, the first given), for the minimum sample
}

export interface IkmReport {
  units: IkmUnit[];
  /** extension: groups where nobody answered any element (no IKM can be computed) */
  tanpaJawaban?: { unit: string; periode: string; responden: number }[];
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

/** A ranked competency gap of an OPD and what it rests on. */
export interface TopGap {
  kode: string;
  nama: string;
  rataGap: number;
  /** ASN whose gap on it is known (the figure's base) */
  dinilai: number;
  /** ASN whose position requires it */
  wajib: number;
  /** fewer ASN than the minimum (see LeaderSummary.minimum): not ranked as certain */
  tipis: boolean;
  /** every known gap comes from self-rating only */
  hanyaDiri: boolean;
}

/** Extension: one row of the leaders' one-page summary (an OPD, or the city-wide total). */
export interface LeaderSummaryRow {
  opd: string;
  pegawai: number;
  dinilai: number; // employees with at least one known gap
  persenDinilai: number | null; // 0–100; null when pegawai = 0
  rataGap: number | null;
  /**
   * up to three competencies with the largest mean gap (> 0), largest first; those resting on
   * enough ASN first, thin ones (`tipis`) only to fill the three
   */
  topGap: TopGap[];
  memenuhiJp: number;
  persenJp: number | null; // 0–100; null when pegawai = 0
  ikm: number | null;
  konversi: number | null;
  mutu: Mutu | null;
  kinerja: Kinerja | null;
  periodeIkm: string | null; // the period the IKM figure is from; null when none or several (city row)
  unitIkm: string[]; // service units behind the IKM figure
  respondenIkm: number;
}

/** Extension: OPD × competency mean gap (null where no gap is known), dictionary order. */
export interface GapHeatMap {
  kompetensi: { kode: string; nama: string }[];
  opd: string[];
  nilai: (number | null)[][]; // [opd][kompetensi]
  jumlah: number[][]; // (employee, competency) pairs behind each cell
  wajib: number[][]; // ASN whose position requires the competency (0: none in the OPD)
  tipis: boolean[][]; // fewer assessed than the OPD's minimum
  hanyaDiri: boolean[][]; // every known gap from self-rating only
  total: (number | null)[]; // city-wide mean gap per competency
}

export interface LeaderSummary {
  tahun: number;
  targetJp: number;
  rows: LeaderSummaryRow[];
  total: LeaderSummaryRow;
  heatMap: GapHeatMap;
  totals: {
    opd: number;
    pegawai: number;
    dinilai: number;
    tanpaStandar: number; // employees whose jabatan has no standard
    kompetensiDiketahui: number; // (employee, competency) pairs with a known gap
    kompetensiBelumDinilai: number; // pairs with a standard but no rating
    memenuhiJp: number;
    unitIkm: number; // (unit, period) groups with an IKM
    respondenIkm: number; // respondents behind those groups
  };
  /** service units that match no OPD of `Pegawai` (counted only in the city-wide IKM) */
  unitTanpaOpd: string[];
  /** the thin-data threshold used: max(asn, ceil(persen × ASN of the OPD)) */
  minimum: { asn: number; persen: number };
  jabatanTanpaStandar: string[];
  /** extension: each OPD's latest FGD (`Diskusi Kelompok`) and its top topics, when there are FGD notes */
  fgd?: FgdOfOpd[];
}
