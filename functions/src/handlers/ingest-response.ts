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
  type Doc,
  docId,
  type RawWorkbook,
  SHEET,
  SHEET_COLLECTION,
  validateWorkbook,
} from '@bangkom/core';
import type { HttpFunction } from '@google-cloud/functions-framework';
import type { Firestore } from 'firebase-admin/firestore';
import type { TenantStore } from '../adapters/firestore.js';
import { type Deps, endpoint } from './context.js';
import { type RecordKey, recordDoc, safeValues } from './program.js';
import { type FormSheet, type IngestBody, ingestSchema } from './schemas.js';

/** The row number a one-row sheet gives its record; records from forms are stored with row 0. */
const FORM_ROW = 0;

/** Wall-clock time of an instant in a time zone, as a Date whose UTC fields hold it (the sheets' convention). */
export function wallClock(iso: string, timeZone: string): Date {
  if (!ZONED.test(iso)) {
    // already local (no zone): take it as written
    const [d = '', t = '00:00:00'] = iso.split('T');
    return new Date(`${d}T${t.length === 5 ? `${t}:00` : t}Z`);
  }
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return new Date(
    Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')),
  );
}

const TIME_HEADERS = new Set(['waktu', 'stempel waktu', 'timestamp']);
/** an ISO 8601 instant with a zone (what Apps Script's toISOString() sends) */
const ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** The submission as a header row and one data row. */
export function submissionRows(body: IngestBody, timeZone: string): [string[], Cell[]] {
  const headers: string[] = [];
  const row: Cell[] = [];
  const put = (h: string, v: Cell) => {
    headers.push(h);
    row.push(v);
  };
  for (const [h, v] of Object.entries(body.values)) {
    if (body.sheet === SHEET.penilaian && h.trim().toLowerCase() === 'id respons') continue;
    const zoned = typeof v === 'string' && TIME_HEADERS.has(h.trim().toLowerCase()) && ZONED.test(v.trim());
    put(h, Array.isArray(v) ? v.join(', ') : zoned ? wallClock(String(v).trim(), timeZone) : v);
  }
  if (body.sheet === SHEET.penilaian) {
    put('ID Respons', body.responseId);
    const hasTime = headers.some((h) => TIME_HEADERS.has(h.trim().toLowerCase()));
    const at = body.timestamp ?? body.submittedAt;
    if (!hasTime && at) put('Waktu', wallClock(at, timeZone));
  }
  return [headers, row];
}

/** The tenant's own dictionary as a `Kamus Kompetensi` sheet, cached a minute per instance. */
const dictionaries = new WeakMap<Firestore, Map<string, { until: number; rows: Cell[][] | null }>>();

async function dictionarySheet(store: TenantStore, now: number): Promise<Cell[][] | null> {
  let perDb = dictionaries.get(store.db);
  if (!perDb) {
    perDb = new Map();
    dictionaries.set(store.db, perDb);
  }
  const hit = perDb.get(store.tenantId);
  if (hit && hit.until > now) return hit.rows;
  const docs = await store.readCollection(COLLECTIONS.competencies);
  const rows =
    docs.length === 0
      ? null // the default dictionary applies
      : [
          ['Kode', 'Nama', 'Kelompok'],
          ...docs.map((d) => [
            String(d.data.kode ?? ''),
            String(d.data.nama ?? ''),
            String(d.data.kelompok ?? ''),
          ]),
        ];
  perDb.set(store.tenantId, { until: now + 60_000, rows });
  return rows;
}

/** Which document a valid submission becomes. */
function submissionDoc(
  sheet: FormSheet,
  key: RecordKey,
  record: Record<string, unknown>,
  responseId: string,
): Doc {
  const data = { ...record, row: FORM_ROW };
  if (sheet === SHEET.skm) {
    // anonymous respondents: only the response id tells them apart (an edited response keeps it)
    return { id: docId('formulir', responseId), data };
  }
  // Penilaian: the id is ID Respons = the response id. Reaction, test, behaviour and
  // preference: the natural key (session + NIP ...), the same document the sheet sync writes,
  // so a response reaching Firestore both ways is stored once and the later one wins.
  return { id: recordDoc(key, data as never).id, data };
}

const quarantineId = (body: IngestBody) => docId('formulir', body.sheet, body.responseId);

export type PublicError = Omit<CellError, 'row'>;

export function ingestResponse(deps: Deps): HttpFunction {
  return endpoint(
    deps,
    { name: 'ingestResponse', access: 'write', methods: ['POST'], schema: ingestSchema },
    async (ctx) => {
      const { body, store } = ctx;
      const key = SHEET_COLLECTION[body.sheet] as RecordKey;
      const collection = COLLECTIONS[key];
      const wb: RawWorkbook = { [body.sheet]: submissionRows(body, deps.timeZone) };
      if (body.sheet === SHEET.penilaian) {
        const kamus = await dictionarySheet(store, deps.now().getTime());
        if (kamus) wb[SHEET.kamus] = kamus;
      }
      const result = validateWorkbook(wb);
      const errors: PublicError[] = result.errors
        .filter((e) => e.sheet === body.sheet)
        .map(({ row: _row, ...e }) => e);
      const records = result.data[key] as unknown as Record<string, unknown>[];
      if (errors.length === 0 && records.length !== 1) {
        errors.push({
          sheet: body.sheet,
          column: '',
          value: null,
          message: 'Respons tidak menghasilkan tepat satu baris data; periksa judul pertanyaan formulir.',
        });
      }

      if (errors.length > 0) {
        const id = quarantineId(body);
        return {
          body: { stored: false, quarantined: true, collection: COLLECTIONS.quarantine, id, errors },
          counts: { [COLLECTIONS.quarantine]: 1 },
          errors,
          writes: [
            {
              collection: COLLECTIONS.quarantine,
              id,
              data: {
                sumber: 'formulir',
                sheet: body.sheet,
                responseId: body.responseId,
                ...((body.timestamp ?? body.submittedAt)
                  ? { timestamp: body.timestamp ?? body.submittedAt }
                  : {}),
                values: safeValues(body.values),
                errors,
                runId: ctx.runId,
                diterima: ctx.startedAt.toISOString(),
              },
            },
          ],
        };
      }

      const doc = submissionDoc(body.sheet, key, records[0] as Record<string, unknown>, body.responseId);
      return {
        body: { stored: true, quarantined: false, collection, id: doc.id },
        counts: { [collection]: 1 },
        errors: [],
        writes: [
          { collection, id: doc.id, data: { ...doc.data, responseId: body.responseId } },
          // an edited response (same id) that is now valid leaves quarantine
          { collection: COLLECTIONS.quarantine, id: quarantineId(body), data: null },
        ],
      };
    },
  );
}
