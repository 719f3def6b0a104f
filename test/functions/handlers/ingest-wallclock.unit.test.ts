/**
 * wallClock caches a zone's offset per quarter hour of UTC: it must give exactly what a
 * direct formatToParts gives, on both sides of every daylight-saving switch, in zones a
 * quarter or half hour off, and for any instant.
 */
import fc from 'fast-check';
import { localDate, wallClock, yearIn } from '../../../functions/src/time';

/** The reference: the zone's wall clock read directly, whole seconds. */
function direct(ms: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(ms));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:${get('second')}.000Z`;
}

const ZONES = [
  'Asia/Jakarta',
  'America/New_York',
  'Europe/London',
  'Australia/Lord_Howe', // a half-hour daylight-saving shift
  'America/St_Johns', // half an hour off, switches at local 02:00
  'Asia/Kathmandu', // a quarter hour off
  'Pacific/Chatham', // +12:45 / +13:45
];

describe('wallClock', () => {
  it('reads Asia/Jakarta (UTC+7) as the sheets keep time', () => {
    expect(wallClock('2026-03-01T02:30:00Z', 'Asia/Jakarta').toISOString()).toBe('2026-03-01T09:30:00.000Z');
    expect(wallClock('2026-03-01T09:30:00+07:00', 'Asia/Jakarta').toISOString()).toBe(
      '2026-03-01T09:30:00.000Z',
    );
    // no zone: already local, taken as written
    expect(wallClock('2026-04-02T08:15', 'Asia/Jakarta').toISOString()).toBe('2026-04-02T08:15:00.000Z');
  });

  it('agrees with a direct reading on both sides of daylight-saving switches', () => {
    const switches = [
      ['America/New_York', '2026-03-08T07:00:00Z'],
      ['America/New_York', '2026-11-01T06:00:00Z'],
      ['Europe/London', '2026-03-29T01:00:00Z'],
      ['Australia/Lord_Howe', '2026-04-04T15:00:00Z'],
      ['America/St_Johns', '2026-03-08T05:30:00Z'],
      ['Pacific/Chatham', '2026-04-04T14:00:00Z'],
    ] as const;
    for (const [zone, at] of switches) {
      const t = Date.parse(at);
      for (const d of [-3_600_000, -1000, 0, 1000, 999, 3_600_000]) {
        const ms = t + d;
        expect(wallClock(new Date(ms).toISOString(), zone).toISOString()).toBe(direct(ms, zone));
      }
    }
  });

  it('agrees with a direct reading for any instant and zone', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2045, 0, 1) }),
        fc.constantFrom(...ZONES),
        (ms, zone) => {
          expect(wallClock(new Date(ms).toISOString(), zone).toISOString()).toBe(direct(ms, zone));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('gives an invalid date (a validation error downstream) for an impossible instant', () => {
    expect(Number.isNaN(wallClock('2026-03-01T25:00:00Z', 'Asia/Jakarta').getTime())).toBe(true);
  });

  it('gives the run its date and year where the users are, from the same reading', () => {
    // 31 Dec 2026 18:30 UTC is already 1 Jan 2027 in Jakarta (UTC+7), still 2026 in New York
    const now = new Date('2026-12-31T18:30:00Z');
    expect(localDate(now, 'Asia/Jakarta')).toBe('2027-01-01');
    expect(yearIn(now, 'Asia/Jakarta')).toBe(2027);
    expect(localDate(now, 'America/New_York')).toBe('2026-12-31');
    expect(yearIn(now)).toBe(2027); // Asia/Jakarta when no zone is configured
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2045, 0, 1) }),
        fc.constantFrom(...ZONES),
        (ms, zone) => {
          expect(localDate(new Date(ms), zone)).toBe(direct(ms, zone).slice(0, 10));
        },
      ),
      { numRuns: 200 },
    );
  });
});
