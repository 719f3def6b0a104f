import {
  buildLeaderSummary,
  computeGaps,
  computeIkm,
  computeJp,
  idValue,
  LABEL_TOTAL,
  type LeaderSummaryRow,
  mutuOf,
  type ProgramData,
  printedMutu,
  topGapText,
} from '@bangkom/core';
import { assessment, employee, pnsNip, programData, skm, standard, standards, training } from './builders';

const JAB = 'Analis Kebijakan';
const [e1, e2, e3, e4, e5] = [0, 1, 2, 3, 4].map((i) => pnsNip(i)) as [
  string,
  string,
  string,
  string,
  string,
];

/**
 * Dinas Kesehatan: e1 gaps M.01 2, M.02 0, M.05 2, SK.01 0; e2 M.01 1, M.05 1 (M.02, SK.01 unknown);
 *   e3 has a jabatan without standard. Known gaps 2+0+2+0+1+1 = 6 over 6 pairs -> mean 1.
 * Bappeda: e4 M.02 gap 2 (three unknown). Dinas Pendidikan: e5 nothing rated (four unknown).
 * JP 2026: e1 20 (meets), e2 10, e4 25 (meets), others 0.
 * SKM: Dinas Kesehatan 2025-S2 (old), 2026-S1 (1 respondent, IKM 3); Puskesmas Talawi with OPD
 *   column Dinas Kesehatan 2026-S1 (3 respondents, IKM 4); BAPPEDA (2, IKM 2); Kantor Pos (no OPD, 1, IKM 1).
 */
function scenario(): ProgramData {
  return programData({
    employees: [
      employee({ nip: e1, opd: 'Dinas Kesehatan' }),
      employee({ nip: e2, opd: 'Dinas Kesehatan' }),
      employee({ nip: e3, opd: 'Dinas Kesehatan', jabatan: 'Dokter Ahli Pertama' }),
      employee({ nip: e4, opd: 'Bappeda' }),
      employee({ nip: e5, opd: 'Dinas Pendidikan' }),
    ],
    standards: standards(JAB, { 'M.01': 4, 'M.02': 3, 'M.05': 3, 'SK.01': 2 }),
    assessments: [
      assessment(e1, 'Asesmen', { 'M.01': 2, 'M.02': 3, 'M.05': 1, 'SK.01': 2 }),
      assessment(e2, 'Asesmen', { 'M.01': 3, 'M.05': 2 }),
      assessment(e4, 'Asesmen', { 'M.02': 1 }),
    ],
    trainings: [
      training(e1, 20, '2026-03-01'),
      training(e2, 10, '2026-03-01'),
      training(e4, 25, '2026-03-01'),
      training(e2, 40, '2025-03-01'),
    ],
    skm: [
      skm('Dinas Kesehatan', '2025-S2', 2),
      skm('Dinas Kesehatan', '2025-S2', 2),
      skm('Puskesmas Talawi', '2026-S1', 4, { opd: 'dinas kesehatan' }),
      skm('Puskesmas Talawi', '2026-S1', 4, { opd: 'dinas kesehatan' }),
      skm('Puskesmas Talawi', '2026-S1', 4, { opd: 'dinas kesehatan' }),
      skm('Dinas Kesehatan', '2026-S1', 3),
      skm('BAPPEDA', 'Semester I 2026', 2),
      skm('BAPPEDA', 'Semester I 2026', 2),
      skm('Kantor Pos', '2026-S1', 1),
    ],
  });
}

/** what a ranked gap rests on */
const base = (dinilai: number, wajib: number, tipis = false, hanyaDiri = false) => ({
  dinilai,
  wajib,
  tipis,
  hanyaDiri,
});

function build(data: ProgramData) {
  return buildLeaderSummary(data, computeGaps(data), computeJp(data, 2026), computeIkm(data.skm));
}

function row(rows: LeaderSummaryRow[], opd: string): LeaderSummaryRow {
  const r = rows.find((x) => x.opd === opd);
  if (!r) throw new Error(`no row ${opd}`);
  return r;
}

describe('buildLeaderSummary', () => {
  const s = build(scenario());

  it('has one row per OPD, by name', () => {
    expect(s.rows.map((r) => r.opd)).toEqual(['Bappeda', 'Dinas Kesehatan', 'Dinas Pendidikan']);
    expect(s.tahun).toBe(2026);
    expect(s.targetJp).toBe(20);
  });

  it('fills an OPD row: assessed, mean gap, top gaps, JP and IKM of the latest period', () => {
    // IKM: latest period 2026-S1; respondent-weighted (3·4 + 1·3)/4 = 3.75 -> konversi 93.75, A
    expect(row(s.rows, 'Dinas Kesehatan')).toEqual({
      opd: 'Dinas Kesehatan',
      pegawai: 3,
      dinilai: 2,
      persenDinilai: 200 / 3,
      rataGap: 1,
      // two ASN, fewer than 5: thin, though both who need them were assessed
      topGap: [
        { kode: 'M.01', nama: 'Integritas', rataGap: 1.5, ...base(2, 2, true) },
        { kode: 'M.05', nama: 'Pelayanan Publik', rataGap: 1.5, ...base(2, 2, true) },
      ],
      memenuhiJp: 1,
      persenJp: 100 / 3,
      ikm: 3.75,
      konversi: 93.75,
      mutu: 'A',
      kinerja: 'Sangat Baik',
      periodeIkm: '2026-S1',
      unitIkm: ['Dinas Kesehatan', 'Puskesmas Talawi'],
      respondenIkm: 4,
    });
  });

  it('takes a single unit’s figures as they are and matches its name to the OPD ignoring case', () => {
    expect(row(s.rows, 'Bappeda')).toMatchObject({
      persenDinilai: 100,
      rataGap: 2,
      topGap: [{ kode: 'M.02', nama: 'Kerjasama', rataGap: 2, ...base(1, 1, true) }],
      persenJp: 100,
      ikm: 2,
      konversi: 50,
      mutu: 'D',
      kinerja: 'Tidak Baik',
      unitIkm: ['BAPPEDA'],
    });
  });

  it('leaves an OPD with nothing assessed and no survey empty, not zero', () => {
    expect(row(s.rows, 'Dinas Pendidikan')).toMatchObject({
      dinilai: 0,
      persenDinilai: 0,
      rataGap: null,
      topGap: [],
      persenJp: 0,
      ikm: null,
      mutu: null,
      periodeIkm: null,
      unitIkm: [],
      respondenIkm: 0,
    });
  });

  it('adds a city-wide row', () => {
    // gaps: 6 pairs of Dinkes (sum 6) + 1 of Bappeda (2) -> 8/7; per code M.01 1.5, M.05 1.5, M.02 (0+2)/2 = 1, SK.01 0
    // IKM: Dinkes rows (3·4 + 1·3) + Bappeda 2·2 + unmatched Kantor Pos 1·1 = 20 over 7 respondents
    expect(s.total).toEqual({
      opd: LABEL_TOTAL,
      pegawai: 5,
      dinilai: 3,
      persenDinilai: 60,
      rataGap: 8 / 7,
      // city-wide: 2 of the 4 ASN who need each, fewer than 5: thin
      topGap: [
        { kode: 'M.01', nama: 'Integritas', rataGap: 1.5, ...base(2, 4, true) },
        { kode: 'M.05', nama: 'Pelayanan Publik', rataGap: 1.5, ...base(2, 4, true) },
        { kode: 'M.02', nama: 'Kerjasama', rataGap: 1, ...base(2, 4, true) },
      ],
      memenuhiJp: 2,
      persenJp: 40,
      ikm: 20 / 7,
      konversi: (20 / 7) * 25,
      mutu: 'C', // 71.43
      kinerja: 'Kurang Baik',
      periodeIkm: null, // '2026-S1' and 'Semester I 2026' are told apart
      unitIkm: ['BAPPEDA', 'Dinas Kesehatan', 'Puskesmas Talawi', 'Kantor Pos'],
      respondenIkm: 7,
    });
    expect(s.unitTanpaOpd).toEqual(['Kantor Pos']);
  });

  it('exposes the totals the CLI prints', () => {
    expect(s.totals).toEqual({
      opd: 3,
      pegawai: 5,
      dinilai: 3,
      tanpaStandar: 1,
      kompetensiDiketahui: 7,
      kompetensiBelumDinilai: 9, // e2: 2, e4: 3, e5: 4
      memenuhiJp: 2,
      unitIkm: 5,
      respondenIkm: 9,
    });
    expect(s.jabatanTanpaStandar).toEqual(['Dokter Ahli Pertama']);
  });

  it('builds the OPD × competency heat map in dictionary order, null where unknown', () => {
    const { heatMap } = s;
    expect(heatMap.kompetensi.map((k) => k.kode)).toEqual([
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
    expect(heatMap.opd).toEqual(['Bappeda', 'Dinas Kesehatan', 'Dinas Pendidikan']);
    const n = null;
    expect(heatMap.nilai).toEqual([
      [n, 2, n, n, n, n, n, n, n],
      [1.5, 0, n, n, 1.5, n, n, n, 0],
      [n, n, n, n, n, n, n, n, n],
    ]);
    expect(heatMap.jumlah[1]).toEqual([2, 1, 0, 0, 2, 0, 0, 0, 1]);
    expect(heatMap.total).toEqual([1.5, 1, n, n, 1.5, n, n, n, 0]);
  });

  it('appends codes outside the dictionary to the heat map, named by their code', () => {
    const nip = pnsNip(50);
    const data = programData({
      employees: [employee({ nip })],
      standards: [standard(JAB, 'T.07', 3), standard(JAB, 'M.01', 3)],
      assessments: [assessment(nip, 'Atasan', { 'T.07': 1, 'M.01': 3 })],
    });
    const r = build(data);
    expect(r.heatMap.kompetensi.at(-1)).toEqual({ kode: 'T.07', nama: 'T.07' });
    expect(r.heatMap.nilai[0]?.at(-1)).toBe(2);
    expect(r.total.topGap).toEqual([{ kode: 'T.07', nama: 'T.07', rataGap: 2, ...base(1, 1, true) }]);
  });

  it('falls back to the default dictionary when the workbook has none', () => {
    const data = scenario();
    data.competencies = [];
    expect(build(data).heatMap.kompetensi[0]).toEqual({ kode: 'M.01', nama: 'Integritas' });
  });

  it('handles an empty workbook', () => {
    const r = build(programData());
    expect(r.rows).toEqual([]);
    expect(r.total).toMatchObject({
      pegawai: 0,
      persenDinilai: null,
      rataGap: null,
      persenJp: null,
      ikm: null,
    });
    expect(r.heatMap.nilai).toEqual([]);
  });
});

describe('what a leader can trust: the base of each ranked figure', () => {
  /**
   * Dinas Pendidikan, 20 ASN of one position requiring M.01 (level 4) and M.02 (level 4):
   * 19 assessed on M.01 by an assessor (gap 1 each); one rated himself on M.02 (gap 3).
   */
  function school(minimumAsn?: number): ProgramData {
    const nips = Array.from({ length: 20 }, (_, i) => pnsNip(100 + i));
    const data = programData({
      employees: nips.map((nip) => employee({ nip, opd: 'Dinas Pendidikan' })),
      standards: standards(JAB, { 'M.01': 4, 'M.02': 4 }),
      assessments: [
        ...nips.slice(0, 19).map((nip) => assessment(nip, 'Asesmen', { 'M.01': 3 })),
        assessment(nips[19] as string, 'Diri', { 'M.02': 1 }),
      ],
    });
    if (minimumAsn !== undefined) data.settings = { ...data.settings, minimumAsn };
    return data;
  }

  it('ranks a gap resting on one self-rated ASN after the certain one, marked thin and self-rated', () => {
    const r = row(build(school()).rows, 'Dinas Pendidikan');
    expect(r.topGap).toEqual([
      { kode: 'M.01', nama: 'Integritas', rataGap: 1, ...base(19, 20) },
      { kode: 'M.02', nama: 'Kerjasama', rataGap: 3, ...base(1, 20, true, true) },
    ]);
  });

  it('takes the minimum from Pengaturan: the larger of ASN and percent of the OPD', () => {
    // 25 ASN asked: 19 assessed is thin too; ranked by size among thin ones
    const r = row(build(school(25)).rows, 'Dinas Pendidikan');
    expect(r.topGap.map((g) => [g.kode, g.tipis])).toEqual([
      ['M.02', true],
      ['M.01', true],
    ]);
    expect(build(school(25)).minimum).toEqual({ asn: 25, persen: 0.1 });
  });

  it('tells "not required in this OPD" from "required, not yet assessed" in the heat map', () => {
    const s = build(school());
    const col = (kode: string) => s.heatMap.kompetensi.findIndex((k) => k.kode === kode);
    expect(s.heatMap.wajib[0]?.[col('M.02')]).toBe(20);
    expect(s.heatMap.tipis[0]?.[col('M.02')]).toBe(true);
    expect(s.heatMap.hanyaDiri[0]?.[col('M.02')]).toBe(true);
    expect(s.heatMap.tipis[0]?.[col('M.01')]).toBe(false);
    // M.05: no position of the OPD requires it
    expect(s.heatMap.wajib[0]?.[col('M.05')]).toBe(0);
    expect(s.heatMap.nilai[0]?.[col('M.05')]).toBeNull();
  });
});

describe('the IKM band beside a printed konversi', () => {
  it('is the band of the printed figure: 88,3051 prints as 88,31, band A, never B', () => {
    expect(mutuOf(88.3051).mutu).toBe('B');
    expect(printedMutu(88.3051)).toBe('A');
    expect(printedMutu(76.6049)).toBe('C'); // printed 76,60, below B's 76,61
    expect(printedMutu(76.605)).toBe('B'); // printed 76,61
  });

  it('labels the figures in plain words, without exponent notation', () => {
    expect(topGapText({ kode: 'M.02', nama: 'Kerjasama', rataGap: 3, ...base(1, 20, true, true) })).toBe(
      'M.02 Kerjasama 3,00 (1 ASN, data tipis, hanya penilaian diri)',
    );
    expect(idValue(3.64e-11, 'text')).toBe('0'); // a number in a text column: id_ID, never 3.64e-11
    expect(idValue(3.64e-11, 'decimal', 2)).toBe('0,00');
  });
});
