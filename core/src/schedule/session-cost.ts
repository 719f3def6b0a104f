/**
 * `Biaya per Angkatan`: the fixed cost of running one session (trainer, venue), beside
 * `Biaya per Peserta`. It is shared pro rata: each participant of a session of n people pays
 * `Biaya per Peserta + Biaya per Angkatan / n`, so an OPD pays `Biaya per Angkatan × (its
 * members / n)` of every session its ASN sit in. The objective's cost term counts each session's
 * fixed cost once.
 *
 * The selection (per-ASN DP, per-OPD knapsacks, MILP) cannot see session sizes. It prices each
 * enrolment at `unitCost = Biaya per Peserta + share`, where share = `Biaya per Angkatan / cap`
 * rounded down to the cost grid and cap = the most people one session can hold (its seats, and
 * no more than the ASN who may take the course). Every session of every feasible plan has at most
 * cap members, so every participant's real share is at least `share`: each OPD's real spending and
 * the real cost term are at least what the selection counts. The selection is a relaxation and
 * its bound stays a proven upper bound.
 *
 * Sessions after the timetable are smaller than cap, so the real cost is higher than the
 * selection's: `SessionBudget` recounts each OPD's real spending, and `repairBudget` takes
 * enrolments of an OPD over its Pagu out again (the least objective lost per rupiah saved first;
 * a session that would fall below its `Peserta Minimum` is cancelled whole).
 */
import type { AsnModel, CourseModel, Instance } from './instance.js';
import { asnObjective, courseAt } from './instance.js';
import { keptMix, opdIndex } from './kept-mix.js';
import { gcd } from './knapsack.js';
import type { Dropped, Placed } from './timetable.js';

/** The cost grid: shares are rounded down to it so the knapsack's budget grid stays coarse. */
export function costGrid(courses: readonly CourseModel[]): number {
  let grid = 50_000;
  for (const c of courses) {
    const biaya = c.catalog.biaya;
    if (biaya > 0 && Number.isInteger(biaya)) grid = gcd(grid, biaya);
  }
  return Math.max(1, grid);
}

/** The fixed cost one participant pays at least when a session holds at most `cap` people. */
export function relaxedShare(course: CourseModel, cap: number, grid: number): number {
  const fixed = course.biayaAngkatan;
  if (fixed <= 0 || cap < 1) return 0;
  return Math.floor(fixed / cap / grid) * grid;
}

/**
 * Sets each course's `unitCost` (see the file comment): cap = min(seats, ASN who may take it),
 * counted after every audience, JP-limit, trainer and class-size bar.
 */
export function priceEnrolments(courses: CourseModel[], asnModels: readonly AsnModel[], grid: number): void {
  const takers = new Int32Array(courses.length);
  for (const asn of asnModels) for (const c of asn.eligible) takers[c] = (takers[c] as number) + 1;
  courses.forEach((course, c) => {
    course.unitCost =
      course.catalog.biaya + relaxedShare(course, Math.min(course.seats, takers[c] as number), grid);
  });
}

/** The objective's fixed-cost term: Σ `Biaya per Angkatan` of the sessions placed (kept ones excluded: replan.ts counts them). */
export function fixedCostOf(inst: Instance, placed: readonly Placed[]): number {
  let total = 0;
  for (const p of placed) if (!p.fixed) total += (inst.courses[p.course] as CourseModel).biayaAngkatan;
  return total;
}

/** Whether any course has a `Biaya per Angkatan`. */
export function hasFixedCost(inst: Instance): boolean {
  return inst.courses.some((c) => c.biayaAngkatan > 0);
}

/**
 * Each OPD's real spending under pro-rata shares, kept up to date as members join or leave.
 * A kept session's kept members (replan.ts) count in its size and pay their share; the spending
 * of kept sessions that already started is `inst.keptBudget.base`.
 */
export class SessionBudget {
  readonly spend = new Map<string, number>();
  /** per session: its OPDs and how many members (kept ones included) each has */
  private readonly mix = new Map<Placed, Mix>();

  constructor(
    private readonly inst: Instance,
    placed: readonly Placed[],
  ) {
    for (const [opd, rp] of inst.keptBudget?.base ?? []) this.spend.set(opd, rp);
    for (const p of placed) {
      let entry: Mix;
      if (p.fixed && p.members.length === 0) {
        // the kept members only: their counts are shared until someone joins (move copies them)
        const counts = keptMix(inst.asn, p.fixed);
        entry = { counts, size: p.fixed.members.length, shared: true };
      } else {
        const counts = p.fixed ? new Map(keptMix(inst.asn, p.fixed)) : new Map<string, number>();
        for (const e of p.members) {
          const opd = (inst.asn[e] as AsnModel).opd;
          counts.set(opd, (counts.get(opd) ?? 0) + 1);
        }
        entry = { counts, size: (p.fixed?.members.length ?? 0) + p.members.length, shared: false };
      }
      this.mix.set(p, entry);
      this.charge(p, 1);
    }
  }

  /** The OPD's Pagu (before a re-plan's kept sessions were taken out of it). */
  pagu(opd: string): number {
    return (this.inst.keptBudget?.pagu ?? this.inst.pagu).get(opd) ?? 0;
  }

  /** Rupiah over the OPD's Pagu (≤ 0: within it). */
  over(opd: string): number {
    return (this.spend.get(opd) ?? 0) - this.pagu(opd);
  }

  /** What the OPD of `e` would pay more if `e` joined `p` (its other members' shares shrink). */
  joinCost(e: number, p: Placed): number {
    const course = this.inst.courses[p.course] as CourseModel;
    const opd = (this.inst.asn[e] as AsnModel).opd;
    const n = this.size(p);
    const mine = this.mix.get(p)?.counts.get(opd) ?? 0;
    const fixed = course.biayaAngkatan;
    return course.catalog.biaya + (fixed * (mine + 1)) / (n + 1) - (n > 0 ? (fixed * mine) / n : 0);
  }

  join(e: number, p: Placed): void {
    this.move(e, p, 1);
  }

  leave(e: number, p: Placed): void {
    this.move(e, p, -1);
  }

  /** A session no longer run: its members pay nothing for it. */
  cancel(p: Placed): void {
    this.charge(p, -1);
    this.mix.delete(p);
  }

  /** What the OPD saves when `e` leaves `p` (≥ 0; others' shares grow). */
  leaveSaving(e: number, p: Placed): number {
    const course = this.inst.courses[p.course] as CourseModel;
    const opd = (this.inst.asn[e] as AsnModel).opd;
    const n = this.size(p);
    const mine = this.mix.get(p)?.counts.get(opd) ?? 0;
    const fixed = course.biayaAngkatan;
    return course.catalog.biaya + (fixed * mine) / n - (n > 1 ? (fixed * (mine - 1)) / (n - 1) : 0);
  }

  /** What the OPD pays for `p` now. */
  shareOf(opd: string, p: Placed): number {
    const entry = this.mix.get(p);
    return entry ? this.shareIn(opd, p, entry) : 0;
  }

  private shareIn(opd: string, p: Placed, entry: Mix): number {
    const course = this.inst.courses[p.course] as CourseModel;
    const mine = entry.counts.get(opd) ?? 0;
    const n = entry.size;
    return n > 0 ? mine * course.catalog.biaya + (course.biayaAngkatan * mine) / n : 0;
  }

  private size(p: Placed): number {
    return this.mix.get(p)?.size ?? 0;
  }

  /** Adds (sign 1) or removes (−1) every OPD's share of p. */
  private charge(p: Placed, sign: 1 | -1): void {
    const entry = this.mix.get(p);
    if (!entry) return;
    for (const opd of entry.counts.keys())
      this.spend.set(opd, (this.spend.get(opd) ?? 0) + sign * this.shareIn(opd, p, entry));
  }

  private move(e: number, p: Placed, delta: 1 | -1): void {
    const opd = (this.inst.asn[e] as AsnModel).opd;
    this.charge(p, -1);
    const entry = this.mix.get(p);
    const counts = entry && !entry.shared ? (entry.counts as Map<string, number>) : new Map(entry?.counts);
    const count = (counts.get(opd) ?? 0) + delta;
    if (count > 0) counts.set(opd, count);
    else counts.delete(opd);
    let size = 0;
    for (const n of counts.values()) size += n;
    this.mix.set(p, { counts, size, shared: false });
    this.charge(p, 1);
  }
}

/** A session's members per OPD and how many they are; `shared`: counts are kept-mix.ts's, read only. */
interface Mix {
  counts: ReadonlyMap<string, number>;
  size: number;
  shared: boolean;
}

/**
 * Rupiah tolerance of the budget comparisons: pro-rata shares are fractions and the spending is
 * kept up to date by additions, so it drifts by rounding (far below this); the checker allows a
 * sen (schedule-check.ts).
 */
export const RUPIAH_TOLERANCE = 1e-3;

/** A way to save an OPD's money in repairBudget: `e` leaves `p`, or (`whole`) the session goes. */
interface Candidate {
  e: number;
  p: Placed;
  whole: boolean;
  /** objective lost per rupiah saved */
  ratio: number;
}

/**
 * Takes enrolments out of the timetabled sessions while an OPD spends over its Pagu (see the file
 * comment). `placed` and `chosen` (per ASN, its courses) are changed in place; every enrolment
 * taken out is added to `dropped` with `batas: 'anggaran'`.
 */
export function repairBudget(inst: Instance, placed: Placed[], chosen: number[][], dropped: Dropped[]): void {
  if (!hasFixedCost(inst)) return;
  const budget = new SessionBudget(inst, placed);
  // each ASN's OPD by number (kept-mix.ts): a member's OPD is compared without reading its model
  const { of: opdOf, at: opdAt } = opdIndex(inst.asn, inst.opds);
  const overOpds = () => inst.opds.filter((opd) => budget.over(opd) > RUPIAH_TOLERANCE);
  const lossCache = new Map<number, Map<number, number>>();
  /** objective lost when ASN e gives up course c */
  const lossOf = (e: number, c: number): number => {
    let mine = lossCache.get(e);
    if (!mine) {
      mine = new Map();
      lossCache.set(e, mine);
    }
    const hit = mine.get(c);
    if (hit !== undefined) return hit;
    const asn = inst.asn[e] as AsnModel;
    const set = chosen[e] ?? [];
    const loss =
      asnObjective(inst, asn, set) -
      asnObjective(
        inst,
        asn,
        set.filter((x) => x !== c),
      );
    mine.set(c, loss);
    return loss;
  };
  // the sessions each OPD has members in (kept members cannot be taken out)
  const sessionsOf = new Map<string, Set<Placed>>();
  for (const p of placed)
    for (const e of p.members) {
      const opd = (inst.asn[e] as AsnModel).opd;
      const set = sessionsOf.get(opd) ?? new Set<Placed>();
      set.add(p);
      sessionsOf.set(opd, set);
    }
  // the sessions each ASN sits in, to know whose cached candidates a change of its courses touches
  const sessionsOfAsn = new Map<number, Placed[]>();
  for (const p of placed)
    for (const e of p.members) {
      const list = sessionsOfAsn.get(e) ?? [];
      list.push(p);
      sessionsOfAsn.set(e, list);
    }
  // per OPD and session, the best way out of it (see candidateIn): it changes only when the
  // session's members change or a member's courses change, so the search over an OPD's sessions
  // reads the cache instead of recomputing every share (quadratic at province size)
  const candidates = new Map<string, Map<Placed, Candidate | null>>();
  // per OPD, its cached candidates by (ratio, session order), and the sessions whose cached
  // candidate was forgotten since the last pick (see pick)
  const queues = new Map<string, { heap: Ranked[]; pending: Placed[] }>();
  const order = new Map<Placed, number>(placed.map((p, k) => [p, k] as const));
  const uncache = (opd: string, cache: Map<Placed, Candidate | null>, p: Placed) => {
    if (cache.delete(p)) queues.get(opd)?.pending.push(p);
  };
  const forget = (p: Placed) => {
    for (const [opd, cache] of candidates) uncache(opd, cache, p);
  };
  const remove = (e: number, p: Placed) => {
    budget.leave(e, p);
    p.members.splice(p.members.indexOf(e), 1);
    const opd = (inst.asn[e] as AsnModel).opd;
    const o = opdOf[e];
    if (!p.members.some((x) => opdOf[x] === o)) sessionsOf.get(opd)?.delete(p);
    chosen[e] = (chosen[e] ?? []).filter((x) => x !== p.course);
    lossCache.delete(e);
    forget(p);
    // e's loss for its other courses changed with its course set
    const cache = candidates.get(opd);
    if (cache) for (const q of sessionsOfAsn.get(e) ?? []) uncache(opd, cache, q);
    dropped.push({ asn: e, course: p.course, batas: 'anggaran' });
  };
  const weight = inst.weights.biaya;
  /** The OPD's best way out of session p: one member leaves, or the whole session goes. */
  const candidateIn = (opd: string, p: Placed): Candidate | null => {
    const o = opdAt.get(opd);
    const mine = p.members.filter((e) => opdOf[e] === o);
    const course = inst.courses[p.course] as CourseModel;
    const size = p.members.length + (p.fixed?.kept ?? 0);
    if (!p.fixed && size - 1 < course.minimum) {
      // below the minimum without one of them: the session goes, its fixed cost too
      const saved = budget.shareOf(opd, p);
      const loss = p.members.reduce((sum, e) => sum + lossOf(e, p.course), 0) - weight * course.biayaAngkatan;
      const ratio = loss / Math.max(saved, RUPIAH_TOLERANCE);
      return saved > RUPIAH_TOLERANCE ? { e: mine[0] as number, p, whole: true, ratio } : null;
    }
    let best: Candidate | null = null;
    for (const e of mine) {
      const saved = budget.leaveSaving(e, p);
      if (saved <= RUPIAH_TOLERANCE) continue;
      const ratio = lossOf(e, p.course) / saved;
      if (!best || ratio < best.ratio) best = { e, p, whole: false, ratio };
    }
    return best;
  };
  /**
   * The least objective lost per rupiah saved among the OPD's sessions (the first of equals in
   * session order), each session's candidate from the cache or made anew: what a scan of the
   * OPD's sessions would find. Every session without a cached candidate is pending (all of them
   * at first, then each one forgotten), so the heap holds every cached candidate; one whose
   * session left the OPD or whose candidate was forgotten is dropped when it comes to the top.
   */
  const pick = (opd: string, cache: Map<Placed, Candidate | null>): Candidate | null => {
    const sessions = sessionsOf.get(opd);
    let queue = queues.get(opd);
    if (!queue) {
      queue = { heap: [], pending: [...(sessions ?? [])] };
      queues.set(opd, queue);
    }
    for (const p of queue.pending) {
      if (cache.has(p) || !sessions?.has(p)) continue;
      const found = candidateIn(opd, p);
      cache.set(p, found);
      if (found) heapPush(queue.heap, { candidate: found, order: order.get(p) as number });
    }
    queue.pending.length = 0;
    const heap = queue.heap;
    while (heap.length > 0) {
      const top = (heap[0] as Ranked).candidate;
      if (cache.get(top.p) === top && sessions?.has(top.p)) return top;
      heapPop(heap);
    }
    return null;
  };
  for (let round = 0; round < 50; round++) {
    const over = overOpds();
    if (over.length === 0) return;
    for (const opd of over) {
      const cache = candidates.get(opd) ?? new Map<Placed, Candidate | null>();
      candidates.set(opd, cache);
      while (budget.over(opd) > RUPIAH_TOLERANCE) {
        // the least objective lost per rupiah saved; the first of equals in session and member order
        const best = pick(opd, cache);
        if (!best) break;
        if (best.whole) {
          for (const e of [...best.p.members]) remove(e, best.p);
          budget.cancel(best.p);
          placed.splice(placed.indexOf(best.p), 1);
          forget(best.p);
        } else remove(best.e, best.p);
      }
    }
  }
}

/** A cached candidate of repairBudget and its session's place in `placed`. */
interface Ranked {
  candidate: Candidate;
  order: number;
}

/** Whether a ranks before b: the smaller ratio, then the earlier session. */
function before(a: Ranked, b: Ranked): boolean {
  return (
    a.candidate.ratio < b.candidate.ratio || (a.candidate.ratio === b.candidate.ratio && a.order < b.order)
  );
}

function heapPush(heap: Ranked[], item: Ranked): void {
  heap.push(item);
  let k = heap.length - 1;
  while (k > 0) {
    const up = (k - 1) >> 1;
    if (!before(item, heap[up] as Ranked)) break;
    heap[k] = heap[up] as Ranked;
    k = up;
  }
  heap[k] = item;
}

function heapPop(heap: Ranked[]): void {
  const last = heap.pop() as Ranked;
  if (heap.length === 0) return;
  let k = 0;
  for (;;) {
    const left = 2 * k + 1;
    if (left >= heap.length) break;
    const right = left + 1;
    const child = right < heap.length && before(heap[right] as Ranked, heap[left] as Ranked) ? right : left;
    if (!before(heap[child] as Ranked, last)) break;
    heap[k] = heap[child] as Ranked;
    k = child;
  }
  heap[k] = last;
}

/** What a re-plan's kept sessions (replan.ts) cost, and how the open problem must see it. */
export interface KeptCost {
  /** per OPD: rupiah the open problem's knapsacks take out of the Pagu (a least cost: see keptCost) */
  reserved: Map<string, number>;
  /** per OPD: the real spending of kept sessions that already started (their members are final) */
  base: Map<string, number>;
  /** Σ `Biaya per Angkatan` of the kept sessions: a constant of the objective */
  fixed: number;
  /**
   * objective units the open problem's selection may under-count: a newcomer to a kept session
   * is charged its `unitCost` share although that session's fixed cost is already counted
   */
  slack: number;
  /** the courses, those with kept sessions still to come priced with cap = their seats */
  courses: CourseModel[];
}

/**
 * Kept sessions' cost (see the file comment). A session that already started has its members
 * for good: each pays `Biaya per Peserta + Biaya per Angkatan / n`. One still to come may take
 * newcomers, so its members' share is only known to be at least `Biaya per Angkatan / seats`:
 * that much is reserved, the newcomers are priced the same way, and the real spending is
 * checked against the whole Pagu (`Instance.keptBudget`).
 */
export function keptCost(
  inst: Instance,
  kept: readonly { course: number; members: readonly number[]; start: number }[],
): KeptCost {
  // per OPD (kept-mix.ts opdIndex), summed in member order as the maps would be, and the order
  // each OPD first appears in (the maps' order)
  const { of: opdOf, names } = opdIndex(inst.asn, inst.opds);
  const reservedRp = new Float64Array(names.length);
  const baseRp = new Float64Array(names.length);
  const reservedOrder: number[] = [];
  const baseOrder: number[] = [];
  const open = new Set<number>();
  let fixed = 0;
  let slack = 0;
  for (const k of kept) {
    const course = inst.courses[k.course] as CourseModel;
    fixed += course.biayaAngkatan;
    const n = k.members.length;
    const started = k.start < 0;
    const share = started
      ? n > 0
        ? course.biayaAngkatan / n
        : 0
      : relaxedShare(course, course.seats, inst.costGrid);
    if (!started) {
      open.add(k.course);
      slack += inst.weights.biaya * share * Math.max(0, course.seats - n);
    }
    const rp = course.catalog.biaya + share;
    for (const e of k.members) {
      const opd = opdOf[e] as number;
      if (reservedRp[opd] === 0 && !reservedOrder.includes(opd)) reservedOrder.push(opd);
      reservedRp[opd] = (reservedRp[opd] as number) + rp;
      if (!started) continue;
      if (baseRp[opd] === 0 && !baseOrder.includes(opd)) baseOrder.push(opd);
      baseRp[opd] = (baseRp[opd] as number) + rp;
    }
  }
  const reserved = new Map(reservedOrder.map((opd) => [names[opd] as string, reservedRp[opd] as number]));
  const base = new Map(baseOrder.map((opd) => [names[opd] as string, baseRp[opd] as number]));
  const courses = inst.courses.map((course, c) =>
    open.has(c)
      ? courseAt(course, course.catalog.biaya + relaxedShare(course, course.seats, inst.costGrid))
      : course,
  );
  return { reserved, base, fixed, slack, courses };
}
