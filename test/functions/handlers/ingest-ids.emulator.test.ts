/**
 * Ids and keys from what a respondent sent: a response id that makes an id Firestore would
 * refuse (too long, `..`) is stored under a safe id without taking a shared commit down, and a
 * quarantined answer keeps every key, also keys that differ only by spaces.
 */
import { docIdProblem } from '@bangkom/core';
import { WriteCoalescer } from '../../../functions/src/adapters/firestore';
import { InvalidDocIdError } from '../../../functions/src/adapters/firestore-sync';
import { docData, type Harness, ids, STAF, startHarness } from '../harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

const NIP = '198001012005011001';
const post = (body: object) =>
  h
    .call('ingestResponse')
    .post('/')
    .set('Authorization', `Bearer ${h.token(STAF)}`)
    .send(body);

const penilaian = (responseId: string, values: Record<string, unknown>) => ({
  sheet: 'Penilaian',
  responseId,
  timestamp: '2026-03-01T02:30:00Z',
  values,
});

it('response ids that would make ids Firestore refuses are stored under safe, distinct ids', async () => {
  const long = '😀'.repeat(500); // 2,000 bytes, within the 500 characters a response id may have
  const responseIds = [long, `${'😀'.repeat(499)}😁`, '..', '_..', '.', '__rahasia__'];
  const res = await post({
    tenant: 'sawahlunto',
    submissions: [
      ...responseIds.map((r) => penilaian(r, { NIP, Sumber: 'Diri', 'M.01 Integritas': 4 })),
      // and the same ids in quarantine (an invalid answer)
      ...responseIds.map((r) => penilaian(r, { NIP, Sumber: 'Diri', 'M.01 Integritas': 9 })),
    ],
  });
  expect(res.status).toBe(200);
  const results = res.body.results as { stored: boolean; id: string; collection: string }[];
  // the later (invalid) version of each response wins in one call, and is quarantined
  expect(results).toHaveLength(12);
  const stored = await ids(h.db, 'sawahlunto', 'assessments');
  const quarantined = await ids(h.db, 'sawahlunto', 'quarantine');
  for (const r of results) {
    expect(docIdProblem(r.id)).toBeUndefined();
    expect(r.collection === 'assessments' ? stored : quarantined).toContain(r.id);
  }
  const quarantineIds = results.filter((r) => r.collection === 'quarantine').map((r) => r.id);
  expect(new Set(quarantineIds).size).toBe(responseIds.length);
});

it('a quarantined answer keeps every key, keys that differ only by spaces included', async () => {
  const values = {
    NIP,
    'NIP ': '199001012023212001',
    ' NIP': 'bukan nip',
    Sumber: 'Diri',
    'Sumber ': 'Atasan',
    'M.01 Integritas': 4,
    'M.01  Integritas': 5,
  };
  const res = await post({ tenant: 'sawahlunto', ...penilaian('spasi-1', values) });
  expect(res.status).toBe(200);
  expect(res.body.quarantined).toBe(true);
  const messages = (res.body.errors as { message: string }[]).map((e) => e.message).join('\n');
  expect(messages).toMatch(/muncul lebih dari sekali|sama-sama/);
  const doc = await docData(h.db, `tenants/sawahlunto/quarantine/${res.body.id}`);
  const kept = doc?.values as Record<string, unknown>;
  expect(Object.keys(kept)).toHaveLength(7);
  expect(Object.values(kept).sort()).toEqual(
    [NIP, '199001012023212001', 'bukan nip', 'Diri', 'Atasan', 4, 5].sort(),
  );
});

it('an id Firestore would refuse is turned away alone, before it shares a commit', async () => {
  const writer = new WriteCoalescer(h.db, { maxDelayMs: 20 });
  const good = writer.write([{ path: 'tenants/sawahlunto/runs/baik-1', data: { ok: true } }]);
  const bad = writer.write([{ path: 'tenants/sawahlunto/runs/..', data: { ok: false } }]);
  const reserved = writer.write([{ path: 'tenants/sawahlunto/runs/__x__', data: { ok: false } }]);
  await expect(bad).rejects.toBeInstanceOf(InvalidDocIdError);
  await expect(reserved).rejects.toThrow(/dicadangkan Firestore/);
  await expect(good).resolves.toBeUndefined();
  expect(await docData(h.db, 'tenants/sawahlunto/runs/baik-1')).toEqual({ ok: true });
});
