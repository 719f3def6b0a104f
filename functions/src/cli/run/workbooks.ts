/**
 * `bangkom run`, workbook step: the leaders' summary workbook (aggregates only) and the staff's
 * planning workbook (per-person sheets, personal data), both inside --out (default `out`).
 */
import { join, resolve } from 'node:path';
import {
  type CycleDoc,
  equityYears,
  type ProgramData,
  replanCounts,
  replanRows,
  topicInterest,
  untrainedEmployees,
  waitingList,
} from '@bangkom/core';
import { writeStaffWorkbook } from '../../adapters/staff-workbook.js';
import { writeSummaryWorkbook } from '../../adapters/summary-workbook.js';
import type { CommandContext } from '../context.js';
import type { CycleResults } from './compute.js';

/** The leaders' workbook, inside --out (default `out`). */
export const SUMMARY_FILE = 'ringkasan-pimpinan.xlsx';
/** The staff's planning workbook with the per-person sheets (personal data), inside --out. */
export const STAFF_FILE = 'rencana-bkpsdm.xlsx';

export interface WrittenWorkbooks {
  summary: Awaited<ReturnType<typeof writeSummaryWorkbook>>;
  staff: Awaited<ReturnType<typeof writeStaffWorkbook>>;
}

/** The run's --out folder (default `out`), absolute. */
export function outDir(ctx: CommandContext): string {
  return resolve(ctx.io.cwd, ctx.options.out ?? 'out');
}

export async function writeWorkbooks(
  ctx: CommandContext,
  tenant: string,
  data: ProgramData,
  results: CycleResults,
  /** every cycle kept in Firestore (this one included), oldest first: the trend */
  cycles: CycleDoc[],
): Promise<WrittenWorkbooks> {
  const dir = outDir(ctx);
  const summaryPath = join(dir, SUMMARY_FILE);
  const step = ctx.log.progress();
  step.start('Menulis ringkasan pimpinan', 0);
  try {
    const summary = await writeSummaryWorkbook(summaryPath, {
      summary: results.summary,
      ikm: results.ikm,
      generatedAt: ctx.startedAt,
      tenant,
      ...(results.schedule ? { schedule: results.schedule } : {}),
      cycles,
    });
    // per-person sheets (NIP, names, individual plans) only in the staff's workbook
    const counts = results.schedule ? replanCounts(results.schedule) : null;
    const staff = await writeStaffWorkbook(join(dir, STAFF_FILE), {
      generatedAt: ctx.startedAt,
      tenant,
      ...(results.schedule ? { schedule: results.schedule } : {}),
      ...(results.scheduleError ? { scheduleError: results.scheduleError } : {}),
      equity: {
        tahun: results.summary.tahun,
        tahunJangka: equityYears(data.settings),
        list: untrainedEmployees(
          data.employees,
          data.trainings,
          results.summary.tahun,
          equityYears(data.settings),
        ),
      },
      topics: topicInterest(data),
      ...(results.schedule ? { daftarTunggu: waitingList(results.schedule, data) } : {}),
      ...(results.schedule && counts
        ? {
            perubahan: {
              tahun: results.schedule.tahun,
              counts,
              rows: replanRows(results.schedule, results.sebelumnya, data),
            },
          }
        : {}),
    });
    return { summary, staff };
  } finally {
    step.stop();
  }
}
