/**
 * Verified raters at ingestResponse: a form's rating is checked against the Pegawai
 * rows and settings stored in Firestore before it is stored, as the sheet sync checks a sheet
 * row; a rating its rater may not give is quarantined with the reason, never stored.
 */
import { docData, type Harness, ids, STAF, startHarness } from '../harness';

const tenant = 'talawi';
const ASN = '198001012005011001';
const ATASAN = '197501012000031002';
const KABID = '197001011995031001'; // Administrator of the ASN's OPD
const LAIN = '198502142010122002'; // a colleague, no supervisor
const ASESOR = '196801261988101010';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.setMember(tenant, STAF, 'staf');
  const employee = (nip: string, over: object) =>
    h.db.doc(`tenants/${tenant}/employees/${nip}`).set({
      row: 2,
      nip,
      nama: `Pegawai ${nip.slice(-3)}`,
      jenisAsn: 'PNS',
      opd: 'Bappeda',
      jabatan: 'Analis Kebijakan',
      ...over,
    });
  await employee(ASN, { nipAtasan: ATASAN, email: 'asn@talawi.go.id', jenisJabatan: 'Pelaksana' });
  await employee(ATASAN, { jenisJabatan: 'Pengawas' });
  await employee(KABID, { jenisJabatan: 'Administrator' });
  await employee(LAIN, { jenisJabatan: 'Pelaksana' }); // NIP Atasan empty
}, 60_000);
afterAll(() => h.stop());

const rating = (responseId: string, values: Record<string, unknown>) => ({
  sheet: 'Penilaian',
  responseId,
  submittedAt: '2026-04-02T08:15:00',
  values: { NIP: ASN, 'M.01 Integritas': 5, ...values },
});
const post = (body: object) =>
  h
    .call('ingestResponse')
    .post('/')
    .set('Authorization', `Bearer ${h.token(STAF)}`)
    .send({ tenant, ...body });

describe('ingestResponse checks who rated', () => {
  it("stores an Atasan rating from the ASN's NIP Atasan", async () => {
    const res = await post(rating('ok-atasan', { Sumber: 'Atasan', 'NIP Penilai': ATASAN }));
    expect(res.body).toMatchObject({ stored: true, collection: 'assessments', id: 'ok-atasan' });
  });

  it('quarantines an ASN rating themself as Atasan, with the reason', async () => {
    const res = await post(rating('self-atasan', { Sumber: 'Atasan', 'NIP Penilai': ASN }));
    expect(res.body).toMatchObject({ stored: false, quarantined: true, collection: 'quarantine' });
    expect(res.body.errors).toEqual([
      {
        sheet: 'Penilaian',
        column: 'NIP Penilai',
        value: ASN,
        message:
          'Penilaian Atasan tidak boleh diisi pegawai yang dinilai sendiri (NIP Penilai sama dengan NIP)',
      },
    ]);
    expect(await ids(h.db, tenant, 'assessments')).not.toContain('self-atasan');
    expect(await docData(h.db, `tenants/${tenant}/quarantine/${res.body.id}`)).toMatchObject({
      sumber: 'formulir',
      responseId: 'self-atasan',
      errors: [{ column: 'NIP Penilai' }],
    });
  });

  it('quarantines an Atasan rating from someone who is not the NIP Atasan, or without NIP Penilai', async () => {
    const res = await post({
      submissions: [
        rating('kabid', { Sumber: 'Atasan', 'NIP Penilai': KABID }),
        rating('tanpa', { Sumber: 'Atasan' }),
        // LAIN has no NIP Atasan: only a higher structural official of Bappeda may rate them
        rating('rekan', { NIP: LAIN, Sumber: 'Atasan', 'NIP Penilai': ASN }),
        rating('kabid-lain', { NIP: LAIN, Sumber: 'Atasan', 'NIP Penilai': KABID }),
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { stored: boolean }) => r.stored)).toEqual([false, false, false, true]);
    const messages = res.body.results.map((r: { errors?: { message: string }[] }) => r.errors?.[0]?.message);
    expect(messages[0]).toBe(
      `NIP Penilai (${KABID}) bukan NIP Atasan pegawai ini di lembar Pegawai (${ATASAN})`,
    );
    expect(messages[1]).toBe('Penilaian Atasan harus mencantumkan NIP Penilai (NIP atasan langsung pegawai)');
    expect(messages[2]).toMatch(/^NIP Atasan pegawai ini kosong di lembar Pegawai, dan penilai/);
    expect(await ids(h.db, tenant, 'assessments')).toEqual(['kabid-lain', 'ok-atasan']);
  });

  it("checks a self-rating's respondent email against Pegawai", async () => {
    const res = await post({
      submissions: [
        rating('diri-ok', { Sumber: 'Diri', 'Email Penilai': 'ASN@talawi.go.id ' }),
        rating('diri-lain', { Sumber: 'Diri', 'Email Penilai': 'orang.lain@talawi.go.id' }),
      ],
    });
    expect(res.body.results.map((r: { stored: boolean }) => r.stored)).toEqual([true, false]);
    expect(res.body.results[1].errors[0]).toMatchObject({
      column: 'Email Penilai',
      value: 'orang.lain@talawi.go.id',
    });
  });

  it('takes an Asesmen from a form only from an assessor listed in Pengaturan', async () => {
    const before = await post(rating('asesmen-1', { Sumber: 'Asesmen', 'NIP Penilai': ASESOR }));
    expect(before.body).toMatchObject({ stored: false, quarantined: true });
    expect(before.body.errors[0].message).toMatch(/hanya diterima dari asesor yang tercantum di Pengaturan/);
    await h.db
      .doc(`tenants/${tenant}/settings/pengaturan`)
      .set({ targetJp: 20, bobot: { Asesmen: 0.5, Atasan: 0.3, Diri: 0.2 }, asesor: [ASESOR] });
    const after = await post(rating('asesmen-2', { Sumber: 'Asesmen', 'NIP Penilai': ASESOR }));
    expect(after.body).toMatchObject({ stored: true, id: 'asesmen-2' });
  });
});
