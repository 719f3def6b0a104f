/** `bangkom schedule --ulang`: the previous plan from `<out>/schedule.json`, the change reported. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { NIP_BUDI, runCliIn, validSheets, writeXlsx } from './cli-workbook';

let dir: string;
let plain: string;
let confirmed: string;
let invited: string;

beforeAll(async () => {
  nock.disableNetConnect();
  dir = mkdtempSync(join(tmpdir(), 'bangkom-ulang-'));
  plain = await writeXlsx(join(dir, 'awal.xlsx'), validSheets());
  // Budi confirmed his invitation to the session the first plan gave him: it is announced
  confirmed = await writeXlsx(join(dir, 'konfirmasi.xlsx'), {
    ...validSheets(),
    'Daftar Hadir': [
      ['ID Sesi', 'Kode', 'Tanggal', 'NIP', 'Status'],
      ['PL-01-2026-1', 'PL-01', null, NIP_BUDI, 'Hadir'],
    ],
  });
  // nobody answered yet, but Kirim Undangan sent Budi's invitation: announced as well
  invited = await writeXlsx(join(dir, 'undangan.xlsx'), {
    ...validSheets(),
    Undangan: [
      ['ID Sesi', 'NIP', 'Email', 'Dikirim', 'ID Acara', 'Pengingat L3', 'Status'],
      ['PL-01-2026-1', NIP_BUDI, 'budi@contoh.go.id', '05/01/2026 09:00', 'ev-1', null, 'Diundang'],
    ],
  });
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  nock.enableNetConnect();
});

const cli = (...argv: string[]) => runCliIn(dir, argv);

describe('bangkom schedule --ulang', () => {
  test('keeps the announced session and reports the change', async () => {
    const first = await cli('schedule', plain, '--out', 'hasil', '--json');
    expect(first.code).toBe(0);
    const sessions = first.json.sessions as { id: string; mulai: string; peserta: string[] }[];
    expect(sessions.map((s) => s.id)).toEqual(['PL-01-2026-1']);
    const again = await cli('schedule', confirmed, '--out', 'hasil', '--ulang', '--json');
    expect(again.code).toBe(0);
    expect(again.json.ulang).toEqual({
      tetap: ['PL-01-2026-1'],
      dilepas: [],
      sesiBaru: [],
      sesiBatal: [],
      sesiPindah: [],
      pengajarGanti: [],
      pesertaMasuk: [],
      pesertaKeluar: [],
    });
    const kept = (again.json.sessions as { id: string; mulai: string; peserta: string[] }[])[0];
    expect(kept).toMatchObject({ id: 'PL-01-2026-1', mulai: sessions[0]?.mulai, peserta: [NIP_BUDI] });
    const text = await cli('schedule', confirmed, '--out', 'hasil', '--ulang');
    expect(text.out).toContain('Perubahan dari jadwal sebelumnya');
    expect(text.out).toContain('1 sesi tetap (sudah dimulai atau diumumkan), 0 sesi baru');
  });

  test('an invitation sent (Undangan) announces the session as an answer would', async () => {
    const first = await cli('schedule', plain, '--out', 'diundang', '--json');
    const [planned] = first.json.sessions as { id: string; mulai: string; peserta: string[] }[];
    const plainAgain = await cli('schedule', plain, '--out', 'diundang', '--ulang', '--json');
    expect((plainAgain.json.ulang as { tetap: string[] }).tetap).toEqual([]);
    const again = await cli('schedule', invited, '--out', 'diundang', '--ulang', '--json');
    expect(again.code).toBe(0);
    expect((again.json.ulang as { tetap: string[] }).tetap).toEqual(['PL-01-2026-1']);
    const [kept] = again.json.sessions as { id: string; mulai: string; peserta: string[] }[];
    expect(kept).toMatchObject({ id: 'PL-01-2026-1', mulai: planned?.mulai, peserta: [NIP_BUDI] });
  });

  test('without --out, or without a previous plan, it stops with the reason', async () => {
    const noOut = await cli('schedule', plain, '--ulang', '--json');
    expect(noOut.code).toBe(2);
    expect((noOut.json.error as { message: string }).message).toContain('--ulang memerlukan --out DIR');
    const missing = await cli('schedule', plain, '--out', 'kosong', '--ulang');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('tidak ditemukan. Jalankan dulu bangkom schedule dengan --out yang sama.');
    const wrong = join(dir, 'lain');
    rmSync(wrong, { recursive: true, force: true });
    await cli('schedule', plain, '--out', 'lain');
    writeFileSync(join(wrong, 'schedule.json'), JSON.stringify({ sessions: [{ id: 1 }] }));
    const bad = await cli('schedule', plain, '--out', 'lain', '--ulang');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('tidak berisi daftar sesi');
  });
});
