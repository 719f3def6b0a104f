/**
 * The functions in-process, as deployed: the environment points the real index.ts at an
 * embedded Firestore, a local token issuer and a local Sheets API; handlers are reached
 * through getTestServer (functions-framework) and supertest.
 */
import { getTestServer } from '@google-cloud/functions-framework/testing';
import type { Firestore } from 'firebase-admin/firestore';
import nock from 'nock';
import supertest from 'supertest';
import { putMember, putSpreadsheet, type Role } from '../../functions/src/adapters/auth';
import { type EmbeddedEmulator, startEmulator } from '../../functions/src/adapters/emulator';
import {
  closeFirestoreConnections,
  connectFirestore,
} from '../../functions/src/adapters/firestore-connection';
import { type LocalIssuer, startLocalIssuer } from '../../functions/src/adapters/local-issuer';
import { type FakeSheetsServer, startFakeSheets } from './fake-sheets';

export const CLIENT_ID = 'bangkom-test.apps.googleusercontent.com';
export const PROJECT = 'demo-bangkom-functions';
export const STAF = 'staf@sawahlunto.go.id';
export const PIMPINAN = 'walikota@sawahlunto.go.id';
export const STAF_LAIN = 'staf@padang.go.id';
/** the program spreadsheet registered to sawahlunto (the local Sheets server answers any id) */
export const SPREADSHEET_ID = '1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms';

export interface Harness {
  emulator: EmbeddedEmulator;
  issuer: LocalIssuer;
  sheets: FakeSheetsServer;
  db: Firestore;
  /** a valid token for an email */
  token(email: string, claims?: Partial<Parameters<LocalIssuer['sign']>[0]>): string;
  /** supertest agent on one registered function */
  call(target: string): supertest.Agent;
  setMember(tenant: string, email: string, role: Role): Promise<void>;
  stop(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  const [emulator, issuer, sheets] = await Promise.all([
    startEmulator(),
    startLocalIssuer(),
    startFakeSheets(),
  ]);
  Object.assign(process.env, {
    GOOGLE_CLOUD_PROJECT: PROJECT,
    FIRESTORE_EMULATOR_HOST: emulator.address,
    BANGKOM_OAUTH_CLIENT_ID: CLIENT_ID,
    BANGKOM_CERTS_URL: issuer.certsUrl,
    BANGKOM_SHEETS_ROOT_URL: sheets.rootUrl,
    BANGKOM_MEMBER_CACHE_SECONDS: '0',
    BANGKOM_TIME_ZONE: 'Asia/Jakarta',
  });
  require('../../functions/src/index');
  const db = connectFirestore({ projectId: PROJECT, emulatorHost: emulator.address });
  const h: Harness = {
    emulator,
    issuer,
    sheets,
    db,
    token: (email, claims = {}) => issuer.sign({ email, aud: CLIENT_ID, ...claims }),
    call: (target) => supertest.agent(getTestServer(target)),
    setMember: (tenant, email, role) => putMember(db, tenant, email, { role }),
    async stop() {
      await closeFirestoreConnections();
      await Promise.all([emulator.stop(), issuer.close(), sheets.close()]);
      nock.enableNetConnect();
    },
  };
  await putSpreadsheet(db, 'sawahlunto', SPREADSHEET_ID);
  await h.setMember('sawahlunto', STAF, 'staf');
  await h.setMember('sawahlunto', PIMPINAN, 'pimpinan');
  await h.setMember('padang', STAF_LAIN, 'staf');
  return h;
}

/** Every document path under a tenant's collection. */
export async function ids(db: Firestore, tenant: string, collection: string): Promise<string[]> {
  return (await db.collection(`tenants/${tenant}/${collection}`).get()).docs.map((d) => d.id).sort();
}

export async function docData(db: Firestore, path: string): Promise<Record<string, unknown> | undefined> {
  return (await db.doc(path).get()).data();
}
