/**
 * The form-submit path against Google's failures: nothing lost (defect: a failed submission
 * was lost for good), cost independent of the number of competencies, and a queue retry that
 * keeps within the execution time limit.
 */
import { buatFormulir } from '../../apps-script/src/forms';
import { RETRY_CHUNK } from '../../apps-script/src/queue';
import { cobaUlangAntrian, retryAll } from '../../apps-script/src/retry';
import { onFormSubmit } from '../../apps-script/src/submit';
import type { FakeForm } from './fakes/forms';
import { EXECUTION_LIMIT_MS } from './fakes/services';
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

function rows(sheet: string): Record<string, unknown>[] {
  const values = world().spreadsheet.sheet(sheet)?.dump() ?? [];
  const header = (values[0] ?? []).map(String);
  return values.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

/** A valid answer to every question, from the form's items; `over` wins. */
function answers(f: FakeForm, over: Record<string, string | string[]>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const item of f.items) {
    if (item.type === 'SCALE') out[item.title] = '3';
    else if (item.type === 'MULTIPLE_CHOICE' || item.type === 'LIST')
      out[item.title] = item.choices[0]?.value ?? '';
    else if (item.type === 'CHECKBOX') out[item.title] = [item.choices[0]?.value ?? ''];
  }
  return { ...out, ...over };
}

/** a new trigger run, `ms` later */
function later(ms: number): void {
  world().clock.advance(ms);
  world().clock.newExecution();
}

beforeEach(() => {
  buatFormulir();
  world().log.clear();
  world().clock.newExecution();
});

describe('a failed submission is never lost', () => {
  it('a Sheets timeout keeps the submission; the daily retry sends it once', () => {
    const f = form('reaksi');
    const e = f.submit(
      answers(f, { 'ID Sesi': 'S-2026-01', NIP: NIP.ani, Saran: '' }),
      jakarta(2026, 4, 1, 8),
    );
    world().failures.push({
      when: (c) => c.target === 'Range:Evaluasi Reaksi' && c.method === 'setValues',
      error: 'Exception: Service Spreadsheets timed out while accessing document with id ss-bangkom.',
    });
    expect(() => onFormSubmit(e)).not.toThrow();
    expect(world().lock.held).toBe(false);
    const [row] = rows('Respons Evaluasi Reaksi');
    expect(row?.Status).toBe('Dalam Antrian');
    expect(String(row?.Pesan)).toBe(
      'Belum diproses: layanan Google tidak menjawab tepat waktu. Diproses ulang oleh pemicu harian.',
    );
    expect(world().fetch.requests).toHaveLength(0);

    world().failures.length = 0;
    later(DAY);
    cobaUlangAntrian();
    expect(rows('Respons Evaluasi Reaksi')[0]?.Status).toBe('Terkirim');
    expect(world().fetch.bodies('ingestResponse')).toHaveLength(1);
    later(DAY);
    cobaUlangAntrian();
    expect(world().fetch.bodies('ingestResponse')).toHaveLength(1);
  });

  it('a row nothing could keep (full property store, or the run stopped) is found by the sweep, NIP intact', () => {
    // the lock is busy and the property store is full: not even the kept copy can be written
    world().lock.busyElsewhere = true;
    world().failures.push({
      when: (c) => c.target === 'Properties' && /^setPropert/.test(c.method),
      error:
        'Exception: You have exceeded the property storage quota. Please remove some properties and try again.',
    });
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const f = form('kebutuhan');
    expect(() =>
      onFormSubmit(f.submit(answers(f, { NIP: NIP.budi }), jakarta(2026, 4, 1, 8), 'budi@sawahlunto.go.id')),
    ).not.toThrow();
    // and a submission whose run was stopped at the time limit before it did anything
    f.submit(answers(f, { NIP: NIP.ani }), jakarta(2026, 4, 1, 9), 'ani@sawahlunto.go.id');
    expect(rows('Respons Survei Kebutuhan').map((r) => r.Status ?? '')).toEqual(['', '']);

    world().lock.busyElsewhere = false;
    world().failures.length = 0;
    later(DAY);
    cobaUlangAntrian();
    expect(rows('Respons Survei Kebutuhan').map((r) => r.Status)).toEqual(['Terkirim', 'Terkirim']);
    const nips = world()
      .fetch.bodies('ingestResponse')
      .filter((b) => b.sheet === 'Penilaian')
      .map((b) => (b.values as { NIP: string }).NIP);
    // from Google Forms: the sheet holds the NIP as a rounded number
    expect(nips.sort()).toEqual([NIP.budi, NIP.ani].sort());
    // the respondent's collected email comes from Google Forms too, as the rater's
    const emails = world()
      .fetch.bodies('ingestResponse')
      .filter((b) => b.sheet === 'Penilaian')
      .map((b) => (b.values as Record<string, string>)['Email Penilai']);
    expect(emails.sort()).toEqual(['ani@sawahlunto.go.id', 'budi@sawahlunto.go.id']);
    later(DAY);
    cobaUlangAntrian();
    expect(world().fetch.bodies('ingestResponse')).toHaveLength(4);
  });

  it('a deleted form does not stop the sweep of the others nor the queue retry', () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const reaksi = form('reaksi');
    const kebutuhan = form('kebutuhan');
    // missed rows in two response sheets; the first form is then deleted in Google Forms
    reaksi.submit(
      answers(reaksi, { 'ID Sesi': 'S-2026-01', NIP: NIP.ani, Saran: '' }),
      jakarta(2026, 4, 1, 8),
    );
    kebutuhan.submit(answers(kebutuhan, { NIP: NIP.budi }), jakarta(2026, 4, 1, 9));
    // and one submission waits in Antrian: the server was down
    world().fetch.handler = () => ({ code: 503, body: '{"error":"sibuk"}' });
    const atasan = form('atasan');
    onFormSubmit(
      atasan.submit(answers(atasan, { NIP: NIP.ani, 'NIP Penilai': NIP.kepala }), jakarta(2026, 4, 1, 10)),
    );
    expect(rows('Antrian')).toHaveLength(1);
    world().fetch.handler = () => ({ code: 200, body: '{"ok":true}' });
    world().forms.delete(reaksi.id);
    later(DAY);
    expect(() => cobaUlangAntrian()).not.toThrow();
    expect(rows('Respons Survei Kebutuhan')[0]?.Status).toBe('Terkirim');
    expect(rows('Respons Penilaian Atasan')[0]?.Status).toBe('Terkirim');
    expect(rows('Antrian').filter((r) => r['ID Respons'])).toHaveLength(0);
    expect(rows('Respons Evaluasi Reaksi')[0]?.Status).toBeUndefined();
  });

  it('the sweep leaves a row whose run may still be going (under ten minutes old)', () => {
    const f = form('reaksi');
    const now = new Date(world().clock.now());
    f.submit(
      answers(f, { 'ID Sesi': 'S-2026-01', NIP: NIP.ani, Saran: '' }),
      new Date(now.getTime() - 60_000),
    );
    cobaUlangAntrian();
    expect(world().fetch.requests).toHaveLength(0);
    expect(rows('Respons Evaluasi Reaksi')[0]?.Status).toBeUndefined();
  });
});

describe('service calls per submission', () => {
  const heavy = () =>
    world().log.calls.filter(
      (c) =>
        (/^(Sheet|Range)/.test(c.target) && /^(getValues|setValues|setValue)$/.test(c.method)) ||
        c.target === 'UrlFetchApp',
    ).length;

  it('do not grow with the number of competencies, and stay within 12 reads, writes and fetches', () => {
    const f = form('perilaku');
    const competencies = f.items
      .filter((i) => / — Sebelum$/.test(i.title))
      .map((i) => i.title.replace(/ — Sebelum$/, ''));
    expect(competencies.length).toBe(9);
    const submit = (nip: string, answered: readonly string[], hour: number) => {
      const a: Record<string, string> = { 'ID Sesi': 'S-2026-01', NIP: nip, 'NIP Penilai': NIP.kepala };
      for (const c of answered) {
        a[`${c} — Sebelum`] = '2';
        a[`${c} — Sesudah`] = '4';
      }
      const e = f.submit(a, jakarta(2026, 4, 1, hour));
      world().log.clear();
      onFormSubmit(e);
      return { total: world().log.calls.length, heavy: heavy() };
    };
    submit(NIP.budi, competencies.slice(0, 1), 7); // the first one adds the script's columns
    const two = submit(NIP.ani, competencies.slice(0, 2), 8);
    const nine = submit(NIP.kepala, competencies, 9);
    expect(rows('Evaluasi Perilaku')).toHaveLength(12);
    expect(nine).toEqual(two);
    expect(nine.heavy).toBeLessThanOrEqual(12);
    expect(world().log.count((c) => c.target === 'UrlFetchApp')).toBe(1);
    expect(world().fetch.bodies('ingestResponse')).toHaveLength(12);
  });

  it('every form kind stays within 12 reads, writes and fetches', () => {
    const kinds: [string, Record<string, string | string[]>][] = [
      ['kebutuhan', { NIP: NIP.ani }],
      ['atasan', { NIP: NIP.ani, 'NIP Penilai': NIP.kepala }],
      ['reaksi', { 'ID Sesi': 'S-2026-01', NIP: NIP.ani, Saran: '' }],
      ['tes', { 'ID Sesi': 'S-2026-01', NIP: NIP.ani, 'Jenis Tes': 'Pre-test' }],
      ['tes', { 'ID Sesi': 'S-2026-01', NIP: NIP.ani, 'Jenis Tes': 'Post-test' }],
      ['perilaku', { 'ID Sesi': 'S-2026-01', NIP: NIP.ani, 'NIP Penilai': NIP.kepala }],
      ['skm', { Saran: '' }],
      ['kehadiran', { 'ID Sesi': 'S-2026-01', NIP: NIP.ani, Kehadiran: 'Hadir', Alasan: '' }],
    ];
    kinds.forEach(([key, over], i) => {
      const f = form(key);
      const e = f.submit(answers(f, over), jakarta(2026, 4, 1, 8 + i));
      world().log.clear();
      onFormSubmit(e);
      expect([key, heavy()]).toEqual([key, expect.any(Number)]);
      expect(heavy()).toBeLessThanOrEqual(12);
    });
  });
});

describe('the queue retry keeps within the time limit', () => {
  function queue(n: number): void {
    world().fetch.handler = () => ({ code: 503, body: '{"error":"sibuk"}' });
    const f = form('reaksi');
    for (let i = 0; i < n; i++) {
      const nip = [NIP.ani, NIP.budi, NIP.kepala][i % 3] ?? NIP.ani;
      onFormSubmit(
        f.submit(
          answers(f, { 'ID Sesi': `S-2026-${i}`, NIP: nip, Saran: '' }),
          jakarta(2026, 4, 1, 8 + Math.floor(i / 60), i % 60),
        ),
      );
    }
    expect(rows('Antrian')).toHaveLength(n);
  }

  it('a hanging server: chunks of fetchAll until the budget, attempts recorded, the rest next time', () => {
    queue(120);
    world().fetch.handler = () => ({ code: 200, body: '{"ok":true}', delayMs: 120_000 });
    later(DAY);
    world().log.clear();
    expect(() => cobaUlangAntrian()).not.toThrow();
    expect(world().clock.elapsed()).toBeLessThan(EXECUTION_LIMIT_MS);
    const fetchAlls = world().log.count((c) => c.target === 'UrlFetchApp' && c.method === 'fetchAll');
    expect(fetchAlls).toBeGreaterThan(0);
    expect(fetchAlls).toBeLessThan(120 / RETRY_CHUNK);
    expect(world().log.count((c) => c.target === 'UrlFetchApp' && c.method === 'fetch')).toBe(0);
    const attempts = rows('Antrian').map((r) => Number(r.Percobaan));
    expect(attempts.filter((a) => a === 2)).toHaveLength(fetchAlls * RETRY_CHUNK);
    expect(attempts.filter((a) => a === 1)).toHaveLength(120 - fetchAlls * RETRY_CHUNK);
    expect(String(rows('Antrian')[0]?.['Galat Terakhir'])).toContain(
      'layanan Google tidak menjawab tepat waktu',
    );

    // the server is back: the entries not tried yesterday are due at once
    world().fetch.handler = () => ({ code: 200, body: '{"ok":true}' });
    later(DAY);
    cobaUlangAntrian();
    expect(rows('Antrian').filter((r) => Number(r.Percobaan) === 1)).toHaveLength(0);
    later(2 * DAY);
    cobaUlangAntrian();
    expect(
      rows('Antrian').filter((r) => r['ID Respons'] !== '' && r['ID Respons'] !== undefined),
    ).toHaveLength(0);
    expect(rows('Respons Evaluasi Reaksi').every((r) => r.Status === 'Terkirim')).toBe(true);
  });

  it('a run the time limit stops half-way has recorded the attempts of every chunk it finished', () => {
    queue(7 * RETRY_CHUNK);
    // seven chunks that each hang until UrlFetchApp gives up: past six minutes, and a budget
    // this long cannot save the run
    world().fetch.handler = () => ({ code: 200, body: '{"ok":true}', delayMs: 120_000 });
    later(DAY);
    expect(() => retryAll(SpreadsheetApp.getActiveSpreadsheet(), new Date(), 60 * 60_000)).toThrow(
      /Exceeded maximum execution time/,
    );
    const attempts = rows('Antrian').map((r) => Number(r.Percobaan));
    const recorded = attempts.filter((a) => a === 2).length;
    // the chunks that ended before the limit are on the sheet, the one it interrupted is not
    expect(recorded).toBeGreaterThanOrEqual(4 * RETRY_CHUNK);
    expect(recorded).toBeLessThan(7 * RETRY_CHUNK);
    expect(recorded % RETRY_CHUNK).toBe(0);
    expect(attempts.filter((a) => a === 1)).toHaveLength(7 * RETRY_CHUNK - recorded);
  });

  it('a healthy server: 60 entries in 3 fetchAll calls', () => {
    queue(60);
    world().fetch.handler = () => ({ code: 200, body: '{"ok":true}' });
    later(DAY);
    world().log.clear();
    cobaUlangAntrian();
    expect(world().log.count((c) => c.target === 'UrlFetchApp')).toBe(60 / RETRY_CHUNK);
    expect(rows('Antrian').filter((r) => r['ID Respons'])).toHaveLength(0);
  });
});
