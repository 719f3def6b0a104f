/**
 * The Firestore documents of a cycle: input records, settings, quarantined rows and results,
 * with deterministic ids (a rerun overwrites). One module for `bangkom run` and the Cloud
 * Functions (syncWorkbook, computeGaps, summarizeEvaluations, scheduleTrainings), so both
 * write the same ids and shapes. Pure: no Firestore access here.
 */
import {
  COLLECTIONS,
  type CollectionName,
  type Doc,
  docId,
  type EvaluationReport,
  type GapsReport,
  type IkmReport,
  type JpReport,
  LABEL_TOTAL,
  type LeaderSummary,
  type ProgramData,
  type QuarantinedRow,
  recordIds,
  type ScheduleReport,
  type Settings,
} from '@bangkom/core';

export type DocSet = Map<CollectionName, Doc[]>;

export type RecordKey = keyof typeof recordIds;
export const RECORD_KEYS = Object.keys(recordIds) as RecordKey[];

/** The one document of the `settings` collection. */
export const SETTINGS_DOC = 'pengaturan';

/** Stamps a result with the run that wrote it. */
export const withRun = (d: object, runId: string) => ({ ...d, runId }) as Record<string, unknown>;

// ---- input records ----------------------------------------------------------------------

/** One record -> its document (deterministic id). */
export function recordDoc<K extends RecordKey>(key: K, record: ProgramData[K][number]): Doc {
  const idOf = recordIds[key] as (r: ProgramData[K][number]) => string;
  return { id: idOf(record), data: record as unknown as Record<string, unknown> };
}

export function recordDocs<K extends RecordKey>(key: K, data: ProgramData): Doc[] {
  return (data[key] as ProgramData[K][number][]).map((r) => recordDoc(key, r));
}

export function settingsDoc(settings: Settings): Doc {
  return { id: SETTINGS_DOC, data: { ...settings } };
}

// ---- quarantined rows -------------------------------------------------------------------

/** Firestore field names may not be empty or look like `__x__`; sheet headers could be either. */
function safeKey(key: string): string {
  const k = key.trim();
  if (k === '') return '(tanpa judul)';
  if (/^__[\s\S]*__$/.test(k)) return `_${k}_`;
  // Firestore refuses a field name over 1,500 bytes (500 characters are at most 1,500 bytes)
  return k.length > 500 ? `${k.slice(0, 499)}…` : k;
}

/**
 * Field names for the keys, one per key: keys that come out the same (`NIP` and `NIP `, two
 * long ones cut alike) are numbered as the core numbers repeated headers (`NIP (2)`), so no
 * answer overwrites another.
 */
function uniqueKeys(keys: readonly string[]): string[] {
  const used = new Set<string>();
  return keys.map((key) => {
    const base = safeKey(key);
    let k = base;
    for (let n = 2; used.has(k); n++) k = `${base} (${n})`;
    used.add(k);
    return k;
  });
}

const isPlain = (v: unknown): boolean =>
  v === null ||
  typeof v === 'string' ||
  typeof v === 'boolean' ||
  (typeof v === 'number' && Number.isFinite(v));

/**
 * One cell as Firestore stores it: dates as ISO strings, a list of plain values as it is,
 * anything else (a nested list, an object, NaN, undefined) as its JSON text. Firestore refuses
 * nested arrays, and one refused document fails its whole commit.
 */
function safeCell(v: unknown): unknown {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? String(v) : v.toISOString();
  if (isPlain(v)) return v;
  // a short list stays a list; a long one would cost an index entry per element
  if (Array.isArray(v) && v.length <= MAX_LIST && v.every(isPlain)) return v;
  if (v === undefined) return null;
  return JSON.stringify(v) ?? String(v);
}

/** Lists longer than this, and cells beyond MAX_FIELDS, are kept as JSON text. */
const MAX_LIST = 100;
const MAX_FIELDS = 500;
const REST = '(kolom lain)';

/**
 * The row's cells under Firestore-safe field names and values (see safeCell). A row with
 * more than MAX_FIELDS cells keeps the rest as one JSON text: Firestore indexes every field,
 * and a document over its index limit would fail the whole commit it shares.
 */
export function safeValues(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  const entries = Object.entries(values);
  const names = uniqueKeys(entries.slice(0, MAX_FIELDS).map(([k]) => k));
  let n = 0;
  for (const [k, v] of entries) {
    if (n < MAX_FIELDS) out[names[n] ?? k] = safeCell(v);
    else rest[k] = v instanceof Date ? v.toISOString() : v;
    n++;
  }
  if (n > MAX_FIELDS) out[REST] = JSON.stringify(rest);
  return out;
}

/** A rejected sheet row, kept whole (id: sheet + row, as the CLI writes it). */
export function quarantineDoc(q: QuarantinedRow, runId: string): Doc {
  return {
    id: docId(q.sheet, q.row),
    data: {
      sumber: 'lembar',
      sheet: q.sheet,
      row: q.row,
      values: safeValues(q.values),
      errors: q.errors,
      runId,
    },
  };
}

// ---- results ----------------------------------------------------------------------------

export function gapDocs(gaps: GapsReport, runId: string): DocSet {
  return new Map<CollectionName, Doc[]>([
    [COLLECTIONS.gaps, gaps.employees.map((e) => ({ id: docId(e.nip), data: withRun(e, runId) }))],
    [COLLECTIONS.gapsOpd, gaps.opd.map((o) => ({ id: docId(o.opd), data: withRun(o, runId) }))],
  ]);
}

export function jpDocs(jp: JpReport, runId: string): DocSet {
  const t = jp.tahun;
  return new Map<CollectionName, Doc[]>([
    [
      COLLECTIONS.jp,
      jp.employees.map((e) => ({
        id: docId(t, e.nip),
        data: withRun({ tahun: t, target: jp.target, ...e }, runId),
      })),
    ],
    [
      COLLECTIONS.jpOpd,
      jp.opd.map((o) => ({
        id: docId(t, o.opd),
        data: withRun({ tahun: t, target: jp.target, ...o }, runId),
      })),
    ],
  ]);
}

/** Per session (id: Sesi). */
export function evaluationDocs(report: EvaluationReport, runId: string): Doc[] {
  return sessionAggregates(report).map((s) => ({ id: docId(s.sesi), data: withRun(s, runId) }));
}

/**
 * The sessions' evaluation without the per-participant N-gain (NIP and score): the evaluations
 * collection is what leaders read, and they get aggregates only (UU 27/2022). The participants'
 * own pre/post scores stay in `tests`, which only staff read.
 */
export function sessionAggregates(report: EvaluationReport) {
  return report.sessions.map(({ nGainPeserta: _perPerson, ...rest }) => rest);
}

/** Per service unit and period. */
export function ikmDocs(report: IkmReport, runId: string): Doc[] {
  return report.units.map((u) => ({ id: docId(u.unit, u.periode), data: withRun(u, runId) }));
}

/** The leaders' summary: one document per OPD row and one for the city, the heat map row as a map. */
export function summaryDocs(summary: LeaderSummary, runId: string): Doc[] {
  const t = summary.tahun;
  const heat = summary.heatMap;
  const docs: Doc[] = summary.rows.map((row) => {
    const i = heat.opd.indexOf(row.opd);
    const kesenjangan: Record<string, number | null> = {};
    heat.kompetensi.forEach((k, j) => {
      kesenjangan[k.kode] = i >= 0 ? (heat.nilai[i]?.[j] ?? null) : null;
    });
    return { id: docId(t, row.opd), data: withRun({ jenis: 'opd', tahun: t, ...row, kesenjangan }, runId) };
  });
  const city: Record<string, number | null> = {};
  heat.kompetensi.forEach((k, j) => {
    city[k.kode] = heat.total[j] ?? null;
  });
  docs.push({
    id: docId(t, LABEL_TOTAL),
    data: withRun(
      { jenis: 'kota', tahun: t, ...summary.total, kesenjangan: city, totals: summary.totals },
      runId,
    ),
  });
  return docs;
}

/** The schedule's totals, a `summary` document of its own (jenis `jadwal`). */
export function scheduleSummaryDoc(tahun: number, report: ScheduleReport, runId: string): Doc {
  return {
    id: docId(tahun, 'jadwal'),
    data: withRun(
      { jenis: 'jadwal', tahun, objective: report.objective, bound: report.bound, budget: report.budget },
      runId,
    ),
  };
}
