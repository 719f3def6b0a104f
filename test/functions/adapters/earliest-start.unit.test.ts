import { earliestStart } from '../../../functions/src/adapters/scheduler';

describe('earliestStart: planning the year under way never schedules in the past', () => {
  test('the year under way starts tomorrow in Asia/Jakarta', () => {
    expect(earliestStart(2026, new Date(Date.UTC(2026, 10, 28, 3, 0, 0)))).toBe('2026-11-29');
    // 17:30 UTC on 28 November is already 29 November in Jakarta (UTC+7)
    expect(earliestStart(2026, new Date(Date.UTC(2026, 10, 28, 17, 30, 0)))).toBe('2026-11-30');
    // month and year ends roll over
    expect(earliestStart(2026, new Date(Date.UTC(2026, 1, 28, 3, 0, 0)))).toBe('2026-03-01');
    expect(earliestStart(2026, new Date(Date.UTC(2026, 11, 31, 3, 0, 0)))).toBe('2027-01-01');
  });

  test('a future or past fiscal year has no limit', () => {
    const now = new Date(Date.UTC(2026, 10, 28, 3, 0, 0));
    expect(earliestStart(2027, now)).toBeUndefined();
    expect(earliestStart(2025, now)).toBeUndefined();
    // 31 December 18:00 UTC is New Year's Day in Jakarta: 2026 is over there, 2027 under way
    const newYear = new Date(Date.UTC(2026, 11, 31, 18, 0, 0));
    expect(earliestStart(2026, newYear)).toBeUndefined();
    expect(earliestStart(2027, newYear)).toBe('2027-01-02');
  });

  test('another zone can be named', () => {
    expect(earliestStart(2026, new Date(Date.UTC(2026, 10, 28, 20, 0, 0)), 'Asia/Jayapura')).toBe(
      '2026-11-30',
    );
  });
});
