/**
 * ingestResponse: one Google Forms submission as the Apps Script forwards it.
 * The answers become a one-row sheet of the contract and go through the same core
 * validation as the workbook. A valid submission is stored under an id derived from the
 * form's response id (or the record's natural key), so a replay is stored once; an invalid
 * one is kept whole in `quarantine` with its reasons, and the answer is 200 with the errors.
 */
import {
  type Cell,
  type CellError,
  COLLECTIONS,
  type Competency,
  type Doc,
  docId,
  FORM_SHEETS,
  FORM_SOURCE,
  type FormSheet,
  normalizeHeader,
  RESPONSE_ID_SHEETS,
  type RowValidator,
  rowValidator,
  SHEET,
  SHEET_COLLECTION,
  validateRows,
} from '@bangkom/core';
import type { HttpFunction } from '@google-cloud/functions-framework';
import type { Firestore } from 'firebase-admin/firestore';
import type { z } from 'zod';
import { type RecordKey, recordDoc, safeValues } from '../adapters/cycle-docs.js';
import { inputChecksum, type TenantStore } from '../adapters/firestore.js';
import { wallClock, ZONED_INSTANT } from '../time.js';
import { type Deps, endpoint, type Outcome, type RunContext } from './context.js';
import { type FormRating, formRaterProblems } from './ingest-raters.js';
import { type IngestSubmission, ingestRequestSchema, submissionSchema } from './schemas.js';

/** The row number a one-row sheet gives its record; records from forms are stored with row 0. */
const FORM_ROW = 0;

const TIME_HEADERS = new Set(['waktu', 'stempel waktu', 'timestamp']);

/** A zoned instant as the wall-clock Date; an impossible one stays text, for core to reject with its value. */
function zonedCell(iso: string, timeZone: string): Cell {
  const d = wallClock(iso, timeZone);
  return Number.isNaN(d.getTime()) ? iso : d;
}

/** A checkbox answer as `a, b`; a grid answer (rows of choices) as `a, b; c`. */
function answerText(v: readonly unknown[]): string {
  const cell = (x: unknown) => (x === null || x === undefined ? '' : String(x));
  if (!v.some(Array.isArray)) return v.map(cell).join(', ');
  return v.map((row) => (Array.isArray(row) ? row.map(cell).join(', ') : cell(row))).join('; ');
}

/** The submission as a header row and one data row. */
export function submissionRows(body: IngestSubmission, timeZone: string): [string[], Cell[]] {
  const headers: string[] = [];
  const row: Cell[] = [];
  const put = (h: string, v: Cell) => {
    headers.push(h);
    row.push(v);
  };
  const keyedByResponse = RESPONSE_ID_SHEETS.has(body.sheet);
  for (const [h, v] of Object.entries(body.values)) {
    if (keyedByResponse && normalizeHeader(h) === 'id respons') continue;
    const zoned =
      typeof v === 'string' && TIME_HEADERS.has(normalizeHeader(h)) && ZONED_INSTANT.test(v.trim());
    put(h, Array.isArray(v) ? answerText(v) : zoned ? zonedCell(String(v).trim(), timeZone) : v);
  }
  if (keyedByResponse) put('ID Respons', body.responseId);
  if (body.sheet === SHEET.penilaian) {
    const hasTime = headers.some((h) => TIME_HEADERS.has(normalizeHeader(h)));
    const at = body.timestamp ?? body.submittedAt;
    if (!hasTime && at) put('Waktu', zonedCell(at, timeZone));
  }
  return [headers, row];
}

type Validator = RowValidator<unknown>;

/**
 * One validator per form sheet against the default dictionary, for the life of the instance:
 * a submission is validated exactly as a one-row sheet (core's validateRows), but the header
 * layouts of the forms are built once, not per submission.
 */
const defaultValidators = new Map<FormSheet, Validator>();

function defaultValidator(sheet: FormSheet): Validator {
  let v = defaultValidators.get(sheet);
  if (!v) {
    v = rowValidator(sheet) as Validator;
    defaultValidators.set(sheet, v);
  }
  return v;
}

/**
 * The form sheets whose rows name competency codes, checked against the dictionary (core:
 * Penilaian's columns, Perilaku's `Kode Kompetensi`, Preferensi's `Topik`). For them the
 * tenant's own `Kamus Kompetensi` applies, as when the workbook is synced.
 */
const DICTIONARY_SHEETS: ReadonlySet<FormSheet> = new Set([
  SHEET.penilaian,
  SHEET.perilaku,
  SHEET.preferensi,
]);

interface TenantValidators {
  until: number;
  /** null: the tenant keeps no valid dictionary, the default one applies */
  entries: Competency[] | null;
  bySheet: Map<FormSheet, Validator>;
}

/**
 * Validators on the tenant's own dictionary (its `competencies` collection), cached a minute
 * per tenant and instance: the dictionary is read and built once a minute, not per call.
 */
const tenantValidators = new WeakMap<Firestore, Map<string, TenantValidators>>();

async function tenantEntry(store: TenantStore, now: number): Promise<TenantValidators> {
  let perDb = tenantValidators.get(store.db);
  if (!perDb) {
    perDb = new Map();
    tenantValidators.set(store.db, perDb);
  }
  const hit = perDb.get(store.tenantId);
  if (hit && hit.until > now) return hit;
  const docs = await store.readCollection(COLLECTIONS.competencies);
  let entries: Competency[] | null = null;
  if (docs.length > 0) {
    // the stored dictionary goes through the sheet's own rules, as a synced Kamus would
    const kamus: Cell[][] = [
      ['Kode', 'Nama', 'Kelompok'],
      ...docs.map((d) => [
        String(d.data.kode ?? ''),
        String(d.data.nama ?? ''),
        String(d.data.kelompok ?? ''),
      ]),
    ];
    const valid = validateRows(SHEET.kamus, kamus).records as Competency[];
    if (valid.length > 0) entries = valid;
  }
  const entry: TenantValidators = { until: now + 60_000, entries, bySheet: new Map() };
  perDb.set(store.tenantId, entry);
  return entry;
}

/** The validators a call needs, by sheet; the tenant's dictionary is read only when a sheet needs it. */
async function validatorsFor(
  ctx: RunContext<unknown>,
  subs: readonly Submission[],
): Promise<(sheet: FormSheet) => Validator> {
  const tenant = subs.some((s) => DICTIONARY_SHEETS.has(s.sheet))
    ? await tenantEntry(ctx.store, ctx.deps.now().getTime())
    : undefined;
  return (sheet) => {
    const entries = DICTIONARY_SHEETS.has(sheet) ? tenant?.entries : null;
    if (!tenant || !entries) return defaultValidator(sheet);
    let v = tenant.bySheet.get(sheet);
    if (!v) {
      v = rowValidator(sheet, entries) as Validator;
      tenant.bySheet.set(sheet, v);
    }
    return v;
  };
}

/** Which document a valid submission becomes. */
function submissionDoc(key: RecordKey, record: Record<string, unknown>, responseId: string): Doc {
  // the record is this submission's own fresh object: completed in place, not copied
  const data = Object.assign(record, { row: FORM_ROW, responseId });
  // Penilaian and SKM: the id comes from ID Respons = the response id (SKM's anonymous
  // respondents have no other identity). Reaction, test, behaviour and preference: the natural
  // key (session + NIP ...). Either way it is the document the sheet sync writes for the same
  // row, so a response reaching Firestore both ways is stored once and the later one wins.
  return { id: recordDoc(key, data as never).id, data };
}

/** A response's quarantine id: also what ties the versions of one response in a call (callWrites). */
const quarantineId = (sub: { sheet: string; responseId: string }) =>
  docId(FORM_SOURCE, sub.sheet, sub.responseId);

export type PublicError = Omit<CellError, 'row'>;

type Submission = IngestSubmission;

interface Processed {
  /** the response within its sheet: versions of one response in a call share it */
  key: string;
  result: {
    responseId: string;
    stored: boolean;
    quarantined: boolean;
    collection: string;
    id: string;
    errors?: PublicError[];
  };
  writes: NonNullable<Outcome['writes']>;
  errors: PublicError[];
  /** a valid Penilaian submission: its rater still to be checked */
  rating?: { sub: Submission; record: FormRating };
}

/**
 * The processed submissions with every valid rating whose rater may not give it turned into a
 * quarantine entry with the reason (ingest-raters.ts); the rest unchanged.
 */
async function verifyRaters(ctx: RunContext<unknown>, processed: Processed[]): Promise<Processed[]> {
  const rated = processed.flatMap((p) => (p.rating ? [{ p, ...p.rating }] : []));
  if (rated.length === 0) return processed;
  const problems = await formRaterProblems(
    ctx.store,
    rated.map((r) => r.record),
  );
  const replaced = new Map<Processed, Processed>();
  rated.forEach(({ p, sub, record }, i) => {
    const problem = problems[i];
    if (!problem) return;
    const value =
      problem.column === 'NIP Penilai'
        ? record.nipPenilai
        : problem.column === 'Email Penilai'
          ? record.emailPenilai
          : record.sumber;
    const error = {
      sheet: SHEET.penilaian,
      column: problem.column,
      value: value ?? null,
      message: problem.message,
    };
    replaced.set(p, quarantined(ctx, sub, [error]));
  });
  return processed.map((p) => replaced.get(p) ?? p);
}

/** A submission kept whole in `quarantine` with its reasons (its id: the response's, see quarantineId). */
function quarantined(ctx: RunContext<unknown>, sub: Submission, errors: PublicError[]): Processed {
  const qid = quarantineId(sub);
  const at = sub.timestamp ?? sub.submittedAt;
  return {
    key: qid,
    result: {
      responseId: sub.responseId,
      stored: false,
      quarantined: true,
      collection: COLLECTIONS.quarantine,
      id: qid,
      errors,
    },
    errors,
    writes: [
      {
        collection: COLLECTIONS.quarantine,
        id: qid,
        data: {
          sumber: 'formulir',
          sheet: sub.sheet,
          responseId: sub.responseId,
          ...(at ? { timestamp: at } : {}),
          values: safeValues(sub.values),
          errors,
          runId: ctx.runId,
          diterima: ctx.startedAt.toISOString(),
        },
      },
    ],
  };
}

/** Validates one submission and says what to write; nothing is written here. */
function processSubmission(
  ctx: RunContext<unknown>,
  sub: Submission,
  /** the sheet's validator (Penilaian: on the tenant's dictionary), shared by the call */
  validate: Validator,
): Processed {
  const { deps } = ctx;
  const key = SHEET_COLLECTION[sub.sheet] as RecordKey;
  const collection = COLLECTIONS[key];
  const [headers, row] = submissionRows(sub, deps.timeZone);
  // exactly validateRows(sheet, [headers, row]): the submission is a one-row sheet of its own
  const result = validate(headers, row);
  const errors: PublicError[] = result.errors.map(({ row: _row, ...e }) => e);
  const records = result.records as Record<string, unknown>[];
  if (errors.length === 0 && records.length !== 1) {
    errors.push({
      sheet: sub.sheet,
      column: '',
      value: null,
      message: 'Respons tidak menghasilkan tepat satu baris data; periksa judul pertanyaan formulir.',
    });
  }
  if (errors.length > 0) return quarantined(ctx, sub, errors);
  const doc = submissionDoc(key, records[0] as Record<string, unknown>, sub.responseId);
  return {
    key: quarantineId(sub),
    // a rating's rater is checked against Pegawai before it is stored (verifyRaters)
    ...(key === 'assessments' ? { rating: { sub, record: doc.data as unknown as FormRating } } : {}),
    result: { responseId: sub.responseId, stored: true, quarantined: false, collection, id: doc.id },
    errors: [],
    // One write: the record. An earlier quarantined version of this response (same id) is
    // not deleted here but settled by the next sync (form-quarantine.ts): a blind delete
    // with every stored response doubled the writes of all submissions for the rare edit.
    writes: [{ collection, id: doc.id, data: doc.data }],
  };
}

/**
 * A submission whose shape does not fit (no response id, an unknown sheet, answers that are
 * not answers): quarantined like an invalid one, with the reasons, under an id taken from its
 * content (a replay is stored once). Its fields keep the sheet and response id it gave, so a
 * later valid version of the same response supersedes it (form-quarantine.ts).
 */
function malformedSubmission(ctx: RunContext<unknown>, raw: unknown, error: z.ZodError): Processed {
  const obj =
    raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const sheet = typeof obj.sheet === 'string' ? obj.sheet.trim().slice(0, 100) : '';
  const given = typeof obj.responseId === 'string' ? obj.responseId.trim() : '';
  const responseId = given.length > 0 && given.length <= 500 ? given : '';
  const { tenant: _t, ...content } = obj;
  const id = docId(
    FORM_SOURCE,
    'bentuk-tidak-sah',
    inputChecksum(Array.isArray(raw) ? raw : content).slice(0, 32),
  );
  // versions of one response in a call share a key (see callWrites): a valid later version
  // of the same response keeps this one out of quarantine
  const key =
    responseId && (FORM_SHEETS as readonly string[]).includes(sheet)
      ? quarantineId({ sheet, responseId })
      : id;
  const errors: PublicError[] = error.issues.map((i) => ({
    sheet,
    column: i.path.map(String).join('.') || '(respons)',
    value: shownValue(valueAt(obj, i.path)),
    message: i.message,
  }));
  const values =
    obj.values !== null && typeof obj.values === 'object' && !Array.isArray(obj.values)
      ? safeValues(obj.values as Record<string, unknown>)
      : safeValues({ '(isi)': obj.values === undefined ? raw : obj.values });
  const at = [obj.timestamp, obj.submittedAt].find((t): t is string => typeof t === 'string');
  return {
    key,
    result: { responseId, stored: false, quarantined: true, collection: COLLECTIONS.quarantine, id, errors },
    errors,
    writes: [
      {
        collection: COLLECTIONS.quarantine,
        id,
        data: {
          sumber: FORM_SOURCE,
          sheet,
          responseId,
          ...(at ? { timestamp: at.slice(0, 100) } : {}),
          values,
          errors,
          runId: ctx.runId,
          diterima: ctx.startedAt.toISOString(),
        },
      },
    ],
  };
}

function valueAt(obj: Record<string, unknown>, path: readonly PropertyKey[]): unknown {
  let v: unknown = obj;
  for (const k of path)
    v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

/** An offending value as an error shows it: plain values as they are, the rest as (short) JSON text. */
function shownValue(v: unknown): PublicError['value'] {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v.length > 200 ? `${v.slice(0, 200)}…` : v;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/**
 * A call's writes with each document once, in order, the later write winning: a response
 * repeated in one call (a replay, or edits) is stored once, as its last version; a
 * quarantined version followed in the same call by a valid one is not quarantined at all.
 */
function callWrites(processed: readonly Processed[]): Processed['writes'] {
  const last = new Map<string, Processed>();
  for (const p of processed) last.set(p.key, p);
  const writes = processed.flatMap((p) => (p.result.quarantined && last.get(p.key) !== p ? [] : p.writes));
  const byPath = new Map<string, Processed['writes'][number]>();
  for (const w of writes) {
    const key = `${w.collection}/${w.id}`;
    byPath.delete(key);
    byPath.set(key, w);
  }
  return [...byPath.values()];
}

function tally(processed: readonly Processed[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const p of processed) counts[p.result.collection] = (counts[p.result.collection] ?? 0) + 1;
  return counts;
}

/**
 * One submission per call (onFormSubmit), or up to MAX_BATCH in `submissions` (the
 * Antrian retry, or a bulk import): each is validated, stored or quarantined on its own, and
 * all of a call's writes go into one commit with its run document.
 */
export function ingestResponse(deps: Deps): HttpFunction {
  return endpoint(
    deps,
    { name: 'ingestResponse', access: 'write', methods: ['POST'], schema: ingestRequestSchema },
    async (ctx) => {
      const { body } = ctx;
      // the request schema checked the shape: `submissions` present means a batch envelope
      const batch = 'submissions' in body ? (body.submissions as unknown[]) : undefined;
      if (batch) {
        const parsed = batch.map((raw) => ({ raw, check: submissionSchema.safeParse(raw) }));
        const valid = parsed.flatMap((x) => (x.check.success ? [x.check.data] : []));
        const validator = await validatorsFor(ctx, valid);
        const processed = await verifyRaters(
          ctx,
          parsed.map(({ raw, check }) =>
            check.success
              ? processSubmission(ctx, check.data, validator(check.data.sheet))
              : malformedSubmission(ctx, raw, check.error),
          ),
        );
        const results = processed.map((p) => p.result);
        return {
          body: {
            stored: results.filter((r) => r.stored).length,
            quarantined: results.filter((r) => r.quarantined).length,
            results,
          },
          counts: tally(processed),
          errors: processed.flatMap((p) => p.errors.map((e) => ({ responseId: p.result.responseId, ...e }))),
          writes: callWrites(processed),
          // the body as received: a batch is hashed in microseconds, not re-serialised
          checksumOf: ctx.rawBody ?? body,
        };
      }
      const check = submissionSchema.safeParse(body);
      const one = check.success
        ? processSubmission(ctx, check.data, (await validatorsFor(ctx, [check.data]))(check.data.sheet))
        : malformedSubmission(ctx, body, check.error);
      const p = (await verifyRaters(ctx, [one]))[0] ?? one;
      const { responseId: _id, ...result } = p.result;
      return {
        body: result,
        counts: tally([p]),
        errors: p.errors,
        writes: p.writes,
        checksumOf: ctx.rawBody ?? body,
      };
    },
  );
}
