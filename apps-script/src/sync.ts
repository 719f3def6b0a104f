/**
 * Hitung & Sinkronkan: validate, add the completers of Daftar Hadir to Riwayat Pelatihan, flush
 * the queue, then let the functions run the cycle (they read the sheet with those rows in).
 */
import { OUTPUT_SHEET, type ProgramData, SHEET } from '@bangkom/core';
import { APP_SHEET } from './app-sheets.js';
import { timeZone } from './cells.js';
import { ENDPOINT, PROP, props, tenant } from './config.js';
import { explain } from './errors.js';
import { spreadsheet, tell, toast } from './gas.js';
import { postJson } from './http.js';
import { retryAll } from './retry.js';
import { appendCompleters } from './riwayat.js';
import { validateSpreadsheet } from './validate.js';

/** The queue flush before the cycle is short: the menu is waiting, the daily trigger does the rest. */
export const SYNC_QUEUE_BUDGET_MS = 60_000;

/** How often the menu asks the server where the cycle stands. */
export const POLL_MS = 5_000;
/**
 * Until when, from the click, the menu follows the cycle (validation and the queue count
 * too): Apps Script ends a run at 6 minutes. The cycle itself goes on at the server.
 */
export const FOLLOW_MS = 4.5 * 60_000;

/** The run document as runStatus gives it. */
interface RunState {
  status: string;
  langkah: string | null;
  message: string | null;
  hasil: unknown;
}

export function hitungSinkronkan(): void {
  const deadline = Date.now() + FOLLOW_MS;
  const ss = spreadsheet();
  toast('1/3 Memvalidasi data…', 30);
  const v = validateSpreadsheet(ss);
  const riwayat = completersToRiwayat(ss, v.data);
  toast('2/3 Mengirim respons yang tertunda…', 30);
  const queued = flushQueue(ss);
  toast('3/3 Menghitung di server…', 60);
  const lines = [
    v.errors.length === 0
      ? `Validasi: semua data valid (${angka(v.rows)} baris).`
      : `Validasi: ${angka(v.errors.length)} galat (baris tidak valid dikarantina; lihat "${APP_SHEET.status}").`,
    riwayat,
    queued,
    ...runCycleOnServer(ss.getId(), deadline),
  ].filter(Boolean);
  tell(lines.join('\n'));
}

/**
 * Starts the cycle on the server and follows it. UrlFetchApp gives up after about 60 s while
 * a cycle may take minutes, so the server answers at once with a runId (`mulai`) and the menu
 * polls runStatus. A cycle this spreadsheet started and that still runs is followed, not
 * started again; one started elsewhere makes the server refuse (409). Lines for the dialog.
 */
function runCycleOnServer(ownId: string, deadline: number): string[] {
  const t = tenant();
  let runId = props().getProperty(PROP.cycleRun) ?? '';
  const lines: string[] = [];
  if (runId !== '') {
    const state = runState(t, runId);
    if (state?.status === 'berjalan')
      lines.push(`Siklus yang dimulai sebelumnya (ID proses ${runId}) masih berjalan; tidak dimulai lagi.`);
    else runId = '';
  }
  if (runId === '') {
    const spreadsheetId = props().getProperty(PROP.spreadsheetId) || ownId;
    const r = postJson(ENDPOINT.run, { tenant: t, spreadsheetId, mulai: true });
    const body = obj(r.body) ?? {};
    if (r.status === 202 && typeof body.runId === 'string') {
      runId = body.runId;
      props().setProperty(PROP.cycleRun, runId);
    } else if (r.status === 409) {
      runId = String(obj(body.details)?.runId ?? '');
      lines.push(`Server: ${r.reason}`);
      if (runId === '') return lines;
    } else if (r.ok) {
      // a server that runs the cycle within the call answers with its result
      toast('Selesai.', 10);
      return [`Server: selesai.\n${ringkasan(r.body).join('\n')}`];
    } else {
      toast('Gagal menghubungi server.', 10);
      return [`Server: gagal. ${r.error}`];
    }
  }
  let state: RunState | null = null;
  for (;;) {
    state = runState(t, runId);
    if (state && state.status !== 'berjalan') break;
    if (Date.now() + POLL_MS > deadline) break;
    toast(`3/3 Server: ${state?.langkah ?? 'menghitung'}…`, 30);
    Utilities.sleep(POLL_MS);
  }
  if (!state || state.status === 'berjalan') {
    toast('Server masih menghitung.', 10);
    lines.push(
      `Server: masih berjalan (ID proses ${runId}${state?.langkah ? `, langkah: ${state.langkah}` : ''}). Siklus berlanjut di server; jalankan Hitung & Sinkronkan lagi nanti untuk melihat hasilnya (siklus tidak dimulai dua kali).`,
    );
    return lines;
  }
  props().deleteProperty(PROP.cycleRun);
  if (state.status === 'gagal') {
    toast('Server gagal.', 10);
    lines.push(`Server: gagal. ${state.message ?? ''} (ID proses ${runId})`.trim());
    return lines;
  }
  toast('Selesai.', 10);
  const hasil = obj(state.hasil) ?? {};
  lines.push(
    `Server: ${state.status === 'selesai' ? 'selesai' : 'selesai dengan galat'}.\n${ringkasan({ ...hasil, runId }).join('\n')}`,
  );
  return lines;
}

/** Where a run stands; null when the server cannot say now. */
function runState(t: string, runId: string): RunState | null {
  const r = postJson(ENDPOINT.runStatus, { tenant: t, runId });
  const b = obj(r.body);
  if (!r.ok || !b) return null;
  return {
    status: String(b.status ?? ''),
    langkah: typeof b.langkah === 'string' ? b.langkah : null,
    message: typeof b.message === 'string' ? b.message : null,
    hasil: b.hasil,
  };
}

/** The completers' Riwayat rows, under the document lock: a line for the dialog ('' when none). */
function completersToRiwayat(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, data: ProgramData): string {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(30_000))
    return `${SHEET.riwayat}: baris dari ${SHEET.hadir} tidak ditulis sekarang karena spreadsheet sedang dipakai proses lain; server tetap menghitung JP peserta yang selesai.`;
  try {
    const n = appendCompleters(ss, data, timeZone());
    return n > 0
      ? `${SHEET.riwayat}: ${angka(n)} baris baru dari ${SHEET.hadir} (peserta yang selesai).`
      : '';
  } finally {
    lock.releaseLock();
  }
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
      const p = obj(sch.perubahan);
      if (p) {
        const n = (k: string) => angka(count(p[k]) ?? 0);
        lines.push(
          `Perubahan dari jadwal sebelumnya (lembar ${OUTPUT_SHEET.perubahanJadwal}): ${n('tetap')} sesi tetap, ${n('baru')} baru, ${n('pindah')} dipindah, ${n('pengajar')} berganti pengajar, ${n('batal')} dibatalkan (${n('dilepas')} dilepas); ${n('masuk')} peserta masuk, ${n('keluar')} keluar.`,
        );
      }
    }
  }
  const pimpinan = obj(b.pimpinan);
  if (pimpinan) {
    if (typeof pimpinan.skipped === 'string')
      lines.push(`Ringkasan pimpinan: tidak ditulis (${pimpinan.skipped}).`);
    else
      lines.push(
        `Ringkasan pimpinan: ${angka(count(pimpinan.sheets) ?? 0)} lembar ditulis ke spreadsheet pimpinan.`,
      );
  }
  if (typeof b.runId === 'string') lines.push(`ID proses: ${b.runId}`);
  return lines;
}
