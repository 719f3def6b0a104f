/**
 * CI check that the deployable bundle deploys: builds it (bundle.ts) into a temporary folder,
 * installs it from its own package.json as Cloud Build does (`npm install --omit=dev`, from the
 * npm registry), starts `functions-framework --target=ingestResponse` there on a loopback port
 * and expects 401 for a call without a token and a JSON 400 for malformed JSON (the request
 * guard in front of the framework's parsers), then stops it and removes the folder.
 * A dependency the bundle needs but its package.json does not list (or a development-only
 * package such as the Firestore emulator) fails the start. Every step has a time limit.
 * Usage: `npx tsx functions/check-bundle.ts` (exit code 0 = the bundle serves).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBundle } from './bundle';

const INSTALL_MS = 5 * 60_000;
const START_MS = 60_000;
const REQUEST_MS = 15_000;

/** Preloaded into the function's process: the Functions Framework has no host option. */
const LOOPBACK_ONLY = `const net = require('node:net');
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  const port = args[0];
  const portFirst = typeof port === 'number' || (typeof port === 'string' && /^\\d+$/.test(port));
  if (portFirst && typeof args[1] !== 'string') args.splice(1, 0, '127.0.0.1');
  return listen.apply(this, args);
};
`;

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

interface Run {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Run {
  let out = '';
  const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function within<T>(ms: number, what: string, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no result within ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function waitUntil(
  check: () => boolean,
  stop: Promise<unknown>,
  ms: number,
  what: string,
): Promise<void> {
  let stopped = false;
  void stop.then(() => {
    stopped = true;
  });
  await within(
    ms,
    what,
    (async () => {
      while (!check()) {
        if (stopped) throw new Error(`${what}: the process exited`);
        await new Promise((r) => setTimeout(r, 100));
      }
    })(),
  );
}

async function main(): Promise<void> {
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'bangkom-bundle-'));
  const step = (what: string) =>
    console.log(`[${((performance.now() - started) / 1000).toFixed(1)} s] ${what}`);
  let server: Run | undefined;
  try {
    await buildBundle(dir);
    step(`bundle built in ${dir}`);

    const install = run(
      'npm',
      ['install', '--omit=dev', '--no-audit', '--no-fund', '--no-package-lock'],
      dir,
      process.env,
    );
    let code: number | null;
    try {
      code = await within(INSTALL_MS, 'npm install', install.exited);
    } catch (err) {
      install.child.kill();
      throw err;
    }
    if (code !== 0) throw new Error(`npm install failed (${code}):\n${install.output()}`);
    step('installed from its package.json (--omit=dev)');

    writeFileSync(join(dir, 'loopback.cjs'), LOOPBACK_ONLY);
    const port = await freePort();
    server = run(
      process.execPath,
      [
        '--require',
        './loopback.cjs',
        join('node_modules', '@google-cloud', 'functions-framework', 'build', 'src', 'main.js'),
        '--target=ingestResponse',
        `--port=${port}`,
      ],
      dir,
      {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? dir,
        NODE_ENV: 'development',
        METADATA_SERVER_DETECTION: 'none',
        GOOGLE_CLOUD_PROJECT: 'demo-bangkom-bundle',
        BANGKOM_OAUTH_CLIENT_ID: 'bangkom-bundle.apps.googleusercontent.com',
        // never reached: the call is refused before any Firestore access
        FIRESTORE_EMULATOR_HOST: '127.0.0.1:9',
      },
    );
    const s = server;
    await waitUntil(() => s.output().includes('Serving function'), s.exited, START_MS, 'functions-framework');
    step(`serving ingestResponse on 127.0.0.1:${port}`);

    const res = await within(
      REQUEST_MS,
      'request',
      fetch(`http://127.0.0.1:${port}/`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ tenant: 'sawahlunto' }),
      }),
    );
    const body = await res.text();
    if (res.status !== 401) throw new Error(`expected 401 without a token, got ${res.status}: ${body}`);
    step(`401 without a token: ${body}`);

    // the request guard found the framework's own express in the installed bundle
    const bad = await within(
      REQUEST_MS,
      'request',
      fetch(`http://127.0.0.1:${port}/`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"tenant": ',
      }),
    );
    const badBody = await bad.text();
    if (bad.status !== 400 || !/^application\/json/.test(bad.headers.get('content-type') ?? '')) {
      throw new Error(`expected a JSON 400 for malformed JSON, got ${bad.status}: ${badBody}`);
    }
    step(`400 for malformed JSON: ${badBody}`);
  } catch (err) {
    if (server) console.error(`functions-framework output:\n${server.output()}`);
    throw err;
  } finally {
    if (server && server.child.exitCode === null) {
      server.child.kill();
      await within(10_000, 'stopping functions-framework', server.exited).catch(() =>
        server?.child.kill('SIGKILL'),
      );
    }
    rmSync(dir, { recursive: true, force: true });
  }
  step('bundle check passed');
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
