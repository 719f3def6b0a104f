/**
 * A re-plan (`schedule --ulang`) keeps sessions that already started; once attendance made their
 * Riwayat Pelatihan rows (`ID Sesi` filled), the same enrolment is both in the history and in the
 * plan. It counts once, as the plan's: these are the history rows left after taking out those made
 * from a kept session (report.ulang.tetap) for one of its participants. The waiting list and the
 * independent checker count JP and training years over them.
 */
import type { ScheduleReport } from './schedule-report.js';
import type { TrainingRecord } from './types.js';

export function historyBesidePlan<T extends Pick<TrainingRecord, 'nip' | 'sesi'>>(
  report: Pick<ScheduleReport, 'sessions'> & Partial<Pick<ScheduleReport, 'ulang'>>,
  trainings: readonly T[],
): readonly T[] {
  const kept = new Set(report.ulang?.tetap ?? []);
  if (!trainings.some((t) => t.sesi !== undefined && kept.has(t.sesi))) return trainings;
  const members = new Map<string, Set<string>>();
  for (const s of report.sessions) if (kept.has(s.id)) members.set(s.id, new Set(s.peserta));
  return trainings.filter((t) => t.sesi === undefined || !members.get(t.sesi)?.has(t.nip));
}
