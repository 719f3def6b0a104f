/**
 * The ingestResponse function served the way it is deployed (Functions Framework over loopback
 * HTTP, keep-alive), against a given emulator, with one staff member registered and a signed
 * token for them. Shared by the ingest and load benches so both measure the same server.
 */
import { Agent } from 'node:http';
import type { AddressInfo } from 'node:net';
import { http } from '@google-cloud/functions-framework';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import type { Firestore } from 'firebase-admin/firestore';
import { putMember } from '../functions/src/adapters/auth';
import { closeFirestoreConnections, connectFirestore } from '../functions/src/adapters/firestore-connection';
import type { LocalIssuer } from '../functions/src/adapters/local-issuer';
import { loadConfig } from '../functions/src/config';
import { ingestResponse } from '../functions/src/handlers/ingest-response';
import { createDeps } from '../functions/src/runtime';

export interface IngestServer {
  deps: ReturnType<typeof createDeps>;
  db: Firestore;
  url: string;
  token: string;
  agent: Agent;
  /** closes the agent, the server and the Firestore clients (not the emulator) */
  close(): Promise<void>;
}

export async function startIngestServer(o: {
  emulatorAddress: string;
  project: string;
  clientId: string;
  issuer: LocalIssuer;
  staf: string;
  maxSockets: number;
}): Promise<IngestServer> {
  const deps = createDeps(
    loadConfig({
      GOOGLE_CLOUD_PROJECT: o.project,
      FIRESTORE_EMULATOR_HOST: o.emulatorAddress,
      BANGKOM_OAUTH_CLIENT_ID: o.clientId,
      BANGKOM_CERTS_URL: o.issuer.certsUrl,
    }),
  );
  const db = connectFirestore({ projectId: o.project, emulatorHost: o.emulatorAddress });
  await putMember(db, 'sawahlunto', o.staf, { role: 'staf' });
  http('ingestResponse', ingestResponse(deps));
  const server = getTestServer('ingestResponse');
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const token = o.issuer.sign({ email: o.staf, aud: o.clientId });
  const agent = new Agent({ keepAlive: true, maxSockets: o.maxSockets });
  return {
    deps,
    db,
    url,
    token,
    agent,
    async close() {
      agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await closeFirestoreConnections();
    },
  };
}
