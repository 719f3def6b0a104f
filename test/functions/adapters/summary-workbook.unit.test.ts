import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildSummaryModel,
  IKM_HEADER,
  type IkmReport,
  type LeaderSummary,
  type LeaderSummaryRow,
  MUTU_TABLE,
  mutuOf,
} from '@bangkom/core';
import ExcelJS from 'exceljs';
import { handSvg, renderBarChart, twoLines } from '../../../functions/src/adapters/charts';
import { columnPx, lineHeight, wrappedLineCount } from '../../../functions/src/adapters/schedule-sheets';
import { planSchedule } from '../../../functions/src/adapters/scheduler';
import {
  buildSummaryWorkbook,
  chooseChartLayout,
  rotatedHeaderHeight,
  SHEET_IKM,
  SHEET_PETA,
  SHEET_RINGKASAN,
  writeSummaryWorkbook,
} from '../../../functions/src/adapters/summary-workbook';

import { barSpec } from '../../../functions/src/adapters/summary-xlsx/ringkasan';
import { generateInstance } from '../../core/schedule-fixtures';

const PNG_SIGNATURE = '89504e470d0a1a0a';

/** what a ranked gap rests on, enough ASN and not only self-rated */
const BASE = { dinilai: 40, wajib: 50, tipis: false, hanyaDiri: false };

function row(opd: string, over: Partial<LeaderSummaryRow>): LeaderSummaryRow {
  return {
    opd,
    pegawai: 0,
    dinilai: 0,
    persenDinilai: null,
    rataGap: null,
    topGap: [],
    memenuhiJp: 0,
    persenJp: null,
    ikm: null,
    konversi: null,
    mutu: null,
    kinerja: null,
    periodeIkm: null,
    unitIkm: [],
    respondenIkm: 0,
    ...over,
  };
}

const kesehatan = row('Dinas Kesehatan', {
  pegawai: 1234,
  dinilai: 1000,
  persenDinilai: (1000 / 1234) * 100,
  rataGap: 0.75,
  topGap: [
    { kode: 'M.05', nama: 'Pelayanan Publik', rataGap: 1.25, ...BASE },
    { kode: 'M.01', nama: 'Integritas', rataGap: 0.5, ...BASE },
  ],
  memenuhiJp: 617,
  persenJp: 50,
  ikm: 3.5,
  konversi: 87.5,
  mutu: 'B',
  kinerja: 'Baik',
  periodeIkm: '2026-S1',
  unitIkm: ['Dinas Kesehatan'],
  respondenIkm: 40,
});
const rsud = row('RSUD Sawahlunto', {
  pegawai: 300,
  dinilai: 0,
  persenDinilai: 0,
  memenuhiJp: 30,
  persenJp: 10,
});

const summary: LeaderSummary = {
  tahun: 2026,
  targetJp: 20,
  rows: [kesehatan, rsud],
  total: row('Seluruh OPD', {
    pegawai: 1534,
    dinilai: 1000,
    persenDinilai: (1000 / 1534) * 100,
    rataGap: 0.75,
    memenuhiJp: 647,
    persenJp: (647 / 1534) * 100,
    ikm: 3.5,
    konversi: 87.5,
    mutu: 'B',
    kinerja: 'Baik',
  }),
  heatMap: {
    kompetensi: [
      { kode: 'M.01', nama: 'Integritas' },
      { kode: 'M.05', nama: 'Pelayanan Publik' },
    ],
    opd: ['Dinas Kesehatan', 'RSUD Sawahlunto'],
    nilai: [
      [0.5, 1.25],
      [null, null],
    ],
    jumlah: [
      [800, 900],
      [0, 0],
    ],
    wajib: [
      [900, 1000],
      [300, 0],
    ],
    tipis: [
      [false, false],
      [false, false],
    ],
    hanyaDiri: [
      [false, false],
      [false, false],
    ],
    total: [0.5, 1.25],
  },
  totals: {
    opd: 2,
    pegawai: 1534,
    dinilai: 1000,
    tanpaStandar: 0,
    kompetensiDiketahui: 1700,
    kompetensiBelumDinilai: 600,
    memenuhiJp: 647,
    unitIkm: 2,
    respondenIkm: 70,
  },
  unitTanpaOpd: ['Puskesmas Talawi'],
  jabatanTanpaStandar: [],
  minimum: { asn: 5, persen: 0.1 },
};

const ikm: IkmReport = {
  units: [
    {
      unit: 'Dinas Kesehatan',
      periode: '2026-S1',
      responden: 40,
      nrr: Array(9).fill(3.5),
      ikm: 3.5,
      konversi: 87.5,
      mutu: 'B',
      kinerja: 'Baik',
    },
    {
      unit: 'Puskesmas Talawi',
      periode: '2026-S1',
      responden: 30,
      nrr: Array(9).fill(2.5),
      ikm: 2.5,
      konversi: 62.5,
      mutu: 'D',
      kinerja: 'Tidak Baik',
    },
  ],
};

let dir: string;
let wb: ExcelJS.Workbook;
let written: Awaited<ReturnType<typeof writeSummaryWorkbook>>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bangkom-ringkasan-'));
  const path = join(dir, 'out', 'ringkasan-pimpinan.xlsx');
  written = await writeSummaryWorkbook(path, {
    summary,
    ikm,
    generatedAt: new Date(Date.UTC(2026, 10, 28, 3, 0, 0)),
    tenant: 'sawahlunto',
  });
  wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('sheets: the one-page summary, the heat map and the IKM detail', () => {
  expect(wb.worksheets.map((w) => w.name)).toEqual([SHEET_RINGKASAN, SHEET_PETA, SHEET_IKM]);
  expect(written.sheets).toEqual([SHEET_RINGKASAN, SHEET_PETA, SHEET_IKM]);
  expect(written.charts).toBe(2);
});

test('Ringkasan Pimpinan: title, date in WIB, one row per OPD and the city row with number formats', () => {
  const ws = wb.getWorksheet(SHEET_RINGKASAN) as ExcelJS.Worksheet;
  expect(ws.getCell('A1').value).toBe('Ringkasan Pengembangan Kompetensi ASN Tahun 2026');
  expect(String(ws.getCell('A2').value)).toMatch(/28 November 2026.*10\.00 WIB/);
  expect(ws.getRow(4).values).toEqual([
    undefined,
    'No',
    'OPD',
    'Jumlah ASN',
    '% Dinilai',
    'Rata-rata Kesenjangan',
    '3 Kesenjangan Kompetensi Tertinggi',
    '% Memenuhi 20 JP',
    'IKM',
    'Mutu',
  ]);
  const r5 = ws.getRow(5);
  expect(r5.getCell(1).value).toBe('1');
  expect(r5.getCell(2).value).toBe('Dinas Kesehatan');
  // the top-three text carries id_ID figures: every figure of this table is id_ID text, so a
  // reader in any locale sees one notation (never "100.0%" beside "(0,66)")
  expect(r5.getCell(3).value).toBe('1.234');
  expect(r5.getCell(4).value).toBe('81,0%');
  expect(r5.getCell(5).value).toBe('0,75');
  expect(r5.getCell(6).value).toBe('M.05 Pelayanan Publik 1,25 (40 ASN); M.01 Integritas 0,50 (40 ASN)');
  expect(r5.getCell(7).value).toBe('50,0%');
  expect(r5.getCell(8).value).toBe('87,50');
  expect(r5.getCell(9).value).toBe('B (Baik)');
  for (let c = 1; c <= 9; c++) expect(r5.getCell(c).numFmt ?? 'General').toBe('General');
  // RSUD: nothing assessed, no IKM: empty cells, never 0
  const r6 = ws.getRow(6);
  expect(r6.getCell(5).value).toBeNull();
  expect(r6.getCell(8).value).toBeNull();
  const total = ws.getRow(7);
  expect(total.getCell(2).value).toBe('Seluruh OPD');
  expect(total.getCell(3).value).toBe('1.534');
  expect(total.font?.bold).toBe(true);
});

test('Ringkasan Pimpinan prints A4 landscape, fitted to the width, its header row on every page', () => {
  const ws = wb.getWorksheet(SHEET_RINGKASAN) as ExcelJS.Worksheet;
  expect(ws.pageSetup).toMatchObject({
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: '4:4',
  });
  expect(ws.pageSetup.printArea).toMatch(/^A1:I\d+$/);
});

test('charts are embedded as PNG images on the summary sheet', () => {
  const ws = wb.getWorksheet(SHEET_RINGKASAN) as ExcelJS.Worksheet;
  const images = ws.getImages();
  expect(images).toHaveLength(2);
  for (const image of images) {
    const media = wb.getImage(Number(image.imageId));
    expect(media.extension).toBe('png');
    expect(
      Buffer.from(media.buffer as unknown as Uint8Array)
        .subarray(0, 8)
        .toString('hex'),
    ).toBe(PNG_SIGNATURE);
    // below the table (rows 1–8 hold title, header, rows, total and note)
    expect(image.range.tl.nativeRow).toBeGreaterThanOrEqual(8);
  }
});

test('Peta Kesenjangan: means with a 3-colour scale, their base, "belum" apart from "not required"', () => {
  const ws = wb.getWorksheet(SHEET_PETA) as ExcelJS.Worksheet;
  expect(ws.getCell('A1').value).toBe('OPD');
  expect(ws.getCell('B1').value).toBe('ASN Dinilai');
  expect(ws.getCell('C1').value).toBe('M.01\nIntegritas');
  expect(ws.getCell('B2').value).toBe(1000);
  expect(ws.getCell('D2').value).toBe(1.25);
  // the figure says what it rests on
  expect(ws.getCell('D2').note).toBe(
    'M.05: rata-rata kesenjangan 1,25 dari 900 ASN dinilai (1.000 ASN jabatannya mensyaratkan).',
  );
  // RSUD: M.01 required of 300 and nobody assessed; M.05 required of nobody
  expect(ws.getCell('C3').value).toBe('belum');
  expect(ws.getCell('D3').value).toBe('–');
  expect(ws.getCell('D3').fill).toMatchObject({ fgColor: { argb: 'FFD9D9D9' } });
  expect(ws.getCell('A4').value).toBe('Seluruh OPD');
  expect(ws.getCell('D4').value).toBe(1.25);
  const legend: string[] = [];
  ws.eachRow((r) => {
    const v = r.getCell(1).value;
    if (typeof v === 'string') legend.push(v);
  });
  expect(legend.join('\n')).toMatch(
    /"belum": jabatan di OPD ini mensyaratkan kompetensi itu, tetapi belum ada ASN/,
  );
  expect(legend.join('\n')).toMatch(/"–" abu-abu: tidak disyaratkan jabatan mana pun di OPD ini/);
  const cf = (
    ws as unknown as { conditionalFormattings: { ref: string; rules: { type: string; cfvo: unknown[] }[] }[] }
  ).conditionalFormattings;
  expect(cf).toHaveLength(1);
  expect(cf[0]?.ref).toBe('C2:D3');
  expect(cf[0]?.rules[0]?.type).toBe('colorScale');
  expect(cf[0]?.rules[0]?.cfvo).toHaveLength(3);
});

test('IKM Unit Layanan: NRR per element, IKM, konversi and mutu per unit', () => {
  const ws = wb.getWorksheet(SHEET_IKM) as ExcelJS.Worksheet;
  // the same columns as the program spreadsheet's Hasil IKM
  expect(ws.getRow(1).values).toEqual([undefined, ...IKM_HEADER]);
  expect(ws.getRow(3).values).toEqual([
    undefined,
    'Puskesmas Talawi',
    '2026-S1',
    30,
    ...Array(9).fill(2.5),
    2.5,
    62.5,
    'D',
    'Tidak Baik',
  ]);
});

test('hand-drawn SVG chart: escapes labels, draws a bar per value and a label for missing data', async () => {
  const svg = handSvg({
    title: 'Uji <grafik> & "kutip"',
    valueTitle: '%',
    max: 100,
    bars: [
      { label: 'A', value: 50 },
      { label: 'B', value: null },
    ],
  });
  expect(svg).toContain('Uji &#60;grafik&#62; &#38; &#34;kutip&#34;');
  expect(svg.match(/<rect x="300"/g)).toHaveLength(1);
  expect(svg).toContain('tidak ada data');
  const chart = await renderBarChart(
    { title: 'x', valueTitle: 'y', max: 100, bars: [{ label: 'A', value: 42.5 }] },
    'svg',
  );
  expect(chart.engine).toBe('svg');
  expect(chart.png.subarray(0, 8).toString('hex')).toBe(PNG_SIGNATURE);
  expect(chart.width).toBeGreaterThan(500);
});

test('vega renders the chart where ESM import works (a child process, as the CLI runs)', () => {
  // jest's CommonJS runtime cannot import() the ESM-only vega; the CLI (node, tsx) can
  const charts = join(__dirname, '..', '..', '..', 'functions', 'src', 'adapters', 'charts.ts');
  const script = `require('tsx/cjs');
    require(${JSON.stringify(charts)}).renderBarChart({ title: 'IKM', valueTitle: 'IKM', max: 100,
      bars: [{ label: 'Dinas Kesehatan', value: 87.5, group: 'B' }], rule: { value: 76.61, label: 'B' } })
      .then((c) => process.stdout.write(JSON.stringify({ engine: c.engine, width: c.width, sig: c.png.subarray(0, 8).toString('hex') })));`;
  const out = execFileSync(process.execPath, ['-e', script], {
    cwd: join(__dirname, '..', '..', '..'),
    encoding: 'utf8',
  });
  const result = JSON.parse(out) as { engine: string; width: number; sig: string };
  expect(result.engine).toBe('vega');
  expect(result.sig).toBe(PNG_SIGNATURE);
  expect(result.width).toBeGreaterThan(500);
});

test('the line chart of several series renders through vega without a warning on the console', () => {
  // the CLI prints whatever vega logs: a conflicting legend setting used to print an English
  // "WARN Conflicting legend property" line on every run
  const lineChart = join(__dirname, '..', '..', '..', 'functions', 'src', 'adapters', 'line-chart.ts');
  const script = `require('tsx/cjs');
    require(${JSON.stringify(lineChart)}).renderLineChart({ title: 'IKM per tahun', valueTitle: 'IKM',
      categories: ['2025', '2026'], min: 0, max: 100, digits: 1,
      series: [{ name: 'Dinas A', values: [70.5, 75] }, { name: 'Dinas B', values: [80, null] }] })
      .then((c) => process.stdout.write(JSON.stringify({ engine: c.engine, sig: c.png.subarray(0, 8).toString('hex') })));`;
  const run = spawnSync(process.execPath, ['-e', script], {
    cwd: join(__dirname, '..', '..', '..'),
    encoding: 'utf8',
  });
  expect(run.status).toBe(0);
  expect(run.stderr).toBe('');
  const result = JSON.parse(run.stdout) as { engine: string; sig: string };
  expect(result.engine).toBe('vega');
  expect(result.sig).toBe(PNG_SIGNATURE);
});

// ---------------------------------------------------------------- layout: what a leader sees

/** 25 OPD with long names and three long competency names each, like the city's real data */
function citySummary(): LeaderSummary {
  const names = [
    'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
    'Dinas Koperasi, Usaha Kecil dan Menengah dan Perdagangan',
    'Satuan Polisi Pamong Praja dan Pemadam Kebakaran',
    'Inspektorat',
  ];
  const gaps = [
    { kode: 'T.07', nama: 'Manajemen ASN', rataGap: 0.66, ...BASE },
    { kode: 'T.05', nama: 'Sistem Informasi dan Transformasi Digital', rataGap: 0.53, ...BASE },
    { kode: 'M.06', nama: 'Pengembangan Diri dan Orang Lain', rataGap: 0.5, ...BASE },
  ];
  const rows = Array.from({ length: 25 }, (_, i) =>
    row(`${names[i % names.length]} ${i + 1}`, {
      pegawai: 40 + i,
      dinilai: 30,
      persenDinilai: 75,
      rataGap: 0.3,
      topGap: gaps,
      memenuhiJp: 20,
      persenJp: 40 + i,
    }),
  );
  return {
    ...summary,
    rows,
    total: { ...summary.total, topGap: gaps },
    heatMap: {
      kompetensi: Array.from({ length: 24 }, (_, i) => ({
        kode: `T.${String(i + 1).padStart(2, '0')}`,
        nama: i % 2 ? 'Sistem Informasi dan Transformasi Digital' : 'Integritas',
      })),
      opd: rows.map((r) => r.opd),
      nilai: rows.map((_, i) => Array.from({ length: 24 }, (_, k) => ((i + k) % 7) / 5)),
      jumlah: rows.map(() => Array(24).fill(10)),
      wajib: rows.map(() => Array(24).fill(12)),
      tipis: rows.map(() => Array(24).fill(false)),
      hanyaDiri: rows.map(() => Array(24).fill(false)),
      total: Array(24).fill(0.5),
    },
  };
}

describe('layout of the summary for a whole city', () => {
  let city: ExcelJS.Workbook;
  beforeAll(async () => {
    const built = await buildSummaryWorkbook({
      summary: citySummary(),
      ikm,
      generatedAt: new Date(Date.UTC(2026, 10, 28, 3, 0, 0)),
      chartEngine: 'svg',
    });
    city = new ExcelJS.Workbook();
    await city.xlsx.load((await built.workbook.xlsx.writeBuffer()) as unknown as ArrayBuffer);
  });

  test('every OPD row is tall enough for its wrapped name and top-three text (no text runs into the next row)', () => {
    const ws = city.getWorksheet(SHEET_RINGKASAN) as ExcelJS.Worksheet;
    const heights: number[] = [];
    for (let r = 5; r <= 5 + 25; r++) {
      const rowNo = ws.getRow(r);
      for (const c of [2, 6]) {
        const cell = rowNo.getCell(c);
        expect(cell.alignment?.wrapText).toBe(true);
        const px = columnPx(ws.getColumn(c).width ?? 0) - (cell.alignment?.indent ?? 0) * 10;
        const lines = wrappedLineCount(String(cell.value), px, 10, cell.font?.bold === true);
        if (c === 6) expect(lines).toBeGreaterThanOrEqual(2); // the three long names do wrap
        expect(rowNo.height).toBeGreaterThanOrEqual(lineHeight(lines));
      }
      heights.push(rowNo.height);
    }
    // every row (same three long names) is taller than one line
    expect(Math.min(...heights)).toBeGreaterThan(lineHeight(1));
    // the city row (bold) also fits
    expect(ws.getRow(30).getCell(2).value).toBe('Seluruh OPD');
    expect(ws.getRow(30).font?.bold).toBe(true);
  });

  test('a tall table keeps the charts under it; page 1 fitted to A4 landscape width, 8 pt at least', () => {
    const ws = city.getWorksheet(SHEET_RINGKASAN) as ExcelJS.Worksheet;
    const images = ws.getImages();
    expect(images).toHaveLength(2);
    // under the table (and its notes), not beside it: beside would shrink the page
    for (const image of images) expect(image.range.tl.nativeCol).toBeLessThan(9);
    for (const image of images) expect(image.range.tl.nativeRow).toBeGreaterThanOrEqual(30);
    expect(ws.pageSetup).toMatchObject({
      orientation: 'landscape',
      paperSize: 9,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(ws.pageSetup.printTitlesRow).toBe('4:4');
    // the print scale is the printable width over the table's: every text stays 8 pt or more
    const tablePx = Array.from({ length: 9 }, (_, i) => (ws.getColumn(i + 1).width ?? 9) * 7 + 5).reduce(
      (a, w) => a + w,
      0,
    );
    const scale = Math.min(1, ((11.69 - 0.4 - 0.4) * 96) / tablePx);
    let smallest = Number.POSITIVE_INFINITY;
    ws.eachRow((row) => {
      row.eachCell((cell) => {
        if (cell.value !== null && cell.value !== undefined)
          smallest = Math.min(smallest, cell.font?.size ?? 11);
      });
    });
    expect(smallest * scale).toBeGreaterThanOrEqual(8);
  });

  test('Peta Kesenjangan: rotated wrapped headers tall enough, legend, print titles and width fit', () => {
    const ws = city.getWorksheet(SHEET_PETA) as ExcelJS.Worksheet;
    const head = ws.getRow(1);
    expect(head.getCell(2).alignment).toMatchObject({ textRotation: 90, wrapText: true });
    const texts = Array.from({ length: 24 }, (_, i) => String(head.getCell(i + 2).value));
    expect(head.height).toBe(rotatedHeaderHeight(texts, ws.getColumn(2).width ?? 0, 9));
    expect(head.height).toBeGreaterThan(
      rotatedHeaderHeight(['T.01\nIntegritas'], ws.getColumn(2).width ?? 0, 9),
    );
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
    // 25 OPD: the whole map on one page
    expect(ws.pageSetup).toMatchObject({
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 1,
    });
    expect(ws.pageSetup.printTitlesRow).toBe('1:1');
    const legend: string[] = [];
    ws.getColumn(1).eachCell((c) => {
      legend.push(String(c.value));
    });
    expect(legend).toEqual(expect.arrayContaining(['Hijau: kesenjangan kecil', 'Merah: kesenjangan besar']));
    // the long OPD names wrap inside their rows
    const a2 = ws.getCell('A2');
    expect(a2.alignment?.wrapText).toBe(true);
    expect(ws.getRow(2).height).toBeGreaterThanOrEqual(
      lineHeight(wrappedLineCount(String(a2.value), columnPx(ws.getColumn(1).width ?? 0))),
    );
  });

  test('IKM Unit Layanan: frozen header and unit column, prints fitted to width with the header on each page', () => {
    const ws = city.getWorksheet(SHEET_IKM) as ExcelJS.Worksheet;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.pageSetup.printTitlesRow).toBe('1:1');
    expect(ws.getRow(2).getCell(4).numFmt).toBe('0.00');
  });
});

test('chart placement: a short table keeps its charts below, a tall one puts them beside', () => {
  const charts = [
    { w: 600, h: 600 },
    { w: 600, h: 450 },
  ];
  const short = chooseChartLayout(charts, { tableWidth: 1250, tableHeight: 200, rightTop: 60 });
  expect(short.placement).toBe('bawah');
  expect(short.positions.every((p) => p.y >= 200)).toBe(true);
  const tall = chooseChartLayout(charts, { tableWidth: 1250, tableHeight: 1100, rightTop: 60 });
  expect(tall.placement).toBe('kanan');
  expect(tall.positions.every((p) => p.x >= 1250)).toBe(true);
  expect(tall.positions[1]?.y).toBeGreaterThanOrEqual(60 + 600);
});

test('chart labels: long ones split into two lines at the space nearest the middle', () => {
  expect(twoLines('Dinas Sosial', 56)).toBe('Dinas Sosial');
  const long = 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu (2026-S1)';
  const split = twoLines(long, 56);
  expect(split.split('\n')).toHaveLength(2);
  expect(split.replace('\n', ' ')).toBe(long);
  expect(Math.max(...split.split('\n').map((l) => l.length))).toBeLessThan(40);
});

test('title names both years when the schedule plans the next fiscal year', async () => {
  const inst = generateInstance({ seed: 4, asn: 20, courses: 3, opds: 2, tahun: 2027 });
  const schedule = await planSchedule(inst.data, inst.gaps, { solver: null, holidays: inst.holidays });
  const generatedAt = new Date(Date.UTC(2026, 10, 28, 3, 0, 0));
  const planned = await buildSummaryWorkbook({ summary, ikm, generatedAt, schedule, chartEngine: 'svg' });
  expect(planned.workbook.getWorksheet(SHEET_RINGKASAN)?.getCell('A1').value).toBe(
    'Ringkasan Pengembangan Kompetensi ASN: Realisasi 2026, Rencana 2027',
  );
  // the schedule's aggregate sheets only: no per-person plan, no participant list
  expect(planned.workbook.worksheets.map((w) => w.name)).toEqual([
    SHEET_RINGKASAN,
    SHEET_PETA,
    SHEET_IKM,
    'Jadwal Pelatihan',
    'Rencana Pengembangan',
    'Anggaran Pelatihan',
  ]);
  const jadwal = planned.workbook.getWorksheet('Jadwal Pelatihan') as ExcelJS.Worksheet;
  const headers = (jadwal.getRow(1).values as unknown[]).slice(1);
  expect(headers).toContain('Jumlah Peserta');
  expect(headers).not.toContain('Peserta (NIP)');
  const first = schedule.sessions[0];
  expect(jadwal.getCell('J2').value).toBe(first?.peserta.length);
  expect(jadwal.getCell('F2').numFmt).toBe('dd/mm/yyyy');
  const sameYear = await buildSummaryWorkbook({
    summary,
    ikm,
    generatedAt,
    schedule: { ...schedule, tahun: 2026 },
    chartEngine: 'svg',
  });
  expect(sameYear.workbook.getWorksheet(SHEET_RINGKASAN)?.getCell('A1').value).toBe(
    'Ringkasan Pengembangan Kompetensi ASN Tahun 2026',
  );
});

test('IKM chart: each unit at its latest period in the core order (Semester I 2026 after II 2025)', () => {
  const unit = (name: string, periode: string, konversi: number): IkmReport['units'][number] => {
    const m = mutuOf(konversi);
    return {
      unit: name,
      periode,
      responden: 10,
      nrr: Array(9).fill(konversi / 25),
      ikm: konversi / 25,
      konversi,
      mutu: m.mutu,
      kinerja: m.kinerja,
    };
  };
  const report: IkmReport = {
    units: [
      unit('Dinas Sosial', 'Semester II 2025', 70),
      unit('Dinas Sosial', 'Semester I 2026', 90),
      unit('Puskesmas Talawi', 'Triwulan 4 2025', 60),
      unit('Puskesmas Talawi', 'Triwulan 1 2026', 80),
    ],
  };
  const model = buildSummaryModel({ summary, ikm: report, generatedAt: new Date(0) });
  const page = model.sheets.find((x) => x.title === SHEET_RINGKASAN);
  const [, modelChart] = page?.charts ?? [];
  // what the xlsx renderer draws
  const chart = modelChart?.kind === 'bar' ? barSpec(modelChart) : undefined;
  expect(chart?.bars.map((b) => [b.label, b.value])).toEqual([
    ['Dinas Sosial (Semester I 2026)', 90],
    ['Puskesmas Talawi (Triwulan 1 2026)', 80],
  ]);
  // the mutu table behind colours, legend and the B line is the core's
  const b = MUTU_TABLE.find((t) => t.mutu === 'B');
  expect(chart?.rule?.value).toBe(b?.minKonversi);
  expect(chart?.rule?.label).toBe(`batas mutu B (${b?.kinerja}), 76,61`);
  expect(Object.keys(chart?.colors ?? {})).toEqual(MUTU_TABLE.map((t) => `${t.mutu} ${t.kinerja}`));
  expect(chart?.bars.map((x) => x.group)).toEqual(['A Sangat Baik', 'B Baik']);
});

test('the summary note prints the core mutu table', () => {
  const ws = wb.getWorksheet(SHEET_RINGKASAN) as ExcelJS.Worksheet;
  const note = String(ws.getCell('A8').value);
  const bands = MUTU_TABLE.filter((t) => Number.isFinite(t.minKonversi)).map(
    (t) => `${t.mutu} ≥ ${t.minKonversi.toFixed(2).replace('.', ',')}`,
  );
  expect(note).toContain(`mutu ${bands.join(', ')}, D di bawahnya`);
});
