/**
 * What a BKPSDM knows about its courses beyond the catalogue basics, added to the
 * generated workbook: course audiences (`Sasaran Jenis ASN`, `Sasaran Jenis Jabatan`),
 * prerequisites (`Syarat`), class minimums (`Peserta Minimum`) and room types (`Jenis Ruang`) in
 * `Katalog Pelatihan`, and `Jenis` in `Ruang`. Applied after the base sheets are built, by
 * course title, so the base generator's random streams (and every figure derived from them)
 * stay as they were.
 */
import { type Cell, type RawWorkbook, SHEET } from '@bangkom/core';

interface Audience {
  asn?: 'PNS' | 'PPPK';
  jabatan?: string;
  /** title of the prerequisite course */
  syarat?: string;
  /** `Peserta Minimum` when not the default */
  minimum?: number;
  /** `Jenis Ruang` */
  ruang?: string;
}

/** Audiences of the sample catalogue, by title. */
const AUDIENCES: ReadonlyMap<string, Audience> = new Map<string, Audience>([
  ['Orientasi Pegawai PPPK', { asn: 'PPPK' }],
  ['Pelatihan Dasar CPNS', { asn: 'PNS' }],
  ['Pelatihan Kepemimpinan Pengawas', { asn: 'PNS', jabatan: 'Pengawas' }],
  ['Pelatihan Kepemimpinan Administrator', { asn: 'PNS', jabatan: 'Administrator' }],
  ['Coaching dan Mentoring bagi Atasan', { jabatan: 'JPT, Administrator, Pengawas' }],
  ['Mentoring Pejabat Fungsional Pemula', { jabatan: 'Fungsional' }],
  ['Pembelajaran Mendalam bagi Guru', { jabatan: 'Fungsional' }],
  ['Implementasi Kurikulum Merdeka', { jabatan: 'Fungsional' }],
  ['Asesmen Pembelajaran, Literasi dan Numerasi', { jabatan: 'Fungsional' }],
  ['Penguatan Kepala Sekolah', { jabatan: 'Fungsional' }],
  ['Komunitas Belajar Guru', { jabatan: 'Fungsional' }],
  ['Pengambilan Keputusan Berbasis Data', { jabatan: 'JPT, Administrator, Pengawas' }],
  ['Penatausahaan Keuangan Daerah pada SIPD', { ruang: 'Lab Komputer' }],
  ['Keamanan Informasi dan Pelindungan Data Pribadi', { ruang: 'Lab Komputer' }],
  ['Basic Trauma and Cardiac Life Support', { minimum: 15 }],
  [
    'E-Katalog dan Toko Daring bagi Pejabat Pengadaan',
    { syarat: 'Pengadaan Barang/Jasa Pemerintah Tingkat Dasar' },
  ],
]);

/** `Ruang.Jenis` of the sample rooms, by name. */
const ROOM_TYPES: ReadonlyMap<string, string> = new Map([
  ['Aula BKPSDM', 'Aula'],
  ['Ruang Rapat Bappeda', 'Kelas'],
  ['Laboratorium Komputer Diskominfo', 'Lab Komputer'],
  ['Aula Gedung Pusat Kebudayaan', 'Aula'],
  ['Ruang Diklat RSUD Sawahlunto', 'Kelas'],
]);

/** Appends the audience, class-size and room-type columns to `Katalog Pelatihan` (in place). */
export function applyRealism(raw: RawWorkbook): void {
  const katalog = raw[SHEET.katalog];
  const header: Cell[] | undefined = katalog?.[0];
  if (!katalog || !header) return;
  const kodeAt = header.indexOf('Kode');
  const judulAt = header.indexOf('Judul');
  const kodeOf = new Map<string, string>();
  for (const row of katalog.slice(1)) kodeOf.set(String(row[judulAt]), String(row[kodeAt]));
  katalog[0] = [
    ...header,
    'Sasaran Jenis ASN',
    'Sasaran Jenis Jabatan',
    'Syarat',
    'Peserta Minimum',
    'Jenis Ruang',
  ];
  for (let i = 1; i < katalog.length; i++) {
    const row: Cell[] = katalog[i] ?? [];
    const audience = AUDIENCES.get(String(row[judulAt]));
    const syarat = audience?.syarat !== undefined ? kodeOf.get(audience.syarat) : undefined;
    katalog[i] = [
      ...row,
      audience?.asn ?? 'Semua',
      audience?.jabatan ?? '',
      syarat ?? '',
      audience?.minimum ?? '',
      audience?.ruang ?? '',
    ];
  }
  const ruang = raw[SHEET.ruang];
  const ruangHeader: Cell[] | undefined = ruang?.[0];
  if (ruang && ruangHeader) {
    const namaAt = ruangHeader.indexOf('Nama');
    ruang[0] = [...ruangHeader, 'Jenis'];
    for (let i = 1; i < ruang.length; i++) {
      const row: Cell[] = ruang[i] ?? [];
      ruang[i] = [...row, ROOM_TYPES.get(String(row[namaAt])) ?? ''];
    }
  }
}
