/**
 * `bangkom <command> <workbook.xlsx | folder of CSVs> [--json] [--out DIR] [--tenant T] [--strict] [--tahun Y]`
 *
 * Exit status (docs/cli.md): 0 done, 1 the input has invalid rows (the result still
 * lists every valid result and every error), 2 the input cannot be read, bad usage, or the
 * command could not complete. With --json stdout carries exactly one JSON document; progress
 * and messages go to stderr.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { WorkbookReadError } from '../adapters/workbook-file.js';
import { userMessage } from '../failure.js';
import { parseCliArgs } from './args.js';
import { COMMANDS, findCommand } from './commands/index.js';
import { type CommandContext, type CommandOutcome, createLoader } from './context.js';
import { type CliIo, createLogger, printable, processIo } from './io.js';

export function usage(): string {
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(12)} ${c.summary}`);
  return [
    'Penggunaan: bangkom <perintah> <buku-kerja.xlsx | folder CSV> [pilihan]',
    '           bangkom hapus-data <NIP> [--ya] [--tenant T] [--data DIR] [--json]',
    '',
    'Perintah:',
    ...lines,
    '',
    'Pilihan:',
    '  --json         cetak satu dokumen JSON di stdout (kemajuan dan pesan di stderr)',
    '  --out DIR      folder keluaran (bawaan: out); ringkasan pimpinan untuk run, <perintah>.json untuk lainnya',
    '  --tenant T     tenant Firestore untuk run (bawaan: sawahlunto)',
    '  --strict       run keluar dengan status 1 bila ada baris tidak sah',
    '  --tahun Y      tahun anggaran (bawaan: Pengaturan.Tahun, lalu tahun berjalan)',
    '  --data DIR     run: folder data Firestore lokal (bawaan: .bangkom di samping buku kerja)',
    '  --fresh        run: mulai dengan data Firestore lokal kosong (data lama ditimpa di akhir)',
    '  --semua        export-siasn: tulis juga baris yang sudah diekspor sebelumnya',
    '  --ya           hapus-data: benar-benar menghapus (tanpa ini hanya menampilkan yang akan dihapus)',
    '  --ulang        schedule: susun ulang di sekitar sesi di <out>/schedule.json yang sudah dimulai atau diumumkan',
    '',
    'Status keluar: 0 selesai, 1 ada baris tidak sah, 2 masukan tidak dapat dibaca atau penggunaan salah.',
  ].join('\n');
}

/** The `bangkom` command (bin/bangkom.js calls this); resolves to the exit status. */
export async function main(argv: string[]): Promise<number> {
  let settled = false;
  // a reader that waits for bytes that never come leaves nothing to run: Node would exit 0
  // with nothing printed; say so and exit 2 instead
  const stalled = () => {
    if (settled) return;
    settled = true;
    process.stderr.write(
      'Perintah berhenti sebelum selesai: masukan tidak dapat dibaca sampai habis (berkas rusak atau terpotong?).\n',
    );
    process.exitCode = 2;
  };
  process.once('beforeExit', stalled);
  try {
    return await runCli(argv, processIo());
  } finally {
    settled = true;
    process.removeListener('beforeExit', stalled);
  }
}

/** The command with its world passed in (tests give their own streams, clock and environment). */
export async function runCli(argv: readonly string[], rawIo: CliIo): Promise<number> {
  const io = terminalSafe(rawIo);
  const wantsJson = argv.includes('--json');
  const fail = (code: string, message: string, withUsage = false): number => {
    io.stderr.write(`${message}\n${withUsage ? `\n${usage()}\n` : ''}`);
    if (wantsJson) io.stdout.write(`${JSON.stringify({ error: { code, message } })}\n`);
    return 2;
  };

  const parsed = parseCliArgs(argv);
  if (parsed.kind === 'help') {
    io.stdout.write(`${usage()}\n`);
    return 0;
  }
  if (parsed.kind === 'error') return fail('PENGGUNAAN', parsed.message, true);
  const { options } = parsed;

  const found = findCommand(options.command);
  if (!found) return fail('PENGGUNAAN', `Perintah tidak dikenal: "${options.command}".`, true);

  // the progress bar draws with escape codes of its own: it gets the raw stream
  const log = createLogger(rawIo);
  const ctx: CommandContext = {
    options,
    io,
    log,
    startedAt: io.now(),
    load: createLoader(options, io, log),
  };

  let outcome: CommandOutcome;
  try {
    outcome = await found.execute(ctx);
  } catch (err) {
    if (err instanceof WorkbookReadError) return fail(err.code, err.message);
    if (io.env.BANGKOM_DEBUG && err instanceof Error && err.stack) {
      io.stderr.write(`${err.stack}\n`);
      if (err.cause instanceof Error && err.cause.stack) io.stderr.write(`${err.cause.stack}\n`);
    }
    return fail('GAGAL', `Perintah "${options.command}" gagal: ${userMessage(err)}`);
  }

  if (options.out !== undefined && options.command !== 'run') {
    const dir = resolve(io.cwd, options.out);
    const file = join(dir, `${options.command}.json`);
    await mkdir(dir, { recursive: true });
    await writeFile(file, `${JSON.stringify(outcome.json, null, 2)}\n`);
    log.info(`Hasil disimpan di ${file}`);
  }
  io.stdout.write(options.json ? `${JSON.stringify(outcome.json)}\n` : `${outcome.text}\n`);
  return outcome.exitCode;
}

/**
 * The same world, with every control character escaped before it reaches stdout or stderr:
 * a cell holding ESC [2J must not clear the screen of the person reading the report. JSON
 * stays valid (C0 controls are already escaped by JSON.stringify; \uXXXX is a JSON escape).
 */
function terminalSafe(io: CliIo): CliIo {
  const wrap = (s: CliIo['stdout']): CliIo['stdout'] => ({
    write: (chunk: string) => s.write(printable(chunk)),
    ...(s.isTTY !== undefined ? { isTTY: s.isTTY } : {}),
  });
  return { ...io, stdout: wrap(io.stdout), stderr: wrap(io.stderr) };
}
