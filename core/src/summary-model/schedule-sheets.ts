/**
 * The schedule's sheets for leaders: sessions with their head counts (no participant list),
 * the development plan in the columns of PP 11/2017 art. 207, and the budget per OPD in plain
 * words. Per-person plans and participant NIPs go to the staff's workbook, never here.
 */
import { DEVELOPMENT_PLAN_COLUMNS, developmentPlanCells, sessionCost } from '../plan.js';
import type { BudgetUse, ScheduledSession } from '../schedule-report.js';
import { idFixed } from './format.js';
import type { SummaryModelInput } from './input.js';
import type { SummaryCell, SummaryColumn, SummaryRow, SummarySheet } from './model.js';
import { SHEET_IDS, SUMMARY_TITLES } from './titles.js';

function list(key: string, title: string, heading: string, table: SummarySheet['table']): SummarySheet {
  return {
    key,
    sheetId: SHEET_IDS[key as keyof typeof SHEET_IDS],
    title,
    heading,
    table,
    notes: [],
    charts: [],
    layout: 'list',
    print: { orientation: 'landscape', onePage: false },
  };
}

/**
 * Columns of `Jadwal Pelatihan` in both workbooks: the leaders' shows these, the staff's adds
 * the participants' NIPs after them.
 */
export const JADWAL_COLUMNS: readonly SummaryColumn[] = [
  { header: 'ID Sesi', kind: 'text', width: 16 },
  { header: 'Kode', kind: 'text', width: 9 },
  { header: 'Judul', kind: 'text', width: 34, wrap: true },
  { header: 'Moda', kind: 'text', width: 11 },
  { header: 'Ruang', kind: 'text', width: 16, wrap: true },
  { header: 'Mulai', kind: 'date', width: 11, align: 'center' },
  { header: 'Selesai', kind: 'date', width: 11, align: 'center' },
  { header: 'Hari', kind: 'integer', width: 6, align: 'center' },
  { header: 'JP', kind: 'integer', width: 6, align: 'center' },
  { header: 'Jumlah Peserta', kind: 'integer', width: 9, align: 'center' },
  { header: 'Biaya per Peserta', kind: 'rupiah', width: 14 },
  { header: 'Biaya per Angkatan', kind: 'rupiah', width: 15 },
  { header: 'Biaya Sesi', kind: 'rupiah', width: 15 },
  { header: 'Penyelenggara', kind: 'text', width: 24, wrap: true },
];

/** One session under JADWAL_COLUMNS (dates as ISO text; each renderer makes them dates). */
export function jadwalCells(x: ScheduledSession): SummaryCell[] {
  return [
    x.id,
    x.kode,
    x.judul,
    x.moda,
    x.ruang ?? (x.moda === 'Daring' ? 'Daring' : '-'),
    x.mulai,
    x.selesai,
    x.hari,
    x.jp,
    x.peserta.length,
    x.biayaPerPeserta,
    x.biayaPerAngkatan ?? 0,
    sessionCost(x),
    x.penyelenggara ?? '-',
  ];
}

/** Columns of `Anggaran Pelatihan` in both workbooks. */
export const ANGGARAN_COLUMNS: readonly SummaryColumn[] = [
  { header: 'OPD', kind: 'text', width: 36, wrap: true },
  { header: 'Pagu', kind: 'rupiah', width: 18 },
  { header: 'Terpakai', kind: 'rupiah', width: 18 },
  { header: 'Sisa', kind: 'rupiah', width: 18 },
  { header: 'Peserta', kind: 'integer', width: 9 },
];

/** Rows of `Anggaran Pelatihan` under ANGGARAN_COLUMNS: one per OPD, then the total. */
export function anggaranRows(budget: readonly BudgetUse[]): SummaryRow[] {
  const total = budget.reduce(
    (t, b) => ({ pagu: t.pagu + b.pagu, terpakai: t.terpakai + b.terpakai, peserta: t.peserta + b.peserta }),
    { pagu: 0, terpakai: 0, peserta: 0 },
  );
  return [
    ...budget.map((b) => ({ cells: [b.opd, b.pagu, b.terpakai, b.pagu - b.terpakai, b.peserta] })),
    {
      cells: ['Jumlah', total.pagu, total.terpakai, total.pagu - total.terpakai, total.peserta],
      total: true,
    },
  ];
}

export function jadwalSheet(input: SummaryModelInput): SummarySheet | undefined {
  const s = input.schedule;
  if (!s) return undefined;
  const sheet = list('jadwal', SUMMARY_TITLES.jadwal, `Jadwal Pelatihan Tahun ${s.tahun}`, {
    columns: [...JADWAL_COLUMNS],
    frozenColumns: 1,
    rows: s.sessions.map((x) => ({ cells: jadwalCells(x) })),
  });
  sheet.notes.push(
    'Daftar peserta per sesi ada di buku kerja BKPSDM (rencana-bkpsdm.xlsx), bukan di ringkasan ini.',
  );
  return sheet;
}

export function rencanaSheet(input: SummaryModelInput): SummarySheet | undefined {
  const s = input.schedule;
  if (!s) return undefined;
  // integers centred, as in the staff workbook
  const columns: SummaryColumn[] = DEVELOPMENT_PLAN_COLUMNS.map((c) => ({
    header: c.header,
    kind: c.kind,
    width: c.width,
    ...(c.wrap ? { wrap: true } : {}),
    ...(c.kind === 'integer' ? { align: 'center' as const } : {}),
  }));
  // PP 11/2017 art. 207: the development plan's content
  return list('rencana', SUMMARY_TITLES.rencana, `Rencana Pengembangan Kompetensi Tahun ${s.tahun}`, {
    columns,
    frozenColumns: 2,
    rows: s.rencana.map((r) => ({ cells: developmentPlanCells(r) })),
  });
}

export function anggaranSheet(input: SummaryModelInput): SummarySheet | undefined {
  const s = input.schedule;
  if (!s) return undefined;
  const sheet = list('anggaran', SUMMARY_TITLES.anggaran, `Anggaran Pelatihan Tahun ${s.tahun}`, {
    columns: [...ANGGARAN_COLUMNS],
    frozenColumns: 1,
    rows: anggaranRows(s.budget),
  });
  sheet.print.orientation = 'portrait';
  const berkebutuhan = s.individu.length;
  const mencapai = s.individu.filter((p) => p.memenuhiTarget).length;
  // plain words for leaders; the optimisation's figures stay on the staff's sheet
  sheet.notes.push(
    `Menurut rencana ini ${idFixed(mencapai, 0)} dari ${idFixed(berkebutuhan, 0)} ASN yang direncanakan mencapai ${idFixed(s.target, 0)} JP pada tahun ${s.tahun}.`,
    `${idFixed(s.unmet.length, 0)} kebutuhan pelatihan belum dapat dipenuhi dengan pagu dan jadwal yang ada.`,
  );
  return sheet;
}
