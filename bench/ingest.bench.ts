/**
 * ingestResponse throughput: 10,000 form submissions posted over loopback HTTP (keep-alive,
 * bounded concurrency, as Apps Script triggers fire in parallel) to the real handler (token
 * check, zod, core validation, coalesced commits, a run document per call), next to raw
 * batched writes of the same documents (the very documents the handler stored: same ids, same
 * count, same size) into the same kind of emulator.
 *
 * The emulator runs in its own process, as Firestore is a separate service in production:
 * in-process it would share one event loop (and functions-framework's per-request domain
 * hooks) with the function. Every measurement gets a fresh emulator, since the pure-JS
 * emulator slows down as a collection grows and every path must start from the same state.
 * The batched path and the raw baseline are measured alternately, ROUNDS times each (a single
 * 1-second run on a shared 2-core machine varies by 15 %), and the median of each is compared.
 * Two ways of posting: one submission per call (onFormSubmit) and MAX_BATCH per call (a bulk
 * import). Target: docs/s of ingestResponse >= 0.8 x raw docs/s.
 * `BENCH_INGEST_N`, `BENCH_INGEST_CONCURRENCY`, `BENCH_INGEST_BATCH_CONCURRENCY`,
 * `BENCH_INGEST_ROUNDS` and `BENCH_INGEST_MODES` (batch,single) change the size and what runs;
 * `BENCH_INGEST_EMULATOR=inprocess` puts the emulator back in the bench's process (the whole
 * path on one event loop, for comparison).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { type Agent, request } from 'node:http';
import { createInterface } from 'node:readline';
import type { Doc } from '@bangkom/core';
import type { Firestore } from 'firebase-admin/firestore';
import { startEmulator } from '../functions/src/adapters/emulator';
import { createStore } from '../functions/src/adapters/firestore';
import { type LocalIssuer, startLocalIssuer } from '../functions/src/adapters/local-issuer';
import { MAX_BATCH } from '../functions/src/handlers/schemas';
import { fmt } from './format';
import { startIngestServer } from './ingest-server';

export const name = 'ingestResponse: 10.000 respons formulir vs tulis batch mentah';

const N = Number(process.env.BENCH_INGEST_N ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_INGEST_CONCURRENCY ?? 64);
const BATCH_CONCURRENCY = Number(process.env.BENCH_INGEST_BATCH_CONCURRENCY ?? 8);
const MODES = (process.env.BENCH_INGEST_MODES ?? 'batch,single').split(',');
/** measurements of the batched path and of the raw writes, alternating */
const ROUNDS = Math.max(1, Number(process.env.BENCH_INGEST_ROUNDS ?? 5));
const TARGET = 0.8;
const CLIENT = 'bangkom-bench.apps.googleusercontent.com';
const STAF = 'staf@sawahlunto.go.id';
const CHILD_FLAG = 'BANGKOM_BENCH_EMULATOR_CHILD';
/** `child` (default): the emulator in its own process; `inprocess`: in the bench's own event loop. */
const EMULATOR_MODE = process.env.BENCH_INGEST_EMULATOR === 'inprocess' ? 'inprocess' : 'child';

const nip = (i: number) => `19800101200501${i % 2 ? 1 : 2}${String(i % 1000).padStart(3, '0')}`;
const submission = (i: number) => ({
  sheet: 'Penilaian',
  responseId: `bench-${i}`,
  timestamp: new Date(Date.UTC(2026, 2, 1, 2, 0, i % 3600)).toISOString(),
  values: {
    NIP: nip(i),
    // a form's Asesmen counts only from a listed assessor, an Atasan rating only with its
    // rater's NIP (checked against Pegawai at ingest): the forms send Diri and Atasan
    Sumber: i % 3 === 1 ? 'Atasan' : 'Diri',
    ...(i % 3 === 1 ? { 'NIP Penilai': '197501012000031002' } : {}),
    'M.01 Integritas': (i % 5) + 1,
    'M.02 Kerjasama': ((i + 1) % 5) + 1,
    'M.03 Komunikasi': ((i + 2) % 5) + 1,
    'M.04 Orientasi pada Hasil': ((i + 3) % 5) + 1,
  },
});

// ---- the emulator in a child process -------------------------------------------------------

interface ChildEmulator {
  address: string;
  /** CPU time (user + system, µs) the emulator has used so far */
  cpu(): Promise<number>;
  stop(): Promise<void>;
}

/** Starts the embedded emulator in a child process (this file, run with CHILD_FLAG). */
export async function startChildEmulator(): Promise<ChildEmulator> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', __filename], {
    env: { ...process.env, [CHILD_FLAG]: '1' },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const cpuWaiters: ((micros: number) => void)[] = [];
  const address = await new Promise<string>((resolve, reject) => {
    lines.on('line', (line) => {
      const m = /^EMULATOR (\S+)$/.exec(line);
      if (m?.[1]) resolve(m[1]);
      const c = /^CPU (\d+)$/.exec(line);
      if (c?.[1]) cpuWaiters.shift()?.(Number(c[1]));
    });
    child.once('exit', (code) => reject(new Error(`emulator anak berhenti (kode ${code})`)));
    child.once('error', reject);
  });
  return {
    address,
    cpu: () =>
      new Promise<number>((resolve) => {
        cpuWaiters.push(resolve);
        child.stdin?.write('cpu\n');
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.stdin?.end(); // the child stops when its stdin closes
      }),
  };
}

async function runChild(): Promise<void> {
  const emulator = await startEmulator();
  process.stdout.write(`EMULATOR ${emulator.address}\n`);
  createInterface({ input: process.stdin }).on('line', () => {
    const { user, system } = process.cpuUsage();
    process.stdout.write(`CPU ${user + system}\n`);
  });
  process.stdin.on('end', () => {
    void emulator.stop().then(() => process.exit(0));
  });
}

// ---- phases --------------------------------------------------------------------------------

interface Phase {
  db: Firestore;
  url: string;
  token: string;
  agent: Agent;
}

let phaseNo = 0;

/** A fresh emulator and function server for one measurement; returns seconds taken by `work`. */
async function phase<T>(
  issuer: LocalIssuer,
  work: (p: Phase) => Promise<void>,
  after: (db: Firestore) => Promise<T>,
): Promise<{ seconds: number; result: T; cpu: { bench: number; emulator: number | undefined } }> {
  const child = EMULATOR_MODE === 'child' ? await startChildEmulator() : undefined;
  const emulator = child ?? (await startEmulator());
  const project = `bench-bangkom-${++phaseNo}`;
  const srv = await startIngestServer({
    emulatorAddress: emulator.address,
    project,
    clientId: CLIENT,
    issuer,
    staf: STAF,
    maxSockets: CONCURRENCY,
  });
  const { db } = srv;
  const p: Phase = { db, url: srv.url, token: srv.token, agent: srv.agent };
  try {
    // warm-up outside the clock, for every path alike: certificates, membership and
    // dictionary caches, JIT of the handler, the client and the emulator
    for (let i = 0; i < 20; i++)
      await post(p, { tenant: 'sawahlunto', ...submission(i), responseId: `warm-${i}` });
    await createStore(db, 'sawahlunto').writeDocs(
      'warmup',
      Array.from({ length: 500 }, (_, i) => ({ id: `w${i}`, data: { n: i } })),
    );
    const c0 = process.cpuUsage();
    const e0 = await child?.cpu();
    const t0 = performance.now();
    await work(p);
    const seconds = (performance.now() - t0) / 1000;
    const c1 = process.cpuUsage(c0);
    const e1 = await child?.cpu();
    const cpu = {
      bench: c1.user + c1.system,
      emulator: e0 === undefined || e1 === undefined ? undefined : e1 - e0,
    };
    return { seconds, result: await after(db), cpu };
  } finally {
    await srv.close();
    await emulator.stop();
  }
}

/** POSTs JSON (an object, or its text made before the clock starts) over the keep-alive agent; throws unless 200. */
function post(p: Phase, body: object | string): Promise<Record<string, unknown>> {
  const payload = typeof body === 'string' ? body : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      p.url,
      {
        method: 'POST',
        agent: p.agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          authorization: `Bearer ${p.token}`,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode !== 200) reject(new Error(`HTTP ${res.statusCode}: ${text.slice(0, 300)}`));
          else resolve(JSON.parse(text) as Record<string, unknown>);
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** The stored assessments with the prefix; throws unless there are exactly N. */
async function storedAssessments(db: Firestore, prefix: string): Promise<Doc[]> {
  const snap = await db.collection('tenants/sawahlunto/assessments').get();
  const docs = snap.docs.filter((d) => d.id.startsWith(prefix)).map((d) => ({ id: d.id, data: d.data() }));
  if (docs.length !== N) throw new Error(`expected ${N} assessments ${prefix}*, found ${docs.length}`);
  return docs;
}

/**
 * The request bodies, as JSON text made before the clock starts: the load generator's work is
 * not the function's (in production the callers are Apps Script runs on Google's machines).
 */
const singleBodies = () =>
  Array.from({ length: N }, (_, i) => JSON.stringify({ tenant: 'sawahlunto', ...submission(i) }));
const batchBodies = () =>
  Array.from({ length: Math.ceil(N / MAX_BATCH) }, (_, b) => {
    const from = b * MAX_BATCH;
    const count = Math.min(MAX_BATCH, N - from);
    const submissions = Array.from({ length: count }, (_, k) => submission(from + k));
    return { count, payload: JSON.stringify({ tenant: 'sawahlunto', submissions }) };
  });

async function single(issuer: LocalIssuer) {
  const bodies = singleBodies();
  return phase(
    issuer,
    async (p) => {
      let next = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < N) {
            const i = next++;
            const body = await post(p, bodies[i] as string);
            if (body.stored !== true) throw new Error(`bench-${i}: ${JSON.stringify(body)}`);
          }
        }),
      );
    },
    (db) => storedAssessments(db, 'bench-'),
  );
}

async function batched(issuer: LocalIssuer) {
  const bodies = batchBodies();
  return phase(
    issuer,
    async (p) => {
      let next = 0;
      await Promise.all(
        Array.from({ length: BATCH_CONCURRENCY }, async () => {
          while (next < bodies.length) {
            const b = next++;
            const { count, payload } = bodies[b] as { count: number; payload: string };
            const body = await post(p, payload);
            if (body.stored !== count) {
              throw new Error(`batch ${b}: ${JSON.stringify(body).slice(0, 300)}`);
            }
          }
        }),
      );
    },
    (db) => storedAssessments(db, 'bench-'),
  );
}

/** The same documents the handler stored, written raw: 500 per commit, 4 commits in flight. */
async function raw(issuer: LocalIssuer, docs: readonly Doc[]) {
  return phase(
    issuer,
    async ({ db }) => {
      await createStore(db, 'sawahlunto').writeDocs('assessments', docs);
    },
    (db) => storedAssessments(db, 'bench-'),
  );
}

type Measured = { seconds: number; cpu: { bench: number; emulator: number | undefined } };

/** The run of median time (the upper middle one of an even count). */
function median(runs: readonly Measured[]): Measured {
  const sorted = [...runs].sort((a, b) => a.seconds - b.seconds);
  return sorted[Math.floor(sorted.length / 2)] as Measured;
}

export async function run(): Promise<void> {
  const issuer = await startLocalIssuer();
  try {
    // the documents of the baseline are those the handler stores, read back from a first run
    // (which is also the first batched measurement)
    const first = await batched(issuer);
    const docs = first.result;
    const bytes = docs.reduce((s, d) => s + JSON.stringify(d.data).length, 0) / docs.length;
    // the batched path and the raw writes alternate, ROUNDS each, so that a busy moment of the
    // shared machine falls on both alike; the median of each counts
    const raws: Measured[] = [];
    const batches: Measured[] = MODES.includes('batch') ? [first] : [];
    for (let r = 0; r < ROUNDS; r++) {
      raws.push(await raw(issuer, docs));
      if (MODES.includes('batch') && batches.length < ROUNDS) batches.push(await batched(issuer));
    }
    const singleRun = MODES.includes('single') ? await single(issuer) : undefined;
    const rawRun = median(raws);
    const rawRate = N / rawRun.seconds;
    const row = (jalur: string, m: Measured, runs: readonly Measured[]) => {
      const rate = N / m.seconds;
      return {
        jalur,
        respons: N,
        kali: runs.length,
        'detik (median)': fmt(m.seconds, 2),
        'detik (min-maks)': `${fmt(Math.min(...runs.map((x) => x.seconds)), 2)}–${fmt(Math.max(...runs.map((x) => x.seconds)), 2)}`,
        'dok/detik': fmt(rate),
        rasio: fmt(rate / rawRate, 2),
        target: `>= ${fmt(TARGET, 2)} ${rate / rawRate >= TARGET ? '(tercapai)' : '(belum)'}`,
        'CPU bench µs/dok': fmt(m.cpu.bench / N),
        'CPU emulator µs/dok': m.cpu.emulator === undefined ? '–' : fmt(m.cpu.emulator / N),
      };
    };
    const rows = [];
    if (batches.length > 0) {
      rows.push(
        row(
          `ingestResponse, ${MAX_BATCH} per panggilan, ${BATCH_CONCURRENCY} paralel`,
          median(batches),
          batches,
        ),
      );
    }
    if (singleRun)
      rows.push(row(`ingestResponse, 1 per panggilan, ${CONCURRENCY} paralel`, singleRun, [singleRun]));
    rows.push(row('tulis batch mentah (500 per commit, 4 paralel)', rawRun, raws));
    console.table(rows);
    console.log(
      `rasio = dok/detik ingestResponse / dok/detik tulis batch mentah dari ${N} dokumen yang sama ` +
        `(ID dan isi yang disimpan ingestResponse, rata-rata ${fmt(bytes)} bita JSON) ke emulator ` +
        `Firestore ${EMULATOR_MODE === 'child' ? 'di proses terpisah' : 'di proses yang sama'}, baru untuk tiap pengukuran. ` +
        `Jalur batch dan tulis mentah diukur bergantian ${ROUNDS} kali; median waktunya yang dipakai. ` +
        'Tiap panggilan ingestResponse memeriksa token, memvalidasi, menulis satu dokumen per respons, dan ' +
        'satu dokumen runs; isi permintaan (JSON) disiapkan sebelum jam mulai. ' +
        'CPU bench = proses bench (fungsi dan klien HTTP, atau penulis mentah); CPU emulator = proses emulator.',
    );
    const singleEmu = singleRun?.cpu.emulator;
    if (singleEmu !== undefined && rawRun.cpu.emulator !== undefined) {
      // one response per call writes two documents (the record and the call's run document):
      // the emulator alone then bounds the ratio, whatever the function costs
      console.log(
        `1 per panggilan: tiap panggilan menulis 2 dokumen (respons dan dokumen runs-nya), sehingga CPU emulator ` +
          `${fmt(singleEmu / N)} µs/respons vs ${fmt(rawRun.cpu.emulator / N)} µs/dok mentah; ` +
          `batas atas rasionya karena emulator saja = ${fmt(rawRun.cpu.emulator / singleEmu, 2)}. ` +
          'Target 0,8 hanya terjangkau bila satu dokumen runs terbagi atas banyak respons (jalur batch).',
      );
    }
  } finally {
    await issuer.close();
  }
}

if (require.main === module && process.env[CHILD_FLAG] === '1') {
  runChild().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
