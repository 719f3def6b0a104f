import {
  type AttendanceRecord,
  attendanceLoop,
  BENTUK,
  BENTUK_TABLE,
  bentukLabel,
  completersBySession,
  completionRecords,
  computeCompletion,
  computeJp,
  evaluate,
  jalurOf,
  type StatusHadir,
  sertifikatOf,
  validateRows,
  withCompletionRecords,
} from '@bangkom/core';
import { course, employee, programData, reaction, settings, testResult, training } from './builders';

const day = (
  sesi: string,
  kode: string,
  tanggal: string | undefined,
  nip: string,
  status: StatusHadir,
  row = 2,
) => {
  const a: AttendanceRecord = { row, sesi, kode, nip, status };
  if (tanggal !== undefined) a.tanggal = tanggal;
  return a;
};

describe('Bentuk of Peraturan LAN 10/2018', () => {
  it('names every code exactly as the regulation lists them, with SIASN ids 1–25 once each', () => {
    expect(BENTUK).toEqual([
      ...Array.from({ length: 12 }, (_, i) => `KL${String(i + 1).padStart(2, '0')}`),
      ...Array.from({ length: 13 }, (_, i) => `NKL${String(i + 1).padStart(2, '0')}`),
    ]);
    expect(bentukLabel('KL10')).toBe('KL10 bimbingan teknis');
    expect(bentukLabel('NKL06')).toBe('NKL06 pembelajaran alam terbuka (outbound)');
    expect(bentukLabel('NKL08')).toBe('NKL08 pertukaran PNS dengan pegawai swasta/BUMN/BUMD');
    expect(bentukLabel('XX1')).toBe('XX1');
    const ids = BENTUK_TABLE.map((b) => b.jenisDiklatId).sort((a, b) => a - b);
    expect(ids).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    const id = (k: string) => BENTUK_TABLE.find((b) => b.kode === k)?.jenisDiklatId;
    expect([id('KL01'), id('KL04'), id('KL03'), id('KL07'), id('KL02'), id('NKL12'), id('NKL13')]).toEqual([
      1, 2, 3, 4, 5, 10, 25,
    ]);
  });

  it('gives SIASN certificate types F for 2, P for 4, 7, 9 and T for the rest', () => {
    const types = Array.from({ length: 25 }, (_, i) => sertifikatOf(i + 1)).join('');
    expect(types).toBe('TFTPTTPTPTTTTTTTTTTTTTTTT');
  });

  it('shows the name in plans and accepts codes, short codes, names and labels in the sheet', () => {
    expect(jalurOf('KL03', 'Tatap Muka')).toBe('Klasikal / KL03 pelatihan teknis');
    const header = ['NIP', 'Nama Pelatihan', 'JP', 'Tanggal Mulai', 'Bentuk'];
    const nip = employee().nip;
    const cells = [
      'KL10',
      'kl10',
      'KL1',
      'Bimbingan Teknis',
      'KL10 - Bimbingan Teknis',
      '[KL10] bimbingan teknis',
      'benchmarking',
    ];
    const r = validateRows('Riwayat Pelatihan', [
      header,
      ...cells.map((b, i) => [nip, `Pelatihan ${i}`, 8, '2026-03-02', b]),
      [nip, 'Pelatihan salah', 8, '2026-03-02', 'KL15'],
    ]);
    expect(r.records.map((t) => t.bentuk)).toEqual(['KL10', 'KL10', 'KL01', 'KL10', 'KL10', 'KL10', 'NKL07']);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ row: 9, column: 'Bentuk' });
  });
});

describe('Daftar Hadir sheet', () => {
  const a = employee();
  const header = ['ID Sesi', 'Kode', 'Tanggal', 'NIP', 'Status', 'Keterangan'];

  it('reads days and invitation answers, quarantines bad status, repeats and unknown NIPs', () => {
    const r = validateRows(
      'Daftar Hadir',
      [
        header,
        ['S1', 'PLT-001', '02/03/2026', a.nip, 'hadir', ''],
        ['S1', 'PLT-001', '', a.nip, 'Tidak Hadir', 'undangan'],
        ['S1', 'PLT-001', '2026-03-02', a.nip, 'Izin', ''],
        ['S1', 'PLT-001', '2026-03-03', a.nip, 'Terlambat', ''],
        ['S1', 'PLT-001', '2026-03-03', employee().nip, 'Hadir', ''],
      ],
      undefined,
      { pegawaiNips: new Set([a.nip]) },
    );
    expect(r.records).toEqual([
      { row: 2, sesi: 'S1', kode: 'PLT-001', tanggal: '2026-03-02', nip: a.nip, status: 'Hadir' },
      { row: 3, sesi: 'S1', kode: 'PLT-001', nip: a.nip, status: 'Tidak Hadir', keterangan: 'undangan' },
    ]);
    expect(r.errors.map((e) => [e.row, e.column])).toEqual([
      [4, 'Tanggal'],
      [5, 'Status'],
      [6, 'NIP'],
    ]);
    expect(r.errors[0]?.message).toContain('ganda: sudah ada di baris 2');
    expect(r.count).toEqual({ rows: 5, valid: 2, quarantined: 3, superseded: 0 });
  });

  it('reads the completion settings from Pengaturan and rejects bad ones', () => {
    const r = validateRows('Pengaturan', [
      ['Kunci', 'Nilai'],
      ['Minimum Kehadiran', '75%'],
      ['Wajib Post-test', 'Tidak'],
      ['Pola Nomor Sertifikat', 'BKPSDM/{kode}/{tahun}/{urut}'],
      ['Instansi SIASN', 'A5EB03E23CCFF6A0E040640A040252AD'],
      ['Target JP', 'dua puluh'],
      ['Lokasi SIASN', 1234],
    ]);
    expect(r.records.map((e) => [e.kunci, e.teks ?? e.nilai])).toEqual([
      ['Minimum Kehadiran', 0.75],
      ['Wajib Post-test', 0],
      ['Pola Nomor Sertifikat', 'BKPSDM/{kode}/{tahun}/{urut}'],
      ['Instansi SIASN', 'A5EB03E23CCFF6A0E040640A040252AD'],
      ['Lokasi SIASN', '1234'],
    ]);
    expect(r.errors.map((e) => e.row)).toEqual([6]);
    const bad = validateRows('Pengaturan', [
      ['Kunci', 'Nilai'],
      ['Pola Nomor Sertifikat', '{kode}/{tahun}'],
      ['Minimum Kehadiran', 0],
      ['Wajib Post-test', 2],
    ]);
    expect(bad.errors.map((e) => e.message)).toEqual([
      'Pola Nomor Sertifikat harus memuat {urut} agar setiap sertifikat bernomor lain',
      'Minimum Kehadiran harus lebih dari 0 dan paling banyak 1 (mis. 80% atau 0,8)',
      'Wajib Post-test harus 1 (ya) atau 0 (tidak)',
    ]);
    expect(
      validateRows('Pengaturan', [
        ['Kunci', 'Nilai'],
        ['Pola Nomor Sertifikat', '{nomor}/{urut}'],
      ]).errors[0]?.message,
    ).toMatch(/bagian \{nomor\} tidak dikenal/);
  });
});

describe('completion and Riwayat rows from attendance', () => {
  const [a, b, c, d] = [employee(), employee(), employee(), employee()];
  const plt = course('PLT-001', { hari: 5, jp: 40, bentuk: 'KL03', penyelenggara: 'BKPSDM Kota Sawahlunto' });
  const days = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06'];
  const attendance: AttendanceRecord[] = [
    ...days.map((t) => day('S1', 'PLT-001', t, a.nip, 'Hadir')), // 5/5
    ...days.map((t, i) => day('S1', 'PLT-001', t, b.nip, i === 0 ? 'Sakit' : 'Hadir')), // 4/5 = 80 %
    ...days.map((t, i) => day('S1', 'PLT-001', t, c.nip, i < 2 ? 'Izin' : 'Hadir')), // 3/5
    day('S1', 'PLT-001', undefined, d.nip, 'Tidak Hadir'), // declined the invitation
  ];
  const base = () =>
    programData({
      employees: [a, b, c, d],
      courses: [plt],
      attendance,
      tests: [
        testResult('S1', a.nip, 40, 80),
        testResult('S1', b.nip, 50, 90),
        testResult('S1', c.nip, 50, 60),
      ],
    });

  it('completes at 80 % of the days with the post-test, and says why not otherwise', () => {
    const report = computeCompletion(base());
    const s = report.sessions[0];
    expect(s).toMatchObject({
      sesi: 'S1',
      kode: 'PLT-001',
      hari: 5,
      mulai: '2026-03-02',
      selesai: '2026-03-06',
    });
    expect(s?.peserta.map((p) => [p.nip, p.hadir, p.selesai])).toEqual([
      [a.nip, 5, true],
      [b.nip, 4, true],
      [c.nip, 3, false],
      [d.nip, 0, false],
    ]);
    expect(s?.peserta[2]?.alasan).toBe('hadir 3 dari 5 hari (60 %), kurang dari 80 %');
    expect(s?.peserta[3]?.konfirmasi).toBe('Tidak Hadir');
    // without her post-test b does not complete; with the rule off she does
    const noTest = { ...base(), tests: base().tests.filter((t) => t.nip !== b.nip) };
    expect(computeCompletion(noTest).sessions[0]?.peserta[1]).toMatchObject({
      selesai: false,
      postTest: false,
      alasan: 'belum mengerjakan post-test',
    });
    const off = { ...noTest, settings: settings({ wajibPostTest: false }) };
    expect(computeCompletion(off).sessions[0]?.peserta[1]).toMatchObject({ selesai: true, postTest: null });
    // a 60 % minimum lets c through
    const lower = { ...base(), settings: settings({ minimumKehadiran: 0.6 }) };
    expect(computeCompletion(lower).sessions[0]?.peserta[2]?.selesai).toBe(true);
  });

  it('counts the catalogue days when fewer are recorded (a session still running)', () => {
    const two = attendance.filter((r) => r.tanggal === undefined || r.tanggal <= '2026-03-03');
    const s = computeCompletion({ ...base(), attendance: two }).sessions[0];
    expect(s?.hari).toBe(5);
    expect(s?.peserta.every((p) => !p.selesai)).toBe(true);
  });

  it('makes one Riwayat row per completer, numbered, and nothing on a rerun', () => {
    const data = base();
    const first = completionRecords(data);
    expect(first.records).toEqual([
      {
        row: 0,
        nip: a.nip,
        namaPelatihan: plt.judul,
        jp: 40,
        mulai: '2026-03-02',
        selesai: '2026-03-06',
        nomorSertifikat: 'PLT-001/2026/0001',
        sesi: 'S1',
        bentuk: 'KL03',
        penyelenggara: 'BKPSDM Kota Sawahlunto',
      },
      expect.objectContaining({ nip: b.nip, nomorSertifikat: 'PLT-001/2026/0002' }),
    ]);
    // the rows written to the sheet (staff then edit one by hand): nothing new, nothing overwritten
    const written = first.records.map((t, i) => ({ ...t, row: 10 + i }));
    written[0] = { ...(written[0] as (typeof written)[number]), jp: 32, namaPelatihan: 'Dikoreksi petugas' };
    const again = completionRecords({ ...data, trainings: written });
    expect(again.records).toEqual([]);
    expect(again.sudahAda).toBe(2);
    // a row typed by hand with the same NIP, date and title counts as recorded too
    const typed = completionRecords({
      ...data,
      trainings: [training(a.nip, 40, '2026-03-02', { namaPelatihan: plt.judul })],
    });
    expect(typed.records.map((t) => t.nip)).toEqual([b.nip]);
    // numbering continues after the largest number already used for the course and year
    const later = completionRecords({
      ...data,
      trainings: [training(c.nip, 40, '2026-01-05', { nomorSertifikat: 'PLT-001/2026/0017' })],
    });
    expect(later.records.map((t) => t.nomorSertifikat)).toEqual(['PLT-001/2026/0018', 'PLT-001/2026/0019']);
  });

  it('reports who moved: JP of the year and the OPDs whose count meeting the target changed', () => {
    const data = base();
    const prior = [training(a.nip, 12, '2026-01-05', { namaPelatihan: 'Lain' })];
    const loop = attendanceLoop({ ...data, trainings: prior }, 2026);
    expect(loop.data.trainings).toHaveLength(3);
    expect(loop.jpBerubah).toEqual([
      { nip: a.nip, opd: a.opd, sebelum: 12, sesudah: 52, kiniMemenuhi: true },
      { nip: b.nip, opd: b.opd, sebelum: 0, sesudah: 40, kiniMemenuhi: true },
    ]);
    expect(loop.opd).toEqual([{ opd: a.opd, pegawai: 4, memenuhiSebelum: 0, memenuhiSesudah: 2 }]);
    // another JP year: rows added, nothing moved
    const other = attendanceLoop(data, 2025);
    expect(other.records).toHaveLength(2);
    expect([other.jpBerubah, other.opd]).toEqual([[], []]);
  });

  it('moves the JP figures and keeps no-shows out of the evaluation', () => {
    const data = base();
    const { records, completion } = completionRecords(data);
    const before = computeJp(data, 2026);
    const after = computeJp(withCompletionRecords(data, records), 2026);
    const jpOf = (r: typeof before, nip: string) => r.employees.find((e) => e.nip === nip)?.jp;
    expect([jpOf(before, a.nip), jpOf(after, a.nip), jpOf(after, c.nip)]).toEqual([0, 40, 0]);
    const withAnswers = {
      ...data,
      reactions: [
        reaction('S1', a.nip, [4, 4]),
        reaction('S1', c.nip, [1, 1]),
        reaction('S2', c.nip, [2, 2]),
      ],
    };
    const all = evaluate(withAnswers);
    const only = evaluate(withAnswers, completersBySession(completion));
    const s1 = (r: typeof all) => r.sessions.find((s) => s.sesi === 'S1');
    expect(s1(all)?.reaksi).toBe(62.5);
    expect(s1(only)?.reaksi).toBe(100);
    expect(s1(only)?.peserta).toBe(2); // a and b (b's post-test), not c
    // a session without attendance is taken whole
    expect(only.sessions.find((s) => s.sesi === 'S2')?.reaksi).toBe(50);
  });
});
