/**
 * The sheets the product writes into the program spreadsheet (the Cloud Functions through the
 * Sheets API, Apps Script through SpreadsheetApp), and those one side writes and the other
 * reads: their titles and header rows, once for both. Users never type these titles (they are
 * output), so a title may change; a header row Apps Script reads back may only grow.
 */
import { JUMLAH_UNSUR } from './ikm.js';

export const OUTPUT_SHEET = {
  /** every invalid cell of the last validation (Validasi Data, syncWorkbook) */
  status: 'Status Validasi',
  /** gap per (ASN, competency of the position's standard) */
  kesenjangan: 'Kesenjangan',
  /**
   * every competency with a gap per ASN, with matching courses and the JP standing; not the
   * development plan of PP 11/2017 art. 207 (`Rencana Pengembangan Kompetensi` here,
   * `Rencana Pengembangan` in the workbooks)
   */
  kebutuhan: 'Kebutuhan Pengembangan ASN',
  /** the planned sessions in the columns Kirim Undangan reads */
  jadwal: 'Jadwal',
  /** the development plan, PP 11/2017 art. 207 */
  rencanaKompetensi: 'Rencana Pengembangan Kompetensi',
  evaluasi: 'Hasil Evaluasi',
  ikm: 'Hasil IKM',
  /** per session, who is next in line when a participant answers "Tidak Hadir" */
  daftarTunggu: 'Daftar Tunggu',
  /** the needs survey's Topik answers tallied per OPD (core/src/topic-interest.ts) */
  minatTopik: 'Minat Topik per OPD',
  /** what a re-plan changed against the stored schedule (core/src/replan-rows.ts); staff only */
  perubahanJadwal: 'Perubahan Jadwal',
} as const;

export type OutputSheetKey = keyof typeof OUTPUT_SHEET;

/**
 * Titles an output sheet was written under before: a writer that finds the old title and not
 * the new one renames that sheet, so no stale copy stays behind under a misleading name.
 */
export const FORMER_OUTPUT_TITLES = {
  kebutuhan: 'Rencana Pengembangan',
} as const satisfies Partial<Record<OutputSheetKey, string>>;

export const STATUS_HEADER = ['Lembar', 'Baris', 'Kolom', 'Nilai', 'Pesan'] as const;

/** Who and which competency: the first columns of Kesenjangan and Kebutuhan Pengembangan ASN. */
const ASN_KOMPETENSI = ['NIP', 'Nama', 'OPD', 'Jabatan', 'Kode Kompetensi', 'Kompetensi'] as const;

export const KESENJANGAN_HEADER = [
  ...ASN_KOMPETENSI,
  'Level Standar',
  'Level Aktual',
  'Gap',
  'Prioritas',
  'Sumber',
  'Jumlah Penilai',
  'Keyakinan',
] as const;

export const KEBUTUHAN_HEADER = [
  ...ASN_KOMPETENSI,
  'Gap',
  'Prioritas',
  'Pelatihan yang Sesuai',
  'JP Tahun Ini',
  'Target JP',
  'Memenuhi Target JP',
  'Keyakinan',
] as const;

/**
 * What Kirim Undangan reads; staff may also fill it by hand. The columns after `Peserta` were
 * added later (appended, never renamed): the trainer, and what the session costs (Rupiah).
 */
export const JADWAL_HEADER = [
  'ID Sesi',
  'Kode',
  'Judul',
  'Mulai',
  'Selesai',
  'Lokasi',
  'Peserta',
  'Pengajar',
  'Biaya per Peserta',
  'Biaya per Angkatan',
  'Biaya Sesi',
] as const;

export const EVALUASI_HEADER = [
  'ID Sesi',
  'Peserta',
  'Indeks Reaksi',
  'N-Gain',
  'Kategori N-Gain',
  'Perubahan Perilaku',
] as const;

export const IKM_HEADER = [
  'Unit Layanan',
  'Periode',
  'Responden',
  ...Array.from({ length: JUMLAH_UNSUR }, (_, i) => `NRR U${i + 1}`),
  'IKM',
  'Konversi',
  'Mutu',
  'Kinerja',
] as const;

/** Kirim Undangan fills Status and Keterangan when it gives a seat away. */
export const DAFTAR_TUNGGU_HEADER = [
  'ID Sesi',
  'Urutan',
  'NIP',
  'Nama',
  'OPD',
  'Prioritas',
  'Status',
  'Keterangan',
] as const;
