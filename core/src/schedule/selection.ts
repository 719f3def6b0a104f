/**
 * Stage 1 fast path: per-ASN DP options fed to one knapsack per OPD (its Pagu), at a room price.
 */
import { type AsnDp, asnDps, dpScratch, optionsAt } from './asn-dp.js';
import type { AsnModel, Instance } from './instance.js';
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
}

export function prepare(inst: Instance): Prepared {
  // room-days per participant of a classroom course (sessions relaxed to participants / seats)
  const roomUse = Float64Array.from(inst.courses, (course) =>
    course.classroom && inst.rooms.length > 0 ? course.hari / course.seats : 0,
  );
  const scratch = dpScratch();
  const dps = asnDps(inst, inst.asn, roomUse, true, scratch);
  const long = inst.asn.flatMap((asn, i) => {
    const total = asn.eligible.reduce((days, c) => days + (inst.courses[c]?.hari ?? 0), 0);
    return total > inst.days.length ? [i] : [];
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
  return { dps, relaxed, byOpd, roomUse };
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
    const classes = members.map((i) => optionsAt(prep.dps[i] as AsnDp, lambda, costWeight));
    for (const i of members) bound += (prep.dps[i] as AsnDp).extra;
    const pagu = inst.pagu.get(opd) ?? 0;
    const result = solveMckp(classes, pagu);
    let opdBound = result.bound;
    if (lambda === 0 && members.some((i) => prep.relaxed.has(i))) {
      const loose = members.map((i) =>
        optionsAt(prep.relaxed.get(i) ?? (prep.dps[i] as AsnDp), 0, costWeight),
      );
      opdBound = Math.max(opdBound, solveMckp(loose, pagu).bound);
    }
    bound += opdBound;
    members.forEach((i, k) => {
      chosen[i] = [...((classes[k] as AsnOption[])[result.choice[k] as number] as AsnOption).courses];
    });
  }
  return { chosen, bound };
}
