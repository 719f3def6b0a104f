import {
  type Course,
  checkSchedule,
  type EmployeeGaps,
  type GapsReport,
  type MilpSolver,
  monthOf,
  type ProgramData,
  planSchedule,
  type ScheduleReport,
  workingDays,
} from '@bangkom/core';
import { emptyData, generateInstance, nipOf, someHolidays } from './schedule-fixtures';

const TAHUN = 2026;
const HOLIDAYS = someHolidays(TAHUN);

function course(kode: string, kompetensi: string[], over: Partial<Course> = {}): Course {
  return {
    row: 2,
    kode,
    judul: `Pelatihan ${kode}`,
    kompetensi,
    jp: 20,
    kapasitas: 30,
    biaya: 1_000_000,
    hari: 3,
    ...over,
  };
}

/** An ASN with gaps: [kode, gap, bobot] */
function asn(i: number, opd: string, needs: [string, number | null, number][]): EmployeeGaps {
  return {
    nip: nipOf(i),
    opd,
    jabatan: 'Analis',
    competencies: needs.map(([kode, gap, bobot]) => ({
      kode,
      standar: 4,
      aktual: gap === null ? null : 4 - gap,
      gap,
      prioritas: gap === null ? null : gap * bobot,
      sumber: gap === null ? [] : ['Atasan'],
    })),
  };
}

function world(
  employees: EmployeeGaps[],
  courses: Course[],
  budgets: Record<string, number>,
  extra: Partial<ProgramData> = {},
): { data: ProgramData; gaps: GapsReport } {
  const data: ProgramData = { ...emptyData(TAHUN), ...extra };
  data.courses = courses;
  data.budgets = Object.entries(budgets).map(([opd, pagu], i) => ({ row: i + 2, opd, pagu }));
  data.employees = employees.map((e, i) => ({
    row: i + 2,
    nip: e.nip,
    nama: `Pegawai ${i}`,
    jenisAsn: 'PNS',
    opd: e.opd,
    jabatan: e.jabatan,
  }));
  return { data, gaps: { employees, opd: [] } };
}

function solve(
  w: { data: ProgramData; gaps: GapsReport },
  holidays: ReadonlySet<string> = HOLIDAYS,
  solver?: MilpSolver,
): ScheduleReport {
  const report = planSchedule(w.data, w.gaps, { holidays, ...(solver ? { solver } : {}) });
  expect(checkSchedule(report, { data: w.data, gaps: w.gaps, holidays })).toEqual([]);
  expect(report.bound).toBeGreaterThanOrEqual(report.objective - 1e-9);
  return report;
}

describe('planSchedule', () => {
  it('produces the contract shape with deterministic session ids', () => {
    const w = world(
      [
        asn(1, 'Dinas A', [['M.01', 2, 2]]),
        asn(2, 'Dinas A', [
          ['M.01', 1, 1],
          ['M.02', 2, 1],
        ]),
      ],
      [course('K1', ['M.01']), course('K2', ['M.02'], { jp: 8, hari: 1 })],
      { 'Dinas A': 10_000_000 },
    );
    const r = solve(w);
    expect(r.sessions.map((s) => s.id).sort()).toEqual(['K1-2026-1', 'K2-2026-1']);
    const k1 = r.sessions.find((s) => s.kode === 'K1');
    expect(k1?.peserta).toEqual([nipOf(1), nipOf(2)]);
    expect(Object.keys(r)).toEqual(expect.arrayContaining(['sessions', 'objective', 'bound', 'budget']));
    expect(r.budget).toEqual([{ opd: 'Dinas A', pagu: 10_000_000, terpakai: 3_000_000, peserta: 3 }]);
    // all needs closed (4 + 1 + 2), both reach 20 JP (+10 each), nobody trained recently (+5 each)
    expect(r.objective).toBeCloseTo(7 + 20 + 10 - r.bobot.biaya * 3_000_000, 9);
    expect(r.stats.status).toBe('optimal');
    expect(planSchedule(w.data, w.gaps, { holidays: HOLIDAYS })).toEqual(r);
  });

  it('zero budget: nothing paid is scheduled, a free course still is', () => {
    const w = world(
      [
        asn(1, 'Dinas A', [
          ['M.01', 2, 1],
          ['M.02', 1, 1],
        ]),
      ],
      [course('PAID', ['M.01']), course('FREE', ['M.02'], { biaya: 0, moda: 'Daring' })],
      { 'Dinas A': 0 },
    );
    const r = solve(w);
    expect(r.sessions.map((s) => s.kode)).toEqual(['FREE']);
    expect(r.budget[0]?.terpakai).toBe(0);
    expect(r.unmet).toEqual([
      expect.objectContaining({ kode: 'M.01', alasan: expect.stringContaining('tidak memiliki pagu') }),
    ]);
  });

  it('an OPD missing from Anggaran has no budget', () => {
    const w = world([asn(1, 'Dinas Tanpa Pagu', [['M.01', 2, 1]])], [course('K1', ['M.01'])], {
      'Dinas A': 5_000_000,
    });
    const r = solve(w);
    expect(r.sessions).toEqual([]);
    expect(r.budget.map((b) => b.opd)).toEqual(['Dinas A', 'Dinas Tanpa Pagu']);
    expect(r.peringatan).toEqual([
      expect.objectContaining({ sheet: 'Anggaran', row: 2, column: 'OPD', value: 'Dinas A' }),
      expect.objectContaining({
        sheet: 'Anggaran',
        column: 'OPD',
        value: 'Dinas Tanpa Pagu',
        message: expect.stringContaining('Rp0'),
      }),
    ]);
  });

  it('warns about a course longer than the working year and a repeated Kode, and says why a need stays open', () => {
    const w = world(
      [asn(1, 'Dinas A', [['M.01', 2, 1]])],
      [course('PANJANG', ['M.01'], { hari: 400, row: 2 }), course('PANJANG', ['M.02'], { row: 3 })],
      { 'Dinas A': 50_000_000 },
    );
    const r = solve(w);
    expect(r.sessions).toEqual([]);
    expect(r.peringatan).toEqual([
      expect.objectContaining({ sheet: 'Katalog Pelatihan', row: 3, column: 'Kode' }),
      expect.objectContaining({ sheet: 'Katalog Pelatihan', row: 2, column: 'Hari', value: 400 }),
    ]);
    expect(r.unmet[0]?.alasan).toContain('lebih lama dari hari kerja');
  });

  it('a course nobody needs is never scheduled', () => {
    const w = world(
      [
        asn(1, 'Dinas A', [
          ['M.01', 1, 1],
          ['M.03', 0, 3],
          ['M.04', null, 3],
        ]),
      ],
      [
        course('K1', ['M.01']),
        course('NOBODY', ['M.09']),
        course('ZERO', ['M.03']),
        course('UNKNOWN', ['M.04']),
      ],
      { 'Dinas A': 50_000_000 },
    );
    const r = solve(w);
    expect(r.sessions.map((s) => s.kode)).toEqual(['K1']);
  });

  it('one seat: a one-seat course runs one session per participant, in the one one-seat room', () => {
    const people = [1, 2, 3].map((i) => asn(i, 'Dinas A', [['M.01', 2, 1]]));
    const w = world(
      people,
      [course('SOLO', ['M.01'], { kapasitas: 1, hari: 2 })],
      { 'Dinas A': 50_000_000 },
      {
        rooms: [{ row: 2, nama: 'Ruang Kecil', kapasitas: 1 }],
      },
    );
    const r = solve(w);
    expect(r.sessions).toHaveLength(3);
    expect(r.sessions.every((s) => s.peserta.length === 1 && s.ruang === 'Ruang Kecil')).toBe(true);
    // the single room forces the sessions apart
    const spans = r.sessions
      .map((s) => ({ from: s.mulai, to: s.selesai }))
      .sort((a, b) => a.from.localeCompare(b.from));
    spans.slice(1).forEach((s, i) => {
      expect(s.from > (spans[i]?.to ?? '')).toBe(true);
    });
  });

  it('a holiday-only month gets no session, even when everybody prefers it', () => {
    const march = Array.from({ length: 31 }, (_, d) => `2026-03-${String(d + 1).padStart(2, '0')}`);
    const holidays = new Set([...HOLIDAYS, ...march]);
    const people = [1, 2, 3, 4].map((i) => asn(i, 'Dinas A', [['M.01', 2, 1]]));
    const w = world(
      people,
      [course('K1', ['M.01'], { hari: 5, kapasitas: 2 })],
      { 'Dinas A': 50_000_000 },
      {
        preferences: people.map((p, i) => ({ row: i + 2, nip: p.nip, bulan: [3], topik: [] })),
      },
    );
    const r = solve(w, holidays);
    expect(r.sessions).toHaveLength(2);
    for (const s of r.sessions) {
      expect(monthOf(s.mulai)).not.toBe(3);
      expect(monthOf(s.selesai)).not.toBe(3);
    }
    expect(r.stats.preferensiBulan).toEqual({ dihormati: 0, total: 4 });
  });

  it('starts no session before the earliest allowed date (planning the year under way)', () => {
    const people = [1, 2, 3, 4, 5].map((i) => asn(i, 'Dinas A', [['M.01', 2, 1]]));
    const w = world(
      people,
      [course('K1', ['M.01'], { hari: 3, kapasitas: 2 })],
      { 'Dinas A': 50_000_000 },
      // everybody would rather go in March, which is already past on 28 November
      { preferences: people.map((p, i) => ({ row: i + 2, nip: p.nip, bulan: [3], topik: [] })) },
    );
    const r = planSchedule(w.data, w.gaps, { holidays: HOLIDAYS, mulaiPalingAwal: '2026-11-29' });
    expect(r.mulaiPalingAwal).toBe('2026-11-29');
    expect(r.sessions).toHaveLength(3);
    for (const s of r.sessions) expect(s.mulai >= '2026-11-29').toBe(true);
    expect(r.stats.hariKerja).toBe(workingDays(TAHUN, HOLIDAYS).filter((d) => d >= '2026-11-29').length);
    expect(checkSchedule(r, { data: w.data, gaps: w.gaps, holidays: HOLIDAYS })).toEqual([]);
    // past the last working day nothing can be scheduled, and every need is reported open
    const none = planSchedule(w.data, w.gaps, { holidays: HOLIDAYS, mulaiPalingAwal: '2027-01-01' });
    expect(none.sessions).toEqual([]);
    expect(none.unmet.map((u) => u.nip).sort()).toEqual(people.map((p) => p.nip).sort());
  });

  it('honours preferred months when it can', () => {
    const people = [1, 2, 3].map((i) => asn(i, 'Dinas A', [['M.01', 2, 1]]));
    const w = world(
      people,
      [course('K1', ['M.01'], { hari: 2 })],
      { 'Dinas A': 50_000_000 },
      {
        preferences: people.map((p, i) => ({ row: i + 2, nip: p.nip, bulan: [9, 10], topik: [] })),
      },
    );
    const r = solve(w);
    expect(monthOf(r.sessions[0]?.mulai ?? '')).toBe(9);
    expect(r.stats.preferensiBulan).toEqual({ dihormati: 3, total: 3 });
  });

  it('honours the preferred mode between equally good courses', () => {
    const people = [1, 2].map((i) => asn(i, 'Dinas A', [['M.01', 2, 1]]));
    const w = world(
      people,
      [course('KELAS', ['M.01'], { moda: 'Tatap Muka' }), course('ONLINE', ['M.01'], { moda: 'Daring' })],
      { 'Dinas A': 50_000_000 },
      {
        preferences: [
          { row: 2, nip: nipOf(1), bulan: [], moda: 'Daring', topik: [] },
          { row: 3, nip: nipOf(2), bulan: [], moda: 'Tatap Muka', topik: [] },
        ],
      },
    );
    const r = solve(w);
    expect(r.sessions.map((s) => [s.kode, s.peserta]).sort()).toEqual([
      ['KELAS', [nipOf(2)]],
      ['ONLINE', [nipOf(1)]],
    ]);
    expect(r.stats.preferensiModa).toEqual({ dihormati: 2, total: 2 });
  });

  it('spends a tight budget on the highest priorities', () => {
    const w = world(
      [
        asn(1, 'Dinas A', [['M.01', 1, 1]]),
        asn(2, 'Dinas A', [['M.01', 3, 3]]),
        asn(3, 'Dinas A', [['M.01', 2, 1]]),
      ],
      [course('K1', ['M.01'], { jp: 4 })],
      { 'Dinas A': 1_000_000 },
      // everyone trained last year: no equity bonus
      {
        trainings: [1, 2, 3].map((i) => ({
          row: i + 1,
          nip: nipOf(i),
          namaPelatihan: 'X',
          jp: 4,
          mulai: '2025-05-05',
        })),
      },
    );
    const r = solve(w);
    expect(r.sessions[0]?.peserta).toEqual([nipOf(2)]);
    expect(r.unmet.map((u) => u.nip).sort()).toEqual([nipOf(1), nipOf(3)]);
  });

  it('brings an ASN to the JP target with a second course when the bonus pays for it', () => {
    const w = world(
      [
        asn(1, 'Dinas A', [
          ['M.01', 1, 1],
          ['M.02', 1, 1],
        ]),
      ],
      [course('A', ['M.01'], { jp: 12 }), course('B', ['M.02'], { jp: 8 })],
      { 'Dinas A': 2_000_000 },
    );
    const r = solve(w);
    expect(r.individu[0]).toMatchObject({ jpAwal: 0, jpRencana: 20, memenuhiTarget: true });
  });

  it('never puts one ASN in two overlapping sessions, nor more training days than the year has', () => {
    // only 2 and 5–9 January are working days (six days); seven one-day courses for one ASN
    const all = workingDays(TAHUN, new Set());
    const holidays = new Set([...HOLIDAYS, ...all.filter((d) => d > '2026-01-09')]);
    const kodes = ['M.01', 'M.02', 'M.03', 'M.04', 'M.05', 'M.06', 'M.07'];
    const w = world(
      [
        asn(
          1,
          'Dinas A',
          kodes.map((k, i) => [k, 1, i + 1] as [string, number, number]),
        ),
      ],
      kodes.map((k, i) => course(`C${i}`, [k], { hari: 1, jp: 4 })),
      { 'Dinas A': 50_000_000 },
    );
    const r = solve(w, holidays);
    expect(r.stats.hariKerja).toBe(6);
    expect(r.sessions).toHaveLength(6);
    expect(new Set(r.sessions.map((s) => s.mulai)).size).toBe(6);
    // the lowest priority (M.01, bobot 1) is the one left out
    expect(r.unmet).toEqual([
      expect.objectContaining({ kode: 'M.01', alasan: expect.stringContaining('Hari kerja') }),
    ]);
  });

  it('drops and reports what the rooms cannot hold', () => {
    const all = workingDays(TAHUN, new Set());
    const holidays = new Set([...HOLIDAYS, ...all.filter((d) => d > '2026-01-09')]);
    const w = world(
      [
        asn(1, 'Dinas A', [['M.01', 1, 1]]),
        asn(2, 'Dinas A', [['M.02', 2, 1]]),
        asn(3, 'Dinas A', [['M.03', 3, 1]]),
      ],
      [course('A', ['M.01']), course('B', ['M.02']), course('C', ['M.03'])],
      { 'Dinas A': 50_000_000 },
      { rooms: [{ row: 2, nama: 'Aula', kapasitas: 40 }] },
    );
    const r = solve(w, holidays);
    // the room-priced reselection leaves out the lowest priority instead of dropping it late
    expect(r.sessions.map((s) => s.kode).sort()).toEqual(['B', 'C']);
    expect(r.stats.gagalDijadwalkan).toBe(0);
    expect(r.unmet).toEqual([
      expect.objectContaining({ nip: nipOf(1), alasan: expect.stringContaining('ruang kelas') }),
    ]);
    expect(r.bound).toBeGreaterThan(r.objective);
  });

  it('trades a classroom course for a dearer Daring one when classrooms are scarce', () => {
    // two working days and one 10-seat room: at most 20 of the 40 fit the classroom course
    const all = workingDays(TAHUN, new Set());
    const holidays = new Set([...HOLIDAYS, ...all.filter((d) => d > '2026-01-05')]);
    expect(workingDays(TAHUN, holidays)).toHaveLength(2);
    const people = Array.from({ length: 40 }, (_, i) => asn(i + 1, 'Dinas A', [['M.01', 2, 1]]));
    const w = world(
      people,
      [
        course('KELAS', ['M.01'], { moda: 'Tatap Muka', hari: 1, biaya: 1_000_000 }),
        course('ONLINE', ['M.01'], { moda: 'Daring', hari: 1, biaya: 1_500_000 }),
      ],
      { 'Dinas A': 60_000_000 },
      { rooms: [{ row: 2, nama: 'Aula', kapasitas: 10 }] },
    );
    const r = solve(w, holidays);
    // everybody's need is closed: those the room cannot hold take the Daring course
    expect(r.unmet).toEqual([]);
    expect(r.stats.gagalDijadwalkan).toBe(0);
    expect(new Set(r.sessions.flatMap((s) => s.peserta)).size).toBe(40);
    expect(r.sessions.some((s) => s.kode === 'ONLINE')).toBe(true);
    for (const s of r.sessions.filter((x) => x.kode === 'KELAS'))
      expect(s.peserta.length).toBeLessThanOrEqual(10);
    // within the cost tie-break of the optimum (20 in the classroom, 20 online)
    expect(r.bound - r.objective).toBeLessThan(0.01);
    expect(r.stats.hargaRuang).toBeGreaterThan(0);
  });

  it('requires the fiscal year', () => {
    const w = world([], [], {});
    w.data.settings = { ...w.data.settings };
    delete w.data.settings.tahun;
    expect(() => planSchedule(w.data, w.gaps, { holidays: HOLIDAYS })).toThrow('Tahun anggaran belum diatur');
  });

  it('fills the empty seats of a placed session with the ASN who gain from it', () => {
    const w = world(
      [1, 2, 3].map((i) => asn(i, 'Dinas A', [['M.01', 2, 1]])),
      [course('K1', ['M.01'])],
      { 'Dinas A': 50_000_000 },
    );
    // a solver whose plan sends only the first ASN: the session it opens has 29 empty seats
    const lone: MilpSolver = {
      solve: () => ({
        status: 'Optimal',
        feasible: true,
        objective: 1,
        dualBound: null,
        values: { x0_0: 1, y0_0: 1, z0: 1, w0: 1 },
      }),
    };
    const r = planSchedule(w.data, w.gaps, { holidays: HOLIDAYS, solver: lone, method: 'milp' });
    expect(checkSchedule(r, { data: w.data, gaps: w.gaps, holidays: HOLIDAYS })).toEqual([]);
    // the solver's plan, once filled, is as good as the fast one (all three trained)
    expect(r.stats.objektifMilp).toBeCloseTo(r.stats.objektifHeuristik, 9);
    expect(r.sessions).toHaveLength(1);
    expect(r.sessions[0]?.peserta).toEqual([nipOf(1), nipOf(2), nipOf(3)]);
  });

  it('uses the MILP port when asked, keeping the better solution and the lower bound', () => {
    const inst = generateInstance({ seed: 3, asn: 40, courses: 6, opds: 3, budgetRatio: 0.4 });
    const calls: string[] = [];
    // a solver that proves nothing useful and finds nothing
    const fake: MilpSolver = {
      solve(lp) {
        calls.push(lp);
        return { status: 'Time limit reached', feasible: false, objective: null, dualBound: 1e9, values: {} };
      },
    };
    const r = planSchedule(inst.data, inst.gaps, { holidays: inst.holidays, solver: fake, method: 'milp' });
    expect(checkSchedule(r, { data: inst.data, gaps: inst.gaps, holidays: inst.holidays })).toEqual([]);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatch(/^Maximize\n obj: /);
    expect(calls[0]).toContain('Binaries');
    expect(r.stats.statusMilp).toBe('Time limit reached');
    expect(r.stats.metode).toBe('heuristik');
    expect(r.bound).toBe(r.stats.batasHeuristik); // 1e9 is not lower
    // under 'auto' a fast plan already proven optimal skips the MILP
    const auto = planSchedule(inst.data, inst.gaps, { holidays: inst.holidays, solver: fake });
    expect(auto.stats.status).toBe('optimal');
    expect(calls).toHaveLength(1);
    expect(auto.stats.statusMilp).toBeNull();
  });
});
