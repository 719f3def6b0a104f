import { KEBUTUHAN_HEADER, MINAT_TOPIK_HEADER, OUTPUT_SHEET } from '@bangkom/core';
import { putSpreadsheet } from '../../../functions/src/adapters/auth';
import { docData, type Harness, ids, PIMPINAN, STAF, startHarness } from '../harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

const NIP1 = '198001012005011001';
const NIP2 = '198502142010122002';
const NIP3 = '199003032019031003';
const SERIAL_2026_02_10 = 46063;

function seedWorkbook() {
  const s = h.sheets;
  s.sheets.clear();
  s.addSheet('Pegawai', [
    ['NIP', 'Nama', 'Jenis ASN', 'OPD', 'Jabatan', 'Email', 'NIP Atasan'],
    [NIP1, 'Siti Rahma', 'PNS', 'Bappeda', 'Analis Kebijakan', 'siti@sawahlunto.go.id'],
    [NIP2, 'Budi Santoso', 'PNS', 'Bappeda', 'Analis Kebijakan', '', NIP1],
    [NIP3, '=HYPERLINK("http://x")', 'PNS', 'Dinas Kesehatan', 'Analis Kebijakan'],
    ['12345', 'Salah NIP', 'PNS', 'Bappeda', 'Analis Kebijakan'],
  ]);
  s.addSheet('Standar Kompetensi', [
    ['Jabatan', 'Kode Kompetensi', 'Level Standar', 'Bobot'],
    ['Analis Kebijakan', 'M.01', 3, 2],
    ['Analis Kebijakan', 'M.02', 4, 1],
  ]);
  s.addSheet('Penilaian', [
    ['NIP', 'Sumber', 'ID Respons', 'M.01 Integritas', 'M.02 Kerjasama', 'NIP Penilai'],
    [NIP1, 'Diri', 'p1', 2, 4, ''],
    [NIP2, 'Atasan', 'p2', 3, '', NIP1],
  ]);
  s.addSheet('Riwayat Pelatihan', [
    ['NIP', 'Nama Pelatihan', 'JP', 'Tanggal Mulai'],
    [NIP1, 'Pelatihan Kepemimpinan', 24, SERIAL_2026_02_10],
  ]);
  s.addSheet('Katalog Pelatihan', [
    ['Kode', 'Judul', 'Kompetensi', 'JP', 'Kapasitas', 'Biaya per Peserta'],
    ['K01', 'Integritas ASN', 'M.01', 20, 30, 1500000],
    ['K02', 'Kerja Sama Tim', 'M.02', 16, 25, 1000000],
  ]);
  s.addSheet('Anggaran', [
    ['OPD', 'Pagu'],
    ['Bappeda', 50000000],
    ['Dinas Kesehatan', 20000000],
  ]);
  s.addSheet('Pengaturan', [
    ['Kunci', 'Nilai'],
    ['Tahun', 2026],
    // a handful of ASN: a small class runs
    ['Peserta Minimum', 1],
  ]);
  s.addSheet('SKM', [
    ['Unit Layanan', 'Periode', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'],
    ['Puskesmas Talawi', '2026-S1', 4, 4, 3, 3, 4, 4, 3, 3, 4],
    ['Puskesmas Talawi', '2026-S1', 3, 3, 3, 3, 3, 3, 3, 3, ''],
  ]);
  s.addSheet('Evaluasi Reaksi', [
    ['ID Sesi', 'NIP', 'R1', 'R2'],
    ['S-01', NIP1, 4, 3],
  ]);
  s.addSheet('Tes', [
    ['ID Sesi', 'NIP', 'Pre', 'Post'],
    ['S-01', NIP1, 40, 70],
  ]);
  s.addSheet('Preferensi', [
    ['NIP', 'Bulan', 'Moda', 'Topik'],
    [NIP1, '', '', 'M.01, M.02'],
    [NIP2, '', '', 'M.02'],
  ]);
}

const post = (target: string, body: object, who = STAF) =>
  h
    .call(target)
    .post('/')
    .set('Authorization', `Bearer ${h.token(who)}`)
    .send(body);
const tenant = 'sawahlunto';
const spreadsheetId = '1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms';

describe('syncWorkbook', () => {
  it('reads the sheet once, stores valid rows, quarantines the rest, writes Status Validasi', async () => {
    seedWorkbook();
    h.sheets.requests.length = 0;
    const res = await post('syncWorkbook', { tenant, spreadsheetId });
    expect(res.status).toBe(200);
    expect(res.body.valid).toBe(false);
    expect(res.body.counts.Pegawai).toEqual({ rows: 4, valid: 3, quarantined: 1, superseded: 0 });
    expect(await ids(h.db, tenant, 'employees')).toEqual([NIP1, NIP2, NIP3]);
    expect(await docData(h.db, `tenants/${tenant}/employees/${NIP3}`)).toMatchObject({
      nama: '=HYPERLINK("http://x")',
    });
    expect(await ids(h.db, tenant, 'standards')).toHaveLength(2);
    expect(await ids(h.db, tenant, 'assessments')).toEqual(['p1', 'p2']);
    expect(
      await docData(h.db, `tenants/${tenant}/trainings/${NIP1}~2026-02-10~Pelatihan Kepemimpinan`),
    ).toMatchObject({
      jp: 24,
      mulai: '2026-02-10',
    });
    expect(await docData(h.db, `tenants/${tenant}/settings/pengaturan`)).toMatchObject({
      tahun: 2026,
      targetJp: 20,
    });
    const quarantine = await ids(h.db, tenant, 'quarantine');
    expect(quarantine).toEqual(['Pegawai~5']);
    expect(await docData(h.db, `tenants/${tenant}/quarantine/Pegawai~5`)).toMatchObject({
      sheet: 'Pegawai',
      row: 5,
      values: { NIP: '12345', Nama: 'Salah NIP' },
    });

    const status = h.sheets.valuesOf('Status Validasi');
    expect(status[0]).toEqual(['Lembar', 'Baris', 'Kolom', 'Nilai', 'Pesan']);
    expect(status.slice(1).some((r) => r[0] === 'Pegawai' && r[1] === 5 && r[2] === 'NIP')).toBe(true);

    const batchGets = h.sheets.requests.filter((r) => r.path.endsWith('values:batchGet'));
    expect(batchGets).toHaveLength(1);
    const run = await docData(h.db, `tenants/${tenant}/runs/${res.body.runId}`);
    expect(run).toMatchObject({
      kind: 'syncWorkbook',
      status: 'selesai dengan galat',
      counts: { employees: 3 },
    });
  });

  it('a rerun writes the same documents; a row deleted from a master sheet is deleted', async () => {
    const again = await post('syncWorkbook', { tenant, spreadsheetId });
    expect(again.status).toBe(200);
    expect(await ids(h.db, tenant, 'employees')).toEqual([NIP1, NIP2, NIP3]);

    const pegawai = h.sheets.sheets.get('Pegawai');
    pegawai?.values.splice(3, 2); // NIP3 and the invalid row
    const res = await post('syncWorkbook', { tenant, spreadsheetId });
    expect(res.status).toBe(200);
    expect(res.body.valid).toBe(true);
    expect(await ids(h.db, tenant, 'employees')).toEqual([NIP1, NIP2]);
    expect(res.body.firestore.deleted).toMatchObject({ employees: 1, quarantine: 1 });
    expect(await ids(h.db, tenant, 'quarantine')).toEqual([]);
    expect(h.sheets.valuesOf('Status Validasi')).toEqual([['Lembar', 'Baris', 'Kolom', 'Nilai', 'Pesan']]);
  });

  it('settles form quarantine: a response superseded by a later valid version leaves, the rest stay', async () => {
    const ingest = (responseId: string, m01: number, sheet = 'Penilaian') =>
      post('ingestResponse', {
        tenant,
        sheet,
        responseId,
        values:
          sheet === 'Penilaian'
            ? { NIP: NIP1, Sumber: 'Diri', 'M.01': m01 }
            : { 'ID Sesi': 'S-01', NIP: NIP1, R1: m01, R2: 3 },
      });
    expect((await ingest('fq-fixed', 9)).body.quarantined).toBe(true);
    expect((await ingest('fq-open', 9)).body.quarantined).toBe(true);
    expect((await ingest('fq-reaksi', 8, 'Evaluasi Reaksi')).body.quarantined).toBe(true);
    await new Promise((r) => setTimeout(r, 2)); // the fixes are written after the entries
    expect((await ingest('fq-fixed', 3)).body.stored).toBe(true);
    expect((await ingest('fq-reaksi', 4, 'Evaluasi Reaksi')).body.stored).toBe(true);
    const formEntries = async () =>
      (await ids(h.db, tenant, 'quarantine')).filter((id) => id.startsWith('formulir~'));
    expect(await formEntries()).toEqual([
      'formulir~Evaluasi Reaksi~fq-reaksi',
      'formulir~Penilaian~fq-fixed',
      'formulir~Penilaian~fq-open',
    ]);

    const res = await post('syncWorkbook', { tenant, spreadsheetId });
    expect(res.status).toBe(200);
    expect(res.body.firestore.deleted.quarantine).toBe(2);
    expect(await formEntries()).toEqual(['formulir~Penilaian~fq-open']);
    // the fixed reaction's record (natural key S-01~NIP) was overwritten by the sheet's row,
    // which carries no response id: the entry was settled before that
    const reaction = await docData(h.db, `tenants/${tenant}/reactions/S-01~${NIP1}`);
    expect(reaction).toMatchObject({ answers: [4, 3] });
    expect(reaction?.responseId).toBeUndefined();
    // the later tests compute on the workbook's data alone
    await h.db.doc(`tenants/${tenant}/assessments/fq-fixed`).delete();
  });

  it('answers 502 with a hint when the spreadsheet cannot be opened, and audits the failure', async () => {
    // registered to the tenant, but not shared with the service account
    await putSpreadsheet(h.db, tenant, 'tidak-ada-spreadsheet');
    const res = await post('syncWorkbook', { tenant, spreadsheetId: 'tidak-ada-spreadsheet' });
    expect(res.status).toBe(502);
    expect(res.body.error).toMatch(/dibagikan/);
    expect(await docData(h.db, `tenants/${tenant}/runs/${res.body.runId}`)).toMatchObject({
      status: 'gagal',
    });
  });
});

describe('computeGaps', () => {
  it('computes from Firestore and writes results and its sheets', async () => {
    // what an older version wrote under the name of the art. 207 plan
    const old = h.sheets.addSheet('Rencana Pengembangan', [
      ['NIP', 'Nama'],
      ['lama', 'lama'],
    ]);
    const res = await post('computeGaps', { tenant, spreadsheetId });
    expect(res.status).toBe(200);
    expect(res.body.tahun).toBe(2026);
    expect(await ids(h.db, tenant, 'gaps')).toEqual([NIP1, NIP2]);
    const g1 = await docData(h.db, `tenants/${tenant}/gaps/${NIP1}`);
    const competencies = (g1?.competencies ?? []) as {
      kode: string;
      gap: number | null;
      prioritas: number | null;
    }[];
    const m01 = competencies.find((c) => c.kode === 'M.01');
    expect(m01).toMatchObject({ gap: 1, prioritas: 2 });
    expect(await docData(h.db, `tenants/${tenant}/jp/2026~${NIP1}`)).toMatchObject({
      jp: 24,
      memenuhi: true,
    });
    expect(await docData(h.db, `tenants/${tenant}/jp/2026~${NIP2}`)).toMatchObject({
      jp: 0,
      memenuhi: false,
    });

    const kesenjangan = h.sheets.valuesOf('Kesenjangan');
    expect(kesenjangan[0]?.slice(0, 3)).toEqual(['NIP', 'Nama', 'OPD']);
    expect(kesenjangan).toHaveLength(1 + 4); // 2 ASN x 2 competencies
    const unknown = kesenjangan.find((r) => r[0] === NIP2 && r[4] === 'M.02');
    expect(unknown?.[8]).toBeUndefined(); // not rated: gap unknown, never 0

    const kebutuhan = h.sheets.valuesOf(OUTPUT_SHEET.kebutuhan);
    expect(kebutuhan[0]).toEqual([...KEBUTUHAN_HEADER]);
    const row = kebutuhan.find((r) => r[0] === NIP1 && r[4] === 'M.01');
    expect(row?.[8]).toBe('K01 Integritas ASN');
    expect(row?.[11]).toBe('Ya');
    expect(kebutuhan.some((r) => r[0] === 'lama')).toBe(false);
    // the old sheet was renamed and rewritten in place: no stale copy under the plan's name
    expect(h.sheets.sheets.get(OUTPUT_SHEET.kebutuhan)?.sheetId).toBe(old.sheetId);
    expect(h.sheets.sheets.has('Rencana Pengembangan')).toBe(false);
    expect(res.body.sheets).toEqual([
      OUTPUT_SHEET.kesenjangan,
      OUTPUT_SHEET.kebutuhan,
      OUTPUT_SHEET.minatTopik,
    ]);
    // the needs survey's Topik answers, counted per OPD
    expect(h.sheets.valuesOf(OUTPUT_SHEET.minatTopik)).toEqual([
      [...MINAT_TOPIK_HEADER],
      ['Bappeda', 'M.02', 'Kerjasama', 2, 2, 100, 1],
      ['Bappeda', 'M.01', 'Integritas', 1, 2, 50, 2],
    ]);
  });

  it('counts completers of Daftar Hadir in JP: a session attended becomes Riwayat', async () => {
    h.sheets.addSheet('Daftar Hadir', [
      ['ID Sesi', 'Kode', 'Tanggal', 'NIP', 'Status'],
      ['K01-2026-1', 'K01', '2026-03-02', NIP2, 'Hadir'],
      ['K01-2026-1', 'K01', '2026-03-02', NIP1, 'Sakit'],
    ]);
    try {
      expect((await post('syncWorkbook', { tenant, spreadsheetId })).status).toBe(200);
      expect(await ids(h.db, tenant, 'attendance')).toHaveLength(2);
      expect((await post('computeGaps', { tenant, spreadsheetId })).status).toBe(200);
      // Budi came (K01, 20 JP); Siti was ill and keeps her 24
      expect(await docData(h.db, `tenants/${tenant}/jp/2026~${NIP2}`)).toMatchObject({
        jp: 20,
        memenuhi: true,
      });
      expect(await docData(h.db, `tenants/${tenant}/jp/2026~${NIP1}`)).toMatchObject({ jp: 24 });
    } finally {
      // a sheet taken away is not mirrored (only its rows are): the test's records go by hand
      h.sheets.sheets.delete('Daftar Hadir');
      for (const id of await ids(h.db, tenant, 'attendance'))
        await h.db.doc(`tenants/${tenant}/attendance/${id}`).delete();
      await post('computeGaps', { tenant, spreadsheetId });
    }
    expect(await docData(h.db, `tenants/${tenant}/jp/2026~${NIP2}`)).toMatchObject({ jp: 0 });
  });
});

describe('SKM respondents', () => {
  const skmRow = (unit: string, u1: number) => [unit, '2026-S2', u1, 3, 3, 3, 3, 3, 3, 3, 3];
  const HEADER = ['Unit Layanan', 'Periode', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'];
  let original: unknown[][] = [];
  beforeAll(() => {
    original = h.sheets.valuesOf('SKM');
  });
  afterAll(async () => {
    h.sheets.addSheet('SKM', original);
    await post('syncWorkbook', { tenant, spreadsheetId });
    for (const id of await ids(h.db, tenant, 'skm'))
      if (id.startsWith('formulir~skm-')) await h.db.doc(`tenants/${tenant}/skm/${id}`).delete();
  });

  it('a form respondent is one record, whether it arrives by the form, the sheet, or both', async () => {
    const values = Object.fromEntries(HEADER.map((k, i) => [k, skmRow('Kantor Camat Talawi', 4)[i]]));
    // the Apps Script forwards the response and copies it into the SKM sheet with its ID Respons
    const res = await post('ingestResponse', { tenant, sheet: 'SKM', responseId: 'skm-r1', values });
    expect(res.body).toMatchObject({ stored: true, id: 'formulir~skm-r1' });
    h.sheets.addSheet('SKM', [
      [...HEADER, 'ID Respons'],
      [...skmRow('Kantor Camat Talawi', 4), 'skm-r1'],
      [...skmRow('Kantor Camat Talawi', 2), ''], // a paper questionnaire typed in by staff
    ]);
    for (let i = 0; i < 2; i++)
      expect((await post('syncWorkbook', { tenant, spreadsheetId })).status).toBe(200);
    const talawi = (await ids(h.db, tenant, 'skm')).filter((id) =>
      ['formulir~skm-r1', 'Kantor Camat Talawi~2026-S2~r3'].includes(id),
    );
    expect(talawi).toEqual(['Kantor Camat Talawi~2026-S2~r3', 'formulir~skm-r1']);
    const ikm = await post('summarizeEvaluations', { tenant });
    const unit = (ikm.body.ikm as { unit: string; periode: string; responden: number }[]).find(
      (u) => u.unit === 'Kantor Camat Talawi' && u.periode === '2026-S2',
    );
    expect(unit?.responden).toBe(2);
  });

  it('an invalid SKM response fixed in the sheet leaves quarantine at that sync', async () => {
    const values = Object.fromEntries(HEADER.map((k, i) => [k, skmRow('Kantor Camat Talawi', 9)[i]]));
    const bad = await post('ingestResponse', { tenant, sheet: 'SKM', responseId: 'skm-q1', values });
    expect(bad.body.quarantined).toBe(true);
    await new Promise((r) => setTimeout(r, 2));
    // staff correct U1 in the SKM sheet, on the row the Apps Script wrote (same ID Respons)
    h.sheets.addSheet('SKM', [
      [...HEADER, 'ID Respons'],
      [...skmRow('Kantor Camat Talawi', 4), 'skm-r1'],
      [...skmRow('Kantor Camat Talawi', 3), 'skm-q1'],
    ]);
    const res = await post('syncWorkbook', { tenant, spreadsheetId });
    expect(res.status).toBe(200);
    expect(await ids(h.db, tenant, 'quarantine')).not.toContain(bad.body.id);
    expect(await ids(h.db, tenant, 'skm')).toContain('formulir~skm-q1');
  });

  it('a row deleted from SKM leaves Firestore; form respondents stay', async () => {
    // staff delete the paper row; the form respondent's row moves up
    h.sheets.addSheet('SKM', [
      [...HEADER, 'ID Respons'],
      [...skmRow('Kantor Camat Talawi', 4), 'skm-r1'],
    ]);
    const res = await post('syncWorkbook', { tenant, spreadsheetId });
    expect(res.status).toBe(200);
    const skm = await ids(h.db, tenant, 'skm');
    expect(skm).toContain('formulir~skm-r1');
    expect(skm.filter((id) => id.startsWith('Kantor Camat Talawi'))).toEqual([]);
    expect(skm.filter((id) => id.startsWith('Puskesmas Talawi'))).toEqual([]); // the old rows went too
  });
});

describe('summarizeEvaluations and readSummary', () => {
  it('writes evaluations, IKM and the leaders summary that pimpinan can read', async () => {
    const res = await post('summarizeEvaluations', { tenant, spreadsheetId });
    expect(res.status).toBe(200);
    expect(res.body.sessions).toHaveLength(1);
    expect(res.body.sessions[0]).toMatchObject({ sesi: 'S-01', nGain: 0.5, kategoriNGain: 'Sedang' });
    expect(res.body.ikm).toHaveLength(1);
    expect(await ids(h.db, tenant, 'evaluations')).toEqual(['S-01']);
    expect(await ids(h.db, tenant, 'ikm')).toEqual(['Puskesmas Talawi~2026-S1']);
    expect(h.sheets.valuesOf('Hasil IKM')).toHaveLength(2);
    expect(h.sheets.valuesOf('Hasil Evaluasi')[1]?.[0]).toBe('S-01');

    const read = await h
      .call('readSummary')
      .get('/')
      .query({ tenant, tahun: 2026 })
      .set('Authorization', `Bearer ${h.token(PIMPINAN)}`);
    expect(read.status).toBe(200);
    const opd = (read.body.ringkasan as { jenis: string; opd?: string }[])
      .filter((d) => d.jenis === 'opd')
      .map((d) => d.opd);
    expect(opd.sort()).toEqual(['Bappeda']);
    expect(read.body.evaluations).toHaveLength(1);
    // aggregates only: no NIP, no name, no per-participant N-gain anywhere in what pimpinan reads
    const text = JSON.stringify(read.body);
    for (const personal of [NIP1, NIP2, NIP3, 'Siti Rahma', 'Budi Santoso', 'siti@sawahlunto.go.id'])
      expect(text).not.toContain(personal);
    expect(text).not.toContain('nGainPeserta');
    expect(read.body.evaluations[0]).toMatchObject({ sesi: 'S-01', nGain: 0.5 });
    const stored = await docData(h.db, `tenants/${tenant}/evaluations/S-01`);
    expect(stored).not.toHaveProperty('nGainPeserta');

    // a document written before per-person data left the evaluations is still read without it
    await h.db.doc(`tenants/${tenant}/evaluations/S-lama`).set({
      sesi: 'S-lama',
      nGain: 0.4,
      nGainPeserta: [{ nip: NIP1, g: 0.4, kategori: 'Sedang' }],
      peserta: 1,
    });
    const again = await h
      .call('readSummary')
      .get('/')
      .query({ tenant })
      .set('Authorization', `Bearer ${h.token(PIMPINAN)}`);
    expect(again.status).toBe(200);
    expect(JSON.stringify(again.body)).not.toContain(NIP1);
    expect(again.body.evaluations).toContainEqual({ sesi: 'S-lama', nGain: 0.4, peserta: 1 });
  });
});

describe('scheduleTrainings', () => {
  it('plans the year and writes sessions, enrolments and the Jadwal sheet', async () => {
    const res = await post('scheduleTrainings', { tenant, spreadsheetId });
    expect(res.status).toBe(200);
    expect(res.body.tahun).toBe(2026);
    const enrolled = (res.body.sessions as { peserta: string[] }[]).flatMap((s) => s.peserta);
    expect(enrolled.length).toBeGreaterThan(0);
    expect(await ids(h.db, tenant, 'sessions')).toHaveLength(res.body.sessions.length);
    expect((await ids(h.db, tenant, 'enrollments')).length).toBe(enrolled.length);
    const jadwal = h.sheets.valuesOf('Jadwal');
    expect(jadwal[0]).toEqual([
      'ID Sesi',
      'Kode',
      'Judul',
      'Mulai',
      'Selesai',
      'Lokasi',
      'Peserta',
      // appended later: the trainer and the session's cost
      'Pengajar',
      'Biaya per Peserta',
      'Biaya per Angkatan',
      'Biaya Sesi',
    ]);
    expect(jadwal).toHaveLength(1 + res.body.sessions.length);
    // costs as numbers (Rupiah), the session's = per participant × participants + per session
    for (const row of jadwal.slice(1)) {
      const peserta = String(row[6]).split(', ').length;
      const [perPeserta, perAngkatan, biaya] = [row[8], row[9], row[10]];
      expect(typeof perPeserta).toBe('number');
      expect(biaya).toBe(Number(perPeserta) * peserta + Number(perAngkatan ?? 0));
    }
    // the waiting list, staff only (NIPs): every entry for a planned session, in line from 1
    const tunggu = h.sheets.valuesOf('Daftar Tunggu');
    expect(tunggu[0]).toEqual([
      'ID Sesi',
      'Urutan',
      'NIP',
      'Nama',
      'OPD',
      'Prioritas',
      'Status',
      'Keterangan',
    ]);
    const sessionIds = new Set((res.body.sessions as { id: string }[]).map((s) => s.id));
    for (const row of tunggu.slice(1)) expect(sessionIds.has(String(row[0]))).toBe(true);
  }, 60000);
});

describe('runCycle', () => {
  it('runs sync, gaps, evaluations, schedule and the cycle record in one audited call', async () => {
    const res = await post('runCycle', { tenant, spreadsheetId });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual([
      'cycle',
      'evaluations',
      'gaps',
      'leaders',
      'runId',
      'schedule',
      'sync',
    ]);
    expect(res.body.leaders.skipped).toMatch(/^Spreadsheet ringkasan pimpinan belum terdaftar/);
    const run = await docData(h.db, `tenants/${tenant}/runs/${res.body.runId}`);
    expect(run).toMatchObject({ kind: 'runCycle', status: 'selesai' });
    const counts = (run?.counts ?? {}) as Record<string, number>;
    expect(counts['sync.employees']).toBe(2);
    expect(counts['cycle.cycles']).toBe(1);
    // the year's aggregates, no NIP and no name; a rerun replaces the same document
    const cycle = await docData(h.db, `tenants/${tenant}/cycles/2026`);
    expect(cycle).toMatchObject({ tahun: 2026, targetJp: 20, jangkaPemerataan: 2, runId: res.body.runId });
    expect(JSON.stringify(cycle)).not.toMatch(new RegExp(`${NIP1}|${NIP2}|Siti|Budi`));
    const again = await post('runCycle', { tenant, spreadsheetId });
    expect(await ids(h.db, tenant, 'cycles')).toEqual(['2026']);
    // nothing changed in the sheets: no document written again (only the run audit); each
    // keeps the runId of the run that wrote its content
    const rerun = await docData(h.db, `tenants/${tenant}/runs/${again.body.runId}`);
    expect(rerun?.firestore).toEqual({ written: 0, unchanged: expect.any(Number), removed: 0 });
    const tally = (r: Record<string, unknown> | undefined) => (r?.firestore ?? {}) as Record<string, number>;
    expect(tally(rerun).unchanged).toBeGreaterThan(10);
    expect(tally(run).written).toBeGreaterThan(0);
    expect(rerun?.counts).toMatchObject({ 'sync.employees': 2 });
    expect(await docData(h.db, `tenants/${tenant}/cycles/2026`)).toMatchObject({ runId: res.body.runId });
  }, 60000);

  /** polls runStatus until the run is no longer `berjalan`; every answer seen, in order */
  async function settle(runId: string): Promise<Record<string, unknown>[]> {
    const seen: Record<string, unknown>[] = [];
    for (let i = 0; i < 300; i++) {
      const res = await post('runStatus', { tenant, runId }, PIMPINAN);
      expect(res.status).toBe(200);
      seen.push(res.body);
      if (res.body.status !== 'berjalan') return seen;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`run ${runId} still berjalan`);
  }

  it('mulai: answers 202 at once with the runId; runStatus shows it berjalan, then its result', async () => {
    seedWorkbook();
    const runsBefore = (await ids(h.db, tenant, 'runs')).length;
    const res = await post('runCycle', { tenant, spreadsheetId, mulai: true });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ status: 'berjalan', langkah: 'Sinkronisasi dan validasi' });
    const runId = String(res.body.runId);
    const seen = await settle(runId);
    const last = seen.at(-1) ?? {};
    expect(last).toMatchObject({
      runId,
      kind: 'runCycle',
      status: expect.stringMatching(/^selesai/),
      langkah: null,
    });
    expect(last.finishedAt).not.toBe('');
    // numbers only: what the Apps Script summarises, no NIP or name
    expect(last.hasil).toMatchObject({
      sync: { errors: expect.any(Number), quarantined: expect.any(Number) },
      gaps: { pegawai: 3, tahun: 2026 },
      evaluations: { sessions: expect.any(Number) },
    });
    expect(JSON.stringify(last)).not.toMatch(new RegExp(`${NIP1}|Siti`));
    const run = await docData(h.db, `tenants/${tenant}/runs/${runId}`);
    expect(run?.counts).toMatchObject({ 'sync.employees': 3 });
    // polling writes no run documents
    expect((await ids(h.db, tenant, 'runs')).length).toBe(runsBefore + 1);
  }, 60000);

  it('refuses a second start while a cycle runs, and starts again once it is over', async () => {
    seedWorkbook();
    const first = await post('runCycle', { tenant, spreadsheetId, mulai: true });
    expect(first.status).toBe(202);
    const second = await post('runCycle', { tenant, spreadsheetId, mulai: true });
    expect(second.status).toBe(409);
    expect(second.body.error).toMatch(/^Siklus lain sedang berjalan \(ID proses /);
    expect(second.body.details).toEqual({ runId: first.body.runId });
    await settle(String(first.body.runId));
    const third = await post('runCycle', { tenant, spreadsheetId, mulai: true });
    expect(third.status).toBe(202);
    await settle(String(third.body.runId));
  }, 120000);

  it("runStatus: an unknown run is 404, another tenant's is 403, and it needs a runId", async () => {
    expect((await post('runStatus', { tenant, runId: 'tidak-ada' })).status).toBe(404);
    expect((await post('runStatus', { tenant: 'kota-lain', runId: 'x' })).status).toBe(403);
    const bad = await post('runStatus', { tenant });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/runId wajib diisi/);
  });
});

describe('replayed calls', () => {
  /** a collection's documents, without what names the run that wrote them (its id and time) */
  async function snapshot(collection: string) {
    const snap = await h.db.collection(`tenants/${tenant}/${collection}`).get();
    return Object.fromEntries(
      snap.docs.map((d) => {
        const { runId: _r, dibuat: _t, ...data } = d.data();
        return [d.id, data];
      }),
    );
  }
  const RESULTS = ['gaps', 'jp', 'evaluations', 'ikm', 'summary', 'sessions', 'enrollments', 'plans'];

  it('computeGaps, summarizeEvaluations and scheduleTrainings again: the same documents, one more run each', async () => {
    for (const target of ['computeGaps', 'summarizeEvaluations', 'scheduleTrainings'])
      expect((await post(target, { tenant, spreadsheetId })).status).toBe(200);
    const before = Object.fromEntries(await Promise.all(RESULTS.map(async (c) => [c, await snapshot(c)])));
    expect(Object.keys(before.gaps ?? {})).not.toHaveLength(0);
    expect(Object.keys(before.sessions ?? {})).not.toHaveLength(0);
    const runsBefore = (await ids(h.db, tenant, 'runs')).length;

    for (const target of ['computeGaps', 'summarizeEvaluations', 'scheduleTrainings'])
      expect((await post(target, { tenant, spreadsheetId })).status).toBe(200);
    const after = Object.fromEntries(await Promise.all(RESULTS.map(async (c) => [c, await snapshot(c)])));
    expect(after).toEqual(before);
    expect(await ids(h.db, tenant, 'runs')).toHaveLength(runsBefore + 3);
  }, 60000);
});
