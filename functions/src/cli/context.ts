/**
 * What every command receives, and the shared first step: read the workbook and validate it.
 * A command module (one file per command under ./commands/) exports `command: CommandModule`.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import {
  type CellError,
  isBlankCell,
  type RawWorkbook,
  type ValidationResult,
  validateWorkbook,
} from '@bangkom/core';
import { readWorkbookFile, WorkbookReadError } from '../adapters/workbook-file.js';
import type { CliOptions } from './args.js';
import type { CliIo, Logger } from './io.js';

export interface CommandContext {
  options: CliOptions;
  io: CliIo;
  log: Logger;
  /** the clock, read once when the command started */
  startedAt: Date;
  /** reads and validates the input once (later calls return the same result) */
  load(): Promise<LoadedInput>;
}

export interface LoadedInput {
  /** absolute path of the workbook or folder */
  path: string;
  // the raw cells are not kept: at 50,000 ASN they are about 165 MB that no step reads after the
  // validation (a memoised load would hold them through the whole run)
  validation: ValidationResult;
  /** sha256 (hex) of the input's bytes (a folder: of each CSV's name and bytes, sorted) */
  checksum: string;
}

export interface CommandOutcome {
  /** the JSON document printed with --json */
  json: unknown;
  /** the human-readable report printed without --json */
  text: string;
  exitCode: 0 | 1 | 2;
}

export interface CommandModule {
  name: string;
  /** one line for the usage text, Bahasa Indonesia */
  summary: string;
  execute(ctx: CommandContext): Promise<CommandOutcome>;
}

export function createLoader(options: CliOptions, io: CliIo, log: Logger): () => Promise<LoadedInput> {
  let loaded: Promise<LoadedInput> | undefined;
  return () => {
    loaded ??= load(resolve(io.cwd, options.input), log);
    return loaded;
  };
}

async function load(path: string, log: Logger): Promise<LoadedInput> {
  const info = await stat(path).catch(() => undefined);
  const reading = log.progress(info?.isFile() ? 'byte' : 'berkas');
  reading.start('Membaca buku kerja', info?.isFile() ? info.size : 0);
  let raw: RawWorkbook;
  try {
    raw = await readWorkbookFile(path, { onProgress: (done) => reading.tick(done) });
  } finally {
    reading.stop();
  }
  const checksum = await checksumOf(path);
  const validating = log.progress('baris');
  const rows = Object.values(raw).reduce((n, sheet) => n + Math.max(0, sheet.length - 1), 0);
  const dataRows = Object.values(raw).reduce(
    (n, sheet) => n + sheet.slice(1).filter((r) => r.some((c) => !isBlankCell(c))).length,
    0,
  );
  if (dataRows === 0) {
    // a blank template or an emptied export: nothing to check, compute or store
    throw new WorkbookReadError(
      'TANPA_DATA',
      path,
      `"${path}" tidak berisi satu pun baris data (hanya baris judul atau lembar kosong); tidak ada yang diolah.`,
    );
  }
  validating.start('Memeriksa isian', rows);
  let validation: ValidationResult;
  try {
    validation = validateWorkbook(raw);
    validating.tick(rows);
  } finally {
    validating.stop();
  }
  return { path, validation, checksum };
}

async function checksumOf(path: string): Promise<string> {
  const hash = createHash('sha256');
  const info = await stat(path);
  if (info.isDirectory()) {
    const files = (await readdir(path)).filter((f) => extname(f).toLowerCase() === '.csv').sort();
    for (const f of files) {
      hash.update(f);
      hash.update('\0');
      hash.update(await readFile(join(path, f)));
      hash.update('\0');
    }
  } else {
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  }
  return hash.digest('hex');
}

/** Exit status of an analysis command: 1 when the input had invalid rows. */
export function exitFor(errors: readonly CellError[]): 0 | 1 {
  return errors.length > 0 ? 1 : 0;
}
