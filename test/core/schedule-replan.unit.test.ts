/** `schedule --ulang`: sessions started or announced stay, the rest is planned again (replan.ts). */
import {
  type AttendanceRecord,
  checkSchedule,
  type EmployeeGaps,
  type ProgramData,
  planSchedule,
  type ScheduleReport,
} from '@bangkom/core';
import { dinasAEmployees, emptyData, nipOf, someHolidays } from './schedule-fixtures';

const TAHUN = 2026;
const HOLIDAYS = someHolidays(TAHUN);

/** `n` ASN of one OPD each needing M.01 (priorities 2..4); K1 (20 seats) develops it; Pagu pays for `paid`. */
function world(n: number, paid: number): { data: ProgramData; gaps: { employees: EmployeeGaps[]; opd: [] } } {
  const employees: EmployeeGaps[] = Array.from({ length: n }, (_, i) => ({
    nip: nipOf(i),
    opd: 'Dinas A',
    jabatan: 'Analis',
    competencies: [
      { kode: 'M.01', standar: 4, aktual: 2, gap: 2, prioritas: 2 + (i % 3), sumber: ['Atasan'] },
    ],
  }));
  const data = emptyData(TAHUN);
  data.courses = [
    {
      row: 2,
      kode: 'K1',
      judul: 'Pelatihan K1',
      kompetensi: ['M.01'],
      jp: 20,
      kapasitas: 20,
      biaya: 1_000_000,
      hari: 2,
      moda: 'Tatap Muka',
      bentuk: 'KL03',
    },
  ];
  data.budgets = [{ row: 2, opd: 'Dinas A', pagu: paid * 1_000_000 }];
  data.employees = dinasAEmployees(employees);
  return { data, gaps: { employees, opd: [] } };
}

function checked(r: ScheduleReport, data: ProgramData, gaps: { employees: EmployeeGaps[]; opd: [] }) {
  expect(checkSchedule(r, { data, gaps, holidays: HOLIDAYS })).toEqual([]);
  expect(r.bound).toBeGreaterThanOrEqual(r.objective - 1e-9);
}

const rsvp = (sesi: string, nip: string, status: 'Hadir' | 'Tidak Hadir', row: number): AttendanceRecord => ({
  row,
  sesi,
  kode: 'K1',
  nip,
  status,
});

describe('re-planning (sebelumnya)', () => {
  it('keeps an announced session, frees the seats of those who declined and fills them', () => {
    const w = world(50, 40);
    const first = planSchedule(w.data, w.gaps, { holidays: HOLIDAYS });
    checked(first, w.data, w.gaps);
    expect(first.sessions).toHaveLength(2);
    const announced = first.sessions[0] as ScheduleReport['sessions'][number];
    const others = first.sessions[1] as ScheduleReport['sessions'][number];
    const decliners = announced.peserta.slice(0, 3);
    const waiting = w.gaps.employees
      .map((e) => e.nip)
      .filter((nip) => !first.sessions.some((s) => s.peserta.includes(nip)));
    expect(waiting).toHaveLength(10);
    const data: ProgramData = {
      ...w.data,
      attendance: announced.peserta.map((nip, i) =>
        rsvp(announced.id, nip, decliners.includes(nip) ? 'Tidak Hadir' : 'Hadir', i + 2),
      ),
    };
    const again = planSchedule(data, w.gaps, { holidays: HOLIDAYS, sebelumnya: first.sessions });
    checked(again, data, w.gaps);
    const kept = again.sessions.find((s) => s.id === announced.id);
    // same dates and room, the decliners out, their seats (and the Pagu they free) to three others
    expect(kept).toMatchObject({
      mulai: announced.mulai,
      selesai: announced.selesai,
      ruang: announced.ruang,
    });
    expect(kept?.peserta).toHaveLength(20);
    for (const nip of decliners) expect(kept?.peserta).not.toContain(nip);
    const joined = (kept?.peserta ?? []).filter((nip) => !announced.peserta.includes(nip));
    expect(joined).toHaveLength(3);
    for (const nip of joined) expect(decliners).not.toContain(nip);
    expect(again.ulang?.tetap).toEqual([announced.id]);
    expect(again.ulang?.sesiPindah.map((m) => m.id)).not.toContain(announced.id);
    expect(again.ulang?.pesertaKeluar).toEqual(
      expect.arrayContaining(decliners.map((nip) => ({ sesi: announced.id, nip }))),
    );
    expect(again.ulang?.pesertaMasuk).toEqual(
      expect.arrayContaining(joined.map((nip) => ({ sesi: announced.id, nip }))),
    );
    // the session nobody was told about is planned again; everyone placed is within Pagu
    expect(again.sessions.some((s) => s.id === others.id || again.ulang?.sesiBaru.includes(s.id))).toBe(true);
    expect(again.budget[0]?.terpakai).toBeLessThanOrEqual(40_000_000);
  });

  it('keeps a session already started, even before the earliest start, and the checker accepts it', () => {
    const w = world(30, 30);
    const first = planSchedule(w.data, w.gaps, { holidays: HOLIDAYS });
    const early = [...first.sessions].sort((a, b) => a.mulai.localeCompare(b.mulai))[0];
    if (!early) throw new Error('no session planned');
    // planning again the day after it started
    const mulaiPalingAwal = early.selesai;
    expect(mulaiPalingAwal > early.mulai).toBe(true);
    const again = planSchedule(w.data, w.gaps, {
      holidays: HOLIDAYS,
      sebelumnya: first.sessions,
      mulaiPalingAwal,
    });
    checked(again, w.data, w.gaps);
    expect(again.ulang?.tetap).toContain(early.id);
    expect(again.sessions.find((s) => s.id === early.id)?.peserta).toEqual(early.peserta);
    for (const s of again.sessions) if (s.id !== early.id) expect(s.mulai >= mulaiPalingAwal).toBe(true);
    // the kept part is a constant: the objective is the same as planning once with those in place
    expect(again.objective).toBeCloseTo(first.objective, 6);
  });

  it('releases an announced session whose room is gone, and says why', () => {
    const w = world(20, 20);
    w.data.rooms = [{ row: 2, nama: 'Aula', kapasitas: 30, jenis: 'Aula' }];
    const first = planSchedule(w.data, w.gaps, { holidays: HOLIDAYS });
    const s = first.sessions[0];
    if (!s) throw new Error('no session planned');
    expect(s.ruang).toBe('Aula');
    const data: ProgramData = {
      ...w.data,
      rooms: [{ row: 2, nama: 'Ruang Rapat', kapasitas: 30, jenis: 'Kelas' }],
      attendance: [rsvp(s.id, s.peserta[0] ?? '', 'Hadir', 2)],
    };
    const again = planSchedule(data, w.gaps, { holidays: HOLIDAYS, sebelumnya: first.sessions });
    checked(again, data, w.gaps);
    expect(again.ulang?.tetap).toEqual([]);
    expect(again.ulang?.dilepas).toEqual([
      { id: s.id, alasan: 'Ruang Aula tidak ada lagi di lembar Ruang.' },
    ]);
    expect(again.sessions.every((x) => x.ruang === 'Ruang Rapat')).toBe(true);
  });

  it('never seats those who declined a released session in that course on its dates again', () => {
    const w = world(20, 20);
    w.data.settings.pesertaMinimum = 10;
    const first = planSchedule(w.data, w.gaps, { holidays: HOLIDAYS });
    expect(first.sessions).toHaveLength(1);
    const s = first.sessions[0] as ScheduleReport['sessions'][number];
    // 11 of 20 decline: 9 are left, below the minimum of 10, so the session is released
    const decliners = s.peserta.slice(0, 11);
    const data: ProgramData = {
      ...w.data,
      attendance: s.peserta.map((nip, i) =>
        rsvp(s.id, nip, decliners.includes(nip) ? 'Tidak Hadir' : 'Hadir', i + 2),
      ),
    };
    const again = planSchedule(data, w.gaps, { holidays: HOLIDAYS, sebelumnya: first.sessions });
    checked(again, data, w.gaps);
    expect(again.ulang?.dilepas).toEqual([
      { id: s.id, alasan: 'Tinggal 9 peserta yang hadir, kurang dari Peserta Minimum 10.' },
    ]);
    // everyone still needs K1 and Pagu pays for all: planned again, decliners on other dates
    const seated = again.sessions.flatMap((x) => x.peserta);
    expect(new Set(seated).size).toBe(20);
    for (const x of again.sessions) {
      const overlaps = x.mulai <= s.selesai && s.mulai <= x.selesai;
      if (overlaps) for (const nip of decliners) expect(x.peserta).not.toContain(nip);
    }
    expect(again.sessions.some((x) => x.mulai === s.mulai)).toBe(false);
  });

  it('counts the JP of a started kept session once when Riwayat Pelatihan already has it', () => {
    const w = world(30, 30);
    w.data.settings.batasJp = 30;
    const first = planSchedule(w.data, w.gaps, { holidays: HOLIDAYS });
    const early = [...first.sessions].sort((a, b) => a.mulai.localeCompare(b.mulai))[0];
    if (!early) throw new Error('no session planned');
    // attendance already made its Riwayat rows (ID Sesi filled): 20 JP each
    const data: ProgramData = {
      ...w.data,
      trainings: early.peserta.map((nip, i) => ({
        row: i + 2,
        nip,
        namaPelatihan: 'Pelatihan K1',
        jp: 20,
        mulai: early.mulai,
        selesai: early.selesai,
        sesi: early.id,
      })),
    };
    const again = planSchedule(data, w.gaps, {
      holidays: HOLIDAYS,
      sebelumnya: first.sessions,
      mulaiPalingAwal: early.selesai,
    });
    // counted twice, each would have 40 JP (> Batas JP 30) and no 20-JP bonus: the checker and
    // the objective both see them once
    checked(again, data, w.gaps);
    expect(again.sessions.find((x) => x.id === early.id)?.peserta).toEqual(early.peserta);
    expect(again.objective).toBeCloseTo(first.objective, 6);
    const member = again.individu.find((a) => a.nip === early.peserta[0]);
    expect(member).toMatchObject({ jpAwal: 0, jpRencana: 20, memenuhiTarget: true });
    // the checker does count a Riwayat row not made from a kept session
    const extra: ProgramData = {
      ...data,
      trainings: [
        ...data.trainings,
        { row: 99, nip: early.peserta[0] ?? '', namaPelatihan: 'Lain', jp: 20, mulai: early.mulai },
      ],
    };
    expect(
      checkSchedule(again, { data: extra, gaps: w.gaps, holidays: HOLIDAYS }).map((v) => v.kind),
    ).toEqual(expect.arrayContaining(['batas-jp', 'objektif']));
  });
});
