/** Shared fixture of the sheet-rows tests: a small workbook that passes every rule. */
import { type CellError, type RawWorkbook, SHEET_SPECS } from '@bangkom/core';

export const ANI = '198501012010011001'; // PNS
export const BUDI = '199001012023212001'; // PPPK
export const CICI = '198807152012032002'; // PNS, woman

/** A small workbook that passes every rule. */
export function base(): RawWorkbook {
  return {
    Pegawai: [
      ['NIP', 'Nama', 'Jenis ASN', 'OPD', 'Jabatan', 'Jenis Jabatan', 'Email', 'NIP Atasan'],
      [
        ANI,
        'Ani',
        'PNS',
        'Dinas Kesehatan',
        'Analis Kebijakan',
        'Fungsional',
        'ani@sawahluntokota.go.id',
        CICI,
      ],
      [BUDI, 'Budi', 'PPPK', 'Dinas Kesehatan', 'Pengadministrasi', 'Pelaksana', '', ANI],
      [CICI, 'Cici', 'PNS', 'Bappeda', 'Analis Kebijakan', '', '', ''],
    ],
    'Standar Kompetensi': [
      ['Jabatan', 'Kode Kompetensi', 'Level Standar', 'Bobot'],
      ['Analis Kebijakan', 'M.01', 3, 2],
      ['Analis Kebijakan', 'M.02', 3, ''],
      ['Pengadministrasi', 'M.01', 2, 1],
    ],
    Penilaian: [
      ['NIP', 'Sumber', 'ID Respons', 'Waktu', 'NIP Penilai', 'M.01 Integritas', 'M.02 Kerjasama'],
      [ANI, 'Diri', 'r1', '2026-02-01 08:00:00', '', 3, 2],
      [ANI, 'Atasan', 'r2', '2026-02-02 08:00:00', CICI, 2, 2],
      [BUDI, 'Asesmen', 'r3', '2026-02-03 08:00:00', '', 2, ''],
    ],
    'Riwayat Pelatihan': [
      ['NIP', 'Nama Pelatihan', 'JP', 'Tanggal Mulai', 'Tanggal Selesai', 'Bentuk', 'Nomor Sertifikat'],
      [ANI, 'Pelatihan Integritas', 24, '2026-03-02', '2026-03-04', 'KL01', 'STTPP-1'],
      [BUDI, 'Webinar Pelayanan', '2', '15/04/2026', '', 'NKL05', ''],
    ],
    'Katalog Pelatihan': [
      [
        'Kode',
        'Judul',
        'Kompetensi',
        'JP',
        'Kapasitas',
        'Biaya per Peserta',
        'Bentuk',
        'Hari',
        'Penyelenggara',
        'Moda',
      ],
      ['PK-01', 'Integritas ASN', 'M.01', 24, 30, 'Rp 1.500.000', 'KL01', 3, 'BPSDM Sumbar', 'Tatap Muka'],
      ['PK-02', 'Kerja Sama Tim', 'M.02, M.03', 16, 40, 0, '', '', '', 'Daring'],
    ],
    Anggaran: [
      ['OPD', 'Pagu'],
      ['Dinas Kesehatan', '150.000.000'],
      ['Bappeda', 90000000],
    ],
  };
}

export const only = (errors: CellError[]) =>
  errors.map(({ sheet, row, column, message }) => ({ sheet, row, column, message }));
export const specOf = (name: string) => {
  const s = SHEET_SPECS.find((x) => x.name === name);
  if (!s) throw new Error(name);
  return s;
};
