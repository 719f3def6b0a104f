/**
 * `Hasil Layanan`: Kirkpatrick L4 per service unit (cycle/results.ts): IKM before and after the
 * OPD's staff were trained, the share trained in between, the targeted SKM elements and how
 * they moved beside the others, and a note where the data is thin. A table and a chart.
 */
import type { CycleResult } from '../cycle/model.js';
import { SKM_ELEMENT_NAMES } from '../cycle/results.js';
import { idFixed } from './format.js';
import type { SummaryModelInput } from './input.js';
import type { BarChartModel, SummaryColumn, SummarySheet } from './model.js';
import { SHEET_IDS, SUMMARY_TITLES } from './titles.js';
import { currentAndPrevious } from './tren.js';

const signed = (v: number | null, digits: number) =>
  v === null ? null : `${v > 0 ? '+' : v < 0 ? '−' : '±'}${idFixed(Math.abs(v), digits)}`;

export function hasilSheet(input: SummaryModelInput): SummarySheet | undefined {
  // the L4 rows of this year's kept cycle
  const results: readonly CycleResult[] =
    currentAndPrevious(input.cycles, input.summary.tahun).current?.hasil ?? [];
  if (results.length === 0) return undefined;
  const columns: SummaryColumn[] = [
    { header: 'Unit Layanan', kind: 'text', width: 30, wrap: true },
    { header: 'Periode Sebelum', kind: 'text', width: 10, align: 'center' },
    { header: 'IKM Sebelum', kind: 'decimal', digits: 2, width: 9 },
    { header: 'Periode Sesudah', kind: 'text', width: 10, align: 'center' },
    { header: 'IKM Sesudah', kind: 'decimal', digits: 2, width: 9 },
    { header: 'Perubahan IKM', kind: 'text', width: 10, align: 'right' },
    { header: '% ASN OPD Dilatih di Antara', kind: 'percent', digits: 1, width: 11 },
    { header: 'Unsur Sasaran Pelatihan', kind: 'text', width: 26, wrap: true },
    { header: 'Perubahan NRR Unsur Sasaran', kind: 'text', width: 11, align: 'right' },
    { header: 'Perubahan NRR Unsur Lain', kind: 'text', width: 11, align: 'right' },
    { header: 'Catatan Data', kind: 'text', width: 46, wrap: true },
  ];
  const rows = results.map((r) => {
    const change = r.ikmSebelum === null ? null : r.ikmSesudah - r.ikmSebelum;
    return {
      cells: [
        r.opd && r.opd !== r.unit ? `${r.unit} (${r.opd})` : r.unit,
        r.periodeSebelum,
        r.ikmSebelum,
        r.periodeSesudah,
        r.ikmSesudah,
        signed(change, 2) ?? '–',
        r.asnOpd > 0 && r.periodeSebelum !== null ? r.asnDilatih / r.asnOpd : null,
        r.unsurSasaran.map((u) => `U${u} ${SKM_ELEMENT_NAMES[u - 1]}`).join('; ') || '–',
        signed(r.perubahanSasaran, 2) ?? '–',
        signed(r.perubahanLain, 2) ?? '–',
        r.catatan.join('; ') || '–',
      ],
      ...(r.catatan.length > 0 ? { styles: { 10: { italic: true, color: '#8a4b00' } } } : {}),
    };
  });
  const compared = results.filter((r) => r.ikmSebelum !== null);
  const chart: BarChartModel = {
    kind: 'bar',
    id: 'hasil-ikm',
    title: 'IKM sebelum dan sesudah pelatihan per unit layanan',
    valueTitle: 'IKM (konversi 25–100)',
    categories: compared.map((r) => r.unit),
    series: [
      { name: 'Sebelum', values: compared.map((r) => r.ikmSebelum) },
      { name: 'Sesudah', values: compared.map((r) => r.ikmSesudah) },
    ],
    max: 100,
    digits: 1,
  };
  return {
    key: 'hasil',
    sheetId: SHEET_IDS.hasil,
    title: SUMMARY_TITLES.hasil,
    heading: 'Hasil Pelatihan bagi Layanan Publik (Kirkpatrick Level 4)',
    subheading: 'IKM unit layanan pada periode SKM sebelum dan sesudah ASN OPD-nya dilatih',
    table: { columns, rows, frozenColumns: 1, figuresInText: true },
    notes: [
      'Dilatih di antara: ASN OPD pemilik unit yang memulai pelatihan setelah periode sebelum berakhir dan paling lambat akhir periode sesudah. ' +
        'Unsur sasaran: unsur SKM (PermenPAN-RB 14/2017) yang dituju kompetensi pelatihan katalog yang mereka ikuti, paling banyak tiga, ' +
        'mis. Pelayanan Publik → U2, U3, U7, U8; Komunikasi → U7, U8; kompetensi lain → U6 Kompetensi pelaksana. Perubahan NRR pada skala 1–4.',
      'Kenaikan IKM bersamaan dengan pelatihan belum membuktikan bahwa pelatihan penyebabnya; bandingkan perubahan unsur sasaran dengan unsur lain. ' +
        'Sampel minimum menurut tabel Krejcie-Morgan dari kolom Populasi di lembar SKM (populasi besar: 384 responden).',
    ],
    charts: compared.length > 0 ? [chart] : [],
    layout: 'page',
    print: { orientation: 'landscape', onePage: false },
  };
}
