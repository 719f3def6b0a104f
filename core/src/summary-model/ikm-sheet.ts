/** `IKM Unit Layanan`: every (unit, period) with its NRR per element (PermenPAN-RB 14/2017). */
import { IKM_HEADER } from '../output-sheets.js';
import type { SummaryModelInput } from './input.js';
import type { SummaryColumn, SummaryRow, SummarySheet } from './model.js';
import { KINERJA, KONVERSI_DIGITS, MUTU_COLORS, printedMutu } from './ringkasan.js';
import { SHEET_IDS, SUMMARY_TITLES } from './titles.js';

type Layout = Omit<SummaryColumn, 'header'>;
const NRR: Layout = { kind: 'decimal', digits: 2, width: 7 };
const IKM_LAYOUT: Readonly<Record<string, Layout>> = {
  'Unit Layanan': { kind: 'text', width: 36, wrap: true },
  Periode: { kind: 'text', width: 10, align: 'center' },
  Responden: { kind: 'integer', width: 11 },
  IKM: { kind: 'decimal', digits: 3, width: 8 },
  Konversi: { kind: 'decimal', digits: KONVERSI_DIGITS, width: 10 },
  Mutu: { kind: 'text', width: 7, align: 'center' },
  Kinerja: { kind: 'text', width: 13 },
};

export function ikmSheet(input: SummaryModelInput): SummarySheet {
  const units = input.ikm.units;
  // the columns of Hasil IKM (IKM_HEADER), laid out for print
  const columns: SummaryColumn[] = IKM_HEADER.map((header) => ({ header, ...(IKM_LAYOUT[header] ?? NRR) }));
  const mutuCol = columns.length - 2;
  const rows: SummaryRow[] = units.map((u) => {
    // the band of the konversi as printed beside it
    const mutu = printedMutu(u.konversi);
    return {
      cells: [u.unit, u.periode, u.responden, ...u.nrr, u.ikm, u.konversi, mutu, KINERJA[mutu]],
      styles: { [mutuCol]: { color: MUTU_COLORS[mutu], bold: true } },
    };
  });
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
