/** Human-readable output of the `bangkom` command: Indonesian number formats and aligned tables. */
import { idFixed, idNumber } from '@bangkom/core';

/** 1234.5 -> "1.234,5"; null/undefined/NaN -> "–". `digits` is the maximum number of decimals. */
export function num(value: number | null | undefined, digits = 0, fixed = false): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return fixed ? idFixed(value, digits) : idNumber(value, digits);
}

/** 85.24 -> "85,2%" (the value is already a percentage). */
export function pct(value: number | null | undefined, digits = 1): string {
  const s = num(value, digits, true);
  return s === '–' ? s : `${s}%`;
}

/** 1500000 -> "Rp1.500.000". */
export function rupiah(value: number | null | undefined): string {
  const s = num(value, 0);
  return s === '–' ? s : `Rp${s}`;
}

export interface Column {
  header: string;
  /** right-align (numbers) */
  right?: boolean;
}

/** An aligned text table: header, a rule, rows. Cells are already formatted strings. */
export function table(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((c, i) => Math.max(width(c.header), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    columns
      .map((c, i) => {
        const cell = cells[i] ?? '';
        const pad = ' '.repeat(Math.max(0, (widths[i] ?? 0) - width(cell)));
        return c.right ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  return [
    line(columns.map((c) => c.header)),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map(line),
  ].join('\n');
}

/** Display width: code points (the text is Latin; combining marks are rare in names). */
function width(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** A section title with an underline. */
export function heading(title: string): string {
  return `${title}\n${'='.repeat(width(title))}`;
}

/** "… dan 12 lainnya" when a list was cut for the screen. */
export function more(shown: number, total: number, hint = 'gunakan --json untuk daftar lengkap'): string {
  return total > shown ? `… dan ${num(total - shown)} lainnya (${hint}).` : '';
}
