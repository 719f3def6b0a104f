import { buatFormulir } from '../../apps-script/src/forms';
import { cobaUlangAntrian } from '../../apps-script/src/retry';
import { onFormSubmit } from '../../apps-script/src/submit';
import type { FakeForm } from './fakes/forms';
import { FUNCTIONS_URL, jakarta } from './fakes/world';
import { NIP, pegawaiRows, useWorld } from './helpers';

const world = useWorld((w) => {
  w.spreadsheet.addSheet('Pegawai', pegawaiRows());
});

function form(key: string): FakeForm {
  const ids = JSON.parse(world().scriptProps.getProperty('BANGKOM_FORMS') ?? '{}') as Record<string, string>;
  const f = world().forms.get(ids[key] ?? '');
  if (!f) throw new Error(`no form ${key}`);
  return f;
}

function selfAssessment(nip: string, level = '4'): Record<string, string | string[]> {
  return {
    NIP: nip,
    'M.01 Integritas': level,
    'M.02 Kerjasama': '3',
    'M.03 Komunikasi': '3',
    'M.04 Orientasi pada Hasil': '4',
    'M.05 Pelayanan Publik': '2',
    'M.06 Pengembangan Diri dan Orang Lain': '3',
    'M.07 Mengelola Perubahan': '3',
    'M.08 Pengambilan Keputusan': '2',
    'SK.01 Perekat Bangsa': '4',
    'Bulan pelatihan yang diinginkan': ['Maret', 'Juli'],
    'Moda pelatihan yang diinginkan': 'Daring',
    'Topik yang diminati': ['M.05 Pelayanan Publik', 'M.08 Pengambilan Keputusan'],
  };
}

function responseRow(sheet: string, row: number): Record<string, unknown> {
  const values = world().spreadsheet.sheet(sheet)?.dump() ?? [];
  const header = (values[0] ?? []).map(String);
  return Object.fromEntries(header.map((h, i) => [h, values[row - 1]?.[i]]));
}

describe('onFormSubmit', () => {
  beforeEach(() => {
    buatFormulir();
    world().log.clear();
  });

  it('validates, writes Status and Pesan, fills the contract sheets and forwards with the identity token', () => {
    const e = form('kebutuhan').submit(selfAssessment(NIP.ani), jakarta(2026, 3, 2, 9, 30));
    onFormSubmit(e);

    const row = responseRow('Respons Survei Kebutuhan', 2);
    expect(row.Status).toBe('Terkirim');
    expect(row.Pesan).toBe('');
    expect(String(row['ID Respons'])).toMatch(/^[0-9a-f]{24}$/);

    const requests = world().fetch.requests;
    expect(requests.map((r) => r.url)).toEqual([
      `${FUNCTIONS_URL}/ingestResponse`,
      `${FUNCTIONS_URL}/ingestResponse`,
    ]);
    expect(requests[0]?.params.headers?.Authorization).toBe('Bearer token-openid-uji');
    const [assessment, preference] = world().fetch.bodies('ingestResponse');
    expect(assessment).toMatchObject({
      kind: 'assessment',
      responseId: row['ID Respons'],
      sourceId: row['ID Respons'],
      submittedAt: '2026-03-02T09:30:00',
      sheet: 'Penilaian',
      responseSheet: 'Respons Survei Kebutuhan',
      valid: true,
      errors: [],
      values: { NIP: NIP.ani, Sumber: 'Diri', 'M.01 Integritas': 4, 'SK.01 Perekat Bangsa': 4 },
    });
    expect(preference).toMatchObject({
      kind: 'preference',
      responseId: `${row['ID Respons']}~pref`,
      values: { NIP: NIP.ani, Bulan: 'Maret, Juli', Moda: 'Daring', Topik: 'M.05, M.08' },
    });

    // contract rows: NIP kept as all 18 digits of text, Waktu as the sheet's local time
    const penilaian = world().spreadsheet.sheet('Penilaian')?.dump() ?? [];
    const h = (penilaian[0] ?? []).map(String);
    expect(penilaian).toHaveLength(2);
    expect(penilaian[1]?.[h.indexOf('NIP')]).toBe(NIP.ani);
    expect(penilaian[1]?.[h.indexOf('Sumber')]).toBe('Diri');
    const pref = world().spreadsheet.sheet('Preferensi')?.dump() ?? [];
    expect(pref[1]?.[(pref[0] ?? []).indexOf('Topik')]).toBe('M.05, M.08');

    // the document lock was taken and released
    expect(world().lock.acquired).toBe(1);
    expect(world().lock.released).toBe(1);
  });

  it("the assessment forms record the respondent's email as Email Penilai; SKM stays anonymous", () => {
    expect([form('kebutuhan'), form('atasan'), form('skm')].map((f) => f.collectEmail)).toEqual([
      true,
      true,
      false,
    ]);
    onFormSubmit(
      form('kebutuhan').submit(selfAssessment(NIP.ani), jakarta(2026, 3, 2, 9), 'ani@sawahlunto.go.id'),
    );
    const row = responseRow('Respons Survei Kebutuhan', 2);
    expect(row['Alamat email']).toBe('ani@sawahlunto.go.id');
    const [assessment, preference] = world().fetch.bodies('ingestResponse');
    expect(assessment?.values).toMatchObject({
      NIP: NIP.ani,
      Sumber: 'Diri',
      'Email Penilai': 'ani@sawahlunto.go.id',
    });
    // the preference row has no rater
    expect(Object.keys(preference?.values ?? {})).not.toContain('Email Penilai');
    const penilaian = world().spreadsheet.sheet('Penilaian')?.dump() ?? [];
    const col = (penilaian[0] ?? []).map(String).indexOf('Email Penilai');
    expect(col).toBeGreaterThan(0);
    expect(penilaian[1]?.[col]).toBe('ani@sawahlunto.go.id');
    // the supervisor form: the supervisor's address beside the NIP they typed
    onFormSubmit(
      form('atasan').submit(
        { NIP: NIP.ani, 'NIP Penilai': NIP.kepala, 'M.01 Integritas': '3' },
        jakarta(2026, 3, 2, 10),
        'kepala@sawahlunto.go.id',
      ),
    );
    expect(world().fetch.bodies('ingestResponse')[2]?.values).toMatchObject({
      Sumber: 'Atasan',
      'NIP Penilai': NIP.kepala,
      'Email Penilai': 'kepala@sawahlunto.go.id',
    });
    expect(responseRow('Respons Penilaian Atasan', 2)).not.toHaveProperty(
      'Pesan',
      expect.stringMatching(/.+/),
    );
  });

  it('an answer to a question staff added by hand stays in the response sheet and is not forwarded', () => {
    form('kebutuhan').addParagraphTextItem().setTitle('Saran untuk BKPSDM');
    const answers = { ...selfAssessment(NIP.ani), 'Saran untuk BKPSDM': 'Pelatihan di hari Sabtu' };
    onFormSubmit(form('kebutuhan').submit(answers, jakarta(2026, 3, 2, 9, 30)));
    const row = responseRow('Respons Survei Kebutuhan', 2);
    expect(row.Status).toBe('Terkirim');
    expect(row['Saran untuk BKPSDM']).toBe('Pelatihan di hari Sabtu');
    const bodies = world().fetch.bodies('ingestResponse');
    expect(bodies).toHaveLength(2);
    expect(JSON.stringify(bodies)).not.toContain('Pelatihan di hari Sabtu');
  });

  it('marks an invalid response, says why in Bahasa Indonesia, and still forwards it for quarantine', () => {
    const e = form('kebutuhan').submit(selfAssessment(NIP.ani, '7'), jakarta(2026, 3, 2, 10));
    onFormSubmit(e);
    const row = responseRow('Respons Survei Kebutuhan', 2);
    expect(row.Status).toBe('Tidak Valid');
    expect(String(row.Pesan)).toContain('M.01');
    expect(String(row.Pesan)).toMatch(/1–5/);
    const [assessment] = world().fetch.bodies('ingestResponse');
    expect(assessment?.valid).toBe(false);
    expect(((assessment?.errors ?? []) as { row: number }[])[0]?.row).toBe(2);
    // an invalid row never reaches the contract sheet
    expect(world().spreadsheet.sheet('Penilaian')?.dump() ?? []).toHaveLength(0);
  });

  it('re-submitting the same row updates the contract row instead of adding a second one', () => {
    const f = form('reaksi');
    const answers = (r1: string) => ({
      'ID Sesi': 'S-2026-01',
      NIP: NIP.budi,
      'R1. Materi pelatihan sesuai dengan kebutuhan pekerjaan saya.': r1,
      'R2. Narasumber/fasilitator menguasai materi.': '4',
    });
    onFormSubmit(f.submit(answers('3'), jakarta(2026, 4, 1, 8)));
    onFormSubmit(f.submit(answers('4'), jakarta(2026, 4, 1, 9)));
    const reaksi = world().spreadsheet.sheet('Evaluasi Reaksi')?.dump() ?? [];
    expect(reaksi).toHaveLength(2);
    expect(reaksi[1]?.[(reaksi[0] ?? []).indexOf('R1')]).toBe(4);
  });

  it('releases the lock when processing throws, and does not throw itself', () => {
    const e = form('kebutuhan').submit(selfAssessment(NIP.ani), jakarta(2026, 3, 2, 9));
    world().fetch.handler = () => {
      throw new Error('jaringan putus');
    };
    // fetch throwing is handled (queued), so break something the script cannot handle
    (e as unknown as { range: unknown }).range = {
      getSheet: () => {
        throw new Error('lembar hilang');
      },
    };
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => onFormSubmit(e)).not.toThrow();
    expect(logged).toHaveBeenCalled();
    expect(world().lock.held).toBe(false);
    expect(world().lock.released).toBe(1);
  });

  it('a failing endpoint fills Antrian; the retry empties it once and never sends twice', () => {
    world().fetch.handler = () => ({ code: 503, body: 'Service Unavailable' });
    onFormSubmit(form('kebutuhan').submit(selfAssessment(NIP.ani), jakarta(2026, 3, 2, 9)));
    onFormSubmit(
      form('atasan').submit(
        { 'NIP Penilai': NIP.kepala, NIP: NIP.budi, 'M.01 Integritas': '3' },
        jakarta(2026, 3, 2, 10),
      ),
    );

    const queue = () =>
      world()
        .spreadsheet.sheet('Antrian')
        ?.dump()
        .filter((r) => r.some((v) => v !== '')) ?? [];
    expect(queue()).toHaveLength(4); // header + assessment + preference + supervisor assessment
    expect(responseRow('Respons Survei Kebutuhan', 2).Status).toBe('Dalam Antrian');
    expect(String(responseRow('Respons Survei Kebutuhan', 2).Pesan)).toContain('HTTP 503');
    const attempted = world().fetch.requests.length;

    // the daily retry while the server is still down: nothing sent, entries back off
    cobaUlangAntrian();
    expect(queue()).toHaveLength(4);
    expect(world().fetch.requests.length).toBe(attempted + 3);
    const header = (queue()[0] ?? []).map(String);
    expect(queue()[1]?.[header.indexOf('Percobaan')]).toBe(2);

    // server back; a retry the same day waits for the backoff
    world().fetch.handler = () => ({ code: 200, body: '{"ok":true}' });
    const before = world().fetch.requests.length;
    cobaUlangAntrian();
    expect(world().fetch.requests.length).toBe(before);

    // two days later: everything goes, once
    jest.useFakeTimers({ now: Date.now() + 3 * 86_400_000, doNotFake: ['nextTick', 'setImmediate'] });
    try {
      cobaUlangAntrian();
      expect(queue()).toHaveLength(1);
      const sent = world()
        .fetch.bodies('ingestResponse')
        .slice(-3)
        .map((b) => b.responseId);
      expect(new Set(sent).size).toBe(3);
      cobaUlangAntrian();
      expect(world().fetch.requests.length).toBe(before + 3);
    } finally {
      jest.useRealTimers();
    }
    expect(responseRow('Respons Survei Kebutuhan', 2).Status).toBe('Terkirim');
    expect(responseRow('Respons Penilaian Atasan', 2).Status).toBe('Terkirim');
  });

  it('queues when the functions URL is not configured, with an Indonesian reason', () => {
    world().scriptProps.deleteProperty('BANGKOM_FUNCTIONS_URL');
    onFormSubmit(
      form('skm').submit(
        { 'Unit Layanan': 'Dinas Kesehatan', 'U1. Persyaratan pelayanan': '3 – Sesuai' },
        jakarta(2026, 8, 5, 11),
      ),
    );
    const row = responseRow('Respons SKM', 2);
    expect(row.Status).toBe('Dalam Antrian');
    expect(String(row.Pesan)).toContain('BANGKOM_FUNCTIONS_URL');
    const skm = world().spreadsheet.sheet('SKM')?.dump() ?? [];
    const h = (skm[0] ?? []).map(String);
    expect(skm[1]?.[h.indexOf('Periode')]).toBe('2026-S2');
    expect(skm[1]?.[h.indexOf('U1')]).toBe(3);
  });

  it('keeps a pre-test in Tes and forwards the pair once the post-test arrives', () => {
    world().spreadsheet.addSheet('Bank Soal', [
      ['Pertanyaan', 'Pilihan', 'Kunci', 'Poin'],
      ['Ibu kota Sumatera Barat?', 'Padang; Bukittinggi', 'Padang', 60],
      ['Sawahlunto kota tambang?', 'Ya; Tidak', 'Ya', 40],
    ]);
    buatFormulir(); // the quiz gets its questions; the same form is updated
    const f = form('tes');
    const base = { 'ID Sesi': 'S-2026-03', NIP: NIP.budi };
    onFormSubmit(
      f.submit(
        {
          ...base,
          'Jenis Tes': 'Pre-test',
          'Ibu kota Sumatera Barat?': 'Bukittinggi',
          'Sawahlunto kota tambang?': 'Ya',
        },
        jakarta(2026, 6, 1, 8),
      ),
    );
    expect(responseRow('Respons Tes', 2).Status).toBe('Tercatat');
    expect(String(responseRow('Respons Tes', 2).Pesan)).toMatch(/setelah pre-test dan post-test/);
    expect(world().fetch.requests).toHaveLength(0);

    onFormSubmit(
      f.submit(
        {
          ...base,
          'Jenis Tes': 'Post-test',
          'Ibu kota Sumatera Barat?': 'Padang',
          'Sawahlunto kota tambang?': 'Ya',
        },
        jakarta(2026, 6, 3, 15),
      ),
    );
    expect(responseRow('Respons Tes', 3).Status).toBe('Terkirim');
    const tes = world().spreadsheet.sheet('Tes')?.dump() ?? [];
    expect(tes).toHaveLength(2);
    const h = (tes[0] ?? []).map(String);
    expect([
      tes[1]?.[h.indexOf('Pre')],
      tes[1]?.[h.indexOf('Post')],
      tes[1]?.[h.indexOf('Skor Maks')],
    ]).toEqual([40, 100, 100]);
    const [body] = world().fetch.bodies('ingestResponse');
    expect(body).toMatchObject({
      kind: 'test',
      sheet: 'Tes',
      valid: true,
      values: { 'ID Sesi': 'S-2026-03', NIP: NIP.budi, Pre: 40, Post: 100, 'Skor Maks': 100 },
    });
  });

  it('records an RSVP in Konfirmasi Kehadiran without calling the server', () => {
    onFormSubmit(
      form('kehadiran').submit(
        { 'ID Sesi': 'S-2030-01', NIP: NIP.ani, Kehadiran: 'Hadir' },
        jakarta(2026, 12, 1, 10),
      ),
    );
    expect(responseRow('Respons Konfirmasi Kehadiran', 2).Status).toBe('Tercatat');
    expect(world().fetch.requests).toHaveLength(0);
    const rsvp = world().spreadsheet.sheet('Konfirmasi Kehadiran')?.dump() ?? [];
    expect(rsvp[0]?.slice(0, 5)).toEqual(['ID Sesi', 'NIP', 'Kehadiran', 'Alasan', 'ID Respons']);
    expect(rsvp[1]?.slice(0, 3)).toEqual(['S-2030-01', NIP.ani, 'Hadir']);
    // the submission time shows as a date in the sheet
    expect(rsvp[1]?.[(rsvp[0] ?? []).indexOf('Waktu')]).toEqual(jakarta(2026, 12, 1, 10));

    onFormSubmit(
      form('kehadiran').submit(
        { 'ID Sesi': 'S-2030-01', NIP: '123', Kehadiran: 'Hadir' },
        jakarta(2026, 12, 1, 11),
      ),
    );
    expect(responseRow('Respons Konfirmasi Kehadiran', 3).Status).toBe('Tidak Valid');
    expect(String(responseRow('Respons Konfirmasi Kehadiran', 3).Pesan)).toMatch(/NIP harus 18 digit/);
  });

  it("records an FGD's ranked needs in Diskusi Kelompok, one row per need, without calling the server", () => {
    const f = form('fgd');
    const answers = {
      'Tanggal FGD': '14/10/2026',
      'OPD atau kelompok': f.items.find((i) => i.title === 'OPD atau kelompok')?.choices[0]?.value ?? '',
      'Jumlah peserta': '18',
      Fasilitator: 'Rina Kartika',
      'Peringkat 1: kompetensi': 'M.05 Pelayanan Publik',
      'Peringkat 1: catatan': 'Keluhan antrean loket',
      'Peringkat 2: topik bebas': 'Aplikasi SRIKANDI',
    };
    expect(answers['OPD atau kelompok']).not.toBe('');
    onFormSubmit(f.submit(answers, jakarta(2026, 10, 15, 9)));
    expect(responseRow('Respons Catatan FGD', 2).Status).toBe('Tercatat');
    expect(world().fetch.requests).toHaveLength(0);
    const sheet = world().spreadsheet.sheet('Diskusi Kelompok')?.dump() ?? [];
    const header = (sheet[0] ?? []).map(String);
    const rows = sheet.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      OPD: answers['OPD atau kelompok'],
      Peserta: 18,
      Fasilitator: 'Rina Kartika',
      'Kode Kompetensi': 'M.05',
      Peringkat: 1,
      Catatan: 'Keluhan antrean loket',
    });
    expect(rows[1]).toMatchObject({ 'Kode Kompetensi': '', Topik: 'Aplikasi SRIKANDI', Peringkat: 2 });
    // the note-taker's form collects no email (the FGD names no rater)
    expect(f.collectEmail).toBe(false);

    // a re-sent note of the same FGD replaces its rows; a need without a valid date is refused
    onFormSubmit(
      f.submit({ ...answers, 'Peringkat 1: catatan': 'Antrean dan pengaduan' }, jakarta(2026, 10, 15, 10)),
    );
    expect((world().spreadsheet.sheet('Diskusi Kelompok')?.dump() ?? []).length).toBe(3);
    onFormSubmit(f.submit({ ...answers, 'Tanggal FGD': '31/02/2026' }, jakarta(2026, 10, 15, 11)));
    expect(responseRow('Respons Catatan FGD', 4).Status).toBe('Tidak Valid');
    expect(String(responseRow('Respons Catatan FGD', 4).Pesan)).toMatch(/Diskusi Kelompok · Tanggal/);
  });

  it('keeps a submission that finds the lock busy and processes it in the daily retry', () => {
    world().lock.busyElsewhere = true;
    onFormSubmit(form('kebutuhan').submit(selfAssessment(NIP.budi), jakarta(2026, 3, 3, 9)));
    expect(world().fetch.requests).toHaveLength(0);
    expect(responseRow('Respons Survei Kebutuhan', 2).Status).toBeUndefined();
    const kept = Object.keys(world().scriptProps.getProperties()).filter((k) =>
      k.startsWith('BANGKOM_TERTUNDA_'),
    );
    expect(kept).toHaveLength(1);

    world().lock.busyElsewhere = false;
    cobaUlangAntrian();
    expect(responseRow('Respons Survei Kebutuhan', 2).Status).toBe('Terkirim');
    expect(
      world()
        .fetch.bodies('ingestResponse')
        .map((b) => b.values),
    ).toContainEqual(expect.objectContaining({ NIP: NIP.budi, Sumber: 'Diri' }));
    expect(
      Object.keys(world().scriptProps.getProperties()).filter((k) => k.startsWith('BANGKOM_TERTUNDA_')),
    ).toEqual([]);
    cobaUlangAntrian();
    expect(world().fetch.requests).toHaveLength(2); // processed once
  });

  it('ignores rows of forms the script did not build', () => {
    const other = world().spreadsheet.addSheet('Formulir Lain', [
      ['Stempel waktu', 'Nama'],
      [new Date(), 'x'],
    ]);
    const e = {
      values: ['x'],
      namedValues: { Nama: ['x'] },
      range: other.self.getRange(2, 1, 1, 2),
    } as unknown as GoogleAppsScript.Events.SheetsOnFormSubmit;
    onFormSubmit(e);
    expect(world().fetch.requests).toHaveLength(0);
    expect(other.dump()[0]).toEqual(['Stempel waktu', 'Nama']);
  });
});
