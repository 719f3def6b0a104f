/**
 * Stage 1c, when classrooms bind: per ASN the course sets on the convex hull of (cost,
 * room-days) of every DP state, so that a room price can swap a classroom course for a dearer
 * Daring one; the per-OPD selection over them; and the room-priced Lagrangian bound.
 */
import { needMask, needStates } from './asn-dp.js';
import type { AsnModel, CourseModel, Instance } from './instance.js';
import { type AsnOption, solveMckp } from './knapsack.js';
import type { Prepared } from './selection.js';

/**
 * One ASN's room-aware options: per DP state, the lower-left convex hull of the (cost, room-use)
 * points of every course set reaching it. Hull of a union = hull of the union of hulls, so
 * carrying only hull points is exact for any positive combination of cost and room (the bound
 * needs nothing else). Unlike `asnDps`, which keeps each state's cheapest course set, these keep
 * the room-saving alternatives (e.g. a dearer Daring course instead of a classroom one) that a
 * positive room price should be able to pick.
 */
export interface AsnHull {
  /** flat triples [cost, benefit − costWeight·cost, room] per hull point (no day limit), by cost */
  points: Float64Array;
  /** each point's course set as a node (−1: empty set), or −2 when it needs more working days than the year has */
  node: Int32Array;
  nodeCourse: Int32Array;
  nodePrev: Int32Array;
}

function hullCourses(hull: AsnHull, point: number): number[] {
  const set: number[] = [];
  for (let n = hull.node[point] as number; n >= 0; n = hull.nodePrev[n] as number)
    set.push(hull.nodeCourse[n] as number);
  return set.sort((x, y) => x - y);
}

export function asnRoomHull(inst: Instance, asn: AsnModel, roomUse: Float64Array): AsnHull {
  const empty = new Int32Array(0);
  if (asn.eligible.length === 0)
    return {
      points: new Float64Array([0, 0, 0]),
      node: Int32Array.of(-1),
      nodeCourse: empty,
      nodePrev: empty,
    };
  const { bit, jpUnit, value, step } = needStates(inst, asn);
  // points are flat (cost, room, node); node −1 is the empty set, a node ≥ 0 is (course, prev),
  // a node ≤ −2 is pending (this course on top of node −code − 3) until it survives the merge
  const nodeCourse: number[] = [];
  const nodePrev: number[] = [];
  const nodeDays: number[] = [];
  const hullOf = new Map<number, number[]>([[0, [0, 0, -1]]]);
  for (const c of asn.eligible) {
    const course = inst.courses[c] as CourseModel;
    const mask = needMask(course, bit);
    const jpUnits = Math.round(course.catalog.jp / jpUnit);
    const biaya = course.unitCost;
    const courseRoom = roomUse[c] as number;
    const proposals: [number, number[]][] = [];
    for (const [s, list] of hullOf) {
      const t = step(s, mask, jpUnits);
      if (t < 0 || t === s) continue; // past the JP limit, or nothing added: never part of its hull
      const shifted = new Array<number>(list.length);
      for (let i = 0; i < list.length; i += 3) {
        shifted[i] = (list[i] as number) + biaya;
        shifted[i + 1] = (list[i + 1] as number) + courseRoom;
        shifted[i + 2] = -(list[i + 2] as number) - 3;
      }
      proposals.push([t, shifted]);
    }
    for (const [t, shifted] of proposals) {
      const old = hullOf.get(t);
      hullOf.set(t, old ? mergeHull(old, shifted) : shifted);
    }
    for (const [t] of proposals) {
      const list = hullOf.get(t) as number[];
      for (let i = 2; i < list.length; i += 3) {
        const code = list[i] as number;
        if (code > -2) continue;
        const prev = -code - 3;
        nodeCourse.push(c);
        nodePrev.push(prev);
        nodeDays.push((prev >= 0 ? (nodeDays[prev] as number) : 0) + course.hari);
        list[i] = nodeCourse.length - 1;
      }
    }
  }
  const costWeight = inst.weights.biaya;
  const dayCount = inst.days.length;
  const out: number[] = [];
  const nodes: number[] = [];
  for (const [s, list] of hullOf) {
    const benefit = value(s);
    for (let i = 0; i < list.length; i += 3) {
      const cost = list[i] as number;
      out.push(cost, benefit - costWeight * cost, list[i + 1] as number);
      const node = list[i + 2] as number;
      nodes.push(node >= 0 && (nodeDays[node] as number) > dayCount ? -2 : node);
    }
  }
  // points by cost once here, so each room price only has to scan them (hullOptionsAt)
  const order: number[] = [];
  for (let i = 0; i < nodes.length; i++) order.push(i);
  order.sort((x, y) => (out[3 * x] as number) - (out[3 * y] as number) || x - y);
  // typed arrays filled by loops: TypedArray.from goes through the iterator protocol, about ten
  // times slower per element, and this runs once per ASN
  const points = new Float64Array(3 * order.length);
  const node = new Int32Array(order.length);
  for (let k = 0; k < order.length; k++) {
    const i = order[k] as number;
    points[3 * k] = out[3 * i] as number;
    points[3 * k + 1] = out[3 * i + 1] as number;
    points[3 * k + 2] = out[3 * i + 2] as number;
    node[k] = nodes[i] as number;
  }
  return { points, node, nodeCourse: copyInts(nodeCourse), nodePrev: copyInts(nodePrev) };
}

/**
 * Lower-left convex hull of two flat (cost, room, node) lists, each already a hull sorted by
 * cost: the only points a positive price on cost and room can pick. Linear merge.
 */
function mergeHull(a: readonly number[], b: readonly number[]): number[] {
  const merged: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let cost: number;
    let room: number;
    let node: number;
    const takeA =
      j >= b.length ||
      (i < a.length &&
        ((a[i] as number) < (b[j] as number) ||
          (a[i] === b[j] && (a[i + 1] as number) <= (b[j + 1] as number))));
    if (takeA) {
      cost = a[i] as number;
      room = a[i + 1] as number;
      node = a[i + 2] as number;
      i += 3;
    } else {
      cost = b[j] as number;
      room = b[j + 1] as number;
      node = b[j + 2] as number;
      j += 3;
    }
    const length = merged.length;
    if (length >= 3 && room >= (merged[length - 2] as number)) continue; // dearer and no less room: dominated
    while (merged.length >= 6) {
      const m = merged.length;
      const firstCost = merged[m - 6] as number;
      const firstRoom = merged[m - 5] as number;
      const midCost = merged[m - 3] as number;
      const midRoom = merged[m - 2] as number;
      // drop the middle point when it lies on or above the segment to (cost, room)
      if ((midRoom - firstRoom) * (cost - firstCost) >= (room - firstRoom) * (midCost - firstCost))
        merged.length = m - 3;
      else break;
    }
    merged.push(cost, room, node);
  }
  return merged;
}

/**
 * Options (cost, value at room price lambda) from hull points, Pareto-filtered. With `plans`,
 * only points whose course set fits the year; without, every point (bound).
 */
function hullOptionsAt(hull: AsnHull, lambda: number, plans = false): AsnOption[] {
  const points = hull.points;
  const n = points.length / 3;
  const out: AsnOption[] = [];
  let last = Number.NEGATIVE_INFINITY;
  // points are sorted by cost: per run of equal cost take the best value, keep it if it beats
  // every cheaper option
  for (let i = 0; i < n; ) {
    const cost = points[3 * i] as number;
    let best = -1;
    let bestValue = Number.NEGATIVE_INFINITY;
    for (; i < n && points[3 * i] === cost; i++) {
      if (plans && (hull.node[i] as number) < -1) continue;
      const value = (points[3 * i + 1] as number) - lambda * (points[3 * i + 2] as number);
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    if (best < 0 || bestValue <= last + 1e-9) continue;
    last = bestValue;
    out.push({ cost, value: bestValue, courses: [], point: best });
  }
  return out;
}

/**
 * Per-OPD knapsacks over the hull options at room price `lambda` (course sets that trade money
 * for room-days); a plan, not a bound.
 */
export function selectHullAt(
  inst: Instance,
  prep: Prepared,
  hulls: readonly AsnHull[],
  lambda: number,
): number[][] {
  const chosen: number[][] = inst.asn.map(() => []);
  for (const opd of inst.opds) {
    const members = prep.byOpd.get(opd) ?? [];
    if (members.length === 0) continue;
    const classes = members.map((i) => hullOptionsAt(hulls[i] as AsnHull, lambda, true));
    const result = solveMckp(classes, inst.pagu.get(opd) ?? 0);
    members.forEach((i, k) => {
      const option = (classes[k] as AsnOption[])[result.choice[k] as number] as AsnOption;
      chosen[i] = hullCourses(hulls[i] as AsnHull, option.point ?? 0);
    });
  }
  return chosen;
}

/**
 * Lagrangian bound of the room-day capacity (rooms × working days, sessions relaxed to
 * participants ÷ seats) at price lambda: lambda × capacity + Σ per-OPD knapsack LP bounds over
 * the hull options. Valid for every lambda ≥ 0 (each evaluation is a bound on its own); convex
 * in lambda, so a golden-section search finds a good one. Returns the least bound found and its
 * price.
 */
export function roomPricedBound(
  inst: Instance,
  prep: Prepared,
  hulls: readonly AsnHull[],
  capacity: number,
): { bound: number; lambda: number } {
  const extra = prep.dps.reduce((sum, dp) => sum + dp.extra, 0);
  // the highest value per room-day of any point: above it every point is worth less than nothing
  let top = 0;
  for (const { points } of hulls) {
    for (let i = 0; i < points.length; i += 3) {
      const room = points[i + 2] as number;
      if (room > 0) top = Math.max(top, (points[i + 1] as number) / room);
    }
  }
  let best = { bound: Number.POSITIVE_INFINITY, lambda: 0 };
  const at = (lambda: number): number => {
    let bound = extra + lambda * capacity;
    for (const opd of inst.opds) {
      const members = prep.byOpd.get(opd) ?? [];
      if (members.length === 0) continue;
      const classes = members.map((i) => hullOptionsAt(hulls[i] as AsnHull, lambda));
      bound += solveMckp(classes, inst.pagu.get(opd) ?? 0, true).bound;
    }
    if (bound < best.bound) best = { bound, lambda };
    return bound;
  };
  at(0);
  if (!(top > 0)) return best;
  // convex in lambda, hence unimodal in log(lambda): golden section over ln(lambda), so a price
  // many orders of magnitude below `top` (e.g. a cost tie-break) is found as well as a large one
  const phi = (Math.sqrt(5) - 1) / 2;
  const atLog = (u: number) => at(Math.exp(u));
  let lo = Math.log(top) - Math.log(1e9);
  let hi = Math.log(top);
  let x1 = hi - phi * (hi - lo);
  let x2 = lo + phi * (hi - lo);
  let bound1 = atLog(x1);
  let bound2 = atLog(x2);
  for (let k = 0; k < 18 && hi - lo > 1e-4; k++) {
    if (bound1 <= bound2) {
      hi = x2;
      x2 = x1;
      bound2 = bound1;
      x1 = hi - phi * (hi - lo);
      bound1 = atLog(x1);
    } else {
      lo = x1;
      x1 = x2;
      bound1 = bound2;
      x2 = lo + phi * (hi - lo);
      bound2 = atLog(x2);
    }
  }
  return best;
}

/** `list` as an Int32Array, copied by a loop (see asnRoomHull). */
function copyInts(list: readonly number[]): Int32Array {
  const out = new Int32Array(list.length);
  for (let i = 0; i < list.length; i++) out[i] = list[i] as number;
  return out;
}
