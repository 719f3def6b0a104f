/**
 * A re-plan's open problem without the ASN who can no longer gain anything. After fixPrevious most
 * ASN still have eligible courses (province: 43,707 of 50,000), but for most of them no course
 * left can add to the objective: their open needs are the ones no eligible course develops, the
 * kept sessions already brought them to the JP target, and a kept session took their equity
 * bonus. Every per-ASN stage (prepare's DPs, the knapsacks, the room hulls, the timetable, seat
 * filling, the reselect rounds) runs over the ASN that remain; the plan is mapped back to the
 * open instance's indices before mergeKept.
 *
 * Why a dropped ASN changes neither the plan, nor its objective, nor the bound. An ASN is dropped
 * when no eligible course `canGain` for it: no course develops one of its open needs, it has no JP
 * left to the target (`jpToTarget` 0), no equity bonus, and courses cost ≥ 0 at a cost weight ≥ 0.
 * Its objective for any course set S is then (asnObjective) 0 priorities + 0 target bonus + 0
 * equity bonus − weight·cost(S) ≤ 0, and 0 for the empty set. So:
 *  - its per-ASN DP (asn-dp.ts) covers no need (`extra` 0) and every state's benefit is 0; its
 *    options at any room price keep only the empty set (cost 0, value 0): optionsAt keeps an
 *    option only when it beats every cheaper one, and the room hull's cost-0 run takes the empty
 *    set first. Its knapsack class in every OPD is that single option, which adds exactly 0 to the
 *    knapsack's choice, its LP and DP bounds (selectAt, selectHullAt, roomPricedBound) and leaves
 *    the Pagu untouched; an OPD of such ASN only adds 0 (its knapsack takes nothing and binds at 0);
 *  - the selection never gives it a course, so the timetable never seats it; seat filling (seats.ts)
 *    bounds its gain from any seat by the needs the course develops (0), the target bonus (0) and the
 *    equity bonus (0) less the cost, ≤ 0, so it never takes a freed seat either;
 *  - asnObjective(∅) is exactly 0, so the plan's objective (a sum in ASN order) is the same float.
 * The ASN that remain keep their order (the remapping is increasing), and the scheduler breaks
 * every tie by that order, so it makes the same choices. Objective and bound of the compact problem
 * are those of the open problem: the bound stays proven for all ASN.
 *
 * A remaining ASN also loses the courses that cannot gain for it (province: 864,000 eligible pairs
 * down to 363,000). That happens only when neither bonus is open to it, so its objective is the
 * priority of the needs its courses cover less their cost; such a course covers none of its needs,
 * so a set with it has the value of the set without it, less its cost, and no less room use or
 * days. Every option (cost, value, room use) the DP, the room hull or seat filling could offer
 * with it is matched or beaten by one without it: the options, knapsacks and bounds are the same.
 * Only where two different course sets tie exactly on cost, room use and value may the DP, which
 * keeps the first it reached, now keep the other.
 *
 * Two guards scale with the number of ASN or pairs and may now admit more work for the same
 * problem: the exact knapsack DP's size limit (knapsack.ts) and reprice's pair limit (reprice.ts);
 * both only make the plan better.
 */
import {
  type AsnModel,
  asnWith,
  type CourseModel,
  type Instance,
  instanceWith,
  listPool,
} from './instance.js';
import { keptMix } from './kept-mix.js';
import { type NeedMatcher, needMatcher } from './replan.js';
import { type Candidate, type Placed, placedWith } from './timetable.js';

/** The open problem without the ASN who cannot gain (see the file comment). */
export interface CompactOpen {
  inst: Instance;
  /** per ASN of `inst`, its index in the open instance (increasing) */
  open: Int32Array;
  /** how many ASN the open instance has */
  size: number;
}

/**
 * Whether course c can raise the objective of ASN e in some course set: any course can when the JP
 * target or equity bonus is open to it or a cost may count for it (anyCourseGains), else c can when
 * its cost may count or it develops one of the ASN's open needs (`develops`: needMatcher of `inst`).
 */
export function canGain(inst: Instance, e: number, c: number, develops: NeedMatcher): boolean {
  return anyCourseGains(inst, inst.asn[e] as AsnModel) || courseGains(inst, e, c, develops);
}

/** canGain's part that depends on the course. */
function courseGains(inst: Instance, e: number, c: number, develops: NeedMatcher): boolean {
  const course = inst.courses[c] as CourseModel;
  return course.unitCost < 0 || course.catalog.biaya < 0 || develops(e, c);
}

/** Whether every course can gain for `asn`: a bonus is open to it, or cost may count for it. */
function anyCourseGains(inst: Instance, asn: AsnModel): boolean {
  return asn.jpToTarget > 0 || asn.equity || inst.weights.biaya < 0;
}

/** The open instance of a re-plan (fixPrevious, warm-start) restricted to the ASN who can gain. */
export function compactOpen(open: Instance): CompactOpen {
  const index = new Int32Array(open.asn.length).fill(-1);
  const kept: number[] = [];
  const asn: AsnModel[] = [];
  const develops = needMatcher(open);
  // each ASN's gaining courses are gathered here, their lists pooled by content (instance.ts listPool)
  const gaining: number[] = [];
  const shared = listPool();
  for (let e = 0; e < open.asn.length; e++) {
    const model = open.asn[e] as AsnModel;
    let eligible = model.eligible;
    if (!anyCourseGains(open, model)) {
      gaining.length = 0;
      for (const c of model.eligible) if (courseGains(open, e, c, develops)) gaining.push(c);
      if (gaining.length < eligible.length) eligible = shared(gaining);
    }
    if (eligible.length === 0) continue;
    index[e] = kept.length;
    kept.push(e);
    asn.push(eligible === model.eligible ? model : asnWith(model, { eligible }));
  }
  const at = (e: number) => index[e] as number;
  const inside = (e: number) => at(e) >= 0;
  const remap = <T>(byAsn: ReadonlyMap<number, T>): Map<number, T> => {
    const out = new Map<number, T>();
    for (const [e, value] of byAsn) if (inside(e)) out.set(at(e), value);
    return out;
  };
  const inst: Instance = instanceWith(open, { asn });
  if (open.blocked) {
    // kept sessions' `fixed.members` stay indices into the open instance: their OPD mix is
    // fixed on first use (kept-mix.ts), so it is made here, against the open instance's ASN
    for (const p of open.blocked.sessions) if (p.fixed) keptMix(open.asn, p.fixed);
    inst.blocked = {
      ...open.blocked,
      asn: remap(open.blocked.asn),
      declined: remap(open.blocked.declined),
      sessions: open.blocked.sessions.map((p) => placedWith(p, p.members.filter(inside).map(at))),
    };
  }
  // every warm session stays, even with no member left: its room-days are still held (timetable.ts)
  if (open.warm)
    inst.warm = open.warm.map((w) => ({ ...w, members: new Set([...w.members].filter(inside).map(at)) }));
  return { inst, open: Int32Array.from(kept), size: open.asn.length };
}

/** A plan of the compact problem in the open instance's ASN indices. */
export function expandPlan(compact: CompactOpen, plan: Candidate): Candidate {
  const open = (k: number) => compact.open[k] as number;
  const chosen: number[][] = Array.from({ length: compact.size }, () => []);
  plan.chosen.forEach((courses, k) => {
    chosen[open(k)] = courses;
  });
  const placed: Placed[] = plan.tt.placed.map((p) => placedWith(p, p.members.map(open)));
  const dropped = plan.tt.dropped.map((d) => ({ ...d, asn: open(d.asn) }));
  return { ...plan, tt: { placed, dropped }, chosen };
}
