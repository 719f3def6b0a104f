import { perbaruiRingkasan } from '../../apps-script/src/index';
import { ringkasan } from '../../apps-script/src/sync';
import { FUNCTIONS_URL } from './fakes/world';
import { useWorld } from './helpers';

const world = useWorld();

describe('Perbarui Ringkasan Pimpinan', () => {
  it('asks refreshSummary for the tenant with the identity token and says what was written', () => {
    world().fetch.handler = (call) =>
      call.url.endsWith('/refreshSummary')
        ? {
            code: 200,
            body: JSON.stringify({
              spreadsheetId: '1RingkasanPimpinan000000',
              sheets: ['Ringkasan Pimpinan', 'Peta Kesenjangan'],
              charts: 2,
            }),
          }
        : { code: 404, body: 'tidak ada' };
    perbaruiRingkasan();
    const [call] = world().fetch.requests;
    expect(call?.url).toBe(`${FUNCTIONS_URL}/refreshSummary`);
    expect(call?.params.headers?.Authorization).toBe('Bearer token-openid-uji');
    expect(JSON.parse(call?.params.payload ?? '{}')).toEqual({ tenant: 'sawahlunto' });
    const shown = world().ui.alerts.at(-1) ?? '';
    expect(shown).toContain('Ringkasan pimpinan diperbarui: 2 lembar, 2 grafik.');
    expect(shown).toContain('https://docs.google.com/spreadsheets/d/1RingkasanPimpinan000000/edit');
  });

  it("shows the server's reason in Bahasa Indonesia when it refuses", () => {
    world().fetch.handler = () => ({
      code: 409,
      body: JSON.stringify({
        error: 'Spreadsheet ringkasan pimpinan belum terdaftar untuk tenant "sawahlunto"',
      }),
    });
    perbaruiRingkasan();
    expect(world().ui.alerts.at(-1)).toMatch(
      /^Ringkasan pimpinan tidak diperbarui\. refreshSummary menjawab HTTP 409: .*belum terdaftar/,
    );
  });

  it("the cycle summary says whether the leaders' spreadsheet was written", () => {
    expect(ringkasan({ pimpinan: { sheets: 6, charts: 2 } })).toEqual([
      'Ringkasan pimpinan: 6 lembar ditulis ke spreadsheet pimpinan.',
    ]);
    expect(ringkasan({ pimpinan: { skipped: 'belum terdaftar' } })).toEqual([
      'Ringkasan pimpinan: tidak ditulis (belum terdaftar).',
    ]);
  });
});
