/**
 * Stage 1a: each ASN's options by dynamic programming over (needs covered, JP reached): per
 * state the cheapest course set, then the Pareto options (cost, value) a knapsack chooses from.
 */
import type { AsnModel, CourseModel, Instance } from './instance.js';
import { type AsnOption, gcd } from './knapsack.js';

/** Needs tracked exactly as DP bits; lower-priority needs beyond them only count in the bound. */
const MAX_EXACT_BITS = 12;

/**
 * Buffers of the DP indexed by state, grown on demand and reused across the ASN of one
 * scheduling call (create one per call with `dpScratch()`). Between ASN every state is back at
 * its initial value (cost +∞, node −1, not live); `room` and `mismatch` are only read for
 * states whose cost is finite, so they need no reset.
 */
export interface DpScratch {
  cost: Float64Array;
  days: Int32Array;
  node: Int32Array;
  live: Uint8Array;
  /** a reached state another one dominates (walk): 1 still in the active list, 2 taken out of it */
  dead: Uint8Array;
  room: Float64Array;
  /** courses against the ASN's preferred mode */
  mismatch: Int32Array;
  /** a reached state's benefit (only read for live states) */
  benefit: Float64Array;
  /** the staircase of kept states, and the best state of each run of equal cost and room (finish) */
  stairRoom: Float64Array;
  stairBenefit: Float64Array;
  runBest: Int32Array;
}

export function dpScratch(): DpScratch {
  return {
    cost: new Float64Array(0),
    days: new Int32Array(0),
    node: new Int32Array(0),
    live: new Uint8Array(0),
    dead: new Uint8Array(0),
    room: new Float64Array(0),
    mismatch: new Int32Array(0),
    benefit: new Float64Array(0),
    stairRoom: new Float64Array(0),
    stairBenefit: new Float64Array(0),
    runBest: new Int32Array(0),
  };
}

function growRuns(scratch: DpScratch, size: number): Int32Array {
  scratch.runBest = new Int32Array(Math.max(size, scratch.runBest.length * 2, 1024));
  return scratch.runBest;
}

/** The staircase rows, at least `size` long. */
function grow(scratch: DpScratch, size: number): Float64Array {
  const n = Math.max(size, scratch.stairRoom.length * 2, 1024);
  scratch.stairRoom = new Float64Array(n);
  scratch.stairBenefit = new Float64Array(n);
  return scratch.stairRoom;
}

function ensureScratch(scratch: DpScratch, states: number): void {
  if (scratch.cost.length >= states) return;
  const size = Math.max(states, scratch.cost.length * 2, 1024);
  scratch.cost = new Float64Array(size).fill(Number.POSITIVE_INFINITY);
  scratch.days = new Int32Array(size);
  scratch.node = new Int32Array(size).fill(-1);
  scratch.live = new Uint8Array(size);
  scratch.dead = new Uint8Array(size);
  scratch.room = new Float64Array(size);
  scratch.mismatch = new Int32Array(size);
  scratch.benefit = new Float64Array(size);
}

/**
 * One ASN's DP result: for each reachable state (needs covered, JP reached) its cheapest course
 * set (then least room use, then fewest days), pruned to the states no other state beats on
 * cost, room use and benefit at once. `extra`: the priority of needs beyond the DP's exact bits,
 * added to the bound as if closed for free.
 */
export interface AsnDp {
  extra: number;
  /** each state's cost, ascending (optionsAt relies on it) */
  cost: Float64Array;
  room: Float64Array;
  /** priorities closed + JP target bonus + equity bonus */
  benefit: Float64Array;
  courses: number[][];
}

/** The bits of the ASN's needs (bit: need code -> bit) that a course addresses. */
export function needMask(course: CourseModel, bit: ReadonlyMap<string, number>): number {
  let mask = 0;
  for (const kode of course.catalog.kompetensi) {
    const b = bit.get(kode);
    if (b !== undefined) mask |= 1 << b;
  }
  return mask;
}

/**
 * The state space both per-ASN searches walk (asnDps, asnRoomHull): a state is (JP reached, in
 * units of the courses' JP gcd, capped at the target, or exact up to the ASN's JP limit when that
 * can bind) << exact.length | (the needs covered, as bits of `exact`): bit operations, no
 * division, in the DP's inner loop. A course takes state s to `step(s, needMask(course, bit), jp / jpUnit)`.
 */
export interface NeedStates {
  /** the needs tracked as bits, bit i = exact[i], in code order */
  exact: readonly { kode: string; prioritas: number }[];
  /** the priority of covered needs beyond MAX_EXACT_BITS (counted as closed, for the bound) */
  extra: number;
  bit: ReadonlyMap<string, number>;
  /** gcd of the eligible courses' JP */
  jpUnit: number;
  /** JP values a state can hold (0 to jpCap): there are width << exact.length states */
  width: number;
  /** the state a course (its need bits, its JP in units) leads to from s; −1 past the JP limit */
  step(s: number, mask: number, jpUnits: number): number;
  /** the JP dimension, as `step` uses it: its cap in units, and whether passing it is refused */
  jpCap: number;
  limited: boolean;
  /**
   * from this many JP units on, states of one need mask are worth the same (the JP target bonus
   * and the equity bonus are both earned): at least 1, at most jpCap
   */
  jpFlat: number;
  /** a state's benefit: priorities closed + JP target bonus + equity bonus */
  value(state: number): number;
}

export function needStates(inst: Instance, asn: AsnModel): NeedStates {
  const covered = asn.needs.filter((need) =>
    asn.eligible.some((c) => inst.courses[c]?.catalog.kompetensi.includes(need.kode)),
  );
  const top = covered.slice(0, MAX_EXACT_BITS);
  const extra = covered.slice(MAX_EXACT_BITS).reduce((sum, need) => sum + need.prioritas, 0);
  // bits in code order, so ASN with the same needs and courses walk the same states (asnDps)
  const exact = [...top].sort((x, y) => (x.kode < y.kode ? -1 : x.kode > y.kode ? 1 : 0));
  const bit = new Map(exact.map((need, i) => [need.kode, i] as const));
  // the priorities closed by each mask, summed in priority order whatever the bit order (so the
  // sums do not depend on it): extend the masks of the first k needs by need k, in priority order
  const closed = new Float64Array(1 << exact.length);
  const masks = [0];
  for (const need of top) {
    const b = 1 << (bit.get(need.kode) as number);
    for (let i = 0, n = masks.length; i < n; i++) {
      const mask = masks[i] as number;
      closed[mask | b] = (closed[mask] as number) + need.prioritas;
      masks.push(mask | b);
    }
  }
  // JP in units of the gcd: a sum of multiples of the unit reaches the target iff it reaches
  // ceil(target / unit) units
  let jpUnit = 0;
  for (const c of asn.eligible) jpUnit = gcd(jpUnit, (inst.courses[c] as CourseModel).catalog.jp);
  if (!Number.isInteger(jpUnit) || jpUnit < 1) jpUnit = 1;
  const targetUnits = Math.ceil(asn.jpToTarget / jpUnit);
  // `Batas JP per ASN`: when the eligible courses together could pass the ASN's JP limit, JP is
  // tracked exactly up to the limit and a step past it is refused, so every state (and each
  // state's cheapest set) respects the limit: the DP, the knapsacks over it and hence the bound
  // are exact for the limited problem. Otherwise JP above the target changes nothing and is capped.
  let totalJp = 0;
  for (const c of asn.eligible) totalJp += (inst.courses[c] as CourseModel).catalog.jp;
  const limited = totalJp > asn.jpLimit;
  const jpCap = limited ? Math.floor(asn.jpLimit / jpUnit) : Math.max(targetUnits, 1);
  const width = jpCap + 1;
  const shift = exact.length;
  const needBits = (1 << shift) - 1;
  const step = (s: number, mask: number, jpUnits: number): number => {
    const jp = (s >> shift) + jpUnits;
    if (limited && jp > jpCap) return -1;
    return (Math.min(jp, jpCap) << shift) | (s & needBits) | mask;
  };
  const weights = inst.weights;
  const value = (state: number): number => {
    const mask = state & needBits;
    const jpUnits = state >> shift;
    let benefit = closed[mask] as number;
    if (jpUnits > 0) {
      if (asn.jpToTarget > 0 && jpUnits >= targetUnits) benefit += weights.targetJp;
      if (asn.equity) benefit += weights.ekuitas;
    }
    return benefit;
  };
  const jpFlat = Math.min(Math.max(1, asn.jpToTarget > 0 ? targetUnits : 1), jpCap);
  return { exact, extra, bit, jpUnit, width, value, step, jpCap, limited, jpFlat };
}

/**
 * The per-ASN DPs of `asns`, in that order. `enforceDays`: skip course sets longer than the
 * year's working days (off for the bound).
 *
 * The walk over the states depends only on the ASN's eligible courses, need codes, JP grid and
 * preferred mode, not on the priorities or bonuses, so ASN alike in those share one walk
 * (at province scale about one walk for five ASN); each then values the reached states itself.
 * The result per ASN is the same as walking alone.
 */
export function asnDps(
  inst: Instance,
  asns: readonly AsnModel[],
  roomUse: Float64Array,
  enforceDays: boolean,
  scratch: DpScratch,
): AsnDp[] {
  const out = new Array<AsnDp>(asns.length);
  const groups = new Map<string, number[]>();
  const states: (NeedStates | null)[] = asns.map((asn, i) => {
    if (asn.eligible.length === 0) {
      out[i] = emptyDp();
      return null;
    }
    const ns = needStates(inst, asn);
    const key = `${ns.exact.map((need) => need.kode).join(',')}|${asn.eligible.join(',')}|${ns.jpUnit}|${ns.jpCap}|${ns.limited ? 1 : 0}|${ns.jpFlat}|${asn.prefModa ?? ''}`;
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
    return ns;
  });
  const maxDays = enforceDays ? inst.days.length : Number.POSITIVE_INFINITY;
  for (const members of groups.values()) {
    const first = members[0] as number;
    const walked = walk(
      inst,
      asns[first] as AsnModel,
      states[first] as NeedStates,
      roomUse,
      maxDays,
      scratch,
    );
    for (const i of members) out[i] = finish(states[i] as NeedStates, walked, scratch);
    // reset the scratch states this group touched
    const { cost, days, room, mismatch, node, live: isLive, dead } = scratch;
    for (const s of walked.touched) {
      cost[s] = Number.POSITIVE_INFINITY;
      days[s] = 0;
      room[s] = 0;
      mismatch[s] = 0;
      node[s] = -1;
      isLive[s] = 0;
      dead[s] = 0;
    }
  }
  return out;
}

function emptyDp(): AsnDp {
  return {
    extra: 0,
    cost: new Float64Array(1),
    room: new Float64Array(1),
    benefit: new Float64Array(1),
    courses: [[]],
  };
}

/** The states one walk reached (their cost, room, days and node are in the scratch). */
interface Walked {
  /** every state reached, in the order first reached (the scratch to reset) */
  touched: number[];
  /** the reached states no other dominates (walk), in the order first reached */
  live: number[];
  /** `live` stably sorted by cost, then room */
  byCost: Int32Array;
  nodeCourse: number[];
  nodePrev: number[];
}

/**
 * The DP walk: per state (needs covered, JP reached) the cheapest course set, in the scratch.
 *
 * With `Batas JP per ASN` tracked exactly (ns.limited), most states differ only in JP above the
 * point where every state of their need mask is worth the same (ns.jpFlat). Such a state is
 * dominated when one of the same mask with fewer JP (still at or above jpFlat) costs no more and
 * takes no more mismatches, room or days: whatever follows it follows the other as well, with JP
 * and days to spare, at no more cost and the same worth. Dominated states are dropped (a proposal
 * dominated on arrival is not taken; a state a new one dominates stops proposing). At province
 * scale this is about 85 % of the states. Every course set's cost is still matched or beaten by a
 * kept state of its mask and worth, so each ASN's (cost, worth) options at room price 0, hence the
 * knapsacks' bounds, are the same as without the pruning.
 */
function walk(
  inst: Instance,
  asn: AsnModel,
  ns: NeedStates,
  roomUse: Float64Array,
  maxDays: number,
  scratch: DpScratch,
): Walked {
  const { exact, bit, jpUnit, width, jpCap, limited, jpFlat } = ns;
  const shift = exact.length;
  const needBits = (1 << shift) - 1;
  const stateCount = width << shift;
  ensureScratch(scratch, stateCount);
  const { cost, days, node, live: isLive, dead, room, mismatch } = scratch;
  const nodeCourse: number[] = [];
  const nodePrev: number[] = [];
  const touched: number[] = [0];
  // the states that propose: reached and not dominated (taken out of it in batches)
  let active: number[] = [0];
  let deadInActive = 0;
  // JP from `prune` on is compared across states of one mask (none when JP is capped at the target)
  const prune = limited ? jpFlat : jpCap + 1;
  cost[0] = 0;
  days[0] = 0;
  room[0] = 0;
  node[0] = -1;
  isLive[0] = 1;
  mismatch[0] = 0;
  // proposed moves of the current course (at most one per live state): target state and its new
  // cost, mismatch, room, days, node; typed scratch rows, the `step` and the tie order inlined
  // (needStates.step; equal cost: fewer courses against the ASN's preferred mode, then less
  // room, then fewer days)
  const proposals = proposalScratch(scratch, stateCount);
  const { toState, toCost, toRoom, toMismatch, toDays, fromNode } = proposals;

  for (const c of asn.eligible) {
    const course = inst.courses[c] as CourseModel;
    const mask = needMask(course, bit);
    const jpUnits = Math.round(course.catalog.jp / jpUnit);
    const biaya = course.unitCost;
    const courseRoom = roomUse[c] as number;
    const courseMismatch = asn.prefModa !== undefined && asn.prefModa !== course.moda ? 1 : 0;
    const hari = course.hari;
    if (deadInActive * 4 > active.length) {
      active = active.filter((s) => {
        if (!dead[s]) return true;
        dead[s] = 2;
        return false;
      });
      deadInActive = 0;
    }
    // 0/1 knapsack: propose from the values before this course, then apply
    let count = 0;
    for (let i = 0, activeCount = active.length; i < activeCount; i++) {
      const s = active[i] as number;
      if (dead[s]) continue;
      const newDays = (days[s] as number) + hari;
      if (newDays > maxDays) continue;
      const jpS = s >> shift;
      // no need added at or past jpFlat: s itself dominates where the course would lead
      if (jpS >= prune && (mask & ~s) === 0) continue;
      const jp = jpS + jpUnits;
      if (limited && jp > jpCap) continue;
      const t = (Math.min(jp, jpCap) << shift) | (s & needBits) | mask;
      if (t === s) continue;
      const newCost = (cost[s] as number) + biaya;
      const newRoom = (room[s] as number) + courseRoom;
      const newMismatch = (mismatch[s] as number) + courseMismatch;
      if (better(cost, mismatch, room, days, t, newCost, newMismatch, newRoom, newDays)) {
        toState[count] = t;
        toCost[count] = newCost;
        toMismatch[count] = newMismatch;
        toRoom[count] = newRoom;
        toDays[count] = newDays;
        fromNode[count] = node[s] as number;
        count++;
      }
    }
    for (let i = 0; i < count; i++) {
      const t = toState[i] as number;
      const newCost = toCost[i] as number;
      const newMismatch = toMismatch[i] as number;
      const newRoom = toRoom[i] as number;
      const newDays = toDays[i] as number;
      if (!better(cost, mismatch, room, days, t, newCost, newMismatch, newRoom, newDays)) continue;
      const jpT = t >> shift;
      const stride = needBits + 1;
      if (jpT > prune) {
        // dominated on arrival by a state of the same mask with fewer JP (unreached: cost +∞)
        let dominated = false;
        for (let r = (t & needBits) | (prune << shift); r < t; r += stride) {
          if (
            (cost[r] as number) <= newCost &&
            (mismatch[r] as number) <= newMismatch &&
            (room[r] as number) <= newRoom &&
            (days[r] as number) <= newDays
          ) {
            dominated = true;
            break;
          }
        }
        if (dominated) continue;
      }
      cost[t] = newCost;
      mismatch[t] = newMismatch;
      room[t] = newRoom;
      days[t] = newDays;
      nodeCourse.push(c);
      nodePrev.push(fromNode[i] as number);
      node[t] = nodeCourse.length - 1;
      if (!isLive[t]) {
        isLive[t] = 1;
        touched.push(t);
        active.push(t);
      } else if (dead[t]) {
        // dominated before, not any more (nothing dominates its new values)
        if (dead[t] === 2) active.push(t);
        else deadInActive--;
        dead[t] = 0;
      }
      if (jpT >= prune) {
        // the states of the same mask with more JP that the new one dominates stop proposing
        for (let r = t + stride, top = (t & needBits) | (jpCap << shift); r <= top; r += stride) {
          if (
            isLive[r] &&
            !dead[r] &&
            (cost[r] as number) >= newCost &&
            (mismatch[r] as number) >= newMismatch &&
            (room[r] as number) >= newRoom &&
            (days[r] as number) >= newDays
          ) {
            dead[r] = 1;
            deadInActive++;
          }
        }
      }
    }
  }
  const live = touched.filter((s) => !dead[s]);
  // sorted in place as indices (no object per state: at province scale the garbage of ~40
  // million of them cost more than the DP); a stable sort, ties keep the order reached
  // typed arrays filled by loops: TypedArray.from and Array.from(keys()) go through the iterator
  // protocol, about ten times slower per element, and this runs once per ASN
  const byCost = new Int32Array(live.length);
  const ranks: number[] = [];
  for (let r = 0; r < live.length; r++) {
    byCost[r] = live[r] as number;
    ranks.push(r);
  }
  ranks.sort((x, y) => {
    const sx = byCost[x] as number;
    const sy = byCost[y] as number;
    return (
      (cost[sx] as number) - (cost[sy] as number) || (room[sx] as number) - (room[sy] as number) || x - y
    );
  });
  const sorted = new Int32Array(ranks.length);
  for (let i = 0; i < ranks.length; i++) sorted[i] = byCost[ranks[i] as number] as number;
  return { touched, live, byCost: sorted, nodeCourse, nodePrev };
}

/**
 * One ASN's options from a walk: each reached state valued by the ASN's priorities and bonuses,
 * sorted by cost, room, then benefit (descending), and kept unless another state is no dearer,
 * uses no more room and brings at least as much.
 */
function finish(ns: NeedStates, walked: Walked, scratch: DpScratch): AsnDp {
  const { cost, room, node } = scratch;
  const benefit = scratch.benefit;
  const { byCost, nodeCourse, nodePrev } = walked;
  for (const s of walked.live) benefit[s] = ns.value(s);
  // states in order of cost, then room, then benefit (descending), then as reached; within a run
  // of equal cost and room only the first of the highest benefit can be kept (the others have
  // no less room and no more benefit), so each run sends just that one to the filter below
  const order = scratch.runBest.length >= byCost.length ? scratch.runBest : growRuns(scratch, byCost.length);
  let candidates = 0;
  for (let start = 0; start < byCost.length; ) {
    const s0 = byCost[start] as number;
    let best = s0;
    let end = start + 1;
    for (; end < byCost.length; end++) {
      const s = byCost[end] as number;
      if (cost[s] !== cost[s0] || room[s] !== room[s0]) break;
      if ((benefit[s] as number) > (benefit[best] as number)) best = s;
    }
    order[candidates++] = best;
    start = end;
  }
  // a state is dominated when a kept one has room ≤ its room and benefit ≥ its benefit (less
  // 1e-12). The kept states' staircase answers that in a binary search: rooms ascending with
  // benefits strictly ascending, so the last step at or below a room holds the best benefit there.
  const kept: number[] = [];
  const stairRoom = scratch.stairRoom.length >= candidates ? scratch.stairRoom : grow(scratch, candidates);
  const stairBenefit = scratch.stairBenefit;
  let steps = 0;
  for (let i = 0; i < candidates; i++) {
    const s = order[i] as number;
    const r = room[s] as number;
    const b = benefit[s] as number;
    // last step with room ≤ r
    let lo = 0;
    let hi = steps;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((stairRoom[mid] as number) <= r) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0 && (stairBenefit[lo - 1] as number) >= b - 1e-12) continue;
    kept.push(s);
    // insert (r, b) at lo, dropping the steps from lo on that it now covers (benefit ≤ b)
    let drop = lo;
    while (drop < steps && (stairBenefit[drop] as number) <= b) drop++;
    const shift = 1 - (drop - lo);
    if (shift !== 0) {
      stairRoom.copyWithin(lo + 1, drop, steps);
      stairBenefit.copyWithin(lo + 1, drop, steps);
    }
    stairRoom[lo] = r;
    stairBenefit[lo] = b;
    steps += shift;
  }
  // filled by a loop (see walk: TypedArray.from with a map function is far slower)
  const keptCost = new Float64Array(kept.length);
  const keptRoom = new Float64Array(kept.length);
  const keptBenefit = new Float64Array(kept.length);
  for (let i = 0; i < kept.length; i++) {
    const k = kept[i] as number;
    keptCost[i] = cost[k] as number;
    keptRoom[i] = room[k] as number;
    keptBenefit[i] = benefit[k] as number;
  }
  return {
    extra: ns.extra,
    cost: keptCost,
    room: keptRoom,
    benefit: keptBenefit,
    courses: kept.map((k) => {
      const set: number[] = [];
      for (let n = node[k] as number; n >= 0; n = nodePrev[n] as number) set.push(nodeCourse[n] as number);
      return set.sort((x, y) => x - y);
    }),
  };
}

/** Whether reaching state t at (cost, mismatch, room, days) beats what t holds, in that order. */
function better(
  cost: Float64Array,
  mismatch: Int32Array,
  room: Float64Array,
  days: Int32Array,
  t: number,
  newCost: number,
  newMismatch: number,
  newRoom: number,
  newDays: number,
): boolean {
  const oldCost = cost[t] as number;
  if (newCost !== oldCost) return newCost < oldCost;
  const oldMismatch = mismatch[t] as number;
  if (newMismatch !== oldMismatch) return newMismatch < oldMismatch;
  const oldRoom = room[t] as number;
  if (newRoom !== oldRoom) return newRoom < oldRoom;
  return newDays < (days[t] as number);
}

interface Proposals {
  toState: Int32Array;
  toCost: Float64Array;
  toRoom: Float64Array;
  toMismatch: Int32Array;
  toDays: Int32Array;
  fromNode: Int32Array;
}

const proposalRows = new WeakMap<DpScratch, Proposals>();

/** The proposal rows of one scratch, at least `states` long (a course proposes once per live state). */
function proposalScratch(scratch: DpScratch, states: number): Proposals {
  const have = proposalRows.get(scratch);
  if (have && have.toState.length >= states) return have;
  const size = Math.max(states, (have?.toState.length ?? 0) * 2, 1024);
  const rows: Proposals = {
    toState: new Int32Array(size),
    toCost: new Float64Array(size),
    toRoom: new Float64Array(size),
    toMismatch: new Int32Array(size),
    toDays: new Int32Array(size),
    fromNode: new Int32Array(size),
  };
  proposalRows.set(scratch, rows);
  return rows;
}

/**
 * Pareto options (cost ascending, value strictly ascending) at room price `lambda`. The DP's states
 * come by cost (AsnDp), so each run of one cost sends its best state (the first of a tie), kept
 * when it beats every cheaper option: what sorting the states by cost, then value descending, and
 * keeping each that beats all before it would give.
 */
export function optionsAt(dp: AsnDp, lambda: number, costWeight: number): AsnOption[] {
  const n = dp.cost.length;
  const options: AsnOption[] = [];
  let last = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; ) {
    const cost = dp.cost[i] as number;
    let best = i;
    let bestValue = (dp.benefit[i] as number) - costWeight * cost - lambda * (dp.room[i] as number);
    for (i++; i < n && dp.cost[i] === cost; i++) {
      const value = (dp.benefit[i] as number) - costWeight * cost - lambda * (dp.room[i] as number);
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    if (bestValue <= last + 1e-9) continue;
    // the first option must be affordable by any budget: the empty set (cost 0) always exists
    last = bestValue;
    options.push({ cost, value: bestValue, courses: dp.courses[best] as number[] });
  }
  return options;
}
