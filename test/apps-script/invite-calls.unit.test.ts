/**
 * Service calls of Kirim Undangan: what a run costs against Apps Script's quotas. Sheet calls
 * stay constant however many participants there are; mail and calendar calls are one per
 * participant (one message, one guest) plus one per session.
 */
import { buatFormulir } from '../../apps-script/src/forms';
import { sendInvitations } from '../../apps-script/src/invite';
import type { Call } from './fakes/log';
import { createWorld, jakarta, type World } from './fakes/world';
import { PEGAWAI_HEADER } from './helpers';

const nipOf = (i: number) => `19900101201503${String(1000 + i).padStart(4, '0')}`;

/** A world with `sessions` sessions of `perSession` participants each, installed as globals. */
function fixture(sessions: number, perSession: number): World {
  const w = createWorld({ quota: 1500 }); // Google Workspace: 1,500 recipients a day
  const n = sessions * perSession;
  w.spreadsheet.addSheet('Pegawai', [
    PEGAWAI_HEADER,
    ...Array.from({ length: n }, (_, i) => [
      nipOf(i),
      `Pegawai ${i}`,
      'PNS',
      'Dinas Kesehatan',
      'Pengelola Data',
      'Pelaksana',
      `pegawai${i}@sawahlunto.go.id`,
      '',
    ]),
  ]);
  w.spreadsheet.addSheet('Jadwal', [
    ['ID Sesi', 'Kode', 'Judul', 'Mulai', 'Selesai', 'Lokasi', 'Peserta'],
    ...Array.from({ length: sessions }, (_, s) => [
      `S-${s + 1}`,
      'PL-01',
      'Pelayanan Prima',
      jakarta(2030, 3, 10 + s, 8),
      jakarta(2030, 3, 10 + s, 16),
      'Aula',
      Array.from({ length: perSession }, (_, p) => nipOf(s * perSession + p)).join(', '),
    ]),
  ]);
  w.install();
  return w;
}

const kind = (c: Call): string =>
  /^(SpreadsheetApp|Spreadsheet|Sheet|Range)/.test(c.target) ? 'lembar' : c.target.replace(/:.*/, '');

function counts(calls: readonly Call[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of calls) out[kind(c)] = (out[kind(c)] ?? 0) + 1;
  return out;
}

/** Service calls of one Kirim Undangan run, by kind. */
function run(sessions: number, perSession: number): Record<string, number> {
  const w = fixture(sessions, perSession);
  try {
    buatFormulir();
    w.log.clear();
    const r = sendInvitations(SpreadsheetApp.getActiveSpreadsheet(), { now: jakarta(2026, 11, 28, 9) });
    expect(r.sent).toBe(sessions * perSession);
    return counts(w.log.calls);
  } finally {
    w.restore();
  }
}

describe('Kirim Undangan service calls', () => {
  beforeEach(() => {
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it.each([
    [3, 10],
    [3, 40],
  ])('%i sessions x %i participants: one message and one guest per participant', (sessions, perSession) => {
    const c = run(sessions, perSession);
    const n = sessions * perSession;
    // the quota is read once; one message per participant
    expect(c.MailApp).toBe(n + 1);
    // per participant one addGuest; per session one getId of the event made
    expect(c.CalendarEvent).toBe(n + sessions);
  });

  it('sheet calls do not grow with the number of participants', () => {
    const small = run(3, 10);
    const large = run(3, 40);
    expect(large.lembar).toBe(small.lembar);
    expect(small.lembar).toBeLessThanOrEqual(50);
  });
});
