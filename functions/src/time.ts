/**
 * The calendar where the users are. The core reads no clock and no zone: the adapters pass it
 * the date or year these give (from the run's start time and the configured zone). One
 * wall-clock rule for every adapter: the run's date and year, and form timestamps.
 */

/** The users' zone when none is configured (BANGKOM_TIME_ZONE's default). */
export const DEFAULT_TIME_ZONE = 'Asia/Jakarta';

/** An ISO 8601 instant with a zone (what Apps Script's toISOString() sends). */
export const ZONED_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Building a DateTimeFormat costs far more than using one: one per time zone. */
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The zone's wall clock at an instant, in ms since the epoch (UTC fields = local fields). */
function wallMs(ms: number, timeZone: string): number {
  const parts = formatter(timeZone).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
}

/** Offsets change at quarter hours of UTC (zones are whole quarter hours off UTC, and switch at local hh:00). */
const QUARTER_HOUR = 15 * 60_000;
const offsets = new Map<string, number>();

/**
 * The zone's offset (ms) for the quarter hour of UTC holding the instant; formatToParts is
 * far dearer than the rest of a submission, so it is asked once per zone and quarter hour.
 * A quarter whose two ends disagree (never, for today's zones) is not cached.
 */
function offsetAt(ms: number, timeZone: string): number {
  const start = Math.floor(ms / QUARTER_HOUR) * QUARTER_HOUR;
  const key = `${timeZone}|${start}`;
  const hit = offsets.get(key);
  if (hit !== undefined) return hit;
  const atStart = wallMs(start, timeZone) - start;
  const end = start + QUARTER_HOUR - 1000;
  if (wallMs(end, timeZone) - end !== atStart) return wallMs(ms - (ms % 1000), timeZone) - (ms - (ms % 1000));
  if (offsets.size >= 4096) offsets.clear();
  offsets.set(key, atStart);
  return atStart;
}

/** Wall-clock time of an instant in a time zone, as a Date whose UTC fields hold it, whole seconds. */
function wallClockAt(ms: number, timeZone: string): Date {
  const local = ms + offsetAt(ms, timeZone);
  return new Date(local - (((local % 1000) + 1000) % 1000));
}

/**
 * Wall-clock time of an ISO instant in a time zone, as a Date whose UTC fields hold it (the
 * sheets' convention). Text without a zone is already local and is taken as written.
 */
export function wallClock(iso: string, timeZone: string): Date {
  if (!ZONED_INSTANT.test(iso)) {
    const [d = '', t = '00:00:00'] = iso.split('T');
    return new Date(`${d}T${t.length === 5 ? `${t}:00` : t}Z`);
  }
  const ms = new Date(iso).getTime();
  if (Number.isNaN(ms)) return new Date(Number.NaN);
  return wallClockAt(ms, timeZone);
}

/** The date (YYYY-MM-DD) an instant falls on in a time zone. */
export function localDate(now: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  return wallClockAt(now.getTime(), timeZone).toISOString().slice(0, 10);
}

/** The year an instant falls in, in a time zone. */
export function yearIn(now: Date, timeZone: string = DEFAULT_TIME_ZONE): number {
  return wallClockAt(now.getTime(), timeZone).getUTCFullYear();
}
