/**
 * The province-size workbook (50,000 ASN, 300 courses) for the benches, generated once and
 * cached under bench/.cache/ (gitignored). The file name carries the options and a hash of
 * the generator's sources, so a change of either builds a new file instead of reusing a
 * stale one.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { generatorSources } from './generator-sources.js';
import { generateProgram, PROVINCE_OPTIONS } from './program.js';
import type { ProgramOptions } from './program-types.js';
import { writeWorkbookXlsx } from './xlsx.js';

/**
 * Hash of everything that decides the generated cells and bytes: every source file the generator
 * imports, followed through its imports (generator-sources.ts), and the versions of the packages
 * that write the file. `root` is the repository root.
 */
export function generatorVersion(root = join(__dirname, '..')): string {
  const h = createHash('sha256');
  const { files, packages } = generatorSources(root);
  for (const f of files) {
    h.update(f);
    h.update('\0');
    h.update(readFileSync(join(root, f)));
    h.update('\0');
  }
  h.update(packages.join('\n'));
  return h.digest('hex').slice(0, 10);
}

export const CACHE_DIR = join(__dirname, '..', 'bench', '.cache');

/** Options part of a cached file name; the generator version follows as `-v<hash>.xlsx`. */
function optionsStem(opts: ProgramOptions): string {
  const parts = [`asn${opts.employees}`, `seed${opts.seed}`, `kursus${opts.courses ?? 'bawaan'}`];
  if (opts.tahun !== undefined) parts.push(`tahun${opts.tahun}`);
  if (opts.tahunJp !== undefined) parts.push(`tahunjp${opts.tahunJp}`);
  if (opts.sessions !== undefined) parts.push(`sesi${opts.sessions}`);
  if (opts.skmScale !== undefined) parts.push(`skm${opts.skmScale}`);
  if (opts.invalidRows === false) parts.push('bersih');
  if (opts.trainers !== undefined) parts.push(`pengajar${opts.trainers}`);
  if (opts.rooms !== undefined) parts.push(`ruang${opts.rooms}`);
  if (opts.provinceLimits) parts.push('batasprovinsi');
  return `program-${parts.join('-')}`;
}

export function cachedWorkbookPath(opts: ProgramOptions, dir = CACHE_DIR): string {
  return join(dir, `${optionsStem(opts)}-v${generatorVersion()}.xlsx`);
}

/**
 * Returns the path of a cached generated workbook, writing it first when absent (or `force`).
 * Defaults to PROVINCE_OPTIONS in bench/.cache/; any ProgramOptions work (e.g. the 2,500-ASN size).
 */
export async function ensureProvinceWorkbook(
  opts: {
    options?: ProgramOptions;
    force?: boolean;
    dir?: string;
    onStatus?: (message: string) => void;
  } = {},
): Promise<string> {
  const options = opts.options ?? PROVINCE_OPTIONS;
  const dir = opts.dir ?? CACHE_DIR;
  const path = cachedWorkbookPath(options, dir);
  if (existsSync(path) && !opts.force) return path;
  mkdirSync(dir, { recursive: true });
  opts.onStatus?.(`Membuat buku kerja ${options.employees} ASN di ${path} ...`);
  const raw = generateProgram(options);
  const tmp = `${path}.tmp`;
  await writeWorkbookXlsx(raw, tmp);
  await rename(tmp, path); // a killed run never leaves a half-written cache file
  // drop workbooks of the same options written by older generator sources
  const stale = new RegExp(
    `^${optionsStem(options).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-v[0-9a-f]{10}\\.xlsx$`,
  );
  for (const f of readdirSync(dir)) {
    if (f !== basename(path) && stale.test(f)) rmSync(join(dir, f), { force: true });
  }
  return path;
}
