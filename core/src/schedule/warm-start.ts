/**
 * Re-plan stability: the sessions of the previous plan that are not kept (neither started nor
 * announced) are open, but a re-plan should not move people for nothing. The timetable therefore
 * first tries each of them again, for the members who still take that course, on its previous
 * start day (timetable.ts `place` with a preferred start); only what no longer fits there is
 * placed anew. This only orders the timetable's choices: every constraint is checked as for any
 * other session, and the selection and its proven bound do not depend on it.
 */

import { asnIndex, type Instance } from './instance.js';
import type { PreviousSession } from './replan.js';

/** An open session of the previous plan: its course, start day (index into days) and members. */
export interface WarmSession {
  /** its id in the previous plan: the session keeps it when it stays on that day (assembly.ts) */
  id: string;
  course: number;
  start: number;
  /** its room (index into rooms; −1: none, or no longer listed) */
  room: number;
  /**
   * its trainer (index into limits.trainers; −1: none, or no longer listed): asked first when the
   * session stays on its day, so a re-plan does not swap trainers for nothing
   */
  trainer: number;
  members: ReadonlySet<number>;
}

/** The previous plan's sessions other than `kept`, on days and courses of this instance. */
export function warmStart(
  inst: Instance,
  previous: readonly PreviousSession[],
  kept: ReadonlySet<string>,
): WarmSession[] {
  const courseOf = new Map(inst.courses.map((course, c) => [course.catalog.kode, c] as const));
  const dayOf = new Map(inst.days.map((day, d) => [day, d] as const));
  const asnOf = asnIndex(inst.asn);
  const out: WarmSession[] = [];
  for (const s of previous) {
    if (kept.has(s.id)) continue;
    const course = courseOf.get(s.kode);
    const start = dayOf.get(s.mulai);
    if (course === undefined || start === undefined) continue;
    const members = new Set(s.peserta.flatMap((nip) => asnOf.get(nip) ?? []));
    const room = s.ruang ? inst.rooms.findIndex((r) => r.nama === s.ruang) : -1;
    const trainer = s.pengajar ? inst.limits.trainers.findIndex((t) => t.nama === s.pengajar) : -1;
    if (members.size > 0) out.push({ id: s.id, course, start, room, trainer, members });
  }
  // in date order within a course, as the timetable numbers sessions
  return out.sort((a, b) => a.course - b.course || a.start - b.start);
}
