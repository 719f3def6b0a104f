/**
 * `bangkom run` into the same --out on the same input reuses the previous run's schedule and
 * leaves its workbooks alone (functions/src/cli/run/reuse.ts); anything that changes the results
 * (input bytes, year, earliest start date) or that was touched on disk (cache, workbook) is
 * computed and written again. When the local store is still the bytes the previous run saved, it
 * is neither loaded nor rewritten: the rerun's audit goes to its journal.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScheduleReport } from '@bangkom/core';
import nock from 'nock';
import { JOURNAL_FILE } from '../../../functions/src/adapters/emulator-journal';
import { STORE_FILE } from '../../../functions/src/adapters/emulator-store';
import { closeFirestoreConnections } from '../../../functions/src/adapters/firestore-connection';
import { runCli } from '../../../functions/src/cli/main';
import {
  previousRun,
  RUN_STATE_FILE,
  SCHEDULE_CACHE_FILE,
  scheduleRecord,
} from '../../../functions/src/cli/run/reuse';
import { captureIo, NIP_RINA, NIP_SITI, type Sheets, validSheets, writeXlsx } from './cli-workbook';

let dir: string;

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  dir = mkdtempSync(join(tmpdir(), 'bangkom-ulang-'));
});
afterAll(async () => {
  await closeFirestoreConnections();
  rmSync(dir, { recursive: true, force: true });
  nock.cleanAll();
  nock.enableNetConnect();
});

interface RunJson {
  runId: string;
  reused: { schedule: boolean; workbooks: boolean };
  schedule: {
    sessions: number;
    peserta: number;
    objective: number;
    perubahan?: Record<string, number> | null;
    ulang?: unknown;
  };
  cycles: number[];
  firestore: {
    documents: number;
    written: number;
    unchanged: number;
    removed: number;
    collections: Record<string, number>;
    data: { loaded: number; saved: number; unchanged: boolean };
  };
  summary: { path: string; sheets: string[]; charts: number };
  staff: { path: string; sheets: string[] };
}

const CLOCK = new Date(Date.UTC(2026, 10, 28, 3, 0, 0));

/** The workbook file of `sheets` (written once: exceljs stamps each file with its time). */
const workbook = (sheets: Sheets, name: string) => writeXlsx(join(dir, `${name}.xlsx`), sheets);

/** One run of `file` with data folder `<name>-data` and --out `<name>-out`. */
async function run(
  file: string,
  name: string,
  opts: { now?: Date; extra?: string[] } = {},
): Promise<{ json: RunJson; err: string }> {
  const io = captureIo({ cwd: dir, now: opts.now ?? CLOCK });
  const args = ['run', file, '--json', '--out', `${name}-out`, '--data', `${name}-data`];
  const code = await runCli([...args, ...(opts.extra ?? [])], io);
  expect(code).toBe(0);
  return { json: JSON.parse(io.out()) as RunJson, err: io.err() };
}

const fileState = (path: string) => ({ bytes: readFileSync(path), mtimeMs: statSync(path).mtimeMs });

test('an unchanged rerun reuses the schedule and leaves both workbooks as they were', async () => {
  const file = await workbook(validSheets(), 'sama');
  const first = await run(file, 'sama');
  expect(first.json.reused).toEqual({ schedule: false, workbooks: false });
  expect(first.err).toContain('Menyusun jadwal');
  expect(first.json.schedule.sessions).toBeGreaterThan(0);
  const summary = fileState(first.json.summary.path);
  const staff = fileState(first.json.staff.path);

  const again = await run(file, 'sama');
  expect(again.json.reused).toEqual({ schedule: true, workbooks: true });
  expect(again.err).not.toContain('Menyusun jadwal');
  expect(again.err).toContain('dipakai ulang');
  expect(again.json.schedule).toEqual(first.json.schedule);
  expect(again.json.summary).toEqual(first.json.summary);
  expect(again.json.staff).toEqual(first.json.staff);
  // not written again: same bytes, same modification time
  expect(fileState(first.json.summary.path)).toEqual(summary);
  expect(fileState(first.json.staff.path)).toEqual(staff);
  // the documents made from the reused schedule are the stored ones
  expect(again.json.firestore.written).toBe(0);
});

test('a changed row plans again and rewrites the workbooks', async () => {
  await run(await workbook(validSheets(), 'ubah'), 'ubah');
  const changed = validSheets();
  const pegawai = changed.Pegawai ?? [];
  const i = pegawai.findIndex((r) => r[0] === NIP_RINA);
  pegawai[i] = [NIP_RINA, 'Rina Marlina', 'PPPK', 'Dinas Kesehatan', 'Analis Kebijakan', 'Fungsional'];
  const second = await run(await workbook(changed, 'ubah'), 'ubah');
  expect(second.json.reused).toEqual({ schedule: false, workbooks: false });
  expect(second.err).toContain('Menyusun jadwal');
});

test('another day of the year under way (a later earliest start) plans again', async () => {
  const file = await workbook(validSheets(), 'hari');
  await run(file, 'hari');
  const nextDay = await run(file, 'hari', { now: new Date(CLOCK.getTime() + 86_400_000) });
  expect(nextDay.json.reused.schedule).toBe(false);
  // the same day again: reused
  const sameDay = await run(file, 'hari', { now: new Date(CLOCK.getTime() + 86_400_000) });
  expect(sameDay.json.reused.schedule).toBe(true);
});

test('a damaged cache or an edited workbook is computed and written again, never trusted', async () => {
  const file = await workbook(validSheets(), 'rusak');
  const first = await run(file, 'rusak');
  const out = join(dir, 'rusak-out');

  // the schedule file edited: its hash no longer matches the state; planned again
  const cache = join(out, SCHEDULE_CACHE_FILE);
  const report = JSON.parse(readFileSync(cache, 'utf8')) as ScheduleReport;
  writeFileSync(cache, JSON.stringify({ ...report, sessions: [] }));
  const replanned = await run(file, 'rusak');
  expect(replanned.json.reused.schedule).toBe(false);
  expectSamePlan(replanned.json.schedule, first.json.schedule);

  // the leaders' workbook overwritten by someone: written again
  writeFileSync(first.json.summary.path, 'bukan xlsx');
  const rewritten = await run(file, 'rusak');
  expect(rewritten.json.reused).toEqual({ schedule: true, workbooks: false });
  expect(readFileSync(first.json.summary.path).subarray(0, 2).toString()).toBe('PK');

  // the state file damaged: nothing reused, and the run completes
  writeFileSync(join(out, RUN_STATE_FILE), '{"format":1,');
  const fresh = await run(file, 'rusak');
  expect(fresh.json.reused).toEqual({ schedule: false, workbooks: false });
  expectSamePlan(fresh.json.schedule, first.json.schedule);
});

/** Planned again around the schedule the first run stored: the same plan, no change reported. */
function expectSamePlan(again: RunJson['schedule'], first: RunJson['schedule']) {
  const { perubahan, ulang: _ulang, ...plan } = again;
  expect({ ...plan, perubahan: null, ulang: null }).toEqual(first);
  expect(Object.values(perubahan ?? { none: 1 })).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
}

test('another year reuses nothing', async () => {
  const file = await workbook(validSheets(), 'tahun');
  await run(file, 'tahun');
  const otherYear = await run(file, 'tahun', { extra: ['--tahun', '2027'] });
  expect(otherYear.json.reused).toEqual({ schedule: false, workbooks: false });
  expect(otherYear.err).toContain('Menyusun jadwal pelatihan tahun 2027');
});

test('a schedule JSON would not give back as it was is not kept for reuse', async () => {
  await run(await workbook(validSheets(), 'json'), 'json');
  const report = JSON.parse(
    readFileSync(join(dir, 'json-out', SCHEDULE_CACHE_FILE), 'utf8'),
  ) as ScheduleReport;
  const none = await previousRun(join(dir, 'tidak-ada'), 'kunci');
  expect(scheduleRecord(none, report)?.text).toBe(JSON.stringify(report));
  expect(scheduleRecord(none, { ...report, objective: Number.NaN })).toBeUndefined();
  expect(
    scheduleRecord(none, { ...report, stats: { ...report.stats, detik: Number.POSITIVE_INFINITY } }),
  ).toBeUndefined();
  expect(scheduleRecord(none, undefined)).toBeUndefined();
});

/** The run audits in the journal of data folder `<name>-data`, by path below the tenant. */
function journalRuns(name: string): string[] {
  const text = readFileSync(join(dir, `${name}-data`, JOURNAL_FILE), 'utf8');
  return text
    .trimEnd()
    .split('\n')
    .slice(2)
    .map((l) => (JSON.parse(l) as { p: string }).p.replace(/^.*\/tenants\//, ''));
}

test('an unchanged rerun neither loads nor rewrites the local store; its audit goes to the journal', async () => {
  const file = await workbook(validSheets(), 'toko');
  const first = await run(file, 'toko');
  expect(first.json.firestore.data.unchanged).toBe(false);
  const store = join(dir, 'toko-data', STORE_FILE);
  const saved = fileState(store);

  const second = await run(file, 'toko');
  expect(second.json.firestore.data).toMatchObject({
    unchanged: true,
    loaded: 0,
    saved: first.json.firestore.data.saved + 1,
  });
  expect(second.json.firestore).toMatchObject({
    documents: first.json.firestore.documents,
    written: 0,
    unchanged: first.json.firestore.documents,
    removed: 0,
    collections: first.json.firestore.collections,
  });
  expect(second.json.cycles).toEqual(first.json.cycles);
  expect(second.err).not.toContain('Menulis ke Firestore');
  expect(fileState(store)).toEqual(saved);
  expect(journalRuns('toko')).toEqual([`sawahlunto/runs/${second.json.runId}`]);

  const third = await run(file, 'toko');
  expect(third.json.firestore.data).toMatchObject({
    unchanged: true,
    saved: first.json.firestore.data.saved + 2,
  });
  expect(journalRuns('toko')).toEqual([
    `sawahlunto/runs/${second.json.runId}`,
    `sawahlunto/runs/${third.json.runId}`,
  ]);

  // a changed input loads the store and its journal, writes what changed, folds the journal in
  const changed = validSheets();
  changed.Pegawai = (changed.Pegawai ?? []).filter((r) => r[0] !== NIP_SITI);
  const fourth = await run(await workbook(changed, 'toko'), 'toko');
  expect(fourth.json.firestore.data).toMatchObject({
    unchanged: false,
    loaded: first.json.firestore.data.saved + 2,
  });
  expect(readFileSync(store, 'utf8').trimEnd().split('\n').length - 2).toBe(fourth.json.firestore.data.saved);
  expect(fourth.json.firestore.removed).toBeGreaterThan(0);
  expect(() => readFileSync(join(dir, 'toko-data', JOURNAL_FILE))).toThrow();
  const runs = readFileSync(store, 'utf8').match(/\/runs\/[^"]+/g) ?? [];
  expect(runs.sort()).toEqual([first, second, third, fourth].map((r) => `/runs/${r.json.runId}`).sort());
});

test('a store edited in place (same size, modification time set back) is loaded, not trusted', async () => {
  const file = await workbook(validSheets(), 'sunting');
  const first = await run(file, 'sunting');
  const store = join(dir, 'sunting-data', STORE_FILE);
  const state = JSON.parse(readFileSync(join(dir, 'sunting-out', RUN_STATE_FILE), 'utf8')) as {
    store: { stamp?: string };
  };
  expect(state.store.stamp).toMatch(/^\d+:\d+:\d+:\d+:\d+$/);
  const { atime, mtime, size } = statSync(store);
  const bytes = readFileSync(store);
  // one character of a stored content hash changed in place (its document then differs from the
  // run's); file times tick every few ms, so the edit comes a tick after the save
  const marker = '"hashIsi":{"t":"string_value","v":"';
  const at = bytes.indexOf(marker) + marker.length;
  expect(at).toBeGreaterThan(marker.length);
  const edit = bytes.subarray(at, at + 22).toString();
  bytes.write(edit[0] === 'A' ? 'B' : 'A', at);
  await new Promise((resolve) => setTimeout(resolve, 25));
  writeFileSync(store, bytes);
  utimesSync(store, atime, mtime);
  expect(statSync(store).size).toBe(size);

  const again = await run(file, 'sunting');
  expect(again.json.reused.schedule).toBe(true);
  expect(again.json.firestore.data).toMatchObject({
    unchanged: false,
    loaded: first.json.firestore.data.saved,
  });
  // the edited document is written back as the workbook has it
  expect(again.json.firestore.written).toBeGreaterThan(0);
  expect(again.json.firestore.written).toBeLessThan(first.json.firestore.documents);
  expect(readFileSync(store).includes(edit)).toBe(true);
  expect(again.json.firestore.documents).toBe(first.json.firestore.documents);
});

test('a store changed since the run (hapus-data) is loaded and compared, not trusted', async () => {
  const file = await workbook(validSheets(), 'hapus');
  await run(file, 'hapus');
  const io = captureIo({ cwd: dir, now: CLOCK });
  expect(await runCli(['hapus-data', NIP_SITI, '--ya', '--data', 'hapus-data'], io)).toBe(0);
  const again = await run(file, 'hapus');
  // the schedule is still the same input's, but the store is not the one the run left
  expect(again.json.reused.schedule).toBe(true);
  expect(again.json.firestore.data.unchanged).toBe(false);
  expect(again.json.firestore.data.loaded).toBeGreaterThan(0);
  // Siti is still in the workbook: her documents are written back, as docs/cli.md says
  expect(again.json.firestore.written).toBeGreaterThan(0);
});
