/**
 * Kirim Undangan keeps up with the schedule: a moved session updates its one calendar event
 * and tells each participant the old and new time; a removed participant or session is
 * cancelled (guest removed, event deleted with its last guest); nothing is said twice.
 */
import { buatFormulir } from '../../apps-script/src/forms';
import { sendInvitations } from '../../apps-script/src/invite';
import { jakarta } from './fakes/world';
import { NIP, pegawaiRows, useWorld } from './helpers';

const JADWAL_HEADER = ['ID Sesi', 'Kode', 'Judul', 'Mulai', 'Selesai', 'Lokasi', 'Peserta'];
const session = (over: Partial<Record<'mulai' | 'selesai' | 'lokasi' | 'peserta', unknown>> = {}) => [
  'S-2030-01',
  'PL-01',
  'Pelayanan Prima',
  over.mulai ?? jakarta(2030, 3, 10, 8),
  over.selesai ?? jakarta(2030, 3, 11, 16),
  over.lokasi ?? 'Aula Balai Kota',
  over.peserta ?? `${NIP.ani}, ${NIP.budi}`,
];

const world = useWorld((w) => {
  w.spreadsheet.addSheet('Pegawai', pegawaiRows());
  w.spreadsheet.addSheet('Jadwal', [JADWAL_HEADER, session()]);
});

const now = jakarta(2026, 11, 28, 9);
const ss = () => SpreadsheetApp.getActiveSpreadsheet();
const setJadwal = (...rows: unknown[][]) => {
  const sheet = world().spreadsheet.sheet('Jadwal');
  const all = [JADWAL_HEADER, ...rows, ...Array.from({ length: 3 }, () => JADWAL_HEADER.map(() => ''))];
  all.forEach((line, r) => {
    line.forEach((v, c) => {
      sheet?.write(r + 1, c + 1, v);
    });
  });
};
const undangan = () => {
  const [header = [], ...rows] = world().spreadsheet.sheet('Undangan')?.dump() ?? [];
  return rows
    .filter((r) => r.some((v) => v !== ''))
    .map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])) as Record<string, unknown>);
};
const mails = () => world().mail.sent;
const events = () => [...world().calendar.events.values()];

describe('Kirim Undangan after the schedule changed', () => {
  beforeEach(() => {
    buatFormulir();
    expect(sendInvitations(ss(), { now }).sent).toBe(2);
  });

  it('does not claim the event is in the participant calendar (invites are not sent by Calendar)', () => {
    const body = mails()[0]?.body ?? '';
    expect(mails()[0]?.subject).toMatch(/^Undangan Pelatihan/);
    expect(events()[0]?.options.sendInvites).toBe(false);
    // Calendar sends nothing, so the mail says nothing of a calendar: the participant notes the time
    expect(body).not.toMatch(/kalender|calendar|agenda/i);
    expect(body).toContain('Mohon catat waktu ini.');
  });

  it('records what each participant was told', () => {
    expect(undangan()).toEqual([
      expect.objectContaining({
        NIP: NIP.ani,
        Status: 'Diundang',
        'Mulai Diundang': '2030-03-10 08:00',
        'Selesai Diundang': '2030-03-11 16:00',
        'Lokasi Diundang': 'Aula Balai Kota',
        'ID Acara': 'event1@google.com',
      }),
      expect.objectContaining({ NIP: NIP.budi, Status: 'Diundang' }),
    ]);
  });

  it('moves the one calendar event and tells each participant the old and new time, once', () => {
    setJadwal(
      session({ mulai: jakarta(2030, 3, 17, 8), selesai: jakarta(2030, 3, 18, 16), lokasi: 'Ruang Rapat' }),
    );
    const r = sendInvitations(ss(), { now });
    expect(r).toMatchObject({ sent: 2, stopped: 'selesai', menunggu: 0 });
    expect(events()).toHaveLength(1);
    const e = events()[0];
    expect(e?.start).toEqual(jakarta(2030, 3, 17, 8));
    expect(e?.end).toEqual(jakarta(2030, 3, 18, 16));
    expect(e?.getLocation()).toBe('Ruang Rapat');
    expect(e?.guests).toEqual(['ani@sawahlunto.go.id', 'budi@sawahlunto.go.id']);
    const change = mails().slice(2);
    expect(change.map((m) => m.subject)).toEqual([
      'Perubahan Jadwal Pelatihan: Pelayanan Prima (S-2030-01)',
      'Perubahan Jadwal Pelatihan: Pelayanan Prima (S-2030-01)',
    ]);
    expect(change[0]?.body).toContain('Semula: 10/03/2030 08:00 s.d. 11/03/2030 16:00, Aula Balai Kota');
    expect(change[0]?.body).toContain('Menjadi: 17/03/2030 08:00 s.d. 18/03/2030 16:00, Ruang Rapat');
    expect(undangan()[0]).toMatchObject({ 'Mulai Diundang': '2030-03-17 08:00', Status: 'Diundang' });

    expect(sendInvitations(ss(), { now }).sent).toBe(0);
    expect(mails()).toHaveLength(4);
  });

  it('cancels a participant taken off the session: guest removed, told, not invited again', () => {
    setJadwal(session({ peserta: `'${NIP.budi}` })); // text, as the functions write it
    expect(sendInvitations(ss(), { now }).sent).toBe(1);
    const last = mails().at(-1);
    expect(last?.to).toBe('ani@sawahlunto.go.id');
    expect(last?.subject).toBe('Pembatalan Undangan Pelatihan: Pelayanan Prima (S-2030-01)');
    expect(last?.body).toContain('pada 10/03/2030 08:00 s.d. 11/03/2030 16:00, Aula Balai Kota dibatalkan');
    expect(events()[0]?.guests).toEqual(['budi@sawahlunto.go.id']);
    expect(undangan()[0]).toMatchObject({ NIP: NIP.ani, Status: 'Dibatalkan' });
    expect(sendInvitations(ss(), { now }).sent).toBe(0);

    // put back on the schedule: invited again, on the same row and the same event
    setJadwal(session());
    expect(sendInvitations(ss(), { now }).sent).toBe(1);
    expect(mails().at(-1)?.subject).toBe('Undangan Pelatihan: Pelayanan Prima (S-2030-01)');
    expect(undangan()).toHaveLength(2);
    expect(undangan()[0]).toMatchObject({ Status: 'Diundang' });
    expect(events()).toHaveLength(1);
    expect(events()[0]?.guests).toEqual(['budi@sawahlunto.go.id', 'ani@sawahlunto.go.id']);
  });

  it('deletes the event of a session taken off the schedule after telling every participant', () => {
    setJadwal();
    expect(sendInvitations(ss(), { now }).sent).toBe(2);
    expect(
      mails()
        .slice(2)
        .map((m) => m.to),
    ).toEqual(['ani@sawahlunto.go.id', 'budi@sawahlunto.go.id']);
    expect(mails().at(-1)?.body).toContain('sesi dihapus dari jadwal');
    expect(world().calendar.getEventById('event1@google.com')).toBeNull();
    expect(undangan().map((r) => r.Status)).toEqual(['Dibatalkan', 'Dibatalkan']);
    expect(sendInvitations(ss(), { now }).sent).toBe(0);
  });

  it('leaves past sessions alone when the sheet is rewritten for a new year', () => {
    setJadwal();
    expect(sendInvitations(ss(), { now: jakarta(2030, 4, 1) }).sent).toBe(0);
    expect(undangan().map((r) => r.Status)).toEqual(['Diundang', 'Diundang']);
    expect(events()).toHaveLength(1);
  });

  it('makes one new event when the recorded one was deleted by hand, with every participant as guest', () => {
    world().calendar.getEventById('event1@google.com')?.deleteEvent();
    setJadwal(session({ mulai: jakarta(2030, 3, 10, 9) }));
    expect(sendInvitations(ss(), { now }).sent).toBe(2);
    expect(events()).toHaveLength(1);
    expect(events()[0]?.guests).toEqual(['ani@sawahlunto.go.id', 'budi@sawahlunto.go.id']);
    expect(undangan().map((r) => r['ID Acara'])).toEqual(['event2@google.com', 'event2@google.com']);
  });

  it('sends cancellations and changes before new invitations when the quota is short, and says how many wait', () => {
    setJadwal(session({ peserta: `${NIP.budi}, ${NIP.kepala}`, mulai: jakarta(2030, 3, 10, 9) }));
    world().mail.quota = 7; // 5 kept in reserve: two mails today
    const r = sendInvitations(ss(), { now });
    expect(r).toMatchObject({ sent: 2, stopped: 'kuota', menunggu: 1 });
    expect(
      mails()
        .slice(2)
        .map((m) => [m.to, m.subject.replace(/:.*/, '')]),
    ).toEqual([
      ['ani@sawahlunto.go.id', 'Pembatalan Undangan Pelatihan'],
      ['budi@sawahlunto.go.id', 'Perubahan Jadwal Pelatihan'],
    ]);
    expect(world().script.triggers.filter((t) => t.handler === 'lanjutkanUndangan')).toHaveLength(1);
    world().mail.quota = 100;
    expect(sendInvitations(ss(), { now })).toMatchObject({ sent: 1, menunggu: 0, stopped: 'selesai' });
    expect(mails().at(-1)?.to).toBe('kadis@sawahlunto.go.id');
  });
});

describe('Kirim Undangan with an address MailApp refuses', () => {
  const w = useWorld((x) => {
    const rows = pegawaiRows();
    (rows[1] as unknown[])[6] = 'ani@sawahlunto..go.id'; // passes a loose check, MailApp refuses it
    x.spreadsheet.addSheet('Pegawai', rows);
    x.spreadsheet.addSheet('Jadwal', [JADWAL_HEADER, session()]);
  });

  it('records the failure, goes on with the others, and retries only once the address is corrected', () => {
    buatFormulir();
    const r = sendInvitations(ss(), { now });
    expect(r.sent).toBe(1);
    expect(r.skipped).toContainEqual(expect.stringContaining('ditolak'));
    expect(w().mail.sent.map((m) => m.to)).toEqual(['budi@sawahlunto.go.id']);
    const rows = (w().spreadsheet.sheet('Undangan')?.dump() ?? []).slice(1);
    expect(rows[0]?.[1]).toBe(NIP.ani);
    expect(rows[0]).toContain('Gagal');
    expect([...w().calendar.events.values()][0]?.guests).toEqual(['budi@sawahlunto.go.id']);
    expect(sendInvitations(ss(), { now }).sent).toBe(0);

    w().spreadsheet.sheet('Pegawai')?.write(2, 7, 'ani@sawahlunto.go.id');
    expect(sendInvitations(ss(), { now }).sent).toBe(1);
    expect(w().mail.sent.at(-1)?.to).toBe('ani@sawahlunto.go.id');
    expect(
      (w().spreadsheet.sheet('Undangan')?.dump() ?? []).slice(1).filter((x) => x[0] !== ''),
    ).toHaveLength(2);
  });
});
