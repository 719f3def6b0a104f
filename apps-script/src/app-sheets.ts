/**
 * Sheets the Apps Script side adds to the contract (extensions: new sheets, never renames).
 * Column specs reuse the core's shape so Siapkan Lembar treats them like contract sheets.
 */
import {
  type ColumnSpec,
  JADWAL_HEADER,
  OUTPUT_SHEET,
  SHEET,
  type SheetSpec,
  STATUS_HEADER,
} from '@bangkom/core';

const c = (header: string, note: string, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({
  header,
  required: true,
  kind: 'text',
  note,
  ...extra,
});

export const APP_SHEET = {
  antrian: 'Antrian',
  status: OUTPUT_SHEET.status,
  jadwal: OUTPUT_SHEET.jadwal,
  undangan: SHEET.undangan,
  bankSoal: 'Bank Soal',
  kehadiran: 'Konfirmasi Kehadiran',
  statusUndangan: 'Status Undangan',
} as const;

export const ANTRIAN_HEADER = [
  'ID Respons',
  'Jenis',
  'Lembar',
  'Lembar Respons',
  'Waktu Masuk',
  'Percobaan',
  'Coba Lagi Setelah',
  'Galat Terakhir',
  'Muatan',
] as const;

/** Columns added to Antrian later (right of the first ones): whether and why an entry is no longer sent. */
export const ANTRIAN_STATE_HEADER = ['Status Antrian', 'Keterangan', 'Kunci Data'] as const;

const ANTRIAN_NOTES: Record<string, string> = {
  'Status Antrian':
    'Kosong: dicoba ulang setiap hari. "Tidak Dicoba Lagi": server menolak atau percobaan habis (kosongkan untuk mencoba lagi). "Digantikan": versi yang lebih baru sudah dikirim.',
  Keterangan: 'Alasan status antrian, dalam kata-kata server bila ada.',
  'Kunci Data': 'Lembar dan kunci baris yang dikirim; versi lama dengan kunci yang sama tidak dikirim lagi.',
};

/** Notes and kinds of the Jadwal columns (the columns themselves: the core's JADWAL_HEADER). */
const JADWAL_COLUMNS: Record<(typeof JADWAL_HEADER)[number], [string, Partial<ColumnSpec>?]> = {
  'ID Sesi': ['ID sesi/angkatan, unik.'],
  Kode: ['Kode pelatihan dari Katalog Pelatihan.'],
  Judul: ['Judul pelatihan (untuk undangan).', { required: false }],
  Mulai: ['Tanggal dan jam mulai.', { kind: 'timestamp' }],
  Selesai: ['Tanggal dan jam selesai.', { kind: 'timestamp' }],
  Lokasi: ['Ruang atau tautan daring.', { required: false }],
  Peserta: ['NIP peserta, dipisah koma.', { kind: 'list' }],
  Pengajar: ['Pengajar sesi (lembar Pengajar); disebut di undangan.', { required: false }],
  'Biaya per Peserta': [
    'Biaya per peserta (Rp) dari Katalog Pelatihan.',
    { required: false, kind: 'number' },
  ],
  'Biaya per Angkatan': [
    'Biaya tetap sesi (Rp): pengajar, tempat, panitia; 0 bila tidak ada.',
    { required: false, kind: 'number' },
  ],
  'Biaya Sesi': [
    'Biaya sesi (Rp) = Biaya per Peserta × jumlah peserta + Biaya per Angkatan.',
    { required: false, kind: 'number' },
  ],
};

export const APP_SHEET_SPECS: readonly SheetSpec[] = [
  {
    name: APP_SHEET.jadwal,
    optional: true,
    note: 'Jadwal sesi pelatihan (hasil penjadwalan atau diisi manual); sumber Kirim Undangan.',
    columns: JADWAL_HEADER.map((h) => c(h, ...JADWAL_COLUMNS[h])),
  },
  {
    name: APP_SHEET.antrian,
    optional: true,
    note: 'Respons formulir yang belum berhasil dikirim ke server; dicoba ulang setiap hari.',
    columns: [
      ...ANTRIAN_HEADER.map((h) => c(h, `Antrian: ${h} (diisi otomatis).`)),
      ...ANTRIAN_STATE_HEADER.map((h) => c(h, ANTRIAN_NOTES[h] ?? h, { required: false })),
    ],
  },
  {
    name: APP_SHEET.status,
    optional: true,
    note: 'Hasil Validasi Data terakhir: satu baris per sel yang tidak valid.',
    columns: STATUS_HEADER.map((h) => c(h, `Status validasi: ${h}.`)),
  },
  {
    name: APP_SHEET.bankSoal,
    optional: true,
    note: 'Soal pre-test/post-test (Level 2) untuk formulir kuis.',
    columns: [
      c('Pertanyaan', 'Teks soal.'),
      c('Pilihan', 'Pilihan jawaban, dipisah titik koma (;).', { kind: 'list' }),
      c('Kunci', 'Jawaban benar, sama persis dengan salah satu pilihan.'),
      c('Poin', 'Poin soal (bawaan 1).', { required: false, kind: 'integer', min: 1 }),
    ],
  },
  {
    name: APP_SHEET.kehadiran,
    optional: true,
    note: 'Konfirmasi kehadiran peserta dari tautan di undangan.',
    columns: [
      c('ID Sesi', 'ID sesi.'),
      c('NIP', 'NIP peserta.', { kind: 'nip' }),
      c('Kehadiran', 'Hadir, Tidak Hadir, atau Belum Pasti.', {
        kind: 'enum',
        values: ['Hadir', 'Tidak Hadir', 'Belum Pasti'],
      }),
      c('Alasan', 'Alasan bila tidak hadir.', { required: false }),
      c('ID Respons', 'ID respons formulir.', { required: false }),
    ],
  },
];
