/**
 * What a BKPSDM knows about its courses beyond the catalogue basics, added to the
 * generated workbook: course audiences (`Sasaran Jenis ASN`, `Sasaran Jenis Jabatan`) and
 * prerequisites (`Syarat`) in `Katalog Pelatihan`. Applied after the base sheets are built, by
 * course title, so the base generator's random streams (and every figure derived from them)
 * stay as they were.
 */
import { type Cell, type RawWorkbook, SHEET } from '@bangkom/core';

interface Audience {
  asn?: 'PNS' | 'PPPK';
  jabatan?: string;
  /** title of the prerequisite course */
  syarat?: string;
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
  [
    'E-Katalog dan Toko Daring bagi Pejabat Pengadaan',
    { syarat: 'Pengadaan Barang/Jasa Pemerintah Tingkat Dasar' },
  ],
]);

/** Appends the audience columns to `Katalog Pelatihan` (in place). */
export function applyRealism(raw: RawWorkbook): void {
  const katalog = raw[SHEET.katalog];
  const header: Cell[] | undefined = katalog?.[0];
  if (!katalog || !header) return;
  const kodeAt = header.indexOf('Kode');
  const judulAt = header.indexOf('Judul');
  const kodeOf = new Map<string, string>();
  for (const row of katalog.slice(1)) kodeOf.set(String(row[judulAt]), String(row[kodeAt]));
  katalog[0] = [...header, 'Sasaran Jenis ASN', 'Sasaran Jenis Jabatan', 'Syarat'];
  for (let i = 1; i < katalog.length; i++) {
    const row: Cell[] = katalog[i] ?? [];
    const audience = AUDIENCES.get(String(row[judulAt]));
    const syarat = audience?.syarat !== undefined ? kodeOf.get(audience.syarat) : undefined;
    katalog[i] = [...row, audience?.asn ?? 'Semua', audience?.jabatan ?? '', syarat ?? ''];
  }
}
