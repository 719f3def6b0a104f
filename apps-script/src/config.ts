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
  /** prefix of submissions that arrived while the document lock was busy, one JSON each */
  pendingSubmission: 'BANGKOM_TERTUNDA_',
} as const;

/** Function names on the Cloud Functions side (functions/src/index.ts registers them). */
export const ENDPOINT = {
  ingest: 'ingestResponse',
  run: 'runCycle',
} as const;

export function props(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getScriptProperties();
}

/** A property value holds at most 9 KB; longer JSON is split over `key#0`, `key#1`, … */
const PART = 8_000;

export function getJson<T>(key: string, fallback: T): T {
  const p = props();
  const raw = p.getProperty(key);
  if (!raw) return fallback;
  try {
    const head = JSON.parse(raw) as unknown;
    if (head && typeof head === 'object' && '__parts' in head) {
      const n = Number((head as { __parts: unknown }).__parts);
      const text = Array.from({ length: n }, (_, i) => p.getProperty(`${key}#${i}`) ?? '').join('');
      return JSON.parse(text) as T;
    }
    return head as T;
  } catch (_bad) {
    return fallback;
  }
}

export function setJson(key: string, value: unknown): void {
  const p = props();
  const text = JSON.stringify(value);
  if (text.length <= PART) {
    p.setProperty(key, text);
    return;
  }
  const n = Math.ceil(text.length / PART);
  for (let i = 0; i < n; i++) p.setProperty(`${key}#${i}`, text.slice(i * PART, (i + 1) * PART));
  p.setProperty(key, JSON.stringify({ __parts: n }));
}

export function tenant(): string {
  return props().getProperty(PROP.tenant) || 'sawahlunto';
}

export function functionsUrl(): string {
  const url = (props().getProperty(PROP.functionsUrl) || '').trim().replace(/\/+$/, '');
  if (!/^https:\/\//.test(url)) {
    throw new Error(
      `Properti skrip ${PROP.functionsUrl} belum diisi dengan URL https Cloud Functions (Setelan Proyek -> Properti skrip).`,
    );
  }
  return url;
}
