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
import {
  ApiError,
  CELL_DATA_FIELDS,
  columnLetters,
  extendedValue,
  FakeFormula,
  isEmpty,
  isIndex,
  isObject,
  type Json,
  maskCoversValue,
  onlyKnown,
  parseRange,
  trimRow,
} from './fake-sheets-cells';
import {
  applyObjectRequest,
  cloneObjects,
  Invalid,
  type SheetObjects,
  sheetJson,
  storeFormats,
} from './fake-sheets-objects';
import { checkRequest, SchemaError } from './sheets-v4-schema';

export interface FakeSheet extends SheetObjects {
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

/** One spreadsheet of the server. */
export interface FakeBook {
  spreadsheetId: string;
  sheets: Map<string, FakeSheet>;
  locale: string;
}

export interface FakeSheetsServer {
  rootUrl: string;
  spreadsheetId: string;
  sheets: Map<string, FakeSheet>;
  /** another spreadsheet on the same server (e.g. the leaders'), empty, locale en_US */
  addSpreadsheet(spreadsheetId: string): FakeBook;
  book(spreadsheetId: string): FakeBook;
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

export async function startFakeSheets(
  spreadsheetId = '1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms',
): Promise<FakeSheetsServer> {
  const sheets = new Map<string, FakeSheet>();
  const books = new Map<string, FakeBook>([[spreadsheetId, { spreadsheetId, sheets, locale: 'en_US' }]]);
  const requests: RecordedRequest[] = [];
  const failures: Failure[] = [];
  let always: Failure | undefined;
  const lostReplies: { method: string; suffix: string; status: number }[] = [];
  let nextId = 100;

  const valuesOf = (title: string, from: Map<string, FakeSheet> = sheets) => {
    const s = from.get(title);
    if (!s) throw new Error(`no sheet ${title}`);
    const rows = s.values.map((r) => trimRow(r ?? []));
    while (rows.length > 0 && (rows[rows.length - 1] as unknown[]).length === 0) rows.pop();
    return rows;
  };

  /** requests[i] of a batchUpdate, applied to staged (a copy); throws a 400 when invalid. */
  const applyRequest = (
    staged: Map<string, FakeSheet>,
    r: unknown,
    i: number,
    meta: { locale: string },
  ): unknown => {
    if (!isObject(r)) throw new ApiError(400, `Invalid requests[${i}]: not a Request object`);
    try {
      checkRequest(r, i);
    } catch (e) {
      if (e instanceof SchemaError) throw new ApiError(400, e.message);
      throw e;
    }
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
        ['rowCount', 'columnCount', 'frozenRowCount', 'frozenColumnCount', 'hideGridlines'],
        `${at}.properties.grid_properties`,
      );
      const s: FakeSheet = {
        sheetId,
        title,
        rowCount: (g.rowCount as number | undefined) ?? 1000,
        columnCount: (g.columnCount as number | undefined) ?? 26,
        ...(g.frozenRowCount ? { frozenRowCount: g.frozenRowCount as number } : {}),
        ...(g.frozenColumnCount ? { frozenColumnCount: g.frozenColumnCount as number } : {}),
        ...(g.hideGridlines ? { hideGridlines: true } : {}),
        index: typeof p.index === 'number' ? p.index : staged.size,
        values: [],
      };
      if ((s.frozenColumnCount ?? 0) >= s.columnCount)
        throw new ApiError(400, `Invalid ${at}: You can't freeze all visible columns on the sheet.`);
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
        } else if (f === 'gridProperties.frozenColumnCount') {
          s.frozenColumnCount = (g.frozenColumnCount as number | undefined) ?? 0;
        } else if (f === 'gridProperties.hideGridlines') {
          s.hideGridlines = g.hideGridlines === true;
        } else if (f === 'index') {
          if (!isIndex(p.index))
            throw new ApiError(400, `Invalid ${at}: index must be a non-negative integer`);
          s.index = p.index as number;
        } else {
          throw new ApiError(400, `fake-sheets does not model updateSheetProperties field ${f}`);
        }
      }
      if ((s.frozenRowCount ?? 0) >= s.rowCount)
        throw new ApiError(400, `Invalid ${at}: You can't freeze all visible rows on the sheet.`);
      if ((s.frozenColumnCount ?? 0) >= s.columnCount)
        throw new ApiError(400, `Invalid ${at}: You can't freeze all visible columns on the sheet.`);
      for (const m of s.merges ?? []) {
        const crosses = (a: number, b: number, f: number) => a < f && b > f;
        if (
          crosses(m.startRowIndex ?? 0, m.endRowIndex ?? 0, s.frozenRowCount ?? 0) ||
          crosses(m.startColumnIndex ?? 0, m.endColumnIndex ?? 0, s.frozenColumnCount ?? 0)
        )
          throw new ApiError(400, `Invalid ${at}: Sorry, it is not possible to freeze across merged cells.`);
      }
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
      const mask = String(body.fields)
        .split(',')
        .map((f) => f.trim());
      const format = mask.includes('*') || mask.some((f) => f.split('.')[0] === 'userEnteredFormat');
      const note = mask.includes('*') || mask.includes('note');
      if (format || note)
        storeFormats(
          s,
          rows,
          { top, left, bottom: bottom ?? top + height, right: right ?? left + width },
          { format, note },
        );
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

    if (kind === 'updateSpreadsheetProperties') {
      const props = isObject(body.properties) ? body.properties : {};
      if (typeof body.fields !== 'string' || body.fields.trim() === '')
        throw new ApiError(400, `Invalid ${at}: At least one field must be specified.`);
      for (const f of body.fields.split(',').map((x) => x.trim())) {
        if (f !== 'locale') throw new ApiError(400, `fake-sheets does not model spreadsheet property ${f}`);
        if (typeof props.locale !== 'string' || !/^[a-z]{2,3}(_[A-Z]{2})?$/.test(props.locale))
          throw new ApiError(400, `Invalid ${at}: Unsupported locale: ${String(props.locale)}`);
        meta.locale = props.locale;
      }
      return {};
    }
    try {
      const out = applyObjectRequest([...staged.values()], kind, body, at);
      if (out) return out.reply;
    } catch (e) {
      if (e instanceof Invalid) throw new ApiError(400, e.message);
      throw e;
    }
    throw new ApiError(400, `fake-sheets does not model the request ${kind}`);
  };

  const handle = async (
    method: string,
    path: string,
    query: URLSearchParams,
    body: unknown,
  ): Promise<unknown> => {
    const m = /^\/v4\/spreadsheets\/([^/:]+)(.*)$/.exec(path);
    const book = m?.[1] ? books.get(m[1]) : undefined;
    if (!book) throw new ApiError(404, 'Requested entity was not found.');
    const rest = m?.[2] ?? '';
    const own = book.sheets;

    if (method === 'GET' && rest === '') {
      const fields = query.get('fields') ?? '';
      return {
        spreadsheetId: book.spreadsheetId,
        ...(fields === '' || fields.includes('properties.locale')
          ? { properties: { locale: book.locale } }
          : {}),
        sheets: [...own.values()].map((s) => sheetJson(s, fields)),
      };
    }

    if (method === 'GET' && rest === '/values:batchGet') {
      if (query.get('valueRenderOption') !== 'UNFORMATTED_VALUE')
        throw new ApiError(400, 'test expects UNFORMATTED_VALUE');
      return {
        spreadsheetId: book.spreadsheetId,
        valueRanges: query.getAll('ranges').map((range) => {
          const { title } = parseRange(range);
          const s = own.get(title);
          if (!s) throw new ApiError(400, `Unable to parse range: ${range}`);
          // an empty cell inside a row reads as "", a formula as its text (nothing is evaluated)
          const values = valuesOf(title, own).map((r) =>
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
        [...own].map(([k, v]) => [
          k,
          { ...v, ...cloneObjects(v), values: v.values.map((r) => [...(r ?? [])]) } as FakeSheet,
        ]),
      );
      const meta = { locale: book.locale };
      const idBefore = nextId;
      let replies: unknown[];
      try {
        replies = requestsIn.map((r, i) => applyRequest(staged, r, i, meta));
      } catch (e) {
        nextId = idBefore;
        throw e;
      }
      own.clear();
      for (const [k, v] of staged) own.set(k, v);
      book.locale = meta.locale;
      return { spreadsheetId: book.spreadsheetId, replies };
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
    valuesOf: (title) => valuesOf(title),
    addSpreadsheet(id) {
      const book: FakeBook = { spreadsheetId: id, sheets: new Map(), locale: 'en_US' };
      books.set(id, book);
      return book;
    },
    book(id) {
      const book = books.get(id);
      if (!book) throw new Error(`no spreadsheet ${id}`);
      return book;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return api;
}
