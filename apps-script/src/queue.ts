/**
 * The `Antrian` sheet: submissions whose forwarding failed wait here and the daily trigger
 * retries them with backoff. The response id is the key: enqueueing the same id again
 * replaces the entry, a sent entry leaves the sheet, and the server treats ids idempotently,
 * so nothing is lost and nothing is sent twice.
 */
import type { CellError } from '@bangkom/core';
import { ANTRIAN_HEADER, APP_SHEET } from './app-sheets.js';
import { ENDPOINT } from './config.js';
import type { IngestKind } from './form-defs.js';
import { columnOf, getOrCreateSheet, type Row, readTable, type Spreadsheet, writeTable } from './gas.js';
import { message, postJson } from './http.js';

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

export interface Pending {
  body: IngestBody;
  error: string;
}

const DAY = 86_400_000;
/** daily triggers fire within an hour's window, so "due tomorrow" must not miss by minutes */
const SLACK = 2 * 3_600_000;

/** Days to wait after the n-th failed attempt: 1, 2, 4, then weekly. */
export function backoffDays(attempts: number): number {
  return Math.min(2 ** Math.max(0, attempts - 1), 7);
}

const COL = Object.fromEntries(ANTRIAN_HEADER.map((h, i) => [h, i])) as Record<
  (typeof ANTRIAN_HEADER)[number],
  number
>;

function toRow(p: Pending, attempts: number, enqueued: Date, next: Date): Row {
  const row: Row = ANTRIAN_HEADER.map(() => '');
  row[COL['ID Respons']] = p.body.responseId;
  row[COL.Jenis] = p.body.kind;
  row[COL.Lembar] = p.body.sheet;
  row[COL['Lembar Respons']] = p.body.responseSheet;
  row[COL['Waktu Masuk']] = enqueued;
  row[COL.Percobaan] = attempts;
  row[COL['Coba Lagi Setelah']] = next;
  row[COL['Galat Terakhir']] = p.error;
  row[COL.Muatan] = JSON.stringify(p.body);
  return row;
}

/** Reads Antrian once, with its rows re-ordered into the canonical columns. */
function readQueue(ss: Spreadsheet): {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  rows: Row[];
  height: number;
} {
  const sheet = getOrCreateSheet(ss, APP_SHEET.antrian);
  const t = readTable(sheet);
  const cols = ANTRIAN_HEADER.map((h) => columnOf(t.header, h));
  const rows = t.rows
    .filter((r) => r.some((v) => v !== '' && v !== null))
    .map((r) => cols.map((c) => (c >= 0 ? r[c] : '')));
  return { sheet, rows, height: t.rows.length + 1 };
}

/** Adds (or replaces, by response id) failed submissions; one read, one write. */
export function enqueue(ss: Spreadsheet, items: readonly Pending[], now: Date): void {
  if (items.length === 0) return;
  const q = readQueue(ss);
  for (const p of items) {
    const at = q.rows.findIndex((r) => String(r[COL['ID Respons']]) === p.body.responseId);
    if (at >= 0) {
      const old = q.rows[at] ?? [];
      const attempts = Number(old[COL.Percobaan]) || 0;
      q.rows[at] = toRow(p, attempts + 1, asDate(old[COL['Waktu Masuk']]) ?? now, now);
    } else {
      q.rows.push(toRow(p, 1, now, now));
    }
  }
  writeTable(q.sheet, ANTRIAN_HEADER, q.rows, q.height);
}

export interface RetryResult {
  sent: IngestBody[];
  failed: number;
  waiting: number;
}

/** Sends every entry that is due; sent entries leave the sheet, failed ones back off. */
export function retryQueue(ss: Spreadsheet, now: Date): RetryResult {
  const q = readQueue(ss);
  const keep: Row[] = [];
  const sent: IngestBody[] = [];
  let failed = 0;
  let waiting = 0;
  for (const row of q.rows) {
    const next = asDate(row[COL['Coba Lagi Setelah']]);
    if (next && next.getTime() > now.getTime() + SLACK) {
      waiting++;
      keep.push(row);
      continue;
    }
    let body: IngestBody;
    try {
      body = JSON.parse(String(row[COL.Muatan])) as IngestBody;
    } catch (err) {
      // a hand-edited payload cannot be sent: keep it visible, never drop it
      row[COL['Galat Terakhir']] = `Muatan bukan JSON yang sah: ${message(err)}`;
      failed++;
      keep.push(row);
      continue;
    }
    const result = postJson(ENDPOINT.ingest, body);
    if (result.ok) {
      sent.push(body);
      continue;
    }
    failed++;
    const attempts = (Number(row[COL.Percobaan]) || 0) + 1;
    row[COL.Percobaan] = attempts;
    row[COL['Coba Lagi Setelah']] = new Date(now.getTime() + backoffDays(attempts) * DAY - SLACK);
    row[COL['Galat Terakhir']] = result.error;
    keep.push(row);
  }
  if (sent.length > 0 || failed > 0) writeTable(q.sheet, ANTRIAN_HEADER, keep, q.height);
  if (sent.length > 0) markSent(ss, sent, keep);
  return { sent, failed, waiting };
}

/** Sets Status = Terkirim on the response rows whose every part has now been sent. */
function markSent(ss: Spreadsheet, sent: readonly IngestBody[], stillQueued: readonly Row[]): void {
  const pendingSources = new Set<string>();
  for (const r of stillQueued) {
    try {
      pendingSources.add((JSON.parse(String(r[COL.Muatan])) as IngestBody).sourceId);
    } catch (_bad) {
      /* unreadable rows were reported above */
    }
  }
  const bySheet = new Map<string, Set<string>>();
  for (const b of sent) {
    if (pendingSources.has(b.sourceId)) continue;
    const set = bySheet.get(b.responseSheet) ?? new Set<string>();
    set.add(b.sourceId);
    bySheet.set(b.responseSheet, set);
  }
  for (const [name, ids] of bySheet) {
    const sheet = ss.getSheetByName(name);
    if (!sheet) continue;
    const t = readTable(sheet);
    const idCol = columnOf(t.header, 'ID Respons');
    const statusCol = columnOf(t.header, 'Status');
    const pesanCol = columnOf(t.header, 'Pesan');
    if (idCol < 0 || statusCol < 0 || pesanCol !== statusCol + 1 || t.rows.length === 0) continue;
    const out = t.rows.map((r) =>
      ids.has(String(r[idCol]))
        ? ['Terkirim', 'Terkirim setelah dicoba ulang dari Antrian.']
        : [r[statusCol], r[pesanCol]],
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
