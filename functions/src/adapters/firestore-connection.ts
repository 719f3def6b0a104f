/**
 * The one place that turns a project id into a firebase-admin Firestore, emulated (any
 * emulator at `host:port`) or real. Production code: it must not import the embedded
 * emulator (emulator.ts), a development dependency the deployed bundle does not install.
 */
import { type App, deleteApp, getApps, initializeApp } from 'firebase-admin/app';
import { type Firestore, getFirestore } from 'firebase-admin/firestore';

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
