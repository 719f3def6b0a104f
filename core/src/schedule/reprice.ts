/**
 * `Biaya per Angkatan` on the plan side: the selection prices a seat at the least share a
 * participant can pay (session-cost.ts), so it picks more than the Pagu pays for once sessions
 * are smaller than full, and the budget repair takes enrolments out again, not always the ones
 * the selection would have given up. Selecting again with each course's seat priced at its share
 * in the plan's own sessions (fixed cost / their mean size, never below the least share), then
 * banning what still cannot be paid (minimum.ts), is closer to what the timetable makes. A plan,
 * never a bound: the bound comes from the least shares. The better plan is kept.
 *
 * It computes every ASN's options again, so it only runs up to MAX_PAIRS eligible (ASN, course)
 * pairs (the sample has about 19,000; the province about 2.5 million, where it would double the time).
 *
 * Every step (options, knapsacks, timetable, reselection) is deterministic, and `plan` is what
 * the instance's own prices give (selectAt at room price 0, evaluate, reselectAfterMinimum). A
 * round whose prices equal the instance's or an earlier round's therefore gives a plan already
 * seen, and so does every round after it: the rounds stop there. In a re-plan the new sessions
 * are few and usually priced as the selection priced them, so repricing then costs nothing.
 */
import { type CourseModel, courseAt, type Instance, instanceWith } from './instance.js';
import { reselectAfterMinimum } from './minimum.js';
import { prepare, selectAt } from './selection.js';
import { hasFixedCost } from './session-cost.js';
import { type Candidate, evaluate } from './timetable.js';

/** rounds of reprice-and-reselect */
const ROUNDS = 2;
const MAX_PAIRS = 200_000;

/** `plan`: the instance's plan at room price 0 after reselectAfterMinimum (see the file comment). */
export function repriceSessions(inst: Instance, plan: Candidate): Candidate {
  if (!hasFixedCost(inst) || plan.roomPrice > 0) return plan;
  const pairs = inst.asn.reduce((sum, asn) => sum + asn.eligible.length, 0);
  if (pairs > MAX_PAIRS) return plan;
  let best = plan;
  let current = plan;
  const tried = [inst.courses.map((course) => course.unitCost)];
  for (let round = 0; round < ROUNDS; round++) {
    if (!current.tt.dropped.some((d) => d.batas === 'anggaran')) break;
    const seated = new Map<number, { members: number; sessions: number }>();
    for (const p of current.tt.placed) {
      if (p.fixed) continue;
      const s = seated.get(p.course) ?? { members: 0, sessions: 0 };
      s.members += p.members.length;
      s.sessions++;
      seated.set(p.course, s);
    }
    const courses: CourseModel[] = inst.courses.map((course, c) => {
      const s = seated.get(c);
      if (!s || course.biayaAngkatan <= 0) return course;
      const share = (course.biayaAngkatan * s.sessions) / s.members;
      return courseAt(course, Math.max(course.unitCost, course.catalog.biaya + share));
    });
    const prices = courses.map((course) => course.unitCost);
    if (tried.some((seen) => seen.every((price, c) => price === prices[c]))) break;
    tried.push(prices);
    const priced: Instance = instanceWith(inst, { courses });
    const prep = prepare(priced);
    // evaluate only reads real costs, so the priced instance plans like the original one
    current = reselectAfterMinimum(priced, prep, evaluate(priced, selectAt(priced, prep, 0).chosen), null);
    if (current.objective > best.objective + 1e-9) best = current;
  }
  return best;
}
