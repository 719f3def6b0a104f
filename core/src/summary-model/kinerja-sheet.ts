/**
 * `Kinerja Peserta`: per course, how the predikat kinerja (SKP) of its completers moved from the
 * year before the course to the year after, beside similar ASN who never took it. Read from this
 * year's kept cycle (performance.ts computes it); counts and shares only, never a person.
 */
import type { CycleDoc } from '../cycle/model.js';
import { idFixed } from './format.js';
import type { SummaryModelInput } from './input.js';
import type { SummaryColumn, SummaryRow, SummarySheet } from './model.js';
import { SHEET_IDS, SUMMARY_TITLES } from './titles.js';
import { currentAndPrevious } from './tren.js';

type Change = NonNullable<CycleDoc['kinerja']>['kursus'][number]['dilatih'];

const share = (part: number | null, c: Change) => (part === null || c.n === 0 ? null : part / c.n);

/** "+12,5 poin" from the shares that improved, when both groups can be read */
function difference(a: Change, b: Change): string {
  const x = share(a.naik, a);
  const y = share(b.naik, b);
  if (x === null || y === null) return '–';
  const d = (x - y) * 100;
  return `${d > 0 ? '+' : d < 0 ? '−' : '±'}${idFixed(Math.abs(d), 1)} poin`;
}

export function kinerjaSheet(input: SummaryModelInput): SummarySheet | undefined {
  const report = currentAndPrevious(input.cycles, input.summary.tahun).current?.kinerja;
  if (!report || report.kursus.length === 0) return undefined;
  // wide enough that "Pembanding Naik" breaks between its words, not inside one
  const pct = (header: string): SummaryColumn => ({ header, kind: 'percent', digits: 1, width: 12 });
  const columns: SummaryColumn[] = [
    { header: 'Pelatihan', kind: 'text', width: 36, wrap: true },
    { header: 'Tahun Pelatihan', kind: 'text', width: 11, align: 'center' },
    { header: 'Peserta', kind: 'integer', width: 9 },
    pct('Peserta Naik'),
    pct('Peserta Tetap'),
    pct('Peserta Turun'),
    { header: 'Pembanding', kind: 'integer', width: 11 },
    pct('Pembanding Naik'),
    pct('Pembanding Tetap'),
    pct('Pembanding Turun'),
    { header: 'Selisih % Naik', kind: 'text', width: 12, align: 'right' },
    { header: 'Catatan', kind: 'text', width: 40, wrap: true },
  ];
  const rows: SummaryRow[] = report.kursus.map((k) => ({
    cells: [
      `${k.kode} ${k.judul}`,
      k.tahun.join(', '),
      k.dilatih.n,
      share(k.dilatih.naik, k.dilatih),
      share(k.dilatih.tetap, k.dilatih),
      share(k.dilatih.turun, k.dilatih),
      k.pembanding.n,
      share(k.pembanding.naik, k.pembanding),
      share(k.pembanding.tetap, k.pembanding),
      share(k.pembanding.turun, k.pembanding),
      difference(k.dilatih, k.pembanding),
      k.catatan ?? '–',
    ],
    ...(k.catatan ? { styles: { 11: { italic: true, color: '#8a4b00' } } } : {}),
  }));
  const notes = [
    'Peserta: ASN yang menyelesaikan pelatihan itu (Riwayat Pelatihan) dan punya predikat kinerja (SKP, PermenPAN-RB 6/2022) ' +
      'tahun sebelum dan tahun sesudah pelatihan. Naik, tetap, turun: perubahan predikat di antara kedua tahun itu ' +
      '(Sangat Baik > Baik > Butuh Perbaikan > Kurang/Misconduct > Sangat Kurang).',
    'Pembanding: ASN dengan OPD dan jenis jabatan yang sama yang tidak pernah mengikuti pelatihan itu, pada tahun yang sama. ' +
      'Perbedaan bersamaan dengan pelatihan belum membuktikan bahwa pelatihan penyebabnya.',
    `Kelompok kurang dari ${idFixed(report.minimum, 0)} ASN (Minimum ASN Dinilai) hanya disebut jumlahnya: terlalu sedikit untuk dibandingkan, dan persentasenya hampir menunjuk orang.`,
  ];
  if (report.tanpaPredikat > 0)
    notes.push(
      `${idFixed(report.tanpaPredikat, 0)} pelatihan lain belum punya peserta dengan predikat tahun sebelum dan sesudah pelatihan.`,
    );
  return {
    key: 'kinerja',
    sheetId: SHEET_IDS.kinerja,
    title: SUMMARY_TITLES.kinerja,
    heading: 'Predikat Kinerja Peserta Sebelum dan Sesudah Pelatihan',
    subheading:
      'Per pelatihan katalog, dibandingkan dengan ASN serupa yang tidak mengikutinya (angka agregat)',
    table: { columns, rows, frozenColumns: 1, figuresInText: true },
    notes,
    charts: [],
    layout: 'page',
    print: { orientation: 'landscape', onePage: false },
  };
}
