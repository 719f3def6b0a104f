/**
 * Reference data for the generated Kota Sawahlunto workbook: perangkat daerah, positions,
 * names, the technical competency dictionary, the training catalogue, SKM service units,
 * holidays and rooms. Plausible, not official: no real person is described.
 */
import type { JenisJabatan, Moda } from '@bangkom/core';

/** Technical competencies added to the default dictionary (Kelompok Teknis). */
export const TEKNIS: readonly { kode: string; nama: string }[] = [
  { kode: 'T.01', nama: 'Pengelolaan Keuangan Daerah' },
  { kode: 'T.02', nama: 'Pengadaan Barang/Jasa' },
  { kode: 'T.03', nama: 'Pelayanan Kesehatan' },
  { kode: 'T.04', nama: 'Pembelajaran' },
  { kode: 'T.05', nama: 'Sistem Informasi dan Transformasi Digital' },
  { kode: 'T.06', nama: 'Perencanaan dan Analisis Kebijakan' },
  { kode: 'T.07', nama: 'Manajemen ASN' },
  { kode: 'T.08', nama: 'Pengawasan Internal' },
  { kode: 'T.09', nama: 'Pelayanan Administrasi Kependudukan' },
  { kode: 'T.10', nama: 'Kearsipan' },
  { kode: 'T.11', nama: 'Ketenteraman dan Ketertiban Umum' },
  { kode: 'T.12', nama: 'Infrastruktur dan Konstruksi' },
];

export type Gelar =
  | 'guru'
  | 'perawat'
  | 'ners'
  | 'bidan'
  | 'dokter'
  | 'apoteker'
  | 'kesmas'
  | 'sarjana'
  | 'teknik'
  | 'none';

/** A non-structural position (Fungsional or Pelaksana) staff can hold. */
export interface PositionDef {
  jabatan: string;
  jenis: JenisJabatan;
  teknis: readonly string[];
  /** managerial level the standard asks for (PermenPAN-RB 38/2017: pelaksana 1–2 … JPT 4–5) */
  grade: number;
  /** share appointed as PPPK rather than PNS */
  pppk: number;
  /** share of women */
  female: number;
  gelar: Gelar;
  /** birth years (inclusive) */
  born: readonly [number, number];
}

const fp = (
  jabatan: string,
  teknis: readonly string[],
  grade: number,
  pppk: number,
  female: number,
  gelar: Gelar,
  born: readonly [number, number] = [1970, 1999],
): PositionDef => ({ jabatan, jenis: 'Fungsional', teknis, grade, pppk, female, gelar, born });

const pl = (
  jabatan: string,
  teknis: readonly string[],
  pppk: number,
  female = 0.5,
  gelar: Gelar = 'none',
): PositionDef => ({
  jabatan,
  jenis: 'Pelaksana',
  teknis,
  grade: 2,
  pppk,
  female,
  gelar,
  born: [1968, 2001],
});

export const POSITIONS = {
  guruPertama: fp('Guru Ahli Pertama', ['T.04'], 2, 0.6, 0.72, 'guru', [1980, 2000]),
  guruMuda: fp('Guru Ahli Muda', ['T.04'], 2, 0.05, 0.72, 'guru', [1972, 1990]),
  guruMadya: fp('Guru Ahli Madya', ['T.04'], 3, 0, 0.7, 'guru', [1968, 1982]),
  kepalaSekolah: fp('Kepala Sekolah', ['T.04'], 3, 0, 0.55, 'guru', [1968, 1982]),
  pengawasSekolah: fp('Pengawas Sekolah Ahli Madya', ['T.04'], 3, 0, 0.5, 'guru', [1968, 1978]),
  pamongBudaya: fp('Pamong Budaya Ahli Pertama', ['T.06'], 2, 0.2, 0.5, 'sarjana', [1985, 1998]),
  perawatTerampil: fp('Perawat Terampil', ['T.03'], 2, 0.45, 0.75, 'perawat', [1978, 2000]),
  perawatAhli: fp('Perawat Ahli Pertama', ['T.03'], 2, 0.3, 0.7, 'ners', [1980, 1999]),
  bidan: fp('Bidan Terampil', ['T.03'], 2, 0.45, 1, 'bidan', [1976, 2000]),
  dokter: fp('Dokter Ahli Pertama', ['T.03'], 2, 0.15, 0.6, 'dokter', [1982, 1996]),
  dokterMuda: fp('Dokter Ahli Muda', ['T.03'], 3, 0, 0.55, 'dokter', [1972, 1986]),
  dokterGigi: fp('Dokter Gigi Ahli Pertama', ['T.03'], 2, 0.1, 0.7, 'dokter', [1982, 1996]),
  apoteker: fp('Apoteker Ahli Pertama', ['T.03'], 2, 0.3, 0.75, 'apoteker', [1982, 1998]),
  penyuluhKesehatan: fp(
    'Penyuluh Kesehatan Masyarakat Ahli Pertama',
    ['T.03'],
    2,
    0.3,
    0.65,
    'kesmas',
    [1982, 1998],
  ),
  pranataLab: fp('Pranata Laboratorium Kesehatan Terampil', ['T.03'], 2, 0.4, 0.7, 'none', [1980, 2000]),
  analisKebijakan: fp('Analis Kebijakan Ahli Muda', ['T.06'], 3, 0, 0.45, 'sarjana', [1972, 1988]),
  perencana: fp('Perencana Ahli Muda', ['T.06'], 3, 0, 0.45, 'sarjana', [1972, 1988]),
  pranataKomputer: fp('Pranata Komputer Ahli Pertama', ['T.05'], 2, 0.3, 0.35, 'teknik', [1985, 1999]),
  pranataHumas: fp(
    'Pranata Hubungan Masyarakat Ahli Pertama',
    ['T.05'],
    2,
    0.2,
    0.6,
    'sarjana',
    [1985, 1999],
  ),
  auditor: fp('Auditor Ahli Muda', ['T.08', 'T.01'], 3, 0, 0.5, 'sarjana', [1972, 1990]),
  auditorPertama: fp('Auditor Ahli Pertama', ['T.08'], 2, 0.1, 0.55, 'sarjana', [1985, 1998]),
  analisSdm: fp(
    'Analis Sumber Daya Manusia Aparatur Ahli Muda',
    ['T.07'],
    3,
    0,
    0.55,
    'sarjana',
    [1975, 1990],
  ),
  arsiparis: fp('Arsiparis Terampil', ['T.10'], 2, 0.3, 0.6, 'none', [1975, 1999]),
  pustakawan: fp('Pustakawan Ahli Pertama', ['T.10'], 2, 0.3, 0.65, 'sarjana', [1980, 1999]),
  pengelolaPbj: fp(
    'Pengelola Pengadaan Barang/Jasa Ahli Pertama',
    ['T.02'],
    2,
    0,
    0.4,
    'sarjana',
    [1982, 1997],
  ),
  analisKeuangan: fp(
    'Analis Keuangan Pusat dan Daerah Ahli Muda',
    ['T.01'],
    3,
    0,
    0.55,
    'sarjana',
    [1975, 1990],
  ),
  polPp: fp('Polisi Pamong Praja Terampil', ['T.11'], 2, 0.2, 0.2, 'none', [1975, 1999]),
  adminDukcapil: fp(
    'Administrator Database Kependudukan Ahli Pertama',
    ['T.09', 'T.05'],
    2,
    0.2,
    0.5,
    'teknik',
    [1983, 1998],
  ),
  teknikJalan: fp('Teknik Jalan dan Jembatan Ahli Pertama', ['T.12'], 2, 0.2, 0.2, 'teknik', [1982, 1998]),
  tataBangunan: fp(
    'Teknik Tata Bangunan dan Perumahan Ahli Pertama',
    ['T.12'],
    2,
    0.2,
    0.3,
    'teknik',
    [1982, 1998],
  ),
  pekerjaSosial: fp('Pekerja Sosial Ahli Pertama', [], 2, 0.3, 0.6, 'sarjana', [1982, 1998]),
  pengawasLh: fp('Pengendali Dampak Lingkungan Ahli Pertama', ['T.12'], 2, 0.2, 0.45, 'teknik', [1982, 1998]),
  pengujiKendaraan: fp('Penguji Kendaraan Bermotor Terampil', ['T.12'], 2, 0.2, 0.1, 'none', [1978, 1998]),
  pengawasPerdagangan: fp(
    'Pengawas Perdagangan Ahli Pertama',
    ['T.01'],
    2,
    0.2,
    0.5,
    'sarjana',
    [1982, 1998],
  ),
  penggerakSwadaya: fp('Penggerak Swadaya Masyarakat Ahli Pertama', [], 2, 0.2, 0.5, 'sarjana', [1980, 1998]),
  pengadministrasi: pl('Pengadministrasi Perkantoran', ['T.10'], 0.3),
  penataLayanan: pl('Penata Layanan Operasional', [], 0.25),
  pengolahData: pl('Pengolah Data dan Informasi', ['T.05'], 0.2, 0.5, 'sarjana'),
  pengelolaKeuangan: pl('Pengelola Keuangan', ['T.01'], 0.05, 0.6, 'sarjana'),
  operator: pl('Operator Layanan Operasional', [], 0.35, 0.25),
  pengelolaUmum: pl('Pengelola Umum Operasional', [], 0.3, 0.4),
  pengelolaLayananKependudukan: pl('Pengelola Layanan Kependudukan', ['T.09'], 0.3, 0.6),
  petugasTrantib: pl('Petugas Ketenteraman dan Ketertiban', ['T.11'], 0.4, 0.15),
  pengelolaPengadaan: pl('Pengelola Pengadaan Barang/Jasa', ['T.02'], 0.1, 0.45, 'sarjana'),
  pengelolaSdm: pl('Pengelola Kepegawaian', ['T.07'], 0.1, 0.55, 'sarjana'),
  pengelolaPerizinan: pl('Pengelola Layanan Perizinan', [], 0.25, 0.55, 'sarjana'),
  teknisiSarpras: pl('Teknisi Sarana dan Prasarana', ['T.12'], 0.35, 0.1),
  pengadministrasiSekolah: pl('Pengadministrasi Sekolah', ['T.10'], 0.45, 0.6),
  pengelolaRekamMedis: pl('Pengelola Rekam Medis', ['T.03'], 0.45, 0.7),
} as const satisfies Record<string, PositionDef>;

export type PositionKey = keyof typeof POSITIONS;

export interface SubunitDef {
  /** name of the i-th subunit (schools, puskesmas, kelurahan); numbered beyond the list */
  names: readonly string[];
  headKey: PositionKey | null;
  /** a structural head: jabatan and jenis when headKey is null (Lurah, Kepala Puskesmas) */
  head?: { jabatan: string; jenis: JenisJabatan; teknis: readonly string[] };
  /** staff per subunit head */
  perHead: number;
  /** share of the OPD's non-structural staff working in subunits */
  share: number;
  staff: readonly (readonly [PositionKey, number])[];
  /** subunit heads report to the OPD head rather than to a unit head */
  headReportsToHead?: boolean;
}

export interface OpdDef {
  nama: string;
  /** relative size (Kota Sawahlunto: about 2,500 ASN) */
  weight: number;
  head: { jabatan: string; jenis: JenisJabatan };
  /** JPT Pratama reporting to the head (Asisten of the Sekretariat Daerah) */
  deputies?: readonly string[];
  sekretaris?: string;
  /** Administrator units under the head (Kepala Bidang/Bagian), or Pengawas for a kecamatan */
  units: readonly string[];
  unitJenis?: JenisJabatan;
  /** Pengawas under the sekretaris */
  subbag: readonly string[];
  teknis: readonly string[];
  subunit?: SubunitDef;
  staff: readonly (readonly [PositionKey, number])[];
  /** the head reports to nobody in the workbook (Sekretaris Daerah, Inspektur) */
  topLevel?: boolean;
}

const SUBBAG = ['Kepala Subbagian Umum dan Kepegawaian', 'Kepala Subbagian Keuangan dan Aset'];
const ADMIN_STAFF: readonly (readonly [PositionKey, number])[] = [
  ['pengadministrasi', 5],
  ['penataLayanan', 3],
  ['pengolahData', 2],
  ['pengelolaKeuangan', 2],
  ['operator', 2],
  ['pengelolaUmum', 2],
  ['pranataKomputer', 0.6],
  ['arsiparis', 0.4],
];
const SCHOOLS = [
  ...Array.from({ length: 30 }, (_, i) => `SD Negeri ${String(i + 1).padStart(2, '0')} Sawahlunto`),
  ...Array.from({ length: 7 }, (_, i) => `SMP Negeri ${i + 1} Sawahlunto`),
  'TK Negeri Pembina Sawahlunto',
];
const PUSKESMAS = ['Talawi', 'Sijantang', 'Kolok', 'Silungkang', 'Lunto', 'Sungai Durian'].map(
  (p) => `Puskesmas ${p}`,
);

const dinas = (
  nama: string,
  weight: number,
  units: readonly string[],
  teknis: readonly string[],
  staff: readonly (readonly [PositionKey, number])[],
  extra: Partial<OpdDef> = {},
): OpdDef => ({
  nama,
  weight,
  head: { jabatan: `Kepala ${nama}`, jenis: 'JPT Pratama' },
  sekretaris: `Sekretaris ${nama}`,
  units: units.map((u) => `Kepala Bidang ${u}`),
  subbag: SUBBAG,
  teknis,
  staff: [...ADMIN_STAFF, ...staff],
  ...extra,
});

const kecamatan = (nama: string, weight: number, kelurahan: readonly string[]): OpdDef => ({
  nama: `Kecamatan ${nama}`,
  weight,
  head: { jabatan: 'Camat', jenis: 'Administrator' },
  sekretaris: 'Sekretaris Camat',
  units: [
    'Kepala Seksi Pemerintahan',
    'Kepala Seksi Ketenteraman dan Ketertiban Umum',
    'Kepala Seksi Pemberdayaan Masyarakat',
    'Kepala Seksi Pelayanan Umum',
  ],
  unitJenis: 'Pengawas',
  subbag: ['Kepala Subbagian Umum dan Keuangan'],
  teknis: ['T.09', 'T.11'],
  staff: [...ADMIN_STAFF, ['penggerakSwadaya', 1], ['petugasTrantib', 1]],
  ...(kelurahan.length > 0
    ? {
        subunit: {
          names: kelurahan.map((k) => `Kelurahan ${k}`),
          headKey: null,
          head: { jabatan: 'Lurah', jenis: 'Pengawas', teknis: ['T.09'] },
          perHead: 4,
          share: 0.5,
          staff: [
            ['pengadministrasi', 3],
            ['penataLayanan', 2],
            ['pengelolaLayananKependudukan', 1],
          ],
          headReportsToHead: true,
        },
      }
    : {}),
});

/** Perangkat daerah of Kota Sawahlunto; weights give about the city's 2,500 ASN. */
export const OPD: readonly OpdDef[] = [
  {
    nama: 'Sekretariat Daerah',
    weight: 95,
    head: { jabatan: 'Sekretaris Daerah', jenis: 'JPT Pratama' },
    deputies: [
      'Asisten Pemerintahan dan Kesejahteraan Rakyat',
      'Asisten Perekonomian dan Pembangunan',
      'Asisten Administrasi Umum',
    ],
    units: [
      'Kepala Bagian Pemerintahan',
      'Kepala Bagian Kesejahteraan Rakyat',
      'Kepala Bagian Hukum',
      'Kepala Bagian Perekonomian dan Sumber Daya Alam',
      'Kepala Bagian Administrasi Pembangunan',
      'Kepala Bagian Pengadaan Barang dan Jasa',
      'Kepala Bagian Organisasi',
      'Kepala Bagian Umum',
      'Kepala Bagian Protokol dan Komunikasi Pimpinan',
    ],
    subbag: ['Kepala Subbagian Tata Usaha Pimpinan', 'Kepala Subbagian Keuangan'],
    teknis: ['T.06', 'T.02'],
    staff: [
      ...ADMIN_STAFF,
      ['analisKebijakan', 2],
      ['pengelolaPbj', 1.5],
      ['pengelolaPengadaan', 1],
      ['pranataHumas', 1],
    ],
    topLevel: true,
  },
  {
    nama: 'Sekretariat DPRD',
    weight: 40,
    head: { jabatan: 'Sekretaris DPRD', jenis: 'JPT Pratama' },
    units: [
      'Kepala Bagian Umum dan Keuangan',
      'Kepala Bagian Persidangan dan Perundang-undangan',
      'Kepala Bagian Fasilitasi Penganggaran dan Pengawasan',
    ],
    subbag: ['Kepala Subbagian Tata Usaha dan Kepegawaian', 'Kepala Subbagian Keuangan'],
    teknis: ['T.06', 'T.10'],
    staff: [...ADMIN_STAFF, ['analisKebijakan', 1], ['pranataHumas', 1]],
  },
  {
    nama: 'Inspektorat',
    weight: 45,
    head: { jabatan: 'Inspektur', jenis: 'JPT Pratama' },
    sekretaris: 'Sekretaris Inspektorat',
    units: [
      'Inspektur Pembantu Wilayah I',
      'Inspektur Pembantu Wilayah II',
      'Inspektur Pembantu Wilayah III',
    ],
    subbag: ['Kepala Subbagian Umum dan Keuangan'],
    teknis: ['T.08', 'T.01'],
    staff: [
      ['pengadministrasi', 3],
      ['pengelolaKeuangan', 1],
      ['auditor', 6],
      ['auditorPertama', 6],
    ],
    topLevel: true,
  },
  {
    nama: 'Badan Perencanaan Pembangunan Daerah',
    weight: 40,
    head: { jabatan: 'Kepala Badan Perencanaan Pembangunan Daerah', jenis: 'JPT Pratama' },
    sekretaris: 'Sekretaris Badan Perencanaan Pembangunan Daerah',
    units: [
      'Kepala Bidang Perencanaan Pemerintahan dan Pembangunan Manusia',
      'Kepala Bidang Perekonomian, Infrastruktur dan Kewilayahan',
      'Kepala Bidang Penelitian, Pengembangan dan Evaluasi',
    ],
    subbag: SUBBAG,
    teknis: ['T.06', 'T.05'],
    staff: [...ADMIN_STAFF, ['perencana', 5], ['analisKebijakan', 1]],
  },
  {
    nama: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
    weight: 38,
    head: { jabatan: 'Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', jenis: 'JPT Pratama' },
    sekretaris: 'Sekretaris Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
    units: [
      'Kepala Bidang Pengadaan, Pemberhentian dan Informasi',
      'Kepala Bidang Mutasi dan Promosi',
      'Kepala Bidang Pengembangan Kompetensi Aparatur',
    ],
    subbag: SUBBAG,
    teknis: ['T.07', 'T.05'],
    staff: [...ADMIN_STAFF, ['analisSdm', 5], ['pengelolaSdm', 4]],
  },
  {
    nama: 'Badan Pengelolaan Keuangan dan Aset Daerah',
    weight: 60,
    head: { jabatan: 'Kepala Badan Pengelolaan Keuangan dan Aset Daerah', jenis: 'JPT Pratama' },
    sekretaris: 'Sekretaris Badan Pengelolaan Keuangan dan Aset Daerah',
    units: [
      'Kepala Bidang Anggaran',
      'Kepala Bidang Perbendaharaan',
      'Kepala Bidang Akuntansi',
      'Kepala Bidang Aset',
      'Kepala Bidang Pendapatan Daerah',
    ],
    subbag: SUBBAG,
    teknis: ['T.01', 'T.05'],
    staff: [...ADMIN_STAFF, ['pengelolaKeuangan', 8], ['analisKeuangan', 4]],
  },
  dinas(
    'Dinas Pendidikan dan Kebudayaan',
    1000,
    [
      'Pembinaan Sekolah Dasar',
      'Pembinaan Sekolah Menengah Pertama',
      'Pendidikan Anak Usia Dini dan Nonformal',
      'Kebudayaan',
    ],
    ['T.04'],
    [
      ['pengawasSekolah', 1],
      ['pamongBudaya', 1],
    ],
    {
      subunit: {
        names: SCHOOLS,
        headKey: 'kepalaSekolah',
        perHead: 24,
        share: 0.95,
        staff: [
          ['guruPertama', 10],
          ['guruMuda', 6],
          ['guruMadya', 4],
          ['pengadministrasiSekolah', 2],
          ['pustakawan', 0.3],
          ['operator', 0.6],
        ],
      },
    },
  ),
  dinas(
    'Dinas Kesehatan',
    255,
    ['Kesehatan Masyarakat', 'Pencegahan dan Pengendalian Penyakit', 'Pelayanan dan Sumber Daya Kesehatan'],
    ['T.03'],
    [
      ['penyuluhKesehatan', 1],
      ['apoteker', 0.5],
    ],
    {
      subunit: {
        names: PUSKESMAS,
        headKey: null,
        head: { jabatan: 'Kepala Puskesmas', jenis: 'Pengawas', teknis: ['T.03'] },
        perHead: 38,
        share: 0.85,
        staff: [
          ['perawatTerampil', 6],
          ['perawatAhli', 3],
          ['bidan', 6],
          ['dokter', 2],
          ['dokterGigi', 0.7],
          ['apoteker', 0.8],
          ['penyuluhKesehatan', 1],
          ['pranataLab', 1],
          ['pengelolaRekamMedis', 1],
          ['pengadministrasi', 1.5],
          ['operator', 0.8],
        ],
      },
    },
  ),
  {
    nama: 'RSUD Sawahlunto',
    weight: 290,
    head: { jabatan: 'Direktur RSUD Sawahlunto', jenis: 'JPT Pratama' },
    units: [
      'Kepala Bagian Tata Usaha',
      'Kepala Bidang Pelayanan Medik',
      'Kepala Bidang Keperawatan',
      'Kepala Bidang Penunjang',
    ],
    subbag: [
      'Kepala Subbagian Umum dan Kepegawaian',
      'Kepala Subbagian Keuangan',
      'Kepala Subbagian Perencanaan',
    ],
    teknis: ['T.03', 'T.01'],
    staff: [
      ['perawatTerampil', 24],
      ['perawatAhli', 14],
      ['bidan', 8],
      ['dokter', 5],
      ['dokterMuda', 4],
      ['apoteker', 3],
      ['pranataLab', 4],
      ['pengelolaRekamMedis', 5],
      ['pengadministrasi', 6],
      ['pengelolaKeuangan', 3],
      ['operator', 4],
      ['teknisiSarpras', 2],
      ['pranataKomputer', 1],
    ],
  },
  dinas(
    'Dinas Pekerjaan Umum dan Penataan Ruang',
    70,
    ['Bina Marga', 'Sumber Daya Air', 'Cipta Karya dan Tata Ruang', 'Bina Konstruksi'],
    ['T.12', 'T.02'],
    [
      ['teknikJalan', 4],
      ['tataBangunan', 3],
      ['teknisiSarpras', 4],
      ['pengelolaPengadaan', 1],
    ],
  ),
  dinas(
    'Dinas Sosial',
    35,
    ['Rehabilitasi dan Perlindungan Sosial', 'Pemberdayaan dan Penanganan Fakir Miskin'],
    ['T.05'],
    [['pekerjaSosial', 4]],
  ),
  dinas(
    'Dinas Kependudukan dan Pencatatan Sipil',
    45,
    [
      'Pelayanan Pendaftaran Penduduk',
      'Pelayanan Pencatatan Sipil',
      'Pengelolaan Informasi Administrasi Kependudukan',
    ],
    ['T.09', 'T.05'],
    [
      ['pengelolaLayananKependudukan', 8],
      ['adminDukcapil', 2],
    ],
  ),
  dinas(
    'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu',
    35,
    ['Pelayanan Perizinan', 'Penanaman Modal dan Pengaduan'],
    ['T.05'],
    [['pengelolaPerizinan', 6]],
  ),
  dinas(
    'Dinas Pariwisata, Pemuda dan Olahraga',
    45,
    ['Destinasi dan Industri Pariwisata', 'Pemasaran Pariwisata', 'Kepemudaan dan Olahraga'],
    ['T.06'],
    [['pamongBudaya', 2]],
  ),
  dinas(
    'Dinas Perhubungan',
    45,
    ['Lalu Lintas dan Angkutan', 'Sarana dan Prasarana Perhubungan'],
    ['T.12'],
    [
      ['pengujiKendaraan', 4],
      ['operator', 4],
    ],
  ),
  dinas(
    'Satuan Polisi Pamong Praja dan Pemadam Kebakaran',
    75,
    [
      'Penegakan Peraturan Daerah',
      'Ketertiban Umum dan Ketenteraman Masyarakat',
      'Pemadam Kebakaran dan Penyelamatan',
    ],
    ['T.11'],
    [
      ['polPp', 10],
      ['petugasTrantib', 10],
    ],
    {
      head: { jabatan: 'Kepala Satuan Polisi Pamong Praja dan Pemadam Kebakaran', jenis: 'JPT Pratama' },
      sekretaris: 'Sekretaris Satuan Polisi Pamong Praja dan Pemadam Kebakaran',
    },
  ),
  dinas(
    'Dinas Lingkungan Hidup',
    50,
    ['Pengelolaan Sampah dan Limbah', 'Penataan dan Penaatan Lingkungan Hidup'],
    ['T.12'],
    [
      ['pengawasLh', 3],
      ['operator', 6],
      ['teknisiSarpras', 2],
    ],
  ),
  dinas(
    'Dinas Koperasi, Usaha Kecil dan Menengah dan Perdagangan',
    35,
    ['Koperasi dan Usaha Mikro', 'Perdagangan'],
    ['T.01'],
    [['pengawasPerdagangan', 3]],
  ),
  dinas(
    'Dinas Komunikasi dan Informatika',
    35,
    ['Aplikasi Informatika', 'Informasi dan Komunikasi Publik', 'Persandian dan Statistik'],
    ['T.05'],
    [
      ['pranataKomputer', 5],
      ['pranataHumas', 3],
    ],
  ),
  dinas(
    'Dinas Perpustakaan dan Kearsipan',
    30,
    ['Perpustakaan', 'Kearsipan'],
    ['T.10'],
    [
      ['pustakawan', 4],
      ['arsiparis', 4],
    ],
  ),
  dinas(
    'Dinas Pangan dan Pertanian',
    40,
    ['Ketahanan Pangan', 'Tanaman Pangan dan Hortikultura', 'Peternakan dan Kesehatan Hewan'],
    ['T.06'],
    [['penggerakSwadaya', 2]],
  ),
  kecamatan('Talawi', 30, []),
  kecamatan('Barangin', 38, ['Saringan', 'Lubang Panjang', 'Durian I', 'Durian II']),
  kecamatan('Lembah Segar', 42, [
    'Pasar',
    'Air Dingin',
    'Tanah Lapang',
    'Kubang Sirakuk Utara',
    'Kubang Sirakuk Selatan',
    'Aur Mulyo',
  ]),
  kecamatan('Silungkang', 27, []),
];

// ---------------------------------------------------------------- names

export const MALE_FIRST = [
  'Ahmad',
  'Afrizal',
  'Alfian',
  'Andi',
  'Arif',
  'Budi',
  'Dedi',
  'Deri',
  'Doni',
  'Edi',
  'Edwar',
  'Efrizal',
  'Erwin',
  'Fajar',
  'Febri',
  'Ferdi',
  'Gusri',
  'Harmen',
  'Hendra',
  'Hendri',
  'Heru',
  'Indra',
  'Irwan',
  'Jefri',
  'Joni',
  'Junaidi',
  'Khairul',
  'Masrizal',
  'Mukhlis',
  'Nasrul',
  'Nofrizal',
  'Rahmat',
  'Ramadhani',
  'Reno',
  'Riko',
  'Rizki',
  'Surya',
  'Syafrizal',
  'Taufik',
  'Wendi',
  'Yonaldi',
  'Yudi',
  'Yulianto',
  'Zulfahmi',
  'Zulkifli',
  'Fauzan',
  'Ilham',
  'Muhammad',
  'Rudi',
  'Yusrizal',
  'Agus',
  'Bambang',
  'Dodi',
  'Firdaus',
  'Hasan',
  'Iwan',
  'Rinaldi',
  'Syahrial',
];
export const FEMALE_FIRST = [
  'Afni',
  'Ayu',
  'Beti',
  'Citra',
  'Delvi',
  'Desi',
  'Dewi',
  'Eka',
  'Elvi',
  'Erni',
  'Febriyanti',
  'Fitri',
  'Gita',
  'Gusnita',
  'Hasnah',
  'Hidayati',
  'Indah',
  'Irma',
  'Juwita',
  'Kurnia',
  'Lina',
  'Linda',
  'Lusi',
  'Mardiah',
  'Maya',
  'Mega',
  'Nanda',
  'Nelly',
  'Nofita',
  'Nurhayati',
  'Okta',
  'Prima',
  'Putri',
  'Rahmawati',
  'Ratna',
  'Rika',
  'Rina',
  'Rosmaini',
  'Sari',
  'Siti',
  'Sri',
  'Suci',
  'Tika',
  'Vera',
  'Vivi',
  'Wulan',
  'Yanti',
  'Yulia',
  'Yusnita',
  'Zurnelis',
  'Annisa',
  'Dian',
  'Fadhila',
  'Helmi',
  'Mira',
  'Novi',
  'Rani',
  'Silvia',
  'Wirda',
];
export const LAST_NEUTRAL = [
  'Chaniago',
  'Piliang',
  'Koto',
  'Tanjung',
  'Sikumbang',
  'Jambak',
  'Guci',
  'Hidayat',
  'Anwar',
  'Syukri',
  'Amran',
  'Yusuf',
  'Ismail',
  'Hamid',
  'Rasyid',
  'Effendi',
  'Nasution',
  'Lubis',
  'Siregar',
  'Wijaya',
  'Santoso',
  'Gunawan',
  'Setiawan',
  'Rahman',
  'Hakim',
  'Marzuki',
  'Zainal',
  'Darwis',
  'Syam',
  'Idris',
  'Mulyadi',
  'Sutrisno',
];
export const LAST_MALE = [
  'Saputra',
  'Pratama',
  'Putra',
  'Syahputra',
  'Firmansyah',
  'Kurniawan',
  'Ramadhan',
  'Hidayatullah',
];
export const LAST_FEMALE = [
  'Saputri',
  'Putri',
  'Wahyuni',
  'Susanti',
  'Yuliani',
  'Fitriani',
  'Rahmadani',
  'Handayani',
  'Lestari',
  'Oktaviani',
  'Novita',
  'Sari',
  'Rahmi',
  'Yanti',
];

// ---------------------------------------------------------------- catalogue

export interface CourseDef {
  judul: string;
  kompetensi: readonly string[];
  jp: number;
  bentuk: string;
  moda: Moda;
  penyelenggara: string;
  kapasitas: number;
  biaya: number;
  hari: number;
}

const BPSDM = 'BPSDM Provinsi Sumatera Barat';
const BKPSDM = 'BKPSDM Kota Sawahlunto';
const LAN = 'Lembaga Administrasi Negara';
const ASN_UNGGUL = 'ASN Unggul (LAN)';

const course = (
  judul: string,
  kompetensi: readonly string[],
  jp: number,
  bentuk: string,
  moda: Moda,
  penyelenggara: string,
  kapasitas: number,
  biaya: number,
  hari = Math.max(1, Math.ceil(jp / 8)),
): CourseDef => ({ judul, kompetensi, jp, bentuk, moda, penyelenggara, kapasitas, biaya, hari });

/** 50 courses across classical (KL) and non-classical (NKL) forms (Peraturan LAN 10/2018). */
export const COURSES: readonly CourseDef[] = [
  course(
    'Pelatihan Kepemimpinan Pengawas',
    ['M.04', 'M.06', 'M.07'],
    120,
    'KL01',
    'Campuran',
    BPSDM,
    30,
    14_500_000,
    15,
  ),
  course(
    'Pelatihan Kepemimpinan Administrator',
    ['M.04', 'M.07', 'M.08'],
    160,
    'KL01',
    'Campuran',
    BPSDM,
    30,
    27_500_000,
    20,
  ),
  course(
    'Pelatihan Dasar CPNS',
    ['SK.01', 'M.01', 'M.05'],
    160,
    'KL02',
    'Campuran',
    BPSDM,
    40,
    11_000_000,
    20,
  ),
  course('Orientasi Pegawai PPPK', ['SK.01', 'M.01', 'M.05'], 33, 'NKL04', 'Daring', BKPSDM, 300, 250_000, 5),
  course('Integritas dan Antikorupsi', ['M.01'], 16, 'KL03', 'Tatap Muka', BKPSDM, 40, 750_000),
  course('Membangun Kerja Sama Tim yang Efektif', ['M.02'], 12, 'KL07', 'Tatap Muka', BKPSDM, 40, 650_000),
  course('Komunikasi Efektif dan Public Speaking', ['M.03'], 16, 'KL03', 'Tatap Muka', BPSDM, 30, 1_800_000),
  course(
    'Tata Naskah Dinas dan Korespondensi',
    ['M.03', 'T.10'],
    12,
    'KL10',
    'Tatap Muka',
    BKPSDM,
    40,
    500_000,
  ),
  course('Manajemen Kinerja dan Penyusunan SKP', ['M.04', 'T.07'], 8, 'KL11', 'Daring', BKPSDM, 200, 0),
  course('Pelayanan Prima', ['M.05'], 16, 'KL03', 'Tatap Muka', BKPSDM, 40, 700_000),
  course(
    'Pengelolaan Pengaduan Pelayanan Publik',
    ['M.05'],
    8,
    'KL10',
    'Daring',
    'Ombudsman RI Perwakilan Sumatera Barat',
    100,
    0,
  ),
  course('Coaching dan Mentoring bagi Atasan', ['M.06'], 16, 'NKL01', 'Tatap Muka', BPSDM, 25, 1_500_000),
  course('Mentoring Pejabat Fungsional Pemula', ['M.06'], 8, 'NKL02', 'Tatap Muka', BKPSDM, 20, 0),
  course('Manajemen Perubahan dan Inovasi Pelayanan', ['M.07'], 24, 'KL03', 'Tatap Muka', LAN, 30, 3_200_000),
  course(
    'Pengambilan Keputusan Berbasis Data',
    ['M.08', 'T.05'],
    16,
    'KL03',
    'Campuran',
    BPSDM,
    30,
    1_900_000,
  ),
  course(
    'Wawasan Kebangsaan dan Nilai Bela Negara',
    ['SK.01'],
    16,
    'KL05',
    'Tatap Muka',
    BKPSDM,
    60,
    600_000,
  ),
  course('Moderasi Beragama dan Harmoni Sosial', ['SK.01'], 8, 'NKL03', 'Daring', ASN_UNGGUL, 1000, 0),
  course('Sosialisasi Pengarusutamaan Gender', ['SK.01'], 4, 'KL11', 'Tatap Muka', BKPSDM, 80, 150_000),
  course('Penatausahaan Keuangan Daerah pada SIPD', ['T.01'], 24, 'KL10', 'Tatap Muka', BPSDM, 30, 2_400_000),
  course(
    'Akuntansi Pemerintahan Berbasis Akrual',
    ['T.01'],
    32,
    'KL03',
    'Tatap Muka',
    'BPKP Perwakilan Sumatera Barat',
    30,
    3_500_000,
  ),
  course('Pengelolaan Barang Milik Daerah', ['T.01'], 16, 'KL10', 'Tatap Muka', BKPSDM, 35, 900_000),
  course(
    'Pengadaan Barang/Jasa Pemerintah Tingkat Dasar',
    ['T.02'],
    24,
    'KL04',
    'Campuran',
    'LKPP',
    40,
    2_000_000,
  ),
  course('E-Katalog dan Toko Daring bagi Pejabat Pengadaan', ['T.02'], 8, 'NKL03', 'Daring', 'LKPP', 300, 0),
  course(
    'Pelayanan Kesehatan Dasar di Puskesmas',
    ['T.03'],
    24,
    'KL03',
    'Tatap Muka',
    'Dinas Kesehatan Kota Sawahlunto',
    30,
    1_200_000,
  ),
  course(
    'Basic Trauma and Cardiac Life Support',
    ['T.03'],
    40,
    'KL04',
    'Tatap Muka',
    'Bapelkes Padang',
    30,
    3_800_000,
    5,
  ),
  course('Asuhan Persalinan Normal', ['T.03'], 40, 'KL04', 'Tatap Muka', 'Bapelkes Padang', 24, 4_200_000, 5),
  course(
    'Pencegahan dan Pengendalian Infeksi',
    ['T.03'],
    16,
    'KL03',
    'Tatap Muka',
    'RSUD Sawahlunto',
    40,
    600_000,
  ),
  course(
    'Pembelajaran Mendalam bagi Guru',
    ['T.04'],
    32,
    'KL03',
    'Campuran',
    'Balai Guru dan Tenaga Kependidikan Sumatera Barat',
    40,
    1_600_000,
    4,
  ),
  course(
    'Implementasi Kurikulum Merdeka',
    ['T.04'],
    24,
    'NKL03',
    'Daring',
    'Platform Merdeka Mengajar',
    1000,
    0,
    3,
  ),
  course(
    'Asesmen Pembelajaran, Literasi dan Numerasi',
    ['T.04'],
    16,
    'KL07',
    'Tatap Muka',
    'Dinas Pendidikan dan Kebudayaan Kota Sawahlunto',
    40,
    450_000,
  ),
  course(
    'Penguatan Kepala Sekolah',
    ['T.04', 'M.06', 'M.08'],
    32,
    'KL03',
    'Campuran',
    'Balai Guru dan Tenaga Kependidikan Sumatera Barat',
    30,
    2_100_000,
    4,
  ),
  course(
    'Komunitas Belajar Guru',
    ['T.04', 'M.06'],
    12,
    'NKL10',
    'Tatap Muka',
    'Dinas Pendidikan dan Kebudayaan Kota Sawahlunto',
    60,
    0,
    3,
  ),
  course(
    'Keamanan Informasi dan Pelindungan Data Pribadi',
    ['T.05'],
    16,
    'KL03',
    'Campuran',
    'Badan Siber dan Sandi Negara',
    30,
    1_500_000,
  ),
  course(
    'Pengembangan Aplikasi SPBE',
    ['T.05'],
    40,
    'KL03',
    'Tatap Muka',
    'Dinas Komunikasi dan Informatika Kota Sawahlunto',
    20,
    2_800_000,
    5,
  ),
  course('Analisis Data dengan Lembar Kerja', ['T.05', 'M.08'], 12, 'NKL03', 'Daring', ASN_UNGGUL, 1000, 0),
  course('Literasi Digital ASN', ['T.05', 'M.06'], 10, 'NKL09', 'Daring', ASN_UNGGUL, 1000, 0),
  course('Penyusunan Dokumen Perencanaan Daerah', ['T.06'], 24, 'KL10', 'Tatap Muka', BPSDM, 30, 2_300_000),
  course('Analisis Kebijakan Publik', ['T.06', 'M.08'], 32, 'KL04', 'Campuran', LAN, 30, 4_000_000, 4),
  course('Manajemen ASN dan Sistem Merit', ['T.07'], 16, 'KL03', 'Tatap Muka', BKPSDM, 35, 800_000),
  course(
    'Analisis Jabatan dan Analisis Beban Kerja',
    ['T.07'],
    24,
    'KL10',
    'Tatap Muka',
    BPSDM,
    30,
    2_200_000,
  ),
  course(
    'Audit Kinerja Pemerintah Daerah',
    ['T.08'],
    32,
    'KL04',
    'Tatap Muka',
    'BPKP Perwakilan Sumatera Barat',
    25,
    3_600_000,
    4,
  ),
  course(
    'Reviu Laporan Keuangan Pemerintah Daerah',
    ['T.08', 'T.01'],
    24,
    'KL10',
    'Tatap Muka',
    'BPKP Perwakilan Sumatera Barat',
    25,
    2_700_000,
  ),
  course(
    'Pelayanan Administrasi Kependudukan Terpadu',
    ['T.09', 'M.05'],
    16,
    'KL10',
    'Tatap Muka',
    'Ditjen Dukcapil Kemendagri',
    40,
    900_000,
  ),
  course(
    'Identitas Kependudukan Digital',
    ['T.09', 'T.05'],
    8,
    'KL11',
    'Daring',
    'Ditjen Dukcapil Kemendagri',
    200,
    0,
  ),
  course(
    'Pengelolaan Arsip Dinamis',
    ['T.10'],
    24,
    'KL03',
    'Tatap Muka',
    'Arsip Nasional Republik Indonesia',
    30,
    1_900_000,
  ),
  course(
    'Penegakan Peraturan Daerah dan Ketertiban Umum',
    ['T.11'],
    24,
    'KL04',
    'Tatap Muka',
    BPSDM,
    40,
    1_700_000,
  ),
  course(
    'Pengawasan Konstruksi dan Keselamatan Kerja',
    ['T.12'],
    24,
    'KL03',
    'Tatap Muka',
    'Balai Jasa Konstruksi Wilayah I',
    30,
    2_600_000,
  ),
  course(
    'Pemeliharaan Jalan dan Jembatan',
    ['T.12'],
    32,
    'KL04',
    'Campuran',
    'Balai Jasa Konstruksi Wilayah I',
    30,
    3_100_000,
    4,
  ),
  course(
    'Magang Pelayanan Perizinan Berusaha',
    ['M.05', 'M.04'],
    40,
    'NKL12',
    'Tatap Muka',
    'DPMPTSP Provinsi Sumatera Barat',
    10,
    1_200_000,
    5,
  ),
  course(
    'Patok Banding Inovasi Pelayanan Publik',
    ['M.07', 'M.05'],
    16,
    'NKL07',
    'Tatap Muka',
    BKPSDM,
    20,
    2_500_000,
  ),
];

/** Training titles found in history besides the catalogue (webinars, e-learning, bimtek). */
export const HISTORY_EXTRA: readonly { judul: string; jp: readonly number[]; bentuk: string }[] = [
  { judul: 'Webinar ASN Belajar', jp: [2, 3], bentuk: 'KL06' },
  { judul: 'Seminar Reformasi Birokrasi', jp: [4], bentuk: 'KL06' },
  { judul: 'Bimbingan Teknis Penyusunan SKP', jp: [6, 8], bentuk: 'KL10' },
  { judul: 'Sosialisasi Aplikasi SIASN', jp: [4], bentuk: 'KL11' },
  { judul: 'E-Learning Manajemen ASN', jp: [5, 10], bentuk: 'NKL03' },
  { judul: 'Belajar Mandiri: Etika Publik', jp: [4, 6], bentuk: 'NKL09' },
  { judul: 'Coaching Klinik Kinerja', jp: [2, 4], bentuk: 'NKL01' },
  { judul: 'Workshop Penyusunan Laporan Kinerja', jp: [8, 12], bentuk: 'KL07' },
  { judul: 'Pelatihan Jarak Jauh Kesehatan dan Keselamatan Kerja', jp: [12, 16], bentuk: 'NKL04' },
];

/** SKM service units: quality sets the mean answer (about 2.7 … 3.6). */
export const SKM_UNITS: readonly { unit: string; opd: string; quality: number }[] = [
  {
    unit: 'Dinas Kependudukan dan Pencatatan Sipil',
    opd: 'Dinas Kependudukan dan Pencatatan Sipil',
    quality: 3.6,
  },
  { unit: 'RSUD Sawahlunto', opd: 'RSUD Sawahlunto', quality: 3.1 },
  {
    unit: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu',
    opd: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu',
    quality: 3.75,
  },
  ...PUSKESMAS.map((p, i) => ({
    unit: p,
    opd: 'Dinas Kesehatan',
    quality: [3.25, 3.0, 2.95, 3.35, 3.15, 2.75][i] ?? 3,
  })),
  { unit: 'Dinas Sosial', opd: 'Dinas Sosial', quality: 3.05 },
  { unit: 'Dinas Perhubungan', opd: 'Dinas Perhubungan', quality: 2.8 },
  { unit: 'Kecamatan Lembah Segar', opd: 'Kecamatan Lembah Segar', quality: 3.2 },
  { unit: 'Kecamatan Talawi', opd: 'Kecamatan Talawi', quality: 3.0 },
  { unit: 'Dinas Perpustakaan dan Kearsipan', opd: 'Dinas Perpustakaan dan Kearsipan', quality: 3.4 },
];

/** Cuti bersama (SKB 3 Menteri, plausible dates) the national calendar lacks. */
export const CUTI_BERSAMA: readonly [string, string][] = [
  ['2026-02-16', 'Cuti bersama Tahun Baru Imlek'],
  ['2026-03-18', 'Cuti bersama Hari Suci Nyepi'],
  ['2026-03-19', 'Cuti bersama Idulfitri 1447 H'],
  ['2026-03-23', 'Cuti bersama Idulfitri 1447 H'],
  ['2026-03-24', 'Cuti bersama Idulfitri 1447 H'],
  ['2026-05-15', 'Cuti bersama Kenaikan Yesus Kristus'],
  ['2026-05-28', 'Cuti bersama Iduladha 1447 H'],
  ['2026-12-24', 'Cuti bersama Hari Raya Natal'],
  ['2027-03-08', 'Cuti bersama Idulfitri 1448 H'],
  ['2027-03-09', 'Cuti bersama Idulfitri 1448 H'],
  ['2027-03-12', 'Cuti bersama Idulfitri 1448 H'],
  ['2027-05-17', 'Cuti bersama Iduladha 1448 H'],
  ['2027-12-24', 'Cuti bersama Hari Raya Natal'],
];

export const ROOMS: readonly [string, number][] = [
  ['Aula BKPSDM', 40],
  ['Ruang Rapat Bappeda', 25],
  ['Laboratorium Komputer Diskominfo', 20],
  ['Aula Gedung Pusat Kebudayaan', 120],
  ['Ruang Diklat RSUD Sawahlunto', 30],
];
