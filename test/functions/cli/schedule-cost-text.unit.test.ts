/** `bangkom schedule` text: a Biaya Sesi column once some course has a Biaya per Angkatan. */
import { type Course, type GapsReport, type ProgramData, planSchedule } from '@bangkom/core';
import { scheduleText } from '../../../functions/src/cli/commands/schedule';
import { emptyData, nipOf, someHolidays } from '../../core/schedule-fixtures';

function world(biayaAngkatan?: number): { data: ProgramData; gaps: GapsReport } {
  const course: Course = {
    row: 2,
    kode: 'K1',
    judul: 'Pelatihan K1',
    kompetensi: ['M.01'],
    jp: 20,
    kapasitas: 10,
    biaya: 100_000,
    hari: 2,
    moda: 'Tatap Muka',
    bentuk: 'KL03',
    ...(biayaAngkatan !== undefined ? { biayaAngkatan } : {}),
  };
  const gaps: GapsReport = {
    employees: Array.from({ length: 8 }, (_, i) => ({
      nip: nipOf(i),
      opd: 'Dinas A',
      jabatan: 'Analis',
      competencies: [{ kode: 'M.01', standar: 4, aktual: 2, gap: 2, prioritas: 3, sumber: ['Atasan'] }],
    })),
    opd: [],
  };
  const data = emptyData(2026);
  data.courses = [course];
  data.budgets = [{ row: 2, opd: 'Dinas A', pagu: 100_000_000 }];
  return { data, gaps };
}

describe('scheduleText and Biaya per Angkatan', () => {
  it('shows each session’s cost (participants × Biaya per Peserta + Biaya per Angkatan) in id_ID rupiah', () => {
    const w = world(5_000_000);
    const text = scheduleText(planSchedule(w.data, w.gaps, { holidays: someHolidays(2026) }));
    const header = text.split('\n').find((line) => line.includes('ID Sesi')) ?? '';
    expect(header).toContain('Biaya Sesi');
    const row = text.split('\n').find((line) => line.includes('K1-2026-1')) ?? '';
    expect(row).toContain('Rp5.800.000');
  });

  it('leaves the column out when no course has one', () => {
    const w = world();
    const text = scheduleText(planSchedule(w.data, w.gaps, { holidays: someHolidays(2026) }));
    expect(text).toContain('K1-2026-1');
    expect(text).not.toContain('Biaya Sesi');
  });
});
