/**
 * The calendar where the users are. The core reads no clock and no zone: the adapters pass it
 * the date or year these give (from the run's start time and the configured zone).
 */

/** The users' zone when none is configured (BANGKOM_TIME_ZONE's default). */
export const DEFAULT_TIME_ZONE = 'Asia/Jakarta';

/** The date (YYYY-MM-DD) an instant falls on in a time zone. */
export function localDate(now: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** The year an instant falls in, in a time zone. */
export function yearIn(now: Date, timeZone: string = DEFAULT_TIME_ZONE): number {
  return Number(localDate(now, timeZone).slice(0, 4));
}
