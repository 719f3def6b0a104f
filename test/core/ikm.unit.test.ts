import { comparePeriode, computeIkm, mutuOf, type SkmResponse } from '@bangkom/core';
import fc from 'fast-check';
import { skm } from './builders';

/**
 * n respondents answering all nine elements so that the answers add up to `total`:
 * every cell starts at `base` and the first (total − 9·n·base) cells, row by row, get one more.
 */
function respondents(
  n: number,
  total: number,
  base: number,
  unit = 'Puskesmas',
  periode = '2026-S1',
): SkmResponse[] {
  let extra = total - 9 * n * base;
  if (extra < 0 || extra > 9 * n) throw new Error('total out of reach');
  return Array.from({ length: n }, (_, r) =>
    skm(
      unit,
      periode,
      Array.from({ length: 9 }, () => (extra-- > 0 ? base + 1 : base)),
      { row: r + 2 },
    ),
  );
}

describe('computeIkm (PermenPAN-RB 14/2017)', () => {
  it('works a small unit by hand', () => {
    // 4 respondents. Per element sums: U1 = 4+3+4+3 = 14 -> NRR 3.5; U2..U9 all 3 -> NRR 3.
    // IKM = (3.5 + 8·3)/9 = 27.5/9 = 3.0555…; konversi = 76.3888… -> C (65.00 ≤ x < 76.61), Kurang Baik
    const rows = [4, 3, 4, 3].map((u1, i) =>
      skm('Dinas Kependudukan', '2026-S1', [u1, 3, 3, 3, 3, 3, 3, 3, 3], { row: i + 2 }),
    );
    const [u] = computeIkm(rows).units;
    expect(u).toEqual({
      unit: 'Dinas Kependudukan',
      periode: '2026-S1',
      responden: 4,
      nrr: [3.5, 3, 3, 3, 3, 3, 3, 3, 3],
      ikm: 27.5 / 9,
      konversi: (27.5 / 9) * 25,
      mutu: 'C',
      kinerja: 'Kurang Baik',
      unsurDijawab: 9,
    });
  });

  it('averages each element over those who answered it', () => {
    // U1: 4, empty, 2 -> (4+2)/2 = 3; others all 4 -> 4. IKM = (3 + 8·4)/9 = 35/9
    const rows = [
      skm('Kecamatan Barangin', '2026-S1', [4, 4, 4, 4, 4, 4, 4, 4, 4]),
      skm('Kecamatan Barangin', '2026-S1', [null, 4, 4, 4, 4, 4, 4, 4, 4]),
      skm('Kecamatan Barangin', '2026-S1', [2, 4, 4, 4, 4, 4, 4, 4, 4]),
    ];
    const [u] = computeIkm(rows).units;
    expect(u?.responden).toBe(3);
    expect(u?.nrr[0]).toBe(3);
    expect(u?.ikm).toBe(35 / 9);
  });

  it('leaves an element nobody answered out, weights renormalised (1/8 each)', () => {
    // U9 empty for all: NRR null; IKM = mean of the 8 answered NRR = (8·4)/8 = 4 -> konversi 100, A
    const rows = [1, 2, 3].map((r) => skm('RSUD', '2026-S1', [4, 4, 4, 4, 4, 4, 4, 4, null], { row: r }));
    const [u] = computeIkm(rows).units;
    expect(u?.nrr[8]).toBeNull();
    expect(u?.unsurDijawab).toBe(8);
    expect(u?.ikm).toBe(4);
    expect(u?.konversi).toBe(100);
    expect(u?.mutu).toBe('A');
  });

  it('lists a group with no answer at all apart, without an IKM', () => {
    const r = computeIkm([skm('Samsat', '2026-S1', new Array(9).fill(null)), skm('RSUD', '2026-S1', 3)]);
    expect(r.units.map((u) => u.unit)).toEqual(['RSUD']);
    expect(r.tanpaJawaban).toEqual([{ unit: 'Samsat', periode: '2026-S1', responden: 1 }]);
    expect(computeIkm([])).toEqual({ units: [], tanpaJawaban: [] });
  });

  it('counts a blank respondent in responden but not in any NRR', () => {
    const [u] = computeIkm([skm('RSUD', 'P', 2), skm('RSUD', 'P', new Array(9).fill(null))]).units;
    expect(u?.responden).toBe(2);
    expect(u?.ikm).toBe(2);
  });

  describe('mutu at the regulation thresholds', () => {
    // konversi = 25/9 · ΣS/n when every respondent answers every element.
    // 88.31 · 9/25 = 31.7916 = 79479/2500 -> 2500 respondents whose answers add up to 79479.
    it('88.31 exactly is A even though IKM × 25 gives 88.30999999999999 in floating point', () => {
      const [u] = computeIkm(respondents(2500, 79479, 3)).units;
      expect(u?.konversi).toBeCloseTo(88.31, 10);
      expect(u?.konversi).toBeLessThan(88.31); // the float falls short…
      expect(u?.mutu).toBe('A'); // …the exact fraction does not
      expect(u?.kinerja).toBe('Sangat Baik');
    });

    it('one answer less (88.3088…) is B', () => {
      const [u] = computeIkm(respondents(2500, 79478, 3)).units;
      expect(u?.konversi).toBeCloseTo(88.30889, 4);
      expect(u?.mutu).toBe('B');
    });

    it('76.61 exactly is B (76.61 · 9/25 = 68949/2500)', () => {
      const [u] = computeIkm(respondents(2500, 68949, 3)).units;
      expect(u?.mutu).toBe('B');
      expect(u?.kinerja).toBe('Baik');
      expect(computeIkm(respondents(2500, 68948, 3)).units[0]?.mutu).toBe('C');
    });

    it('65.00 exactly is C (65 · 9/25 = 23.4 = 117/5), one less is D', () => {
      const [u] = computeIkm(respondents(5, 117, 2)).units;
      expect(u?.konversi).toBeCloseTo(65, 10);
      expect(u?.mutu).toBe('C');
      const [d] = computeIkm(respondents(5, 116, 2)).units;
      expect(d?.mutu).toBe('D');
      expect(d?.kinerja).toBe('Tidak Baik');
    });

    it('classifies with unequal answer counts per element exactly too', () => {
      // U1 answered by 4 (sum 13 -> 3.25), U2..U9 by 5 (sum 20 -> 4): ΣNRR = 35.25; konversi = 35.25·25/9 = 97.91… A
      const rows = [
        skm('X', 'P', [4, 4, 4, 4, 4, 4, 4, 4, 4]),
        skm('X', 'P', [3, 4, 4, 4, 4, 4, 4, 4, 4]),
        skm('X', 'P', [3, 4, 4, 4, 4, 4, 4, 4, 4]),
        skm('X', 'P', [3, 4, 4, 4, 4, 4, 4, 4, 4]),
        skm('X', 'P', [null, 4, 4, 4, 4, 4, 4, 4, 4]),
      ];
      const [u] = computeIkm(rows).units;
      expect(u?.konversi).toBeCloseTo((35.25 * 25) / 9, 12);
      expect(u?.mutu).toBe('A');
    });

    it('mutuOf (for float aggregates) absorbs float noise at the boundary with a 1e-9 tolerance', () => {
      expect(mutuOf(88.30999999999999).mutu).toBe('A');
      expect(mutuOf(88.3099).mutu).toBe('B');
      expect(mutuOf(76.61).mutu).toBe('B');
      expect(mutuOf(76.6099).mutu).toBe('C');
      expect(mutuOf(65).mutu).toBe('C');
      expect(mutuOf(64.99).mutu).toBe('D');
      expect(mutuOf(25)).toEqual({ mutu: 'D', kinerja: 'Tidak Baik' });
    });
  });

  it('groups by unit (case and spacing ignored) and period, ordered by unit then chronologically', () => {
    const r = computeIkm([
      skm('RSUD', 'Semester II 2025', 3),
      skm('Puskesmas Talawi', '2026-S1', 4),
      skm('RSUD', 'Semester I 2026', 4),
      skm('rsud ', 'semester i  2026', 4), // same group: case and spacing ignored
      skm('RSUD', 'Semester I 2025', 2),
      skm('Puskesmas Talawi', '2025-S2', 1),
    ]);
    expect(r.units.map((u) => [u.unit, u.periode])).toEqual([
      ['Puskesmas Talawi', '2025-S2'],
      ['Puskesmas Talawi', '2026-S1'],
      ['RSUD', 'Semester I 2025'],
      ['RSUD', 'Semester II 2025'],
      ['RSUD', 'Semester I 2026'],
    ]);
  });

  it('carries the OPD named on the SKM rows', () => {
    const r = computeIkm([
      skm('Puskesmas Talawi', 'P', 3),
      skm('Puskesmas Talawi', 'P', 3, { opd: ' Dinas Kesehatan ' }),
    ]);
    expect(r.units[0]?.opd).toBe('Dinas Kesehatan');
    expect(computeIkm([skm('RSUD', 'P', 3)]).units[0]?.opd).toBeUndefined();
  });

  it('keeps konversi within 25–100 and the mutu consistent with it (property)', () => {
    const answer = fc.option(fc.integer({ min: 1, max: 4 }), { nil: null, freq: 4 });
    fc.assert(
      fc.property(
        fc.array(fc.array(answer, { minLength: 9, maxLength: 9 }), { minLength: 1, maxLength: 40 }),
        (rows) => {
          const r = computeIkm(rows.map((a, i) => skm('U', 'P', a, { row: i + 2 })));
          const answered = rows.some((a) => a.some((x) => x !== null));
          expect(r.units.length + (r.tanpaJawaban?.length ?? 0)).toBe(1);
          if (!answered) return;
          const u = r.units[0];
          if (!u) throw new Error('no unit');
          expect(u.konversi).toBeGreaterThanOrEqual(25 - 1e-12);
          expect(u.konversi).toBeLessThanOrEqual(100 + 1e-12);
          expect(u.responden).toBe(rows.length);
          // away from a boundary, the exact mutu agrees with the float one
          const nearBoundary = [88.31, 76.61, 65].some((t) => Math.abs(u.konversi - t) < 1e-6);
          if (!nearBoundary) expect(u.mutu).toBe(mutuOf(u.konversi).mutu);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('comparePeriode', () => {
  it('orders free-text periods chronologically', () => {
    const list = [
      '2026-S1',
      'Semester II 2025',
      'Triwulan 4 2025',
      'Juli-Desember 2024',
      'Januari-Juni 2025',
      'Lama',
    ];
    expect([...list].sort(comparePeriode)).toEqual([
      'Lama',
      'Juli-Desember 2024',
      'Januari-Juni 2025',
      'Semester II 2025',
      'Triwulan 4 2025',
      '2026-S1',
    ]);
    expect(comparePeriode('2026-S1', '2026-S1')).toBe(0);
  });
});
