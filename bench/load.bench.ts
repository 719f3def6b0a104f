/**
 * ingestResponse under load: 200 clients at once over loopback HTTP (keep-alive), each posting
 * one form submission after another (as onFormSubmit triggers do) for 30 seconds, then stopping
 * by itself. The function is served by the Functions Framework with the request guard in
 * front, as deployed; the emulator runs in its own process (ingest.bench.ts's child). Prints
 * requests per second, latency percentiles, errors, and documents stored vs acknowledged (every
 * acknowledged submission must be stored). `BENCH_LOAD_CLIENTS` and `BENCH_LOAD_SECONDS` change
 * the load. Run it alone: `nice -n 10 npm run bench -- load`.
 */
import { type Agent, request } from 'node:http';
import { startLocalIssuer } from '../functions/src/adapters/local-issuer';
import { installRequestGuard } from '../functions/src/adapters/request-guard';
import { fmt } from './format';
import { startChildEmulator } from './ingest.bench';
import { startIngestServer } from './ingest-server';

export const name = 'ingestResponse di bawah beban: klien serentak, waktu terbatas';

const CLIENTS = Number(process.env.BENCH_LOAD_CLIENTS ?? 200);
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 30);
const CLIENT_ID = 'bangkom-load.apps.googleusercontent.com';
const STAF = 'staf@sawahlunto.go.id';

const submission = (i: number) =>
  JSON.stringify({
    tenant: 'sawahlunto',
    sheet: 'Penilaian',
    responseId: `load-${i}`,
    timestamp: new Date(Date.UTC(2026, 2, 1, 2, 0, i % 3600)).toISOString(),
    values: {
      NIP: `19800101200501${i % 2 ? 1 : 2}${String(i % 1000).padStart(3, '0')}`,
      // a form's Asesmen counts only from a listed assessor, an Atasan rating only with its
      // rater's NIP (checked against Pegawai at ingest): the forms send Diri and Atasan
      Sumber: i % 3 === 1 ? 'Atasan' : 'Diri',
      ...(i % 3 === 1 ? { 'NIP Penilai': '197501012000031002' } : {}),
      'M.01 Integritas': (i % 5) + 1,
      'M.02 Kerjasama': ((i + 1) % 5) + 1,
    },
  });

interface Answer {
  status: number;
  ms: number;
}

function post(url: string, agent: Agent, token: string, payload: string): Promise<Answer> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          authorization: `Bearer ${token}`,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0 }));
        res.on('error', () => resolve({ status: 0, ms: performance.now() - t0 }));
      },
    );
    req.on('error', () => resolve({ status: 0, ms: performance.now() - t0 }));
    req.end(payload);
  });
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export async function run(): Promise<void> {
  const emulator = await startChildEmulator();
  const issuer = await startLocalIssuer();
  installRequestGuard();
  const srv = await startIngestServer({
    emulatorAddress: emulator.address,
    project: 'bench-bangkom-load',
    clientId: CLIENT_ID,
    issuer,
    staf: STAF,
    maxSockets: CLIENTS,
  });
  const { deps, db, url, token, agent } = srv;
  try {
    for (let i = 0; i < 20; i++) await post(url, agent, token, submission(-1 - i));
    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    const acknowledged = new Set<string>();
    let next = 0;
    let rssMax = process.memoryUsage().rss;
    const t0 = performance.now();
    const deadline = t0 + SECONDS * 1000;
    const client = async () => {
      while (performance.now() < deadline) {
        const i = next++;
        const a = await post(url, agent, token, submission(i));
        latencies.push(a.ms);
        statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
        if (a.status === 200) acknowledged.add(`load-${i}`);
        if (i % 500 === 0) rssMax = Math.max(rssMax, process.memoryUsage().rss);
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, client));
    const seconds = (performance.now() - t0) / 1000;
    await deps.writer.flush();
    const storedIds = new Set(
      (await db.collection('tenants/sawahlunto/assessments').get()).docs
        .map((d) => d.id)
        .filter((id) => id.startsWith('load-') && !id.startsWith('load--')),
    );
    const lost = [...acknowledged].filter((id) => !storedIds.has(id)).length;
    const sorted = [...latencies].sort((a, b) => a - b);
    const errors = latencies.length - (statuses.get(200) ?? 0);
    const byStatus = [...statuses.entries()]
      .sort(([a], [b]) => a - b)
      .map(([s, n]) => `${s === 0 ? 'tanpa jawaban' : `HTTP ${s}`}: ${fmt(n)}`)
      .join(', ');
    console.table({
      klien: fmt(CLIENTS),
      'durasi (detik)': fmt(seconds, 1),
      permintaan: fmt(latencies.length),
      'permintaan/detik': fmt(latencies.length / seconds, 1),
      'p50 (ms)': fmt(percentile(sorted, 50), 1),
      'p90 (ms)': fmt(percentile(sorted, 90), 1),
      'p99 (ms)': fmt(percentile(sorted, 99), 1),
      'maks (ms)': fmt(sorted.at(-1) ?? Number.NaN, 1),
      galat: fmt(errors),
      'dijawab 200': fmt(acknowledged.size),
      'dokumen tersimpan': fmt(storedIds.size),
      'dijawab tetapi hilang': fmt(lost),
      'RSS maks proses bench (MB)': fmt(rssMax / 1024 / 1024, 0),
    });
    console.log(`Jawaban: ${byStatus}.`);
    console.log(
      'Satu respons per panggilan (pemicu onFormSubmit), fungsi lewat Functions Framework dengan penjaga ' +
        'permintaan, emulator Firestore di proses terpisah; tiap panggilan juga menulis satu dokumen runs. ' +
        'Latensi diukur klien (kirim sampai jawaban lengkap).',
    );
    if (lost > 0) throw new Error(`${lost} respons dijawab 200 tetapi tidak tersimpan`);
  } finally {
    await srv.close();
    await emulator.stop();
    await issuer.close();
  }
}
