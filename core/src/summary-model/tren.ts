/**
 * `Tren`: each indicator per year, city-wide and per OPD, from the cycles Firestore keeps
 * (cycles/{tahun}), with the change since the previous cycle (▲/▼) and two line charts. The
 * same change text goes into the main table (Ringkasan Pimpinan) through `changeSince`.
 */
import type { CycleDoc, CycleIndicators } from '../cycle/model.js';
import { nameKey } from '../gaps.js';
import { LABEL_TOTAL } from '../summary.js';
import { idFixed } from './format.js';
import type { SummaryModelInput } from './input.js';
import type { LineChartModel, SummaryColumn, SummaryRow, SummarySheet } from './model.js';
import { SHEET_IDS, SUMMARY_TITLES } from './titles.js';

/** The cycle of the summary's year and the latest one before it, from the kept cycles. */
export function currentAndPrevious(
  cycles: readonly CycleDoc[] | undefined,
  tahun: number,
): { current: CycleDoc | undefined; previous: CycleDoc | undefined } {
  const list = cycles ?? [];
  const current = list.find((c) => c.tahun === tahun);
  const previous = list.filter((c) => c.tahun < tahun).sort((a, b) => b.tahun - a.tahun)[0];
  return { current, previous };
}

/** ▲ up, ▼ down, = unchanged at the digits shown. */
function moved(
  label: string,
  now: number | null,
  before: number | null,
  digits: number,
  unit = '',
): string[] {
  if (now === null || before === null) return [];
  const diff = Number((now - before).toFixed(digits));
  if (diff === 0) return [`${label} = `.trimEnd()];
  return [`${label} ${diff > 0 ? '▲' : '▼'} ${idFixed(Math.abs(diff), digits)}${unit}`];
}

/**
 * The change of an OPD's (or the city's) indicators since the previous cycle, in words:
 * "20 JP ▲ 5,1 poin · kesenjangan ▼ 0,12 · IKM ▲ 1,30 · tanpa pelatihan ▼ 3". Empty when
 * nothing can be compared.
 */
export function changeSince(
  now: CycleIndicators | undefined,
  before: CycleIndicators | undefined,
  targetJp: number,
): string {
  if (!now || !before) return '';
  return [
    ...moved(`${idFixed(targetJp, 0)} JP`, now.persenJp, before.persenJp, 1, ' poin'),
    ...moved('kesenjangan', now.rataGap, before.rataGap, 2),
    ...moved('IKM', now.konversiIkm, before.konversiIkm, 2),
    ...moved('tanpa pelatihan', now.tanpaPelatihan, before.tanpaPelatihan, 0),
  ].join(' · ');
}

/** An OPD's indicators in a cycle (the city's for LABEL_TOTAL). */
export function indicatorsOf(cycle: CycleDoc | undefined, opd: string): CycleIndicators | undefined {
  if (!cycle) return undefined;
  if (opd === LABEL_TOTAL) return cycle.kota;
  const key = nameKey(opd);
  return cycle.opd.find((o) => nameKey(o.opd) === key);
}

function trendCharts(cycles: readonly CycleDoc[], targetJp: number): LineChartModel[] {
  const years = cycles.map((c) => String(c.tahun));
  const maxGap = Math.max(0.5, ...cycles.map((c) => c.kota.rataGap ?? 0));
  return [
    {
      kind: 'line',
      id: 'tren-capaian',
      title: 'Capaian kota per tahun',
      valueTitle: 'persen / nilai IKM (0–100)',
      categories: years,
      series: [
        { name: `% ASN memenuhi ${idFixed(targetJp, 0)} JP`, values: cycles.map((c) => c.kota.persenJp) },
        { name: 'IKM kota (konversi)', values: cycles.map((c) => c.kota.konversiIkm) },
      ],
      min: 0,
      max: 100,
      digits: 1,
    },
    {
      kind: 'line',
      id: 'tren-kesenjangan',
      title: 'Rata-rata kesenjangan kompetensi kota per tahun',
      valueTitle: 'level (0 = memenuhi standar)',
      categories: years,
      series: [{ name: 'Rata-rata kesenjangan', values: cycles.map((c) => c.kota.rataGap) }],
      min: 0,
      max: Math.ceil(maxGap * 2) / 2,
      digits: 2,
    },
  ];
}

export function trenSheet(input: SummaryModelInput): SummarySheet | undefined {
  const cycles = [...(input.cycles ?? [])]
    .filter((c) => c.tahun <= input.summary.tahun)
    .sort((a, b) => a.tahun - b.tahun);
  if (cycles.length === 0) return undefined;
  const last = cycles[cycles.length - 1] as CycleDoc;
  const n = last.jangkaPemerataan;
  const target = idFixed(last.targetJp, 0);
  const columns: SummaryColumn[] = [
    { header: 'OPD', kind: 'text', width: 34, wrap: true },
    { header: 'Tahun', kind: 'text', width: 7, align: 'center' },
    { header: 'Jumlah ASN', kind: 'integer', width: 9 },
    { header: 'Rata-rata Kesenjangan', kind: 'decimal', digits: 2, width: 12 },
    { header: `% Memenuhi ${target} JP`, kind: 'percent', digits: 1, width: 11 },
    { header: 'IKM', kind: 'decimal', digits: 2, width: 8 },
    { header: `ASN Tanpa Pelatihan ${n} Tahun`, kind: 'integer', width: 12 },
    { header: 'Anggaran Terpakai (Rencana)', kind: 'rupiah', width: 16 },
    { header: 'Perubahan dari Tahun Sebelumnya', kind: 'text', width: 46, wrap: true },
  ];
  // the OPD of the latest cycle, then any that only earlier cycles had
  const names: string[] = [LABEL_TOTAL];
  const seen = new Set<string>();
  for (const c of [...cycles].reverse()) {
    for (const o of c.opd) {
      if (seen.has(nameKey(o.opd))) continue;
      seen.add(nameKey(o.opd));
      names.push(o.opd);
    }
  }
  const rows: SummaryRow[] = [];
  for (const opd of names) {
    let before: CycleIndicators | undefined;
    for (const c of cycles) {
      const x = indicatorsOf(c, opd);
      if (!x) continue;
      rows.push({
        cells: [
          opd,
          String(c.tahun),
          x.pegawai,
          x.rataGap,
          x.persenJp === null ? null : x.persenJp / 100,
          x.konversiIkm,
          x.tanpaPelatihan,
          x.terpakai,
          changeSince(x, before, c.targetJp) || (before ? '' : '–'),
        ],
        ...(opd === LABEL_TOTAL ? { total: true } : {}),
      });
      before = x;
    }
  }
  const notes = [
    `Satu baris per OPD per tahun siklus (tahun realisasi JP dan penilaian). Perubahan dibandingkan dengan siklus sebelumnya: ▲ naik, ▼ turun. ` +
      `Kesenjangan dan ASN tanpa pelatihan yang turun berarti membaik; % memenuhi ${target} JP dan IKM yang naik berarti membaik.`,
    `ASN tanpa pelatihan: tidak ada pelatihan yang dimulai dalam ${n} tahun terakhir sampai tahun siklus (Pengaturan "Jangka Pemerataan"). ` +
      'Anggaran terpakai: menurut rencana jadwal yang disusun pada siklus itu.',
  ];
  if (cycles.length === 1) {
    notes.unshift(
      `Baru satu siklus tercatat (tahun ${last.tahun}); perubahan tampil setelah siklus tahun berikutnya dijalankan.`,
    );
  }
  return {
    key: 'tren',
    sheetId: SHEET_IDS.tren,
    title: SUMMARY_TITLES.tren,
    heading: `Tren Indikator Pengembangan Kompetensi ${cycles[0]?.tahun}–${last.tahun}`,
    subheading: `${cycles.length} siklus tercatat: ${cycles.map((c) => c.tahun).join(', ')}`,
    // the change text carries id_ID figures: the xlsx writes every figure so (no "0.32" beside "0,14")
    table: { columns, rows, frozenColumns: 2, figuresInText: true },
    notes,
    charts: trendCharts(cycles, last.targetJp),
    layout: 'page',
    print: { orientation: 'landscape', onePage: false },
  };
}
