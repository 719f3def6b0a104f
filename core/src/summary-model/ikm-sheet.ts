/** `IKM Unit Layanan`: every (unit, period) with its NRR per element (PermenPAN-RB 14/2017). */
import { JUMLAH_UNSUR } from '../ikm.js';
import type { SummaryModelInput } from './input.js';
import type { SummaryColumn, SummaryRow, SummarySheet } from './model.js';
import { MUTU_COLORS } from './ringkasan.js';
import { SHEET_IDS, SUMMARY_TITLES } from './titles.js';

export function ikmSheet(input: SummaryModelInput): SummarySheet {
  const units = input.ikm.units;
  const columns: SummaryColumn[] = [
    { header: 'Unit Layanan', kind: 'text', width: 36, wrap: true },
    { header: 'Periode', kind: 'text', width: 10, align: 'center' },
    { header: 'Responden', kind: 'integer', width: 11 },
    ...Array.from({ length: JUMLAH_UNSUR }, (_, i) => ({
      header: `NRR U${i + 1}`,
      kind: 'decimal' as const,
      digits: 2,
      width: 7,
    })),
    { header: 'IKM', kind: 'decimal', digits: 3, width: 8 },
    { header: 'Konversi', kind: 'decimal', digits: 2, width: 10 },
    { header: 'Mutu', kind: 'text', width: 7, align: 'center' },
    { header: 'Kinerja', kind: 'text', width: 13 },
  ];
  const mutuCol = columns.length - 2;
  const rows: SummaryRow[] = units.map((u) => ({
    cells: [u.unit, u.periode, u.responden, ...u.nrr, u.ikm, u.konversi, u.mutu, u.kinerja],
    styles: { [mutuCol]: { color: MUTU_COLORS[u.mutu], bold: true } },
  }));
  return {
    key: 'ikm',
    sheetId: SHEET_IDS.ikm,
    title: SUMMARY_TITLES.ikm,
    heading: 'Indeks Kepuasan Masyarakat per Unit Layanan (PermenPAN-RB 14/2017)',
    table: { columns, rows, frozenColumns: 1 },
    notes: units.length === 0 ? ['Tidak ada jawaban SKM.'] : [],
    charts: [],
    layout: 'list',
    print: { orientation: 'landscape', onePage: false },
  };
}
