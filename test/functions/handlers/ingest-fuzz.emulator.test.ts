/**
 * 1.000 generated submissions (fast-check, fixed seed) through ingestResponse as served by the
 * Functions Framework, in batches and alone: valid ones, invalid answers, malformed shapes,
 * replays and edits of the same response, ids Firestore would refuse, keys that differ only by
 * spaces. Every submission ends up exactly one of: stored, quarantined with its reasons, or
 * superseded by a later version of itself. None is lost, and nothing else is written.
 */
import { FORM_SHEETS } from '@bangkom/core';
import fc from 'fast-check';
import { type Harness, STAF_LAIN, startHarness } from '../harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

/** A tenant of its own (padang's staff), so every document in it is this test's. */
const TENANT = 'padang';
const NIPS = [
  '198001012005011001',
  '198502022010012002',
  '199003032021212003',
  '198001012005011001',
  '12345',
  '',
];

const responseId = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 250 }).map((n) => `r${n}`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('..', '_..', '.', '__x__', ' r1 ', '', '😀'.repeat(500), 'a/b~c%'),
  },
  { weight: 1, arbitrary: fc.constantFrom(undefined, 42, null) },
);
const answer = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 1, max: 4 }) },
  fc.integer({ min: -1, max: 6 }),
  fc.constantFrom('3', 'tiga', '', '#N/A', '\u0001', null, true),
  fc.array(fc.constantFrom('a', 'b', 1), { maxLength: 3 }),
);
const nip = fc.constantFrom(...NIPS);
const extraKeys = fc.dictionary(
  fc.constantFrom('Catatan', 'Catatan ', ' Catatan', 'NIP ', 'Saran', '__proto__x'),
  answer,
  {
    maxKeys: 3,
  },
);

/** Answers for each sheet (the matching sheet most of the time, another one sometimes). */
const bySheet: [string, fc.Arbitrary<Record<string, unknown>>][] = [
  [
    'Penilaian',
    fc.record({
      NIP: nip,
      Sumber: fc.constantFrom('Diri', 'Atasan', 'Rekan', 'Asesmen', 'x'),
      'M.01 Integritas': answer,
      '[M.02] Kerjasama': answer,
    }),
  ],
  [
    'Evaluasi Reaksi',
    fc.record({ 'ID Sesi': fc.constantFrom('S1', 'S2', ''), NIP: nip, R1: answer, R2: answer }),
  ],
  ['Tes', fc.record({ 'ID Sesi': fc.constantFrom('S1', 'S2'), NIP: nip, Pre: answer, Post: answer })],
  [
    'SKM',
    fc.record({
      'Unit Layanan': fc.constantFrom('Puskesmas', 'RSUD', ''),
      Periode: fc.constantFrom('2026-S1', '2026-S2'),
      U1: answer,
      U2: answer,
      U3: answer,
    }),
  ],
];
const sheetAndValues = fc.oneof(
  ...bySheet.map(([sheet, v]) => ({ weight: 4, arbitrary: v.map((values) => ({ sheet, values })) })),
  {
    weight: 1,
    arbitrary: fc.record({
      sheet: fc.oneof(fc.constantFrom(...FORM_SHEETS), fc.constantFrom('Tes Awal', '')),
      values: fc.oneof(...bySheet.map(([, v]) => v)),
    }),
  },
);

const submission = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .record({
        sv: sheetAndValues,
        extra: fc.option(extraKeys, { freq: 3 }),
        responseId,
        timestamp: fc.constantFrom('2026-03-01T02:30:00Z', '2026-03-02T09:00:00+07:00', 'kemarin', undefined),
      })
      .map(({ sv, extra, ...s }) =>
        Object.fromEntries(
          Object.entries({ ...s, sheet: sv.sheet, values: { ...sv.values, ...(extra ?? {}) } }).filter(
            ([, v]) => v !== undefined,
          ),
        ),
      ),
  },
  // shapes that do not fit at all
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.record({
        sheet: fc.constantFrom(...FORM_SHEETS),
        responseId,
        values: fc.constantFrom(null, 'x', [1, 2]),
      }),
      fc.constantFrom({}, { responseId: 'tanpa-lembar' }, { sheet: 'SKM' }),
    ),
  },
);

type Sub = Record<string, unknown>;
interface Result {
  stored: boolean;
  quarantined: boolean;
  collection: string;
  id: string;
}

/** The response a submission is a version of, as the product keys it; undefined: it has none. */
function responseKey(s: Sub): string | undefined {
  const rid = typeof s.responseId === 'string' ? s.responseId.trim() : '';
  const sheet = typeof s.sheet === 'string' ? s.sheet.trim() : '';
  return rid && rid.length <= 500 && (FORM_SHEETS as readonly string[]).includes(sheet)
    ? `${sheet}\u0000${rid}`
    : undefined;
}

it('1.000 submissions: each stored, quarantined with reasons, or superseded; none lost', async () => {
  const subs = fc.sample(submission, { seed: 20261206, numRuns: 1000 }) as Sub[];
  // 20 alone (the form trigger), the rest in batches of up to 249 (the Antrian retry)
  const calls: { subs: Sub[]; batch: boolean }[] = subs
    .slice(0, 20)
    .map((s) => ({ subs: [s], batch: false }));
  for (let i = 20; i < subs.length; i += 245) calls.push({ subs: subs.slice(i, i + 245), batch: true });

  const done: { sub: Sub; result: Result; call: number }[] = [];
  for (const [c, call] of calls.entries()) {
    const body = call.batch
      ? { tenant: TENANT, submissions: call.subs }
      : { tenant: TENANT, ...call.subs[0] };
    const res = await h
      .call('ingestResponse')
      .post('/')
      .set('Authorization', `Bearer ${h.token(STAF_LAIN)}`)
      .send(body);
    expect(res.status).toBe(200);
    const results = (call.batch ? res.body.results : [res.body]) as Result[];
    expect(results).toHaveLength(call.subs.length);
    results.forEach((result, k) => {
      done.push({ sub: call.subs[k] as Sub, result, call: c });
    });
  }
  expect(done).toHaveLength(1000);

  // what a submission writes: nothing when it is a quarantined version that a later version of
  // the same response in the same call replaces (the call stores only the last)
  const path = (r: Result) => `${r.collection}/${r.id}`;
  const writes = done.map((d, i) => {
    const key = responseKey(d.sub);
    return !(
      d.result.quarantined &&
      key !== undefined &&
      done.some((e, j) => j > i && e.call === d.call && responseKey(e.sub) === key)
    );
  });
  // superseded: it wrote nothing, or a later submission wrote the same document
  const lastWriter = new Map<string, number>();
  for (const [i, d] of done.entries()) if (writes[i]) lastWriter.set(path(d.result), i);
  const superseded = done.map((d, i) => lastWriter.get(path(d.result)) !== i);

  const kept = new Map<string, number>();
  for (const [i, d] of done.entries()) if (!superseded[i]) kept.set(path(d.result), i);
  // what the tenant holds is exactly the kept submissions: none lost, none merged, nothing extra
  const stored = new Map<string, Record<string, unknown>>();
  for (const c of new Set([...done.map((d) => d.result.collection), 'quarantine', 'assessments', 'skm'])) {
    for (const d of (await h.db.collection(`tenants/${TENANT}/${c}`).get()).docs)
      stored.set(`${c}/${d.id}`, d.data());
  }
  expect([...stored.keys()].sort()).toEqual([...kept.keys()].sort());

  let nStored = 0;
  let nQuarantined = 0;
  for (const [p, i] of kept) {
    const { sub, result } = done[i] as (typeof done)[number];
    const data = stored.get(p) ?? {};
    if (result.quarantined) {
      nQuarantined++;
      const errors = data.errors as { message?: unknown }[];
      expect(errors.length).toBeGreaterThan(0);
      for (const e of errors) expect(typeof e.message).toBe('string');
      // every answer is kept, keys that differ only by spaces included
      if (sub.values !== null && typeof sub.values === 'object' && !Array.isArray(sub.values)) {
        expect(Object.keys(data.values as object)).toHaveLength(Object.keys(sub.values).length);
      }
    } else {
      nStored++;
      expect(result.stored).toBe(true);
      expect(data.responseId).toBe(String(sub.responseId).trim());
    }
  }
  const nSuperseded = superseded.filter(Boolean).length;
  expect(nStored + nQuarantined + nSuperseded).toBe(1000);
  // the sample exercises all three outcomes
  expect(Math.min(nStored, nQuarantined, nSuperseded)).toBeGreaterThan(20);
}, 120_000);
