import { SIASN_FIELDS, siasnExport, siasnRowSchema } from '@bangkom/core';
import { course, employee, programData, settings, training } from './builders';

describe('SIASN export (riwayat kursus)', () => {
  const [a, b] = [employee(), employee()];
  const katalog = [
    course('PLT-001', { judul: 'Bimtek Arsip', bentuk: 'KL10', penyelenggara: 'BKPSDM Kota Sawahlunto' }),
    course('PLT-002', { judul: 'Workshop SAKIP', bentuk: 'KL07', penyelenggara: 'BPSDM Sumbar' }),
    course('PLT-003', { judul: 'Diklat Khusus', bentuk: 'KL03', kodeSiasn: 2, jenisSertifikat: 'P' }),
  ];
  const data = programData({
    employees: [a, b],
    courses: katalog,
    settings: settings({ instansiSiasn: 'INST-1', lokasiSiasn: 'LOK-9' }),
    trainings: [
      training(a.nip, 16, '2026-03-02', {
        row: 2,
        namaPelatihan: 'Bimtek Arsip',
        selesai: '2026-03-03',
        nomorSertifikat: 'PLT-001/2026/0001',
      }),
      training(a.nip, 12, '2026-05-04', { row: 3, namaPelatihan: 'Workshop SAKIP', nomorSertifikat: 'W-7' }),
      training(b.nip, 30, '2026-06-01', {
        row: 4,
        namaPelatihan: 'Diklat Khusus',
        nomorSertifikat: 'DK-1',
        penyelenggara: 'LAN',
      }),
      // left out, each for its reason
      training(b.nip, 8, '2026-07-01', {
        row: 5,
        namaPelatihan: 'Tanpa Bentuk',
        nomorSertifikat: 'X-1',
        penyelenggara: 'X',
      }),
      training(b.nip, 8, '2026-07-02', { row: 6, namaPelatihan: 'Bimtek Arsip' }),
      training(b.nip, 1.5, '2026-07-03', { row: 7, namaPelatihan: 'Bimtek Arsip', nomorSertifikat: 'Y' }),
      training(b.nip, 8, '2026-12-30', {
        row: 8,
        namaPelatihan: 'Bimtek Arsip',
        selesai: '2027-01-02',
        nomorSertifikat: 'Z',
      }),
      // another year, and one exported before
      training(a.nip, 8, '2025-03-02', { row: 9, namaPelatihan: 'Bimtek Arsip', nomorSertifikat: 'Q' }),
      training(b.nip, 8, '2026-02-02', {
        row: 10,
        namaPelatihan: 'Bimtek Arsip',
        nomorSertifikat: 'R',
        dieksporSiasn: '2026-03-01',
      }),
    ],
  });

  it('writes the fields of the service, every row passing the field rules', () => {
    const out = siasnExport(data, { tahun: 2026 });
    expect(out.rows.map((r) => Object.keys(r))).toEqual(out.rows.map(() => [...SIASN_FIELDS]));
    for (const r of out.rows) expect(siasnRowSchema.safeParse(r).success).toBe(true);
    expect(out.rows[0]).toEqual({
      pnsOrangId: '',
      nipBaru: a.nip,
      instansiId: 'INST-1',
      jenisDiklatId: 8,
      jenisKursus: 'bimbingan teknis',
      jenisKursusSertipikat: 'T',
      namaKursus: 'Bimtek Arsip',
      institusiPenyelenggara: 'BKPSDM Kota Sawahlunto',
      jumlahJam: 16,
      tanggalKursus: '02-03-2026',
      tanggalSelesaiKursus: '03-03-2026',
      tahunKursus: 2026,
      nomorSertipikat: 'PLT-001/2026/0001',
      lokasiId: 'LOK-9',
    });
    expect(out.rows.map((r) => [r.jenisDiklatId, r.jenisKursusSertipikat, r.institusiPenyelenggara])).toEqual(
      [
        [8, 'T', 'BKPSDM Kota Sawahlunto'],
        [4, 'P', 'BPSDM Sumbar'],
        [2, 'P', 'LAN'], // the catalogue's Kode SIASN and Jenis Sertifikat win
      ],
    );
    expect(out.sources.map((t) => t.row)).toEqual([2, 3, 4]);
    expect(out.sudahDiekspor).toBe(1);
    expect(out.tidakDiekspor.map((x) => [x.row, x.alasan])).toEqual([
      [5, 'Bentuk kosong (dan Katalog tidak memberi Kode SIASN): jenisDiklatId tidak dapat ditentukan'],
      [6, 'Nomor Sertifikat kosong'],
      [7, 'JP 1,5 bukan bilangan bulat 1 atau lebih (jumlahJam SIASN)'],
      [8, 'tanggal 30-12-2026 s.d. 02-01-2027 di luar tahun 2026'],
    ]);
    // --semua writes the row exported before as well
    expect(siasnExport(data, { tahun: 2026, semua: true }).rows).toHaveLength(4);
  });

  it('the field rules catch what the service would refuse', () => {
    const ok = siasnExport(data, { tahun: 2026 }).rows[0];
    const bad = (over: Record<string, unknown>) => siasnRowSchema.safeParse({ ...ok, ...over }).success;
    expect(bad({})).toBe(true);
    expect(bad({ tanggalKursus: '2026-03-02' })).toBe(false);
    expect(bad({ tanggalKursus: '31-02-2026' })).toBe(false);
    expect(bad({ jumlahJam: 1.5 })).toBe(false);
    expect(bad({ tahunKursus: 2025 })).toBe(false);
    expect(bad({ jenisKursusSertipikat: 'X' })).toBe(false);
    expect(bad({ nipBaru: '123' })).toBe(false);
    expect(bad({ ekstra: 1 })).toBe(false);
  });
});
