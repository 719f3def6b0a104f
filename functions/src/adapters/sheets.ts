/**
 * The program spreadsheet through the Sheets API v4 (@googleapis/sheets).
 *
 * Reading: one spreadsheets.get for the sheet titles, then ONE values.batchGet of every
 * contract sheet with UNFORMATTED_VALUE and SERIAL_NUMBER dates (numbers stay numbers,
 * dates become Date for the date columns the contract names).
 *
 * Writing: one spreadsheets.get for the sheets' ids and grid sizes, then ONE
 * spreadsheets.batchUpdate for all the sheets of a write: addSheet for a missing sheet (with
 * an id chosen here, so later requests of the same batch can name it), updateSheetProperties
 * when the grid must grow, and per sheet one updateCells whose range is the whole grid, so
 * every cell the new rows do not cover is cleared. The API applies a batch atomically: a
 * sheet is never left cleared but unwritten. A write too large for one request (the API
 * takes 10 MiB of JSON) sends the structure first, then the cells in several batches
 * under MAX_REQUEST_BYTES (see writeSheets): still never cleared, but not atomic.
 *
 * Cells are typed ExtendedValues: a string is a stringValue, never parsed, so
 * `=HYPERLINK(...)`, `+62...`, `-` or `@x` can never become a formula, and an 18-digit NIP
 * or `2026-01-05` is not re-read as a number or a date under the spreadsheet's locale.
 * Numbers are numberValue, booleans boolValue, null (and '') an empty cell. Only
 * userEnteredValue is written, so the cells' formats stay as staff set them.
 *
 * Retries: each Google API request is retried on its own (429, 5xx, network errors) with
 * exponential backoff and full jitter, added on top of a Retry-After when the API sends
 * one; bounded by attempts per request and by a budget of total waiting per gateway
 * operation (read, titles, writeSheets). When the budget cannot pay the next wait, the last
 * error is thrown at once. The write's get + batchUpdate pair is one retry unit: a retry
 * rebuilds the batch from fresh metadata, so a batch that applied but whose reply was lost
 * does not add a sheet twice.
 */
import {
  type Cell,
  normalizeHeader,
  type RawWorkbook,
  SHEET_SPECS,
  serialToDate,
  type WorkbookSource,
} from '@bangkom/core';
import { auth as googleAuth, type sheets_v4, sheets as sheetsApi } from '@googleapis/sheets';

export const SHEETS_SCOPE = 'https://www.googleapis.com/auth/spreadsheets';

export interface RetryPolicy {
  /** attempts per request in all, the first included */
  maxAttempts: number;
  /** the backoff step after the first failure; it doubles with each further failure */
  baseDelayMs: number;
  /** cap of the backoff step (a Retry-After may ask for more; the budget bounds it) */
  maxDelayMs: number;
  /** total waiting allowed across all the requests of one gateway operation */
  budgetMs: number;
  /**
   * wall-clock time after which an operation tries no more (time inside requests counts too:
   * a hung request is abandoned after the request timeout, and must not be tried for ever)
   */
  deadlineMs: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** 0 <= random() < 1, for the jitter */
  random: () => number;
}

/** Worst case per operation: 60 s of waiting, well inside the 540 s function timeout. */
export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 6,
  baseDelayMs: 500,
  maxDelayMs: 32_000,
  budgetMs: 60_000,
  // with one request timeout (120 s) after it, 360 s: inside the function's 540 s
  deadlineMs: 240_000,
  now: Date.now,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

/** What one gateway operation has waited so far; shared by all its requests. */
export interface RetryBudget {
  waitedMs: number;
  /** when the operation began (policy.now()); set by its first request when absent */
  startedAt?: number;
}

/** HTTP status of a failed Sheets call, if any (gaxios puts it in a few places). */
export function errorStatus(err: unknown): number | undefined {
  const e = err as { status?: unknown; code?: unknown; response?: { status?: unknown } };
  for (const v of [e?.response?.status, e?.status, e?.code]) {
    const n = typeof v === 'string' ? Number(v) : v;
    if (typeof n === 'number' && Number.isInteger(n) && n >= 100 && n < 600) return n;
  }
  return undefined;
}

/** Retry-After in ms (delta-seconds or an HTTP date), if the failed response had one. */
function retryAfterMs(err: unknown): number | undefined {
  const headers = (err as { response?: { headers?: unknown } })?.response?.headers;
  let raw: unknown;
  if (headers && typeof (headers as Headers).get === 'function')
    raw = (headers as Headers).get('retry-after');
  else if (headers && typeof headers === 'object') raw = (headers as Record<string, unknown>)['retry-after'];
  if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
  const seconds = Number(raw);
  if (String(raw).trim() !== '' && Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : undefined;
  const at = Date.parse(String(raw));
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
}

/** Connection-level failures worth another try (Node and undici codes). */
const TRANSIENT_CODES = new Set([
  'ECONNRESET',
  'ETIMEDOUT',
  'ECONNREFUSED',
  'EPIPE',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'TimeoutError',
]);

/** The error codes along an error's cause chain (gaxios wraps fetch's TypeError, which wraps the socket error). */
function errorCodes(err: unknown): string[] {
  const codes: string[] = [];
  let e: unknown = err;
  for (let depth = 0; depth < 5 && e && typeof e === 'object'; depth++) {
    const { code, name } = e as { code?: unknown; name?: unknown };
    if (typeof code === 'string') codes.push(code);
    // fetch's own timeout is a DOMException whose code is a number and whose name tells
    if (name === 'TimeoutError') codes.push(name);
    e = (e as { cause?: unknown }).cause;
  }
  return codes;
}

/** 429 (quota), 5xx and network failures are worth another try; other 4xx are the caller's mistake. */
export function isRetryable(err: unknown): boolean {
  const status = errorStatus(err);
  if (status !== undefined) return status === 429 || status >= 500;
  return errorCodes(err).some((c) => TRANSIENT_CODES.has(c));
}

/**
 * Runs fn (one request), retrying retryable failures with full-jitter exponential backoff,
 * on top of Retry-After when given. Stops at policy.maxAttempts, or as soon as the next wait
 * would take the operation's total waiting (budget) past policy.budgetMs; then the last
 * error is thrown.
 */
export async function withRetry<T>(
  fn: () => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY,
  budget: RetryBudget = { waitedMs: 0 },
): Promise<T> {
  budget.startedAt ??= policy.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (attempt >= policy.maxAttempts || !isRetryable(err)) throw err;
      const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
      const delay = (retryAfterMs(err) ?? 0) + Math.floor(policy.random() * step);
      if (budget.waitedMs + delay > policy.budgetMs) throw err;
      if (policy.now() - budget.startedAt + delay > policy.deadlineMs) throw err;
      budget.waitedMs += delay;
      await policy.sleep(delay);
    }
  }
}

export interface SheetsOptions {
  /** ADC (see applicationDefaultAuth) in production; omitted against a local test server */
  auth?: NonNullable<sheets_v4.Options['auth']>;
  /** default https://sheets.googleapis.com/ */
  rootUrl?: string;
  /** jest: `(u, i) => fetch(u, i)` so requests go through Node's fetch */
  fetchImplementation?: typeof fetch;
  retry?: Partial<RetryPolicy>;
  /** largest batchUpdate body sent (default MAX_REQUEST_BYTES); tests set it small */
  maxRequestBytes?: number;
  /** a request with no answer after this long is abandoned and retried (default 120 s) */
  requestTimeoutMs?: number;
}

/**
 * The API refuses a request body over 10 MiB ("Request payload size exceeds the limit:
 * 10485760 bytes"); a write stays under 8 MiB. Typed cells take about 3x the bytes of
 * values.batchUpdate: the sample's Kesenjangan + Kebutuhan Pengembangan ASN (380,000 cells)
 * are about 21 MB.
 */
export const MAX_REQUEST_BYTES = 8 * 1024 * 1024;

/** A value written to a cell: strings stay text, numbers numbers, null empty. */
export type SheetValue = string | number | boolean | null;

export interface SheetWrite {
  title: string;
  /**
   * The title the sheet was written under before: found without `title`, that sheet is
   * renamed and rewritten in place instead of a new one being added beside a stale copy.
   */
  formerTitle?: string;
  /** header row first */
  rows: readonly (readonly SheetValue[])[];
}

export interface SheetsGateway extends WorkbookSource {
  readonly spreadsheetId: string;
  /** Titles of the sheets in the spreadsheet. */
  titles(): Promise<string[]>;
  /** Replaces the content of each sheet (created when missing) with rows, all in one atomic batch. */
  writeSheets(writes: readonly SheetWrite[]): Promise<void>;
  /**
   * One retry unit of a structured write: spreadsheets.get with `fields`, then ONE batchUpdate
   * of the requests `plan` builds from what the spreadsheet holds now (none: nothing sent). A
   * retry asks again, so a batch that applied but whose reply was lost is planned anew from
   * its result (an added chart or sheet is then updated, not added twice).
   */
  updateSpreadsheet(
    fields: string,
    plan: (spreadsheet: sheets_v4.Schema$Spreadsheet) => sheets_v4.Schema$Request[],
  ): Promise<number>;
}

/** A value as a typed cell: never parsed, so a string is always text. */
export function cellData(v: SheetValue): sheets_v4.Schema$CellData {
  if (typeof v === 'string') return v === '' ? {} : { userEnteredValue: { stringValue: v } };
  if (typeof v === 'number') return Number.isFinite(v) ? { userEnteredValue: { numberValue: v } } : {};
  if (typeof v === 'boolean') return { userEnteredValue: { boolValue: v } };
  return {};
}

function rowData(row: readonly SheetValue[]): sheets_v4.Schema$RowData {
  // trailing empty cells need not be sent: the range clears what the rows do not cover
  let end = row.length;
  while (end > 0 && (row[end - 1] == null || row[end - 1] === '')) end--;
  return end === 0 ? {} : { values: row.slice(0, end).map(cellData) };
}

/** The smallest sheet id in use by none of the existing sheets (ids are int32, >= 0). */
function freeSheetIds(existing: readonly sheets_v4.Schema$SheetProperties[]): () => number {
  const used = new Set(existing.map((p) => p.sheetId ?? 0));
  let next = 1;
  return () => {
    while (used.has(next)) next++;
    used.add(next);
    return next;
  };
}

/**
 * The requests of one write, for the sheets as they are now: per sheet addSheet or a grid
 * growth when needed, then one updateCells over the whole grid (rows written, the rest of
 * the old extent cleared). Only userEnteredValue is touched.
 */
export function writeRequests(
  writes: readonly SheetWrite[],
  existing: readonly sheets_v4.Schema$SheetProperties[],
): sheets_v4.Schema$Request[] {
  const byTitle = new Map(existing.map((p) => [p.title ?? '', p]));
  const freeId = freeSheetIds(existing);
  const requests: sheets_v4.Schema$Request[] = [];
  for (const w of writes) {
    const height = w.rows.length;
    const width = w.rows.reduce((n, r) => Math.max(n, r.length), 1);
    let found = byTitle.get(w.title);
    const former = w.formerTitle === undefined ? undefined : byTitle.get(w.formerTitle);
    if (!found && former && w.formerTitle !== undefined) {
      requests.push({
        updateSheetProperties: {
          properties: { sheetId: former.sheetId ?? 0, title: w.title },
          fields: 'title',
        },
      });
      byTitle.delete(w.formerTitle);
      found = { ...former, title: w.title };
      byTitle.set(w.title, found);
    }
    let sheetId: number;
    let rowCount: number;
    let columnCount: number;
    if (!found) {
      sheetId = freeId();
      // two rows at least: the header row is frozen, and a sheet cannot freeze all its rows
      rowCount = Math.max(height, 2);
      columnCount = width;
      const properties = {
        sheetId,
        title: w.title,
        gridProperties: { rowCount, columnCount, frozenRowCount: 1 },
      };
      requests.push({ addSheet: { properties } });
      byTitle.set(w.title, properties);
    } else {
      sheetId = found.sheetId ?? 0;
      const grid = found.gridProperties ?? {};
      rowCount = Math.max(grid.rowCount ?? 0, height);
      columnCount = Math.max(grid.columnCount ?? 0, width);
      if (rowCount !== (grid.rowCount ?? 0) || columnCount !== (grid.columnCount ?? 0)) {
        requests.push({
          updateSheetProperties: {
            properties: { sheetId, gridProperties: { rowCount, columnCount } },
            fields: 'gridProperties.rowCount,gridProperties.columnCount',
          },
        });
      }
    }
    requests.push({
      updateCells: {
        range: {
          sheetId,
          startRowIndex: 0,
          endRowIndex: rowCount,
          startColumnIndex: 0,
          endColumnIndex: columnCount,
        },
        rows: w.rows.map(rowData),
        fields: 'userEnteredValue',
      },
    });
  }
  return requests;
}

const jsonBytes = (v: unknown) => Buffer.byteLength(JSON.stringify(v), 'utf8');

/**
 * An updateCells over a whole grid as updateCells of consecutive bands of rows, each under
 * maxBytes; the last band's range runs to the end of the original range, so it clears the
 * rows below the data. A single row larger than maxBytes stays one band.
 */
export function splitUpdateCells(
  u: sheets_v4.Schema$UpdateCellsRequest,
  maxBytes: number,
): sheets_v4.Schema$Request[] {
  if (jsonBytes({ updateCells: u }) <= maxBytes) return [{ updateCells: u }];
  const range = u.range ?? {};
  const rows = u.rows ?? [];
  const top = range.startRowIndex ?? 0;
  const overhead = jsonBytes({ updateCells: { ...u, rows: [] } }) + 32;
  const out: sheets_v4.Schema$Request[] = [];
  let start = 0;
  let size = overhead;
  const band = (from: number, to: number, endRowIndex: number) =>
    out.push({
      updateCells: {
        ...u,
        range: { ...range, startRowIndex: top + from, endRowIndex },
        rows: rows.slice(from, to),
      },
    });
  rows.forEach((row, i) => {
    const b = jsonBytes(row) + 1;
    if (i > start && size + b > maxBytes) {
      band(start, i, top + i);
      start = i;
      size = overhead;
    }
    size += b;
  });
  band(start, rows.length, range.endRowIndex ?? top + rows.length);
  return out;
}

/** Requests, in order, into as few batches under maxBytes as they go. */
export function packBatches(
  requests: readonly sheets_v4.Schema$Request[],
  maxBytes: number,
): sheets_v4.Schema$Request[][] {
  const batches: sheets_v4.Schema$Request[][] = [];
  let current: sheets_v4.Schema$Request[] = [];
  let size = jsonBytes({ requests: [] });
  for (const r of requests) {
    const b = jsonBytes(r) + 1;
    if (current.length > 0 && size + b > maxBytes) {
      batches.push(current);
      current = [];
      size = jsonBytes({ requests: [] });
    }
    current.push(r);
    size += b;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** A1 range of a whole sheet: the title quoted, quotes doubled. */
export function sheetRange(title: string): string {
  return `'${title.replace(/'/g, "''")}'`;
}

const SPEC_BY_NAME = new Map(SHEET_SPECS.map((s) => [normalizeHeader(s.name), s]));

/** Headers (normalised) of the date and timestamp columns of each contract sheet. */
const DATE_HEADERS = new Map(
  SHEET_SPECS.map((s) => [
    normalizeHeader(s.name),
    new Set(
      s.columns
        .filter((c) => c.kind === 'date' || c.kind === 'timestamp')
        .flatMap((c) => [c.header, ...(c.aliases ?? [])].map(normalizeHeader)),
    ),
  ]),
);

/** Rows as the API returns them (ragged, trailing blanks dropped) -> RawSheet with Dates. */
export function toRawSheet(sheetName: string, values: readonly (readonly unknown[])[]): Cell[][] {
  const dateHeaders = DATE_HEADERS.get(normalizeHeader(sheetName)) ?? new Set<string>();
  const header = (values[0] ?? []).map((h) => (h == null ? '' : String(h)));
  const dateCols = new Set(header.flatMap((h, i) => (dateHeaders.has(normalizeHeader(h)) ? [i] : [])));
  return values.map((row, r) =>
    row.map((v, c): Cell => {
      if (v === '' || v == null) return null;
      if (r > 0 && dateCols.has(c) && typeof v === 'number') return serialToDate(v);
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
      return String(v);
    }),
  );
}

/** Application Default Credentials (the function's service account) for the Sheets scope. */
export function applicationDefaultAuth(): NonNullable<sheets_v4.Options['auth']> {
  return new googleAuth.GoogleAuth({ scopes: [SHEETS_SCOPE] });
}

export function createSheetsGateway(spreadsheetId: string, options: SheetsOptions = {}): SheetsGateway {
  const policy: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  const maxBytes = options.maxRequestBytes ?? MAX_REQUEST_BYTES;
  const client: sheets_v4.Sheets = sheetsApi({
    version: 'v4',
    // we retry ourselves, with jitter and a bound
    retry: false,
    // a hung request must not hold the function until its own timeout
    timeout: options.requestTimeoutMs ?? 120_000,
    ...(options.auth ? { auth: options.auth } : {}),
    ...(options.rootUrl ? { rootUrl: options.rootUrl } : {}),
    ...(options.fetchImplementation ? { fetchImplementation: options.fetchImplementation } : {}),
  });

  /** One spreadsheets.get, not retried: callers put it inside their one retry layer. */
  const properties = async () => {
    const res = await client.spreadsheets.get({
      spreadsheetId,
      fields: 'sheets.properties(sheetId,title,gridProperties)',
    });
    return (res.data.sheets ?? []).flatMap((s) => (s.properties ? [s.properties] : []));
  };

  return {
    spreadsheetId,

    async titles() {
      return (await withRetry(properties, policy)).map((p) => p.title ?? '');
    },

    async read(): Promise<RawWorkbook> {
      const budget: RetryBudget = { waitedMs: 0 };
      // only the contract's sheets: output sheets can be large and are not input
      const titles = (await withRetry(properties, policy, budget))
        .map((p) => p.title ?? '')
        .filter((t) => SPEC_BY_NAME.has(normalizeHeader(t)));
      if (titles.length === 0) return {};
      const res = await withRetry(
        () =>
          client.spreadsheets.values.batchGet({
            spreadsheetId,
            ranges: titles.map(sheetRange),
            majorDimension: 'ROWS',
            valueRenderOption: 'UNFORMATTED_VALUE',
            dateTimeRenderOption: 'SERIAL_NUMBER',
          }),
        policy,
        budget,
      );
      const ranges = res.data.valueRanges ?? [];
      const wb: RawWorkbook = {};
      titles.forEach((title, i) => {
        wb[title] = toRawSheet(title, (ranges[i]?.values ?? []) as unknown[][]);
      });
      return wb;
    },

    async updateSpreadsheet(fields, plan) {
      let sent = 0;
      await withRetry(
        async () => {
          const meta = await client.spreadsheets.get({ spreadsheetId, fields });
          const requests = plan(meta.data);
          sent = requests.length;
          if (requests.length > 0)
            await client.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests } });
        },
        policy,
        { waitedMs: 0 },
      );
      return sent;
    },

    async writeSheets(writes) {
      if (writes.length === 0) return;
      const budget: RetryBudget = { waitedMs: 0 };
      const send = (requests: sheets_v4.Schema$Request[]) =>
        client.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests } });
      let written = false;
      // one retry unit: fresh metadata, then the batch built from it. A batch whose reply
      // was lost may have applied; rebuilt from what the sheet now holds, the retry does
      // not add a sheet twice, and rewriting the same cells changes nothing.
      await withRetry(
        async () => {
          const requests = writeRequests(writes, await properties());
          if (jsonBytes({ requests }) <= maxBytes) {
            await send(requests); // the usual case: everything in one atomic batch
            written = true;
            return;
          }
          // too large for one request: first the structure alone (added sheets, grown
          // grids), which destroys nothing; a retry finds it applied and sends nothing
          const structure = requests.filter((r) => !r.updateCells);
          if (structure.length > 0) await send(structure);
        },
        policy,
        budget,
      );
      if (written) return;
      // then the cells in batches under the limit: a sheet that fits a request is written
      // whole (atomically), a larger one in bands of rows, top to bottom, its last band also
      // clearing the rest of the old extent. A failure between batches leaves such a
      // sheet with new rows above old ones, never cleared; the caller answers 502.
      const cells = writeRequests(writes, await withRetry(properties, policy, budget));
      const split = cells.flatMap((r) => (r.updateCells ? splitUpdateCells(r.updateCells, maxBytes) : [r]));
      for (const batch of packBatches(split, maxBytes)) await withRetry(() => send(batch), policy, budget);
    },
  };
}
