import { sendFollowUps } from '../../apps-script/src/followup';
import { buatFormulir } from '../../apps-script/src/forms';
import { kirimUndangan, lanjutkanUndangan, sendInvitations } from '../../apps-script/src/invite';
import { jakarta } from './fakes/world';
import { NIP, pegawaiRows, useWorld } from './helpers';

const TANPA_EMAIL = '199203042019031004';

const world = useWorld((w) => {
  const rows = pegawaiRows();
  rows.push([
    TANPA_EMAIL,
    'Tanpa Email',
    'PNS',
    'Dinas Kesehatan',
    'Pengelola Data',
    'Pelaksana',
    '',
    NIP.kepala,
  ]);
  w.spreadsheet.addSheet('Pegawai', rows);
  w.spreadsheet.addSheet('Jadwal', [
    ['ID Sesi', 'Kode', 'Judul', 'Mulai', 'Selesai', 'Lokasi', 'Peserta'],
    [
      'S-2030-01',
      'PL-01',
      'Pelayanan Prima',
      jakarta(2030, 3, 10, 8),
      jakarta(2030, 3, 11, 16),
      'Aula Balai Kota',
      `${NIP.ani}, ${NIP.budi}, ${TANPA_EMAIL}, ${NIP.kepala}`,
    ],
    ['S-2020-01', 'PL-00', 'Sudah Lewat', jakarta(2020, 1, 1, 8), jakarta(2020, 1, 1, 16), '', NIP.ani],
  ]);
  // what scheduleTrainings writes (valueInputOption RAW): dates as text, whole days
  w.spreadsheet
    .sheet('Jadwal')
    ?.load([
      [],
      [],
      [],
      ['S-2031-02', 'KL-02', 'Manajemen Kinerja', '2031-04-14', '2031-04-16', 'Daring', NIP.budi],
      ['S-2031-03', 'KL-03', 'Tanggal Salah', '2031-02-30', '2031-03-01', '', NIP.budi],
    ]);
});

const log = () =>
  (world().spreadsheet.sheet('Undangan')?.dump() ?? []).slice(1).filter((r) => r.some((v) => v !== ''));
const now = jakarta(2026, 11, 28, 9);
/** the spreadsheet as the script sees it (through SpreadsheetApp, calls recorded) */
const ss = () => SpreadsheetApp.getActiveSpreadsheet();

describe('Kirim Undangan', () => {
  beforeEach(() => buatFormulir());

  it('stops before the mail quota runs out and resumes from the continuation trigger without sending twice', () => {
    world().mail.quota = 7; // reserve is 5: room for two
    const first = sendInvitations(ss(), { now });
    expect(first).toMatchObject({ sent: 2, stopped: 'kuota' });
    expect(first.skipped).toContainEqual(expect.stringContaining(`NIP ${TANPA_EMAIL} tidak punya email`));
    expect(world().mail.sent.map((m) => m.to)).toEqual(['ani@sawahlunto.go.id', 'budi@sawahlunto.go.id']);
    expect(log().map((r) => r[1])).toEqual([NIP.ani, NIP.budi]);
    const cont = world().script.triggers.filter((t) => t.handler === 'lanjutkanUndangan');
    expect(cont).toHaveLength(1);
    expect(cont[0]?.afterMs).toBe(86_400_000);

    // next day: quota restored, the continuation runs
    world().mail.quota = 100;
    lanjutkanUndangan();
    expect(world().mail.sent.map((m) => m.to)).toEqual([
      'ani@sawahlunto.go.id',
      'budi@sawahlunto.go.id',
      'kadis@sawahlunto.go.id',
      'budi@sawahlunto.go.id', // the 2031 session
    ]);
    expect(log()).toHaveLength(4);
    expect(world().script.triggers.filter((t) => t.handler === 'lanjutkanUndangan')).toHaveLength(0);

    // one calendar event per session, every participant a guest
    const events = [...world().calendar.events.values()];
    expect(events).toHaveLength(2);
    expect(events[0]?.guests).toEqual([
      'ani@sawahlunto.go.id',
      'budi@sawahlunto.go.id',
      'kadis@sawahlunto.go.id',
    ]);
    expect(events[0]?.options).toMatchObject({ location: 'Aula Balai Kota' });

    // a third run finds nothing left to send
    kirimUndangan();
    expect(world().mail.sent).toHaveLength(4);
    expect(world().ui.alerts.at(-1)).toMatch(/^0 undangan terkirim/);
  });

  it('each email carries a prefilled RSVP link and the session time in Jakarta time', () => {
    sendInvitations(ss(), { now });
    const mail = world().mail.sent[0];
    expect(mail?.subject).toBe('Undangan Pelatihan: Pelayanan Prima (S-2030-01)');
    expect(mail?.body).toContain('Waktu: 10/03/2030 08:00 s.d. 11/03/2030 16:00');
    const link = /https:\S+/.exec(mail?.body ?? '')?.[0] ?? '';
    expect(link).toContain('viewform?usp=pp_url&');
    expect(link).toContain('=S-2030-01');
    expect(link).toContain(`=${NIP.ani}`);
    // the past session gets no invitations
    expect(world().mail.sent.some((m) => m.subject.includes('Sudah Lewat'))).toBe(false);
  });

  it("names the trainer from Jadwal's appended Pengajar column; costs are not mailed", () => {
    // as Hitung & Sinkronkan writes it now: the later columns right of Peserta
    const jadwal = world().spreadsheet.sheet('Jadwal');
    ['Pengajar', 'Biaya per Peserta', 'Biaya per Angkatan', 'Biaya Sesi'].forEach((h, i) => {
      jadwal?.write(1, 8 + i, h);
    });
    [['Dr. Rina Wati', 750_000, 4_500_000, 7_500_000]].forEach((row) => {
      row.forEach((v, i) => {
        jadwal?.write(2, 8 + i, v);
      });
    });
    sendInvitations(ss(), { now });
    const toAni = world().mail.sent.find((m) => m.to === 'ani@sawahlunto.go.id');
    expect(toAni?.body).toContain('Tempat: Aula Balai Kota\nPengajar: Dr. Rina Wati\n');
    expect(toAni?.body).not.toMatch(/Rp|750/);
    // a session without a trainer says nothing of one
    const other = world().mail.sent.find((m) => m.subject.includes('S-2031-02'));
    expect(other?.body).not.toContain('Pengajar');
  });

  it('reads whole-day sessions written as text and makes an all-day event', () => {
    const r = sendInvitations(ss(), { now });
    expect(r.skipped).toContainEqual(
      expect.stringMatching(/^Jadwal baris 5: Mulai dan Selesai harus tanggal/),
    );
    const mail = world().mail.sent.find((m) => m.subject.includes('S-2031-02'));
    expect(mail?.to).toBe('budi@sawahlunto.go.id');
    expect(mail?.body).toContain('Waktu: 14/04/2031 s.d. 16/04/2031');
    const event = [...world().calendar.events.values()].find(
      (e) => e.title === 'Pelatihan: Manajemen Kinerja',
    );
    expect(event?.options.allDay).toBe(true);
    expect(event?.start).toEqual(jakarta(2031, 4, 14));
    expect(event?.end).toEqual(jakarta(2031, 4, 17)); // exclusive end, the day after
    expect(event?.guests).toEqual(['budi@sawahlunto.go.id']);
  });

  it('stops at the time budget and continues a minute later', () => {
    let t = 0;
    const r = sendInvitations(ss(), {
      now,
      clock: () => {
        t += 60_000;
        return t;
      },
      budgetMs: 2.5 * 60_000,
    });
    expect(r.stopped).toBe('waktu');
    expect(r.sent).toBeGreaterThan(0);
    expect(r.sent).toBeLessThan(3);
    expect(world().script.triggers.find((x) => x.handler === 'lanjutkanUndangan')?.afterMs).toBe(60_000);
    expect(log()).toHaveLength(r.sent);
  });

  it('asks the supervisor for the L3 evaluation 90 days after the session, once', () => {
    sendInvitations(ss(), { now });
    const before = world().mail.sent.length;
    expect(sendFollowUps(ss(), jakarta(2030, 6, 1)).sent).toBe(0); // 82 days
    const after = sendFollowUps(ss(), jakarta(2030, 6, 10));
    expect(after.sent).toBe(2); // Ani and Budi; the Kepala Dinas has no supervisor
    const reminders = world().mail.sent.slice(before);
    expect(reminders.map((m) => m.to)).toEqual(['kadis@sawahlunto.go.id', 'kadis@sawahlunto.go.id']);
    expect(reminders[0]?.body).toMatch(/Ani Lestari telah mengikuti pelatihan "Pelayanan Prima"/);
    expect(sendFollowUps(ss(), jakarta(2030, 6, 11)).sent).toBe(0);
  });

  it('asks for Buat Formulir again when the RSVP form was deleted', () => {
    const ids = JSON.parse(world().scriptProps.getProperty('BANGKOM_FORMS') ?? '{}') as Record<
      string,
      string
    >;
    world().forms.delete(ids.kehadiran ?? '');
    const r = sendInvitations(ss(), { now });
    expect(r.sent).toBe(0);
    expect(r.skipped[0]).toMatch(/Buat Formulir/);
  });

  it('needs the RSVP form first', () => {
    world().scriptProps.deleteProperty('BANGKOM_FORMS');
    const r = sendInvitations(ss(), { now });
    expect(r.sent).toBe(0);
    expect(r.skipped[0]).toMatch(/Buat Formulir/);
  });
});
