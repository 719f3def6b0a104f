import {
  type Course,
  checkSchedule,
  type EmployeeGaps,
  type GapsReport,
  type ProgramData,
  planSchedule,
  type ScheduledSession,
  type ScheduleReport,
  type Trainer,
  validateWorkbook,
} from '@bangkom/core';
import { catalogCourse, emptyData, nipOf, someHolidays } from './schedule-fixtures';

const TAHUN = 2026;
const HOLIDAYS = someHolidays(TAHUN);

function course(kode: string, kompetensi: string[], over: Partial<Course> = {}): Course {
  return catalogCourse(kode, kompetensi, {
    jp: 10,
    kapasitas: 20,
    hari: 3,
    moda: 'Tatap Muka',
    bentuk: 'KL03',
    ...over,
  });
}

function trainer(nama: string, kode: string[], over: Partial<Trainer> = {}): Trainer {
  return { row: 2, nama, kode, tidakTersedia: [], ...over };
}

interface Group {
  opd: string;
  count: number;
  needs: string[];
}

/** ASN in groups (OPD, how many, needs), numbered in order; every OPD has a large Pagu. */
function world(groups: Group[], courses: Course[], extra: Partial<ProgramData> = {}) {
  const employees: EmployeeGaps[] = [];
  const data: ProgramData = { ...emptyData(TAHUN), ...extra };
  let i = 0;
  for (const g of groups) {
    for (let k = 0; k < g.count; k++, i++) {
      data.employees.push({
        row: i + 2,
        nip: nipOf(i),
        nama: `Pegawai ${i}`,
        jenisAsn: 'PNS',
        opd: g.opd,
        jabatan: 'Analis',
      });
      employees.push({
        nip: nipOf(i),
        opd: g.opd,
        jabatan: 'Analis',
        competencies: g.needs.map((kode) => ({
          kode,
          standar: 4,
          aktual: 2,
          gap: 2,
          prioritas: 2,
          sumber: ['Atasan'],
        })),
      });
    }
  }
  data.courses = courses;
  data.budgets = [...new Set(groups.map((g) => g.opd))].map((opd, k) => ({ row: k + 2, opd, pagu: 1e9 }));
  if (!extra.rooms) data.rooms = [1, 2, 3].map((n) => ({ row: n + 1, nama: `Kelas ${n}`, kapasitas: 30 }));
  const gaps: GapsReport = { employees, opd: [] };
  return { data, gaps };
}

type World = ReturnType<typeof world>;

function solve(w: World, mulaiPalingAwal?: string): ScheduleReport {
  const report = planSchedule(w.data, w.gaps, {
    holidays: HOLIDAYS,
    ...(mulaiPalingAwal ? { mulaiPalingAwal } : {}),
  });
  expect(checkSchedule(report, { data: w.data, gaps: w.gaps, holidays: HOLIDAYS })).toEqual([]);
  expect(report.bound).toBeGreaterThanOrEqual(report.objective - 1e-9);
  return report;
}

/** Working days (no weekend, no holiday) from mulai to selesai, independent of the scheduler. */
function daysOf(s: ScheduledSession): string[] {
  const out: string[] = [];
  for (
    let t = Date.parse(`${s.mulai}T00:00:00Z`);
    t <= Date.parse(`${s.selesai}T00:00:00Z`);
    t += 86_400_000
  ) {
    const d = new Date(t);
    const iso = d.toISOString().slice(0, 10);
    if (d.getUTCDay() >= 1 && d.getUTCDay() <= 5 && !HOLIDAYS.has(iso)) out.push(iso);
  }
  return out;
}

const OFF = ['2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08', '2026-01-09', '2026-02-02'];

describe('Pengajar', () => {
  it('gives each classroom session one trainer who teaches it, is available and is never in two places', () => {
    const w = world(
      [{ opd: 'Dinas A', count: 60, needs: ['M.01', 'M.02', 'M.03'] }],
      [
        course('K1', ['M.01']),
        course('K2', ['M.02']),
        course('D1', ['M.03'], { moda: 'Daring', bentuk: 'KL10' }),
      ],
      { trainers: [trainer('Bu Ani', ['K1', 'K2'], { tidakTersedia: OFF })] },
    );
    const r = solve(w);
    const classroom = r.sessions.filter((s) => s.kode !== 'D1');
    expect(classroom).toHaveLength(6);
    expect(new Set(classroom.map((s) => s.pengajar))).toEqual(new Set(['Bu Ani']));
    // one trainer: no two classroom sessions share a working day, none on her days off
    const days = classroom.flatMap(daysOf);
    expect(new Set(days).size).toBe(days.length);
    expect(days.filter((d) => OFF.includes(d))).toEqual([]);
    // Daring takes no room and no trainer
    const daring = r.sessions.filter((s) => s.kode === 'D1');
    expect(daring.length).toBeGreaterThan(0);
    expect(daring.every((s) => s.pengajar === null && s.ruang === null)).toBe(true);
    expect(r.unmet).toEqual([]);
  });

  it('respects Maks Sesi per Bulan: the group that finds no trainer waits, with the limit named', () => {
    const w = world([{ opd: 'Dinas A', count: 60, needs: ['M.01'] }], [course('K1', ['M.01'])], {
      trainers: [trainer('Pak Budi', ['K1'], { maksSesiPerBulan: 1 })],
    });
    // only November and December remain: one session a month
    const r = solve(w, '2026-11-02');
    expect(r.sessions.map((s) => s.mulai.slice(0, 7)).sort()).toEqual(['2026-11', '2026-12']);
    expect(r.sessions.every((s) => s.pengajar === 'Pak Budi')).toBe(true);
    expect(r.unmet).toHaveLength(20);
    expect(new Set(r.unmet.map((u) => u.batas))).toEqual(new Set(['pengajar']));
    expect(r.unmet[0]?.alasan).toContain('pengajar');
  });

  it('does not schedule a classroom course nobody teaches, and warns on both sheets', () => {
    const w = world(
      [{ opd: 'Dinas A', count: 12, needs: ['M.01', 'M.02'] }],
      [course('K1', ['M.01'], { row: 2 }), course('K2', ['M.02'], { row: 3 })],
      { trainers: [trainer('Bu Ani', ['K1', 'K9'])] },
    );
    const r = solve(w);
    expect(r.sessions.map((s) => s.kode)).toEqual(['K1']);
    expect(r.unmet.map((u) => [u.kode, u.batas])).toEqual(Array(12).fill(['M.02', 'pengajar']));
    const warned = r.peringatan.map((p) => [p.sheet, p.row, p.column]);
    expect(warned).toEqual(
      expect.arrayContaining([
        ['Katalog Pelatihan', 3, 'Kode'],
        ['Pengajar', 2, 'Kode Pelatihan'],
      ]),
    );
    // the course can never run, so the bound does not count it: proven optimal
    expect(r.objective).toBeCloseTo(r.bound, 9);
  });

  it('needs no trainer without a Pengajar sheet', () => {
    const w = world([{ opd: 'Dinas A', count: 12, needs: ['M.01'] }], [course('K1', ['M.01'])]);
    const r = solve(w);
    expect(r.sessions).toHaveLength(1);
    expect(r.sessions[0]?.pengajar).toBeNull();
    expect(r.sessions[0]?.ruang).toMatch(/^Kelas \d$/);
  });

  it('the checker finds a missing, wrong, absent, double-booked or over-booked trainer', () => {
    const w = world(
      [{ opd: 'Dinas A', count: 40, needs: ['M.01'] }],
      [course('K1', ['M.01']), course('K2', ['M.02'])],
      {
        trainers: [
          trainer('Bu Ani', ['K1'], { tidakTersedia: ['2026-03-03'], maksSesiPerBulan: 2 }),
          trainer('Pak Budi', ['K2']),
        ],
      },
    );
    const ctx = { data: w.data, gaps: w.gaps, holidays: HOLIDAYS };
    const base = solve(w);
    const session = (n: number, mulai: string, selesai: string, pengajar: string | null, ruang: string) => ({
      id: `K1-2026-${n}`,
      kode: 'K1',
      mulai,
      selesai,
      peserta: [nipOf(n)],
      judul: 'Pelatihan K1',
      hari: 3,
      jp: 10,
      moda: 'Tatap Muka' as const,
      biayaPerPeserta: 0,
      bentuk: 'KL03',
      ruang,
      pengajar,
    });
    const check = (sessions: ScheduledSession[]) =>
      checkSchedule({ ...base, sessions }, ctx)
        .filter((v) => v.kind === 'pengajar')
        .map((v) => [v.sesi, v.message]);
    expect(check([session(1, '2026-03-09', '2026-03-11', null, 'Kelas 1')])).toEqual([
      ['K1-2026-1', expect.stringContaining('tanpa pengajar')],
    ]);
    expect(check([session(1, '2026-03-09', '2026-03-11', 'Pak Budi', 'Kelas 1')])).toEqual([
      ['K1-2026-1', expect.stringContaining('tidak mengajar K1')],
    ]);
    expect(check([session(1, '2026-03-02', '2026-03-04', 'Bu Ani', 'Kelas 1')])).toEqual([
      ['K1-2026-1', expect.stringContaining('tidak tersedia pada 2026-03-03')],
    ]);
    expect(
      check([
        session(1, '2026-03-09', '2026-03-11', 'Bu Ani', 'Kelas 1'),
        session(2, '2026-03-11', '2026-03-13', 'Bu Ani', 'Kelas 2'),
      ]),
    ).toEqual([['K1-2026-2', expect.stringContaining('juga mengajar sesi K1-2026-1 pada 2026-03-11')]]);
    expect(
      check([
        session(1, '2026-03-09', '2026-03-11', 'Bu Ani', 'Kelas 1'),
        session(2, '2026-03-16', '2026-03-18', 'Bu Ani', 'Kelas 1'),
        session(3, '2026-03-23', '2026-03-25', 'Bu Ani', 'Kelas 1'),
      ]),
    ).toEqual([['K1-2026-3', expect.stringContaining('lebih dari 2 sesi dimulai pada 2026-03')]]);
  });

  it('reads the Pengajar sheet and rejects bad dates, duplicate names and a zero monthly limit', () => {
    const r = validateWorkbook({
      Pegawai: [['NIP', 'Nama', 'Jenis ASN', 'OPD', 'Jabatan']],
      'Standar Kompetensi': [['Jabatan', 'Kode', 'Level']],
      'Riwayat Pelatihan': [['NIP', 'Nama Pelatihan', 'JP', 'Tanggal Mulai']],
      Anggaran: [['OPD', 'Pagu']],
      Pengajar: [
        ['Nama', 'Kode Pelatihan', 'Tidak Tersedia', 'Maks Sesi per Bulan'],
        ['Bu Ani', 'K1, K2; K1', '2026-03-02, 03/03/2026', 4],
        ['Pak Budi', 'K2', 46085, ''],
        ['bu ani', 'K3', '', ''],
        ['Pak Coki', 'K1', '2026-03-02, besok', ''],
        ['Bu Dina', 'K1', '', 0],
        ['Pak Edi', ',', '', ''],
      ],
      Pengaturan: [
        ['Kunci', 'Nilai'],
        ['Maks Pegawai OPD Bersamaan', '30%'],
      ],
    });
    expect(r.data.trainers).toEqual([
      {
        row: 2,
        nama: 'Bu Ani',
        kode: ['K1', 'K2'],
        tidakTersedia: ['2026-03-02', '2026-03-03'],
        maksSesiPerBulan: 4,
      },
      { row: 3, nama: 'Pak Budi', kode: ['K2'], tidakTersedia: ['2026-03-04'] },
    ]);
    const mine = r.errors.filter((e) => e.sheet === 'Pengajar');
    expect(mine.map((e) => [e.row, e.column])).toEqual([
      [4, 'Nama'],
      [5, 'Tidak Tersedia'],
      [6, 'Maks Sesi per Bulan'],
      [7, 'Kode Pelatihan'],
    ]);
    expect(mine[1]?.message).toContain('besok');
    expect(r.data.settings.maksPegawaiOpd).toBeCloseTo(0.3, 12);
    const zero = validateWorkbook({
      Pegawai: [['NIP', 'Nama', 'Jenis ASN', 'OPD', 'Jabatan']],
      Pengaturan: [
        ['Kunci', 'Nilai'],
        ['Maks Pegawai OPD Bersamaan', 0],
      ],
    });
    expect(zero.errors.filter((e) => e.sheet === 'Pengaturan').map((e) => e.message)).toEqual([
      expect.stringContaining('Maks Pegawai OPD Bersamaan harus lebih dari 0'),
    ]);
  });
});

describe('Pengajar when re-planning', () => {
  it("keeps the trainer of a kept session and counts it against the trainer's month", () => {
    const w = world([{ opd: 'Dinas A', count: 60, needs: ['M.01'] }], [course('K1', ['M.01'])], {
      trainers: [trainer('Bu Ani', ['K1'], { maksSesiPerBulan: 1 })],
    });
    const first = solve(w);
    expect(first.sessions).toHaveLength(3);
    const announced = first.sessions[1] as ScheduledSession;
    expect(announced.pengajar).toBe('Bu Ani');
    const data: ProgramData = {
      ...w.data,
      attendance: announced.peserta.map((nip, i) => ({
        row: i + 2,
        sesi: announced.id,
        kode: 'K1',
        nip,
        status: 'Hadir' as const,
      })),
    };
    const again = planSchedule(data, w.gaps, { holidays: HOLIDAYS, sebelumnya: first.sessions });
    // the checker sees every session of the year, the kept one included: one a month for Bu Ani
    expect(checkSchedule(again, { data, gaps: w.gaps, holidays: HOLIDAYS })).toEqual([]);
    expect(again.ulang?.tetap).toEqual([announced.id]);
    expect(again.sessions.find((s) => s.id === announced.id)?.pengajar).toBe('Bu Ani');
    const months = again.sessions.map((s) => s.mulai.slice(0, 7));
    expect(new Set(months).size).toBe(again.sessions.length);
    expect(again.sessions).toHaveLength(3);
  });
});

describe('Maks Pegawai OPD Bersamaan', () => {
  it('keeps most of an OPD at work: at most its share away on one day, Daring not counted', () => {
    const w = world(
      [
        { opd: 'Dinas A', count: 8, needs: ['M.01'] },
        { opd: 'Dinas A', count: 4, needs: [] },
        { opd: 'Dinas B', count: 8, needs: ['M.02'] },
        { opd: 'Dinas C', count: 2, needs: ['M.01'] },
      ],
      [
        course('MAG', ['M.01'], { bentuk: 'NKL12', hari: 5, kapasitas: 30 }),
        course('D1', ['M.02'], { moda: 'Daring', bentuk: 'KL10', hari: 5, kapasitas: 30 }),
      ],
    );
    w.data.settings.maksPegawaiOpd = 0.25;
    // five working days remain (2026-12-25 is a holiday): one possible start for a five-day course
    const r = solve(w, '2026-12-24');
    const mag = r.sessions.filter((s) => s.kode === 'MAG').flatMap((s) => s.peserta);
    const opdOf = new Map(w.data.employees.map((e) => [e.nip, e.opd] as const));
    // Dinas A: 12 ASN in Pegawai -> 3 away; Dinas C: 2 ASN -> at least one person
    expect(mag.filter((n) => opdOf.get(n) === 'Dinas A')).toHaveLength(3);
    expect(mag.filter((n) => opdOf.get(n) === 'Dinas C')).toHaveLength(1);
    expect(r.sessions.filter((s) => s.kode === 'D1').flatMap((s) => s.peserta)).toHaveLength(8);
    const capped = r.unmet.filter((u) => u.batas === 'opd-bersamaan');
    expect(capped.map((u) => u.opd).sort()).toEqual([...Array(5).fill('Dinas A'), 'Dinas C']);
    expect(capped[0]?.alasan).toContain('Maks Pegawai OPD Bersamaan');
  });

  it('the checker counts every working day of every session held away from the office', () => {
    const w = world(
      [{ opd: 'Dinas A', count: 8, needs: ['M.01'] }],
      [course('MAG', ['M.01'], { bentuk: 'NKL12' })],
    );
    w.data.settings.maksPegawaiOpd = 0.25;
    const base = solve(w);
    const forged = (moda: 'Tatap Muka' | 'Daring'): ScheduleReport => ({
      ...base,
      sessions: [
        {
          id: 'MAG-2026-1',
          kode: 'MAG',
          mulai: '2026-03-09',
          selesai: '2026-03-11',
          peserta: [0, 1, 2].map(nipOf),
          judul: 'Pelatihan MAG',
          hari: 3,
          jp: 10,
          moda,
          biayaPerPeserta: 0,
          ruang: null,
        },
      ],
    });
    const ctx = { data: w.data, gaps: w.gaps, holidays: HOLIDAYS };
    const found = checkSchedule(forged('Tatap Muka'), ctx).filter((v) => v.kind === 'opd-bersamaan');
    expect(found.map((v) => [v.opd, v.message])).toEqual([
      ['Dinas A', expect.stringContaining('3 ASN sedang mengikuti pelatihan pada 2026-03-09')],
    ]);
    w.data.courses = [course('MAG', ['M.01'], { moda: 'Daring', bentuk: 'KL10' })];
    expect(checkSchedule(forged('Daring'), ctx).filter((v) => v.kind === 'opd-bersamaan')).toEqual([]);
  });
});
