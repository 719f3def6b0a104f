/** Calls to the Cloud Functions, authenticated with the user's OpenID identity token. */
import { functionsUrl } from './config.js';
import { explain } from './errors.js';

export interface CallResult {
  ok: boolean;
  /** HTTP status; 0 when no answer came (network error, functions URL not configured) */
  status: number;
  /** parsed JSON body when there is one */
  body: unknown;
  /** Indonesian reason when not ok */
  error: string;
  /** the server's own reason when not ok (its JSON `error` and `details`, else its text); '' when ok */
  reason: string;
}

/** A POST to an endpoint; the URL and the identity token are looked up once per batch. */
function requests(
  endpoint: string,
  payloads: readonly unknown[],
): GoogleAppsScript.URL_Fetch.URLFetchRequest[] {
  const url = `${functionsUrl()}/${endpoint}`;
  const headers = { Authorization: `Bearer ${ScriptApp.getIdentityToken()}` };
  return payloads.map((payload) => ({
    url,
    method: 'post',
    contentType: 'application/json',
    payload: JSON.stringify(payload),
    headers,
    muteHttpExceptions: true,
  }));
}

function result(endpoint: string, response: GoogleAppsScript.URL_Fetch.HTTPResponse): CallResult {
  const status = response.getResponseCode();
  const text = response.getContentText();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch (_notJson) {
    body = text;
  }
  const ok = status >= 200 && status < 300;
  const reason = ok ? '' : serverReason(body, text);
  return { ok, status, body, error: ok ? '' : `${endpoint} menjawab HTTP ${status}: ${reason}`, reason };
}

const unreachable = (endpoint: string, err: unknown): CallResult => {
  const reason = explain(err);
  return { ok: false, status: 0, body: null, error: `Gagal menghubungi ${endpoint}: ${reason}`, reason };
};

export function postJson(endpoint: string, payload: unknown): CallResult {
  try {
    const [req] = requests(endpoint, [payload]);
    if (!req) throw new Error('no request');
    const { url, ...params } = req;
    return result(endpoint, UrlFetchApp.fetch(url, params));
  } catch (err) {
    return unreachable(endpoint, err);
  }
}

/**
 * Several POSTs in one UrlFetchApp.fetchAll (in parallel: the call lasts as long as the
 * slowest answer, at most UrlFetchApp's 60-second timeout). A request without an HTTP
 * answer (network error, timeout) makes fetchAll throw for all of them: each then gets
 * status 0, to be retried.
 */
export function postJsonAll(endpoint: string, payloads: readonly unknown[]): CallResult[] {
  if (payloads.length === 0) return [];
  try {
    return UrlFetchApp.fetchAll(requests(endpoint, payloads)).map((r) => result(endpoint, r));
  } catch (err) {
    return payloads.map(() => unreachable(endpoint, err));
  }
}

/**
 * What the server said: the functions answer `{ error, details? }` in Bahasa Indonesia
 * (functions/src/handlers/context.ts); any other answer is shown as text, without HTML.
 */
export function serverReason(body: unknown, text: string): string {
  if (body && typeof body === 'object' && typeof (body as { error?: unknown }).error === 'string') {
    const { error, details } = body as { error: string; details?: unknown };
    const lines = Array.isArray(details)
      ? details
          .map((d) =>
            d && typeof d === 'object' && 'message' in d
              ? `${String((d as { field?: unknown }).field ?? '')}: ${String((d as { message: unknown }).message)}`
              : String(d),
          )
          .slice(0, 5)
      : [];
    return [error, ...lines].join('; ').slice(0, 500);
  }
  const plain = text
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.slice(0, 300);
}

/**
 * An answer that will never succeed however often it is repeated: any 4xx except
 * 408 (request timeout) and 429 (too many requests). 5xx, 408, 429 and no answer at all
 * (status 0: network error, missing configuration) may succeed later.
 */
export function isPermanentFailure(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}

/** Why the server refuses a request, in words staff can act on. */
export function refusalMeaning(status: number): string {
  switch (status) {
    case 400:
      return 'isi kiriman ditolak server karena tidak sah';
    case 401:
      return 'token identitas tidak diterima server (periksa proyek GCP skrip ini)';
    case 403:
      return 'akun yang menjalankan skrip tidak berhak mengirim ke tenant ini';
    case 404:
      return 'alamat fungsi tidak ditemukan (periksa properti BANGKOM_FUNCTIONS_URL)';
    case 413:
      return 'kiriman terlalu besar untuk diterima server';
    default:
      return `server menolak kiriman (HTTP ${status})`;
  }
}

export function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
