/**
 * Which Firestore a local command (`bangkom run`) talks to, and whether it answers.
 *
 * FIRESTORE_EMULATOR_HOST set -> that emulator; else GOOGLE_CLOUD_PROJECT (or GCLOUD_PROJECT)
 * set -> the real Firestore of that project (Application Default Credentials); else an emulator
 * started in this process on 127.0.0.1, loaded from its data folder (`.bangkom` beside the
 * workbook unless another folder is given; `fresh` starts empty), whose `save` writes the
 * state back there (see emulator-store.ts), so the next year's run sees this one. When the caller
 * knows the store is exactly what its previous run left (`storeUnchanged`), the emulator starts
 * empty instead and `save` appends what this run wrote to the store's journal
 * (emulator-journal.ts).
 */
import { connect } from 'node:net';
import { dirname, join } from 'node:path';
import type { Firestore } from 'firebase-admin/firestore';
import { appendJournal, loadJournal, removeJournal } from './emulator-journal.js';
import { startEmbeddedEmulator } from './emulator-loader.js';
import {
  loadStore,
  type StoredFieldsReader,
  type StoreStats,
  saveStore,
  stateFieldsReader,
} from './emulator-store.js';
import { stateBatchWriter } from './emulator-writer.js';
import { closeFirestoreConnections, connectFirestore } from './firestore-connection.js';
import { firestoreFailure } from './firestore-failure.js';
import type { BatchWriter } from './firestore-sync.js';

/** Project id for an emulator when none is configured. */
export const LOCAL_PROJECT = 'bangkom-lokal';
/** The in-process emulator's data folder, beside the workbook unless another folder is given. */
export const DATA_DIR = '.bangkom';

export interface FirestoreTarget {
  db: Firestore;
  target: 'emulator-dalam-proses' | 'emulator' | 'firestore';
  /** host:port of an emulator, or the project id */
  location: string;
  /** how the text report names it */
  description: string;
  /** the in-process emulator's data folder and what was loaded from it */
  data?: LocalData;
  /** the in-process emulator's documents read without a query (stored hashes) */
  reader?: StoredFieldsReader;
  /** the in-process emulator's sync batches written into its state without the client */
  writer?: BatchWriter;
  close(): Promise<void>;
}

/** The persistent store of the in-process emulator. */
export interface LocalData {
  dir: string;
  fresh: boolean;
  /**
   * the store was left as the caller's previous run saved it (`storeUnchanged`): not loaded, the
   * emulator started empty, and `save` appends its documents to the journal
   */
  unchanged: boolean;
  loaded: StoreStats;
  /**
   * writes the emulator's whole state to `dir` (atomically), or appends it (`unchanged`); the
   * store file's stamp afterwards either way, its sha256 when it was written
   */
  save(at: Date): Promise<StoreStats>;
}

export interface TargetRequest {
  env: Readonly<Record<string, string | undefined>>;
  /** the in-process emulator's data folder, already resolved; undefined: beside the workbook */
  dataDir: string | undefined;
  /** start the in-process emulator empty instead of loading its data folder */
  fresh: boolean;
  /** the workbook's absolute path (asked only when the default data folder is needed) */
  workbookPath(): Promise<string>;
  /**
   * the store file's stamp (emulator-store.ts storeStamp) when the store in this data folder is
   * the one the caller's previous run left, else undefined
   */
  storeUnchanged?: (dir: string) => string | undefined;
}

/** Chooses and connects the Firestore of a local run; errors are for the user (Bahasa Indonesia). */
export async function openFirestoreTarget(req: TargetRequest): Promise<FirestoreTarget> {
  const { env, dataDir, fresh } = req;
  const project = env.GOOGLE_CLOUD_PROJECT ?? env.GCLOUD_PROJECT;
  const emulatorHost = env.FIRESTORE_EMULATOR_HOST;
  if ((emulatorHost || project) && (dataDir !== undefined || fresh)) {
    throw new Error(
      `--data dan --fresh hanya berlaku untuk emulator dalam proses; data disimpan oleh ${emulatorHost ? `emulator di ${emulatorHost}` : `Firestore proyek ${project}`}.`,
    );
  }
  if (emulatorHost) {
    const projectId = project ?? LOCAL_PROJECT;
    return {
      db: connectFirestore({ projectId, emulatorHost }),
      target: 'emulator',
      location: emulatorHost,
      description: `emulator Firestore di ${emulatorHost} (proyek ${projectId})`,
      close: closeFirestoreConnections,
    };
  }
  if (project) {
    return {
      db: connectFirestore({ projectId: project }),
      target: 'firestore',
      location: project,
      description: `Firestore proyek ${project}`,
      close: closeFirestoreConnections,
    };
  }
  const dir = dataDir ?? join(dirname(await req.workbookPath()), DATA_DIR);
  const stamp = fresh ? undefined : req.storeUnchanged?.(dir);
  const unchanged = stamp !== undefined;
  const emulator = await startEmbeddedEmulator();
  let loaded: StoreStats = { documents: 0, bytes: 0, ms: 0 };
  try {
    if (!fresh && !unchanged) {
      loaded = await loadStore(dir, emulator.state);
      const journal = loadJournal(dir, emulator.state, loaded.savedAt);
      loaded = {
        ...loaded,
        documents: loaded.documents + journal.added,
        bytes: loaded.bytes + journal.bytes,
      };
    }
  } catch (err) {
    await emulator.stop();
    throw err;
  }
  const save = async (at: Date): Promise<StoreStats> => {
    const t0 = performance.now();
    if (unchanged) {
      // the store file itself is not written: it keeps the stamp it was recognised by
      return { ...(await appendJournal(dir, emulator.state)), ms: performance.now() - t0, stamp };
    }
    const saved = await saveStore(dir, emulator.state, at);
    // the journal's documents are in the store now
    await removeJournal(dir);
    return saved;
  };
  return {
    db: connectFirestore({ projectId: LOCAL_PROJECT, emulatorHost: emulator.address }),
    target: 'emulator-dalam-proses',
    location: emulator.address,
    description: `emulator Firestore dalam proses di ${emulator.address} (data di ${dir})`,
    data: { dir, fresh, unchanged, loaded, save },
    reader: stateFieldsReader(emulator.state, LOCAL_PROJECT),
    writer: stateBatchWriter(emulator.state, LOCAL_PROJECT),
    async close() {
      await closeFirestoreConnections();
      await emulator.stop();
    },
  };
}

/**
 * How long to wait for a first answer from Firestore before giving up (the client retries
 * forever). An emulator that is not listening is caught at once by the TCP check; one that is
 * listening gets as long as Firestore, since the first call also loads the gRPC client and on a
 * busy machine that alone took more than 10 s.
 */
const REACH_TIMEOUT_MS = 30_000;

/**
 * One read (of `docPath`) before the writes: an unreachable emulator or a project without
 * credentials fails here, fast and in Indonesian, instead of after the client's long retries.
 */
export async function probeFirestore(fs: FirestoreTarget, docPath: string): Promise<void> {
  // an emulator: a plain TCP connect first (a gRPC call to a closed port would hold the process)
  if (fs.target !== 'firestore' && !(await tcpOpen(fs.location, 3000))) {
    throw new Error(
      `Firestore tidak dapat dihubungi: tidak ada yang mendengarkan di ${fs.location} (${fs.description}).`,
    );
  }
  const ms = REACH_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${fs.description} tidak menjawab dalam ${ms / 1000} detik.`)),
      ms,
    );
  });
  try {
    await Promise.race([fs.db.doc(docPath).get(), timeout]);
  } catch (err) {
    throw new Error(`Firestore tidak dapat dihubungi: ${firestoreFailure(err)}`, { cause: err });
  } finally {
    clearTimeout(timer);
  }
}

/** true when something accepts a TCP connection at `host:port` within `ms`. */
function tcpOpen(address: string, ms: number): Promise<boolean> {
  const colon = address.lastIndexOf(':');
  const host = address.slice(0, colon).replace(/^\[|\]$/g, '') || '127.0.0.1';
  const port = Number(address.slice(colon + 1));
  if (colon < 0 || !Number.isInteger(port)) return Promise.resolve(false);
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(ms, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
