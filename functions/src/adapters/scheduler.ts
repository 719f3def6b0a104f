/**
 * Scheduler adapter: Indonesian public holidays from date-holidays (corrected by the
 * `Hari Libur` sheet), HiGHS (WebAssembly) as the core's MilpSolver port, then the core's
 * synchronous planSchedule. Used by `bangkom schedule`, `bangkom run` and scheduleTrainings.
 */
import {
  addDays,
  applyHolidayCorrections,
  type GapsReport,
  type MilpOptions,
  type MilpSolution,
  type MilpSolver,
  type PreviousSession,
  type ProgramData,
  planSchedule as planCore,
  resolveTahun,
  type ScheduleMethod,
  type ScheduleReport,
  type ScheduleWeights,
} from '@bangkom/core';
import Holidays from 'date-holidays';
import highsLoader, { type Highs } from 'highs';
import { DEFAULT_TIME_ZONE, localDate } from '../time.js';

const DAY_MS = 86_400_000;

/**
 * Public holidays of `tahun` in Indonesia per date-holidays (`ID`, type public), every day of
 * multi-day holidays included, then the `Hari Libur` corrections (cuti bersama, decree dates).
 */
export function indonesianHolidays(tahun: number, corrections: ProgramData['holidays'] = []): Set<string> {
  return applyHolidayCorrections(publicHolidays(tahun), corrections, tahun);
}

/** date-holidays' public holidays per year, computed once per process (its lunar calendars are slow) */
const publicHolidayCache = new Map<number, readonly string[]>();

function publicHolidays(tahun: number): readonly string[] {
  const cached = publicHolidayCache.get(tahun);
  if (cached) return cached;
  const hd = new Holidays('ID');
  const base = new Set<string>();
  for (const h of hd.getHolidays(tahun) ?? []) {
    if (h.type !== 'public') continue;
    const first = h.date.slice(0, 10);
    const days = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / DAY_MS));
    for (let i = 0; i < days; i++) base.add(addDays(first, i));
  }
  const list = [...base];
  publicHolidayCache.set(tahun, list);
  return list;
}

let highsPromise: Promise<Highs> | undefined;

/** Loads the HiGHS WebAssembly module once per process. */
export function loadHighs(): Promise<Highs> {
  highsPromise ??= highsLoader();
  return highsPromise;
}

/** The core's MilpSolver port over a loaded HiGHS module (persistent API: we need the dual bound). */
export function highsSolver(highs: Highs): MilpSolver {
  return {
    solve(lp: string, options: MilpOptions): MilpSolution {
      const model = highs.createModel({ format: 'lp', data: lp });
      try {
        const set: Record<string, number | boolean | string> = { output_flag: false };
        if (options.timeLimit !== undefined) set.time_limit = options.timeLimit;
        if (options.mipRelGap !== undefined) set.mip_rel_gap = options.mipRelGap;
        model.options.set(set);
        const dims = model.getDimensions();
        const names: string[] = [];
        for (let i = 0; i < dims.numCols; i++) names.push(model.getColName(i));
        if (options.start) {
          const start = options.start;
          model.setSolution({ colValue: names.map((n) => start[n] ?? 0) });
        }
        model.run();
        const code = model.getModelStatus();
        const statusName =
          Object.entries(highs.constants.modelStatus).find(([, v]) => v === code)?.[0] ?? String(code);
        const primal = Number(model.info.get('primal_solution_status'));
        const feasible = primal === 2; // kSolutionStatusFeasible
        const values: Record<string, number> = {};
        let objective: number | null = null;
        if (feasible) {
          const sol = model.getSolution();
          names.forEach((n, i) => {
            values[n] = sol.colValue[i] ?? 0;
          });
          objective = model.getObjectiveValue();
        }
        let dualBound: number | null = null;
        const isMip = lp.includes('\nBinaries') || lp.includes('\nGenerals');
        if (isMip) {
          const b = Number(model.info.get('mip_dual_bound'));
          if (Number.isFinite(b)) dualBound = b;
        } else if (statusName === 'optimal') {
          dualBound = model.getObjectiveValue();
        }
        return { status: statusName, feasible, objective, dualBound, values };
      } finally {
        model.dispose();
      }
    },
  };
}

export interface PlanScheduleOptions {
  tahun?: number;
  method?: ScheduleMethod;
  /** MILP time limit in seconds */
  timeLimit?: number;
  maxMilpPairs?: number;
  weights?: Partial<ScheduleWeights>;
  /** a solver to use instead of HiGHS; null: no MILP (heuristic only) */
  solver?: MilpSolver | null;
  /** re-plan (`schedule --ulang`): the previous plan's sessions; started or announced ones stay */
  sebelumnya?: readonly PreviousSession[];
  /** public holidays instead of date-holidays (tests) */
  holidays?: ReadonlySet<string>;
  /** earliest start date (ISO); default: see `now` */
  mulaiPalingAwal?: string;
  /**
   * the clock, when the caller has one: planning the year already under way then starts
   * tomorrow in `timeZone` (default Asia/Jakarta), never in the past
   */
  now?: Date;
  timeZone?: string;
}

/** Tomorrow in the users' zone when `tahun` is the year under way there; otherwise no limit. */
export function earliestStart(tahun: number, now: Date, timeZone = DEFAULT_TIME_ZONE): string | undefined {
  const today = localDate(now, timeZone);
  if (Number(today.slice(0, 4)) !== tahun) return undefined;
  return addDays(today, 1);
}

/** Plans and schedules the fiscal year's training; `stats.detik` holds the wall time. */
export async function planSchedule(
  data: ProgramData,
  gaps: GapsReport,
  opts: PlanScheduleOptions = {},
): Promise<ScheduleReport> {
  const t0 = performance.now();
  const tahun = resolveTahun(data, opts.tahun);
  const holidays = opts.holidays
    ? applyHolidayCorrections(opts.holidays, data.holidays, tahun)
    : indonesianHolidays(tahun, data.holidays);
  const solver = opts.solver === undefined ? highsSolver(await loadHighs()) : opts.solver;
  const earliest =
    opts.mulaiPalingAwal ?? (opts.now ? earliestStart(tahun, opts.now, opts.timeZone) : undefined);
  const report = planCore(data, gaps, {
    tahun,
    holidays,
    ...(earliest !== undefined ? { mulaiPalingAwal: earliest } : {}),
    ...(solver ? { solver } : {}),
    ...(opts.method ? { method: opts.method } : {}),
    ...(opts.timeLimit !== undefined ? { timeLimit: opts.timeLimit } : {}),
    ...(opts.maxMilpPairs !== undefined ? { maxMilpPairs: opts.maxMilpPairs } : {}),
    ...(opts.weights ? { weights: opts.weights } : {}),
    ...(opts.sebelumnya ? { sebelumnya: opts.sebelumnya } : {}),
  });
  report.stats.detik = (performance.now() - t0) / 1000;
  return report;
}
