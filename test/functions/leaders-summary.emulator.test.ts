/**
 * Google mode writes the leaders' spreadsheet: runCycle ends by rebuilding it from the
 * cycle's results, refreshSummary ("Perbarui Ringkasan Pimpinan") rewrites it from Firestore,
 * both into the spreadsheet registered for the tenant, against the local Sheets server.
 */
import { SHEET_IDS, SUMMARY_TITLES } from '@bangkom/core';
import { members } from '../../functions/src/members';
import { type Harness, PIMPINAN, SPREADSHEET_ID, STAF, STAF_LAIN, startHarness } from './harness';

const LEADERS = '1RingkasanPimpinanSawahlunto0001';
const tenant = 'sawahlunto';
const NIP1 = '198001012005011001';
const NIP2 = '198502142010122002';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  const s = h.sheets;
  s.addSheet('Pegawai', [
    ['NIP', 'Nama', 'Jenis ASN', 'OPD', 'Jabatan'],
    [NIP1, 'Siti Rahma', 'PNS', 'Bappeda', 'Analis Kebijakan'],
    [NIP2, 'Budi Santoso', 'PNS', 'Dinas Kesehatan', 'Analis Kebijakan'],
  ]);
  s.addSheet('Standar Kompetensi', [
    ['Jabatan', 'Kode Kompetensi', 'Level Standar', 'Bobot'],
    ['Analis Kebijakan', 'M.01', 3, 2],
    ['Analis Kebijakan', 'M.02', 4, 1],
  ]);
  s.addSheet('Penilaian', [
    ['NIP', 'Sumber', 'ID Respons', 'M.01 Integritas', 'M.02 Kerjasama'],
    [NIP1, 'Diri', 'p1', 2, 4],
    [NIP2, 'Atasan', 'p2', 3, 1],
  ]);
  s.addSheet('Katalog Pelatihan', [
    ['Kode', 'Judul', 'Kompetensi', 'JP', 'Kapasitas', 'Biaya per Peserta'],
    ['K01', 'Integritas ASN', 'M.01', 20, 30, 1500000],
  ]);
  s.addSheet('Anggaran', [
    ['OPD', 'Pagu'],
    ['Bappeda', 50000000],
  ]);
  s.addSheet('Pengaturan', [
    ['Kunci', 'Nilai'],
    ['Tahun', 2026],
  ]);
  s.addSheet('SKM', [
    ['Unit Layanan', 'Periode', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'],
    ['Dinas Kesehatan', '2026-S1', 4, 4, 3, 3, 4, 4, 3, 3, 4],
  ]);
  // an FGD that ranks first what the ratings show no gap in (and names its facilitator)
  s.addSheet('Diskusi Kelompok', [
    ['Tanggal', 'OPD', 'Peserta', 'Fasilitator', 'Kode Kompetensi', 'Peringkat'],
    ['2026-10-14', 'Bappeda', 12, 'Rina Kartika', 'M.02', 1],
  ]);
  h.sheets.addSpreadsheet(LEADERS);
  const out: string[] = [];
  expect(await members(h.db, ['spreadsheet-pimpinan', tenant, LEADERS], (l) => out.push(l))).toBe(0);
  expect(out.join('\n')).toMatch(/Pelihat \(Viewer\)/);
}, 60_000);
afterAll(() => h.stop());

const post = (target: string, body: object, who = STAF) =>
  h
    .call(target)
    .post('/')
    .set('Authorization', `Bearer ${h.token(who)}`)
    .send(body);

const leaders = () => h.sheets.book(LEADERS);
const everyText = () =>
  [...leaders().sheets.values()].flatMap((s) => [s.title, ...s.values.flat().map((v) => String(v ?? ''))]);
const chartCount = () => [...leaders().sheets.values()].reduce((a, s) => a + (s.charts ?? []).length, 0);

test("runCycle ends by writing the leaders' spreadsheet, aggregates only", async () => {
  const res = await post('runCycle', { tenant, spreadsheetId: SPREADSHEET_ID });
  expect(res.status).toBe(200);
  expect(res.body.leaders).toMatchObject({ spreadsheetId: LEADERS });
  const titles = [...leaders().sheets.keys()];
  expect(titles).toEqual(
    expect.arrayContaining([SUMMARY_TITLES.ringkasan, SUMMARY_TITLES.peta, SUMMARY_TITLES.ikm]),
  );
  expect(leaders().sheets.get(SUMMARY_TITLES.ringkasan)?.sheetId).toBe(SHEET_IDS.ringkasan);
  expect(leaders().locale).toBe('id_ID');
  expect(chartCount()).toBeGreaterThan(0);
  // no NIP, no name on the leaders' sheets
  const all = everyText().join('\n');
  expect(all).not.toMatch(new RegExp(`${NIP1}|${NIP2}|Siti|Budi|Rina`));
  // the FGD's priority beside the measured gap: Bappeda's FGD and ratings differ
  const fgd = leaders().sheets.get(SUMMARY_TITLES.fgd);
  expect(fgd?.sheetId).toBe(SHEET_IDS.fgd);
  const fgdText = fgd?.values.flat().map((v) => String(v ?? '')) ?? [];
  expect(fgdText).toEqual(
    expect.arrayContaining([
      'Bappeda',
      '1. M.02 Kerjasama: kesenjangan terukur 0,00 (1 ASN, data tipis, hanya penilaian diri)',
      'Berbeda',
    ]),
  );
  // the program spreadsheet got no leaders' sheet
  expect([...h.sheets.sheets.keys()]).not.toContain(SUMMARY_TITLES.ringkasan);
}, 120_000);

test("refreshSummary rewrites it in place: nothing duplicated, the schedule's sheets kept", async () => {
  const sheetsBefore = [...leaders().sheets.keys()].sort();
  const charts = chartCount();
  const res = await post('refreshSummary', { tenant });
  expect(res.status).toBe(200);
  expect(res.body.sheets).toEqual(expect.arrayContaining([SUMMARY_TITLES.ringkasan, SUMMARY_TITLES.fgd]));
  expect([...leaders().sheets.keys()].sort()).toEqual(sheetsBefore);
  expect(chartCount()).toBe(charts);
}, 60_000);

test('only staff may refresh it; a tenant without one is told how to register it', async () => {
  expect((await post('refreshSummary', { tenant }, PIMPINAN)).status).toBe(403);
  await h.setMember('padang', STAF_LAIN, 'staf');
  const res = await post('refreshSummary', { tenant: 'padang' }, STAF_LAIN);
  expect(res.status).toBe(409);
  expect(res.body.error).toMatch(/members spreadsheet-pimpinan padang <spreadsheetId>/);
});
