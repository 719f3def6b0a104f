/**
 * `Sasaran Program`: each program goal's realised value against its target for the city and
 * every OPD, with a clear mark (tercapai / belum tercapai). Read from this year's kept cycle
 * (goals.ts computes it); aggregates only.
 */
import type { CycleDoc } from '../cycle/model.js';
import { INDICATOR_INFO } from '../goal-indicators.js';
import type { GoalStatus } from '../goals.js';
import { LABEL_TOTAL } from '../schemas/common.js';
import { idFixed } from './format.js';
import type { SummaryModelInput } from './input.js';
import type { CellStyle, SummaryColumn, SummaryRow, SummarySheet } from './model.js';
import { SHEET_IDS, SUMMARY_TITLES } from './titles.js';
import { currentAndPrevious } from './tren.js';

type Goals = NonNullable<CycleDoc['sasaran']>;
type Goal = Goals['hasil'][number];

/** "✓ tercapai", "✗ belum tercapai", … as a leader reads them */
export const STATUS_TEXT: Readonly<Record<GoalStatus, string>> = {
  tercapai: '✓ tercapai',
  'belum tercapai': '✗ belum tercapai',
  'tanpa target': 'target belum ditetapkan',
  'tanpa data': 'belum ada data',
};

const STATUS_STYLE: Readonly<Record<GoalStatus, CellStyle>> = {
  tercapai: { color: '#1b5e20', bold: true, fill: '#e8f5e9' },
  'belum tercapai': { color: '#b71c1c', bold: true, fill: '#ffebee' },
  'tanpa target': { color: '#6b6b6b', italic: true },
  'tanpa data': { color: '#6b6b6b', italic: true },
};

/** a figure resting on fewer ASN than `Minimum ASN Dinilai` (as on the other leaders' sheets) */
const THIN: CellStyle = { italic: true, color: '#8a4b00' };

/** A value in the indicator's unit: "81,3%", "0,84", "82,31". */
export function goalValueText(g: Pick<Goal, 'indikator'>, v: number | null): string {
  if (v === null) return '–';
  const info = INDICATOR_INFO[g.indikator];
  return `${idFixed(v, info.digits)}${info.satuan === 'persen' ? '%' : ''}`;
}

function targetText(g: Goal): string {
  if (g.target === null) return '–';
  const info = INDICATOR_INFO[g.indikator];
  const text = `${info.arah === 'naik' ? '≥' : '≤'} ${goalValueText(g, g.target)}`;
  return g.opd !== null && g.sumberTarget === 'kota' ? `${text} (target kota)` : text;
}

export function sasaranSheet(input: SummaryModelInput): SummarySheet | undefined {
  const goals = currentAndPrevious(input.cycles, input.summary.tahun).current?.sasaran;
  if (!goals || goals.hasil.length === 0) return undefined;
  const tahun = input.summary.tahun;
  const columns: SummaryColumn[] = [
    { header: 'Indikator', kind: 'text', width: 26, wrap: true },
    { header: 'OPD', kind: 'text', width: 36, wrap: true },
    { header: 'Baseline', kind: 'text', width: 10, align: 'right' },
    { header: 'Target', kind: 'text', width: 20, align: 'right' },
    { header: `Realisasi ${tahun}`, kind: 'text', width: 11, align: 'right' },
    { header: 'Status', kind: 'text', width: 20, align: 'center' },
    { header: 'Dasar Angka', kind: 'text', width: 34, wrap: true },
  ];
  const rows: SummaryRow[] = goals.hasil.map((g) => ({
    cells: [
      g.indikator,
      g.opd ?? LABEL_TOTAL,
      goalValueText(g, g.baseline),
      targetText(g),
      goalValueText(g, g.realisasi),
      STATUS_TEXT[g.status],
      g.tipis ? `${g.dasar} (data tipis)` : g.dasar,
    ],
    ...(g.opd === null ? { total: true } : {}),
    styles: { 5: STATUS_STYLE[g.status], ...(g.tipis ? { 6: THIN } : {}) },
  }));
  const city = goals.hasil.filter((g) => g.opd === null && g.target !== null);
  const reached = city.filter((g) => g.status === 'tercapai').length;
  const shown = [...new Set(goals.hasil.map((g) => g.indikator))];
  const notes = [
    goals.ditetapkan
      ? `Seluruh OPD: ${idFixed(reached, 0)} dari ${idFixed(city.length, 0)} sasaran tercapai. ` +
        `Sasaran dinilai terhadap realisasi tahun ${tahun}; OPD tanpa sasaran sendiri dinilai terhadap target seluruh OPD.`
      : `Lembar Sasaran Program belum diisi: realisasi setiap indikator tahun ${tahun} ditampilkan tanpa target.`,
    `Tercapai bila realisasi (seperti tercetak) sedikitnya target; untuk Rata-rata Kesenjangan, bila paling tinggi target. ` +
      shown.map((i) => `${i}: ${INDICATOR_INFO[i].uraian}.`).join(' '),
  ];
  if (goals.hasil.some((g) => g.tipis))
    notes.push(
      `"data tipis": realisasi bertumpu pada kurang dari ${idFixed(input.summary.minimum.asn, 0)} ASN (Minimum ASN Dinilai); baca dengan hati-hati.`,
    );
  if (goals.opdTidakDikenal.length > 0)
    notes.push(
      `OPD di Sasaran Program yang tidak ada di lembar Pegawai (sasarannya tidak dinilai): ${goals.opdTidakDikenal.join(', ')}.`,
    );
  if (goals.lainTahun > 0)
    notes.push(
      `${idFixed(goals.lainTahun, 0)} baris Sasaran Program untuk tahun lain tidak dinilai di sini.`,
    );
  return {
    key: 'sasaran',
    sheetId: SHEET_IDS.sasaran,
    title: SUMMARY_TITLES.sasaran,
    heading: `Sasaran Program Pengembangan Kompetensi: Realisasi ${tahun} terhadap Target`,
    subheading: 'Capaian setiap indikator untuk seluruh OPD dan per OPD',
    table: { columns, rows, frozenColumns: 2, figuresInText: true },
    notes,
    legend: [
      { text: STATUS_TEXT.tercapai, color: '#e8f5e9', style: STATUS_STYLE.tercapai },
      { text: STATUS_TEXT['belum tercapai'], color: '#ffebee', style: STATUS_STYLE['belum tercapai'] },
    ],
    charts: [],
    layout: 'list',
    print: { orientation: 'landscape', onePage: false },
  };
}
