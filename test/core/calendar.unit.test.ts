import {
  addDays,
  applyHolidayCorrections,
  dayOfWeek,
  daysOfYear,
  isoToUtc,
  monthOf,
  workingDays,
  workingDaysPerMonth,
} from '@bangkom/core';

describe('calendar', () => {
  it('knows weekdays and leap years', () => {
    expect(dayOfWeek('2026-08-17')).toBe(1); // Monday
    expect(dayOfWeek('2026-01-03')).toBe(6); // Saturday
    expect(daysOfYear(2024)).toHaveLength(366);
    expect(daysOfYear(2026)).toHaveLength(365);
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(monthOf('2026-11-30')).toBe(11);
  });

  it('rejects malformed and impossible dates in Indonesian', () => {
    expect(() => isoToUtc('2026-02-30')).toThrow('Tanggal tidak ada');
    expect(() => isoToUtc('30/01/2026')).toThrow('Tanggal tidak valid');
  });

  it('working days skip weekends and holidays', () => {
    const days = workingDays(2026, new Set(['2026-08-17', '2026-08-15']));
    expect(days).not.toContain('2026-08-17'); // holiday on a Monday
    expect(days).not.toContain('2026-08-15'); // Saturday anyway
    expect(days).toContain('2026-08-18');
    expect(days.every((d) => ![0, 6].includes(dayOfWeek(d)))).toBe(true);
    // 2026 has 261 weekdays; one holiday falls on a weekday
    expect(days).toHaveLength(260);
    const perMonth = workingDaysPerMonth(days);
    expect(perMonth.reduce((a, b) => a + b, 0)).toBe(260);
    expect(perMonth[8]).toBe(20); // August 2026: 21 weekdays minus the 17th
  });

  it('applies Hari Libur corrections in row order, only for the fiscal year', () => {
    const base = ['2026-03-20', '2026-03-21', '2025-12-25', '2026-12-25'];
    const set = applyHolidayCorrections(
      base,
      [
        { row: 2, tanggal: '2026-03-23', libur: true, keterangan: 'Cuti bersama Idul Fitri' },
        { row: 3, tanggal: '2026-12-25', libur: false, keterangan: 'dipindah' },
        { row: 4, tanggal: '2027-01-02', libur: true },
        { row: 5, tanggal: '2026-12-26', libur: true },
        { row: 6, tanggal: '2026-12-26', libur: false },
      ],
      2026,
    );
    expect([...set].sort()).toEqual(['2026-03-20', '2026-03-21', '2026-03-23']);
  });
});
