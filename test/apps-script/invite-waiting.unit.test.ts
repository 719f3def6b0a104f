/** A "Tidak Hadir" frees the seat: the next free ASN on the session's waiting list is invited. */
import { announcements, invitees } from '@bangkom/core';
import { buatFormulir } from '../../apps-script/src/forms';
import { sendInvitations } from '../../apps-script/src/invite';
import { validateSpreadsheet } from '../../apps-script/src/validate';
import { jakarta } from './fakes/world';
import { NIP, PEGAWAI_HEADER, pegawaiRows, useWorld } from './helpers';

const CICI = '199203042019032004';
const DEDI = '199305062019031005';

const world = useWorld((w) => {
  w.spreadsheet.addSheet('Pegawai', [
    ...pegawaiRows(),
    [
      CICI,
      'Cici Amelia',
      'PNS',
      'Dinas Kesehatan',
      'Pengelola Data',
      'Pelaksana',
      'cici@sawahlunto.go.id',
      '',
    ],
    [
      DEDI,
      'Dedi Putra',
      'PNS',
      'Dinas Kesehatan',
      'Pengelola Data',
      'Pelaksana',
      'dedi@sawahlunto.go.id',
      '',
    ],
  ]);
  expect(PEGAWAI_HEADER).toHaveLength(8);
  w.spreadsheet.addSheet('Jadwal', [
    ['ID Sesi', 'Kode', 'Judul', 'Mulai', 'Selesai', 'Lokasi', 'Peserta'],
    [
      'S1',
      'PL-01',
      'Pelayanan Prima',
      jakarta(2030, 3, 10, 8),
      jakarta(2030, 3, 10, 16),
      'Aula',
      `${NIP.ani}, ${NIP.budi}`,
    ],
    ['S2', 'PL-01', 'Pelayanan Prima', jakarta(2030, 4, 10, 8), jakarta(2030, 4, 10, 16), 'Aula', CICI],
  ]);
  // as the functions write it: in line by the scheduler's priority; Cici already has a PL-01 seat
  w.spreadsheet.addSheet('Daftar Tunggu', [
    ['ID Sesi', 'Urutan', 'NIP', 'Nama', 'OPD', 'Prioritas', 'Status', 'Keterangan'],
    ['S1', 1, CICI, 'Cici Amelia', 'Dinas Kesehatan', 3.5, '', ''],
    ['S1', 2, DEDI, 'Dedi Putra', 'Dinas Kesehatan', 3, '', ''],
    ['S1', 3, NIP.kepala, 'Kepala Dinas', 'Dinas Kesehatan', 1, '', ''],
  ]);
});

const now = jakarta(2030, 1, 6, 9);
const ss = () => SpreadsheetApp.getActiveSpreadsheet();
const decline = (...nips: string[]) =>
  world().spreadsheet.addSheet('Konfirmasi Kehadiran', [
    ['ID Sesi', 'NIP', 'Kehadiran', 'Alasan', 'ID Respons'],
    ...nips.map((n, i) => ['S1', n, 'Tidak Hadir', 'Dinas luar', `r${i}`]),
  ]);
const cell = (sheet: string, r: number, c: number) => world().spreadsheet.sheet(sheet)?.read(r, c);

describe('a seat given up', () => {
  beforeEach(() => {
    buatFormulir();
    expect(sendInvitations(ss(), { now }).sent).toBe(3);
  });

  it('goes to the first on the waiting list not already in the course; staff see it on the schedule', () => {
    decline(NIP.budi);
    const before = world().mail.sent.length;
    expect(sendInvitations(ss(), { now }).sent).toBe(1);
    expect(
      world()
        .mail.sent.slice(before)
        .map((m) => [m.to, m.subject]),
    ).toEqual([['dedi@sawahlunto.go.id', 'Undangan Pelatihan: Pelayanan Prima (S1)']]);
    expect(cell('Jadwal', 2, 7)).toBe(`${NIP.ani}, ${DEDI}`);
    expect(cell('Daftar Tunggu', 3, 7)).toBe('Diundang');
    expect(cell('Daftar Tunggu', 3, 8)).toMatch(
      new RegExp(`^Menggantikan NIP ${NIP.budi} \\(Tidak Hadir\\)`),
    );
    expect(cell('Daftar Tunggu', 2, 7)).toBe(''); // Cici holds a seat in S2 already
    const event = [...world().calendar.events.values()].find((e) => e.title === 'Pelatihan: Pelayanan Prima');
    expect(event?.guests).toEqual(['ani@sawahlunto.go.id', 'dedi@sawahlunto.go.id']);
    const undangan = world().spreadsheet.sheet('Undangan')?.dump() ?? [];
    const budi = undangan.find((r) => r[1] === NIP.budi) ?? [];
    expect(budi).toContain('Tidak Hadir');
    expect(budi.join(' ')).toContain(`kursi diberikan kepada NIP ${DEDI}`);

    // nothing happens twice, and the one who declined gets no cancellation for leaving the schedule
    expect(sendInvitations(ss(), { now }).sent).toBe(0);
  });

  it('Undangan reads back through the core: S1 announced, its invitees are who was told to come', () => {
    decline(NIP.budi);
    sendInvitations(ss(), { now });
    // what Validasi Data, Hitung & Sinkronkan and bangkom run read from the same sheet
    const v = validateSpreadsheet(ss());
    expect(v.errors.filter((e) => e.sheet === 'Undangan')).toEqual([]);
    const invitations = v.data.invitations.map(({ sesi, nip, status, dikirim }) => ({
      sesi,
      nip,
      status,
      dikirim,
    }));
    const dikirim = '2030-01-06T09:00:00';
    expect(invitations).toEqual([
      { sesi: 'S1', nip: NIP.ani, status: 'Diundang', dikirim },
      { sesi: 'S1', nip: NIP.budi, status: 'Tidak Hadir', dikirim },
      { sesi: 'S2', nip: CICI, status: 'Diundang', dikirim },
      { sesi: 'S1', nip: DEDI, status: 'Diundang', dikirim },
    ]);
    const told = announcements({ attendance: [], invitations: v.data.invitations });
    expect([...told.sessions].sort()).toEqual(['S1', 'S2']);
    // the plan that went out had Ani and Budi in S1; Budi declined, Dedi took his seat
    expect(invitees(told, 'S1', [NIP.ani, NIP.budi])).toEqual([NIP.ani, DEDI]);

    // a NIP typed wrong into Undangan is named, never read as an invitation
    world().spreadsheet.sheet('Undangan')?.write(2, 2, '12345');
    const bad = validateSpreadsheet(ss());
    expect(bad.errors.filter((e) => e.sheet === 'Undangan').map((e) => [e.row, e.column])).toEqual([
      [2, 'NIP'],
    ]);
    expect(bad.data.invitations.map((u) => u.nip)).not.toContain('12345');
  });

  it('with an empty waiting list, the seat is freed and said so', () => {
    world().spreadsheet.sheet('Daftar Tunggu')?.write(3, 7, 'Diundang');
    world().spreadsheet.sheet('Daftar Tunggu')?.write(4, 7, 'Diundang');
    decline(NIP.budi);
    expect(sendInvitations(ss(), { now }).sent).toBe(0);
    expect(cell('Jadwal', 2, 7)).toBe(NIP.ani);
    const undangan = world().spreadsheet.sheet('Undangan')?.dump() ?? [];
    expect((undangan.find((r) => r[1] === NIP.budi) ?? []).join(' ')).toContain(
      'Daftar Tunggu sesi ini kosong',
    );
  });
});
