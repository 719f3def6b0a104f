import { PesanGalat } from './errors.js';

/**
 * Script properties (Project Settings -> Script properties) that configure one deployment.
 * BKPSDM sets the functions URL once; the rest is written by the menu items.
 */
export const PROP = {
  /** base URL of the Cloud Functions, e.g. https://asia-southeast2-<project>.cloudfunctions.net */
  functionsUrl: 'BANGKOM_FUNCTIONS_URL',
  /** tenant (Firestore tenants/{tenant}); default sawahlunto */
  tenant: 'BANGKOM_TENANT',
  /** id of the program spreadsheet the functions read with the Sheets API; defaults to this one */
  spreadsheetId: 'BANGKOM_SPREADSHEET_ID',
  /** form ids by form key, JSON, so re-running Buat Formulir updates instead of duplicating */
  forms: 'BANGKOM_FORMS',
  /** the FormContext (competencies, units, quiz key) the forms were last built with, JSON */
  formContext: 'BANGKOM_FORM_CONTEXT',
  /** ids of the items Buat Formulir made, by form key, JSON: items staff add by hand are left alone */
  formItems: 'BANGKOM_FORM_ITEMS',
  /** forms already built by a Buat Formulir run that is being continued, JSON */
  formsProgress: 'BANGKOM_FORMS_PROGRESS',
  /** the runId of the cycle Hitung & Sinkronkan started and is still following */
  cycleRun: 'BANGKOM_SIKLUS',
  /** document property: the account that installed the triggers and their ids, JSON */
  triggers: 'BANGKOM_PEMICU',
  /** prefix of submissions that arrived while the document lock was busy, one JSON each */
  pendingSubmission: 'BANGKOM_TERTUNDA_',
} as const;

/** Function names on the Cloud Functions side (functions/src/index.ts registers them). */
export const ENDPOINT = {
  ingest: 'ingestResponse',
  run: 'runCycle',
  runStatus: 'runStatus',
  refreshSummary: 'refreshSummary',
} as const;

export function props(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getScriptProperties();
}

/**
 * A property value holds at most 9 KB, counted in UTF-8 bytes (Apps Script quotas), and a
 * store 500 KB, keys included. Longer JSON is split over `key#0`, `key#1`, … of at most
 * PART_BYTES each: Indonesian text with typographic quotes or dashes takes 3 bytes a
 * character, so a split by characters can be over the limit.
 */
export const PART_BYTES = 8_000;

/** UTF-8 length of one code point. */
const cpBytes = (cp: number): number => (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);

export function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) n += cpBytes(ch.codePointAt(0) ?? 0);
  return n;
}

/** `text` in pieces of at most `max` UTF-8 bytes, never splitting a character. */
export function splitBytes(text: string, max = PART_BYTES): string[] {
  const parts: string[] = [];
  let part = '';
  let bytes = 0;
  for (const ch of text) {
    const b = cpBytes(ch.codePointAt(0) ?? 0);
    if (bytes + b > max) {
      parts.push(part);
      part = '';
      bytes = 0;
    }
    part += ch;
    bytes += b;
  }
  if (part !== '' || parts.length === 0) parts.push(part);
  return parts;
}

/** Number of parts a stored value is split over (0 when it is stored whole or absent). */
function partsOf(raw: string | null): number {
  if (!raw?.startsWith('{"__parts"')) return 0;
  try {
    const n = Number((JSON.parse(raw) as { __parts?: unknown }).__parts);
    return Number.isInteger(n) && n > 0 ? n : 0;
  } catch (_bad) {
    return 0;
  }
}

export function getJson<T>(key: string, fallback: T, store = props()): T {
  const raw = store.getProperty(key);
  if (!raw) return fallback;
  try {
    const n = partsOf(raw);
    if (n > 0) {
      const text = Array.from({ length: n }, (_, i) => store.getProperty(`${key}#${i}`) ?? '').join('');
      return JSON.parse(text) as T;
    }
    return JSON.parse(raw) as T;
  } catch (_bad) {
    return fallback;
  }
}

/**
 * Stores `value` as JSON, split by bytes when it is long; parts of an earlier, longer value
 * are deleted so nothing is left behind toward the store's 500 KB. The parts are written in
 * one setProperties call and the head last, so a reader never sees a head without its parts.
 */
export function setJson(key: string, value: unknown, store = props()): void {
  const text = JSON.stringify(value);
  const before = partsOf(store.getProperty(key));
  if (utf8Length(text) <= PART_BYTES) {
    store.setProperty(key, text);
    for (let i = 0; i < before; i++) store.deleteProperty(`${key}#${i}`);
    return;
  }
  const parts = splitBytes(text);
  const batch: Record<string, string> = {};
  parts.forEach((p, i) => {
    batch[`${key}#${i}`] = p;
  });
  try {
    store.setProperties(batch);
    store.setProperty(key, JSON.stringify({ __parts: parts.length }));
  } catch (err) {
    // a full store: leave nothing half-written behind (the parts of the old value are overwritten)
    for (let i = 0; i < Math.max(parts.length, before); i++) store.deleteProperty(`${key}#${i}`);
    store.deleteProperty(key);
    throw err;
  }
  for (let i = parts.length; i < before; i++) store.deleteProperty(`${key}#${i}`);
}

/** Deletes a value stored by setJson, with all its parts. */
export function deleteJson(key: string, store = props()): void {
  const n = partsOf(store.getProperty(key));
  store.deleteProperty(key);
  for (let i = 0; i < n; i++) store.deleteProperty(`${key}#${i}`);
}

export function tenant(): string {
  return props().getProperty(PROP.tenant) || 'sawahlunto';
}

export function functionsUrl(): string {
  const url = (props().getProperty(PROP.functionsUrl) || '').trim().replace(/\/+$/, '');
  if (!/^https:\/\//.test(url)) {
    throw new PesanGalat(
      `Properti skrip ${PROP.functionsUrl} belum diisi dengan URL https Cloud Functions (Setelan Proyek -> Properti skrip).`,
    );
  }
  return url;
}
