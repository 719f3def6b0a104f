/**
 * A local stand-in for the Sheets API v4 on 127.0.0.1, answering the calls the adapter
 * makes with the real request and response shapes:
 *   GET  /v4/spreadsheets/{id}?fields=...                 -> Spreadsheet
 *   GET  /v4/spreadsheets/{id}/values:batchGet?ranges=... -> BatchGetValuesResponse
 *   POST /v4/spreadsheets/{id}:batchUpdate                -> BatchUpdateSpreadsheetResponse
 * batchUpdate takes addSheet, updateSheetProperties and updateCells
 * (https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request), applies
 * them in order on a copy and commits only when every one is valid: an invalid request
 * rejects the whole batch with nothing applied, as the real call does. It keeps the grid
 * limits (a range past rowCount/columnCount is a 400) and stores typed cells: stringValue
 * as a string, numberValue a number, boolValue a boolean, formulaValue a FakeFormula (so a
 * test sees whether a formula was written; the fake evaluates nothing).
 * Errors come back as the API sends them: { error: { code, message, status } }, with a
 * Retry-After header when a test asks for one.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A cell written with formulaValue. */
export class FakeFormula {
  constructor(readonly formula: string) {}
}

export interface FakeSheet {
  sheetId: number;
  title: string;
  rowCount: number;
  columnCount: number;
  frozenRowCount?: number;
  /** cells as stored: strings, numbers, booleans, FakeFormula; '', null or missing = empty */
  values: unknown[][];
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  authorization: string | undefined;
}

/** An injected failure: an error status (with Retry-After, in seconds or as sent) or a dropped connection. */
export interface Failure {
  status?: number;
  retryAfter?: number | string;
  /** close the connection without an answer (a network error) instead of a status */
  reset?: boolean;
  /** only requests with this method ... */
  method?: string;
  /** ... and a path ending with this */
  pathSuffix?: string;
}

export interface FakeSheetsServer {
  rootUrl: string;
  spreadsheetId: string;
  sheets: Map<string, FakeSheet>;
  requests: RecordedRequest[];
  /**
   * The next matching calls fail, one failure per call, in order (a number is a status for
   * any call); the call is not carried out.
   */
  failNext(...failures: (number | Failure)[]): void;
  /** Every matching call fails this way until failAlways(undefined). */
  failAlways(failure: number | Failure | undefined): void;
  /** the next call of this method+path suffix is carried out, then answered with status (a lost reply) */
  failAfterApplying(method: string, pathSuffix: string, status: number): void;
  /** a request body larger than this is a 400, as the API's 10 MiB limit */
  maxPayloadBytes: number;
  addSheet(title: string, values: unknown[][]): FakeSheet;
  /** the stored rows of a sheet, trailing empty cells and rows trimmed as the API does */
  valuesOf(title: string): unknown[][];
  close(): Promise<void>;
}

const STATUS_NAME: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

function readBody(req: IncomingMessage): Promise<{ bytes: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const text = raw.toString('utf8');
      try {
        resolve({ bytes: raw.length, body: text ? JSON.parse(text) : undefined });
      } catch (e) {
        reject(e);
      }
    });
    req.on('error', reject);
  });
}

class ApiError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly retryAfter?: number | string,
  ) {
    super(message);
  }
}

/** 'Kamus Kompetensi'!A1 -> { title, row, col } ('' quotes undone). */
function parseRange(range: string): { title: string; row: number; col: number } {
  const m = /^(?:'((?:[^']|'')+)'|([^!']+))(?:!([A-Z]+)(\d+)(?::[A-Z]+\d*)?)?$/.exec(range);
  if (!m) throw new ApiError(400, `Unable to parse range: ${range}`);
  const title = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? '');
  const letters = m[3] ?? 'A';
  const col = [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { title, row: Number(m[4] ?? 1) - 1, col };
}

const isEmpty = (v: unknown) => v === '' || v == null;

function trimRow(row: unknown[]): unknown[] {
  let end = row.length;
  while (end > 0 && isEmpty(row[end - 1])) end--;
  return row.slice(0, end);
}

/** 0 -> A, 26 -> AA */
function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Proto3 JSON: an unknown field is a 400 naming it, as the API's parser does. */
function onlyKnown(obj: Json, known: readonly string[], at: string): void {
  for (const k of Object.keys(obj)) {
    if (!known.includes(k)) {
      throw new ApiError(
        400,
        `Invalid JSON payload received. Unknown name "${k}" at '${at}': Cannot find field.`,
      );
    }
  }
}

const isIndex = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;

const CELL_DATA_FIELDS = [
  'userEnteredValue',
  'effectiveValue',
  'formattedValue',
  'userEnteredFormat',
  'effectiveFormat',
  'hyperlink',
  'note',
  'textFormatRuns',
  'dataValidation',
  'pivotTable',
  'dataSourceTable',
  'dataSourceFormula',
  'chipRuns',
] as const;

const EXTENDED_VALUE_KINDS = ['numberValue', 'stringValue', 'boolValue', 'formulaValue', 'errorValue'];

/** An ExtendedValue -> the stored cell; exactly one kind of value, of its JSON type. */
function extendedValue(v: unknown, at: string): unknown {
  if (!isObject(v)) throw new ApiError(400, `Invalid value at '${at}': expected an ExtendedValue object`);
  onlyKnown(v, EXTENDED_VALUE_KINDS, at);
  const kinds = Object.keys(v);
  if (kinds.length > 1) {
    throw new ApiError(
      400,
      `Invalid JSON payload received. Oneof field 'value' is already set. Cannot set '${kinds[1]}'`,
    );
  }
  const kind = kinds[0];
  if (kind === undefined) return undefined;
  const x = v[kind];
  switch (kind) {
    case 'numberValue': {
      // proto3 JSON takes a double as a number or a numeric string
      const n = typeof x === 'string' && x.trim() !== '' ? Number(x) : x;
      if (typeof n !== 'number' || !Number.isFinite(n))
        throw new ApiError(400, `Invalid value at '${at}.number_value' (TYPE_DOUBLE), ${JSON.stringify(x)}`);
      return n;
    }
    case 'stringValue':
      if (typeof x !== 'string')
        throw new ApiError(400, `Invalid value at '${at}.string_value' (TYPE_STRING), ${JSON.stringify(x)}`);
      return x;
    case 'boolValue':
      if (typeof x !== 'boolean')
        throw new ApiError(400, `Invalid value at '${at}.bool_value' (TYPE_BOOL), ${JSON.stringify(x)}`);
      return x;
    case 'formulaValue':
      if (typeof x !== 'string')
        throw new ApiError(400, `Invalid value at '${at}.formula_value' (TYPE_STRING), ${JSON.stringify(x)}`);
      return new FakeFormula(x);
    default:
      throw new ApiError(400, `fake-sheets does not model ${kind}`);
  }
}

/** A field mask on CellData -> whether it covers userEnteredValue (the only part the fake stores). */
function maskCoversValue(fields: unknown, at: string): boolean {
  if (typeof fields !== 'string' || fields.trim() === '')
    throw new ApiError(400, `Invalid ${at}: At least one field must be specified.`);
  const paths = fields.split(',').map((f) => f.trim());
  if (paths.includes('*')) {
    if (paths.length > 1) throw new ApiError(400, `Invalid ${at}: '*' must be the only field`);
    return true;
  }
  for (const p of paths) {
    const root = p.split('.')[0] ?? '';
    if (!(CELL_DATA_FIELDS as readonly string[]).includes(root))
      throw new ApiError(400, `Invalid ${at}: Invalid field mask: "${p}" is not a field of CellData`);
  }
  return paths.includes('userEnteredValue');
}

export async function startFakeSheets(
  spreadsheetId = '1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms',
): Promise<FakeSheetsServer> {
  const sheets = new Map<string, FakeSheet>();
  const requests: RecordedRequest[] = [];
  const failures: Failure[] = [];
  let always: Failure | undefined;
  const lostReplies: { method: string; suffix: string; status: number }[] = [];
  let nextId = 100;

  const valuesOf = (title: string) => {
    const s = sheets.get(title);
    if (!s) throw new Error(`no sheet ${title}`);
    const rows = s.values.map((r) => trimRow(r ?? []));
    while (rows.length > 0 && (rows[rows.length - 1] as unknown[]).length === 0) rows.pop();
    return rows;
  };

  /** requests[i] of a batchUpdate, applied to staged (a copy); throws a 400 when invalid. */
  const applyRequest = (staged: Map<string, FakeSheet>, r: unknown, i: number): unknown => {
    if (!isObject(r)) throw new ApiError(400, `Invalid requests[${i}]: not a Request object`);
    const kinds = Object.keys(r);
    if (kinds.length !== 1)
      throw new ApiError(400, `Invalid requests[${i}]: exactly one kind of request must be set`);
    const kind = kinds[0] as string;
    const at = `requests[${i}].${kind}`;
    const body = r[kind];
    if (!isObject(body)) throw new ApiError(400, `Invalid ${at}: expected an object`);
    const byId = (id: unknown) => [...staged.values()].find((s) => s.sheetId === id);

    if (kind === 'addSheet') {
      onlyKnown(body, ['properties'], at);
      const p = (body.properties ?? {}) as Json;
      onlyKnown(
        p,
        [
          'sheetId',
          'title',
          'index',
          'sheetType',
          'gridProperties',
          'hidden',
          'tabColorStyle',
          'rightToLeft',
        ],
        `${at}.properties`,
      );
      const title = p.title === undefined ? `Sheet${staged.size + 1}` : String(p.title);
      if ([...staged.keys()].some((t) => t.toLowerCase() === title.toLowerCase()))
        throw new ApiError(
          400,
          `Invalid ${at}: A sheet with the name "${title}" already exists. Please enter another name.`,
        );
      if (p.sheetId !== undefined && !isIndex(p.sheetId))
        throw new ApiError(400, `Invalid ${at}: sheetId must be a non-negative integer`);
      const sheetId = p.sheetId === undefined ? nextId++ : (p.sheetId as number);
      if (byId(sheetId)) throw new ApiError(400, `Invalid ${at}: Sheet with id ${sheetId} already exists.`);
      const g = (p.gridProperties ?? {}) as Json;
      onlyKnown(
        g,
        ['rowCount', 'columnCount', 'frozenRowCount', 'frozenColumnCount'],
        `${at}.properties.grid_properties`,
      );
      const s: FakeSheet = {
        sheetId,
        title,
        rowCount: (g.rowCount as number | undefined) ?? 1000,
        columnCount: (g.columnCount as number | undefined) ?? 26,
        ...(g.frozenRowCount ? { frozenRowCount: g.frozenRowCount as number } : {}),
        values: [],
      };
      if ((s.frozenRowCount ?? 0) >= s.rowCount)
        throw new ApiError(400, `Invalid ${at}: You can't freeze all visible rows on the sheet.`);
      staged.set(title, s);
      return {
        addSheet: {
          properties: {
            sheetId,
            title,
            index: staged.size - 1,
            sheetType: 'GRID',
            gridProperties: {
              rowCount: s.rowCount,
              columnCount: s.columnCount,
              ...(s.frozenRowCount ? { frozenRowCount: s.frozenRowCount } : {}),
            },
          },
        },
      };
    }

    if (kind === 'updateSheetProperties') {
      onlyKnown(body, ['properties', 'fields'], at);
      const p = (body.properties ?? {}) as Json;
      const s = byId(p.sheetId);
      if (!s) throw new ApiError(400, `Invalid ${at}: No grid with id: ${String(p.sheetId)}`);
      if (typeof body.fields !== 'string' || body.fields.trim() === '')
        throw new ApiError(400, `Invalid ${at}: At least one field must be specified.`);
      const g = (p.gridProperties ?? {}) as Json;
      for (const f of body.fields.split(',').map((x) => x.trim())) {
        if (f === 'title') {
          const title = String(p.title ?? '');
          if (title !== s.title && staged.has(title))
            throw new ApiError(400, `Invalid ${at}: A sheet with the name "${title}" already exists.`);
          staged.delete(s.title);
          s.title = title;
          staged.set(title, s);
        } else if (f === 'gridProperties.rowCount' || f === 'gridProperties.columnCount') {
          const v = f === 'gridProperties.rowCount' ? g.rowCount : g.columnCount;
          if (!isIndex(v) || v === 0) throw new ApiError(400, `Invalid ${at}: ${f} must be positive`);
          if (f === 'gridProperties.rowCount') {
            s.rowCount = v as number;
            s.values = s.values.slice(0, s.rowCount); // shrinking drops rows, as in the real API
          } else {
            s.columnCount = v as number;
            s.values = s.values.map((row) => row?.slice(0, s.columnCount) ?? []);
          }
        } else if (f === 'gridProperties.frozenRowCount') {
          s.frozenRowCount = (g.frozenRowCount as number | undefined) ?? 0;
        } else {
          throw new ApiError(400, `fake-sheets does not model updateSheetProperties field ${f}`);
        }
      }
      if ((s.frozenRowCount ?? 0) >= s.rowCount)
        throw new ApiError(400, `Invalid ${at}: You can't freeze all visible rows on the sheet.`);
      return {};
    }

    if (kind === 'updateCells') {
      onlyKnown(body, ['range', 'start', 'rows', 'fields'], at);
      const writesValue = maskCoversValue(body.fields, at);
      if ((body.range === undefined) === (body.start === undefined))
        throw new ApiError(400, `Invalid ${at}: exactly one of range or start must be set`);
      const area = (body.range ?? body.start) as Json;
      if (!isObject(area)) throw new ApiError(400, `Invalid ${at}: range/start must be an object`);
      const s = byId(area.sheetId ?? 0);
      if (!s) throw new ApiError(400, `Invalid ${at}: No grid with id: ${String(area.sheetId ?? 0)}`);
      let top: number;
      let left: number;
      let bottom: number | undefined; // exclusive; undefined = as far as the rows go (start)
      let right: number | undefined;
      if (body.range !== undefined) {
        onlyKnown(
          area,
          ['sheetId', 'startRowIndex', 'endRowIndex', 'startColumnIndex', 'endColumnIndex'],
          `${at}.range`,
        );
        for (const k of ['startRowIndex', 'endRowIndex', 'startColumnIndex', 'endColumnIndex'])
          if (area[k] !== undefined && !isIndex(area[k]))
            throw new ApiError(400, `Invalid ${at}: ${k} must be a non-negative integer`);
        // an unset index is unbounded on that side
        top = (area.startRowIndex as number | undefined) ?? 0;
        left = (area.startColumnIndex as number | undefined) ?? 0;
        bottom = (area.endRowIndex as number | undefined) ?? s.rowCount;
        right = (area.endColumnIndex as number | undefined) ?? s.columnCount;
        if (top > bottom || left > right)
          throw new ApiError(400, `Invalid ${at}: start index must be less than or equal to end index`);
      } else {
        onlyKnown(area, ['sheetId', 'rowIndex', 'columnIndex'], `${at}.start`);
        top = (area.rowIndex as number | undefined) ?? 0;
        left = (area.columnIndex as number | undefined) ?? 0;
        if (!isIndex(top) || !isIndex(left))
          throw new ApiError(400, `Invalid ${at}: rowIndex/columnIndex must be non-negative integers`);
      }
      const rows = (body.rows ?? []) as unknown;
      if (!Array.isArray(rows)) throw new ApiError(400, `Invalid ${at}: rows must be a list`);
      const cells: unknown[][] = rows.map((row, ri) => {
        const rowAt = `${at}.rows[${ri}]`;
        if (!isObject(row)) throw new ApiError(400, `Invalid value at '${rowAt}': expected RowData`);
        onlyKnown(row, ['values'], rowAt);
        const values = (row.values ?? []) as unknown;
        if (!Array.isArray(values)) throw new ApiError(400, `Invalid value at '${rowAt}.values'`);
        return values.map((cell, ci) => {
          const cellAt = `${rowAt}.values[${ci}]`;
          if (!isObject(cell)) throw new ApiError(400, `Invalid value at '${cellAt}': expected CellData`);
          onlyKnown(cell, CELL_DATA_FIELDS, cellAt);
          return cell.userEnteredValue === undefined
            ? undefined
            : extendedValue(cell.userEnteredValue, `${cellAt}.user_entered_value`);
        });
      });
      const height = cells.length;
      const width = cells.reduce((n, r) => Math.max(n, r.length), 0);
      if (bottom !== undefined && right !== undefined) {
        if (top + height > bottom)
          throw new ApiError(
            400,
            `Invalid ${at}: Attempting to write row: ${top + height - 1}, beyond the last requested row of: ${bottom - 1}`,
          );
        if (left + width > right)
          throw new ApiError(
            400,
            `Invalid ${at}: Attempting to write column: ${left + width - 1}, beyond the last requested column of: ${right - 1}`,
          );
      }
      const lastRow = bottom ?? top + height;
      const lastCol = right ?? left + width;
      if (lastRow > s.rowCount || lastCol > s.columnCount) {
        throw new ApiError(
          400,
          `Invalid ${at}: Range ('${s.title}'!${columnLetters(left)}${top + 1}:${columnLetters(Math.max(lastCol - 1, left))}${Math.max(lastRow, top + 1)}) exceeds grid limits. Max rows: ${s.rowCount}, max columns: ${s.columnCount}`,
        );
      }
      if (writesValue) {
        if (bottom !== undefined && right !== undefined) {
          // a range: the cells the rows do not cover are cleared
          for (let rr = top; rr < bottom; rr++) {
            const row = s.values[rr];
            if (!row) continue;
            for (let cc = left; cc < right; cc++) row[cc] = undefined;
          }
        }
        cells.forEach((vals, ri) => {
          const row = s.values[top + ri] ?? [];
          vals.forEach((v, ci) => {
            row[left + ci] = v;
          });
          s.values[top + ri] = row;
        });
      }
      return {};
    }

    throw new ApiError(400, `fake-sheets does not model the request ${kind}`);
  };

  const handle = async (
    method: string,
    path: string,
    query: URLSearchParams,
    body: unknown,
  ): Promise<unknown> => {
    const base = `/v4/spreadsheets/${spreadsheetId}`;
    if (!path.startsWith(base)) throw new ApiError(404, 'Requested entity was not found.');
    const rest = path.slice(base.length);

    if (method === 'GET' && rest === '') {
      return {
        spreadsheetId,
        sheets: [...sheets.values()].map((s) => ({
          properties: {
            sheetId: s.sheetId,
            title: s.title,
            gridProperties: {
              rowCount: s.rowCount,
              columnCount: s.columnCount,
              ...(s.frozenRowCount ? { frozenRowCount: s.frozenRowCount } : {}),
            },
          },
        })),
      };
    }

    if (method === 'GET' && rest === '/values:batchGet') {
      if (query.get('valueRenderOption') !== 'UNFORMATTED_VALUE')
        throw new ApiError(400, 'test expects UNFORMATTED_VALUE');
      return {
        spreadsheetId,
        valueRanges: query.getAll('ranges').map((range) => {
          const { title } = parseRange(range);
          const s = sheets.get(title);
          if (!s) throw new ApiError(400, `Unable to parse range: ${range}`);
          // an empty cell inside a row reads as "", a formula as its text (nothing is evaluated)
          const values = valuesOf(title).map((r) =>
            Array.from(r, (v) => (v instanceof FakeFormula ? v.formula : isEmpty(v) ? '' : v)),
          );
          const a1 = `${range.includes('!') ? range.split('!')[0] : range}!A1:${columnLetters(s.columnCount - 1)}${s.rowCount}`;
          return values.length > 0
            ? { range: a1, majorDimension: 'ROWS', values }
            : { range: a1, majorDimension: 'ROWS' };
        }),
      };
    }

    if (method === 'POST' && rest === ':batchUpdate') {
      if (!isObject(body)) throw new ApiError(400, 'Invalid JSON payload received.');
      onlyKnown(
        body,
        ['requests', 'includeSpreadsheetInResponse', 'responseRanges', 'responseIncludeGridData'],
        '',
      );
      const requestsIn = body.requests ?? [];
      if (!Array.isArray(requestsIn)) throw new ApiError(400, "Invalid value at 'requests'");
      // atomic, as the real call: applied in order to a deep copy, committed only if all are valid
      const staged = new Map(
        [...sheets].map(([k, v]) => [k, { ...v, values: v.values.map((r) => [...(r ?? [])]) }]),
      );
      const idBefore = nextId;
      let replies: unknown[];
      try {
        replies = requestsIn.map((r, i) => applyRequest(staged, r, i));
      } catch (e) {
        nextId = idBefore;
        throw e;
      }
      sheets.clear();
      for (const [k, v] of staged) sheets.set(k, v);
      return { spreadsheetId, replies };
    }
    throw new ApiError(404, `unknown ${method} ${rest}`);
  };

  const matches = (f: Failure, method: string, path: string) =>
    (f.method === undefined || f.method === method) &&
    (f.pathSuffix === undefined || path.endsWith(f.pathSuffix));

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    readBody(req)
      .then(async ({ bytes, body }) => {
        requests.push({
          method,
          path: url.pathname,
          query: url.searchParams,
          body,
          authorization: req.headers.authorization,
        });
        const queued = failures.findIndex((f) => matches(f, method, url.pathname));
        const fail =
          queued >= 0
            ? failures.splice(queued, 1)[0]
            : always && matches(always, method, url.pathname)
              ? always
              : undefined;
        if (fail?.reset) {
          req.socket.destroy();
          return undefined;
        }
        if (fail !== undefined) {
          const status = fail.status ?? 503;
          throw new ApiError(
            status,
            status === 429
              ? "Quota exceeded for quota metric 'Write requests' and limit 'Write requests per minute per user'"
              : status === 403
                ? 'The caller does not have permission'
                : 'The service is currently unavailable.',
            fail.retryAfter,
          );
        }
        if (bytes > api.maxPayloadBytes)
          throw new ApiError(400, `Request payload size exceeds the limit: ${api.maxPayloadBytes} bytes.`);
        const out = await handle(method, decodeURIComponent(url.pathname), url.searchParams, body);
        const lost = lostReplies.findIndex((l) => l.method === method && url.pathname.endsWith(l.suffix));
        if (lost >= 0) {
          const [l] = lostReplies.splice(lost, 1);
          throw new ApiError(l?.status ?? 503, 'The service is currently unavailable.');
        }
        return out;
      })
      .then((out) => {
        if (req.socket.destroyed) return;
        res.writeHead(200, { 'content-type': 'application/json; charset=UTF-8' });
        res.end(JSON.stringify(out));
      })
      .catch((err: unknown) => {
        const code = err instanceof ApiError ? err.code : 500;
        res.writeHead(code, {
          'content-type': 'application/json; charset=UTF-8',
          ...(err instanceof ApiError && err.retryAfter !== undefined
            ? { 'retry-after': String(err.retryAfter) }
            : {}),
        });
        res.end(
          JSON.stringify({
            error: { code, message: (err as Error).message, status: STATUS_NAME[code] ?? 'UNKNOWN' },
          }),
        );
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const asFailure = (f: number | Failure): Failure => (typeof f === 'number' ? { status: f } : f);

  const api: FakeSheetsServer = {
    rootUrl: `http://127.0.0.1:${port}/`,
    spreadsheetId,
    sheets,
    requests,
    failNext: (...fs) => failures.push(...fs.map(asFailure)),
    failAlways: (f) => {
      always = f === undefined ? undefined : asFailure(f);
    },
    failAfterApplying: (method, suffix, status) => lostReplies.push({ method, suffix, status }),
    maxPayloadBytes: 10 * 1024 * 1024,
    addSheet(title, values) {
      const s: FakeSheet = {
        sheetId: nextId++,
        title,
        rowCount: Math.max(values.length, 1000),
        columnCount: Math.max(26, ...values.map((r) => r.length)),
        values: values.map((r) => [...r]),
      };
      sheets.set(title, s);
      return s;
    },
    valuesOf,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return api;
}
