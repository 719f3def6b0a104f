import { checkSchedule, workingDays } from '@bangkom/core';
import ExcelJS from 'exceljs';
import nock from 'nock';
import { addScheduleSheets, SCHEDULE_SHEETS } from '../../functions/src/adapters/schedule-sheets';
import {
  highsSolver,
  indonesianHolidays,
  loadHighs,
  planSchedule,
} from '../../functions/src/adapters/scheduler';
import { generateInstance } from '../core/schedule-fixtures';

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());

describe('indonesianHolidays', () => {
  it('lists the public holidays of the year and applies Hari Libur', () => {
    const base = indonesianHolidays(2026);
    expect(base.has('2026-08-17')).toBe(true); // Hari Kemerdekaan
    expect(base.has('2026-01-01')).toBe(true);
    expect(base.has('2026-12-25')).toBe(true);
    expect([...base].every((d) => d.startsWith('2026-'))).toBe(true);
    const corrected = indonesianHolidays(2026, [
      { row: 2, tanggal: '2026-12-24', libur: true, keterangan: 'Cuti bersama Natal' },
      { row: 3, tanggal: '2026-08-17', libur: false },
    ]);
    expect(corrected.has('2026-12-24')).toBe(true);
    expect(corrected.has('2026-08-17')).toBe(false);
  });
});

describe('HiGHS solver port', () => {
  it('solves a small MILP and reports the dual bound', async () => {
    const solver = highsSolver(await loadHighs());
    const lp = [
      'Maximize',
      ' obj: 3 x + 2 y + z',
      'Subject To',
      ' c1: x + y + z <= 2',
      ' c2: x + z <= 1',
      'Bounds',
      ' 0 <= z <= 1',
      'Binaries',
      ' x y',
      'End',
    ].join('\n');
    const sol = solver.solve(lp, { timeLimit: 5, start: { x: 0, y: 1, z: 0 } });
    expect(sol.status).toBe('optimal');
    expect(sol.feasible).toBe(true);
    expect(sol.objective).toBeCloseTo(5, 9);
    expect(sol.dualBound).toBeCloseTo(5, 6);
    expect(sol.values).toMatchObject({ x: 1, y: 1, z: 0 });
  });
});

describe('planSchedule (adapter)', () => {
  it('runs the exact MILP with HiGHS and agrees with the fast path', async () => {
    const inst = generateInstance({ seed: 9, asn: 120, courses: 10, opds: 4, rooms: 2, budgetRatio: 0.35 });
    const milp = await planSchedule(inst.data, inst.gaps, { method: 'milp', timeLimit: 20 });
    const fast = await planSchedule(inst.data, inst.gaps, { method: 'heuristik' });
    const holidays = indonesianHolidays(2026, inst.data.holidays);
    for (const r of [milp, fast]) {
      expect(checkSchedule(r, { data: inst.data, gaps: inst.gaps, holidays })).toEqual([]);
      expect(r.stats.detik).toBeGreaterThan(0);
    }
    expect(milp.stats.statusMilp).toBe('optimal');
    expect(milp.stats.objektifMilp).not.toBeNull();
    expect(fast.stats.statusMilp).toBeNull();
    // each path's objective is under the other's proven bound
    expect(fast.objective).toBeLessThanOrEqual(milp.bound + 1e-6);
    expect(milp.objective).toBeLessThanOrEqual(fast.bound + 1e-6);
    expect(milp.objective).toBeGreaterThanOrEqual(fast.objective - 1e-9);
  });

  it('when one classroom overflows: priced reselection, checker clean, bound above both plans', async () => {
    const inst = generateInstance({ seed: 2, asn: 150, courses: 8, opds: 3, rooms: 1, budgetRatio: 2 });
    // only December is open: one room cannot hold every classroom session
    const shut = workingDays(2026, new Set()).filter((d) => Number(d.slice(5, 7)) <= 11);
    const holidays = new Set([...inst.holidays, ...shut]);
    const fast = await planSchedule(inst.data, inst.gaps, { solver: null, holidays });
    const exact = await planSchedule(inst.data, inst.gaps, { method: 'milp', timeLimit: 20, holidays });
    for (const r of [fast, exact]) {
      expect(checkSchedule(r, { data: inst.data, gaps: inst.gaps, holidays })).toEqual([]);
    }
    expect(fast.stats.hariKerja).toBeLessThan(25);
    expect(fast.bound).toBeGreaterThanOrEqual(exact.objective - 1e-6);
    expect(exact.bound).toBeGreaterThanOrEqual(fast.objective - 1e-6);
    expect(fast.unmet.length).toBeGreaterThan(0);
  });

  it('works without a MILP solver (solver: null) and with given holidays', async () => {
    const inst = generateInstance({ seed: 2, asn: 30, courses: 4, opds: 2 });
    const r = await planSchedule(inst.data, inst.gaps, { solver: null, holidays: inst.holidays });
    expect(r.stats.metode).toBe('heuristik');
    expect(checkSchedule(r, { data: inst.data, gaps: inst.gaps, holidays: inst.holidays })).toEqual([]);
  });
});

describe('addScheduleSheets', () => {
  it('writes the four sheets, idempotently, and they read back', async () => {
    const inst = generateInstance({ seed: 4, asn: 50, courses: 5, opds: 2, rooms: 1 });
    const report = await planSchedule(inst.data, inst.gaps, { solver: null, holidays: inst.holidays });
    const wb = new ExcelJS.Workbook();
    addScheduleSheets(wb, report);
    addScheduleSheets(wb, report); // rerun replaces, never duplicates
    expect(wb.worksheets.map((w) => w.name)).toEqual(Object.values(SCHEDULE_SHEETS));
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await wb.xlsx.writeBuffer()) as unknown as ArrayBuffer);
    const jadwal = back.getWorksheet(SCHEDULE_SHEETS.jadwal);
    expect(jadwal?.rowCount).toBe(report.sessions.length + 1);
    expect(jadwal?.getRow(1).getCell(1).value).toBe('ID Sesi');
    const first = report.sessions[0];
    if (!first) throw new Error('no session');
    expect(jadwal?.getRow(2).getCell(1).value).toBe(first.id);
    expect(jadwal?.getRow(2).getCell(14).value).toBe(first.peserta.join(', '));
    const rencana = back.getWorksheet(SCHEDULE_SHEETS.rencana);
    if (!rencana) throw new Error('no Rencana Pengembangan sheet');
    const headers = (rencana.getRow(1).values as unknown[]).slice(1);
    for (const h of [
      'Kompetensi',
      'Sasaran PNS',
      'Jalur/Bentuk',
      'Penyelenggara',
      'Jadwal',
      'Kesesuaian Kurikulum',
      'Anggaran',
    ]) {
      expect(headers).toContain(h);
    }
    expect(rencana?.rowCount).toBe(report.rencana.length + 1);
    expect(back.getWorksheet(SCHEDULE_SHEETS.individu)?.rowCount).toBe(report.individu.length + 1);
    const anggaran = back.getWorksheet(SCHEDULE_SHEETS.anggaran);
    const total = anggaran?.getRow(report.budget.length + 2);
    expect(total?.getCell(1).value).toBe('Jumlah');
    expect(total?.getCell(3).value).toBe(report.budget.reduce((s, b) => s + b.terpakai, 0));
  });
});
