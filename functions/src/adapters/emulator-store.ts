/**
 * Durable storage for the embedded Firestore emulator, so a local `bangkom run` a year later
 * sees the cycles before it. The emulator keeps everything in memory; this module loads its
 * state from one file at start and writes it back at the end.
 *
 * File (`firestore.bkdb` in the data folder), JSON lines:
 *   line 1  `bangkom-firestore`                     magic
 *   line 2  { format, documents, savedAt }          header
 *   then    one line per document: { p: path, c: created ms, u: updated ms, f: fields }
 *           fields in the emulator's own typed form ({ t: "integer_value", v: 3 }, maps and
 *           arrays nested), so integers stay integers and timestamps stay timestamps; a double
 *           JSON cannot hold (NaN, ±infinity, -0) is written as its text ("NaN", "-0").
 * Loaded documents keep their fields as plain values (emulator-plain.ts).
 * A store written by a newer format is refused, never guessed at.
 *
 * Writing goes to a temporary file in the same folder, fsync, then rename: a crash leaves
 * either the old store or the new one, never half of one.
 *
 * Documents appended after a save (the run audit of a rerun that changed nothing else) go to a
 * journal beside the store (emulator-journal.ts), read after it and folded in by the next save.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, fsyncSync, openSync, readSync, statSync, writeSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { FirestoreState } from '@firestore-emulator/server';
import {
  type Encoded,
  encodedFieldsJson,
  fromEncodedFields,
  fromJsonDouble,
  jsonDouble,
  type PlainFields,
  plainScalar,
  toEncodedFields,
} from './emulator-plain.js';

/** The format this version writes and the newest it reads. */
export const STORE_FORMAT = 1;
export const STORE_FILE = 'firestore.bkdb';
const MAGIC = 'bangkom-firestore';

export interface StoreHeader {
  format: number;
  documents: number;
  savedAt: string;
}

export interface StoreStats {
  documents: number;
  bytes: number;
  ms: number;
  /** sha256 (hex) of the store file as saved (saveStore only) */
  sha256?: string;
  /** the saved file's stamp (storeStamp), taken once it was in place (saveStore only) */
  stamp?: string;
  /** the loaded store's header `savedAt` (loadStore, when there was a store) */
  savedAt?: string;
}

/** A store that cannot be read or written; the message is for the user (Bahasa Indonesia). */
export class StoreError extends Error {
  override name = 'StoreError';
}

// The emulator's typed field values: { type, value } objects of one class per Firestore type.
export interface FieldValue {
  type: string;
  value: unknown;
}
type FieldCtor = new (value?: unknown) => FieldValue;
let fieldClasses: Map<string, FieldCtor> | undefined;

/** One value of each Firestore type, as a v1 Value object (what a client sends). */
const PROBE: Record<string, unknown> = {
  string_value: { string_value: 'x' },
  null_value: { null_value: 0 },
  boolean_value: { boolean_value: true },
  integer_value: { integer_value: 1 },
  double_value: { double_value: 0.5 },
  timestamp_value: { timestamp_value: { seconds: 0, nanos: 0 } },
  bytes_value: { bytes_value: new Uint8Array([1]) },
  reference_value: { reference_value: 'projects/p/databases/(default)/documents/c/d' },
  geo_point_value: { geo_point_value: { latitude: 0, longitude: 0 } },
  array_value: { array_value: { values: [] } },
  map_value: { map_value: { fields: {} } },
};

/**
 * The emulator's field classes by type name. They live inside its bundle (comparisons use
 * instanceof, so copies from another module would never match a query): one probe document
 * written through a throwaway state of the same bundle hands us each class.
 */
function fieldClass(type: string): FieldCtor | undefined {
  if (!fieldClasses) {
    const from = { paths: [require.resolve('@firestore-emulator/server')] };
    const { Write } = require(
      require.resolve('@firestore-emulator/proto/dist/google/firestore/v1/write', from),
    ) as { Write: { fromObject(o: unknown): unknown } };
    const { FirestoreState: State } = require('@firestore-emulator/server') as {
      FirestoreState: new () => FirestoreState;
    };
    const probe = new State();
    const name = 'projects/p/databases/(default)/documents/c/d';
    probe.writeV1Document(
      new Date(0),
      Write.fromObject({ update: { name, fields: PROBE } }) as Parameters<
        FirestoreState['writeV1Document']
      >[1],
    );
    const fields = (probe.getDocument(name) as unknown as DocNode).fields;
    fieldClasses = new Map(Object.entries(fields).map(([k, f]) => [k, f.constructor as FieldCtor]));
  }
  return fieldClasses.get(type);
}

function encode(field: FieldValue): Encoded {
  switch (field.type) {
    case 'array_value':
      return { t: field.type, v: (field.value as FieldValue[]).map(encode) };
    case 'map_value':
      return { t: field.type, v: encodeFields(field.value as Record<string, FieldValue>) };
    case 'bytes_value':
      return { t: field.type, v: Buffer.from(field.value as Uint8Array).toString('base64') };
    case 'null_value':
      return { t: field.type, v: null };
    case 'double_value':
      return { t: field.type, v: jsonDouble(field.value as number) };
    default:
      return { t: field.type, v: field.value };
  }
}

function encodeFields(fields: Record<string, FieldValue>): Record<string, Encoded> {
  const out: Record<string, Encoded> = {};
  for (const [k, f] of Object.entries(fields)) out[k] = encode(f);
  return out;
}

function decode(e: Encoded): FieldValue {
  const ctor = fieldClass(e.t);
  if (!ctor) throw new Error(`jenis nilai tidak dikenal: ${e.t}`);
  switch (e.t) {
    case 'array_value':
      return new ctor((e.v as Encoded[]).map(decode));
    case 'map_value':
      return new ctor(decodeFields(e.v as Record<string, Encoded>));
    case 'bytes_value':
      return new ctor(new Uint8Array(Buffer.from(e.v as string, 'base64')));
    case 'null_value':
      return new ctor();
    case 'double_value':
      return new ctor(fromJsonDouble(e.v));
    default:
      return new ctor(e.v);
  }
}

export function decodeFields(fields: Record<string, Encoded>): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const [k, e] of Object.entries(fields)) out[k] = decode(e);
  return out;
}

// The emulator's state tree: projects -> databases -> collections -> documents -> collections.
export interface DocMetadata {
  hasExist: boolean;
  createdAt: Date | null;
  updatedAt: Date | null;
}
export interface DocNode {
  /** the document's id (the last part of its path) */
  readonly name: string;
  metadata: DocMetadata;
  fields: Record<string, FieldValue>;
  collections: Record<string, CollectionNode>;
  emitter: { emit(event: string, payload: object): void };
  getPath(): string;
  /** the fields as plain values, when the document holds them so (emulator.ts); else undefined */
  readonly plainFields?: PlainFields | undefined;
  /** makes the document hold `plain` (present on documents of the patched emulator) */
  setPlain?(plain: PlainFields): void;
}

/** Makes `doc` hold these fields: kept plain where the emulator was patched to allow it. */
export function setDocFields(doc: DocNode, plain: PlainFields): void {
  if (doc.setPlain) doc.setPlain(plain);
  else doc.fields = decodeFields(toEncodedFields(plain));
}

/** Metadata shared by the documents written or loaded with the same times (never changed in place). */
export class MetadataCache {
  private readonly byTimes = new Map<string, DocMetadata>();
  get(created: number, updated: number): DocMetadata {
    const key = `${created}:${updated}`;
    let meta = this.byTimes.get(key);
    if (!meta) {
      const createdAt = new Date(created);
      const updatedAt = updated === created ? createdAt : new Date(updated);
      meta = Object.freeze({ hasExist: true, createdAt, updatedAt });
      this.byTimes.set(key, meta);
    }
    return meta;
  }
}
export interface CollectionNode {
  documents: Record<string, DocNode>;
  getDocument(id: string): DocNode;
  /** projects/{p}/databases/{d}/documents/... down to this collection */
  getPath(): string;
}
interface StateNodes {
  projects: Record<string, { databases: Record<string, { collections: Record<string, CollectionNode> }> }>;
}

/**
 * Every stored document with the path of its collection, in the tree's order (a document, then
 * its subcollections' documents). A plain walk: a million documents through nested generators
 * took seconds, and each collection's path is built once instead of once per document.
 */
export function eachDocument(
  state: FirestoreState,
  visit: (doc: DocNode, collectionPath: string) => void,
): void {
  const walk = (c: CollectionNode): void => {
    const path = c.getPath();
    const docs = Object.values(c.documents);
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i] as DocNode;
      if (doc.metadata.hasExist) visit(doc, path);
      const subs = doc.collections;
      for (const name in subs) walk(subs[name] as CollectionNode);
    }
  };
  for (const project of Object.values((state as unknown as StateNodes).projects)) {
    for (const database of Object.values(project.databases)) {
      for (const c of Object.values(database.collections)) walk(c);
    }
  }
}

export interface Line {
  p: string;
  c: number;
  u: number;
  f: Record<string, Encoded>;
}

/**
 * The file's lines, read in chunks: a 50,000-ASN store is about 800 MB, never one string. Lines
 * are cut at the byte 0x0A (never part of a multi-byte UTF-8 character) and each decoded alone.
 */
function* fileLines(fd: number): Generator<string> {
  let buf = Buffer.allocUnsafe(READ_CHUNK);
  // the bytes read and not yet yielded: [start, end)
  let start = 0;
  let end = 0;
  for (;;) {
    const filled = buf.subarray(0, end);
    for (let nl = filled.indexOf(10, start); nl >= 0; nl = filled.indexOf(10, start)) {
      yield buf.toString('utf8', start, nl);
      start = nl + 1;
    }
    // the partial line to the front; a line longer than the buffer doubles it
    if (start > 0) {
      buf.copy(buf, 0, start, end);
      end -= start;
      start = 0;
    }
    if (end === buf.length) {
      // one document is at most a few MB; this much without a line break is not our file
      if (buf.length >= MAX_LINE) throw new Error('baris terlalu panjang');
      const bigger = Buffer.allocUnsafe(buf.length * 2);
      buf.copy(bigger, 0, 0, end);
      buf = bigger;
    }
    const n = readSync(fd, buf, end, buf.length - end, null);
    if (n === 0) break;
    end += n;
  }
  if (end > 0) yield buf.toString('utf8', 0, end);
}

const READ_CHUNK = 8 * 1024 * 1024;
const MAX_LINE = 256 * 1024 * 1024;

/**
 * Reads the store in `dir` into the (empty) emulator state, line by line. No file yet: nothing
 * to load (the first run). Returns what was loaded.
 */
export async function loadStore(dir: string, state: FirestoreState): Promise<StoreStats> {
  const t0 = performance.now();
  const path = join(dir, STORE_FILE);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { documents: 0, bytes: 0, ms: 0 };
    throw unreadable(path, err);
  }
  const collections = new Map<string, CollectionNode>();
  const metadata = new MetadataCache();
  let count = 0;
  let lineNo = 0;
  let header: StoreHeader | undefined;
  let bytes = 0;
  try {
    bytes = fstatSync(fd).size;
    const head: string[] = [];
    for (const text of fileLines(fd)) {
      lineNo++;
      if (!header) {
        head.push(text);
        if (head.length === 2 || text !== MAGIC) header = readHeader(head, path);
        continue;
      }
      let line: Line;
      let fields: PlainFields;
      try {
        line = JSON.parse(text) as Line;
        fields = fromEncodedFields(line.f);
      } catch {
        throw damaged(path, lineNo);
      }
      place(state, collections, line, fields, metadata);
      count++;
    }
  } catch (err) {
    if (err instanceof StoreError) throw err;
    throw unreadable(path, err);
  } finally {
    closeSync(fd);
  }
  header ??= readHeader([], path);
  if (count !== header.documents) throw damaged(path, lineNo + 1);
  return { documents: count, bytes, ms: performance.now() - t0, savedAt: header.savedAt };
}

/**
 * One stored document straight into the emulator's tree (a write through it would re-encode every
 * field), its fields kept plain; true when it was not there yet. `collections` caches the parents
 * by path, `metadata` the documents' times.
 */
export function place(
  state: FirestoreState,
  collections: Map<string, CollectionNode>,
  line: Line,
  fields: PlainFields,
  metadata: MetadataCache,
): boolean {
  const slash = line.p.lastIndexOf('/');
  const parent = line.p.slice(0, slash);
  let collection = collections.get(parent);
  if (!collection) {
    collection = state.getCollection(parent) as unknown as CollectionNode;
    collections.set(parent, collection);
  }
  const doc = collection.getDocument(line.p.slice(slash + 1));
  const existed = doc.metadata.hasExist;
  setDocFields(doc, fields);
  doc.metadata = metadata.get(line.c, line.u);
  return !existed;
}

/**
 * `read` applied to the store file in `dir`, opened for reading and always closed; undefined
 * when there is no store file or `read` throws (a store that is not ours, or a read error).
 */
function fromStoreFile<T>(dir: string, read: (fd: number, path: string) => T): T | undefined {
  const path = join(dir, STORE_FILE);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    return read(fd, path);
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** The header of the store in `dir`, or undefined when there is none (or it is not ours). */
export function readStoreHeader(dir: string): StoreHeader | undefined {
  return fromStoreFile(dir, (fd, path) => {
    const head: string[] = [];
    for (const text of fileLines(fd)) {
      head.push(text);
      if (head.length === 2) break;
    }
    return readHeader(head, path);
  });
}

/** sha256 (hex) of the store file in `dir`, streamed; undefined when there is none. */
export function storeDigest(dir: string): string | undefined {
  return fromStoreFile(dir, (fd) => {
    const hash = createHash('sha256');
    const chunk = Buffer.alloc(READ_CHUNK);
    for (
      let n = readSync(fd, chunk, 0, READ_CHUNK, null);
      n > 0;
      n = readSync(fd, chunk, 0, READ_CHUNK, null)
    ) {
      hash.update(chunk.subarray(0, n));
    }
    return hash.digest('hex');
  });
}

/**
 * The store file's stamp: device, inode, size and the modification and change times in
 * nanoseconds, or undefined when there is none. Any write to the file, or a file put in its place,
 * changes it (the change time cannot be set back by a program; file times tick every few ms, and a
 * store is saved once per run), so a stamp recorded right after a save vouches for the bytes saved
 * without reading hundreds of megabytes again.
 */
export function storeStamp(dir: string): string | undefined {
  try {
    const s = statSync(join(dir, STORE_FILE), { bigint: true });
    return s.isFile() ? `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether the store file in `dir` is still the one saved with digest `sha256` and stamp `stamp`:
 * the same stamp is enough; another stamp (the file copied, restored or touched) is checked by
 * hashing the file. Returns the file's current stamp when it is that store, else undefined.
 */
export function sameStore(dir: string, sha256: string, stamp: string | undefined): string | undefined {
  const now = storeStamp(dir);
  if (now === undefined) return undefined;
  if (stamp !== undefined && now === stamp) return now;
  // hashed between two equal stamps: the bytes hashed are the file of that stamp
  return storeDigest(dir) === sha256 && storeStamp(dir) === now ? now : undefined;
}

function unreadable(path: string, err: unknown): StoreError {
  return new StoreError(
    `Data lokal ${path} tidak dapat dibaca (${(err as NodeJS.ErrnoException).code ?? 'galat'}).`,
  );
}

function readHeader(lines: readonly string[], path: string): StoreHeader {
  if (lines[0] !== MAGIC || lines.length < 2) {
    throw new StoreError(
      `${path} bukan berkas data bangkom. Pilih folder lain dengan --data, atau mulai kosong dengan --fresh.`,
    );
  }
  let header: StoreHeader;
  try {
    header = JSON.parse(lines[1] as string) as StoreHeader;
  } catch {
    throw damaged(path, 2);
  }
  if (!Number.isInteger(header.format) || !Number.isInteger(header.documents)) throw damaged(path, 2);
  if (header.format > STORE_FORMAT) {
    throw new StoreError(
      `Data lokal ${path} ditulis oleh bangkom yang lebih baru (format ${header.format}; versi ini membaca sampai format ${STORE_FORMAT}). Perbarui bangkom, atau pakai folder lain dengan --data.`,
    );
  }
  return header;
}

const toEncodedOrStored = (doc: DocNode): Record<string, Encoded> => {
  const plain = doc.plainFields;
  return plain ? toEncodedFields(plain) : encodeFields(doc.fields);
};

/**
 * A stored document as one line of the file: `JSON.stringify(lineOf(doc))`, written straight as
 * text for a document holding plain values (emulator-plain.ts encodedFieldsJson).
 * `collectionPath`: its collection's path when the caller has it (eachDocument), else asked for.
 */
export function lineText(doc: DocNode, collectionPath?: string): string {
  const plain = doc.plainFields;
  const c = doc.metadata.createdAt?.getTime() ?? 0;
  const u = doc.metadata.updatedAt?.getTime() ?? 0;
  if (!plain || !Number.isFinite(c) || !Number.isFinite(u)) return JSON.stringify(lineOf(doc));
  const path = collectionPath === undefined ? doc.getPath() : `${collectionPath}/${doc.name}`;
  return `{"p":${JSON.stringify(path)},"c":${c},"u":${u},"f":${encodedFieldsJson(plain)}}`;
}

/** A stored document as one line of the file. */
export function lineOf(doc: DocNode): Line {
  return {
    // the path from the collection down (projects/{p}/databases/{d}/documents/...)
    p: doc.getPath(),
    c: doc.metadata.createdAt?.getTime() ?? 0,
    u: doc.metadata.updatedAt?.getTime() ?? 0,
    f: toEncodedOrStored(doc),
  };
}

export function damaged(path: string, line: number): StoreError {
  return new StoreError(
    `Data lokal ${path} rusak (baris ${line.toLocaleString('id-ID')}). Pulihkan dari cadangan, atau mulai kosong dengan --fresh.`,
  );
}

/** Lines are written in pieces of at most this many bytes (never the whole store at once). */
const WRITE_CHUNK = 4 * 1024 * 1024;

/** Writes the whole emulator state to `dir` atomically (temporary file, fsync, rename), streamed. */
export async function saveStore(dir: string, state: FirestoreState, savedAt: Date): Promise<StoreStats> {
  const t0 = performance.now();
  const path = join(dir, STORE_FILE);
  const temp = `${path}.${process.pid}.tmp`;
  let bytes = 0;
  let documents = 0;
  const hash = createHash('sha256');
  try {
    await mkdir(dir, { recursive: true });
    // one walk: the documents and their collections' paths, in the file's order; no await from
    // here to the last line written, so the state cannot change in between
    const docs: DocNode[] = [];
    const paths: string[] = [];
    eachDocument(state, (doc, collectionPath) => {
      docs.push(doc);
      paths.push(collectionPath);
    });
    documents = docs.length;
    const header: StoreHeader = { format: STORE_FORMAT, documents, savedAt: savedAt.toISOString() };
    const fd = openSync(temp, 'w');
    try {
      // lines are encoded straight into one buffer, written out when full
      const out = Buffer.allocUnsafe(WRITE_CHUNK);
      let used = 0;
      const flush = (body: Buffer): void => {
        writeSync(fd, body);
        hash.update(body);
        bytes += body.length;
      };
      const put = (text: string): void => {
        // at most 3 bytes per UTF-16 unit, and the line break
        const most = text.length * 3 + 1;
        if (used + most > out.length) {
          if (used > 0) flush(out.subarray(0, used));
          used = 0;
          if (most > out.length) {
            flush(Buffer.from(`${text}\n`, 'utf8'));
            return;
          }
        }
        used += out.write(text, used, 'utf8');
        out[used++] = 0x0a;
      };
      put(MAGIC);
      put(JSON.stringify(header));
      for (let i = 0; i < documents; i++) put(lineText(docs[i] as DocNode, paths[i]));
      if (used > 0) flush(out.subarray(0, used));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true });
    throw new StoreError(
      `Data lokal tidak dapat disimpan di ${dir} (${(err as NodeJS.ErrnoException).code ?? 'galat'}); data sebelumnya tetap utuh.`,
    );
  }
  const stamp = storeStamp(dir);
  return {
    documents,
    bytes,
    ms: performance.now() - t0,
    sha256: hash.digest('hex'),
    ...(stamp ? { stamp } : {}),
  };
}

/** A stored document's chosen top-level fields, as plain values. */
export interface StoredFields {
  id: string;
  data: Record<string, unknown>;
}

/** Reads the chosen fields of a collection's documents (`tenants/t/employees`). */
export type StoredFieldsReader = (
  collectionPath: string,
  fields: readonly string[],
) => Iterable<StoredFields>;

/** A scalar field as a plain value; maps, arrays and other types are not read here. */
function scalar(field: FieldValue): unknown {
  switch (field.type) {
    case 'string_value':
    case 'integer_value':
    case 'double_value':
    case 'boolean_value':
      return field.value;
    case 'null_value':
      return null;
    default:
      return undefined;
  }
}

/**
 * The in-process emulator's documents read straight from its state, without a query: what a
 * select() of scalar fields returns over gRPC, at a fraction of the cost (a query serialises
 * each document twice, about a millisecond apiece on this machine). Only for the embedded
 * emulator of `bangkom run`; any other Firestore is queried (firestore-sync.ts).
 */
export function stateFieldsReader(state: FirestoreState, projectId: string): StoredFieldsReader {
  return function* read(collectionPath, fields) {
    const database = (state as unknown as StateNodes).projects[projectId]?.databases['(default)'];
    const parts = collectionPath.split('/');
    let collection = database?.collections[parts[0] ?? ''];
    for (let i = 1; collection && i + 1 < parts.length; i += 2) {
      collection = collection.documents[parts[i] ?? '']?.collections[parts[i + 1] ?? ''];
    }
    if (!collection || parts.length % 2 === 0) return;
    for (const [id, doc] of Object.entries(collection.documents)) {
      if (!doc.metadata.hasExist) continue;
      const data: Record<string, unknown> = {};
      const plain = doc.plainFields;
      const stored = plain ? undefined : doc.fields;
      for (const f of fields) {
        let value: unknown;
        if (plain) value = plainScalar(plain[f]);
        else {
          const field = stored?.[f];
          value = field ? scalar(field) : undefined;
        }
        if (value !== undefined) data[f] = value;
      }
      yield { id, data };
    }
  };
}
