/**
 * `bangkom run`, unchanged rerun. A completed run leaves in its --out folder what it computed
 * from which input (`.bangkom-proses.json`) and its schedule (`.bangkom-jadwal.json`). The next
 * run into the same folder on the same input bytes, with the same code, tenant, years and
 * earliest start date (the run key), reuses that schedule instead of solving it again: the
 * schedule is a function of those (and the solver's time limits would otherwise let two runs of
 * one input differ). Both workbooks are left as they are when they are still the bytes that run
 * wrote and their inputs (run key, schedule, stored cycles) are the same.
 *
 * These files are a cache, never a source: a file that is missing, damaged, edited or written
 * for another key is ignored and the step runs as on a first run. The schedule file holds NIPs
 * and names, like the staff workbook beside it; it is replaced by every run that plans anew.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { type CycleDoc, cycleSchema, type ScheduleReport } from '@bangkom/core';
import { z } from 'zod';
import { contentHash } from '../../adapters/firestore-sync.js';
import type { WrittenWorkbooks } from './workbooks.js';

/** What the last completed run in an --out folder left (JSON). */
export const RUN_STATE_FILE = '.bangkom-proses.json';
/** That run's schedule, for a rerun of the same key (JSON, personal data). */
export const SCHEDULE_CACHE_FILE = '.bangkom-jadwal.json';
const STATE_FORMAT = 1;

const fileRecord = z.object({ path: z.string(), sheets: z.array(z.string()), sha256: z.string() });
const storeRecord = z.object({
  dir: z.string(),
  sha256: z.string(),
  /** the store file's stamp when it had that digest (emulator-store.ts storeStamp) */
  stamp: z.string().optional(),
  documents: z.number(),
  counts: z.record(z.string(), z.number()),
  cycles: z.array(cycleSchema),
});
/**
 * The local store as the run left it (in-process emulator only): the store file's hash and stamp,
 * the documents in it (journal included), the run's documents per collection and the stored cycles.
 */
export type StoreRecord = z.infer<typeof storeRecord>;

const runStateSchema = z.object({
  format: z.literal(STATE_FORMAT),
  key: z.string(),
  schedule: z.object({ sha256: z.string() }).optional(),
  store: storeRecord.optional(),
  workbooks: z
    .object({
      key: z.string(),
      summary: fileRecord.extend({ charts: z.number() }),
      staff: fileRecord,
    })
    .optional(),
});
type RunState = z.infer<typeof runStateSchema>;

/** What decides a run's results besides the clock (everything of the clock that matters is here). */
export interface RunKeyParts {
  /** sha256 of the input's bytes */
  checksum: string;
  tenant: string;
  tahun: number;
  tahunJp: number;
  /** the schedule's earliest start (tomorrow when planning the year under way) or null */
  earliest: string | null;
}

/** The run key: the parts above and the code that computes from them. */
export function runKey(parts: RunKeyParts): string {
  return sha256(JSON.stringify({ format: STATE_FORMAT, ...parts, code: codeFingerprint() }));
}

let fingerprint: string | undefined;

/**
 * sha256 of the code that computes a run: every source or compiled file of @bangkom/core and of
 * this package (as loaded: dist or src), and the versions of the libraries the schedule uses
 * (holidays, solver). Any change to them makes every earlier run key stale.
 */
export function codeFingerprint(): string {
  if (fingerprint) return fingerprint;
  const hash = createHash('sha256');
  const roots = [dirname(require.resolve('@bangkom/core')), resolve(__dirname, '..', '..')];
  for (const root of roots) {
    for (const file of codeFiles(root)) {
      hash.update(relative(root, file));
      hash.update('\0');
      hash.update(readFileSync(file));
      hash.update('\0');
    }
  }
  for (const name of ['date-holidays', 'highs']) hash.update(`${name}@${packageVersion(name)}\0`);
  fingerprint = hash.digest('hex');
  return fingerprint;
}

function codeFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') out.push(...codeFiles(path));
    } else if (/\.(js|cjs|mjs|ts|json)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
      out.push(path);
    }
  }
  return out;
}

function packageVersion(name: string): string {
  let dir = dirname(require.resolve(name));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === name) return pkg.version ?? '?';
    } catch {
      // no package.json at this level: go up
    }
    const up = dirname(dir);
    if (up === dir) return '?';
    dir = up;
  }
}

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

/** What the previous run in `outDir` left for this key, or nothing to reuse. */
export interface Previous {
  outDir: string;
  key: string;
  state: RunState | undefined;
  /** the schedule of the previous run with this key, checked against its recorded hash */
  schedule: { report: ScheduleReport; sha256: string } | undefined;
}

export async function previousRun(outDir: string, key: string): Promise<Previous> {
  const none: Previous = { outDir, key, state: undefined, schedule: undefined };
  const text = await readFile(join(outDir, RUN_STATE_FILE), 'utf8').catch(() => undefined);
  if (text === undefined) return none;
  let state: RunState;
  try {
    state = runStateSchema.parse(JSON.parse(text));
  } catch {
    return none; // damaged or written by another version: recompute
  }
  if (state.key !== key) return none;
  let schedule: Previous['schedule'];
  if (state.schedule) {
    const bytes = await readFile(join(outDir, SCHEDULE_CACHE_FILE)).catch(() => undefined);
    if (bytes && sha256(bytes) === state.schedule.sha256) {
      try {
        schedule = {
          report: JSON.parse(bytes.toString('utf8')) as ScheduleReport,
          sha256: state.schedule.sha256,
        };
      } catch {
        schedule = undefined;
      }
    }
  }
  return { outDir, key, state, schedule };
}

/**
 * The local store the previous run left, when this run makes exactly its documents: the same key
 * and the very schedule it used (reused, not planned again). Whether the store file is still
 * that store is checked when it is opened (write.ts).
 */
export function unchangedStore(previous: Previous, scheduleReused: boolean): StoreRecord | undefined {
  return scheduleReused && previous.schedule ? previous.state?.store : undefined;
}

/** Thrown by the replacer for a value JSON would not give back as it was. */
class NotJson extends Error {}

/**
 * The schedule as JSON text, or undefined when JSON would change it (a Date, Map, Set, bigint or
 * non-finite number turns into something else): such a schedule is never reused.
 */
function scheduleJson(report: ScheduleReport): string | undefined {
  try {
    return JSON.stringify(report, function (this: Record<string, unknown>, key, value: unknown) {
      const raw = this[key];
      if (
        raw instanceof Date ||
        raw instanceof Map ||
        raw instanceof Set ||
        typeof raw === 'bigint' ||
        (typeof raw === 'number' && !Number.isFinite(raw))
      ) {
        throw new NotJson();
      }
      return value;
    });
  } catch (err) {
    if (err instanceof NotJson) return undefined;
    throw err;
  }
}

/** The schedule this run used, prepared for the next run (put in place only when the run completes). */
export interface ScheduleRecord {
  sha256: string;
  /** the JSON text to write; undefined when it was reused (already on disk) or staged */
  text: string | undefined;
  /** the temporary file the text was written to (stageSchedule), renamed by recordRun */
  staged?: string;
}

export function scheduleRecord(
  previous: Previous,
  schedule: ScheduleReport | undefined,
): ScheduleRecord | undefined {
  if (!schedule) return undefined;
  if (previous.schedule && previous.schedule.report === schedule) {
    return { sha256: previous.schedule.sha256, text: undefined };
  }
  const text = scheduleJson(schedule);
  return text === undefined ? undefined : { sha256: sha256(text), text };
}

/**
 * Writes the schedule's text now, to a temporary file in --out, so the run does not hold it (at
 * 50,000 ASN about 100 MB of heap) until it completes; recordRun puts the file in place,
 * discardSchedule removes it when the run fails. When it cannot be written, the record is
 * returned as it was (written at the end, as before).
 */
export async function stageSchedule(
  previous: Previous,
  record: ScheduleRecord | undefined,
): Promise<ScheduleRecord | undefined> {
  if (record?.text === undefined) return record;
  const staged = join(previous.outDir, `${SCHEDULE_CACHE_FILE}.${process.pid}.tmp`);
  try {
    await mkdir(previous.outDir, { recursive: true });
    await writeFile(staged, record.text);
  } catch {
    await rm(staged, { force: true }).catch(() => undefined);
    return record;
  }
  return { sha256: record.sha256, text: undefined, staged };
}

/** Removes a staged schedule file that recordRun did not put in place (a failed run). */
export async function discardSchedule(record: ScheduleRecord | undefined): Promise<void> {
  if (record?.staged) await rm(record.staged, { force: true });
}

/**
 * The workbooks' key: the run key, the schedule's hash and the stored cycles' content (the trend;
 * their `dihitung` and `runId` left out, as in the stored hash). Equal keys, equal workbooks but
 * for the date they say they were made.
 */
export function workbookKey(key: string, schedule: ScheduleRecord | undefined, cycles: CycleDoc[]): string {
  const trend = cycles.map((c) => contentHash({ ...c }));
  return sha256(JSON.stringify({ key, schedule: schedule?.sha256 ?? null, trend }));
}

/** The workbooks the previous run wrote, when they are still its bytes and its key is `key`. */
export async function unchangedWorkbooks(
  previous: Previous,
  key: string,
): Promise<WrittenWorkbooks | undefined> {
  const wb = previous.state?.workbooks;
  if (!wb || wb.key !== key) return undefined;
  for (const f of [wb.summary, wb.staff]) {
    const bytes = await readFile(f.path).catch(() => undefined);
    if (!bytes || sha256(bytes) !== f.sha256) return undefined;
  }
  return {
    summary: { path: wb.summary.path, sheets: wb.summary.sheets, charts: wb.summary.charts },
    staff: { path: wb.staff.path, sheets: wb.staff.sheets },
  };
}

async function writeAtomic(path: string, data: string): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}

/**
 * After a completed run: its schedule (when it planned anew) and then the state naming it, each
 * replaced whole. A failure here costs the next run its reuse, never a result: it is ignored.
 */
export async function recordRun(
  previous: Previous,
  schedule: ScheduleRecord | undefined,
  workbooks: { key: string; written: WrittenWorkbooks },
  store: StoreRecord | undefined,
): Promise<void> {
  const { outDir } = previous;
  try {
    await mkdir(outDir, { recursive: true });
    if (schedule?.text !== undefined) await writeAtomic(join(outDir, SCHEDULE_CACHE_FILE), schedule.text);
    if (schedule?.staged) await rename(schedule.staged, join(outDir, SCHEDULE_CACHE_FILE));
    if (!schedule) await rm(join(outDir, SCHEDULE_CACHE_FILE), { force: true });
    const fileSha = async (path: string) => sha256(await readFile(path));
    const { summary, staff } = workbooks.written;
    const state: RunState = {
      format: STATE_FORMAT,
      key: previous.key,
      ...(schedule ? { schedule: { sha256: schedule.sha256 } } : {}),
      ...(store ? { store } : {}),
      workbooks: {
        key: workbooks.key,
        summary: { ...summary, sha256: await fileSha(summary.path) },
        staff: { ...staff, sha256: await fileSha(staff.path) },
      },
    };
    await writeAtomic(join(outDir, RUN_STATE_FILE), `${JSON.stringify(state)}\n`);
  } catch {
    // the cache only saves time; the run itself is complete
    await discardSchedule(schedule).catch(() => undefined);
  }
}
