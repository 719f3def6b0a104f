import {
  type Course,
  type Employee,
  type ScheduledSession,
  type UnmetNeed,
  waitingList,
} from '@bangkom/core';

const course = (kode: string, kompetensi: string[], kapasitas = 2): Course => ({
  row: 2,
  kode,
  judul: kode,
  kompetensi,
  jp: 8,
  kapasitas,
  biaya: 0,
  hari: 1,
});
const person = (nip: string, nama: string): Employee => ({
  row: 2,
  nip,
  nama,
  jenisAsn: 'PNS',
  opd: 'Dinas Kesehatan',
  jabatan: 'Analis',
});
const session = (id: string, kode: string, peserta: string[]): ScheduledSession => ({
  id,
  kode,
  mulai: '2030-03-10',
  selesai: '2030-03-10',
  peserta,
  judul: kode,
  hari: 1,
  jp: 8,
  moda: 'Tatap Muka',
  biayaPerPeserta: 0,
});
const unmet = (nip: string, kode: string, prioritas: number): UnmetNeed => ({
  nip,
  opd: 'Dinas Kesehatan',
  kode,
  prioritas,
  alasan: 'Tidak terpilih',
});

const A = '199001012015031001';
const B = '199001012015031002';
const C = '199001012015031003';
const D = '199001012015031004';
const E = '199001012015031005';

describe('waitingList', () => {
  const data = {
    courses: [course('PL-01', ['M.01', 'M.02']), course('KL-02', ['T.01'], 1)],
    employees: [A, B, C, D, E].map((n, i) => person(n, `Pegawai ${i + 1}`)),
  };

  it('lists per session the unseated ASN who need its competencies, by the priority the course closes', () => {
    const report = {
      sessions: [session('S1', 'PL-01', [A]), session('S2', 'PL-01', [B]), session('S3', 'KL-02', [C])],
      unmet: [
        unmet(C, 'M.01', 2), // C needs M.01 and M.02: 2 + 1.5 = 3.5
        unmet(C, 'M.02', 1.5),
        unmet(D, 'M.02', 3), // 3
        unmet(E, 'M.01', 3), // 3, after D by NIP
        unmet(B, 'T.01', 4), // seated in PL-01, open need for KL-02
        unmet(A, 'X.99', 9), // no course covers it
      ],
    };
    const list = waitingList(report, data);
    expect(list.filter((w) => w.sesi === 'S1').map((w) => [w.urutan, w.nip, w.prioritas])).toEqual([
      [1, C, 3.5],
      [2, D, 3],
    ]); // capacity 2
    expect(list.filter((w) => w.sesi === 'S2').map((w) => w.nip)).toEqual([C, D]);
    expect(list.filter((w) => w.sesi === 'S3')).toEqual([
      { sesi: 'S3', urutan: 1, nip: B, nama: 'Pegawai 2', opd: 'Dinas Kesehatan', prioritas: 4 },
    ]);
    expect(
      waitingList(report, data, { max: 10 })
        .filter((w) => w.sesi === 'S1')
        .map((w) => w.nip),
    ).toEqual([C, D, E]);
  });

  it('never lists someone already seated in a session of the same course', () => {
    const report = {
      sessions: [session('S1', 'PL-01', [A]), session('S2', 'PL-01', [C])],
      unmet: [unmet(C, 'M.01', 5), unmet(D, 'M.01', 1)],
    };
    expect(waitingList(report, data).map((w) => `${w.sesi} ${w.nip}`)).toEqual([`S1 ${D}`, `S2 ${D}`]);
  });

  it('walks past ASN the audience or the JP ceiling keeps out, in every session of the course', () => {
    const pppk = (nip: string, nama: string): Employee => ({ ...person(nip, nama), jenisAsn: 'PPPK' });
    const data2 = {
      courses: [{ ...course('ORI', ['M.01', 'M.02'], 2), sasaranJenisAsn: 'PPPK' as const }],
      // A's first row (PNS) decides the audience, its last row the name shown
      employees: [person(A, 'Pegawai 1'), pppk(A, 'Pegawai 1 (ganda)'), pppk(B, 'Pegawai 2')].concat(
        [C, D, E].map((n, i) => pppk(n, `Pegawai ${i + 3}`)),
      ),
      trainings: [
        // 56 JP recorded in the sessions' year: 8 more passes the ceiling of 60
        { row: 2, nip: B, namaPelatihan: 'Lain', jp: 56, mulai: '2030-01-06' },
        // another year's JP do not count
        { row: 3, nip: C, namaPelatihan: 'Lain', jp: 56, mulai: '2029-01-06' },
      ],
      settings: { targetJp: 20, bobot: { Asesmen: 0.5, Atasan: 0.3, Diri: 0.2 }, batasJp: 60 },
    };
    const report = {
      sessions: [session('S1', 'ORI', []), session('S2', 'ORI', [])],
      unmet: [
        unmet(A, 'M.01', 9), // outside the audience (PNS by its first row)
        unmet(B, 'M.01', 8), // JP ceiling
        unmet(E, 'M.02', 2),
        unmet(C, 'M.01', 1),
        unmet(C, 'M.02', 1), // 2 in all, tied with E and D: by NIP
        unmet(D, 'M.01', 2),
        unmet(D, 'M.01', 1.5), // a repeated need counts at its highest
      ],
    };
    const list = waitingList(report, data2);
    expect(list.map((w) => [w.sesi, w.urutan, w.nip, w.prioritas])).toEqual([
      ['S1', 1, C, 2],
      ['S1', 2, D, 2],
      ['S2', 1, C, 2],
      ['S2', 2, D, 2],
    ]);
    expect(
      waitingList(report, data2, { max: 5 })
        .filter((w) => w.sesi === 'S2')
        .map((w) => w.nip),
    ).toEqual([C, D, E]);
    // without settings there is no ceiling; the name is the last Pegawai row's
    const { settings: _, ...noLimit } = data2;
    expect(
      waitingList(
        report,
        { ...noLimit, employees: [...noLimit.employees, pppk(B, 'Pegawai 2 (baru)')] },
        { max: 1 },
      ),
    ).toEqual([
      { sesi: 'S1', urutan: 1, nip: B, nama: 'Pegawai 2 (baru)', opd: 'Dinas Kesehatan', prioritas: 8 },
      { sesi: 'S2', urutan: 1, nip: B, nama: 'Pegawai 2 (baru)', opd: 'Dinas Kesehatan', prioritas: 8 },
    ]);
  });
});
