/**
 * Stage 1 fast path: per-ASN DP options fed to one knapsack per OPD (its Pagu), at a room price.
 */
import { type AsnDp, asnDps, dpScratch, optionsAt } from './asn-dp.js';
import type { AsnModel, CourseModel, Instance } from './instance.js';
import { type AsnOption, solveMckp } from './knapsack.js';

export interface Selection {
  /** per ASN, the courses chosen */
  chosen: number[][];
  /** a proven upper bound (only at lambda = 0) */
  bound: number;
}

/** The per-ASN DPs of one call, computed once and valued at any room price. */
export interface Prepared {
  dps: AsnDp[];
  /** DP without the per-ASN day limit, only for ASN whose eligible courses exceed the year */
  relaxed: Map<number, AsnDp>;
  /** OPD -> its ASN (indices) */
  byOpd: Map<string, number[]>;
  /** room-days per participant of each course */
  roomUse: Float64Array;
  /**
   * per OPD its last knapsack (selectAt), shared by the copies of this object that swap some
   * ASN's DPs (minimum.ts): an OPD whose ASN all have the same DP objects, at the same room price
   * and Pagu, gets the same choice back without solving it again
   */
  memo: Map<string, OpdSelection>;
}

/** One OPD's knapsack in selectAt: what it was solved with and what it gave. */
interface OpdSelection {
  dps: readonly AsnDp[];
  relaxed: ReadonlyMap<number, AsnDp>;
  lambda: number;
  pagu: number;
  costWeight: number;
  /** the knapsack's bound (the ASN's extra priority not included) */
  bound: number;
  /** per member, the courses chosen */
  chosen: readonly number[][];
}

export function prepare(inst: Instance): Prepared {
  // room-days per participant of a classroom course (sessions relaxed to participants / seats)
  const roomUse = Float64Array.from(inst.courses, (course) =>
    course.classroom && inst.rooms.length > 0 ? course.hari / course.seats : 0,
  );
  const scratch = dpScratch();
  const dps = asnDps(inst, inst.asn, roomUse, true, scratch);
  // ASN some course set of whom could pass the year's working days: at most all their courses,
  // and at most their JP limit at their longest days-per-JP (a set passing the limit is never taken)
  const long = inst.asn.flatMap((asn, i) => {
    let total = 0;
    let perJp = 0;
    for (const c of asn.eligible) {
      const course = inst.courses[c] as CourseModel;
      total += course.hari;
      perJp =
        course.catalog.jp > 0 ? Math.max(perJp, course.hari / course.catalog.jp) : Number.POSITIVE_INFINITY;
    }
    return Math.min(total, asn.jpLimit * perJp) > inst.days.length ? [i] : [];
  });
  const loose = asnDps(
    inst,
    long.map((i) => inst.asn[i] as AsnModel),
    roomUse,
    false,
    scratch,
  );
  const relaxed = new Map(long.map((i, k) => [i, loose[k] as AsnDp] as const));
  const byOpd = new Map<string, number[]>();
  inst.asn.forEach((asn, i) => {
    const list = byOpd.get(asn.opd) ?? [];
    list.push(i);
    byOpd.set(asn.opd, list);
  });
  return { dps, relaxed, byOpd, roomUse, memo: new Map() };
}

/**
 * Per-OPD knapsacks over the ASN options valued at room price `lambda` (objective units per
 * room-day). At lambda = 0 the knapsack bounds (with the day limit relaxed) sum to a proven
 * upper bound of the whole problem, which only drops constraints (rooms, calendar, overlap).
 */
export function selectAt(inst: Instance, prep: Prepared, lambda: number): Selection {
  const chosen: number[][] = inst.asn.map(() => []);
  const costWeight = inst.weights.biaya;
  let bound = 0;
  for (const opd of inst.opds) {
    const members = prep.byOpd.get(opd) ?? [];
    if (members.length === 0) continue;
    const pagu = inst.pagu.get(opd) ?? 0;
    const dps = members.map((i) => prep.dps[i] as AsnDp);
    const last = prep.memo.get(opd);
    if (
      last &&
      last.lambda === lambda &&
      last.pagu === pagu &&
      last.costWeight === costWeight &&
      last.relaxed === prep.relaxed &&
      last.dps.length === dps.length &&
      last.dps.every((dp, k) => dp === dps[k])
    ) {
      for (const dp of dps) bound += dp.extra;
      bound += last.bound;
      members.forEach((i, k) => {
        chosen[i] = [...(last.chosen[k] as number[])];
      });
      continue;
    }
    const classes = dps.map((dp) => optionsAt(dp, lambda, costWeight));
    for (const dp of dps) bound += dp.extra;
    const result = solveMckp(classes, pagu);
    let opdBound = result.bound;
    if (lambda === 0 && members.some((i) => prep.relaxed.has(i))) {
      const loose = members.map((i) =>
        optionsAt(prep.relaxed.get(i) ?? (prep.dps[i] as AsnDp), 0, costWeight),
      );
      opdBound = Math.max(opdBound, solveMckp(loose, pagu).bound);
    }
    bound += opdBound;
    const picked = classes.map((options, k) => (options[result.choice[k] as number] as AsnOption).courses);
    members.forEach((i, k) => {
      chosen[i] = [...(picked[k] as number[])];
    });
    prep.memo.set(opd, {
      dps,
      relaxed: prep.relaxed,
      lambda,
      pagu,
      costWeight,
      bound: opdBound,
      chosen: picked,
    });
  }
  return { chosen, bound };
}
