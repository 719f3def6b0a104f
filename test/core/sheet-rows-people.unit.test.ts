/** validateWorkbook, sheets about people: Pegawai, Kamus and Standar Kompetensi, Penilaian. */
import { type RawSheet, validateWorkbook } from '@bangkom/core';
import { ANI, BUDI, base, CICI, only } from './sheet-rows-fixture';

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
