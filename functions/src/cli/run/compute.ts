/**
 * `bangkom run`, compute step: every result of the cycle from the validated data.
 * gaps -> jp -> ikm -> evaluate -> leaders' summary -> schedule (a failed schedule is reported,
 * not fatal) -> the year's indicators (cycles/{tahun}).
 */
import {
  type AttendanceLoop,
  attendanceLoop,
  buildCycle,
  buildLeaderSummary,
  type CycleDoc,
  completersBySession,
  computeGaps,
  computeIkm,
  computeJp,
  type EvaluationReport,
  evaluate,
  type GapsReport,
  type IkmReport,
  type JpReport,
  type LeaderSummary,
  type PreviousSession,
  type ProgramData,
  resolveTahun,
  resolveTahunJp,
  type ScheduleReport,
} from '@bangkom/core';
import { planSchedule } from '../../adapters/scheduler.js';
import { userMessage } from '../../failure.js';
import { yearIn } from '../../time.js';
import type { CommandContext } from '../context.js';

export interface CycleResults {
  /** the program with the Riwayat rows made from Daftar Hadir in (what every result counts) */
  data: ProgramData;
  /** completion from Daftar Hadir, the Riwayat rows it made, the JP that moved */
  loop: AttendanceLoop;
  tahun: number;
  gaps: GapsReport;
  jp: JpReport;
  ikm: IkmReport;
  evaluation: EvaluationReport;
  summary: LeaderSummary;
  schedule: ScheduleReport | undefined;
  /** why no schedule was planned, Bahasa Indonesia */
  scheduleError: string | undefined;
  /** the schedule is the previous run's, reused for the same input (reuse.ts) */
  scheduleReused: boolean;
  /** the stored schedule the re-plan kept its fixed sessions from (empty: none, or reused) */
  sebelumnya: readonly PreviousSession[];
  /** the year's indicators kept in cycles/{tahun} */
  cycle: CycleDoc;
}

/** The plan's year and the JP year of a run (the same rules as `bangkom schedule` and `bangkom jp`). */
export function cycleYears(ctx: CommandContext, input: ProgramData): { tahun: number; tahunJp: number } {
  const currentYear = yearIn(ctx.startedAt);
  return {
    tahun: resolveTahun(input, ctx.options.tahun, currentYear),
    // JP realisation is reported for `Tahun JP` (e.g. 2026) while the plan is for `Tahun` (2027)
    tahunJp: resolveTahunJp(input, ctx.options.tahun, currentYear),
  };
}

/**
 * `reused`: the previous run's schedule for the same run key (reuse.ts), planned again when absent;
 * `sebelumnya`: the schedule of the year stored in Firestore (stored-plan.ts), which the new plan
 * re-plans around (its started and announced sessions stay).
 */
export async function computeCycle(
  ctx: CommandContext,
  input: ProgramData,
  reused?: ScheduleReport,
  sebelumnya: readonly PreviousSession[] = [],
): Promise<CycleResults> {
  const { tahun, tahunJp } = cycleYears(ctx, input);
  const timed = <T>(label: string, fn: () => T): T => {
    const p = ctx.log.progress();
    p.start(label, 0);
    try {
      return fn();
    } finally {
      p.stop();
    }
  };
  // completers of Daftar Hadir become Riwayat rows first: JP and everything after count them
  const loop = timed('Menghitung kehadiran dan riwayat dari Daftar Hadir', () =>
    attendanceLoop(input, tahunJp),
  );
  const { data } = loop;
  const gaps = timed('Menghitung kesenjangan kompetensi', () => computeGaps(data));
  const jp = timed(`Menghitung JP tahun ${tahunJp}`, () => computeJp(data, tahunJp));
  const ikm = timed('Menghitung IKM', () => computeIkm(data.skm));
  const evaluation = timed('Mengevaluasi pelatihan', () =>
    evaluate(data, completersBySession(loop.completion)),
  );
  const summary = buildLeaderSummary(data, gaps, jp, ikm);
  let schedule: ScheduleReport | undefined = reused;
  let scheduleError: string | undefined;
  if (reused) {
    ctx.log.info(
      `Jadwal tahun ${tahun} dipakai ulang dari proses sebelumnya: masukan, tahun dan program sama.`,
    );
  } else {
    const p = ctx.log.progress();
    p.start(`Menyusun jadwal pelatihan tahun ${tahun}`, 0);
    try {
      schedule = await planSchedule(data, gaps, {
        tahun,
        now: ctx.startedAt,
        ...(sebelumnya.length > 0 ? { sebelumnya } : {}),
      });
    } catch (err) {
      // the rest of the cycle stands on its own: report and go on
      scheduleError = userMessage(err);
      ctx.log.info(`Penjadwalan gagal: ${scheduleError}`);
    } finally {
      p.stop();
    }
  }
  const cycle = buildCycle({
    data,
    gaps,
    ikm,
    evaluation,
    summary,
    ...(schedule ? { schedule } : {}),
    dihitung: ctx.startedAt.toISOString(),
  });
  return {
    data,
    loop,
    tahun,
    gaps,
    jp,
    ikm,
    evaluation,
    summary,
    schedule,
    scheduleError,
    scheduleReused: reused !== undefined,
    sebelumnya: reused ? [] : sebelumnya,
    cycle,
  };
}
