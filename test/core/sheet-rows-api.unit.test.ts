/** The row API beside validateWorkbook: validateRows (form submits), toRows, record schemas. */
import {
  type RawWorkbook,
  recordSchemas,
  settingsToEntries,
  toRows,
  validateRows,
  validateWorkbook,
} from '@bangkom/core';
import { ANI, BUDI, base, CICI, only, specOf } from './sheet-rows-fixture';

describe('validateRows (form-submit path)', () => {
  it('validates one appended response at its sheet row', () => {
    const header = ['Stempel waktu', 'NIP', 'Sumber', 'M.01 Integritas'];
    const r = validateRows('penilaian', [header, ['28/11/2026 10:00:00', ANI, 'Diri', '6']], undefined, {
      firstDataRow: 57,
      pegawaiNips: new Set([ANI]),
    });
    expect(only(r.errors)).toEqual([
      {
        sheet: 'Penilaian',
        row: 57,
        column: 'M.01 Integritas',
        message: 'M.01 Integritas harus bilangan bulat 1–5',
      },
    ]);
    // known columns are keyed by their contract header, whatever alias the sheet used
    expect(r.quarantine[0]?.values).toEqual({
      Waktu: '28/11/2026 10:00:00',
      NIP: ANI,
      Sumber: 'Diri',
      'M.01 Integritas': '6',
    });
    const good = validateRows(
      'Penilaian',
      [header, ['28/11/2026 10:00:00', ANI, 'Diri', 4]],
      [{ row: 2, kode: 'M.01', nama: 'Integritas', kelompok: 'Manajerial' }],
    );
    expect(good.records).toEqual([
      { row: 2, nip: ANI, sumber: 'Diri', waktu: '2026-11-28T10:00:00', ratings: { 'M.01': 4 } },
    ]);
    expect(good.count).toEqual({ rows: 1, valid: 1, quarantined: 0, superseded: 0 });
  });

  it('throws only for a sheet that is not in the contract', () => {
    expect(() => validateRows('Lembar Lain', [])).toThrow('bukan lembar kontrak');
    expect(validateRows('SKM', []).count).toEqual({ rows: 0, valid: 0, quarantined: 0, superseded: 0 });
  });
});

describe('toRows', () => {
  it('writes records back in spec header order and they parse to the same records', () => {
    const wb = base();
    wb.Pengaturan = [
      ['Kunci', 'Nilai'],
      ['Tahun', 2026],
    ];
    const first = validateWorkbook(wb);
    const back: RawWorkbook = {
      Pegawai: toRows(specOf('Pegawai'), first.data.employees as never),
      'Standar Kompetensi': toRows(specOf('Standar Kompetensi'), first.data.standards as never),
      Penilaian: toRows(specOf('Penilaian'), first.data.assessments as never, first.data.competencies),
      'Riwayat Pelatihan': toRows(specOf('Riwayat Pelatihan'), first.data.trainings as never),
      'Katalog Pelatihan': toRows(specOf('Katalog Pelatihan'), first.data.courses as never),
      Anggaran: toRows(specOf('Anggaran'), first.data.budgets as never),
      Pengaturan: toRows(specOf('Pengaturan'), settingsToEntries(first.data.settings) as never),
    };
    expect(back.Pegawai?.[0]).toEqual(specOf('Pegawai').columns.map((c) => c.header));
    expect(back.Penilaian?.[0]).toEqual([
      'NIP',
      'Sumber',
      'ID Respons',
      'Waktu',
      'NIP Penilai',
      'Email Penilai',
      'M.01 Integritas',
      'M.02 Kerjasama',
    ]);
    expect(back.Pegawai?.[1]).toEqual([
      ANI,
      'Ani',
      'PNS',
      'Dinas Kesehatan',
      'Analis Kebijakan',
      'Fungsional',
      'ani@sawahluntokota.go.id',
      CICI,
    ]);
    const second = validateWorkbook(back);
    expect(second.errors).toEqual([]);
    expect(second.data).toEqual(first.data);
  });

  it('numbers reaction columns naturally', () => {
    const rows = toRows(specOf('Evaluasi Reaksi'), [
      { row: 2, sesi: 'S', nip: ANI, answers: [1, 2, 3, 4, 1, 2, 3, 4, 1, null, 2] },
    ]);
    expect(rows[0]).toEqual([
      'ID Sesi',
      'NIP',
      'R1',
      'R2',
      'R3',
      'R4',
      'R5',
      'R6',
      'R7',
      'R8',
      'R9',
      'R10',
      'R11',
    ]);
    expect(rows[1]?.[11]).toBe('');
  });
});

describe('record schemas', () => {
  it('accept a request body without a sheet row', () => {
    expect(recordSchemas.budgets.parse({ opd: 'Bappeda', pagu: 5 })).toEqual({
      row: 0,
      opd: 'Bappeda',
      pagu: 5,
    });
  });

  it('reject documents that break the rules', () => {
    expect(
      recordSchemas.employees.safeParse({
        row: 2,
        nip: BUDI,
        nama: 'B',
        jenisAsn: 'PNS',
        opd: 'X',
        jabatan: 'Y',
      }).success,
    ).toBe(false);
    expect(
      recordSchemas.employees.safeParse({
        row: 2,
        nip: ANI,
        nama: 'A',
        jenisAsn: 'PNS',
        opd: 'X',
        jabatan: 'Y',
        email: undefined,
      }).success,
    ).toBe(false); // exact optional: a present undefined is not an absent field
    expect(
      recordSchemas.standards.safeParse({ row: 2, jabatan: 'A', kode: 'M.01', level: 6, bobot: 1 }).success,
    ).toBe(false);
    expect(
      recordSchemas.tests.safeParse({ row: 2, sesi: 'S', nip: ANI, pre: 10, post: 120, maks: 100 }).success,
    ).toBe(false);
    expect(
      recordSchemas.trainings.safeParse({ row: 2, nip: ANI, namaPelatihan: 'L', jp: 2, mulai: '2026-02-30' })
        .success,
    ).toBe(false);
    expect(recordSchemas.skm.safeParse({ row: 2, unit: 'U', periode: 'P', answers: [1, 2, 3] }).success).toBe(
      false,
    );
  });
});
