/** The only place that calls the core's validators; sheets arrive as read, dates as serials. */
import {
  type Cell,
  type CellError,
  type Competency,
  completersBySession,
  computeCompletion,
  enumTable,
  isBlankCell,
  normalizeHeader,
  parseEnumCell,
  parseNipCell,
  type RawSheet,
  type RawWorkbook,
  SHEET,
  SHEET_SPECS,
  settingsFrom,
  type ValidationResult,
  validateRows,
  validateWorkbook,
} from '@bangkom/core';
import { APP_SHEET_SPECS } from './app-sheets.js';

export function validate(wb: RawWorkbook): ValidationResult {
  return validateWorkbook(wb);
}

/**
 * Who completed each session that has a `Daftar Hadir` (core/src/attendance.ts), from the
 * sheets the completion rule reads (dates as serials). Sessions without one are absent.
 */
export function completersOf(wb: RawWorkbook): ReadonlyMap<string, ReadonlySet<string>> {
  const rows = (name: string) => wb[name];
  const hadir = rows(SHEET.hadir);
  if (!hadir) return new Map();
  const attendance = validateRows(SHEET.hadir, hadir).records;
  if (attendance.length === 0) return new Map();
  const kamus = rows(SHEET.kamus);
  const dictionary = kamus ? validateRows(SHEET.kamus, kamus).records : [];
  const katalog = rows(SHEET.katalog);
  const tes = rows(SHEET.tes);
  const pengaturan = rows(SHEET.pengaturan);
  return completersBySession(
    computeCompletion({
      attendance,
      courses: katalog ? validateRows(SHEET.katalog, katalog, dictionary).records : [],
      tests: tes ? validateRows(SHEET.tes, tes).records : [],
      settings: settingsFrom(pengaturan ? validateRows(SHEET.pengaturan, pengaturan).records : []),
    }),
  );
}

const isContract = (sheet: string): boolean =>
  SHEET_SPECS.some((s) => normalizeHeader(s.name) === normalizeHeader(sheet));

/**
 * Errors in the rows of one sheet validated on its own (a form submission): `rows` is the
 * header plus the data rows; `firstDataRow` is the sheet row of rows[1].
 */
export function validateSheetRows(
  sheet: string,
  rows: RawSheet,
  dictionary: readonly Pick<Competency, 'kode' | 'nama'>[] = [],
  firstDataRow = 2,
): CellError[] {
  if (isContract(sheet)) {
    const dict = dictionary.map((d, i) => ({ ...d, kelompok: 'Teknis' as const, row: i + 2 }));
    // kelompok does not matter for validating a response: only the codes are looked up
    return validateRows(sheet, rows, dict, { firstDataRow }).errors;
  }
  return validateAppRows(sheet, rows, firstDataRow);
}

/** The script's own sheets (Konfirmasi Kehadiran): required cells, NIP and enum columns. */
function validateAppRows(sheet: string, rows: RawSheet, firstDataRow: number): CellError[] {
  const spec = APP_SHEET_SPECS.find((s) => normalizeHeader(s.name) === normalizeHeader(sheet));
  if (!spec) throw new Error(`Lembar "${sheet}" tidak dikenal bangkom`);
  const header = (rows[0] ?? []).map((h) => normalizeHeader(h));
  const errors: CellError[] = [];
  rows.slice(1).forEach((r, i) => {
    const row = firstDataRow + i;
    for (const col of spec.columns) {
      const at = header.indexOf(normalizeHeader(col.header));
      const cell: Cell = at >= 0 ? r[at] : null;
      if (isBlankCell(cell)) {
        if (col.required)
          errors.push({
            sheet: spec.name,
            row,
            column: col.header,
            value: cell,
            message: `${col.header} wajib diisi`,
          });
        continue;
      }
      const parsed =
        col.kind === 'nip'
          ? parseNipCell(cell, col.header)
          : col.kind === 'enum' && col.values
            ? parseEnumCell(
                cell,
                enumTable(col.values),
                `${col.header} harus salah satu dari: ${col.values.join(', ')}`,
              )
            : null;
      if (parsed && !parsed.ok)
        errors.push({ sheet: spec.name, row, column: col.header, value: cell, message: parsed.message });
    }
  });
  return errors;
}
