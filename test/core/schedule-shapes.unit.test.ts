/**
 * The scheduler's records keep one shape (the same fields in the same order) whether a plan from
 * scratch or a re-plan made them (instance.ts `instanceWith`): a copy with other fields or another
 * order gets another hidden class, and the code optimised on plans was thrown away on re-plans.
 */
import { planSchedule } from '@bangkom/core';
import { compactOpen } from '../../core/src/schedule/compact';
import { buildInstance, type Instance } from '../../core/src/schedule/instance';
import { fixPrevious, mergeKept } from '../../core/src/schedule/replan';
import { fillSeats } from '../../core/src/schedule/seats';
import { prepare, selectAt } from '../../core/src/schedule/selection';
import { evaluate } from '../../core/src/schedule/timetable';
import { warmStart } from '../../core/src/schedule/warm-start';
import { generateInstance, rng, rsvpRows } from './schedule-fixtures';

describe('record shapes of plans and re-plans', () => {
  const { data, gaps, holidays } = generateInstance({ seed: 11, asn: 300, courses: 12, opds: 4, rooms: 2 });
  const first = planSchedule(data, gaps, { holidays });
  // the first half of the sessions announced, a tenth of their invitees decline
  const attendance = rsvpRows(first.sessions.slice(0, Math.ceil(first.sessions.length / 2)), 0.1, rng(11));
  const declined = { ...data, attendance };
  const scratch = buildInstance(data, gaps, { holidays });
  const full = buildInstance(declined, gaps, { holidays, sebelumnya: first.sessions });
  const part = fixPrevious(full, declined, first.sessions, undefined);
  const kept = new Set(part.kept.map((k) => k.session.id));
  const open: Instance = {
    ...part.reduced,
    warm: warmStart(full, first.sessions, kept),
  };
  const compact = compactOpen(open).inst;
  const plan = (inst: Instance) => fillSeats(inst, evaluate(inst, selectAt(inst, prepare(inst), 0).chosen));
  const keys = (x: object) => Object.keys(x).join(',');

  it('gives every Instance the fields of a plan from scratch, in its order', () => {
    expect(part.kept.length).toBeGreaterThan(0);
    expect(keys(part.reduced)).toBe(keys(scratch));
    expect(keys(compact)).toBe(keys(scratch));
    expect(part.reduced.blocked).toBeDefined();
    expect(scratch.blocked).toBeUndefined();
  });

  it('gives the ASN and courses a re-plan changes the fields buildInstance gives', () => {
    const changed = part.reduced.asn.filter((a, e) => a !== full.asn[e]);
    expect(changed.length).toBeGreaterThan(0);
    const asnKeys = keys(scratch.asn[0] as object);
    for (const a of [...changed, ...compact.asn]) expect(keys(a)).toBe(asnKeys);
    const courseKeys = keys(scratch.courses[0] as object);
    for (const c of part.reduced.courses) expect(keys(c)).toBe(courseKeys);
  });

  it('gives kept, warm, new and seat-filled sessions one set of fields', () => {
    const fresh = plan(scratch).tt.placed;
    const again = plan(compact);
    const merged = mergeKept(part, {
      ...again,
      tt: { ...again.tt, placed: again.tt.placed.map((p) => ({ ...p, members: [] })) },
      chosen: part.reduced.asn.map(() => []),
    });
    const placedKeys = keys(fresh[0] as object);
    const all = [...fresh, ...again.tt.placed, ...(compact.blocked?.sessions ?? [])];
    expect(all.some((p) => p.fixed)).toBe(true);
    expect(all.some((p) => p.warm)).toBe(true);
    for (const p of all) expect(keys(p)).toBe(placedKeys);
    for (const p of merged.tt.placed) if (p.fixed) expect(keys(p)).toBe(placedKeys);
  });
});
