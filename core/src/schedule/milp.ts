/**
 * Stage 1, exact path: the selection as a MILP in CPLEX LP text for HiGHS (through the
 * MilpSolver port), and a start solution from the fast plan. Columns: x{e}_{c} ASN e takes
 * course c; y{e}_{k} need k of ASN e closed; z{e} JP target reached; w{e} equity bonus earned;
 * n{c} sessions of classroom course c. Rows: budgets, needs, JP target, equity, working days
 * and `Batas JP per ASN` per ASN, room-days.
 */
import type { AsnModel, CourseModel, Instance } from './instance.js';

/** Result of one MILP/LP solve, in the terms the core needs. */
export interface MilpSolution {
  /** HiGHS model status text, e.g. 'Optimal', 'Time limit reached', 'Infeasible' */
  status: string;
  /** true when `values` hold a feasible (integer) solution */
  feasible: boolean;
  objective: number | null;
  /** proven upper bound for a maximisation (MIP dual bound), when the solver gives one */
  dualBound: number | null;
  /** column name -> value */
  values: Record<string, number>;
}

export interface MilpOptions {
  /** seconds */
  timeLimit?: number;
  /** relative MIP gap at which to stop */
  mipRelGap?: number;
  /** a feasible starting solution (column name -> value) */
  start?: Record<string, number>;
}

/** A MILP solver reading CPLEX LP text (HiGHS in functions/src/adapters/scheduler.ts). */
export interface MilpSolver {
  solve(lp: string, options: MilpOptions): MilpSolution;
}

/** A number as LP text: integers as they are, else 12 decimals without trailing zeros. */
function lpNumber(v: number): string {
  if (Number.isInteger(v)) return String(v);
  return v.toFixed(12).replace(/0+$/, '');
}

export interface MilpModel {
  lp: string;
  pairs: number;
}

/**
 * CPLEX LP text of the selection MILP (rooms as a room-day capacity, overlap as a day budget).
 * Every row written here must also be checked by `fitsSelectionLp`, which decides whether the
 * MILP can still pay under 'auto'.
 */
export function buildSelectionLp(inst: Instance): MilpModel {
  const weights = inst.weights;
  const objective: string[] = [];
  const rows: string[] = [];
  const bounds: string[] = [];
  const binaries: string[] = [];
  const generals: string[] = [];
  let pairs = 0;
  const perCourse = new Map<number, string[]>();
  const perOpd = new Map<string, string[]>();
  const dayCount = inst.days.length;
  inst.asn.forEach((asn, e) => {
    if (asn.eligible.length === 0) return;
    const columns: string[] = [];
    let totalDays = 0;
    for (const c of asn.eligible) {
      const course = inst.courses[c] as CourseModel;
      const x = `x${e}_${c}`;
      columns.push(x);
      binaries.push(x);
      pairs++;
      totalDays += course.hari;
      objective.push(`- ${lpNumber(weights.biaya * course.unitCost)} ${x}`);
      const takers = perCourse.get(c) ?? [];
      takers.push(x);
      perCourse.set(c, takers);
      if (course.unitCost > 0) {
        const spending = perOpd.get(asn.opd) ?? [];
        spending.push(`+ ${lpNumber(course.unitCost)} ${x}`);
        perOpd.set(asn.opd, spending);
      }
    }
    asn.needs.forEach((need, k) => {
      const covering = asn.eligible.filter((c) => inst.courses[c]?.catalog.kompetensi.includes(need.kode));
      if (covering.length === 0) return;
      const y = `y${e}_${k}`;
      objective.push(`+ ${lpNumber(need.prioritas)} ${y}`);
      bounds.push(`0 <= ${y} <= 1`);
      rows.push(`cy${e}_${k}: ${y} ${covering.map((c) => `- x${e}_${c}`).join(' ')} <= 0`);
    });
    if (asn.jpToTarget > 0) {
      objective.push(`+ ${lpNumber(weights.targetJp)} z${e}`);
      binaries.push(`z${e}`);
      rows.push(
        `cz${e}: ${asn.jpToTarget} z${e} ${asn.eligible.map((c) => `- ${inst.courses[c]?.catalog.jp} x${e}_${c}`).join(' ')} <= 0`,
      );
    }
    if (asn.equity) {
      objective.push(`+ ${lpNumber(weights.ekuitas)} w${e}`);
      bounds.push(`0 <= w${e} <= 1`);
      rows.push(`cw${e}: w${e} ${columns.map((x) => `- ${x}`).join(' ')} <= 0`);
    }
    // Batas JP per ASN (only written when the eligible courses together could pass it)
    const totalJp = asn.eligible.reduce((sum, c) => sum + (inst.courses[c]?.catalog.jp ?? 0), 0);
    if (totalJp > asn.jpLimit) {
      rows.push(
        `cj${e}: ${asn.eligible.map((c) => `+ ${inst.courses[c]?.catalog.jp} x${e}_${c}`).join(' ')} <= ${asn.jpLimit}`,
      );
    }
    if (totalDays > dayCount) {
      rows.push(
        `cd${e}: ${asn.eligible.map((c) => `+ ${inst.courses[c]?.hari} x${e}_${c}`).join(' ')} <= ${dayCount}`,
      );
    }
  });
  inst.opds.forEach((opd, o) => {
    const terms = perOpd.get(opd);
    if (terms) rows.push(`b${o}: ${terms.join(' ')} <= ${lpNumber(inst.pagu.get(opd) ?? 0)}`);
  });
  if (inst.rooms.length > 0) {
    const roomTerms: string[] = [];
    for (const [c, takers] of perCourse) {
      const course = inst.courses[c] as CourseModel;
      if (!course.classroom) continue;
      generals.push(`n${c}`);
      rows.push(`k${c}: ${takers.map((x) => `+ ${x}`).join(' ')} - ${course.seats} n${c} <= 0`);
      roomTerms.push(`+ ${course.hari} n${c}`);
    }
    if (roomTerms.length > 0) rows.push(`rooms: ${roomTerms.join(' ')} <= ${inst.rooms.length * dayCount}`);
  }
  const lines = ['Maximize', ` obj: ${objective.length ? objective.join(' ') : '0 dummy'}`, 'Subject To'];
  if (rows.length === 0) rows.push('c0: 0 dummy <= 0');
  for (const row of rows) lines.push(` ${row}`);
  lines.push('Bounds');
  for (const bound of bounds) lines.push(` ${bound}`);
  if (objective.length === 0) lines.push(' 0 <= dummy <= 0');
  if (binaries.length) lines.push('Binaries', ...chunk(binaries));
  if (generals.length) lines.push('Generals', ...chunk(generals));
  lines.push('End');
  return { lp: lines.join('\n'), pairs };
}

/**
 * Whether a selection satisfies every row of `buildSelectionLp`: each ASN within the working
 * days (cd) and its JP limit (cj), each OPD within its Pagu (b), the classroom sessions within
 * the room-days (rooms). When a selection that fits already scores the proven bound, it is an
 * optimum of the MILP, whose dual bound then cannot fall below it: HiGHS can neither find a
 * better selection nor prove a lower bound, so under 'auto' it is not run.
 */
export function fitsSelectionLp(inst: Instance, chosen: readonly number[][]): boolean {
  const dayCount = inst.days.length;
  const spent = new Map<string, number>();
  const takers = new Map<number, number>();
  for (let e = 0; e < inst.asn.length; e++) {
    const asn = inst.asn[e] as AsnModel;
    let days = 0;
    let jp = 0;
    for (const c of chosen[e] ?? []) {
      const course = inst.courses[c] as CourseModel;
      days += course.hari;
      jp += course.catalog.jp;
      if (course.unitCost > 0) spent.set(asn.opd, (spent.get(asn.opd) ?? 0) + course.unitCost);
      takers.set(c, (takers.get(c) ?? 0) + 1);
    }
    if (days > dayCount || jp > asn.jpLimit) return false;
  }
  for (const [opd, total] of spent) if (total > (inst.pagu.get(opd) ?? 0) + 1e-6) return false;
  if (inst.rooms.length > 0) {
    let roomDays = 0;
    for (const [c, count] of takers) {
      const course = inst.courses[c] as CourseModel;
      if (course.classroom) roomDays += course.hari * Math.ceil(count / course.seats);
    }
    if (roomDays > inst.rooms.length * dayCount) return false;
  }
  return true;
}

/** Column names, 20 to a line. */
function chunk(names: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < names.length; i += 20) out.push(` ${names.slice(i, i + 20).join(' ')}`);
  return out;
}

export function startValues(inst: Instance, chosen: readonly number[][]): Record<string, number> {
  const values: Record<string, number> = {};
  const takers = new Map<number, number>();
  inst.asn.forEach((asn, e) => {
    if (asn.eligible.length === 0) return;
    const set = new Set(chosen[e] ?? []);
    let jp = 0;
    for (const c of asn.eligible) {
      const on = set.has(c) ? 1 : 0;
      values[`x${e}_${c}`] = on;
      if (on) {
        jp += inst.courses[c]?.catalog.jp ?? 0;
        takers.set(c, (takers.get(c) ?? 0) + 1);
      }
    }
    asn.needs.forEach((need, k) => {
      const covering = asn.eligible.filter((c) => inst.courses[c]?.catalog.kompetensi.includes(need.kode));
      if (covering.length) values[`y${e}_${k}`] = covering.some((c) => set.has(c)) ? 1 : 0;
    });
    if (asn.jpToTarget > 0) values[`z${e}`] = jp >= asn.jpToTarget ? 1 : 0;
    if (asn.equity) values[`w${e}`] = set.size > 0 ? 1 : 0;
  });
  if (inst.rooms.length > 0) {
    for (const [c, count] of takers) {
      const course = inst.courses[c] as CourseModel;
      if (course.classroom) values[`n${c}`] = Math.ceil(count / course.seats);
    }
  }
  return values;
}
