/**
 * `bangkom run`, Firestore step: every input record, result and quarantined row under
 * tenants/{tenant} (deterministic ids; only new and changed documents are written, stale ones
 * removed: adapters/cycle-writes.ts), then the stored cycles for the trend
 * handed to the next step (the workbooks), then the runs/{runId} audit document and, for the
 * in-process emulator, its data folder saved.
 * Which Firestore, and whether it answers, is firestore-target.ts's business.
 */
import { hostname, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import {
  COLLECTIONS,
  type CollectionName,
  type CycleDoc,
  type Doc,
  type ProgramData,
  type ProgressReporter,
  type QuarantinedRow,
  scheduleDocs,
} from '@bangkom/core';
import {
  type DocSet,
  evaluationDocs,
  gapDocs,
  ikmDocs,
  jpDocs,
  quarantineDoc,
  RECORD_KEYS,
  recordDocs,
  scheduleSummaryDoc,
  settingsDoc,
  summaryDocs,
  withRun,
} from '../../adapters/cycle-docs.js';
import { applyWrites, cycleWrites, type WritesOutcome } from '../../adapters/cycle-writes.js';
import { cycleDocument, readCycles, type StoredCycles } from '../../adapters/cycles.js';
import { STORE_FILE, sameStore } from '../../adapters/emulator-store.js';
import { createStore, type RunStatus, type TenantStore, writeRun } from '../../adapters/firestore.js';
import { firestoreFailure } from '../../adapters/firestore-failure.js';
import type { SyncTally } from '../../adapters/firestore-sync.js';
import {
  type FirestoreTarget,
  openFirestoreTarget,
  probeFirestore,
} from '../../adapters/firestore-target.js';
import type { CommandContext, LoadedInput } from '../context.js';
import { num } from '../format.js';
import type { CycleResults } from './compute.js';
import type { StoreRecord } from './reuse.js';

/** Every document the run writes, by collection, with deterministic ids (see ../../adapters/cycle-docs.ts). */
export function collectDocs(
  data: ProgramData,
  quarantine: readonly QuarantinedRow[],
  r: CycleResults,
  runId: string,
  runAt: string,
): DocSet {
  const out: DocSet = new Map();
  const put = (c: CollectionName, docs: Doc[]) => out.set(c, docs);
  for (const key of RECORD_KEYS) put(COLLECTIONS[key], recordDocs(key, data));
  put(COLLECTIONS.settings, [settingsDoc(data.settings)]);
  put(
    COLLECTIONS.quarantine,
    quarantine.map((q) => quarantineDoc(q, runId)),
  );
  for (const [c, docs] of gapDocs(r.gaps, runId)) put(c, docs);
  for (const [c, docs] of jpDocs(r.jp, runId)) put(c, docs);
  put(COLLECTIONS.ikm, ikmDocs(r.ikm, runId));
  put(COLLECTIONS.evaluations, evaluationDocs(r.evaluation, runId));

  const summary = summaryDocs(r.summary, runId);
  if (r.schedule) {
    // the same documents the scheduleTrainings function writes
    const s = scheduleDocs(r.schedule, runAt);
    const tag = (docs: Doc[]) => docs.map((d) => ({ id: d.id, data: withRun(d.data, runId) }));
    put(COLLECTIONS.sessions, tag(s.sessions));
    put(COLLECTIONS.enrollments, tag(s.enrollments));
    put(COLLECTIONS.plans, tag(s.plans));
    summary.push(scheduleSummaryDoc(r.schedule.tahun, r.schedule, runId));
  }
  put(COLLECTIONS.summary, summary);
  put(COLLECTIONS.cycles, [cycleDocument(r.cycle, runId)]);
  return out;
}

/**
 * Every document of the run written where it differs from what is stored, stale ones removed
 * (adapters/cycle-writes.ts). A function of its own so the documents are not kept after it: an
 * async function keeps its locals until it returns, and writeFirestore goes on to the workbooks
 * and the local store's save (at 50,000 ASN the documents are about a third of the heap).
 */
async function syncAll(
  store: TenantStore,
  docs: () => DocSet,
  sheets: readonly string[],
  progress: ProgressReporter,
): Promise<WritesOutcome> {
  const all = docs();
  progress.start(
    'Menulis ke Firestore',
    [...all.values()].reduce((a, d) => a + d.length, 0),
  );
  const present = new Set(sheets);
  const writes = cycleWrites(all, (s) => present.has(s));
  // from here the lists live only in `writes`, which applyWrites empties as it goes
  all.clear();
  return applyWrites(store, writes, (n) => progress.tick(n));
}

/** What the run reports about the local data folder (JSON field firestore.data). */
export interface DataReport {
  path: string;
  fresh: boolean;
  loaded: number;
  saved: number;
  bytes: number;
  loadMs: number;
  saveMs: number;
  /** the store was as the previous run left it: not loaded, the run audit appended to its journal */
  unchanged: boolean;
}

export interface FirestoreWrite {
  target: FirestoreTarget['target'];
  location: string;
  description: string;
  /** documents of this run per collection (written or already stored unchanged) */
  counts: Record<string, number>;
  /** what the incremental writes did, in documents */
  tally: SyncTally;
  data?: DataReport;
  /** every cycle kept (this one included), oldest first: the trend */
  cycles: CycleDoc[];
  /** the local store as this run left it, for the next run (reuse.ts) */
  store?: StoreRecord;
}

export async function openTarget(
  ctx: CommandContext,
  stored: StoreRecord | undefined,
): Promise<FirestoreTarget> {
  const { data, fresh } = ctx.options;
  const fs = await openFirestoreTarget({
    env: ctx.io.env,
    dataDir: data !== undefined ? resolve(ctx.io.cwd, data) : undefined,
    fresh,
    workbookPath: async () => (await ctx.load()).path,
    // the very bytes the previous run of the same key saved: its stamp, else hashed (hundreds of MB)
    ...(stored
      ? {
          storeUnchanged: (dir: string) =>
            dir === stored.dir ? sameStore(dir, stored.sha256, stored.stamp) : undefined,
        }
      : {}),
  });
  if (fs.data) {
    const { dir, loaded } = fs.data;
    ctx.log.info(
      `Emulator Firestore dalam proses berjalan di ${fs.location}; data ${fresh ? 'dimulai kosong' : fs.data.unchanged ? `di ${join(dir, STORE_FILE)} tidak berubah sejak proses sebelumnya dengan masukan yang sama (${num(stored?.documents ?? 0)} dokumen): tidak dimuat, tidak ada dokumen yang perlu ditulis` : loaded.documents > 0 ? `dimuat dari ${join(dir, STORE_FILE)} (${num(loaded.documents)} dokumen)` : 'baru'}.`,
    );
  }
  return fs;
}

/** Who ran the command, for the audit: `cli:<user>@<host>`, or `cli` without a user entry. */
export function cliCaller(): string {
  try {
    return `cli:${userInfo().username}@${hostname()}`;
  } catch {
    // no user database entry (some containers)
    return 'cli';
  }
}

/** A step after the writes failed: audited `gagal` with LATER_STEP_FAILED, said so to the user. */
class LaterStepError extends Error {
  constructor(readonly failure: unknown) {
    super('later step failed');
  }
}

/** The audit's reason when the workbooks cannot be written after the data was (Bahasa Indonesia). */
export const LATER_STEP_FAILED =
  'Data siklus ini sudah tersimpan di Firestore, tetapi buku kerja ringkasan pimpinan atau rencana ' +
  'staf tidak dapat ditulis, sehingga siklus ini tidak lengkap. Perbaiki penyebabnya, lalu jalankan ulang.';

/**
 * Writes the documents, then runs `finish` (the workbooks) with the stored cycles, and only then
 * marks the audit `selesai`: no step can fail after the audit says so. The audit says
 * `berjalan` while the documents are written, and `gagal` with a reason when a write or
 * `finish` fails. `stored`: the local store the previous run of the same documents left
 * (reuse.ts); when the data folder still holds exactly it, a sync could write and remove nothing,
 * so none is made (nor are the documents built: `docs` is called only for a sync): its counts and
 * cycles are this run's, and only the audit is added.
 */
export async function writeFirestore<T>(
  ctx: CommandContext,
  tenant: string,
  runId: string,
  input: LoadedInput,
  docs: () => DocSet,
  finish: (cycles: CycleDoc[]) => Promise<T>,
  stored?: StoreRecord,
  /** the Firestore already opened to read the stored schedule (stored-plan.ts); closed here */
  opened?: FirestoreTarget,
): Promise<FirestoreWrite & { finished: T }> {
  const fs = opened ?? (await openTarget(ctx, stored));
  const same = fs.data?.unchanged && stored ? stored : undefined;
  const store = createStore(fs.db, tenant, fs.reader, fs.writer);
  const counts: Record<string, number> = {};
  let tally: SyncTally = { written: 0, unchanged: 0, removed: 0 };
  const { errors } = input.validation;
  const caller = cliCaller();
  const audit = (status: RunStatus, message?: string) =>
    writeRun(fs.db, {
      runId,
      kind: 'run',
      caller,
      tenant,
      startedAt: ctx.startedAt.toISOString(),
      finishedAt: ctx.io.now().toISOString(),
      inputChecksum: input.checksum,
      status,
      counts: {
        ...counts,
        ...Object.fromEntries(
          Object.entries(input.validation.counts).map(([s, c]) => [`baris:${s}`, c.rows]),
        ),
      },
      errors,
      firestore: tally,
      ...(message ? { message } : {}),
    });
  try {
    await probeFirestore(fs, `tenants/${tenant}/${COLLECTIONS.runs}/${runId}`);
  } catch (err) {
    await fs.close();
    throw err;
  }
  const progress = ctx.log.progress('dokumen');
  try {
    await audit('berjalan');
    let cycles: StoredCycles;
    if (same) {
      Object.assign(counts, same.counts);
      tally = { written: 0, unchanged: Object.values(counts).reduce((a, n) => a + n, 0), removed: 0 };
      cycles = { cycles: same.cycles, invalid: [] };
    } else {
      const outcome = await syncAll(store, docs, Object.keys(input.validation.counts), progress);
      for (const [collection, t] of outcome.byCollection) counts[collection] = t.written + t.unchanged;
      tally = outcome.total;
      progress.stop();
      // the earlier years (and this one, as written) for the trend; a damaged year is left out, said
      cycles = await readCycles(store);
      for (const bad of cycles.invalid) ctx.log.info(`Siklus ${bad.id} dilewati: ${bad.message}`);
    }
    const finished = await finish(cycles.cycles).catch((err: unknown) => {
      throw new LaterStepError(err);
    });
    await audit(errors.length > 0 ? 'selesai dengan galat' : 'selesai');
    let data: DataReport | undefined;
    let record: StoreRecord | undefined;
    if (fs.data) {
      // only a completed run is kept: a failure leaves the previous year's data as it was
      const saving = ctx.log.progress();
      saving.start(`Menyimpan data lokal ke ${fs.data.dir}`, 0);
      try {
        const saved = await fs.data.save(ctx.io.now());
        // appended to the journal: the store's documents are the previous ones and the new audit
        const documents = same ? same.documents + saved.documents : saved.documents;
        data = {
          path: fs.data.dir,
          fresh: fs.data.fresh,
          loaded: fs.data.loaded.documents,
          saved: documents,
          bytes: saved.bytes,
          loadMs: Math.round(fs.data.loaded.ms),
          saveMs: Math.round(saved.ms),
          unchanged: same !== undefined,
        };
        const sha256 = saved.sha256 ?? same?.sha256;
        const { stamp } = saved;
        if (sha256 && cycles.invalid.length === 0) {
          record = {
            dir: fs.data.dir,
            sha256,
            ...(stamp ? { stamp } : {}),
            documents,
            counts: { ...counts },
            cycles: cycles.cycles,
          };
        }
      } finally {
        saving.stop();
      }
    }
    return {
      target: fs.target,
      location: fs.location,
      description: fs.description,
      counts,
      tally,
      ...(data ? { data } : {}),
      cycles: cycles.cycles,
      ...(record ? { store: record } : {}),
      finished,
    };
  } catch (err) {
    progress.stop();
    if (err instanceof LaterStepError) {
      await audit('gagal', LATER_STEP_FAILED).catch(() => undefined);
      // the user reads the reason in Indonesian; the step's own error stays attached (BANGKOM_DEBUG)
      throw new Error(LATER_STEP_FAILED, { cause: err.failure });
    }
    // the library's own text stays on `cause` (BANGKOM_DEBUG); audit and user read Indonesian
    const message = firestoreFailure(err);
    await audit('gagal', message).catch(() => undefined);
    throw new Error(`gagal menulis ke ${fs.description}: ${message}`, { cause: err });
  } finally {
    await fs.close();
  }
}
