/**
 * The public shapes of a schedule report: sessions, budget use, individual plans, unmet needs
 * and the art. 207 plan rows. The scheduler (schedule/) fills them; plan.ts, schedule-check.ts
 * and the summary model read them, so none of those imports the scheduler.
 */
import type { CellError, Moda } from './types.js';

export interface ScheduleWeights {
  /** bonus for an ASN below the JP target who reaches it with the plan */
  targetJp: number;
  /** bonus for an ASN with no training in the two years before the fiscal year who gets one */
  ekuitas: number;
  /** objective units per rupiah (tie-break: at equal benefit, the cheaper plan) */
  biaya: number;
}

export interface ScheduledSession {
  id: string;
  kode: string;
  mulai: string;
  selesai: string;
  peserta: string[];
  // extensions
  judul: string;
  hari: number;
  jp: number;
  moda: Moda;
  biayaPerPeserta: number;
  /**
   * `Biaya per Angkatan`: the session's fixed cost, shared equally by its participants (absent
   * when the course has none)
   */
  biayaPerAngkatan?: number;
  penyelenggara?: string;
  bentuk?: string;
  /**
   * the room assigned; null when the session uses none (Daring, a non-classical form, or no
   * `Ruang` sheet). Optional for reports stored before it was always set.
   */
  ruang?: string | null;
  /**
   * the trainer (`Pengajar.Nama`); null when the session needs none (no `Pengajar` sheet, or it
   * takes no room). Optional for reports stored before trainers existed.
   */
  pengajar?: string | null;
  /**
   * the waiting list (NIPs, first in line first): ASN the course admits, who still need it and
   * hold no seat in it (waiting-list.ts); a freed seat goes to the first who is still free
   */
  daftarTunggu?: string[];
}

/** What `schedule --ulang` changed against the previous plan (ScheduleReport.ulang). */
export interface ReplanReport {
  /** ids of the sessions kept (already started, or announced: a `Daftar Hadir` row or an invitation sent) */
  tetap: string[];
  /** announced sessions that could not be kept, and why (room gone, below minimum, dates) */
  dilepas: { id: string; alasan: string }[];
  sesiBaru: string[];
  sesiBatal: string[];
  sesiPindah: { id: string; dari: string; ke: string }[];
  /**
   * sessions in both plans whose trainer changed (`Pengajar.Nama`; null: none), compared only when
   * the previous plan recorded its trainer
   */
  pengajarGanti: { id: string; dari: string | null; ke: string | null }[];
  pesertaMasuk: { sesi: string; nip: string }[];
  pesertaKeluar: { sesi: string; nip: string }[];
}

export interface BudgetUse {
  opd: string;
  pagu: number;
  terpakai: number;
  // extension
  peserta: number;
}

/**
 * The limit that keeps a need open (UnmetNeed.batas): `sasaran` (Sasaran Jenis ASN/Jabatan),
 * `syarat` (prerequisite not completed), `batas-jp` (Batas JP per ASN), `peserta-minimum` (too few
 * takers for a session), `anggaran` (Pagu), `ruang` (rooms), `jadwal` (no free dates),
 * `hari-kerja` (the year's working days), `katalog` (no course develops it), `pengajar` (no
 * trainer teaches it or none is free), `opd-bersamaan` (Maks Pegawai OPD Bersamaan).
 */
export type Batas =
  | 'sasaran'
  | 'syarat'
  | 'batas-jp'
  | 'peserta-minimum'
  | 'anggaran'
  | 'ruang'
  | 'jadwal'
  | 'hari-kerja'
  | 'katalog'
  | 'pengajar'
  | 'opd-bersamaan';

export interface UnmetNeed {
  nip: string;
  opd: string;
  kode: string;
  prioritas: number;
  /** why it stays open, Bahasa Indonesia */
  alasan: string;
  /** extension: the limit that stopped it */
  batas?: Batas;
}

export interface IndividualPlan {
  nip: string;
  nama: string;
  opd: string;
  jabatan: string;
  kebutuhan: { kode: string; prioritas: number; terpenuhi: boolean }[];
  sesi: { id: string; kode: string; judul: string; mulai: string; selesai: string; jp: number }[];
  jpAwal: number;
  jpRencana: number;
  target: number;
  memenuhiTarget: boolean;
  ekuitas: boolean;
  biaya: number;
}

export interface ScheduleStats {
  metode: 'milp' | 'heuristik';
  status: 'optimal' | 'layak';
  /** (bound − objective) / bound */
  gap: number;
  objektifHeuristik: number;
  batasHeuristik: number;
  objektifMilp: number | null;
  batasMilp: number | null;
  statusMilp: string | null;
  /** eligible (ASN, course) pairs */
  pasangan: number;
  pegawaiBerkebutuhan: number;
  peserta: number;
  hariKerja: number;
  /** enrolments chosen but impossible to place in the calendar */
  gagalDijadwalkan: number;
  /** price per room-day used to reselect when classrooms overflowed (0: not needed) */
  hargaRuang: number;
  preferensiBulan: { dihormati: number; total: number };
  preferensiModa: { dihormati: number; total: number };
  /** set by the adapter */
  detik?: number;
}

export interface ScheduleReport {
  sessions: ScheduledSession[];
  objective: number;
  bound: number;
  budget: BudgetUse[];
  // extensions
  tahun: number;
  /** earliest start date the plan honoured (see ScheduleOptions.mulaiPalingAwal) */
  mulaiPalingAwal?: string;
  /** a re-plan (ScheduleOptions.sebelumnya): what was kept and what changed */
  ulang?: ReplanReport;
  target: number;
  bobot: ScheduleWeights;
  stats: ScheduleStats;
  individu: IndividualPlan[];
  unmet: UnmetNeed[];
  /** the development plan in the columns of PP 11/2017 art. 207 (plan.ts) */
  rencana: DevelopmentPlanRow[];
  /** input the schedule had to work around (sheet, row, column, why), Bahasa Indonesia */
  peringatan: CellError[];
}

/** One course of the development plan, in the columns of PP 11/2017 art. 207. */
export interface DevelopmentPlanRow {
  kode: string;
  judul: string;
  /** Kompetensi: the competencies the course develops, code and name */
  kompetensi: string;
  /** Sasaran PNS: how many ASN, from which OPD */
  sasaran: string;
  jumlahPeserta: number;
  /** Jalur/Bentuk: Klasikal/Nonklasikal and the Peraturan LAN 10/2018 form */
  jalurBentuk: string;
  penyelenggara: string;
  /** Jadwal: the sessions and their dates */
  jadwal: string;
  /** Kesesuaian Kurikulum: the course's competencies against the participants' gaps */
  kesesuaianKurikulum: string;
  /** Anggaran in rupiah */
  anggaran: number;
  /** Justifikasi: what raised the course's priority beyond the measured gaps (FGD ranks), or '-' */
  justifikasi: string;
}
