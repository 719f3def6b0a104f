/**
 * Sasaran Program (docs/rumus.md, Sasaran program): the sheet's rules, each indicator's
 * realised value against its target for the city and each OPD, and the leaders' sheet.
 */
import {
  buildCycle,
  buildLeaderSummary,
  buildSummaryModel,
  computeGaps,
  computeIkm,
  computeJp,
  evaluate,
  type ProgramData,
  validateRows,
} from '@bangkom/core';
import { INDICATOR_INFO } from '../../core/src/goal-indicators';
import { computeGoals, goalReached } from '../../core/src/goals';
import type { ProgramGoal } from '../../core/src/types';
import {
  assessment,
  behaviour,
  course,
  employee,
  programData,
  reaction,
  skm,
  standards,
  training,
} from './builders';

const TAHUN = 2026;

describe('Sasaran Program sheet', () => {
  const header = ['Indikator', 'OPD', 'Tahun', 'Baseline', 'Target'];
  it('takes the five indicators, checks each range, and one goal per (Indikator, OPD, Tahun)', () => {
    const r = validateRows('Sasaran Program', [
      header,
      ['ASN Memenuhi Target JP', '', 2026, 40, 55],
      ['ikm', 'RSUD Sawahlunto', 2026, '', 76],
      ['Rata-rata Kesenjangan', '', 2026, 0.5, 0.3],
      ['IKM', '', 2026, '', 120],
      ['ASN Dinilai', '', 2026, 150, 90],
      ['Rata-rata Kesenjangan', '', 2027, '', 4.5],
      ['Jumlah Pelatihan', '', 2026, '', 10],
      ['IKM', 'rsud  sawahlunto', 2026, '', 80],
      ['Tindak Lanjut L3', 'Seluruh OPD', 2026, '', 60],
      ['Tindak Lanjut L3', '', 2026, '', ''],
    ]);
    expect(r.records.map((g) => [g.row, g.indikator, g.opd, g.baseline, g.target])).toEqual([
      [2, 'ASN Memenuhi Target JP', undefined, 40, 55],
      [3, 'IKM', 'RSUD Sawahlunto', undefined, 76],
      [4, 'Rata-rata Kesenjangan', undefined, 0.5, 0.3],
    ]);
    expect(r.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [5, 'Target', 'Target IKM harus 25–100'],
      [6, 'Baseline', 'Baseline ASN Dinilai harus 0–100 (persen, tanpa tanda %)'],
      [7, 'Target', 'Target Rata-rata Kesenjangan harus 0–4 (level)'],
      [
        8,
        'Indikator',
        'Indikator harus salah satu dari: ASN Memenuhi Target JP, ASN Dinilai, Rata-rata Kesenjangan, IKM, Tindak Lanjut L3',
      ],
      [9, 'Indikator', 'Sasaran (Indikator, OPD, Tahun) ganda: sudah ada di baris 3'],
      [
        10,
        'OPD',
        '"Seluruh OPD" adalah nama baris total seluruh OPD di ringkasan pimpinan; tulis nama OPD yang sebenarnya',
      ],
      [11, 'Target', 'Target wajib diisi'],
    ]);
  });
});

describe('goalReached', () => {
  it('judges the value as printed, upwards or downwards', () => {
    const jp = INDICATOR_INFO['ASN Memenuhi Target JP'];
    const gap = INDICATOR_INFO['Rata-rata Kesenjangan'];
    expect(goalReached(jp, 79.96, 80)).toBe(true); // printed 80,0%
    expect(goalReached(jp, 79.94, 80)).toBe(false); // printed 79,9%
    expect(goalReached(gap, 0.304, 0.3)).toBe(true); // printed 0,30
    expect(goalReached(gap, 0.306, 0.3)).toBe(false); // printed 0,31
  });
});

/** Two OPDs: Dinsos (4 ASN, 3 with 20 JP), Bappeda (2 ASN, none); SKM of Dinsos only. */
function program(goals: ProgramGoal[]): ProgramData {
  const dinsos = [0, 1, 2, 3].map(() => employee({ opd: 'Dinas Sosial', jabatan: 'Analis' }));
  const bappeda = [0, 1].map(() => employee({ opd: 'Bappeda', jabatan: 'Analis' }));
  const all = [...dinsos, ...bappeda];
  return programData({
    employees: all,
    standards: standards('Analis', { 'M.05': 4 }),
    // Dinsos: gaps 2, 1, 0 (one ASN not assessed); Bappeda: gaps 3, 1
    assessments: [
      assessment(dinsos[0]?.nip ?? '', 'Asesmen', { 'M.05': 2 }),
      assessment(dinsos[1]?.nip ?? '', 'Asesmen', { 'M.05': 3 }),
      assessment(dinsos[2]?.nip ?? '', 'Asesmen', { 'M.05': 4 }),
      assessment(bappeda[0]?.nip ?? '', 'Asesmen', { 'M.05': 1 }),
      assessment(bappeda[1]?.nip ?? '', 'Asesmen', { 'M.05': 3 }),
    ],
    trainings: dinsos.slice(0, 3).map((e) => training(e.nip, 20, `${TAHUN}-03-02`)),
    courses: [course('PLT-001', { hari: 2 })],
    // a session with Daftar Hadir: dinsos 0 completed (2 of 2 days), dinsos 1 did not (1 of 2)
    attendance: [
      {
        row: 2,
        sesi: 'PLT-001-1',
        kode: 'PLT-001',
        tanggal: `${TAHUN}-05-04`,
        nip: dinsos[0]?.nip ?? '',
        status: 'Hadir',
      },
      {
        row: 3,
        sesi: 'PLT-001-1',
        kode: 'PLT-001',
        tanggal: `${TAHUN}-05-05`,
        nip: dinsos[0]?.nip ?? '',
        status: 'Hadir',
      },
      {
        row: 4,
        sesi: 'PLT-001-1',
        kode: 'PLT-001',
        tanggal: `${TAHUN}-05-04`,
        nip: dinsos[1]?.nip ?? '',
        status: 'Hadir',
      },
      {
        row: 5,
        sesi: 'PLT-001-1',
        kode: 'PLT-001',
        tanggal: `${TAHUN}-05-05`,
        nip: dinsos[1]?.nip ?? '',
        status: 'Sakit',
      },
    ],
    // a session without: its participants are those of Reaksi, Tes and Perilaku
    reactions: [
      reaction('SES-1', dinsos[2]?.nip ?? '', [3, 4]),
      reaction('SES-1', bappeda[0]?.nip ?? '', [3]),
    ],
    behaviours: [
      behaviour('PLT-001-1', dinsos[0]?.nip ?? '', 'M.05', 2, 3),
      behaviour('PLT-001-1', dinsos[1]?.nip ?? '', 'M.05', 2, 3), // not a completer: not counted
      behaviour('SES-1', bappeda[0]?.nip ?? '', 'M.05', 2, 3),
    ],
    skm: [skm('Dinas Sosial', '2026-S1', 3), skm('Dinas Sosial', '2026-S1', 4)],
    goals,
  });
}

function summaryOf(data: ProgramData) {
  return buildLeaderSummary(data, computeGaps(data), computeJp(data, TAHUN), computeIkm(data.skm));
}

const goal = (over: Partial<ProgramGoal> & Pick<ProgramGoal, 'indikator' | 'target'>): ProgramGoal => ({
  row: 2,
  tahun: TAHUN,
  ...over,
});

describe('computeGoals', () => {
  it('computes each indicator for the city and every OPD and marks tercapai or belum', () => {
    const data = program([
      goal({ indikator: 'ASN Memenuhi Target JP', baseline: 30, target: 50 }),
      goal({ indikator: 'ASN Memenuhi Target JP', opd: 'bappeda', baseline: 0, target: 10 }),
      goal({ indikator: 'Rata-rata Kesenjangan', target: 1.2 }),
      goal({ indikator: 'IKM', target: 80 }),
      goal({ indikator: 'Tindak Lanjut L3', target: 60 }),
      goal({ indikator: 'ASN Dinilai', opd: 'Dinas Tidak Ada', target: 90 }),
      goal({ indikator: 'ASN Dinilai', tahun: TAHUN + 1, target: 95 }),
    ]);
    const report = computeGoals(data, summaryOf(data));
    const rows = report.hasil.map((g) => [
      g.indikator,
      g.opd,
      g.baseline,
      g.target,
      g.sumberTarget,
      g.realisasi,
      g.status,
    ]);
    expect(rows).toEqual([
      // 3 of 6 ASN; Dinsos 3 of 4 against the city's 50; Bappeda 0 of 2 against its own 10
      ['ASN Memenuhi Target JP', null, 30, 50, 'kota', 50, 'tercapai'],
      ['ASN Memenuhi Target JP', 'Bappeda', 0, 10, 'opd', 0, 'belum tercapai'],
      ['ASN Memenuhi Target JP', 'Dinas Sosial', null, 50, 'kota', 75, 'tercapai'],
      // ASN Dinilai has a goal only for an unknown OPD: shown for the city and OPDs, no target
      ['ASN Dinilai', null, null, null, null, (5 * 100) / 6, 'tanpa target'],
      ['ASN Dinilai', 'Bappeda', null, null, null, 100, 'tanpa target'],
      ['ASN Dinilai', 'Dinas Sosial', null, null, null, 75, 'tanpa target'],
      // gaps 2, 1, 0, 3, 1: city 1.4; Bappeda 2; Dinsos 1
      ['Rata-rata Kesenjangan', null, null, 1.2, 'kota', 1.4, 'belum tercapai'],
      ['Rata-rata Kesenjangan', 'Bappeda', null, 1.2, 'kota', 2, 'belum tercapai'],
      ['Rata-rata Kesenjangan', 'Dinas Sosial', null, 1.2, 'kota', 1, 'tercapai'],
      // answers 3 and 4: IKM 3.5, konversi 87.5; Bappeda has no service unit
      ['IKM', null, null, 80, 'kota', 87.5, 'tercapai'],
      ['IKM', 'Bappeda', null, 80, 'kota', null, 'tanpa data'],
      ['IKM', 'Dinas Sosial', null, 80, 'kota', 87.5, 'tercapai'],
      // (PLT-001-1, dinsos 0) rated; (SES-1, dinsos 2) not; (SES-1, bappeda 0) rated: 2 of 3
      ['Tindak Lanjut L3', null, null, 60, 'kota', 200 / 3, 'tercapai'],
      ['Tindak Lanjut L3', 'Bappeda', null, 60, 'kota', 100, 'tercapai'],
      ['Tindak Lanjut L3', 'Dinas Sosial', null, 60, 'kota', 50, 'belum tercapai'],
    ]);
    expect(report.hasil[0]?.dasar).toBe('3 dari 6 ASN');
    expect(report.hasil.find((g) => g.indikator === 'Tindak Lanjut L3' && g.opd === null)?.dasar).toBe(
      '2 dari 3 peserta dinilai atasan',
    );
    // fewer than Minimum ASN Dinilai (5): thin, except the IKM that rests on respondents
    expect(report.hasil.filter((g) => g.tipis).map((g) => [g.indikator, g.opd])).toEqual([
      ['ASN Memenuhi Target JP', 'Bappeda'],
      ['ASN Memenuhi Target JP', 'Dinas Sosial'],
      ['ASN Dinilai', 'Bappeda'],
      ['ASN Dinilai', 'Dinas Sosial'],
      ['Rata-rata Kesenjangan', 'Bappeda'],
      ['Rata-rata Kesenjangan', 'Dinas Sosial'],
      ['Tindak Lanjut L3', null],
      ['Tindak Lanjut L3', 'Bappeda'],
      ['Tindak Lanjut L3', 'Dinas Sosial'],
    ]);
    expect(report.ditetapkan).toBe(true);
    expect(report.opdTidakDikenal).toEqual(['Dinas Tidak Ada']);
    expect(report.lainTahun).toBe(1);
  });

  it('without any goal shows every indicator without a target', () => {
    const data = program([]);
    const report = computeGoals(data, summaryOf(data));
    expect(report.ditetapkan).toBe(false);
    expect(new Set(report.hasil.map((g) => g.indikator)).size).toBe(5);
    expect(new Set(report.hasil.map((g) => g.status))).toEqual(new Set(['tanpa target']));
  });
});

describe('Sasaran Program on the leaders sheet', () => {
  it('shows realised against target with the mark, city first, and no NIP or name', () => {
    const data = program([
      goal({ indikator: 'ASN Memenuhi Target JP', baseline: 30, target: 60 }),
      goal({ indikator: 'IKM', opd: 'Dinas Sosial', baseline: 80, target: 85 }),
    ]);
    const gaps = computeGaps(data);
    const ikm = computeIkm(data.skm);
    const summary = buildLeaderSummary(data, gaps, computeJp(data, TAHUN), ikm);
    const cycle = buildCycle({
      data,
      gaps,
      ikm,
      evaluation: evaluate(data),
      summary,
      dihitung: '2026-12-01T00:00:00Z',
    });
    const model = buildSummaryModel({ summary, ikm, generatedAt: new Date(0), cycles: [cycle] });
    const sheet = model.sheets.find((s) => s.title === 'Sasaran Program');
    expect(sheet?.table.rows.map((r) => r.cells)).toEqual([
      [
        'ASN Memenuhi Target JP',
        'Seluruh OPD',
        '30,0%',
        '≥ 60,0%',
        '50,0%',
        '✗ belum tercapai',
        '3 dari 6 ASN',
      ],
      [
        'ASN Memenuhi Target JP',
        'Bappeda',
        '–',
        '≥ 60,0% (target kota)',
        '0,0%',
        '✗ belum tercapai',
        '0 dari 2 ASN (data tipis)',
      ],
      [
        'ASN Memenuhi Target JP',
        'Dinas Sosial',
        '–',
        '≥ 60,0% (target kota)',
        '75,0%',
        '✓ tercapai',
        '3 dari 4 ASN (data tipis)',
      ],
      ['IKM', 'Seluruh OPD', '–', '–', '87,50', 'target belum ditetapkan', '1 unit, 2 responden'],
      ['IKM', 'Bappeda', '–', '–', '–', 'target belum ditetapkan', 'belum ada SKM'],
      ['IKM', 'Dinas Sosial', '80,00', '≥ 85,00', '87,50', '✓ tercapai', '1 unit, 2 responden'],
    ]);
    expect(sheet?.table.rows.map((r) => r.total ?? false)).toEqual([true, false, false, true, false, false]);
    expect(sheet?.notes[0]).toBe(
      'Seluruh OPD: 0 dari 1 sasaran tercapai. Sasaran dinilai terhadap realisasi tahun 2026; OPD tanpa sasaran sendiri dinilai terhadap target seluruh OPD.',
    );
    const text = JSON.stringify(sheet);
    for (const e of data.employees) {
      expect(text).not.toContain(e.nip);
      expect(text).not.toContain(e.nama);
    }
  });

  it('is absent from cycles kept before goals existed', () => {
    const data = program([]);
    const gaps = computeGaps(data);
    const ikm = computeIkm(data.skm);
    const summary = buildLeaderSummary(data, gaps, computeJp(data, TAHUN), ikm);
    const cycle = buildCycle({
      data,
      gaps,
      ikm,
      evaluation: evaluate(data),
      summary,
      dihitung: '2026-12-01T00:00:00Z',
    });
    const model = buildSummaryModel({
      summary,
      ikm,
      generatedAt: new Date(0),
      cycles: [{ ...cycle, sasaran: null }],
    });
    expect(model.sheets.map((s) => s.title)).not.toContain('Sasaran Program');
  });
});
