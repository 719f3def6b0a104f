/**
 * `getValues()` hands date cells over as `Date` objects: the instant of the cell's wall-clock
 * time in the spreadsheet's time zone (Asia/Jakarta for BKPSDM). The core never reads a time
 * zone, so dates go to it as sheet serial numbers (days since 1899-12-30, local wall-clock),
 * the same number Sheets stores and the Node side reads with UNFORMATTED_VALUE.
 */
import type { Cell } from '@bangkom/core';

const MS_PER_DAY = 86_400_000;
/** 1970-01-01 as a sheet serial number */
const UNIX_EPOCH_SERIAL = 25_569;

/** Offset of a zone at an instant, in ms, via Utilities ("+0700" -> 25 200 000). */
export function zoneOffsetMs(date: Date, timeZone: string): number {
  const z = Utilities.formatDate(date, timeZone, 'Z');
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(z);
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return (m[1] === '-' ? -1 : 1) * minutes * 60_000;
}

/** Converts dates of one sheet read; offsets are cached per hour so a 5,000-row read costs a few calls. */
export class DateConverter {
  private readonly offsets = new Map<number, number>();
  constructor(private readonly timeZone: string) {}

  serial(date: Date): number {
    const hour = Math.floor(date.getTime() / 3_600_000);
    let offset = this.offsets.get(hour);
    if (offset === undefined) {
      offset = zoneOffsetMs(date, this.timeZone);
      this.offsets.set(hour, offset);
    }
    const serial = (date.getTime() + offset) / MS_PER_DAY + UNIX_EPOCH_SERIAL;
    // Sheets keeps whole seconds; drop float noise so dates stay integers.
    return Math.round(serial * 86_400) / 86_400;
  }

  cell(value: unknown): Cell {
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : this.serial(value);
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
    return value == null ? null : String(value);
  }

  rows(values: readonly (readonly unknown[])[]): Cell[][] {
    return values.map((r) => r.map((v) => this.cell(v)));
  }

  /** Wall-clock ISO `YYYY-MM-DDTHH:MM:SS` of a Date in the zone (for JSON bodies). */
  iso(date: Date): string {
    return serialToIso(this.serial(date));
  }
}

export function serialToIso(serial: number): string {
  const ms = Math.round((serial - UNIX_EPOCH_SERIAL) * MS_PER_DAY);
  return new Date(ms).toISOString().slice(0, 19);
}

/** A JSON-safe copy of a cell: Dates become local ISO timestamps. */
export function jsonCell(value: unknown, dates: DateConverter): string | number | boolean | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : dates.iso(value);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return value == null ? null : String(value);
}

export function timeZone(): string {
  try {
    return SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone() || Session.getScriptTimeZone();
  } catch (_noSpreadsheet) {
    return Session.getScriptTimeZone();
  }
}
