import nock from 'nock';
import {
  createSheetsGateway,
  type RetryPolicy,
  serialToDate,
  sheetRange,
  withRetry,
} from '../../functions/src/adapters/sheets';
import { type FakeSheetsServer, startFakeSheets } from './fake-sheets';

let fake: FakeSheetsServer;
let sleeps: number[];

const gateway = (retry: Partial<RetryPolicy> = {}) =>
  createSheetsGateway(fake.spreadsheetId, {
    rootUrl: fake.rootUrl,
    fetchImplementation: (u, i) => fetch(u, i),
    retry: { sleep: async (ms) => void sleeps.push(ms), random: () => 0.5, ...retry },
  });

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

  it('converts serial date-times to the wall-clock time in UTC fields', () => {
    expect(serialToDate(46027.5).toISOString()).toBe('2026-01-05T12:00:00.000Z');
    expect(sheetRange("Data O'Brien")).toBe("'Data O''Brien'");
  });
});

describe('write', () => {
  it('writes whole sheets in one batchUpdate and one values.batchUpdate, strings as text', async () => {
    fake.addSheet(
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
    const writes = fake.requests.filter((r) => r.method === 'POST');
    expect(writes.map((r) => r.path.split(fake.spreadsheetId)[1])).toEqual([
      ':batchUpdate',
      '/values:batchUpdate',
    ]);
    const body = writes[1]?.body as { valueInputOption: string; data: { range: string }[] };
    expect(body.valueInputOption).toBe('RAW');
    expect(body.data.map((d) => d.range)).toEqual(["'Status Validasi'!A1", "'Kesenjangan'!A1"]);
  });

  it('grows the grid of an existing small sheet before writing', async () => {
    const s = fake.addSheet('Kesenjangan', [['x']]);
    s.rowCount = 5;
    s.columnCount = 2;
    const rows = Array.from({ length: 40 }, (_, i) => [`r${i}`, i, i * 2]);
    await gateway().writeSheets([{ title: 'Kesenjangan', rows }]);
    expect(fake.valuesOf('Kesenjangan')).toHaveLength(40);
    expect(fake.sheets.get('Kesenjangan')?.rowCount).toBe(40);
  });
});

describe('retry', () => {
  it('retries 429 and 503 with growing, jittered, bounded delays', async () => {
    fake.addSheet('Pegawai', [['NIP']]);
    fake.failNext(429, 503, 503);
    const wb = await gateway({ baseDelayMs: 100, maxDelayMs: 300 }).read();
    expect(wb.Pegawai).toEqual([['NIP']]);
    // random() = 0.5 of the cap: 100, 200, 400 capped at 300
    expect(sleeps).toEqual([50, 100, 150]);
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

  it('does not add a sheet twice when a structural update applied but its reply was lost', async () => {
    fake.failAfterApplying('POST', ':batchUpdate', 503);
    await gateway().writeSheets([{ title: 'Baru', rows: [['A'], ['b']] }]);
    expect(fake.valuesOf('Baru')).toEqual([['A'], ['b']]);
    expect([...fake.sheets.keys()]).toEqual(['Baru']);
    expect(sleeps).toHaveLength(1);
    const structural = fake.requests.filter(
      (r) => r.path.endsWith(':batchUpdate') && !r.path.includes('values'),
    );
    expect(structural.map((r) => Object.keys((r.body as { requests: object[] }).requests[0] ?? {}))).toEqual([
      ['addSheet'],
      ['updateCells'],
    ]);
  });

  it('withRetry honours the bound on a plain function', async () => {
    let calls = 0;
    const policy: RetryPolicy = {
      maxAttempts: 4,
      baseDelayMs: 10,
      maxDelayMs: 1000,
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
