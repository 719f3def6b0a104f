/** The checker must catch a planted violation of every constraint (one test per kind). */
import {
  type CheckContext,
  type Course,
  checkSchedule,
  type EmployeeGaps,
  type ProgramData,
  planSchedule,
  type ScheduleReport,
  type ViolationKind,
} from '@bangkom/core';
import { emptyData, nipOf, someHolidays } from './schedule-fixtures';

const TAHUN = 2026;
const holidays = someHolidays(TAHUN);

function gapsOf(i: number, opd: string, kode: string, gap: number): EmployeeGaps {
  return {
    nip: nipOf(i),
    opd,
    jabatan: 'Analis',
    competencies: [{ kode, standar: 4, aktual: 4 - gap, gap, prioritas: gap, sumber: ['Diri'] }],
  };
}

function baseline(adjust?: (data: ProgramData) => void): { ctx: CheckContext; report: ScheduleReport } {
  const data: ProgramData = emptyData(TAHUN);
  const courses: Course[] = [
    {
      row: 2,
      kode: 'A',
      judul: 'A',
      kompetensi: ['M.01'],
      jp: 20,
      kapasitas: 3,
      biaya: 1_000_000,
      hari: 2,
      moda: 'Tatap Muka',
    },
    {
      row: 3,
      kode: 'B',
      judul: 'B',
      kompetensi: ['M.02'],
      jp: 8,
      kapasitas: 3,
      biaya: 500_000,
      hari: 1,
      moda: 'Daring',
    },
  ];
  data.courses = courses;
  data.budgets = [
    { row: 2, opd: 'X', pagu: 10_000_000 },
    { row: 3, opd: 'Y', pagu: 10_000_000 },
  ];
  data.rooms = [
    { row: 2, nama: 'R1', kapasitas: 3 },
    { row: 3, nama: 'R2', kapasitas: 2 },
  ];
  const employees = [
    gapsOf(1, 'X', 'M.01', 2),
    gapsOf(2, 'X', 'M.01', 1),
    gapsOf(3, 'Y', 'M.02', 1),
    gapsOf(4, 'Y', 'M.01', 2),
    gapsOf(5, 'Y', 'M.01', 1),
  ];
  employees[0]?.competencies.push({
    kode: 'M.02',
    standar: 3,
    aktual: 2,
    gap: 1,
    prioritas: 1,
    sumber: ['Diri'],
  });
  adjust?.(data);
  const gaps = { employees, opd: [] };
  const report = planSchedule(data, gaps, { holidays });
  const ctx = { data, gaps, holidays };
  expect(checkSchedule(report, ctx)).toEqual([]);
  expect(report.sessions.length).toBeGreaterThanOrEqual(3);
  return { ctx, report };
}

function kinds(report: ScheduleReport, ctx: CheckContext): ViolationKind[] {
  return [...new Set(checkSchedule(report, ctx).map((v) => v.kind))].sort();
}

const clone = (r: ScheduleReport): ScheduleReport => structuredClone(r);

describe('checkSchedule catches', () => {
  const { ctx, report } = baseline();
  const sessionA = () => report.sessions.findIndex((s) => s.kode === 'A');

  it('a session over Kapasitas', () => {
    const r = clone(report);
    const s = r.sessions[sessionA()];
    if (!s) throw new Error('no A session');
    // move every A participant into one session (4 > 3); drop the others
    const all = r.sessions.filter((x) => x.kode === 'A').flatMap((x) => x.peserta);
    r.sessions = r.sessions.filter((x) => x.kode !== 'A' || x === s);
    s.peserta = [...new Set(all)].sort();
    expect(kinds(r, ctx)).toContain('kapasitas');
  });

  it('a participant without a positive gap in the course competencies', () => {
    const r = clone(report);
    const b = r.sessions.find((s) => s.kode === 'B');
    b?.peserta.push(nipOf(2)); // ASN 2 only needs M.01
    expect(kinds(r, ctx)).toContain('tanpa-kebutuhan');
  });

  it('a participant unknown to the gap analysis', () => {
    const r = clone(report);
    r.sessions[0]?.peserta.push('199901012020011999');
    expect(kinds(r, ctx)).toContain('peserta-tidak-dikenal');
  });

  it('a session starting on a weekend', () => {
    const r = clone(report);
    const s = r.sessions.find((x) => x.kode === 'B');
    if (!s) throw new Error('no B session');
    s.mulai = '2026-01-10'; // Saturday
    s.selesai = '2026-01-10';
    expect(kinds(r, ctx)).toContain('hari-libur');
  });

  it('a session on a public holiday', () => {
    const r = clone(report);
    const s = r.sessions.find((x) => x.kode === 'B');
    if (!s) throw new Error('no B session');
    s.mulai = '2026-08-17';
    s.selesai = '2026-08-17';
    expect(kinds(r, ctx)).toContain('hari-libur');
  });

  it('a session outside the fiscal year', () => {
    const r = clone(report);
    const s = r.sessions.find((x) => x.kode === 'B');
    if (!s) throw new Error('no B session');
    s.mulai = '2027-01-05';
    s.selesai = '2027-01-05';
    expect(kinds(r, ctx)).toContain('di-luar-tahun');
  });

  it('a session starting before the earliest allowed date', () => {
    const r = clone(report);
    const first = [...r.sessions].sort((a, b) => a.mulai.localeCompare(b.mulai))[0];
    if (!first) throw new Error('no session');
    expect(kinds(r, { ...ctx, mulaiPalingAwal: first.mulai })).toEqual([]);
    const dayAfter = new Date(`${first.mulai}T00:00:00Z`);
    dayAfter.setUTCDate(dayAfter.getUTCDate() + 1);
    const later = dayAfter.toISOString().slice(0, 10);
    expect(kinds(r, { ...ctx, mulaiPalingAwal: later })).toEqual(['sebelum-mulai']);
    r.mulaiPalingAwal = later; // the report's own date counts when the context has none
    expect(kinds(r, ctx)).toEqual(['sebelum-mulai']);
  });

  it('a session shorter or longer than Hari', () => {
    const r = clone(report);
    const s = r.sessions[sessionA()];
    if (!s) throw new Error('no A session');
    s.selesai = s.mulai; // A lasts two working days
    expect(kinds(r, ctx)).toContain('durasi');
  });

  it('an ASN in two overlapping sessions', () => {
    const r = clone(report);
    const a = r.sessions.find((x) => x.kode === 'A' && x.peserta.includes(nipOf(1)));
    const b = r.sessions.find((x) => x.kode === 'B' && x.peserta.includes(nipOf(1)));
    if (!a || !b) throw new Error('ASN 1 should take A and B');
    b.mulai = a.mulai;
    b.selesai = a.mulai;
    expect(kinds(r, ctx)).toContain('bentrok');
  });

  it('a room used twice at once', () => {
    const r = clone(report);
    const a = r.sessions.filter((x) => x.kode === 'A');
    if (a.length < 2) throw new Error('need two A sessions');
    const [s1, s2] = a as [ScheduleReport['sessions'][number], ScheduleReport['sessions'][number]];
    // different participants, same room, same days
    s2.mulai = s1.mulai;
    s2.selesai = s1.selesai;
    s2.ruang = 'R1';
    s1.ruang = 'R1';
    const k = checkSchedule(r, ctx).filter((v) => v.kind === 'ruang');
    expect(k.map((v) => v.message).join(' ')).toContain('juga dipakai');
  });

  it('a room with too few seats, or a classroom session without a room', () => {
    const r = clone(report);
    const [a, other] = r.sessions.filter((x) => x.kode === 'A');
    if (!a || !other) throw new Error('need two A sessions');
    const c: CheckContext = {
      ...ctx,
      data: {
        ...ctx.data,
        rooms: [
          { row: 2, nama: 'R1', kapasitas: 3 },
          { row: 3, nama: 'Kecil', kapasitas: 1 },
        ],
      },
    };
    a.ruang = 'Kecil';
    delete other.ruang;
    const messages = checkSchedule(r, c)
      .filter((v) => v.kind === 'ruang')
      .map((v) => v.message);
    expect(messages.some((m) => m.includes('hanya 1 kursi'))).toBe(true);
    expect(messages.some((m) => m.includes('tanpa ruang'))).toBe(true);
  });

  it('spending over an OPD Pagu', () => {
    const c = structuredClone(ctx);
    c.data.budgets = [
      { row: 2, opd: 'X', pagu: 100 },
      { row: 3, opd: 'Y', pagu: 10_000_000 },
    ];
    c.holidays = ctx.holidays;
    const k = kinds(report, c);
    expect(k).toContain('anggaran');
  });

  it('a budget report that does not add up', () => {
    const r = clone(report);
    const b = r.budget[0];
    if (!b) throw new Error('no budget');
    b.terpakai += 1;
    expect(kinds(r, ctx)).toEqual(['laporan-anggaran']);
  });

  it('an objective that does not match the sessions', () => {
    const r = clone(report);
    r.objective -= 1;
    expect(kinds(r, ctx)).toEqual(['objektif']);
  });

  it('a bound below the objective', () => {
    const r = clone(report);
    r.bound = r.objective - 1;
    expect(kinds(r, ctx)).toEqual(['batas']);
  });

  it('duplicate session ids, duplicate enrolments and unknown courses', () => {
    const r = clone(report);
    const first = r.sessions[0];
    if (!first) throw new Error('no session');
    r.sessions.push({ ...first, peserta: [] });
    const k1 = kinds(r, ctx);
    expect(k1).toContain('id-ganda');
    const r2 = clone(report);
    const s = r2.sessions[0];
    if (!s) throw new Error('no session');
    s.peserta.push(s.peserta[0] as string);
    expect(kinds(r2, ctx)).toContain('peserta-ganda');
    const r3 = clone(report);
    const t = r3.sessions[0];
    if (!t) throw new Error('no session');
    t.kode = 'ZZZ';
    expect(kinds(r3, ctx)).toContain('kursus-tidak-dikenal');
  });

  it('the same ASN twice in one course across sessions', () => {
    const r = clone(report);
    const a = r.sessions.filter((x) => x.kode === 'A');
    const [s1, s2] = a;
    if (!s1 || !s2) throw new Error('need two A sessions');
    const nip = s1.peserta[0] as string;
    s2.peserta = [...s2.peserta.slice(0, 1), nip];
    expect(
      checkSchedule(r, ctx).some(
        (v) => v.kind === 'peserta-ganda' && v.message.includes('lebih dari sekali'),
      ),
    ).toBe(true);
  });
});

describe('the equity bonus is recounted over Jangka Pemerataan', () => {
  /** every ASN of the baseline had one training `yearsBack` years before the fiscal year */
  const trainedYearsBack = (yearsBack: number, jangka: number) =>
    baseline((data) => {
      data.settings.jangkaPemerataan = jangka;
      data.trainings = [1, 2, 3, 4, 5].map((i) => ({
        row: i + 1,
        nip: nipOf(i),
        namaPelatihan: 'Pelatihan lama',
        jp: 4,
        mulai: `${TAHUN - yearsBack}-03-02`,
      }));
    });

  it.each([
    [2, 1, 'trained before the window: the bonus counts'],
    [2, 2, 'trained inside the window: no bonus'],
    [3, 3, 'a window longer than the default'],
    [3, 2, 'trained before the default window'],
  ])('trained %i years back, Jangka Pemerataan %i (%s): objective agrees', (back, jangka) => {
    // baseline() asserts checkSchedule finds nothing, the objective recount included
    const { report } = trainedYearsBack(back, jangka);
    expect(report.bobot.ekuitas).toBeGreaterThan(0);
  });

  it('the recount follows the setting, not a fixed two years', () => {
    const { ctx, report } = trainedYearsBack(2, 1);
    const widened = structuredClone(ctx);
    widened.data.settings.jangkaPemerataan = 2; // the same plan judged with another window
    expect(kinds(report, widened)).toEqual(['objektif']);
  });
});
