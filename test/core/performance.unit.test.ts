/**
 * Kinerja (docs/rumus.md, Kinerja peserta): the sheet's rules, the predikat of a course's
 * completers from the year before to the year after beside similar untrained ASN, the minimum
 * group size, and the leaders' sheet (aggregates only).
 */
import {
  buildCycle,
  buildLeaderSummary,
  buildSummaryModel,
  computeGaps,
  computeIkm,
  computeJp,
  type Employee,
  evaluate,
  type ProgramData,
  settingsFrom,
  validateRows,
} from '@bangkom/core';
import { coursePerformance } from '../../core/src/performance';
import { type PerformanceRecord, PREDIKAT_KINERJA, type PredikatKinerja } from '../../core/src/types';
import { assessment, course, employee, pnsNip, programData, settings, standards, training } from './builders';
import { rng } from './schedule-fixtures';

describe('Kinerja sheet', () => {
  it('takes a predikat per NIP and year, from ASN in Pegawai only', () => {
    const [a, b, stranger] = [pnsNip(500), pnsNip(501), pnsNip(502)];
    const r = validateRows(
      'Kinerja',
      [
        ['NIP', 'Tahun', 'Predikat Kinerja', 'Nilai'],
        [a, 2025, 'Baik', 88.5],
        [a, 2026, 'butuh perbaikan', ''],
        [b, 2025, 'Kurang/Misconduct', ''],
        [a, 2025, 'Sangat Baik', ''],
        [stranger, 2025, 'Baik', ''],
        [b, 2026, 'Cukup', ''],
        [b, 2024, 'Baik', 200],
      ],
      undefined,
      { pegawaiNips: new Set([a, b]) },
    );
    expect(r.records.map((k) => [k.row, k.nip, k.tahun, k.predikat, k.nilai])).toEqual([
      [2, a, 2025, 'Baik', 88.5],
      [3, a, 2026, 'Butuh Perbaikan', undefined],
      [4, b, 2025, 'Kurang/Misconduct', undefined],
    ]);
    expect(r.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [5, 'Tahun', 'Predikat kinerja (NIP, Tahun) ganda: sudah ada di baris 2'],
      [6, 'NIP', 'NIP tidak terdaftar di lembar Pegawai'],
      [
        7,
        'Predikat Kinerja',
        'Predikat Kinerja harus salah satu dari: Sangat Baik, Baik, Butuh Perbaikan, Kurang/Misconduct, Sangat Kurang',
      ],
      [8, 'Nilai', 'Nilai harus angka 0–150 (desimal dengan koma atau titik, mis. 12,5)'],
    ]);
  });
});

const rated = (nip: string, predikat: Record<number, PredikatKinerja>): PerformanceRecord[] =>
  Object.entries(predikat).map(([tahun, p]) => ({ row: 2, nip, tahun: Number(tahun), predikat: p }));

/**
 * Dinas Sosial Pelaksana: six completers of PLT-001 in 2025 (three up, two same, one down) and
 * one whose predikat of 2026 is missing; five untrained colleagues (one up, four same), one
 * untrained Fungsional (another stratum: not compared) and one who took PLT-001 in 2023 (never
 * a comparison). Bappeda: two completers of PLT-002 (under the minimum).
 */
function program(): ProgramData {
  const sosial = (i: number): Employee =>
    employee({
      nip: pnsNip(600 + i),
      opd: 'Dinas Sosial',
      jabatan: 'Pengadministrasi',
      jenisJabatan: 'Pelaksana',
    });
  const trained = [0, 1, 2, 3, 4, 5, 6].map(sosial);
  const untrained = [7, 8, 9, 10, 11].map(sosial);
  const earlier = sosial(12);
  const fungsional = employee({
    nip: pnsNip(620),
    opd: 'Dinas Sosial',
    jabatan: 'Pekerja Sosial',
    jenisJabatan: 'Fungsional',
  });
  const bappeda = [0, 1].map((i) =>
    employee({ nip: pnsNip(630 + i), opd: 'Bappeda', jenisJabatan: 'Pelaksana' }),
  );
  const moves: [PredikatKinerja, PredikatKinerja][] = [
    ['Baik', 'Sangat Baik'],
    ['Butuh Perbaikan', 'Baik'],
    ['Kurang/Misconduct', 'Butuh Perbaikan'],
    ['Baik', 'Baik'],
    ['Sangat Baik', 'Sangat Baik'],
    ['Baik', 'Butuh Perbaikan'],
  ];
  const performance = [
    ...moves.flatMap(([before, after], i) =>
      rated(trained[i]?.nip ?? '', { 2024: before, 2025: 'Baik', 2026: after }),
    ),
    ...rated(trained[6]?.nip ?? '', { 2024: 'Baik' }),
    ...untrained.flatMap((e, i) => rated(e.nip, { 2024: 'Baik', 2026: i === 0 ? 'Sangat Baik' : 'Baik' })),
    ...rated(earlier.nip, { 2024: 'Sangat Kurang', 2026: 'Sangat Baik' }),
    ...rated(fungsional.nip, { 2024: 'Sangat Kurang', 2026: 'Sangat Baik' }),
    ...bappeda.flatMap((e) => rated(e.nip, { 2024: 'Baik', 2026: 'Sangat Baik' })),
  ];
  return programData({
    employees: [...trained, ...untrained, earlier, fungsional, ...bappeda],
    courses: [
      course('PLT-001', { judul: 'Pelayanan Prima' }),
      course('PLT-002', { judul: 'Arsip Digital' }),
      course('PLT-003'),
    ],
    trainings: [
      ...trained.map((e) => training(e.nip, 20, '2025-05-12', { namaPelatihan: 'pelayanan  prima' })),
      // a second run of the same course later does not make a second pair
      training(trained[0]?.nip ?? '', 20, '2026-02-02', { namaPelatihan: 'Pelayanan Prima' }),
      training(earlier.nip, 20, '2023-04-03', { namaPelatihan: 'Pelayanan Prima' }),
      ...bappeda.map((e) => training(e.nip, 12, '2025-08-04', { namaPelatihan: 'Arsip Digital' })),
    ],
    performance,
  });
}

describe('coursePerformance', () => {
  it('compares completers from the year before to the year after with untrained ASN of the same OPD and position type', () => {
    const report = coursePerformance(program());
    expect(report.minimum).toBe(5);
    expect(report.kursus).toEqual([
      {
        kode: 'PLT-001',
        judul: 'Pelayanan Prima',
        tahun: [2025],
        dilatih: { n: 6, naik: 3, tetap: 2, turun: 1 },
        pembanding: { n: 5, naik: 1, tetap: 4, turun: 0 },
        catatan: null,
      },
      {
        kode: 'PLT-002',
        judul: 'Arsip Digital',
        tahun: [2025],
        // two people: sizes only, never their shares
        dilatih: { n: 2, naik: null, tetap: null, turun: null },
        pembanding: { n: 0, naik: null, tetap: null, turun: null },
        catatan:
          'peserta dengan predikat sebelum dan sesudah kurang dari 5: terlalu sedikit untuk dibandingkan; kelompok pembanding kurang dari 5 ASN: terlalu sedikit untuk dibandingkan',
      },
    ]);
    expect(report.tanpaPredikat).toBe(0);
  });

  it('follows Minimum ASN Dinilai and is empty without a Kinerja sheet', () => {
    const data = program();
    data.settings = settings({ minimumAsn: 7 });
    expect(coursePerformance(data).kursus[0]?.dilatih).toEqual({
      n: 6,
      naik: null,
      tetap: null,
      turun: null,
    });
    data.performance = [];
    expect(coursePerformance(data).kursus).toEqual([]);
  });
});

describe('Kinerja Peserta on the leaders sheet', () => {
  it('shows shares per course beside the comparison group, and no NIP, name or predikat of a person', () => {
    const data = program();
    const gaps = computeGaps(data);
    const ikm = computeIkm(data.skm);
    const summary = buildLeaderSummary(data, gaps, computeJp(data, 2026), ikm);
    const cycle = buildCycle({
      data,
      gaps,
      ikm,
      evaluation: evaluate(data),
      summary,
      dihitung: '2026-12-01T00:00:00Z',
    });
    const model = buildSummaryModel({ summary, ikm, generatedAt: new Date(0), cycles: [cycle] });
    const sheet = model.sheets.find((s) => s.title === 'Kinerja Peserta');
    expect(sheet?.table.rows.map((r) => r.cells.slice(0, 11))).toEqual([
      ['PLT-001 Pelayanan Prima', '2025', 6, 0.5, 2 / 6, 1 / 6, 5, 0.2, 0.8, 0, '+30,0 poin'],
      ['PLT-002 Arsip Digital', '2025', 2, null, null, null, 0, null, null, null, '–'],
    ]);
    const text = JSON.stringify(sheet);
    for (const e of data.employees) {
      expect(text).not.toContain(e.nip);
      expect(text).not.toContain(e.nama);
    }
    // without Kinerja the cycle keeps null and the sheet is left out
    const none = buildCycle({
      data: { ...data, performance: [] },
      gaps,
      ikm,
      evaluation: evaluate(data),
      summary,
      dihitung: '2026-12-01T00:00:00Z',
    });
    expect(none.kinerja).toBeNull();
    const without = buildSummaryModel({ summary, ikm, generatedAt: new Date(0), cycles: [none] });
    expect(without.sheets.map((s) => s.title)).not.toContain('Kinerja Peserta');
  });
});

describe('a low predikat in planning', () => {
  it('raises the priorities of an ASN whose latest predikat is Butuh Perbaikan or lower, by Bobot Kinerja', () => {
    const [low, worse, recovered, fine] = [0, 1, 2, 3].map((i) =>
      employee({ nip: pnsNip(700 + i), opd: 'Dinas Sosial', jabatan: 'Analis' }),
    );
    const all = [low, worse, recovered, fine] as Employee[];
    const data = programData({
      employees: all,
      standards: standards('Analis', { 'M.05': 4 }, 2),
      assessments: all.map((e) => assessment(e.nip, 'Asesmen', { 'M.05': 2 })),
      performance: [
        ...rated(low?.nip ?? '', { 2025: 'Baik', 2026: 'Butuh Perbaikan' }),
        ...rated(worse?.nip ?? '', { 2026: 'Sangat Kurang' }),
        ...rated(recovered?.nip ?? '', { 2025: 'Kurang/Misconduct', 2026: 'Baik' }),
        ...rated(fine?.nip ?? '', { 2026: 'Sangat Baik' }),
      ],
    });
    const of = (d: ProgramData, nip: string) => computeGaps(d).employees.find((e) => e.nip === nip);
    // gap 2 × Bobot 2 = 4; × (1 + 0,5) for a low latest predikat
    expect(of(data, low?.nip ?? '')?.competencies[0]?.prioritas).toBe(6);
    expect(of(data, low?.nip ?? '')?.kinerjaRendah).toEqual({ tahun: 2026, predikat: 'Butuh Perbaikan' });
    expect(of(data, worse?.nip ?? '')?.competencies[0]?.prioritas).toBe(6);
    expect(of(data, recovered?.nip ?? '')?.competencies[0]?.prioritas).toBe(4);
    expect(of(data, recovered?.nip ?? '')?.kinerjaRendah).toBeUndefined();
    expect(of(data, fine?.nip ?? '')?.competencies[0]?.prioritas).toBe(4);
    data.settings = settings({ bobotKinerja: 2 });
    expect(of(data, low?.nip ?? '')?.competencies[0]?.prioritas).toBe(12);
    data.settings = settings({ bobotKinerja: 0 });
    expect(of(data, low?.nip ?? '')?.competencies[0]?.prioritas).toBe(4);
    expect(of(data, low?.nip ?? '')?.kinerjaRendah).toBeUndefined();
  });

  it('reads Bobot Kinerja from Pengaturan, 0 to 5', () => {
    const r = validateRows('Pengaturan', [
      ['Kunci', 'Nilai'],
      ['Bobot Kinerja', '1,5'],
    ]);
    expect(settingsFrom(r.records).bobotKinerja).toBe(1.5);
    const bad = validateRows('Pengaturan', [
      ['Kunci', 'Nilai'],
      ['Bobot Kinerja', 6],
    ]);
    expect(bad.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [
        2,
        'Nilai',
        'Bobot Kinerja harus angka 0 sampai 5 (bawaan 0,5; 0 = predikat kinerja tidak menaikkan prioritas)',
      ],
    ]);
  });
});

/**
 * The comparison group counted the way the module comment defines it, one ASN at a time (what
 * coursePerformance did before it counted each stratum once and took the completers away).
 */
function comparisonByDefinition(data: ProgramData, kode: string): number[] {
  const rank = (p: PredikatKinerja) => PREDIKAT_KINERJA.indexOf(p);
  const rating = (nip: string, y: number) =>
    (data.performance ?? []).find((p) => p.nip === nip && p.tahun === y)?.predikat;
  const move = (nip: string, y: number) => {
    const [b, a] = [rating(nip, y - 1), rating(nip, y + 1)];
    return b === undefined || a === undefined ? undefined : rank(a) - rank(b);
  };
  const judul = data.courses.find((c) => c.kode === kode)?.judul ?? '';
  const first = new Map<string, number>();
  for (const t of data.trainings) {
    if (t.namaPelatihan !== judul) continue;
    const y = Number(t.mulai.slice(0, 4));
    if (!first.has(t.nip) || y < (first.get(t.nip) ?? 0)) first.set(t.nip, y);
  }
  const stratum = (nip: string) => {
    const e = data.employees.find((x) => x.nip === nip);
    return e ? `${e.opd}|${e.jenisJabatan}` : undefined;
  };
  const pairs = new Set<string>();
  for (const [nip, y] of first) {
    if (move(nip, y) !== undefined && stratum(nip) !== undefined) pairs.add(`${y}|${stratum(nip)}`);
  }
  const out: number[] = [];
  for (const pair of pairs) {
    const y = Number(pair.slice(0, 4));
    for (const e of data.employees) {
      if (first.has(e.nip) || `${y}|${stratum(e.nip)}` !== pair) continue;
      const d = move(e.nip, y);
      if (d !== undefined) out.push(d);
    }
  }
  return out;
}

describe('coursePerformance at random', () => {
  it('counts every comparison group exactly as the ASN-by-ASN definition does', () => {
    const random = rng(20261207);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
    const employees = Array.from({ length: 240 }, (_, i) =>
      employee({
        nip: pnsNip(3000 + i),
        opd: pick(['Dinas Sosial', 'Bappeda', 'Dinas Kesehatan']),
        jenisJabatan: pick(['Pelaksana', 'Fungsional', 'Pengawas'] as const),
      }),
    );
    const courses = ['A', 'B', 'C', 'D'].map((k) => course(`PLT-${k}`, { judul: `Kursus ${k}` }));
    const performance: PerformanceRecord[] = [];
    for (const e of employees) {
      for (let y = 2020; y <= 2026; y++) {
        if (random() < 0.7)
          performance.push({ row: 2, nip: e.nip, tahun: y, predikat: pick(PREDIKAT_KINERJA) });
      }
    }
    const trainings = employees.flatMap((e) =>
      courses
        .filter(() => random() < 0.3)
        .flatMap((c) =>
          Array.from({ length: 1 + Math.floor(random() * 2) }, () =>
            training(e.nip, 20, `${2020 + Math.floor(random() * 7)}-03-02`, { namaPelatihan: c.judul }),
          ),
        ),
    );
    const data = programData({
      employees,
      courses,
      trainings,
      performance,
      settings: settings({ minimumAsn: 1 }),
    });
    const report = coursePerformance(data);
    expect(report.kursus).toHaveLength(4);
    for (const k of report.kursus) {
      const moves = comparisonByDefinition(data, k.kode);
      expect(moves.length).toBeGreaterThan(0);
      expect(k.pembanding).toEqual({
        n: moves.length,
        naik: moves.filter((d) => d < 0).length,
        tetap: moves.filter((d) => d === 0).length,
        turun: moves.filter((d) => d > 0).length,
      });
    }
  });
});
