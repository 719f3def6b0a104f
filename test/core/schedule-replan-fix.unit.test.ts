/** replan.ts fixPrevious: who stays in a kept session, and the days kept sessions take. */
import type { Course, EmployeeGaps, ProgramData } from '@bangkom/core';
import { buildInstance } from '../../core/src/schedule/instance';
import { fixPrevious, type PreviousSession } from '../../core/src/schedule/replan';
import { catalogCourse, dinasAEmployees, emptyData, nipOf, rng, someHolidays } from './schedule-fixtures';

const TAHUN = 2026;
const HOLIDAYS = someHolidays(TAHUN);
/** more competency codes than one 32-bit word holds */
const CODES = Array.from({ length: 70 }, (_, i) => `T.${String(i + 1).padStart(2, '0')}`);

function course(kode: string, kompetensi: string[]): Course {
  return catalogCourse(kode, kompetensi, { jp: 10, kapasitas: 60, hari: 2 });
}

describe('fixPrevious', () => {
  it('keeps the invitees who still need what the course develops, and blocks their days', () => {
    const random = rng(7);
    const employees: EmployeeGaps[] = Array.from({ length: 80 }, (_, i) => ({
      nip: nipOf(i),
      opd: 'Dinas A',
      jabatan: 'Analis',
      competencies: CODES.filter(() => random() < 0.04).map((kode) => ({
        kode,
        standar: 4,
        aktual: 2,
        gap: 2,
        prioritas: 2,
        sumber: ['Atasan' as const],
      })),
    }));
    const data: ProgramData = emptyData(TAHUN);
    // courses over codes in the first, second and third word, and one code no course has
    data.courses = [
      course('A', ['T.03', 'T.40']),
      course('B', ['T.65']),
      course('C', ['T.33', 'T.34', 'T.01']),
      course(
        'D',
        CODES.filter((_, i) => i % 2 === 0),
      ),
    ];
    data.budgets = [{ row: 2, opd: 'Dinas A', pagu: 1_000_000_000 }];
    data.employees = dinasAEmployees(employees);
    const gaps = { employees, opd: [] };
    const inst = buildInstance(data, gaps, { holidays: HOLIDAYS });
    const previous: PreviousSession[] = data.courses.map((c, k) => ({
      id: `S${k}`,
      kode: c.kode,
      mulai: inst.days[10 * k] as string,
      selesai: inst.days[10 * k + 1] as string,
      peserta: employees.filter((_, i) => i % 4 === k || i % 5 === 0).map((e) => e.nip),
    }));
    let row = 2;
    data.attendance = previous.flatMap((s) =>
      s.peserta.map((nip) => ({ row: row++, sesi: s.id, kode: s.kode, nip, status: 'Hadir' as const })),
    );
    const part = fixPrevious(inst, data, previous, undefined);
    expect(part.kept.map((k) => k.session.id)).toEqual(['S0', 'S1', 'S2', 'S3']);
    const needs = (nip: string) =>
      new Set(employees.find((e) => e.nip === nip)?.competencies.map((x) => x.kode));
    for (const k of part.kept) {
      const kompetensi = (data.courses[k.course] as Course).kompetensi;
      const expected = k.session.peserta
        .filter((nip) => kompetensi.some((kode) => needs(nip).has(kode)))
        .map((nip) => inst.asn.findIndex((a) => a.nip === nip));
      expect(k.members).toEqual(expected);
    }
    // some invitees leave (no need left), some stay, in every word of the codes
    const counts = part.kept.map((k) => [k.members.length, k.session.peserta.length]);
    for (const [stay, invited] of counts) {
      expect(stay).toBeGreaterThan(0);
      expect(stay).toBeLessThan(invited as number);
    }
    // each kept member's days: exactly those of its kept sessions
    const blocked = part.reduced.blocked;
    expect(blocked).toBeDefined();
    inst.asn.forEach((_, e) => {
      const sessions = part.kept.filter((k) => k.members.includes(e));
      const days = blocked?.asn.get(e);
      if (sessions.length === 0) {
        expect(days).toBeUndefined();
        return;
      }
      const want = new Uint8Array(inst.days.length);
      for (const k of sessions) want.fill(1, k.start, k.start + 2);
      expect(days ? [...days] : null).toEqual([...want]);
    });
  });
});
