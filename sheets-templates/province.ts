/**
 * The province-size workbook (50,000 ASN, 300 courses) for the benches, generated once and
 * cached under bench/.cache/ (gitignored). The file name carries the options and a generator
 * version, so a change of either builds a new file instead of reusing a stale one.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { generateProgram, PROVINCE_OPTIONS, type ProgramOptions } from './program.js';
import { writeWorkbookXlsx } from './xlsx.js';

/** Bump when the generator's output changes, so cached bench workbooks are rebuilt. */
export const GENERATOR_VERSION = 1;

export const CACHE_DIR = join(__dirname, '..', 'bench', '.cache');

export function cachedWorkbookPath(opts: ProgramOptions): string {
  const parts = [
    `asn${opts.employees}`,
    `seed${opts.seed}`,
    `kursus${opts.courses ?? 'bawaan'}`,
    `v${GENERATOR_VERSION}`,
  ];
  if (opts.tahun !== undefined) parts.push(`tahun${opts.tahun}`);
  if (opts.invalidRows === false) parts.push('bersih');
  return join(CACHE_DIR, `program-${parts.join('-')}.xlsx`);
}

/**
 * Returns the path of a cached generated workbook, writing it first when absent (or `force`).
 * Defaults to PROVINCE_OPTIONS; any ProgramOptions work (e.g. the 2,500-ASN size).
 */
export async function ensureProvinceWorkbook(
  opts: { options?: ProgramOptions; force?: boolean; onStatus?: (message: string) => void } = {},
): Promise<string> {
  const options = opts.options ?? PROVINCE_OPTIONS;
  const path = cachedWorkbookPath(options);
  if (existsSync(path) && !opts.force) return path;
  mkdirSync(CACHE_DIR, { recursive: true });
  opts.onStatus?.(`Membuat buku kerja ${options.employees} ASN di ${path} ...`);
  const raw = generateProgram(options);
  const tmp = `${path}.tmp`;
  await writeWorkbookXlsx(raw, tmp);
  await rename(tmp, path); // a killed run never leaves a half-written cache file
  return path;
}
