/** Calls to the Cloud Functions, authenticated with the user's OpenID identity token. */
import { functionsUrl } from './config.js';

export interface CallResult {
  ok: boolean;
  status: number;
  /** parsed JSON body when there is one */
  body: unknown;
  /** Indonesian reason when not ok */
  error: string;
}

export function postJson(endpoint: string, payload: unknown): CallResult {
  let status = 0;
  let text = '';
  try {
    const response = UrlFetchApp.fetch(`${functionsUrl()}/${endpoint}`, {
      method: 'post',
      contentType: 'application/json',
      payload: JSON.stringify(payload),
      headers: { Authorization: `Bearer ${ScriptApp.getIdentityToken()}` },
      muteHttpExceptions: true,
    });
    status = response.getResponseCode();
    text = response.getContentText();
  } catch (err) {
    return { ok: false, status: 0, body: null, error: `Gagal menghubungi ${endpoint}: ${message(err)}` };
  }
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch (_notJson) {
    body = text;
  }
  const ok = status >= 200 && status < 300;
  return { ok, status, body, error: ok ? '' : `${endpoint} menjawab HTTP ${status}: ${text.slice(0, 300)}` };
}

export function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
