/**
 * `bangkom run`, workbook step: the leaders' summary workbook (aggregates only) and the staff's
 * planning workbook (per-person sheets, personal data), both inside --out (default `out`).
 */
import { rename, rm } from 'node:fs/promises';
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

/** The staff's workbook, written ahead under a temporary name (prepareStaffWorkbook). */
export interface PreparedStaffWorkbook {
  /** puts it in place (rename) and says what it holds; throws what building it threw */
  commit(): Promise<WrittenWorkbooks['staff']>;
  /** removes the temporary file when it was not put in place */
  discard(): Promise<void>;
}

function staffInput(tenant: string, data: ProgramData, results: CycleResults, generatedAt: Date) {
  // per-person sheets (NIP, names, individual plans) only in the staff's workbook
  const counts = results.schedule ? replanCounts(results.schedule) : null;
  return {
    generatedAt,
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
  };
}

/**
 * Writes the staff's workbook now, under a temporary name beside its place, to be put in place
 * when the run gets to its workbooks (writeWorkbooks). It does not depend on the stored cycles,
 * and it is the larger of the two: at 50,000 ASN its exceljs model and the writing of it take
 * about 0,9 GB, which done before the Firestore write no longer adds to the emulator's state
 * (about 0,6 GB), the run's peak. A failure to build it is kept and thrown by commit(), where
 * it would have been thrown before: the run fails the same way, after its data is written.
 */
export async function prepareStaffWorkbook(
  ctx: CommandContext,
  tenant: string,
  data: ProgramData,
  results: CycleResults,
): Promise<PreparedStaffWorkbook> {
  const path = join(outDir(ctx), STAFF_FILE);
  const temp = `${path}.${process.pid}.tmp`;
  const step = ctx.log.progress();
  step.start('Menulis rencana staf', 0);
  let written: Promise<WrittenWorkbooks['staff']>;
  try {
    const staff = await writeStaffWorkbook(temp, staffInput(tenant, data, results, ctx.startedAt));
    written = Promise.resolve({ ...staff, path });
  } catch (err) {
    written = Promise.reject(err);
    written.catch(() => undefined); // thrown by commit(), if the run gets that far
  } finally {
    step.stop();
  }
  let placed = false;
  return {
    async commit() {
      const staff = await written;
      await rename(temp, path);
      placed = true;
      return staff;
    },
    async discard() {
      if (!placed) await rm(temp, { force: true });
    },
  };
}

export async function writeWorkbooks(
  ctx: CommandContext,
  tenant: string,
  data: ProgramData,
  results: CycleResults,
  /** every cycle kept in Firestore (this one included), oldest first: the trend */
  cycles: CycleDoc[],
  /** the staff's workbook, when it was written ahead (prepareStaffWorkbook) */
  prepared?: PreparedStaffWorkbook,
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
    const staff = prepared
      ? await prepared.commit()
      : await writeStaffWorkbook(join(dir, STAFF_FILE), staffInput(tenant, data, results, ctx.startedAt));
    return { summary, staff };
  } finally {
    step.stop();
  }
}
