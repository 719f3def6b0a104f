/** Hitung & Sinkronkan: validate, flush the queue, then let the functions run the cycle. */
import { APP_SHEET } from './app-sheets.js';
import { ENDPOINT, PROP, props, tenant } from './config.js';
import { explain } from './errors.js';
import { spreadsheet, tell, toast } from './gas.js';
import { postJson } from './http.js';
import { retryAll } from './retry.js';
import { validateSpreadsheet } from './validate.js';

/** The queue flush before the cycle is short: the menu is waiting, the daily trigger does the rest. */
export const SYNC_QUEUE_BUDGET_MS = 60_000;

export function hitungSinkronkan(): void {
  const ss = spreadsheet();
  toast('1/3 Memvalidasi data…', 30);
  const v = validateSpreadsheet(ss);
  toast('2/3 Mengirim respons yang tertunda…', 30);
  const queued = flushQueue(ss);
  toast('3/3 Menghitung di server…', 60);
  const spreadsheetId = props().getProperty(PROP.spreadsheetId) || ss.getId();
  const r = postJson(ENDPOINT.run, { tenant: tenant(), spreadsheetId });
  const lines = [
    v.errors.length === 0
      ? `Validasi: semua data valid (${angka(v.rows)} baris).`
      : `Validasi: ${angka(v.errors.length)} galat (baris tidak valid dikarantina; lihat "${APP_SHEET.status}").`,
    queued,
    r.ok ? `Server: selesai.\n${ringkasan(r.body).join('\n')}` : `Server: gagal. ${r.error}`,
  ].filter(Boolean);
  toast(r.ok ? 'Selesai.' : 'Gagal menghubungi server.', 10);
  tell(lines.join('\n'));
}

/** Sends what waits in Antrian, under the document lock; says so when the lock is busy. */
function flushQueue(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(30_000)) {
    return 'Antrian: tidak dikirim sekarang karena spreadsheet sedang dipakai proses lain (mis. formulir yang sedang masuk); pemicu harian akan mengirimnya.';
  }
  try {
    const q = retryAll(ss, new Date(), SYNC_QUEUE_BUDGET_MS);
    const later = q.waiting + q.deferred;
    return `Antrian: ${angka(q.kept + q.missed + q.sent.length)} terkirim atau diproses, ${angka(q.failed)} gagal, ${angka(later)} menunggu.`;
  } catch (err) {
    return `Antrian: berhenti (${explain(err)}); pemicu harian akan mencobanya lagi.`;
  } finally {
    lock.releaseLock();
  }
}

/** An integer with Indonesian thousands separators (12.345). */
export function angka(n: unknown): string {
  const v = typeof n === 'number' && Number.isFinite(n) ? Math.round(n) : 0;
  const s = String(Math.abs(v)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return v < 0 ? `-${s}` : s;
}

const obj = (v: unknown): Record<string, unknown> | null =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
const count = (v: unknown): number | null => (Array.isArray(v) ? v.length : typeof v === 'number' ? v : null);

/**
 * The server's answer in sentences with Indonesian labels: what each step of the cycle did.
 * Only the fields named here are shown; the server's JSON keys never are.
 */
export function ringkasan(body: unknown): string[] {
  const b = obj(body);
  if (!b) return [];
  const lines: string[] = [];
  const sync = obj(b.sync);
  if (sync) {
    const errors = count(sync.errors) ?? 0;
    const q = count(sync.quarantined) ?? 0;
    lines.push(
      `Sinkronisasi: ${errors === 0 ? 'semua lembar valid' : `${angka(errors)} galat validasi`}${q > 0 ? `, ${angka(q)} baris dikarantina` : ''}.`,
    );
  }
  const gaps = obj(b.gaps);
  if (gaps) {
    const n = count(gaps.pegawai);
    lines.push(
      `Kesenjangan kompetensi: ${n === null ? 'dihitung' : `${angka(n)} pegawai dianalisis`}${typeof gaps.tahun === 'number' ? ` (tahun ${gaps.tahun})` : ''}.`,
    );
  }
  const ev = obj(b.evaluations);
  if (ev) {
    const n = count(ev.sessions);
    const ikm = count(ev.ikm);
    lines.push(
      `Evaluasi pelatihan: ${angka(n ?? 0)} sesi dirangkum${ikm ? `, IKM untuk ${angka(ikm)} unit layanan` : ''}.`,
    );
  }
  const sch = obj(b.schedule);
  if (sch) {
    if (typeof sch.skipped === 'string') lines.push(`Penjadwalan: dilewati (${sch.skipped}).`);
    else {
      const unmet = count(sch.unmet) ?? 0;
      lines.push(
        `Penjadwalan: ${angka(count(sch.sessions) ?? 0)} sesi dijadwalkan${unmet > 0 ? `, ${angka(unmet)} kebutuhan belum tertampung` : ''}.`,
      );
    }
  }
  if (typeof b.runId === 'string') lines.push(`ID proses: ${b.runId}`);
  return lines;
}
