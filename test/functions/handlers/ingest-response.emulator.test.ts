import { createHash } from 'node:crypto';
import { createStore } from '../../../functions/src/adapters/firestore';
import { supersededFormQuarantine } from '../../../functions/src/handlers/form-quarantine';
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

const penilaian = (responseId: string, values: Record<string, unknown>, extra: object = {}) => ({
  tenant: 'sawahlunto',
  sheet: 'Penilaian',
  responseId,
  timestamp: '2026-03-01T02:30:00Z',
  values,
  ...extra,
});

describe('ingestResponse', () => {
  it('stores a valid assessment under its response id, with a run document', async () => {
    const body = penilaian('r-valid', { NIP, Sumber: 'Diri', 'M.01 Integritas': 4, '[M.02] Kerjasama': '3' });
    const res = await post(body);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      stored: true,
      quarantined: false,
      collection: 'assessments',
      id: 'r-valid',
    });

    const doc = await docData(h.db, 'tenants/sawahlunto/assessments/r-valid');
    expect(doc).toMatchObject({
      nip: NIP,
      sumber: 'Diri',
      idRespons: 'r-valid',
      responseId: 'r-valid',
      ratings: { 'M.01': 4, 'M.02': 3 },
      // 02:30 UTC is 09:30 in Asia/Jakarta, the sheet's wall-clock time
      waktu: '2026-03-01T09:30:00',
      row: 0,
    });
    const run = await docData(h.db, `tenants/sawahlunto/runs/${res.body.runId}`);
    expect(run).toMatchObject({
      kind: 'ingestResponse',
      caller: STAF,
      tenant: 'sawahlunto',
      status: 'selesai',
      counts: { assessments: 1 },
      errorCount: 0,
    });
    // the checksum of the request body as it was sent (supertest sends JSON.stringify(body))
    expect(run?.inputChecksum).toBe(createHash('sha256').update(JSON.stringify(body)).digest('hex'));
    expect(Date.parse(String(run?.finishedAt))).toBeGreaterThanOrEqual(Date.parse(String(run?.startedAt)));
  });

  it('stores a replayed submission once', async () => {
    const body = penilaian('r-replay', {
      NIP,
      Sumber: 'Atasan',
      'NIP Penilai': '198502142010122002',
      'M.01': 3,
    });
    const before = (await ids(h.db, 'sawahlunto', 'assessments')).length;
    const answers = await Promise.all([post(body), post(body), post(body)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(new Set(answers.map((a) => a.body.id))).toEqual(new Set(['r-replay']));
    expect((await ids(h.db, 'sawahlunto', 'assessments')).length).toBe(before + 1);
    // each call is audited
    const runIds = new Set(answers.map((a) => a.body.runId as string));
    expect(runIds.size).toBe(3);
    for (const id of runIds) {
      expect(await docData(h.db, `tenants/sawahlunto/runs/${id}`)).toMatchObject({
        kind: 'ingestResponse',
        caller: STAF,
        tenant: 'sawahlunto',
        status: 'selesai',
        errorCount: 0,
      });
    }
  });

  it('quarantines an invalid submission with its reasons and answers 200', async () => {
    const res = await post(penilaian('r-bad', { NIP: '12345', Sumber: 'Teman', 'M.01': 7 }));
    expect(res.status).toBe(200);
    expect(res.body.stored).toBe(false);
    expect(res.body.quarantined).toBe(true);
    const columns = (res.body.errors as { column: string; message: string }[]).map((e) => e.column).sort();
    expect(columns).toEqual(['M.01', 'NIP', 'Sumber']);
    for (const e of res.body.errors as { message: string }[]) expect(e.message.length).toBeGreaterThan(5);

    expect(await ids(h.db, 'sawahlunto', 'assessments')).not.toContain('r-bad');
    const q = await docData(h.db, `tenants/sawahlunto/quarantine/${res.body.id}`);
    expect(q).toMatchObject({
      sumber: 'formulir',
      sheet: 'Penilaian',
      responseId: 'r-bad',
      values: { NIP: '12345', 'M.01': 7 },
    });
    expect(q?.errors).toHaveLength(3);
    const run = await docData(h.db, `tenants/sawahlunto/runs/${res.body.runId}`);
    expect(run).toMatchObject({ status: 'selesai dengan galat', errorCount: 3, counts: { quarantine: 1 } });
  });

  it('quarantines a submission whose timestamp is an impossible instant (no 500)', async () => {
    const res = await post(
      penilaian('r-bad-time', { NIP, Sumber: 'Diri', 'M.01': 3 }, { timestamp: '2026-03-01T25:00:00Z' }),
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ stored: false, quarantined: true });
    expect((res.body.errors as { column: string }[]).map((e) => e.column)).toEqual(['Waktu']);
    expect(await docData(h.db, `tenants/sawahlunto/quarantine/${res.body.id}`)).toMatchObject({
      responseId: 'r-bad-time',
      timestamp: '2026-03-01T25:00:00Z',
    });
  });

  it('an edited response that becomes valid is stored, and supersedes its quarantine entry', async () => {
    const bad = await post(penilaian('r-edit', { NIP, Sumber: 'Diri', 'M.01': 9 }));
    expect(bad.body.quarantined).toBe(true);
    const quarantined = {
      sumber: 'formulir',
      sheet: 'Penilaian',
      responseId: 'r-edit',
      values: { 'M.01': 9 },
      errors: [{ sheet: 'Penilaian', column: 'M.01' }],
    };
    expect(await docData(h.db, `tenants/sawahlunto/quarantine/${bad.body.id}`)).toMatchObject(quarantined);
    const store = createStore(h.db, 'sawahlunto');
    expect(await supersededFormQuarantine(store)).not.toContain(bad.body.id);

    const good = await post(penilaian('r-edit', { NIP, Sumber: 'Diri', 'M.01': 2 }));
    expect(good.body.stored).toBe(true);
    expect(await docData(h.db, 'tenants/sawahlunto/assessments/r-edit')).toMatchObject({
      ratings: { 'M.01': 2 },
    });
    // the entry stays until a sync settles it (one write per submission, no blind delete)
    expect(await docData(h.db, `tenants/sawahlunto/quarantine/${bad.body.id}`)).toMatchObject(quarantined);
    expect(await supersededFormQuarantine(store)).toContain(bad.body.id);

    // edited again, invalid: the later version is in quarantine, and it is not superseded
    await new Promise((r) => setTimeout(r, 2)); // a later update time than the record's
    const worse = await post(penilaian('r-edit', { NIP, Sumber: 'Diri', 'M.01': 7 }));
    expect(worse.body.quarantined).toBe(true);
    expect(await supersededFormQuarantine(store)).not.toContain(bad.body.id);
  });

  it('finds superseded entries beyond one query of 30 response ids', async () => {
    const sub = (i: number, m01: number) => ({
      sheet: 'Penilaian',
      responseId: `many-${i}`,
      values: { NIP, Sumber: 'Diri', 'M.01': m01 },
    });
    const ids70 = Array.from({ length: 70 }, (_, i) => i);
    const bad = await post({ tenant: 'sawahlunto', submissions: ids70.map((i) => sub(i, 9)) });
    expect(bad.body.quarantined).toBe(70);
    await new Promise((r) => setTimeout(r, 2));
    const fixed = ids70.filter((i) => i % 7 !== 0); // 60 fixed, 10 still wrong
    expect((await post({ tenant: 'sawahlunto', submissions: fixed.map((i) => sub(i, 3)) })).body.stored).toBe(
      60,
    );
    const superseded = await supersededFormQuarantine(createStore(h.db, 'sawahlunto'));
    const many = [...superseded].filter((id) => id.startsWith('formulir~Penilaian~many-'));
    expect(many.sort()).toEqual(fixed.map((i) => `formulir~Penilaian~many-${i}`).sort());
  });

  it('takes the Apps Script body as it sends it (submittedAt, extra fields)', async () => {
    const res = await post({
      kind: 'penilaian',
      responseId: 'abc123-atasan',
      sourceId: 'abc123',
      submittedAt: '2026-04-02T08:15:00',
      tenant: 'sawahlunto',
      sheet: 'Penilaian',
      responseSheet: 'Respons Penilaian Atasan',
      form: 'atasan',
      values: { NIP, Sumber: 'Atasan', 'NIP Penilai': '198502142010122002', 'M.03 Komunikasi': 5 },
      valid: true,
      errors: [],
    });
    expect(res.status).toBe(200);
    expect(await docData(h.db, 'tenants/sawahlunto/assessments/abc123-atasan')).toMatchObject({
      waktu: '2026-04-02T08:15:00',
      nipPenilai: '198502142010122002',
      ratings: { 'M.03': 5 },
    });
  });

  it('stores SKM respondents apart and evaluation answers under their natural key', async () => {
    const skm = (responseId: string) => ({
      tenant: 'sawahlunto',
      sheet: 'SKM',
      responseId,
      values: {
        'Unit Layanan': 'Puskesmas Talawi',
        Periode: '2026-S1',
        U1: 4,
        U2: 3,
        U3: 3,
        U4: 4,
        U5: 3,
        U6: 3,
        U7: 4,
        U8: 4,
        U9: null,
      },
    });
    for (const id of ['skm-1', 'skm-2', 'skm-1']) expect((await post(skm(id))).body.stored).toBe(true);
    expect(await ids(h.db, 'sawahlunto', 'skm')).toEqual(['formulir~skm-1', 'formulir~skm-2']);

    const reaksi = (responseId: string, r1: number) => ({
      tenant: 'sawahlunto',
      sheet: 'Evaluasi Reaksi',
      responseId,
      values: { 'ID Sesi': 'S-01', NIP, R1: r1, R2: 3 },
    });
    await post(reaksi('re-1', 2));
    await post(reaksi('re-2', 4)); // the same participant answering again: the later answer wins
    expect(await ids(h.db, 'sawahlunto', 'reactions')).toEqual([`S-01~${NIP}`]);
    expect(await docData(h.db, `tenants/sawahlunto/reactions/S-01~${NIP}`)).toMatchObject({
      answers: [4, 3],
    });
  });

  it('takes a batch: each submission stored or quarantined on its own, one run document', async () => {
    await post(penilaian('b-fixed', { NIP, Sumber: 'Diri', 'M.01': 8 })); // quarantined first
    const res = await post({
      tenant: 'sawahlunto',
      submissions: [
        { sheet: 'Penilaian', responseId: 'b-1', values: { NIP, Sumber: 'Diri', 'M.05': 3 } },
        { sheet: 'Penilaian', responseId: 'b-fixed', values: { NIP, Sumber: 'Diri', 'M.01': 3 } },
        { sheet: 'Tes', responseId: 'b-2', values: { 'ID Sesi': 'S-02', NIP, Pre: 120, Post: 80 } },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.stored).toBe(2);
    expect(res.body.quarantined).toBe(1);
    expect(
      res.body.results.map((r: { responseId: string; stored: boolean }) => [r.responseId, r.stored]),
    ).toEqual([
      ['b-1', true],
      ['b-fixed', true],
      ['b-2', false],
    ]);
    expect(await docData(h.db, 'tenants/sawahlunto/assessments/b-1')).toMatchObject({
      ratings: { 'M.05': 3 },
    });
    // quarantined by the earlier call, superseded by this one
    expect(await supersededFormQuarantine(createStore(h.db, 'sawahlunto'))).toContain(
      'formulir~Penilaian~b-fixed',
    );
    expect(await docData(h.db, 'tenants/sawahlunto/quarantine/formulir~Tes~b-2')).toMatchObject({
      sheet: 'Tes',
    });
    const run = await docData(h.db, `tenants/sawahlunto/runs/${res.body.runId}`);
    expect(run).toMatchObject({ counts: { assessments: 2, quarantine: 1 }, status: 'selesai dengan galat' });
    const runErrors = (run?.errors ?? []) as { responseId: string }[];
    expect(runErrors[0]?.responseId).toBe('b-2');
  });

  it('quarantines a submission whose shape does not fit, with its reasons, and keeps the rest of its batch', async () => {
    const res = await post({
      tenant: 'sawahlunto',
      submissions: [
        { sheet: 'Penilaian', responseId: 'shape-ok', values: { NIP, Sumber: 'Diri', 'M.01': 3 } },
        { sheet: 'Pegawai', values: { NIP } }, // not a form sheet, no response id
        { sheet: 'Penilaian', responseId: 'shape-bad', values: { NIP, 'M.01': { nested: true } } },
        'bukan objek',
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ stored: 1, quarantined: 3 });
    const [ok, pegawai, nested, text] = res.body.results as {
      stored: boolean;
      id: string;
      errors?: { column: string; message: string }[];
    }[];
    expect(ok?.stored).toBe(true);
    expect(pegawai?.errors?.map((e) => e.column).sort()).toEqual(['responseId', 'sheet']);
    expect(nested?.errors?.map((e) => e.column)).toEqual(['values.M.01']);
    expect(text?.errors?.[0]?.column).toBe('(respons)');
    // zod's own messages are in Bahasa Indonesia too (staff read them in quarantine)
    for (const e of [...(nested?.errors ?? []), ...(text?.errors ?? [])])
      expect(e.message).toMatch(/tidak valid/i);
    // kept whole: the offending answer as text (Firestore takes no nested values in a list)
    expect(await docData(h.db, `tenants/sawahlunto/quarantine/${nested?.id}`)).toMatchObject({
      sumber: 'formulir',
      sheet: 'Penilaian',
      responseId: 'shape-bad',
      values: { NIP, 'M.01': '{"nested":true}' },
    });
    expect(await docData(h.db, `tenants/sawahlunto/quarantine/${text?.id}`)).toMatchObject({
      values: { '(isi)': 'bukan objek' },
    });
    // a replay is the same document
    const again = await post({ tenant: 'sawahlunto', sheet: 'Pegawai', values: { NIP } });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(pegawai?.id);

    // the same response, sent again with a valid shape, supersedes its quarantine entry
    await new Promise((r) => setTimeout(r, 2));
    await post(penilaian('shape-bad', { NIP, Sumber: 'Diri', 'M.01': 4 }));
    expect(await supersededFormQuarantine(createStore(h.db, 'sawahlunto'))).toContain(nested?.id);
  });

  it('a malformed version followed by a valid one of the same response in one call is not quarantined', async () => {
    const res = await post({
      tenant: 'sawahlunto',
      submissions: [
        { sheet: 'Penilaian', responseId: 'mix-1', values: { NIP, Sumber: 'Diri', 'M.01': { salah: 1 } } },
        { sheet: 'Penilaian', responseId: 'mix-1', values: { NIP, Sumber: 'Diri', 'M.01': 4 } },
      ],
    });
    expect(res.status).toBe(200);
    const [bad, good] = res.body.results as { stored: boolean; id: string }[];
    expect([bad?.stored, good?.stored]).toEqual([false, true]);
    expect(await docData(h.db, `tenants/sawahlunto/quarantine/${bad?.id}`)).toBeUndefined();
    expect(await docData(h.db, 'tenants/sawahlunto/assessments/mix-1')).toMatchObject({
      ratings: { 'M.01': 4 },
    });
  });

  it('keeps an outsized invalid answer in quarantine as text Firestore accepts', async () => {
    // the longest list the request guard lets through (MAX_ITEMS): far past what a field indexes
    const values = { 'Unit Layanan': 'Puskesmas', Periode: '2026-S1', U1: Array(10_000).fill(1) };
    const res = await post({ tenant: 'sawahlunto', sheet: 'SKM', responseId: 'big-1', values });
    expect(res.status).toBe(200);
    expect(res.body.quarantined).toBe(true);
    const doc = await docData(h.db, `tenants/sawahlunto/quarantine/${res.body.id}`);
    const u1 = (doc?.values as { U1?: unknown } | undefined)?.U1;
    expect(typeof u1).toBe('string');
    expect(JSON.parse(String(u1))).toHaveLength(10_000);
  });

  it('takes a grid answer (rows of choices) as one cell of text', async () => {
    const res = await post({
      tenant: 'sawahlunto',
      sheet: 'Preferensi',
      responseId: 'grid-1',
      values: { NIP, Bulan: [['Maret', 'Juli'], ['Agustus']], Moda: 'Daring' },
    });
    expect(res.status).toBe(200);
    // "Maret, Juli; Agustus" reaches the core as the sheet would hold it, and is read as months
    expect(res.body).toMatchObject({ stored: true, collection: 'preferences' });
    expect(await docData(h.db, `tenants/sawahlunto/preferences/${res.body.id}`)).toMatchObject({
      bulan: [3, 7, 8],
      moda: 'Daring',
    });
  });

  it('refuses a batch larger than 249 with a reason', async () => {
    const submissions = Array.from({ length: 250 }, (_, i) => ({
      sheet: 'SKM',
      responseId: `x${i}`,
      values: {},
    }));
    const res = await post({ tenant: 'sawahlunto', submissions });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([
      { field: 'submissions', message: 'paling banyak 249 respons per panggilan' },
    ]);
    // nothing stored, but the refusal is audited in the caller's tenant
    expect(await ids(h.db, 'sawahlunto', 'skm')).not.toContain('formulir~x0');
    expect(await docData(h.db, `tenants/sawahlunto/runs/${res.body.runId}`)).toMatchObject({
      kind: 'ingestResponse',
      caller: STAF,
      status: 'gagal',
      errorCount: 1,
      message: 'Isi permintaan tidak sah.',
      errors: [{ details: [{ field: 'submissions' }] }],
    });
  });
});
