/** `Peta Kesenjangan`: OPD × competency mean gap with a three-colour scale. */

import { idFixed } from './format.js';
import type { SummaryModelInput } from './input.js';
import type { CellStyle, SummaryRow, SummarySheet } from './model.js';
import { SHEET_IDS, SUMMARY_TITLES } from './titles.js';

/** green (no gap) -> yellow (median) -> red (largest gap) */
export const HEAT_COLORS = { min: '#63be7b', mid: '#ffeb84', max: '#f8696b' } as const;

/** fill of a cell no position of the OPD requires */
export const NOT_REQUIRED_FILL = '#d9d9d9';
/** text of a required cell nobody was assessed on yet */
export const NOT_ASSESSED = 'belum';

export function petaSheet(input: SummaryModelInput): SummarySheet {
  const s = input.summary;
  const hm = s.heatMap;
  const first = 2; // OPD, ASN dinilai, then the competencies
  const rows: SummaryRow[] = hm.opd.map((opd, i) => {
    const styles: Record<number, CellStyle> = {};
    const notes: Record<number, string> = {};
    const cells = hm.kompetensi.map((k, j) => {
      const c = first + j;
      const v = hm.nilai[i]?.[j] ?? null;
      const wajib = hm.wajib[i]?.[j] ?? 0;
      const n = hm.jumlah[i]?.[j] ?? 0;
      if (wajib === 0) {
        styles[c] = { fill: NOT_REQUIRED_FILL, color: '#7f7f7f' };
        return '–';
      }
      if (v === null) {
        styles[c] = { italic: true, color: '#7f7f7f' };
        notes[c] =
          `${k.kode}: ${idFixed(wajib, 0)} ASN jabatannya mensyaratkan kompetensi ini; belum ada yang dinilai.`;
        return NOT_ASSESSED;
      }
      const tipis = hm.tipis[i]?.[j] === true;
      const diri = hm.hanyaDiri[i]?.[j] === true;
      if (tipis || diri)
        styles[c] = { ...(tipis ? { italic: true } : {}), ...(diri ? { underline: true } : {}) };
      notes[c] =
        `${k.kode}: rata-rata kesenjangan ${idFixed(v, 2)} dari ${idFixed(n, 0)} ASN dinilai ` +
        `(${idFixed(wajib, 0)} ASN jabatannya mensyaratkan)` +
        `${tipis ? '; data tipis' : ''}${diri ? '; hanya penilaian diri' : ''}.`;
      return v;
    });
    return { cells: [opd, s.rows[i]?.dinilai ?? null, ...cells], styles, notes };
  });
  rows.push({ cells: [s.total.opd, s.total.dinilai, ...hm.total], total: true });
  const hasCells = hm.opd.length > 0 && hm.kompetensi.length > 0;
  const min = `${idFixed(s.minimum.asn, 0)} ASN atau ${idFixed(s.minimum.persen * 100, 0)}% ASN OPD`;
  return {
    key: 'peta',
    sheetId: SHEET_IDS.peta,
    title: SUMMARY_TITLES.peta,
    heading: `Peta Kesenjangan Kompetensi per OPD, tahun ${s.tahun}`,
    table: {
      columns: [
        { header: 'OPD', kind: 'text', width: 38, wrap: true },
        { header: 'ASN Dinilai', kind: 'integer', width: 8, align: 'center' },
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
            firstColumn: first,
            lastColumn: first + hm.kompetensi.length - 1,
            colors: HEAT_COLORS,
          },
        }
      : {}),
    legend: [
      { text: 'Keterangan warna (rata-rata kesenjangan):', color: null },
      { text: 'Hijau: kesenjangan kecil', color: HEAT_COLORS.min },
      { text: 'Kuning: kesenjangan sedang (median)', color: HEAT_COLORS.mid },
      { text: 'Merah: kesenjangan besar', color: HEAT_COLORS.max },
      {
        text: `"${NOT_ASSESSED}": jabatan di OPD ini mensyaratkan kompetensi itu, tetapi belum ada ASN yang dinilai`,
        color: '#ffffff',
      },
      { text: '"–" abu-abu: tidak disyaratkan jabatan mana pun di OPD ini', color: NOT_REQUIRED_FILL },
      {
        text: `Angka miring: data tipis (dinilai pada kurang dari ${min}, yang lebih besar)`,
        color: null,
        style: { italic: true },
      },
      {
        text: 'Angka bergaris bawah: hanya penilaian diri (belum ada penilaian atasan atau asesmen)',
        color: null,
        style: { underline: true },
      },
    ],
    notes: [
      'Nilai: rata-rata kesenjangan (standar − aktual, 0 bila memenuhi) ASN OPD pada kompetensi itu; ' +
        'komentar pada sel menyebut berapa ASN yang dinilai. ASN Dinilai: ASN OPD dengan sedikitnya satu kompetensi dinilai. ' +
        'Hijau = kecil, merah = besar (relatif terhadap seluruh nilai di peta).',
    ],
    charts: [],
    layout: 'map',
    // up to 40 OPD the map prints on one page; more: fitted to the width only
    print: { orientation: 'landscape', onePage: hm.opd.length <= 40 },
  };
}
