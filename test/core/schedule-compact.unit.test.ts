/**
 * A re-plan's compact open problem (compact.ts): the ASN no eligible course can gain anything for
 * are left out, and so are the courses that cannot gain for the others; that changes nothing. The
 * ASN left out have the empty set as their only option, so they add 0 to every knapsack and bound;
 * selection, bound, timetable and seat filling over the compact instance, mapped back, equal those
 * over the whole open instance.
 */
import { checkSchedule, planSchedule } from '@bangkom/core';
import { asnDps, dpScratch, optionsAt } from '../../core/src/schedule/asn-dp';
import { canGain, compactOpen, expandPlan } from '../../core/src/schedule/compact';
import { buildInstance, type Instance } from '../../core/src/schedule/instance';
import { fixPrevious, needMatcher } from '../../core/src/schedule/replan';
import { asnRoomHull, roomPricedBound, selectHullAt } from '../../core/src/schedule/room-hull';
import { fillSeats } from '../../core/src/schedule/seats';
import { prepare, selectAt } from '../../core/src/schedule/selection';
import { evaluate } from '../../core/src/schedule/timetable';
import { warmStart } from '../../core/src/schedule/warm-start';
import { generateInstance, rng, rsvpRows } from './schedule-fixtures';

describe.each([
  { seed: 5, asn: 400, courses: 16, opds: 5, rooms: 2, budgetRatio: 1.5 },
  { seed: 23, asn: 300, courses: 10, opds: 4, rooms: 3, budgetRatio: 0.6 },
])('the compact open problem of a re-plan (seed $seed)', (spec) => {
  const { data, gaps, holidays } = generateInstance(spec);
  const first = planSchedule(data, gaps, { holidays });
  // every session announced, a tenth of the invitees decline (as the bench, at a higher share)
  const attendance = rsvpRows(first.sessions, 0.1, rng(spec.seed));
  const declined = { ...data, attendance };
  const opts = { holidays, sebelumnya: first.sessions };
  const full = buildInstance(declined, gaps, opts);
  const part = fixPrevious(full, declined, first.sessions, undefined);
  const open: Instance = {
    ...part.reduced,
    warm: warmStart(full, first.sessions, new Set(part.kept.map((k) => k.session.id))),
  };
  const compact = compactOpen(open);
  const dropped = open.asn.flatMap((_, e) => (compact.open.includes(e) ? [] : [e]));
  const develops = needMatcher(open);

  it('asks whether a course develops an open need as the competency codes say', () => {
    const pairs = open.asn.flatMap((asn, e) => asn.eligible.map((c) => [e, c] as const));
    const plain = pairs.map(([e, c]) =>
      (open.asn[e]?.needs ?? []).some((need) => open.courses[c]?.catalog.kompetensi.includes(need.kode)),
    );
    expect(pairs.map(([e, c]) => develops(e, c))).toEqual(plain);
    expect(plain.some((yes) => yes)).toBe(true);
    expect(plain.some((yes) => !yes)).toBe(true);
  });

  it('leaves out some ASN with eligible courses, and only those no course can gain for', () => {
    expect(dropped.some((e) => (open.asn[e]?.eligible.length ?? 0) > 0)).toBe(true);
    expect(compact.inst.asn.length).toBeGreaterThan(0);
    expect(compact.inst.asn.length + dropped.length).toBe(open.asn.length);
    for (const e of dropped) {
      const asn = open.asn[e];
      if (!asn) throw new Error('no ASN');
      expect(asn.eligible.some((c) => canGain(open, e, c, develops))).toBe(false);
    }
    // a remaining ASN keeps exactly its courses that can gain, in order
    compact.inst.asn.forEach((asn, k) => {
      const whole = open.asn[compact.open[k] as number];
      if (!whole) throw new Error('no ASN');
      const e = compact.open[k] as number;
      expect(asn.eligible).toEqual(whole.eligible.filter((c) => canGain(open, e, c, develops)));
    });
    expect(
      compact.inst.asn.some(
        (asn, k) => asn.eligible.length < (open.asn[compact.open[k] as number]?.eligible.length ?? 0),
      ),
    ).toBe(true);
    // increasing: the compact problem's ASN keep their order
    for (let k = 1; k < compact.open.length; k++)
      expect(compact.open[k] as number).toBeGreaterThan(compact.open[k - 1] as number);
  });

  it('gives a dropped ASN the empty set as its only option, so it adds exactly 0', () => {
    const prep = prepare(open);
    const asns = dropped.map((e) => open.asn[e] as (typeof open.asn)[number]);
    for (const enforceDays of [true, false])
      for (const dp of asnDps(open, asns, prep.roomUse, enforceDays, dpScratch())) {
        expect(dp.extra).toBe(0);
        for (const lambda of [0, 0.5, 30])
          expect(optionsAt(dp, lambda, open.weights.biaya)).toEqual([{ cost: 0, value: 0, courses: [] }]);
      }
    const hulls = open.asn.map((asn) => asnRoomHull(open, asn, prep.roomUse));
    for (const lambda of [0, 2, 90]) {
      const chosen = selectHullAt(open, prep, hulls, lambda);
      for (const e of dropped) expect(chosen[e]).toEqual([]);
    }
  });

  it('selects, bounds and plans exactly as the whole open instance', () => {
    const prepOpen = prepare(open);
    const prepCompact = prepare(compact.inst);
    const rooms = open.rooms.length * open.days.length;
    for (const lambda of [0, 10]) {
      const whole = selectAt(open, prepOpen, lambda);
      const part = selectAt(compact.inst, prepCompact, lambda);
      expect(part.bound).toBe(whole.bound);
      expect(whole.chosen.filter((_, e) => !compact.open.includes(e)).every((c) => c.length === 0)).toBe(
        true,
      );
      expect(part.chosen).toEqual([...compact.open].map((e) => whole.chosen[e]));
      // the timetable, Pagu repair and seat filling, mapped back
      // the compact one first: kept sessions' OPD mixes are made on first use (kept-mix.ts)
      const small = evaluate(compact.inst, part.chosen);
      const plan = evaluate(open, whole.chosen);
      expect(small.objective).toBe(plan.objective);
      expect(expandPlan(compact, small)).toEqual(plan);
      expect(expandPlan(compact, fillSeats(compact.inst, small))).toEqual(fillSeats(open, plan));
    }
    const hullsOpen = open.asn.map((asn) => asnRoomHull(open, asn, prepOpen.roomUse));
    const hullsCompact = compact.inst.asn.map((asn) => asnRoomHull(compact.inst, asn, prepCompact.roomUse));
    expect(roomPricedBound(compact.inst, prepCompact, hullsCompact, rooms)).toEqual(
      roomPricedBound(open, prepOpen, hullsOpen, rooms),
    );
  });

  it('re-plans to a checked plan under a proven bound', () => {
    const again = planSchedule(declined, gaps, opts);
    expect(checkSchedule(again, { data: declined, gaps, holidays, sebelumnya: first.sessions })).toEqual([]);
    expect(again.bound).toBeGreaterThanOrEqual(again.objective - 1e-9);
    expect(again.ulang?.sesiPindah).toEqual([]);
  });
});
