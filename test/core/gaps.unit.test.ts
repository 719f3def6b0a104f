import { type CompetencyGap, computeGaps, type EmployeeGaps, nameKey, SUMBER } from '@bangkom/core';
import fc from 'fast-check';
import { assessment, employee, pnsNip, programData, settings, standard, standards } from './builders';

const JAB = 'Analis Kebijakan';

function only(report: ReturnType<typeof computeGaps>, nip: string): EmployeeGaps {
  const e = report.employees.find((x) => x.nip === nip);
  if (!e) throw new Error(`no employee ${nip}`);
  return e;
}

function comp(e: EmployeeGaps, kode: string): CompetencyGap {
  const c = e.competencies.find((x) => x.kode === kode);
  if (!c) throw new Error(`no competency ${kode}`);
  return c;
}

describe('computeGaps: actual level', () => {
  const nip = pnsNip(0);
  const base = (ratings: { Diri?: number; Atasan?: number; Asesmen?: number }, level = 4, bobot = 1) =>
    programData({
      employees: [employee({ nip, jabatan: JAB })],
      standards: [standard(JAB, 'M.01', level, bobot)],
      assessments: Object.entries(ratings).map(([sumber, v]) =>
        assessment(nip, sumber as 'Diri', { 'M.01': v as number }),
      ),
    });

  it('weights all three sources 0.5/0.3/0.2', () => {
    // aktual = 0.5·3 + 0.3·4 + 0.2·5 = 1.5 + 1.2 + 1.0 = 3.7; gap = 4 − 3.7 = 0.3; prioritas = 0.3 · 2 = 0.6
    const c = comp(only(computeGaps(base({ Asesmen: 3, Atasan: 4, Diri: 5 }, 4, 2)), nip), 'M.01');
    expect(c.aktual).toBeCloseTo(3.7, 12);
    expect(c.gap).toBeCloseTo(0.3, 12);
    expect(c.prioritas).toBeCloseTo(0.6, 12);
    expect(c.sumber).toEqual(['Diri', 'Atasan', 'Asesmen']);
  });

  it('renormalises the weights over the sources present (Diri absent)', () => {
    // weights 0.5/0.3 renormalised: 0.5/0.8 = 0.625, 0.3/0.8 = 0.375
    // aktual = 0.625·3 + 0.375·4 = 1.875 + 1.5 = 3.375; gap = 4 − 3.375 = 0.625 (exact binary fractions)
    const c = comp(only(computeGaps(base({ Asesmen: 3, Atasan: 4 })), nip), 'M.01');
    expect(c.aktual).toBe(3.375);
    expect(c.gap).toBe(0.625);
    expect(c.prioritas).toBe(0.625);
    expect(c.sumber).toEqual(['Atasan', 'Asesmen']);
  });

  it('takes a single source as it is, exactly', () => {
    // Atasan alone: weight 0.3/0.3 = 1; aktual = 3 exactly (0.3·3/0.3 in floats would not be)
    const c = comp(only(computeGaps(base({ Atasan: 3 }, 5)), nip), 'M.01');
    expect(c.aktual).toBe(3);
    expect(c.gap).toBe(2);
    expect(c.sumber).toEqual(['Atasan']);
  });

  it('gives an exact integer when the weighted mean is mathematically one', () => {
    // 0.2·2 + 0.3·2 + 0.5·4 = 0.4 + 0.6 + 2.0 = 3 -> gap against standard 3 is exactly 0
    const c = comp(only(computeGaps(base({ Diri: 2, Atasan: 2, Asesmen: 4 }, 3)), nip), 'M.01');
    expect(c.aktual).toBe(3);
    expect(c.gap).toBe(0);
    expect(c.prioritas).toBe(0);
  });

  it('reports an unrated competency as unknown, never 0', () => {
    const c = comp(only(computeGaps(base({})), nip), 'M.01');
    expect(c).toEqual({ kode: 'M.01', standar: 4, aktual: null, gap: null, prioritas: null, sumber: [] });
  });

  it('clips a level above the standard to gap 0', () => {
    const c = comp(only(computeGaps(base({ Asesmen: 5 }, 3)), nip), 'M.01');
    expect(c.aktual).toBe(5);
    expect(c.gap).toBe(0);
  });

  it('ignores a source whose weight is 0 (switched off in Pengaturan)', () => {
    const data = base({ Diri: 5, Asesmen: 2 });
    data.settings = settings({ bobot: { Asesmen: 0.5, Atasan: 0.3, Diri: 0 } });
    const c = comp(only(computeGaps(data), nip), 'M.01');
    expect(c.aktual).toBe(2);
    expect(c.sumber).toEqual(['Asesmen']);
    // and a competency rated only by a switched-off source stays unknown
    const data2 = base({ Diri: 5 });
    data2.settings = data.settings;
    expect(comp(only(computeGaps(data2), nip), 'M.01').gap).toBeNull();
  });

  it('uses custom weights from Pengaturan', () => {
    // weights Asesmen 0.6, Atasan 0.4: aktual = (0.6·2 + 0.4·4)/1.0 = 1.2 + 1.6 = 2.8
    const data = base({ Asesmen: 2, Atasan: 4 });
    data.settings = settings({ bobot: { Asesmen: 0.6, Atasan: 0.4, Diri: 0 } });
    expect(comp(only(computeGaps(data), nip), 'M.01').aktual).toBe(2.8);
  });

  it('keeps the later response when two rows share (NIP, Sumber)', () => {
    const data = base({});
    data.assessments = [
      assessment(nip, 'Asesmen', { 'M.01': 4 }, { waktu: '2026-03-02T10:00:00', row: 2 }),
      assessment(nip, 'Asesmen', { 'M.01': 2 }, { waktu: '2026-03-01T10:00:00', row: 3 }),
    ];
    expect(comp(only(computeGaps(data), nip), 'M.01').aktual).toBe(4);
  });
});

describe('computeGaps: employees and standards', () => {
  it('lists competencies of the jabatan in dictionary order and ignores ratings without a standard', () => {
    const nip = pnsNip(1);
    const data = programData({
      employees: [employee({ nip, jabatan: JAB })],
      standards: standards(JAB, { 'SK.01': 3, 'M.03': 3, 'M.01': 4 }),
      assessments: [assessment(nip, 'Asesmen', { 'M.01': 4, 'M.02': 1, 'SK.01': 2 })],
    });
    const e = only(computeGaps(data), nip);
    expect(e.competencies.map((c) => c.kode)).toEqual(['M.01', 'M.03', 'SK.01']);
    expect(e.competencies.map((c) => c.gap)).toEqual([0, null, 1]);
    expect(e.tanpaStandar).toBeUndefined();
  });

  it('matches Jabatan ignoring case and spacing', () => {
    const nip = pnsNip(2);
    const data = programData({
      employees: [employee({ nip, jabatan: '  analis   KEBIJAKAN ' })],
      standards: [standard(JAB, 'M.01', 3)],
      assessments: [assessment(nip, 'Atasan', { 'M.01': 1 })],
    });
    expect(only(computeGaps(data), nip).competencies[0]?.gap).toBe(2);
  });

  it('still lists an employee whose jabatan has no standard, flagged', () => {
    const nip = pnsNip(3);
    const data = programData({
      employees: [employee({ nip, jabatan: 'Pranata Komputer', opd: 'Dinas Kesehatan' })],
      standards: [standard(JAB, 'M.01', 3)],
      assessments: [assessment(nip, 'Diri', { 'M.01': 1 })],
    });
    const report = computeGaps(data);
    expect(only(report, nip)).toEqual({
      nip,
      opd: 'Dinas Kesehatan',
      jabatan: 'Pranata Komputer',
      competencies: [],
      tanpaStandar: true,
    });
    expect(report.jabatanTanpaStandar).toEqual(['Pranata Komputer']);
    expect(report.opd).toEqual([
      { opd: 'Dinas Kesehatan', pegawai: 1, dinilai: 0, rataGap: null, kompetensi: [], tanpaStandar: 1 },
    ]);
  });

  it('orders employees by NIP whatever the input order', () => {
    const nips = [pnsNip(30), pnsNip(10), pnsNip(20)];
    const data = programData({ employees: nips.map((nip) => employee({ nip })) });
    expect(computeGaps(data).employees.map((e) => e.nip)).toEqual([...nips].sort());
  });

  it('counts a repeated NIP once (the first row stands)', () => {
    const nip = pnsNip(40);
    const data = programData({
      employees: [employee({ nip, opd: 'A' }), employee({ nip, opd: 'B' })],
    });
    const report = computeGaps(data);
    expect(report.employees).toHaveLength(1);
    expect(report.employees[0]?.opd).toBe('A');
  });
});

describe('computeGaps: per OPD', () => {
  // Dinas Kesehatan: e1 gaps M.01 = 2, M.02 = 0; e2 gaps M.01 = 1, M.02 unknown; e3 nothing rated.
  // rataGap = (2 + 0 + 1) / 3 = 1; dinilai = 2 (e1, e2); kompetensi M.01 = (2+1)/2 = 1.5, M.02 = 0/1 = 0.
  const [n1, n2, n3, n4] = [pnsNip(100), pnsNip(101), pnsNip(102), pnsNip(103)];
  const data = programData({
    employees: [
      employee({ nip: n1, opd: 'Dinas Kesehatan' }),
      employee({ nip: n2, opd: 'dinas kesehatan ' }),
      employee({ nip: n3, opd: 'Dinas Kesehatan' }),
      employee({ nip: n4, opd: 'Badan Kepegawaian dan Pengembangan SDM' }),
    ],
    standards: standards(JAB, { 'M.01': 4, 'M.02': 3 }),
    assessments: [
      assessment(n1, 'Asesmen', { 'M.01': 2, 'M.02': 3 }),
      assessment(n2, 'Atasan', { 'M.01': 3 }),
      assessment(n4, 'Diri', { 'M.02': 1 }),
    ],
  });
  const report = computeGaps(data);

  it('sorts OPDs by name and groups spellings together', () => {
    expect(report.opd.map((o) => o.opd)).toEqual([
      'Badan Kepegawaian dan Pengembangan SDM',
      'Dinas Kesehatan',
    ]);
    expect(report.employees.find((e) => e.nip === n2)?.opd).toBe('Dinas Kesehatan');
  });

  it('counts pegawai, dinilai and the mean over known gaps', () => {
    const dinkes = report.opd[1];
    expect(dinkes).toMatchObject({ pegawai: 3, dinilai: 2, rataGap: 1, tanpaStandar: 0 });
    expect(dinkes?.kompetensi).toEqual([
      { kode: 'M.01', rataGap: 1.5, dinilai: 2 },
      { kode: 'M.02', rataGap: 0, dinilai: 1 },
    ]);
    expect(report.opd[0]).toMatchObject({ pegawai: 1, dinilai: 1, rataGap: 2 });
  });

  it('sorts competencies of an OPD by mean gap, then dictionary order', () => {
    const nip = pnsNip(200);
    const d = programData({
      employees: [employee({ nip })],
      standards: standards(JAB, { 'SK.01': 3, 'M.02': 3, 'M.01': 3 }),
      assessments: [assessment(nip, 'Asesmen', { 'M.01': 2, 'M.02': 1, 'SK.01': 1 })],
    });
    expect(computeGaps(d).opd[0]?.kompetensi.map((k) => k.kode)).toEqual(['M.02', 'SK.01', 'M.01']);
  });
});

describe('computeGaps: properties', () => {
  const level = fc.integer({ min: 1, max: 5 });
  const maybe = fc.option(level, { nil: undefined });
  const weight = fc.double({ min: 0, max: 1, noNaN: true });

  it('gap is never negative, never above standar − 1, and unknown exactly when nothing rated it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ std: level, diri: maybe, atasan: maybe, asesmen: maybe }), {
          minLength: 1,
          maxLength: 9,
        }),
        fc.record({ Diri: weight, Atasan: weight, Asesmen: weight }),
        (cells, bobot) => {
          const nip = pnsNip(7);
          const kodes = cells.map((_, i) => `T.${String(i + 1).padStart(2, '0')}`);
          const ratings = (pick: (c: (typeof cells)[number]) => number | undefined) =>
            Object.fromEntries(
              cells.flatMap((c, i) => (pick(c) === undefined ? [] : [[kodes[i], pick(c) as number]])),
            );
          const data = programData({
            employees: [employee({ nip })],
            standards: cells.map((c, i) => standard(JAB, kodes[i] as string, c.std)),
            assessments: [
              assessment(
                nip,
                'Diri',
                ratings((c) => c.diri),
              ),
              assessment(
                nip,
                'Atasan',
                ratings((c) => c.atasan),
              ),
              assessment(
                nip,
                'Asesmen',
                ratings((c) => c.asesmen),
              ),
            ],
            settings: settings({ bobot }),
          });
          const e = computeGaps(data).employees[0] as EmployeeGaps;
          e.competencies.forEach((c, i) => {
            const cell = cells[i] as (typeof cells)[number];
            const present = SUMBER.filter((s) => {
              const v = s === 'Diri' ? cell.diri : s === 'Atasan' ? cell.atasan : cell.asesmen;
              return v !== undefined && Math.round(bobot[s] * 1e6) > 0;
            });
            expect(c.sumber).toEqual(present);
            if (present.length === 0) {
              expect(c.gap).toBeNull();
              return;
            }
            const gap = c.gap as number;
            expect(gap).toBeGreaterThanOrEqual(0);
            expect(gap).toBeLessThanOrEqual(c.standar - 1 + 1e-9);
            expect(c.aktual as number).toBeGreaterThanOrEqual(1 - 1e-9);
            expect(c.aktual as number).toBeLessThanOrEqual(5 + 1e-9);
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('nameKey folds case and spacing only', () => {
    expect(nameKey('  Dinas   Kesehatan ')).toBe(nameKey('dinas kesehatan'));
    expect(nameKey('Dinas Kesehatan')).not.toBe(nameKey('Dinas Kesehatan 2'));
  });
});
