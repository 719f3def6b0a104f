import { isoToSerial, parseDateCell, parseTimestampCell } from '@bangkom/core';
import { DateConverter, jsonCell } from '../../apps-script/src/cells';
import { jakarta } from './fakes/world';
import { useWorld } from './helpers';

useWorld();

describe('dates from getValues()', () => {
  const dates = () => new DateConverter('Asia/Jakarta');

  it('become sheet serials of the local wall-clock date, not the UTC one', () => {
    // midnight 1 March 2026 in Jakarta is 17:00 on 28 February in UTC
    const d = jakarta(2026, 3, 1);
    expect(d.toISOString()).toBe('2026-02-28T17:00:00.000Z');
    const serial = dates().serial(d);
    expect(serial).toBe(isoToSerial('2026-03-01'));
    expect(parseDateCell(serial)).toEqual({ ok: true, value: '2026-03-01' });
    // the core reads a raw Date with UTC getters and would see the wrong day
    expect(parseDateCell(d)).toEqual({ ok: true, value: '2026-02-28' });
  });

  it('keep the time of a form timestamp to the second', () => {
    const serial = dates().serial(jakarta(2026, 11, 28, 23, 59, 58));
    expect(parseTimestampCell(serial)).toEqual({ ok: true, value: '2026-11-28T23:59:58' });
    expect(jsonCell(jakarta(2026, 11, 28, 7, 5, 0), dates())).toBe('2026-11-28T07:05:00');
  });

  it('follow the zone of the spreadsheet', () => {
    const utc = new DateConverter('UTC');
    expect(utc.serial(new Date(Date.UTC(2026, 0, 2)))).toBe(isoToSerial('2026-01-02'));
    const jayapura = new DateConverter('Asia/Jayapura'); // WIT, UTC+9
    expect(jayapura.serial(new Date(Date.UTC(2026, 0, 1, 15)))).toBe(isoToSerial('2026-01-02'));
  });

  it('leave other cells as they are and turn invalid dates into blanks', () => {
    const c = dates();
    expect(c.rows([['a', 1, true, '', new Date(Number.NaN)]])).toEqual([['a', 1, true, '', null]]);
  });
});
