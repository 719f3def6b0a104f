/** `Pengajar.Tidak Tersedia` date ranges (`2027-03-01 s.d. 2027-03-05`) and their quarantine. */
import { type GapsReport, planSchedule, validateWorkbook } from '@bangkom/core';
import { emptyData, nipOf } from './schedule-fixtures';

function pengajar(rows: (string | number)[][]) {
  return validateWorkbook({
    Pegawai: [['NIP', 'Nama', 'Jenis ASN', 'OPD', 'Jabatan']],
    'Standar Kompetensi': [['Jabatan', 'Kode', 'Level']],
    'Riwayat Pelatihan': [['NIP', 'Nama Pelatihan', 'JP', 'Tanggal Mulai']],
    Anggaran: [['OPD', 'Pagu']],
    Pengajar: [['Nama', 'Kode Pelatihan', 'Tidak Tersedia', 'Maks Sesi per Bulan'], ...rows],
  });
}

describe('Tidak Tersedia date ranges', () => {
  it('reads s.d., sampai dengan, hingga and dashes in both date forms, with single dates beside them', () => {
    const r = pengajar([
      ['Bu Ani', 'K1', '2027-03-01 s.d. 2027-03-05', ''],
      ['Pak Budi', 'K1', '30/12/2026 - 02/01/2027, 2027-02-10', ''],
      ['Bu Citra', 'K1', '2027-04-07 sampai dengan 2027-04-08; 2027-04-08 S.D 2027-04-09', ''],
      ['Pak Dodi', 'K1', '2027-05-04-2027-05-05, 06/05/2027–07/05/2027, 2027-05-10 hingga 2027-05-10', ''],
    ]);
    expect(r.errors.filter((e) => e.sheet === 'Pengajar')).toEqual([]);
    expect(r.data.trainers.map((t) => [t.nama, t.tidakTersedia])).toEqual([
      ['Bu Ani', ['2027-03-01', '2027-03-02', '2027-03-03', '2027-03-04', '2027-03-05']],
      ['Pak Budi', ['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-02-10']],
      ['Bu Citra', ['2027-04-07', '2027-04-08', '2027-04-09']],
      ['Pak Dodi', ['2027-05-04', '2027-05-05', '2027-05-06', '2027-05-07', '2027-05-10']],
    ]);
  });

  it('quarantines a range that ends before it starts, one with a bad end, and one over a year, naming each', () => {
    const r = pengajar([
      ['Bu Ani', 'K1', '2027-03-05 s.d. 2027-03-01', ''],
      ['Pak Budi', 'K1', '2027-03-01 s.d. 31/02/2027', ''],
      ['Bu Citra', 'K1', '2027-01-01 s.d. 2028-06-30', ''],
      ['Pak Dodi', 'K1', '2027-03-01 s.d. 2027-03-02', ''],
    ]);
    const bad = r.errors.filter((e) => e.sheet === 'Pengajar');
    expect(bad.map((e) => [e.row, e.column])).toEqual([
      [2, 'Tidak Tersedia'],
      [3, 'Tidak Tersedia'],
      [4, 'Tidak Tersedia'],
    ]);
    expect(bad[0]?.message).toContain('2027-03-05 s.d. 2027-03-01 berakhir sebelum mulai');
    expect(bad[1]?.message).toContain('rentang tidak valid 2027-03-01 s.d. 31/02/2027');
    expect(bad[2]?.message).toContain('lebih dari 366 hari');
    // quarantined rows are not used; the good one is
    expect(r.data.trainers.map((t) => t.nama)).toEqual(['Pak Dodi']);
  });

  it('keeps the trainer off every working day of the range when scheduling', () => {
    // one classroom course, one trainer away the whole of March to November: sessions fall outside
    const data = emptyData(2027);
    data.courses = [
      {
        row: 2,
        kode: 'K1',
        judul: 'Pelatihan K1',
        kompetensi: ['M.01'],
        jp: 8,
        kapasitas: 30,
        biaya: 0,
        hari: 1,
        moda: 'Tatap Muka',
        bentuk: 'KL03',
      },
    ];
    data.budgets = [{ row: 2, opd: 'Dinas A', pagu: 0 }];
    const parsed = pengajar([['Bu Ani', 'K1', '2027-01-01 s.d. 2027-11-30', 2]]);
    data.trainers = parsed.data.trainers;
    const gaps: GapsReport = {
      employees: Array.from({ length: 6 }, (_, i) => ({
        nip: nipOf(i),
        opd: 'Dinas A',
        jabatan: 'Analis',
        competencies: [{ kode: 'M.01', standar: 4, aktual: 2, gap: 2, prioritas: 2, sumber: ['Atasan'] }],
      })),
      opd: [],
    };
    data.employees = gaps.employees.map((e, i) => ({
      row: i + 2,
      nip: e.nip,
      nama: `Pegawai ${i}`,
      jenisAsn: 'PNS' as const,
      opd: 'Dinas A',
      jabatan: 'Analis',
    }));
    const r = planSchedule(data, gaps, { holidays: new Set() });
    expect(r.sessions.length).toBeGreaterThan(0);
    for (const s of r.sessions) {
      expect(s.pengajar).toBe('Bu Ani');
      expect(s.mulai >= '2027-12-01').toBe(true);
    }
  });
});
