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

/** Rows read per sheet: valid, quarantined (not valid) and superseded by a later response. */
export function countsText(counts: ValidationResult['counts']): string {
  const rows = Object.entries(counts).map(([sheet, c]) => [
    sheet,
    num(c.rows),
    num(c.valid),
    num(c.quarantined),
    num(c.superseded),
  ]);
  return table(
    [
      { header: 'Lembar' },
      { header: 'Baris', right: true },
      { header: 'Sah', right: true },
      { header: 'Tidak sah', right: true },
      { header: 'Digantikan', right: true },
    ],
    rows,
  );
}

/** The input's accounting, added to every command's JSON: counts per sheet, what was not read. */
export function inputJson(v: Pick<ValidationResult, 'counts' | 'ignoredSheets' | 'ignoredColumns'>) {
  return { counts: v.counts, ignoredSheets: v.ignoredSheets, ignoredColumns: v.ignoredColumns };
}

/**
 * What the input holds besides valid and invalid rows: rows superseded by a later version of
 * the same response, sheets and columns that were not read. '' when there is nothing to say.
 */
export function inputNotes(v: Pick<ValidationResult, 'counts' | 'ignoredSheets' | 'ignoredColumns'>): string {
  const lines: string[] = [];
  const superseded = Object.entries(v.counts).filter(([, c]) => c.superseded > 0);
  if (superseded.length > 0) {
    const total = superseded.reduce((a, [, c]) => a + c.superseded, 0);
    const where = superseded.map(([s, c]) => `${s} ${num(c.superseded)}`).join(', ');
    lines.push(
      `${num(total)} baris digantikan oleh versi yang lebih baru dari respons yang sama (${where}); hanya versi terakhir yang diolah dan disimpan.`,
    );
  }
  for (const s of v.ignoredSheets) lines.push(`Peringatan: ${s.message}.`);
  for (const c of v.ignoredColumns) lines.push(`Peringatan: ${c.message}.`);
  return lines.join('\n');
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
