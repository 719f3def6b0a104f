/**
 * The leaders' spreadsheet through the Sheets API renderer, end to end against the local
 * Sheets server (every request body checked field by field against the v4 typings there):
 * one batchUpdate per sheet, native charts, the heat map rule, id_ID number formats, frozen
 * headers, protection, and a rerun that rebuilds in place without a second chart or sheet.
 */
import {
  buildLeaderSummary,
  buildSummaryModel,
  computeGaps,
  computeIkm,
  computeJp,
  jpYear,
  SHEET_IDS,
  type SummaryModel,
  validateWorkbook,
} from '@bangkom/core';
import { planSchedule } from '../../../functions/src/adapters/scheduler';
import { createSheetsGateway, type SheetsGateway } from '../../../functions/src/adapters/sheets';
import { protectionId, writeLeadersSpreadsheet } from '../../../functions/src/adapters/summary-sheets';
import { generateProgramDetailed } from '../../../sheets-templates/program';
import { type FakeBook, type FakeSheetsServer, startFakeSheets } from '../fake-sheets';

const LEADERS = '1PimpinanSawahlunto000000000000';
let fake: FakeSheetsServer;
let book: FakeBook;
let gateway: SheetsGateway;
let model: SummaryModel;

type Json = Record<string, unknown>;
const batches = () =>
  fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith(`${LEADERS}:batchUpdate`));
const requestsOf = (r: { body: unknown }) => ((r.body as Json).requests ?? []) as Json[];
const sheet = (title: string) => {
  const s = book.sheets.get(title);
  if (!s) throw new Error(`no sheet ${title}`);
  return s;
};

beforeAll(async () => {
  const sample = generateProgramDetailed({ seed: 11, employees: 400 });
  const { data } = validateWorkbook(sample.raw);
  const gaps = computeGaps(data);
  const ikm = computeIkm(data.skm);
  const summary = buildLeaderSummary(data, gaps, computeJp(data, jpYear(data.settings) ?? 2026), ikm);
  const schedule = await planSchedule(data, gaps, { solver: null });
  model = buildSummaryModel({
    summary,
    ikm,
    schedule,
    generatedAt: new Date(Date.UTC(2026, 10, 28, 3)),
    tenant: 'sawahlunto',
  });
  fake = await startFakeSheets();
  book = fake.addSpreadsheet(LEADERS);
  gateway = createSheetsGateway(LEADERS, {
    rootUrl: fake.rootUrl,
    fetchImplementation: (u, i) => fetch(u, i),
    retry: { maxAttempts: 1 },
  });
  await writeLeadersSpreadsheet(gateway, model);
}, 60_000);

afterAll(() => fake.close());

test('one batchUpdate per sheet, each touching only its own sheet', () => {
  const sent = batches();
  expect(sent).toHaveLength(model.sheets.length);
  sent.forEach((b, i) => {
    const id = model.sheets[i]?.sheetId;
    const ids = new Set(
      [...JSON.stringify(b.body).matchAll(/"(?:sheetId)":(\d+)/g)].map((m) => Number(m[1])),
    );
    expect([...ids]).toEqual([id]);
  });
});

test('every sheet of the model, under its stable id and title, in the id_ID locale', () => {
  expect(book.locale).toBe('id_ID');
  for (const s of model.sheets) expect(sheet(s.title).sheetId).toBe(s.sheetId);
  expect(sheet('Ringkasan Pimpinan').sheetId).toBe(SHEET_IDS.ringkasan);
  // the heading and the table's header as the model says, the header row frozen
  const ringkasan = sheet('Ringkasan Pimpinan');
  expect(fake.book(LEADERS).sheets.get('Ringkasan Pimpinan')?.values[0]?.[0]).toBe(model.sheets[0]?.heading);
  expect(ringkasan.values[2]?.slice(0, 3)).toEqual(['No', 'OPD', 'Jumlah ASN']);
  expect(ringkasan.frozenRowCount).toBe(3);
  expect(sheet('Peta Kesenjangan').frozenColumnCount).toBe(1);
  expect(ringkasan.hideGridlines).toBe(true);
});

test('figures are numbers with explicit patterns, shown with id_ID separators by the locale', () => {
  const ringkasan = sheet('Ringkasan Pimpinan');
  const row = 3; // first OPD
  const col = (header: string) => (ringkasan.values[2] ?? []).indexOf(header);
  const fmt = (r: number, c: number) => (ringkasan.formats?.[r]?.[c] as Json | undefined)?.numberFormat;
  expect(typeof ringkasan.values[row]?.[col('Jumlah ASN')]).toBe('number');
  expect(fmt(row, col('Jumlah ASN'))).toEqual({ type: 'NUMBER', pattern: '#,##0' });
  expect(fmt(row, col('% Dinilai'))).toEqual({ type: 'PERCENT', pattern: '0.0%' });
  const anggaran = sheet('Anggaran Pelatihan');
  expect(anggaran.formats?.[3]?.[1]).toMatchObject({
    numberFormat: { type: 'CURRENCY', pattern: '"Rp"#,##0' },
  });
  // no text under 8 pt anywhere
  for (const s of book.sheets.values())
    for (const r of s.formats ?? [])
      for (const f of r ?? []) {
        const size = ((f as Json | undefined)?.textFormat as Json | undefined)?.fontSize;
        if (size !== undefined) expect(size).toBeGreaterThanOrEqual(8);
      }
});

test('native bar charts with stable ids, drawing from hidden data columns', () => {
  const ringkasan = sheet('Ringkasan Pimpinan');
  const charts = ringkasan.charts ?? [];
  expect(charts.map((c) => c.chartId)).toEqual([
    SHEET_IDS.ringkasan * 100 + 1,
    SHEET_IDS.ringkasan * 100 + 2,
  ]);
  const spec = charts[0]?.spec as Json;
  expect(spec.title).toBe(model.sheets[0]?.charts[0]?.title);
  expect((spec.basicChart as Json).chartType).toBe('BAR');
  expect(spec.hiddenDimensionStrategy).toBe('SHOW_ALL');
  const ncol = model.sheets[0]?.table.columns.length ?? 0;
  expect(ringkasan.columns?.[ncol]?.hiddenByUser).toBe(true);
  expect(ringkasan.columns?.[0]?.hiddenByUser).toBe(false);
  // the chart's categories are in the hidden block
  const cats = model.sheets[0]?.charts[0]?.categories ?? [];
  expect(ringkasan.values.slice(3, 3 + cats.length).map((r) => r?.[ncol])).toEqual(cats);
});

test('the heat map is a gradient rule over the map, median in the middle', () => {
  const peta = sheet('Peta Kesenjangan');
  expect(peta.conditionalFormats).toHaveLength(1);
  const rule = peta.conditionalFormats?.[0] as Json;
  expect((rule.gradientRule as Json).midpoint).toMatchObject({ type: 'PERCENTILE', value: '50' });
  expect((rule.ranges as Json[])[0]).toMatchObject({
    sheetId: SHEET_IDS.peta,
    startRowIndex: 3,
    startColumnIndex: 2,
  });
});

test('every sheet is protected under its stable id', () => {
  for (const s of model.sheets) {
    expect((sheet(s.title).protectedRanges ?? []).map((p) => p.protectedRangeId)).toEqual([
      protectionId(s.sheetId),
    ]);
  }
});

test('a rerun rebuilds in place: the same sheets, charts, rules and protections, none twice', async () => {
  const before = fake.requests.length;
  const count = () => ({
    sheets: book.sheets.size,
    charts: [...book.sheets.values()].reduce((a, s) => a + (s.charts ?? []).length, 0),
    rules: [...book.sheets.values()].reduce((a, s) => a + (s.conditionalFormats ?? []).length, 0),
    protections: [...book.sheets.values()].reduce((a, s) => a + (s.protectedRanges ?? []).length, 0),
  });
  const first = count();
  await writeLeadersSpreadsheet(gateway, model);
  expect(count()).toEqual(first);
  const kinds = fake.requests
    .slice(before)
    .filter((r) => r.method === 'POST')
    .flatMap((r) => requestsOf(r).map((q) => Object.keys(q)[0]));
  expect(kinds).not.toContain('addSheet');
  expect(kinds).not.toContain('addChart');
  expect(kinds).not.toContain('addProtectedRange');
  expect(kinds).toContain('updateChartSpec');
  expect(kinds.filter((k) => k === 'deleteConditionalFormatRule')).toHaveLength(1);
});

test("a sheet staff named like a leaders' sheet is moved aside, not overwritten or duplicated", async () => {
  const other = await startFakeSheets('1OtherLeadersBook00000000000');
  try {
    other.addSheet('Peta Kesenjangan', [['catatan staf']]);
    const gw = createSheetsGateway(other.spreadsheetId, {
      rootUrl: other.rootUrl,
      fetchImplementation: (u, i) => fetch(u, i),
    });
    await writeLeadersSpreadsheet(gw, model);
    expect(other.valuesOf('Peta Kesenjangan (lama)')).toEqual([['catatan staf']]);
    expect(other.sheets.get('Peta Kesenjangan')?.sheetId).toBe(SHEET_IDS.peta);
  } finally {
    await other.close();
  }
});

describe('the local Sheets server refuses what Sheets v4 refuses, applying nothing', () => {
  const send = (requests: Json[]) =>
    fetch(`${fake.rootUrl}v4/spreadsheets/${LEADERS}:batchUpdate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ requests }),
    });
  const chart = (chartId: number, sheetId: number = SHEET_IDS.ringkasan) => ({
    addChart: {
      chart: {
        chartId,
        spec: {
          basicChart: {
            chartType: 'BAR',
            domains: [
              {
                domain: {
                  sourceRange: {
                    sources: [
                      { sheetId, startRowIndex: 0, endRowIndex: 3, startColumnIndex: 0, endColumnIndex: 1 },
                    ],
                  },
                },
              },
            ],
          },
        },
        position: { overlayPosition: { anchorCell: { sheetId, rowIndex: 0, columnIndex: 0 } } },
      },
    },
  });

  test.each([
    ['a duplicate chart id', [chart(SHEET_IDS.ringkasan * 100 + 1)], /already exists/],
    ['an unknown sheet id', [chart(999_001, 424242)], /No grid with id: 424242/],
    [
      'a range past the grid',
      [
        {
          updateCells: {
            range: { sheetId: SHEET_IDS.peta, startRowIndex: 0, endRowIndex: 100_000 },
            fields: 'note',
          },
        },
      ],
      /exceeds grid limits/,
    ],
    [
      'a field Sheets v4 does not have',
      [
        {
          updateSheetProperties: { properties: { sheetId: SHEET_IDS.peta, frozenRows: 2 }, fields: 'title' },
        },
      ],
      /Unknown name "frozenRows"/,
    ],
    [
      'an enumeration value Sheets v4 does not have',
      [{ mergeCells: { range: { sheetId: SHEET_IDS.ikm }, mergeType: 'MERGE_EVERYTHING' } }],
      /merge_type/,
    ],
    [
      'a merge across the frozen columns',
      [
        {
          mergeCells: {
            range: {
              sheetId: SHEET_IDS.peta,
              startRowIndex: 10,
              endRowIndex: 11,
              startColumnIndex: 0,
              endColumnIndex: 3,
            },
            mergeType: 'MERGE_ALL',
          },
        },
      ],
      /frozen and non-frozen columns/,
    ],
  ])('%s', async (_what, requests, message) => {
    const charts = (sheet('Ringkasan Pimpinan').charts ?? []).length;
    const res = await send([{ addChart: chart(SHEET_IDS.ringkasan * 100 + 50).addChart }, ...requests]);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(message);
    // atomic: the valid chart before the invalid request was not added either
    expect((sheet('Ringkasan Pimpinan').charts ?? []).length).toBe(charts);
  });
});
