/**
 * ingestResponse under concurrency: calls arriving together share commits (the
 * WriteCoalescer), yet each submission is stored once, a replay is stored once, each call
 * keeps its own run document, and a failed commit answers 5xx to every caller in it (so
 * Apps Script keeps the submission in its Antrian and retries).
 */
import { http } from '@google-cloud/functions-framework';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import type { Firestore, WriteBatch } from 'firebase-admin/firestore';
import supertest from 'supertest';
import { WriteCoalescer } from '../../../functions/src/adapters/firestore';
import { loadConfig } from '../../../functions/src/config';
import { ingestResponse } from '../../../functions/src/handlers/ingest-response';
import { createDeps } from '../../../functions/src/runtime';
import { CLIENT_ID, docData, type Harness, ids, PROJECT, STAF, startHarness } from '../harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

const NIP = '198001012005011001';

/** What the spy saw: the paths of each commit, and whether it succeeded. */
interface Commit {
  paths: string[];
  ok: boolean;
}

/**
 * ingestResponse registered under its own name, with a coalescer over a Firestore whose
 * batches are watched (and, when `fail` is set, whose commits fail as when Firestore is down).
 */
function instrumented(
  name: string,
  opts: {
    fail?: boolean | ((paths: readonly string[]) => boolean);
    maxWrites?: number;
    maxDelayMs?: number;
  } = {},
) {
  const commits: Commit[] = [];
  const db = h.db;
  const spyDb = {
    doc: (path: string) => db.doc(path),
    batch(): WriteBatch {
      const inner = db.batch();
      const paths: string[] = [];
      const spy = {
        set(ref: FirebaseFirestore.DocumentReference, data: FirebaseFirestore.DocumentData) {
          paths.push(ref.path);
          inner.set(ref, data);
          return spy;
        },
        delete(ref: FirebaseFirestore.DocumentReference) {
          paths.push(ref.path);
          inner.delete(ref);
          return spy;
        },
        async commit() {
          if (typeof opts.fail === 'function' ? opts.fail(paths) : opts.fail) {
            commits.push({ paths, ok: false });
            throw Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14 });
          }
          const result = await inner.commit();
          commits.push({ paths, ok: true });
          return result;
        },
      };
      return spy as unknown as WriteBatch;
    },
  } as unknown as Firestore;
  const deps = {
    ...createDeps(
      loadConfig({
        GOOGLE_CLOUD_PROJECT: PROJECT,
        FIRESTORE_EMULATOR_HOST: h.emulator.address,
        BANGKOM_OAUTH_CLIENT_ID: CLIENT_ID,
        BANGKOM_CERTS_URL: h.issuer.certsUrl,
        BANGKOM_MEMBER_CACHE_SECONDS: '0',
      }),
    ),
    // a batch seals when full (maxWrites) or after maxDelayMs: a test that sets maxWrites to
    // what its concurrent calls write together sees them meet in one commit, whatever the timing
    writer: new WriteCoalescer(spyDb, {
      ...(opts.maxWrites === undefined ? {} : { maxWrites: opts.maxWrites }),
      maxDelayMs: opts.maxDelayMs ?? 20,
    }),
  };
  http(name, ingestResponse(deps));
  const agent = supertest.agent(getTestServer(name));
  const post = (body: object) =>
    agent
      .post('/')
      .set('Authorization', `Bearer ${h.token(STAF)}`)
      .send({ tenant: 'sawahlunto', ...body });
  return { commits, post };
}

const assessment = (responseId: string, m01: number) => ({
  sheet: 'Penilaian',
  responseId,
  timestamp: '2026-03-01T02:30:00Z',
  values: { NIP, Sumber: 'Diri', 'M.01 Integritas': m01 },
});

describe('ingestResponse with coalesced commits', () => {
  it('stores each of many concurrent submissions once, in shared commits, each call audited', async () => {
    const n = 40;
    // each call writes its record and its run document
    // the delay is far longer than the test: only the full batch (maxWrites) seals it, so the
    // one-commit expectation holds however slowly a loaded machine delivers the 40 calls
    const { commits, post } = instrumented('ingestCoalesced', { maxWrites: 2 * n, maxDelayMs: 600_000 });
    const answers = await Promise.all(
      Array.from({ length: n }, (_, i) => post(assessment(`co-${i}`, (i % 5) + 1))),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(n).fill(200));
    const stored = (await ids(h.db, 'sawahlunto', 'assessments')).filter((id) => id.startsWith('co-'));
    expect(stored).toHaveLength(n);
    for (const [i, a] of answers.entries()) {
      expect(a.body).toMatchObject({ stored: true, id: `co-${i}` });
      expect(await docData(h.db, `tenants/sawahlunto/assessments/co-${i}`)).toMatchObject({
        ratings: { 'M.01': (i % 5) + 1 },
      });
      expect(await docData(h.db, `tenants/sawahlunto/runs/${a.body.runId}`)).toMatchObject({
        kind: 'ingestResponse',
        counts: { assessments: 1 },
      });
    }
    expect(new Set(answers.map((a) => a.body.runId)).size).toBe(n);
    // shared: one commit for all; whole: a call's record and run doc together
    expect(commits).toHaveLength(1);
    for (const [i, a] of answers.entries()) {
      const holding = commits.filter((c) => c.paths.includes(`tenants/sawahlunto/assessments/co-${i}`));
      expect(holding).toHaveLength(1);
      expect(holding[0]?.paths).toContain(`tenants/sawahlunto/runs/${a.body.runId}`);
    }
  });

  it('stores a replay arriving in the same moment once, never twice in one commit', async () => {
    const { commits, post } = instrumented('ingestCoalescedReplay');
    const body = assessment('co-replay', 4);
    const answers = await Promise.all([post(body), post(body), post(assessment('co-other', 2)), post(body)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect((await ids(h.db, 'sawahlunto', 'assessments')).filter((id) => id === 'co-replay')).toHaveLength(1);
    for (const c of commits) expect(new Set(c.paths).size).toBe(c.paths.length);
    // the three replays are three commits of the same document (the same content each time)
    const replayCommits = commits.filter((c) => c.paths.includes('tenants/sawahlunto/assessments/co-replay'));
    expect(replayCommits).toHaveLength(3);
    expect(await docData(h.db, 'tenants/sawahlunto/assessments/co-replay')).toMatchObject({
      ratings: { 'M.01': 4 },
    });
  });

  it('stores a submission repeated inside one batch call once; the later answer wins', async () => {
    const { commits, post } = instrumented('ingestCoalescedBatchReplay');
    const res = await post({
      submissions: [
        assessment('co-dup', 2),
        { ...assessment('co-dup', 9) }, // an edit that is invalid: quarantined
        assessment('co-dup', 5), // edited again, valid: stored, and never quarantined
        assessment('co-dup-2', 1),
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { stored: boolean }) => r.stored)).toEqual([true, false, true, true]);
    expect(await docData(h.db, 'tenants/sawahlunto/assessments/co-dup')).toMatchObject({
      ratings: { 'M.01': 5 },
    });
    expect(await docData(h.db, 'tenants/sawahlunto/quarantine/formulir~Penilaian~co-dup')).toBeUndefined();
    expect(commits).toHaveLength(1);
    const paths = commits[0]?.paths ?? [];
    expect(new Set(paths).size).toBe(paths.length);
    // the two records and the run document: the invalid middle version was superseded in the call
    expect(paths.filter((p) => !p.includes('/runs/')).sort()).toEqual([
      'tenants/sawahlunto/assessments/co-dup',
      'tenants/sawahlunto/assessments/co-dup-2',
    ]);
  });

  it('a call whose commit failed still leaves its run document (status gagal), written on its own', async () => {
    // Firestore refuses the commit holding the record, then takes the audit document
    const { commits, post } = instrumented('ingestCoalescedAudit', {
      fail: (paths) => paths.some((p) => p.includes('/assessments/')),
    });
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const res = await post(assessment('co-audit', 3));
      expect(res.status).toBe(500);
      expect(res.body.error).toBe(
        'Terjadi galat pada server; coba lagi nanti. Rinciannya tercatat di log layanan.',
      );
      expect(res.body.error).not.toMatch(/UNAVAILABLE/); // internal details stay in the log
      expect(await docData(h.db, 'tenants/sawahlunto/assessments/co-audit')).toBeUndefined();
      expect(await docData(h.db, `tenants/sawahlunto/runs/${res.body.runId}`)).toMatchObject({
        kind: 'ingestResponse',
        status: 'gagal',
        counts: {},
        errorCount: 1,
      });
      expect(commits.map((c) => c.ok)).toEqual([false, true]);
    } finally {
      quiet.mockRestore();
    }
  });

  it('answers 5xx to every caller of a failed commit, and stores nothing', async () => {
    const { commits, post } = instrumented('ingestCoalescedDown', {
      fail: true,
      maxWrites: 15,
      maxDelayMs: 200,
    });
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const answers = await Promise.all(
        Array.from({ length: 5 }, (_, i) => post(assessment(`co-down-${i}`, 3))),
      );
      for (const a of answers) {
        expect(a.status).toBe(500);
        expect(a.body.error).toMatch(/Terjadi galat pada server/);
        expect(a.body.stored).toBeUndefined();
      }
      // the five calls met in one commit, which failed; so did the failed runs' audit commit
      const first = commits.filter((c) => c.paths.some((p) => p.includes('/assessments/co-down-')));
      expect(first).toHaveLength(1);
      expect(first[0]?.paths.filter((p) => p.includes('/assessments/co-down-'))).toHaveLength(5);
      expect(commits.every((c) => !c.ok)).toBe(true);
      const stored = (await ids(h.db, 'sawahlunto', 'assessments')).filter((id) => id.startsWith('co-down-'));
      expect(stored).toEqual([]);
    } finally {
      quiet.mockRestore();
    }
  });

  it('drops undefined fields (nested too) and stores documents without any as they are', async () => {
    const writer = new WriteCoalescer(h.db, { maxDelayMs: 1 });
    const clean = { a: 1, list: [1, 'x', null], map: { b: 'y', d: new Date(Date.UTC(2026, 0, 2)) } };
    const before = JSON.stringify(clean);
    await Promise.all([
      writer.write([{ path: 'tenants/sawahlunto/scratch/clean', data: clean }]),
      writer.write([
        {
          path: 'tenants/sawahlunto/scratch/holey',
          data: { a: 1, gone: undefined, list: [1, undefined], map: { b: undefined, c: 2 } },
        },
      ]),
    ]);
    expect(JSON.stringify(clean)).toBe(before);
    expect(await docData(h.db, 'tenants/sawahlunto/scratch/clean')).toEqual({
      a: 1,
      list: [1, 'x', null],
      map: { b: 'y', d: expect.objectContaining({ seconds: Date.UTC(2026, 0, 2) / 1000 }) },
    });
    expect(await docData(h.db, 'tenants/sawahlunto/scratch/holey')).toEqual({
      a: 1,
      list: [1, null],
      map: { c: 2 },
    });
  });
});
