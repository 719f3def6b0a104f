/**
 * The embedded Firestore (pure-JS gRPC emulator, @firestore-emulator/server), a development
 * dependency: only the tests, the dev server and the CLI load this module, the last two through
 * loadEmulator() (emulator-loader.ts) so that a deployed function never requires it.
 *
 * Known emulator limits (production code stays within what real Firestore guarantees):
 * no BulkWriter/BatchWrite RPC (use db.batch() of at most 500 writes), collectionGroup and
 * cursors unreliable, FieldValue.delete() ignored, transactions not isolated. Three of its
 * behaviours are patched here: O(n²) document inserts, set() merging instead of replacing, and
 * queries ignoring select() (a projection returned whole documents). Its documents are also made
 * able to hold their fields as plain values (emulator-plain.ts), decoded when read.
 */
import {
  FirestoreServer,
  FirestoreState,
  FirestoreStateCollection,
  FirestoreStateDocument,
} from '@firestore-emulator/server';
import { type PlainFields, toEncodedFields } from './emulator-plain.js';
import { decodeFields } from './emulator-store.js';

export interface EmbeddedEmulator {
  /** the emulator's in-memory state (what emulator-store.ts loads and saves) */
  state: FirestoreState;
  host: string;
  port: number;
  /** `host:port`, the value FIRESTORE_EMULATOR_HOST takes */
  address: string;
  stop(): Promise<void>;
}

interface GrpcServerLike {
  bindAsync(address: string, creds: unknown, cb: (err: Error | null, port: number) => void): void;
  forceShutdown(): void;
}

/**
 * Starts the emulator in this process on 127.0.0.1 and a free port.
 * FirestoreServer.start() binds 0.0.0.0 and does not report the port, so we bind its gRPC
 * server ourselves: loopback only, port 0 = the OS picks a free one.
 */
export async function startEmulator(): Promise<EmbeddedEmulator> {
  speedUpDocumentInserts();
  replaceOnSet();
  projectOnSelect();
  const server = new FirestoreServer();
  const grpc = (server as unknown as { server: GrpcServerLike }).server;
  // the emulator's own @grpc/grpc-js must create the credentials its server accepts
  const { ServerCredentials } = require(
    require.resolve('@grpc/grpc-js', { paths: [require.resolve('@firestore-emulator/server')] }),
  ) as { ServerCredentials: { createInsecure(): unknown } };
  const host = '127.0.0.1';
  const port = await new Promise<number>((resolve, reject) => {
    grpc.bindAsync(`${host}:0`, ServerCredentials.createInsecure(), (err, bound) => {
      if (err) reject(err);
      else resolve(bound);
    });
  });
  return {
    state: server.state,
    host,
    port,
    address: `${host}:${port}`,
    async stop() {
      server.stop();
    },
  };
}

interface CollectionInternals {
  documents: Record<string, unknown>;
  emitter: unknown;
  database: unknown;
}
type DocumentCtor = new (
  emitter: unknown,
  database: unknown,
  parent: unknown,
  name: string,
  fields: object,
  collections: object,
) => object;
let insertsPatched = false;

/** What a document made by the patched getDocument holds besides the emulator's own slots. */
interface LazySlots {
  /** the emulator's field objects, when it wrote or read them last */
  stored: object | undefined;
  /** the fields as plain values, when written or loaded by us (emulator-store.ts) */
  plain: PlainFields | undefined;
}

/**
 * The emulator's document class with `fields` made an accessor: a document given plain values
 * (setPlain) keeps only those and builds the emulator's field objects each time it is read, so
 * the state of a large store costs about a third of the memory; a write by the emulator itself
 * stores its field objects as before.
 */
function lazyDocumentClass(): DocumentCtor {
  const Base = FirestoreStateDocument as unknown as DocumentCtor;
  const Lazy = class extends Base {};
  Object.defineProperty(Lazy.prototype, 'fields', {
    get(this: LazySlots) {
      if (this.stored) return this.stored;
      return this.plain ? decodeFields(toEncodedFields(this.plain)) : {};
    },
    set(this: LazySlots, fields: object) {
      this.stored = fields;
      this.plain = undefined;
    },
  });
  Object.defineProperty(Lazy.prototype, 'setPlain', {
    value(this: LazySlots, plain: PlainFields) {
      this.plain = plain;
      this.stored = undefined;
    },
  });
  Object.defineProperty(Lazy.prototype, 'plainFields', {
    get(this: LazySlots) {
      return this.stored ? undefined : this.plain;
    },
  });
  return Lazy;
}

/**
 * The emulator adds a document to a collection with immer's produce(), which copies the whole
 * document map on every new id: writing n documents costs O(n²) (47,000 documents took four
 * minutes). Adding the new document to the map in place makes a write O(1); nothing in the
 * emulator keeps an old copy of the map (reads take Object.values at query time). The new
 * document is of the lazy class above.
 */
function speedUpDocumentInserts(): void {
  if (insertsPatched) return;
  insertsPatched = true;
  const Doc = lazyDocumentClass();
  (FirestoreStateCollection.prototype as unknown as { getDocument(name: string): unknown }).getDocument =
    function (this: CollectionInternals, name: string) {
      let doc = this.documents[name];
      if (!doc) {
        // immer froze the map it produced: take one mutable copy, then add in place
        if (Object.isFrozen(this.documents)) this.documents = { ...this.documents };
        doc = new Doc(this.emitter, this.database, this, name, {}, EMPTY);
        this.documents[name] = doc;
      }
      return doc;
    };
}

/** A new document's (empty) subcollections, shared: the emulator replaces it, never changes it. */
const EMPTY = Object.freeze({});

interface V1Write {
  has_update?: boolean;
  update?: { name: string };
  update_mask?: { field_paths?: string[] } | null;
}
interface StateInternals {
  getDocument(name: string): { metadata: { hasExist: boolean }; fields: object };
  writeV1Document(date: Date, write: V1Write): unknown;
}
let setPatched = false;

/**
 * Firestore's set() (a write without an update mask) replaces the whole document; the
 * emulator merges the new fields into the old ones, so a field the new version no longer has
 * would survive. Clearing the stored fields first gives Firestore's behaviour; a merge
 * (set with merge, update()) sends a mask and is left as it is.
 */
function replaceOnSet(): void {
  if (setPatched) return;
  setPatched = true;
  const proto = FirestoreState.prototype as unknown as StateInternals;
  const write = proto.writeV1Document;
  proto.writeV1Document = function (this: StateInternals, date: Date, w: V1Write) {
    if (w.has_update && w.update && !w.update_mask?.field_paths?.length) {
      const doc = this.getDocument(w.update.name);
      if (doc.metadata.hasExist) doc.fields = {};
    }
    return write.call(this, date, w);
  };
}

interface V1Query {
  has_select?: boolean;
  select?: { fields?: { field_path?: string }[] } | null;
}
interface QueryInternals {
  v1Query(parent: string, query: V1Query): { fields: Record<string, unknown> }[];
}
let selectPatched = false;

/**
 * A query with select(a, b) returns only those fields on Firestore (what the incremental
 * writes rely on to read a collection's hashes cheaply); the emulator returns every field.
 * Each result becomes a view of its document holding only the selected top-level fields
 * (`__name__` alone, as select() sends, keeps none). A dotted path selects nothing here:
 * stricter than Firestore, which would return that part of the map.
 */
function projectOnSelect(): void {
  if (selectPatched) return;
  selectPatched = true;
  const proto = FirestoreState.prototype as unknown as QueryInternals;
  const query = proto.v1Query;
  proto.v1Query = function (this: QueryInternals, parent: string, q: V1Query) {
    const docs = query.call(this, parent, q);
    if (!q.has_select || !q.select?.fields?.length) return docs;
    const wanted = q.select.fields.map((f) => f.field_path ?? '');
    return docs.map((doc) => {
      const view = Object.create(doc) as { fields: Record<string, unknown> };
      const fields: Record<string, unknown> = {};
      for (const name of wanted) if (name in doc.fields) fields[name] = doc.fields[name];
      view.fields = fields;
      return view;
    });
  };
}
