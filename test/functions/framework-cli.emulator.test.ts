/**
 * The deployable entry as the Functions Framework CLI runs it (`functions-framework
 * --target=... --source=...`, here on the TypeScript sources through tsx), on loopback.
 */
import { createServer } from 'node:net';
import { join } from 'node:path';
import { type Child, root, spawnNode, waitFor } from './child';

const bin = join(root, 'node_modules', '@google-cloud', 'functions-framework', 'build', 'src', 'main.js');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

function start(env: Record<string, string>, port: number): Child {
  return spawnNode(
    ['--import', 'tsx', bin, '--target=ingestResponse', '--source=functions/src/index.ts', `--port=${port}`],
    env,
  );
}

describe('functions-framework CLI', () => {
  it('serves ingestResponse on loopback and answers 401 without a token', async () => {
    const port = await freePort();
    const p = start(
      {
        GOOGLE_CLOUD_PROJECT: 'demo-bangkom-cli',
        BANGKOM_OAUTH_CLIENT_ID: 'bangkom-test.apps.googleusercontent.com',
        // never reached: the call is refused before any Firestore access
        FIRESTORE_EMULATOR_HOST: '127.0.0.1:9',
      },
      port,
    );
    try {
      await waitFor(() => p.output().includes('Serving function'), 45_000);
      const res = await fetch(`http://127.0.0.1:${port}/`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ tenant: 'sawahlunto' }),
      });
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: string }).error).toMatch(/Token identitas tidak ada/);
      // the request guard sits in front of the framework's own parsers here too
      const malformed = await fetch(`http://127.0.0.1:${port}/`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"tenant": ',
      });
      expect(malformed.status).toBe(400);
      const text = await malformed.text();
      expect(JSON.parse(text).error).toMatch(/bukan JSON yang sah/);
      expect(text).not.toMatch(/SyntaxError|<pre|node_modules/);
      const form = await fetch(`http://127.0.0.1:${port}/`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'tenant=sawahlunto',
      });
      expect(form.status).toBe(415);
    } finally {
      p.child.kill();
      await p.exited;
    }
  }, 60_000);

  it('refuses to start with a clear message when the environment is incomplete', async () => {
    const p = start({}, await freePort());
    const code = await p.exited;
    expect(code).not.toBe(0);
    expect(p.output()).toMatch(/Konfigurasi lingkungan bangkom tidak sah/);
    expect(p.output()).toMatch(/BANGKOM_OAUTH_CLIENT_ID/);
    expect(p.output()).toMatch(/GOOGLE_CLOUD_PROJECT wajib diisi/);
  }, 60_000);
});
