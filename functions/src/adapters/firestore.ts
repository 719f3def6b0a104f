/**
 * Firestore adapter: the core's Store port over firebase-admin, plus the run audit
 * documents and zod-validated reads. Everything lives under tenants/{tenantId}/...
 * (see core/src/firestore-model.ts); ids are deterministic, writes are set-overwrite,
 * so a rerun or a replayed submission is stored once. Collections are written incrementally
 * (firestore-sync.ts): only new and changed documents, each carrying its content hash.
 */
import { createHash, randomUUID } from 'node:crypto';
import { COLLECTIONS, type Doc, docIdProblem, type Store } from '@bangkom/core';
import type {
  CollectionReference,
  DocumentData,
  Firestore,
  FirestoreDataConverter,
  QueryDocumentSnapshot,
} from 'firebase-admin/firestore';
import {
  addTally,
  type BatchWriter,
  deleteDocsFrom,
  emptyTally,
  type FieldsReader,
  InvalidDocIdError,
  type KeepRule,
  type SyncOptions,
  type SyncTally,
  stripUndefined,
  syncCollection,
  withoutHash,
} from './firestore-sync.js';

export { stripUndefined };

/** Firestore's hard limit of writes in one commit. */
export const MAX_BATCH_WRITES = 500;

/** A tenant id: a short slug (e.g. `sawahlunto`), nothing that could escape tenants/{id}. */
export const TENANT_ID = /^[a-z0-9][a-z0-9_-]{0,62}$/;

export function assertTenantId(tenantId: string): void {
  if (!TENANT_ID.test(tenantId)) {
    throw new Error(`ID tenant tidak sah: "${tenantId}" (huruf kecil, angka, - atau _, paling panjang 63).`);
  }
}

/** Path of a tenant's collection. */
export function tenantCollectionPath(tenantId: string, collection: string): string {
  assertTenantId(tenantId);
  if (!collection || collection.includes('/')) throw new Error(`Nama koleksi tidak sah: "${collection}"`);
  return `tenants/${tenantId}/${collection}`;
}

/** Whether stripUndefined would change anything (most documents have no undefined at all). */
function hasUndefined(value: unknown): boolean {
  if (Array.isArray(value)) {
    for (const v of value) if (v === undefined || hasUndefined(v)) return true;
    return false;
  }
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const k in value) {
      const v = (value as Record<string, unknown>)[k];
      if (v === undefined || hasUndefined(v)) return true;
    }
  }
  return false;
}

export interface TenantStore extends Store {
  readonly tenantId: string;
  readonly db: Firestore;
  /**
   * Stores docs without deleting any, writing only the new and changed ones (firestore-sync.ts);
   * returns how many distinct documents are now stored as given (written or already so).
   */
  writeDocs(collection: string, docs: readonly Doc[], onProgress?: (done: number) => void): Promise<number>;
  /** Reads one document, or null when absent. */
  readDoc(collection: string, id: string): Promise<Doc | null>;
  /** Reads a collection, each document checked against a schema (validation at the edge). */
  readRecords<T>(collection: string, schema: SafeParser<T>): Promise<ReadResult<T>>;
  /** Deletes documents by id, at most 500 per commit. */
  deleteDocs(collection: string, ids: readonly string[]): Promise<number>;
  /**
   * Makes a collection hold exactly `docs`, writing only what changed and deleting the stale
   * documents, except those `keep` keeps (e.g. another year's results).
   */
  replaceCollection(
    collection: string,
    docs: readonly Doc[],
    keep?: KeepRule,
    onProgress?: (done: number) => void,
  ): Promise<{ written: number; deleted: number; unchanged: number }>;
  /** One incremental sync of a collection (firestore-sync.ts). */
  syncDocs(collection: string, docs: readonly Doc[], opts?: SyncOptions): Promise<SyncTally>;
  /** What this store's syncs wrote, left unchanged and removed so far (for the run document). */
  tally(): SyncTally;
}

/**
 * The core's Store for one tenant. `reader`: how to read stored hashes without a query;
 * `writer`: how to commit a sync's batches without the client (only the in-process emulator
 * has them).
 */
export function createStore(
  db: Firestore,
  tenantId: string,
  reader?: FieldsReader,
  writer?: BatchWriter,
): TenantStore {
  assertTenantId(tenantId);
  const col = (name: string) => db.collection(tenantCollectionPath(tenantId, name));
  const total = emptyTally();
  const syncDocs = async (collection: string, docs: readonly Doc[], opts?: SyncOptions) => {
    const t = await syncCollection(col(collection), docs, {
      ...opts,
      ...(reader ? { reader } : {}),
      ...(writer ? { writer } : {}),
    });
    addTally(total, t);
    return t;
  };
  return {
    tenantId,
    db,
    async writeDocs(collection, docs, onProgress) {
      const t = await syncDocs(collection, docs, { mode: 'add', ...(onProgress ? { onProgress } : {}) });
      return t.written + t.unchanged;
    },
    async readCollection(collection) {
      const snap = await col(collection).get();
      return snap.docs.map((d) => ({ id: d.id, data: withoutHash(d.data()) }));
    },
    async readDoc(collection, id) {
      const snap = await col(collection).doc(id).get();
      const data = snap.data();
      return snap.exists && data ? { id: snap.id, data: withoutHash(data) } : null;
    },
    readRecords: (collection, schema) => readRecords(col(collection), schema),
    deleteDocs: (collection, ids) => deleteDocsFrom(col(collection), ids),
    async replaceCollection(collection, docs, keep, onProgress) {
      const t = await syncDocs(collection, docs, {
        mode: 'replace',
        ...(keep ? { keep } : {}),
        ...(onProgress ? { onProgress } : {}),
      });
      return { written: t.written, deleted: t.removed, unchanged: t.unchanged };
    },
    syncDocs,
    tally: () => ({ ...total }),
  };
}

// ---- validated reads -------------------------------------------------------------------

/** What we need of a zod schema (z.ZodType<T> satisfies it). */
export interface SafeParser<T> {
  safeParse(
    value: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

export type Parsed<T> = { ok: true; id: string; value: T } | { ok: false; id: string; message: string };

export interface ReadResult<T> {
  records: T[];
  /** stored documents that no longer match the schema: reported, never silently used */
  invalid: { id: string; message: string }[];
}

/** A converter that validates every document read with a schema and strips undefined on write. */
export function zodConverter<T>(schema: SafeParser<T>): FirestoreDataConverter<Parsed<T>, DocumentData> {
  return {
    toFirestore(value) {
      if (!('ok' in value) || value.ok !== true)
        throw new Error('Hanya rekaman yang sah yang dapat disimpan.');
      return stripUndefined(value.value as DocumentData);
    },
    fromFirestore(snap: QueryDocumentSnapshot): Parsed<T> {
      const result = schema.safeParse(withoutHash(snap.data()));
      if (result.success) return { ok: true, id: snap.id, value: result.data };
      const message = result.error.issues
        .map((i) => `${i.path.map(String).join('.') || '(dokumen)'}: ${i.message}`)
        .join('; ');
      return { ok: false, id: snap.id, message: `Dokumen ${snap.ref.path} tidak sesuai skema: ${message}` };
    },
  };
}

export async function readRecords<T>(
  col: CollectionReference,
  schema: SafeParser<T>,
): Promise<ReadResult<T>> {
  const snap = await col.withConverter(zodConverter(schema)).get();
  const out: ReadResult<T> = { records: [], invalid: [] };
  for (const d of snap.docs) {
    const p = d.data();
    if (p.ok) out.records.push(p.value);
    else out.invalid.push({ id: p.id, message: p.message });
  }
  return out;
}

// ---- run audit -------------------------------------------------------------------------

/** `berjalan`: a run started and answered at once (runCycle `mulai`), still at work */
export type RunStatus = 'berjalan' | 'selesai' | 'selesai dengan galat' | 'gagal';

export interface RunRecord {
  runId: string;
  /** what ran: a function target (`ingestResponse`) or a CLI command (`run`) */
  kind: string;
  /** caller's email, or e.g. `cli:<user>` */
  caller: string;
  tenant: string;
  startedAt: string; // ISO
  finishedAt: string; // ISO
  /** sha256 of the input (see inputChecksum) */
  inputChecksum: string;
  status: RunStatus;
  /** collection or sheet -> documents written / rows read */
  counts: Record<string, number>;
  /** documents the run's incremental writes wrote, found unchanged, and removed */
  firestore?: SyncTally;
  errorCount: number;
  /** the first errors (a document holds at most 1 MiB); the rest are in quarantine */
  errors: unknown[];
  message?: string;
  /** while `berjalan`: the step at work, in Bahasa Indonesia */
  langkah?: string;
  /** what a run produced, numbers only (no personal data), for callers who poll it */
  hasil?: Record<string, unknown>;
}

/** At most this many errors are copied into a run document. */
export const RUN_ERROR_SAMPLE = 100;

/** Writes the audit document tenants/{tenant}/runs/{runId}; errors beyond the sample are counted. */
export async function writeRun(
  db: Firestore,
  run: Omit<RunRecord, 'errorCount'> & { errorCount?: number },
): Promise<void> {
  const record: RunRecord = {
    ...run,
    errorCount: run.errorCount ?? run.errors.length,
    errors: run.errors.slice(0, RUN_ERROR_SAMPLE),
  };
  await db
    .collection(tenantCollectionPath(run.tenant, COLLECTIONS.runs))
    .doc(run.runId)
    .set(stripUndefined(record as unknown as DocumentData));
}

/**
 * sha256 (hex) of a value's canonical JSON: object keys sorted, so equal input = equal sum.
 * Bytes (a request body as received) are hashed as they are.
 */
export function inputChecksum(value: unknown): string {
  if (Buffer.isBuffer(value)) return createHash('sha256').update(value).digest('hex');
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

function canonicalJson(value: unknown): string {
  // string building without intermediate arrays: a 200-submission body is hashed per call
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      if (i in value) out += canonicalJson(value[i] ?? null); // a hole stays empty, as join() leaves it
    }
    return `${out}]`;
  }
  const obj = value as Record<string, unknown>;
  // default sort = UTF-16 code unit order, as comparing with < and >
  const keys = Object.keys(obj).sort();
  let out = '{';
  for (const k of keys) {
    const v = obj[k];
    if (v === undefined) continue;
    if (out.length > 1) out += ',';
    out += `${JSON.stringify(k)}:${canonicalJson(v)}`;
  }
  return `${out}}`;
}

/** A sortable, unique run id: time first, then randomness. */
export function newRunId(startedAt: string): string {
  const stamp = startedAt.replace(/[-:.]/g, '').replace('T', '-').replace('Z', '');
  return `${stamp}-${randomUUID().slice(0, 8)}`;
}

// ---- coalesced small writes --------------------------------------------------------------

/** One document write by full path (e.g. tenants/t/assessments/r1); data null deletes it. */
export interface PathWrite {
  path: string;
  data: DocumentData | null;
}

export interface CoalescerOptions {
  /** writes per commit (at most 500) */
  maxWrites?: number;
  /** how long the first write of a batch waits for company, in ms */
  maxDelayMs?: number;
  /** commits in flight at once */
  concurrency?: number;
}

interface Pending {
  writes: PathWrite[];
  resolve: () => void;
  reject: (err: unknown) => void;
}

/** Firestore refuses a document over 1 MiB and a commit over 10 MiB; stay below both. */
export const MAX_DOC_BYTES = 1_000_000;
const MAX_COMMIT_BYTES = 9 * 1024 * 1024;

/** Why Firestore would refuse a document path (`collection/id/.../collection/id`), or undefined. */
function pathProblem(path: string): string | undefined {
  const parts = path.split('/');
  if (parts.length % 2 !== 0) return `Jalur dokumen ${path.slice(0, 120)} tidak lengkap`;
  for (const part of parts) {
    const problem = docIdProblem(part);
    if (problem) return problem;
  }
  return undefined;
}

/** A group of writes Firestore would refuse for its size; refused alone, before it shares a commit. */
export class WriteTooLargeError extends Error {
  override readonly name = 'WriteTooLargeError';
}

/** Firestore counts a document's index entries too: at most 40,000, about two per value. */
export const MAX_DOC_VALUES = 19_000;

interface Size {
  bytes: number;
  /** values Firestore indexes (each leaf, each array element) */
  values: number;
}

/**
 * A value's storage size as Firestore counts it (cloud.google.com/firestore/docs/storage-size):
 * a string is its UTF-8 bytes + 1, a number or a time 8, a boolean or null 1, an array or map
 * the sum of its parts (a map's keys counted as strings).
 */
function valueSize(v: unknown, out: Size): void {
  if (typeof v === 'string') {
    out.bytes += Buffer.byteLength(v, 'utf8') + 1;
    out.values++;
  } else if (typeof v === 'number' || v instanceof Date) {
    out.bytes += 8;
    out.values++;
  } else if (v === null || v === undefined || typeof v === 'boolean') {
    out.bytes += 1;
    out.values++;
  } else if (Array.isArray(v)) {
    for (const x of v) valueSize(x, out);
  } else if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    for (const [k, x] of Object.entries(v)) {
      out.bytes += Buffer.byteLength(k, 'utf8') + 1;
      valueSize(x, out);
    }
  } else {
    // Timestamp, FieldValue, GeoPoint...: small fixed sizes
    out.bytes += 16;
    out.values++;
  }
}

/** Storage size of one write: its document name, its fields, and Firestore's 32 bytes. */
function writeSize(w: PathWrite): Size {
  const size: Size = { bytes: 32 + 16, values: 0 };
  for (const part of w.path.split('/')) size.bytes += Buffer.byteLength(part, 'utf8') + 1;
  if (w.data !== null) valueSize(w.data, size);
  return size;
}

/**
 * Gathers the small writes of concurrent requests (a form submission and its run document)
 * into shared commits of up to 500 writes. Each group is committed atomically, in one batch,
 * and its promise settles only when that commit has; a request answers after its data is
 * durable, as with a lone commit. A path already in the forming batch starts a new one, so
 * no commit writes a document twice.
 */
export class WriteCoalescer {
  private readonly maxWrites: number;
  private readonly maxDelayMs: number;
  private readonly concurrency: number;
  private forming: Pending[] = [];
  private formingPaths = new Set<string>();
  private formingSize = 0;
  private formingBytes = 0;
  private timer: NodeJS.Timeout | undefined;
  private ready: Pending[][] = [];
  private inFlight = 0;
  private readonly idle: (() => void)[] = [];

  constructor(
    private readonly db: Firestore,
    opts: CoalescerOptions = {},
  ) {
    this.maxWrites = Math.min(MAX_BATCH_WRITES, opts.maxWrites ?? MAX_BATCH_WRITES);
    this.maxDelayMs = opts.maxDelayMs ?? 5;
    this.concurrency = opts.concurrency ?? 4;
  }

  /**
   * Commits the writes atomically together (at most maxWrites of them). The documents are
   * handed over, not copied: the caller must not change them until the promise settles.
   */
  write(writes: readonly PathWrite[]): Promise<void> {
    if (writes.length === 0) return Promise.resolve();
    if (writes.length > this.maxWrites) {
      return Promise.reject(new Error(`Satu kelompok tulis melebihi ${this.maxWrites} dokumen.`));
    }
    // a group Firestore would refuse must not take other callers' writes down with it
    let bytes = 0;
    for (const w of writes) {
      const problem = pathProblem(w.path);
      if (problem) return Promise.reject(new InvalidDocIdError(`${problem}; dokumen tidak disimpan.`));
      const { bytes: b, values } = writeSize(w);
      if (b > MAX_DOC_BYTES) {
        return Promise.reject(
          new WriteTooLargeError(
            `Dokumen ${w.path} berukuran sekitar ${b} bita, melebihi batas Firestore 1 MiB.`,
          ),
        );
      }
      if (values > MAX_DOC_VALUES) {
        return Promise.reject(
          new WriteTooLargeError(
            `Dokumen ${w.path} memuat ${values} nilai, melebihi batas entri indeks satu dokumen Firestore.`,
          ),
        );
      }
      bytes += b;
    }
    if (bytes > MAX_COMMIT_BYTES) {
      return Promise.reject(
        new WriteTooLargeError(
          `Data satu panggilan berukuran sekitar ${bytes} bita, melebihi batas satu commit Firestore.`,
        ),
      );
    }
    return new Promise<void>((resolve, reject) => {
      const clash = writes.some((w) => this.formingPaths.has(w.path));
      if (
        clash ||
        this.formingSize + writes.length > this.maxWrites ||
        this.formingBytes + bytes > MAX_COMMIT_BYTES
      )
        this.seal();
      this.forming.push({ writes: [...writes], resolve, reject });
      for (const w of writes) this.formingPaths.add(w.path);
      this.formingSize += writes.length;
      this.formingBytes += bytes;
      if (this.formingSize >= this.maxWrites) this.seal();
      else this.timer ??= setTimeout(() => this.seal(), this.maxDelayMs);
    });
  }

  /** Resolves when everything written so far is committed (or failed). */
  async flush(): Promise<void> {
    this.seal();
    if (this.inFlight === 0 && this.ready.length === 0) return;
    await new Promise<void>((resolve) => this.idle.push(resolve));
  }

  private seal(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.forming.length === 0) return;
    this.ready.push(this.forming);
    this.forming = [];
    this.formingPaths = new Set();
    this.formingSize = 0;
    this.formingBytes = 0;
    this.pump();
  }

  private pump(): void {
    while (this.inFlight < this.concurrency && this.ready.length > 0) {
      const group = this.ready.shift() as Pending[];
      this.inFlight++;
      const batch = this.db.batch();
      for (const p of group) {
        for (const w of p.writes) {
          if (w.data === null) batch.delete(this.db.doc(w.path));
          // a document without undefined goes as it is, not deep-copied (see write())
          else batch.set(this.db.doc(w.path), hasUndefined(w.data) ? stripUndefined(w.data) : w.data);
        }
      }
      batch
        .commit()
        .then(
          () => {
            for (const p of group) p.resolve();
          },
          (err: unknown) => {
            for (const p of group) p.reject(err);
          },
        )
        .finally(() => {
          this.inFlight--;
          this.pump();
          if (this.inFlight === 0 && this.ready.length === 0) for (const f of this.idle.splice(0)) f();
        });
    }
  }
}
