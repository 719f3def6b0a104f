/** Hitung & Sinkronkan: validate, flush the queue, then let the functions run the cycle. */
import { APP_SHEET } from './app-sheets.js';
import { ENDPOINT, PROP, props, tenant } from './config.js';
import { spreadsheet, tell, toast } from './gas.js';
import { postJson } from './http.js';
import { retryAll } from './retry.js';
import { validateSpreadsheet } from './validate.js';

export function hitungSinkronkan(): void {
  const ss = spreadsheet();
  toast('1/3 Memvalidasi data…', 30);
  const v = validateSpreadsheet(ss);
  toast('2/3 Mengirim respons yang tertunda…', 30);
  const lock = LockService.getDocumentLock();
  let queued = '';
  if (lock.tryLock(30_000)) {
    try {
      const q = retryAll(ss, new Date());
      queued = `Antrian: ${q.kept + q.sent.length} terkirim atau diproses, ${q.failed} gagal, ${q.waiting} menunggu.`;
    } finally {
      lock.releaseLock();
    }
  }
  toast('3/3 Menghitung di server…', 60);
  const spreadsheetId = props().getProperty(PROP.spreadsheetId) || ss.getId();
  const r = postJson(ENDPOINT.run, { tenant: tenant(), spreadsheetId });
  const lines = [
    v.errors.length === 0
      ? `Validasi: semua data valid (${v.rows} baris).`
      : `Validasi: ${v.errors.length} galat (baris tidak valid dikarantina; lihat "${APP_SHEET.status}").`,
    queued,
    r.ok ? `Server: selesai.\n${describe(r.body)}` : `Server: gagal. ${r.error}`,
  ].filter(Boolean);
  toast(r.ok ? 'Selesai.' : 'Gagal menghubungi server.', 10);
  tell(lines.join('\n'));
}

/** A short, readable account of the server's JSON answer. */
export function describe(body: unknown, depth = 0): string {
  if (body === null || body === undefined) return '';
  if (typeof body !== 'object') return String(body);
  const pad = '  '.repeat(depth);
  return Object.entries(body as Record<string, unknown>)
    .map(([k, v]) => {
      if (Array.isArray(v)) return `${pad}${k}: ${v.length}`;
      if (v && typeof v === 'object' && depth < 1) return `${pad}${k}:\n${describe(v, depth + 1)}`;
      if (v && typeof v === 'object') return `${pad}${k}: …`;
      return `${pad}${k}: ${String(v)}`;
    })
    .join('\n');
}
