import { putSpreadsheet } from '../../../functions/src/adapters/auth';
import { type Harness, ids, PIMPINAN, SPREADSHEET_ID, STAF, STAF_LAIN, startHarness } from '../harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

const NIP = '198001012005011001';
const submission = (tenant = 'sawahlunto', responseId = 'resp-auth-1') => ({
  tenant,
  sheet: 'Penilaian',
  responseId,
  timestamp: '2026-03-01T02:30:00Z',
  values: { NIP, Sumber: 'Diri', 'M.01 Integritas': 4 },
});

async function nothingWritten(tenant = 'sawahlunto') {
  expect(await ids(h.db, tenant, 'assessments')).toEqual([]);
  expect(await ids(h.db, tenant, 'runs')).toEqual([]);
  expect(await ids(h.db, tenant, 'quarantine')).toEqual([]);
}

describe('who may call', () => {
  it('health answers without a token', async () => {
    const res = await h.call('health').get('/');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', layanan: 'bangkom' });
  });

  it.each([
    ['no token', () => undefined],
    ['not a bearer token', () => 'Basic dXNlcjpwYXNz'],
    ['garbage', () => 'Bearer abc.def.ghi'],
    [
      'a bad signature',
      () =>
        `Bearer ${h.issuer.sign({ email: STAF, aud: 'bangkom-test.apps.googleusercontent.com' }, { privateKey: h.issuer.strangerKey() })}`,
    ],
    [
      'an unknown key id',
      () =>
        `Bearer ${h.issuer.sign({ email: STAF, aud: 'bangkom-test.apps.googleusercontent.com' }, { kid: 'lain' })}`,
    ],
    [
      'an expired token',
      () =>
        `Bearer ${h.token(STAF, { iat: Math.floor(Date.now() / 1000) - 7200, exp: Math.floor(Date.now() / 1000) - 3600 })}`,
    ],
    ['a wrong audience', () => `Bearer ${h.token(STAF, { aud: 'other-client.apps.googleusercontent.com' })}`],
    ['a wrong issuer', () => `Bearer ${h.token(STAF, { iss: 'https://evil.example.com' })}`],
    ['an unverified email', () => `Bearer ${h.token(STAF, { email_verified: false })}`],
  ])('401 and nothing written for %s', async (_what, auth) => {
    const req = h.call('ingestResponse').post('/').send(submission());
    const header = auth();
    const res = await (header ? req.set('Authorization', header) : req);
    expect(res.status).toBe(401);
    expect(typeof res.body.error).toBe('string');
    await nothingWritten();
  });

  it('403 for an email that is not a member of the tenant', async () => {
    const res = await h
      .call('ingestResponse')
      .post('/')
      .set('Authorization', `Bearer ${h.token('orang@luar.go.id')}`)
      .send(submission());
    expect(res.status).toBe(403);
    expect(res.body.error).toMatch(/bukan anggota tenant "sawahlunto"/);
    await nothingWritten();
  });

  it('403 for pimpinan on a write, 200 on the summary', async () => {
    const write = await h
      .call('ingestResponse')
      .post('/')
      .set('Authorization', `Bearer ${h.token(PIMPINAN)}`)
      .send(submission());
    expect(write.status).toBe(403);
    expect(write.body.error).toMatch(/pimpinan hanya boleh membaca/);
    await nothingWritten();

    const read = await h
      .call('readSummary')
      .get('/')
      .query({ tenant: 'sawahlunto' })
      .set('Authorization', `Bearer ${h.token(PIMPINAN)}`);
    expect(read.status).toBe(200);
    expect(read.body.tenant).toBe('sawahlunto');
    // the read is audited
    const runs = await ids(h.db, 'sawahlunto', 'runs');
    expect(runs).toHaveLength(1);
    await h.db.doc(`tenants/sawahlunto/runs/${runs[0]}`).delete();
  });

  it('a caller of one tenant can neither write nor read another tenant', async () => {
    await h.db
      .doc('tenants/padang/summary/2026~Seluruh OPD')
      .set({ jenis: 'kota', tahun: 2026, pegawai: 10 });
    const write = await h
      .call('ingestResponse')
      .post('/')
      .set('Authorization', `Bearer ${h.token(STAF)}`)
      .send(submission('padang'));
    expect(write.status).toBe(403);
    expect(await ids(h.db, 'padang', 'assessments')).toEqual([]);
    expect(await ids(h.db, 'padang', 'runs')).toEqual([]);

    const read = await h
      .call('readSummary')
      .post('/')
      .set('Authorization', `Bearer ${h.token(STAF)}`)
      .send({ tenant: 'padang' });
    expect(read.status).toBe(403);
    expect(read.body.ringkasan).toBeUndefined();

    // and the padang staff member reads padang, not sawahlunto
    const own = await h
      .call('readSummary')
      .post('/')
      .set('Authorization', `Bearer ${h.token(STAF_LAIN)}`)
      .send({ tenant: 'padang' });
    expect(own.status).toBe(200);
    expect(own.body.ringkasan).toEqual([{ jenis: 'kota', tahun: 2026, pegawai: 10 }]);
    await nothingWritten('sawahlunto');
  });

  it("a tenant's staff cannot use another tenant's spreadsheet: 403, the sheet is neither read nor written", async () => {
    const before = h.sheets.requests.length;
    const runsBefore = await ids(h.db, 'padang', 'runs');
    for (const target of ['syncWorkbook', 'computeGaps', 'runCycle']) {
      const res = await h
        .call(target)
        .post('/')
        .set('Authorization', `Bearer ${h.token(STAF_LAIN)}`)
        .send({ tenant: 'padang', spreadsheetId: SPREADSHEET_ID }); // sawahlunto's spreadsheet
      expect(res.status).toBe(403);
      expect(res.body.error).toMatch(/tidak terdaftar untuk tenant "padang"/);
    }
    expect(h.sheets.requests).toHaveLength(before);
    expect(await ids(h.db, 'padang', 'runs')).toEqual(runsBefore);
    for (const c of ['employees', 'gaps']) expect(await ids(h.db, 'padang', c)).toEqual([]);

    // once padang's own spreadsheet is registered, padang's staff reach it (the local Sheets
    // server only knows sawahlunto's, so the read itself fails upstream: 502, not 403)
    const own = '1PadangProgramSpreadsheet000000000000000000';
    await putSpreadsheet(h.db, 'padang', own);
    const res = await h
      .call('syncWorkbook')
      .post('/')
      .set('Authorization', `Bearer ${h.token(STAF_LAIN)}`)
      .send({ tenant: 'padang', spreadsheetId: own });
    expect(res.status).not.toBe(403);
    expect(h.sheets.requests.slice(before).some((r) => r.path.includes(own))).toBe(true);
    await h.db.doc(`tenants/padang/runs/${res.body.runId}`).delete();
  });

  it('400 with the reasons for a malformed body, after the token check and before any write', async () => {
    const res = await h
      .call('ingestResponse')
      .post('/')
      .set('Authorization', `Bearer ${h.token(STAF)}`)
      .send({ tenant: 'Sawah Lunto', sheet: 'Pegawai', values: {} });
    expect(res.status).toBe(400);
    const fields = (res.body.details as { field: string }[]).map((d) => d.field).sort();
    // only the envelope turns a call away; the submission's own faults would have been quarantined
    expect(fields).toEqual(['tenant']);
    await nothingWritten();
  });

  const SPREADSHEET = SPREADSHEET_ID;
  /** every function behind a token, with a body it would otherwise accept */
  const targets: [string, 'write' | 'read', (tenant: string) => object][] = [
    ['ingestResponse', 'write', (tenant) => submission(tenant)],
    ['syncWorkbook', 'write', (tenant) => ({ tenant, spreadsheetId: SPREADSHEET })],
    ['computeGaps', 'write', (tenant) => ({ tenant, spreadsheetId: SPREADSHEET })],
    ['scheduleTrainings', 'write', (tenant) => ({ tenant, spreadsheetId: SPREADSHEET })],
    ['summarizeEvaluations', 'write', (tenant) => ({ tenant, spreadsheetId: SPREADSHEET })],
    ['runCycle', 'write', (tenant) => ({ tenant, spreadsheetId: SPREADSHEET })],
    ['readSummary', 'read', (tenant) => ({ tenant })],
  ];
  /** nothing in Firestore (any collection these functions write) and no request to the sheet */
  async function untouched(tenant: string, sheetRequests: number) {
    for (const c of ['runs', 'employees', 'assessments', 'gaps', 'jp', 'sessions', 'evaluations', 'summary'])
      expect(await ids(h.db, tenant, c)).toEqual([]);
    expect(h.sheets.requests).toHaveLength(sheetRequests);
  }

  it.each(targets)(
    '%s: 401 without a token, 401 for a wrong audience; nothing read or written',
    async (target, _a, body) => {
      const before = h.sheets.requests.length;
      const none = await h.call(target).post('/').send(body('sawahlunto'));
      expect(none.status).toBe(401);
      expect(none.body.error).toMatch(/token/i);
      const wrongAud = await h
        .call(target)
        .post('/')
        .set('Authorization', `Bearer ${h.token(STAF, { aud: 'other-client.apps.googleusercontent.com' })}`)
        .send(body('sawahlunto'));
      expect(wrongAud.status).toBe(401);
      await untouched('sawahlunto', before);
    },
  );

  it.each(targets)(
    "%s: 403 for another tenant's staff, and for pimpinan on a write",
    async (target, access, body) => {
      const before = h.sheets.requests.length;
      const foreign = await h
        .call(target)
        .post('/')
        .set('Authorization', `Bearer ${h.token(STAF_LAIN)}`)
        .send(body('sawahlunto'));
      expect(foreign.status).toBe(403);
      expect(foreign.body.error).toMatch(/bukan anggota tenant "sawahlunto"/);
      if (access === 'write') {
        const leader = await h
          .call(target)
          .post('/')
          .set('Authorization', `Bearer ${h.token(PIMPINAN)}`)
          .send(body('sawahlunto'));
        expect(leader.status).toBe(403);
        expect(leader.body.error).toMatch(/pimpinan hanya boleh membaca/);
      }
      await untouched('sawahlunto', before);
    },
  );

  it.each(targets)(
    '%s: 400 with the reasons for a malformed tenant, before anything is written',
    async (target, _a, body) => {
      const before = h.sheets.requests.length;
      const res = await h
        .call(target)
        .post('/')
        .set('Authorization', `Bearer ${h.token(STAF)}`)
        .send(body('Sawah Lunto'));
      expect(res.status).toBe(400);
      expect((res.body.details as { field: string }[]).map((d) => d.field)).toContain('tenant');
      await untouched('sawahlunto', before);
    },
  );

  it('405 for a method the function does not take', async () => {
    const res = await h
      .call('ingestResponse')
      .get('/')
      .set('Authorization', `Bearer ${h.token(STAF)}`);
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('POST');
  });
});
