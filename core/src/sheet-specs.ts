/**
 * The workbook's sheets and columns exactly as docs/lembar-kerja.md names them.
 * The parsers, the template generator and the Apps Script "Siapkan Lembar" all read
 * these specs, so the template can never drift from the schemas.
 */

import { BENTUK_TABLE, JENIS_SERTIFIKAT } from './bentuk.js';
import { UNDANGAN_SHEET, UNDANGAN_SPEC } from './invitation-sheet.js';
import { LEVEL_COLUMNS } from './level-descriptions.js';
import {
  BENTUK,
  INDIKATOR_SASARAN,
  JENIS_ASN,
  JENIS_JABATAN,
  KELOMPOK,
  KELOMPOK_JABATAN,
  MODA,
  PREDIKAT_KINERJA,
  SASARAN_JENIS_ASN,
  STATUS_HADIR,
  SUMBER,
} from './types.js';

export type ColumnKind =
  | 'text'
  | 'nip'
  | 'integer'
  | 'number'
  | 'date'
  | 'timestamp'
  | 'enum'
  | 'list'
  | 'boolean';

export interface ColumnSpec {
  header: string; // as the contract spells it
  required: boolean;
  kind: ColumnKind;
  /** allowed values for enum columns (dropdown in templates) */
  values?: readonly string[];
  min?: number;
  max?: number;
  /** the header must be present but a cell may be empty (SKM U1..U9: not answered) */
  emptyAllowed?: boolean;
  /** other headers accepted for this column (e.g. Google Forms' `Stempel waktu`) */
  aliases?: readonly string[];
  /** short note shown on the header cell, Bahasa Indonesia */
  note: string;
}

export interface SheetSpec {
  name: string;
  /** true when the workbook may omit the sheet */
  optional: boolean;
  columns: readonly ColumnSpec[];
  /**
   * Repeating columns: competency columns (`Penilaian`), `U1`..`U9` (`SKM`), `R1`..`Rn`
   * (`Evaluasi Reaksi`). Described for the template; the parser recognises them.
   */
  repeating?: { pattern: string; kind: ColumnKind; min: number; max: number; note: string };
  note: string;
}

const col = (
  header: string,
  required: boolean,
  kind: ColumnKind,
  note: string,
  extra: Partial<Omit<ColumnSpec, 'header' | 'required' | 'kind' | 'note'>> = {},
): ColumnSpec => ({ header, required, kind, note, ...extra });

/**
 * The most JP one training row may carry: above any real course (a year of full-time study is
 * about 1,600 JP), below anything that could overflow a sum (1e308 would make Infinity).
 */
export const MAX_JP = 2000;

/** `KL01 pelatihan struktural kepemimpinan, ..., NKL13 nonklasikal lainnya` for header notes. */
const BENTUK_NOTE = BENTUK_TABLE.map((b) => `${b.kode} ${b.nama}`).join(', ');

export const SHEET = {
  pegawai: 'Pegawai',
  kamus: 'Kamus Kompetensi',
  standar: 'Standar Kompetensi',
  penilaian: 'Penilaian',
  riwayat: 'Riwayat Pelatihan',
  katalog: 'Katalog Pelatihan',
  anggaran: 'Anggaran',
  skm: 'SKM',
  reaksi: 'Evaluasi Reaksi',
  tes: 'Tes',
  perilaku: 'Evaluasi Perilaku',
  pengaturan: 'Pengaturan',
  hariLibur: 'Hari Libur',
  ruang: 'Ruang',
  preferensi: 'Preferensi',
  hadir: 'Daftar Hadir',
  undangan: UNDANGAN_SHEET,
  fgd: 'Diskusi Kelompok',
  sasaran: 'Sasaran Program',
  pengajar: 'Pengajar',
  kinerja: 'Kinerja',
} as const;

/**
 * The sheets a Google Form feeds, one submission at a time: the Apps Script forwards these
 * to `ingestResponse`, which accepts only these, and a sheet sync never deletes their records.
 */
export const FORM_SHEETS = [
  SHEET.penilaian,
  SHEET.reaksi,
  SHEET.tes,
  SHEET.perilaku,
  SHEET.skm,
  SHEET.preferensi,
] as const;
export type FormSheet = (typeof FORM_SHEETS)[number];

/** The keys of `Pengaturan` (schemas/settings.ts reads their values). */
export const SETTING_KEYS = [
  'Tahun',
  'Tahun JP',
  'Target JP',
  'Bobot Asesmen',
  'Bobot Atasan',
  'Bobot Diri',
  'Pengingat Hari',
  'Pengingat Tatap Muka',
  'Jangka Pemerataan',
  'Minimum ASN Dinilai',
  'Minimum Persen Dinilai',
  'Minimum Kehadiran',
  'Wajib Post-test',
  'Pola Nomor Sertifikat',
  'Instansi SIASN',
  'Lokasi SIASN',
  'Batas JP per ASN',
  'Peserta Minimum',
  'Maks Pegawai OPD Bersamaan',
  'Bobot 20 JP',
  'Bobot Ekuitas',
  'Bobot Biaya',
  'NIP Asesor',
  'Bobot FGD',
  'Bobot Kinerja',
] as const;

export const SHEET_SPECS: readonly SheetSpec[] = [
  {
    name: SHEET.pegawai,
    optional: false,
    note: 'Daftar ASN: satu baris per pegawai.',
    columns: [
      col(
        'NIP',
        true,
        'nip',
        '18 digit, ditulis sebagai teks. PNS: lahir+TMT CPNS+jenis kelamin+urut; PPPK: lahir+tahun+2+digit+jenis kelamin+urut.',
      ),
      col('Nama', true, 'text', 'Nama lengkap pegawai.'),
      col('Jenis ASN', true, 'enum', 'PNS atau PPPK, harus sesuai bentuk NIP.', { values: JENIS_ASN }),
      col('OPD', true, 'text', 'Perangkat daerah tempat bertugas.'),
      col('Jabatan', true, 'text', 'Nama jabatan, sama dengan di lembar Standar Kompetensi.'),
      col(
        'Jenis Jabatan',
        false,
        'enum',
        'JPT Pratama, Administrator, Pengawas, Pelaksana, atau Fungsional.',
        { values: JENIS_JABATAN },
      ),
      col('Email', false, 'text', 'Alamat email untuk undangan pelatihan.'),
      col('NIP Atasan', false, 'nip', 'NIP atasan langsung (penilai).'),
    ],
  },
  {
    name: SHEET.kamus,
    optional: true,
    note: 'Kamus kompetensi. Bila lembar ini tidak ada, kamus bawaan (M.01–M.08, SK.01) dipakai.',
    columns: [
      col('Kode', true, 'text', 'Kode kompetensi, mis. M.01.'),
      col('Nama', true, 'text', 'Nama kompetensi.'),
      col('Kelompok', true, 'enum', 'Manajerial, Sosial Kultural, atau Teknis.', { values: KELOMPOK }),
      ...LEVEL_COLUMNS.map((h, i) =>
        col(
          h,
          false,
          'text',
          `Perilaku yang menandai level ${i + 1}; ditampilkan sebagai pilihan jawaban formulir penilaian.`,
        ),
      ),
    ],
  },
  {
    name: SHEET.standar,
    optional: false,
    note: 'Standar kompetensi jabatan (PermenPAN-RB 38/2017): satu baris per (Jabatan, Kode).',
    columns: [
      col('Jabatan', true, 'text', 'Nama jabatan.'),
      col('Kode Kompetensi', true, 'text', 'Kode dari Kamus Kompetensi.'),
      col('Level Standar', true, 'integer', 'Level 1–5 yang dipersyaratkan.', { min: 1, max: 5 }),
      col('Bobot', false, 'integer', 'Tingkat kepentingan 1–3 (bawaan 1).', { min: 1, max: 3 }),
    ],
  },
  {
    name: SHEET.penilaian,
    optional: false,
    note: 'Penilaian kompetensi: satu baris per respons (Diri, Atasan, Asesmen).',
    columns: [
      col('NIP', true, 'nip', 'NIP pegawai yang dinilai.'),
      col('Sumber', true, 'enum', 'Diri, Atasan, atau Asesmen.', { values: SUMBER }),
      col('ID Respons', false, 'text', 'ID respons formulir; membuat baris idempoten.'),
      col('Waktu', false, 'timestamp', 'Waktu pengisian; respons terbaru menggantikan yang lama.', {
        aliases: ['Stempel waktu', 'Timestamp'],
      }),
      col('NIP Penilai', false, 'nip', 'NIP penilai: wajib untuk Atasan (harus NIP Atasan pegawai).'),
      col('Email Penilai', false, 'text', 'Email pengisi formulir; harus email penilai di lembar Pegawai.'),
    ],
    repeating: {
      pattern: '<Kode> <Nama>',
      kind: 'integer',
      min: 1,
      max: 5,
      note: 'Level 1–5, kosong bila tidak dinilai.',
    },
  },
  {
    name: SHEET.riwayat,
    optional: false,
    note: 'Riwayat pelatihan yang sudah diikuti.',
    columns: [
      col('NIP', true, 'nip', 'NIP peserta.'),
      col('Nama Pelatihan', true, 'text', 'Judul pelatihan.'),
      col('JP', true, 'number', 'Jam pelajaran, lebih dari 0 dan paling banyak 2.000.', {
        min: 0,
        max: MAX_JP,
      }),
      col('Tanggal Mulai', true, 'date', 'Tanggal (YYYY-MM-DD atau DD/MM/YYYY).'),
      col('Tanggal Selesai', false, 'date', 'Tanggal selesai.'),
      col(
        'Bentuk',
        false,
        'enum',
        'KL01–KL12 (klasikal) atau NKL01–NKL13 (nonklasikal), Peraturan LAN 10/2018.',
        { values: BENTUK },
      ),
      col('Nomor Sertifikat', false, 'text', 'Nomor sertifikat/STTPP.'),
      col('Penyelenggara', false, 'text', 'Lembaga penyelenggara.'),
      col(
        'ID Sesi',
        false,
        'text',
        'Sesi asal baris yang dibuat bangkom dari Daftar Hadir; kosong untuk baris yang diketik sendiri.',
      ),
      col(
        'Diekspor SIASN',
        false,
        'date',
        'Tanggal baris ini diekspor ke berkas SIASN (diisi oleh Ekspor SIASN); kosongkan untuk mengekspor ulang.',
      ),
    ],
  },
  {
    name: SHEET.katalog,
    optional: false,
    note: 'Katalog pelatihan yang dapat diselenggarakan.',
    columns: [
      col('Kode', true, 'text', 'Kode pelatihan.'),
      col('Judul', true, 'text', 'Judul pelatihan.'),
      col('Kompetensi', true, 'list', 'Kode kompetensi yang dikembangkan, dipisah koma.'),
      col('JP', true, 'integer', 'Jam pelajaran per peserta, paling banyak 2.000.', { min: 1, max: MAX_JP }),
      col('Kapasitas', true, 'integer', 'Peserta maksimum per angkatan.', { min: 1 }),
      col('Biaya per Peserta', true, 'number', 'Rupiah per peserta (≥ 0).', { min: 0 }),
      col('Bentuk', false, 'enum', `Bentuk pengembangan, Peraturan LAN 10/2018: ${BENTUK_NOTE}.`, {
        values: BENTUK,
      }),
      col('Hari', false, 'integer', 'Lama satu angkatan dalam hari kerja (bawaan 1).', { min: 1 }),
      col('Penyelenggara', false, 'text', 'Lembaga penyelenggara.'),
      col('Moda', false, 'enum', 'Tatap Muka, Daring, atau Campuran.', { values: MODA }),
      col(
        'Kode SIASN',
        false,
        'integer',
        'jenisDiklatId SIASN untuk pelatihan ini; bila kosong, diturunkan dari Bentuk.',
        { min: 1, max: 99 },
      ),
      col(
        'Jenis Sertifikat',
        false,
        'enum',
        'jenisKursusSertipikat SIASN: T (teknis), F (fungsional), P (partisipasi); bila kosong, diturunkan dari Kode SIASN.',
        { values: JENIS_SERTIFIKAT },
      ),
      col(
        'Sasaran Jenis ASN',
        false,
        'enum',
        'PNS, PPPK, atau Semua (bawaan): hanya ASN jenis ini yang dijadwalkan.',
        { values: SASARAN_JENIS_ASN },
      ),
      col(
        'Sasaran Jenis Jabatan',
        false,
        'list',
        `Kelompok jabatan sasaran, dipisah koma: ${KELOMPOK_JABATAN.join(', ')} (JPT Pratama termasuk JPT). Kosong = semua.`,
      ),
      col(
        'Syarat',
        false,
        'text',
        'Kode pelatihan prasyarat: hanya ASN yang sudah menyelesaikannya (Riwayat Pelatihan) yang dijadwalkan.',
      ),
      col(
        'Peserta Minimum',
        false,
        'integer',
        'Peserta paling sedikit agar angkatan dijalankan; bawaan Pengaturan Peserta Minimum (10) untuk tatap muka klasikal, 1 untuk lainnya.',
        { min: 1 },
      ),
      col(
        'Jenis Ruang',
        false,
        'text',
        'Jenis ruang yang diperlukan (sama dengan kolom Jenis di lembar Ruang, mis. Lab Komputer).',
      ),
      col(
        'Biaya per Angkatan',
        false,
        'number',
        'Rupiah per angkatan yang dijalankan (≥ 0; mis. honor pengajar, sewa tempat), di luar Biaya per Peserta; dibagi rata kepada peserta angkatan itu. Kosong = 0.',
        { min: 0 },
      ),
    ],
  },
  {
    name: SHEET.anggaran,
    optional: false,
    note: 'Pagu anggaran pengembangan kompetensi per OPD untuk tahun anggaran.',
    columns: [
      col('OPD', true, 'text', 'Nama OPD, sama dengan di lembar Pegawai.'),
      col('Pagu', true, 'number', 'Rupiah (≥ 0).', { min: 0 }),
    ],
  },
  {
    name: SHEET.skm,
    optional: true,
    note: 'Survei Kepuasan Masyarakat (PermenPAN-RB 14/2017): satu baris per responden.',
    columns: [
      col('Unit Layanan', true, 'text', 'Unit layanan yang dinilai.'),
      col('Periode', true, 'text', 'Periode survei, mis. 2026-S1.'),
      col(
        'OPD',
        false,
        'text',
        'OPD pemilik unit layanan; bila kosong, nama unit dicocokkan dengan nama OPD.',
      ),
      col(
        'ID Respons',
        false,
        'text',
        'ID respons formulir (diisi skrip); satu responden formulir tetap satu baris dan satu catatan.',
      ),
      ...Array.from({ length: 9 }, (_, i) =>
        col(`U${i + 1}`, true, 'integer', `Unsur ${i + 1}: nilai 1–4, kosong bila tidak dijawab.`, {
          min: 1,
          max: 4,
          emptyAllowed: true,
        }),
      ),
      col(
        'Populasi',
        false,
        'integer',
        'Jumlah pengguna layanan unit pada periode itu (cukup di satu baris); untuk sampel minimum Krejcie-Morgan.',
        { min: 1 },
      ),
    ],
  },
  {
    name: SHEET.reaksi,
    optional: true,
    note: 'Evaluasi reaksi peserta (Level 1).',
    columns: [col('ID Sesi', true, 'text', 'ID sesi/angkatan.'), col('NIP', true, 'nip', 'NIP peserta.')],
    repeating: {
      pattern: 'R<n>',
      kind: 'integer',
      min: 1,
      max: 4,
      note: 'Nilai 1–4, kosong bila tidak dijawab.',
    },
  },
  {
    name: SHEET.tes,
    optional: true,
    note: 'Pre-test dan post-test (Level 2).',
    columns: [
      col('ID Sesi', true, 'text', 'ID sesi/angkatan.'),
      col('NIP', true, 'nip', 'NIP peserta.'),
      col('Pre', true, 'number', 'Nilai pre-test, 0 sampai Skor Maks.', { min: 0 }),
      col('Post', true, 'number', 'Nilai post-test, 0 sampai Skor Maks.', { min: 0 }),
      col('Skor Maks', false, 'number', 'Skor maksimum (bawaan 100).', { min: 0 }),
    ],
  },
  {
    name: SHEET.perilaku,
    optional: true,
    note: 'Evaluasi perilaku oleh atasan sebelum dan sesudah pelatihan (Level 3).',
    columns: [
      col('ID Sesi', true, 'text', 'ID sesi/angkatan.'),
      col('NIP', true, 'nip', 'NIP peserta.'),
      col('Kode Kompetensi', true, 'text', 'Kode dari Kamus Kompetensi.'),
      col('Sebelum', true, 'integer', 'Level 1–5 sebelum pelatihan.', { min: 1, max: 5 }),
      col('Sesudah', true, 'integer', 'Level 1–5 sesudah pelatihan.', { min: 1, max: 5 }),
    ],
  },
  {
    name: SHEET.pengaturan,
    optional: true,
    note: 'Pengaturan: Tahun (tahun anggaran yang direncanakan), Tahun JP (tahun realisasi JP yang dilaporkan; bawaan = Tahun), Target JP (20), Bobot Asesmen (0,5), Bobot Atasan (0,3), Bobot Diri (0,2), Pengingat Hari (3: pengingat undangan H-3), Pengingat Tatap Muka (1: pengingat kedua H-1 untuk sesi tatap muka), Jangka Pemerataan (2: ASN tanpa pelatihan selama 2 tahun terakhir dihitung per OPD dan diutamakan dalam jadwal), Minimum ASN Dinilai (5) dan Minimum Persen Dinilai (10%): kesenjangan yang dinilai pada lebih sedikit ASN ditandai "data tipis" di ringkasan pimpinan; Minimum Kehadiran (80%) dan Wajib Post-test (1 = ya, 0 = tidak): syarat selesai pelatihan dari Daftar Hadir; Pola Nomor Sertifikat ({kode}/{tahun}/{urut}): nomor sertifikat baris Riwayat Pelatihan yang dibuat dari Daftar Hadir; Instansi SIASN dan Lokasi SIASN: instansiId dan lokasiId berkas Ekspor SIASN. Penjadwalan: Batas JP per ASN (60: JP setahun per ASN, termasuk yang sudah tercatat), Peserta Minimum (10: peserta paling sedikit satu angkatan tatap muka klasikal), Maks Pegawai OPD Bersamaan (25%: bagian ASN satu OPD yang boleh sedang mengikuti pelatihan di luar kantor pada hari yang sama, paling sedikit satu orang), Bobot 20 JP (10: bonus tiap ASN yang mencapai target JP), Bobot Ekuitas (5: bonus tiap ASN tanpa pelatihan selama Jangka Pemerataan yang mendapat pelatihan), Bobot Biaya (pengurang per Rp1.000.000 biaya; bawaan hanya pemecah seri).',
    columns: [
      col('Kunci', true, 'enum', 'Nama pengaturan.', { values: [...SETTING_KEYS] }),
      col(
        'Nilai',
        true,
        'number',
        'Nilai pengaturan (angka; Pola Nomor Sertifikat, Instansi SIASN, Lokasi SIASN: teks).',
      ),
    ],
  },
  {
    name: SHEET.hariLibur,
    optional: true,
    note: 'Koreksi hari libur nasional: cuti bersama dan tanggal menurut SKB. Libur = Tidak membatalkan hari libur bawaan.',
    columns: [
      col('Tanggal', true, 'date', 'Tanggal (YYYY-MM-DD atau DD/MM/YYYY).'),
      col('Keterangan', false, 'text', 'Nama hari libur atau cuti bersama.'),
      col('Libur', false, 'enum', 'Ya (bawaan) atau Tidak.', { values: ['Ya', 'Tidak'] }),
    ],
  },
  {
    name: SHEET.ruang,
    optional: true,
    note: 'Ruang untuk sesi tatap muka klasikal; membatasi sesi yang berjalan bersamaan.',
    columns: [
      col('Nama', true, 'text', 'Nama ruang.'),
      col('Kapasitas', true, 'integer', 'Jumlah kursi.', { min: 1 }),
      col('Jenis', false, 'text', 'Jenis ruang: Kelas, Aula, Lab Komputer, ...'),
    ],
  },
  {
    name: SHEET.preferensi,
    optional: true,
    note: 'Preferensi dari survei kebutuhan: bulan, moda, dan topik yang diminati.',
    columns: [
      col('NIP', true, 'nip', 'NIP pegawai.'),
      col('Bulan', false, 'list', 'Bulan yang diinginkan, angka 1–12 atau nama bulan, dipisah koma.'),
      col('Moda', false, 'enum', 'Tatap Muka, Daring, atau Campuran.', { values: MODA }),
      col('Topik', false, 'list', 'Kode kompetensi yang diminati, dipisah koma.'),
    ],
  },
  {
    name: SHEET.hadir,
    optional: true,
    note: 'Daftar hadir sesi pelatihan: satu baris per hari sesi dan peserta (Tanggal kosong: jawaban konfirmasi kehadiran dari undangan).',
    columns: [
      col('ID Sesi', true, 'text', 'ID sesi/angkatan.'),
      col('Kode', true, 'text', 'Kode pelatihan dari Katalog Pelatihan.'),
      col(
        'Tanggal',
        false,
        'date',
        'Hari sesi (YYYY-MM-DD atau DD/MM/YYYY); kosong untuk jawaban konfirmasi kehadiran dari undangan.',
      ),
      col('NIP', true, 'nip', 'NIP peserta.'),
      col('Status', true, 'enum', 'Hadir, Izin, Sakit, atau Tidak Hadir.', { values: STATUS_HADIR }),
      col('Keterangan', false, 'text', 'Catatan petugas, mis. alasan izin.'),
    ],
  },
  {
    name: SHEET.fgd,
    optional: true,
    note: 'Catatan diskusi kelompok terpumpun (FGD): satu baris per kompetensi atau topik yang dibahas.',
    columns: [
      col('Tanggal', true, 'date', 'Tanggal FGD.'),
      col('OPD', true, 'text', 'OPD (atau kelompok) yang berdiskusi; ditulis sama dengan di Pegawai.'),
      col('Peserta', false, 'integer', 'Jumlah peserta FGD.', { min: 1 }),
      col('Fasilitator', false, 'text', 'Nama fasilitator.'),
      col(
        'Kode Kompetensi',
        false,
        'text',
        'Kode dari Kamus Kompetensi; untuk topik bebas diisi staf bila cocok.',
      ),
      col('Topik', false, 'text', 'Topik bebas bila tidak ada kodenya.'),
      col('Peringkat', false, 'integer', 'Peringkat kebutuhan (1 = paling dibutuhkan).', { min: 1 }),
      col('Suara', false, 'integer', 'Jumlah suara; dipakai untuk peringkat bila Peringkat kosong.', {
        min: 0,
      }),
      col('Catatan', false, 'text', 'Catatan notulis.'),
    ],
  },
  {
    name: SHEET.sasaran,
    optional: true,
    note: 'Sasaran program: target tiap indikator per tahun, untuk seluruh OPD atau satu OPD; realisasinya dihitung aplikasi.',
    columns: [
      col(
        'Indikator',
        true,
        'enum',
        'ASN Memenuhi Target JP (%), ASN Dinilai (%), Rata-rata Kesenjangan (level, makin kecil makin baik), IKM (konversi 25–100), Tindak Lanjut L3 (%).',
        { values: INDIKATOR_SASARAN },
      ),
      col('OPD', false, 'text', 'Kosong = seluruh OPD (dan setiap OPD tanpa sasaran sendiri).'),
      col('Tahun', true, 'integer', 'Tahun realisasi yang dinilai (Tahun JP).', { min: 2000, max: 2100 }),
      col('Baseline', false, 'number', 'Nilai awal, satuan sama dengan Target.'),
      col('Target', true, 'number', 'Nilai yang ingin dicapai; persen ditulis 0–100.'),
      col('Keterangan', false, 'text', 'Catatan, mis. dasar penetapan target.'),
    ],
  },
  {
    name: SHEET.pengajar,
    optional: true,
    note: 'Pengajar (widyaiswara, narasumber) sesi tatap muka klasikal. Bila lembar ini berisi, setiap sesi yang memakai ruang mendapat satu pengajar yang mengajar pelatihan itu dan tersedia pada semua harinya; satu pengajar tidak pernah di dua sesi sekaligus.',
    columns: [
      col('Nama', true, 'text', 'Nama pengajar (unik).'),
      col(
        'Kode Pelatihan',
        true,
        'list',
        'Kode pelatihan (Katalog Pelatihan) yang dapat diajarkannya, dipisah koma.',
      ),
      col(
        'Tidak Tersedia',
        false,
        'list',
        'Tanggal pengajar tidak dapat mengajar (YYYY-MM-DD atau DD/MM/YYYY) atau rentang (2027-03-01 s.d. 2027-03-05), dipisah koma.',
      ),
      col(
        'Maks Sesi per Bulan',
        false,
        'integer',
        'Sesi paling banyak yang dimulai dalam satu bulan; kosong = tanpa batas.',
        {
          min: 1,
        },
      ),
    ],
  },
  {
    name: SHEET.kinerja,
    optional: true,
    note: 'Predikat kinerja (SKP, PermenPAN-RB 6/2022) per ASN per tahun. Data pribadi: pimpinan hanya melihat angka agregat.',
    columns: [
      col('NIP', true, 'nip', 'NIP 18 digit; harus ada di Pegawai.'),
      col('Tahun', true, 'integer', 'Tahun penilaian kinerja.', { min: 2000, max: 2100 }),
      col(
        'Predikat Kinerja',
        true,
        'enum',
        'Sangat Baik, Baik, Butuh Perbaikan, Kurang/Misconduct, atau Sangat Kurang.',
        { values: PREDIKAT_KINERJA },
      ),
      col('Nilai', false, 'number', 'Nilai SKP bila instansi mencatatnya (0–150).', { min: 0, max: 150 }),
    ],
  },
  UNDANGAN_SPEC,
];

/**
 * The form sheets whose record is its form response: those with an `ID Respons` column
 * (Penilaian, SKM). The row's ID Respons is the submission's response id, and the record's id.
 */
export const RESPONSE_ID_SHEETS: ReadonlySet<FormSheet> = new Set(
  FORM_SHEETS.filter((name) =>
    SHEET_SPECS.some((spec) => spec.name === name && spec.columns.some((c) => c.header === 'ID Respons')),
  ),
);

export const DEFAULT_DICTIONARY: readonly {
  kode: string;
  nama: string;
  kelompok: 'Manajerial' | 'Sosial Kultural';
}[] = [
  { kode: 'M.01', nama: 'Integritas', kelompok: 'Manajerial' },
  { kode: 'M.02', nama: 'Kerjasama', kelompok: 'Manajerial' },
  { kode: 'M.03', nama: 'Komunikasi', kelompok: 'Manajerial' },
  { kode: 'M.04', nama: 'Orientasi pada Hasil', kelompok: 'Manajerial' },
  { kode: 'M.05', nama: 'Pelayanan Publik', kelompok: 'Manajerial' },
  { kode: 'M.06', nama: 'Pengembangan Diri dan Orang Lain', kelompok: 'Manajerial' },
  { kode: 'M.07', nama: 'Mengelola Perubahan', kelompok: 'Manajerial' },
  { kode: 'M.08', nama: 'Pengambilan Keputusan', kelompok: 'Manajerial' },
  { kode: 'SK.01', nama: 'Perekat Bangsa', kelompok: 'Sosial Kultural' },
];
