/**
 * Documents of the in-process emulator kept as plain values instead of the emulator's own field
 * objects (one class instance per value, about 1,8 KB per document: 1,7 GB for a 50,000-ASN
 * store). A document written by `bangkom run` straight into the state (emulator-store.ts
 * stateBatchWriter) or loaded from the store file holds the values it was given; the emulator
 * builds its field objects from them only when it reads the document (emulator.ts).
 *
 * Plain values are what firebase-admin takes: string, boolean, null, number (a safe integer is
 * an integer, anything else a double, as the client sends it), Date (a timestamp), Timestamp,
 * Uint8Array, arrays and plain objects. A stored value that no plain value would encode back to
 * exactly (a double holding an integer, a timestamp finer than a millisecond, bytes, a reference,
 * a geo point) stays in its typed form, a StoredValue, so a load followed by a save is lossless.
 *
 * The checks refuse what the client would refuse before sending (undefined, functions, class
 * instances, nested arrays) and what Firestore refuses (a field name `__x__`, maps nested more
 * than 20 deep), so a write that passes here passes on Firestore too.
 */
import { Timestamp } from 'firebase-admin/firestore';

/** One value in the store file's typed form: `{ t: "integer_value", v: 3 }`, maps and arrays nested. */
export interface Encoded {
  t: string;
  v: unknown;
}

/** A stored value kept in its typed form (see the module comment). */
export class StoredValue implements Encoded {
  constructor(
    readonly t: string,
    readonly v: unknown,
  ) {}
}

export type PlainFields = Record<string, unknown>;

/** Firestore refuses maps nested deeper than this. */
const MAX_DEPTH = 20;

/** A value Firestore (or its client) would refuse; the message is for the user (Bahasa Indonesia). */
export class UnstorableValueError extends Error {
  override readonly name = 'UnstorableValueError';
}

const isPlainObject = (v: object): boolean => {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

function refuse(path: string, why: string): never {
  throw new UnstorableValueError(`Nilai ${path || '(dokumen)'} tidak dapat disimpan di Firestore: ${why}.`);
}

/** Throws UnstorableValueError for a value the client or Firestore would refuse. */
export function checkStorable(fields: PlainFields): void {
  checkMap(fields, '', 0);
}

function checkMap(map: object, path: string, depth: number): void {
  if (depth > MAX_DEPTH) refuse(path, `peta bersarang lebih dari ${MAX_DEPTH} tingkat`);
  for (const [k, v] of Object.entries(map)) {
    const at = path ? `${path}.${k}` : k;
    if (k === '') refuse(at, 'nama kolom kosong');
    if (/^__.*__$/.test(k)) refuse(at, 'nama kolom berbentuk __…__ dicadangkan Firestore');
    checkValue(v, at, depth, false);
  }
}

function checkValue(v: unknown, path: string, depth: number, inArray: boolean): void {
  switch (typeof v) {
    case 'string':
    case 'boolean':
    case 'number':
      return;
    case 'object':
      break;
    default:
      refuse(path, `jenis ${typeof v}`);
  }
  if (v === null || v instanceof StoredValue || v instanceof Uint8Array || v instanceof Timestamp) return;
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) refuse(path, 'tanggal tidak sah');
    return;
  }
  if (Array.isArray(v)) {
    if (inArray) refuse(path, 'larik di dalam larik');
    for (let i = 0; i < v.length; i++) checkValue(v[i], `${path}[${i}]`, depth, true);
    return;
  }
  if (!isPlainObject(v)) refuse(path, `objek ${v.constructor?.name ?? 'tanpa kelas'}`);
  checkMap(v, path, depth + 1);
}

/** A plain value in the typed form, as firebase-admin would send it and the emulator store it. */
export function toEncoded(v: unknown): Encoded {
  switch (typeof v) {
    case 'string':
      return { t: 'string_value', v };
    case 'boolean':
      return { t: 'boolean_value', v };
    case 'number':
      return Number.isSafeInteger(v) && !Object.is(v, -0)
        ? { t: 'integer_value', v }
        : { t: 'double_value', v: jsonDouble(v) };
    default:
      break;
  }
  if (v === null) return { t: 'null_value', v: null };
  if (v instanceof StoredValue) return { t: v.t, v: v.v };
  if (v instanceof Date) return timestamp(Timestamp.fromDate(v));
  if (v instanceof Timestamp) return timestamp(v);
  if (v instanceof Uint8Array) return { t: 'bytes_value', v: Buffer.from(v).toString('base64') };
  if (Array.isArray(v)) return { t: 'array_value', v: v.map(toEncoded) };
  if (v !== undefined && typeof v === 'object' && isPlainObject(v)) {
    return { t: 'map_value', v: toEncodedFields(v as PlainFields) };
  }
  throw new UnstorableValueError(`Nilai berjenis ${typeof v} tidak dapat disimpan di Firestore.`);
}

/**
 * A double as the store file holds it: JSON has no NaN, infinity or negative zero
 * (JSON.stringify would write null, null and 0), so those are written as the text Number() reads
 * back.
 */
export const jsonDouble = (v: number): number | string =>
  Object.is(v, -0) ? '-0' : Number.isFinite(v) ? v : String(v);

const NON_JSON_DOUBLES: ReadonlySet<unknown> = new Set(['NaN', 'Infinity', '-Infinity', '-0']);

/** A double from the store file (see jsonDouble). */
export const fromJsonDouble = (v: unknown): unknown => (NON_JSON_DOUBLES.has(v) ? Number(v) : v);

// the emulator keeps a timestamp as { nanos, seconds }, in that order
const timestamp = (t: Timestamp): Encoded => ({
  t: 'timestamp_value',
  v: { nanos: t.nanoseconds, seconds: t.seconds },
});

export function toEncodedFields(fields: PlainFields): Record<string, Encoded> {
  const out: Record<string, Encoded> = {};
  for (const k of Object.keys(fields)) out[k] = toEncoded(fields[k]);
  return out;
}

/**
 * `JSON.stringify(toEncoded(v))`, written straight as text: the same characters without building
 * the typed objects first (the local store's save writes about a million documents at 50,000 ASN).
 */
export function encodedJson(v: unknown): string {
  switch (typeof v) {
    case 'string':
      return `{"t":"string_value","v":${JSON.stringify(v)}}`;
    case 'boolean':
      return v ? '{"t":"boolean_value","v":true}' : '{"t":"boolean_value","v":false}';
    case 'number':
      return Number.isSafeInteger(v) && !Object.is(v, -0)
        ? `{"t":"integer_value","v":${v}}`
        : `{"t":"double_value","v":${JSON.stringify(jsonDouble(v))}}`;
    default:
      break;
  }
  if (v === null) return '{"t":"null_value","v":null}';
  if (Array.isArray(v)) {
    let out = '{"t":"array_value","v":[';
    for (let i = 0; i < v.length; i++) out += i > 0 ? `,${encodedJson(v[i])}` : encodedJson(v[i]);
    return `${out}]}`;
  }
  if (v !== undefined && typeof v === 'object' && isPlainObject(v)) {
    return `{"t":"map_value","v":${encodedFieldsJson(v as PlainFields)}}`;
  }
  // the rarer kinds (Date, Timestamp, bytes, a value kept typed) through the typed form
  return JSON.stringify(toEncoded(v));
}

/** `JSON.stringify(toEncodedFields(fields))`, written straight as text (see encodedJson). */
export function encodedFieldsJson(fields: PlainFields): string {
  let out = '{';
  for (const k of Object.keys(fields)) {
    out += `${out.length > 1 ? ',' : ''}${JSON.stringify(k)}:${encodedJson(fields[k])}`;
  }
  return `${out}}`;
}

/** A typed value as a plain one that encodes back to exactly it, else kept typed. */
export function fromEncoded(e: Encoded): unknown {
  switch (e.t) {
    case 'string_value':
    case 'boolean_value':
      return e.v;
    case 'null_value':
      return null;
    case 'integer_value':
      return Number.isSafeInteger(e.v) ? e.v : new StoredValue(e.t, e.v);
    case 'double_value': {
      const v = fromJsonDouble(e.v);
      return typeof v === 'number' && toEncoded(v).t === 'double_value' ? v : new StoredValue(e.t, e.v);
    }
    case 'timestamp_value': {
      const { seconds, nanos } = e.v as { seconds: number; nanos: number };
      const ms = seconds * 1000 + nanos / 1e6;
      return nanos % 1e6 === 0 && Number.isSafeInteger(ms) ? new Date(ms) : new StoredValue(e.t, e.v);
    }
    case 'array_value':
      return (e.v as Encoded[]).map(fromEncoded);
    case 'map_value':
      return fromEncodedFields(e.v as Record<string, Encoded>);
    default:
      return new StoredValue(e.t, e.v);
  }
}

export function fromEncodedFields(fields: Record<string, Encoded>): PlainFields {
  const out: PlainFields = {};
  for (const k of Object.keys(fields)) out[k] = fromEncoded(fields[k] as Encoded);
  return out;
}

/** A top-level scalar as a plain value (string, number, boolean, null); undefined for the rest. */
export function plainScalar(v: unknown): unknown {
  switch (typeof v) {
    case 'string':
    case 'number':
    case 'boolean':
      return v;
    default:
      if (v === null) return null;
      if (v instanceof StoredValue && (v.t === 'integer_value' || v.t === 'double_value')) return v.v;
      return undefined;
  }
}
