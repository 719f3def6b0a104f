import {
  buildCycle,
  buildLeaderSummary,
  buildSummaryModel,
  type CycleDoc,
  changeSince,
  computeGaps,
  computeIkm,
  computeJp,
  evaluate,
  LABEL_TOTAL,
  type ProgramData,
  SUMMARY_TITLES,
} from '@bangkom/core';
import { assessment, employee, programData, settings, skm, standards, training } from './builders';

const A = employee({ opd: 'Dinas Sosial' });
const B = employee({ opd: 'Dinas Sosial' });
const C = employee({ opd: 'Bappeda' });

/** 2026: A gaps 1 and 2, C gaps 0 and 1; A alone has 20 JP; Dinas Sosial IKM 87,5. */
function year2026(): ProgramData {
  return programData({
    employees: [A, B, C],
    standards: standards('Analis Kebijakan', { 'M.01': 3, 'M.05': 4 }),
    assessments: [
      assessment(A.nip, 'Asesmen', { 'M.01': 2, 'M.05': 2 }),
      assessment(C.nip, 'Asesmen', { 'M.01': 3, 'M.05': 3 }),
    ],
    trainings: [training(A.nip, 24, '2026-03-02'), training(B.nip, 8, '2023-05-06')],
    skm: [skm('Dinas Sosial', '2026-S1', 3), skm('Dinas Sosial', '2026-S1', 4)],
    settings: settings({ tahun: 2027, tahunJp: 2026 }),
  });
}

/** 2027: A reassessed with gaps 0 and 1, A and B trained 20+ JP; Dinas Sosial IKM 100. */
function year2027(): ProgramData {
  const d = year2026();
  d.assessments = [
    assessment(A.nip, 'Asesmen', { 'M.01': 3, 'M.05': 3 }),
    assessment(C.nip, 'Asesmen', { 'M.01': 3, 'M.05': 3 }),
  ];
  d.trainings.push(training(B.nip, 24, '2027-04-05'), training(A.nip, 20, '2027-02-01'));
  d.skm = [skm('Dinas Sosial', '2027-S1', 4)];
  d.settings = settings({ tahun: 2028, tahunJp: 2027 });
  return d;
}

function modelInput(d: ProgramData, tahun: number) {
  const gaps = computeGaps(d);
  const ikm = computeIkm(d.skm);
  const summary = buildLeaderSummary(d, gaps, computeJp(d, tahun), ikm);
  const cycle = buildCycle({
    data: d,
    gaps,
    ikm,
    evaluation: evaluate(d),
    summary,
    dihitung: `${tahun}-11-28T08:00:00Z`,
  });
  return { summary, ikm, cycle };
}

const y1 = modelInput(year2026(), 2026);
const y2 = modelInput(year2027(), 2027);
const cycles: CycleDoc[] = [y2.cycle, y1.cycle];

describe('Tren', () => {
  it('shows each indicator per year, city first, with the change since the previous cycle', () => {
    const model = buildSummaryModel({ summary: y2.summary, ikm: y2.ikm, generatedAt: new Date(0), cycles });
    const tren = model.sheets.find((s) => s.key === 'tren');
    // the goals' sheet (indicators without targets here) comes between them
    expect(model.sheets.map((s) => s.title).slice(0, 3)).toEqual([
      SUMMARY_TITLES.ringkasan,
      SUMMARY_TITLES.sasaran,
      SUMMARY_TITLES.tren,
    ]);
    expect(tren?.heading).toBe('Tren Indikator Pengembangan Kompetensi 2026–2027');
    const rows = tren?.table.rows.map((r) => r.cells) ?? [];
    // city: gap (1+2+0+1)/4 = 1 -> (0+1+0+1)/4 = 0,5; 20 JP 1 of 3 -> 2 of 3; IKM 87,5 -> 100;
    // untrained (nothing in the last two years) B and C -> C
    expect(rows[0]?.[4]).toBeCloseTo(1 / 3, 12);
    expect(rows[1]?.[4]).toBeCloseTo(2 / 3, 12);
    expect(rows[0]?.filter((_, i) => i !== 4)).toEqual([LABEL_TOTAL, '2026', 3, 1, 87.5, 2, null, '–']);
    expect(rows[1]?.filter((_, i) => i !== 4)).toEqual([
      LABEL_TOTAL,
      '2027',
      3,
      0.5,
      100,
      1,
      null,
      '20 JP ▲ 33,3 poin · kesenjangan ▼ 0,50 · IKM ▲ 12,50 · tanpa pelatihan ▼ 1',
    ]);
    expect(tren?.table.rows[0]?.total).toBe(true);
    expect(rows.map((r) => `${r[0]} ${r[1]}`)).toEqual([
      `${LABEL_TOTAL} 2026`,
      `${LABEL_TOTAL} 2027`,
      'Bappeda 2026',
      'Bappeda 2027',
      'Dinas Sosial 2026',
      'Dinas Sosial 2027',
    ]);
    // Bappeda: nothing moved but the 20 JP share (0 -> 0) and the gap (0,5 -> 0,5)
    expect(rows[3]?.[8]).toBe('20 JP = · kesenjangan = · tanpa pelatihan =');
    const chart = tren?.charts[0];
    expect(chart).toMatchObject({ kind: 'line', categories: ['2026', '2027'] });
    expect(chart?.series[0]?.values.map((v) => Number(v?.toFixed(6)))).toEqual([33.333333, 66.666667]);
  });

  it('puts the change in the main table only when a previous cycle is kept', () => {
    const withPrev = buildSummaryModel({
      summary: y2.summary,
      ikm: y2.ikm,
      generatedAt: new Date(0),
      cycles,
    });
    const ringkasan = withPrev.sheets[0];
    expect(ringkasan?.table.columns.at(-1)?.header).toBe('Perubahan sejak 2026');
    const sosial = ringkasan?.table.rows.find((r) => r.cells[1] === 'Dinas Sosial');
    expect(sosial?.cells.at(-1)).toBe(
      '20 JP ▲ 50,0 poin · kesenjangan ▼ 1,00 · IKM ▲ 12,50 · tanpa pelatihan ▼ 1',
    );

    const first = buildSummaryModel({
      summary: y1.summary,
      ikm: y1.ikm,
      generatedAt: new Date(0),
      cycles: [y1.cycle],
    });
    expect(first.sheets[0]?.table.columns.at(-1)?.header).toBe('Mutu');
    const tren = first.sheets.find((s) => s.key === 'tren');
    expect(tren?.notes[0]).toContain('Baru satu siklus tercatat (tahun 2026)');
    // a later cycle than the summary's year never enters its trend
    const old = buildSummaryModel({ summary: y1.summary, ikm: y1.ikm, generatedAt: new Date(0), cycles });
    expect(old.sheets.find((s) => s.key === 'tren')?.table.rows).toHaveLength(3);
    expect(
      buildSummaryModel({ summary: y1.summary, ikm: y1.ikm, generatedAt: new Date(0) }).sheets.map(
        (s) => s.key,
      ),
    ).not.toContain('tren');
  });

  it('changeSince says nothing when either side is missing', () => {
    expect(changeSince(y1.cycle.kota, undefined, 20)).toBe('');
    expect(changeSince(undefined, y1.cycle.kota, 20)).toBe('');
  });
});
