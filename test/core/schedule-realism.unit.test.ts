import {
  type Course,
  checkSchedule,
  type Employee,
  type EmployeeGaps,
  type GapsReport,
  type ProgramData,
  planSchedule,
  type ScheduleReport,
  validateWorkbook,
} from '@bangkom/core';
import { catalogCourse, emptyData, nipOf, someHolidays } from './schedule-fixtures';

const TAHUN = 2026;
const HOLIDAYS = someHolidays(TAHUN);

const course = catalogCourse;

interface Person {
  needs: string[];
  jenisAsn?: Employee['jenisAsn'];
  jenisJabatan?: Employee['jenisJabatan'];
}

function world(people: Person[], courses: Course[], extra: Partial<ProgramData> = {}) {
  const employees: EmployeeGaps[] = people.map((p, i) => ({
    nip: nipOf(i),
    opd: 'Dinas A',
    jabatan: 'Analis',
    competencies: p.needs.map((kode) => ({
      kode,
      standar: 4,
      aktual: 2,
      gap: 2,
      prioritas: 2,
      sumber: ['Atasan'],
    })),
  }));
  const data: ProgramData = { ...emptyData(TAHUN), ...extra };
  data.courses = courses;
  data.budgets = [{ row: 2, opd: 'Dinas A', pagu: 1_000_000_000 }];
  data.employees = people.map((p, i) => ({
    row: i + 2,
    nip: nipOf(i),
    nama: `Pegawai ${i}`,
    jenisAsn: p.jenisAsn ?? 'PNS',
    opd: 'Dinas A',
    jabatan: 'Analis',
    ...(p.jenisJabatan ? { jenisJabatan: p.jenisJabatan } : {}),
  }));
  const gaps: GapsReport = { employees, opd: [] };
  return { data, gaps };
}

function solve(w: { data: ProgramData; gaps: GapsReport }): ScheduleReport {
  const report = planSchedule(w.data, w.gaps, { holidays: HOLIDAYS });
  expect(checkSchedule(report, { data: w.data, gaps: w.gaps, holidays: HOLIDAYS })).toEqual([]);
  expect(report.bound).toBeGreaterThanOrEqual(report.objective - 1e-9);
  return report;
}

const participants = (r: ScheduleReport, kode: string) =>
  r.sessions
    .filter((s) => s.kode === kode)
    .flatMap((s) => s.peserta)
    .sort();

describe('course audiences', () => {
  it('gives a PPPK-only course to PPPK only, and says why the PNS need stays open', () => {
    const w = world(
      [
        { needs: ['M.01'], jenisAsn: 'PPPK' },
        { needs: ['M.01'], jenisAsn: 'PNS' },
      ],
      [course('ORI', ['M.01'], { sasaranJenisAsn: 'PPPK' })],
    );
    const r = solve(w);
    expect(participants(r, 'ORI')).toEqual([nipOf(0)]);
    expect(r.unmet).toEqual([expect.objectContaining({ nip: nipOf(1), kode: 'M.01', batas: 'sasaran' })]);
    expect(r.unmet[0]?.alasan).toContain('hanya untuk PPPK');
  });

  it('admits JPT Pratama to a JPT course and keeps out those without Jenis Jabatan', () => {
    const w = world(
      [
        { needs: ['M.02'], jenisJabatan: 'JPT Pratama' },
        { needs: ['M.02'], jenisJabatan: 'Pelaksana' },
        { needs: ['M.02'] },
      ],
      [course('LEAD', ['M.02'], { sasaranJenisJabatan: ['JPT', 'Administrator'] })],
    );
    const r = solve(w);
    expect(participants(r, 'LEAD')).toEqual([nipOf(0)]);
    expect(r.unmet.map((u) => [u.nip, u.batas])).toEqual([
      [nipOf(1), 'sasaran'],
      [nipOf(2), 'sasaran'],
    ]);
  });

  it('admits to a course with a prerequisite only those whose history records it', () => {
    const w = world(
      [{ needs: ['T.02'] }, { needs: ['T.02'] }],
      [course('PBJ', ['T.01']), course('EKAT', ['T.02'], { syarat: 'PBJ' })],
      {
        trainings: [
          // the prerequisite recorded by its title, in another spelling
          { row: 2, nip: nipOf(1), namaPelatihan: '  pelatihan   PBJ ', jp: 20, mulai: '2024-03-04' },
        ],
      },
    );
    const r = solve(w);
    expect(participants(r, 'EKAT')).toEqual([nipOf(1)]);
    expect(r.unmet).toEqual([expect.objectContaining({ nip: nipOf(0), batas: 'syarat' })]);
  });

  it("puts on a session's waiting list only the ASN its audience admits, within their JP ceiling", () => {
    const w = world(
      [
        { needs: ['M.01'], jenisAsn: 'PPPK' },
        { needs: ['M.01'], jenisAsn: 'PPPK' },
        { needs: ['M.01'], jenisAsn: 'PNS' },
        { needs: ['M.01'], jenisAsn: 'PPPK' },
      ],
      [course('ORI', ['M.01'], { sasaranJenisAsn: 'PPPK', kapasitas: 1, biaya: 1_000_000 })],
      {
        // PPPK 3 already trained 50 JP this year: 20 more would pass the ceiling of 60
        trainings: [{ row: 2, nip: nipOf(3), namaPelatihan: 'Lain', jp: 50, mulai: '2026-02-02' }],
      },
    );
    w.data.budgets = [{ row: 2, opd: 'Dinas A', pagu: 1_000_000 }];
    const r = solve(w);
    expect(r.sessions).toHaveLength(1);
    const seated = r.sessions[0]?.peserta[0];
    expect([nipOf(0), nipOf(1)]).toContain(seated);
    // the other PPPK waits; the PNS (outside the audience) and PPPK 3 (ceiling) do not
    expect(r.sessions[0]?.daftarTunggu).toEqual([seated === nipOf(0) ? nipOf(1) : nipOf(0)]);
  });

  it('the checker reports every participant outside the audience', () => {
    const w = world(
      [{ needs: ['M.01'], jenisAsn: 'PNS', jenisJabatan: 'Pelaksana' }],
      [course('ORI', ['M.01'], { sasaranJenisAsn: 'PPPK', sasaranJenisJabatan: ['JPT'], syarat: 'X' })],
    );
    const forged: ScheduleReport = {
      ...solve(world([], [])),
      sessions: [
        {
          id: 'ORI-2026-1',
          kode: 'ORI',
          mulai: '2026-01-05',
          selesai: '2026-01-05',
          peserta: [nipOf(0)],
          judul: 'Pelatihan ORI',
          hari: 1,
          jp: 20,
          moda: 'Daring',
          biayaPerPeserta: 0,
        },
      ],
    };
    const kinds = checkSchedule(forged, { data: w.data, gaps: w.gaps, holidays: HOLIDAYS }).map(
      (v) => v.kind,
    );
    expect(kinds.filter((k) => k === 'sasaran')).toHaveLength(2);
    expect(kinds).toContain('syarat');
  });
});

describe('waiting lists in the checker', () => {
  it('reports a waiting-list NIP outside the audience or already seated in the course', () => {
    const w = world(
      [
        { needs: ['M.01'], jenisAsn: 'PPPK' },
        { needs: ['M.01'], jenisAsn: 'PNS' },
      ],
      [course('ORI', ['M.01'], { sasaranJenisAsn: 'PPPK' })],
    );
    const base = solve(w);
    const ctx = { data: w.data, gaps: w.gaps, holidays: HOLIDAYS };
    const session = base.sessions[0];
    if (!session) throw new Error('a session is planned');
    expect(session.daftarTunggu).toEqual([]);
    const forged = { ...base, sessions: [{ ...session, daftarTunggu: [nipOf(0), nipOf(1)] }] };
    const found = checkSchedule(forged, ctx).map((v) => [v.kind, v.nip]);
    expect(found).toEqual([
      ['daftar-tunggu', nipOf(0)],
      ['sasaran', nipOf(1)],
    ]);
  });
});

describe('Batas JP per ASN', () => {
  it('never plans past the ceiling, counting JP already recorded this year', () => {
    const courses = ['A', 'B', 'C', 'D'].map((k, i) => course(k, [`M.0${i + 1}`], { jp: 24 }));
    const needs = ['M.01', 'M.02', 'M.03', 'M.04'];
    const w = world([{ needs }, { needs }], courses, {
      trainings: [{ row: 2, nip: nipOf(1), namaPelatihan: 'Lain', jp: 30, mulai: '2026-02-02' }],
    });
    const r = solve(w);
    // default ceiling 60: two 24-JP courses for the first, one for the second (30 already recorded)
    const jp = (nip: string) => r.individu.find((i) => i.nip === nip)?.jpRencana;
    expect(jp(nipOf(0))).toBe(48);
    expect(jp(nipOf(1))).toBe(24);
    expect(r.unmet.filter((u) => u.batas === 'batas-jp')).toHaveLength(5);
    // the bound knows the ceiling: proven optimal
    expect(r.objective).toBeCloseTo(r.bound, 9);
  });

  it('follows Batas JP per ASN and the weights from Pengaturan', () => {
    const courses = ['A', 'B', 'C'].map((k, i) => course(k, [`M.0${i + 1}`], { jp: 24 }));
    const w = world([{ needs: ['M.01', 'M.02', 'M.03'] }], courses);
    w.data.settings = { ...w.data.settings, batasJp: 80, bobotTargetJp: 3, bobotEkuitas: 0, bobotBiaya: 2 };
    const r = solve(w);
    expect(r.individu[0]?.jpRencana).toBe(72);
    expect(r.bobot).toEqual({ targetJp: 3, ekuitas: 0, biaya: 2 / 1_000_000 });
  });

  it('the checker reports a plan past the ceiling', () => {
    const w = world([{ needs: ['M.01'] }], [course('BIG', ['M.01'], { jp: 40 })]);
    w.data.settings = { ...w.data.settings, batasJp: 30 };
    const forged: ScheduleReport = {
      ...solve(world([], [])),
      sessions: [
        {
          id: 'BIG-2026-1',
          kode: 'BIG',
          mulai: '2026-01-05',
          selesai: '2026-01-05',
          peserta: [nipOf(0)],
          judul: 'Pelatihan BIG',
          hari: 1,
          jp: 40,
          moda: 'Daring',
          biayaPerPeserta: 0,
        },
      ],
    };
    const kinds = checkSchedule(forged, { data: w.data, gaps: w.gaps, holidays: HOLIDAYS }).map(
      (v) => v.kind,
    );
    expect(kinds).toContain('batas-jp');
    // and the scheduler itself warns and plans nothing for it
    const r = solve(w);
    expect(r.sessions).toEqual([]);
    expect(r.peringatan.map((p) => p.column)).toContain('JP');
  });
});

describe('Katalog and Pengaturan columns', () => {
  it('reads Sasaran Jenis ASN, Sasaran Jenis Jabatan and Syarat, rejecting unknown groups', () => {
    const r = validateWorkbook({
      Pegawai: [['NIP', 'Nama', 'Jenis ASN', 'OPD', 'Jabatan']],
      'Standar Kompetensi': [['Jabatan', 'Kode', 'Level']],
      'Riwayat Pelatihan': [['NIP', 'Nama Pelatihan', 'JP', 'Tanggal Mulai']],
      Anggaran: [['OPD', 'Pagu']],
      'Katalog Pelatihan': [
        [
          'Kode',
          'Judul',
          'Kompetensi',
          'JP',
          'Kapasitas',
          'Biaya per Peserta',
          'Sasaran Jenis ASN',
          'Sasaran Jenis Jabatan',
          'Syarat',
        ],
        ['K1', 'Orientasi', 'M.01', 10, 30, 0, 'pppk', 'JPT Pratama, pelaksana', ''],
        ['K2', 'Umum', 'M.01', 10, 30, 0, 'Semua', '', 'K1'],
        ['K3', 'Salah', 'M.01', 10, 30, 0, '', 'Eselon II', 'K3'],
      ],
      Pengaturan: [
        ['Kunci', 'Nilai'],
        ['Batas JP per ASN', 80],
        ['Bobot 20 JP', 12],
        ['Bobot Ekuitas', -1],
      ],
    });
    expect(r.data.courses.map((c) => [c.kode, c.sasaranJenisAsn, c.sasaranJenisJabatan, c.syarat])).toEqual([
      ['K1', 'PPPK', ['JPT', 'Pelaksana'], undefined],
      ['K2', undefined, undefined, 'K1'],
    ]);
    expect(r.errors.filter((e) => e.sheet === 'Katalog Pelatihan').map((e) => [e.row, e.column])).toEqual([
      [4, 'Sasaran Jenis Jabatan'],
      [4, 'Syarat'],
    ]);
    expect(r.data.settings.batasJp).toBe(80);
    expect(r.data.settings.bobotTargetJp).toBe(12);
    expect(r.data.settings.bobotEkuitas).toBeUndefined();
    expect(r.errors.filter((e) => e.sheet === 'Pengaturan').map((e) => e.row)).toEqual([4]);
  });
});

describe('class sizes and rooms', () => {
  const people = (n: number, needs: string[]) => Array.from({ length: n }, () => ({ needs }));
  const forge = (kode: string, peserta: string[], ruang?: string): ScheduleReport => ({
    ...solve(world([], [])),
    sessions: [
      {
        id: `${kode}-2026-1`,
        kode,
        mulai: '2026-01-05',
        selesai: '2026-01-05',
        peserta,
        judul: `Pelatihan ${kode}`,
        hari: 1,
        jp: 20,
        moda: 'Tatap Muka',
        biayaPerPeserta: 0,
        ...(ruang ? { ruang } : {}),
      },
    ],
  });

  it('runs no session below Peserta Minimum: too few takers wait, with the limit named', () => {
    const w = world(people(6, ['M.01']), [
      course('KLS', ['M.01'], { moda: 'Tatap Muka', bentuk: 'KL03', pesertaMinimum: 8 }),
    ]);
    const r = solve(w);
    expect(r.sessions).toEqual([]);
    expect(r.unmet.map((u) => u.batas)).toEqual(Array(6).fill('peserta-minimum'));
    // the bound knows no such course can run: proven optimal
    expect(r.bound).toBeCloseTo(r.objective, 9);
  });

  it('uses the Pengaturan default for face-to-face classical courses and 1 for the others', () => {
    const w = world(people(4, ['M.01', 'M.02']), [
      course('KLS', ['M.01'], { moda: 'Tatap Muka', bentuk: 'KL03' }),
      course('MAG', ['M.02'], { moda: 'Tatap Muka', bentuk: 'NKL12' }),
    ]);
    w.data.settings = { ...w.data.settings, pesertaMinimum: 5 };
    const r = solve(w);
    expect(r.sessions.map((s) => s.kode)).toEqual(['MAG']);
    expect(participants(r, 'MAG')).toHaveLength(4);
  });

  it('books rooms for classical forms only, of the Jenis Ruang the course asks for', () => {
    const w = world(
      people(25, ['M.01', 'M.02', 'M.03']),
      [
        course('LAB', ['M.01'], { moda: 'Tatap Muka', bentuk: 'KL03', jenisRuang: 'lab  komputer' }),
        course('KLS', ['M.02'], { moda: 'Campuran', bentuk: 'KL10' }),
        course('PTK', ['M.03'], { moda: 'Tatap Muka', bentuk: 'NKL07', kapasitas: 30 }),
      ],
      {
        rooms: [
          { row: 2, nama: 'Aula', kapasitas: 40, jenis: 'Aula' },
          { row: 3, nama: 'Lab', kapasitas: 20, jenis: 'Lab Komputer' },
        ],
      },
    );
    const r = solve(w);
    const lab = r.sessions.filter((s) => s.kode === 'LAB');
    expect(lab.map((s) => s.ruang)).toEqual(['Lab', 'Lab']);
    expect(lab.map((s) => s.peserta.length).sort()).toEqual([12, 13]);
    expect(r.sessions.filter((s) => s.kode === 'KLS').map((s) => s.ruang)).toEqual(['Aula']);
    expect(r.sessions.filter((s) => s.kode === 'PTK').map((s) => s.ruang)).toEqual([null]);
  });

  it('warns when no room has the Jenis Ruang a course needs, and plans none of it', () => {
    const w = world(
      people(3, ['M.01']),
      [course('LAB', ['M.01'], { moda: 'Tatap Muka', jenisRuang: 'Lab' })],
      {
        rooms: [{ row: 2, nama: 'Aula', kapasitas: 40, jenis: 'Aula' }],
      },
    );
    const r = solve(w);
    expect(r.sessions).toEqual([]);
    expect(r.peringatan.map((p) => p.column)).toContain('Jenis Ruang');
  });

  it('the checker reports small sessions, rooms for out-of-office forms and rooms of the wrong type', () => {
    const w = world(people(3, ['M.01']), [
      course('KLS', ['M.01'], { moda: 'Tatap Muka', bentuk: 'KL03', pesertaMinimum: 5, jenisRuang: 'Lab' }),
      course('MAG', ['M.01'], { moda: 'Tatap Muka', bentuk: 'NKL12' }),
    ]);
    w.data.rooms = [{ row: 2, nama: 'Aula', kapasitas: 40, jenis: 'Aula' }];
    const ctx = { data: w.data, gaps: w.gaps, holidays: HOLIDAYS };
    const small = checkSchedule(forge('KLS', [nipOf(0), nipOf(1)], 'Aula'), ctx).map((v) => v.kind);
    expect(small).toEqual(expect.arrayContaining(['peserta-minimum', 'ruang']));
    const magang = checkSchedule(forge('MAG', [nipOf(0)], 'Aula'), ctx);
    expect(magang.map((v) => v.kind)).toContain('ruang');
    expect(magang.find((v) => v.kind === 'ruang')?.message).toContain('di luar kelas');
    expect(checkSchedule(forge('MAG', [nipOf(0)]), ctx).filter((v) => v.kind === 'ruang')).toEqual([]);
  });

  it('reads Peserta Minimum, Jenis Ruang and Ruang.Jenis, rejecting a minimum above Kapasitas', () => {
    const r = validateWorkbook({
      Pegawai: [['NIP', 'Nama', 'Jenis ASN', 'OPD', 'Jabatan']],
      'Standar Kompetensi': [['Jabatan', 'Kode', 'Level']],
      'Riwayat Pelatihan': [['NIP', 'Nama Pelatihan', 'JP', 'Tanggal Mulai']],
      Anggaran: [['OPD', 'Pagu']],
      'Katalog Pelatihan': [
        [
          'Kode',
          'Judul',
          'Kompetensi',
          'JP',
          'Kapasitas',
          'Biaya per Peserta',
          'Peserta Minimum',
          'Jenis Ruang',
        ],
        ['K1', 'Lab', 'M.01', 10, 20, 0, 12, 'Lab Komputer'],
        ['K2', 'Besar', 'M.01', 10, 20, 0, 25, ''],
      ],
      Ruang: [
        ['Nama', 'Kapasitas', 'Jenis'],
        ['Lab A', 20, 'Lab Komputer'],
      ],
      Pengaturan: [
        ['Kunci', 'Nilai'],
        ['Peserta Minimum', 0],
      ],
    });
    expect(r.data.courses.map((c) => [c.kode, c.pesertaMinimum, c.jenisRuang])).toEqual([
      ['K1', 12, 'Lab Komputer'],
    ]);
    expect(r.data.rooms).toEqual([{ row: 2, nama: 'Lab A', kapasitas: 20, jenis: 'Lab Komputer' }]);
    const mine = r.errors.filter((e) => ['Katalog Pelatihan', 'Ruang', 'Pengaturan'].includes(e.sheet));
    expect(mine.map((e) => [e.sheet, e.row, e.column])).toEqual([
      ['Katalog Pelatihan', 3, 'Peserta Minimum'],
      ['Pengaturan', 2, 'Nilai'],
    ]);
  });
});
