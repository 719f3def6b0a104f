/**
 * `bangkom run`, before the schedule: the schedule of the year that the previous run stored in
 * this run's Firestore (the local store of the in-process emulator, an emulator, or Firestore,
 * where "Hitung & Sinkronkan" stores its own), so the re-plan keeps its started and announced
 * sessions. The target opened for it is handed on to the write step, never opened twice.
 * A Firestore that cannot be reached or read leaves the run as it was before re-planning: planned
 * from scratch, said so, and the write step reports the failure.
 */
import type { PreviousSession } from '@bangkom/core';
import { createStore } from '../../adapters/firestore.js';
import type { FirestoreTarget } from '../../adapters/firestore-target.js';
import { probeFirestore } from '../../adapters/firestore-target.js';
import { storedPlan } from '../../adapters/previous-plan.js';
import { userMessage } from '../../failure.js';
import type { CommandContext } from '../context.js';
import { num } from '../format.js';
import { openTarget } from './write.js';

export interface OpenedPlan {
  /** the opened Firestore, for the write step; undefined when it could not be used */
  target: FirestoreTarget | undefined;
  sebelumnya: PreviousSession[];
}

export async function openStoredPlan(
  ctx: CommandContext,
  tenant: string,
  tahun: number,
): Promise<OpenedPlan> {
  let target: FirestoreTarget | undefined;
  try {
    target = await openTarget(ctx, undefined);
    await probeFirestore(target, `tenants/${tenant}`);
    const plan = await storedPlan(createStore(target.db, tenant, target.reader), tahun);
    for (const bad of plan.invalid) ctx.log.info(`Sesi tersimpan ${bad.id} dilewati: ${bad.message}`);
    if (plan.sessions.length > 0)
      ctx.log.info(
        `Jadwal ${tahun} yang tersimpan (${num(plan.sessions.length)} sesi) disusun ulang: sesi yang sudah dimulai atau diumumkan tetap.`,
      );
    return { target, sebelumnya: plan.sessions };
  } catch (err) {
    await target?.close().catch(() => undefined);
    ctx.log.info(
      `Jadwal tersimpan tidak dapat dibaca (${userMessage(err)}); jadwal disusun tanpa jadwal sebelumnya.`,
    );
    return { target: undefined, sebelumnya: [] };
  }
}
