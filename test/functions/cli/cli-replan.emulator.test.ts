/**
 * `bangkom run` re-plans around the schedule its Firestore (here the local store of the
 * in-process emulator) holds from the previous run: announced sessions stay, the change is in
 * the JSON and in the staff workbook's `Perubahan Jadwal`, beside its `Daftar Tunggu`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PERUBAHAN_JADWAL_HEADER, type ScheduleReport } from '@bangkom/core';
import ExcelJS from 'exceljs';
import nock from 'nock';
import { closeFirestoreConnections } from '../../../functions/src/adapters/firestore-connection';
import { runCli } from '../../../functions/src/cli/main';
import { SCHEDULE_CACHE_FILE } from '../../../functions/src/cli/run/reuse';
import { captureIo, type Sheets, writeXlsx } from './cli-workbook';

let dir: string;
beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  dir = mkdtempSync(join(tmpdir(), 'bangkom-susun-ulang-'));
});
afterAll(async () => {
  await closeFirestoreConnections();
  rmSync(dir, { recursive: true, force: true });
  nock.enableNetConnect();
});

const CLOCK = new Date(Date.UTC(2026, 10, 28, 3, 0, 0));
/** a year after the clock's: nothing has started, no earliest date */
const TAHUN = 2030;
const nip = (i: number) => `198001012005011${String(i).padStart(3, '0')}`;
const STAFF = Array.from({ length: 12 }, (_, i) => nip(i + 1));
const LATE = nip(13);

function sheets(
  people: readonly string[],
  daftarHadir: (string | null)[][] = [],
  undangan: (string | null)[][] = [],
): Sheets {
  return {
    Pegawai: [
      ['NIP', 'Nama', 'Jenis ASN', 'OPD', 'Jabatan'],
      ...people.map((n, i) => [n, `Pegawai ${i + 1}`, 'PNS', 'Bappeda', 'Analis Kebijakan']),
    ],
    'Standar Kompetensi': [
      ['Jabatan', 'Kode Kompetensi', 'Level Standar', 'Bobot'],
      ['Analis Kebijakan', 'M.01', 3, 1],
    ],
    Penilaian: [['NIP', 'Sumber', 'M.01 Integritas'], ...people.map((n) => [n, 'Diri', 1])],
    'Katalog Pelatihan': [
      ['Kode', 'Judul', 'Kompetensi', 'JP', 'Kapasitas', 'Biaya per Peserta'],
      ['K01', 'Integritas ASN', 'M.01', 20, 5, 1_000_000],
    ],
    Anggaran: [
      ['OPD', 'Pagu'],
      ['Bappeda', 100_000_000],
    ],
    Pengaturan: [
      ['Kunci', 'Nilai'],
      ['Tahun', TAHUN],
      ['Peserta Minimum', 1],
    ],
    ...(daftarHadir.length > 0
      ? { 'Daftar Hadir': [['ID Sesi', 'Kode', 'Tanggal', 'NIP', 'Status'], ...daftarHadir] }
      : {}),
    ...(undangan.length > 0
      ? { Undangan: [['ID Sesi', 'NIP', 'Email', 'Dikirim', 'ID Acara', 'Status'], ...undangan] }
      : {}),
  };
}

interface RunJson {
  schedule: {
    sessions: number;
    perubahan: Record<string, number> | null;
    ulang: ScheduleReport['ulang'] | null;
  };
  staff: { path: string; sheets: string[] };
  reused: { schedule: boolean; workbooks: boolean };
}

async function run(file: string, extra: string[] = []): Promise<{ json: RunJson; text: string }> {
  const io = captureIo({ cwd: dir, now: CLOCK });
  const args = ['run', file, '--out', 'out', '--data', 'data', ...extra];
  expect(await runCli([...args, '--json'], io)).toBe(0);
  return { json: JSON.parse(io.out()) as RunJson, text: io.err() };
}

const cached = (): ScheduleReport =>
  JSON.parse(readFileSync(join(dir, 'out', SCHEDULE_CACHE_FILE), 'utf8')) as ScheduleReport;

async function sheetRows(path: string, name: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  const rows: unknown[][] = [];
  ws.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1).map((v) => v ?? ''));
  });
  return rows;
}

test('a run keeps the announced session of the stored schedule and lists the change for staff', async () => {
  const first = await run(await writeXlsx(join(dir, 'satu.xlsx'), sheets(STAFF)));
  // nothing stored yet: nothing re-planned
  expect(first.json.schedule.perubahan).toBeNull();
  expect(first.json.staff.sheets).toContain('Daftar Tunggu');
  expect(first.json.staff.sheets).not.toContain('Perubahan Jadwal');
  const planned = cached().sessions;
  expect(planned.length).toBeGreaterThanOrEqual(3);
  const [announced, invited] = [...planned].sort((a, b) => a.mulai.localeCompare(b.mulai));
  const [stays, declines] = announced?.peserta ?? [];
  if (!announced || !invited || !stays || !declines)
    throw new Error('the first class has fewer than two people');

  const second = await run(
    await writeXlsx(
      join(dir, 'dua.xlsx'),
      sheets(
        [...STAFF, LATE],
        [
          [announced.id, 'K01', null, stays, 'Hadir'],
          [announced.id, 'K01', null, declines, 'Tidak Hadir'],
        ],
        // the second class has no answer yet, but its invitations went out (Kirim Undangan)
        invited.peserta.map((n) => [
          invited.id,
          n,
          `${n}@contoh.go.id`,
          '02/01/2030 09:00',
          'ev-2',
          'Diundang',
        ]),
      ),
    ),
  );
  const ulang = second.json.schedule.ulang;
  expect(ulang?.tetap).toEqual([announced.id, invited.id].sort());
  expect(ulang?.pesertaKeluar).toContainEqual({ sesi: announced.id, nip: declines });
  expect(second.json.schedule.perubahan).toMatchObject({
    tetap: 2,
    masuk: ulang?.pesertaMasuk.length,
    keluar: ulang?.pesertaKeluar.length,
  });
  const kept = cached().sessions.find((s) => s.id === announced.id);
  expect(kept).toMatchObject({ mulai: announced.mulai, selesai: announced.selesai });
  expect(kept?.peserta).not.toContain(declines);
  expect(kept?.peserta).toEqual(expect.arrayContaining(announced.peserta.filter((n) => n !== declines)));
  expect(cached().sessions.find((s) => s.id === invited.id)).toMatchObject({
    mulai: invited.mulai,
    selesai: invited.selesai,
    peserta: expect.arrayContaining(invited.peserta),
  });
  expect(second.text).toMatch(/Jadwal 2030 yang tersimpan \(\d+ sesi\) disusun ulang/);

  // the staff workbook: the change, one row per change, and the waiting list beside it
  expect(second.json.staff.sheets).toEqual(expect.arrayContaining(['Daftar Tunggu', 'Perubahan Jadwal']));
  const change = await sheetRows(second.json.staff.path, 'Perubahan Jadwal');
  expect(String(change[0]?.[0])).toMatch(/^Jadwal 2030 disusun ulang .*: 2 sesi tetap/);
  expect(change[1]).toEqual([...PERUBAHAN_JADWAL_HEADER]);
  expect(change.slice(2)).toContainEqual([
    'Peserta keluar',
    announced.id,
    'K01',
    declines,
    `Pegawai ${STAFF.indexOf(declines) + 1}`,
    'Menjawab Tidak Hadir.',
  ]);
  const counts = Object.values(second.json.schedule.perubahan ?? {}).reduce((a, n) => a + n, 0);
  expect(change).toHaveLength(2 + counts);
  const waiting = await sheetRows(second.json.staff.path, 'Daftar Tunggu');
  expect(waiting[1]).toEqual(['ID Sesi', 'Urutan', 'NIP', 'Nama', 'OPD', 'Prioritas']);
  const ids = new Set(cached().sessions.map((s) => s.id));
  for (const row of waiting.slice(2)) expect(ids.has(String(row[0]))).toBe(true);

  // --fresh: an empty store holds no schedule, so nothing is re-planned (and the previous
  // run's schedule, planned around the store, is not reused)
  const fresh = await run(join(dir, 'dua.xlsx'), ['--fresh']);
  expect(fresh.json.schedule.perubahan).toBeNull();
  expect(fresh.json.reused.schedule).toBe(false);
  expect(fresh.json.staff.sheets).not.toContain('Perubahan Jadwal');
}, 180_000);
