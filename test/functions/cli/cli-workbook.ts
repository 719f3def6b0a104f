/**
 * Small program workbooks for the CLI tests, written as .xlsx (exceljs) or as a folder of CSVs,
 * an in-memory CliIo that captures stdout and stderr, and an in-process `bangkom` run.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Cell } from '@bangkom/core';
import ExcelJS from 'exceljs';
import type { CliIo } from '../../../functions/src/cli/io';
import { runCli } from '../../../functions/src/cli/main';

export type Sheets = Record<string, Cell[][]>;

export const NIP_BUDI = '198001012005011001'; // PNS, born 1980-01-01, TMT 2005-01, male
export const NIP_SITI = '198502022010012002'; // PNS, born 1985-02-02, TMT 2010-01, female
export const NIP_RINA = '199003032021212003'; // PPPK, born 1990-03-03, appointed 2021, female

/**
 * A valid workbook small enough to work by hand:
 * - Budi (Analis Kebijakan, Dinas Kesehatan): M.01 standard 3, bobot 2; rated Asesmen 2, Diri 3
 *   -> aktual (0.5·2 + 0.2·3)/0.7 = 2.2857…, gap 0.7142…, prioritas 1.4285…;
 *   M.02 standard 4, rated Asesmen 4 -> gap 0. JP 2026: 24 (meets 20).
 * - Siti (Analis Kebijakan, Dinas Kesehatan): not rated -> gaps unknown. JP 2026: 8.
 * - Rina (Perawat, RSUD): no standard for her jabatan. JP 2026: 0.
 * - SKM, Dinas Kesehatan 2026-S1: two respondents, all 4 and all 3 -> NRR 3.5, IKM 3.5, konversi 87.5 (B).
 * - Session S1: reaction 4,3 / 4,4 -> index 93.75; tests 40->70 and 50->100 -> g 0.5 and 1,
 *   <g> from session means (45 -> 85)/(100-45) = 0.7272… (Tinggi); behaviour 2->3 -> +1.
 */
export function validSheets(): Sheets {
  return {
    Pegawai: [
      ['NIP', 'Nama', 'Jenis ASN', 'OPD', 'Jabatan', 'Jenis Jabatan'],
      [NIP_BUDI, 'Budi Santoso', 'PNS', 'Dinas Kesehatan', 'Analis Kebijakan', 'Fungsional'],
      [NIP_SITI, 'Siti Aminah', 'PNS', 'Dinas Kesehatan', 'Analis Kebijakan', 'Fungsional'],
      [NIP_RINA, 'Rina Marlina', 'PPPK', 'RSUD', 'Perawat', 'Fungsional'],
    ],
    'Standar Kompetensi': [
      ['Jabatan', 'Kode Kompetensi', 'Level Standar', 'Bobot'],
      ['Analis Kebijakan', 'M.01', 3, 2],
      ['Analis Kebijakan', 'M.02', 4, null],
    ],
    Penilaian: [
      ['NIP', 'Sumber', 'Waktu', '[M.01] Integritas', 'M.02 Kerjasama'],
      [NIP_BUDI, 'Asesmen', '2026-02-01 09:00:00', 2, 4],
      [NIP_BUDI, 'Diri', '2026-02-02 10:00:00', 3, null],
    ],
    'Riwayat Pelatihan': [
      ['NIP', 'Nama Pelatihan', 'JP', 'Tanggal Mulai', 'Bentuk'],
      [NIP_BUDI, 'Pelayanan Prima', 24, '2026-03-02', 'KL01'],
      [NIP_BUDI, 'Integritas', 10, '2025-05-05', 'KL01'],
      [NIP_SITI, 'Kerjasama Tim', 8, '05/05/2026', 'NKL03'],
    ],
    'Katalog Pelatihan': [
      ['Kode', 'Judul', 'Kompetensi', 'JP', 'Kapasitas', 'Biaya per Peserta', 'Hari', 'Moda'],
      ['PL-01', 'Membangun Integritas', 'M.01', 24, 30, 1500000, 3, 'Tatap Muka'],
      ['PL-02', 'Kerja Sama Lintas OPD', 'M.02, M.03', 16, 25, 750000, 2, 'Daring'],
    ],
    Anggaran: [
      ['OPD', 'Pagu'],
      ['Dinas Kesehatan', 20000000],
      ['RSUD', 5000000],
    ],
    SKM: [
      ['Unit Layanan', 'Periode', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'],
      ['Dinas Kesehatan', '2026-S1', 4, 4, 4, 4, 4, 4, 4, 4, 4],
      ['Dinas Kesehatan', '2026-S1', 3, 3, 3, 3, 3, 3, 3, 3, 3],
    ],
    'Evaluasi Reaksi': [
      ['ID Sesi', 'NIP', 'R1', 'R2'],
      ['S1', NIP_BUDI, 4, 3],
      ['S1', NIP_SITI, 4, 4],
    ],
    Tes: [
      ['ID Sesi', 'NIP', 'Pre', 'Post'],
      ['S1', NIP_BUDI, 40, 70],
      ['S1', NIP_SITI, 50, 100],
    ],
    'Evaluasi Perilaku': [
      ['ID Sesi', 'NIP', 'Kode Kompetensi', 'Sebelum', 'Sesudah'],
      ['S1', NIP_BUDI, 'M.01', 2, 3],
    ],
    Pengaturan: [
      ['Kunci', 'Nilai'],
      ['Tahun', 2026],
      // a two-person office: a class of one runs
      ['Peserta Minimum', 1],
    ],
  };
}

/** The valid workbook plus two invalid rows: a malformed NIP (Pegawai row 5) and JP −5 (Riwayat row 5). */
export function invalidSheets(): Sheets {
  const s = validSheets();
  s.Pegawai?.push(['12345', 'Tanpa NIP', 'PNS', 'RSUD', 'Perawat', 'Fungsional']);
  s['Riwayat Pelatihan']?.push([NIP_SITI, 'Salah Isi', -5, '2026-06-01', 'KL01']);
  return s;
}

export async function writeXlsx(path: string, sheets: Sheets): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const row of rows) ws.addRow(row.map((c) => (c === undefined ? null : c)));
  }
  await wb.xlsx.writeFile(path);
  return path;
}

function csvField(c: Cell, sep: string): string {
  if (c === null || c === undefined) return '';
  const s = c instanceof Date ? c.toISOString().slice(0, 10) : String(c);
  return s.includes(sep) || /["\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV per sheet; `;` separated with a BOM, as Excel in an Indonesian locale saves it. */
export async function writeCsvFolder(dir: string, sheets: Sheets, sep: ',' | ';' = ';'): Promise<string> {
  await mkdir(dir, { recursive: true });
  for (const [name, rows] of Object.entries(sheets)) {
    const text = rows.map((r) => r.map((c) => csvField(c, sep)).join(sep)).join('\r\n');
    await writeFile(join(dir, `${name}.csv`), `\uFEFF${text}\r\n`);
  }
  return dir;
}

export interface CapturedIo extends CliIo {
  out(): string;
  err(): string;
}

export function captureIo(opts: {
  cwd: string;
  env?: Record<string, string | undefined>;
  now?: Date;
}): CapturedIo {
  let out = '';
  let err = '';
  const now = opts.now ?? new Date(Date.UTC(2026, 10, 28, 3, 0, 0));
  return {
    stdout: {
      write: (s: string) => {
        out += s;
        return true;
      },
    },
    stderr: {
      write: (s: string) => {
        err += s;
        return true;
      },
    },
    env: opts.env ?? {},
    now: () => now,
    cwd: opts.cwd,
    out: () => out,
    err: () => err,
  };
}

/** Runs `bangkom` in-process in `cwd`; with --json, stdout must be exactly one JSON document. */
export async function runCliIn(cwd: string, argv: string[]) {
  const io = captureIo({ cwd });
  const code = await runCli(argv, io);
  const out = io.out();
  let json: Record<string, unknown> = {};
  if (argv.includes('--json')) {
    expect(out.endsWith('\n')).toBe(true);
    expect(out.trimEnd().split('\n')).toHaveLength(1);
    json = JSON.parse(out) as Record<string, unknown>;
  }
  return { code, out, err: io.err(), json };
}
