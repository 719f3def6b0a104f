/** Command-line arguments of `bangkom`. */
import { parseArgs } from 'node:util';

export interface CliOptions {
  command: string;
  input: string;
  json: boolean;
  /** output folder; the summary workbook (run) and <command>.json (others) go here */
  out: string | undefined;
  tenant: string | undefined;
  strict: boolean;
  tahun: number | undefined;
  /** run: folder of the in-process emulator's data (default `.bangkom` beside the workbook) */
  data: string | undefined;
  /** run: start the in-process emulator empty instead of loading its data folder */
  fresh: boolean;
  /** export-siasn: write the rows exported before too */
  semua: boolean;
  /** hapus-data: really delete (without it the command only says what it would delete) */
  ya: boolean;
  /** schedule: re-plan around the sessions of `<out>/schedule.json` already started or announced */
  ulang: boolean;
}

export type ParsedArgs =
  | { kind: 'help' }
  | { kind: 'ok'; options: CliOptions }
  | { kind: 'error'; message: string };

/** Parses argv (without node and the script). Never throws: bad usage comes back as a message. */
export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (err) {
    return { kind: 'error', message: translate(err instanceof Error ? err.message : String(err)) };
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  const [command, input, ...rest] = positionals;
  if (!command) return { kind: 'error', message: 'Perintah belum diberikan.' };
  if (!input && command === 'hapus-data')
    return { kind: 'error', message: 'Perintah "hapus-data" memerlukan NIP pegawai yang datanya dihapus.' };
  if (!input)
    return { kind: 'error', message: `Perintah "${command}" memerlukan buku kerja (.xlsx) atau folder CSV.` };
  if (rest.length > 0) return { kind: 'error', message: `Argumen berlebih: ${rest.join(' ')}` };
  let tahun: number | undefined;
  if (values.tahun !== undefined) {
    tahun = Number(values.tahun);
    if (!Number.isInteger(tahun) || tahun < 1900 || tahun > 2999) {
      return { kind: 'error', message: `--tahun harus tahun empat digit, bukan "${values.tahun}".` };
    }
  }
  return {
    kind: 'ok',
    options: {
      command,
      input,
      json: values.json === true,
      out: values.out,
      tenant: values.tenant,
      strict: values.strict === true,
      tahun,
      data: values.data,
      fresh: values.fresh === true,
      semua: values.semua === true,
      ya: values.ya === true,
      ulang: values.ulang === true,
    },
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      json: { type: 'boolean' },
      out: { type: 'string' },
      tenant: { type: 'string' },
      strict: { type: 'boolean' },
      tahun: { type: 'string' },
      data: { type: 'string' },
      fresh: { type: 'boolean' },
      semua: { type: 'boolean' },
      ya: { type: 'boolean' },
      ulang: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

/** node:util's English messages -> Bahasa Indonesia. */
function translate(message: string): string {
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return `Pilihan tidak dikenal: ${unknown[1]}`;
  const missing = /Option '([^']+?)(?: <value>)?' argument missing/.exec(message);
  if (missing) return `Pilihan ${missing[1]} memerlukan nilai.`;
  const type =
    /Option '([^']+?)(?: <value>)?' argument is ambiguous|Option '([^']+)' does not take an argument/.exec(
      message,
    );
  if (type) return `Pilihan ${type[1] ?? type[2]} ditulis dengan cara yang tidak sah.`;
  return `Argumen tidak sah: ${message}`;
}
