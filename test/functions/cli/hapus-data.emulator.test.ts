/**
 * `bangkom hapus-data <NIP>` after a `bangkom run`: a preview deletes nothing; `--ya` removes
 * every document of the person and the NIP from every other document, leaves the other people's
 * data, writes an audit naming the person only by a hash, and a second run finds nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COLLECTIONS } from '@bangkom/core';
import nock from 'nock';
import { type EmbeddedEmulator, startEmulator } from '../../../functions/src/adapters/emulator';
import { subjectHash } from '../../../functions/src/adapters/erase-person';
import {
  closeFirestoreConnections,
  connectFirestore,
} from '../../../functions/src/adapters/firestore-connection';
import { runCli } from '../../../functions/src/cli/main';
import { captureIo, invalidSheets, NIP_BUDI, NIP_SITI, writeXlsx } from './cli-workbook';

const PROJECT = 'bangkom-hapus';
let emulator: EmbeddedEmulator;
let dir: string;

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  emulator = await startEmulator();
  dir = mkdtempSync(join(tmpdir(), 'bangkom-hapus-'));
  const workbook = await writeXlsx(join(dir, 'program.xlsx'), invalidSheets());
  const seeded = await cli(['run', workbook, '--json']);
  // the reason is in the failure message when the seeding run fails
  expect({ code: seeded.code, err: seeded.code === 0 ? '' : seeded.err }).toEqual({ code: 0, err: '' });
  // the quarantined row of Siti's (a training with -5 JP) and a run's sample error name her
});
afterAll(async () => {
  await closeFirestoreConnections();
  await new Promise((resolve) => setTimeout(resolve, 200));
  await emulator.stop();
  rmSync(dir, { recursive: true, force: true });
  nock.enableNetConnect();
});

async function cli(argv: string[]) {
  const io = captureIo({
    cwd: dir,
    env: { FIRESTORE_EMULATOR_HOST: emulator.address, GOOGLE_CLOUD_PROJECT: PROJECT },
  });
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

/** Every document of the tenant that mentions the NIP anywhere (id or content), by collection. */
async function mentioning(nip: string): Promise<Record<string, number>> {
  const db = connectFirestore({ projectId: PROJECT, emulatorHost: emulator.address });
  const out: Record<string, number> = {};
  for (const c of Object.values(COLLECTIONS)) {
    const snap = await db.collection(`tenants/sawahlunto/${c}`).get();
    const n = snap.docs.filter((d) => d.id.includes(nip) || JSON.stringify(d.data()).includes(nip)).length;
    if (n > 0) out[c] = n;
  }
  return out;
}

interface EraseJson {
  subjek: string;
  dihapus: boolean;
  collections: Record<string, { hapus: number; bersihkan: number }>;
  documents: { hapus: number; bersihkan: number };
  runDoc?: string;
}

test('a preview says what would go and deletes nothing', async () => {
  const before = await mentioning(NIP_SITI);
  expect(Object.keys(before)).toEqual(
    expect.arrayContaining(['employees', 'trainings', 'gaps', 'quarantine']),
  );
  const { code, out } = await cli(['hapus-data', NIP_SITI, '--json']);
  expect(code).toBe(0);
  const json = JSON.parse(out) as EraseJson;
  expect(json.dihapus).toBe(false);
  expect(json.documents.hapus + json.documents.bersihkan).toBe(
    Object.values(before).reduce((a, n) => a + n, 0),
  );
  expect(await mentioning(NIP_SITI)).toEqual(before);
  const text = await cli(['hapus-data', NIP_SITI]);
  expect(text.out).toMatch(/Pratinjau \(belum ada yang dihapus\)/);
  expect(text.out).toMatch(/Jalankan lagi dengan --ya/);
});

test('--ya removes the person everywhere, keeps the others, audits by hash; a second run finds nothing', async () => {
  const budiBefore = await mentioning(NIP_BUDI);
  const { code, out } = await cli(['hapus-data', NIP_SITI, '--ya', '--json']);
  expect(code).toBe(0);
  const json = JSON.parse(out) as EraseJson;
  expect(json.dihapus).toBe(true);
  expect(json.subjek).toBe(subjectHash('sawahlunto', NIP_SITI));
  expect(json.documents.hapus).toBeGreaterThan(0);
  // nothing anywhere names her any more, the audit of this erasure included
  expect(await mentioning(NIP_SITI)).toEqual({});
  // the other people's data stays
  expect(await mentioning(NIP_BUDI)).toEqual(budiBefore);

  const db = connectFirestore({ projectId: PROJECT, emulatorHost: emulator.address });
  const audit = (await db.doc(json.runDoc ?? '').get()).data();
  expect(audit).toMatchObject({ kind: 'hapus-data', status: 'selesai', inputChecksum: json.subjek });

  const again = await cli(['hapus-data', NIP_SITI, '--ya', '--json']);
  expect(again.code).toBe(0);
  expect((JSON.parse(again.out) as EraseJson).documents).toEqual({ hapus: 0, bersihkan: 0 });
  expect(await mentioning(NIP_BUDI)).toEqual(budiBefore);
});

test('a NIP that is not one, or no Firestore to erase from, exits 2 in Indonesian', async () => {
  const bad = await cli(['hapus-data', '12345', '--json']);
  expect(bad.code).toBe(2);
  expect(JSON.parse(bad.out).error.message).toMatch(/NIP harus 18 digit/);
  const io = captureIo({ cwd: dir, env: {} });
  expect(await runCli(['hapus-data', NIP_BUDI], io)).toBe(2);
  expect(io.err()).toMatch(/memerlukan Firestore yang dituju: --data DIR/);
  const missing = await cli(['hapus-data']);
  expect(missing.code).toBe(2);
  expect(missing.err).toMatch(/memerlukan NIP pegawai/);
});
