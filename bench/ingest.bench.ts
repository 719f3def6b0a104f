/**
 * ingestResponse throughput: 10,000 form submissions posted over loopback HTTP to the real
 * handler (token check, zod, core validation, coalesced commits, a run document per call),
 * against the embedded Firestore, next to raw batched writes of the same number of
 * documents. Each measurement gets a fresh emulator: the pure-JS emulator slows down as a
 * collection grows, and every path must start from the same state.
 * Two ways of posting: one submission per call (onFormSubmit) and MAX_BATCH per call (the
 * Antrian retry). Target: docs/s of ingestResponse >= 0.8 x raw docs/s.
 * `BENCH_INGEST_N` and `BENCH_INGEST_CONCURRENCY` change the size.
 */
import type { AddressInfo } from 'node:net';
import { http } from '@google-cloud/functions-framework';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import type { Firestore } from 'firebase-admin/firestore';
import { putMember } from '../functions/src/adapters/auth';
import {
  closeFirestoreConnections,
  connectFirestore,
  startEmulator,
} from '../functions/src/adapters/emulator';
import { createStore } from '../functions/src/adapters/firestore';
import { type LocalIssuer, startLocalIssuer } from '../functions/src/adapters/local-issuer';
import { loadConfig } from '../functions/src/config';
import { ingestResponse } from '../functions/src/handlers/ingest-response';
import { MAX_BATCH } from '../functions/src/handlers/schemas';
import { createDeps } from '../functions/src/runtime';

export const name = 'ingestResponse: 10.000 respons formulir vs tulis batch mentah';

const N = Number(process.env.BENCH_INGEST_N ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_INGEST_CONCURRENCY ?? 128);
const CLIENT = 'bangkom-bench.apps.googleusercontent.com';
const STAF = 'staf@sawahlunto.go.id';

const nip = (i: number) => `19800101200501${i % 2 ? 1 : 2}${String(i % 1000).padStart(3, '0')}`;
const submission = (i: number) => ({
  sheet: 'Penilaian',
  responseId: `bench-${i}`,
  timestamp: new Date(Date.UTC(2026, 2, 1, 2, 0, i % 3600)).toISOString(),
  values: {
    NIP: nip(i),
    Sumber: ['Diri', 'Atasan', 'Asesmen'][i % 3],
    'M.01 Integritas': (i % 5) + 1,
    'M.02 Kerjasama': ((i + 1) % 5) + 1,
    'M.03 Komunikasi': ((i + 2) % 5) + 1,
    'M.04 Orientasi pada Hasil': ((i + 3) % 5) + 1,
  },
});

interface Phase {
  db: Firestore;
  url: string;
  token: string;
}

let phaseNo = 0;

/** A fresh emulator and function server for one measurement; returns seconds taken by `work`. */
async function phase(
  issuer: LocalIssuer,
  work: (p: Phase) => Promise<void>,
  check: (db: Firestore) => Promise<void>,
) {
  const emulator = await startEmulator();
  const project = `bench-bangkom-${++phaseNo}`;
  const deps = createDeps(
    loadConfig({
      GOOGLE_CLOUD_PROJECT: project,
      FIRESTORE_EMULATOR_HOST: emulator.address,
      BANGKOM_OAUTH_CLIENT_ID: CLIENT,
      BANGKOM_CERTS_URL: issuer.certsUrl,
    }),
  );
  const db = connectFirestore({ projectId: project, emulatorHost: emulator.address });
  await putMember(db, 'sawahlunto', STAF, { role: 'staf' });
  http('ingestResponse', ingestResponse(deps));
  const server = getTestServer('ingestResponse');
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const token = issuer.sign({ email: STAF, aud: CLIENT });
  try {
    // warm-up outside the clock: certificates, membership and dictionary caches, JIT
    for (let i = 0; i < 20; i++) await postOne({ db, url, token }, `warm-${i}`, i);
    const t0 = performance.now();
    await work({ db, url, token });
    const seconds = (performance.now() - t0) / 1000;
    await check(db);
    return seconds;
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await closeFirestoreConnections();
    await emulator.stop();
  }
}

async function postOne(p: Phase, responseId: string, i: number): Promise<void> {
  const res = await fetch(p.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${p.token}` },
    body: JSON.stringify({ tenant: 'sawahlunto', ...submission(i), responseId }),
  });
  const body = (await res.json()) as { stored?: boolean };
  if (res.status !== 200 || !body.stored)
    throw new Error(`${responseId}: ${res.status} ${JSON.stringify(body)}`);
}

async function expectAssessments(db: Firestore, prefix: string): Promise<void> {
  const snap = await db.collection('tenants/sawahlunto/assessments').get();
  const n = snap.docs.filter((d) => d.id.startsWith(prefix)).length;
  if (n !== N) throw new Error(`expected ${N} assessments ${prefix}*, found ${n}`);
}

export async function run(): Promise<void> {
  const issuer = await startLocalIssuer();
  try {
    const rawS = await phase(
      issuer,
      async ({ db }) => {
        const docs = Array.from({ length: N }, (_, i) => ({
          id: `raw-${i}`,
          data: {
            nip: nip(i),
            sumber: 'Diri',
            idRespons: `raw-${i}`,
            waktu: '2026-03-01T09:00:00',
            ratings: { 'M.01': 3 },
            row: 0,
          },
        }));
        await createStore(db, 'sawahlunto').writeDocs('assessments', docs);
      },
      (db) => expectAssessments(db, 'raw-'),
    );

    const singleS = await phase(
      issuer,
      async (p) => {
        let next = 0;
        await Promise.all(
          Array.from({ length: CONCURRENCY }, async () => {
            while (next < N) {
              const i = next++;
              await postOne(p, `one-${i}`, i);
            }
          }),
        );
      },
      (db) => expectAssessments(db, 'one-'),
    );

    const batchS = await phase(
      issuer,
      async (p) => {
        let next = 0;
        await Promise.all(
          Array.from({ length: 4 }, async () => {
            while (next < N) {
              const from = next;
              next += MAX_BATCH;
              const submissions = Array.from({ length: Math.min(MAX_BATCH, N - from) }, (_, k) => ({
                ...submission(from + k),
                responseId: `many-${from + k}`,
              }));
              const res = await fetch(p.url, {
                method: 'POST',
                headers: { 'content-type': 'application/json', authorization: `Bearer ${p.token}` },
                body: JSON.stringify({ tenant: 'sawahlunto', submissions }),
              });
              const body = (await res.json()) as { stored?: number };
              if (res.status !== 200 || body.stored !== submissions.length) {
                throw new Error(`batch at ${from}: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
              }
            }
          }),
        );
      },
      (db) => expectAssessments(db, 'many-'),
    );

    const rawRate = N / rawS;
    const row = (jalur: string, s: number) => ({
      jalur,
      dokumen: N,
      detik: +s.toFixed(2),
      'dok/detik': Math.round(N / s),
      rasio: +(N / s / rawRate).toFixed(2),
    });
    console.table([
      row(`ingestResponse, 1 respons per panggilan (${CONCURRENCY} paralel)`, singleS),
      row(`ingestResponse, ${MAX_BATCH} respons per panggilan (4 paralel)`, batchS),
      row('tulis batch mentah (500 per commit, 4 paralel)', rawS),
    ]);
    console.log(
      'rasio = dok/detik ingestResponse / dok/detik tulis mentah ke emulator yang sama (baru untuk tiap jalur); ' +
        'target >= 0.80. Tiap panggilan juga memeriksa token, memvalidasi, dan menulis satu dokumen runs.',
    );
  } finally {
    await issuer.close();
  }
}
