import nock from 'nock';
import {
  createSheetsGateway,
  type RetryPolicy,
  sheetRange,
  withRetry,
} from '../../../functions/src/adapters/sheets';
import { toHttp } from '../../../functions/src/handlers/context';
import { type FakeSheetsServer, startFakeSheets } from '../fake-sheets';

let fake: FakeSheetsServer;
let sleeps: number[];

const gateway = (retry: Partial<RetryPolicy> = {}) =>
  createSheetsGateway(fake.spreadsheetId, {
    rootUrl: fake.rootUrl,
    fetchImplementation: (u, i) => fetch(u, i),
    retry: { sleep: async (ms) => void sleeps.push(ms), random: () => 0.5, ...retry },
  });

type Req = Record<string, Record<string, unknown>>;
const batchBodies = () =>
  fake.requests.filter((r) => r.method === 'POST').map((r) => (r.body as { requests: Req[] }).requests);
/** method and path after the spreadsheet id of every request, in order */
const sequence = () => fake.requests.map((r) => `${r.method} ${r.path.split(fake.spreadsheetId)[1] || '/'}`);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterAll(() => nock.enableNetConnect());

beforeEach(async () => {
  fake = await startFakeSheets();
  sleeps = [];
});
afterEach(() => fake.close());

describe('read', () => {
  it('reads every contract sheet with one values.batchGet, unformatted, dates as serials', async () => {
    fake.addSheet('Pegawai', [
      ['NIP', 'Nama', 'Jenis ASN', 'OPD', 'Jabatan'],
      ['198001012005011001', 'Siti', 'PNS', 'Bappeda', 'Analis'],
      ['198002022006022002', 'Budi'],
    ]);
    fake.addSheet('Riwayat Pelatihan', [
      ['NIP', 'Nama Pelatihan', 'JP', 'Tanggal Mulai'],
      ['198001012005011001', 'Pelatihan Kepemimpinan', 24, 46027],
    ]);
    fake.addSheet('Kesenjangan', [['hasil lama']]);
    fake.addSheet('Kamus Kompetensi', []);

    const wb = await gateway().read();

    expect(Object.keys(wb).sort()).toEqual(['Kamus Kompetensi', 'Pegawai', 'Riwayat Pelatihan']);
    expect(wb.Pegawai?.[2]).toEqual(['198002022006022002', 'Budi']);
    expect(wb['Riwayat Pelatihan']?.[1]?.[3]).toEqual(new Date(Date.UTC(2026, 0, 5)));
    expect(wb['Riwayat Pelatihan']?.[1]?.[2]).toBe(24); // numbers that are not dates stay numbers
    expect(wb['Kamus Kompetensi']).toEqual([]);

    const batchGets = fake.requests.filter((r) => r.path.endsWith('/values:batchGet'));
    expect(batchGets).toHaveLength(1);
    expect(batchGets[0]?.query.get('valueRenderOption')).toBe('UNFORMATTED_VALUE');
    expect(batchGets[0]?.query.get('dateTimeRenderOption')).toBe('SERIAL_NUMBER');
    expect(batchGets[0]?.query.getAll('ranges').sort()).toEqual([
      "'Kamus Kompetensi'",
      "'Pegawai'",
      "'Riwayat Pelatihan'",
    ]);
    expect(fake.requests).toHaveLength(2); // titles + values, whatever the row count
  });

  it('quotes sheet titles in ranges', () => {
    expect(sheetRange("Data O'Brien")).toBe("'Data O''Brien'");
  });
});

describe('write', () => {
  it('writes all the sheets in ONE batchUpdate: typed cells, strings never formulas, old extent cleared', async () => {
    const old = fake.addSheet(
      'Status Validasi',
      Array.from({ length: 30 }, (_, i) => [`lama ${i}`, 'x', 'y']),
    );
    const rows = [
      ['NIP', 'Nama', 'Catatan', 'Nilai'],
      ['198001012005011001', '=IMPORTXML("http://x","//a")', '+62 812', 3],
      ['198002022006022002', '@budi', '-', 2.5],
      ['198003032007031003', 'Ani', null, true],
    ];
    await gateway().writeSheets([
      {
        title: 'Status Validasi',
        rows: [
          ['Lembar', 'Baris'],
          ['Pegawai', 2],
        ],
      },
      { title: 'Kesenjangan', rows },
    ]);

    // stored as text (a formulaValue would be a FakeFormula here), numbers and booleans typed
    expect(fake.valuesOf('Kesenjangan')).toEqual([
      ['NIP', 'Nama', 'Catatan', 'Nilai'],
      ['198001012005011001', '=IMPORTXML("http://x","//a")', '+62 812', 3],
      ['198002022006022002', '@budi', '-', 2.5],
      ['198003032007031003', 'Ani', undefined, true],
    ]);
    expect(fake.valuesOf('Status Validasi')).toEqual([
      ['Lembar', 'Baris'],
      ['Pegawai', 2],
    ]);
    expect(fake.sheets.get('Kesenjangan')).toMatchObject({ rowCount: 4, columnCount: 4, frozenRowCount: 1 });

    // one metadata read, one batch; no values.* call, no request per row
    expect(sequence()).toEqual(['GET /', 'POST :batchUpdate']);
    const [batch] = batchBodies();
    expect(batch?.map((r) => Object.keys(r)[0])).toEqual(['updateCells', 'addSheet', 'updateCells']);
    // the range covers the whole old grid, so rows 3..30 and column C are cleared
    expect(batch?.[0]?.updateCells).toMatchObject({
      range: {
        sheetId: old.sheetId,
        startRowIndex: 0,
        endRowIndex: 1000,
        startColumnIndex: 0,
        endColumnIndex: 26,
      },
      fields: 'userEnteredValue',
    });
    const added = batch?.[1]?.addSheet as { properties: { sheetId: number } };
    const cells = batch?.[2]?.updateCells as {
      range: { sheetId: number };
      rows: { values?: unknown[] }[];
    };
    expect(cells.range.sheetId).toBe(added.properties.sheetId);
    expect(cells.rows[1]?.values).toEqual([
      { userEnteredValue: { stringValue: '198001012005011001' } },
      { userEnteredValue: { stringValue: '=IMPORTXML("http://x","//a")' } },
      { userEnteredValue: { stringValue: '+62 812' } },
      { userEnteredValue: { numberValue: 3 } },
    ]);
    expect(cells.rows[2]?.values?.slice(1, 3)).toEqual([
      { userEnteredValue: { stringValue: '@budi' } },
      { userEnteredValue: { stringValue: '-' } },
    ]);
    expect(cells.rows[3]?.values).toEqual([
      { userEnteredValue: { stringValue: '198003032007031003' } },
      { userEnteredValue: { stringValue: 'Ani' } },
      {},
      { userEnteredValue: { boolValue: true } },
    ]);
    expect(JSON.stringify(batch)).not.toContain('formulaValue');
  });

  it('grows the grid of an existing small sheet inside the same batch', async () => {
    const s = fake.addSheet('Kesenjangan', [['x']]);
    s.rowCount = 5;
    s.columnCount = 2;
    const rows = Array.from({ length: 40 }, (_, i) => [`r${i}`, i, i * 2]);
    await gateway().writeSheets([{ title: 'Kesenjangan', rows }]);
    expect(fake.valuesOf('Kesenjangan')).toHaveLength(40);
    expect(fake.valuesOf('Kesenjangan')[39]).toEqual(['r39', 39, 78]);
    expect(fake.sheets.get('Kesenjangan')).toMatchObject({ rowCount: 40, columnCount: 3 });
    expect(batchBodies().map((b) => b.map((r) => Object.keys(r)[0]))).toEqual([
      ['updateSheetProperties', 'updateCells'],
    ]);
  });

  it('renames a sheet found under its former title and rewrites it in place, once', async () => {
    const old = fake.addSheet('Rencana Pengembangan', [['NIP'], ['lama'], ['lama']]);
    const write = {
      title: 'Kebutuhan Pengembangan ASN',
      formerTitle: 'Rencana Pengembangan',
      rows: [['NIP'], ['baru']],
    };
    await gateway().writeSheets([write]);
    expect([...fake.sheets.keys()]).toEqual(['Kebutuhan Pengembangan ASN']);
    expect(fake.sheets.get('Kebutuhan Pengembangan ASN')?.sheetId).toBe(old.sheetId);
    expect(fake.valuesOf('Kebutuhan Pengembangan ASN')).toEqual([['NIP'], ['baru']]);
    // a rerun finds the new title: nothing is renamed again
    await gateway().writeSheets([write]);
    expect(batchBodies()[1]?.map((r) => Object.keys(r)[0])).toEqual(['updateCells']);
    // both titles present (someone made the old one again): the old one is left alone
    fake.addSheet('Rencana Pengembangan', [['punya staf']]);
    await gateway().writeSheets([write]);
    expect(fake.valuesOf('Rencana Pengembangan')).toEqual([['punya staf']]);
  });

  it('a rejected batch leaves every sheet as it was (no sheet cleared but unwritten)', async () => {
    fake.addSheet('Status Validasi', [
      ['Lembar', 'Baris'],
      ['Pegawai', 7],
    ]);
    // sheet names are unique regardless of case: the addSheet of 'Kesenjangan' is invalid
    fake.addSheet('kesenjangan', [['lama']]);
    await expect(
      gateway().writeSheets([
        { title: 'Status Validasi', rows: [['Lembar', 'Baris']] },
        { title: 'Kesenjangan', rows: [['baru']] },
      ]),
    ).rejects.toMatchObject({ status: 400 });
    expect(fake.valuesOf('Status Validasi')).toEqual([
      ['Lembar', 'Baris'],
      ['Pegawai', 7],
    ]);
    expect([...fake.sheets.keys()]).toEqual(['Status Validasi', 'kesenjangan']);
    expect(sequence()).toEqual(['GET /', 'POST :batchUpdate']);
  });

  it('a write that keeps failing leaves the old content: every attempt is the whole batch', async () => {
    fake.addSheet('Status Validasi', [['Lembar'], ['lama']]);
    fake.failAlways({ status: 503, method: 'POST' });
    await expect(
      gateway({ maxAttempts: 3 }).writeSheets([{ title: 'Status Validasi', rows: [['Lembar']] }]),
    ).rejects.toMatchObject({ status: 503 });
    expect(fake.valuesOf('Status Validasi')).toEqual([['Lembar'], ['lama']]);
    for (const batch of batchBodies()) expect(batch.map((r) => Object.keys(r)[0])).toEqual(['updateCells']);
  });
});

describe('a write larger than one request', () => {
  it('structure first, then the cells in batches under the limit; a sheet that fits stays whole', async () => {
    fake.maxPayloadBytes = 5_000; // the fake refuses what the adapter must never send
    const status = fake.addSheet('Status Validasi', [['Lembar'], ['lama']]);
    const big = fake.addSheet(
      'Kesenjangan',
      Array.from({ length: 400 }, (_, i) => [`lama ${i}`, i, 'x', 'y']),
    );
    big.rowCount = 400;
    big.columnCount = 4;
    const rows = Array.from({ length: 300 }, (_, i) => [
      `19800101200501${String(i).padStart(4, '0')}`,
      i,
      `=A${i}`,
    ]);
    const writes = [
      {
        title: 'Status Validasi',
        rows: [
          ['Lembar', 'Baris'],
          ['Pegawai', 3],
        ],
      },
      { title: 'Kesenjangan', rows },
      { title: 'Baru', rows: [['A'], ['b']] },
    ];
    // over the limit in one request: refused whole, nothing changed
    await expect(gateway().writeSheets(writes)).rejects.toMatchObject({ status: 400 });
    expect(fake.valuesOf('Kesenjangan')).toHaveLength(400);
    await expect(
      createSheetsGateway(fake.spreadsheetId, {
        rootUrl: fake.rootUrl,
        fetchImplementation: (u, i) => fetch(u, i),
        maxRequestBytes: 4_000,
        retry: { sleep: async (ms) => void sleeps.push(ms) },
      }).writeSheets(writes),
    ).resolves.toBeUndefined();

    expect(fake.valuesOf('Kesenjangan')).toEqual(rows); // column D and rows 301..400 cleared
    expect(fake.valuesOf('Status Validasi')).toEqual([
      ['Lembar', 'Baris'],
      ['Pegawai', 3],
    ]);
    expect(fake.valuesOf('Baru')).toEqual([['A'], ['b']]);

    const posts = fake.requests.filter((r) => r.method === 'POST');
    const bodies = batchBodies();
    expect(posts[0] && JSON.stringify(posts[0].body).length).toBeGreaterThan(5_000);
    expect(bodies[1]?.map((r) => Object.keys(r)[0])).toEqual(['addSheet']);
    const cellBatches = bodies.slice(2);
    expect(cellBatches.length).toBeGreaterThan(2);
    for (const b of cellBatches) {
      expect(Buffer.byteLength(JSON.stringify({ requests: b }))).toBeLessThanOrEqual(4_000);
      expect(b.every((r) => Object.keys(r)[0] === 'updateCells')).toBe(true);
    }
    const ranges = cellBatches.flat().map((r) => r.updateCells?.range as Record<string, number>);
    // Status Validasi in one request; Kesenjangan in bands covering rows 0..400 with no gap
    expect(ranges.filter((r) => r.sheetId === status.sheetId)).toHaveLength(1);
    const bands = ranges.filter((r) => r.sheetId === big.sheetId);
    expect(bands.length).toBeGreaterThan(2);
    expect(bands[0]?.startRowIndex).toBe(0);
    for (let i = 1; i < bands.length; i++) expect(bands[i]?.startRowIndex).toBe(bands[i - 1]?.endRowIndex);
    expect(bands.at(-1)?.endRowIndex).toBe(400);
  });
});

describe('fake Sheets API', () => {
  const post = (body: unknown) =>
    fetch(`${fake.rootUrl}v4/spreadsheets/${fake.spreadsheetId}:batchUpdate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('rejects a whole batch, nothing applied, when any request in it is invalid', async () => {
    const a = fake.addSheet('A', [['lama']]);
    const valid = {
      updateCells: {
        range: {
          sheetId: a.sheetId,
          startRowIndex: 0,
          endRowIndex: 2,
          startColumnIndex: 0,
          endColumnIndex: 1,
        },
        rows: [{ values: [{ userEnteredValue: { stringValue: 'baru' } }] }],
        fields: 'userEnteredValue',
      },
    };
    const invalid: [string, unknown][] = [
      ['unknown sheet', { updateCells: { ...valid.updateCells, range: { sheetId: 999 } } }],
      [
        'rows beyond the range',
        { updateCells: { ...valid.updateCells, range: { ...valid.updateCells.range, endRowIndex: 0 } } },
      ],
      [
        'range beyond the grid',
        { updateCells: { ...valid.updateCells, range: { ...valid.updateCells.range, endColumnIndex: 27 } } },
      ],
      [
        'two kinds of value',
        {
          updateCells: {
            ...valid.updateCells,
            rows: [{ values: [{ userEnteredValue: { stringValue: 'x', numberValue: 1 } }] }],
          },
        },
      ],
      ['no fields', { updateCells: { ...valid.updateCells, fields: '' } }],
      ['existing title', { addSheet: { properties: { title: 'a' } } }],
      ['two kinds of request', { addSheet: {}, updateCells: valid.updateCells }],
    ];
    for (const [why, request] of invalid) {
      const res = await post({ requests: [valid, { addSheet: { properties: { title: 'B' } } }, request] });
      expect([why, res.status]).toEqual([why, 400]);
      expect(fake.valuesOf('A')).toEqual([['lama']]);
      expect([...fake.sheets.keys()]).toEqual(['A']);
    }
    const ok = await post({ requests: [valid, { addSheet: { properties: { title: 'B' } } }] });
    expect(ok.status).toBe(200);
    expect(fake.valuesOf('A')).toEqual([['baru']]);
    expect([...fake.sheets.keys()]).toEqual(['A', 'B']);
  });

  it('stores a formulaValue as a formula, distinct from a stringValue', async () => {
    const a = fake.addSheet('A', []);
    await post({
      requests: [
        {
          updateCells: {
            start: { sheetId: a.sheetId, rowIndex: 0, columnIndex: 0 },
            rows: [
              {
                values: [
                  { userEnteredValue: { formulaValue: '=1+1' } },
                  { userEnteredValue: { stringValue: '=1+1' } },
                ],
              },
            ],
            fields: 'userEnteredValue',
          },
        },
      ],
    });
    const [row] = fake.valuesOf('A');
    expect(row?.[0]).toMatchObject({ formula: '=1+1' });
    expect(row?.[1]).toBe('=1+1');
  });
});

describe('retry', () => {
  it('retries 429 and 503 with growing, jittered, bounded delays', async () => {
    fake.addSheet('Pegawai', [['NIP']]);
    fake.failNext(429, 503, 503);
    const wb = await gateway({ baseDelayMs: 100, maxDelayMs: 300 }).read();
    expect(wb.Pegawai).toEqual([['NIP']]);
    // random() = 0.5 of the step: 100, 200, 400 capped at 300
    expect(sleeps).toEqual([50, 100, 150]);
  });

  it('a 503 then 200 on a read costs one more request', async () => {
    fake.addSheet('Pegawai', [['NIP']]);
    fake.failNext(503);
    expect((await gateway().read()).Pegawai).toEqual([['NIP']]);
    expect(sequence()).toEqual(['GET /', 'GET /', 'GET /values:batchGet']);
    expect(sleeps).toEqual([250]);
  });

  it('a 503 then 200 on the batch: fresh metadata, the same one batch again', async () => {
    fake.failNext({ status: 503, method: 'POST' });
    await gateway().writeSheets([{ title: 'Baru', rows: [['A'], ['b']] }]);
    expect(fake.valuesOf('Baru')).toEqual([['A'], ['b']]);
    expect(sequence()).toEqual(['GET /', 'POST :batchUpdate', 'GET /', 'POST :batchUpdate']);
    expect(sleeps).toEqual([250]);
  });

  it('retries a dropped connection', async () => {
    fake.addSheet('Pegawai', [['NIP']]);
    fake.failNext({ reset: true });
    expect((await gateway().read()).Pegawai).toEqual([['NIP']]);
    expect(sequence()).toEqual(['GET /', 'GET /', 'GET /values:batchGet']);
    expect(sleeps).toHaveLength(1);
  });

  it('gives up after maxAttempts and surfaces the API error', async () => {
    fake.failNext(503, 503, 503, 503);
    await expect(gateway({ maxAttempts: 3 }).read()).rejects.toMatchObject({ status: 503 });
    expect(sleeps).toHaveLength(2);
    expect(fake.requests).toHaveLength(3);
  });

  it('does not retry a 4xx other than 429', async () => {
    fake.failNext(403);
    await expect(gateway().read()).rejects.toMatchObject({ status: 403 });
    expect(sleeps).toEqual([]);
  });

  it('one retry layer per request: a failing write makes maxAttempts gets and batches, no more', async () => {
    const write = () =>
      gateway({ budgetMs: Number.POSITIVE_INFINITY }).writeSheets([{ title: 'Baru', rows: [['A']] }]);
    // the metadata read keeps failing: 6 gets (not 6 x 6, as a retried get inside a retried write)
    fake.failAlways(503);
    await expect(write()).rejects.toMatchObject({ status: 503 });
    expect(sequence()).toEqual(Array.from({ length: 6 }, () => 'GET /'));
    expect(sleeps).toHaveLength(5);

    // the batch keeps failing: 6 (get, batch) pairs
    fake.requests.length = 0;
    sleeps = [];
    fake.failAlways({ status: 503, method: 'POST' });
    await expect(write()).rejects.toMatchObject({ status: 503 });
    expect(sequence()).toEqual(Array.from({ length: 6 }, () => ['GET /', 'POST :batchUpdate']).flat());
    expect(sleeps).toHaveLength(5);
  });

  it('429 with Retry-After: 30, again and again: fails within the 60 s budget, no real waiting', async () => {
    fake.failAlways({ status: 429, retryAfter: 30 });
    const started = Date.now();
    await expect(gateway().writeSheets([{ title: 'Baru', rows: [['A']] }])).rejects.toMatchObject({
      status: 429,
    });
    // 30 s + jitter (0.5 of the 500 ms step); a second wait would pass 60 s, so it stops
    expect(sleeps).toEqual([30_250]);
    expect(sum(sleeps)).toBeLessThanOrEqual(60_000);
    expect(fake.requests).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(5_000);

    // a budget smaller than the Retry-After: the error at once, no pointless wait
    sleeps = [];
    fake.requests.length = 0;
    await expect(gateway({ budgetMs: 10_000 }).read()).rejects.toMatchObject({ status: 429 });
    expect(sleeps).toEqual([]);
    expect(fake.requests).toHaveLength(1);
  });

  it('the budget is shared by the requests of one operation', async () => {
    fake.addSheet('Pegawai', [['NIP']]);
    const batchGet503 = { status: 503, pathSuffix: '/values:batchGet' };
    fake.failNext(503, batchGet503, batchGet503);
    // steps 400, 800 ms; random 0.99 -> waits 396, then 396 for the batchGet: 792 ms spent,
    // the batchGet's second wait (792) would pass the 1,000 ms budget
    await expect(
      gateway({ baseDelayMs: 400, budgetMs: 1_000, random: () => 0.99 }).read(),
    ).rejects.toMatchObject({ status: 503 });
    expect(sleeps).toEqual([396, 396]);
    expect(sequence()).toEqual(['GET /', 'GET /', 'GET /values:batchGet', 'GET /values:batchGet']);
  });

  it('does not add a sheet twice when the batch applied but its reply was lost', async () => {
    fake.failAfterApplying('POST', ':batchUpdate', 503);
    await gateway().writeSheets([{ title: 'Baru', rows: [['A'], ['b']] }]);
    expect(fake.valuesOf('Baru')).toEqual([['A'], ['b']]);
    expect([...fake.sheets.keys()]).toEqual(['Baru']);
    expect(sleeps).toHaveLength(1);
    expect(batchBodies().map((b) => b.map((r) => Object.keys(r)[0]))).toEqual([
      ['addSheet', 'updateCells'],
      ['updateCells'],
    ]);
  });

  it('withRetry honours the bound on a plain function', async () => {
    let calls = 0;
    const policy: RetryPolicy = {
      maxAttempts: 4,
      baseDelayMs: 10,
      maxDelayMs: 1000,
      budgetMs: 60_000,
      deadlineMs: 240_000,
      now: () => 0,
      sleep: async (ms) => void sleeps.push(ms),
      random: () => 0.99,
    };
    await expect(
      withRetry(async () => {
        calls++;
        throw Object.assign(new Error('x'), { status: 500 });
      }, policy),
    ).rejects.toThrow('x');
    expect(calls).toBe(4);
    expect(sleeps).toEqual([9, 19, 39]);
  });
});

describe('a request with no answer', () => {
  it('is abandoned after the request timeout and retried within the budget, then fails', async () => {
    const { createServer } = await import('node:http');
    const silent = createServer(() => {
      // never answers
    });
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as { port: number }).port;
    try {
      let attempts = 0;
      const hung = createSheetsGateway('1HungSpreadsheet00000000', {
        rootUrl: `http://127.0.0.1:${port}/`,
        fetchImplementation: (u, i) => {
          attempts++;
          return fetch(u, i);
        },
        requestTimeoutMs: 100,
        retry: { sleep: async (ms) => void sleeps.push(ms), random: () => 0.5, maxAttempts: 3 },
      });
      const failure: unknown = await hung.titles().then(
        () => null,
        (err: unknown) => err,
      );
      // the last attempt's own failure: fetch's request timeout, under gaxios' wrapper
      const chain: string[] = [];
      for (let e = failure; e !== null && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
        chain.push(String((e as { name?: unknown }).name));
      }
      expect(chain).toContain('TimeoutError');
      // each attempt abandoned after 100 ms, then tried again after a backoff, three in all
      expect(attempts).toBe(3);
      expect(sleeps).toHaveLength(2);
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((r) => silent.close(() => r()));
    }
  });
});

describe('the deadline of an operation', () => {
  it('counts time spent inside requests: a slow failing request is tried no more after the deadline', async () => {
    let clock = 0;
    let calls = 0;
    const slow503 = async () => {
      calls++;
      clock += 100_000; // each attempt hangs 100 s before failing
      throw Object.assign(new Error('503'), { response: { status: 503 } });
    };
    await expect(
      withRetry(slow503, {
        maxAttempts: 6,
        baseDelayMs: 500,
        maxDelayMs: 32_000,
        budgetMs: 60_000,
        deadlineMs: 240_000,
        now: () => clock,
        sleep: async (ms) => {
          clock += ms;
        },
        random: () => 0.5,
      }),
    ).rejects.toThrow('503');
    // 100 s, 200 s, then past 240 s: no fourth attempt, although the waits were short
    expect(calls).toBe(3);
    expect(clock).toBeLessThan(360_000);
  });
});

describe('what a caller is told', () => {
  it('a Google API call without an answer is 504, a refusal 502, anything else a plain 500', () => {
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const noAnswer = Object.assign(new Error('request timed out'), { config: {}, code: 'ETIMEDOUT' });
      expect(toHttp(noAnswer)).toMatchObject({
        status: 504,
        message: expect.stringMatching(/tidak menjawab/),
      });
      const refused = Object.assign(new Error('x'), { config: {}, response: { status: 500 } });
      expect(toHttp(refused)).toMatchObject({ status: 502 });
      expect(toHttp(new Error('rahasia internal'))).toEqual({
        status: 500,
        message: 'Terjadi galat pada server; coba lagi nanti. Rinciannya tercatat di log layanan.',
      });
    } finally {
      quiet.mockRestore();
    }
  });
});
