import { type AsnDp, asnDps, dpScratch, needMask, needStates } from '../../core/src/schedule/asn-dp';
import { type AsnModel, buildInstance, type Instance } from '../../core/src/schedule/instance';
import { generateInstance } from './schedule-fixtures';

/**
 * The per-ASN DP against brute force: every subset of an ASN's eligible courses, the best set per
 * state (cheapest, then fewest courses against the preferred mode, then least room, then fewest
 * days), then the states no other beats on cost, room and benefit at once. ASN that share one
 * walk (same courses and needs, other priorities) must each get their own values.
 */
function bruteForce(inst: Instance, asn: AsnModel, roomUse: Float64Array, maxDays: number) {
  const ns = needStates(inst, asn);
  const best = new Map<number, [number, number, number, number]>();
  const n = asn.eligible.length;
  for (let set = 0; set < 1 << n; set++) {
    let state = 0;
    let cost = 0;
    let mismatch = 0;
    let room = 0;
    let days = 0;
    for (let i = 0; i < n && state >= 0; i++) {
      if (!(set & (1 << i))) continue;
      const c = asn.eligible[i] as number;
      const course = inst.courses[c];
      if (!course) throw new Error('course');
      state = ns.step(state, needMask(course, ns.bit), Math.round(course.catalog.jp / ns.jpUnit));
      cost += course.catalog.biaya;
      mismatch += asn.prefModa !== undefined && asn.prefModa !== course.moda ? 1 : 0;
      room += roomUse[c] as number;
      days += course.hari;
    }
    if (state < 0 || days > maxDays) continue;
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
    expect(small.length).toBeGreaterThan(30);
    for (const maxDays of [inst.days.length, 3]) {
      const limited: Instance = { ...inst, days: inst.days.slice(0, maxDays) };
      const dps = asnDps(limited, small, roomUse, true, dpScratch());
      small.forEach((asn, i) => {
        expect(triples(dps[i] as AsnDp)).toEqual(bruteForce(limited, asn, roomUse, maxDays));
      });
    }
  });

  it('gives twins that share a walk their own values, as if walked alone', () => {
    const together = asnDps(inst, [...small, ...twins], roomUse, true, dpScratch());
    [...small, ...twins].forEach((asn, i) => {
      const alone = asnDps(inst, [asn], roomUse, true, dpScratch())[0];
      expect(together[i]).toEqual(alone);
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
