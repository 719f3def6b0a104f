/**
 * Personal data stays with staff: the leaders' workbook built from the 2,500-ASN sample holds
 * no NIP and no employee name in any cell (or header/footer); the staff's workbook holds them,
 * behind a first sheet that says so.
 */
import {
  ANGGARAN_COLUMNS,
  buildCycle,
  buildLeaderSummary,
  type CycleDoc,
  computeGaps,
  computeIkm,
  computeJp,
  equityYears,
  evaluate,
  JADWAL_COLUMNS,
  jpYear,
  type ScheduleReport,
  topicInterest,
  untrainedEmployees,
  validateWorkbook,
  waitingList,
} from '@bangkom/core';
import ExcelJS from 'exceljs';
import { SHEET_TANPA_PELATIHAN } from '../../../functions/src/adapters/equity-sheet';
import { planSchedule } from '../../../functions/src/adapters/scheduler';
import { buildStaffWorkbook, SHEET_DATA_PRIBADI } from '../../../functions/src/adapters/staff-workbook';
import { buildSummaryWorkbook } from '../../../functions/src/adapters/summary-workbook';
import { SHEET_MINAT_TOPIK } from '../../../functions/src/adapters/topic-interest-sheet';
import { SHEET_DAFTAR_TUNGGU } from '../../../functions/src/adapters/waiting-sheet';
import { generateProgramDetailed, SAMPLE_OPTIONS } from '../../../sheets-templates/program';

const generatedAt = new Date(Date.UTC(2026, 10, 28, 3, 0, 0));
let leaders: ExcelJS.Workbook;
let staff: ExcelJS.Workbook;
let schedule: ScheduleReport;
let names: string[];
let nips: Set<string>;
let cycle: CycleDoc;
/** (ASN in Pegawai, competency) pairs of the sample's Preferensi Topik answers */
let topicChoices: number;
let waitingListOf: () => ReturnType<typeof waitingList>;

/**
 * Every text a reader can see in a workbook: text cells, sheet names, headers and footers, and
 * numbers as their digits (a NIP stored as a number would show as one).
 */
function texts(wb: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  for (const ws of wb.worksheets) {
    out.push(ws.name, ...Object.values(ws.headerFooter ?? {}).map(String));
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        out.push(typeof cell.value === 'number' ? cell.value.toFixed(0) : cell.text);
      });
    });
  }
  return out;
}

beforeAll(async () => {
  const sample = generateProgramDetailed(SAMPLE_OPTIONS);
  const { data } = validateWorkbook(sample.raw);
  // a one-word name that is part of a course title (an ASN named "Prima", "Pelayanan Prima") is not a leak
  const titles = data.courses.map((c) => c.judul).join('\n');
  names = sample.employees.map((e) => e.nama).filter((n) => !titles.includes(n));
  nips = new Set(sample.employees.map((e) => e.nip));
  const gaps = computeGaps(data);
  const jp = computeJp(data, jpYear(data.settings) ?? 2026);
  const ikm = computeIkm(data.skm);
  const summary = buildLeaderSummary(data, gaps, jp, ikm);
  schedule = await planSchedule(data, gaps, { solver: null });
  // the kept cycle too: Tren and Hasil Layanan must hold aggregates only as well (and the FGD sheet)
  cycle = buildCycle({
    data,
    gaps,
    ikm,
    evaluation: evaluate(data),
    summary,
    schedule,
    dihitung: generatedAt.toISOString(),
  });
  const built = await buildSummaryWorkbook({
    summary,
    ikm,
    generatedAt,
    schedule,
    cycles: [cycle],
    chartEngine: 'svg',
  });
  waitingListOf = () => waitingList(schedule, data);
  const inPegawai = new Set(data.employees.map((e) => e.nip));
  topicChoices = data.preferences
    .filter((p) => inPegawai.has(p.nip))
    .reduce((n, p) => n + new Set(p.topik).size, 0);
  const equity = {
    tahun: summary.tahun,
    tahunJangka: equityYears(data.settings),
    list: untrainedEmployees(data.employees, data.trainings, summary.tahun, equityYears(data.settings)),
  };
  leaders = new ExcelJS.Workbook();
  await leaders.xlsx.load((await built.workbook.xlsx.writeBuffer()) as unknown as ArrayBuffer);
  staff = new ExcelJS.Workbook();
  await staff.xlsx.load(
    (await buildStaffWorkbook({
      schedule,
      generatedAt,
      equity,
      topics: topicInterest(data),
      daftarTunggu: waitingList(schedule, data),
    }).xlsx.writeBuffer()) as unknown as ArrayBuffer,
  );
}, 120_000);

test('the sample has a schedule with participants and named employees (the check below bites)', () => {
  expect(schedule.individu.length).toBeGreaterThan(100);
  expect(schedule.sessions.some((s) => s.peserta.length > 0)).toBe(true);
  expect(names.length).toBeGreaterThan(2000);
});

test('no cell of the leaders workbook holds an 18-digit NIP or an employee name of the sample', () => {
  const all = texts(leaders);
  expect(all.length).toBeGreaterThan(500);
  // 18 digits in a row (spaces ignored: "1985 0230 ..."), or any sample NIP inside a text
  const withNip = all.filter((t) => /(?<!\d)\d{18}(?!\d)/.test(t.replace(/\s/g, '')));
  expect(withNip).toEqual([]);
  const joined = all.join('\n');
  expect([...nips].filter((n) => joined.includes(n))).toEqual([]);
  const named = names.filter((n) => joined.includes(n));
  expect(named).toEqual([]);
  expect(leaders.worksheets.map((w) => w.name)).not.toContain('Rencana Individu');
  expect(leaders.worksheets.map((w) => w.name)).toEqual(
    expect.arrayContaining(['Tren', 'Hasil Layanan', 'Prioritas FGD']),
  );
});

test('the staff workbook opens on the personal-data notice and holds the per-person sheets', () => {
  expect(staff.worksheets.map((w) => w.name)).toEqual([
    SHEET_DATA_PRIBADI,
    'Jadwal Pelatihan',
    'Rencana Pengembangan',
    'Rencana Individu',
    'Anggaran Pelatihan',
    SHEET_DAFTAR_TUNGGU,
    SHEET_TANPA_PELATIHAN,
    SHEET_MINAT_TOPIK,
  ]);
  const notice = texts(
    staff.worksheets[0] ? ({ worksheets: [staff.worksheets[0]] } as ExcelJS.Workbook) : staff,
  );
  expect(notice.join(' ')).toMatch(/Undang-Undang Nomor 27 Tahun 2022/);
  expect(notice.join(' ')).toMatch(/Yang boleh melihat: petugas BKPSDM/);
  const individu = staff.getWorksheet('Rencana Individu') as ExcelJS.Worksheet;
  expect(nips.has(String(individu.getCell('A2').value))).toBe(true);
});

test('the staff workbook holds the waiting list of every session, in line from 1, as the program sheet', () => {
  const ws = staff.getWorksheet(SHEET_DAFTAR_TUNGGU) as ExcelJS.Worksheet;
  const rows = Array.from(
    { length: ws.rowCount - 2 },
    (_, i) => ws.getRow(3 + i).values as ExcelJS.CellValue[],
  );
  const expected = waitingListOf();
  expect(rows.length).toBe(expected.length);
  expect(expected.length).toBeGreaterThan(100);
  const sessions = new Set(schedule.sessions.map((s) => s.id));
  rows.forEach((r, i) => {
    const e = expected[i];
    expect(r.slice(1, 6)).toEqual([e?.sesi, e?.urutan, e?.nip, e?.nama, e?.opd]);
    expect(sessions.has(String(r[1]))).toBe(true);
  });
  expect(String(ws.getCell('A1').value)).toMatch(/orang menunggu di [\d.]+ sesi/);
});

test('the staff workbook lists by name the ASN the leaders see counted as untrained', () => {
  const ws = staff.getWorksheet(SHEET_TANPA_PELATIHAN) as ExcelJS.Worksheet;
  const listed = Array.from({ length: ws.rowCount - 2 }, (_, i) => String(ws.getCell(3 + i, 1).value));
  expect(cycle.kota.tanpaPelatihan).toBeGreaterThan(0);
  expect(listed).toHaveLength(cycle.kota.tanpaPelatihan);
  expect(listed.every((n) => nips.has(n))).toBe(true);
  expect(String(ws.getCell('A1').value)).toMatch(/^\d+ ASN tidak memulai pelatihan apa pun pada 2025–2026/);
});

test("the staff workbook tallies the survey's Topik answers per OPD", () => {
  const ws = staff.getWorksheet(SHEET_MINAT_TOPIK) as ExcelJS.Worksheet;
  expect((ws.getRow(2).values as ExcelJS.CellValue[]).slice(1, 5)).toEqual([
    'OPD',
    'Kode Kompetensi',
    'Kompetensi',
    'ASN Memilih',
  ]);
  const counts = Array.from({ length: ws.rowCount - 2 }, (_, i) => Number(ws.getCell(3 + i, 4).value));
  expect(topicChoices).toBeGreaterThan(1000);
  // every choice of an ASN in Pegawai counted exactly once
  expect(counts.reduce((a, b) => a + b, 0)).toBe(topicChoices);
  expect(
    new Set(Array.from({ length: ws.rowCount - 2 }, (_, i) => ws.getCell(3 + i, 1).value)).size,
  ).toBeGreaterThan(5);
});

test('Jadwal and Anggaran show the same columns, widths and totals in both workbooks (one layout, from the core)', () => {
  /** header texts and column widths from the row whose first cell is `first` */
  const layout = (ws: ExcelJS.Worksheet, first: string) => {
    let at = 0;
    ws.eachRow((row, n) => {
      if (at === 0 && row.getCell(1).value === first) at = n;
    });
    expect(at).toBeGreaterThan(0);
    const headers = (ws.getRow(at).values as ExcelJS.CellValue[]).slice(1).map(String);
    return { at, headers, widths: headers.map((_, i) => ws.getColumn(i + 1).width) };
  };
  const sheet = (wb: ExcelJS.Workbook, name: string) => wb.getWorksheet(name) as ExcelJS.Worksheet;
  const jadwalLeaders = layout(sheet(leaders, 'Jadwal Pelatihan'), 'ID Sesi');
  const jadwalStaff = layout(sheet(staff, 'Jadwal Pelatihan'), 'ID Sesi');
  expect(jadwalLeaders.headers).toEqual(JADWAL_COLUMNS.map((c) => c.header));
  // the staff's adds the participants' NIPs and the trainer after the shared columns
  expect(jadwalStaff.headers).toEqual([...JADWAL_COLUMNS.map((c) => c.header), 'Peserta (NIP)', 'Pengajar']);
  expect(jadwalStaff.widths.slice(0, -2)).toEqual(JADWAL_COLUMNS.map((c) => c.width));
  const anggaranLeaders = layout(sheet(leaders, 'Anggaran Pelatihan'), 'OPD');
  const anggaranStaff = layout(sheet(staff, 'Anggaran Pelatihan'), 'OPD');
  expect(anggaranStaff.headers).toEqual(ANGGARAN_COLUMNS.map((c) => c.header));
  expect(anggaranLeaders.headers).toEqual(anggaranStaff.headers);
  expect(anggaranStaff.widths).toEqual(ANGGARAN_COLUMNS.map((c) => c.width));
  // the same figures row by row, the Jumlah row included
  const rows = (ws: ExcelJS.Worksheet, from: number) =>
    Array.from({ length: schedule.budget.length + 1 }, (_, i) =>
      (ws.getRow(from + 1 + i).values as ExcelJS.CellValue[]).slice(1, 6),
    );
  const staffRows = rows(sheet(staff, 'Anggaran Pelatihan'), anggaranStaff.at);
  expect(staffRows.at(-1)?.[0]).toBe('Jumlah');
  expect(rows(sheet(leaders, 'Anggaran Pelatihan'), anggaranLeaders.at)).toEqual(staffRows);
});
