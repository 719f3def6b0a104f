/** The `Jadwal` sheet Hitung & Sinkronkan writes for Kirim Undangan: trainer and cost appended. */
import type { ScheduledSession } from '@bangkom/core';
import { jadwalSheet } from '../../../functions/src/handlers/output-sheets';

const session = (over: Partial<ScheduledSession>): ScheduledSession => ({
  id: 'KL-01-2027-1',
  kode: 'KL-01',
  judul: 'Kepemimpinan Pengawas',
  mulai: '2027-03-01',
  selesai: '2027-03-03',
  peserta: ['198001012005011001', '198001012005011002', '198001012005011003'],
  hari: 3,
  jp: 24,
  moda: 'Tatap Muka',
  biayaPerPeserta: 750_000,
  ...over,
});

describe('Jadwal', () => {
  it('keeps its first seven columns and appends Pengajar and the costs', () => {
    const sheet = jadwalSheet({
      sessions: [
        session({ ruang: 'Aula', pengajar: 'Dr. Rina Wati', biayaPerAngkatan: 4_500_000 }),
        session({
          id: 'DR-02-2027-1',
          kode: 'DR-02',
          moda: 'Daring',
          ruang: null,
          pengajar: null,
          peserta: ['198001012005011004'],
          biayaPerPeserta: 0,
        }),
      ],
    });
    expect(sheet.title).toBe('Jadwal');
    expect(sheet.rows).toEqual([
      [
        'ID Sesi',
        'Kode',
        'Judul',
        'Mulai',
        'Selesai',
        'Lokasi',
        'Peserta',
        'Pengajar',
        'Biaya per Peserta',
        'Biaya per Angkatan',
        'Biaya Sesi',
      ],
      [
        'KL-01-2027-1',
        'KL-01',
        'Kepemimpinan Pengawas',
        '2027-03-01',
        '2027-03-03',
        'Aula',
        '198001012005011001, 198001012005011002, 198001012005011003',
        'Dr. Rina Wati',
        750_000,
        4_500_000,
        3 * 750_000 + 4_500_000,
      ],
      // no trainer needed, no fixed cost: empty and 0, never a missing cell
      [
        'DR-02-2027-1',
        'DR-02',
        'Kepemimpinan Pengawas',
        '2027-03-01',
        '2027-03-03',
        'Daring',
        '198001012005011004',
        '',
        0,
        0,
        0,
      ],
    ]);
  });
});
