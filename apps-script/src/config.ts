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
  /** invitation run in progress (resumable), JSON */
  inviteJob: 'BANGKOM_INVITE_JOB',
} as const;

/** Function names on the Cloud Functions side (functions/src/index.ts registers them). */
export const ENDPOINT = {
  ingest: 'ingestResponse',
  run: 'runCycle',
} as const;

export function props(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getScriptProperties();
}

export function getJson<T>(key: string, fallback: T): T {
  const raw = props().getProperty(key);
  if (!raw) return fallback;
  try {
    return JSON.parse(raw) as T;
  } catch (_bad) {
    return fallback;
  }
}

export function setJson(key: string, value: unknown): void {
  props().setProperty(key, JSON.stringify(value));
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
