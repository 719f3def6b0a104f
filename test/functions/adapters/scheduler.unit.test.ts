import { checkSchedule, DEVELOPMENT_PLAN_HEADERS, developmentPlanCells, workingDays } from '@bangkom/core';
import ExcelJS from 'exceljs';
import nock from 'nock';
import {
  addScheduleSheets,
  charEm,
  columnPx,
  fitRowHeight,
  lineHeight,
  MAX_ROW_HEIGHT,
  SCHEDULE_SHEETS,
  TANGGAL,
  textPx,
  wrappedLineCount,
} from '../../../functions/src/adapters/schedule-sheets';
import {
  highsSolver,
  indonesianHolidays,
  loadHighs,
  planSchedule,
} from '../../../functions/src/adapters/scheduler';
import { generateInstance, rng } from '../../core/schedule-fixtures';

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
    if (!jadwal) throw new Error('no Jadwal Pelatihan sheet');
    const column = (header: string) => (jadwal.getRow(1).values as unknown[]).findIndex((v) => v === header);
    expect(jadwal?.getRow(2).getCell(column('Peserta (NIP)')).value).toBe(first.peserta.join(', '));
    // no Pengajar sheet in this world: the session needs no trainer
    expect(jadwal?.getRow(2).getCell(column('Pengajar')).value).toBe('-');
    // no Biaya per Angkatan either: the session costs its participants' Biaya per Peserta
    expect(jadwal?.getRow(2).getCell(column('Biaya per Angkatan')).value).toBe(0);
    expect(jadwal?.getRow(2).getCell(column('Biaya Sesi')).value).toBe(
      first.biayaPerPeserta * first.peserta.length,
    );
    const rencana = back.getWorksheet(SCHEDULE_SHEETS.rencana);
    if (!rencana) throw new Error('no Rencana Pengembangan sheet');
    // the art. 207 columns, in the order users read them, exactly as the core defines them
    const headers = (rencana.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual([
      'Kode',
      'Judul',
      'Kompetensi',
      'Sasaran PNS',
      'Jumlah Peserta',
      'Jalur/Bentuk',
      'Penyelenggara',
      'Jadwal',
      'Kesesuaian Kurikulum',
      'Anggaran',
      'Justifikasi',
    ]);
    expect(headers).toEqual([...DEVELOPMENT_PLAN_HEADERS]);
    const plan = report.rencana[0];
    if (!plan) throw new Error('no plan row');
    expect((rencana.getRow(2).values as unknown[]).slice(1)).toEqual(developmentPlanCells(plan));
    expect(rencana.getRow(2).getCell(5).numFmt).toBe('#,##0');
    expect(rencana.getRow(2).getCell(10).numFmt).toBe('"Rp"#,##0');
    expect(rencana.getRow(2).getCell(8).alignment?.wrapText).toBe(true);
    expect(rencana?.rowCount).toBe(report.rencana.length + 1);
    expect(back.getWorksheet(SCHEDULE_SHEETS.individu)?.rowCount).toBe(report.individu.length + 1);
    const anggaran = back.getWorksheet(SCHEDULE_SHEETS.anggaran);
    const total = anggaran?.getRow(report.budget.length + 2);
    expect(total?.getCell(1).value).toBe('Jumlah');
    expect(total?.getCell(3).value).toBe(report.budget.reduce((s, b) => s + b.terpakai, 0));
  });
});

describe('schedule sheets layout (what a reader sees and prints)', () => {
  it('freezes the header, prints fitted to the page width with the header on every page, dates as dates', async () => {
    const inst = generateInstance({ seed: 4, asn: 50, courses: 5, opds: 2, rooms: 1 });
    const report = await planSchedule(inst.data, inst.gaps, { solver: null, holidays: inst.holidays });
    const wb = new ExcelJS.Workbook();
    addScheduleSheets(wb, report);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await wb.xlsx.writeBuffer()) as unknown as ArrayBuffer);
    for (const name of Object.values(SCHEDULE_SHEETS)) {
      const ws = back.getWorksheet(name);
      if (!ws) throw new Error(`no ${name}`);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      expect(ws.pageSetup.printTitlesRow).toBe('1:1');
      expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
      for (let c = 1; c <= ws.columnCount; c++) expect(ws.getColumn(c).width).toBeGreaterThanOrEqual(6);
    }
    const jadwal = back.getWorksheet(SCHEDULE_SHEETS.jadwal) as ExcelJS.Worksheet;
    const first = report.sessions[0];
    if (!first) throw new Error('no session');
    const mulai = jadwal.getRow(2).getCell(6);
    expect(mulai.value).toBeInstanceOf(Date);
    expect((mulai.value as Date).toISOString().slice(0, 10)).toBe(first.mulai);
    expect(mulai.numFmt).toBe(TANGGAL);
    // the participants' cell wraps and its row is tall enough for every line
    const peserta = jadwal.getRow(2).getCell(14);
    expect(peserta.alignment?.wrapText).toBe(true);
    const lines = wrappedLineCount(String(peserta.value), columnPx(jadwal.getColumn(14).width ?? 0));
    expect(jadwal.getRow(2).height).toBeGreaterThanOrEqual(Math.min(MAX_ROW_HEIGHT, lineHeight(lines)));
    // no float noise in the plan's text (1.2000000000000002)
    const individu = back.getWorksheet(SCHEDULE_SHEETS.individu) as ExcelJS.Worksheet;
    individu.eachRow((row) => {
      expect(String(row.getCell(5).value ?? '')).not.toMatch(/\d\.\d{4,}/);
      expect(String(row.getCell(6).value ?? '')).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    });
  });

  it('wraps words greedily, keeps line breaks and breaks words wider than the cell', () => {
    expect(wrappedLineCount('', 100)).toBe(1);
    expect(wrappedLineCount('Dinas Kesehatan', 400)).toBe(1);
    expect(wrappedLineCount('a\nb\nc', 400)).toBe(3);
    const long = 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia';
    const wide = wrappedLineCount(long, columnPx(60));
    const narrow = wrappedLineCount(long, columnPx(20));
    expect(wide).toBe(1);
    expect(narrow).toBeGreaterThan(wide);
    expect(wrappedLineCount('1'.repeat(60), columnPx(10))).toBeGreaterThanOrEqual(5);
  });

  it("measures a text as the sum of its characters' widths, a surrogate pair as one character", () => {
    const random = rng(1207);
    // ASCII (some outside the width table), Indonesian letters, an emoji (a surrogate pair), lone surrogates
    const alphabet = [...'aZ0 ,.-Wm@%\t~\u007f', 'é', 'ü', '—', '𝄞', '😀', '\ud800', '\udc00'];
    for (let n = 0; n < 300; n++) {
      const text = Array.from(
        { length: Math.floor(random() * 40) },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join('');
      for (const bold of [false, true]) {
        let em = 0;
        for (const ch of text) em += charEm(ch, bold);
        expect(textPx(text, 9, bold)).toBe(em * 9 * (96 / 72) * 1.04);
      }
    }
    expect(textPx('😀', 10)).toBe(textPx('é', 10));
    expect(textPx('mW', 10, true)).toBeGreaterThan(textPx('mW', 10));
  });

  it('row height grows with the wrapped text, shrinks the font of a text past 409 pt and never exceeds it', () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('x');
    ws.columns = [{ width: 20 }, { width: 10 }];
    const short = ws.getRow(1);
    short.values = ['Inspektorat', 5];
    const long = ws.getRow(2);
    long.values = ['Dinas Koperasi, Usaha Kecil dan Menengah dan Perdagangan', 5];
    const huge = ws.getRow(3);
    huge.values = [Array.from({ length: 120 }, (_, i) => `PLT-${i}: 2026-02-04 s.d. 2026-02-05`).join('; ')];
    for (const row of [short, long, huge]) row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    const h1 = fitRowHeight(short);
    const h2 = fitRowHeight(long);
    expect(h2).toBeGreaterThan(h1);
    expect(h2).toBeGreaterThanOrEqual(lineHeight(3));
    expect(long.height).toBe(h2);
    expect(fitRowHeight(huge)).toBe(MAX_ROW_HEIGHT);
    expect(huge.getCell(1).font?.size).toBeLessThan(10);
    // a merged note across both columns is measured across both
    const note = ws.getRow(4);
    note.getCell(1).value = 'Catatan '.repeat(20);
    note.getCell(1).alignment = { wrapText: true };
    ws.mergeCells('A4:B4');
    expect(fitRowHeight(note, { widths: { 1: 30 } })).toBeLessThan(fitRowHeight(note));
  });
});
