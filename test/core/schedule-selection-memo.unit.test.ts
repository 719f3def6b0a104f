/**
 * selectAt's per-OPD memo (selection.ts): an OPD whose ASN keep the same DP objects is not solved
 * again, an OPD with one ASN's DP swapped (as minimum.ts does after a ban) is. Either way the
 * selection and the bound equal a cold run with an empty memo. And prepare's DPs without the day
 * limit (for the bound) only for ASN whose course sets could pass the year's working days.
 */
import { asnDps, dpScratch } from '../../core/src/schedule/asn-dp';
import { type AsnModel, buildInstance, type Instance } from '../../core/src/schedule/instance';
import { type Prepared, prepare, selectAt } from '../../core/src/schedule/selection';
import { generateInstance } from './schedule-fixtures';

describe('selectAt memo', () => {
  const { data, gaps, holidays } = generateInstance({
    seed: 17,
    asn: 240,
    courses: 14,
    opds: 4,
    rooms: 2,
    budgetRatio: 0.5,
  });
  const inst = buildInstance(data, gaps, { holidays });
  const cold = (i: Instance, p: Prepared, lambda: number) => selectAt(i, { ...p, memo: new Map() }, lambda);

  it('gives what a cold run gives, with unchanged and swapped DPs', () => {
    const prep = prepare(inst);
    const first = selectAt(inst, prep, 0);
    expect(prep.memo.size).toBeGreaterThan(1);
    expect(selectAt(inst, prep, 0)).toEqual(first);
    // ban the first chosen course of one ASN, as minimum.ts does, and swap in its new DP
    const e = first.chosen.findIndex((courses) => courses.length > 0);
    expect(e).toBeGreaterThanOrEqual(0);
    const banned = (first.chosen[e] as number[])[0] as number;
    const asn = inst.asn.map((a, k) =>
      k === e ? { ...a, eligible: a.eligible.filter((c) => c !== banned) } : a,
    );
    const reduced: Instance = { ...inst, asn };
    const dps = prep.dps.slice();
    dps[e] = asnDps(
      reduced,
      [asn[e] as AsnModel],
      prep.roomUse,
      true,
      dpScratch(),
    )[0] as (typeof dps)[number];
    const again: Prepared = { ...prep, dps };
    const redone = selectAt(reduced, again, 0);
    const fresh = cold(reduced, again, 0);
    expect(redone).toEqual(fresh);
    expect(fresh.chosen[e]).not.toContain(banned);
    // another room price is solved again too
    expect(selectAt(reduced, again, 25)).toEqual(cold(reduced, again, 25));
    expect(selectAt(inst, prep, 0)).toEqual(cold(inst, prep, 0));
  });

  it('walks without the day limit only where a course set within the JP limit could pass the year', () => {
    // a short year: all courses of an ASN pass it, but not what its JP limit lets it take
    const days = inst.days.slice(0, 12);
    const perJp = (a: AsnModel) =>
      Math.max(...a.eligible.map((c) => (inst.courses[c]?.hari ?? 0) / (inst.courses[c]?.catalog.jp ?? 1)));
    const total = (a: AsnModel) => a.eligible.reduce((d, c) => d + (inst.courses[c]?.hari ?? 0), 0);
    const tight = inst.asn.map((a) => ({ ...a, jpLimit: Math.floor(days.length / perJp(a)) }));
    const loose = inst.asn.map((a) => ({ ...a, jpLimit: 1_000 }));
    for (const asn of [tight, loose]) {
      const short: Instance = { ...inst, days, asn };
      const prep = prepare(short);
      // the bound with every ASN whose courses pass the year walked without the day limit
      const long = asn.flatMap((a, i) => (total(a) > days.length ? [i] : []));
      expect(long.length).toBeGreaterThan(asn.length / 4);
      const all = asnDps(
        short,
        long.map((i) => asn[i] as AsnModel),
        prep.roomUse,
        false,
        dpScratch(),
      );
      const full: Prepared = {
        ...prep,
        relaxed: new Map(long.map((i, k) => [i, all[k]] as [number, (typeof all)[0]])),
        memo: new Map(),
      };
      expect(selectAt(short, prep, 0).bound).toBeCloseTo(selectAt(short, full, 0).bound, 9);
      if (asn === tight) expect(prep.relaxed.size).toBe(0);
      else expect(prep.relaxed.size).toBe(long.length);
    }
  });
});
