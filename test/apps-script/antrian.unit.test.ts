/**
 * The Antrian retry: answers that can never succeed stop being retried (the entry stays,
 * with the server's reason), transient failures are retried up to MAX_ATTEMPTS, and a
 * queued older version of a record is never sent over a newer one.
 */
import { ANTRIAN_HEADER } from '../../apps-script/src/app-sheets';
import { buatFormulir } from '../../apps-script/src/forms';
import { spreadsheet } from '../../apps-script/src/gas';
import { MAX_ATTEMPTS, QUEUE_HEADER, retryQueue } from '../../apps-script/src/queue';
import { cobaUlangAntrian } from '../../apps-script/src/retry';
import { onFormSubmit } from '../../apps-script/src/submit';
import type { FakeForm } from './fakes/forms';
import type { FetchCall } from './fakes/services';
import { jakarta } from './fakes/world';
import { NIP, pegawaiRows, useWorld } from './helpers';

const world = useWorld((w) => {
  w.spreadsheet.addSheet('Pegawai', pegawaiRows());
});

const DAY = 86_400_000;

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

const antrian = () => table('Antrian');
const responses = (sheet: string) => table(sheet);

/** The server as a list of answers, one per request (the last repeats); 'throw' = network error. */
function server(...answers: (number | 'throw')[]): Record<string, unknown>[] {
  const accepted: Record<string, unknown>[] = [];
  let n = 0;
  world().fetch.handler = (call: FetchCall) => {
    const a = answers[Math.min(n++, answers.length - 1)];
    if (a === 'throw') throw new Error('Exception: Address unavailable');
    if (a === 200) accepted.push(JSON.parse(call.params.payload ?? 'null'));
    if (a === 403)
      return { code: 403, body: JSON.stringify({ error: 'Anda bukan anggota tenant sawahlunto.' }) };
    return { code: a ?? 200, body: a === 200 ? '{"ok":true}' : `{"error":"Galat ${a}"}` };
  };
  return accepted;
}

const reaction = (nip: string, r1: string) => ({
  'ID Sesi': 'S-2026-01',
  NIP: nip,
  'R1. Materi pelatihan sesuai dengan kebutuhan pekerjaan saya.': r1,
  'R2. Narasumber/fasilitator menguasai materi.': '4',
});

/** R1 of the bodies, the version marker in these tests */
const r1s = (bodies: Record<string, unknown>[]) => bodies.map((b) => (b.values as { R1: number }).R1);

beforeEach(() => {
  buatFormulir();
  world().log.clear();
});

describe('answers that will never succeed', () => {
  it('a 403 keeps the entry in Antrian, not retried, with the server reason; staff can re-enable it', () => {
    server(403);
    onFormSubmit(form('reaksi').submit(reaction(NIP.ani, '3'), jakarta(2026, 4, 1, 8)));
    const [row] = responses('Respons Evaluasi Reaksi');
    expect(row?.Status).toBe('Tidak Terkirim');
    expect(String(row?.Pesan)).toContain('Anda bukan anggota tenant sawahlunto.');
    const [entry] = antrian();
    expect(entry).toMatchObject({ Percobaan: 1, 'Status Antrian': 'Tidak Dicoba Lagi', Jenis: 'reaction' });
    expect(String(entry?.Keterangan)).toMatch(
      /^Ditolak server \(HTTP 403\): akun .* tidak berhak .*Alasan server: Anda bukan anggota tenant sawahlunto\..*kosongkan kolom Status Antrian/,
    );
    // the original columns keep their places; the new ones are at the right
    const header = world().spreadsheet.sheet('Antrian')?.dump()[0];
    expect(header?.slice(0, ANTRIAN_HEADER.length)).toEqual([...ANTRIAN_HEADER]);
    expect(header).toEqual([...QUEUE_HEADER]);

    const requests = world().fetch.requests.length;
    for (const days of [1, 8, 60])
      expect(retryQueue(spreadsheet(), new Date(Date.now() + days * DAY)).sent).toEqual([]);
    expect(world().fetch.requests.length).toBe(requests);
    expect(antrian()).toHaveLength(1);

    // the cause is fixed and staff clear Status Antrian: the next run sends it
    const accepted = server(200);
    const sheet = world().spreadsheet.sheet('Antrian');
    sheet?.write(2, QUEUE_HEADER.indexOf('Status Antrian') + 1, '');
    expect(retryQueue(spreadsheet(), new Date(Date.now() + DAY)).sent).toHaveLength(1);
    expect(r1s(accepted)).toEqual([3]);
    expect(antrian()).toEqual([]);
    expect(responses('Respons Evaluasi Reaksi')[0]?.Status).toBe('Terkirim');
  });

  it.each([400, 401, 404, 413])('HTTP %i during the daily retry stops the retries', (code) => {
    server(503);
    onFormSubmit(form('reaksi').submit(reaction(NIP.ani, '3'), jakarta(2026, 4, 1, 8)));
    expect(antrian()[0]?.['Status Antrian']).toBe('Dicoba Ulang');
    server(code);
    const r = retryQueue(spreadsheet(), new Date());
    expect(r).toMatchObject({ failed: 1, stopped: 1 });
    expect(antrian()[0]).toMatchObject({ Percobaan: 2, 'Status Antrian': 'Tidak Dicoba Lagi' });
    expect(String(antrian()[0]?.Keterangan)).toContain(`HTTP ${code}`);
    expect(String(antrian()[0]?.Keterangan)).toContain(`Galat ${code}`);
    expect(responses('Respons Evaluasi Reaksi')[0]?.Status).toBe('Tidak Terkirim');
    const requests = world().fetch.requests.length;
    retryQueue(spreadsheet(), new Date(Date.now() + 30 * DAY));
    expect(world().fetch.requests.length).toBe(requests);
  });
});

describe('failures that may pass', () => {
  it(`5xx, 408, 429 and network errors are retried with backoff, up to ${MAX_ATTEMPTS} attempts in all`, () => {
    server(503);
    onFormSubmit(form('reaksi').submit(reaction(NIP.ani, '3'), jakarta(2026, 4, 1, 8)));
    expect(responses('Respons Evaluasi Reaksi')[0]?.Status).toBe('Dalam Antrian');
    server(500, 408, 429, 'throw', 502, 503, 504, 429, 408, 500);
    let now = Date.now();
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      // the first retry is due at once; later ones wait for the backoff (1, 2, 4, 7 days)
      if (attempt > 2) expect(retryQueue(spreadsheet(), new Date(now + 3_600_000)).waiting).toBe(1);
      now += 8 * DAY;
      const r = retryQueue(spreadsheet(), new Date(now));
      expect(r.failed).toBe(1);
      expect(antrian()[0]?.Percobaan).toBe(attempt);
      expect(antrian()[0]?.['Status Antrian']).toBe(
        attempt < MAX_ATTEMPTS ? 'Dicoba Ulang' : 'Tidak Dicoba Lagi',
      );
    }
    expect(world().fetch.requests).toHaveLength(MAX_ATTEMPTS);
    expect(String(antrian()[0]?.Keterangan)).toMatch(new RegExp(`^Gagal ${MAX_ATTEMPTS} kali`));
    expect(String(antrian()[0]?.['Galat Terakhir'])).toContain('HTTP 408');
    expect(responses('Respons Evaluasi Reaksi')[0]?.Status).toBe('Tidak Terkirim');
    retryQueue(spreadsheet(), new Date(now + 30 * DAY));
    expect(world().fetch.requests).toHaveLength(MAX_ATTEMPTS);
  });

  it('an Antrian sheet of the old layout is retried and gets the new columns at the right', () => {
    const body = (id: string, nip: string) =>
      JSON.stringify({
        kind: 'reaction',
        responseId: id,
        sourceId: id,
        submittedAt: '2026-04-01T08:00:00',
        tenant: 'sawahlunto',
        sheet: 'Evaluasi Reaksi',
        responseSheet: 'Respons Evaluasi Reaksi',
        form: 'reaksi',
        values: { 'ID Sesi': 'S-1', NIP: nip, R1: 3 },
        valid: true,
        errors: [],
      });
    const old = new Date(Date.now() - 2 * DAY);
    world().spreadsheet.addSheet('Antrian', [
      [...ANTRIAN_HEADER],
      [
        'a1',
        'reaction',
        'Evaluasi Reaksi',
        'Respons Evaluasi Reaksi',
        old,
        1,
        old,
        'HTTP 503',
        body('a1', NIP.ani),
      ],
      [
        'b2',
        'reaction',
        'Evaluasi Reaksi',
        'Respons Evaluasi Reaksi',
        old,
        1,
        old,
        'HTTP 503',
        body('b2', NIP.budi),
      ],
    ]);
    world().fetch.handler = (call) =>
      JSON.parse(call.params.payload ?? '{}').responseId === 'a1'
        ? { code: 200, body: '{}' }
        : { code: 503, body: '{"error":"sibuk"}' };
    expect(retryQueue(spreadsheet(), new Date())).toMatchObject({ failed: 1, stopped: 0 });
    expect(world().spreadsheet.sheet('Antrian')?.dump()[0]).toEqual([...QUEUE_HEADER]);
    expect(antrian()).toEqual([
      expect.objectContaining({
        'ID Respons': 'b2',
        Percobaan: 2,
        'Status Antrian': 'Dicoba Ulang',
        'Kunci Data': '',
      }),
    ]);
  });
});

describe('a stale version never overwrites a newer one', () => {
  it('version 1 queued, version 2 sent: the retry does not send version 1, Antrian shows it replaced', () => {
    const accepted = server(503, 200);
    onFormSubmit(form('reaksi').submit(reaction(NIP.budi, '3'), jakarta(2026, 4, 1, 8)));
    expect(antrian()[0]?.['Status Antrian']).toBe('Dicoba Ulang');
    onFormSubmit(form('reaksi').submit(reaction(NIP.budi, '4'), jakarta(2026, 4, 1, 9)));
    expect(r1s(accepted)).toEqual([4]);

    const [v1, v2] = responses('Respons Evaluasi Reaksi');
    expect(v2?.Status).toBe('Terkirim');
    expect(v1?.Status).toBe('Digantikan');
    expect(String(v1?.Pesan)).toContain(String(v2?.['ID Respons']));
    const [entry] = antrian();
    expect(entry).toMatchObject({ 'ID Respons': v1?.['ID Respons'], 'Status Antrian': 'Digantikan' });
    expect(String(entry?.Keterangan)).toMatch(
      new RegExp(
        `versi yang lebih baru .*ID Respons ${v2?.['ID Respons']}, diisi 2026-04-01 09:00:00\\) sudah terkirim`,
      ),
    );

    server(200); // the server is up for the retries
    const requests = world().fetch.requests.length;
    jest.useFakeTimers({ now: Date.now() + 3 * DAY, doNotFake: ['nextTick', 'setImmediate'] });
    try {
      cobaUlangAntrian();
      cobaUlangAntrian();
    } finally {
      jest.useRealTimers();
    }
    expect(world().fetch.requests.length).toBe(requests); // version 1 never went again
    expect(antrian()).toHaveLength(1); // kept as a record, not deleted
    expect(table('Evaluasi Reaksi')).toHaveLength(1);
    expect(table('Evaluasi Reaksi')[0]?.R1).toBe(4);
  });

  it('both versions queued: version 2 supersedes version 1 at once and only version 2 is sent', () => {
    server(503);
    onFormSubmit(form('reaksi').submit(reaction(NIP.budi, '3'), jakarta(2026, 4, 1, 8)));
    onFormSubmit(form('reaksi').submit(reaction(NIP.budi, '4'), jakarta(2026, 4, 1, 9)));
    expect(antrian().map((e) => e['Status Antrian'])).toEqual(['Digantikan', 'Dicoba Ulang']);
    expect(String(antrian()[0]?.Keterangan)).toContain('ada di Antrian; hanya versi terbaru yang dikirim');
    expect(responses('Respons Evaluasi Reaksi').map((r) => r.Status)).toEqual([
      'Digantikan',
      'Dalam Antrian',
    ]);

    const accepted = server(200);
    cobaUlangAntrian();
    expect(r1s(accepted)).toEqual([4]);
    expect(antrian().map((e) => e['Status Antrian'])).toEqual(['Digantikan']);
    expect(responses('Respons Evaluasi Reaksi').map((r) => r.Status)).toEqual(['Digantikan', 'Terkirim']);
  });

  it('an older version processed late (kept while the lock was busy) is marked replaced, not sent', () => {
    server(503);
    world().lock.busyElsewhere = true;
    onFormSubmit(form('reaksi').submit(reaction(NIP.budi, '3'), jakarta(2026, 4, 1, 8)));
    world().lock.busyElsewhere = false;
    onFormSubmit(form('reaksi').submit(reaction(NIP.budi, '4'), jakarta(2026, 4, 1, 9)));
    // the daily run: version 2 waits in Antrian, so the kept version 1 is never sent
    cobaUlangAntrian();
    const payloads = world().fetch.requests.map(
      (r) => (JSON.parse(r.params.payload ?? '{}') as { values: { R1: number } }).values.R1,
    );
    expect(payloads).toEqual([4, 4]); // version 2's first forward and its retry
    expect(antrian().map((e) => e['Status Antrian'])).toEqual(['Dicoba Ulang']);
    const [v1, v2] = responses('Respons Evaluasi Reaksi');
    expect(v1?.Status).toBe('Digantikan');
    expect(String(v1?.Pesan)).toContain(
      `ID Respons ${v2?.['ID Respons']}, diisi 2026-04-01 09:00:00) ada di Antrian`,
    );
    expect(table('Evaluasi Reaksi')[0]?.R1).toBe(4);

    const accepted = server(200);
    jest.useFakeTimers({ now: Date.now() + 3 * DAY, doNotFake: ['nextTick', 'setImmediate'] });
    try {
      cobaUlangAntrian();
    } finally {
      jest.useRealTimers();
    }
    expect(r1s(accepted)).toEqual([4]);
  });

  it('an older version kept while the lock was busy is not sent after a newer one was delivered', () => {
    const accepted = server(200);
    world().lock.busyElsewhere = true;
    onFormSubmit(form('reaksi').submit(reaction(NIP.budi, '3'), jakarta(2026, 4, 1, 8)));
    world().lock.busyElsewhere = false;
    onFormSubmit(form('reaksi').submit(reaction(NIP.budi, '4'), jakarta(2026, 4, 1, 9)));
    expect(r1s(accepted)).toEqual([4]);
    cobaUlangAntrian(); // the daily run, the server up: version 1 is processed now
    expect(r1s(accepted)).toEqual([4]);
    expect(world().fetch.requests).toHaveLength(1);

    const [v1, v2] = responses('Respons Evaluasi Reaksi');
    expect(v2?.Status).toBe('Terkirim');
    expect(v1?.Status).toBe('Digantikan');
    expect(String(v1?.Pesan)).toMatch(
      new RegExp(
        `^Evaluasi Reaksi: Tidak dikirim: versi yang lebih baru dari data yang sama \\(ID Respons ${v2?.['ID Respons']}, diisi 2026-04-01 09:00:00\\) sudah terkirim ke server\\.`,
      ),
    );
    expect(table('Evaluasi Reaksi')).toEqual([
      expect.objectContaining({ 'ID Respons': v2?.['ID Respons'], NIP: NIP.budi, R1: 4 }),
    ]);
    expect(antrian()).toEqual([]);
  });

  it('an older RSVP kept while the lock was busy does not overwrite the newer one in the sheet', () => {
    const rsvp = (kehadiran: string, at: Date) =>
      form('kehadiran').submit({ 'ID Sesi': 'S-2030-01', NIP: NIP.ani, Kehadiran: kehadiran }, at);
    world().lock.busyElsewhere = true;
    onFormSubmit(rsvp('Hadir', jakarta(2026, 4, 1, 8)));
    world().lock.busyElsewhere = false;
    onFormSubmit(rsvp('Tidak Hadir', jakarta(2026, 4, 1, 9)));
    cobaUlangAntrian();
    expect(table('Konfirmasi Kehadiran')).toEqual([
      expect.objectContaining({ NIP: NIP.ani, Kehadiran: 'Tidak Hadir' }),
    ]);
    const [v1, v2] = responses('Respons Konfirmasi Kehadiran');
    expect(v2?.Status).toBe('Tercatat');
    expect(v1?.Status).toBe('Digantikan');
    expect(String(v1?.Pesan)).toContain(`ID Respons ${v2?.['ID Respons']}, diisi 2026-04-01 09:00:00`);
    expect(world().fetch.requests).toHaveLength(0);
  });

  it('an older version kept while the lock was busy is sent when the newer one was refused for good', () => {
    server(413);
    world().lock.busyElsewhere = true;
    onFormSubmit(form('reaksi').submit(reaction(NIP.budi, '3'), jakarta(2026, 4, 1, 8)));
    world().lock.busyElsewhere = false;
    onFormSubmit(form('reaksi').submit(reaction(NIP.budi, '4'), jakarta(2026, 4, 1, 9)));
    expect(antrian()[0]?.['Status Antrian']).toBe('Tidak Dicoba Lagi');
    const accepted = server(200);
    cobaUlangAntrian();
    expect(r1s(accepted)).toEqual([3]);
    expect(responses('Respons Evaluasi Reaksi').map((r) => r.Status)).toEqual(['Terkirim', 'Tidak Terkirim']);
    // the sheet keeps what the respondent submitted last
    expect(table('Evaluasi Reaksi')[0]?.R1).toBe(4);
  });

  it('a newer version refused for good does not replace a queued older one', () => {
    server(503);
    onFormSubmit(form('reaksi').submit(reaction(NIP.budi, '3'), jakarta(2026, 4, 1, 8)));
    server(413);
    onFormSubmit(form('reaksi').submit(reaction(NIP.budi, '4'), jakarta(2026, 4, 1, 9)));
    expect(antrian().map((e) => e['Status Antrian'])).toEqual(['Dicoba Ulang', 'Tidak Dicoba Lagi']);
    expect(responses('Respons Evaluasi Reaksi').map((r) => r.Status)).toEqual([
      'Dalam Antrian',
      'Tidak Terkirim',
    ]);

    const accepted = server(200);
    cobaUlangAntrian();
    expect(r1s(accepted)).toEqual([3]);
    expect(antrian().map((e) => e['Status Antrian'])).toEqual(['Tidak Dicoba Lagi']);
    expect(responses('Respons Evaluasi Reaksi').map((r) => r.Status)).toEqual(['Terkirim', 'Tidak Terkirim']);
  });

  it('a newer version out of attempts does not replace a queued older one either', () => {
    server(503);
    onFormSubmit(form('reaksi').submit(reaction(NIP.budi, '4'), jakarta(2026, 4, 1, 9)));
    // version 2's entry has used up its attempts (e.g. the server was down for weeks)
    const sheet = world().spreadsheet.sheet('Antrian');
    sheet?.write(2, QUEUE_HEADER.indexOf('Percobaan') + 1, MAX_ATTEMPTS - 1);
    cobaUlangAntrian();
    expect(antrian()[0]?.['Status Antrian']).toBe('Tidak Dicoba Lagi');
    // version 1 reaches the spreadsheet late and fails too: it stays queued
    const older = form('reaksi').submit(reaction(NIP.budi, '3'), jakarta(2026, 4, 1, 8));
    world().lock.busyElsewhere = true;
    onFormSubmit(older);
    world().lock.busyElsewhere = false;
    cobaUlangAntrian();
    expect(antrian().map((e) => e['Status Antrian'])).toEqual(['Tidak Dicoba Lagi', 'Dicoba Ulang']);
    const accepted = server(200);
    jest.useFakeTimers({ now: Date.now() + 3 * DAY, doNotFake: ['nextTick', 'setImmediate'] });
    try {
      cobaUlangAntrian();
    } finally {
      jest.useRealTimers();
    }
    expect(r1s(accepted)).toEqual([3]);
  });

  it('another record (same session, another NIP) is not affected', () => {
    server(503);
    onFormSubmit(form('reaksi').submit(reaction(NIP.ani, '3'), jakarta(2026, 4, 1, 8)));
    const accepted = server(200);
    onFormSubmit(form('reaksi').submit(reaction(NIP.budi, '4'), jakarta(2026, 4, 1, 9)));
    expect(antrian()[0]?.['Status Antrian']).toBe('Dicoba Ulang');
    cobaUlangAntrian();
    expect(r1s(accepted)).toEqual([4, 3]);
    expect(antrian()).toEqual([]);
    expect(responses('Respons Evaluasi Reaksi').map((r) => r.Status)).toEqual(['Terkirim', 'Terkirim']);
  });
});
