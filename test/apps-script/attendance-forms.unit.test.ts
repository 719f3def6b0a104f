/**
 * Daftar Hadir from the forms: the invitation answer (Konfirmasi Kehadiran) and the daily
 * check-in (Presensi Pelatihan) land in the same model, with the session's Kode from Jadwal;
 * a check-in outside the session's days or for an unknown session is refused with its reason.
 */
import { buatFormulir } from '../../apps-script/src/forms';
import { cobaUlangAntrian } from '../../apps-script/src/retry';
import { onFormSubmit } from '../../apps-script/src/submit';
import type { FakeForm } from './fakes/forms';
import { jakarta } from './fakes/world';
import { NIP, pegawaiRows, useWorld } from './helpers';

const world = useWorld((w) => {
  w.spreadsheet.addSheet('Pegawai', pegawaiRows());
  w.spreadsheet.addSheet('Jadwal', [
    ['ID Sesi', 'Kode', 'Judul', 'Mulai', 'Selesai', 'Lokasi', 'Peserta'],
    [
      'S-2030-01',
      'PL-01',
      'Pelayanan Prima',
      jakarta(2030, 3, 10, 8),
      jakarta(2030, 3, 11, 16),
      'Aula Balai Kota',
      `${NIP.ani}, ${NIP.budi}`,
    ],
  ]);
});

function form(key: string): FakeForm {
  const ids = JSON.parse(world().scriptProps.getProperty('BANGKOM_FORMS') ?? '{}') as Record<string, string>;
  const f = world().forms.get(ids[key] ?? '');
  if (!f) throw new Error(`no form ${key}`);
  return f;
}

function table(sheet: string): Record<string, unknown>[] {
  const values = world().spreadsheet.sheet(sheet)?.dump() ?? [];
  const header = (values[0] ?? []).map(String);
  return values
    .slice(1)
    .filter((r) => r.some((v) => v !== ''))
    .map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

const rsvp = (sesi: string, nip: string, kehadiran: string, at: Date, alasan = '') =>
  form('kehadiran').submit({ 'ID Sesi': sesi, NIP: nip, Kehadiran: kehadiran, Alasan: alasan }, at);
const checkIn = (sesi: string, nip: string, at: Date) =>
  form('presensi').submit({ 'ID Sesi': sesi, NIP: nip }, at);
const hadir = () => table('Daftar Hadir');

describe('Daftar Hadir from the forms', () => {
  beforeEach(() => {
    buatFormulir();
  });

  it('an invitation answer becomes the row without Tanggal, one per session and NIP', () => {
    onFormSubmit(rsvp('S-2030-01', NIP.ani, 'Hadir', jakarta(2030, 3, 1, 9)));
    expect(hadir()).toEqual([
      {
        'ID Sesi': 'S-2030-01',
        Kode: 'PL-01',
        Tanggal: '',
        NIP: NIP.ani,
        Status: 'Hadir',
        Keterangan: '',
      },
    ]);
    // a changed answer replaces it; Belum Pasti records nothing there
    onFormSubmit(rsvp('S-2030-01', NIP.ani, 'Tidak Hadir', jakarta(2030, 3, 2, 9), 'Dinas luar'));
    onFormSubmit(rsvp('S-2030-01', NIP.budi, 'Belum Pasti', jakarta(2030, 3, 2, 10)));
    expect(hadir()).toEqual([
      expect.objectContaining({ NIP: NIP.ani, Tanggal: '', Status: 'Tidak Hadir', Keterangan: 'Dinas luar' }),
    ]);
    expect(table('Konfirmasi Kehadiran').map((r) => [r.NIP, r.Kehadiran])).toEqual([
      [NIP.ani, 'Tidak Hadir'],
      [NIP.budi, 'Belum Pasti'],
    ]);
    expect(table('Respons Konfirmasi Kehadiran').map((r) => r.Status)).toEqual([
      'Tercatat',
      'Tercatat',
      'Tercatat',
    ]);
  });

  it('an answer to a session Jadwal does not have stays in Konfirmasi Kehadiran only, with a note', () => {
    onFormSubmit(rsvp('S-2099-09', NIP.ani, 'Hadir', jakarta(2030, 3, 1, 9)));
    expect(table('Konfirmasi Kehadiran')).toEqual([expect.objectContaining({ 'ID Sesi': 'S-2099-09' })]);
    expect(world().spreadsheet.sheet('Daftar Hadir')).toBeUndefined();
    const [row] = table('Respons Konfirmasi Kehadiran');
    expect(row?.Status).toBe('Tercatat');
    expect(row?.Pesan).toBe(
      'Daftar Hadir: sesi "S-2099-09" tidak ada di lembar Jadwal, jadi jawaban ini hanya dicatat di Konfirmasi Kehadiran.',
    );
  });

  it('an older answer processed late leaves the newer one in Daftar Hadir too', () => {
    world().lock.busyElsewhere = true;
    onFormSubmit(rsvp('S-2030-01', NIP.ani, 'Hadir', jakarta(2030, 3, 1, 8)));
    world().lock.busyElsewhere = false;
    onFormSubmit(rsvp('S-2030-01', NIP.ani, 'Tidak Hadir', jakarta(2030, 3, 1, 9)));
    cobaUlangAntrian();
    expect(hadir()).toEqual([expect.objectContaining({ NIP: NIP.ani, Status: 'Tidak Hadir' })]);
    const [v1] = table('Respons Konfirmasi Kehadiran');
    expect(v1?.Status).toBe('Digantikan');
    expect(String(v1?.Pesan)).toContain('Daftar Hadir: ');
  });

  it('a check-in is Hadir on the day of the submission, once per day', () => {
    onFormSubmit(checkIn('S-2030-01', NIP.ani, jakarta(2030, 3, 10, 7, 45)));
    onFormSubmit(checkIn('S-2030-01', NIP.ani, jakarta(2030, 3, 10, 13, 5))); // after lunch, same day
    onFormSubmit(checkIn('s-2030-01', NIP.ani, jakarta(2030, 3, 11, 7, 50)));
    expect(hadir()).toEqual([
      {
        'ID Sesi': 'S-2030-01',
        Kode: 'PL-01',
        Tanggal: jakarta(2030, 3, 10),
        NIP: NIP.ani,
        Status: 'Hadir',
        Keterangan: '',
      },
      expect.objectContaining({ 'ID Sesi': 's-2030-01', Tanggal: jakarta(2030, 3, 11), NIP: NIP.ani }),
    ]);
    expect(table('Respons Presensi').map((r) => [r.Status, r.Pesan])).toEqual([
      ['Tercatat', ''],
      ['Tercatat', ''],
      ['Tercatat', ''],
    ]);
    expect(world().fetch.requests).toHaveLength(0);
  });

  it('a check-in outside the session days or for an unknown session is refused with its reason', () => {
    onFormSubmit(checkIn('S-2030-01', NIP.ani, jakarta(2030, 3, 12, 8)));
    onFormSubmit(checkIn('S-2099-09', NIP.ani, jakarta(2030, 3, 10, 8)));
    onFormSubmit(checkIn('S-2030-01', '123', jakarta(2030, 3, 10, 8)));
    expect(world().spreadsheet.sheet('Daftar Hadir')).toBeUndefined();
    expect(table('Respons Presensi').map((r) => [r.Status, r.Pesan])).toEqual([
      [
        'Tidak Valid',
        'Daftar Hadir · Tanggal: Presensi tanggal 12/03/2030 di luar hari sesi S-2030-01 (10/03/2030 s.d. 11/03/2030).',
      ],
      [
        'Tidak Valid',
        'Daftar Hadir · ID Sesi: ID Sesi "S-2099-09" tidak ada di lembar Jadwal; periksa tautan presensi.',
      ],
      ['Tidak Valid', expect.stringMatching(/^Daftar Hadir · NIP: NIP harus 18 digit/)],
    ]);
  });

  it('a check-in of someone not on the session is recorded for staff to look at', () => {
    onFormSubmit(checkIn('S-2030-01', NIP.kepala, jakarta(2030, 3, 10, 8)));
    expect(hadir()).toEqual([
      expect.objectContaining({
        NIP: NIP.kepala,
        Status: 'Hadir',
        Keterangan: 'Presensi mandiri; tidak terdaftar sebagai peserta sesi ini di Jadwal.',
      }),
    ]);
    const [row] = table('Respons Presensi');
    expect(row?.Status).toBe('Tercatat');
    expect(row?.Pesan).toBe(
      `Daftar Hadir: NIP ${NIP.kepala} tidak terdaftar sebagai peserta sesi S-2030-01 di Jadwal; kehadiran tetap dicatat, periksa oleh petugas.`,
    );
  });
});
