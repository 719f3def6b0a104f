/**
 * Re-selection after `Peserta Minimum` cancellations: enrolments whose session could not reach
 * the course's minimum (or that the OPD's Pagu could not pay once `Biaya per Angkatan` was shared
 * out) are banned for those ASN, their per-ASN options recomputed without the
 * course, and the per-OPD selection redone, so the budget they held goes to what can run. A
 * plan, never a bound: the bound comes from the unbanned problem (a relaxation of this one).
 */
import { type AsnDp, asnDps, dpScratch } from './asn-dp.js';
import { type AsnModel, asnWith, type Instance, instanceWith } from './instance.js';
import { sameOpds } from './kept-mix.js';
import { type AsnHull, asnRoomHull, selectHullAt } from './room-hull.js';
import { type Prepared, selectAt } from './selection.js';
import { type Candidate, evaluate } from './timetable.js';

/** rounds of ban-and-reselect (each bans the enrolments the previous plan could not run) */
const ROUNDS = 3;

/** `hulls`: the room hulls of the plan's selection when rooms were priced (reused for unchanged ASN). */
export function reselectAfterMinimum(
  inst: Instance,
  prep: Prepared,
  plan: Candidate,
  hulls: readonly AsnHull[] | null,
): Candidate {
  let best = plan;
  let current = plan;
  const banned = new Map<number, Set<number>>();
  const scratch = dpScratch();
  let asn: AsnModel[] = inst.asn;
  let dps = prep.dps;
  let roomHulls = hulls;
  for (let round = 0; round < ROUNDS; round++) {
    // below the minimum, or taken out again because the OPD could not pay its share of the
    // sessions' `Biaya per Angkatan` (session-cost.ts)
    const fresh = current.tt.dropped.filter((d) => d.batas === 'peserta-minimum' || d.batas === 'anggaran');
    if (fresh.length === 0) break;
    const changed = new Set<number>();
    for (const d of fresh) {
      const set = banned.get(d.asn) ?? new Set<number>();
      set.add(d.course);
      banned.set(d.asn, set);
      changed.add(d.asn);
    }
    const before = asn;
    asn = asn.map((a, e) => {
      const set = banned.get(e);
      return changed.has(e) && set ? asnWith(a, { eligible: a.eligible.filter((c) => !set.has(c)) }) : a;
    });
    sameOpds(before, asn);
    const reduced: Instance = instanceWith(inst, { asn });
    const redone = [...changed];
    const redoneDps = asnDps(
      reduced,
      redone.map((e) => asn[e] as AsnModel),
      prep.roomUse,
      true,
      scratch,
    );
    dps = dps.slice();
    redone.forEach((e, k) => {
      dps[e] = redoneDps[k] as AsnDp;
    });
    const again: Prepared = { ...prep, dps };
    let chosen: number[][];
    if (current.roomPrice > 0 && roomHulls) {
      roomHulls = roomHulls.map((hull, e) =>
        changed.has(e) ? asnRoomHull(reduced, asn[e] as AsnModel, prep.roomUse) : hull,
      );
      chosen = selectHullAt(reduced, again, roomHulls, current.roomPrice);
    } else chosen = selectAt(reduced, again, 0).chosen;
    current = { ...evaluate(reduced, chosen), roomPrice: current.roomPrice };
    if (current.objective > best.objective + 1e-9) best = current;
  }
  return best;
}
