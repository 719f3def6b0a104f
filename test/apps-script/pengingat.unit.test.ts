/** pengingatPerilaku: each supervisor mailed once, whatever fails or however long it takes. */

import { pengingatPerilaku, sendFollowUps } from '../../apps-script/src/followup';
import { buatFormulir } from '../../apps-script/src/forms';
import { jakarta } from './fakes/world';
import { PEGAWAI_HEADER, useWorld } from './helpers';

const N = 20;
const nip = (i: number, atasan = false) => `19900115201503${atasan ? '2' : '1'}${String(i).padStart(3, '0')}`;

const world = useWorld((w) => {
  const pegawai: unknown[][] = [PEGAWAI_HEADER];
  const undangan: unknown[][] = [['ID Sesi', 'NIP', 'Email', 'Dikirim', 'ID Acara', 'Pengingat L3']];
  for (let i = 0; i < N; i++) {
    pegawai.push([
      nip(i),
      `Peserta ${i}`,
      'PNS',
      'Dinas Kesehatan',
      'Analis',
      'Fungsional',
      `p${i}@sawahlunto.go.id`,
      nip(i, true),
    ]);
    // supervisor 3 has a mistyped address, supervisor 5 none at all
    const email = i === 3 ? 'atasan3(at)sawahlunto.go.id' : i === 5 ? '' : `atasan${i}@sawahlunto.go.id`;
    pegawai.push([
      nip(i, true),
      `Atasan ${i}`,
      'PNS',
      'Dinas Kesehatan',
      'Kepala Seksi',
      'Administrator',
      email,
      '',
    ]);
    undangan.push([
      'S-2026-01',
      nip(i),
      `p${i}@sawahlunto.go.id`,
      jakarta(2026, 1, 1),
      'event1@google.com',
      '',
    ]);
  }
  w.spreadsheet.addSheet('Pegawai', pegawai);
  w.spreadsheet.addSheet('Jadwal', [
    ['ID Sesi', 'Kode', 'Judul', 'Mulai', 'Selesai', 'Lokasi', 'Peserta'],
    ['S-2026-01', 'PL-01', 'Pelayanan Prima', jakarta(2026, 1, 10, 8), jakarta(2026, 1, 11, 16), 'Aula', ''],
  ]);
  w.spreadsheet.addSheet('Undangan', undangan);
});

const now = jakarta(2026, 6, 1, 7);
const ss = () => SpreadsheetApp.getActiveSpreadsheet();
const recipients = () => world().mail.sent.map((m) => m.to);

beforeEach(() => {
  buatFormulir();
  world().clock.newExecution();
});

describe('pengingatPerilaku', () => {
  it('checks addresses first and goes on after a mail MailApp refuses; each mail recorded once', () => {
    // MailApp refuses one more address the pattern cannot tell is wrong
    world().failures.push({
      when: (c) =>
        c.target === 'MailApp' &&
        c.method === 'sendEmail' &&
        (c.args[0] as { to: string }).to === 'atasan7@sawahlunto.go.id',
      error: 'Exception: Invalid email: atasan7@sawahlunto.go.id',
    });
    const r = sendFollowUps(ss(), now);
    expect(r.sent).toBe(N - 3);
    expect(r.skipped.join('\n')).toMatch(
      /atasan NIP 199001152015031003 tidak punya email yang sah .*"atasan3\(at\)sawahlunto\.go\.id"/,
    );
    expect(r.skipped.join('\n')).toMatch(/199001152015031007 tidak terkirim \(alamat email tidak sah\)/);
    expect(r.skipped.join('\n')).not.toMatch(/Exception/);
    const log = world().spreadsheet.sheet('Undangan')?.dump() ?? [];
    expect(log.slice(1).filter((row) => row[5] !== '')).toHaveLength(N - 3);
    // the next day: nobody twice
    world().failures.length = 0;
    const again = sendFollowUps(ss(), new Date(now.getTime() + 86_400_000));
    expect(again.sent).toBe(1); // supervisor 7, now accepted
    expect(new Set(recipients()).size).toBe(recipients().length);
  });

  it('stops within its time budget and the next run continues, nobody mailed twice', () => {
    world().clock.cost = (c) => (c.target === 'MailApp' && c.method === 'sendEmail' ? 40_000 : 0);
    const first = sendFollowUps(ss(), now);
    expect(first.stopped).toBe('waktu');
    expect(first.sent).toBeGreaterThan(0);
    expect(world().clock.elapsed()).toBeLessThan(6 * 60_000);
    let total = first.sent;
    for (let day = 1; day < 5 && total < N - 2; day++) {
      world().clock.advance(86_400_000);
      world().clock.newExecution();
      total += sendFollowUps(ss(), new Date(now.getTime() + day * 86_400_000)).sent;
      expect(world().clock.elapsed()).toBeLessThan(6 * 60_000);
    }
    expect(total).toBe(N - 2);
    expect(new Set(recipients()).size).toBe(N - 2);
  });

  it('a run that dies half-way (the time limit) has recorded what it sent', () => {
    // no budget check can save a run whose calls are this slow: Apps Script ends it
    world().clock.cost = (c) => (c.target === 'MailApp' && c.method === 'sendEmail' ? 100_000 : 0);
    expect(() => sendFollowUps(ss(), now, 5, { budgetMs: 60 * 60_000 })).toThrow(
      /Exceeded maximum execution time/,
    );
    const sent = recipients().length;
    expect(sent).toBeGreaterThan(1);
    const log = world().spreadsheet.sheet('Undangan')?.dump() ?? [];
    // every mail but the one the limit interrupted before its record
    expect(log.slice(1).filter((row) => row[5] !== '')).toHaveLength(sent - 1);
    world().clock.cost = () => 0;
    world().clock.newExecution();
    pengingatPerilaku();
    expect(new Set(recipients()).size).toBe(N - 2);
    expect(recipients().length).toBeLessThanOrEqual(N - 2 + 1);
  });

  it('asks only about completers of a session with a Daftar Hadir: a no-show is never asked about', () => {
    // two days; participant 0 came both, 1 one day (50 % < 80 %), 2 declined the invitation
    world().spreadsheet.addSheet('Katalog Pelatihan', [
      ['Kode', 'Judul', 'Kompetensi', 'JP', 'Kapasitas', 'Biaya per Peserta', 'Hari'],
      ['PL-01', 'Pelayanan Prima', 'M.05', 16, 30, 0, 2],
    ]);
    world().spreadsheet.addSheet('Daftar Hadir', [
      ['ID Sesi', 'Kode', 'Tanggal', 'NIP', 'Status'],
      ['S-2026-01', 'PL-01', jakarta(2026, 1, 10), nip(0), 'Hadir'],
      ['S-2026-01', 'PL-01', jakarta(2026, 1, 11), nip(0), 'Hadir'],
      ['S-2026-01', 'PL-01', jakarta(2026, 1, 10), nip(1), 'Hadir'],
      ['S-2026-01', 'PL-01', jakarta(2026, 1, 11), nip(1), 'Sakit'],
      ['S-2026-01', 'PL-01', '', nip(2), 'Tidak Hadir'],
    ]);
    const r = sendFollowUps(ss(), now);
    expect(recipients()).toEqual(['atasan0@sawahlunto.go.id']);
    expect(r.sent).toBe(1);
    const notAsked = r.skipped.filter((x) => x.includes('tidak menyelesaikan sesi'));
    expect(notAsked).toHaveLength(N - 1); // everyone else has no attendance at all
    expect(notAsked.join('\n')).toContain(
      `S-2026-01: NIP ${nip(1)} tidak menyelesaikan sesi menurut Daftar Hadir`,
    );
  });
});
