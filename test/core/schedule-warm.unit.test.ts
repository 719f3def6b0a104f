/**
 * Re-plan stability (warm-start.ts): the open sessions of the previous plan are tried again on
 * their days and rooms, under their ids, so declines in one announced session do not reshuffle
 * the rest of the year.
 */
import { type AttendanceRecord, checkSchedule, planSchedule, type ScheduleReport } from '@bangkom/core';
import { generateInstance } from './schedule-fixtures';

type Session = ScheduleReport['sessions'][number];
const where = (s: Session) => `${s.kode} ${s.mulai} ${s.selesai} ${s.ruang ?? '-'}`;

describe.each([
  { seed: 11, asn: 300, courses: 12, opds: 5, rooms: 3, budgetRatio: 2 },
  { seed: 29, asn: 200, courses: 8, opds: 3, rooms: 2, budgetRatio: 3 },
])('a re-plan after declines in one announced session (seed $seed)', (spec) => {
  const inst = generateInstance(spec);
  const { data, gaps, holidays } = inst;
  const first = planSchedule(data, gaps, { holidays });
  const announced = [...first.sessions]
    .filter((s) => s.peserta.length >= 3)
    .sort((a, b) => a.mulai.localeCompare(b.mulai) || a.id.localeCompare(b.id))[0] as Session;
  const decliners = announced.peserta.slice(0, 2);
  const attendance: AttendanceRecord[] = announced.peserta.map((nip, i) => ({
    row: i + 2,
    sesi: announced.id,
    kode: announced.kode,
    nip,
    status: decliners.includes(nip) ? 'Tidak Hadir' : 'Hadir',
  }));
  const withRsvp = { ...data, attendance };
  const again = planSchedule(withRsvp, gaps, { holidays, sebelumnya: first.sessions });

  it('stays a checked plan under a proven bound', () => {
    expect(first.sessions.length).toBeGreaterThan(10);
    expect(checkSchedule(again, { data: withRsvp, gaps, holidays })).toEqual([]);
    expect(again.bound).toBeGreaterThanOrEqual(again.objective - 1e-9);
  });

  it('moves and cancels no session, and every open session keeps its id, days and room', () => {
    expect(again.ulang?.tetap).toEqual([announced.id]);
    expect(again.ulang?.sesiPindah).toEqual([]);
    expect(again.ulang?.sesiBatal).toEqual([]);
    const now = new Map(again.sessions.map((s) => [s.id, where(s)] as const));
    for (const s of first.sessions) expect(now.get(s.id)).toBe(where(s));
  });

  it('moves only the decliners and those who take their seats', () => {
    const u = again.ulang;
    const intoKept = new Set(u?.pesertaMasuk.filter((p) => p.sesi === announced.id).map((p) => p.nip));
    for (const out of u?.pesertaKeluar ?? []) {
      if (out.sesi === announced.id) expect(decliners).toContain(out.nip);
      else expect(intoKept.has(out.nip) || decliners.includes(out.nip)).toBe(true);
    }
  });
});
