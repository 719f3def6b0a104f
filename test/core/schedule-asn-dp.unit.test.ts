import {
  type AsnDp,
  asnDps,
  dpScratch,
  needMask,
  needStates,
  optionsAt,
} from '../../core/src/schedule/asn-dp';
import { type AsnModel, buildInstance, type Instance } from '../../core/src/schedule/instance';
import { generateInstance } from './schedule-fixtures';

/**
 * The per-ASN DP against brute force: every subset of an ASN's eligible courses, the best set per
 * state (cheapest, then fewest courses against the preferred mode, then least room, then fewest
 * days), then the states no other beats on cost, room and benefit at once. ASN that share one
 * walk (same courses and needs, other priorities) must each get their own values. When
 * `Batas JP per ASN` binds, the walk drops states another of fewer JP dominates (asn-dp.ts walk):
 * there the options must be real course sets, none dominated, and give every (cost, worth) that
 * brute force finds (what the knapsacks and the bound use at room price 0).
 */
interface Subset {
  courses: number[];
  state: number;
  cost: number;
  mismatch: number;
  room: number;
  days: number;
}

/** Every subset of the ASN's eligible courses within its JP limit and `maxDays`. */
function subsets(inst: Instance, asn: AsnModel, roomUse: Float64Array, maxDays: number): Subset[] {
  const ns = needStates(inst, asn);
  const n = asn.eligible.length;
  const out: Subset[] = [];
  for (let set = 0; set < 1 << n; set++) {
    const sub: Subset = { courses: [], state: 0, cost: 0, mismatch: 0, room: 0, days: 0 };
    for (let i = 0; i < n && sub.state >= 0; i++) {
      if (!(set & (1 << i))) continue;
      const c = asn.eligible[i] as number;
      const course = inst.courses[c];
      if (!course) throw new Error('course');
      sub.courses.push(c);
      sub.state = ns.step(sub.state, needMask(course, ns.bit), Math.round(course.catalog.jp / ns.jpUnit));
      sub.cost += course.catalog.biaya;
      sub.mismatch += asn.prefModa !== undefined && asn.prefModa !== course.moda ? 1 : 0;
      sub.room += roomUse[c] as number;
      sub.days += course.hari;
    }
    if (sub.state >= 0 && sub.days <= maxDays) out.push(sub);
  }
  return out;
}

/** (cost, worth) pairs no other beats: cost ascending, worth strictly ascending. */
function frontier(points: readonly { cost: number; benefit: number }[]) {
  const sorted = [...points].sort((x, y) => x.cost - y.cost || y.benefit - x.benefit);
  const out: { cost: number; benefit: number }[] = [];
  for (const p of sorted)
    if (out.length === 0 || p.benefit > (out[out.length - 1] as { benefit: number }).benefit + 1e-12)
      out.push({ cost: p.cost, benefit: p.benefit });
  return out;
}

function bruteForce(inst: Instance, asn: AsnModel, roomUse: Float64Array, maxDays: number) {
  const ns = needStates(inst, asn);
  const best = new Map<number, [number, number, number, number]>();
  for (const { state, cost, mismatch, room, days } of subsets(inst, asn, roomUse, maxDays)) {
    const key: [number, number, number, number] = [cost, mismatch, room, days];
    const old = best.get(state);
    const less = (a: readonly number[], b: readonly number[]) => {
      for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] as number) < (b[i] as number);
      return false;
    };
    if (!old || less(key, old)) best.set(state, key);
  }
  const points = [...best].map(([s, [cost, , room]]) => ({ cost, room, benefit: ns.value(s) }));
  points.sort((x, y) => x.cost - y.cost || x.room - y.room || y.benefit - x.benefit);
  const kept: typeof points = [];
  for (const p of points)
    if (!kept.some((k) => k.room <= p.room && k.benefit >= p.benefit - 1e-12)) kept.push(p);
  return kept;
}

const triples = (dp: AsnDp) =>
  Array.from(dp.cost, (cost, i) => ({ cost, room: dp.room[i] as number, benefit: dp.benefit[i] as number }));

describe('asnDps', () => {
  const { data, gaps, holidays } = generateInstance({ seed: 7, asn: 120, courses: 16, opds: 4, rooms: 2 });
  const inst = buildInstance(data, gaps, { holidays });
  const roomUse = Float64Array.from(inst.courses, (c) => (c.classroom ? c.hari / c.seats : 0));
  const small = inst.asn.filter((a) => a.eligible.length >= 2 && a.eligible.length <= 12);
  // the same courses and needs with other priorities and bonuses: walked once with their twin
  const twins = small.map((a) => ({
    ...a,
    needs: a.needs.map((need, i) => ({ ...need, prioritas: need.prioritas * 2 + i })),
    equity: !a.equity,
  }));

  it('matches brute force for every ASN, with or without the day limit', () => {
    // without a JP limit their courses could pass: JP capped at the target, nothing pruned
    const open = small.map((asn) => ({ ...asn, jpLimit: 1_000_000 }));
    expect(small.length).toBeGreaterThan(30);
    expect(
      open.some((asn, i) => needStates(inst, small[i] as AsnModel).limited && !needStates(inst, asn).limited),
    ).toBe(true);
    for (const maxDays of [inst.days.length, 3]) {
      const limited: Instance = { ...inst, days: inst.days.slice(0, maxDays) };
      const dps = asnDps(limited, open, roomUse, true, dpScratch());
      open.forEach((asn, i) => {
        const dp = dps[i] as AsnDp;
        expect(triples(dp)).toEqual(bruteForce(limited, asn, roomUse, maxDays));
        // states by cost (optionsAt reads each cost's run in one pass)
        for (let k = 1; k < dp.cost.length; k++)
          expect(dp.cost[k] as number).toBeGreaterThanOrEqual(dp.cost[k - 1] as number);
      });
    }
  });

  it('under a binding JP limit keeps only real, undominated course sets and every (cost, worth)', () => {
    // the same ASN with a JP limit their courses pass: JP is tracked exactly and the walk prunes
    const tight = small.map((a) => {
      const total = a.eligible.reduce((sum, c) => sum + (inst.courses[c]?.catalog.jp ?? 0), 0);
      return { ...a, jpLimit: Math.max(1, Math.floor(total * 0.6)) };
    });
    expect(tight.every((asn) => needStates(inst, asn).limited)).toBe(true);
    let pruned = 0;
    for (const maxDays of [inst.days.length, 6]) {
      const limited: Instance = { ...inst, days: inst.days.slice(0, maxDays) };
      const dps = asnDps(limited, tight, roomUse, true, dpScratch());
      tight.forEach((asn, i) => {
        const dp = dps[i] as AsnDp;
        const ns = needStates(limited, asn);
        const all = subsets(limited, asn, roomUse, maxDays);
        const bySet = new Map(all.map((sub) => [sub.courses.join(','), sub] as const));
        const options = triples(dp);
        options.forEach((option, k) => {
          // a real course set within the limits, with the values the option claims
          const sub = bySet.get((dp.courses[k] as number[]).join(','));
          expect(sub).toBeDefined();
          expect(option).toEqual({ cost: sub?.cost, room: sub?.room, benefit: ns.value(sub?.state ?? 0) });
          // and no other option is as cheap, as light on rooms and worth as much
          const beaten = options.some(
            (o, j) =>
              j !== k &&
              o.cost <= option.cost &&
              o.room <= option.room &&
              o.benefit >= option.benefit - 1e-12 &&
              (o.cost < option.cost || o.room < option.room || o.benefit > option.benefit + 1e-12),
          );
          expect(beaten).toBe(false);
        });
        // every (cost, worth) any course set reaches is matched: the knapsacks and the bound at
        // room price 0 see the same choices as without pruning
        const exact = frontier(all.map((sub) => ({ cost: sub.cost, benefit: ns.value(sub.state) })));
        expect(frontier(options)).toEqual(exact);
        if (options.length < bruteForce(limited, asn, roomUse, maxDays).length) pruned++;
      });
    }
    // the pruning did drop options the unpruned walk kept (else this test would prove nothing new)
    expect(pruned).toBeGreaterThan(0);
  });

  it('gives as options, at any room price, the states sorted by cost then value that beat all cheaper', () => {
    const dps = asnDps(inst, [...small, ...twins], roomUse, true, dpScratch());
    const weight = inst.weights.biaya;
    for (const lambda of [0, 0.25, 3, 40])
      for (const dp of dps) {
        const value = (i: number) =>
          (dp.benefit[i] as number) - weight * (dp.cost[i] as number) - lambda * (dp.room[i] as number);
        const order = Array.from(dp.cost.keys()).sort(
          (x, y) => (dp.cost[x] as number) - (dp.cost[y] as number) || value(y) - value(x),
        );
        const expected: { cost: number; value: number; courses: number[] }[] = [];
        for (const i of order)
          if (value(i) > (expected[expected.length - 1]?.value ?? Number.NEGATIVE_INFINITY) + 1e-9)
            expected.push({
              cost: dp.cost[i] as number,
              value: value(i),
              courses: dp.courses[i] as number[],
            });
        expect(optionsAt(dp, lambda, weight)).toEqual(expected);
      }
  });

  it('gives twins that share a walk their own values, as if walked alone', () => {
    const together = asnDps(inst, [...small, ...twins], roomUse, true, dpScratch());
    [...small, ...twins].forEach((asn, i) => {
      const alone = asnDps(inst, [asn], roomUse, true, dpScratch())[0];
      expect(together[i]).toEqual(alone);
      if (!needStates(inst, asn).limited)
        expect(triples(together[i] as AsnDp)).toEqual(bruteForce(inst, asn, roomUse, inst.days.length));
    });
    // the twins' options are worth more than the originals' (higher priorities)
    const worth = (dp: AsnDp) => Math.max(...dp.benefit);
    const richer = small.filter(
      (_, i) => worth(together[small.length + i] as AsnDp) > worth(together[i] as AsnDp),
    );
    expect(richer.length).toBeGreaterThan(small.length / 2);
  });
});
