/**
 * The checker's decline rule (schedule-check-declines.ts): after a re-plan, whoever answered
 * `Tidak Hadir` to a session is neither in it nor in a session of its Kode on overlapping dates.
 */
import {
  checkSchedule,
  type EmployeeGaps,
  type GapsReport,
  type ProgramData,
  planSchedule,
  type ScheduleReport,
} from '@bangkom/core';
import { dinasAEmployees, emptyData, nipOf, someHolidays } from './schedule-fixtures';

const TAHUN = 2026;
const HOLIDAYS = someHolidays(TAHUN);
type Session = ScheduleReport['sessions'][number];

/** `n` ASN of one OPD needing M.01; K1 (20 seats, 2 days) develops it; the Pagu pays for everyone. */
function world(n: number): { data: ProgramData; gaps: GapsReport } {
  const employees: EmployeeGaps[] = Array.from({ length: n }, (_, i) => ({
    nip: nipOf(i),
    opd: 'Dinas A',
    jabatan: 'Analis',
    competencies: [{ kode: 'M.01', standar: 4, aktual: 2, gap: 2, prioritas: 3, sumber: ['Atasan'] }],
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
  data.budgets = [{ row: 2, opd: 'Dinas A', pagu: n * 1_000_000 }];
  data.employees = dinasAEmployees(employees);
  data.settings.pesertaMinimum = 10;
  return { data, gaps: { employees, opd: [] } };
}

/** Everyone of `s` answers, the first `no` of them Tidak Hadir. */
function answers(s: Session, no: number): ProgramData['attendance'] {
  return s.peserta.map((nip, i) => ({
    row: i + 2,
    sesi: s.id,
    kode: s.kode,
    nip,
    status: i < no ? 'Tidak Hadir' : 'Hadir',
  }));
}

const declines = (r: ScheduleReport, data: ProgramData, gaps: GapsReport, sebelumnya?: Session[]) =>
  checkSchedule(r, { data, gaps, holidays: HOLIDAYS, ...(sebelumnya ? { sebelumnya } : {}) }).filter(
    (v) => v.kind === 'menolak',
  );

describe('checker: declines after a re-plan', () => {
  it('flags a decliner put back into the kept session it declined', () => {
    const w = world(20);
    const first = planSchedule(w.data, w.gaps, { holidays: HOLIDAYS });
    const s = first.sessions[0] as Session;
    const data: ProgramData = { ...w.data, attendance: answers(s, 2) };
    const again = planSchedule(data, w.gaps, { holidays: HOLIDAYS, sebelumnya: first.sessions });
    expect(again.ulang?.tetap).toEqual([s.id]);
    expect(
      checkSchedule(again, { data, gaps: w.gaps, holidays: HOLIDAYS, sebelumnya: first.sessions }),
    ).toEqual([]);
    const decliner = s.peserta[0] as string;
    const forged: ScheduleReport = {
      ...again,
      sessions: again.sessions.map((x) => (x.id === s.id ? { ...x, peserta: [...x.peserta, decliner] } : x)),
    };
    expect(declines(forged, data, w.gaps)).toEqual([
      expect.objectContaining({ kind: 'menolak', sesi: s.id, nip: decliner }),
    ]);
    // an answer given through Kirim Undangan (Undangan, Status Tidak Hadir) is a decline too
    const viaUndangan: ProgramData = {
      ...data,
      attendance: data.attendance.filter((a) => a.nip !== decliner),
      invitations: [{ row: 2, sesi: s.id, nip: decliner, status: 'Tidak Hadir' }],
    };
    expect(declines(forged, viaUndangan, w.gaps).map((v) => v.nip)).toEqual([decliner]);
    // a plan made without --ulang is not held to earlier answers
    const { ulang: _, ...fresh } = forged;
    expect(declines(fresh, data, w.gaps)).toEqual([]);
  });

  it('flags a decliner of a released session seated in its course on overlapping dates', () => {
    const w = world(20);
    const first = planSchedule(w.data, w.gaps, { holidays: HOLIDAYS });
    const s = first.sessions[0] as Session;
    // 11 of 20 decline: 9 are left, below the minimum of 10, so the session is released
    const data: ProgramData = { ...w.data, attendance: answers(s, 11) };
    const again = planSchedule(data, w.gaps, { holidays: HOLIDAYS, sebelumnya: first.sessions });
    expect(again.ulang?.dilepas.map((d) => d.id)).toEqual([s.id]);
    expect(
      checkSchedule(again, { data, gaps: w.gaps, holidays: HOLIDAYS, sebelumnya: first.sessions }),
    ).toEqual([]);
    const decliner = s.peserta[0] as string;
    // the released session's id now names a new session on other dates, decliners in it: allowed
    expect(again.sessions.find((x) => x.id === s.id)?.peserta).toContain(decliner);
    // the decliners' new session moved onto the declined dates (a day's overlap is enough)
    const theirs = again.sessions.find((x) => x.peserta.includes(decliner)) as Session;
    expect(theirs).toBeDefined();
    const forged: ScheduleReport = {
      ...again,
      sessions: again.sessions.map((x) =>
        x.id === theirs.id ? { ...x, id: 'K1-99', mulai: s.selesai, selesai: s.selesai } : x,
      ),
    };
    const found = declines(forged, data, w.gaps, first.sessions);
    expect(found.length).toBeGreaterThan(0);
    expect(new Set(found.map((v) => v.nip))).toEqual(
      new Set(theirs.peserta.filter((nip) => s.peserta.slice(0, 11).includes(nip))),
    );
    expect(found.every((v) => v.sesi === 'K1-99')).toBe(true);
    expect(found[0]?.message).toContain(`menolak sesi ${s.id}`);
    // without the previous plan the released session's dates are unknown: nothing to compare
    expect(declines(forged, data, w.gaps)).toEqual([]);
  });
});
