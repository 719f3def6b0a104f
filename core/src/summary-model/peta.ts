/** `Peta Kesenjangan`: OPD × competency mean gap with a three-colour scale. */

import type { SummaryModelInput } from './input.js';
import type { SummaryRow, SummarySheet } from './model.js';
import { SHEET_IDS, SUMMARY_TITLES } from './titles.js';

/** green (no gap) -> yellow (median) -> red (largest gap) */
export const HEAT_COLORS = { min: '#63be7b', mid: '#ffeb84', max: '#f8696b' } as const;

export function petaSheet(input: SummaryModelInput): SummarySheet {
  const s = input.summary;
  const hm = s.heatMap;
  const rows: SummaryRow[] = hm.opd.map((opd, i) => ({ cells: [opd, ...(hm.nilai[i] ?? [])] }));
  rows.push({ cells: [s.total.opd, ...hm.total], total: true });
  const hasCells = hm.opd.length > 0 && hm.kompetensi.length > 0;
  return {
    key: 'peta',
    sheetId: SHEET_IDS.peta,
    title: SUMMARY_TITLES.peta,
    heading: `Peta Kesenjangan Kompetensi per OPD, tahun ${s.tahun}`,
    table: {
      columns: [
        { header: 'OPD', kind: 'text', width: 42, wrap: true },
        // code and name turned 90°: narrow columns, so the whole map prints across one page
        ...hm.kompetensi.map((k) => ({
          header: `${k.kode}\n${k.nama}`,
          kind: 'decimal' as const,
          digits: 2,
          width: 7.5,
          align: 'center' as const,
        })),
      ],
      rows,
      frozenColumns: 1,
      rotatedHeaders: true,
    },
    ...(hasCells
      ? {
          colorScale: {
            kind: 'colorScale' as const,
            firstRow: 0,
            lastRow: hm.opd.length - 1,
            firstColumn: 1,
            lastColumn: hm.kompetensi.length,
            colors: HEAT_COLORS,
          },
        }
      : {}),
    legend: [
      { text: 'Keterangan warna (rata-rata kesenjangan):', color: null },
      { text: 'Hijau: kesenjangan kecil', color: HEAT_COLORS.min },
      { text: 'Kuning: kesenjangan sedang (median)', color: HEAT_COLORS.mid },
      { text: 'Merah: kesenjangan besar', color: HEAT_COLORS.max },
      { text: 'Putih/kosong: belum dinilai', color: '#ffffff' },
    ],
    notes: [
      'Nilai: rata-rata kesenjangan (standar − aktual, 0 bila memenuhi) pegawai OPD pada kompetensi itu. ' +
        'Kosong: belum ada penilaian. Hijau = kecil, merah = besar (relatif terhadap seluruh nilai di peta).',
    ],
    charts: [],
    layout: 'map',
    // up to 40 OPD the map prints on one page; more: fitted to the width only
    print: { orientation: 'landscape', onePage: hm.opd.length <= 40 },
  };
}
