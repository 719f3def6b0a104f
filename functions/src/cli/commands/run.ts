/**
 * `bangkom run`: the whole cycle on a local workbook.
 * validate -> gaps -> jp -> ikm -> evaluate -> schedule (a failed schedule is reported, not fatal)
 * -> every input record, result and quarantined row into Firestore under tenants/{tenant}
 * (deterministic ids: a rerun overwrites) plus a runs/{runId} audit document
 * -> the leaders' summary workbook -> where and how many records went where.
 *
 * Firestore: FIRESTORE_EMULATOR_HOST set -> that emulator; else GOOGLE_CLOUD_PROJECT set ->
 * the real Firestore of that project (Application Default Credentials); else an emulator
 * started in this process on 127.0.0.1, loaded from its data folder (`.bangkom` beside the
 * workbook, or --data; --fresh starts empty) and saved back there after a successful run, so
 * the next year's run sees this one.
 */
import { connect } from 'node:net';
import { hostname, userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import {
  buildCycle,
  buildLeaderSummary,
  COLLECTIONS,
  type CollectionName,
  type CycleDoc,
  computeGaps,
  computeIkm,
  computeJp,
  DEFAULT_TENANT,
  type Doc,
  type EvaluationReport,
  equityYears,
  evaluate,
  type GapsReport,
  type IkmReport,
  type JpReport,
  type LeaderSummary,
  type ProgramData,
  type QuarantinedRow,
  resolveTahun,
  resolveTahunJp,
  type ScheduleReport,
  scheduleDocs,
  untrainedEmployees,
  type ValidationResult,
} from '@bangkom/core';
import type { Firestore } from 'firebase-admin/firestore';
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
import { cycleDocument, readCycles } from '../../adapters/cycles.js';
import { startEmbeddedEmulator } from '../../adapters/emulator-loader.js';
import { loadStore, STORE_FILE, type StoreStats, saveStore } from '../../adapters/emulator-store.js';
import { assertTenantId, createStore, newRunId, type RunStatus, writeRun } from '../../adapters/firestore.js';
import { closeFirestoreConnections, connectFirestore } from '../../adapters/firestore-connection.js';
import { planSchedule } from '../../adapters/scheduler.js';
import { writeStaffWorkbook } from '../../adapters/staff-workbook.js';
import { writeSummaryWorkbook } from '../../adapters/summary-workbook.js';
import { yearIn } from '../../time.js';
import type { CommandContext, CommandModule, CommandOutcome, LoadedInput } from '../context.js';
import { heading, num, table } from '../format.js';
import { blocks, errorsText, inputNotes, validityLine } from '../render.js';

/** The leaders' workbook, inside --out (default `out`). */
export const SUMMARY_FILE = 'ringkasan-pimpinan.xlsx';
/** The staff's planning workbook with the per-person sheets (personal data), inside --out. */
export const STAFF_FILE = 'rencana-bkpsdm.xlsx';
/** Project id for an emulator when none is configured. */
export const LOCAL_PROJECT = 'bangkom-lokal';
/** The in-process emulator's data folder, beside the workbook unless --data says otherwise. */
export const DATA_DIR = '.bangkom';

export const command: CommandModule = {
  name: 'run',
  summary: 'jalankan seluruh siklus: periksa, hitung, simpan ke Firestore, tulis ringkasan pimpinan',
  execute: runCycle,
};

export interface CycleResults {
  tahun: number;
  gaps: GapsReport;
  jp: JpReport;
  ikm: IkmReport;
  evaluation: EvaluationReport;
  summary: LeaderSummary;
  schedule: ScheduleReport | undefined;
  /** why no schedule was planned, Bahasa Indonesia */
  scheduleError: string | undefined;
  /** the year's indicators kept in cycles/{tahun} */
  cycle: CycleDoc;
}

async function runCycle(ctx: CommandContext): Promise<CommandOutcome> {
  const tenant = ctx.options.tenant ?? DEFAULT_TENANT;
  assertTenantId(tenant);
  const input = await ctx.load();
  const { data, errors } = input.validation;
  const results = await compute(ctx, data);

  const runId = newRunId(ctx.startedAt.toISOString());
  const docs = collectDocs(data, input.validation.quarantine, results, runId, ctx.startedAt.toISOString());
  const firestore = await writeFirestore(ctx, tenant, runId, input, docs);

  const outDir = resolve(ctx.io.cwd, ctx.options.out ?? 'out');
  const summaryPath = join(outDir, SUMMARY_FILE);
  const step = ctx.log.progress();
  step.start('Menulis ringkasan pimpinan', 0);
  let workbook: Awaited<ReturnType<typeof writeSummaryWorkbook>>;
  let staff: Awaited<ReturnType<typeof writeStaffWorkbook>>;
  try {
    workbook = await writeSummaryWorkbook(summaryPath, {
      summary: results.summary,
      ikm: results.ikm,
      generatedAt: ctx.startedAt,
      tenant,
      ...(results.schedule ? { schedule: results.schedule } : {}),
      cycles: firestore.cycles,
    });
    // per-person sheets (NIP, names, individual plans) only in the staff's workbook
    staff = await writeStaffWorkbook(join(outDir, STAFF_FILE), {
      generatedAt: ctx.startedAt,
      tenant,
      ...(results.schedule ? { schedule: results.schedule } : {}),
      ...(results.scheduleError ? { scheduleError: results.scheduleError } : {}),
      equity: {
        tahun: results.summary.tahun,
        tahunJangka: equityYears(data.settings),
        list: untrainedEmployees(
          data.employees,
          data.trainings,
          results.summary.tahun,
          equityYears(data.settings),
        ),
      },
    });
  } finally {
    step.stop();
  }

  const json = {
    runId,
    tenant,
    tahun: results.tahun,
    input: { path: input.path, sha256: input.checksum },
    valid: errors.length === 0,
    counts: input.validation.counts,
    ignoredSheets: input.validation.ignoredSheets,
    ignoredColumns: input.validation.ignoredColumns,
    firestore: {
      target: firestore.target,
      location: firestore.location,
      collections: firestore.counts,
      documents: Object.values(firestore.counts).reduce((a, n) => a + n, 0),
      runDoc: `tenants/${tenant}/${COLLECTIONS.runs}/${runId}`,
      ...(firestore.data ? { data: firestore.data } : {}),
    },
    summary: { path: workbook.path, sheets: workbook.sheets, charts: workbook.charts },
    staff: { path: staff.path, sheets: staff.sheets },
    schedule: results.schedule
      ? {
          sessions: results.schedule.sessions.length,
          peserta: results.schedule.sessions.reduce((a, x) => a + x.peserta.length, 0),
          objective: results.schedule.objective,
          bound: results.schedule.bound,
          budget: results.schedule.budget,
        }
      : { error: results.scheduleError ?? '' },
    cycles: firestore.cycles.map((c) => c.tahun),
    quarantined: input.validation.quarantine.length,
    errors,
  };
  return {
    json,
    text: runText(json, input.validation),
    exitCode: ctx.options.strict && errors.length > 0 ? 1 : 0,
  };
}

async function compute(ctx: CommandContext, data: ProgramData): Promise<CycleResults> {
  const currentYear = yearIn(ctx.startedAt);
  const tahun = resolveTahun(data, ctx.options.tahun, currentYear);
  // JP realisation is reported for `Tahun JP` (e.g. 2026) while the plan is for `Tahun` (2027)
  const tahunJp = resolveTahunJp(data, ctx.options.tahun, currentYear); // the same rule as `bangkom jp`
  const timed = <T>(label: string, fn: () => T): T => {
    const p = ctx.log.progress();
    p.start(label, 0);
    try {
      return fn();
    } finally {
      p.stop();
    }
  };
  const gaps = timed('Menghitung kesenjangan kompetensi', () => computeGaps(data));
  const jp = timed(`Menghitung JP tahun ${tahunJp}`, () => computeJp(data, tahunJp));
  const ikm = timed('Menghitung IKM', () => computeIkm(data.skm));
  const evaluation = timed('Mengevaluasi pelatihan', () => evaluate(data));
  const summary = buildLeaderSummary(data, gaps, jp, ikm);
  const p = ctx.log.progress();
  p.start(`Menyusun jadwal pelatihan tahun ${tahun}`, 0);
  let schedule: ScheduleReport | undefined;
  let scheduleError: string | undefined;
  try {
    schedule = await planSchedule(data, gaps, { tahun, now: ctx.startedAt });
  } catch (err) {
    // the rest of the cycle stands on its own: report and go on
    scheduleError = err instanceof Error ? err.message : String(err);
    ctx.log.info(`Penjadwalan gagal: ${scheduleError}`);
  } finally {
    p.stop();
  }
  const cycle = buildCycle({
    data,
    gaps,
    ikm,
    evaluation,
    summary,
    ...(schedule ? { schedule } : {}),
    dihitung: ctx.startedAt.toISOString(),
  });
  return { tahun, gaps, jp, ikm, evaluation, summary, schedule, scheduleError, cycle };
}

// ---------------------------------------------------------------- documents

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

// ---------------------------------------------------------------- Firestore

interface FirestoreTarget {
  db: Firestore;
  target: 'emulator-dalam-proses' | 'emulator' | 'firestore';
  /** host:port of an emulator, or the project id */
  location: string;
  /** how the text report names it */
  description: string;
  /** the in-process emulator's data folder and what was loaded from it */
  data?: { dir: string; fresh: boolean; loaded: StoreStats; save(at: Date): Promise<StoreStats> };
  close(): Promise<void>;
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
}

async function openFirestore(ctx: CommandContext): Promise<FirestoreTarget> {
  const env = ctx.io.env;
  const project = env.GOOGLE_CLOUD_PROJECT ?? env.GCLOUD_PROJECT;
  const emulatorHost = env.FIRESTORE_EMULATOR_HOST;
  const { data, fresh } = ctx.options;
  if ((emulatorHost || project) && (data !== undefined || fresh)) {
    throw new Error(
      `--data dan --fresh hanya berlaku untuk emulator dalam proses; data disimpan oleh ${emulatorHost ? `emulator di ${emulatorHost}` : `Firestore proyek ${project}`}.`,
    );
  }
  if (emulatorHost) {
    const projectId = project ?? LOCAL_PROJECT;
    return {
      db: connectFirestore({ projectId, emulatorHost }),
      target: 'emulator',
      location: emulatorHost,
      description: `emulator Firestore di ${emulatorHost} (proyek ${projectId})`,
      close: closeFirestoreConnections,
    };
  }
  if (project) {
    return {
      db: connectFirestore({ projectId: project }),
      target: 'firestore',
      location: project,
      description: `Firestore proyek ${project}`,
      close: closeFirestoreConnections,
    };
  }
  const input = (await ctx.load()).path;
  const dir = data !== undefined ? resolve(ctx.io.cwd, data) : join(dirname(input), DATA_DIR);
  const emulator = await startEmbeddedEmulator();
  let loaded: StoreStats = { documents: 0, bytes: 0, ms: 0 };
  try {
    if (!fresh) loaded = await loadStore(dir, emulator.state);
  } catch (err) {
    await emulator.stop();
    throw err;
  }
  ctx.log.info(
    `Emulator Firestore dalam proses berjalan di ${emulator.address}; data ${fresh ? 'dimulai kosong' : loaded.documents > 0 ? `dimuat dari ${join(dir, STORE_FILE)} (${num(loaded.documents)} dokumen)` : 'baru'}.`,
  );
  return {
    db: connectFirestore({ projectId: LOCAL_PROJECT, emulatorHost: emulator.address }),
    target: 'emulator-dalam-proses',
    location: emulator.address,
    description: `emulator Firestore dalam proses di ${emulator.address} (data di ${dir})`,
    data: { dir, fresh, loaded, save: (at) => saveStore(dir, emulator.state, at) },
    async close() {
      await closeFirestoreConnections();
      await emulator.stop();
    },
  };
}

/** How long to wait for a first answer from Firestore before giving up (the client retries forever). */
const REACH_TIMEOUT_MS = { emulator: 10_000, firestore: 30_000 } as const;

/**
 * One read before the writes: an unreachable emulator or a project without credentials fails
 * here, fast and in Indonesian, instead of after the client's long retries.
 */
async function reachable(fs: FirestoreTarget, tenant: string, runId: string): Promise<void> {
  // an emulator: a plain TCP connect first (a gRPC call to a closed port would hold the process)
  if (fs.target !== 'firestore' && !(await tcpOpen(fs.location, 3000))) {
    throw new Error(
      `Firestore tidak dapat dihubungi: tidak ada yang mendengarkan di ${fs.location} (${fs.description}).`,
    );
  }
  const ms = fs.target === 'firestore' ? REACH_TIMEOUT_MS.firestore : REACH_TIMEOUT_MS.emulator;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${fs.description} tidak menjawab dalam ${ms / 1000} detik.`)),
      ms,
    );
  });
  try {
    await Promise.race([fs.db.doc(`tenants/${tenant}/${COLLECTIONS.runs}/${runId}`).get(), timeout]);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new Error(`Firestore tidak dapat dihubungi: ${message}`);
  } finally {
    clearTimeout(timer);
  }
}

/** true when something accepts a TCP connection at `host:port` within `ms`. */
function tcpOpen(address: string, ms: number): Promise<boolean> {
  const colon = address.lastIndexOf(':');
  const host = address.slice(0, colon).replace(/^\[|\]$/g, '') || '127.0.0.1';
  const port = Number(address.slice(colon + 1));
  if (colon < 0 || !Number.isInteger(port)) return Promise.resolve(false);
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(ms, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

interface FirestoreWrite {
  target: FirestoreTarget['target'];
  location: string;
  description: string;
  counts: Record<string, number>;
  data?: DataReport;
  /** every cycle kept (this one included), oldest first: the trend */
  cycles: CycleDoc[];
}

async function writeFirestore(
  ctx: CommandContext,
  tenant: string,
  runId: string,
  input: LoadedInput,
  docs: DocSet,
): Promise<FirestoreWrite> {
  const fs = await openFirestore(ctx);
  const store = createStore(fs.db, tenant);
  const counts: Record<string, number> = {};
  const total = [...docs.values()].reduce((a, d) => a + d.length, 0);
  const { errors } = input.validation;
  let caller = 'cli';
  try {
    caller = `cli:${userInfo().username}@${hostname()}`;
  } catch {
    // no user database entry (some containers): keep "cli"
  }
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
      ...(message ? { message } : {}),
    });
  try {
    await reachable(fs, tenant, runId);
  } catch (err) {
    await fs.close();
    throw err;
  }
  const progress = ctx.log.progress('dokumen');
  progress.start('Menulis ke Firestore', total);
  try {
    let before = 0;
    for (const [collection, list] of docs) {
      const written = await store.writeDocs(collection, list, (n) => progress.tick(before + n));
      counts[collection] = written;
      before += list.length;
      progress.tick(before);
    }
    progress.stop();
    // the earlier years (and this one, as written) for the trend; a damaged year is left out, said
    const stored = await readCycles(store);
    for (const bad of stored.invalid) ctx.log.info(`Siklus ${bad.id} dilewati: ${bad.message}`);
    await audit(errors.length > 0 ? 'selesai dengan galat' : 'selesai');
    let data: DataReport | undefined;
    if (fs.data) {
      // only a completed run is kept: a failure leaves the previous year's data as it was
      const saving = ctx.log.progress();
      saving.start(`Menyimpan data lokal ke ${fs.data.dir}`, 0);
      try {
        const saved = await fs.data.save(ctx.io.now());
        data = {
          path: fs.data.dir,
          fresh: fs.data.fresh,
          loaded: fs.data.loaded.documents,
          saved: saved.documents,
          bytes: saved.bytes,
          loadMs: Math.round(fs.data.loaded.ms),
          saveMs: Math.round(saved.ms),
        };
      } finally {
        saving.stop();
      }
    }
    return {
      target: fs.target,
      location: fs.location,
      description: fs.description,
      counts,
      ...(data ? { data } : {}),
      cycles: stored.cycles,
    };
  } catch (err) {
    progress.stop();
    const message = err instanceof Error ? err.message : String(err);
    await audit('gagal', message).catch(() => undefined);
    throw new Error(`gagal menulis ke ${fs.description}: ${message}`);
  } finally {
    await fs.close();
  }
}

// ---------------------------------------------------------------- report

const COLLECTION_LABELS: Partial<Record<string, string>> = {
  employees: 'pegawai',
  competencies: 'kamus kompetensi',
  standards: 'standar kompetensi',
  assessments: 'penilaian',
  trainings: 'riwayat pelatihan',
  courses: 'katalog pelatihan',
  budgets: 'anggaran',
  skm: 'jawaban SKM',
  reactions: 'evaluasi reaksi',
  tests: 'tes',
  behaviours: 'evaluasi perilaku',
  holidays: 'hari libur',
  rooms: 'ruang',
  preferences: 'preferensi',
  settings: 'pengaturan',
  quarantine: 'baris dikarantina',
  gaps: 'kesenjangan per pegawai',
  gapsOpd: 'kesenjangan per OPD',
  jp: 'JP per pegawai',
  jpOpd: 'JP per OPD',
  ikm: 'IKM per unit dan periode',
  evaluations: 'evaluasi per sesi',
  sessions: 'sesi terjadwal',
  enrollments: 'peserta sesi',
  plans: 'rencana pengembangan individu',
  summary: 'ringkasan pimpinan',
  cycles: 'indikator per tahun (tren)',
};

interface RunJson {
  runId: string;
  tenant: string;
  tahun: number;
  input: { path: string; sha256: string };
  firestore: {
    target: string;
    location: string;
    collections: Record<string, number>;
    documents: number;
    runDoc: string;
    data?: DataReport;
  };
  summary: { path: string; sheets: string[]; charts: number };
  staff: { path: string; sheets: string[] };
  schedule: { sessions: number; peserta: number } | { error: string };
  quarantined: number;
}

function runText(json: RunJson, validation: ValidationResult): string {
  const { errors } = validation;
  const prefix = `tenants/${json.tenant}/`;
  const rows = Object.entries(json.firestore.collections).map(([c, n]) => [
    `${prefix}${c}`,
    COLLECTION_LABELS[c] ?? '',
    num(n),
  ]);
  rows.push(['Jumlah', '', num(json.firestore.documents)]);
  const where =
    json.firestore.target === 'firestore'
      ? `Firestore proyek ${json.firestore.location}`
      : json.firestore.target === 'emulator'
        ? `emulator Firestore di ${json.firestore.location}`
        : json.firestore.data
          ? `emulator Firestore dalam proses; data disimpan di ${json.firestore.data.path} (${num(json.firestore.data.saved)} dokumen, ${num(json.firestore.data.loaded)} dimuat dari siklus sebelumnya)`
          : `emulator Firestore dalam proses di ${json.firestore.location}`;
  return blocks(
    heading(`Siklus bangkom tahun ${json.tahun} selesai`),
    [
      `Masukan  : ${json.input.path}`,
      `SHA-256  : ${json.input.sha256}`,
      `Firestore: ${where}`,
      `Audit    : ${json.firestore.runDoc}`,
      `Jadwal   : ${'error' in json.schedule ? `gagal disusun (${json.schedule.error})` : `${num(json.schedule.sessions)} sesi, ${num(json.schedule.peserta)} peserta`}`,
    ].join('\n'),
    table([{ header: 'Koleksi' }, { header: 'Isi' }, { header: 'Dokumen', right: true }], rows),
    errorsText(errors),
    validityLine(errors),
    inputNotes(validation),
    `Ringkasan pimpinan: ${json.summary.path}\n  lembar: ${json.summary.sheets.join(', ')}; ${num(json.summary.charts)} grafik`,
    `Rencana BKPSDM (data pribadi, hanya untuk BKPSDM): ${json.staff.path}\n  lembar: ${json.staff.sheets.join(', ')}`,
  );
}
