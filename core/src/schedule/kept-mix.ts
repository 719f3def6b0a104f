/**
 * A kept session's kept members per OPD (replan.ts), counted once per session. Every evaluate of
 * a re-plan books the same kept sessions again (the budget in session-cost.ts, the OPD absences in
 * limits.ts), and reading each kept member's OPD was most of that work. Keyed on the session's
 * `fixed` object, which fixPrevious makes once and every copy of the session shares.
 */
import type { AsnModel } from './instance.js';

interface Kept {
  readonly members: readonly number[];
}

const mixes = new WeakMap<Kept, ReadonlyMap<string, number>>();

/** OPD → how many of the kept members are from it, in the order they first appear. */
export function keptMix(asn: readonly AsnModel[], fixed: Kept): ReadonlyMap<string, number> {
  let mix = mixes.get(fixed);
  if (!mix) {
    const counts = new Map<string, number>();
    for (const e of fixed.members) {
      const opd = (asn[e] as AsnModel).opd;
      counts.set(opd, (counts.get(opd) ?? 0) + 1);
    }
    mix = counts;
    mixes.set(fixed, mix);
  }
  return mix;
}
