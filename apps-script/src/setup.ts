/**
 * Siapkan Lembar: creates or repairs every contract sheet from the core's SHEET_SPECS (and
 * the script's own sheets): missing headers appended (never reordered, data never touched),
 * header notes, dropdowns on enum columns, a frozen and warning-protected header row.
 */
import { DEFAULT_DICTIONARY, normalizeHeader, SHEET, SHEET_SPECS, type SheetSpec } from '@bangkom/core';
import { APP_SHEET_SPECS } from './app-sheets.js';
import { REACTION_STATEMENTS, text } from './form-defs.js';
import {
  columnOf,
  ensureSize,
  readTable,
  type Sheet,
  type Spreadsheet,
  sheetsByName,
  spreadsheet,
  tell,
} from './gas.js';

export const HEADER_COLOUR = '#d9ead3';
export const PROTECTION_NOTE = 'Bangkom: baris judul';

export function siapkanLembar(): void {
  const report = prepareSheets(spreadsheet());
  tell(
    `Lembar siap.\nDibuat: ${report.created.join(', ') || '-'}\nKolom ditambahkan: ${
      report.added.map((a) => `${a.sheet} (${a.columns.join(', ')})`).join('; ') || '-'
    }`,
  );
}

export interface PrepareReport {
  created: string[];
  added: { sheet: string; columns: string[] }[];
}

/** Headers a sheet should have: the spec's columns plus its repeating columns. */
export function wantedHeaders(spec: SheetSpec, competencyTitles: readonly string[]): string[] {
  const cols = spec.columns.map((c) => c.header);
  if (spec.name === SHEET.penilaian) cols.push(...competencyTitles);
  if (spec.name === SHEET.reaksi) cols.push(...REACTION_STATEMENTS.map((_, i) => `R${i + 1}`));
  return cols;
}

/** A repeating column of a sheet: a competency column of Penilaian, R<n> of Evaluasi Reaksi. */
export function isRepeating(spec: SheetSpec, header: string): boolean {
  if (!spec.repeating) return false;
  if (spec.name === SHEET.penilaian) return /^\[?[A-Z]+\.\d+\]?(\s|$)/.test(header.trim());
  if (spec.name === SHEET.reaksi) return /^R\d+$/i.test(header.trim());
  return false;
}

export function prepareSheets(ss: Spreadsheet): PrepareReport {
  const existing = sheetsByName(ss);
  const report: PrepareReport = { created: [], added: [] };
  const competencyTitles = readCompetencyTitles(existing.get(normalizeHeader(SHEET.kamus)));
  for (const spec of [...SHEET_SPECS, ...APP_SHEET_SPECS]) {
    let sheet = existing.get(normalizeHeader(spec.name));
    if (!sheet) {
      sheet = ss.insertSheet(spec.name);
      report.created.push(spec.name);
    }
    const added = repairSheet(sheet, spec, wantedHeaders(spec, competencyTitles));
    if (added.length > 0) report.added.push({ sheet: spec.name, columns: added });
  }
  return report;
}

function readCompetencyTitles(kamus: Sheet | undefined): string[] {
  if (kamus) {
    const t = readTable(kamus);
    const k = columnOf(t.header, 'Kode');
    const n = columnOf(t.header, 'Nama');
    const titles = t.rows.filter((r) => text(r[k]) !== '').map((r) => `${text(r[k])} ${text(r[n])}`.trim());
    if (k >= 0 && titles.length > 0) return titles;
  }
  return DEFAULT_DICTIONARY.map((d) => `${d.kode} ${d.nama}`);
}

/** Repairs one sheet; returns the headers it appended. Header row: one read, one write each. */
export function repairSheet(sheet: Sheet, spec: SheetSpec, wanted: readonly string[]): string[] {
  const width = Math.max(sheet.getLastColumn(), 1);
  const headerRange = sheet.getRange(1, 1, 1, width);
  const current = (headerRange.getValues()[0] ?? []).map((h) => String(h ?? '').trim());
  while (current.length > 0 && current[current.length - 1] === '') current.pop();
  const oldNotes = headerRange.getNotes()[0] ?? [];
  // a competency column matches on its code ("M.01" = "M.01 Integritas" = "[M.01] Integritas")
  const codeOf = (h: string) => /^\[?([A-Z]+\.\d+)\]?/.exec(h)?.[1];
  const has = (h: string) =>
    columnOf(current, h) >= 0 ||
    (codeOf(h) !== undefined && current.some((c) => codeOf(c) === codeOf(h))) ||
    spec.columns.some((c) => c.header === h && (c.aliases ?? []).some((a) => columnOf(current, a) >= 0));
  const added = wanted.filter((h) => !has(h));
  const header = [...current, ...added];
  const notes = header.map((h, i) => {
    const col = spec.columns.find((c) =>
      [c.header, ...(c.aliases ?? [])].some((x) => normalizeHeader(x) === normalizeHeader(h)),
    );
    if (col) return col.note;
    if (spec.repeating && isRepeating(spec, h)) return spec.repeating.note;
    return String(oldNotes[i] ?? '');
  });
  ensureSize(sheet, 2, header.length);
  const range = sheet.getRange(1, 1, 1, header.length);
  range.setValues([header]);
  range.setNotes([notes]);
  range.setFontWeight('bold').setBackground(HEADER_COLOUR);
  sheet.setFrozenRows(1);

  // dropdowns on enum columns, for every data row the sheet has
  const rows = Math.max(sheet.getMaxRows() - 1, 1);
  spec.columns.forEach((c) => {
    if (c.kind !== 'enum' || !c.values) return;
    const i = columnOf(header, c.header, ...(c.aliases ?? []));
    if (i < 0) return;
    const rule = SpreadsheetApp.newDataValidation()
      .requireValueInList([...c.values], true)
      .setAllowInvalid(false)
      .setHelpText(c.note)
      .build();
    sheet.getRange(2, i + 1, rows, 1).setDataValidation(rule);
  });

  // warning-only protection: staff may still edit after a confirmation; added once
  const protections = sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE);
  if (!protections.some((p) => p.getDescription() === PROTECTION_NOTE)) {
    sheet
      .getRange(1, 1, 1, sheet.getMaxColumns())
      .protect()
      .setDescription(PROTECTION_NOTE)
      .setWarningOnly(true);
  }
  return added;
}
