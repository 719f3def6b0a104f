/**
 * `Biaya per Angkatan` (session-cost.ts): a session's fixed cost, shared pro rata by its
 * participants, in the Pagu, the objective, the proven bound, the report and the checker.
 */
import {
  type Course,
  checkSchedule,
  type EmployeeGaps,
  type GapsReport,
  JADWAL_COLUMNS,
  jadwalCells,
  type ProgramData,
  planSchedule,
  type ScheduleReport,
  validateWorkbook,
} from '@bangkom/core';
import fc from 'fast-check';
import { catalogCourse, emptyData, generateInstance, nipOf, someHolidays } from './schedule-fixtures';

const TAHUN = 2026;
const HOLIDAYS = someHolidays(TAHUN);

function course(kode: string, over: Partial<Course> = {}): Course {
  return catalogCourse(kode, ['M.01'], {
    kapasitas: 10,
    biaya: 100_000,
    hari: 2,
    moda: 'Tatap Muka',
    bentuk: 'KL03',
    ...over,
  });
}

/** ASN i in OPD opds[i]; each needs M.01 with priority 3. */
function world(opds: string[], courses: Course[], pagu: Record<string, number>) {
  const employees: EmployeeGaps[] = opds.map((opd, i) => ({
    nip: nipOf(i),
    opd,
    jabatan: 'Analis',
    competencies: [{ kode: 'M.01', standar: 4, aktual: 2, gap: 2, prioritas: 3, sumber: ['Atasan'] }],
  }));
  const data: ProgramData = emptyData(TAHUN);
  data.courses = courses;
  data.budgets = Object.entries(pagu).map(([opd, rp], i) => ({ row: i + 2, opd, pagu: rp }));
  data.employees = opds.map((opd, i) => ({
    row: i + 2,
    nip: nipOf(i),
    nama: `Pegawai ${i}`,
    jenisAsn: 'PNS',
    opd,
    jabatan: 'Analis',
  }));
  const gaps: GapsReport = { employees, opd: [] };
  return { data, gaps };
}

function checked(r: ScheduleReport, data: ProgramData, gaps: GapsReport) {
  expect(checkSchedule(r, { data, gaps, holidays: HOLIDAYS })).toEqual([]);
  expect(r.bound).toBeGreaterThanOrEqual(r.objective - 1e-9);
}

/** Each OPD's spending recounted: Biaya per Peserta + Biaya per Angkatan / participants. */
function spendOf(r: ScheduleReport, data: ProgramData, gaps: GapsReport): Map<string, number> {
  const opdOf = new Map(gaps.employees.map((e) => [e.nip, e.opd] as const));
  const spend = new Map<string, number>();
  for (const s of r.sessions) {
    const c = data.courses.find((x) => x.kode === s.kode) as Course;
    for (const nip of s.peserta) {
      const opd = opdOf.get(nip) as string;
      spend.set(opd, (spend.get(opd) ?? 0) + c.biaya + (c.biayaAngkatan ?? 0) / s.peserta.length);
    }
  }
  return spend;
}

describe('Biaya per Angkatan', () => {
  it('shares a session’s fixed cost among OPDs by their members and reports it', () => {
    // 6 from Dinas A and 4 from Dinas B fill one session of 10: A pays 6/10, B 4/10 of 5 million
    const opds = [...Array(6).fill('Dinas A'), ...Array(4).fill('Dinas B')];
    const w = world(opds, [course('K1', { biayaAngkatan: 5_000_000 })], {
      'Dinas A': 100_000_000,
      'Dinas B': 100_000_000,
    });
    const r = planSchedule(w.data, w.gaps, { holidays: HOLIDAYS });
    checked(r, w.data, w.gaps);
    expect(r.sessions).toHaveLength(1);
    const s = r.sessions[0] as ScheduleReport['sessions'][number];
    expect(s.biayaPerAngkatan).toBe(5_000_000);
    expect(r.budget.map((b) => [b.opd, b.terpakai])).toEqual([
      ['Dinas A', 6 * 100_000 + 3_000_000],
      ['Dinas B', 4 * 100_000 + 2_000_000],
    ]);
    // each participant's own cost includes its share
    expect(r.individu[0]?.biaya).toBe(100_000 + 500_000);
    // Jadwal: Biaya per Angkatan beside Biaya per Peserta, Biaya Sesi counting both
    const cells = jadwalCells(s);
    const at = (h: string) => JADWAL_COLUMNS.findIndex((c) => c.header === h);
    expect(cells[at('Biaya per Angkatan')]).toBe(5_000_000);
    expect(cells[at('Biaya Sesi')]).toBe(10 * 100_000 + 5_000_000);
    expect(r.rencana[0]?.anggaran).toBe(10 * 100_000 + 5_000_000);
    // the cost tie-break counts the session's fixed cost once
    const perAsn = 10 * (3 + r.bobot.targetJp + r.bobot.ekuitas - r.bobot.biaya * 100_000);
    expect(r.objective).toBeCloseTo(perAsn - r.bobot.biaya * 5_000_000, 9);
  });

  it('keeps every OPD within its Pagu once small sessions cost more per head, and says why', () => {
    // 12 ASN, 10 seats: two sessions of 6. The selection prices a seat at 100,000 + 5,000,000/10;
    // two real sessions cost 1,200,000 + 10,000,000 = 11.2 million, more than the Pagu of 8 million
    const w = world(Array(12).fill('Dinas A'), [course('K1', { biayaAngkatan: 5_000_000 })], {
      'Dinas A': 8_000_000,
    });
    const r = planSchedule(w.data, w.gaps, { holidays: HOLIDAYS });
    checked(r, w.data, w.gaps);
    const spent = spendOf(r, w.data, w.gaps).get('Dinas A') ?? 0;
    expect(spent).toBeLessThanOrEqual(8_000_000 + 0.01);
    expect(r.budget[0]?.terpakai).toBeCloseTo(spent, 6);
    // one full session of 10 fits (6 million); the other two wait, stopped by the budget
    expect(r.sessions.map((s) => s.peserta.length)).toEqual([10]);
    expect(r.unmet).toHaveLength(2);
    for (const u of r.unmet) {
      expect(u.batas).toBe('anggaran');
      expect(u.alasan).toMatch(/pagu OPD Dinas A|Pagu|pagu/);
    }
  });

  it('reads Biaya per Angkatan as rupiah and quarantines a bad one with its column', () => {
    const r = validateWorkbook({
      Pegawai: [['NIP', 'Nama', 'Jenis ASN', 'OPD', 'Jabatan']],
      'Standar Kompetensi': [['Jabatan', 'Kode', 'Level']],
      'Riwayat Pelatihan': [['NIP', 'Nama Pelatihan', 'JP', 'Tanggal Mulai']],
      Anggaran: [['OPD', 'Pagu']],
      'Katalog Pelatihan': [
        ['Kode', 'Judul', 'Kompetensi', 'JP', 'Kapasitas', 'Biaya per Peserta', 'Biaya per Angkatan'],
        ['K1', 'Satu', 'M.01', 10, 20, 0, 'Rp 15.000.000'],
        ['K2', 'Dua', 'M.01', 10, 20, 0, ''],
        ['K3', 'Tiga', 'M.01', 10, 20, 0, -5],
        ['K4', 'Empat', 'M.01', 10, 20, 0, 'lima juta'],
      ],
    });
    expect(r.data.courses.map((c) => [c.kode, c.biayaAngkatan])).toEqual([
      ['K1', 15_000_000],
      ['K2', undefined],
    ]);
    const bad = r.errors.filter((e) => e.sheet === 'Katalog Pelatihan');
    expect(bad.map((e) => [e.row, e.column])).toEqual([
      [4, 'Biaya per Angkatan'],
      [5, 'Biaya per Angkatan'],
    ]);
    for (const e of bad) expect(e.message).toContain('Biaya per Angkatan harus angka rupiah');
  });

  it('the checker recounts the shares, the Pagu and the objective', () => {
    const opds = [...Array(6).fill('Dinas A'), ...Array(4).fill('Dinas B')];
    const w = world(opds, [course('K1', { biayaAngkatan: 5_000_000 })], {
      'Dinas A': 100_000_000,
      'Dinas B': 100_000_000,
    });
    const r = planSchedule(w.data, w.gaps, { holidays: HOLIDAYS });
    const ctx = { data: w.data, gaps: w.gaps, holidays: HOLIDAYS };
    // a report that forgot the fixed cost in terpakai
    const perHead = { ...r, budget: r.budget.map((b) => ({ ...b, terpakai: b.peserta * 100_000 })) };
    expect(checkSchedule(perHead, ctx).map((v) => v.kind)).toEqual(['laporan-anggaran', 'laporan-anggaran']);
    // a Pagu that cannot carry B's share of 2.4 million
    const tight: ProgramData = {
      ...w.data,
      budgets: [w.data.budgets[0], { row: 3, opd: 'Dinas B', pagu: 2_000_000 }] as ProgramData['budgets'],
    };
    const over = checkSchedule(r, { ...ctx, data: tight });
    expect(over.find((v) => v.kind === 'anggaran')?.opd).toBe('Dinas B');
    // an objective that ignores the session's fixed cost
    const free = {
      ...r,
      objective: r.objective + r.bobot.biaya * 5_000_000,
      bound: r.bound + r.bobot.biaya * 5_000_000,
    };
    expect(checkSchedule(free, ctx).map((v) => v.kind)).toEqual(['objektif']);
  });

  it('re-planning keeps announced sessions, charges their shares on the whole Pagu, and stays bounded', () => {
    // 25 ASN of two OPDs, 20 seats, a Pagu of 15 million each that binds: the first session is
    // announced and three decline; the open part must be paid from what the kept one leaves
    const opds = Array.from({ length: 25 }, (_, i) => (i % 5 < 3 ? 'Dinas A' : 'Dinas B'));
    const w = world(opds, [course('K1', { kapasitas: 20, biaya: 1_000_000, biayaAngkatan: 10_000_000 })], {
      'Dinas A': 15_000_000,
      'Dinas B': 15_000_000,
    });
    const first = planSchedule(w.data, w.gaps, { holidays: HOLIDAYS });
    checked(first, w.data, w.gaps);
    const announced = first.sessions[0] as ScheduleReport['sessions'][number];
    const decliners = announced.peserta.slice(0, 3);
    const data: ProgramData = {
      ...w.data,
      attendance: announced.peserta.map((nip, i) => ({
        row: i + 2,
        sesi: announced.id,
        kode: 'K1',
        nip,
        status: decliners.includes(nip) ? ('Tidak Hadir' as const) : ('Hadir' as const),
      })),
    };
    const again = planSchedule(data, w.gaps, { holidays: HOLIDAYS, sebelumnya: first.sessions });
    checked(again, data, w.gaps);
    expect(again.ulang?.tetap).toEqual([announced.id]);
    const spend = spendOf(again, data, w.gaps);
    for (const b of again.budget) {
      expect(b.terpakai).toBeCloseTo(spend.get(b.opd) ?? 0, 6);
      expect(b.terpakai).toBeLessThanOrEqual(b.pagu + 0.01);
    }
    // the kept session's fixed cost is counted once, in the objective's constant
    const fixed = again.sessions.length * 10_000_000;
    const perAsn = again.individu.reduce(
      (sum, p) =>
        sum +
        (p.sesi.length > 0
          ? 3 + again.bobot.targetJp + again.bobot.ekuitas - again.bobot.biaya * 1_000_000
          : 0),
      0,
    );
    expect(again.objective).toBeCloseTo(perAsn - again.bobot.biaya * fixed, 9);
  });

  it('on random instances: feasible, within Pagu, and the bound is never below the true optimum', () => {
    let compared = 0;
    let binding = 0;
    fc.assert(
      fc.property(
        fc.record({
          seed: fc.integer({ min: 1, max: 1_000_000 }),
          asn: fc.integer({ min: 2, max: 6 }),
          courses: fc.integer({ min: 1, max: 3 }),
          opds: fc.integer({ min: 1, max: 2 }),
          budgetRatio: fc.double({ min: 0.3, max: 3, noNaN: true }),
          fixed: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 3, maxLength: 3 }),
        }),
        (spec) => {
          const inst = generateInstance(spec);
          // every session holds everyone, so one session per course is the cheapest for every OPD
          inst.data.courses = inst.data.courses.map((c, i) => ({
            ...c,
            kapasitas: 40,
            biayaAngkatan: (spec.fixed[i] ?? 0) * 250_000,
          }));
          const r = planSchedule(inst.data, inst.gaps, { holidays: inst.holidays });
          expect(checkSchedule(r, { data: inst.data, gaps: inst.gaps, holidays: inst.holidays })).toEqual([]);
          const opt = bruteForce(inst.data, inst.gaps, r);
          if (opt === null) return;
          compared++;
          expect(r.bound).toBeGreaterThanOrEqual(opt.best - 1e-9);
          expect(r.objective).toBeLessThanOrEqual(opt.best + 1e-9);
          if (opt.best < opt.perHead - 1e-9) binding++;
        },
      ),
      { seed: 20_261_207, numRuns: 120 },
    );
    expect(compared).toBeGreaterThan(80);
    // the fixed costs must really change the optimum in a good share of the instances
    expect(binding).toBeGreaterThan(10);
  });
});

/**
 * Best objective over every subset of eligible (ASN, course) pairs when each course runs one
 * session of all its takers (the cheapest split for every OPD at once): each OPD pays
 * Σ Biaya per Peserta + Biaya per Angkatan × its takers / takers within its Pagu, the objective
 * counts each course's fixed cost once. `perHead`: the optimum when the Pagu only counts Biaya per
 * Peserta (fixed costs still in the objective): above `best` when fixed costs bind the budget.
 */
function bruteForce(
  data: ProgramData,
  gaps: GapsReport,
  report: ScheduleReport,
): { best: number; perHead: number } | null {
  const w = report.bobot;
  const pagu = new Map(data.budgets.map((b) => [b.opd, b.pagu] as const));
  const pairs: { e: number; c: number }[] = [];
  gaps.employees.forEach((e, ei) => {
    data.courses.forEach((c, ci) => {
      if (e.competencies.some((k) => (k.gap ?? 0) > 0 && c.kompetensi.includes(k.kode)))
        pairs.push({ e: ei, c: ci });
    });
  });
  if (pairs.length > 14) return null;
  let best = 0;
  let perHead = 0;
  for (let mask = 0; mask < 1 << pairs.length; mask++) {
    const taken = gaps.employees.map(() => [] as number[]);
    const takers = new Map<number, number[]>();
    pairs.forEach((p, i) => {
      if (!(mask & (1 << i))) return;
      taken[p.e]?.push(p.c);
      takers.set(p.c, [...(takers.get(p.c) ?? []), p.e]);
    });
    const spend = new Map<string, number>();
    const plain = new Map<string, number>();
    let fixedTotal = 0;
    for (const [ci, list] of takers) {
      const c = data.courses[ci] as Course;
      fixedTotal += c.biayaAngkatan ?? 0;
      for (const e of list) {
        const opd = gaps.employees[e]?.opd ?? '';
        spend.set(opd, (spend.get(opd) ?? 0) + c.biaya + (c.biayaAngkatan ?? 0) / list.length);
        plain.set(opd, (plain.get(opd) ?? 0) + c.biaya);
      }
    }
    let v = 0;
    gaps.employees.forEach((e, ei) => {
      const cs = (taken[ei] ?? []).map((c) => data.courses[c] as Course);
      if (cs.length === 0) return;
      for (const k of e.competencies)
        if ((k.gap ?? 0) > 0 && cs.some((c) => c.kompetensi.includes(k.kode))) v += k.prioritas ?? 0;
      const jp0 = data.trainings
        .filter((t) => t.nip === e.nip && t.mulai.startsWith(`${report.tahun}`))
        .reduce((s, t) => s + t.jp, 0);
      const jp = cs.reduce((s, c) => s + c.jp, 0);
      if (jp0 < data.settings.targetJp && jp0 + jp >= data.settings.targetJp) v += w.targetJp;
      const recent = data.trainings.some(
        (t) => t.nip === e.nip && Number(t.mulai.slice(0, 4)) >= report.tahun - 2,
      );
      if (!recent) v += w.ekuitas;
      v -= w.biaya * cs.reduce((s, c) => s + c.biaya, 0);
    });
    if (![...plain].some(([opd, rp]) => rp > (pagu.get(opd) ?? 0)))
      perHead = Math.max(perHead, v - w.biaya * fixedTotal);
    if ([...spend].some(([opd, rp]) => rp > (pagu.get(opd) ?? 0) + 1e-6)) continue;
    best = Math.max(best, v - w.biaya * fixedTotal);
  }
  return { best, perHead };
}
