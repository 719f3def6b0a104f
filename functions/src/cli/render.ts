/** Text blocks several commands print. */
import type { CellError, ValidationResult } from '@bangkom/core';
import { heading, more, num, table } from './format.js';

/** How many errors a human-readable report lists before "… dan N lainnya". */
export const ERRORS_SHOWN = 50;

function showValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '(kosong)';
  if (v instanceof Date)
    return Number.isNaN(v.getTime()) ? '(tanggal tidak sah)' : v.toISOString().slice(0, 10);
  const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
  return s.length > 30 ? `${s.slice(0, 29)}…` : s;
}

/** The errors as an aligned list: sheet, row, column, value, message. */
export function errorsText(errors: readonly CellError[], limit = ERRORS_SHOWN): string {
  if (errors.length === 0) return '';
  const shown = errors.slice(0, limit);
  const body = table(
    [
      { header: 'Lembar' },
      { header: 'Baris', right: true },
      { header: 'Kolom' },
      { header: 'Nilai' },
      { header: 'Keterangan' },
    ],
    shown.map((e) => [e.sheet, String(e.row), e.column || '–', showValue(e.value), e.message]),
  );
  const tail = more(shown.length, errors.length);
  return [heading(`Kesalahan isian (${num(errors.length)})`), body, tail].filter(Boolean).join('\n');
}

/** Rows read and valid per sheet. */
export function countsText(counts: ValidationResult['counts']): string {
  const rows = Object.entries(counts).map(([sheet, c]) => [
    sheet,
    num(c.rows),
    num(c.valid),
    num(c.rows - c.valid),
  ]);
  return table(
    [
      { header: 'Lembar' },
      { header: 'Baris', right: true },
      { header: 'Sah', right: true },
      { header: 'Tidak sah', right: true },
    ],
    rows,
  );
}

/** One closing line about the input's validity. */
export function validityLine(errors: readonly CellError[]): string {
  if (errors.length === 0) return 'Semua baris sah.';
  const rows = new Set(errors.map((e) => `${e.sheet}\u0000${e.row}`)).size;
  return `${num(errors.length)} kesalahan pada ${num(rows)} baris; baris itu dikarantina, baris lain tetap diolah.`;
}

/** Joins non-empty blocks with a blank line. */
export function blocks(...parts: (string | false | undefined)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p !== '').join('\n\n');
}
