/**
 * Stage 1b: the multiple-choice knapsack (one option per ASN, total cost within the OPD's Pagu):
 * its LP relaxation by hull increments (Sinha–Zoltners), an exact DP over the budget grid on the
 * problem's core (exactByCore) when that is small, else the LP solution improved greedily.
 */

/** One choice for one ASN: its cost and value; `courses` the course set behind it. */
export interface AsnOption {
  cost: number;
  value: number;
  courses: number[];
  /** index of the hull point (hull options: courses are read from the hull on demand) */
  point?: number;
}

export interface MckpResult {
  /** per class, the index of the option taken */
  choice: number[];
  value: number;
  /** proven upper bound of this knapsack */
  bound: number;
  exact: boolean;
}

export function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y) [x, y] = [y, x % y];
  return x;
}

/** Upper concave hull of a Pareto list (indices), starting at option 0. */
function upperHull(options: readonly AsnOption[]): number[] {
  const onHull: number[] = [0];
  for (let i = 1; i < options.length; i++) {
    const next = options[i] as AsnOption;
    while (onHull.length >= 2) {
      const prev = options[onHull[onHull.length - 2] as number] as AsnOption;
      const mid = options[onHull[onHull.length - 1] as number] as AsnOption;
      // drop mid when it lies on or below the segment prev -> next
      if (
        (mid.value - prev.value) * (next.cost - prev.cost) <=
        (next.value - prev.value) * (mid.cost - prev.cost)
      )
        onHull.pop();
      else break;
    }
    onHull.push(i);
  }
  return onHull;
}

/**
 * `classes`: per ASN its Pareto options, option 0 costing 0. `lpOnly`: only the LP bound is
 * wanted (options that are hull points, not whole plans).
 */
export function solveMckp(classes: readonly AsnOption[][], budget: number, lpOnly = false): MckpResult {
  const n = classes.length;
  const choice = new Array<number>(n).fill(0);
  const totalValue = (picked: readonly number[]) =>
    picked.reduce((sum, o, i) => sum + ((classes[i] as AsnOption[])[o] as AsnOption).value, 0);

  // unconstrained optimum fits: take every ASN's best option
  let maxCost = 0;
  for (const options of classes) maxCost += (options[options.length - 1] as AsnOption).cost;
  if (maxCost <= budget) {
    classes.forEach((options, i) => {
      choice[i] = options.length - 1;
    });
    const value = totalValue(choice);
    return { choice, value, bound: value, exact: true };
  }

  // LP relaxation (Sinha–Zoltners): hull increments by decreasing slope
  interface Increment {
    group: number;
    from: number;
    to: number;
    costStep: number;
    valueStep: number;
  }
  const increments: Increment[] = [];
  classes.forEach((options, group) => {
    const onHull = upperHull(options);
    for (let k = 1; k < onHull.length; k++) {
      const lower = options[onHull[k - 1] as number] as AsnOption;
      const upper = options[onHull[k] as number] as AsnOption;
      increments.push({
        group,
        from: onHull[k - 1] as number,
        to: onHull[k] as number,
        costStep: upper.cost - lower.cost,
        valueStep: upper.value - lower.value,
      });
    }
  });
  // slope valueStep/costStep descending; costStep > 0 always (Pareto costs strictly increase)
  increments.sort(
    (x, y) => y.valueStep * x.costStep - x.valueStep * y.costStep || x.group - y.group || x.from - y.from,
  );
  let used = 0;
  let value = totalValue(choice);
  let lpBound: number | null = null;
  // the slope of the first increment that did not fit: the LP's dual price of a rupiah
  let price = 0;
  const frozen = new Uint8Array(n);
  for (const inc of increments) {
    if (frozen[inc.group] || choice[inc.group] !== inc.from) continue;
    if (used + inc.costStep <= budget) {
      used += inc.costStep;
      value += inc.valueStep;
      choice[inc.group] = inc.to;
    } else {
      if (lpBound === null) {
        lpBound = value + ((budget - used) / inc.costStep) * inc.valueStep;
        price = inc.valueStep / inc.costStep;
      }
      frozen[inc.group] = 1;
    }
  }
  const bound = lpBound ?? value;
  if (lpOnly) return { choice, value, bound, exact: false };

  // the LP's integer part, spent further greedily: a feasible incumbent
  improveFill(classes, choice, budget - used);
  const incumbent = totalValue(choice);
  if (!costsOnGrid(classes, budget))
    return { choice, value: incumbent, bound: Math.max(bound, incumbent), exact: false };
  const exact = exactByCore(classes, budget, choice, incumbent, price);
  if (exact) return { ...exact, bound: Math.min(bound, Math.max(exact.value, exact.bound)) };
  return { choice, value: incumbent, bound: Math.max(bound, incumbent), exact: false };
}

/** Whether the budget and every cost within it are whole rupiah (the DP's grid exists). */
function costsOnGrid(classes: readonly AsnOption[][], budget: number): boolean {
  if (!Number.isInteger(budget)) return false;
  for (const options of classes)
    for (const o of options) {
      if (o.cost > budget) break;
      if (!Number.isInteger(o.cost)) return false;
    }
  return true;
}

/**
 * The exact optimum by a DP over the budget grid, run on a core of the problem (the reduction of
 * Dyer, Kayal and Walker for the multiple-choice knapsack). For any price λ ≥ 0 of a rupiah,
 * L = λ·budget + Σ_i max_o (value − λ·cost) bounds every plan within the budget (Lagrangian
 * relaxation), and a plan that takes option j in class i is worth at most
 * L − max_o (value_io − λ·cost_io) + (value_ij − λ·cost_ij). An option whose such bound is below
 * the incumbent (a feasible plan) is in no plan better than it, so it is left out; a class left
 * with one option is fixed, its cost taken off the budget. The incumbent's options always stay, so
 * the core holds the incumbent and every better plan: its optimum is the whole problem's optimum.
 * With λ the LP's dual price only the classes near the LP's break point keep a choice: the
 * province re-plan's largest DP went from 37.5 million steps to 1.3 million, the sample's largest
 * OPD at Pagu 30% from 37 million to 0.1–0.6 million.
 * Null when the core's DP is still too large: up to 40 million steps (well under a second; the
 * sample's largest OPD, 933 ASN at Pagu 30% with Biaya per Angkatan, needs 37 million without the
 * reduction, and the greedy's tiny shortfall there made 'auto' call HiGHS for 30 s), and a choice
 * table of at most 20 million cells.
 */
function exactByCore(
  classes: readonly AsnOption[][],
  budget: number,
  incumbent: readonly number[],
  incumbentValue: number,
  price: number,
): { choice: number[]; value: number; bound: number; exact: true } | null {
  const n = classes.length;
  const reduced = (option: AsnOption) => option.value - price * option.cost;
  const top = new Float64Array(n);
  let lagrangian = price * budget;
  classes.forEach((options, i) => {
    let m = Number.NEGATIVE_INFINITY;
    for (const o of options) {
      if (o.cost > budget) break;
      m = Math.max(m, reduced(o));
    }
    top[i] = m;
    lagrangian += m;
  });
  const tolerance = 1e-9 * Math.max(1, Math.abs(incumbentValue));
  const choice = [...incumbent];
  const open: number[] = []; // classes that keep more than one option
  const kept: number[][] = []; // per open class, the indices of its options kept
  let left = budget;
  let fixedValue = 0;
  classes.forEach((options, i) => {
    const keep: number[] = [];
    const slack = lagrangian - (top[i] as number);
    options.forEach((o, j) => {
      if (o.cost > budget) return;
      if (j === incumbent[i] || slack + reduced(o) >= incumbentValue - tolerance) keep.push(j);
    });
    if (keep.length === 1) {
      const only = options[keep[0] as number] as AsnOption;
      left -= only.cost;
      fixedValue += only.value;
    } else {
      open.push(i);
      kept.push(keep);
    }
  });
  if (open.length === 0) return { choice, value: incumbentValue, bound: incumbentValue, exact: true };
  // each open class pays at least its cheapest option left: that is taken off the budget and the
  // class's costs, so the DP's width is only the budget the choices still compete for
  for (let k = 0; k < open.length; k++) {
    const keep = kept[k] as number[];
    left -= ((classes[open[k] as number] as AsnOption[])[keep[0] as number] as AsnOption).cost;
  }
  // the core's options as flat arrays (class k: offsets[k] .. offsets[k + 1]), those within `left`,
  // each at its cost above the class's cheapest
  let total = 0;
  for (const keep of kept) total += keep.length;
  const above = new Float64Array(total);
  const values = new Float64Array(total);
  const offsets = new Int32Array(open.length + 1);
  let count = 0;
  let grid = 0;
  for (let k = 0; k < open.length; k++) {
    const options = classes[open[k] as number] as AsnOption[];
    const keep = kept[k] as number[];
    const base = (options[keep[0] as number] as AsnOption).cost;
    for (const j of keep) {
      const o = options[j] as AsnOption;
      if (o.cost - base > left) break;
      above[count] = o.cost - base;
      values[count] = o.value;
      count++;
      if (o.cost > base) grid = gcd(grid, o.cost - base);
    }
    offsets[k + 1] = count;
  }
  const units = grid > 0 ? Math.floor(left / grid) : 0;
  if ((units + 1) * count > 40_000_000 || open.length * (units + 1) > 20_000_000) return null;
  const steps = new Int32Array(count);
  if (grid > 0) for (let o = 0; o < count; o++) steps[o] = Math.round((above[o] as number) / grid);
  const dp = mckpDp(offsets, steps, values, units);
  let value = fixedValue;
  dp.choice.forEach((o, k) => {
    const j = (kept[k] as number[])[o] as number;
    choice[open[k] as number] = j;
    value += ((classes[open[k] as number] as AsnOption[])[j] as AsnOption).value;
  });
  return { choice, value, bound: fixedValue + dp.best, exact: true };
}

function improveFill(classes: readonly AsnOption[][], choice: number[], budgetLeft: number): void {
  let left = budgetLeft;
  for (let iter = 0; iter < classes.length * 4; iter++) {
    let best = -1;
    let bestTo = -1;
    let bestGain = 1e-9;
    classes.forEach((options, i) => {
      const current = options[choice[i] as number] as AsnOption;
      for (let o = (choice[i] as number) + 1; o < options.length; o++) {
        const option = options[o] as AsnOption;
        if (option.cost - current.cost > left) break;
        const gain = option.value - current.value;
        if (gain > bestGain) {
          bestGain = gain;
          best = i;
          bestTo = o;
        }
      }
    });
    if (best < 0) return;
    const options = classes[best] as AsnOption[];
    left -= (options[bestTo] as AsnOption).cost - (options[choice[best] as number] as AsnOption).cost;
    choice[best] = bestTo;
  }
}

/**
 * Exact DP over `units + 1` budget steps: class k's options are `offsets[k]` .. `offsets[k + 1]`,
 * each `steps` grid units dear and worth `values`, its first costing nothing. Per class the index
 * of the option taken, and the DP's optimum.
 */
function mckpDp(
  offsets: Int32Array,
  steps: Int32Array,
  values: Float64Array,
  units: number,
): { choice: number[]; best: number } {
  const n = offsets.length - 1;
  const width = units + 1;
  // best value with at most u units, classes so far
  let best = new Float64Array(width);
  // two rows swapped per class (one allocation, not one per ASN: the GC cost dominated)
  let next = new Float64Array(width);
  const pick = new Uint16Array(n * width);
  for (let i = 0; i < n; i++) {
    const from = offsets[i] as number;
    const to = Math.min(offsets[i + 1] as number, from + 65535);
    // the first option costs nothing: it takes every step, and pick is 0 already
    const free = values[from] as number;
    for (let u = 0; u < width; u++) next[u] = (best[u] as number) + free;
    const row = i * width;
    for (let o = from + 1; o < to; o++) {
      const cost = steps[o] as number;
      const value = values[o] as number;
      for (let u = cost; u < width; u++) {
        const total = (best[u - cost] as number) + value;
        if (total > (next[u] as number) + 1e-12) {
          next[u] = total;
          pick[row + u] = o - from;
        }
      }
    }
    [best, next] = [next, best];
  }
  const choice = new Array<number>(n).fill(0);
  let u = units;
  for (let i = n - 1; i >= 0; i--) {
    const o = pick[i * width + u] as number;
    choice[i] = o;
    u -= steps[(offsets[i] as number) + o] as number;
  }
  return { choice, best: best[units] as number };
}
