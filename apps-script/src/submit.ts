/**
 * onFormSubmit: one response row -> contract rows, validated by the core, written to the
 * contract sheets, forwarded to the `ingestResponse` function; the verdict goes into the
 * response row's `Status` and `Pesan` columns. Failed forwards wait in `Antrian`.
 */
import { type Cell, type CellError, FORM_SHEETS, isBlankCell, normalizeHeader } from '@bangkom/core';
import { checkAttendance, withProblems } from './attendance-forms.js';
import { DateConverter, jsonCell, timeZone } from './cells.js';
import { deleteJson, ENDPOINT, getJson, PROP, props, setJson, tenant } from './config.js';
import { validateSheetRows } from './core-bridge.js';
import { explain } from './errors.js';
import {
  defaultCompetencies,
  FORM_DEFS,
  type FormContext,
  type FormDef,
  RESPONDENT_EMAIL_HEADERS,
  type TargetRow,
} from './form-defs.js';
import { type FormIds, formIds } from './forms.js';
import {
  columnOf,
  digest,
  ensureSize,
  isDate,
  keepText,
  readTable,
  type Sheet,
  type Spreadsheet,
  sheetsByName,
  spreadsheet,
} from './gas.js';
import { postJsonAll } from './http.js';
import {
  type Delivered,
  type IngestBody,
  type NewerFate,
  type Pending,
  QUEUE_STATE,
  queueStates,
  RESPONSE_STATUS,
  recordKey,
  settle,
  supersededNote,
} from './queue.js';
import { upsertRows } from './upsert.js';

/** Verdicts on a response row (queue.ts keeps them: the daily retry updates them too). */
export const STATUS = RESPONSE_STATUS;

/** The contract sheets the `ingestResponse` function accepts (core's FORM_SHEETS). */
export const FORWARDED_SHEETS: ReadonlySet<string> = new Set(FORM_SHEETS);

const TEST_PAIR = ['Pre', 'Post'] as const;
const TEST_COLUMNS = ['ID Sesi', 'NIP', 'Pre', 'Post', 'Skor Maks'];

/** Columns the script adds to every response sheet, in this order (Status then Pesan). */
export const RESPONSE_COLUMNS = ['ID Respons', 'Status', 'Pesan'] as const;

/**
 * The form-submit trigger. Nothing that goes wrong here may lose the answers: a busy lock,
 * a Sheets timeout, a full property store or any other exception keeps the submission for
 * the daily retry (processKeptSubmissions), and what even that could not keep (the run was
 * stopped at its time limit) is found by the daily sweep (sweepMissed): a response row
 * without a Status.
 */
export function onFormSubmit(e: GoogleAppsScript.Events.SheetsOnFormSubmit): void {
  let lock: GoogleAppsScript.Lock.Lock | null = null;
  try {
    const l = LockService.getDocumentLock();
    if (!l.tryLock(30_000)) {
      // another run holds the spreadsheet: keep the answers for the daily retry
      keepForLater(e, 'kunci dokumen sedang dipakai eksekusi lain');
      return;
    }
    lock = l;
    processSubmission(spreadsheet(), e, new Date());
  } catch (err) {
    const why = explain(err);
    try {
      keepForLater(e, why);
      markKept(e, why);
    } catch (again) {
      // the row keeps a blank Status: the daily sweep finds it
      console.error(
        `Respons tidak dapat disimpan untuk dicoba ulang (${explain(again)}); disapu oleh pemicu harian.`,
      );
    }
  } finally {
    lock?.releaseLock();
  }
}

interface Kept {
  sheet: string;
  row: number;
  namedValues: Record<string, string[]>;
}

function keepForLater(e: Submission, why: string): void {
  const kept: Kept = {
    sheet: e.range.getSheet().getName(),
    row: e.range.getRow(),
    namedValues: e.namedValues ?? {},
  };
  const key = `${PROP.pendingSubmission}${digest(kept.sheet, String(kept.row), canonical(kept.namedValues))}`;
  setJson(key, kept);
  console.warn(
    `Respons baris ${kept.row} di "${kept.sheet}" disimpan (${why}); diproses oleh pemicu harian.`,
  );
}

/** Tells staff on the response row that the submission waits for the daily retry (best effort). */
function markKept(e: Submission, why: string): void {
  try {
    const sheet = e.range.getSheet();
    const header = (sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] ?? []).map((h) =>
      String(h ?? '').trim(),
    );
    if (RESPONSE_COLUMNS.some((h) => columnOf(header, h) < 0)) return;
    writeVerdict(sheet, header, e.range.getRow(), [
      '',
      STATUS.queued,
      `Belum diproses: ${why}. Diproses ulang oleh pemicu harian.`,
    ]);
  } catch (_stillFailing) {
    /* the kept copy is what matters; the Status comes with the daily retry */
  }
}

/** Processes submissions kept by onFormSubmit; call under the document lock. */
export function processKeptSubmissions(
  ss: Spreadsheet,
  now: Date,
  outOfTime: () => boolean = () => false,
): number {
  let n = 0;
  const p = props();
  for (const key of p.getKeys()) {
    if (!key.startsWith(PROP.pendingSubmission) || key.includes('#')) continue;
    if (outOfTime()) break; // the rest stay kept for the next run
    const kept = getJson<Kept | null>(key, null);
    const sheet = kept ? ss.getSheetByName(kept.sheet) : null;
    try {
      if (kept && sheet) {
        const range = sheet.getRange(kept.row, 1, 1, Math.max(sheet.getLastColumn(), 1));
        processSubmission(ss, { namedValues: kept.namedValues, range }, now);
        n++;
      }
      deleteJson(key);
    } catch (err) {
      // kept for the next run; the others go on
      console.error(`Respons tertunda ${key} belum dapat diproses: ${explain(err)}`);
    }
  }
  return n;
}

/** Response rows left this long without a Status were missed (their run may still be going before). */
export const MISSED_AFTER_MS = 10 * 60_000;

/**
 * The daily sweep: response rows of the script's forms with a blank Status, submitted more
 * than MISSED_AFTER_MS ago, were never processed (their run hit the time limit or a failure
 * that even keeping the answers could not survive). Their answers are taken from Google
 * Forms, not from the sheet, where Sheets has turned an 18-digit NIP into a rounded number;
 * then they are processed as on submission. One read per response sheet with missed rows,
 * one getResponses per such form. Call under the document lock.
 */
export function sweepMissed(ss: Spreadsheet, now: Date, outOfTime: () => boolean = () => false): number {
  const ids = formIds();
  let n = 0;
  for (const sheet of ss.getSheets()) {
    if (!sheet.getFormUrl()) continue;
    const def = formFor(sheet, ids);
    const formId = def ? ids[def.key] : undefined;
    if (!def || !formId) continue;
    const t = readTable(sheet);
    const tsCol = columnOf(t.header, 'Stempel waktu', 'Timestamp', 'Cap waktu');
    const statusCol = columnOf(t.header, 'Status');
    if (tsCol < 0) continue;
    const missed: { row: number; at: Date }[] = [];
    t.rows.forEach((r, i) => {
      const at = r[tsCol];
      if (!isDate(at) || at.getTime() > now.getTime() - MISSED_AFTER_MS) return;
      if (statusCol >= 0 && String(r[statusCol] ?? '').trim() !== '') return;
      missed.push({ row: i + 2, at });
    });
    if (missed.length === 0) continue;
    const earliest = new Date(Math.min(...missed.map((m) => m.at.getTime())) - 1_000);
    const bySecond = new Map<number, Record<string, string[]>>();
    let responses: GoogleAppsScript.Forms.FormResponse[];
    try {
      responses = FormApp.openById(formId).getResponses(earliest);
    } catch (err) {
      // a deleted or unshared form must not stop the sweep of the others, nor the queue retry
      console.error(`Sapuan "${sheet.getName()}": formulir tidak dapat dibuka (${explain(err)}).`);
      continue;
    }
    for (const response of responses) {
      const named: Record<string, string[]> = {};
      for (const ir of response.getItemResponses()) {
        const answer = ir.getResponse();
        named[ir.getItem().getTitle()] = [Array.isArray(answer) ? answer.flat().join(', ') : String(answer)];
      }
      // the collected respondent email, as the response sheet's email column holds it
      const email = def.collectEmail ? response.getRespondentEmail() : '';
      if (email) named[RESPONDENT_EMAIL_HEADERS[0]] = [email];
      bySecond.set(Math.floor(response.getTimestamp().getTime() / 1000), named);
    }
    const width = Math.max(t.header.length, 1);
    for (const m of missed) {
      if (outOfTime()) return n;
      const range = sheet.getRange(m.row, 1, 1, width);
      const namedValues = bySecond.get(Math.floor(m.at.getTime() / 1000));
      if (!namedValues) {
        const header = t.header.slice();
        if (RESPONSE_COLUMNS.every((h) => columnOf(header, h) >= 0))
          writeVerdict(sheet, header, m.row, [
            '',
            STATUS.stopped,
            'Jawaban ini tidak ditemukan lagi di Google Forms (mungkin dihapus), jadi tidak dapat dikirim. Isi ulang formulir bila datanya masih diperlukan.',
          ]);
        continue;
      }
      processSubmission(ss, { range, namedValues }, now);
      n++;
    }
  }
  return n;
}

export interface SubmissionResult {
  form: string;
  id: string;
  status: string;
  pesan: string;
}

/** Finds the form that owns a response sheet: by its linked form id, else by name. */
function formFor(sheet: Sheet, ids: FormIds): FormDef | undefined {
  const url = sheet.getFormUrl() ?? '';
  const byId = FORM_DEFS.find((d) => ids[d.key] && url.includes(ids[d.key] ?? '\u0000'));
  return byId ?? FORM_DEFS.find((d) => normalizeHeader(d.responseSheet) === normalizeHeader(sheet.getName()));
}

/** What processSubmission needs of a form-submit event (the event itself, or a kept or missed row). */
export interface Submission {
  range: GoogleAppsScript.Spreadsheet.Range;
  namedValues: Record<string, string[]>;
}

export function processSubmission(ss: Spreadsheet, e: Submission, now: Date): SubmissionResult | null {
  const sheet = e.range.getSheet();
  const form = formFor(sheet, formIds());
  if (!form) return null; // a form this script did not build
  const ctx = getJson<FormContext>(PROP.formContext, {
    competencies: defaultCompetencies(),
    units: [],
    quiz: [],
  });
  const tz = timeZone();
  const dates = new DateConverter(tz);

  // header once; the script's own columns are appended when missing
  const width = sheet.getLastColumn();
  const header = (sheet.getRange(1, 1, 1, width).getValues()[0] ?? []).map((h) => String(h ?? '').trim());
  const missing = RESPONSE_COLUMNS.filter((h) => columnOf(header, h) < 0);
  if (missing.length > 0) {
    ensureSize(sheet, 1, header.length + missing.length);
    sheet.getRange(1, header.length + 1, 1, missing.length).setValues([[...missing]]);
    header.push(...missing);
  }
  const rowNumber = e.range.getRow();
  // typed cells (the timestamp is a Date); answers come from namedValues, as typed (NIP stays text)
  const cells = e.range.getValues()[0] ?? [];
  const tsCol = columnOf(header, 'Stempel waktu', 'Timestamp', 'Cap waktu');
  const ts = cells[tsCol >= 0 ? tsCol - (e.range.getColumn() - 1) : 0];
  const waktu = ts instanceof Date ? dates.serial(ts) : null;
  const answers: Record<string, unknown> = {};
  for (const [title, vals] of Object.entries(e.namedValues ?? {}))
    answers[title.trim()] = (vals ?? []).join(', ');

  const id = digest(form.key, String(waktu ?? now.getTime()), canonical(e.namedValues ?? {}));
  const submittedAt = ts instanceof Date ? dates.iso(ts) : dates.iso(now);
  const sheets = sheetsByName(ss);
  // Daftar Hadir rows (invitation answers, check-ins) take their session's Kode from Jadwal
  const attendance = checkAttendance(
    form.toRows(answers, { id, waktu }, ctx),
    (name) => sheets.get(normalizeHeader(name)) ?? null,
    dates,
    tz,
    rowNumber,
  );
  const targets = attendance.targets;

  const errors: string[] = [];
  const notes: string[] = [...attendance.notes];
  /** contract rows left alone because the sheet holds a newer submission of the record */
  const late: string[] = [];
  const pending: Pending[] = [];
  const delivered: Delivered[] = [];
  const tenantId = tenant();
  const responseSheet = sheet.getName();

  // the core's verdict on every row first, then each contract sheet read and written once
  const work = targets.map((t) => {
    const found = withProblems(validateTarget(t, ctx, rowNumber), attendance.problems.get(t));
    for (const err of found) errors.push(`${t.sheet} · ${err.column || 'baris'}: ${err.message}`);
    return { t, found, merged: {} as Record<string, unknown>, newer: false };
  });
  const bySheet = new Map<string, typeof work>();
  for (const w of work) {
    if (w.found.length > 0) continue;
    const group = bySheet.get(w.t.sheet) ?? [];
    group.push(w);
    bySheet.set(w.t.sheet, group);
  }
  for (const [name, all] of bySheet) {
    // an invitation answer older than the one Konfirmasi Kehadiran keeps (processed late) leaves
    // Daftar Hadir alone too: its rows have no Waktu of their own to compare
    const overtaken = work.find((w) => w.t.kind === 'rsvp' && w.newer);
    const group = overtaken ? all.filter((w) => w.t.kind !== 'rsvp') : all;
    for (const w of all)
      if (overtaken && !group.includes(w)) {
        w.merged = overtaken.merged;
        w.newer = true;
      }
    const done = upsertRows(
      ss,
      name,
      group.map(({ t }) => ({
        key: t.key,
        // the sheet shows the submission time as a date, not as its serial number
        values: {
          ...(ts instanceof Date && 'Waktu' in t.values ? { ...t.values, Waktu: ts } : t.values),
          ...attendance.written.get(t),
        },
      })),
      sheets,
    );
    group.forEach((w, i) => {
      w.merged = done[i]?.row ?? {};
      w.newer = done[i]?.newer ?? false;
    });
  }
  let states: Map<string, string> | null = null;
  const stateOf = (responseId: string): string | null => {
    states ??= queueStates(ss);
    return states.get(responseId) ?? null;
  };

  const outgoing: Delivered[] = [];
  for (const { t, found: verdict, merged, newer } of work) {
    let found = verdict;
    let values: Record<string, unknown> = t.values;
    let forward = FORWARDED_SHEETS.has(t.sheet);
    if (found.length === 0) {
      if (newer) {
        // processed late (kept while the lock was busy, or overtaken while waiting for it):
        // the sheet keeps the newer version, and this one is sent only if that one never will be
        const newerId = String(merged['ID Respons'] ?? '');
        const state = forward ? stateOf(newerId) : null;
        if (state !== QUEUE_STATE.stopped) {
          const fate: NewerFate = !forward ? 'recorded' : state === null ? 'sent' : 'queued';
          const at = isDate(merged.Waktu) ? dates.iso(merged.Waktu) : '';
          late.push(`${t.sheet}: ${supersededNote(newerId, at, fate)}`);
          continue;
        }
      }
      if (t.kind === 'test') {
        // Level 2 needs both scores: the pair goes to the server once the second test is in
        const complete = TEST_PAIR.every((h) => !isBlankCell(merged[h]));
        if (!complete) {
          forward = false;
          notes.push(
            `${t.sheet}: nilai tercatat; dikirim ke server setelah pre-test dan post-test sesi ini lengkap.`,
          );
        } else {
          values = Object.fromEntries(TEST_COLUMNS.filter((h) => h in merged).map((h) => [h, merged[h]]));
          found = validateSheetRows(
            t.sheet,
            [Object.keys(values), Object.values(values) as Cell[]],
            [],
            rowNumber,
          );
        }
      }
    }
    if (!forward) continue;
    const body: IngestBody = {
      kind: t.kind,
      responseId: `${id}${t.suffix}`,
      sourceId: id,
      submittedAt,
      tenant: tenantId,
      sheet: t.sheet,
      responseSheet,
      form: form.key,
      values: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, jsonCell(v, dates)])),
      valid: found.length === 0,
      errors: found,
    };
    // the record's identity: a newer version of it makes queued older ones obsolete
    outgoing.push({ body, key: recordKey(t.sheet, t.key, { ...t.values, ...values }) });
  }
  // one fetchAll for every row of the submission
  postJsonAll(
    ENDPOINT.ingest,
    outgoing.map((o) => o.body),
  ).forEach((r, i) => {
    const o = outgoing[i];
    if (!o) return;
    if (r.ok) delivered.push(o);
    else pending.push({ body: o.body, error: r.error, status: r.status, reason: r.reason, key: o.key ?? '' });
  });
  if (targets.length === 0) errors.push('Respons tidak berisi jawaban yang dapat dicatat.');
  const settled = settle(ss, { delivered, pending }, now, id);
  const inState = (state: string) => pending.filter((p) => settled.state.get(p.body.responseId) === state);
  const stopped = inState(QUEUE_STATE.stopped);
  const replaced = inState(QUEUE_STATE.superseded);
  const waiting = pending.filter((p) => !stopped.includes(p) && !replaced.includes(p));
  const noteOf = (p: Pending) => `${p.body.sheet}: ${settled.note.get(p.body.responseId) ?? ''}`;

  const status =
    errors.length > 0
      ? STATUS.invalid
      : stopped.length > 0
        ? STATUS.stopped
        : waiting.length > 0
          ? STATUS.queued
          : delivered.length > 0
            ? STATUS.sent
            : replaced.length > 0 || late.length > 0
              ? STATUS.superseded
              : STATUS.recorded;
  const pesan = [
    ...errors,
    ...notes,
    ...stopped.map((p) => `Tidak terkirim, disimpan di Antrian tanpa dicoba ulang. ${noteOf(p)}`),
    ...(waiting.length > 0 ? [`Belum terkirim, disimpan di Antrian: ${waiting[0]?.error ?? ''}`] : []),
    ...replaced.map(noteOf),
    ...late,
  ].join('\n');
  writeVerdict(sheet, header, rowNumber, [id, status, pesan]);
  return { form: form.key, id, status, pesan };
}

/** The core's verdict on one contract row, ignoring columns a later response fills in. */
function validateTarget(t: TargetRow, ctx: FormContext, rowNumber: number): CellError[] {
  const headers = Object.keys(t.values);
  const row: Cell[] = headers.map((h) => t.values[h] ?? null);
  const errors = validateSheetRows(t.sheet, [headers, row], ctx.competencies, rowNumber);
  // Tes: the pre-test arrives before the post-test, so the other half may still be empty
  if (t.kind === 'test') {
    const later = ['pre', 'post'].filter((h) => !headers.some((x) => normalizeHeader(x) === h));
    return errors.filter((e) => !later.includes(normalizeHeader(e.column)));
  }
  return errors;
}

function writeVerdict(
  sheet: Sheet,
  header: readonly string[],
  row: number,
  values: [string, string, string],
): void {
  const cols = RESPONSE_COLUMNS.map((h) => columnOf(header, h));
  const [a, b, c] = cols as [number, number, number];
  if (b === a + 1 && c === b + 1) {
    sheet.getRange(row, a + 1, 1, 3).setValues([values.map(keepText)]);
  } else {
    cols.forEach((col, i) => {
      sheet.getRange(row, col + 1).setValue(keepText(values[i] ?? ''));
    });
  }
}

const TIMESTAMP_HEADERS = ['stempel waktu', 'timestamp', 'cap waktu'];

/**
 * Answers in a stable order, so the same submission always gets the same id, whether its
 * answers come from the submit event or from Google Forms (the sweep): the timestamp and
 * blank answers are left out, several answers are joined with ", " as the event joins them.
 */
function canonical(named: Record<string, string[]>): string {
  return Object.keys(named)
    .map((k) => [k.trim(), (named[k] ?? []).join(', ').trim()] as const)
    .filter(([k, v]) => v !== '' && !TIMESTAMP_HEADERS.includes(normalizeHeader(k)))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('\n');
}
