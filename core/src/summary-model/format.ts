/** id_ID text for figures inside sentences and text cells (the core formats, renderers place). */
import type { SummaryColumnKind } from './model.js';

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(min: number, max: number): Intl.NumberFormat {
  const key = `${min}:${max}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat('id-ID', { minimumFractionDigits: min, maximumFractionDigits: max });
    formats.set(key, f);
  }
  return f;
}

/** 1234.5 -> "1.234,50" (exactly `digits` decimals). */
export function idFixed(v: number, digits: number): string {
  return numberFormat(digits, digits).format(v);
}

/** 1.2000000000000002 -> "1,2" (at most `maxDigits` decimals). */
export function idNumber(v: number, maxDigits = 2): string {
  return numberFormat(0, maxDigits).format(v);
}

/** A typed value as id_ID text: 0.813 percent(1) -> "81,3%", 150000 rupiah -> "Rp150.000". */
export function idValue(v: number | string | null, kind: SummaryColumnKind, digits = 0): string {
  if (v === null) return '';
  if (typeof v === 'string') {
    if (kind !== 'date') return v;
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
    return m ? `${m[3]}/${m[2]}/${m[1]}` : v;
  }
  switch (kind) {
    case 'integer':
      return idFixed(v, 0);
    case 'percent':
      return `${idFixed(v * 100, digits)}%`;
    case 'rupiah':
      return `Rp${idFixed(v, 0)}`;
    case 'decimal':
      return idFixed(v, digits);
    default:
      // never exponent notation ("3.64e-11") on a leader's page
      return idNumber(v, 2);
  }
}

/**
 * The number a reader sees once `v` is printed with `digits` decimals (id_ID rounding):
 * what a band or a label next to the printed figure must be judged on.
 */
export function printedValue(v: number, digits: number): number {
  return Number(idFixed(v, digits).replace(/\./g, '').replace(',', '.'));
}
