/**
 * Workbook bench: how long `gaps`, `jp` and `ikm` take next to just reading the workbook.
 * Target: the computation adds less than the read itself.
 *
 * Sizes: the committed 2,500-ASN sample and the generated province-size workbook (50,000
 * ASN, 300 courses; cached in bench/.cache/, built on first run, about a minute).
 * `BENCH_ASN=10000 npm run bench -- workbook` benches another size instead of 50,000.
 */
import {
  computeGaps,
  computeIkm,
  computeJp,
  jpYear,
  type ValidationResult,
  validateWorkbook,
} from '@bangkom/core';
import { readWorkbookFile } from '../functions/src/adapters/workbook-file';
import { SAMPLE_PATH } from '../sheets-templates/generate';
import { PROVINCE_OPTIONS } from '../sheets-templates/program';
import { ensureProvinceWorkbook } from '../sheets-templates/province';

export const name = 'Buku kerja: baca, validasi, kesenjangan, JP, IKM';

interface Step {
  langkah: string;
  detik: number;
  /** true for the computations the target is about */
  komputasi: boolean;
}

const seconds = (t0: number): number => (performance.now() - t0) / 1000;

/** Best of `runs` (pure, deterministic steps: the minimum is the least disturbed by other load). */
function best(runs: number, fn: () => unknown): number {
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    min = Math.min(min, seconds(t0));
  }
  return min;
}

async function measure(path: string): Promise<{ steps: Step[]; pegawai: number; baris: number }> {
  const t0 = performance.now();
  const raw = await readWorkbookFile(path);
  const baca = seconds(t0);
  const baris = Object.values(raw).reduce((n, sheet) => n + Math.max(0, sheet.length - 1), 0);

  let result: ValidationResult | undefined;
  const validasi = best(1, () => {
    result = validateWorkbook(raw);
  });
  if (!result) throw new Error('validasi tidak menghasilkan apa pun');
  const data = result.data;
  const tahun = jpYear(data.settings) ?? 2026;
  return {
    pegawai: data.employees.length,
    baris,
    steps: [
      { langkah: 'baca buku kerja (.xlsx)', detik: baca, komputasi: false },
      { langkah: 'validasi + pemetaan baris', detik: validasi, komputasi: false },
      { langkah: 'gaps (kesenjangan)', detik: best(3, () => computeGaps(data)), komputasi: true },
      { langkah: `jp (tahun ${tahun})`, detik: best(3, () => computeJp(data, tahun)), komputasi: true },
      { langkah: 'ikm (SKM)', detik: best(3, () => computeIkm(data.skm)), komputasi: true },
    ],
  };
}

function print(title: string, m: { steps: Step[]; pegawai: number; baris: number }): void {
  const read = m.steps[0]?.detik ?? Number.NaN;
  const komputasi = m.steps.filter((s) => s.komputasi).reduce((t, s) => t + s.detik, 0);
  const rows = [
    ...m.steps.map((s) => [s.langkah, s.detik.toFixed(3), (s.detik / read).toFixed(3)]),
    ['gaps + jp + ikm', komputasi.toFixed(3), (komputasi / read).toFixed(3)],
  ];
  const head = ['Langkah', 'Detik', 'Rasio thd. baca'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(
    `\n${title}: ${m.pegawai.toLocaleString('id-ID')} ASN valid, ${m.baris.toLocaleString('id-ID')} baris data`,
  );
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
  console.log(
    komputasi < read
      ? `Target tercapai: komputasi (${komputasi.toFixed(2)} s) lebih singkat daripada membaca (${read.toFixed(2)} s).`
      : `Target BELUM tercapai: komputasi (${komputasi.toFixed(2)} s) tidak lebih singkat daripada membaca (${read.toFixed(2)} s).`,
  );
}

export async function run(): Promise<void> {
  print('Sampel Sawahlunto', await measure(SAMPLE_PATH));
  const employees = Number(process.env.BENCH_ASN ?? PROVINCE_OPTIONS.employees);
  if (!Number.isInteger(employees) || employees <= 0)
    throw new Error(`BENCH_ASN tidak sah: ${process.env.BENCH_ASN}`);
  const options = { ...PROVINCE_OPTIONS, employees };
  const path = await ensureProvinceWorkbook({ options, onStatus: (m) => console.log(m) });
  print(`Skala provinsi (${path})`, await measure(path));
}
