/** validateWorkbook, record sheets: Riwayat, Katalog, Anggaran, evaluations and SKM, Pengaturan. */
import {
  DEFAULT_SETTINGS,
  isFormDocId,
  jpYear,
  recordIds,
  SETTING_KEYS,
  settingsToEntries,
  validateWorkbook,
} from '@bangkom/core';
import { ANI, BUDI, base, only } from './sheet-rows-fixture';

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
        message: `Kunci tidak dikenal: gunakan ${SETTING_KEYS.join(', ')}`,
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
