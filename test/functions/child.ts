/** A Node child process whose output the test reads, and a poll until it says something. */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

export const root = join(__dirname, '..', '..');

export interface Child {
  child: ChildProcess;
  /** stdout and stderr so far */
  output(): string;
  exited: Promise<number | null>;
}

/** `node <args>` in the project root, with only PATH and HOME from this environment plus `env`. */
export function spawnNode(args: readonly string[], env: Record<string, string>): Child {
  let out = '';
  const child = spawn(process.execPath, [...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (d: Buffer) => {
    out += d.toString();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

export async function waitFor(check: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}
