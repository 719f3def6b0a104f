import { PERUBAHAN_JADWAL_HEADER, replanCounts, replanRows, type ScheduleReport } from '../../core/src';
import { employee, pnsNip } from './builders';

const A = pnsNip(1);
const B = pnsNip(2);
const C = pnsNip(3);

const session = (id: string, mulai: string, peserta: string[]) => ({
  id,
  kode: id.slice(0, 3),
  mulai,
  selesai: mulai,
  peserta,
});

describe('Perubahan Jadwal rows', () => {
  const previous = [
    session('K01-1', '2030-01-02', [A, B]),
    session('K02-1', '2030-02-04', [C]),
    { ...session('K03-1', '2030-03-04', [A]), ruang: 'Aula' },
  ];
  const report: Pick<ScheduleReport, 'ulang' | 'sessions'> = {
    sessions: [
      { ...session('K01-1', '2030-01-02', [A, C]) } as ScheduleReport['sessions'][number],
      { ...session('K03-1', '2030-03-11', [A]), ruang: 'Aula' } as ScheduleReport['sessions'][number],
      { ...session('K04-1', '2030-04-01', [B]) } as ScheduleReport['sessions'][number],
    ],
    ulang: {
      tetap: ['K01-1'],
      dilepas: [{ id: 'K02-1', alasan: 'Ruang Lab tidak ada lagi di lembar Ruang.' }],
      sesiBaru: ['K04-1'],
      sesiBatal: ['K02-1'],
      sesiPindah: [
        {
          id: 'K03-1',
          dari: 'K03, 2030-03-04 s.d. 2030-03-04, Aula',
          ke: 'K03, 2030-03-11 s.d. 2030-03-11, Aula',
        },
      ],
      pengajarGanti: [
        { id: 'K03-1', dari: 'Dr. Rina', ke: 'Drs. Yusuf' },
        { id: 'K01-1', dari: 'Dr. Rina', ke: null },
      ],
      pesertaMasuk: [
        { sesi: 'K01-1', nip: C },
        { sesi: 'K04-1', nip: B },
      ],
      pesertaKeluar: [
        { sesi: 'K01-1', nip: B },
        { sesi: 'K02-1', nip: C },
      ],
    },
  };
  const data = {
    employees: [
      employee({ nip: A, nama: 'Ani' }),
      employee({ nip: B, nama: 'Budi' }),
      employee({ nip: C, nama: 'Cici' }),
    ],
    attendance: [
      { sheet: 'Daftar Hadir', row: 2, sesi: 'K01-1', kode: 'K01', nip: B, status: 'Tidak Hadir' as const },
    ],
    invitations: [],
  };

  it('one row per change, sessions first, with the course, the person and why (dates dd/mm/yyyy)', () => {
    expect(PERUBAHAN_JADWAL_HEADER).toEqual(['Perubahan', 'ID Sesi', 'Kode', 'NIP', 'Nama', 'Keterangan']);
    expect(replanRows(report, previous, data)).toEqual([
      [
        'Sesi tetap',
        'K01-1',
        'K01',
        '',
        '',
        'Sudah dimulai atau diumumkan; tetap 02/01/2030 s.d. 02/01/2030',
      ],
      ['Sesi dilepas', 'K02-1', 'K02', '', '', 'Ruang Lab tidak ada lagi di lembar Ruang.'],
      ['Sesi baru', 'K04-1', 'K04', '', '', '01/04/2030 s.d. 01/04/2030; 1 peserta'],
      [
        'Sesi dipindah',
        'K03-1',
        'K03',
        '',
        '',
        'K03, 04/03/2030 s.d. 04/03/2030, Aula → K03, 11/03/2030 s.d. 11/03/2030, Aula',
      ],
      ['Pengajar berganti', 'K03-1', 'K03', '', '', 'Pengajar Dr. Rina → Drs. Yusuf'],
      ['Pengajar berganti', 'K01-1', 'K01', '', '', 'Pengajar Dr. Rina → tanpa pengajar'],
      ['Sesi dibatalkan', 'K02-1', 'K02', '', '', 'Dilepas (lihat baris Sesi dilepas).'],
      ['Peserta masuk', 'K01-1', 'K01', C, 'Cici', ''],
      ['Peserta masuk', 'K04-1', 'K04', B, 'Budi', ''],
      ['Peserta keluar', 'K01-1', 'K01', B, 'Budi', 'Menjawab Tidak Hadir.'],
      ['Peserta keluar', 'K02-1', 'K02', C, 'Cici', 'Sesinya dibatalkan.'],
    ]);
    expect(replanCounts(report)).toEqual({
      tetap: 1,
      dilepas: 1,
      baru: 1,
      pindah: 1,
      pengajar: 2,
      batal: 1,
      masuk: 2,
      keluar: 2,
    });
  });

  it('no re-plan, no rows and no counts', () => {
    const first = { sessions: report.sessions };
    expect(replanRows(first, [], data)).toEqual([]);
    expect(replanCounts({})).toBeNull();
  });
});
