/**
 * An invitation sent announces a session (announced.ts): a re-plan keeps a session whose
 * invitations went out (`Undangan`), not only one with a `Daftar Hadir` row, with its dates,
 * room and invitees.
 */
import {
  checkSchedule,
  type EmployeeGaps,
  type InvitationRecord,
  type ProgramData,
  planSchedule,
  replanRows,
  type ScheduleReport,
  type StatusUndangan,
} from '@bangkom/core';
import { emptyData, nipOf, someHolidays } from './schedule-fixtures';

const TAHUN = 2026;
const HOLIDAYS = someHolidays(TAHUN);

/** 45 ASN of one OPD needing M.01; K1 (20 seats, a room) develops it; Pagu pays for all. */
function program(): { data: ProgramData; gaps: { employees: EmployeeGaps[]; opd: [] } } {
  const data = emptyData(TAHUN);
  const employees: EmployeeGaps[] = Array.from({ length: 45 }, (_, i) => ({
    nip: nipOf(i),
    opd: 'Dinas B',
    jabatan: 'Pranata',
    competencies: [{ kode: 'M.01', standar: 3, aktual: 1, gap: 2, prioritas: 3 + (i % 2), sumber: ['Diri'] }],
  }));
  data.employees = employees.map((e, i) => ({
    row: i + 2,
    nip: e.nip,
    nama: `ASN ${i}`,
    jenisAsn: 'PNS',
    opd: 'Dinas B',
    jabatan: 'Pranata',
  }));
  data.courses = [
    {
      row: 2,
      kode: 'K1',
      judul: 'Pelatihan K1',
      kompetensi: ['M.01'],
      jp: 16,
      kapasitas: 20,
      biaya: 500_000,
      hari: 2,
      moda: 'Tatap Muka',
      bentuk: 'KL03',
    },
  ];
  data.rooms = [{ row: 2, nama: 'Aula', kapasitas: 30 }];
  data.budgets = [{ row: 2, opd: 'Dinas B', pagu: 45 * 500_000 }];
  return { data, gaps: { employees, opd: [] } };
}

const invitation = (sesi: string, nip: string, row: number, status?: StatusUndangan): InvitationRecord => ({
  row,
  sesi,
  nip,
  ...(status ? { status } : {}),
  dikirim: '2026-01-05T09:00:00',
});

type Session = ScheduleReport['sessions'][number];

describe('an invitation sent counts as announced', () => {
  const w = program();
  const first = planSchedule(w.data, w.gaps, { holidays: HOLIDAYS });
  const [a, b, c] = [...first.sessions].sort((x, y) => x.mulai.localeCompare(y.mulai)) as [
    Session,
    Session,
    Session,
  ];

  it('plans three sessions first, none kept without a Daftar Hadir row or an invitation', () => {
    expect(first.sessions).toHaveLength(3);
    expect(first.sessions.every((s) => s.ruang === 'Aula')).toBe(true);
    const again = planSchedule(w.data, w.gaps, { holidays: HOLIDAYS, sebelumnya: first.sessions });
    expect(again.ulang?.tetap).toEqual([]);
  });

  it('keeps the invited sessions with their dates, room and invitees; refused mail announces nothing', () => {
    const moved = b.peserta[0] as string; // given a seat of A by the waiting list in the script
    const declined = a.peserta[1] as string;
    const cancelled = a.peserta[2] as string;
    const invitations: InvitationRecord[] = [
      ...a.peserta.map((nip, i) =>
        invitation(
          a.id,
          nip,
          i + 2,
          nip === declined
            ? 'Tidak Hadir'
            : nip === cancelled
              ? 'Dibatalkan'
              : i % 2
                ? 'Diundang'
                : undefined,
        ),
      ),
      invitation(a.id, moved, 40, 'Diundang'),
      // every mail of C was refused: nobody was told, C stays open
      ...c.peserta.map((nip, i) => invitation(c.id, nip, 50 + i, 'Gagal')),
    ];
    const data: ProgramData = { ...w.data, invitations };
    const again = planSchedule(data, w.gaps, { holidays: HOLIDAYS, sebelumnya: first.sessions });
    expect(checkSchedule(again, { data, gaps: w.gaps, holidays: HOLIDAYS })).toEqual([]);
    expect(again.ulang?.tetap).toEqual([a.id]);
    const kept = again.sessions.find((s) => s.id === a.id);
    expect(kept).toMatchObject({ mulai: a.mulai, selesai: a.selesai, ruang: a.ruang });
    expect(kept?.peserta).toContain(moved);
    expect(kept?.peserta).not.toContain(declined);
    // the one told not to come is no kept invitee (a freed seat may still be offered to them)
    for (const nip of a.peserta)
      if (nip !== declined && nip !== cancelled) expect(kept?.peserta).toContain(nip);
    // the one who moved is in no other K1 session; the decliner is never on A's dates again
    expect(again.sessions.filter((s) => s.peserta.includes(moved)).map((s) => s.id)).toEqual([a.id]);
    const decliner = again.sessions.find((s) => s.peserta.includes(declined));
    if (decliner) expect(decliner.mulai > a.selesai || decliner.selesai < a.mulai).toBe(true);
    // the diff names the decliner as such
    const rows = replanRows(again, first.sessions, data);
    expect(rows).toContainEqual([
      'Peserta keluar',
      a.id,
      'K1',
      declined,
      expect.any(String),
      'Menjawab Tidak Hadir.',
    ]);
    expect(rows).toContainEqual(['Peserta masuk', a.id, 'K1', moved, expect.any(String), '']);
  });

  it('an invitation cancelled for everyone leaves the session open', () => {
    const data: ProgramData = {
      ...w.data,
      invitations: a.peserta.map((nip, i) => invitation(a.id, nip, i + 2, 'Dibatalkan')),
    };
    const again = planSchedule(data, w.gaps, { holidays: HOLIDAYS, sebelumnya: first.sessions });
    expect(again.ulang?.tetap).toEqual([]);
  });
});

describe('a trainer change is in the diff', () => {
  const w = program();
  w.data.trainers = [
    { row: 2, nama: 'Dr. Rina Wati', kode: ['K1'], tidakTersedia: [] },
    { row: 3, nama: 'Drs. Yusuf', kode: ['K1'], tidakTersedia: [] },
  ];
  const first = planSchedule(w.data, w.gaps, { holidays: HOLIDAYS });

  it('an open session that stays on its days with another trainer says so; nothing else changes', () => {
    const a = first.sessions[0] as Session;
    const before = a.pengajar as string;
    const other = w.data.trainers.find((t) => t.nama !== before)?.nama ?? null;
    expect(before).toBeTruthy();
    // A's trainer falls ill on A's days
    const days = a.mulai === a.selesai ? [a.mulai] : [a.mulai, a.selesai];
    const data: ProgramData = {
      ...w.data,
      trainers: w.data.trainers.map((t) => (t.nama === before ? { ...t, tidakTersedia: days } : t)),
    };
    const again = planSchedule(data, w.gaps, { holidays: HOLIDAYS, sebelumnya: first.sessions });
    expect(checkSchedule(again, { data, gaps: w.gaps, holidays: HOLIDAYS })).toEqual([]);
    const now = again.sessions.find((s) => s.id === a.id);
    expect(now).toMatchObject({ mulai: a.mulai, ruang: a.ruang, pengajar: other });
    expect(again.ulang?.sesiPindah).toEqual([]);
    // only A's: the other sessions staying on their days keep their trainers (warm-start.ts)
    expect(again.ulang?.pengajarGanti).toEqual([{ id: a.id, dari: before, ke: other }]);
    expect(replanRows(again, first.sessions, data)).toContainEqual([
      'Pengajar berganti',
      a.id,
      'K1',
      '',
      '',
      `Pengajar ${before} → ${other}`,
    ]);
    // unchanged input: no trainer change
    const same = planSchedule(w.data, w.gaps, { holidays: HOLIDAYS, sebelumnya: first.sessions });
    expect(same.ulang?.pengajarGanti).toEqual([]);
  });

  it('a previous plan that recorded no trainer is not compared', () => {
    const old = first.sessions.map(({ pengajar: _, ...s }) => s);
    const again = planSchedule(w.data, w.gaps, { holidays: HOLIDAYS, sebelumnya: old });
    expect(again.sessions.some((s) => s.pengajar)).toBe(true);
    expect(again.ulang?.pengajarGanti).toEqual([]);
  });
});
