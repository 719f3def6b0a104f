/**
 * Every input row is accounted for: rows = valid + quarantined + superseded per sheet, a
 * resubmitted response counts once (IKM included), and sheets or columns the contract does not
 * know are reported with a hint instead of being skipped in silence.
 */
import { computeIkm, type RawWorkbook, SHEET_SPECS, validateWorkbook } from '@bangkom/core';
import { closestName } from '../../core/src/names';

const ANI = '198001012005011001';
const U = ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'];
const answers = (n: number) => U.map(() => n);

function base(): RawWorkbook {
  return {
    Pegawai: [
      ['NIP', 'Nama', 'Jenis ASN', 'OPD', 'Jabatan'],
      [ANI, 'Ani', 'PNS', 'Dinas Kesehatan', 'Analis'],
    ],
    'Standar Kompetensi': [['Jabatan', 'Kode Kompetensi', 'Level Standar']],
    Penilaian: [['NIP', 'Sumber', 'M.01']],
    'Riwayat Pelatihan': [['NIP', 'Nama Pelatihan', 'JP', 'Tanggal Mulai']],
    'Katalog Pelatihan': [['Kode', 'Judul', 'Kompetensi', 'JP', 'Kapasitas', 'Biaya per Peserta', 'Hari']],
    Anggaran: [['OPD', 'Pagu']],
  };
}

const identity = (c: { rows: number; valid: number; quarantined: number; superseded: number }) =>
  c.valid + c.quarantined + c.superseded;

describe('counts per sheet', () => {
  it('SKM rows sharing an ID Respons are one respondent: the last row wins, in the records and the IKM', () => {
    const wb = base();
    wb.SKM = [
      ['Unit Layanan', 'Periode', 'ID Respons', ...U],
      ['Dinkes', '2026-S1', 'r1', ...answers(1)],
      ['Dinkes', '2026-S1', 'r2', ...answers(4)],
      ['Dinkes', '2026-S1', 'r1', ...answers(3)], // r1 edited: replaces row 2
      ['Dinkes', '2026-S1', '', ...answers(2)], // no ID: stands alone
      ['Dinkes', '2026-S1', 'r3', 9, ...answers(4).slice(1)], // invalid U1
    ];
    const r = validateWorkbook(wb);
    expect(r.counts.SKM).toEqual({ rows: 5, valid: 3, quarantined: 1, superseded: 1 });
    expect(r.data.skm.map((x) => [x.row, x.idRespons])).toEqual([
      [3, 'r2'],
      [4, 'r1'],
      [5, undefined],
    ]);
    const ikm = computeIkm(r.data.skm);
    expect(ikm.units.map((u) => u.responden)).toEqual([3]);
  });

  it('Penilaian: a later Waktu for the same NIP and Sumber supersedes; the identity holds on every sheet', () => {
    const wb = base();
    wb.Penilaian = [
      ['NIP', 'Sumber', 'Waktu', 'M.01'],
      [ANI, 'Diri', '2026-01-01 08:00:00', 2],
      [ANI, 'Diri', '2026-02-01 08:00:00', 3],
      [ANI, 'Asesmen', '2026-01-01 08:00:00', 7], // invalid rating
      [ANI, 'Asesmen', '2026-01-02 08:00:00', 4],
    ];
    const r = validateWorkbook(wb);
    expect(r.counts.Penilaian).toEqual({ rows: 4, valid: 2, quarantined: 1, superseded: 1 });
    expect(r.data.assessments.map((a) => a.row)).toEqual([3, 5]);
    for (const c of Object.values(r.counts)) expect(identity(c)).toBe(c.rows);
  });

  it('a header error that quarantines every row says how many rows it affects', () => {
    const wb = base();
    wb.Anggaran = [['OPD'], ['Bappeda'], ['Dinkes'], ['RSUD']];
    const r = validateWorkbook(wb);
    expect(r.counts.Anggaran).toEqual({ rows: 3, valid: 0, quarantined: 3, superseded: 0 });
    expect(r.errors.map((e) => e.message)).toEqual([
      'Kolom wajib "Pagu" tidak ditemukan di baris judul (baris 1); 3 baris data lembar ini dikarantina karenanya',
    ]);
  });
});

describe('sheets and columns the contract does not know', () => {
  it('reports an unknown sheet with its data rows and a hint; the template instructions are not reported', () => {
    const wb = base();
    wb['Tes Awal'] = [
      ['ID Sesi', 'NIP', 'Pre'],
      ['S1', ANI, 40],
      [null, '', null],
      ['S1', ANI, 50],
    ];
    wb.Pegawaii = [['NIP']];
    wb['Catatan Rapat'] = [['Isi'], ['rapat 1']];
    wb.Petunjuk = [['Petunjuk Pengisian'], ['...']];
    const r = validateWorkbook(wb);
    expect(r.ignoredSheets).toEqual([
      {
        sheet: 'Tes Awal',
        rows: 2,
        message:
          'Lembar "Tes Awal" bukan lembar bangkom dan tidak dibaca (2 baris data); mungkin maksudnya "Tes"?',
      },
      {
        sheet: 'Pegawaii',
        rows: 0,
        message:
          'Lembar "Pegawaii" bukan lembar bangkom dan tidak dibaca (0 baris data); mungkin maksudnya "Pegawai"?',
      },
      {
        sheet: 'Catatan Rapat',
        rows: 1,
        message: 'Lembar "Catatan Rapat" bukan lembar bangkom dan tidak dibaca (1 baris data)',
      },
    ]);
    expect(r.errors).toEqual([]); // not an error: the sheets the contract needs are all there
    expect(
      validateWorkbook(wb, { knownSheets: ['Catatan Rapat'] }).ignoredSheets.map((s) => s.sheet),
    ).toEqual(['Tes Awal', 'Pegawaii']);
  });

  it('warns about an unknown column, with a hint when it is close to a known one', () => {
    const wb = base();
    wb.Pegawai = [
      ['NIP', 'Nama', 'Jenis ASN', 'OPD', 'Jabatan', 'Emial', 'Hobi'],
      [ANI, 'Ani', 'PNS', 'Dinas Kesehatan', 'Analis', 'ani@example.go.id', 'catur'],
    ];
    const r = validateWorkbook(wb);
    expect(r.ignoredColumns).toEqual([
      {
        sheet: 'Pegawai',
        column: 'Emial',
        message: 'Kolom "Emial" tidak dikenal di lembar Pegawai dan tidak dibaca; mungkin maksudnya "Email"?',
      },
      {
        sheet: 'Pegawai',
        column: 'Hobi',
        message: 'Kolom "Hobi" tidak dikenal di lembar Pegawai dan tidak dibaca',
      },
    ]);
    expect(r.valid).toBe(true);
    expect(r.data.employees[0]?.email).toBeUndefined();
  });

  it('closestName: small typos and a known name followed by more words; nothing for unrelated names', () => {
    const names = SHEET_SPECS.map((s) => s.name);
    expect(closestName('Pegawaii', names)).toBe('Pegawai');
    expect(closestName('Tes Awal', names)).toBe('Tes');
    expect(closestName('  penilaian ', names)).toBe('Penilaian');
    expect(closestName('SMK', names)).toBe('SKM'); // two neighbours swapped: one edit
    expect(closestName('ABC', names)).toBeUndefined();
    expect(closestName('Evaluasi Reaks', names)).toBe('Evaluasi Reaksi');
    expect(closestName('Laporan', names)).toBeUndefined();
    expect(closestName('', names)).toBeUndefined();
  });
});
