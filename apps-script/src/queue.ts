/**
 * The `Antrian` sheet: submissions whose forwarding failed wait here and the daily trigger
 * retries them with backoff. The response id is the key: enqueueing the same id again
 * replaces the entry, a sent entry leaves the sheet, and the server treats ids idempotently,
 * so nothing is lost and nothing is sent twice.
 *
 * Entries that must not be sent any more stay in the sheet, marked in `Status Antrian`
 * with the reason in `Keterangan`, so nothing disappears silently:
 * - `Tidak Dicoba Lagi`: the server refused the entry for good (4xx other than 408/429), or
 *   MAX_ATTEMPTS retries failed. Staff who fixed the cause clear `Status Antrian` (and
 *   `Percobaan`) and the next run sends it again.
 * - `Digantikan`: a newer version of the same record (same contract sheet and upsert key,
 *   `Kunci Data`) was sent or is waiting to be retried; sending this older one would overwrite
 *   it on the server. A newer version marked `Tidak Dicoba Lagi` will never reach the server,
 *   so it replaces nothing: the older one is still sent.
 */
import { type CellError, normalizeHeader } from '@bangkom/core';
import { ANTRIAN_HEADER, ANTRIAN_STATE_HEADER, APP_SHEET } from './app-sheets.js';
import { ENDPOINT } from './config.js';
import type { IngestKind } from './form-defs.js';
import {
  columnOf,
  findSheet,
  getOrCreateSheet,
  keepText,
  type Row,
  readTable,
  type Sheet,
  type Spreadsheet,
  writeTable,
} from './gas.js';
import { isPermanentFailure, message, postJsonAll, refusalMeaning } from './http.js';

/** Body of POST {functions}/ingestResponse, one per contract row a response produced. */
export interface IngestBody {
  kind: IngestKind;
  /** unique per contract row: response id plus a suffix when one response feeds several sheets */
  responseId: string;
  /** id of the whole form response (the `ID Respons` of the response row) */
  sourceId: string;
  /** local wall-clock `YYYY-MM-DDTHH:MM:SS` (Asia/Jakarta) */
  submittedAt: string;
  tenant: string;
  /** contract sheet the values belong to */
  sheet: string;
  /** response sheet and form key the submission came from */
  responseSheet: string;
  form: string;
  /** contract header -> cell; dates as local ISO strings */
  values: Record<string, string | number | boolean | null>;
  valid: boolean;
  /** the core's findings (row numbers refer to the response sheet); invalid rows are quarantined */
  errors: CellError[];
}

/** A forward that failed. */
export interface Pending {
  body: IngestBody;
  error: string;
  /** HTTP status of the answer; 0 (the default) when none came */
  status?: number;
  /** the server's own reason (CallResult.reason) */
  reason?: string;
  /** the record's identity (recordKey); '' or absent when unknown */
  key?: string;
}

/** A forward that succeeded. */
export interface Delivered {
  body: IngestBody;
  key?: string;
}

/** Verdicts on a response row (`Status`), in Bahasa Indonesia. */
export const RESPONSE_STATUS = {
  sent: 'Terkirim',
  /** kept in the spreadsheet only (RSVP, half of a test pair) */
  recorded: 'Tercatat',
  queued: 'Dalam Antrian',
  invalid: 'Tidak Valid',
  /** refused by the server or out of attempts: kept in Antrian, not retried */
  stopped: 'Tidak Terkirim',
  /** a newer version of the same record replaced it before it could be sent */
  superseded: 'Digantikan',
} as const;

/** `Status Antrian` of an entry; blank counts as retrying (older sheets, or staff re-enabling one). */
export const QUEUE_STATE = {
  retrying: 'Dicoba Ulang',
  stopped: 'Tidak Dicoba Lagi',
  superseded: 'Digantikan',
} as const;

/** Antrian's columns: the original ones, then what this module added at the right. */
export const QUEUE_HEADER = [...ANTRIAN_HEADER, ...ANTRIAN_STATE_HEADER] as const;

/** Attempts (the first forward included) after which a failing entry is no longer retried. */
export const MAX_ATTEMPTS = 10;

const DAY = 86_400_000;
/** daily triggers fire within an hour's window, so "due tomorrow" must not miss by minutes */
const SLACK = 2 * 3_600_000;

/** Days to wait after the n-th failed attempt: 1, 2, 4, then weekly. */
export function backoffDays(attempts: number): number {
  return Math.min(2 ** Math.max(0, attempts - 1), 7);
}

/**
 * The identity of a contract record: its sheet and the values of its upsert key
 * (TargetRow.key), compared as upsertRow compares them. '' when a key value is blank.
 */
export function recordKey(
  sheet: string,
  key: readonly string[],
  values: Readonly<Record<string, unknown>>,
): string {
  if (key.length === 0) return '';
  const parts = key.map((k) => normalizeHeader(values[k]));
  if (parts.some((p) => p === '')) return '';
  return JSON.stringify([normalizeHeader(sheet), ...parts]);
}

const COL = Object.fromEntries(QUEUE_HEADER.map((h, i) => [h, i])) as Record<
  (typeof QUEUE_HEADER)[number],
  number
>;

const stateOf = (row: Row): string => String(row[COL['Status Antrian']] ?? '').trim();
const isActive = (row: Row): boolean =>
  stateOf(row) !== QUEUE_STATE.stopped && stateOf(row) !== QUEUE_STATE.superseded;

function bodyOf(row: Row): IngestBody | null {
  try {
    const b = JSON.parse(String(row[COL.Muatan])) as IngestBody;
    return b && typeof b === 'object' ? b : null;
  } catch (_bad) {
    return null;
  }
}

function stop(row: Row, note: string): void {
  row[COL['Status Antrian']] = QUEUE_STATE.stopped;
  row[COL.Keterangan] = note;
}

/** Keterangan of an entry the server refused for good. */
function refusedNote(status: number, reason: string): string {
  return `Ditolak server (HTTP ${status}): ${refusalMeaning(status)}${reason ? `. Alasan server: ${reason}` : ''}. Tidak dicoba ulang otomatis; setelah penyebabnya diperbaiki, kosongkan kolom Status Antrian agar dikirim lagi.`;
}

/** Keterangan of an entry out of attempts. */
function exhaustedNote(attempts: number, error: string): string {
  return `Gagal ${attempts} kali; tidak dicoba ulang otomatis. Galat terakhir: ${error}. Setelah server dapat dihubungi, kosongkan kolom Status Antrian dan Percobaan agar dikirim lagi.`;
}

/** A failed forward as an Antrian row, after `attempts` attempts. */
function toRow(p: Pending, attempts: number, enqueued: Date, now: Date): Row {
  const row: Row = QUEUE_HEADER.map(() => '');
  row[COL['ID Respons']] = p.body.responseId;
  row[COL.Jenis] = p.body.kind;
  row[COL.Lembar] = p.body.sheet;
  row[COL['Lembar Respons']] = p.body.responseSheet;
  row[COL['Waktu Masuk']] = enqueued;
  row[COL.Percobaan] = attempts;
  row[COL['Galat Terakhir']] = p.error;
  row[COL.Muatan] = JSON.stringify(p.body);
  row[COL['Kunci Data']] = p.key ?? '';
  const status = p.status ?? 0;
  if (isPermanentFailure(status)) {
    stop(row, refusedNote(status, p.reason ?? ''));
  } else if (attempts >= MAX_ATTEMPTS) {
    stop(row, exhaustedNote(attempts, p.error));
  } else {
    row[COL['Status Antrian']] = QUEUE_STATE.retrying;
    row[COL['Coba Lagi Setelah']] = now; // the next daily run tries it
  }
  return row;
}

interface Queue {
  sheet: Sheet;
  rows: Row[];
  height: number;
}

/** Reads Antrian once, with its rows re-ordered into the canonical columns; null when absent and not created. */
function readQueue(ss: Spreadsheet, create: boolean): Queue | null {
  const sheet = create ? getOrCreateSheet(ss, APP_SHEET.antrian) : findSheet(ss, APP_SHEET.antrian);
  if (!sheet) return null;
  const t = readTable(sheet);
  const cols = QUEUE_HEADER.map((h) => columnOf(t.header, h));
  const rows = t.rows
    .filter((r) => r.some((v) => v !== '' && v !== null))
    .map((r) => cols.map((c) => (c >= 0 ? r[c] : '')));
  return { sheet, rows, height: t.rows.length + 1 };
}

/** Where the newer version of a record that replaced an older one stands. */
export type NewerFate = 'sent' | 'queued' | 'recorded';

/**
 * Why an older version of a record is not sent (Antrian's Keterangan, a response's Pesan):
 * the newer one, `id` submitted at `at` (local ISO), was sent, is waiting in Antrian, or is
 * kept in the spreadsheet only (a sheet the server does not take).
 */
export function supersededNote(id: string, at: string, fate: NewerFate): string {
  const newer = `versi yang lebih baru dari data yang sama (ID Respons ${id}, diisi ${at.replace('T', ' ')})`;
  if (fate === 'recorded') return `Tidak dicatat: ${newer} sudah tercatat.`;
  return `Tidak dikirim: ${newer} ${fate === 'sent' ? 'sudah terkirim ke server.' : 'ada di Antrian; hanya versi terbaru yang dikirim.'}`;
}

/**
 * `Status Antrian` of every entry by response id (blank counts as `Dicoba Ulang`); empty
 * when there is no Antrian. One read of Antrian.
 */
export function queueStates(ss: Spreadsheet): Map<string, string> {
  const out = new Map<string, string>();
  for (const row of readQueue(ss, false)?.rows ?? [])
    out.set(String(row[COL['ID Respons']]), stateOf(row) || QUEUE_STATE.retrying);
  return out;
}

interface Version {
  id: string;
  key: string;
  at: string;
  /** later arrivals win ties of `at` */
  order: number;
  sent: boolean;
}

/**
 * Marks `Digantikan` every queued entry (not already so) for which a newer version of the
 * same record was delivered or is still waiting to be retried (`delivered`, or an active
 * queue entry). A newer version that will never be sent (`Tidak Dicoba Lagi`) or was itself
 * replaced does not count. Newer: a later submission time, or the same time and a later
 * arrival. Returns the indexes of the rows it marked.
 */
function supersede(rows: Row[], delivered: readonly Version[]): number[] {
  const versions: Version[] = [];
  rows.forEach((row, i) => {
    const key = String(row[COL['Kunci Data']] ?? '');
    if (key === '') return;
    versions.push({
      id: String(row[COL['ID Respons']]),
      key,
      at: bodyOf(row)?.submittedAt ?? '',
      order: i,
      sent: false,
    });
  });
  delivered.forEach((d, k) => {
    if (d.key !== '') versions.push({ ...d, order: rows.length + k });
  });
  const newer = (a: Version, b: Version) => a.at > b.at || (a.at === b.at && a.order > b.order);
  // judged before any marking, so the result does not depend on the rows' order
  const mayReplace = new Set(versions.filter((w) => w.sent || isActive(rows[w.order] ?? [])));
  const marked: number[] = [];
  for (const v of versions) {
    if (v.sent) continue;
    const row = rows[v.order];
    if (!row || stateOf(row) === QUEUE_STATE.superseded) continue;
    let newest: Version | null = null;
    for (const w of versions) {
      if (w.key !== v.key || w.id === v.id || !mayReplace.has(w) || !newer(w, v)) continue;
      if (!newest || newer(w, newest)) newest = w;
    }
    if (!newest) continue;
    row[COL['Status Antrian']] = QUEUE_STATE.superseded;
    row[COL.Keterangan] =
      `${supersededNote(newest.id, newest.at, newest.sent ? 'sent' : 'queued')} Baris ini disimpan sebagai catatan saja.`;
    marked.push(v.order);
  }
  return marked;
}

/** What became of the failed forwards of one submission. */
export interface Settled {
  /** response id -> `Status Antrian` its entry got */
  state: Map<string, string>;
  /** response id -> Keterangan of entries not retried (stopped or superseded) */
  note: Map<string, string>;
}

/**
 * After a submission's forwards: entries that were now delivered leave Antrian, failed ones
 * are added (or replace their earlier entry), and queued older versions of the records
 * this submission delivered or queued are marked `Digantikan`. One read, at most one write
 * of Antrian; Antrian is only created when something must wait in it. The response rows of
 * other submissions whose entries were superseded get their Status updated; `own` (the
 * submission's own id) is left to the caller.
 */
export function settle(
  ss: Spreadsheet,
  done: { delivered?: readonly Delivered[]; pending?: readonly Pending[] },
  now: Date,
  own = '',
): Settled {
  const delivered = done.delivered ?? [];
  const pending = done.pending ?? [];
  const out: Settled = { state: new Map(), note: new Map() };
  if (pending.length === 0 && delivered.length === 0) return out;
  const q = readQueue(ss, pending.length > 0);
  if (!q) return out;
  const sentIds = new Set(delivered.map((d) => d.body.responseId));
  const before = q.rows.length;
  q.rows = q.rows.filter((r) => !sentIds.has(String(r[COL['ID Respons']])));
  let changed = q.rows.length !== before;
  for (const p of pending) {
    const at = q.rows.findIndex((r) => String(r[COL['ID Respons']]) === p.body.responseId);
    if (at >= 0) {
      const old = q.rows[at] ?? [];
      const attempts = (Number(old[COL.Percobaan]) || 0) + 1;
      q.rows[at] = toRow(p, attempts, asDate(old[COL['Waktu Masuk']]) ?? now, now);
    } else {
      q.rows.push(toRow(p, 1, now, now));
    }
    changed = true;
  }
  const marked = supersede(
    q.rows,
    delivered.map((d) => ({
      id: d.body.responseId,
      key: d.key ?? '',
      at: d.body.submittedAt,
      order: 0,
      sent: true,
    })),
  );
  if (changed || marked.length > 0) writeTable(q.sheet, QUEUE_HEADER, q.rows, q.height);
  const touched = new Set<string>();
  for (const i of marked) {
    const source = bodyOf(q.rows[i] ?? [])?.sourceId;
    if (source && source !== own) touched.add(source);
  }
  if (touched.size > 0) markResponses(ss, touched, q.rows, []);
  const mine = new Set(pending.map((p) => p.body.responseId));
  for (const row of q.rows) {
    const id = String(row[COL['ID Respons']]);
    if (!mine.has(id)) continue;
    out.state.set(id, stateOf(row));
    if (!isActive(row)) out.note.set(id, String(row[COL.Keterangan] ?? ''));
  }
  return out;
}

export interface RetryResult {
  sent: IngestBody[];
  /** attempts that failed in this run */
  failed: number;
  /** entries not due yet */
  waiting: number;
  /** due entries left for the next run: the time budget ran out first */
  deferred: number;
  /** entries this run stopped retrying (refused for good, or out of attempts) */
  stopped: number;
  /** entries this run found replaced by a newer version of the same record */
  superseded: number;
}

/**
 * Entries sent per UrlFetchApp.fetchAll. A chunk takes as long as its slowest answer, at
 * most UrlFetchApp's 60-second timeout, so the time budget is checked between chunks and
 * Antrian is written after each: attempts are recorded even if the run is stopped later.
 */
export const RETRY_CHUNK = 20;

/**
 * Sends every entry that is due, newest version of a record only, in chunks of RETRY_CHUNK
 * while `outOfTime()` is false; sent entries leave the sheet, failed ones back off or,
 * refused for good or out of attempts, stay marked. Due entries not reached wait for the
 * next run (`deferred`).
 */
export function retryQueue(ss: Spreadsheet, now: Date, outOfTime: () => boolean = () => false): RetryResult {
  const result: RetryResult = { sent: [], failed: 0, waiting: 0, deferred: 0, stopped: 0, superseded: 0 };
  const q = readQueue(ss, false);
  if (!q || q.rows.length === 0) return result;
  const marked = supersede(q.rows, []);
  result.superseded = marked.length;
  const touched = new Set<string>();
  for (const i of marked) touched.add(bodyOf(q.rows[i] ?? [])?.sourceId ?? '');
  let changed = marked.length > 0;
  const due: { row: Row; body: IngestBody }[] = [];
  for (const row of q.rows) {
    if (!isActive(row)) continue;
    const next = asDate(row[COL['Coba Lagi Setelah']]);
    if (next && next.getTime() > now.getTime() + SLACK) {
      result.waiting++;
      continue;
    }
    try {
      due.push({ row, body: JSON.parse(String(row[COL.Muatan])) as IngestBody });
    } catch (err) {
      // a hand-edited payload cannot be sent: keep it visible, never drop it
      row[COL['Galat Terakhir']] = `Muatan bukan JSON yang sah: ${message(err)}`;
      result.failed++;
      changed = true;
    }
  }
  const sent = new Set<Row>();
  const remaining = () => q.rows.filter((r) => !sent.has(r));
  const write = () => {
    writeTable(q.sheet, QUEUE_HEADER, remaining(), q.height);
    changed = false;
  };
  for (let i = 0; i < due.length; i += RETRY_CHUNK) {
    if (outOfTime()) {
      result.deferred = due.length - i;
      break;
    }
    const chunk = due.slice(i, i + RETRY_CHUNK);
    const answers = postJsonAll(
      ENDPOINT.ingest,
      chunk.map((c) => c.body),
    );
    chunk.forEach(({ row, body }, k) => {
      const r = answers[k];
      if (!r) return;
      if (r.ok) {
        result.sent.push(body);
        sent.add(row);
        touched.add(body.sourceId);
        return;
      }
      result.failed++;
      const attempts = (Number(row[COL.Percobaan]) || 0) + 1;
      row[COL.Percobaan] = attempts;
      row[COL['Galat Terakhir']] = r.error;
      if (isPermanentFailure(r.status) || attempts >= MAX_ATTEMPTS) {
        stop(
          row,
          isPermanentFailure(r.status) ? refusedNote(r.status, r.reason) : exhaustedNote(attempts, r.error),
        );
        result.stopped++;
        touched.add(body.sourceId);
      } else {
        row[COL['Status Antrian']] = QUEUE_STATE.retrying;
        row[COL['Coba Lagi Setelah']] = new Date(now.getTime() + backoffDays(attempts) * DAY - SLACK);
      }
    });
    write(); // this chunk's attempts are on the sheet before the next chunk starts
  }
  if (changed) write();
  touched.delete('');
  if (touched.size > 0) markResponses(ss, touched, remaining(), result.sent);
  return result;
}

/**
 * Updates Status and Pesan of the response rows of `sources` once none of their entries is
 * still waiting: Terkirim when a part was sent now, Tidak Terkirim when a part is stopped,
 * Digantikan when the remaining parts were all replaced by newer versions.
 */
function markResponses(
  ss: Spreadsheet,
  sources: ReadonlySet<string>,
  queued: readonly Row[],
  sent: readonly IngestBody[],
): void {
  const parts = new Map<string, { sheet: string; rows: { body: IngestBody; row: Row }[]; sent: boolean }>();
  const entry = (b: IngestBody) => {
    let e = parts.get(b.sourceId);
    if (!e) {
      e = { sheet: b.responseSheet, rows: [], sent: false };
      parts.set(b.sourceId, e);
    }
    return e;
  };
  for (const row of queued) {
    const b = bodyOf(row);
    if (b && sources.has(b.sourceId)) entry(b).rows.push({ body: b, row });
  }
  for (const b of sent) if (sources.has(b.sourceId)) entry(b).sent = true;

  const bySheet = new Map<string, Map<string, [string, string]>>();
  for (const [source, e] of parts) {
    if (e.rows.some((x) => isActive(x.row))) continue; // a part still waits
    const line = (x: { body: IngestBody; row: Row }) =>
      `${x.body.sheet}: ${String(x.row[COL.Keterangan] ?? '')}`;
    const stopped = e.rows.filter((x) => stateOf(x.row) === QUEUE_STATE.stopped);
    const replaced = e.rows.filter((x) => stateOf(x.row) === QUEUE_STATE.superseded);
    let verdict: [string, string] | null = null;
    if (stopped.length > 0) {
      verdict = [RESPONSE_STATUS.stopped, [...stopped, ...replaced].map(line).join('\n')];
    } else if (e.sent) {
      verdict = [
        RESPONSE_STATUS.sent,
        ['Terkirim setelah dicoba ulang dari Antrian.', ...replaced.map(line)].join('\n'),
      ];
    } else if (replaced.length > 0) {
      verdict = [RESPONSE_STATUS.superseded, replaced.map(line).join('\n')];
    }
    if (!verdict) continue;
    const m = bySheet.get(e.sheet) ?? new Map<string, [string, string]>();
    m.set(source, verdict);
    bySheet.set(e.sheet, m);
  }
  for (const [name, verdicts] of bySheet) {
    const sheet = ss.getSheetByName(name);
    if (!sheet) continue;
    const t = readTable(sheet);
    const idCol = columnOf(t.header, 'ID Respons');
    const statusCol = columnOf(t.header, 'Status');
    const pesanCol = columnOf(t.header, 'Pesan');
    if (idCol < 0 || statusCol < 0 || pesanCol !== statusCol + 1 || t.rows.length === 0) continue;
    // the other rows are written back as read: keepText keeps their text text
    const out = t.rows.map((r) =>
      (verdicts.get(String(r[idCol])) ?? [r[statusCol], r[pesanCol]]).map(keepText),
    );
    sheet.getRange(2, statusCol + 1, out.length, 2).setValues(out);
  }
}

function asDate(v: unknown): Date | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  if (typeof v === 'string' && v.trim() !== '') {
    const d = new Date(v);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  return null;
}
