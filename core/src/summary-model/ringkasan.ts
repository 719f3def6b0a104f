/** `Ringkasan Pimpinan`: the one printed page, per-OPD rows, the city row and two charts. */
import { comparePeriode, MUTU_TABLE, mutuOf } from '../ikm.js';
import type { IkmUnit, Kinerja, LeaderSummaryRow, Mutu, TopGap } from '../reports.js';
import { idFixed, printedValue } from './format.js';
import type { SummaryModelInput } from './input.js';
import type { BarChartModel, SummaryRow, SummarySheet } from './model.js';
import { SHEET_IDS, SUMMARY_TITLES } from './titles.js';
import { changeSince, currentAndPrevious, indicatorsOf } from './tren.js';

/** kinerja of each mutu, from the regulation's table */
export const KINERJA = Object.fromEntries(MUTU_TABLE.map((t) => [t.mutu, t.kinerja])) as Readonly<
  Record<Mutu, Kinerja>
>;

/** mutu colours (PermenPAN-RB 14/2017 categories) of the IKM chart and sheet */
export const MUTU_COLORS: Readonly<Record<Mutu, string>> = {
  A: '#2e7d32',
  B: '#2f6f9f',
  C: '#ef8f00',
  D: '#c62828',
};

/** lower konversi bound of a mutu (the regulation's table) */
export function mutuMin(mutu: Mutu): number {
  return MUTU_TABLE.find((t) => t.mutu === mutu)?.minKonversi ?? 0;
}

/** "A ≥ 88,31, B ≥ 76,61, C ≥ 65,00, D di bawahnya", from the regulation's table */
export function mutuBands(): string {
  const bounded = MUTU_TABLE.filter((t) => Number.isFinite(t.minKonversi));
  const last = MUTU_TABLE[MUTU_TABLE.length - 1];
  return `${bounded.map((t) => `${t.mutu} ≥ ${idFixed(t.minKonversi, 2)}`).join(', ')}, ${last?.mutu} di bawahnya`;
}

/** the run's time in WIB (Asia/Jakarta, the city's zone) */
function longDate(d: Date): string {
  return new Intl.DateTimeFormat('id-ID', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Asia/Jakarta',
  }).format(d);
}

/** decimals of the IKM konversi wherever it is printed for leaders */
export const KONVERSI_DIGITS = 2;

/**
 * The mutu band of a konversi as printed: 88,305 printed as "88,31" is A, because a reader
 * compares the printed figure with the band's bound (the regulation's table has two decimals).
 */
export function printedMutu(konversi: number, digits = KONVERSI_DIGITS): Mutu {
  return mutuOf(printedValue(konversi, digits)).mutu;
}

/** "M.05 Pelayanan Publik 1,25 (40 ASN)", with "data tipis" / "hanya penilaian diri" when so. */
export function topGapText(g: TopGap): string {
  const marks = [`${idFixed(g.dinilai, 0)} ASN`];
  if (g.tipis) marks.push('data tipis');
  if (g.hanyaDiri) marks.push('hanya penilaian diri');
  return `${g.kode} ${g.nama} ${idFixed(g.rataGap, 2)} (${marks.join(', ')})`;
}

function summaryRow(r: LeaderSummaryRow, no: number | null, total: boolean): SummaryRow {
  const mutu = r.konversi === null ? null : printedMutu(r.konversi);
  return {
    cells: [
      no,
      r.opd,
      r.pegawai,
      r.persenDinilai === null ? null : r.persenDinilai / 100,
      r.rataGap,
      r.topGap.map(topGapText).join('; ') || '–',
      r.persenJp === null ? null : r.persenJp / 100,
      r.konversi,
      mutu ? `${mutu} (${KINERJA[mutu]})` : null,
    ],
    ...(total ? { total: true } : {}),
  };
}

/** The latest period of each unit (what a leader wants to compare), in the core's period order. */
export function latestPerUnit(units: readonly IkmUnit[]): IkmUnit[] {
  const byUnit = new Map<string, IkmUnit>();
  for (const u of units) {
    const prev = byUnit.get(u.unit);
    if (!prev || comparePeriode(u.periode, prev.periode) > 0) byUnit.set(u.unit, u);
  }
  return [...byUnit.values()];
}

function charts(input: SummaryModelInput): BarChartModel[] {
  const s = input.summary;
  const out: BarChartModel[] = [];
  const target = idFixed(s.targetJp, 0);
  if (s.rows.length > 0) {
    const sorted = [...s.rows].sort((a, b) => (b.persenJp ?? -1) - (a.persenJp ?? -1));
    out.push({
      kind: 'bar',
      id: 'jp-per-opd',
      title: `ASN yang memenuhi ${target} JP per OPD, tahun ${s.tahun} (%)`,
      valueTitle: `% ASN dengan sedikitnya ${target} JP`,
      categories: sorted.map((r) => r.opd),
      series: [{ name: `% memenuhi ${target} JP`, values: sorted.map((r) => r.persenJp) }],
      max: 100,
      digits: 1,
      ...(s.total.persenJp !== null
        ? { rule: { value: s.total.persenJp, label: `rata-rata kota ${idFixed(s.total.persenJp, 1)}%` } }
        : {}),
    });
  }
  const units = latestPerUnit(input.ikm.units).sort((a, b) => b.konversi - a.konversi);
  if (units.length > 0) {
    const samePeriod = new Set(units.map((u) => u.periode)).size === 1;
    out.push({
      kind: 'bar',
      id: 'ikm-per-unit',
      title: `IKM per unit layanan (nilai konversi, ${samePeriod ? `periode ${units[0]?.periode}` : 'periode terakhir'})`,
      valueTitle: 'IKM (25–100); warna = mutu pelayanan',
      // the period only when the units' latest periods differ
      categories: units.map((u) => (samePeriod ? u.unit : `${u.unit} (${u.periode})`)),
      series: [{ name: 'IKM (konversi)', values: units.map((u) => u.konversi) }],
      max: 100,
      digits: 2,
      groups: units.map((u) => `${printedMutu(u.konversi)} ${KINERJA[printedMutu(u.konversi)]}`),
      colors: Object.fromEntries(MUTU_TABLE.map((t) => [`${t.mutu} ${t.kinerja}`, MUTU_COLORS[t.mutu]])),
      rule: { value: mutuMin('B'), label: `batas mutu B (${KINERJA.B}), ${idFixed(mutuMin('B'), 2)}` },
    });
  }
  return out;
}

export function ringkasanSheet(input: SummaryModelInput): SummarySheet {
  const s = input.summary;
  const planYear = input.schedule?.tahun ?? input.tahunRencana;
  // JP and evaluations are realised in `s.tahun`; the schedule may plan the next fiscal year
  const heading =
    planYear !== undefined && planYear !== s.tahun
      ? `Ringkasan Pengembangan Kompetensi ASN: Realisasi ${s.tahun}, Rencana ${planYear}`
      : `Ringkasan Pengembangan Kompetensi ASN Tahun ${s.tahun}`;
  // the change since the previous kept cycle, when there is one (the Tren sheet has the detail)
  const { current, previous } = currentAndPrevious(input.cycles, s.tahun);
  const change = (opd: string) =>
    changeSince(indicatorsOf(current, opd), indicatorsOf(previous, opd), s.targetJp) || '–';
  const withChange = (row: SummaryRow, opd: string): SummaryRow =>
    current && previous ? { ...row, cells: [...row.cells, change(opd)] } : row;
  const years =
    planYear !== undefined && planYear !== s.tahun
      ? `Realisasi tahun ${s.tahun}: JP, kesenjangan dan IKM yang sudah tercatat. Rencana tahun ${planYear}: ` +
        `jadwal dan anggaran pelatihan tahun anggaran berikutnya, disusun sebelum tahun itu dimulai.`
      : `Tahun ${s.tahun}: realisasi JP, kesenjangan dan IKM${planYear !== undefined ? ' serta rencana pelatihan tahun yang sama' : ''}.`;
  const subheading =
    `Disusun ${longDate(input.generatedAt)} WIB` +
    `${input.tenant ? ` · ${input.tenant}` : ''} · ${idFixed(s.totals.opd, 0)} OPD, ${idFixed(s.totals.pegawai, 0)} ASN\n${years}`;
  return {
    key: 'ringkasan',
    sheetId: SHEET_IDS.ringkasan,
    title: SUMMARY_TITLES.ringkasan,
    heading,
    subheading,
    table: {
      columns: [
        { header: 'No', kind: 'integer', width: 5, align: 'center' },
        { header: 'OPD', kind: 'text', width: 36, wrap: true },
        { header: 'Jumlah ASN', kind: 'integer', width: 10 },
        { header: '% Dinilai', kind: 'percent', digits: 1, width: 9 },
        { header: 'Rata-rata Kesenjangan', kind: 'decimal', digits: 2, width: 12 },
        { header: '3 Kesenjangan Kompetensi Tertinggi', kind: 'text', width: 70, wrap: true },
        { header: `% Memenuhi ${idFixed(s.targetJp, 0)} JP`, kind: 'percent', digits: 1, width: 12 },
        { header: 'IKM', kind: 'decimal', digits: 2, width: 8 },
        { header: 'Mutu', kind: 'text', width: 16, align: 'center' },
        ...(current && previous
          ? [{ header: `Perubahan sejak ${previous.tahun}`, kind: 'text' as const, width: 40, wrap: true }]
          : []),
      ],
      rows: [
        ...s.rows.map((r, i) => withChange(summaryRow(r, i + 1, false), r.opd)),
        withChange(summaryRow(s.total, null, true), s.total.opd),
      ],
      frozenColumns: 0,
      figuresInText: true,
    },
    notes: [
      `% Dinilai: ASN dengan sedikitnya satu kompetensi yang kesenjangannya diketahui. Kesenjangan = max(0, standar − aktual). ` +
        `Target ${idFixed(s.targetJp, 0)} JP per ASN per tahun (PP 17/2020 Pasal 203). ` +
        `IKM: nilai konversi 25–100 dari periode terakhir (PermenPAN-RB 14/2017); mutu ${mutuBands()}.` +
        (current && previous
          ? ` Perubahan sejak ${previous.tahun}: ▲ naik, ▼ turun (kesenjangan dan ASN tanpa pelatihan yang turun berarti membaik); rinciannya di lembar ${SUMMARY_TITLES.tren}.`
          : ''),
      `Kesenjangan tertinggi: angka dalam kurung = jumlah ASN yang dinilai pada kompetensi itu. ` +
        `"data tipis": dinilai pada kurang dari ${idFixed(s.minimum.asn, 0)} ASN atau ${idFixed(s.minimum.persen * 100, 0)}% ASN OPD ` +
        `(yang lebih besar), sehingga diurutkan setelah kesenjangan yang datanya cukup. ` +
        `"hanya penilaian diri": belum ada penilaian atasan atau asesmen.`,
    ],
    charts: charts(input),
    layout: 'page',
    // fitted to the width of A4 landscape (at least 8 pt in print), the table flowing onto more
    // pages with its header repeated, the charts under it: page 1 stays legible
    print: { orientation: 'landscape', onePage: false },
  };
}
