import {
  type CellError,
  DEFAULT_SETTINGS,
  datesToSerials,
  isFormDocId,
  jpYear,
  type RawSheet,
  type RawWorkbook,
  recordIds,
  recordSchemas,
  SHEET_SPECS,
  settingsToEntries,
  toRows,
  validateRows,
  validateWorkbook,
} from '@bangkom/core';

const ANI = '198501012010011001'; // PNS
const BUDI = '199001012023212001'; // PPPK
const CICI = '198807152012032002'; // PNS, woman

/** A small workbook that passes every rule. */
function base(): RawWorkbook {
  return {
    Pegawai: [
      ['NIP', 'Nama', 'Jenis ASN', 'OPD', 'Jabatan', 'Jenis Jabatan', 'Email', 'NIP Atasan'],
      [
        ANI,
        'Ani',
        'PNS',
        'Dinas Kesehatan',
        'Analis Kebijakan',
        'Fungsional',
        'ani@sawahluntokota.go.id',
        CICI,
      ],
      [BUDI, 'Budi', 'PPPK', 'Dinas Kesehatan', 'Pengadministrasi', 'Pelaksana', '', ANI],
      [CICI, 'Cici', 'PNS', 'Bappeda', 'Analis Kebijakan', '', '', ''],
    ],
    'Standar Kompetensi': [
      ['Jabatan', 'Kode Kompetensi', 'Level Standar', 'Bobot'],
      ['Analis Kebijakan', 'M.01', 3, 2],
      ['Analis Kebijakan', 'M.02', 3, ''],
      ['Pengadministrasi', 'M.01', 2, 1],
    ],
    Penilaian: [
      ['NIP', 'Sumber', 'ID Respons', 'Waktu', 'NIP Penilai', 'M.01 Integritas', 'M.02 Kerjasama'],
      [ANI, 'Diri', 'r1', '2026-02-01 08:00:00', '', 3, 2],
      [ANI, 'Atasan', 'r2', '2026-02-02 08:00:00', CICI, 2, 2],
      [BUDI, 'Asesmen', 'r3', '2026-02-03 08:00:00', '', 2, ''],
    ],
    'Riwayat Pelatihan': [
      ['NIP', 'Nama Pelatihan', 'JP', 'Tanggal Mulai', 'Tanggal Selesai', 'Bentuk', 'Nomor Sertifikat'],
      [ANI, 'Pelatihan Integritas', 24, '2026-03-02', '2026-03-04', 'KL01', 'STTPP-1'],
      [BUDI, 'Webinar Pelayanan', '2', '15/04/2026', '', 'NKL05', ''],
    ],
    'Katalog Pelatihan': [
      [
        'Kode',
        'Judul',
        'Kompetensi',
        'JP',
        'Kapasitas',
        'Biaya per Peserta',
        'Bentuk',
        'Hari',
        'Penyelenggara',
        'Moda',
      ],
      ['PK-01', 'Integritas ASN', 'M.01', 24, 30, 'Rp 1.500.000', 'KL01', 3, 'BPSDM Sumbar', 'Tatap Muka'],
      ['PK-02', 'Kerja Sama Tim', 'M.02, M.03', 16, 40, 0, '', '', '', 'Daring'],
    ],
    Anggaran: [
      ['OPD', 'Pagu'],
      ['Dinas Kesehatan', '150.000.000'],
      ['Bappeda', 90000000],
    ],
  };
}

const only = (errors: CellError[]) =>
  errors.map(({ sheet, row, column, message }) => ({ sheet, row, column, message }));
const specOf = (name: string) => {
  const s = SHEET_SPECS.find((x) => x.name === name);
  if (!s) throw new Error(name);
  return s;
};

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

describe('Pegawai', () => {
  const run = (rows: RawSheet) => {
    const wb = base();
    wb.Pegawai = [
      ['NIP', 'Nama', 'Jenis ASN', 'OPD', 'Jabatan', 'Jenis Jabatan', 'Email', 'NIP Atasan'],
      ...rows,
    ];
    const r = validateWorkbook(wb);
    return { r, errors: only(r.errors.filter((e) => e.sheet === 'Pegawai')) };
  };

  it('checks NIP shape, NIP rules and agreement with Jenis ASN', () => {
    const { errors } = run([
      ['1985010120100110', 'A', 'PNS', 'X', 'Y'],
      ['198502302010011001', 'B', 'PNS', 'X', 'Y'],
      [BUDI, 'C', 'PNS', 'X', 'Y'],
      [ANI, 'D', 'PPPK', 'X', 'Y'],
      [Number(ANI), 'E', 'PNS', 'X', 'Y'],
    ]);
    expect(errors).toEqual([
      { sheet: 'Pegawai', row: 2, column: 'NIP', message: 'NIP harus 18 digit angka' },
      {
        sheet: 'Pegawai',
        row: 3,
        column: 'NIP',
        message: 'NIP: tanggal lahir (digit 1–8) "19850230" bukan tanggal yang valid',
      },
      {
        sheet: 'Pegawai',
        row: 4,
        column: 'NIP',
        message: 'NIP berbentuk PPPK tidak sesuai dengan Jenis ASN PNS',
      },
      {
        sheet: 'Pegawai',
        row: 5,
        column: 'NIP',
        message: 'NIP berbentuk PNS tidak sesuai dengan Jenis ASN PPPK',
      },
      {
        sheet: 'Pegawai',
        row: 6,
        column: 'NIP',
        message:
          'NIP terbaca sebagai angka sehingga digit terakhirnya hilang; format kolom NIP sebagai teks (Format > Angka > Teks biasa) lalu ketik ulang NIP',
      },
    ]);
  });

  it('a repeated NIP is an error on each later row; the first stands', () => {
    const { r, errors } = run([
      [ANI, 'Ani', 'PNS', 'X', 'Y'],
      [ANI, 'Ani 2', 'PNS', 'X', 'Y'],
      ['  ', '', '', '', ''],
      [`'${ANI}`, 'Ani 3', 'pns', 'X', 'Y'],
    ]);
    expect(errors).toEqual([
      { sheet: 'Pegawai', row: 3, column: 'NIP', message: 'NIP ganda: sudah ada di baris 2' },
      { sheet: 'Pegawai', row: 5, column: 'NIP', message: 'NIP ganda: sudah ada di baris 2' },
    ]);
    expect(r.data.employees.map((e) => e.nama)).toEqual(['Ani']);
    expect(r.counts.Pegawai).toEqual({ rows: 3, valid: 1, quarantined: 2, superseded: 0 });
  });

  it('checks required cells, enums, email and NIP Atasan, one error per invalid cell', () => {
    const { errors } = run([
      [ANI, '', 'Honorer', 'X', 'Y', 'Staf', 'ani(at)x', '123'],
      [CICI, 'Cici', 'PNS', 'X', 'Y', 'pengawas', '', CICI],
    ]);
    expect(errors).toEqual([
      { sheet: 'Pegawai', row: 2, column: 'Nama', message: 'Nama wajib diisi' },
      {
        sheet: 'Pegawai',
        row: 2,
        column: 'Jenis ASN',
        message: 'Jenis ASN harus salah satu dari: PNS, PPPK',
      },
      {
        sheet: 'Pegawai',
        row: 2,
        column: 'Jenis Jabatan',
        message:
          'Jenis Jabatan harus salah satu dari: JPT Pratama, Administrator, Pengawas, Pelaksana, Fungsional',
      },
      { sheet: 'Pegawai', row: 2, column: 'NIP Atasan', message: 'NIP Atasan harus 18 digit angka' },
      {
        sheet: 'Pegawai',
        row: 2,
        column: 'Email',
        message: 'Email tidak valid, mis. nama@sawahluntokota.go.id',
      },
      {
        sheet: 'Pegawai',
        row: 3,
        column: 'NIP Atasan',
        message: 'NIP Atasan tidak boleh sama dengan NIP pegawai',
      },
    ]);
  });
});

describe('Kamus Kompetensi and Standar Kompetensi', () => {
  it('a valid Kamus replaces the default dictionary for every code check', () => {
    const wb = base();
    wb['Kamus Kompetensi'] = [
      ['Kode', 'Nama', 'Kelompok'],
      ['T.01', 'Analisis Data', 'Teknis'],
      ['M.01', 'Integritas', 'manajerial'],
      ['M 02', 'Kerjasama', 'Manajerial'],
      ['t.01', 'Lagi', 'Teknis'],
      ['T.02', 'Statistik', 'Teknik'],
    ];
    const r = validateWorkbook(wb);
    expect(r.data.competencies.map((c) => [c.kode, c.kelompok])).toEqual([
      ['T.01', 'Teknis'],
      ['M.01', 'Manajerial'],
    ]);
    expect(only(r.errors)).toEqual([
      {
        sheet: 'Kamus Kompetensi',
        row: 4,
        column: 'Kode',
        message: 'Kode tidak boleh kosong atau mengandung spasi, koma, titik koma, atau kurung siku',
      },
      {
        sheet: 'Kamus Kompetensi',
        row: 5,
        column: 'Kode',
        message: 'Kode kompetensi ganda: sudah ada di baris 2',
      },
      {
        sheet: 'Kamus Kompetensi',
        row: 6,
        column: 'Kelompok',
        message: 'Kelompok harus salah satu dari: Manajerial, Sosial Kultural, Teknis',
      },
      {
        sheet: 'Standar Kompetensi',
        row: 3,
        column: 'Kode Kompetensi',
        message: 'Kode Kompetensi "M.02" tidak ada di Kamus Kompetensi',
      },
      {
        sheet: 'Penilaian',
        row: 1,
        column: 'M.02 Kerjasama',
        message:
          'Kolom "M.02 Kerjasama" tampak seperti kolom kompetensi, tetapi kode M.02 tidak ada di Kamus Kompetensi',
      },
      {
        sheet: 'Katalog Pelatihan',
        row: 3,
        column: 'Kompetensi',
        message: 'Kode kompetensi tidak ada di Kamus Kompetensi: M.02, M.03',
      },
    ]);
  });

  it('a Kamus without valid rows falls back to the default dictionary', () => {
    const wb = base();
    wb['Kamus Kompetensi'] = [
      ['Kode', 'Nama', 'Kelompok'],
      ['X 1', 'Salah', 'Teknis'],
    ];
    const r = validateWorkbook(wb);
    expect(r.data.competencies).toHaveLength(9);
    expect(r.data.standards).toHaveLength(3);
  });

  it('checks level, weight, codes and one row per (Jabatan, Kode)', () => {
    const wb = base();
    wb['Standar Kompetensi'] = [
      ['Jabatan', 'Kode Kompetensi', 'Level Standar', 'Bobot'],
      ['Analis', 'M.01', '3', ''],
      ['Analis', 'M.01', 6, 4],
      [' analis ', 'm.01 Integritas', 2, 1],
      ['Analis', 'M.09', 2.5, 1],
      ['Analis', 'M.02', 4, '2'],
    ];
    const r = validateWorkbook(wb);
    expect(only(r.errors)).toEqual([
      {
        sheet: 'Standar Kompetensi',
        row: 3,
        column: 'Level Standar',
        message: 'Level Standar harus bilangan bulat 1–5',
      },
      { sheet: 'Standar Kompetensi', row: 3, column: 'Bobot', message: 'Bobot harus bilangan bulat 1–3' },
      {
        sheet: 'Standar Kompetensi',
        row: 3,
        column: 'Kode Kompetensi',
        message: 'Standar (Jabatan, Kode) ganda: sudah ada di baris 2',
      },
      {
        sheet: 'Standar Kompetensi',
        row: 4,
        column: 'Kode Kompetensi',
        message: 'Standar (Jabatan, Kode) ganda: sudah ada di baris 2',
      },
      {
        sheet: 'Standar Kompetensi',
        row: 5,
        column: 'Level Standar',
        message: 'Level Standar harus bilangan bulat 1–5',
      },
      {
        sheet: 'Standar Kompetensi',
        row: 5,
        column: 'Kode Kompetensi',
        message: 'Kode Kompetensi "M.09" tidak ada di Kamus Kompetensi',
      },
    ]);
    expect(r.data.standards).toEqual([
      { row: 2, jabatan: 'Analis', kode: 'M.01', level: 3, bobot: 1 },
      { row: 6, jabatan: 'Analis', kode: 'M.02', level: 4, bobot: 2 },
    ]);
  });
});

describe('Penilaian', () => {
  const run = (header: RawSheet[number], rows: RawSheet) => {
    const wb = base();
    wb.Penilaian = [header, ...rows];
    return validateWorkbook(wb);
  };

  it('recognises competency headers by dictionary code, and Google Forms headers', () => {
    const r = run(
      [
        'Stempel waktu',
        'Alamat email',
        'NIP',
        'Sumber',
        'M.01',
        'M.02 Integritas',
        '[M.03] Komunikasi',
        'M.04 - Orientasi pada Hasil',
        'Nilai kompetensi [M.05 Pelayanan Publik]',
        'sk.01 perekat bangsa',
        'Komentar',
      ],
      [['28/11/2026 10.15.03', 'ani@x.id', ANI, 'Diri', 1, '2', 3, '4 - Mahir', 5, 3, 'baik']],
    );
    expect(r.errors).toEqual([]);
    expect(r.data.assessments).toEqual([
      {
        row: 2,
        nip: ANI,
        sumber: 'Diri',
        waktu: '2026-11-28T10:15:03',
        ratings: { 'M.01': 1, 'M.02': 2, 'M.03': 3, 'M.04': 4, 'M.05': 5, 'SK.01': 3 },
      },
    ]);
    expect(
      run(['Timestamp', 'NIP', 'Sumber', 'M.01'], [[46000.5, ANI, 'Diri', 3]]).data.assessments[0]?.waktu,
    ).toBe('2025-12-09T12:00:00');
  });

  it('a code-like header not in the dictionary is an error on row 1; the column is ignored', () => {
    const r = run(['NIP', 'Sumber', 'M.01', 'M.99 Foo'], [[ANI, 'Diri', 3, 9]]);
    expect(only(r.errors)).toEqual([
      {
        sheet: 'Penilaian',
        row: 1,
        column: 'M.99 Foo',
        message:
          'Kolom "M.99 Foo" tampak seperti kolom kompetensi, tetapi kode M.99 tidak ada di Kamus Kompetensi',
      },
    ]);
    expect(r.data.assessments[0]?.ratings).toEqual({ 'M.01': 3 });
  });

  it('blocks the sheet without competency columns or with one code twice', () => {
    expect(only(run(['NIP', 'Sumber', 'Catatan'], [[ANI, 'Diri', 'x']]).errors)).toEqual([
      {
        sheet: 'Penilaian',
        row: 1,
        column: '',
        message:
          'Lembar Penilaian tidak punya kolom kompetensi: beri judul kolom dengan kode dari Kamus Kompetensi, mis. "M.01 Integritas"; 1 baris data lembar ini dikarantina karenanya',
      },
    ]);
    const twice = run(['NIP', 'Sumber', 'M.01', 'M.01 Integritas'], [[ANI, 'Diri', 3, 3]]);
    expect(only(twice.errors)).toEqual([
      {
        sheet: 'Penilaian',
        row: 1,
        column: 'M.01 Integritas',
        message:
          'Kolom "M.01 Integritas" dan "M.01" sama-sama untuk M.01; hapus salah satu; 1 baris data lembar ini dikarantina karenanya',
      },
    ]);
    expect(twice.data.assessments).toEqual([]);
  });

  it('checks ratings 1–5, Sumber, registered NIPs and a row with no rating', () => {
    const r = run(
      ['NIP', 'Sumber', 'NIP Penilai', 'M.01 Integritas', 'M.02'],
      [
        [ANI, 'Diri', '', 0, 'lima'],
        [ANI, 'Rekan', '', 3, ''],
        ['198001012005011001', 'Atasan', '', 3, ''],
        [ANI, 'Atasan', '12', '', ''],
      ],
    );
    expect(only(r.errors)).toEqual([
      {
        sheet: 'Penilaian',
        row: 2,
        column: 'M.01 Integritas',
        message: 'M.01 Integritas harus bilangan bulat 1–5',
      },
      { sheet: 'Penilaian', row: 2, column: 'M.02', message: 'M.02 harus bilangan bulat 1–5' },
      {
        sheet: 'Penilaian',
        row: 3,
        column: 'Sumber',
        message: 'Sumber harus salah satu dari: Diri, Atasan, Asesmen',
      },
      { sheet: 'Penilaian', row: 4, column: 'NIP', message: 'NIP tidak terdaftar di lembar Pegawai' },
      { sheet: 'Penilaian', row: 5, column: 'NIP Penilai', message: 'NIP Penilai harus 18 digit angka' },
      {
        sheet: 'Penilaian',
        row: 5,
        column: '',
        message: 'Tidak ada satu pun nilai kompetensi pada baris ini (isi 1–5 pada kolom kompetensi)',
      },
    ]);
    expect(r.counts.Penilaian).toEqual({ rows: 4, valid: 0, quarantined: 4, superseded: 0 });
  });

  it('the later Waktu replaces an earlier (NIP, Sumber) response entirely; ties go to the later row', () => {
    const r = run(
      ['NIP', 'Sumber', 'Waktu', 'M.01', 'M.02', 'NIP Penilai'],
      [
        [ANI, 'Diri', '2026-03-01 09:00:00', 4, 4, ''],
        [ANI, 'Diri', '2026-02-01 09:00:00', 1, 1, ''], // older, though lower in the sheet
        [ANI, 'Atasan', '2026-02-01 09:00:00', 2, 2, CICI],
        [ANI, 'Atasan', '01/02/2026 09:00:00', 3, '', CICI], // same time: the later row wins
        [BUDI, 'Diri', '', 2, 2, ''], // no Waktu: older than any with one
        [BUDI, 'Diri', '2026-01-01 00:00:00', 3, '', ''],
      ],
    );
    expect(r.errors).toEqual([]);
    expect(r.counts.Penilaian).toEqual({ rows: 6, valid: 3, quarantined: 0, superseded: 3 });
    expect(r.data.assessments.map((a) => [a.row, a.ratings])).toEqual([
      [2, { 'M.01': 4, 'M.02': 4 }],
      [5, { 'M.01': 3 }],
      [7, { 'M.01': 3 }],
    ]);
  });

  it('rows with the same ID Respons are one response: the last row is kept', () => {
    const r = run(
      ['ID Respons', 'NIP', 'Sumber', 'Waktu', 'M.01'],
      [
        ['resp-1', ANI, 'Diri', '2026-03-01 09:00:00', 2],
        ['resp-1', ANI, 'Diri', '2026-03-01 09:00:00', 2],
        ['resp-1', ANI, 'Diri', '2026-03-01 09:00:00', 5], // the form response was edited
        ['resp-2', BUDI, 'Diri', '2026-03-01 09:00:00', 3],
      ],
    );
    expect(r.data.assessments.map((a) => [a.idRespons, a.ratings['M.01']])).toEqual([
      ['resp-1', 5],
      ['resp-2', 3],
    ]);
  });
});

describe('Riwayat Pelatihan, Katalog Pelatihan, Anggaran', () => {
  it('checks JP > 0, dates, Bentuk, registered NIPs and duplicates', () => {
    const wb = base();
    wb['Riwayat Pelatihan'] = [
      ['NIP', 'Nama Pelatihan', 'JP', 'Tanggal Mulai', 'Tanggal Selesai', 'Bentuk'],
      [ANI, 'Latsar', '12,5', new Date(Date.UTC(2026, 0, 5)), 46030, 'kl1'],
      [ANI, 'Coaching', 0, '31/02/2026', '', 'KL13'],
      [ANI, 'Rapat', -2, '2026-05-10', '2026-05-09', ''],
      ['198001012005011001', 'Latsar', 3, 'besok', '', ''],
      [ANI, ' latsar ', 8, '05/01/2026', '', ''],
    ];
    const r = validateWorkbook(wb);
    expect(only(r.errors)).toEqual([
      { sheet: 'Riwayat Pelatihan', row: 3, column: 'JP', message: 'JP harus lebih dari 0' },
      {
        sheet: 'Riwayat Pelatihan',
        row: 3,
        column: 'Tanggal Mulai',
        message: 'Tanggal Mulai tidak valid: tanggal "31/02/2026" tidak ada di kalender',
      },
      {
        sheet: 'Riwayat Pelatihan',
        row: 3,
        column: 'Bentuk',
        message: 'Bentuk harus KL01–KL12 (klasikal) atau NKL01–NKL13 (nonklasikal), Peraturan LAN 10/2018',
      },
      { sheet: 'Riwayat Pelatihan', row: 4, column: 'JP', message: 'JP harus lebih dari 0' },
      {
        sheet: 'Riwayat Pelatihan',
        row: 4,
        column: 'Tanggal Selesai',
        message: 'Tanggal Selesai tidak boleh sebelum Tanggal Mulai',
      },
      {
        sheet: 'Riwayat Pelatihan',
        row: 5,
        column: 'Tanggal Mulai',
        message: 'Tanggal Mulai tidak valid: gunakan YYYY-MM-DD atau DD/MM/YYYY',
      },
      { sheet: 'Riwayat Pelatihan', row: 5, column: 'NIP', message: 'NIP tidak terdaftar di lembar Pegawai' },
      {
        sheet: 'Riwayat Pelatihan',
        row: 6,
        column: 'Nama Pelatihan',
        message: 'Riwayat (NIP, Tanggal Mulai, Nama Pelatihan) ganda: sudah ada di baris 2',
      },
    ]);
    expect(r.data.trainings).toEqual([
      {
        row: 2,
        nip: ANI,
        namaPelatihan: 'Latsar',
        jp: 12.5,
        mulai: '2026-01-05',
        selesai: '2026-01-08',
        bentuk: 'KL01',
      },
    ]);
  });

  it('checks the catalogue: codes, positive integers, rupiah, Moda, unique Kode', () => {
    const wb = base();
    wb['Katalog Pelatihan'] = [
      ['Kode', 'Judul', 'Kompetensi', 'JP', 'Kapasitas', 'Biaya per Peserta', 'Hari', 'Moda'],
      ['A', 'Satu', 'M.01 Integritas; SK.01', 8, 20, '1.500.000,00', '', 'campuran'],
      ['B', 'Dua', 'M.42', 0, '20,5', '1,500,000', 0, 'Luring'],
      ['a', 'Tiga', ' , ', 8, 20, 0, 1, ''],
    ];
    const r = validateWorkbook(wb);
    expect(only(r.errors)).toEqual([
      { sheet: 'Katalog Pelatihan', row: 3, column: 'JP', message: 'JP harus bilangan bulat 1–2000' },
      {
        sheet: 'Katalog Pelatihan',
        row: 3,
        column: 'Kapasitas',
        message: 'Kapasitas harus bilangan bulat ≥ 1',
      },
      {
        sheet: 'Katalog Pelatihan',
        row: 3,
        column: 'Biaya per Peserta',
        message: 'Biaya per Peserta harus angka rupiah ≥ 0, mis. 1500000 atau Rp 1.500.000',
      },
      { sheet: 'Katalog Pelatihan', row: 3, column: 'Hari', message: 'Hari harus bilangan bulat ≥ 1' },
      {
        sheet: 'Katalog Pelatihan',
        row: 3,
        column: 'Moda',
        message: 'Moda harus salah satu dari: Tatap Muka, Daring, Campuran',
      },
      {
        sheet: 'Katalog Pelatihan',
        row: 3,
        column: 'Kompetensi',
        message: 'Kode kompetensi tidak ada di Kamus Kompetensi: M.42',
      },
      {
        sheet: 'Katalog Pelatihan',
        row: 4,
        column: 'Kode',
        message: 'Kode pelatihan ganda: sudah ada di baris 2',
      },
      { sheet: 'Katalog Pelatihan', row: 4, column: 'Kompetensi', message: 'Kompetensi wajib diisi' },
    ]);
    expect(r.data.courses).toEqual([
      {
        row: 2,
        kode: 'A',
        judul: 'Satu',
        kompetensi: ['M.01', 'SK.01'],
        jp: 8,
        kapasitas: 20,
        biaya: 1500000,
        hari: 1,
        moda: 'Campuran',
      },
    ]);
  });

  it('checks budgets', () => {
    const wb = base();
    wb.Anggaran = [
      ['OPD', 'Pagu'],
      ['Bappeda', 'Rp 2.000.000'],
      ['bappeda', 1],
      ['Dinas PU', '1,500,000'],
    ];
    const r = validateWorkbook(wb);
    expect(only(r.errors)).toEqual([
      { sheet: 'Anggaran', row: 3, column: 'OPD', message: 'OPD ganda: sudah ada di baris 2' },
      {
        sheet: 'Anggaran',
        row: 4,
        column: 'Pagu',
        message: 'Pagu harus angka rupiah ≥ 0, mis. 1500000 atau Rp 1.500.000',
      },
    ]);
    expect(r.data.budgets).toEqual([{ row: 2, opd: 'Bappeda', pagu: 2000000 }]);
  });
});

describe('evaluation sheets and SKM', () => {
  it('reads SKM answers 1–4 with blanks as not answered', () => {
    const wb = base();
    const h = ['Unit Layanan', 'Periode', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'];
    wb.SKM = [
      h,
      ['Puskesmas', '2026-S1', 4, 3, '', '4 - Sangat Baik', 2, 1, 4, 4, 3],
      ['Puskesmas', '2026-S1', 5, 3, 3, 3, 3, 3, 3, 3, 3],
      ['Puskesmas', '2026-S1', '', '', '', '', '', '', '', '', ''],
    ];
    const r = validateWorkbook(wb);
    expect(only(r.errors)).toEqual([
      { sheet: 'SKM', row: 3, column: 'U1', message: 'U1 harus bilangan bulat 1–4' },
      { sheet: 'SKM', row: 4, column: '', message: 'Tidak ada satu pun jawaban U1–U9 pada baris ini' },
    ]);
    expect(r.data.skm).toEqual([
      { row: 2, unit: 'Puskesmas', periode: '2026-S1', answers: [4, 3, null, 4, 2, 1, 4, 4, 3] },
    ]);
    wb.SKM = [h.slice(0, 10)];
    expect(only(validateWorkbook(wb).errors)).toEqual([
      {
        sheet: 'SKM',
        row: 1,
        column: 'U9',
        message: 'Kolom wajib "U9" tidak ditemukan di baris judul (baris 1)',
      },
    ]);
  });

  it('maps a service unit to its OPD through the optional OPD column', () => {
    const wb = base();
    wb.SKM = [
      ['Unit Layanan', 'Periode', 'OPD', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'],
      ['Puskesmas Talawi', '2026-S1', 'Dinas Kesehatan', 4, 3, 3, 4, 2, 1, 4, 4, 3],
      ['Puskesmas Talawi', '2026-S1', '', 4, 4, 4, 4, 4, 4, 4, 4, 4],
    ];
    const r = validateWorkbook(wb);
    expect(r.errors.filter((e) => e.sheet === 'SKM')).toEqual([]);
    expect(r.data.skm.map((x) => x.opd)).toEqual(['Dinas Kesehatan', undefined]);
    expect('opd' in (r.data.skm[1] ?? {})).toBe(false);
  });

  it('a form respondent keeps its ID Respons, and its record id is the form response', () => {
    const wb = base();
    wb.SKM = [
      ['Unit Layanan', 'Periode', 'ID Respons', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'],
      ['Puskesmas Talawi', '2026-S1', 'a1b2c3', 4, 3, 3, 4, 2, 1, 4, 4, 3],
      ['Puskesmas Talawi', '2026-S1', '', 4, 4, 4, 4, 4, 4, 4, 4, 4],
    ];
    const r = validateWorkbook(wb);
    expect(r.errors.filter((e) => e.sheet === 'SKM')).toEqual([]);
    expect(r.data.skm.map((x) => x.idRespons)).toEqual(['a1b2c3', undefined]);
    // the same id ingestResponse gives the form submission; a typed row is known by its place
    expect(r.data.skm.map((x) => recordIds.skm(x))).toEqual([
      'formulir~a1b2c3',
      'Puskesmas Talawi~2026-S1~r3',
    ]);
    expect(isFormDocId('formulir~a1b2c3')).toBe(true);
    expect(isFormDocId('Puskesmas Talawi~2026-S1~r3')).toBe(false);
  });

  it('reads reaction answers R1..Rn, tests against Skor Maks, behaviour ratings', () => {
    const wb = base();
    wb['Evaluasi Reaksi'] = [
      ['ID Sesi', 'NIP', 'R1 Materi', 'R3', 'R2'],
      ['S1', ANI, 4, '', 3],
      ['S1', BUDI, 5, 1, 1],
      ['S1', ANI, 1, 1, 1],
    ];
    wb.Tes = [
      ['ID Sesi', 'NIP', 'Pre', 'Post', 'Skor Maks'],
      ['S1', ANI, 40, '85,5', ''],
      ['S1', BUDI, 12, 21, 20],
      ['S2', ANI, 10, 20, 0],
    ];
    wb['Evaluasi Perilaku'] = [
      ['ID Sesi', 'NIP', 'Kode Kompetensi', 'Sebelum', 'Sesudah'],
      ['S1', ANI, 'M.01', 2, 3],
      ['S1', ANI, 'M.77', 2, 6],
    ];
    const r = validateWorkbook(wb);
    expect(only(r.errors)).toEqual([
      {
        sheet: 'Evaluasi Reaksi',
        row: 3,
        column: 'R1 Materi',
        message: 'R1 Materi harus bilangan bulat 1–4',
      },
      {
        sheet: 'Evaluasi Reaksi',
        row: 4,
        column: 'NIP',
        message: 'Peserta (ID Sesi, NIP) ganda: sudah ada di baris 2',
      },
      { sheet: 'Tes', row: 3, column: 'Post', message: 'Post harus antara 0 dan Skor Maks (20)' },
      { sheet: 'Tes', row: 4, column: 'Skor Maks', message: 'Skor Maks harus lebih dari 0' },
      { sheet: 'Evaluasi Perilaku', row: 3, column: 'Sesudah', message: 'Sesudah harus bilangan bulat 1–5' },
      {
        sheet: 'Evaluasi Perilaku',
        row: 3,
        column: 'Kode Kompetensi',
        message: 'Kode Kompetensi "M.77" tidak ada di Kamus Kompetensi',
      },
    ]);
    expect(r.data.reactions).toEqual([{ row: 2, sesi: 'S1', nip: ANI, answers: [4, 3, null] }]);
    expect(r.data.tests).toEqual([{ row: 2, sesi: 'S1', nip: ANI, pre: 40, post: 85.5, maks: 100 }]);
    expect(r.data.behaviours).toEqual([
      { row: 2, sesi: 'S1', nip: ANI, kode: 'M.01', sebelum: 2, sesudah: 3 },
    ]);
  });
});

describe('Pengaturan', () => {
  it('applies known keys over the defaults and checks each value', () => {
    const wb = base();
    wb.Pengaturan = [
      ['Kunci', 'Nilai'],
      ['Tahun', 2026],
      ['target jp', '24'],
      ['Bobot Asesmen', '60%'],
      ['Bobot Atasan', '0,25'],
      ['Bobot Diri', 1.5],
      ['Tahun', 2027],
      ['Warna', 'biru'],
      ['Target JP', 0],
    ];
    const r = validateWorkbook(wb);
    expect(r.data.settings).toEqual({
      tahun: 2026,
      targetJp: 24,
      bobot: { Asesmen: 0.6, Atasan: 0.25, Diri: 0.2 },
    });
    expect(only(r.errors)).toEqual([
      {
        sheet: 'Pengaturan',
        row: 6,
        column: 'Nilai',
        message: 'Bobot Diri harus antara 0 dan 1 (mis. 0,5 atau 50%)',
      },
      { sheet: 'Pengaturan', row: 7, column: 'Kunci', message: 'Kunci ganda: sudah ada di baris 2' },
      {
        sheet: 'Pengaturan',
        row: 8,
        column: 'Kunci',
        message:
          'Kunci tidak dikenal: gunakan Tahun, Tahun JP, Target JP, Bobot Asesmen, Bobot Atasan, Bobot Diri, Pengingat Hari, Pengingat Tatap Muka, Jangka Pemerataan, Minimum ASN Dinilai, Minimum Persen Dinilai, Minimum Kehadiran, Wajib Post-test, Pola Nomor Sertifikat, Instansi SIASN, Lokasi SIASN, Batas JP per ASN, Bobot 20 JP, Bobot Ekuitas, Bobot Biaya, NIP Asesor',
      },
      {
        sheet: 'Pengaturan',
        row: 8,
        column: 'Nilai',
        message: 'Nilai harus angka (desimal dengan koma atau titik, mis. 0,5)',
      },
      { sheet: 'Pengaturan', row: 9, column: 'Kunci', message: 'Kunci ganda: sudah ada di baris 3' },
      { sheet: 'Pengaturan', row: 9, column: 'Nilai', message: 'Target JP harus lebih dari 0' },
    ]);
  });

  it('reads Tahun JP, the year whose JP realisation is reported, beside the fiscal Tahun', () => {
    const wb = base();
    wb.Pengaturan = [
      ['Kunci', 'Nilai'],
      ['Tahun', 2027],
      ['Tahun JP', '2026'],
    ];
    const r = validateWorkbook(wb);
    expect(only(r.errors)).toEqual([]);
    expect(r.data.settings).toMatchObject({ tahun: 2027, tahunJp: 2026 });
    expect(jpYear(r.data.settings)).toBe(2026);
    expect(jpYear({ ...DEFAULT_SETTINGS, tahun: 2027 })).toBe(2027);
    wb.Pengaturan = [
      ['Kunci', 'Nilai'],
      ['Tahun JP', 26],
    ];
    expect(only(validateWorkbook(wb).errors)).toEqual([
      { sheet: 'Pengaturan', row: 2, column: 'Nilai', message: 'Tahun JP harus bilangan bulat 2000–2100' },
    ]);
  });

  it('reads the invitation reminder days, whole days 0–30', () => {
    const wb = base();
    wb.Pengaturan = [
      ['Kunci', 'Nilai'],
      ['Pengingat Hari', '5'],
      ['Pengingat Tatap Muka', 0],
    ];
    const r = validateWorkbook(wb);
    expect(only(r.errors)).toEqual([]);
    expect(r.data.settings).toMatchObject({ pengingatHari: 5, pengingatTatapMuka: 0 });
    expect(settingsToEntries(r.data.settings).filter((e) => e.kunci.startsWith('Pengingat'))).toEqual([
      { row: 0, kunci: 'Pengingat Hari', nilai: 5 },
      { row: 0, kunci: 'Pengingat Tatap Muka', nilai: 0 },
    ]);
    wb.Pengaturan = [
      ['Kunci', 'Nilai'],
      ['Pengingat Hari', '2,5'],
      ['Pengingat Tatap Muka', 31],
    ];
    expect(only(validateWorkbook(wb).errors)).toEqual([
      {
        sheet: 'Pengaturan',
        row: 2,
        column: 'Nilai',
        message: 'Pengingat Hari harus bilangan bulat 0–30 (hari sebelum sesi; 0 = tanpa pengingat)',
      },
      {
        sheet: 'Pengaturan',
        row: 3,
        column: 'Nilai',
        message: 'Pengingat Tatap Muka harus bilangan bulat 0–30 (hari sebelum sesi; 0 = tanpa pengingat)',
      },
    ]);
  });

  it('reads Jangka Pemerataan, whole years 1–10', () => {
    const wb = base();
    wb.Pengaturan = [
      ['Kunci', 'Nilai'],
      ['Jangka Pemerataan', '3'],
    ];
    const r = validateWorkbook(wb);
    expect(only(r.errors)).toEqual([]);
    expect(r.data.settings.jangkaPemerataan).toBe(3);
    expect(settingsToEntries(r.data.settings).at(-1)).toEqual({
      row: 0,
      kunci: 'Jangka Pemerataan',
      nilai: 3,
    });
    wb.Pengaturan = [
      ['Kunci', 'Nilai'],
      ['Jangka Pemerataan', 0],
    ];
    expect(only(validateWorkbook(wb).errors)).toEqual([
      {
        sheet: 'Pengaturan',
        row: 2,
        column: 'Nilai',
        message: 'Jangka Pemerataan harus bilangan bulat 1–10 (tahun)',
      },
    ]);
  });

  it('rejects Tahun outside 2000–2100 and weights that are all 0', () => {
    const wb = base();
    wb.Pengaturan = [
      ['Kunci', 'Nilai'],
      ['Tahun', 1999],
      ['Bobot Asesmen', 0],
      ['Bobot Atasan', 0],
      ['Bobot Diri', 0],
    ];
    const r = validateWorkbook(wb);
    expect(only(r.errors)).toEqual([
      { sheet: 'Pengaturan', row: 2, column: 'Nilai', message: 'Tahun harus bilangan bulat 2000–2100' },
      {
        sheet: 'Pengaturan',
        row: 5,
        column: 'Nilai',
        message: 'Bobot Asesmen, Bobot Atasan, dan Bobot Diri tidak boleh semuanya 0',
      },
    ]);
    expect(r.data.settings.bobot).toEqual({ Asesmen: 0, Atasan: 0, Diri: 0.2 });
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
