/**
 * `bangkom run`: the whole cycle on a local workbook, one step per module of ../run/:
 *
 *   read + validate  ctx.load()            (../context.ts)
 *   compute          computeCycle          (../run/compute.ts) gaps, JP, IKM, evaluation, summary, schedule
 *   write            writeFirestore        (../run/write.ts) records, results, quarantine, then the
 *                                          workbooks, then the audit and local data;
 *                                          which Firestore and whether it answers: adapters/firestore-target.ts
 *                    writeWorkbooks        (../run/workbooks.ts) leaders' summary and staff workbooks
 *                                          (the staff's written ahead of the Firestore write on a
 *                                          first run of its input, put in place here)
 *   report           runReport             (../run/report.ts) JSON (--json) and text
 *
 * A failed schedule is reported, not fatal. Firestore documents have deterministic ids: a rerun
 * writes only what changed. The in-process emulator's data is saved only after a successful write.
 * A rerun of the same input into the same --out reuses the schedule and leaves unchanged
 * workbooks alone (../run/reuse.ts).
 */
import { DEFAULT_TENANT } from '@bangkom/core';
import { assertTenantId, newRunId } from '../../adapters/firestore.js';
import { earliestStart } from '../../adapters/scheduler.js';
import type { CommandContext, CommandModule, CommandOutcome } from '../context.js';
import { computeCycle, cycleYears } from '../run/compute.js';
import { runReport } from '../run/report.js';
import {
  discardSchedule,
  previousRun,
  recordRun,
  runKey,
  scheduleRecord,
  stageSchedule,
  unchangedStore,
  unchangedWorkbooks,
  workbookKey,
} from '../run/reuse.js';
import { openStoredPlan } from '../run/stored-plan.js';
import { outDir, prepareStaffWorkbook, writeWorkbooks } from '../run/workbooks.js';
import { collectDocs, writeFirestore } from '../run/write.js';

export const command: CommandModule = {
  name: 'run',
  summary: 'jalankan seluruh siklus: periksa, hitung, simpan ke Firestore, tulis ringkasan pimpinan',
  execute: runCycle,
};

async function runCycle(ctx: CommandContext): Promise<CommandOutcome> {
  const tenant = ctx.options.tenant ?? DEFAULT_TENANT;
  assertTenantId(tenant);
  const input = await ctx.load();
  const { quarantine } = input.validation;

  // what the previous run into this --out computed from the same input, if anything (reuse.ts)
  const { tahun, tahunJp } = cycleYears(ctx, input.validation.data);
  const key = runKey({
    checksum: input.checksum,
    tenant,
    tahun,
    tahunJp,
    earliest: earliestStart(tahun, ctx.startedAt) ?? null,
  });
  const previous = await previousRun(outDir(ctx), key);
  // the previous schedule was planned around the stored one: with --fresh (an empty store) it is
  // planned anew; a schedule planned anew re-plans around the one stored (stored-plan.ts)
  const reused = ctx.options.fresh ? undefined : previous.schedule?.report;
  const stored = reused ? { target: undefined, sebelumnya: [] } : await openStoredPlan(ctx, tenant, tahun);

  // the data with the Riwayat rows made from Daftar Hadir (compute.ts): stored and reported as such
  const results = await computeCycle(ctx, input.validation.data, reused, stored.sebelumnya).catch(
    async (err: unknown) => {
      await stored.target?.close();
      throw err;
    },
  );
  const { data } = results;
  // its text written now (to a temporary file) rather than held until the run completes
  const schedule = await stageSchedule(previous, scheduleRecord(previous, results.schedule));

  // no workbooks of this run key on record: both are written. The staff's, the larger, is
  // written now, before the Firestore write fills the emulator's state (workbooks.ts)
  const staff = previous.state?.workbooks
    ? undefined
    : await prepareStaffWorkbook(ctx, tenant, data, results);

  const runAt = ctx.startedAt.toISOString();
  const runId = newRunId(runAt);
  // built only when they are compared with what is stored (not for an unchanged local store)
  const docs = () => collectDocs(data, quarantine, results, runId, runAt);
  // the workbooks are written before the audit says `selesai` (a failure there marks it `gagal`)
  const firestore = await writeFirestore(
    ctx,
    tenant,
    runId,
    input,
    docs,
    async (cycles) => {
      const wbKey = workbookKey(key, schedule, cycles);
      const unchanged = await unchangedWorkbooks(previous, wbKey);
      if (unchanged) ctx.log.info('Buku kerja ringkasan dan rencana tidak berubah: tidak ditulis ulang.');
      const written = unchanged ?? (await writeWorkbooks(ctx, tenant, data, results, cycles, staff));
      return { key: wbKey, written, reused: unchanged !== undefined };
    },
    unchangedStore(previous, results.scheduleReused),
    stored.target,
  )
    .catch(async (err: unknown) => {
      await discardSchedule(schedule);
      throw err;
    })
    .finally(() => staff?.discard());
  const workbooks = firestore.finished.written;
  await recordRun(previous, schedule, firestore.finished, firestore.store);

  return runReport({
    runId,
    tenant,
    input,
    results,
    firestore,
    workbooks,
    reused: { schedule: results.scheduleReused, workbooks: firestore.finished.reused },
    strict: ctx.options.strict,
  });
}
