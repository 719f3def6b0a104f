/** validateWorkbook on a whole workbook: sheet and header matching, extension sheets, edge cases, mixed cell types. */
import { DEFAULT_SETTINGS, datesToSerials, recordSchemas, validateWorkbook } from '@bangkom/core';
import { ANI, BUDI, base, only } from './sheet-rows-fixture';

describe('validateWorkbook: a valid workbook', () => {
  it('parses every sheet with counts and no errors', () => {
    const r = validateWorkbook(base());
    expect(r.errors).toEqual([]);
    expect(r.valid).toBe(true);
    expect(r.quarantine).toEqual([]);
    expect(r.counts).toEqual({
      Pegawai: { rows: 3, valid: 3, quarantined: 0, superseded: 0 },
      'Standar Kompetensi': { rows: 3, valid: 3, quarantined: 0, superseded: 0 },
      Penilaian: { rows: 3, valid: 3, quarantined: 0, superseded: 0 },
      'Riwayat Pelatihan': { rows: 2, valid: 2, quarantined: 0, superseded: 0 },
      'Katalog Pelatihan': { rows: 2, valid: 2, quarantined: 0, superseded: 0 },
      Anggaran: { rows: 2, valid: 2, quarantined: 0, superseded: 0 },
    });
    expect(r.data.employees[1]).toEqual({
      row: 3,
      nip: BUDI,
      nama: 'Budi',
      jenisAsn: 'PPPK',
      opd: 'Dinas Kesehatan',
      jabatan: 'Pengadministrasi',
      jenisJabatan: 'Pelaksana',
      nipAtasan: ANI,
    });
    expect(r.data.standards[1]).toEqual({
      row: 3,
      jabatan: 'Analis Kebijakan',
      kode: 'M.02',
      level: 3,
      bobot: 1,
    });
    expect(r.data.assessments[0]).toEqual({
      row: 2,
      nip: ANI,
      sumber: 'Diri',
      idRespons: 'r1',
      waktu: '2026-02-01T08:00:00',
      ratings: { 'M.01': 3, 'M.02': 2 },
    });
    expect(r.data.assessments[2]?.ratings).toEqual({ 'M.01': 2 }); // empty cell = not assessed
    expect(r.data.trainings[1]).toEqual({
      row: 3,
      nip: BUDI,
      namaPelatihan: 'Webinar Pelayanan',
      jp: 2,
      mulai: '2026-04-15',
      bentuk: 'NKL05',
    });
    expect(r.data.courses[0]).toMatchObject({ biaya: 1500000, hari: 3, moda: 'Tatap Muka' });
    expect(r.data.courses[1]).toMatchObject({ kompetensi: ['M.02', 'M.03'], biaya: 0, hari: 1 });
    expect(r.data.budgets.map((b) => b.pagu)).toEqual([150000000, 90000000]);
    expect(r.data.competencies.map((c) => c.kode)).toEqual([
      'M.01',
      'M.02',
      'M.03',
      'M.04',
      'M.05',
      'M.06',
      'M.07',
      'M.08',
      'SK.01',
    ]);
    expect(r.data.settings).toEqual(DEFAULT_SETTINGS);
  });

  it('every parsed record passes its record schema', () => {
    const { data } = validateWorkbook(base());
    for (const e of data.employees) expect(recordSchemas.employees.safeParse(e).success).toBe(true);
    for (const a of data.assessments) expect(recordSchemas.assessments.safeParse(a).success).toBe(true);
    for (const t of data.trainings) expect(recordSchemas.trainings.safeParse(t).success).toBe(true);
    for (const c of data.courses) expect(recordSchemas.courses.safeParse(c).success).toBe(true);
    for (const c of data.competencies) expect(recordSchemas.competencies.safeParse(c).success).toBe(true);
  });
});

describe('sheet and header matching', () => {
  it('ignores case and spaces in sheet names and headers, takes columns in any order, keeps extras', () => {
    const wb = base();
    wb['  pegawai '] = [
      ['Catatan', '  jenis   asn ', 'OPD', 'nip', 'NAMA', 'Jabatan'],
      ['lihat SK', 'PNS', 'Bappeda', ANI, 'Ani', 'Analis Kebijakan'],
      ['', 'PNS', 'Bappeda', BUDI, 'Budi', 'Analis'],
    ];
    delete wb.Pegawai;
    // this Pegawai names no supervisor, so the sample's Atasan rating has no rater entitled to it
    wb.Penilaian = (wb.Penilaian ?? []).filter((row) => row[1] !== 'Atasan');
    const r = validateWorkbook(wb);
    expect(r.data.employees[0]).toEqual({
      row: 2,
      nip: ANI,
      nama: 'Ani',
      jenisAsn: 'PNS',
      opd: 'Bappeda',
      jabatan: 'Analis Kebijakan',
    });
    // the invalid row is kept whole, keyed by contract headers, extra columns included
    expect(r.quarantine).toEqual([
      {
        sheet: 'Pegawai',
        row: 3,
        values: {
          Catatan: '',
          'Jenis ASN': 'PNS',
          OPD: 'Bappeda',
          NIP: BUDI,
          Nama: 'Budi',
          Jabatan: 'Analis',
        },
        errors: [
          {
            sheet: 'Pegawai',
            row: 3,
            column: 'NIP',
            value: BUDI,
            message: 'NIP berbentuk PPPK tidak sesuai dengan Jenis ASN PNS',
          },
        ],
      },
    ]);
  });

  it('reports a missing required sheet once', () => {
    const wb = base();
    delete wb.Anggaran;
    const r = validateWorkbook(wb);
    expect(only(r.errors)).toEqual([
      { sheet: 'Anggaran', row: 1, column: '', message: 'Lembar wajib "Anggaran" tidak ditemukan' },
    ]);
    expect(r.counts.Anggaran).toBeUndefined();
    expect(r.valid).toBe(false);
    // a narrower set of required sheets (e.g. the `ikm` command) can be asked for
    expect(validateWorkbook(wb, { requiredSheets: ['pegawai'] }).valid).toBe(true);
  });

  it('a missing required column: error on row 1, the sheet yields no records, its rows are quarantined', () => {
    const wb = base();
    wb['Riwayat Pelatihan'] = [
      ['NIP', 'Nama Pelatihan', 'Tanggal Mulai'],
      [ANI, 'Latsar', '2026-01-05'],
      ['', '', ''],
      [BUDI, 'Latsar', '2026-01-05'],
    ];
    const r = validateWorkbook(wb);
    const headerError = {
      sheet: 'Riwayat Pelatihan',
      row: 1,
      column: 'JP',
      value: null,
      message: 'Kolom wajib "JP" tidak ditemukan di baris judul (baris 1)',
    };
    // the listed error says how many rows it keeps out; each quarantined row points at the header error
    expect(r.errors).toEqual([
      { ...headerError, message: `${headerError.message}; 2 baris data lembar ini dikarantina karenanya` },
    ]);
    expect(r.data.trainings).toEqual([]);
    expect(r.counts['Riwayat Pelatihan']).toEqual({ rows: 2, valid: 0, quarantined: 2, superseded: 0 });
    expect(r.quarantine.map((q) => [q.row, q.errors])).toEqual([
      [2, [headerError]],
      [4, [headerError]],
    ]);
  });

  it('a column given twice blocks the sheet', () => {
    const wb = base();
    wb.Anggaran = [
      ['OPD', 'Pagu', ' pagu'],
      ['Bappeda', 1, 2],
    ];
    const r = validateWorkbook(wb);
    expect(only(r.errors)).toEqual([
      {
        sheet: 'Anggaran',
        row: 1,
        column: 'Pagu',
        message:
          'Kolom "Pagu" muncul lebih dari sekali di baris judul; 1 baris data lembar ini dikarantina karenanya',
      },
    ]);
    expect(r.data.budgets).toEqual([]);
  });

  it('skips entirely blank rows without counting them, keeping sheet row numbers', () => {
    const wb = base();
    wb.Anggaran = [['OPD', 'Pagu', 'Catatan'], [], [null, '  ', 'rumus bantu'], ['Bappeda', 5]];
    const r = validateWorkbook(wb);
    expect(r.counts.Anggaran).toEqual({ rows: 1, valid: 1, quarantined: 0, superseded: 0 });
    expect(r.data.budgets).toEqual([{ row: 4, opd: 'Bappeda', pagu: 5 }]);
  });

  it('reports a sheet that appears twice under different spellings', () => {
    const wb = base();
    wb.ANGGARAN = [['OPD', 'Pagu']];
    expect(only(validateWorkbook(wb).errors)).toEqual([
      {
        sheet: 'Anggaran',
        row: 1,
        column: '',
        message: 'Lembar "Anggaran" muncul lebih dari sekali; hanya yang pertama dibaca',
      },
    ]);
  });
});

describe('extension sheets', () => {
  it('reads Hari Libur, Ruang and Preferensi', () => {
    const wb = base();
    wb['Hari Libur'] = [
      ['Tanggal', 'Keterangan', 'Libur'],
      ['2026-03-20', 'Cuti bersama Idulfitri', ''],
      ['17/08/2026', 'Dipindah', 'Tidak'],
      ['2026-03-20', 'Ganda', 'Ya'],
    ];
    wb.Ruang = [
      ['Nama', 'Kapasitas'],
      ['Aula', 60],
      ['Lab', 0],
    ];
    wb.Preferensi = [
      ['NIP', 'Bulan', 'Moda', 'Topik'],
      [ANI, 'Maret, 5, mei', 'Daring', 'M.01 Integritas, SK.01'],
      [BUDI, 'Smarch', '', 'M.55'],
    ];
    const r = validateWorkbook(wb);
    expect(only(r.errors)).toEqual([
      { sheet: 'Hari Libur', row: 4, column: 'Tanggal', message: 'Tanggal ganda: sudah ada di baris 2' },
      { sheet: 'Ruang', row: 3, column: 'Kapasitas', message: 'Kapasitas harus bilangan bulat ≥ 1' },
      {
        sheet: 'Preferensi',
        row: 3,
        column: 'Bulan',
        message: 'Bulan tidak dikenal: Smarch (gunakan 1–12 atau nama bulan, mis. Maret)',
      },
      {
        sheet: 'Preferensi',
        row: 3,
        column: 'Topik',
        message: 'Kode kompetensi tidak ada di Kamus Kompetensi: M.55',
      },
    ]);
    expect(r.data.holidays).toEqual([
      { row: 2, tanggal: '2026-03-20', keterangan: 'Cuti bersama Idulfitri', libur: true },
      { row: 3, tanggal: '2026-08-17', keterangan: 'Dipindah', libur: false },
    ]);
    expect(r.data.rooms).toEqual([{ row: 2, nama: 'Aula', kapasitas: 60 }]);
    expect(r.data.preferences).toEqual([
      { row: 2, nip: ANI, bulan: [3, 5], moda: 'Daring', topik: ['M.01', 'SK.01'] },
    ]);
  });
});

describe('edge cases', () => {
  it('an optional sheet left completely empty counts as present with no rows', () => {
    const wb = base();
    wb.SKM = [[], [null, '']];
    wb.Ruang = [];
    const r = validateWorkbook(wb);
    expect(r.errors).toEqual([]);
    expect(r.counts.SKM).toEqual({ rows: 0, valid: 0, quarantined: 0, superseded: 0 });
    expect(r.counts.Ruang).toEqual({ rows: 0, valid: 0, quarantined: 0, superseded: 0 });
  });

  it('does not check NIPs against a Pegawai sheet whose header is unreadable', () => {
    const wb = base();
    wb.Pegawai = [
      ['NIP', 'Nama'],
      [ANI, 'Ani'],
    ];
    const r = validateWorkbook(wb);
    expect(r.errors.every((e) => e.sheet === 'Pegawai' && e.row === 1)).toBe(true);
    expect(r.data.assessments).toHaveLength(3);
  });

  it('takes a checkbox in Hari Libur.Libur', () => {
    const wb = base();
    wb['Hari Libur'] = [
      ['Tanggal', 'Libur'],
      ['2026-01-01', true],
      ['2026-01-02', false],
    ];
    expect(validateWorkbook(wb).data.holidays.map((h) => h.libur)).toEqual([true, false]);
  });

  it('rejects a checkbox in a text column', () => {
    const wb = base();
    wb.Anggaran = [
      ['OPD', 'Pagu'],
      [true, 1],
    ];
    expect(only(validateWorkbook(wb).errors)).toEqual([
      { sheet: 'Anggaran', row: 2, column: 'OPD', message: 'OPD harus berisi teks, bukan kotak centang' },
    ]);
  });
});

describe('mixed cell types', () => {
  it('exceljs, CSV and Sheets API cells of the same data give the same records', () => {
    const exceljs = base();
    exceljs['Riwayat Pelatihan'] = [
      ['NIP', 'Nama Pelatihan', 'JP', 'Tanggal Mulai'],
      [ANI, 'Latsar', 24, new Date(Date.UTC(2026, 2, 2))],
    ];
    exceljs.Anggaran = [
      ['OPD', 'Pagu'],
      ['Bappeda', 1500000],
    ];
    const csv = base();
    csv['Riwayat Pelatihan'] = [
      ['NIP', 'Nama Pelatihan', 'JP', 'Tanggal Mulai'],
      [ANI, 'Latsar', '24', '02/03/2026'],
    ];
    csv.Anggaran = [
      ['OPD', 'Pagu'],
      ['Bappeda', '1.500.000'],
    ];
    const api = base();
    api['Riwayat Pelatihan'] = [
      ['NIP', 'Nama Pelatihan', 'JP', 'Tanggal Mulai'],
      [ANI, 'Latsar', 24, 46083],
    ];
    api.Anggaran = [
      ['OPD', 'Pagu'],
      ['Bappeda', 1500000],
    ];
    // Apps Script: local-midnight Dates, converted by the adapter before the core sees them
    const appsScript = base();
    appsScript['Riwayat Pelatihan'] = datesToSerials(
      [
        ['NIP', 'Nama Pelatihan', 'JP', 'Tanggal Mulai'],
        [ANI, 'Latsar', 24, new Date(2026, 2, 2)],
      ],
      true,
    );
    appsScript.Anggaran = [
      ['OPD', 'Pagu'],
      ['Bappeda', 1500000],
    ];
    const [a, b, c, d] = [exceljs, csv, api, appsScript].map((wb) => validateWorkbook(wb));
    expect(d?.data).toEqual(a?.data);
    expect(a?.errors).toEqual([]);
    expect(b?.data).toEqual(a?.data);
    expect(c?.data).toEqual(a?.data);
    expect(a?.data.trainings[0]?.mulai).toBe('2026-03-02');
  });
});
