/**
 * A batch is only a way of posting: each submission in it gets exactly the result, the stored
 * document and the quarantine entry it gets when posted alone, whatever else shares the call
 * (other sheets, other header orders, invalid neighbours, the same NIP or natural key twice).
 */
import { MAX_BATCH_WRITES } from '../../../functions/src/adapters/firestore';
import { MAX_BATCH } from '../../../functions/src/handlers/schemas';
import { docData, type Harness, ids, STAF, STAF_LAIN, startHarness } from '../harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  // padang keeps its own dictionary: only its codes (and not the default ones) are valid there
  const comp = h.db.collection('tenants/padang/competencies');
  await comp.doc('P.01').set({ kode: 'P.01', nama: 'Pelayanan Nagari', kelompok: 'Teknis' });
  await comp.doc('P.02').set({ kode: 'P.02', nama: 'Adat Salingka', kelompok: 'Sosial Kultural' });
});
afterAll(() => h.stop());

const NIP = '198001012005011001';
const NIP2 = '198502142010122002';

type Sub = { sheet: string; responseId: string; timestamp?: string; values: Record<string, unknown> };

const mixed = (p: string): Sub[] => [
  {
    sheet: 'Penilaian',
    responseId: `${p}a1`,
    timestamp: '2026-03-01T02:30:00Z',
    values: { NIP, Sumber: 'Diri', 'M.01 Integritas': 4, '[M.02] Kerjasama': '3' },
  },
  // the same NIP and Sumber again, other header order and an extra column: stored on its own
  {
    sheet: 'Penilaian',
    responseId: `${p}a2`,
    values: { 'M.03': 5, Catatan: 'ekstra', Sumber: 'Diri', NIP, 'M.01': 2 },
  },
  { sheet: 'Penilaian', responseId: `${p}a3`, values: { NIP: '12345', Sumber: 'Teman', 'M.01': 7 } },
  { sheet: 'Penilaian', responseId: `${p}a4`, values: { NIP: NIP2, Sumber: 'Atasan' } },
  { sheet: 'Penilaian', responseId: `${p}a5`, values: { Sumber: 'Atasan', 'X.99 Entah': 3, NIP: NIP2 } },
  { sheet: 'Evaluasi Reaksi', responseId: `${p}r1`, values: { 'ID Sesi': 'S-01', NIP, R1: 2, R2: 3 } },
  { sheet: 'Evaluasi Reaksi', responseId: `${p}r2`, values: { 'ID Sesi': 'S-01', NIP: NIP2, R1: 9, R2: 3 } },
  { sheet: 'Tes', responseId: `${p}t1`, values: { 'ID Sesi': 'S-02', NIP, Pre: 120, Post: 80 } },
  { sheet: 'Tes', responseId: `${p}t2`, values: { 'ID Sesi': 'S-02', NIP: NIP2, Pre: 60, Post: 80 } },
  {
    sheet: 'SKM',
    responseId: `${p}s1`,
    values: {
      'Unit Layanan': 'Puskesmas',
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
  },
  { sheet: 'SKM', responseId: `${p}s2`, values: { 'Unit Layanan': '', Periode: '2026-S1', U1: 5 } },
  { sheet: 'SKM', responseId: `${p}s3`, values: {} },
];

const post = (email: string, body: object) =>
  h
    .call('ingestResponse')
    .post('/')
    .set('Authorization', `Bearer ${h.token(email)}`)
    .send(body);

/** A stored document without what differs from call to call. */
async function stored(tenant: string, collection: string, id: string) {
  const d = await docData(h.db, `tenants/${tenant}/${collection}/${id}`);
  if (!d) return d;
  const { runId: _r, diterima: _d, ...rest } = d;
  return rest;
}

/** Posts each submission alone, then all of them in one call; both ways must agree. */
async function compare(tenant: string, email: string, subs: (p: string) => Sub[]) {
  const alone: { result: Record<string, unknown>; doc: unknown }[] = [];
  for (const s of subs('x')) {
    const res = await post(email, { tenant, ...s });
    expect(res.status).toBe(200);
    const { runId: _r, ...result } = res.body;
    alone.push({ result, doc: await stored(tenant, result.collection, result.id) });
  }
  const batch = await post(email, { tenant, submissions: subs('y') });
  expect(batch.status).toBe(200);
  const results = batch.body.results as Record<string, unknown>[];
  expect(results).toHaveLength(alone.length);
  // ids and stored docs carry the response id: rename x -> y to compare
  const rename = (v: unknown) =>
    JSON.parse(
      JSON.stringify(v ?? null)
        .replace(/"x(\w\d)/g, '"y$1')
        .replace(/~x(\w\d)/g, '~y$1'),
    );
  const uniqueDocs = new Map<string, number>();
  for (const [i, r] of results.entries()) uniqueDocs.set(`${r.collection}/${r.id}`, i);
  for (const [i, r] of results.entries()) {
    const { responseId, ...rest } = r;
    expect(responseId).toBe(subs('y')[i]?.responseId);
    expect(rest).toEqual(rename(alone[i]?.result));
    // the last submission for a document is what it holds (earlier ones were overwritten)
    if (uniqueDocs.get(`${r.collection}/${r.id}`) === i)
      expect(await stored(tenant, String(r.collection), String(r.id))).toEqual(rename(alone[i]?.doc));
  }
  expect(batch.body.stored).toBe(results.filter((r) => r.stored).length);
  expect(batch.body.quarantined).toBe(results.filter((r) => r.quarantined).length);
  return results;
}

/** What each submission got before the batch path was reworked (pinned: both ways must keep it). */
const PINNED: Record<string, unknown[]> = {
  sawahlunto: [
    { responseId: 'ya1', stored: true, quarantined: false, collection: 'assessments', id: 'ya1' },
    { responseId: 'ya2', stored: true, quarantined: false, collection: 'assessments', id: 'ya2' },
    {
      responseId: 'ya3',
      stored: false,
      quarantined: true,
      collection: 'quarantine',
      id: 'formulir~Penilaian~ya3',
      errors: [
        { sheet: 'Penilaian', column: 'NIP', value: '12345', message: 'NIP harus 18 digit angka' },
        {
          sheet: 'Penilaian',
          column: 'Sumber',
          value: 'Teman',
          message: 'Sumber harus salah satu dari: Diri, Atasan, Asesmen',
        },
        { sheet: 'Penilaian', column: 'M.01', value: 7, message: 'M.01 harus bilangan bulat 1–5' },
      ],
    },
    {
      responseId: 'ya4',
      stored: false,
      quarantined: true,
      collection: 'quarantine',
      id: 'formulir~Penilaian~ya4',
      errors: [
        {
          sheet: 'Penilaian',
          column: '',
          value: null,
          message:
            'Lembar Penilaian tidak punya kolom kompetensi: beri judul kolom dengan kode dari Kamus Kompetensi, mis. "M.01 Integritas"',
        },
      ],
    },
    {
      responseId: 'ya5',
      stored: false,
      quarantined: true,
      collection: 'quarantine',
      id: 'formulir~Penilaian~ya5',
      errors: [
        {
          sheet: 'Penilaian',
          column: '',
          value: null,
          message:
            'Lembar Penilaian tidak punya kolom kompetensi: beri judul kolom dengan kode dari Kamus Kompetensi, mis. "M.01 Integritas"',
        },
        {
          sheet: 'Penilaian',
          column: 'X.99 Entah',
          value: 'X.99 Entah',
          message:
            'Kolom "X.99 Entah" tampak seperti kolom kompetensi, tetapi kode X.99 tidak ada di Kamus Kompetensi',
        },
      ],
    },
    {
      responseId: 'yr1',
      stored: true,
      quarantined: false,
      collection: 'reactions',
      id: 'S-01~198001012005011001',
    },
    {
      responseId: 'yr2',
      stored: false,
      quarantined: true,
      collection: 'quarantine',
      id: 'formulir~Evaluasi Reaksi~yr2',
      errors: [{ sheet: 'Evaluasi Reaksi', column: 'R1', value: 9, message: 'R1 harus bilangan bulat 1–4' }],
    },
    {
      responseId: 'yt1',
      stored: false,
      quarantined: true,
      collection: 'quarantine',
      id: 'formulir~Tes~yt1',
      errors: [
        { sheet: 'Tes', column: 'Pre', value: 120, message: 'Pre harus antara 0 dan Skor Maks (100)' },
      ],
    },
    {
      responseId: 'yt2',
      stored: true,
      quarantined: false,
      collection: 'tests',
      id: 'S-02~198502142010122002',
    },
    { responseId: 'ys1', stored: true, quarantined: false, collection: 'skm', id: 'formulir~ys1' },
    {
      responseId: 'ys2',
      stored: false,
      quarantined: true,
      collection: 'quarantine',
      id: 'formulir~SKM~ys2',
      errors: [
        {
          sheet: 'SKM',
          column: 'U2',
          value: null,
          message: 'Kolom wajib "U2" tidak ditemukan di baris judul (baris 1)',
        },
        {
          sheet: 'SKM',
          column: 'U3',
          value: null,
          message: 'Kolom wajib "U3" tidak ditemukan di baris judul (baris 1)',
        },
        {
          sheet: 'SKM',
          column: 'U4',
          value: null,
          message: 'Kolom wajib "U4" tidak ditemukan di baris judul (baris 1)',
        },
        {
          sheet: 'SKM',
          column: 'U5',
          value: null,
          message: 'Kolom wajib "U5" tidak ditemukan di baris judul (baris 1)',
        },
        {
          sheet: 'SKM',
          column: 'U6',
          value: null,
          message: 'Kolom wajib "U6" tidak ditemukan di baris judul (baris 1)',
        },
        {
          sheet: 'SKM',
          column: 'U7',
          value: null,
          message: 'Kolom wajib "U7" tidak ditemukan di baris judul (baris 1)',
        },
        {
          sheet: 'SKM',
          column: 'U8',
          value: null,
          message: 'Kolom wajib "U8" tidak ditemukan di baris judul (baris 1)',
        },
        {
          sheet: 'SKM',
          column: 'U9',
          value: null,
          message: 'Kolom wajib "U9" tidak ditemukan di baris judul (baris 1)',
        },
      ],
    },
    {
      responseId: 'ys3',
      stored: false,
      quarantined: true,
      collection: 'quarantine',
      id: 'formulir~SKM~ys3',
      // no answers at all: every required question is named as missing
      errors: ['Unit Layanan', 'Periode', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'].map(
        (column) => ({
          sheet: 'SKM',
          column,
          value: null,
          message: `Kolom wajib "${column}" tidak ditemukan di baris judul (baris 1)`,
        }),
      ),
    },
  ],
  padang: [
    { responseId: 'yk1', stored: true, quarantined: false, collection: 'assessments', id: 'yk1' },
    {
      responseId: 'yk2',
      stored: false,
      quarantined: true,
      collection: 'quarantine',
      id: 'formulir~Penilaian~yk2',
      errors: [
        {
          sheet: 'Penilaian',
          column: '',
          value: null,
          message:
            'Lembar Penilaian tidak punya kolom kompetensi: beri judul kolom dengan kode dari Kamus Kompetensi, mis. "M.01 Integritas"',
        },
        {
          sheet: 'Penilaian',
          column: 'M.01 Integritas',
          value: 'M.01 Integritas',
          message:
            'Kolom "M.01 Integritas" tampak seperti kolom kompetensi, tetapi kode M.01 tidak ada di Kamus Kompetensi',
        },
      ],
    },
    {
      responseId: 'yk3',
      stored: false,
      quarantined: true,
      collection: 'quarantine',
      id: 'formulir~Penilaian~yk3',
      errors: [{ sheet: 'Penilaian', column: 'P.02', value: 6, message: 'P.02 harus bilangan bulat 1–5' }],
    },
  ],
};

describe('ingestResponse batch = each submission alone', () => {
  it('gives each submission of a mixed batch the result and documents it gets alone', async () => {
    const results = await compare('sawahlunto', STAF, mixed);
    expect(results).toEqual(PINNED.sawahlunto);
    expect(results.map((r) => [r.responseId, r.stored])).toEqual([
      ['ya1', true],
      ['ya2', true],
      ['ya3', false],
      ['ya4', false], // no rating at all
      ['ya5', false], // a code the dictionary does not know, and no rating
      ['yr1', true],
      ['yr2', false],
      ['yt1', false],
      ['yt2', true],
      ['ys1', true],
      ['ys2', false],
      ['ys3', false],
    ]);
    expect(((results[2]?.errors ?? []) as { column: string }[]).map((e) => e.column).sort()).toEqual(
      ['M.01', 'NIP', 'Sumber'].sort(),
    );
    expect(await ids(h.db, 'sawahlunto', 'reactions')).toEqual([`S-01~${NIP}`]);
  });

  it('checks a tenant own dictionary the same way in a batch', async () => {
    const subs = (p: string): Sub[] => [
      { sheet: 'Penilaian', responseId: `${p}k1`, values: { NIP, Sumber: 'Diri', 'P.01 Pelayanan': 3 } },
      { sheet: 'Penilaian', responseId: `${p}k2`, values: { NIP, Sumber: 'Diri', 'M.01 Integritas': 3 } },
      {
        sheet: 'Penilaian',
        responseId: `${p}k3`,
        values: { NIP: NIP2, Sumber: 'Atasan', 'P.02': 6, 'P.01': 2 },
      },
    ];
    const results = await compare('padang', STAF_LAIN, subs);
    expect(results).toEqual(PINNED.padang);
    expect(results.map((r) => r.stored)).toEqual([true, false, false]);
    expect(await stored('padang', 'assessments', 'yk1')).toMatchObject({ ratings: { 'P.01': 3 } });
  });

  it('stores a full batch of valid submissions in one commit of at most 500 writes', async () => {
    const submissions = Array.from({ length: MAX_BATCH }, (_, i) => ({
      sheet: 'Penilaian',
      responseId: `full-${i}`,
      values: { NIP, Sumber: 'Diri', 'M.01': (i % 5) + 1 },
    }));
    // every one stored: its record; and the run document
    expect(MAX_BATCH + 1).toBeLessThanOrEqual(MAX_BATCH_WRITES);
    const res = await post(STAF, { tenant: 'sawahlunto', submissions });
    expect(res.status).toBe(200);
    expect(res.body.stored).toBe(MAX_BATCH);
    const stored = (await ids(h.db, 'sawahlunto', 'assessments')).filter((id) => id.startsWith('full-'));
    expect(stored).toHaveLength(MAX_BATCH);
    const run = await docData(h.db, `tenants/sawahlunto/runs/${res.body.runId}`);
    expect(run).toMatchObject({ counts: { assessments: MAX_BATCH }, status: 'selesai' });
  });

  it("checks Perilaku's and Preferensi's codes against the tenant's own dictionary, as a sync does", async () => {
    const subs = (p: string): Sub[] => [
      {
        sheet: 'Evaluasi Perilaku',
        responseId: `${p}p1`,
        values: { 'ID Sesi': 'S-09', NIP, 'Kode Kompetensi': 'P.01', Sebelum: 2, Sesudah: 4 },
      },
      {
        sheet: 'Evaluasi Perilaku',
        responseId: `${p}p2`,
        values: { 'ID Sesi': 'S-09', NIP: NIP2, 'Kode Kompetensi': 'M.01', Sebelum: 2, Sesudah: 4 },
      },
      { sheet: 'Preferensi', responseId: `${p}f1`, values: { NIP, Topik: 'P.02, P.01' } },
      { sheet: 'Preferensi', responseId: `${p}f2`, values: { NIP: NIP2, Topik: 'M.03' } },
    ];
    const padang = await compare('padang', STAF_LAIN, subs);
    expect(padang.map((r) => r.stored)).toEqual([true, false, true, false]);
    expect(padang[1]?.errors).toEqual([
      expect.objectContaining({ column: 'Kode Kompetensi', value: 'M.01' }),
    ]);
    expect(padang[3]?.errors).toEqual([
      expect.objectContaining({ column: 'Topik', message: expect.stringMatching(/M\.03/) }),
    ]);
    // a tenant without its own dictionary: the default one (M.01 yes, P.01 no)
    const sawahlunto = await compare('sawahlunto', STAF, subs);
    expect(sawahlunto.map((r) => r.stored)).toEqual([false, true, false, true]);
  });
});
