/**
 * One `bangkom run` for the scale bench (bench/scale.bench.ts), in a process of its own so that
 * its peak memory is its own: `tsx bench/scale-child.ts <workbook> <data folder> <out folder> [--fresh]`
 * (a rerun uses the first run's data and out folders, as a user would).
 * Prints one JSON line: the time of each step the run reports on stderr (measured here, to the
 * millisecond, between the step's start and end lines), the wall and CPU time, the peak RSS as the
 * kernel counts it, and the run's Firestore figures.
 */
import type { CliIo } from '../functions/src/cli/io';
import { runCli } from '../functions/src/cli/main';

export interface ChildResult {
  /** step label (as the run prints it) -> seconds */
  steps: Record<string, number>;
  wall: number;
  /** CPU time of the process (user + system), seconds: less sensitive to a busy machine than wall */
  cpu: number;
  /** peak resident set size, MB */
  peakMb: number;
  firestore: { documents: number; written: number; unchanged: number; removed: number };
  /** loading the data folder, seconds (not a progress step of its own) */
  loadData: number;
}

async function main(): Promise<void> {
  const [workbook, data, out, ...rest] = process.argv.slice(2);
  if (!workbook || !data || !out) {
    throw new Error('pakai: scale-child.ts <buku kerja> <folder data> <folder keluaran> [--fresh]');
  }
  const steps: Record<string, number> = {};
  const started = new Map<string, number>();
  let stdout = '';
  let line = '';
  const io: CliIo = {
    stdout: {
      write: (s: string) => {
        stdout += s;
        return true;
      },
    },
    stderr: {
      write: (s: string) => {
        const now = performance.now();
        line += s;
        for (let nl = line.indexOf('\n'); nl >= 0; nl = line.indexOf('\n')) {
          const text = line.slice(0, nl);
          line = line.slice(nl + 1);
          const end = /^(.*): selesai \(/.exec(text);
          if (end?.[1] && started.has(end[1])) {
            steps[end[1]] = (steps[end[1]] ?? 0) + (now - (started.get(end[1]) ?? now)) / 1000;
          } else {
            const begin = /^(.*?)(?: \([^)]*\))?…$/.exec(text);
            if (begin?.[1]) started.set(begin[1], now);
          }
        }
        return true;
      },
    },
    env: {},
    now: () => new Date(),
    cwd: process.cwd(),
  };
  const t0 = performance.now();
  const code = await runCli(['run', workbook, '--json', '--out', out, '--data', data, ...rest], io);
  const wall = (performance.now() - t0) / 1000;
  const json = JSON.parse(stdout) as {
    error?: { message: string };
    firestore?: ChildResult['firestore'] & { data?: { loadMs: number } };
  };
  if (code !== 0 || !json.firestore)
    throw new Error(`bangkom run gagal (${code}): ${json.error?.message ?? ''}`);
  const { documents, written, unchanged, removed } = json.firestore;
  const usage = process.resourceUsage();
  const result: ChildResult = {
    steps,
    wall,
    cpu: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
    peakMb: usage.maxRSS / 1024,
    firestore: { documents, written, unchanged, removed },
    loadData: (json.firestore.data?.loadMs ?? 0) / 1000,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
