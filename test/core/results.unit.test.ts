import {
  computeIkm,
  elementsOf,
  krejcieMorgan,
  periodeRange,
  serviceResults,
  validateWorkbook,
} from '@bangkom/core';
import { course, employee, programData, skm, training } from './builders';

describe('L4 helpers', () => {
  it('Krejcie-Morgan: the table the regulation guidance prints', () => {
    expect([10, 100, 1000, 10_000, 1_000_000].map(krejcieMorgan)).toEqual([10, 80, 278, 370, 384]);
  });

  it('maps a competency to the SKM elements its training targets, by name', () => {
    expect(elementsOf('Pelayanan Publik')).toEqual([1, 2, 6, 7]);
    expect(elementsOf('Komunikasi')).toEqual([6, 7]);
    expect(elementsOf('Pelayanan Administrasi Kependudukan')).toEqual([0, 1, 2, 4]);
    // anything else: U6 Kompetensi pelaksana
    expect(elementsOf('Pengelolaan Keuangan Daerah')).toEqual([5]);
  });

  it('reads semesters, quarters and years as dates; refuses what it cannot read', () => {
    expect(periodeRange('2026-S1')).toEqual({ start: '2026-01-01', end: '2026-06-30' });
    expect(periodeRange('Semester II 2025')).toEqual({ start: '2025-07-01', end: '2025-12-31' });
    expect(periodeRange('Triwulan 2 2026')).toEqual({ start: '2026-04-01', end: '2026-06-30' });
    expect(periodeRange('2027')).toEqual({ start: '2027-01-01', end: '2027-12-31' });
    expect(periodeRange('Gelombang A')).toBeNull();
    expect(periodeRange('2026 pekan 3')).toBeNull();
  });

  it('Populasi is an optional SKM column, kept per unit and period', () => {
    const r = validateWorkbook({
      SKM: [
        ['Unit Layanan', 'Periode', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9', 'Populasi'],
        ['Dinas Sosial', '2026-S1', 3, 3, 3, 3, 3, 3, 3, 3, 3, 120],
        ['Dinas Sosial', '2026-S1', 4, 4, 4, 4, 4, 4, 4, 4, 4, null],
      ],
    });
    expect(r.errors.filter((e) => e.sheet === 'SKM')).toEqual([]);
    expect(computeIkm(r.data.skm).units[0]?.populasi).toBe(120);
  });
});

describe('serviceResults', () => {
  const a = employee({ opd: 'Dinas Sosial' });
  const b = employee({ opd: 'Dinas Sosial' });
  const c = employee({ opd: 'Dinas Sosial' });
  const d = employee({ opd: 'Dinas Sosial' });
  // before: every element 3; after: U2, U3, U7, U8 at 4 (what service training targets), others 3
  const after = [3, 4, 4, 3, 3, 3, 4, 4, 3];
  const data = programData({
    employees: [a, b, c, d],
    courses: [course('PLT-01', { judul: 'Pelayanan Prima', kompetensi: ['M.05'] })],
    trainings: [
      training(a.nip, 24, '2026-02-10', { namaPelatihan: 'Pelayanan Prima' }),
      // before the first period ended: not in between
      training(b.nip, 24, '2025-11-10', { namaPelatihan: 'Pelayanan Prima' }),
    ],
  });

  it('IKM before and after, the share trained in between, the targeted elements against the others', () => {
    const units = computeIkm([
      ...Array.from({ length: 5 }, () => skm('Dinas Sosial', '2025-S2', 3, { populasi: 40 })),
      ...Array.from({ length: 5 }, () => skm('Dinas Sosial', '2026-S1', after)),
    ]).units;
    const [r] = serviceResults({ data, units });
    expect(r).toMatchObject({
      unit: 'Dinas Sosial',
      opd: 'Dinas Sosial',
      periodeSebelum: '2025-S2',
      ikmSebelum: 75,
      periodeSesudah: '2026-S1',
      asnOpd: 4,
      asnDilatih: 1,
      // M.05 -> U2, U3, U7, U8: the three with the most trainees (a tie: the lowest first)
      unsurSasaran: [2, 3, 7],
      perubahanSasaran: 1,
      perubahanLain: 1 / 6,
    });
    expect(r?.ikmSesudah).toBeCloseTo(((4 * 4 + 5 * 3) / 9) * 25, 10);
    // 5 respondents of a population of 40 need 36 (Krejcie-Morgan); the later period has no Populasi
    expect(r?.catatan).toEqual([
      'sebelum 2025-S2: 5 responden, kurang dari sampel minimum 36 untuk populasi 40 (Krejcie-Morgan)',
      'Populasi belum diisi di SKM: kecukupan sampel tidak dapat diperiksa (populasi besar: minimal 384 responden)',
    ]);
  });

  it('says so when there is one period only, or no OPD matches', () => {
    const units = computeIkm([skm('Kantor Pos', '2026-S1', 3, { populasi: 1 })]).units;
    const [r] = serviceResults({ data, units });
    expect(r?.periodeSebelum).toBeNull();
    expect(r?.catatan).toEqual([
      'baru satu periode SKM: belum ada pembanding',
      'unit tidak cocok dengan OPD mana pun (isi kolom OPD di SKM)',
    ]);
  });
});
