/** The production wiring of the handlers' dependencies from the validated environment. */
import { createTokenVerifier, firestoreMembership } from './adapters/auth.js';
import { WriteCoalescer } from './adapters/firestore.js';
import { connectFirestore } from './adapters/firestore-connection.js';
import { applicationDefaultAuth, createSheetsGateway } from './adapters/sheets.js';
import type { Config } from './config.js';
import type { Deps, SchedulerModule } from './handlers/context.js';

/** Node's own fetch: also what lets the Google clients run under jest's module sandbox. */
const nodeFetch: typeof fetch = (input, init) => fetch(input, init);

/** A local Sheets stand-in (http on loopback) needs no Google credentials. */
function isLoopback(url: string | undefined): boolean {
  if (!url) return false;
  const { protocol, hostname } = new URL(url);
  return (
    protocol === 'http:' && (hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]')
  );
}

export function createDeps(config: Config): Deps {
  const db = connectFirestore({
    projectId: config.GOOGLE_CLOUD_PROJECT,
    databaseId: config.BANGKOM_FIRESTORE_DATABASE,
    ...(config.FIRESTORE_EMULATOR_HOST ? { emulatorHost: config.FIRESTORE_EMULATOR_HOST } : {}),
  });
  const rootUrl = config.BANGKOM_SHEETS_ROOT_URL;
  const sheetsAuth = isLoopback(rootUrl) ? undefined : applicationDefaultAuth();
  let scheduler: Promise<SchedulerModule> | undefined;
  return {
    db,
    verifier: createTokenVerifier({
      audiences: config.BANGKOM_OAUTH_CLIENT_ID,
      certsUrl: config.BANGKOM_CERTS_URL,
      issuers: config.BANGKOM_TOKEN_ISSUERS,
      fetchImplementation: nodeFetch,
    }),
    membership: firestoreMembership(db, config.BANGKOM_MEMBER_CACHE_SECONDS * 1000),
    sheets: (spreadsheetId) =>
      createSheetsGateway(spreadsheetId, {
        fetchImplementation: nodeFetch,
        ...(sheetsAuth ? { auth: sheetsAuth } : {}),
        ...(rootUrl ? { rootUrl } : {}),
      }),
    writer: new WriteCoalescer(db),
    now: () => new Date(),
    timeZone: config.BANGKOM_TIME_ZONE,
    // loaded on first use: HiGHS (WebAssembly) and date-holidays are large
    scheduler: () => {
      scheduler ??= import('./adapters/scheduler.js');
      return scheduler;
    },
  };
}
