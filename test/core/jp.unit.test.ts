import { computeJp } from '@bangkom/core';
import fc from 'fast-check';
import { employee, pnsNip, pppkNip, programData, settings, training } from './builders';

describe('computeJp', () => {
  const a = pnsNip(0);
  const b = pnsNip(1);
  const c = pppkNip(0);

  it('counts only trainings whose Tanggal Mulai falls in the year (boundaries included)', () => {
    const data = programData({
      employees: [employee({ nip: a })],
      trainings: [
        training(a, 100, '2025-12-31'), // previous year
        training(a, 3, '2026-01-01'),
        training(a, 5, '2026-12-31'),
        training(a, 7, '2026-06-15', { selesai: '2027-01-10' }), // ends next year: counts in its start year
        training(a, 200, '2027-01-01'), // next year
      ],
    });
    // 3 + 5 + 7 = 15 < 20
    expect(computeJp(data, 2026).employees).toEqual([
      { nip: a, opd: expect.any(String), jp: 15, memenuhi: false },
    ]);
    expect(computeJp(data, 2025).employees[0]?.jp).toBe(100);
    expect(computeJp(data, 2027).employees[0]?.jp).toBe(200);
  });

  it('meets the target at exactly 20 JP, not at 19.5 (PP 17/2020 art. 203)', () => {
    const data = programData({
      employees: [employee({ nip: a }), employee({ nip: b })],
      trainings: [
        training(a, 12, '2026-02-01'),
        training(a, 8, '2026-03-01'),
        training(b, 19.5, '2026-04-01'),
      ],
    });
    const r = computeJp(data, 2026);
    expect(r.target).toBe(20);
    expect(r.tahun).toBe(2026);
    expect(r.employees.map((e) => [e.jp, e.memenuhi])).toEqual([
      [20, true],
      [19.5, false],
    ]);
  });

  it('sums fractional JP exactly (6.7 + 6.7 + 6.6 = 20, not 19.999…)', () => {
    const data = programData({
      employees: [employee({ nip: a })],
      trainings: [
        training(a, 6.7, '2026-01-05'),
        training(a, 6.7, '2026-02-05'),
        training(a, 6.6, '2026-03-05'),
      ],
    });
    expect(computeJp(data, 2026).employees[0]).toMatchObject({ jp: 20, memenuhi: true });
  });

  it('lists every employee, with 0 JP when none, ordered by NIP', () => {
    const data = programData({
      employees: [employee({ nip: c }), employee({ nip: b }), employee({ nip: a })],
      trainings: [training(b, 24, '2026-05-01')],
    });
    expect(computeJp(data, 2026).employees.map((e) => [e.nip, e.jp])).toEqual([
      [a, 0],
      [b, 24],
      [c, 0],
    ]);
  });

  it('uses Target JP from Pengaturan', () => {
    const data = programData({
      employees: [employee({ nip: a })],
      trainings: [training(a, 20, '2026-05-01')],
      settings: settings({ targetJp: 24 }),
    });
    const r = computeJp(data, 2026);
    expect(r.target).toBe(24);
    expect(r.employees[0]?.memenuhi).toBe(false);
  });

  it('ignores trainings of NIPs not in Pegawai and names them', () => {
    const stranger = pnsNip(999);
    const data = programData({
      employees: [employee({ nip: a, opd: 'Dinas Pendidikan' })],
      trainings: [training(stranger, 40, '2026-05-01'), training(stranger, 40, '2025-05-01')],
    });
    const r = computeJp(data, 2026);
    expect(r.employees).toHaveLength(1);
    expect(r.opd).toEqual([{ opd: 'Dinas Pendidikan', pegawai: 1, memenuhi: 0, persen: 0 }]);
    expect(r.nipTidakDikenal).toEqual([stranger]);
    expect(computeJp(programData({ employees: [employee({ nip: a })] }), 2026).nipTidakDikenal).toEqual([]);
  });

  it('gives per-OPD counts and percentages, OPDs by name', () => {
    // Dinas Pendidikan: 1 of 3 meets -> 33.33…%; Bappeda: 2 of 2 -> 100%
    const nips = [0, 1, 2, 3, 4].map((i) => pnsNip(50 + i)) as [string, string, string, string, string];
    const data = programData({
      employees: [
        employee({ nip: nips[0], opd: 'Dinas Pendidikan' }),
        employee({ nip: nips[1], opd: 'Dinas Pendidikan' }),
        employee({ nip: nips[2], opd: 'DINAS PENDIDIKAN' }),
        employee({ nip: nips[3], opd: 'Bappeda' }),
        employee({ nip: nips[4], opd: 'Bappeda' }),
      ],
      trainings: [
        training(nips[0], 20, '2026-01-10'),
        training(nips[3], 30, '2026-01-10'),
        training(nips[4], 21, '2026-01-10'),
      ],
    });
    const r = computeJp(data, 2026);
    expect(r.opd).toEqual([
      { opd: 'Bappeda', pegawai: 2, memenuhi: 2, persen: 100 },
      { opd: 'Dinas Pendidikan', pegawai: 3, memenuhi: 1, persen: 100 / 3 },
    ]);
  });

  it('keeps persen within 0–100 and counts add up (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            opd: fc.constantFrom('A', 'B', 'C'),
            jps: fc.array(
              fc.record({ jp: fc.integer({ min: 1, max: 40 }), year: fc.integer({ min: 2025, max: 2027 }) }),
              {
                maxLength: 4,
              },
            ),
          }),
          { minLength: 1, maxLength: 30 },
        ),
        (people) => {
          const data = programData({
            employees: people.map((p, i) => employee({ nip: pnsNip(i), opd: p.opd })),
            trainings: people.flatMap((p, i) =>
              p.jps.map((t) => training(pnsNip(i), t.jp, `${t.year}-07-01`)),
            ),
          });
          const r = computeJp(data, 2026);
          expect(r.employees).toHaveLength(people.length);
          let met = 0;
          people.forEach((p, i) => {
            const expected = p.jps.filter((t) => t.year === 2026).reduce((s, t) => s + t.jp, 0);
            const row = r.employees.find((e) => e.nip === pnsNip(i));
            expect(row?.jp).toBe(expected);
            if (expected >= 20) met++;
          });
          expect(r.opd.reduce((s, o) => s + o.memenuhi, 0)).toBe(met);
          for (const o of r.opd) {
            expect(o.persen).toBeGreaterThanOrEqual(0);
            expect(o.persen).toBeLessThanOrEqual(100);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
