/**
 * Incremental writes: each stored document carries `hashIsi`, a hash of its canonical content.
 * A sync reads the stored hashes of a collection once (a query that selects only the hash and
 * the fields a keep rule needs, streamed), writes only the new and changed documents and
 * deletes the stale ones, so the collection ends as a full rewrite would leave it. A rerun of
 * an unchanged workbook writes nothing but its run document.
 *
 * Left out of the hash (and so kept from the write that last changed the content): `runId`,
 * `dibuat`, `dihitung`, which name the run and the time, not the content.
 */
import { createHash } from 'node:crypto';
import { type Doc, docIdProblem } from '@bangkom/core';
import type { CollectionReference, DocumentData, Firestore } from 'firebase-admin/firestore';

/** The field holding a document's content hash. */
export const HASH_FIELD = 'hashIsi';
/** Top-level fields that say which run wrote a document and when, not what it holds. */
export const VOLATILE_FIELDS: ReadonlySet<string> = new Set(['runId', 'dibuat', 'dihitung', HASH_FIELD]);

/** Firestore's limit of writes in one commit. */
const MAX_BATCH_WRITES = 500;
/** Real Firestore refuses a commit over 10 MiB; stay well below with an estimate. */
const MAX_BATCH_BYTES = 8 * 1024 * 1024;
/** Commits in flight at once. */
const CONCURRENT_COMMITS = 4;
/** Up to this many documents, an add-only sync reads them by id instead of querying the collection. */
const DIRECT_READ_MAX = 100;

/**
 * Canonical text of a value as Firestore stores it: object keys sorted, `undefined` left out
 * of objects and null in arrays (as stripUndefined writes it), a Date tagged apart from a string.
 */
function canonical(value: unknown, top: boolean): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (value instanceof Date) return `{"$t":${JSON.stringify(value.toISOString())}}`;
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += `${i > 0 ? ',' : ''}${canonical(value[i], false)}`;
    return `${out}]`;
  }
  const obj = value as Record<string, unknown>;
  let out = '{';
  for (const k of Object.keys(obj).sort()) {
    const v = obj[k];
    if (v === undefined || (top && VOLATILE_FIELDS.has(k))) continue;
    out += `${out.length > 1 ? ',' : ''}${JSON.stringify(k)}:${canonical(v, false)}`;
  }
  return `${out}}`;
}

/**
 * The content hash of a document's data: the first 22 characters of its SHA-256 in base64url
 * (132 bits). Made as a string of its own: a slice of the digest's whole text would keep all 43
 * characters alive in every stored document (about 60 MB of heap at 50,000 ASN). The first 17
 * bytes give the same first 22 characters.
 */
export function contentHash(data: Record<string, unknown>): string {
  const digest = createHash('sha256').update(canonical(data, true)).digest();
  return Buffer.from(digest.toString('base64url', 0, 17), 'latin1').toString('latin1', 0, 22);
}

/** What one sync did. */
export interface SyncTally {
  /** new or changed documents written */
  written: number;
  /** documents already stored with the same content: not written */
  unchanged: number;
  /** stale documents deleted */
  removed: number;
}

export const emptyTally = (): SyncTally => ({ written: 0, unchanged: 0, removed: 0 });

export function addTally(into: SyncTally, t: SyncTally): SyncTally {
  into.written += t.written;
  into.unchanged += t.unchanged;
  into.removed += t.removed;
  return into;
}

/**
 * Which stale documents survive a replace. `fields` are the fields `test` reads: only those
 * (and the hash) are read from Firestore, so a test must not look at any other field.
 */
export interface KeepRule {
  fields: readonly string[];
  test(stale: Doc): boolean;
}

/**
 * Reads stored documents' chosen top-level scalar fields without a query, where the store can
 * (the in-process emulator: emulator-store.ts stateFieldsReader).
 */
export type FieldsReader = (
  collectionPath: string,
  fields: readonly string[],
) => Iterable<{ id: string; data: Record<string, unknown> }>;

/** One write of a batch: a document set whole, or deleted (`data` null). */
export type WriteOp = { id: string; data: Record<string, unknown> } | { id: string; data: null };

/**
 * Applies one batch of writes to a collection (`tenants/t/employees`) atomically, without the
 * client, where the store can (the in-process emulator: emulator-writer.ts).
 */
export type BatchWriter = (collectionPath: string, ops: readonly WriteOp[]) => void;

export interface SyncOptions {
  /** `replace` (default): documents not in the set are deleted unless kept; `add`: none is */
  mode?: 'replace' | 'add';
  /** read the stored hashes with this instead of a query */
  reader?: FieldsReader;
  /** commit the batches with this instead of the client */
  writer?: BatchWriter;
  keep?: KeepRule;
  /** documents handled so far (written or found unchanged) */
  onProgress?: (done: number) => void;
}

/** A document id Firestore would refuse; refused before any commit, never shared with other writes. */
export class InvalidDocIdError extends Error {
  override readonly name = 'InvalidDocIdError';
}

/** The same id twice in one call: the later one wins, as it would on a rerun. */
function dedupe(docs: readonly Doc[]): Doc[] {
  const byId = new Map<string, Doc>();
  for (const d of docs) {
    const problem = docIdProblem(d.id);
    if (problem) throw new InvalidDocIdError(`${problem}; dokumen ini tidak dapat disimpan.`);
    byId.delete(d.id);
    byId.set(d.id, d);
  }
  return [...byId.values()];
}

interface Stored {
  /** id -> stored hash ('' for a document without one) */
  hashes: Map<string, string>;
  /** ids of stored documents the keep rule keeps */
  kept: Set<string>;
}

/**
 * The stored hashes: for a few documents of an add-only sync, those documents by id; else
 * one query over the collection selecting the hash and the keep rule's fields, streamed
 * (real Firestore returns just those fields; so does the embedded emulator, see emulator.ts).
 */
async function readStored(
  col: CollectionReference,
  docs: readonly Doc[],
  opts: SyncOptions,
): Promise<Stored> {
  const hashes = new Map<string, string>();
  const kept = new Set<string>();
  const replace = (opts.mode ?? 'replace') === 'replace';
  const fields = [HASH_FIELD, ...(replace && opts.keep ? opts.keep.fields : [])];
  const take = (id: string, data: DocumentData): void => {
    hashes.set(id, hashOf(data[HASH_FIELD]));
    if (replace && opts.keep?.test({ id, data: pick(data, opts.keep.fields) })) kept.add(id);
  };
  if (opts.reader) {
    for (const { id, data } of opts.reader(col.path, fields)) take(id, data);
    return { hashes, kept };
  }
  if (!replace && docs.length <= DIRECT_READ_MAX) {
    if (docs.length === 0) return { hashes, kept };
    const snaps = await col.firestore.getAll(...docs.map((d) => col.doc(d.id)), { fieldMask: [HASH_FIELD] });
    for (const s of snaps) if (s.exists) hashes.set(s.id, hashOf(s.get(HASH_FIELD)));
    return { hashes, kept };
  }
  const stream = col.select(...fields).stream();
  for await (const snap of stream as AsyncIterable<{ id: string; data(): DocumentData }>)
    take(snap.id, snap.data());
  return { hashes, kept };
}

const hashOf = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Only the named fields: a keep rule sees what production reads, whatever the emulator sent. */
function pick(data: DocumentData, fields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) if (f in data) out[f] = data[f];
  return out;
}

/**
 * A deep copy without `undefined` (Firestore rejects it): dropped from objects, null in arrays.
 * Dates and Firestore values (Timestamp, FieldValue, ...) are passed through as they are.
 */
export function stripUndefined<T>(value: T): T {
  return strip(value) as T;
}

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : strip(v)));
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = strip(v);
    return out;
  }
  return value;
}

/** Rough serialised size of a document, to keep commits under the request limit. */
function approxBytes(id: string, data: Record<string, unknown>): number {
  return id.length + JSON.stringify(data).length + 64;
}

type Op = WriteOp;

/**
 * Commits the operations in batches of at most 500 writes and about 8 MiB, a few in flight;
 * with a `writer`, one batch after another through it (no request, so no size estimate).
 */
async function commitAll(
  db: Firestore,
  col: CollectionReference,
  ops: Iterable<Op>,
  onCommitted?: (n: number) => void,
  writer?: BatchWriter,
): Promise<void> {
  const iterator = ops[Symbol.iterator]();
  let failed: unknown;
  const nextBatch = (): Op[] => {
    const out: Op[] = [];
    let bytes = 0;
    for (;;) {
      if (out.length >= MAX_BATCH_WRITES || bytes > MAX_BATCH_BYTES) return out;
      const r = iterator.next();
      if (r.done) return out;
      out.push(r.value);
      if (r.value.data && !writer) bytes += approxBytes(r.value.id, r.value.data);
    }
  };
  if (writer) {
    for (let chunk = nextBatch(); chunk.length > 0; chunk = nextBatch()) {
      writer(col.path, chunk);
      onCommitted?.(chunk.length);
      // let timers (progress, the client's keep-alive) run between batches
      await new Promise((resolve) => setImmediate(resolve));
    }
    return;
  }
  const worker = async (): Promise<void> => {
    for (;;) {
      if (failed !== undefined) return;
      const chunk = nextBatch();
      if (chunk.length === 0) return;
      const batch = db.batch();
      for (const op of chunk) {
        if (op.data) batch.set(col.doc(op.id), op.data);
        else batch.delete(col.doc(op.id));
      }
      try {
        await batch.commit();
      } catch (err) {
        failed ??= err;
        return;
      }
      onCommitted?.(chunk.length);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENT_COMMITS }, worker));
  if (failed !== undefined) throw failed;
}

/**
 * Makes a collection hold `docs` (each with its hash), writing only what differs from what is
 * stored; with mode `replace`, stored documents not in `docs` are deleted unless `keep` keeps
 * them. The documents are stored whole (set, never merge).
 */
export async function syncCollection(
  col: CollectionReference,
  input: readonly Doc[],
  opts: SyncOptions = {},
): Promise<SyncTally> {
  const docs = dedupe(input);
  const stored = await readStored(col, docs, opts);
  const tally = emptyTally();
  let done = 0;
  function* changes(): Generator<Op> {
    for (const d of docs) {
      const hash = contentHash(d.data);
      const before = stored.hashes.get(d.id);
      stored.hashes.delete(d.id); // what is left at the end is stale
      if (before === hash) {
        tally.unchanged++;
        done++;
        continue;
      }
      tally.written++;
      yield { id: d.id, data: { ...stripUndefined(d.data), [HASH_FIELD]: hash } };
    }
    if ((opts.mode ?? 'replace') !== 'replace') return;
    for (const id of stored.hashes.keys()) {
      if (stored.kept.has(id)) continue;
      tally.removed++;
      yield { id, data: null };
    }
  }
  let reported = -1;
  const report = (n: number): void => {
    if (n === reported || !opts.onProgress) return;
    reported = n;
    opts.onProgress(n);
  };
  await commitAll(
    col.firestore,
    col,
    changes(),
    (n) => {
      done += n;
      report(Math.min(done, docs.length));
    },
    opts.writer,
  );
  report(docs.length);
  return tally;
}

/** Deletes documents by id, at most 500 per commit. */
export async function deleteDocsFrom(col: CollectionReference, ids: readonly string[]): Promise<number> {
  const unique = [...new Set(ids)];
  await commitAll(
    col.firestore,
    col,
    unique.map((id) => ({ id, data: null })),
  );
  return unique.length;
}

/** A stored document as the rest of the code sees it: without its hash. */
export function withoutHash(data: DocumentData): DocumentData {
  if (!(HASH_FIELD in data)) return data;
  const { [HASH_FIELD]: _hash, ...rest } = data;
  return rest;
}
