import type { Firestore } from 'firebase-admin/firestore';
import { firestoreMembership } from '../../functions/src/adapters/auth';
import { type EmbeddedEmulator, startEmulator } from '../../functions/src/adapters/emulator';
import {
  closeFirestoreConnections,
  connectFirestore,
} from '../../functions/src/adapters/firestore-connection';
import { members } from '../../functions/src/members';

let emulator: EmbeddedEmulator;
let db: Firestore;
beforeAll(async () => {
  emulator = await startEmulator();
  db = connectFirestore({ projectId: 'demo-bangkom-members', emulatorHost: emulator.address });
});
afterAll(async () => {
  await closeFirestoreConnections();
  await emulator.stop();
});

async function run(...args: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await members(db, args, (l) => lines.push(l));
  return { code, out: lines.join('\n') };
}

describe('members script', () => {
  it('grants, lists and revokes a membership that the functions then honour', async () => {
    const lookup = firestoreMembership(db, 0);
    expect(
      (await run('tambah', 'sawahlunto', 'Ani@Sawahlunto.go.id', 'pimpinan', 'Ani', 'Lestari')).code,
    ).toBe(0);
    expect(await lookup.roleOf('sawahlunto', 'ani@sawahlunto.go.id')).toBe('pimpinan');
    expect(await lookup.roleOf('padang', 'ani@sawahlunto.go.id')).toBeNull();
    expect((await run('daftar', 'sawahlunto')).out).toBe(
      'ani@sawahlunto.go.id\tpimpinan\tAni Lestari\nTenant sawahlunto belum punya spreadsheet terdaftar.',
    );
    expect((await run('tambah', 'sawahlunto', 'ani@sawahlunto.go.id', 'staf')).code).toBe(0);
    expect(await lookup.roleOf('sawahlunto', 'ani@sawahlunto.go.id')).toBe('staf');
    expect((await run('hapus', 'sawahlunto', 'ani@sawahlunto.go.id')).code).toBe(0);
    expect(await lookup.roleOf('sawahlunto', 'ani@sawahlunto.go.id')).toBeNull();
    expect((await run('hapus', 'sawahlunto', 'ani@sawahlunto.go.id')).code).toBe(1);
  });

  it('registers and releases the spreadsheets a tenant may use', async () => {
    const lookup = firestoreMembership(db, 0);
    const id = '1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms';
    expect(await lookup.ownsSpreadsheet('sawahlunto', id)).toBe(false);
    expect((await run('spreadsheet', 'sawahlunto', id)).code).toBe(0);
    expect(await lookup.ownsSpreadsheet('sawahlunto', id)).toBe(true);
    expect(await lookup.ownsSpreadsheet('padang', id)).toBe(false);
    expect((await run('daftar', 'sawahlunto')).out).toContain(`spreadsheet\t${id}`);
    expect((await run('spreadsheet', 'sawahlunto', 'bukan/id')).code).toBe(2);
    expect((await run('lepas-spreadsheet', 'sawahlunto', id)).code).toBe(0);
    expect(await lookup.ownsSpreadsheet('sawahlunto', id)).toBe(false);
    expect((await run('lepas-spreadsheet', 'sawahlunto', id)).code).toBe(1);
  });

  it('refuses a bad role or a bad tenant', async () => {
    expect((await run('tambah', 'sawahlunto', 'x@y.id', 'admin')).code).toBe(2);
    await expect(run('daftar', 'Kota Sawahlunto')).rejects.toThrow(/ID tenant tidak sah/);
    expect((await run()).out).toMatch(/Penggunaan/);
  });

  it('caches answers for the configured time', async () => {
    let now = 0;
    const lookup = firestoreMembership(db, 60_000, () => now);
    expect(await lookup.roleOf('cache', 'a@b.id')).toBeNull();
    await run('tambah', 'cache', 'a@b.id', 'staf');
    expect(await lookup.roleOf('cache', 'a@b.id')).toBeNull(); // still cached
    now = 60_001;
    expect(await lookup.roleOf('cache', 'a@b.id')).toBe('staf');
  });
});
