/**
 * Verified raters (docs/lembar-kerja.md, `Penilaian`, Penilai yang sah): a rating counts only
 * from someone entitled to give it; otherwise the sheet row is quarantined with the reason, and
 * a stored form record is left out of the gaps and listed.
 */
import {
  computeGaps,
  emptyProgramData,
  gapConfidence,
  HANYA_DIRI,
  type RawWorkbook,
  raterDirectory,
  raterProblem,
  validateWorkbook,
} from '@bangkom/core';
import { assessment, employee, pnsNip, standards } from './builders';

const OPD = 'Dinas Sosial';
const head = employee({
  nip: pnsNip(9001),
  opd: OPD,
  jabatan: 'Kepala Dinas',
  jenisJabatan: 'JPT Pratama',
});
const kabid = employee({
  nip: pnsNip(9002),
  opd: OPD,
  jabatan: 'Kepala Bidang',
  jenisJabatan: 'Administrator',
  nipAtasan: head.nip,
  email: 'kabid@sawahluntokota.go.id',
});
const staf = employee({
  nip: pnsNip(9003),
  opd: OPD,
  jabatan: 'Analis',
  jenisJabatan: 'Pelaksana',
  nipAtasan: kabid.nip,
  email: 'staf@sawahluntokota.go.id',
});
/** No NIP Atasan: the fallback (a higher structural official of the same OPD) applies. */
const { nipAtasan: _none, ...lepas } = employee({
  nip: pnsNip(9004),
  opd: OPD,
  jabatan: 'Analis',
  jenisJabatan: 'Pelaksana',
});
const lain = employee({
  nip: pnsNip(9005),
  opd: 'Dinas Kesehatan',
  jabatan: 'Kepala Bidang',
  jenisJabatan: 'Administrator',
});
const asesor = pnsNip(9100);
const dir = raterDirectory([head, kabid, staf, lepas, lain], { asesor: [asesor] });

describe('raterProblem', () => {
  it('accepts the supervisor named in NIP Atasan and nobody else as Atasan', () => {
    expect(raterProblem({ nip: staf.nip, sumber: 'Atasan', nipPenilai: kabid.nip }, dir)).toBeUndefined();
    const head2 = raterProblem({ nip: staf.nip, sumber: 'Atasan', nipPenilai: head.nip }, dir);
    expect(head2).toEqual({
      column: 'NIP Penilai',
      message: `NIP Penilai (${head.nip}) bukan NIP Atasan pegawai ini di lembar Pegawai (${kabid.nip})`,
    });
  });

  it('refuses a self-rating posing as Atasan, and an Atasan rating without a rater', () => {
    expect(raterProblem({ nip: staf.nip, sumber: 'Atasan', nipPenilai: staf.nip }, dir)?.message).toMatch(
      /tidak boleh diisi pegawai yang dinilai sendiri/,
    );
    expect(raterProblem({ nip: staf.nip, sumber: 'Atasan' }, dir)?.message).toMatch(
      /harus mencantumkan NIP Penilai/,
    );
  });

  it('without NIP Atasan, takes a higher structural official of the same OPD only', () => {
    expect(raterProblem({ nip: lepas.nip, sumber: 'Atasan', nipPenilai: kabid.nip }, dir)).toBeUndefined();
    expect(raterProblem({ nip: lepas.nip, sumber: 'Atasan', nipPenilai: head.nip }, dir)).toBeUndefined();
    // a peer (same rank) and an official of another OPD are not supervisors
    expect(raterProblem({ nip: lepas.nip, sumber: 'Atasan', nipPenilai: staf.nip }, dir)?.message).toMatch(
      /NIP Atasan pegawai ini kosong/,
    );
    expect(raterProblem({ nip: lepas.nip, sumber: 'Atasan', nipPenilai: lain.nip }, dir)?.column).toBe(
      'NIP Penilai',
    );
  });

  it('takes Diri from the ASN only, by NIP and by the respondent email', () => {
    expect(raterProblem({ nip: staf.nip, sumber: 'Diri' }, dir)).toBeUndefined();
    expect(
      raterProblem({ nip: staf.nip, sumber: 'Diri', emailPenilai: ' STAF@sawahluntokota.go.id ' }, dir),
    ).toBeUndefined();
    expect(raterProblem({ nip: staf.nip, sumber: 'Diri', nipPenilai: kabid.nip }, dir)?.column).toBe(
      'NIP Penilai',
    );
    expect(
      raterProblem({ nip: staf.nip, sumber: 'Diri', emailPenilai: 'kabid@sawahluntokota.go.id' }, dir),
    ).toEqual({
      column: 'Email Penilai',
      message:
        'Penilaian Diri harus diisi pegawai itu sendiri, tetapi email pengisi (kabid@sawahluntokota.go.id) bukan email pegawai ini di lembar Pegawai',
    });
  });

  it('takes Asesmen from the sheet, and from a form only from a listed assessor', () => {
    expect(raterProblem({ nip: staf.nip, sumber: 'Asesmen' }, dir)).toBeUndefined();
    expect(
      raterProblem({ nip: staf.nip, sumber: 'Asesmen', nipPenilai: asesor, fromForm: true }, dir),
    ).toBeUndefined();
    expect(raterProblem({ nip: staf.nip, sumber: 'Asesmen', fromForm: true }, dir)?.column).toBe('Sumber');
    expect(raterProblem({ nip: staf.nip, sumber: 'Asesmen', nipPenilai: kabid.nip }, dir)?.message).toMatch(
      /tidak ada di daftar NIP Asesor/,
    );
    expect(raterProblem({ nip: staf.nip, sumber: 'Asesmen', nipPenilai: staf.nip }, dir)?.message).toMatch(
      /oleh pegawai itu sendiri/,
    );
  });
});

const header = ['NIP', 'Nama', 'Jenis ASN', 'OPD', 'Jabatan', 'Jenis Jabatan', 'Email', 'NIP Atasan'];
const pegawaiRow = (e: typeof staf) => [
  e.nip,
  e.nama,
  'PNS',
  e.opd,
  e.jabatan,
  e.jenisJabatan ?? '',
  e.email ?? '',
  e.nipAtasan ?? '',
];

function workbook(penilaian: (string | number | null)[][], pengaturan?: (string | number)[][]): RawWorkbook {
  const wb: RawWorkbook = {
    Pegawai: [header, ...[head, kabid, staf, lepas, lain].map(pegawaiRow)],
    'Standar Kompetensi': [
      ['Jabatan', 'Kode Kompetensi', 'Level Standar'],
      ['Analis', 'M.01', 4],
    ],
    Penilaian: [['NIP', 'Sumber', 'Waktu', 'NIP Penilai', 'M.01 Integritas'], ...penilaian],
    'Riwayat Pelatihan': [['NIP', 'Nama Pelatihan', 'JP', 'Tanggal Mulai']],
    'Katalog Pelatihan': [['Kode', 'Judul', 'Kompetensi', 'JP', 'Kapasitas', 'Biaya per Peserta']],
    Anggaran: [['OPD', 'Pagu']],
  };
  if (pengaturan) wb.Pengaturan = [['Kunci', 'Nilai'], ...pengaturan];
  return wb;
}

describe('validateWorkbook: Penilaian from someone not entitled', () => {
  it('quarantines a self-made Atasan rating, which then cannot replace the real one', () => {
    const r = validateWorkbook(
      workbook([
        [staf.nip, 'Diri', '2026-03-01 08:00:00', null, 2],
        [staf.nip, 'Atasan', '2026-03-02 08:00:00', kabid.nip, 2],
        // later and higher: would win and make the gap 0 if it counted
        [staf.nip, 'Atasan', '2026-03-03 08:00:00', staf.nip, 5],
      ]),
    );
    expect(r.quarantine).toHaveLength(1);
    expect(r.quarantine[0]?.errors).toEqual([
      {
        sheet: 'Penilaian',
        row: 4,
        column: 'NIP Penilai',
        value: staf.nip,
        message:
          'Penilaian Atasan tidak boleh diisi pegawai yang dinilai sendiri (NIP Penilai sama dengan NIP)',
      },
    ]);
    expect(r.counts.Penilaian).toEqual({ rows: 3, valid: 2, quarantined: 1, superseded: 0 });
    const gap = computeGaps(r.data).employees.find((e) => e.nip === staf.nip)?.competencies[0];
    expect(gap?.aktual).toBe(2);
    expect(gap?.gap).toBe(2);
    expect(gap?.sumber).toEqual(['Diri', 'Atasan']);
    expect(gap?.penilai).toBe(2);
    expect(gapConfidence(gap ?? { sumber: [] })).toBe('Diri + Atasan, 2 penilai');
  });

  it('reads the assessor list of Pengaturan before Penilaian', () => {
    const listed = pnsNip(9100);
    const r = validateWorkbook(
      workbook(
        [
          [staf.nip, 'Asesmen', '2026-03-01 08:00:00', listed, 3],
          [lepas.nip, 'Asesmen', '2026-03-01 08:00:00', kabid.nip, 3],
        ],
        [['NIP Asesor', `${listed}; ${pnsNip(9101)}`]],
      ),
    );
    expect(r.data.settings.asesor).toEqual([listed, pnsNip(9101)]);
    expect(r.quarantine.map((q) => [q.row, q.errors[0]?.column])).toEqual([[3, 'NIP Penilai']]);
  });

  it('refuses a NIP Asesor that is not a NIP, with the hint for numbers', () => {
    const r = validateWorkbook(workbook([], [['NIP Asesor', Number('198503142010011002')]]));
    expect(r.quarantine[0]?.errors[0]?.message).toMatch(/format kolom NIP Asesor sebagai teks/);
    const t = validateWorkbook(workbook([], [['Target JP', 'dua puluh']]));
    expect(t.quarantine[0]?.errors[0]?.message).toMatch(/Nilai harus angka/);
  });
});

describe('computeGaps: stored form records', () => {
  it('leaves out and lists a form rating whose rater is not entitled; marks self-only gaps', () => {
    const data = emptyProgramData();
    data.employees = [head, kabid, staf];
    data.standards = standards('Analis', { 'M.01': 4 });
    data.assessments = [
      assessment(staf.nip, 'Diri', { 'M.01': 3 }, { row: 0, idRespons: 'R1' }),
      assessment(staf.nip, 'Atasan', { 'M.01': 5 }, { row: 0, idRespons: 'R2', nipPenilai: head.nip }),
    ];
    const report = computeGaps(data);
    const gap = report.employees.find((e) => e.nip === staf.nip)?.competencies[0];
    expect(gap).toMatchObject({ aktual: 3, gap: 1, sumber: ['Diri'], penilai: 1, hanyaDiri: true });
    expect(gapConfidence(gap ?? { sumber: [] })).toBe(HANYA_DIRI);
    expect(report.penilaianTidakSah).toEqual([
      {
        nip: staf.nip,
        sumber: 'Atasan',
        idRespons: 'R2',
        kolom: 'NIP Penilai',
        alasan: `NIP Penilai (${head.nip}) bukan NIP Atasan pegawai ini di lembar Pegawai (${kabid.nip})`,
      },
    ]);
  });
});
