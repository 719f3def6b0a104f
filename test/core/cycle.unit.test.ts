import {
  buildCycle,
  buildLeaderSummary,
  computeGaps,
  computeIkm,
  computeJp,
  courseOfSession,
  cycleSchema,
  evaluate,
  type ProgramData,
  untrainedEmployees,
} from '@bangkom/core';
import {
  assessment,
  course,
  employee,
  programData,
  reaction,
  settings,
  skm,
  standards,
  testResult,
  training,
} from './builders';

const A = employee({ nama: 'Ani', opd: 'Dinas Sosial' });
const B = employee({ nama: 'Bayu', opd: 'Dinas Sosial' });
const C = employee({ nama: 'Citra', opd: 'Bappeda' });

function data(over: Partial<ProgramData> = {}): ProgramData {
  return programData({
    employees: [A, B, C],
    standards: standards('Analis Kebijakan', { 'M.01': 3, 'M.05': 4 }),
    assessments: [
      assessment(A.nip, 'Asesmen', { 'M.01': 2, 'M.05': 2 }),
      assessment(C.nip, 'Asesmen', { 'M.01': 3, 'M.05': 3 }),
    ],
    courses: [course('PLT-01', { judul: 'Pelayanan Prima', kompetensi: ['M.05'] }), course('PLT-010')],
    trainings: [
      training(A.nip, 24, '2026-03-02', { namaPelatihan: 'Pelayanan Prima' }),
      training(C.nip, 8, '2024-05-06', { namaPelatihan: 'Pelayanan Prima' }),
      training(B.nip, 8, '2023-05-06'),
    ],
    skm: [skm('Dinas Sosial', '2026-S1', 3), skm('Dinas Sosial', '2026-S1', 4)],
    reactions: [reaction('SES-1', A.nip, [4, 3]), reaction('PLT-010-2026-1', C.nip, [3])],
    tests: [testResult('SES-1', A.nip, 40, 70)],
    settings: settings({ tahun: 2027, tahunJp: 2026 }),
    ...over,
  });
}

function cycleOf(d: ProgramData) {
  const gaps = computeGaps(d);
  const ikm = computeIkm(d.skm);
  const summary = buildLeaderSummary(d, gaps, computeJp(d, 2026), ikm);
  return buildCycle({
    data: d,
    gaps,
    ikm,
    evaluation: evaluate(d),
    summary,
    schedule: {
      tahun: 2027,
      budget: [
        { opd: 'Dinas Sosial', pagu: 10_000_000, terpakai: 4_500_000, peserta: 3 },
        { opd: 'Bappeda', pagu: 5_000_000, terpakai: 0, peserta: 0 },
      ],
    },
    dihitung: '2026-11-28T08:00:00.000Z',
  });
}

describe('buildCycle', () => {
  it('keeps the year per OPD and for the city: gaps, JP, IKM, equity, budget; aggregates only', () => {
    const c = cycleOf(data());
    expect(cycleSchema.safeParse(c).success).toBe(true);
    expect(c).toMatchObject({ tahun: 2026, tahunRencana: 2027, targetJp: 20, jangkaPemerataan: 2 });
    const sosial = c.opd.find((o) => o.opd === 'Dinas Sosial');
    // Ani: gaps 1 and 2, Bayu not assessed; Ani alone has 20 JP in 2026; Bayu untrained since 2023
    expect(sosial).toMatchObject({
      pegawai: 2,
      dinilai: 1,
      rataGap: 1.5,
      memenuhiJp: 1,
      persenJp: 50,
      konversiIkm: 87.5,
      respondenIkm: 2,
      tanpaPelatihan: 1,
      pagu: 10_000_000,
      terpakai: 4_500_000,
    });
    expect(sosial?.kompetensi).toEqual([
      { kode: 'M.05', rataGap: 2, dinilai: 1 },
      { kode: 'M.01', rataGap: 1, dinilai: 1 },
    ]);
    // Citra's last training was 2024: with N = 2 (2025–2026) she counts too
    expect(c.kota).toMatchObject({ pegawai: 3, tanpaPelatihan: 2, pagu: 15_000_000, terpakai: 4_500_000 });
    expect(c.kota.kompetensi).toEqual([
      { kode: 'M.01', rataGap: 0.5, dinilai: 2 },
      { kode: 'M.05', rataGap: 1.5, dinilai: 2 },
    ]);
    expect(c.ikm).toEqual([
      expect.objectContaining({ unit: 'Dinas Sosial', periode: '2026-S1', responden: 2, konversi: 87.5 }),
    ]);
    const text = JSON.stringify(c);
    for (const e of [A, B, C]) {
      expect(text).not.toContain(e.nip);
      expect(text).not.toContain(e.nama);
    }
  });

  it('Jangka Pemerataan widens the window: 3 years reach back to 2024', () => {
    const c = cycleOf(data({ settings: settings({ tahun: 2027, tahunJp: 2026, jangkaPemerataan: 3 }) }));
    expect(c.jangkaPemerataan).toBe(3);
    expect(c.kota.tanpaPelatihan).toBe(1);
  });

  it('L1–L3 per session with its course: by the schedule id prefix, else by the participants history', () => {
    const c = cycleOf(data());
    expect(c.pelatihan).toEqual([
      // the longer code wins over PLT-01
      expect.objectContaining({ sesi: 'PLT-010-2026-1', kode: 'PLT-010', peserta: 1, reaksi: 75 }),
      expect.objectContaining({ sesi: 'SES-1', kode: 'PLT-01', judul: 'Pelayanan Prima', reaksi: 87.5 }),
    ]);
  });
});

describe('courseOfSession', () => {
  it('needs at least half of the participants to share the course, else says nothing', () => {
    const d = data();
    expect(courseOfSession('X-1', [A.nip, B.nip], d)).toEqual({ kode: 'PLT-01', judul: 'Pelayanan Prima' });
    expect(courseOfSession('X-1', [A.nip, B.nip, employee().nip], d)).toBeNull();
    expect(courseOfSession('X-1', [], d)).toBeNull();
  });
});

describe('untrainedEmployees', () => {
  it('lists who had no training in the N years up to the year, with the last training before', () => {
    const d = data();
    expect(untrainedEmployees(d.employees, d.trainings, 2026, 2)).toEqual([
      { nip: C.nip, nama: 'Citra', opd: 'Bappeda', jabatan: 'Analis Kebijakan', terakhir: '2024-05-06' },
      { nip: B.nip, nama: 'Bayu', opd: 'Dinas Sosial', jabatan: 'Analis Kebijakan', terakhir: '2023-05-06' },
    ]);
    expect(untrainedEmployees(d.employees, d.trainings, 2026, 4).map((e) => e.nama)).toEqual([]);
  });
});
