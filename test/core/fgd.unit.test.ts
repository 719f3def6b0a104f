/**
 * FGD (docs/rumus.md, FGD): ranks from Peringkat or votes, the latest FGD per OPD, the priority
 * factor, the plan's Justifikasi, and the Diskusi Kelompok sheet's rules.
 */
import {
  buildDevelopmentPlan,
  computeGaps,
  type FgdLine,
  fgdFactor,
  fgdRanks,
  fgdTopTopics,
  planSchedule,
  validateRows,
} from '@bangkom/core';
import { assessment, employee, programData, standards } from './builders';
import { generateInstance } from './schedule-fixtures';

const line = (over: Partial<FgdLine>): FgdLine => ({
  row: 2,
  tanggal: '2026-10-14',
  opd: 'Dinas Sosial',
  ...over,
});

describe('fgdRanks', () => {
  it('ranks by Peringkat, else by votes within the same FGD, and keeps the latest FGD per OPD', () => {
    const ranks = fgdRanks([
      line({ kode: 'M.01', suara: 12 }),
      line({ kode: 'M.05', suara: 20 }),
      line({ kode: 'M.03', suara: 12 }),
      line({ kode: 'M.02', peringkat: 2, suara: 40 }), // a rank given beats the votes
      line({ topik: 'Aplikasi SRIKANDI', suara: 30 }), // a free topic without code ranks nothing
      line({ opd: 'dinas  sosial', tanggal: '2025-10-01', kode: 'M.05', peringkat: 3 }), // older
      line({ opd: 'Bappeda', kode: 'M.08' }), // neither rank nor votes
    ]);
    const sosial = ranks.get('dinas sosial');
    expect([...(sosial?.entries() ?? [])].map(([k, r]) => [k, r.peringkat, r.tanggal])).toEqual([
      ['M.01', 3, '2026-10-14'],
      ['M.05', 2, '2026-10-14'],
      ['M.03', 3, '2026-10-14'],
      ['M.02', 2, '2026-10-14'],
    ]);
    expect(ranks.get('bappeda')).toBeUndefined();
  });

  it('turns ranks 1–3 into a factor set by Bobot FGD', () => {
    const r = (peringkat: number) => ({ opd: 'X', tanggal: '2026-10-14', peringkat });
    expect(fgdFactor(r(1), {})).toBe(1.5);
    expect(fgdFactor(r(3), {})).toBeCloseTo(1 + 0.5 / 3, 12);
    expect(fgdFactor(r(4), {})).toBe(1);
    expect(fgdFactor(undefined, {})).toBe(1);
    expect(fgdFactor(r(1), { bobotFgd: 0 })).toBe(1);
    expect(fgdFactor(r(1), { bobotFgd: 1.5 })).toBe(2.5);
  });

  it('lists the top topics of each OPD latest FGD, codes and free topics alike', () => {
    const top = fgdTopTopics([
      line({ tanggal: '2025-10-01', kode: 'M.08', peringkat: 1 }),
      line({ kode: 'M.05', peringkat: 2 }),
      line({ topik: 'Aplikasi SRIKANDI', peringkat: 1 }),
      line({ kode: 'M.01', peringkat: 4 }),
    ]);
    expect(top.get('Dinas Sosial')).toEqual([
      { topik: 'Aplikasi SRIKANDI', peringkat: 1, tanggal: '2026-10-14' },
      { kode: 'M.05', peringkat: 2, tanggal: '2026-10-14' },
      { kode: 'M.01', peringkat: 4, tanggal: '2026-10-14' },
    ]);
  });
});

describe('FGD in the gaps and the plan', () => {
  it('raises the priority of the OPD that ranked the competency, and only there', () => {
    const sosial = employee({ opd: 'Dinas Sosial', jabatan: 'Analis' });
    const bappeda = employee({ opd: 'Bappeda', jabatan: 'Analis' });
    const data = programData({
      employees: [sosial, bappeda],
      standards: standards('Analis', { 'M.05': 4 }, 2),
      assessments: [sosial, bappeda].map((e) => assessment(e.nip, 'Asesmen', { 'M.05': 2 })),
    });
    data.fgd = [line({ kode: 'M.05', peringkat: 1 })];
    const gaps = computeGaps(data);
    const of = (nip: string) => gaps.employees.find((e) => e.nip === nip)?.competencies[0];
    // gap 2 × Bobot 2 × 1,5
    expect(of(sosial.nip)).toMatchObject({ gap: 2, prioritas: 6, fgdPeringkat: 1 });
    expect(of(bappeda.nip)).toMatchObject({ gap: 2, prioritas: 4 });
    expect(of(bappeda.nip)?.fgdPeringkat).toBeUndefined();
  });

  it('says in Justifikasi which FGD raised a course', () => {
    const inst = generateInstance({ seed: 5, asn: 80, courses: 8, opds: 3, rooms: 2 });
    const report = planSchedule(inst.data, inst.gaps, { holidays: inst.holidays });
    const session = report.sessions[0];
    const course = inst.data.courses.find((c) => c.kode === session?.kode);
    const nip = session?.peserta[0] ?? '';
    const participant = inst.gaps.employees.find((e) => e.nip === nip);
    const kode = participant?.competencies.find(
      (c) => (c.gap ?? 0) > 0 && course?.kompetensi.includes(c.kode),
    )?.kode;
    expect(kode).toBeDefined();
    const before = buildDevelopmentPlan(report, inst.data, inst.gaps).find((r) => r.kode === session?.kode);
    expect(before?.justifikasi).toBe('-');
    inst.data.fgd = [line({ opd: participant?.opd ?? '', kode: kode ?? '', peringkat: 1 })];
    const after = buildDevelopmentPlan(report, inst.data, inst.gaps).find((r) => r.kode === session?.kode);
    expect(after?.justifikasi).toBe(`FGD ${participant?.opd} 14/10/2026: peringkat 1 (${kode})`);
  });
});

describe('Diskusi Kelompok', () => {
  const header = ['Tanggal', 'OPD', 'Kode Kompetensi', 'Topik', 'Peringkat', 'Suara'];
  it('needs a code or a topic, a code from the dictionary, and one line per competency of an FGD', () => {
    const r = validateRows('Diskusi Kelompok', [
      header,
      ['14/10/2026', 'Dinas Sosial', 'M.05', '', 1, ''],
      ['14/10/2026', 'Dinas Sosial', '', 'Aplikasi SRIKANDI', '', 9],
      ['14/10/2026', 'Dinas Sosial', '', '', 2, ''],
      ['14/10/2026', 'Dinas Sosial', 'M.99', '', 3, ''],
      ['14/10/2026', 'dinas sosial', 'm.05', '', 4, ''],
      ['14/10/2026', 'Dinas Sosial', '', 'Aplikasi SRIKANDI', 0, ''],
    ]);
    expect(r.records.map((f) => [f.row, f.kode, f.topik, f.peringkat, f.suara])).toEqual([
      [2, 'M.05', undefined, 1, undefined],
      [3, undefined, 'Aplikasi SRIKANDI', undefined, 9],
    ]);
    expect(r.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [4, '', 'Isi Kode Kompetensi atau Topik: baris FGD tanpa kompetensi maupun topik'],
      [5, 'Kode Kompetensi', 'Kode Kompetensi "M.99" tidak ada di Kamus Kompetensi'],
      [6, 'Kode Kompetensi', 'Baris FGD (Tanggal, OPD, Kode Kompetensi/Topik) ganda: sudah ada di baris 2'],
      [7, 'Peringkat', 'Peringkat harus bilangan bulat ≥ 1'],
      [7, 'Topik', 'Baris FGD (Tanggal, OPD, Kode Kompetensi/Topik) ganda: sudah ada di baris 3'],
    ]);
  });
});
