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

/** keptMix's OPD index: the OPDs of the ASN list only, in the order they first appear */
const NO_OPDS: readonly string[] = [];

/** OPD → how many of the kept members are from it, in the order they first appear. */
export function keptMix(asn: readonly AsnModel[], fixed: Kept): ReadonlyMap<string, number> {
  let mix = mixes.get(fixed);
  if (!mix) {
    // counted by OPD index, then named in the order each OPD first appears
    const { of, names } = opdIndex(asn, NO_OPDS);
    const count = new Int32Array(names.length);
    const order: number[] = [];
    for (const e of fixed.members) {
      const opd = of[e] as number;
      if (count[opd] === 0) order.push(opd);
      count[opd] = (count[opd] as number) + 1;
    }
    mix = new Map(order.map((opd) => [names[opd] as string, count[opd] as number]));
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

const indices = new WeakMap<readonly AsnModel[], { opds: readonly string[]; index: OpdIndex }[]>();

/** The OPD index of an ASN list (made once per list and `opds`). */
export function opdIndex(asn: readonly AsnModel[], opds: readonly string[]): OpdIndex {
  let made = indices.get(asn);
  if (!made) {
    made = [];
    indices.set(asn, made);
  }
  for (const hit of made) if (hit.opds === opds) return hit.index;
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
  made.push({ opds, index });
  return index;
}

/**
 * `to` is `from` with some ASN models swapped for copies of the same ASN (asnWith: same OPD, same
 * index): it shares the OPD indices already made for `from` instead of reading every OPD again.
 */
export function sameOpds(from: readonly AsnModel[], to: readonly AsnModel[]): void {
  const made = indices.get(from);
  if (made && !indices.has(to)) indices.set(to, [...made]);
}
