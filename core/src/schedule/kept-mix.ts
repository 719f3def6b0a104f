/**
 * A kept session's kept members per OPD (replan.ts), counted once per session. Every evaluate of
 * a re-plan books the same kept sessions again (the budget in session-cost.ts, the OPD absences in
 * limits.ts), and reading each kept member's OPD was most of that work. Keyed on the session's
 * `fixed` object, which fixPrevious makes once and every copy of the session shares. The first
 * call fixes the mix: a compact re-plan (compact.ts), whose instance has fewer ASN than
 * `fixed.members` indexes, makes it first against the open instance's ASN.
 *
 * Also each ASN's OPD as an index into `Instance.opds`, so the ledgers count absences in arrays
 * instead of maps keyed on the OPD's name.
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

/** Each ASN's OPD as a number: `of[e]` indexes `names` (`opds` first, then any OPD not in it). */
export interface OpdIndex {
  of: Int32Array;
  names: readonly string[];
  /** name → index */
  at: ReadonlyMap<string, number>;
}

const indices = new WeakMap<readonly AsnModel[], { opds: readonly string[]; index: OpdIndex }>();

/** The OPD index of an ASN list (made once per list and `opds`). */
export function opdIndex(asn: readonly AsnModel[], opds: readonly string[]): OpdIndex {
  const hit = indices.get(asn);
  if (hit && hit.opds === opds) return hit.index;
  const names = [...opds];
  const at = new Map(names.map((name, i) => [name, i] as const));
  const of = new Int32Array(asn.length);
  asn.forEach((model, e) => {
    let i = at.get(model.opd);
    if (i === undefined) {
      i = names.length;
      names.push(model.opd);
      at.set(model.opd, i);
    }
    of[e] = i;
  });
  const index = { of, names, at };
  indices.set(asn, { opds, index });
  return index;
}
