import { postJson } from '../../apps-script/src/http';
import { describe as describeBody, hitungSinkronkan } from '../../apps-script/src/sync';
import { FUNCTIONS_URL } from './fakes/world';
import { pegawaiRows, useWorld } from './helpers';

const world = useWorld((w) => {
  w.spreadsheet.addSheet('Pegawai', pegawaiRows());
});

describe('Hitung & Sinkronkan', () => {
  it('validates, then asks runCycle for the whole cycle with the identity token and shows the result', () => {
    world().fetch.handler = (call) =>
      call.url.endsWith('/runCycle')
        ? { code: 200, body: JSON.stringify({ runId: 'r-1', counts: { employees: 3, gaps: 3 }, errors: [] }) }
        : { code: 404, body: 'tidak ada' };
    hitungSinkronkan();
    const [call] = world().fetch.requests;
    expect(call?.url).toBe(`${FUNCTIONS_URL}/runCycle`);
    expect(call?.params).toMatchObject({
      method: 'post',
      contentType: 'application/json',
      muteHttpExceptions: true,
    });
    expect(call?.params.headers?.Authorization).toBe('Bearer token-openid-uji');
    expect(JSON.parse(call?.params.payload ?? '{}')).toEqual({
      tenant: 'sawahlunto',
      spreadsheetId: 'ss-bangkom',
    });
    expect(world().spreadsheet.toasts.slice(0, 3)).toEqual([
      '1/3 Memvalidasi data…',
      '2/3 Mengirim respons yang tertunda…',
      '3/3 Menghitung di server…',
    ]);
    const shown = world().ui.alerts.at(-1) ?? '';
    expect(shown).toMatch(/^Validasi: \d+ galat/); // the sample lacks the other required sheets
    expect(shown).toContain('Server: selesai.');
    expect(shown).toContain('employees: 3');
    expect(shown).toContain('errors: 0');
  });

  it('reports a server failure in Bahasa Indonesia instead of throwing', () => {
    world().fetch.handler = () => ({ code: 500, body: '{"error":"Firestore tidak tersedia"}' });
    hitungSinkronkan();
    expect(world().ui.alerts.at(-1)).toMatch(
      /Server: gagal\. runCycle menjawab HTTP 500: .*Firestore tidak tersedia/,
    );
    expect(world().spreadsheet.toasts.at(-1)).toBe('Gagal menghubungi server.');
  });

  it('uses the spreadsheet id and tenant set in the script properties', () => {
    world().scriptProps.setProperty('BANGKOM_SPREADSHEET_ID', '1AbCdEfGhIjKlMnOpQrStUv');
    world().scriptProps.setProperty('BANGKOM_TENANT', 'padangpanjang');
    hitungSinkronkan();
    expect(world().fetch.bodies('runCycle')[0]).toEqual({
      tenant: 'padangpanjang',
      spreadsheetId: '1AbCdEfGhIjKlMnOpQrStUv',
    });
  });
});

describe('UrlFetchApp, as the real one behaves', () => {
  it('throws on a non-2xx answer unless muteHttpExceptions is set; postJson always mutes', () => {
    world().fetch.handler = () => ({ code: 403, body: 'Bukan anggota tenant' });
    expect(() => UrlFetchApp.fetch(`${FUNCTIONS_URL}/x`)).toThrow(/returned code 403/);
    expect(UrlFetchApp.fetch(`${FUNCTIONS_URL}/x`, { muteHttpExceptions: true }).getResponseCode()).toBe(403);
    expect(postJson('x', {})).toEqual({
      ok: false,
      status: 403,
      body: 'Bukan anggota tenant',
      error: 'x menjawab HTTP 403: Bukan anggota tenant',
      reason: 'Bukan anggota tenant',
    });
  });

  it("gives the server's own reason from its JSON answer, details included, and no HTML", () => {
    world().fetch.handler = () => ({
      code: 400,
      body: JSON.stringify({
        error: 'Isi permintaan tidak sah.',
        details: [{ field: 'values.NIP', message: 'NIP harus 18 digit.' }],
      }),
    });
    const r = postJson('ingestResponse', {});
    expect(r.reason).toBe('Isi permintaan tidak sah.; values.NIP: NIP harus 18 digit.');
    expect(r.error).toBe(
      'ingestResponse menjawab HTTP 400: Isi permintaan tidak sah.; values.NIP: NIP harus 18 digit.',
    );
    world().fetch.handler = () => ({
      code: 404,
      body: '<html><head><style>p{}</style></head><body><p>Page not found</p></body></html>',
    });
    expect(postJson('ingestResponse', {}).reason).toBe('Page not found');
  });

  it('refuses a functions URL that is not https', () => {
    world().scriptProps.setProperty('BANGKOM_FUNCTIONS_URL', 'http://contoh.test');
    const r = postJson('ingestResponse', {});
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/BANGKOM_FUNCTIONS_URL belum diisi dengan URL https/);
    expect(world().fetch.requests).toHaveLength(0);
  });

  it('describes nested answers briefly', () => {
    expect(describeBody({ a: 1, b: [1, 2], c: { d: 'x', e: { f: 1 } } })).toBe(
      'a: 1\nb: 2\nc:\n  d: x\n  e: …',
    );
  });
});
