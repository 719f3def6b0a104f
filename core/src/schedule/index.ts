/**
 * Training plan and schedule: which ASN go to which course, how many sessions of each course
 * run, and on which dates (docs/rumus.md, "Penjadwalan").
 *
 * Two stages:
 *  1. Selection — maximise Σ prioritas closed (gap × Bobot, each (ASN, competency) counted once)
 *     + a bonus for each ASN brought up to the JP target (PP 17/2020 art. 203(4): 20 JP a year)
 *     + a bonus for each ASN with no training in the N years before the fiscal year (equity;
 *       N = Pengaturan `Jangka Pemerataan`, default 2),
 *     − a tiny cost term as a tie-break; subject to the per-OPD `Anggaran.Pagu`.
 *     Fast path: per-ASN dynamic programming over (competencies covered, JP reached) gives each
 *     ASN's Pareto options (cost, value); per OPD this is a multiple-choice knapsack, solved
 *     exactly by DP over the budget grid on the knapsack's core (the options the Lagrangian bound
 *     cannot rule out) when that is small, else by the LP-hull greedy plus local search.
 *     Exact path: the same selection as a MILP for HiGHS (through the MilpSolver port).
 *  2. Timetable — sessions of `Kapasitas` seats on consecutive working days, no ASN in two
 *     overlapping sessions, classroom sessions in a free `Ruang` with enough seats, dates in the
 *     participants' preferred months where possible. Enrolments that cannot be placed are
 *     dropped and reported (never silently); when classrooms overflow, room-days get a price
 *     and the selection is redone (the best resulting plan is kept). Under a room price each
 *     ASN chooses among the course sets on the convex hull of (cost, room-days) of every DP
 *     state — not only the cheapest set per state — so a dearer Daring course can replace a
 *     classroom one (at province scale this took the scarce-room plan from 0.923 to 0.997 of
 *     the bound: the bound was nearly tight, the plan was not).
 *     Only face-to-face classical forms take a room (types.ts `takesRoom`), of the course's
 *     `Jenis Ruang` when it asks for one. A session below `Peserta Minimum` is not run: its
 *     members join another session of the course or wait, and the selection is redone without
 *     those enrolments (minimum.ts), keeping the best plan.
 *  3. Local search — empty seats of placed sessions go to eligible ASN who gain from them, have
 *     Pagu left and are free on those days.
 *
 * `bound` is always a proven upper bound of the objective: the LP/Lagrangian bound (or exact
 * optimum) of the per-OPD knapsacks, which relax rooms, calendar, overlap and per-session
 * minimums, the Lagrangian bound with room-days priced (sessions fractional, all rooms pooled),
 * or HiGHS's MIP dual bound (which also counts room-days), whichever is lower. Audiences,
 * `Batas JP per ASN`, and courses that can never reach their minimum or a fitting room are exact
 * in the per-ASN options (audience.ts, asn-dp.ts, class-size.ts), so they tighten the bound
 * without ever cutting a feasible plan. The core stays pure and
 * synchronous: the solver is a port.
 *
 * Files: instance.ts (the problem of one call), asn-dp.ts (1a), knapsack.ts and selection.ts
 * (1b), room-hull.ts (room-priced options and bound), milp.ts (exact path), timetable.ts (2),
 * minimum.ts (reselection after cancelled sessions), seats.ts (3), assembly.ts (the report),
 * replan.ts (re-planning around the sessions of a previous plan that started or were announced),
 * compact.ts (a re-plan's open problem without the ASN who can no longer gain); its public shapes
 * are in ../schedule-report.ts.
 */
import { buildDevelopmentPlan } from '../plan.js';
import type { GapsReport } from '../reports.js';
import type { ScheduledSession, ScheduleReport } from '../schedule-report.js';
import type { ProgramData } from '../types.js';
import { waitingNips } from '../waiting-list.js';
import { assemble } from './assembly.js';
import { compactOpen, expandPlan } from './compact.js';
import {
  asnObjective,
  buildInstance,
  type Instance,
  instanceWith,
  type ScheduleOptions,
} from './instance.js';
import { buildSelectionLp, fitsSelectionLp, startValues } from './milp.js';
import { reselectAfterMinimum } from './minimum.js';
import { diffPlans, fixPrevious, mergeKept, ownHistory } from './replan.js';
import { repriceSessions } from './reprice.js';
import { type AsnHull, asnRoomHull, roomPricedBound, selectHullAt } from './room-hull.js';
import { fillSeats } from './seats.js';
import { prepare, selectAt } from './selection.js';
import { evaluate } from './timetable.js';
import { warmStart } from './warm-start.js';

export type {
  ScheduledSession,
  ScheduleReport,
  ScheduleWeights,
  UnmetNeed,
} from '../schedule-report.js';
export type { ScheduleMethod, ScheduleOptions } from './instance.js';
export type { MilpOptions, MilpSolution, MilpSolver } from './milp.js';
export type { PreviousSession } from './replan.js';

/** room prices tried (objective units per room-day) when the rooms cannot hold the first selection */
const ROOM_PRICES = [10, 30, 90, 270];

/**
 * The MILP's relative gap tolerance: HiGHS stops once its plan is within this share of its bound,
 * so a selection this close to the proven bound is already what HiGHS would return.
 */
const MILP_REL_GAP = 1e-6;

/** Plan and schedule the fiscal year's training (see the file comment). */
export function planSchedule(data: ProgramData, gaps: GapsReport, opts: ScheduleOptions): ScheduleReport {
  let full = buildInstance(data, gaps, opts);
  // re-plan: sessions started or announced stay; the rest is planned around them (replan.ts)
  let part = opts.sebelumnya ? fixPrevious(full, data, opts.sebelumnya, opts.mulaiPalingAwal) : null;
  const own = part ? ownHistory(part, data) : null;
  if (own && own.size > 0 && opts.sebelumnya) {
    // Riwayat rows made from kept sessions count once, as the plan's; which sessions stay and who
    // stays in them does not depend on the history, so the second pass keeps the same ones
    full = buildInstance(data, gaps, opts, own);
    part = fixPrevious(full, data, opts.sebelumnya, opts.mulaiPalingAwal);
  }
  // the open sessions of the previous plan are tried again first: a re-plan moves nobody for nothing
  const open =
    part && opts.sebelumnya
      ? instanceWith(part.reduced, {
          warm: warmStart(full, opts.sebelumnya, new Set(part.kept.map((k) => k.session.id))),
        })
      : full;
  // a re-plan solves only for the ASN who can still gain (compact.ts): same plan, objective and bound
  const compact = part ? compactOpen(open) : null;
  const inst = compact ? compact.inst : open;
  const method = opts.method ?? 'auto';
  const prep = prepare(inst);
  const fastSelection = selectAt(inst, prep, 0);
  let fastPlan = evaluate(inst, fastSelection.chosen);
  // rooms too scarce for the first selection: price room-days and select again, keep the best
  let fastBound = fastSelection.bound;
  let hulls: AsnHull[] | null = null;
  if (inst.rooms.length > 0 && fastPlan.tt.dropped.some((d) => d.batas === 'jadwal')) {
    // classrooms bind: the room-priced Lagrangian bound, and its price as the first to try
    const roomHulls = inst.asn.map((asn) => asnRoomHull(inst, asn, prep.roomUse));
    hulls = roomHulls;
    const priced = roomPricedBound(inst, prep, roomHulls, inst.rooms.length * inst.days.length);
    fastBound = Math.min(fastBound, priced.bound);
    const prices = [...new Set([priced.lambda, ...ROOM_PRICES])]
      .filter((price) => price > 0)
      .sort((x, y) => x - y);
    let lo = 0; // highest price tried whose plan still overflowed the rooms
    let hi = Number.POSITIVE_INFINITY; // lowest price tried whose plan fits
    const tryPrice = (lambda: number) => {
      const candidate = { ...evaluate(inst, selectHullAt(inst, prep, roomHulls, lambda)), roomPrice: lambda };
      if (candidate.objective > fastPlan.objective + 1e-9) fastPlan = candidate;
      if (!candidate.tt.dropped.some((d) => d.batas === 'jadwal')) hi = Math.min(hi, lambda);
      else lo = Math.max(lo, lambda);
    };
    for (const lambda of prices) {
      tryPrice(lambda);
      if (hi < Number.POSITIVE_INFINITY) break;
    }
    // the best plan sits near the lowest price that fits: bisect between overflow and fit
    for (let k = 0; k < 5 && hi < Number.POSITIVE_INFINITY && hi - lo > 1e-3 * hi; k++)
      tryPrice((lo + hi) / 2);
  }
  // sessions cancelled below their Peserta Minimum: select again without those enrolments
  fastPlan = reselectAfterMinimum(inst, prep, fastPlan, hulls);
  // sessions smaller than full cost more per head than the selection priced: price them as planned
  fastPlan = repriceSessions(inst, fastPlan);
  // a plan already proven optimal has no seat worth filling
  if (fastBound - fastPlan.objective > 1e-9 * Math.max(1, Math.abs(fastBound)))
    fastPlan = fillSeats(inst, fastPlan);
  let best = fastPlan;
  let metode: 'milp' | 'heuristik' = 'heuristik';
  let bound = fastBound;
  let objektifMilp: number | null = null;
  let batasMilp: number | null = null;
  let statusMilp: string | null = null;
  const pairs = open.asn.reduce((sum, asn) => sum + asn.eligible.length, 0);

  const useMilp =
    method !== 'heuristik' &&
    opts.solver !== undefined &&
    pairs > 0 &&
    (method === 'milp' ||
      // under 'auto', a fast plan already proven optimal needs no MILP, and neither does a gap
      // the MILP cannot close (selectionAtBound); a re-plan keeps to the fast path: it must take
      // a small share of the full plan's time, and HiGHS alone took about as long as the full plan
      (!part &&
        pairs <= (opts.maxMilpPairs ?? 40_000) &&
        bound - fastPlan.objective > 1e-9 * Math.max(1, Math.abs(bound)) &&
        !selectionAtBound(inst, fastSelection.chosen, fastBound)));
  if (method === 'milp' && !opts.solver)
    throw new Error('Metode MILP dipilih tetapi pemecah (HiGHS) tidak tersedia.');
  if (useMilp && opts.solver) {
    const model = buildSelectionLp(inst);
    const solution = opts.solver.solve(model.lp, {
      timeLimit: opts.timeLimit ?? 30,
      mipRelGap: MILP_REL_GAP,
      start: startValues(inst, fastPlan.chosen),
    });
    statusMilp = solution.status;
    if (solution.dualBound !== null && Number.isFinite(solution.dualBound)) {
      batasMilp = solution.dualBound;
      bound = Math.min(bound, solution.dualBound);
    }
    if (solution.feasible) {
      const chosen = inst.asn.map((asn, e) =>
        asn.eligible.filter((c) => (solution.values[`x${e}_${c}`] ?? 0) > 0.5),
      );
      const candidate = fillSeats(inst, evaluate(inst, chosen));
      objektifMilp = candidate.objective;
      if (candidate.objective > best.objective + 1e-9) {
        best = candidate;
        metode = 'milp';
      }
    }
  }
  // solver tolerances: a bound a hair below a verified feasible objective means optimal
  if (bound < best.objective) bound = best.objective;
  // the kept part's objective is a constant of the re-plan: add it to plans and bounds alike
  const constant = part?.constant ?? 0;
  // a re-plan's selection may over-charge newcomers to kept sessions (session-cost.ts keptCost)
  if (part) bound += part.slack;
  const plan = compact ? expandPlan(compact, best) : best;
  const report = assemble(full, part ? mergeKept(part, plan) : plan, bound + constant, {
    metode,
    objektifHeuristik: fastPlan.objective + constant,
    batasHeuristik: fastBound + constant,
    objektifMilp: objektifMilp === null ? null : objektifMilp + constant,
    batasMilp: batasMilp === null ? null : batasMilp + constant,
    statusMilp,
    pasangan: pairs,
  });
  if (opts.mulaiPalingAwal !== undefined) report.mulaiPalingAwal = opts.mulaiPalingAwal;
  report.rencana = buildDevelopmentPlan(report, data, gaps);
  if (part && opts.sebelumnya) report.ulang = diffPlans(opts.sebelumnya, report, part);
  // each session's waiting list, as the Daftar Tunggu sheet shows it (per id: sessions that would
  // share one have one list)
  const waiting = new Map<string, string[]>();
  waitingNips(report, data).forEach((nips, i) => {
    if (nips.length === 0) return;
    const id = (report.sessions[i] as ScheduledSession).id;
    const list = waiting.get(id);
    if (list) list.push(...nips);
    else waiting.set(id, nips);
  });
  for (const s of report.sessions) s.daftarTunggu = waiting.get(s.id) ?? [];
  return report;
}

/**
 * True when the first selection (before the timetable) fits every row of the selection MILP and
 * scores the proven bound within the MILP's gap. The MILP then has that selection as an optimum
 * and its dual bound cannot go below it, so it can improve neither the plan's selection nor the
 * bound: what separates the plan from the bound is the calendar and `Peserta Minimum`, which the
 * MILP relaxes too. On the sample workbook this is the case (0.9 % lost to class minimums) and
 * skipping HiGHS takes `bangkom schedule` from about 20 s to about 5 s.
 */
function selectionAtBound(inst: Instance, chosen: readonly number[][], bound: number): boolean {
  const value = inst.asn.reduce((sum, asn, e) => sum + asnObjective(inst, asn, chosen[e] ?? [], true), 0);
  return bound - value <= MILP_REL_GAP * Math.max(1, Math.abs(bound)) && fitsSelectionLp(inst, chosen);
}
