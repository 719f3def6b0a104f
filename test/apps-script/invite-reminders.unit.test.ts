/**
 * Reminders before a session (H-3, and H-1 for face-to-face ones; days from Pengaturan), to
 * participants who have not declined, each recorded so it never repeats; and what the mail
 * quota leaves for tomorrow, shown to staff in Status Undangan.
 */
import { buatFormulir } from '../../apps-script/src/forms';
import { pengingatUndangan, sendInvitations } from '../../apps-script/src/invite';
import { pasangPemicu } from '../../apps-script/src/triggers';
import { jakarta } from './fakes/world';
import { NIP, pegawaiRows, useWorld } from './helpers';

const JADWAL_HEADER = ['ID Sesi', 'Kode', 'Judul', 'Mulai', 'Selesai', 'Lokasi', 'Peserta'];

const world = useWorld((w) => {
  w.spreadsheet.addSheet('Pegawai', pegawaiRows());
  w.spreadsheet.addSheet('Jadwal', [
    JADWAL_HEADER,
    [
      'S-AULA',
      'PL-01',
      'Pelayanan Prima',
      jakarta(2030, 3, 10, 8),
      jakarta(2030, 3, 11, 16),
      'Aula Balai Kota',
      `${NIP.ani}, ${NIP.budi}`,
    ],
    ['S-DARING', 'KL-02', 'Manajemen Kinerja', '2030-03-10', '2030-03-10', 'Daring', NIP.budi],
  ]);
});

const ss = () => SpreadsheetApp.getActiveSpreadsheet();
const run = (d: number, h = 6) => sendInvitations(ss(), { now: jakarta(2030, 3, d, h) });
const since = (n: number) =>
  world()
    .mail.sent.slice(n)
    .map((m) => `${m.to.replace(/@.*/, '')} ${m.subject}`);
const pengingat = () => {
  const [header = [], ...rows] = world().spreadsheet.sheet('Undangan')?.dump() ?? [];
  const i = header.indexOf('Pengingat');
  return rows.filter((r) => r[0] !== '').map((r) => `${r[0]} ${String(r[1]).slice(-4)} ${r[i]}`);
};

describe('reminders before a session', () => {
  beforeEach(() => {
    buatFormulir();
    expect(sendInvitations(ss(), { now: jakarta(2030, 1, 6, 9) }).sent).toBe(3);
  });

  it('sends H-3 to every participant and H-1 more for face-to-face sessions, each once', () => {
    expect(run(6).sent).toBe(0); // four days ahead
    const before = world().mail.sent.length;
    expect(run(7).sent).toBe(3);
    expect(since(before)).toEqual([
      'budi Pengingat Pelatihan H-3: Manajemen Kinerja (S-DARING)',
      'ani Pengingat Pelatihan H-3: Pelayanan Prima (S-AULA)',
      'budi Pengingat Pelatihan H-3: Pelayanan Prima (S-AULA)',
    ]);
    expect(world().mail.sent.at(-1)?.body).toContain('dimulai 3 hari lagi');
    expect(world().mail.sent.at(-1)?.body).toMatch(/Bila Anda berhalangan, mohon konfirmasi .*https:/);
    expect(run(7, 18).sent).toBe(0);
    expect(run(8).sent).toBe(0);
    const h1 = world().mail.sent.length;
    expect(run(9).sent).toBe(2);
    expect(since(h1)).toEqual([
      'ani Pengingat Pelatihan H-1: Pelayanan Prima (S-AULA)',
      'budi Pengingat Pelatihan H-1: Pelayanan Prima (S-AULA)',
    ]);
    expect(world().mail.sent.at(-1)?.body).toContain('dimulai besok');
    expect(run(10).sent).toBe(0); // the day itself
    expect(pengingat()).toEqual(['S-DARING 1002 H-3', 'S-AULA 2001 H-3, H-1', 'S-AULA 1002 H-3, H-1']);
  });

  it('sends only the nearest reminder when the daily run missed a day, a late one rather than none', () => {
    expect(run(9).sent).toBe(3);
    expect(since(3)).toEqual([
      'budi Pengingat Pelatihan H-3: Manajemen Kinerja (S-DARING)',
      'ani Pengingat Pelatihan H-1: Pelayanan Prima (S-AULA)',
      'budi Pengingat Pelatihan H-1: Pelayanan Prima (S-AULA)',
    ]);
    expect(pengingat()).toEqual(['S-DARING 1002 H-3', 'S-AULA 2001 H-1, H-3', 'S-AULA 1002 H-1, H-3']);
  });

  it('skips participants who answered Tidak Hadir', () => {
    world().spreadsheet.addSheet('Konfirmasi Kehadiran', [
      ['ID Sesi', 'NIP', 'Kehadiran', 'Alasan', 'ID Respons'],
      ['S-AULA', `'${NIP.ani}`, 'Hadir', '', 'r1'],
      ['S-AULA', `'${NIP.budi}`, 'Tidak Hadir', 'Dinas luar', 'r2'],
    ]);
    run(7);
    expect(since(3)).toEqual([
      'budi Pengingat Pelatihan H-3: Manajemen Kinerja (S-DARING)',
      'ani Pengingat Pelatihan H-3: Pelayanan Prima (S-AULA)',
    ]);
  });

  it('takes the days from Pengaturan, 0 meaning none, and says which value it could not use', () => {
    world().spreadsheet.addSheet('Pengaturan', [
      ['Kunci', 'Nilai'],
      ['Pengingat Hari', 5],
      ['Pengingat Tatap Muka', 'dua'],
    ]);
    const r = run(5);
    expect(r.sent).toBe(3);
    expect(since(3).every((m) => m.includes('H-5'))).toBe(true);
    expect(r.skipped).toContainEqual(
      'Pengaturan baris 3, kolom Nilai: Pengingat Tatap Muka harus bilangan bulat 0–30; dipakai bawaan 1.',
    );
    world().spreadsheet.sheet('Pengaturan')?.write(3, 2, 0);
    expect(run(9).sent).toBe(0);
  });
});

describe('an invitation sent inside the reminder window', () => {
  useWorld((w) => {
    w.spreadsheet.addSheet('Pegawai', pegawaiRows());
    w.spreadsheet.addSheet('Jadwal', [
      JADWAL_HEADER,
      [
        'S-AULA',
        'PL-01',
        'Pelayanan Prima',
        jakarta(2030, 3, 10, 8),
        jakarta(2030, 3, 10, 16),
        'Aula',
        NIP.ani,
      ],
    ]);
  });
  it('stands in for the reminders whose day has come', () => {
    buatFormulir();
    expect(run(8).sent).toBe(1); // the invitation, two days ahead: no H-3 after it
    expect(run(8, 18).sent).toBe(0);
    expect(run(9).sent).toBe(1); // H-1 still comes
  });
});

describe('mail quota', () => {
  beforeEach(() => buatFormulir());

  it('shows staff how many mails wait, and the daily run continues them instead of a one-off trigger', () => {
    pasangPemicu();
    world().mail.quota = 6; // 5 in reserve
    const r = sendInvitations(ss(), { now: jakarta(2030, 1, 6, 9) });
    expect(r).toMatchObject({ sent: 1, menunggu: 2, stopped: 'kuota' });
    const status = world().spreadsheet.sheet('Status Undangan')?.dump() ?? [];
    expect(status[0]).toEqual(['Diperbarui', 'Terkirim', 'Menunggu', 'Keterangan']);
    expect(status[1]?.slice(1)).toEqual([
      1,
      2,
      '2 email menunggu kuota email harian; dikirim otomatis besok.',
    ]);
    expect(world().script.triggers.filter((t) => t.handler === 'lanjutkanUndangan')).toHaveLength(0);

    world().mail.quota = 100;
    pengingatUndangan();
    expect(world().mail.sent).toHaveLength(3);
    expect((world().spreadsheet.sheet('Status Undangan')?.dump() ?? [])[1]?.slice(1)).toEqual([
      2,
      0,
      'Semua undangan, perubahan, dan pengingat sudah terkirim.',
    ]);
  });
});
