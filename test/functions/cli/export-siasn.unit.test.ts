/**
 * `bangkom export-siasn` on a small workbook with a Daftar Hadir: the completers' Riwayat rows are
 * added to the workbook, every row of the file passes SIASN's field rules, the left-out rows carry
 * their reasons, the exported rows are marked, and a rerun writes nothing new.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SIASN_FIELDS, siasnRowSchema, validateWorkbook } from '@bangkom/core';
import { readWorkbookFile } from '../../../functions/src/adapters/workbook-file';
import {
  NIP_BUDI,
  NIP_RINA,
  NIP_SITI,
  runCliIn,
  type Sheets,
  validSheets,
  writeCsvFolder,
  writeXlsx,
} from './cli-workbook';

function withAttendance(): Sheets {
  const s = validSheets();
  s['Riwayat Pelatihan'] = [
    [
      'NIP',
      'Nama Pelatihan',
      'JP',
      'Tanggal Mulai',
      'Tanggal Selesai',
      'Bentuk',
      'Nomor Sertifikat',
      'Penyelenggara',
    ],
    [NIP_BUDI, 'Pelayanan Prima', 24, '2026-03-02', '2026-03-04', 'KL10', 'PP/2026/1', 'BKPSDM'],
    [NIP_BUDI, 'Integritas', 10, '2025-05-05', null, 'KL01', 'I/2025/1', 'BKPSDM'],
    [NIP_SITI, 'Kerjasama Tim', 8, '05/05/2026', null, 'NKL03', null, 'LAN'], // no certificate
    [NIP_SITI, 'Rapat Koordinasi', 4, '2026-06-01', null, null, 'RK-1', 'BKPSDM'], // no Bentuk
  ];
  s['Katalog Pelatihan'] = [
    [
      'Kode',
      'Judul',
      'Kompetensi',
      'JP',
      'Kapasitas',
      'Biaya per Peserta',
      'Hari',
      'Moda',
      'Bentuk',
      'Penyelenggara',
    ],
    [
      'PL-01',
      'Membangun Integritas',
      'M.01',
      24,
      30,
      1500000,
      2,
      'Tatap Muka',
      'KL02',
      'BKPSDM Kota Sawahlunto',
    ],
  ];
  s['Daftar Hadir'] = [
    ['ID Sesi', 'Kode', 'Tanggal', 'NIP', 'Status'],
    ['PL-01-2026-1', 'PL-01', '2026-09-07', NIP_BUDI, 'Hadir'],
    ['PL-01-2026-1', 'PL-01', '2026-09-08', NIP_BUDI, 'Hadir'],
    ['PL-01-2026-1', 'PL-01', '2026-09-07', NIP_SITI, 'Hadir'],
    ['PL-01-2026-1', 'PL-01', '2026-09-08', NIP_SITI, 'Sakit'], // 1 of 2 days: not completed
    ['PL-01-2026-1', 'PL-01', null, NIP_RINA, 'Tidak Hadir'], // declined
  ];
  return s;
}

describe.each([
  ['xlsx', (dir: string) => writeXlsx(join(dir, 'program.xlsx'), withAttendance())],
  ['folder CSV', (dir: string) => writeCsvFolder(join(dir, 'program'), withAttendance())],
])('bangkom export-siasn (%s)', (_, write) => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bangkom-siasn-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes rows that pass the field rules, marks them, and writes nothing new on a rerun', async () => {
    const input = await write(dir);
    const first = await runCliIn(dir, ['export-siasn', input, '--tahun', '2026', '--out', 'out', '--json']);
    expect(first.code).toBe(1); // two rows left out
    const json = first.json as {
      rows: number;
      riwayatBaru: number;
      files: { csv: string; xlsx: string; json: string };
      tidakDiekspor: { row: number; nip: string; alasan: string }[];
    };
    expect(json.rows).toBe(2);
    expect(json.riwayatBaru).toBe(1);
    expect(json.tidakDiekspor.map((x) => [x.row, x.nip, x.alasan])).toEqual([
      [4, NIP_SITI, 'Nomor Sertifikat kosong'],
      [
        5,
        NIP_SITI,
        'Bentuk kosong (dan Katalog tidak memberi Kode SIASN): jenisDiklatId tidak dapat ditentukan',
      ],
    ]);
    expect(json.files.csv).toBe(join(dir, 'out', 'siasn-riwayat-kursus-2026-20261128.csv'));

    // every row of the file passes the rules; CSV, JSON and the rows agree
    const rows = JSON.parse(readFileSync(json.files.json, 'utf8')) as Record<string, unknown>[];
    for (const r of rows) expect(siasnRowSchema.safeParse(r).error).toBeUndefined();
    expect(
      rows.map((r) => [r.nipBaru, r.namaKursus, r.jenisDiklatId, r.jenisKursusSertipikat, r.nomorSertipikat]),
    ).toEqual([
      [NIP_BUDI, 'Pelayanan Prima', 8, 'T', 'PP/2026/1'],
      [NIP_BUDI, 'Membangun Integritas', 5, 'T', 'PL-01/2026/0001'],
    ]);
    const csv = readFileSync(json.files.csv, 'utf8').trimEnd().split('\r\n');
    expect(csv[0]).toBe(SIASN_FIELDS.join(','));
    expect(csv[2]).toBe(
      `,${NIP_BUDI},,5,pelatihan manajerial,T,Membangun Integritas,BKPSDM Kota Sawahlunto,24,07-09-2026,08-09-2026,2026,PL-01/2026/0001,`,
    );

    // the workbook now holds Budi's row from Daftar Hadir and the marks, and still validates
    const v = validateWorkbook(await readWorkbookFile(input));
    expect(v.errors).toEqual([]);
    const made = v.data.trainings.find((t) => t.sesi === 'PL-01-2026-1');
    expect(made).toMatchObject({ nip: NIP_BUDI, jp: 24, mulai: '2026-09-07', dieksporSiasn: '2026-11-28' });
    expect(v.data.trainings.filter((t) => t.dieksporSiasn !== undefined).map((t) => t.namaPelatihan)).toEqual(
      ['Pelayanan Prima', 'Membangun Integritas'],
    );

    const again = await runCliIn(dir, ['export-siasn', input, '--tahun', '2026', '--out', 'out', '--json']);
    expect(again.json).toMatchObject({ rows: 0, riwayatBaru: 0, sudahDiekspor: 2, files: null });
    expect(readdirSync(join(dir, 'out')).filter((f) => f.endsWith('.csv'))).toHaveLength(1);
    const rerun = validateWorkbook(await readWorkbookFile(input));
    expect(rerun.data.trainings).toHaveLength(v.data.trainings.length);

    // --semua writes the year again, into a new file of the day
    const all = await runCliIn(dir, [
      'export-siasn',
      input,
      '--tahun',
      '2026',
      '--out',
      'out',
      '--semua',
      '--json',
    ]);
    expect(all.json).toMatchObject({ rows: 2, sudahDiekspor: 0 });
    expect((all.json.files as { csv: string }).csv).toBe(
      join(dir, 'out', 'siasn-riwayat-kursus-2026-20261128-2.csv'),
    );
  });
});
