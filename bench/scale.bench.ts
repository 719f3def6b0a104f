/**
 * Scale bench: `bangkom run` at 2,500 (the Sawahlunto sample), 10,000 and 50,000 ASN, each a
 * first run on an empty data folder and an unchanged rerun, every run in a process of its own
 * (bench/scale-child.ts) under `nice`, one at a time. Prints the time of each step, the
 * Firestore documents written and unchanged, wall time and peak RSS, the growth between sizes,
 * and the scale targets:
 * - 50,000 ASN first run under 120 s and 2 GB;
 * - an unchanged rerun under 1.5x its read + validate + compute time;
 * - growth 10,000 -> 50,000 under 5.5x (wall time of the first run).
 * The machine's load (load average) is printed beside every run: figures from a busy machine
 * are slower than the code.
 *
 * `BENCH_SCALE=2500,10000 npm run bench -- scale` runs only those sizes.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { num } from '../functions/src/cli/format';
import { SAMPLE_PATH } from '../sheets-templates/generate';
import { PROVINCE_OPTIONS } from '../sheets-templates/program';
import { ensureProvinceWorkbook } from '../sheets-templates/province';
import type { ChildResult } from './scale-child';

export const name = 'Skala: bangkom run pada 2.500 / 10.000 / 50.000 ASN, pertama dan ulang tanpa perubahan';

const SIZES = [2_500, 10_000, 50_000];

/** Report rows: a label and which of the run's steps it adds up (by the start of their label). */
const ROWS: [string, string[]][] = [
  ['baca buku kerja', ['Membaca buku kerja']],
  ['validasi', ['Memeriksa isian']],
  [
    'komputasi (hadir, gaps, JP, IKM, evaluasi)',
    ['Menghitung kehadiran', 'Menghitung kesenjangan', 'Menghitung JP', 'Menghitung IKM', 'Mengevaluasi'],
  ],
  ['jadwal', ['Menyusun jadwal']],
  ['Firestore: muat data lokal', []],
  ['Firestore: tulis', ['Menulis ke Firestore']],
  ['Firestore: simpan data lokal', ['Menyimpan data lokal']],
  ['ringkasan + rencana (xlsx)', ['Menulis ringkasan pimpinan', 'Menulis rencana staf']],
];

interface Measured {
  asn: number;
  first: ChildResult;
  again: ChildResult;
  load: string;
}

/** The machine's load average (1/5/15 minutes), in id_ID. */
export const load = (): string =>
  loadavg()
    .map((l) => num(l, 2, true))
    .join(' / ');

function stepSum(r: ChildResult, prefixes: string[], label: string): number {
  if (label === 'Firestore: muat data lokal') return r.loadData;
  let s = 0;
  for (const [step, secs] of Object.entries(r.steps)) if (prefixes.some((p) => step.startsWith(p))) s += secs;
  return s;
}

function child(workbook: string, data: string, out: string, fresh: boolean): ChildResult {
  const args = ['-n', '10', process.execPath, '--import', 'tsx', join(__dirname, 'scale-child.ts')];
  args.push(workbook, data, out, ...(fresh ? ['--fresh'] : []));
  const printed = execFileSync('nice', args, {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, METADATA_SERVER_DETECTION: 'none' },
  });
  return JSON.parse(printed.trim().split('\n').at(-1) ?? '{}') as ChildResult;
}

/** The workbook of `asn` ASN: the sample at 2,500, else the province generator's (cached). */
export async function workbookFor(asn: number): Promise<string> {
  if (asn === 2_500) return SAMPLE_PATH;
  return ensureProvinceWorkbook({
    options: { ...PROVINCE_OPTIONS, employees: asn },
    onStatus: (m) => console.log(m),
  });
}

function table(head: string[], rows: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

const secs = (s: number) => num(s, 1, true);
const readValidateCompute = (r: ChildResult) =>
  ROWS.slice(0, 3).reduce((a, [label, p]) => a + stepSum(r, p, label), 0);

function print(all: Measured[]): void {
  const head = ['Langkah (detik)', ...all.flatMap((m) => [`${num(m.asn)} pertama`, `${num(m.asn)} ulang`])];
  const rows = ROWS.map(([label, prefixes]) => [
    label,
    ...all.flatMap((m) => [secs(stepSum(m.first, prefixes, label)), secs(stepSum(m.again, prefixes, label))]),
  ]);
  rows.push(['waktu total (wall)', ...all.flatMap((m) => [secs(m.first.wall), secs(m.again.wall)])]);
  rows.push(['waktu CPU (user + sys)', ...all.flatMap((m) => [secs(m.first.cpu), secs(m.again.cpu)])]);
  rows.push(['RSS puncak (MB)', ...all.flatMap((m) => [num(m.first.peakMb), num(m.again.peakMb)])]);
  rows.push([
    'dokumen ditulis',
    ...all.flatMap((m) => [num(m.first.firestore.written), num(m.again.firestore.written)]),
  ]);
  rows.push([
    'dokumen tidak berubah',
    ...all.flatMap((m) => [num(m.first.firestore.unchanged), num(m.again.firestore.unchanged)]),
  ]);
  console.log();
  table(head, rows);
  console.log(
    `Beban mesin (load average 1/5/15 menit) per ukuran: ${all.map((m) => `${num(m.asn)} ASN: ${m.load}`).join('; ')}`,
  );

  for (let i = 1; i < all.length; i++) {
    const a = all[i - 1] as Measured;
    const b = all[i] as Measured;
    const ratio = (x: number, y: number) => (x > 0 ? `${num(y / x, 2, true)}x` : '–');
    console.log(
      `\nPertumbuhan ${num(a.asn)} -> ${num(b.asn)} ASN (data ${num(b.asn / a.asn, 1, true)}x), proses pertama:`,
    );
    table(
      ['Langkah', 'Rasio'],
      [
        ...ROWS.map(([label, p]) => [label, ratio(stepSum(a.first, p, label), stepSum(b.first, p, label))]),
        ['dokumen', ratio(a.first.firestore.documents, b.first.firestore.documents)],
        ['waktu total (wall)', ratio(a.first.wall, b.first.wall)],
        ['waktu CPU (user + sys)', ratio(a.first.cpu, b.first.cpu)],
        ['RSS puncak', ratio(a.first.peakMb, b.first.peakMb)],
      ],
    );
  }

  console.log('\nTarget skala:');
  const big = all.find((m) => m.asn === 50_000);
  const mid = all.find((m) => m.asn === 10_000);
  const verdict = (ok: boolean) => (ok ? 'TERCAPAI' : 'BELUM');
  if (big) {
    console.log(
      `- 50.000 ASN proses pertama < 120 dtk: ${secs(big.first.wall)} dtk, ${verdict(big.first.wall < 120)}`,
    );
    console.log(
      `- 50.000 ASN RSS puncak < 2 GB: ${num(big.first.peakMb)} MB pertama, ${num(big.again.peakMb)} MB ulang, ${verdict(Math.max(big.first.peakMb, big.again.peakMb) < 2048)}`,
    );
  }
  for (const m of all) {
    const base = readValidateCompute(m.again);
    console.log(
      `- ${num(m.asn)} ASN proses ulang < 1,5x (baca + validasi + komputasi = ${secs(base)} dtk): ${secs(m.again.wall)} dtk = ${num(m.again.wall / base, 2, true)}x, ${verdict(m.again.wall < 1.5 * base)}`,
    );
  }
  if (big && mid) {
    const g = big.first.wall / mid.first.wall;
    const c = big.first.cpu / mid.first.cpu;
    console.log(
      `- pertumbuhan 10.000 -> 50.000 < 5,5x: ${num(g, 2, true)}x (waktu CPU ${num(c, 2, true)}x), ${verdict(g < 5.5)}`,
    );
  }
}

/** The sizes to measure: BENCH_SCALE (e.g. `2500,10000`), else 2,500 / 10,000 / 50,000. */
export function benchSizes(): number[] {
  const sizes = process.env.BENCH_SCALE
    ? process.env.BENCH_SCALE.split(',').map((s) => Number(s.trim()))
    : SIZES;
  for (const s of sizes) if (!Number.isInteger(s) || s <= 0) throw new Error(`BENCH_SCALE tidak sah: ${s}`);
  return sizes;
}

export async function run(): Promise<void> {
  const sizes = benchSizes();
  const all: Measured[] = [];
  for (const asn of sizes) {
    const workbook = await workbookFor(asn);
    const data = mkdtempSync(join(tmpdir(), `bangkom-skala-${asn}-`));
    // the rerun writes into the first run's --out, as a user would (what it may reuse is there)
    const out = join(data, 'keluaran');
    try {
      const before = load();
      console.log(`${num(asn)} ASN: proses pertama (beban ${before}) ...`);
      const first = child(workbook, data, out, true);
      console.log(`${num(asn)} ASN: proses ulang tanpa perubahan ...`);
      const again = child(workbook, data, out, false);
      all.push({ asn, first, again, load: `${before} -> ${load()}` });
      // each size as soon as it is measured: a long 50,000 run stopped midway keeps the others
      print(all.slice(-1));
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  }
  if (all.length > 1) print(all);
}
