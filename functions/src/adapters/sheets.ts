/**
 * The program spreadsheet through the Sheets API v4 (@googleapis/sheets).
 *
 * Reading: one spreadsheets.get for the sheet titles, then ONE values.batchGet of every
 * contract sheet with UNFORMATTED_VALUE and SERIAL_NUMBER dates (numbers stay numbers,
 * dates become Date for the date columns the contract names).
 * Writing: one spreadsheets.batchUpdate (add missing sheets, clear, size the grid) and ONE
 * values.batchUpdate with valueInputOption RAW for all the sheets of a write, never a
 * request per row.
 *
 * Why RAW and not USER_ENTERED with a leading apostrophe: RAW stores every string exactly
 * as given, so `=HYPERLINK(...)`, `+62...`, `-` or `@x` can never become a formula, and an
 * 18-digit NIP or `2026-01-05` is not re-parsed into a number or a date under the
 * spreadsheet's locale (USER_ENTERED would turn a NIP into 1.98E+17). Numbers and
 * booleans are sent as JSON numbers/booleans and stay numbers/booleans.
 *
 * Every call retries 429 and 5xx with bounded exponential backoff and full jitter.
 */
import { type Cell, type RawWorkbook, SHEET_SPECS, type WorkbookSource } from '@bangkom/core';
import { auth as googleAuth, type sheets_v4, sheets as sheetsApi } from '@googleapis/sheets';

export const SHEETS_SCOPE = 'https://www.googleapis.com/auth/spreadsheets';

export interface RetryPolicy {
  /** attempts in all, the first included */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  /** 0 <= random() < 1, for the jitter */
  random: () => number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 6,
  baseDelayMs: 500,
  maxDelayMs: 32_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

/** HTTP status of a failed Sheets call, if any (gaxios puts it in a few places). */
export function errorStatus(err: unknown): number | undefined {
  const e = err as { status?: unknown; code?: unknown; response?: { status?: unknown } };
  for (const v of [e?.response?.status, e?.status, e?.code]) {
    const n = typeof v === 'string' ? Number(v) : v;
    if (typeof n === 'number' && Number.isInteger(n) && n >= 100 && n < 600) return n;
  }
  return undefined;
}

function retryAfterMs(err: unknown): number | undefined {
  const headers = (err as { response?: { headers?: unknown } })?.response?.headers;
  let raw: unknown;
  if (headers && typeof (headers as Headers).get === 'function')
    raw = (headers as Headers).get('retry-after');
  else if (headers && typeof headers === 'object') raw = (headers as Record<string, unknown>)['retry-after'];
  const seconds = Number(raw);
  return raw != null && Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/** 429 (quota) and 5xx are worth another try; 4xx are the caller's mistake. */
export function isRetryable(err: unknown): boolean {
  const status = errorStatus(err);
  if (status === undefined) {
    const code = (err as { code?: unknown })?.code;
    return (
      typeof code === 'string' && ['ECONNRESET', 'ETIMEDOUT', 'ECONNREFUSED', 'EAI_AGAIN'].includes(code)
    );
  }
  return status === 429 || status >= 500;
}

/** Runs fn, retrying retryable failures with full-jitter exponential backoff. */
export async function withRetry<T>(fn: () => Promise<T>, policy: RetryPolicy = DEFAULT_RETRY): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (attempt >= policy.maxAttempts || !isRetryable(err)) throw err;
      const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
      const hinted = retryAfterMs(err);
      const delay =
        hinted !== undefined ? Math.min(policy.maxDelayMs, hinted) : Math.floor(policy.random() * cap);
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
}

/** A value written to a cell: strings stay text, numbers numbers, null empty. */
export type SheetValue = string | number | boolean | null;

export interface SheetWrite {
  title: string;
  /** header row first */
  rows: readonly (readonly SheetValue[])[];
}

export interface SheetsGateway extends WorkbookSource {
  readonly spreadsheetId: string;
  /** Titles of the sheets in the spreadsheet. */
  titles(): Promise<string[]>;
  /** Replaces the content of each sheet (created when missing) with rows. */
  writeSheets(writes: readonly SheetWrite[]): Promise<void>;
}

/** A1 range of a whole sheet: the title quoted, quotes doubled. */
export function sheetRange(title: string): string {
  return `'${title.replace(/'/g, "''")}'`;
}

const normalize = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

const SPEC_BY_NAME = new Map(SHEET_SPECS.map((s) => [normalize(s.name), s]));

/** Headers (normalised) of the date and timestamp columns of each contract sheet. */
const DATE_HEADERS = new Map(
  SHEET_SPECS.map((s) => [
    normalize(s.name),
    new Set(
      s.columns
        .filter((c) => c.kind === 'date' || c.kind === 'timestamp')
        .flatMap((c) => [c.header, ...(c.aliases ?? [])].map(normalize)),
    ),
  ]),
);

const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/**
 * A Sheets serial date -> Date holding the sheet's wall-clock time in its UTC fields
 * (the same convention exceljs uses), rounded to the second.
 */
export function serialToDate(serial: number): Date {
  return new Date(Math.round((SERIAL_EPOCH_MS + serial * DAY_MS) / 1000) * 1000);
}

/** Rows as the API returns them (ragged, trailing blanks dropped) -> RawSheet with Dates. */
export function toRawSheet(sheetName: string, values: readonly (readonly unknown[])[]): Cell[][] {
  const dateHeaders = DATE_HEADERS.get(normalize(sheetName)) ?? new Set<string>();
  const header = (values[0] ?? []).map((h) => (h == null ? '' : String(h)));
  const dateCols = new Set(header.flatMap((h, i) => (dateHeaders.has(normalize(h)) ? [i] : [])));
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
  const client: sheets_v4.Sheets = sheetsApi({
    version: 'v4',
    // we retry ourselves, with jitter and a bound
    retry: false,
    ...(options.auth ? { auth: options.auth } : {}),
    ...(options.rootUrl ? { rootUrl: options.rootUrl } : {}),
    ...(options.fetchImplementation ? { fetchImplementation: options.fetchImplementation } : {}),
  });

  const properties = async () => {
    const res = await withRetry(
      () =>
        client.spreadsheets.get({ spreadsheetId, fields: 'sheets.properties(sheetId,title,gridProperties)' }),
      policy,
    );
    return (res.data.sheets ?? []).flatMap((s) => (s.properties ? [s.properties] : []));
  };

  return {
    spreadsheetId,

    async titles() {
      return (await properties()).map((p) => p.title ?? '');
    },

    async read(): Promise<RawWorkbook> {
      // only the contract's sheets: output sheets can be large and are not input
      const titles = (await properties())
        .map((p) => p.title ?? '')
        .filter((t) => SPEC_BY_NAME.has(normalize(t)));
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
      );
      const ranges = res.data.valueRanges ?? [];
      const wb: RawWorkbook = {};
      titles.forEach((title, i) => {
        wb[title] = toRawSheet(title, (ranges[i]?.values ?? []) as unknown[][]);
      });
      return wb;
    },

    async writeSheets(writes) {
      if (writes.length === 0) return;
      // structure first (add, clear, size); retried as a whole with fresh metadata, since
      // an addSheet that did apply before a 5xx must not be sent again
      await withRetry(async () => {
        const existing = await properties();
        const byTitle = new Map(existing.map((p) => [p.title ?? '', p]));
        let nextId = Math.max(0, ...existing.map((p) => p.sheetId ?? 0)) + 1;
        const requests: sheets_v4.Schema$Request[] = [];
        for (const w of writes) {
          const rowCount = Math.max(w.rows.length, 2);
          const columnCount = Math.max(1, ...w.rows.map((r) => r.length));
          const found = byTitle.get(w.title);
          if (!found) {
            requests.push({
              addSheet: {
                properties: {
                  sheetId: nextId++,
                  title: w.title,
                  gridProperties: { rowCount, columnCount, frozenRowCount: 1 },
                },
              },
            });
            continue;
          }
          const sheetId = found.sheetId ?? 0;
          requests.push({ updateCells: { range: { sheetId }, fields: 'userEnteredValue' } });
          const grid = found.gridProperties ?? {};
          if ((grid.rowCount ?? 0) < rowCount || (grid.columnCount ?? 0) < columnCount) {
            requests.push({
              updateSheetProperties: {
                properties: {
                  sheetId,
                  gridProperties: {
                    rowCount: Math.max(grid.rowCount ?? 0, rowCount),
                    columnCount: Math.max(grid.columnCount ?? 0, columnCount),
                  },
                },
                fields: 'gridProperties.rowCount,gridProperties.columnCount',
              },
            });
          }
        }
        await client.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests } });
      }, policy);

      const data = writes
        .filter((w) => w.rows.length > 0)
        .map((w) => ({
          range: `${sheetRange(w.title)}!A1`,
          majorDimension: 'ROWS',
          values: w.rows.map((r) => [...r]),
        }));
      if (data.length === 0) return;
      await withRetry(
        () =>
          client.spreadsheets.values.batchUpdate({
            spreadsheetId,
            requestBody: { valueInputOption: 'RAW', data },
          }),
        policy,
      );
    },
  };
}
