/** `bangkom schedule` end to end on a small workbook, through C's CLI harness. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import nock from 'nock';
import { invalidSheets, NIP_BUDI, runCliIn, validSheets, writeXlsx } from './cli-workbook';

let dir: string;
let validXlsx: string;
let invalidXlsx: string;

beforeAll(async () => {
  nock.disableNetConnect();
  dir = mkdtempSync(join(tmpdir(), 'bangkom-jadwal-'));
  validXlsx = await writeXlsx(join(dir, 'sah.xlsx'), validSheets());
  invalidXlsx = await writeXlsx(join(dir, 'tidak-sah.xlsx'), invalidSheets());
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  nock.enableNetConnect();
});

const cli = (...argv: string[]) => runCliIn(dir, argv);

describe('bangkom schedule', () => {
  test('--json prints the contract document', async () => {
    const { code, json } = await cli('schedule', validXlsx, '--json');
    expect(code).toBe(0);
    expect(json).toMatchObject({
      sessions: [{ id: 'PL-01-2026-1', kode: 'PL-01', peserta: [NIP_BUDI] }],
      budget: [
        { opd: 'Dinas Kesehatan', pagu: 20_000_000, terpakai: 1_500_000 },
        { opd: 'RSUD', pagu: 5_000_000, terpakai: 0 },
      ],
      errors: [],
    });
    const s = (json.sessions as { mulai: string; selesai: string }[])[0];
    expect(s?.mulai).toMatch(/^2026-\d\d-\d\d$/);
    // the harness's clock says 28 November 2026 (WIB): planning 2026 starts tomorrow, not in the past
    expect(json.mulaiPalingAwal).toBe('2026-11-29');
    expect((s?.mulai ?? '') >= '2026-11-29').toBe(true);
    expect(typeof json.objective).toBe('number');
    expect(json.bound as number).toBeGreaterThanOrEqual(json.objective as number);
  });

  test('text report in Indonesian, and --out writes the schedule workbook', async () => {
    const { code, out, err } = await cli('schedule', validXlsx, '--out', 'hasil');
    expect(code).toBe(0);
    expect(out).toContain('Jadwal pelatihan tahun 2026');
    expect(out).toContain('PL-01-2026-1');
    expect(out).toContain('Anggaran per OPD');
    expect(err).toContain('jadwal-pelatihan.xlsx');
    const file = join(dir, 'hasil', 'jadwal-pelatihan.xlsx');
    expect(existsSync(file)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Jadwal Pelatihan',
      'Rencana Pengembangan',
      'Rencana Individu',
      'Anggaran Pelatihan',
    ]);
    const saved = JSON.parse(readFileSync(join(dir, 'hasil', 'schedule.json'), 'utf8')) as {
      sessions: unknown[];
    };
    expect(saved.sessions).toHaveLength(1);
  });

  test("with a Pengajar sheet the text names each session's trainer; unmet needs are counted by limit", async () => {
    const withTrainer = await writeXlsx(join(dir, 'pengajar.xlsx'), {
      ...validSheets(),
      Pengajar: [
        ['Nama', 'Kode Pelatihan', 'Tidak Tersedia', 'Maks Sesi per Bulan'],
        ['Ibu Widya', 'PL-01', '', 2],
      ],
    });
    const { code, json } = await cli('schedule', withTrainer, '--json');
    expect(code).toBe(0);
    expect(
      (json.sessions as { kode: string; pengajar: string | null }[]).map((x) => [x.kode, x.pengajar]),
    ).toEqual([['PL-01', 'Ibu Widya']]);
    const text = await cli('schedule', withTrainer);
    expect(text.out).toContain('Pengajar');
    expect(text.out).toContain('Ibu Widya');
    // nobody teaches the classroom course: its need is counted under the limit that stopped it
    const untaught = await writeXlsx(join(dir, 'tanpa-pengajar.xlsx'), {
      ...validSheets(),
      Pengajar: [
        ['Nama', 'Kode Pelatihan'],
        ['Ibu Widya', 'PL-02'],
      ],
    });
    const none = await cli('schedule', untaught);
    expect(none.code).toBe(0);
    expect(none.out).toContain('Belum terpenuhi menurut batas: pengajar 1.');
    // without the sheet the column stays out
    const plain = await cli('schedule', validXlsx);
    expect(plain.out).not.toContain('Pengajar');
  });

  test('invalid rows: exit 1, the schedule of the valid rows and every error', async () => {
    const { code, json } = await cli('schedule', invalidXlsx, '--json');
    expect(code).toBe(1);
    expect((json.sessions as unknown[]).length).toBe(1);
    expect((json.errors as { sheet: string }[]).map((e) => e.sheet).sort()).toEqual([
      'Pegawai',
      'Riwayat Pelatihan',
    ]);
  });
});
