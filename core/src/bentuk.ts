/**
 * Forms of competency development (`Bentuk`) of Peraturan LAN 10/2018 with their names, and
 * what SIASN's riwayat kursus service calls each of them (`jenisDiklatId`, the certificate
 * type `jenisKursusSertipikat`). One table: the catalogue, the plans and the exports read it.
 */

/** T (teknis), F (fungsional), P (partisipasi): SIASN's jenisKursusSertipikat. */
export const JENIS_SERTIFIKAT = ['T', 'F', 'P'] as const;
export type JenisSertifikat = (typeof JENIS_SERTIFIKAT)[number];

export interface BentukInfo {
  kode: string;
  /** name as Peraturan LAN 10/2018 writes it */
  nama: string;
  jalur: 'Klasikal' | 'Nonklasikal';
  /** SIASN jenisDiklatId */
  jenisDiklatId: number;
}

const KL = (n: number, nama: string, jenisDiklatId: number): BentukInfo => ({
  kode: `KL${String(n).padStart(2, '0')}`,
  nama,
  jalur: 'Klasikal',
  jenisDiklatId,
});
const NKL = (n: number, nama: string, jenisDiklatId: number): BentukInfo => ({
  kode: `NKL${String(n).padStart(2, '0')}`,
  nama,
  jalur: 'Nonklasikal',
  jenisDiklatId,
});

/** KL01–KL12 and NKL01–NKL13 in order. */
export const BENTUK_TABLE: readonly BentukInfo[] = [
  KL(1, 'pelatihan struktural kepemimpinan', 1),
  KL(2, 'pelatihan manajerial', 5),
  KL(3, 'pelatihan teknis', 3),
  KL(4, 'pelatihan fungsional', 2),
  KL(5, 'pelatihan sosial kultural', 6),
  KL(6, 'seminar/konferensi/sarasehan', 9),
  KL(7, 'workshop/lokakarya', 4),
  KL(8, 'kursus', 11),
  KL(9, 'penataran', 12),
  KL(10, 'bimbingan teknis', 8),
  KL(11, 'sosialisasi', 7),
  KL(12, 'klasikal lainnya', 13),
  NKL(1, 'coaching', 14),
  NKL(2, 'mentoring', 15),
  NKL(3, 'e-learning', 16),
  NKL(4, 'pelatihan jarak jauh', 17),
  NKL(5, 'detasering', 18),
  NKL(6, 'pembelajaran alam terbuka (outbound)', 19),
  NKL(7, 'patok banding (benchmarking)', 20),
  NKL(8, 'pertukaran PNS dengan pegawai swasta/BUMN/BUMD', 21),
  NKL(9, 'belajar mandiri', 22),
  NKL(10, 'komunitas belajar', 23),
  NKL(11, 'bimbingan di tempat kerja', 24),
  NKL(12, 'magang/praktik kerja', 10),
  NKL(13, 'nonklasikal lainnya', 25),
];

const BY_KODE = new Map(BENTUK_TABLE.map((b) => [b.kode, b]));

export function bentukInfo(kode: string | undefined): BentukInfo | undefined {
  return kode === undefined ? undefined : BY_KODE.get(kode);
}

/** `KL03 pelatihan teknis`; an unknown code stays as written. */
export function bentukLabel(kode: string): string {
  const b = BY_KODE.get(kode);
  return b ? `${b.kode} ${b.nama}` : kode;
}

/**
 * SIASN's certificate type of a jenisDiklatId: F (fungsional) for 2, P (partisipasi) for 4
 * (workshop), 7 (sosialisasi) and 9 (seminar), T (teknis) for every other.
 */
export function sertifikatOf(jenisDiklatId: number): JenisSertifikat {
  if (jenisDiklatId === 2) return 'F';
  if (jenisDiklatId === 4 || jenisDiklatId === 7 || jenisDiklatId === 9) return 'P';
  return 'T';
}

/**
 * Other spellings a cell may hold, lower-case and without inner double spaces -> code:
 * `KL1` for `KL01`, the name alone (`bimbingan teknis`), the code with its name
 * (`KL10 bimbingan teknis`, `KL10 - Bimbingan Teknis`, `[KL10] Bimbingan Teknis`) and the
 * short names in parentheses (`outbound`, `benchmarking`).
 */
export function bentukSpellings(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const b of BENTUK_TABLE) {
    const short = b.kode.replace(/0(\d)$/, '$1');
    out[short] = b.kode;
    out[b.nama] = b.kode;
    for (const k of [b.kode, short]) {
      out[`${k} ${b.nama}`] = b.kode;
      out[`${k} - ${b.nama}`] = b.kode;
      out[`[${k}] ${b.nama}`] = b.kode;
    }
    const paren = /\(([^)]+)\)$/.exec(b.nama)?.[1];
    if (paren) out[paren] = b.kode;
  }
  return out;
}
