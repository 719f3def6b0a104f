/**
 * "Hitung & Sinkronkan" re-plans around the schedule Firestore already holds: announced
 * sessions stay where they are (minus who declined), the change goes to `Perubahan Jadwal`,
 * the answer's `ulang` and (as counts only) the run document; a rerun on the same input
 * changes nothing.
 */
import { PERUBAHAN_JADWAL_HEADER } from '@bangkom/core';
import { cycleResult } from '../../../functions/src/handlers/run-cycle';
import { docData, type Harness, ids, PIMPINAN, SPREADSHEET_ID, STAF, startHarness } from '../harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

const tenant = 'sawahlunto';
const spreadsheetId = SPREADSHEET_ID;
/** a year no clock of this test reaches: no earliest start, nothing has "started" */
const TAHUN = 2030;
const nip = (i: number) => `198001012005011${String(i).padStart(3, '0')}`;
const STAFF = Array.from({ length: 12 }, (_, i) => nip(i + 1));
const LATE = nip(13);

interface Session {
  id: string;
  kode: string;
  mulai: string;
  selesai: string;
  peserta: string[];
}

function seedWorkbook(people: readonly string[], daftarHadir: unknown[][] = []) {
  const s = h.sheets;
  s.sheets.clear();
  s.addSheet('Pegawai', [
    ['NIP', 'Nama', 'Jenis ASN', 'OPD', 'Jabatan'],
    ...people.map((n, i) => [n, `Pegawai ${i + 1}`, 'PNS', 'Bappeda', 'Analis Kebijakan']),
  ]);
  s.addSheet('Standar Kompetensi', [
    ['Jabatan', 'Kode Kompetensi', 'Level Standar', 'Bobot'],
    ['Analis Kebijakan', 'M.01', 3, 1],
  ]);
  s.addSheet('Penilaian', [
    ['NIP', 'Sumber', 'ID Respons', 'M.01 Integritas'],
    ...people.map((n, i) => [n, 'Diri', `p${i + 1}`, 1]),
  ]);
  s.addSheet('Katalog Pelatihan', [
    ['Kode', 'Judul', 'Kompetensi', 'JP', 'Kapasitas', 'Biaya per Peserta'],
    ['K01', 'Integritas ASN', 'M.01', 20, 5, 1_000_000],
  ]);
  s.addSheet('Anggaran', [
    ['OPD', 'Pagu'],
    ['Bappeda', 100_000_000],
  ]);
  s.addSheet('Pengaturan', [
    ['Kunci', 'Nilai'],
    ['Tahun', TAHUN],
    ['Peserta Minimum', 1],
  ]);
  if (daftarHadir.length > 0)
    s.addSheet('Daftar Hadir', [['ID Sesi', 'Kode', 'Tanggal', 'NIP', 'Status'], ...daftarHadir]);
}

const post = (target: string, body: object, who = STAF) =>
  h
    .call(target)
    .post('/')
    .set('Authorization', `Bearer ${h.token(who)}`)
    .send(body);

/** polls runStatus as a leader until the run is no longer `berjalan`; its last answer */
async function settle(runId: string): Promise<Record<string, unknown>> {
  for (let i = 0; i < 600; i++) {
    const res = await post('runStatus', { tenant, runId }, PIMPINAN);
    expect(res.status).toBe(200);
    if (res.body.status !== 'berjalan') return res.body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`run ${runId} still berjalan`);
}

/** 2030-01-02 → 02/01/2030, as the sheet writes dates */
const id = (iso: string) => iso.split('-').reverse().join('/');

/** the stored sessions of the year, by id */
async function stored(): Promise<Map<string, Session>> {
  const snap = await h.db.collection(`tenants/${tenant}/sessions`).get();
  return new Map(
    snap.docs.map((d) => {
      const { id, kode, mulai, selesai, peserta } = d.data() as Session;
      return [id, { id, kode, mulai, selesai, peserta: [...peserta].sort() }] as const;
    }),
  );
}

describe('re-planning in Hitung & Sinkronkan', () => {
  it('keeps announced sessions, reports the change, and a rerun changes nothing', async () => {
    seedWorkbook(STAFF);
    // first plan: nothing stored yet, so nothing to compare with
    const first = await post('runCycle', { tenant, spreadsheetId });
    expect(first.status).toBe(200);
    expect(first.body.schedule.ulang).toBeNull();
    expect(first.body.schedule.perubahan).toBeNull();
    expect(h.sheets.valuesOf('Perubahan Jadwal')).toEqual([[...PERUBAHAN_JADWAL_HEADER]]);
    const planned = await stored();
    expect(planned.size).toBeGreaterThanOrEqual(3); // 12 ASN, 5 seats a class
    const [announced] = [...planned.values()].sort((a, b) => a.mulai.localeCompare(b.mulai));
    if (!announced) throw new Error('no session planned');
    const [stays, declines] = announced.peserta;
    if (!stays || !declines) throw new Error('the first class has fewer than two people');

    // the same input again: the stored plan is re-planned to itself
    const same = await post('runCycle', { tenant, spreadsheetId });
    expect(same.body.schedule.perubahan).toEqual({
      tetap: 0,
      dilepas: 0,
      baru: 0,
      pindah: 0,
      pengajar: 0,
      batal: 0,
      masuk: 0,
      keluar: 0,
    });
    expect(await stored()).toEqual(planned);
    expect(h.sheets.valuesOf('Perubahan Jadwal')).toEqual([[...PERUBAHAN_JADWAL_HEADER]]);

    // the first class is announced (two answers), one declines; a new ASN with the need arrives
    seedWorkbook(
      [...STAFF, LATE],
      [
        [announced.id, 'K01', '', stays, 'Hadir'],
        [announced.id, 'K01', '', declines, 'Tidak Hadir'],
      ],
    );
    const replan = await post('runCycle', { tenant, spreadsheetId });
    expect(replan.status).toBe(200);
    const after = await stored();
    const kept = after.get(announced.id);
    // the same dates, everyone who did not decline, and nobody put into the decliner's seat by force
    expect(kept).toMatchObject({ kode: 'K01', mulai: announced.mulai, selesai: announced.selesai });
    expect(kept?.peserta).toEqual(expect.arrayContaining(announced.peserta.filter((n) => n !== declines)));
    expect(kept?.peserta).not.toContain(declines);
    // the newcomer is planned somewhere
    expect([...after.values()].some((s) => s.peserta.includes(LATE))).toBe(true);

    const ulang = replan.body.schedule.ulang;
    expect(ulang.tetap).toEqual([announced.id]);
    expect(ulang.pesertaKeluar).toContainEqual({ sesi: announced.id, nip: declines });
    expect(ulang.pesertaMasuk.some((p: { nip: string }) => p.nip === LATE)).toBe(true);
    const counts = replan.body.schedule.perubahan;
    expect(counts).toMatchObject({
      tetap: 1,
      masuk: ulang.pesertaMasuk.length,
      keluar: ulang.pesertaKeluar.length,
    });

    // the staff see it in Perubahan Jadwal, one row per change, the decliner with the reason
    const sheet = h.sheets.valuesOf('Perubahan Jadwal');
    expect(sheet[0]).toEqual([...PERUBAHAN_JADWAL_HEADER]);
    // (empty cells come back from the Sheets API as nothing: compare the filled columns)
    const filled = sheet.slice(1).map((r) => r.map((v) => v ?? ''));
    expect(filled).toContainEqual([
      'Sesi tetap',
      announced.id,
      'K01',
      '',
      '',
      `Sudah dimulai atau diumumkan; tetap ${id(announced.mulai)} s.d. ${id(announced.selesai)}`,
    ]);
    const declineRow = STAFF.indexOf(declines) + 1;
    expect(filled).toContainEqual([
      'Peserta keluar',
      announced.id,
      'K01',
      declines,
      `Pegawai ${declineRow}`,
      'Menjawab Tidak Hadir.',
    ]);
    expect(sheet).toHaveLength(
      1 +
        counts.tetap +
        counts.dilepas +
        counts.baru +
        counts.pindah +
        counts.batal +
        counts.masuk +
        counts.keluar,
    );

    // what runCycle keeps for the Apps Script dialog: counts only, no NIP
    expect(cycleResult(replan.body)).toMatchObject({ schedule: { perubahan: counts } });

    // rerun, started and followed as the menu does (the leaders' role may poll): the kept session
    // stays, nothing moves, nothing is written but the audit
    const started = await post('runCycle', { tenant, spreadsheetId, mulai: true });
    expect(started.status).toBe(202);
    const status = await settle(String(started.body.runId));
    expect(status.hasil).toMatchObject({
      schedule: { perubahan: { tetap: 1, baru: 0, pindah: 0, batal: 0, masuk: 0, keluar: 0 } },
    });
    expect(JSON.stringify(status)).not.toMatch(/\d{18}/);
    expect(await stored()).toEqual(after);
    const rerun = await docData(h.db, `tenants/${tenant}/runs/${started.body.runId}`);
    expect(rerun?.firestore).toMatchObject({ written: 0, removed: 0 });
    expect(await ids(h.db, tenant, 'sessions')).toEqual([...after.keys()].sort());
  }, 120000);

  it('a stored session of another shape is left out with an Indonesian reason, the plan goes on', async () => {
    seedWorkbook(STAFF);
    await h.db.doc(`tenants/${tenant}/sessions/rusak`).set({ id: 'rusak', kode: 'K01', tahun: TAHUN });
    const res = await post('scheduleTrainings', { tenant, spreadsheetId });
    expect(res.status).toBe(200);
    expect(res.body.errors).toContainEqual({
      collection: 'sessions',
      id: 'rusak',
      message: expect.stringMatching(
        /^Dokumen tenants\/sawahlunto\/sessions\/rusak tidak sesuai skema: mulai: /,
      ),
    });
    expect(res.body.sessions.length).toBeGreaterThan(0);
    // the replaced collection no longer holds it
    expect(await ids(h.db, tenant, 'sessions')).not.toContain('rusak');
  }, 60000);

  it('a session whose invitations went out (Undangan, no Daftar Hadir row) stays fixed', async () => {
    seedWorkbook(STAFF);
    const first = await post('runCycle', { tenant, spreadsheetId });
    expect(first.status).toBe(200);
    const planned = await stored();
    const [a, b] = [...planned.values()].sort((x, y) => x.mulai.localeCompare(y.mulai));
    if (!a || !b) throw new Error('fewer than two sessions planned');
    const declines = a.peserta.at(-1) as string;

    // as Kirim Undangan leaves the sheet: A's invitations out, one answered Tidak Hadir; B's mail refused
    seedWorkbook(STAFF);
    h.sheets.addSheet('Undangan', [
      ['ID Sesi', 'NIP', 'Email', 'Dikirim', 'ID Acara', 'Pengingat L3', 'Status'],
      ...a.peserta.map((n) => [
        a.id,
        n,
        `${n}@contoh.go.id`,
        '02/01/2030 09:00',
        'ev-a',
        '',
        n === declines ? 'Tidak Hadir' : 'Diundang',
      ]),
      ...b.peserta.map((n) => [b.id, n, `${n}@contoh.go.id`, '02/01/2030 09:00', 'ev-b', '', 'Gagal']),
    ]);
    const replan = await post('runCycle', { tenant, spreadsheetId });
    expect(replan.status).toBe(200);
    expect(replan.body.schedule.ulang.tetap).toEqual([a.id]);
    const kept = (await stored()).get(a.id);
    expect(kept).toMatchObject({ kode: 'K01', mulai: a.mulai, selesai: a.selesai });
    expect(kept?.peserta).toEqual(expect.arrayContaining(a.peserta.filter((n) => n !== declines)));
    expect(kept?.peserta).not.toContain(declines);
    const filled = h.sheets.valuesOf('Perubahan Jadwal').map((r) => r.map((v) => v ?? ''));
    expect(filled).toContainEqual([
      'Peserta keluar',
      a.id,
      'K01',
      declines,
      `Pegawai ${STAFF.indexOf(declines) + 1}`,
      'Menjawab Tidak Hadir.',
    ]);
    // the invitations are stored like any record sheet (no email: the re-plan needs none)
    expect(await ids(h.db, tenant, 'invitations')).toHaveLength(a.peserta.length + b.peserta.length);
    const one = await docData(h.db, `tenants/${tenant}/invitations/${a.id}~${declines}`);
    expect(one).toMatchObject({
      sesi: a.id,
      nip: declines,
      status: 'Tidak Hadir',
      dikirim: '2030-01-02T09:00:00',
    });
    expect(JSON.stringify(one)).not.toContain('@');
  }, 120000);
});
