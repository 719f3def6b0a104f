/**
 * The embedded Firestore (pure-JS gRPC emulator, @firestore-emulator/server) and the one
 * place that turns a project id into a firebase-admin Firestore, emulated or real.
 *
 * Known emulator limits (production code stays within what real Firestore guarantees):
 * no BulkWriter/BatchWrite RPC (use db.batch() of at most 500 writes), collectionGroup and
 * cursors unreliable, FieldValue.delete() ignored, transactions not isolated. Two of its
 * behaviours are patched here: O(n²) document inserts, and set() merging instead of replacing.
 */
import {
  FirestoreServer,
  FirestoreState,
  FirestoreStateCollection,
  FirestoreStateDocument,
} from '@firestore-emulator/server';
import { type App, deleteApp, getApps, initializeApp } from 'firebase-admin/app';
import { type Firestore, getFirestore } from 'firebase-admin/firestore';

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
) => unknown;
let insertsPatched = false;

/**
 * The emulator adds a document to a collection with immer's produce(), which copies the whole
 * document map on every new id: writing n documents costs O(n²) (47,000 documents took four
 * minutes). Adding the new document to the map in place makes a write O(1); nothing in the
 * emulator keeps an old copy of the map (reads take Object.values at query time).
 */
function speedUpDocumentInserts(): void {
  if (insertsPatched) return;
  insertsPatched = true;
  const Doc = FirestoreStateDocument as unknown as DocumentCtor;
  (FirestoreStateCollection.prototype as unknown as { getDocument(name: string): unknown }).getDocument =
    function (this: CollectionInternals, name: string) {
      let doc = this.documents[name];
      if (!doc) {
        // immer froze the map it produced: take one mutable copy, then add in place
        if (Object.isFrozen(this.documents)) this.documents = { ...this.documents };
        doc = new Doc(this.emitter, this.database, this, name, {}, {});
        this.documents[name] = doc;
      }
      return doc;
    };
}

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

export interface ConnectOptions {
  projectId: string;
  /**
   * `host:port` of an emulator. When omitted, FIRESTORE_EMULATOR_HOST decides; when that is
   * unset too, the real Firestore of the project is used with Application Default Credentials.
   */
  emulatorHost?: string;
  /** Firestore database id (default "(default)") */
  databaseId?: string;
}

const connections = new Map<string, Firestore>();

/**
 * A firebase-admin Firestore for a project. Each (project, emulator, database) gets its own
 * named App, reused on later calls, so a test can talk to several emulators at once.
 * `ignoreUndefinedProperties`: Firestore rejects `undefined`; optional fields are omitted.
 */
export function connectFirestore(opts: ConnectOptions): Firestore {
  const emulatorHost = opts.emulatorHost ?? process.env.FIRESTORE_EMULATOR_HOST;
  const databaseId = opts.databaseId ?? '(default)';
  const key = `${opts.projectId}|${emulatorHost ?? 'cloud'}|${databaseId}`;
  const cached = connections.get(key);
  if (cached) return cached;

  if (emulatorHost) {
    // no metadata server on a laptop or CI: do not wait for its detection timeout
    process.env.METADATA_SERVER_DETECTION ??= 'none';
  }
  const appName = `bangkom:${key}`;
  const app: App =
    getApps().find((a) => a.name === appName) ?? initializeApp({ projectId: opts.projectId }, appName);
  // firebase-admin's initializeFirestore only forwards preferRest; the rest goes through
  // settings(), allowed once, before first use (hence the cache above)
  const db = getFirestore(app, databaseId);
  db.settings(
    emulatorHost
      ? { host: emulatorHost, ssl: false, ignoreUndefinedProperties: true }
      : { ignoreUndefinedProperties: true },
  );
  connections.set(key, db);
  return db;
}

/** Closes every connection connectFirestore opened (end of a test file, CLI exit). */
export async function closeFirestoreConnections(): Promise<void> {
  // a read's stream ends (and its promise resolves) before the call's gRPC status arrives;
  // closing at once cancels such a call, and its late "Call cancelled" status is decoded after
  // the caller has gone (under jest: after the test file's teardown, which then fails). Measured
  // in the emulator tests: one such call at close in about half the runs; none after 50 ms.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const apps = getApps().filter((a) => a.name.startsWith('bangkom:'));
  connections.clear();
  await Promise.all(apps.map((a) => deleteApp(a)));
}
