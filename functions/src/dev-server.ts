/**
 * `npm run dev:functions`: every function on loopback against an embedded Firestore, so the
 * Apps Script (through a tunnel such as `cloudflared tunnel --url http://127.0.0.1:8080`) or
 * curl can call them during development. One port, one path per target:
 *   http://127.0.0.1:8080/ingestResponse, /syncWorkbook, /computeGaps, ...
 *
 * Options (after `--`):
 *   --port N         port (default 8080, or PORT)
 *   --token-lokal    sign tokens with a local key instead of Google's: prints a ready
 *                    `Authorization` header for a staf and a pimpinan member (curl only;
 *                    the Apps Script's real tokens are then refused). The default when
 *                    BANGKOM_OAUTH_CLIENT_ID is not set, so the plain command starts.
 * Environment: as in DEPLOY.md; GOOGLE_CLOUD_PROJECT defaults to bangkom-lokal,
 * BANGKOM_DEV_MEMBERS="email:role[:tenant],..." grants memberships and
 * BANGKOM_DEV_SPREADSHEETS="spreadsheetId[:tenant],..." registers program spreadsheets at start.
 * With FIRESTORE_EMULATOR_HOST set, that emulator is used instead of an embedded one.
 */
import { createServer, type Server } from 'node:http';
import { DEFAULT_TENANT } from '@bangkom/core';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import { putMember, putSpreadsheet, ROLES, type Role } from './adapters/auth.js';
import { startEmbeddedEmulator } from './adapters/emulator-loader.js';
import { closeFirestoreConnections, connectFirestore } from './adapters/firestore-connection.js';
import { startLocalIssuer } from './adapters/local-issuer.js';

const LOCAL_CLIENT = 'bangkom-lokal.apps.googleusercontent.com';

/** The entries of a comma-separated `a:b[:c],...` variable, each split at its colons. */
function entries(spec: string | undefined): { entry: string; parts: string[] }[] {
  return (spec ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => ({ entry, parts: entry.split(':') }));
}

function parseMembers(spec: string | undefined): { email: string; role: Role; tenant: string }[] {
  return entries(spec).map(({ entry, parts: [email = '', role = '', tenant = DEFAULT_TENANT] }) => {
    if (!email.includes('@') || !(ROLES as readonly string[]).includes(role)) {
      throw new Error(`BANGKOM_DEV_MEMBERS: "${entry}" harus berbentuk email:staf|pimpinan[:tenant]`);
    }
    return { email, role: role as Role, tenant };
  });
}

async function main(argv: string[]): Promise<void> {
  const portArg = argv.indexOf('--port');
  const port = Number(portArg >= 0 ? argv[portArg + 1] : (process.env.PORT ?? 8080));
  // without the Apps Script's client id only local tokens can be checked: use them
  const noClient = !process.env.BANGKOM_OAUTH_CLIENT_ID;
  const localTokens = argv.includes('--token-lokal') || noClient;

  process.env.GOOGLE_CLOUD_PROJECT ??= 'bangkom-lokal';
  const stops: (() => Promise<void>)[] = [];
  if (!process.env.FIRESTORE_EMULATOR_HOST) {
    const emulator = await startEmbeddedEmulator();
    process.env.FIRESTORE_EMULATOR_HOST = emulator.address;
    stops.push(() => emulator.stop());
  }
  let issuer: Awaited<ReturnType<typeof startLocalIssuer>> | undefined;
  if (localTokens) {
    issuer = await startLocalIssuer();
    process.env.BANGKOM_CERTS_URL = issuer.certsUrl;
    process.env.BANGKOM_OAUTH_CLIENT_ID ??= LOCAL_CLIENT;
    process.env.BANGKOM_DEV_MEMBERS ??= `staf@lokal.test:staf,pimpinan@lokal.test:pimpinan`;
    stops.push(() => (issuer ? issuer.close() : Promise.resolve()));
  }

  // registers every target; validates the environment like a deployment does
  const { TARGETS } = require('./index.js') as typeof import('./index.js');
  const db = connectFirestore({
    projectId: process.env.GOOGLE_CLOUD_PROJECT,
    emulatorHost: process.env.FIRESTORE_EMULATOR_HOST,
  });
  const members = parseMembers(process.env.BANGKOM_DEV_MEMBERS);
  for (const m of members) await putMember(db, m.tenant, m.email, { role: m.role });
  const spreadsheets = entries(process.env.BANGKOM_DEV_SPREADSHEETS).map(
    ({ parts: [id = '', tenant = DEFAULT_TENANT] }) => ({ id, tenant }),
  );
  for (const s of spreadsheets) await putSpreadsheet(db, s.tenant, s.id);

  const servers = new Map<string, Server>(TARGETS.map((t) => [t, getTestServer(t)]));
  const server = createServer((req, res) => {
    const name = (req.url ?? '/').split(/[/?]/)[1] ?? '';
    const target = servers.get(name);
    if (!target) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: `Fungsi "${name}" tidak ada. Tersedia: ${TARGETS.join(', ')}` }));
      return;
    }
    target.emit('request', req, res);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));

  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  console.log(`bangkom functions berjalan di ${base} (Firestore: ${process.env.FIRESTORE_EMULATOR_HOST})`);
  for (const t of TARGETS) console.log(`  ${base}/${t}`);
  if (members.length > 0)
    console.log(`Anggota: ${members.map((m) => `${m.email} (${m.role}, ${m.tenant})`).join(', ')}`);
  if (spreadsheets.length > 0)
    console.log(`Spreadsheet terdaftar: ${spreadsheets.map((s) => `${s.id} (${s.tenant})`).join(', ')}`);
  if (issuer) {
    if (noClient) {
      console.log(
        '\nBANGKOM_OAUTH_CLIENT_ID tidak diisi: token diperiksa dengan kunci lokal (untuk curl). ' +
          'Agar token Apps Script diterima, isi BANGKOM_OAUTH_CLIENT_ID dengan client ID OAuth proyek Apps Script.',
      );
    }
    for (const m of members) {
      const token = issuer.sign({ email: m.email, aud: process.env.BANGKOM_OAUTH_CLIENT_ID ?? LOCAL_CLIENT });
      console.log(`\n# ${m.role} ${m.email}, berlaku 1 jam:\nAuthorization: Bearer ${token}`);
    }
  }
  console.log('\nTekan Ctrl+C untuk berhenti.');

  const shutdown = async () => {
    server.close();
    await closeFirestoreConnections();
    for (const stop of stops.reverse()) await stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
