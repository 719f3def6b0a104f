/**
 * When 'auto' runs HiGHS: only when the MILP can still pay (core/src/schedule/index.ts
 * `selectionAtBound`). Each case is checked against real HiGHS, so the claim that the skipped
 * MILP could not have helped is tested, not assumed.
 */
import {
  type Course,
  checkSchedule,
  type EmployeeGaps,
  type MilpSolver,
  type ProgramData,
  workingDays,
} from '@bangkom/core';
import { highsSolver, loadHighs, planSchedule } from '../../../functions/src/adapters/scheduler';
import { dinasAEmployees, emptyData, nipOf, someHolidays } from '../../core/schedule-fixtures';

const TAHUN = 2026;

/** `n` ASN of Dinas A each needing M.01, one classroom course K1 addressing it. */
function world(n: number, course: Partial<Course>, pagu: number) {
  const employees: EmployeeGaps[] = Array.from({ length: n }, (_, i) => ({
    nip: nipOf(i),
    opd: 'Dinas A',
    jabatan: 'Analis',
    competencies: [
      { kode: 'M.01', standar: 4, aktual: 2, gap: 2, prioritas: 2 + (i % 3), sumber: ['Atasan'] },
    ],
  }));
  const data: ProgramData = emptyData(TAHUN);
  data.courses = [
    {
      row: 2,
      kode: 'K1',
      judul: 'Pelatihan K1',
      kompetensi: ['M.01'],
      jp: 20,
      kapasitas: 30,
      biaya: 1_000_000,
      hari: 3,
      moda: 'Tatap Muka',
      bentuk: 'KL03',
      ...course,
    },
  ];
  data.budgets = [{ row: 2, opd: 'Dinas A', pagu }];
  data.employees = dinasAEmployees(employees);
  return { data, gaps: { employees, opd: [] } };
}

/** HiGHS, counting its calls. */
async function countingHighs(): Promise<{ solver: MilpSolver; calls: () => number }> {
  const highs = highsSolver(await loadHighs());
  let calls = 0;
  return {
    solver: {
      solve(lp, options) {
        calls++;
        return highs.solve(lp, options);
      },
    },
    calls: () => calls,
  };
}

describe("planSchedule 'auto': HiGHS only when it can pay", () => {
  it('skips HiGHS when the selection already scores the bound and only class minimums cost', async () => {
    // Pagu pays for 4 of 6 ASN; a session needs 5: the chosen 4 cannot run, the bound cannot know
    const w = world(6, { pesertaMinimum: 5 }, 4_000_000);
    const holidays = someHolidays(TAHUN);
    const { solver, calls } = await countingHighs();
    const auto = await planSchedule(w.data, w.gaps, { solver, holidays });
    expect(calls()).toBe(0);
    expect(auto.stats.statusMilp).toBeNull();
    expect(auto.stats.status).toBe('layak');
    expect(auto.bound).toBeGreaterThan(auto.objective + 1);
    expect(checkSchedule(auto, { data: w.data, gaps: w.gaps, holidays })).toEqual([]);
    // forced, HiGHS proves the same bound and finds no better plan
    const exact = await planSchedule(w.data, w.gaps, { solver, holidays, method: 'milp', timeLimit: 20 });
    expect(calls()).toBe(1);
    expect(exact.stats.statusMilp).toBe('optimal');
    expect(exact.stats.batasMilp).toBeCloseTo(auto.bound, 6);
    expect(exact.stats.objektifMilp ?? Number.NaN).toBeLessThanOrEqual(auto.objective + 1e-9);
  });

  it('runs HiGHS when the first selection overflows the rooms, and its bound is kept', async () => {
    // 60 ASN, sessions of 30 over 3 days, one room open for one week: 6 room-days wanted, 5 free
    const w = world(60, {}, 100_000_000);
    w.data.rooms = [{ row: 2, nama: 'Aula', kapasitas: 30, jenis: 'Aula' }];
    const open = new Set(['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11']);
    const holidays = new Set(workingDays(TAHUN, new Set()).filter((d) => !open.has(d)));
    const { solver, calls } = await countingHighs();
    const heuristic = await planSchedule(w.data, w.gaps, { solver: null, holidays });
    const auto = await planSchedule(w.data, w.gaps, { solver, holidays, timeLimit: 20 });
    expect(calls()).toBe(1);
    expect(auto.stats.statusMilp).toBe('optimal');
    expect(auto.sessions).toHaveLength(1);
    // one session of 30 fits; the fractional room bound promised more, HiGHS proves it cannot be
    expect(heuristic.bound).toBeGreaterThan(heuristic.objective + 1);
    expect(auto.bound).toBeLessThan(heuristic.bound - 1);
    expect(auto.bound).toBeGreaterThanOrEqual(auto.objective - 1e-6);
    for (const r of [heuristic, auto])
      expect(checkSchedule(r, { data: w.data, gaps: w.gaps, holidays })).toEqual([]);
  });

  it('skips HiGHS in a re-plan unless the MILP is asked for', async () => {
    // the world above: HiGHS runs for the first plan; its session is announced, one member declines
    const w = world(60, {}, 100_000_000);
    w.data.rooms = [{ row: 2, nama: 'Aula', kapasitas: 30, jenis: 'Aula' }];
    const open = new Set(['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11']);
    const holidays = new Set(workingDays(TAHUN, new Set()).filter((d) => !open.has(d)));
    const { solver, calls } = await countingHighs();
    const first = await planSchedule(w.data, w.gaps, { solver, holidays, timeLimit: 20 });
    expect(calls()).toBe(1);
    const session = first.sessions[0];
    if (!session) throw new Error('no session');
    const data: ProgramData = {
      ...w.data,
      attendance: session.peserta.map((nip, i) => ({
        row: i + 2,
        sesi: session.id,
        kode: session.kode,
        nip,
        status: i === 0 ? ('Tidak Hadir' as const) : ('Hadir' as const),
      })),
    };
    const again = await planSchedule(data, w.gaps, { solver, holidays, sebelumnya: first.sessions });
    expect(calls()).toBe(1);
    expect(again.stats.statusMilp).toBeNull();
    expect(again.ulang?.tetap).toEqual([session.id]);
    expect(again.bound).toBeGreaterThanOrEqual(again.objective - 1e-9);
    expect(checkSchedule(again, { data, gaps: w.gaps, holidays })).toEqual([]);
    // asked for, the MILP runs on the open part, and its bound is no looser than the fast one's
    const exact = await planSchedule(data, w.gaps, {
      solver,
      holidays,
      sebelumnya: first.sessions,
      method: 'milp',
      timeLimit: 20,
    });
    expect(calls()).toBe(2);
    expect(exact.stats.statusMilp).toBe('optimal');
    expect(exact.bound).toBeLessThanOrEqual(again.bound + 1e-6);
    expect(checkSchedule(exact, { data, gaps: w.gaps, holidays })).toEqual([]);
  });
});
