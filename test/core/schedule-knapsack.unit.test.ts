/**
 * The per-OPD multiple-choice knapsack (knapsack.ts): on small random classes with integer costs
 * (the exact DP over the budget grid runs) the choice is a brute-force optimum within the budget,
 * and the bound is at least that optimum. Option 0 costs nothing, with a value of its own or 0.
 * On larger problems, where the exact path solves only a core of the classes (options whose
 * Lagrangian bound is below the incumbent are left out), the value is a plain DP's optimum, ties
 * in value included.
 */
import { type AsnOption, solveMckp } from '../../core/src/schedule/knapsack';
import { rng } from './schedule-fixtures';

/** Pareto options of one ASN: costs and values strictly ascending, option 0 at cost 0. */
function randomClass(random: () => number, zeroValue: boolean): AsnOption[] {
  const options: AsnOption[] = [
    { cost: 0, value: zeroValue ? 0 : Math.round(random() * 300) / 10, courses: [] },
  ];
  let cost = 0;
  let value = options[0]?.value ?? 0;
  for (let k = Math.floor(random() * 4); k > 0; k--) {
    cost += 250_000 * (1 + Math.floor(random() * 8));
    value += 0.1 + Math.round(random() * 50) / 10;
    options.push({ cost, value, courses: [] });
  }
  return options;
}

/** The best total value of one option per class within the budget, by enumeration. */
function bruteForce(classes: readonly AsnOption[][], budget: number): number {
  let best = Number.NEGATIVE_INFINITY;
  const walk = (i: number, cost: number, value: number) => {
    if (cost > budget) return;
    if (i === classes.length) {
      best = Math.max(best, value);
      return;
    }
    for (const option of classes[i] ?? []) walk(i + 1, cost + option.cost, value + option.value);
  };
  walk(0, 0, 0);
  return best;
}

/** The best total value within the budget by a plain DP over every multiple of `step` rupiah. */
function plainDp(classes: readonly AsnOption[][], budget: number, step: number): number {
  const width = Math.floor(budget / step) + 1;
  let best = new Array<number>(width).fill(0);
  for (const options of classes) {
    const next = new Array<number>(width).fill(Number.NEGATIVE_INFINITY);
    for (const option of options)
      for (let u = option.cost / step; u < width; u++)
        next[u] = Math.max(next[u] as number, (best[u - option.cost / step] as number) + option.value);
    best = next;
  }
  return best[width - 1] as number;
}

describe('solveMckp', () => {
  it.each(Array.from({ length: 30 }, (_, i) => i + 1))(
    'solves larger knapsacks exactly through their core (seed %i)',
    (seed) => {
      const random = rng(1000 + seed);
      // whole values in a narrow range: many classes tie at the LP's break point
      const classes = Array.from({ length: 50 + Math.floor(random() * 250) }, () => {
        const options: AsnOption[] = [{ cost: 0, value: 0, courses: [] }];
        let cost = 0;
        let value = 0;
        for (let k = 1 + Math.floor(random() * 4); k > 0; k--) {
          cost += 250_000 * (1 + Math.floor(random() * 4));
          value += 1 + Math.floor(random() * (seed % 3 === 0 ? 3 : 12));
          options.push({ cost, value, courses: [] });
        }
        return options;
      });
      const most = classes.reduce((sum, options) => sum + (options[options.length - 1]?.cost ?? 0), 0);
      const budget = 250_000 * Math.floor((random() * most) / 250_000 / 2) + 250_000;
      const result = solveMckp(classes, budget);
      const spent = result.choice.reduce((sum, o, i) => sum + (classes[i]?.[o]?.cost ?? 0), 0);
      const value = result.choice.reduce((sum, o, i) => sum + (classes[i]?.[o]?.value ?? 0), 0);
      const optimum = plainDp(classes, budget, 250_000);
      expect(result.exact).toBe(true);
      expect(spent).toBeLessThanOrEqual(budget);
      expect(value).toBeCloseTo(optimum, 9);
      expect(result.bound).toBeGreaterThanOrEqual(optimum - 1e-9);
      expect(result.bound).toBeLessThanOrEqual(optimum + 1e-9);
    },
  );

  it.each(Array.from({ length: 40 }, (_, i) => i + 1))(
    'chooses a brute-force optimum within the budget (seed %i)',
    (seed) => {
      const random = rng(seed);
      const classes = Array.from({ length: 2 + Math.floor(random() * 5) }, () =>
        randomClass(random, seed % 2 === 0),
      );
      const most = classes.reduce((sum, options) => sum + (options[options.length - 1]?.cost ?? 0), 0);
      // at least the cheapest option that costs something: below it the budget has no grid to
      // run the DP on (the greedy answers it)
      const cheapest = Math.min(
        250_000 * 8,
        ...classes.flatMap((options) => options.slice(1).map((o) => o.cost)),
      );
      const budget = Math.max(cheapest, 250_000 * Math.floor((random() * most) / 250_000));
      const result = solveMckp(classes, budget);
      const spent = result.choice.reduce((sum, o, i) => sum + (classes[i]?.[o]?.cost ?? 0), 0);
      const value = result.choice.reduce((sum, o, i) => sum + (classes[i]?.[o]?.value ?? 0), 0);
      const optimum = bruteForce(classes, budget);
      expect(spent).toBeLessThanOrEqual(budget);
      expect(result.exact).toBe(true);
      expect(value).toBeCloseTo(optimum, 9);
      expect(result.value).toBeCloseTo(optimum, 9);
      expect(result.bound).toBeGreaterThanOrEqual(optimum - 1e-9);
    },
  );
});
