/** Stage 3: empty seats of placed sessions go to ASN who gain from them. */
import type { Room } from '../types.js';
import { type AsnModel, asnObjective, type CourseModel, type Instance } from './instance.js';
import { opdIndex } from './kept-mix.js';
import { Ledger } from './limits.js';
import { declinedAt } from './replan.js';
import { RUPIAH_TOLERANCE, SessionBudget } from './session-cost.js';
import { busyDays, type Candidate, type Placed, placedWith, planObjective } from './timetable.js';

/**
 * Local search on a timetabled plan: seats left empty in placed sessions (Kapasitas, and the
 * room's seats) go to eligible ASN who gain from the course, have the OPD's Pagu left for it and
 * are free on those days, stay within `Batas JP per ASN` and `Maks Pegawai OPD Bersamaan`, best gain first. Sessions, rooms and dates stay as they are, so only
 * seats, budget, overlap and the year's days need checking; the objective never decreases.
 */
export function fillSeats(inst: Instance, candidate: Candidate): Candidate {
  const dayCount = inst.days.length;
  const chosen = candidate.chosen.map((courses) => [...courses]);
  const { of: busyOf, peek: busyPeek } = busyDays(inst);
  const daysUsed = new Int32Array(inst.asn.length);
  // JP planned per ASN, against its `Batas JP per ASN` (AsnModel.jpLimit)
  const jpUsed = new Float64Array(inst.asn.length);
  for (let e = 0; e < inst.asn.length; e++)
    jpUsed[e] = (chosen[e] ?? []).reduce((sum, c) => sum + (inst.courses[c]?.catalog.jp ?? 0), 0);
  for (const p of candidate.tt.placed) {
    const hari = (inst.courses[p.course] as CourseModel).hari;
    for (const e of p.members) {
      const days = busyOf(e);
      for (let d = p.start; d < p.start + hari; d++) days[d] = 1;
      daysUsed[e] = (daysUsed[e] as number) + hari;
    }
  }
  // course -> ASN for whom it addresses an open need (eligible), in ASN order
  const eligibleOf: number[][] = inst.courses.map(() => []);
  inst.asn.forEach((asn, e) => {
    for (const c of asn.eligible) eligibleOf[c]?.push(e);
  });
  const { of: opdOf, names: opdNames } = opdIndex(inst.asn, inst.opds);
  // per OPD: the session (index into placed) it was last checked for, and whether it passed
  const checkedFor = new Int32Array(opdNames.length).fill(-1);
  const passed = new Uint8Array(opdNames.length);
  const current = inst.asn.map((asn, e) => asnObjective(inst, asn, chosen[e] ?? []));
  // per course and ASN, the priorities of its needs the course develops (made on first use)
  const develops: (Set<string> | undefined)[] = [];
  const needValue = new Map<number, Map<number, number>>();
  const needValueOf = (e: number, c: number): number => {
    let byAsn = needValue.get(c);
    if (!byAsn) {
      byAsn = new Map();
      needValue.set(c, byAsn);
    }
    let value = byAsn.get(e);
    if (value === undefined) {
      const kompetensi = develops[c] ?? new Set((inst.courses[c] as CourseModel).catalog.kompetensi);
      develops[c] = kompetensi;
      value = 0;
      for (const need of (inst.asn[e] as AsnModel).needs)
        if (kompetensi.has(need.kode)) value += need.prioritas;
      byAsn.set(e, value);
    }
    return value;
  };
  const weights = inst.weights;
  const placed = candidate.tt.placed.map((p) => placedWith(p, [...p.members]));
  const ledger = Ledger.withKept(inst, placed);
  // each OPD's real spending, `Biaya per Angkatan` shared pro rata (session-cost.ts)
  const budget = new SessionBudget(inst, placed);
  const affordable = (e: number, p: Placed) =>
    budget.joinCost(e, p) <= -budget.over((inst.asn[e] as AsnModel).opd) + RUPIAH_TOLERANCE;
  let added = 0;
  for (let s = 0; s < placed.length; s++) {
    const p = placed[s] as Placed;
    const course = inst.courses[p.course] as CourseModel;
    const seats = Math.min(
      course.catalog.kapasitas,
      p.room >= 0 ? (inst.rooms[p.room] as Room).kapasitas : course.catalog.kapasitas,
    );
    const kept = p.fixed?.kept ?? 0;
    if (p.members.length + kept >= seats) continue;
    const gains: { e: number; gain: number }[] = [];
    for (const e of eligibleOf[p.course] ?? []) {
      // what a joiner's OPD would pay (SessionBudget.joinCost) and `Maks Pegawai OPD Bersamaan`
      // (Ledger.canJoin) depend on the OPD and the session only: checked once per OPD, for its
      // first eligible ASN
      const opd = opdOf[e] as number;
      if (checkedFor[opd] !== s) {
        checkedFor[opd] = s;
        passed[opd] = affordable(e, p) && ledger.canJoin(e, p) ? 1 : 0;
      }
      if (passed[opd] === 0) continue;
      // the cheap checks first: every one must pass, so their order changes nothing
      const asn = inst.asn[e] as AsnModel;
      if ((daysUsed[e] as number) + course.hari > dayCount) continue;
      if ((jpUsed[e] as number) + course.catalog.jp > asn.jpLimit) continue;
      const days = busyPeek(e);
      if (days) {
        let free = true;
        for (let d = p.start; d < p.start + course.hari; d++)
          if (days[d]) {
            free = false;
            break;
          }
        if (!free) continue;
      }
      const mine = chosen[e] as number[];
      if (mine.includes(p.course) || declinedAt(inst, e, p.course, p.start, course.hari)) continue;
      // what joining could gain at most: the needs it develops (some may be covered already),
      // the 20-JP bonus when it reaches the target, the equity bonus of a first course
      const jp = jpUsed[e] as number;
      const most =
        needValueOf(e, p.course) +
        (asn.jpToTarget > 0 && jp < asn.jpToTarget && jp + course.catalog.jp >= asn.jpToTarget
          ? weights.targetJp
          : 0) +
        (mine.length === 0 && asn.equity ? weights.ekuitas : 0) -
        weights.biaya * course.catalog.biaya;
      if (most <= 0.5e-9) continue;
      const gain = asnObjective(inst, asn, [...mine, p.course]) - (current[e] as number);
      if (gain > 1e-9) gains.push({ e, gain });
    }
    // a total order (ties by ASN), so the order the candidates were met in does not matter
    gains.sort((x, y) => y.gain - x.gain || x.e - y.e);
    for (const { e, gain } of gains) {
      if (p.members.length + kept >= seats) break;
      if (!affordable(e, p) || !ledger.canJoin(e, p)) continue;
      ledger.join(e, p);
      budget.join(e, p);
      p.members.push(e);
      (chosen[e] as number[]).push(p.course);
      (chosen[e] as number[]).sort((x, y) => x - y);
      current[e] = (current[e] as number) + gain;
      daysUsed[e] = (daysUsed[e] as number) + course.hari;
      jpUsed[e] = (jpUsed[e] as number) + course.catalog.jp;
      const days = busyOf(e);
      for (let d = p.start; d < p.start + course.hari; d++) days[d] = 1;
      added++;
    }
  }
  if (added === 0) return candidate;
  const dropped = candidate.tt.dropped.filter((d) => !(chosen[d.asn] ?? []).includes(d.course));
  const objective = planObjective(inst, placed, chosen);
  return { tt: { placed, dropped }, chosen, objective, roomPrice: candidate.roomPrice };
}
