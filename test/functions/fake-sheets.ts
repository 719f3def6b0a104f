/**
 * A local stand-in for the Sheets API v4 on 127.0.0.1, answering the four calls the
 * adapter makes with the real request and response shapes:
 *   GET  /v4/spreadsheets/{id}?fields=...                 -> Spreadsheet
 *   GET  /v4/spreadsheets/{id}/values:batchGet?ranges=... -> BatchGetValuesResponse
 *   POST /v4/spreadsheets/{id}:batchUpdate                -> BatchUpdateSpreadsheetResponse
 *   POST /v4/spreadsheets/{id}/values:batchUpdate         -> BatchUpdateValuesResponse
 * Errors come back as the API sends them: { error: { code, message, status } }.
 * It keeps the grid limits (writing past rowCount is a 400, as in the real API).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeSheet {
  sheetId: number;
  title: string;
  rowCount: number;
  columnCount: number;
  frozenRowCount?: number;
  /** values as stored: strings, numbers, booleans; '' or missing = empty */
  values: unknown[][];
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  authorization: string | undefined;
}

export interface FakeSheetsServer {
  rootUrl: string;
  spreadsheetId: string;
  sheets: Map<string, FakeSheet>;
  requests: RecordedRequest[];
  /** the next calls answer with these statuses (429, 503 ...), one per call, in order */
  failNext(...statuses: number[]): void;
  /** the next call of this method+path suffix is carried out, then answered with status (a lost reply) */
  failAfterApplying(method: string, pathSuffix: string, status: number): void;
  addSheet(title: string, values: unknown[][]): FakeSheet;
  /** the stored rows of a sheet, trailing empty cells trimmed as the API does */
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

function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(text ? JSON.parse(text) : undefined);
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

function trimRow(row: unknown[]): unknown[] {
  let end = row.length;
  while (end > 0 && (row[end - 1] === '' || row[end - 1] == null)) end--;
  return row.slice(0, end);
}

export async function startFakeSheets(
  spreadsheetId = '1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms',
): Promise<FakeSheetsServer> {
  const sheets = new Map<string, FakeSheet>();
  const requests: RecordedRequest[] = [];
  const failures: number[] = [];
  const lostReplies: { method: string; suffix: string; status: number }[] = [];
  let nextId = 100;

  const valuesOf = (title: string) => {
    const s = sheets.get(title);
    if (!s) throw new Error(`no sheet ${title}`);
    const rows = s.values.map(trimRow);
    while (rows.length > 0 && (rows[rows.length - 1] as unknown[]).length === 0) rows.pop();
    return rows;
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
          const values = valuesOf(title);
          const a1 = `${range.includes('!') ? range.split('!')[0] : range}!A1:Z${s.rowCount}`;
          return values.length > 0
            ? { range: a1, majorDimension: 'ROWS', values }
            : { range: a1, majorDimension: 'ROWS' };
        }),
      };
    }

    if (method === 'POST' && rest === ':batchUpdate') {
      const requestsIn = (body as { requests?: Record<string, unknown>[] }).requests ?? [];
      // atomic, as the real call: validate on a copy, then apply
      const staged = new Map([...sheets].map(([k, v]) => [k, { ...v, values: v.values.map((r) => [...r]) }]));
      const byId = () => new Map([...staged.values()].map((s) => [s.sheetId, s]));
      const replies: unknown[] = [];
      for (const r of requestsIn) {
        if (r.addSheet) {
          const p = (r.addSheet as { properties: Record<string, unknown> }).properties;
          const title = String(p.title);
          if (staged.has(title)) {
            throw new ApiError(
              400,
              `Invalid requests[0].addSheet: A sheet with the name "${title}" already exists.`,
            );
          }
          const g = (p.gridProperties ?? {}) as Record<string, number>;
          const sheetId = typeof p.sheetId === 'number' ? p.sheetId : nextId++;
          if (byId().has(sheetId))
            throw new ApiError(400, `Invalid requests[0].addSheet: sheetId ${sheetId} exists`);
          const s: FakeSheet = {
            sheetId,
            title,
            rowCount: g.rowCount ?? 1000,
            columnCount: g.columnCount ?? 26,
            ...(g.frozenRowCount ? { frozenRowCount: g.frozenRowCount } : {}),
            values: [],
          };
          staged.set(title, s);
          replies.push({
            addSheet: {
              properties: { sheetId, title, index: staged.size - 1, sheetType: 'GRID', gridProperties: g },
            },
          });
        } else if (r.updateCells) {
          const u = r.updateCells as { range?: { sheetId: number }; fields: string; rows?: unknown[] };
          const s = byId().get(u.range?.sheetId ?? -1);
          if (!s) throw new ApiError(400, 'No grid with id');
          if (u.rows) throw new ApiError(400, 'fake supports clearing only');
          if (u.fields !== 'userEnteredValue' && u.fields !== '*')
            throw new ApiError(400, 'unexpected fields');
          s.values = [];
          replies.push({});
        } else if (r.updateSheetProperties) {
          const u = r.updateSheetProperties as {
            properties: { sheetId: number; gridProperties?: Record<string, number> };
          };
          const s = byId().get(u.properties.sheetId);
          if (!s) throw new ApiError(400, 'No grid with id');
          s.rowCount = u.properties.gridProperties?.rowCount ?? s.rowCount;
          s.columnCount = u.properties.gridProperties?.columnCount ?? s.columnCount;
          replies.push({});
        } else {
          throw new ApiError(400, `unsupported request ${Object.keys(r).join(',')}`);
        }
      }
      sheets.clear();
      for (const [k, v] of staged) sheets.set(k, v);
      return { spreadsheetId, replies };
    }

    if (method === 'POST' && rest === '/values:batchUpdate') {
      const b = body as { valueInputOption?: string; data?: { range: string; values: unknown[][] }[] };
      if (b.valueInputOption !== 'RAW' && b.valueInputOption !== 'USER_ENTERED') {
        throw new ApiError(400, "Invalid value at 'value_input_option'");
      }
      const responses = [];
      let totalCells = 0;
      let totalRows = 0;
      for (const d of b.data ?? []) {
        const { title, row, col } = parseRange(d.range);
        const s = sheets.get(title);
        if (!s) throw new ApiError(400, `Unable to parse range: ${d.range}`);
        const width = Math.max(0, ...d.values.map((r) => r.length));
        if (row + d.values.length > s.rowCount || col + width > s.columnCount) {
          throw new ApiError(
            400,
            `Range (${title}!A${row + d.values.length}) exceeds grid limits. Max rows: ${s.rowCount}`,
          );
        }
        d.values.forEach((vals, i) => {
          const target = s.values[row + i] ?? [];
          vals.forEach((v, j) => {
            if (v !== null) target[col + j] = v; // null = leave the cell as it is
          });
          s.values[row + i] = target;
        });
        totalRows += d.values.length;
        totalCells += d.values.reduce((n, r) => n + r.length, 0);
        responses.push({
          spreadsheetId,
          updatedRange: d.range,
          updatedRows: d.values.length,
          updatedColumns: width,
        });
      }
      return {
        spreadsheetId,
        totalUpdatedRows: totalRows,
        totalUpdatedCells: totalCells,
        totalUpdatedSheets: responses.length,
        responses,
      };
    }
    throw new ApiError(404, `unknown ${method} ${rest}`);
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    readBody(req)
      .then(async (body) => {
        requests.push({
          method: req.method ?? 'GET',
          path: url.pathname,
          query: url.searchParams,
          body,
          authorization: req.headers.authorization,
        });
        const fail = failures.shift();
        if (fail !== undefined)
          throw new ApiError(
            fail,
            fail === 429 ? 'Quota exceeded for quota metric' : 'The service is currently unavailable.',
          );
        const out = await handle(
          req.method ?? 'GET',
          decodeURIComponent(url.pathname),
          url.searchParams,
          body,
        );
        const lost = lostReplies.findIndex((l) => l.method === req.method && url.pathname.endsWith(l.suffix));
        if (lost >= 0) {
          const [l] = lostReplies.splice(lost, 1);
          throw new ApiError(l?.status ?? 503, 'The service is currently unavailable.');
        }
        return out;
      })
      .then((out) => {
        res.writeHead(200, { 'content-type': 'application/json; charset=UTF-8' });
        res.end(JSON.stringify(out));
      })
      .catch((err: unknown) => {
        const code = err instanceof ApiError ? err.code : 500;
        res.writeHead(code, { 'content-type': 'application/json; charset=UTF-8' });
        res.end(
          JSON.stringify({
            error: { code, message: (err as Error).message, status: STATUS_NAME[code] ?? 'UNKNOWN' },
          }),
        );
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    rootUrl: `http://127.0.0.1:${port}/`,
    spreadsheetId,
    sheets,
    requests,
    failNext: (...statuses) => failures.push(...statuses),
    failAfterApplying: (method, suffix, status) => lostReplies.push({ method, suffix, status }),
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
}
