/**
 * Reads the program workbook from disk into the core's RawWorkbook (sheet name -> 2-D array,
 * header row first, array index i = sheet row i + 1).
 *
 * Two sources: an `.xlsx` file (exceljs) or a folder of CSV files named after the sheets
 * (`Pegawai.csv`, `Riwayat Pelatihan.csv`, ...). A single `.csv` file is read as one sheet.
 *
 * `.xlsx` goes through exceljs' streaming reader first: on a 50,000-ASN workbook it is about
 * twice as fast as the in-memory reader and uses a sixth of the memory. The streaming reader
 * depends on the zip's entry order (sheet names, date styles) and loses the text of formula
 * errors, so when it cannot be trusted for a file we read that file again in memory: both
 * readers give the same workbook.
 */
import { createReadStream } from 'node:fs';
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { type Cell, isBlankCell, type RawSheet, type RawWorkbook, serialToDate } from '@bangkom/core';
import ExcelJS from 'exceljs';

export type WorkbookReadErrorCode =
  | 'TIDAK_ADA' // path does not exist
  | 'BUKAN_BUKU_KERJA' // not an xlsx / csv / folder of csv
  | 'XLS_LAMA' // legacy binary .xls
  | 'RUSAK' // corrupt xlsx
  | 'CSV_RUSAK' // malformed csv
  | 'FOLDER_KOSONG' // folder without csv files
  | 'TANPA_DATA'; // readable, but not one data row on any sheet

/** The input cannot be read at all (the CLI exits 2). Message in Bahasa Indonesia. */
export class WorkbookReadError extends Error {
  override readonly name = 'WorkbookReadError';
  constructor(
    readonly code: WorkbookReadErrorCode,
    readonly path: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface ReadOptions {
  /** bytes read so far of the total; called often, keep it cheap */
  onProgress?: (done: number, total: number) => void;
  /** force the in-memory exceljs reader (tests, comparisons) */
  reader?: 'stream' | 'memory';
  /** told which reader produced the result (the streaming one, or the in-memory one) */
  onReader?: (reader: 'stream' | 'memory') => void;
}

/** Reads an `.xlsx` workbook, a folder of CSVs, or one CSV file. Throws WorkbookReadError. */
export async function readWorkbookFile(path: string, opts: ReadOptions = {}): Promise<RawWorkbook> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (err) {
    throw new WorkbookReadError('TIDAK_ADA', path, `Berkas atau folder "${path}" tidak ditemukan.`, {
      cause: err,
    });
  }
  if (info.isDirectory()) return readCsvFolder(path, opts);
  if (extname(path).toLowerCase() === '.csv') {
    const sheet = await readCsvFile(path);
    opts.onProgress?.(info.size, info.size);
    return { [basename(path, extname(path))]: sheet };
  }
  return readXlsx(path, info.size, opts);
}

// ---------------------------------------------------------------- xlsx

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

async function readXlsx(path: string, size: number, opts: ReadOptions): Promise<RawWorkbook> {
  const head = Buffer.alloc(4);
  const fh = await open(path, 'r');
  try {
    await fh.read(head, 0, 4, 0);
  } finally {
    await fh.close();
  }
  const starts = (magic: number[]) => magic.every((b, i) => head[i] === b);
  if (starts(OLE_MAGIC)) {
    throw new WorkbookReadError(
      'XLS_LAMA',
      path,
      `"${path}" adalah berkas Excel lama (.xls). Simpan ulang sebagai buku kerja Excel (.xlsx) lalu coba lagi.`,
    );
  }
  if (!starts(ZIP_MAGIC)) {
    throw new WorkbookReadError(
      'BUKAN_BUKU_KERJA',
      path,
      `"${path}" bukan buku kerja Excel (.xlsx), folder CSV, atau berkas CSV.`,
    );
  }
  await checkZipDirectory(path, size);
  if (opts.reader !== 'memory') {
    try {
      const streamed = await readXlsxStreaming(path, size, opts);
      if (streamed) {
        opts.onReader?.('stream');
        return streamed;
      }
    } catch {
      // the in-memory reader below gives the definitive answer (and the error message)
    }
  }
  const read = await readXlsxInMemory(path, size, opts);
  opts.onReader?.('memory');
  return read;
}

/**
 * The zip's central directory, read before any reader sees the file: a file cut short has
 * none (exceljs' streaming reader would wait forever for the rest), and a zip that is not a
 * workbook has no `xl/workbook.xml` (exceljs would fail with a raw TypeError).
 */
async function checkZipDirectory(path: string, size: number): Promise<void> {
  const damaged = () =>
    new WorkbookReadError(
      'RUSAK',
      path,
      `"${path}" rusak atau terpotong: daftar isi arsip .xlsx tidak lengkap. Simpan ulang atau salin lagi berkasnya, lalu coba lagi.`,
    );
  // the end-of-central-directory record: 22 bytes plus a comment of up to 65,535 bytes
  const tailSize = Math.min(size, 22 + 65_535);
  const tail = Buffer.alloc(tailSize);
  const fh = await open(path, 'r');
  try {
    await fh.read(tail, 0, tailSize, size - tailSize);
    let eocd = -1;
    for (let i = tailSize - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw damaged();
    const entries = tail.readUInt16LE(eocd + 10);
    const dirSize = tail.readUInt32LE(eocd + 12);
    const dirOffset = tail.readUInt32LE(eocd + 16);
    if (dirOffset + dirSize > size - (tailSize - eocd) || dirSize > 64 * 1024 * 1024) throw damaged();
    const dir = Buffer.alloc(dirSize);
    await fh.read(dir, 0, dirSize, dirOffset);
    let at = 0;
    let workbook = false;
    for (let n = 0; n < entries; n++) {
      if (at + 46 > dirSize || dir.readUInt32LE(at) !== 0x02014b50) throw damaged();
      const nameLength = dir.readUInt16LE(at + 28);
      const name = dir.toString('utf8', at + 46, at + 46 + nameLength);
      if (name === 'xl/workbook.xml') workbook = true;
      at += 46 + nameLength + dir.readUInt16LE(at + 30) + dir.readUInt16LE(at + 32);
    }
    if (!workbook) {
      throw new WorkbookReadError(
        'BUKAN_BUKU_KERJA',
        path,
        `"${path}" adalah arsip zip, tetapi bukan buku kerja Excel (.xlsx): tidak ada xl/workbook.xml di dalamnya.`,
      );
    }
  } finally {
    await fh.close();
  }
}

interface StreamReaderInternals {
  model?: { sheets?: unknown[] };
  styles: unknown;
  properties?: { date1904?: boolean };
}

/**
 * Streaming read. Returns undefined when the zip's entry order kept the reader from knowing
 * the sheet names or the date styles of a sheet (the caller then reads the file in memory).
 */
async function readXlsxStreaming(
  path: string,
  size: number,
  opts: ReadOptions,
): Promise<RawWorkbook | undefined> {
  const input = createReadStream(path);
  let done = 0;
  if (opts.onProgress) {
    const report = opts.onProgress;
    input.on('data', (chunk) => {
      done += chunk.length;
      report(done, size);
    });
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore', // a hyperlink cell's value is its text
    styles: 'cache', // needed to tell dates from numbers
    entries: 'ignore',
  });
  const internals = reader as unknown as StreamReaderInternals;
  const initialStyles = internals.styles;
  const out: RawWorkbook = {};
  let trusted = true;
  try {
    for await (const ws of reader) {
      const sheetName = (ws as unknown as { name?: string }).name;
      // a sheet streamed before workbook.xml or styles.xml lost its name or its date formats
      if (!internals.model?.sheets || internals.styles === initialStyles || !sheetName) trusted = false;
      const date1904 = internals.properties?.date1904 === true;
      const rows: Cell[][] = [];
      for await (const row of ws) {
        // the streaming reader parses a formula's error result (#N/A, #REF!) as NaN: its text
        // is lost, and only the in-memory reader can say what the cell shows
        if (trusted && lostFormulaError(row)) trusted = false;
        rows[row.number - 1] = rowValues(row, date1904);
      }
      if (sheetName) out[sheetName] = densify(rows);
    }
  } finally {
    input.destroy();
  }
  if (!trusted || Object.keys(out).length === 0) return undefined;
  return out;
}

/** A formula whose error result (#N/A, #REF!, ...) the streaming reader turned into NaN. */
function lostFormulaError(row: ExcelJS.Row): boolean {
  const raw = row.values as unknown[];
  for (let c = 1; c < raw.length; c++) {
    if (!isFormula(raw[c])) continue;
    const result: unknown = row.getCell(c).result;
    if (typeof result === 'number' && Number.isNaN(result)) return true;
  }
  return false;
}

async function readXlsxInMemory(path: string, size: number, opts: ReadOptions): Promise<RawWorkbook> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch (err) {
    throw new WorkbookReadError(
      'RUSAK',
      path,
      `"${path}" tidak dapat dibaca sebagai buku kerja Excel (.xlsx): berkas rusak atau bukan .xlsx.`,
      { cause: err },
    );
  }
  if (!wb.properties) {
    throw new WorkbookReadError(
      'RUSAK',
      path,
      `"${path}" rusak: bagian buku kerja (xl/workbook.xml) tidak terbaca.`,
    );
  }
  const date1904 = wb.properties.date1904 === true;
  const out: RawWorkbook = {};
  for (const ws of wb.worksheets) {
    const rows: Cell[][] = [];
    ws.eachRow({ includeEmpty: false }, (row) => {
      rows[row.number - 1] = rowValues(row, date1904);
    });
    out[ws.name] = densify(rows);
  }
  if (wb.worksheets.length === 0) {
    throw new WorkbookReadError('RUSAK', path, `"${path}" tidak berisi satu lembar kerja pun.`);
  }
  opts.onProgress?.(size, size);
  return out;
}

const isFormula = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && ('formula' in v || 'sharedFormula' in v);

function rowValues(row: ExcelJS.Row, date1904: boolean): Cell[] {
  // row.values is 1-based and sparse; objects (formulas, rich text, links) need the cell's format
  const raw = row.values as unknown[];
  const values: Cell[] = new Array(Math.max(0, raw.length - 1));
  for (let c = 1; c < raw.length; c++) {
    let v = raw[c];
    if (typeof v === 'object' && v !== null && !(v instanceof Date)) {
      const cell = row.getCell(c);
      // a formula's value leaves out a falsy result (0, false, ''); the cell keeps it
      if (isFormula(v)) v = { ...v, result: cell.result };
      values[c - 1] = cellValue(v, cell.numFmt, date1904);
    } else {
      values[c - 1] = cellValue(v, undefined, date1904);
    }
  }
  return values;
}

/** Excel's 1904 date system counts from 1904-01-01: 1462 days after the 1900 system's day 0. */
const EXCEL_1904_OFFSET = 1462;

/** exceljs' test: a number format with date/time characters outside quotes and brackets. */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const bare = fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhsb]/i.test(bare.replace(/General/gi, ''));
}

/** One exceljs cell value -> a plain Cell: formulas give their cached result, rich text and links their text. */
export function cellValue(value: unknown, numFmt: string | undefined, date1904: boolean): Cell {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'object': {
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
      const v = value as Record<string, unknown>;
      if ('formula' in v || 'sharedFormula' in v || 'result' in v) {
        const result = v.result;
        // the streaming reader leaves a date-formatted formula result as a serial number
        if (typeof result === 'number' && Number.isFinite(result) && isDateFormat(numFmt)) {
          return serialToDate(result + (date1904 ? EXCEL_1904_OFFSET : 0));
        }
        if (typeof result === 'object' && result !== null && 'error' in result) {
          return String((result as { error: unknown }).error);
        }
        return cellValue(result, undefined, date1904);
      }
      if (Array.isArray(v.richText)) {
        return (v.richText as { text?: unknown }[])
          .map((r) => (typeof r.text === 'string' ? r.text : ''))
          .join('');
      }
      if ('hyperlink' in v || 'text' in v) return cellValue(v.text, undefined, date1904);
      if ('error' in v) return String(v.error);
      return null;
    }
    default:
      return null;
  }
}

/**
 * Sparse rows -> a dense rectangle: every row as wide as the widest, holes are null, missing
 * rows are empty rows (so array index + 1 stays the sheet row), trailing blank rows dropped
 * (templates format rows they never fill).
 */
export function densify(rows: Cell[][]): RawSheet {
  let last = rows.length - 1;
  while (last >= 0 && isBlank(rows[last])) last--;
  let width = 0;
  for (let i = 0; i <= last; i++) {
    const r = rows[i];
    if (!r) continue;
    let w = r.length;
    while (w > 0 && isBlankCell(r[w - 1])) w--;
    if (w > width) width = w;
  }
  const out: RawSheet = new Array(last + 1);
  for (let i = 0; i <= last; i++) {
    const src = rows[i];
    const dense: Cell[] = new Array(width);
    for (let c = 0; c < width; c++) {
      const v = src?.[c];
      dense[c] = v === undefined ? null : v;
    }
    out[i] = dense;
  }
  return out;
}

function isBlank(row: Cell[] | undefined): boolean {
  if (!row) return true;
  for (const v of row) if (!isBlankCell(v)) return false;
  return true;
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

// ---------------------------------------------------------------- csv

async function readCsvFolder(dir: string, opts: ReadOptions): Promise<RawWorkbook> {
  const files = (await readdir(dir)).filter((f) => extname(f).toLowerCase() === '.csv').sort();
  if (files.length === 0) {
    throw new WorkbookReadError(
      'FOLDER_KOSONG',
      dir,
      `Folder "${dir}" tidak berisi berkas CSV. Beri nama setiap berkas sesuai lembarnya, mis. "Pegawai.csv".`,
    );
  }
  const out: RawWorkbook = {};
  const seen = new Map<string, string>();
  for (const [i, file] of files.entries()) {
    const sheet = basename(file, extname(file));
    const key = sheet.trim().toLowerCase();
    const other = seen.get(key);
    if (other) {
      throw new WorkbookReadError(
        'BUKAN_BUKU_KERJA',
        dir,
        `Folder "${dir}" berisi dua berkas untuk lembar yang sama: "${other}" dan "${file}".`,
      );
    }
    seen.set(key, file);
    out[sheet] = await readCsvFile(join(dir, file));
    opts.onProgress?.(i + 1, files.length);
  }
  return out;
}

async function readCsvFile(path: string): Promise<RawSheet> {
  const bytes = await readFile(path);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch (err) {
    throw new WorkbookReadError(
      'CSV_RUSAK',
      path,
      `"${path}" bukan teks UTF-8. Simpan ulang sebagai "CSV UTF-8 (dipisah koma)" lalu coba lagi.`,
      { cause: err },
    );
  }
  try {
    return parseCsv(text);
  } catch (err) {
    throw new WorkbookReadError('CSV_RUSAK', path, `"${path}": ${describe(err)}`, { cause: err });
  }
}

/** The field separator of a CSV: `,` or `;`, whichever occurs more often in the header line outside quotes. */
export function detectSeparator(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted) {
      if (ch === '\n' || ch === '\r') break;
      if (ch === ',') commas++;
      else if (ch === ';') semicolons++;
    }
  }
  return semicolons > commas ? ';' : ',';
}

/**
 * RFC 4180 CSV -> dense rows. Quoted fields may hold separators, doubled quotes and line
 * breaks; CRLF, LF and CR end records; a leading BOM is dropped. Empty fields become null;
 * everything else stays text (the core parses numbers and dates that arrive as text).
 */
export function parseCsv(input: string, separator?: ',' | ';'): RawSheet {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const sep = separator ?? detectSeparator(text);
  const rows: Cell[][] = [];
  let row: Cell[] = [];
  let field = '';
  let quotedField = false;
  let i = 0;
  let line = 1;
  const n = text.length;
  const endField = () => {
    row.push(field === '' && !quotedField ? null : field);
    field = '';
    quotedField = false;
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < n) {
    const ch = text[i] as string;
    if (ch === '"' && field === '' && !quotedField) {
      // quoted field: read to the closing quote
      const startLine = line;
      quotedField = true;
      i++;
      let closed = false;
      while (i < n) {
        const c = text[i] as string;
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          closed = true;
          i++;
          break;
        }
        if (c === '\n') line++;
        field += c;
        i++;
      }
      if (!closed) throw new Error(`tanda kutip yang dibuka di baris ${startLine} tidak pernah ditutup.`);
      // tolerate stray text after the closing quote (Excel does): append it
      while (i < n && text[i] !== sep && text[i] !== '\n' && text[i] !== '\r') field += text[i++];
      continue;
    }
    if (ch === sep) {
      endField();
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endRow();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== '' || quotedField || row.length > 0) endRow();
  return densify(rows);
}
