/**
 * `Prioritas FGD`: per OPD, the top topics of its latest focus-group discussion (`Diskusi
 * Kelompok`) beside the competency gaps measured in that OPD, and whether the two agree. Where
 * they disagree is itself useful to a leader: the staff felt a need the ratings do not show, or
 * the ratings show a gap nobody raised. Aggregates only: an FGD line carries no NIP, and the
 * facilitator's name never enters the sheet.
 */
import type { FgdOfOpd, FgdTopic } from '../fgd.js';
import { nameKey } from '../gaps.js';
import type { LeaderSummary } from '../reports.js';
import { idFixed } from './format.js';
import type { SummaryModelInput } from './input.js';
import type { SummaryRow, SummarySheet } from './model.js';
import { topGapText } from './ringkasan.js';
import { SHEET_IDS, SUMMARY_TITLES } from './titles.js';

/** Colour of the `Berbeda` mark: the FGD and the measured gaps name different competencies. */
export const DIFFERENT_COLOR = '#c55a11';

/** Agreement of an OPD's FGD with its measured gaps, as the `Kesesuaian` column says it. */
export const AGREEMENT = {
  same: 'Sejalan',
  different: 'Berbeda',
  unmapped: 'Topik FGD belum berkode',
  unmeasured: 'Belum ada kesenjangan terukur',
  noOpd: 'Tidak ada di Pegawai',
} as const;

/** The measured mean gap of one competency in one OPD, as the heat map holds it. */
function measured(s: LeaderSummary, opdIndex: number, kode: string): string {
  const hm = s.heatMap;
  const j = hm.kompetensi.findIndex((k) => k.kode === kode);
  if (opdIndex < 0 || j < 0) return 'tidak ada di standar jabatan OPD ini';
  const wajib = hm.wajib[opdIndex]?.[j] ?? 0;
  if (wajib === 0) return 'tidak disyaratkan jabatan di OPD ini';
  const v = hm.nilai[opdIndex]?.[j] ?? null;
  if (v === null) return 'belum dinilai';
  const marks = [`${idFixed(hm.jumlah[opdIndex]?.[j] ?? 0, 0)} ASN`];
  if (hm.tipis[opdIndex]?.[j]) marks.push('data tipis');
  if (hm.hanyaDiri[opdIndex]?.[j]) marks.push('hanya penilaian diri');
  return `kesenjangan terukur ${idFixed(v, 2)} (${marks.join(', ')})`;
}

function topicText(s: LeaderSummary, opdIndex: number, t: FgdTopic): string {
  const nama = s.heatMap.kompetensi.find((k) => k.kode === t.kode)?.nama;
  if (t.kode === undefined)
    return `${idFixed(t.peringkat, 0)}. ${t.topik ?? ''} (topik bebas, belum berkode)`;
  const label = [t.kode, nama ?? '', t.topik && t.topik !== nama ? `"${t.topik}"` : '']
    .filter((x) => x !== '')
    .join(' ');
  return `${idFixed(t.peringkat, 0)}. ${label}: ${measured(s, opdIndex, t.kode)}`;
}

function fgdRow(s: LeaderSummary, f: FgdOfOpd, no: number): SummaryRow {
  const opdIndex = s.heatMap.opd.findIndex((o) => nameKey(o) === nameKey(f.opd));
  const row = s.rows.find((r) => nameKey(r.opd) === nameKey(f.opd));
  const fgdCodes = new Set(f.topik.flatMap((t) => (t.kode !== undefined ? [t.kode] : [])));
  const top = row?.topGap ?? [];
  const shared = top.filter((g) => fgdCodes.has(g.kode)).map((g) => g.kode);
  let agreement: string;
  if (!row) agreement = AGREEMENT.noOpd;
  else if (fgdCodes.size === 0) agreement = AGREEMENT.unmapped;
  else if (top.length === 0) agreement = AGREEMENT.unmeasured;
  else if (shared.length > 0) agreement = `${AGREEMENT.same}: ${shared.join(', ')}`;
  else agreement = AGREEMENT.different;
  const measuredTop = top.map((g) => `${topGapText(g)}${fgdCodes.has(g.kode) ? ' [juga di FGD]' : ''}`);
  return {
    cells: [
      no,
      f.opd,
      f.tanggal,
      f.peserta,
      f.topik.map((t) => topicText(s, opdIndex, t)).join('\n') || '–',
      measuredTop.join('\n') || '–',
      agreement,
    ],
    ...(agreement === AGREEMENT.different ? { styles: { 6: { color: DIFFERENT_COLOR, bold: true } } } : {}),
  };
}

/** The sheet, or nothing when no OPD held an FGD. */
export function fgdSheet(input: SummaryModelInput): SummarySheet | undefined {
  const s = input.summary;
  const fgds = s.fgd ?? [];
  if (fgds.length === 0) return undefined;
  return {
    key: 'fgd',
    sheetId: SHEET_IDS.fgd,
    title: SUMMARY_TITLES.fgd,
    heading: `Prioritas Hasil FGD dan Kesenjangan Terukur per OPD, tahun ${s.tahun}`,
    subheading: `${idFixed(fgds.length, 0)} OPD atau kelompok dengan catatan FGD; untuk setiap OPD FGD terakhirnya`,
    table: {
      columns: [
        { header: 'No', kind: 'integer', width: 5, align: 'center' },
        { header: 'OPD', kind: 'text', width: 32, wrap: true },
        { header: 'Tanggal FGD', kind: 'date', width: 12, align: 'center' },
        { header: 'Peserta', kind: 'integer', width: 9 },
        { header: 'Prioritas FGD (peringkat)', kind: 'text', width: 60, wrap: true },
        { header: '3 Kesenjangan Terukur Tertinggi', kind: 'text', width: 60, wrap: true },
        { header: 'Kesesuaian', kind: 'text', width: 22, wrap: true },
      ],
      rows: fgds.map((f, i) => fgdRow(s, f, i + 1)),
      frozenColumns: 2,
      figuresInText: true,
    },
    notes: [
      'Prioritas FGD: topik peringkat teratas FGD terakhir OPD itu (lembar Diskusi Kelompok; peringkat dari ' +
        'kolom Peringkat, atau dari suara terbanyak), dengan rata-rata kesenjangan terukur kompetensi itu di OPD ' +
        'yang sama. Topik bebas yang belum diberi Kode Kompetensi oleh staf tidak dapat dibandingkan.',
      `Kesesuaian: "${AGREEMENT.same}" bila sedikitnya satu kompetensi prioritas FGD termasuk 3 kesenjangan ` +
        `terukur tertinggi OPD itu; "${AGREEMENT.different}" (jingga tebal) bila tidak satu pun: kebutuhan yang dirasakan ASN ` +
        'berbeda dari hasil penilaian, layak ditelusuri (penilaian belum lengkap, atau kebutuhan di luar standar jabatan).',
    ],
    charts: [],
    // a printed page like Ringkasan Pimpinan: heading, one row per OPD that held an FGD, notes
    layout: 'page',
    print: { orientation: 'landscape', onePage: false },
  };
}
