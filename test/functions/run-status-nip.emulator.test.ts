/**
 * runStatus is readable by `pimpinan`; a run document keeps sample errors whose cell values
 * include NIPs (the duplicate-NIP row of a sync, a bad NIP) and a message that can quote one.
 * Leaders never see a NIP in what it returns; the sample errors are returned to nobody.
 */
import { docIdProblem } from '@bangkom/core';
import { type Harness, PIMPINAN, STAF, startHarness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

const NIP = '198001012005011001';
const RUN_ID = '20261206-233000000-abcdef12';

beforeAll(async () => {
  expect(docIdProblem(RUN_ID)).toBeUndefined();
  await h.db.doc(`tenants/sawahlunto/runs/${RUN_ID}`).set({
    runId: RUN_ID,
    kind: 'runCycle',
    caller: STAF,
    tenant: 'sawahlunto',
    startedAt: '2026-12-06T23:30:00.000Z',
    finishedAt: '2026-12-06T23:31:00.000Z',
    inputChecksum: 'x',
    status: 'gagal',
    counts: {},
    errorCount: 2,
    errors: [
      { sheet: 'Pegawai', row: 7, column: 'NIP', value: NIP, message: `NIP ganda: sudah ada di baris 3` },
      { sheet: 'Penilaian', row: 9, column: 'NIP Penilai', value: NIP, message: 'bukan atasan' },
    ],
    message: `Baris pegawai ${NIP} tidak dapat diproses.`,
    hasil: { sync: { errors: 2 }, catatan: `NIP ${NIP}`, nip: NIP, [NIP]: 1 },
  });
});

async function status(email: string) {
  const res = await h
    .call('runStatus')
    .post('/')
    .set('Authorization', `Bearer ${h.token(email)}`)
    .send({ tenant: 'sawahlunto', runId: RUN_ID });
  expect(res.status).toBe(200);
  return res;
}

it('a pimpinan reads the run without any NIP, and without the sample errors', async () => {
  const res = await status(PIMPINAN);
  expect(res.text).not.toContain(NIP);
  expect(res.body).not.toHaveProperty('errors');
  expect(res.body.message).toBe('Baris pegawai [NIP disembunyikan] tidak dapat diproses.');
  expect(res.body.hasil).toEqual({
    sync: { errors: 2 },
    catatan: 'NIP [NIP disembunyikan]',
    '[NIP disembunyikan]': 1,
  });
  expect(res.body).toMatchObject({ status: 'gagal', errorCount: 2 });
});

it('staff read the message as written (they keep the data), still without the sample errors', async () => {
  const res = await status(STAF);
  expect(res.body.message).toContain(NIP);
  expect(res.body).not.toHaveProperty('errors');
});
