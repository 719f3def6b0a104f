/**
 * Request bodies checked field by field against the Sheets v4 types of `@googleapis/sheets`
 * (the same declarations the product compiles against): the message types are read from the
 * package's v4.d.ts, so a field the API does not have, or a value of the wrong JSON type, is
 * a 400 naming the field, as the API's proto3 JSON parser answers. Enumerations (plain
 * strings in the typings) are checked for the fields the writers use, from the reference.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type FieldType =
  | { kind: 'string' | 'number' | 'boolean' | 'any' }
  | { kind: 'message'; name: string }
  | { kind: 'array'; of: FieldType };

export class SchemaError extends Error {}

function parseType(raw: string): FieldType {
  const t = raw.replace(/\s*\|\s*null$/, '').trim();
  if (t.endsWith('[]')) return { kind: 'array', of: parseType(t.slice(0, -2)) };
  if (t.startsWith('Schema$')) return { kind: 'message', name: t.slice('Schema$'.length) };
  if (t === 'string' || t === 'number' || t === 'boolean') return { kind: t };
  return { kind: 'any' };
}

let messages: Map<string, Map<string, FieldType>> | undefined;

/** Every `interface Schema$X { field?: T; }` of the v4 declarations. */
function schema(): Map<string, Map<string, FieldType>> {
  if (messages) return messages;
  const file = join(require.resolve('@googleapis/sheets'), '..', 'v4.d.ts');
  const text = readFileSync(file, 'utf8');
  messages = new Map();
  const re = /export interface Schema\$(\w+) \{\n([\s\S]*?)\n {4}\}/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const fields = new Map<string, FieldType>();
    for (const line of (m[2] ?? '').split('\n')) {
      const f = /^\s+(\w+)\?: (.+);$/.exec(line);
      if (f?.[1] && f[2]) fields.set(f[1], parseType(f[2]));
    }
    messages.set(m[1] ?? '', fields);
  }
  if (!messages.has('Request')) throw new Error(`no Schema$Request in ${file}`);
  return messages;
}

/** Enumerations of the fields the writers set (developers.google.com/sheets/api/reference/rest). */
const ENUMS: Readonly<Record<string, readonly string[]>> = {
  'ChartSpec.hiddenDimensionStrategy': [
    'SKIP_HIDDEN_ROWS_AND_COLUMNS',
    'SKIP_HIDDEN_ROWS',
    'SKIP_HIDDEN_COLUMNS',
    'SHOW_ALL',
  ],
  'BasicChartSpec.chartType': ['BAR', 'LINE', 'AREA', 'COLUMN', 'SCATTER', 'COMBO', 'STEPPED_AREA'],
  'BasicChartSpec.legendPosition': [
    'BOTTOM_LEGEND',
    'LEFT_LEGEND',
    'RIGHT_LEGEND',
    'TOP_LEGEND',
    'NO_LEGEND',
  ],
  'BasicChartAxis.position': ['BOTTOM_AXIS', 'LEFT_AXIS', 'RIGHT_AXIS'],
  'BasicChartSeries.targetAxis': ['BOTTOM_AXIS', 'LEFT_AXIS', 'RIGHT_AXIS'],
  'BasicChartSeries.type': ['BAR', 'LINE', 'AREA', 'COLUMN', 'SCATTER', 'COMBO', 'STEPPED_AREA'],
  'ChartAxisViewWindowOptions.viewWindowMode': ['DEFAULT_VIEW_WINDOW_MODE', 'EXPLICIT', 'PRETTY'],
  'DataLabel.type': ['NONE', 'DATA', 'CUSTOM'],
  'DataLabel.placement': [
    'CENTER',
    'LEFT',
    'RIGHT',
    'ABOVE',
    'BELOW',
    'INSIDE_END',
    'INSIDE_BASE',
    'OUTSIDE_END',
  ],
  'NumberFormat.type': ['TEXT', 'NUMBER', 'PERCENT', 'CURRENCY', 'DATE', 'TIME', 'DATE_TIME', 'SCIENTIFIC'],
  'CellFormat.horizontalAlignment': ['LEFT', 'CENTER', 'RIGHT'],
  'CellFormat.verticalAlignment': ['TOP', 'MIDDLE', 'BOTTOM'],
  'CellFormat.wrapStrategy': ['OVERFLOW_CELL', 'LEGACY_WRAP', 'CLIP', 'WRAP'],
  'Border.style': ['DOTTED', 'DASHED', 'SOLID', 'SOLID_MEDIUM', 'SOLID_THICK', 'NONE', 'DOUBLE'],
  'MergeCellsRequest.mergeType': ['MERGE_ALL', 'MERGE_COLUMNS', 'MERGE_ROWS'],
  'DimensionRange.dimension': ['ROWS', 'COLUMNS'],
  'InterpolationPoint.type': ['MIN', 'MAX', 'NUMBER', 'PERCENT', 'PERCENTILE'],
  'TextPosition.horizontalAlignment': ['LEFT', 'CENTER', 'RIGHT'],
};

/** lowerCamel -> snake_case, as the API names fields in its messages */
const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function check(value: unknown, type: FieldType, at: string, owner: string, field: string): void {
  if (value === null) return;
  switch (type.kind) {
    case 'any':
      return;
    case 'string': {
      if (typeof value !== 'string')
        throw new SchemaError(`Invalid value at '${at}' (TYPE_STRING), ${JSON.stringify(value)}`);
      const allowed = ENUMS[`${owner}.${field}`];
      if (allowed && !allowed.includes(value))
        throw new SchemaError(
          `Invalid value at '${at}' (type.googleapis.com/google.apps.sheets.v4.${owner}), "${value}"`,
        );
      return;
    }
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value))
        throw new SchemaError(`Invalid value at '${at}' (TYPE_NUMBER), ${JSON.stringify(value)}`);
      return;
    case 'boolean':
      if (typeof value !== 'boolean')
        throw new SchemaError(`Invalid value at '${at}' (TYPE_BOOL), ${JSON.stringify(value)}`);
      return;
    case 'array':
      if (!Array.isArray(value)) throw new SchemaError(`Invalid value at '${at}': expected a list`);
      value.forEach((v, i) => {
        check(v, type.of, `${at}[${i}]`, owner, field);
      });
      return;
    case 'message':
      checkMessage(value, type.name, at);
  }
}

/** Throws SchemaError at the first field `value` has that `Schema$<name>` does not, or of the wrong type. */
export function checkMessage(value: unknown, name: string, at: string): void {
  const fields = schema().get(name);
  if (!fields) throw new SchemaError(`no message ${name} in the v4 typings`);
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new SchemaError(`Invalid value at '${at}' (type.googleapis.com/google.apps.sheets.v4.${name})`);
  for (const [k, v] of Object.entries(value)) {
    const type = fields.get(k);
    const path = `${at}.${snake(k)}`;
    if (!type)
      throw new SchemaError(
        `Invalid JSON payload received. Unknown name "${k}" at '${at}': Cannot find field.`,
      );
    check(v, type, path, name, k);
  }
}

/** One Request of a batchUpdate, checked against Schema$Request. */
export function checkRequest(request: unknown, index: number): void {
  checkMessage(request, 'Request', `requests[${index}]`);
}
