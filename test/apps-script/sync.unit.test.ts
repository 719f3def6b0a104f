import { postJson } from '../../apps-script/src/http';
import * as globals from '../../apps-script/src/index';
import { hitungSinkronkan, ringkasan } from '../../apps-script/src/sync';
import { FUNCTIONS_URL, jakarta } from './fakes/world';
import { NIP, pegawaiRows, useWorld } from './helpers';

const world = useWorld((w) => {
  w.spreadsheet.addSheet('Pegawai', pegawaiRows());
});

const SERVER_BODY = {
  runId: 'r-1',
  sync: { valid: false, errors: [{}, {}], quarantined: 1, firestore: { written: 3 } },
  gaps: { tahun: 2026, pegawai: 1234, opd: [] },
  evaluations: { tahun: 2026, sessions: [{}, {}], ikm: [{}] },
  schedule: { skipped: 'Penjadwal belum dipasang di server ini.' },
};

describe('Hitung & Sinkronkan', () => {
  it('validates, then asks runCycle for the whole cycle with the identity token and shows the result', () => {
    world().fetch.handler = (call) =>
      call.url.endsWith('/runCycle')
        ? { code: 200, body: JSON.stringify(SERVER_BODY) }
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
      mulai: true,
    });
    expect(world().spreadsheet.toasts.slice(0, 3)).toEqual([
      '1/3 Memvalidasi data…',
      '2/3 Mengirim respons yang tertunda…',
      '3/3 Menghitung di server…',
    ]);
    const shown = world().ui.alerts.at(-1) ?? '';
    expect(shown).toMatch(/^Validasi: \d+ galat/); // the sample lacks the other required sheets
    expect(shown).toContain('Server: selesai.');
    expect(shown).toContain('Kesenjangan kompetensi: 1.234 pegawai dianalisis (tahun 2026).');
    expect(shown).toContain('Sinkronisasi: 2 galat validasi, 1 baris dikarantina.');
    // labels in Bahasa Indonesia, never the server's JSON keys
    expect(shown).not.toMatch(/\b(sync|gaps|evaluations|schedule|employees|errors|skipped)\b/);
  });

  it('adds the completers of Daftar Hadir to Riwayat Pelatihan before the server reads it, once', () => {
    world().fetch.handler = () => ({ code: 200, body: JSON.stringify(SERVER_BODY) });
    const ss = world().spreadsheet;
    ss.addSheet('Katalog Pelatihan', [
      [
        'Kode',
        'Judul',
        'Kompetensi',
        'JP',
        'Kapasitas',
        'Biaya per Peserta',
        'Bentuk',
        'Hari',
        'Penyelenggara',
      ],
      ['PL-01', 'Pelayanan Prima', 'M.05', 16, 30, 1_500_000, 'KL03', 2, 'BPSDM Sumatera Barat'],
    ]);
    ss.addSheet('Riwayat Pelatihan', [
      ['NIP', 'Nama Pelatihan', 'JP', 'Tanggal Mulai'],
      [NIP.budi, 'Orientasi ASN', 8, jakarta(2026, 2, 3)],
    ]);
    ss.addSheet('Daftar Hadir', [
      ['ID Sesi', 'Kode', 'Tanggal', 'NIP', 'Status'],
      ['S-2026-09', 'PL-01', jakarta(2026, 9, 14), NIP.ani, 'Hadir'],
      ['S-2026-09', 'PL-01', jakarta(2026, 9, 15), NIP.ani, 'Hadir'],
      ['S-2026-09', 'PL-01', jakarta(2026, 9, 14), NIP.budi, 'Hadir'],
      ['S-2026-09', 'PL-01', jakarta(2026, 9, 15), NIP.budi, 'Sakit'],
    ]);
    hitungSinkronkan();
    const riwayat = () =>
      (ss.sheet('Riwayat Pelatihan')?.dump() ?? []).filter((r) => r.some((v) => v !== ''));
    const [header, ...rows] = riwayat();
    expect(header).toEqual([
      'NIP',
      'Nama Pelatihan',
      'JP',
      'Tanggal Mulai',
      'Tanggal Selesai',
      'Bentuk',
      'Nomor Sertifikat',
      'Penyelenggara',
      'ID Sesi',
      'Diekspor SIASN',
    ]);
    // Ani was present both days; Budi one of two (50 % < 80 %)
    expect(rows).toEqual([
      [NIP.budi, 'Orientasi ASN', 8, jakarta(2026, 2, 3), '', '', '', '', '', ''],
      [
        NIP.ani,
        'Pelayanan Prima',
        16,
        jakarta(2026, 9, 14),
        jakarta(2026, 9, 15),
        'KL03',
        'PL-01/2026/0001',
        'BPSDM Sumatera Barat',
        'S-2026-09',
        '',
      ],
    ]);
    expect(world().ui.alerts.at(-1)).toContain(
      'Riwayat Pelatihan: 1 baris baru dari Daftar Hadir (peserta yang selesai).',
    );
    // a rerun adds nothing
    hitungSinkronkan();
    expect(riwayat()).toHaveLength(3);
    expect(world().ui.alerts.at(-1)).not.toContain('Riwayat Pelatihan');
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
      mulai: true,
    });
  });
});

/**
 * A server whose cycle takes `polls` status requests: runCycle answers 202 at once, runStatus
 * says berjalan until then. `slowMs`: a cycle answered within the call takes that long.
 */
function cycleServer(
  polls: number,
  final: Record<string, unknown> = { status: 'selesai', hasil: SERVER_BODY },
) {
  let asked = 0;
  world().fetch.handler = (call) => {
    if (call.url.endsWith('/runCycle'))
      return { code: 202, body: JSON.stringify({ runId: 'r-9', status: 'berjalan' }) };
    if (call.url.endsWith('/runStatus')) {
      asked++;
      const body =
        asked <= polls
          ? { runId: 'r-9', status: 'berjalan', langkah: 'Analisis kesenjangan' }
          : { runId: 'r-9', ...final };
      return { code: 200, body: JSON.stringify(body) };
    }
    return { code: 404, body: 'tidak ada' };
  };
}

describe('Hitung & Sinkronkan while the cycle takes minutes', () => {
  it("the old way failed: a runCycle that answers after 3 minutes is past UrlFetchApp's 60 s", () => {
    world().fetch.handler = (call) =>
      call.url.endsWith('/runCycle')
        ? { code: 200, body: JSON.stringify(SERVER_BODY), delayMs: 180_000 }
        : { code: 404, body: '' };
    hitungSinkronkan();
    expect(world().ui.alerts.at(-1)).toMatch(
      /Server: gagal\. Gagal menghubungi runCycle: layanan Google tidak menjawab tepat waktu/,
    );
  });

  it('starts the cycle, follows it by polling runStatus, and shows its result', () => {
    cycleServer(6);
    hitungSinkronkan();
    const shown = world().ui.alerts.at(-1) ?? '';
    expect(shown).toContain('Server: selesai.');
    expect(shown).toContain('Kesenjangan kompetensi: 1.234 pegawai dianalisis (tahun 2026).');
    expect(shown).toContain('ID proses: r-9');
    expect(world().fetch.bodies('runCycle')).toHaveLength(1);
    expect(world().fetch.bodies('runStatus')).toHaveLength(7);
    expect(world().spreadsheet.toasts).toContain('3/3 Server: Analisis kesenjangan…');
    expect(world().clock.elapsed()).toBeLessThan(6 * 60_000);
    expect(world().scriptProps.getProperty('BANGKOM_SIKLUS')).toBeNull();
  });

  it('a re-plan: the result says what changed against the stored schedule, counts only', () => {
    // the shape runCycle's cycleResult gives (checked on the emulator in sync-replan)
    const perubahan = {
      tetap: 2,
      dilepas: 1,
      baru: 3,
      pindah: 0,
      pengajar: 4,
      batal: 1,
      masuk: 12,
      keluar: 1_250,
    };
    cycleServer(1, {
      status: 'selesai',
      hasil: { ...SERVER_BODY, schedule: { sessions: 14, unmet: 5, perubahan } },
    });
    hitungSinkronkan();
    const shown = world().ui.alerts.at(-1) ?? '';
    expect(shown).toContain('Penjadwalan: 14 sesi dijadwalkan, 5 kebutuhan belum tertampung.');
    expect(shown).toContain(
      'Perubahan dari jadwal sebelumnya (lembar Perubahan Jadwal): 2 sesi tetap, 3 baru, 0 dipindah, 4 berganti pengajar, 1 dibatalkan (1 dilepas); 12 peserta masuk, 1.250 keluar.',
    );
    // a first schedule (no stored one) says nothing about changes
    expect(ringkasan({ schedule: { sessions: 14, unmet: 0 } })).toEqual([
      'Penjadwalan: 14 sesi dijadwalkan.',
    ]);
  });

  it('a cycle longer than the menu follows it: said so, and a second click follows it instead of starting another', () => {
    cycleServer(1_000);
    hitungSinkronkan();
    expect(world().clock.elapsed()).toBeLessThan(6 * 60_000);
    expect(world().ui.alerts.at(-1)).toMatch(
      /Server: masih berjalan \(ID proses r-9, langkah: Analisis kesenjangan\)/,
    );
    expect(world().scriptProps.getProperty('BANGKOM_SIKLUS')).toBe('r-9');
    world().clock.advance(60_000);
    world().clock.newExecution();
    cycleServer(2);
    hitungSinkronkan();
    expect(world().fetch.bodies('runCycle')).toHaveLength(1); // not started twice
    const shown = world().ui.alerts.at(-1) ?? '';
    expect(shown).toContain(
      'Siklus yang dimulai sebelumnya (ID proses r-9) masih berjalan; tidak dimulai lagi.',
    );
    expect(shown).toContain('Server: selesai.');
  });

  it('a slow validation leaves less time to follow: the menu still ends before the 6-minute limit', () => {
    cycleServer(1_000);
    // reading the sheets takes two minutes in all
    world().clock.cost = (c) => (c.method === 'getValues' ? 10_000 : 0);
    hitungSinkronkan();
    expect(world().clock.elapsed()).toBeGreaterThan(2 * 60_000);
    expect(world().clock.elapsed()).toBeLessThan(5 * 60_000);
    expect(world().ui.alerts.at(-1)).toMatch(/Server: masih berjalan/);
  });

  it('a cycle started elsewhere: the server refuses (409) and the menu follows that one', () => {
    let asked = 0;
    world().fetch.handler = (call) => {
      if (call.url.endsWith('/runCycle'))
        return {
          code: 409,
          body: JSON.stringify({
            error: 'Siklus lain sedang berjalan (ID proses r-7).',
            details: { runId: 'r-7' },
          }),
        };
      asked++;
      return {
        code: 200,
        body: JSON.stringify(
          asked < 2
            ? { status: 'berjalan', langkah: 'Penjadwalan' }
            : { status: 'gagal', message: 'Google Sheets API menjawab HTTP 503; coba lagi nanti.' },
        ),
      };
    };
    hitungSinkronkan();
    const shown = world().ui.alerts.at(-1) ?? '';
    expect(shown).toContain('Server: Siklus lain sedang berjalan (ID proses r-7).');
    expect(shown).toContain(
      'Server: gagal. Google Sheets API menjawab HTTP 503; coba lagi nanti. (ID proses r-7)',
    );
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

  it('summarises the answer in Indonesian sentences', () => {
    expect(ringkasan(SERVER_BODY)).toEqual([
      'Sinkronisasi: 2 galat validasi, 1 baris dikarantina.',
      'Kesenjangan kompetensi: 1.234 pegawai dianalisis (tahun 2026).',
      'Evaluasi pelatihan: 2 sesi dirangkum, IKM untuk 1 unit layanan.',
      'Penjadwalan: dilewati (Penjadwal belum dipasang di server ini.).',
      'ID proses: r-1',
    ]);
    expect(ringkasan('teks')).toEqual([]);
  });
});

describe('menu items never show a raw error', () => {
  it('a Google failure in any menu item becomes an Indonesian alert', () => {
    world().failures.push({
      when: (c) => (c.target === 'Spreadsheet' && c.method === 'getSheets') || c.target === 'Properties',
      error: 'Exception: Service Spreadsheets timed out while accessing document with id ss-bangkom.',
    });
    const items = {
      siapkanLembar: globals.siapkanLembar,
      buatFormulir: globals.buatFormulir,
      validasiData: globals.validasiData,
      hitungSinkronkan: globals.hitungSinkronkan,
      kirimUndangan: globals.kirimUndangan,
      pasangPemicu: globals.pasangPemicu,
      lepasPemicu: globals.lepasPemicu,
    };
    for (const [name, run] of Object.entries(items)) {
      world().ui.alerts.length = 0;
      expect(() => run()).not.toThrow();
      const shown = world().ui.alerts.join('\n');
      expect([name, shown]).toEqual([
        name,
        expect.stringMatching(/tidak selesai: layanan Google tidak menjawab tepat waktu\./),
      ]);
      expect(shown).not.toMatch(/Exception|timed out/);
    }
  });

  it('a bug shows a general Indonesian sentence; the details go to the log', () => {
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    world().failures.push({
      when: (c) => c.target === 'Spreadsheet' && c.method === 'getSheets',
      error: "TypeError: Cannot read properties of undefined (reading 'getName')",
    });
    globals.siapkanLembar();
    expect(world().ui.alerts.at(-1)).toMatch(/^Siapkan Lembar tidak selesai: galat tak terduga di skrip/);
    expect(world().ui.alerts.at(-1)).not.toMatch(/TypeError|undefined/);
    expect(logged).toHaveBeenCalled();
  });

  it('a busy lock is said, not skipped in silence', () => {
    world().lock.busyElsewhere = true;
    hitungSinkronkan();
    expect(world().ui.alerts.at(-1)).toMatch(
      /Antrian: tidak dikirim sekarang karena spreadsheet sedang dipakai proses lain/,
    );
  });
});
