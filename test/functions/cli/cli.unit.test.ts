import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { parseCliArgs } from '../../../functions/src/cli/args';
import { findCommand } from '../../../functions/src/cli/commands/index';
import { num, pct, table } from '../../../functions/src/cli/format';
import { runCli } from '../../../functions/src/cli/main';
import {
  captureIo,
  invalidSheets,
  NIP_BUDI,
  NIP_RINA,
  NIP_SITI,
  runCliIn,
  validSheets,
  writeCsvFolder,
  writeXlsx,
} from './cli-workbook';

let dir: string;
let validXlsx: string;
let invalidXlsx: string;
let validCsv: string;
let invalidCsv: string;

beforeAll(async () => {
  nock.disableNetConnect();
  dir = mkdtempSync(join(tmpdir(), 'bangkom-cli-'));
  validXlsx = await writeXlsx(join(dir, 'sah.xlsx'), validSheets());
  invalidXlsx = await writeXlsx(join(dir, 'tidak-sah.xlsx'), invalidSheets());
  validCsv = await writeCsvFolder(join(dir, 'csv-sah'), validSheets(), ';');
  invalidCsv = await writeCsvFolder(join(dir, 'csv-tidak-sah'), invalidSheets(), ',');
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  nock.enableNetConnect();
});

const cli = (...argv: string[]) => runCliIn(dir, argv);

const ERROR_KEYS = ['column', 'message', 'row', 'sheet', 'value'];

describe('validate', () => {
  test('a valid workbook: exit 0, no errors, rows and valid rows per sheet', async () => {
    const { code, json, err } = await cli('validate', validXlsx, '--json');
    expect(code).toBe(0);
    expect(Object.keys(json).sort()).toEqual([
      'counts',
      'errors',
      'ignoredColumns',
      'ignoredSheets',
      'valid',
    ]);
    expect(json.valid).toBe(true);
    expect(json.errors).toEqual([]);
    const counts = json.counts as Record<string, { rows: number; valid: number }>;
    expect(counts.Pegawai).toEqual({ rows: 3, valid: 3, quarantined: 0, superseded: 0 });
    expect(counts['Riwayat Pelatihan']).toEqual({ rows: 3, valid: 3, quarantined: 0, superseded: 0 });
    expect(err).toMatch(/Membaca buku kerja/); // progress goes to stderr
  });

  test('invalid rows: exit 1, every error with sheet, 1-based row, column, value and an Indonesian message', async () => {
    const { code, json } = await cli('validate', invalidXlsx, '--json');
    expect(code).toBe(1);
    expect(json.valid).toBe(false);
    const errors = json.errors as Record<string, unknown>[];
    for (const e of errors) expect(Object.keys(e).sort()).toEqual(ERROR_KEYS);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sheet: 'Pegawai', row: 5, column: 'NIP', value: '12345' }),
        expect.objectContaining({ sheet: 'Riwayat Pelatihan', row: 5, column: 'JP', value: -5 }),
      ]),
    );
    expect(errors.every((e) => typeof e.message === 'string' && /\S/.test(e.message as string))).toBe(true);
    const counts = json.counts as Record<string, { rows: number; valid: number }>;
    expect(counts.Pegawai).toEqual({ rows: 4, valid: 3, quarantined: 1, superseded: 0 });
  });

  test('a folder of CSVs gives the same result as the workbook', async () => {
    const fromCsv = await cli('validate', invalidCsv, '--json');
    const fromXlsx = await cli('validate', invalidXlsx, '--json');
    expect(fromCsv.code).toBe(1);
    // CSV cells arrive as text: compare what the user reads (sheet, row, column, message)
    const strip = (j: Record<string, unknown>) =>
      (j.errors as Record<string, unknown>[]).map(({ sheet, row, column, message }) => ({
        sheet,
        row,
        column,
        message,
      }));
    expect(strip(fromCsv.json)).toEqual(strip(fromXlsx.json));
    expect(fromCsv.json.counts).toEqual(fromXlsx.json.counts);
  });

  test('human-readable: aligned Indonesian tables, errors listed', async () => {
    const { code, out } = await cli('validate', invalidXlsx);
    expect(code).toBe(1);
    expect(out).toMatch(/Lembar\s+Baris\s+Sah\s+Tidak sah\s+Digantikan/);
    expect(out).toMatch(/Pegawai\s+4\s+3\s+1/);
    expect(out).toMatch(/Riwayat Pelatihan\s+5\s+JP\s+-5\s+/);
    expect(out).toMatch(/2 kesalahan pada 2 baris/);
  });
});

describe('analysis commands', () => {
  test('gaps: the contract shape, hand-worked values, unknown gaps as null', async () => {
    const { code, json } = await cli('gaps', validXlsx, '--json');
    expect(code).toBe(0);
    expect(json.errors).toEqual([]);
    const employees = json.employees as {
      nip: string;
      opd: string;
      jabatan: string;
      competencies: Record<string, unknown>[];
    }[];
    const budi = employees.find((e) => e.nip === NIP_BUDI);
    expect(budi).toMatchObject({ opd: 'Dinas Kesehatan', jabatan: 'Analis Kebijakan' });
    const m01 = budi?.competencies.find((c) => c.kode === 'M.01') as Record<string, number | string[]>;
    expect(Object.keys(m01)).toEqual(
      expect.arrayContaining(['kode', 'standar', 'aktual', 'gap', 'prioritas', 'sumber']),
    );
    expect(m01.standar).toBe(3);
    expect(m01.aktual).toBeCloseTo(1.6 / 0.7, 10);
    expect(m01.gap).toBeCloseTo(3 - 1.6 / 0.7, 10);
    expect(m01.prioritas).toBeCloseTo(2 * (3 - 1.6 / 0.7), 10);
    expect([...(m01.sumber as string[])].sort()).toEqual(['Asesmen', 'Diri']);
    const siti = employees.find((e) => e.nip === NIP_SITI);
    expect(siti?.competencies.every((c) => c.aktual === null && c.gap === null)).toBe(true);
    const opd = json.opd as { opd: string; pegawai: number; dinilai: number; rataGap: number | null }[];
    expect(opd.find((o) => o.opd === 'Dinas Kesehatan')).toMatchObject({ pegawai: 2, dinilai: 1 });
    expect(opd.find((o) => o.opd === 'RSUD')).toMatchObject({ pegawai: 1, dinilai: 0, rataGap: null });
  });

  test('jp: year from Pengaturan, --tahun overrides, the clock when neither', async () => {
    const { code, json } = await cli('jp', validXlsx, '--json');
    expect(code).toBe(0);
    expect(json).toMatchObject({ tahun: 2026, target: 20 });
    const employees = json.employees as { nip: string; opd: string; jp: number; memenuhi: boolean }[];
    expect(employees.find((e) => e.nip === NIP_BUDI)).toEqual({
      nip: NIP_BUDI,
      opd: 'Dinas Kesehatan',
      jp: 24,
      memenuhi: true,
    });
    expect(employees.find((e) => e.nip === NIP_SITI)).toMatchObject({ jp: 8, memenuhi: false });
    expect(employees.find((e) => e.nip === NIP_RINA)).toMatchObject({ jp: 0, memenuhi: false });
    expect(json.opd).toEqual(
      expect.arrayContaining([{ opd: 'Dinas Kesehatan', pegawai: 2, memenuhi: 1, persen: 50 }]),
    );

    const y2025 = await cli('jp', validXlsx, '--json', '--tahun', '2025');
    expect(y2025.json.tahun).toBe(2025);
    const budi2025 = (y2025.json.employees as { nip: string; jp: number }[]).find((e) => e.nip === NIP_BUDI);
    expect(budi2025?.jp).toBe(10);

    // no Pengaturan: the clock's year in Asia/Jakarta (2026-12-31T18:00Z is already 2027 there)
    const noSettings = validSheets();
    delete noSettings.Pengaturan;
    const path = await writeXlsx(join(dir, 'tanpa-pengaturan.xlsx'), noSettings);
    const io = captureIo({ cwd: dir, now: new Date(Date.UTC(2026, 11, 31, 18, 0, 0)) });
    expect(await runCli(['jp', path, '--json'], io)).toBe(0);
    expect(JSON.parse(io.out()).tahun).toBe(2027);

    // planning 2027 while reporting the JP realised in 2026: `Tahun JP` decides the JP year
    const planning = validSheets();
    planning.Pengaturan = [
      ['Kunci', 'Nilai'],
      ['Tahun', 2027],
      ['Tahun JP', 2026],
    ];
    const planPath = await writeXlsx(join(dir, 'rencana-2027.xlsx'), planning);
    const realised = await cli('jp', planPath, '--json');
    expect(realised.json.tahun).toBe(2026);
    expect(
      (realised.json.employees as { nip: string; jp: number }[]).find((e) => e.nip === NIP_BUDI)?.jp,
    ).toBe(24);
  });

  test('ikm: NRR, IKM, konversi and mutu per unit and period', async () => {
    const { code, json } = await cli('ikm', validCsv, '--json');
    expect(code).toBe(0);
    const units = json.units as Record<string, unknown>[];
    expect(units).toHaveLength(1);
    expect(units[0]).toMatchObject({
      unit: 'Dinas Kesehatan',
      periode: '2026-S1',
      responden: 2,
      nrr: Array(9).fill(3.5),
      ikm: 3.5,
      konversi: 87.5,
      mutu: 'B',
      kinerja: 'Baik',
    });
  });

  test('evaluate: reaction index, session N-gain and category, behaviour change', async () => {
    const { code, json } = await cli('evaluate', validXlsx, '--json');
    expect(code).toBe(0);
    const [s1] = json.sessions as Record<string, unknown>[];
    expect(s1).toMatchObject({ sesi: 'S1', reaksi: 93.75, kategoriNGain: 'Tinggi', perilaku: 1 });
    expect(s1?.nGain).toBeCloseTo(40 / 55, 10);
  });

  test('with invalid rows each command exits 1 and still lists every valid result and every error', async () => {
    for (const command of ['gaps', 'jp', 'ikm', 'evaluate']) {
      const { code, json } = await cli(command, invalidXlsx, '--json');
      expect(code).toBe(1);
      expect((json.errors as unknown[]).length).toBe(2);
    }
    const jp = await cli('jp', invalidXlsx, '--json');
    expect((jp.json.employees as unknown[]).length).toBe(3); // the invalid NIP row is not an employee
  });

  test('human-readable tables use Indonesian number formats', async () => {
    const gaps = await cli('gaps', validXlsx);
    expect(gaps.out).toMatch(/Dinas Kesehatan\s+2\s+1\s+50,0%\s+0,36/);
    expect(gaps.out).toMatch(
      new RegExp(`${NIP_BUDI}\\s+Budi Santoso\\s+Dinas Kesehatan\\s+M\\.01\\s+3\\s+2,29\\s+0,71\\s+1,43`),
    );
    const ikm = await cli('ikm', validXlsx);
    expect(ikm.out).toMatch(/Dinas Kesehatan\s+2026-S1\s+2\s+3,500\s+87,50\s+B\s+Baik/);
  });

  test('--out writes the JSON result to DIR/<command>.json', async () => {
    const out = join(dir, 'hasil');
    const { code } = await cli('ikm', validXlsx, '--out', out);
    expect(code).toBe(0);
    const saved = JSON.parse(readFileSync(join(out, 'ikm.json'), 'utf8'));
    expect(saved.units[0].mutu).toBe('B');
  });
});

describe('unreadable input and usage', () => {
  test('a missing file: exit 2, an Indonesian message, with --json one error document', async () => {
    const { code, json, err } = await cli('validate', join(dir, 'tidak-ada.xlsx'), '--json');
    expect(code).toBe(2);
    expect(json).toEqual({ error: { code: 'TIDAK_ADA', message: expect.stringMatching(/tidak ditemukan/) } });
    expect(err).toMatch(/tidak ditemukan/);
  });

  test('a file that is not a workbook: exit 2', async () => {
    const bad = join(dir, 'bukan.xlsx');
    writeFileSync(bad, 'NIP,Nama\n');
    const { code, out, err } = await cli('gaps', bad);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/bukan buku kerja Excel/);
  });

  test('bad usage: exit 2 with the usage text on stderr', async () => {
    for (const argv of [
      [],
      ['validate'],
      ['hapus', validXlsx],
      ['validate', validXlsx, '--warna'],
      ['jp', validXlsx, '--tahun', 'dua'],
    ]) {
      const { code, err } = await cli(...argv);
      expect(code).toBe(2);
      expect(err).toMatch(/Penggunaan: bangkom/);
    }
  });

  test('--help prints the usage on stdout and exits 0', async () => {
    const { code, out } = await cli('--help');
    expect(code).toBe(0);
    for (const c of ['validate', 'gaps', 'jp', 'ikm', 'evaluate', 'schedule', 'run'])
      expect(out).toContain(`  ${c} `);
  });

  test('every command of the contract is registered', () => {
    for (const c of ['validate', 'gaps', 'jp', 'ikm', 'evaluate', 'schedule', 'run'])
      expect(findCommand(c)?.name).toBe(c);
    expect(findCommand('hapus')).toBeUndefined();
  });
});

describe('arguments and formats', () => {
  test('options are parsed in any position', () => {
    expect(
      parseCliArgs(['--json', 'run', 'a.xlsx', '--tenant', 'padang', '--strict', '--tahun', '2027']),
    ).toEqual({
      kind: 'ok',
      options: {
        command: 'run',
        input: 'a.xlsx',
        json: true,
        out: undefined,
        tenant: 'padang',
        strict: true,
        tahun: 2027,
        data: undefined,
        fresh: false,
        semua: false,
        ulang: false,
        ya: false,
      },
    });
    expect(parseCliArgs(['run', 'a.xlsx', '--data', 'arsip', '--fresh'])).toMatchObject({
      kind: 'ok',
      options: { data: 'arsip', fresh: true },
    });
    expect(parseCliArgs(['jp', 'a.xlsx', '--out'])).toEqual({
      kind: 'error',
      message: 'Pilihan --out memerlukan nilai.',
    });
  });

  test('Indonesian number formats and aligned columns', () => {
    expect(num(1234.5, 1)).toBe('1.234,5');
    expect(num(1234567)).toBe('1.234.567');
    expect(num(null)).toBe('–');
    expect(pct(85.24)).toBe('85,2%');
    expect(
      table(
        [{ header: 'OPD' }, { header: 'Jumlah', right: true }],
        [
          ['RSUD', '1.234'],
          ['Dinas Kesehatan', '7'],
        ],
      ),
    ).toBe(
      [
        'OPD              Jumlah',
        '---------------  ------',
        'RSUD              1.234',
        'Dinas Kesehatan       7',
      ].join('\n'),
    );
  });
});
