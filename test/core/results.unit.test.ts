import {
  computeIkm,
  elementsOf,
  krejcieMorgan,
  type ProgramData,
  periodeRange,
  serviceResults,
  validateWorkbook,
} from '@bangkom/core';
import { nameKey } from '../../core/src/gaps';
import { comparePeriode } from '../../core/src/ikm';
import type { IkmUnit } from '../../core/src/reports';
import { course, employee, programData, skm, training } from './builders';
import { rng } from './schedule-fixtures';

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

/**
 * One unit's L4 figures read straight off the module comment, one ASN and one training at a
 * time (what serviceResults computes with its groupings and per-title cache).
 */
function resultsByDefinition(data: ProgramData, units: readonly IkmUnit[]) {
  const nama = (kode: string) => data.competencies.find((c) => c.kode === kode)?.nama ?? kode;
  const keys = [...new Set(units.map((u) => nameKey(u.unit)))];
  return keys.map((k) => {
    const list = units
      .filter((u) => nameKey(u.unit) === k)
      .sort((a, b) => comparePeriode(a.periode, b.periode));
    const after = list[list.length - 1] as IkmUnit;
    const before = list.length > 1 ? list[list.length - 2] : undefined;
    const staff = data.employees.filter((e) => nameKey(e.opd) === nameKey(after.opd ?? after.unit));
    const from = before ? periodeRange(before.periode) : null;
    const to = periodeRange(after.periode);
    const trainees = new Array<number>(9).fill(0);
    let trained = 0;
    for (const e of staff) {
      if (!from || !to) break;
      const mine = data.trainings.filter((t) => t.nip === e.nip && t.mulai > from.end && t.mulai <= to.end);
      if (mine.length > 0) trained++;
      for (const t of mine) {
        const c = data.courses.find((x) => nameKey(x.judul) === nameKey(t.namaPelatihan));
        const els = new Set((c?.kompetensi ?? []).flatMap((kode) => [...elementsOf(nama(kode))]));
        for (const i of els) trainees[i] = (trainees[i] ?? 0) + 1;
      }
    }
    const ranked = [0, 1, 2, 3, 4, 5, 6, 7, 8].filter((i) => (trainees[i] ?? 0) > 0);
    ranked.sort((a, b) => (trainees[b] ?? 0) - (trainees[a] ?? 0) || a - b);
    const unsur = ranked.slice(0, 3).sort((a, b) => a - b);
    const mean = (els: number[]) => {
      const d: number[] = [];
      for (const i of els) {
        const [a, b] = [after.nrr[i], before?.nrr[i]];
        if (a !== null && a !== undefined && b !== null && b !== undefined) d.push(a - b);
      }
      return d.length > 0 ? d.reduce((x, y) => x + y, 0) / d.length : null;
    };
    const others = [0, 1, 2, 3, 4, 5, 6, 7, 8].filter((i) => !unsur.includes(i));
    return {
      unit: after.unit,
      asnOpd: staff.length,
      asnDilatih: trained,
      unsurSasaran: unsur.map((i) => i + 1),
      perubahanSasaran: before && unsur.length > 0 ? mean(unsur) : null,
      perubahanLain: before && unsur.length > 0 ? mean(others) : null,
    };
  });
}

describe('serviceResults at random', () => {
  it('counts ASN, trainees and targeted elements per unit exactly as the ASN-by-ASN rule does', () => {
    const random = rng(120512);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
    // OPD names typed several ways (they are matched by nameKey)
    const spellings = [
      ['Dinas Sosial', 'dinas  sosial', 'DINAS SOSIAL '],
      ['Dinas Kesehatan', 'Dinas kesehatan'],
      ['Bappeda', 'BAPPEDA'],
    ];
    const employees = Array.from({ length: 300 }, () => employee({ opd: pick(pick(spellings)) }));
    const codes = ['M.01', 'M.03', 'M.05', 'M.07', 'M.08', 'SK.01', 'X.99'];
    const courses = ['A', 'B', 'C', 'D', 'E'].map((k) =>
      course(`PLT-${k}`, { judul: `Kursus ${k}`, kompetensi: codes.filter(() => random() < 0.35) }),
    );
    const titles = [...courses.map((c) => c.judul), 'kursus  a', 'KURSUS C', 'Kursus Luar Katalog'];
    const day = () =>
      `${pick(['2024', '2025', '2026', '2027'])}-${pick(['02', '05', '08', '11'])}-1${pick([0, 5])}`;
    const trainings = employees.flatMap((e) =>
      Array.from({ length: Math.floor(random() * 4) }, () =>
        training(e.nip, 20, day(), { namaPelatihan: pick(titles) }),
      ),
    );
    const data = programData({ employees, courses, trainings });
    const unitOpd: [string, string | undefined][] = [
      ['Dinas Sosial', undefined],
      ['UPT Puskesmas', 'dinas kesehatan'],
      ['Loket Bappeda', 'Bappeda'],
      ['Kantor Pos', undefined],
    ];
    const periods = ['2025-S1', '2025-S2', '2026-S1', 'Triwulan 3 2026', '2027', 'Gelombang A'];
    const answer = () => (random() < 0.1 ? null : 1 + Math.floor(random() * 4));
    const responses = unitOpd.flatMap(([unit, opd]) =>
      periods
        .filter(() => random() < 0.6)
        .flatMap((periode) =>
          Array.from({ length: 2 + Math.floor(random() * 4) }, () =>
            skm(unit, periode, Array.from({ length: 9 }, answer), opd ? { opd } : {}),
          ),
        ),
    );
    const units = computeIkm(responses).units;
    const got = serviceResults({ data, units });
    const want = resultsByDefinition(data, units).sort((a, b) => a.unit.localeCompare(b.unit));
    expect(
      got
        .map(({ unit, asnOpd, asnDilatih, unsurSasaran, perubahanSasaran, perubahanLain }) => ({
          unit,
          asnOpd,
          asnDilatih,
          unsurSasaran,
          perubahanSasaran,
          perubahanLain,
        }))
        .sort((a, b) => a.unit.localeCompare(b.unit)),
    ).toEqual(want);
    // the case is not empty: units with trainees, three targeted elements and an OPD of many spellings
    expect(want.filter((w) => w.asnDilatih > 0 && w.unsurSasaran.length === 3).length).toBeGreaterThan(0);
    expect(want.find((w) => w.unit === 'Dinas Sosial')?.asnOpd).toBe(
      employees.filter((e) => e.opd.trim().toLowerCase().replace(/\s+/g, ' ') === 'dinas sosial').length,
    );
  });
});
