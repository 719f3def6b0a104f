/** Values of the fake Sheets API's cells and the API's error shape (fake-sheets.ts uses them). */

/** A cell written with formulaValue. */
export class FakeFormula {
  constructor(readonly formula: string) {}
}

export class ApiError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly retryAfter?: number | string,
  ) {
    super(message);
  }
}

/** 'Kamus Kompetensi'!A1 -> { title, row, col } ('' quotes undone). */
export function parseRange(range: string): { title: string; row: number; col: number } {
  const m = /^(?:'((?:[^']|'')+)'|([^!']+))(?:!([A-Z]+)(\d+)(?::[A-Z]+\d*)?)?$/.exec(range);
  if (!m) throw new ApiError(400, `Unable to parse range: ${range}`);
  const title = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? '');
  const letters = m[3] ?? 'A';
  const col = [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { title, row: Number(m[4] ?? 1) - 1, col };
}

export const isEmpty = (v: unknown) => v === '' || v == null;

export function trimRow(row: unknown[]): unknown[] {
  let end = row.length;
  while (end > 0 && isEmpty(row[end - 1])) end--;
  return row.slice(0, end);
}

/** 0 -> A, 26 -> AA */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export type Json = Record<string, unknown>;
export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Proto3 JSON: an unknown field is a 400 naming it, as the API's parser does. */
export function onlyKnown(obj: Json, known: readonly string[], at: string): void {
  for (const k of Object.keys(obj)) {
    if (!known.includes(k)) {
      throw new ApiError(
        400,
        `Invalid JSON payload received. Unknown name "${k}" at '${at}': Cannot find field.`,
      );
    }
  }
}

export const isIndex = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;

export const CELL_DATA_FIELDS = [
  'userEnteredValue',
  'effectiveValue',
  'formattedValue',
  'userEnteredFormat',
  'effectiveFormat',
  'hyperlink',
  'note',
  'textFormatRuns',
  'dataValidation',
  'pivotTable',
  'dataSourceTable',
  'dataSourceFormula',
  'chipRuns',
] as const;

const EXTENDED_VALUE_KINDS = ['numberValue', 'stringValue', 'boolValue', 'formulaValue', 'errorValue'];

/** An ExtendedValue -> the stored cell; exactly one kind of value, of its JSON type. */
export function extendedValue(v: unknown, at: string): unknown {
  if (!isObject(v)) throw new ApiError(400, `Invalid value at '${at}': expected an ExtendedValue object`);
  onlyKnown(v, EXTENDED_VALUE_KINDS, at);
  const kinds = Object.keys(v);
  if (kinds.length > 1) {
    throw new ApiError(
      400,
      `Invalid JSON payload received. Oneof field 'value' is already set. Cannot set '${kinds[1]}'`,
    );
  }
  const kind = kinds[0];
  if (kind === undefined) return undefined;
  const x = v[kind];
  switch (kind) {
    case 'numberValue': {
      // proto3 JSON takes a double as a number or a numeric string
      const n = typeof x === 'string' && x.trim() !== '' ? Number(x) : x;
      if (typeof n !== 'number' || !Number.isFinite(n))
        throw new ApiError(400, `Invalid value at '${at}.number_value' (TYPE_DOUBLE), ${JSON.stringify(x)}`);
      return n;
    }
    case 'stringValue':
      if (typeof x !== 'string')
        throw new ApiError(400, `Invalid value at '${at}.string_value' (TYPE_STRING), ${JSON.stringify(x)}`);
      return x;
    case 'boolValue':
      if (typeof x !== 'boolean')
        throw new ApiError(400, `Invalid value at '${at}.bool_value' (TYPE_BOOL), ${JSON.stringify(x)}`);
      return x;
    case 'formulaValue':
      if (typeof x !== 'string')
        throw new ApiError(400, `Invalid value at '${at}.formula_value' (TYPE_STRING), ${JSON.stringify(x)}`);
      return new FakeFormula(x);
    default:
      throw new ApiError(400, `fake-sheets does not model ${kind}`);
  }
}

/** A field mask on CellData -> whether it covers userEnteredValue (the only part the fake stores). */
export function maskCoversValue(fields: unknown, at: string): boolean {
  if (typeof fields !== 'string' || fields.trim() === '')
    throw new ApiError(400, `Invalid ${at}: At least one field must be specified.`);
  const paths = fields.split(',').map((f) => f.trim());
  if (paths.includes('*')) {
    if (paths.length > 1) throw new ApiError(400, `Invalid ${at}: '*' must be the only field`);
    return true;
  }
  for (const p of paths) {
    const root = p.split('.')[0] ?? '';
    if (!(CELL_DATA_FIELDS as readonly string[]).includes(root))
      throw new ApiError(400, `Invalid ${at}: Invalid field mask: "${p}" is not a field of CellData`);
  }
  return paths.includes('userEnteredValue');
}
