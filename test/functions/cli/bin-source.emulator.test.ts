/**
 * `functions/bin/bangkom.js` from a checkout without a build runs the TypeScript sources, and
 * `run` there must still start the local emulator, which the sources load with import().
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');

test('bangkom run from the sources starts the in-process emulator and stores the template', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bangkom-sumber-'));
  try {
    const child = spawnSync(
      process.execPath,
      [
        join(ROOT, 'functions/bin/bangkom.js'),
        'run',
        join(ROOT, 'sheets-templates/template-bangkom.xlsx'),
        '--out',
        join(dir, 'out'),
        '--data',
        join(dir, 'data'),
        '--json',
      ],
      {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, BANGKOM_FROM_SOURCE: '1', METADATA_SERVER_DETECTION: 'none' },
        timeout: 120_000,
      },
    );
    expect(child.stderr).not.toContain('Cannot find module');
    expect(child.status).toBe(0);
    const json = JSON.parse(child.stdout) as { firestore: { target: string; written: number } };
    expect(json.firestore.target).toBe('emulator-dalam-proses');
    expect(json.firestore.written).toBeGreaterThan(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
