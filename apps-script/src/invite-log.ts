/**
 * The `Undangan` sheet: per session and NIP, the event id and what the participant was told
 * (time, place, status, reminders), read once and written once per run.
 */
import { serialToIsoTimestamp, UNDANGAN_HEADER, UNDANGAN_STATE_HEADER, UNDANGAN_STATUS } from '@bangkom/core';

import { text } from './form-defs.js';
import { columnOf, keepText, type Row, readTable, type Sheet, writeTable } from './gas.js';
import type { Session } from './sessions.js';

/** A participant's invitation row in Undangan, with the state columns read by name. */
export class InviteLog {
  readonly header: string[];
  readonly rows: Row[];
  private readonly oldHeight: number;
  private dirty = false;
  private readonly col = new Map<string, number>();
  /** row index per `session~nip` (the latest row when a key repeats) */
  readonly byKey = new Map<string, number>();

  constructor(private readonly sheet: Sheet) {
    const t = readTable(sheet);
    this.oldHeight = t.header.length === 0 ? 0 : t.rows.length + 1;
    const header = t.header.length === 0 ? [...UNDANGAN_HEADER] : t.header.slice();
    for (const h of [...UNDANGAN_HEADER, ...UNDANGAN_STATE_HEADER]) {
      if (columnOf(header, h) < 0) {
        header.push(h);
        this.dirty = true;
      }
    }
    this.header = header;
    for (const h of [...UNDANGAN_HEADER, ...UNDANGAN_STATE_HEADER]) this.col.set(h, columnOf(header, h));
    this.rows = t.rows.map((r) => Array.from({ length: header.length }, (_, i) => r[i] ?? ''));
    this.rows.forEach((r, i) => {
      const key = `${this.text(r, 'ID Sesi')}~${this.text(r, 'NIP').replace(/^'/, '')}`;
      if (key !== '~') this.byKey.set(key, i);
    });
  }

  private at(name: LogColumn): number {
    return this.col.get(name) ?? -1;
  }
  text(r: Row, name: LogColumn): string {
    return text(r[this.at(name)]);
  }
  value(r: Row, name: LogColumn): unknown {
    return r[this.at(name)];
  }
  set(i: number, values: Partial<Record<LogColumn, unknown>>): void {
    const r = this.rows[i];
    if (!r) return;
    for (const [k, v] of Object.entries(values)) r[this.at(k as LogColumn)] = v;
    this.dirty = true;
  }
  add(values: Partial<Record<LogColumn, unknown>>): number {
    this.rows.push(Array.from({ length: this.header.length }, () => ''));
    const i = this.rows.length - 1;
    this.set(i, values);
    this.byKey.set(`${text(values['ID Sesi'])}~${text(values.NIP)}`, i);
    return i;
  }
  /** one write of the whole table, only when something changed */
  flush(): void {
    if (!this.dirty) return;
    writeTable(this.sheet, this.header, this.rows, this.oldHeight);
    this.dirty = false;
  }
}

export type LogColumn = (typeof UNDANGAN_HEADER)[number] | (typeof UNDANGAN_STATE_HEADER)[number];

export const ACTIVE = new Set<string>(['', UNDANGAN_STATUS.diundang]);
/** a recorded time equals the schedule's when they agree to the minute */
export const sameTime = (a: number | null, b: number): boolean => a !== null && Math.abs(a - b) < 0.5 / 1440;

/** What a participant is told about a session, recorded to notice later changes. */
export function recorded(s: Session): Partial<Record<LogColumn, unknown>> {
  return {
    'Mulai Diundang': keepText(serialToIsoTimestamp(s.mulai).replace('T', ' ').slice(0, 16)),
    'Selesai Diundang': keepText(serialToIsoTimestamp(s.selesai).replace('T', ' ').slice(0, 16)),
    'Lokasi Diundang': keepText(s.lokasi),
  };
}
