/**
 * reprice.ts: rounds whose seat prices were already tried are skipped, because every step after
 * the prices is deterministic. Checked against the rounds run in full (the reference below) on
 * random instances where `Biaya per Angkatan` and the Pagu bind.
 */
import fc from 'fast-check';
import { buildInstance, type CourseModel, type Instance } from '../../core/src/schedule/instance';
import { reselectAfterMinimum } from '../../core/src/schedule/minimum';
import { repriceSessions } from '../../core/src/schedule/reprice';
import { prepare, selectAt } from '../../core/src/schedule/selection';
import { type Candidate, evaluate } from '../../core/src/schedule/timetable';
import { generateInstance } from './schedule-fixtures';

/** repriceSessions as it was before rounds were skipped: every round runs (ROUNDS = 2). */
function reference(inst: Instance, plan: Candidate): { best: Candidate; repriced: number } {
  let best = plan;
  let current = plan;
  let repriced = 0;
  for (let round = 0; round < 2; round++) {
    if (!current.tt.dropped.some((d) => d.batas === 'anggaran')) break;
    const seated = new Map<number, { members: number; sessions: number }>();
    for (const p of current.tt.placed) {
      const s = seated.get(p.course) ?? { members: 0, sessions: 0 };
      s.members += p.members.length;
      s.sessions++;
      seated.set(p.course, s);
    }
    const courses: CourseModel[] = inst.courses.map((course, c) => {
      const s = seated.get(c);
      if (!s || course.biayaAngkatan <= 0) return course;
      const share = (course.biayaAngkatan * s.sessions) / s.members;
      return { ...course, unitCost: Math.max(course.unitCost, course.catalog.biaya + share) };
    });
    if (courses.some((course, c) => course.unitCost !== inst.courses[c]?.unitCost)) repriced++;
    const priced: Instance = { ...inst, courses };
    const prep = prepare(priced);
    current = reselectAfterMinimum(priced, prep, evaluate(priced, selectAt(priced, prep, 0).chosen), null);
    if (current.objective > best.objective + 1e-9) best = current;
  }
  return { best, repriced };
}

const shape = (c: Candidate) => ({
  objective: c.objective,
  placed: c.tt.placed.map((p) => [p.course, p.start, p.room, p.trainer, [...p.members]]),
  dropped: c.tt.dropped,
  chosen: c.chosen,
});

describe('repriceSessions', () => {
  it('skips only rounds that would repeat a plan: the same plan as running every round', () => {
    let repriced = 0;
    let unchanged = 0;
    fc.assert(
      fc.property(
        fc.record({
          seed: fc.integer({ min: 1, max: 1_000_000 }),
          asn: fc.integer({ min: 10, max: 40 }),
          courses: fc.integer({ min: 2, max: 5 }),
          opds: fc.integer({ min: 1, max: 3 }),
          budgetRatio: fc.double({ min: 0.2, max: 1.2, noNaN: true }),
          fixed: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 5, maxLength: 5 }),
          kapasitas: fc.integer({ min: 3, max: 12 }),
        }),
        (spec) => {
          const world = generateInstance(spec);
          world.data.courses = world.data.courses.map((c, i) => ({
            ...c,
            kapasitas: spec.kapasitas,
            biayaAngkatan: (spec.fixed[i] ?? 0) * 250_000,
          }));
          const inst = buildInstance(world.data, world.gaps, { holidays: world.holidays });
          const prep = prepare(inst);
          const plan = reselectAfterMinimum(inst, prep, evaluate(inst, selectAt(inst, prep, 0).chosen), null);
          const want = reference(inst, plan);
          const got = repriceSessions(inst, plan);
          expect(shape(got)).toEqual(shape(want.best));
          if (want.repriced > 0) repriced++;
          else if (plan.tt.dropped.some((d) => d.batas === 'anggaran')) unchanged++;
        },
      ),
      { seed: 20_261_207, numRuns: 60 },
    );
    // both paths are exercised: rounds with new prices, and rounds that only repeat the plan
    expect(repriced).toBeGreaterThan(5);
    expect(unchanged).toBeGreaterThan(0);
  });
});
