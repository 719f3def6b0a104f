/**
 * Reminders before a session: `Pengingat Hari` days before every session (H-3 by default) and
 * `Pengingat Tatap Muka` days before a face-to-face one (H-1), both read from `Pengaturan`.
 * Which reminders a participant already had is kept in Undangan's `Pengingat` column.
 */
import {
  DEFAULT_REMINDER_DAYS,
  MAX_REMINDER_DAYS,
  normalizeHeader,
  parseDecimal,
  SHEET,
} from '@bangkom/core';
import { text } from './form-defs.js';
import { columnOf, readTable, type Sheet } from './gas.js';

export interface ReminderDays {
  /** before every session; 0 = none */
  hari: number;
  /** before a face-to-face session; 0 = none */
  tatapMuka: number;
}

/** Reminder days from Pengaturan; a missing or invalid value keeps its default (and is said in `skipped`). */
export function readReminderDays(sheet: Sheet | null, skipped: string[]): ReminderDays {
  const days: ReminderDays = { ...DEFAULT_REMINDER_DAYS };
  if (!sheet) return days;
  const t = readTable(sheet);
  const kunci = columnOf(t.header, 'Kunci');
  const nilai = columnOf(t.header, 'Nilai');
  if (kunci < 0 || nilai < 0) return days;
  const keys: Record<string, keyof ReminderDays> = {
    [normalizeHeader('Pengingat Hari')]: 'hari',
    [normalizeHeader('Pengingat Tatap Muka')]: 'tatapMuka',
  };
  t.rows.forEach((r, i) => {
    const key = keys[normalizeHeader(r[kunci])];
    if (!key) return;
    const raw = r[nilai];
    const n = typeof raw === 'number' ? raw : parseDecimal(text(raw));
    if (n === undefined || !Number.isInteger(n) || n < 0 || n > MAX_REMINDER_DAYS) {
      skipped.push(
        `${SHEET.pengaturan} baris ${i + 2}, kolom Nilai: ${text(r[kunci])} harus bilangan bulat 0–${MAX_REMINDER_DAYS}; dipakai bawaan ${days[key]}.`,
      );
      return;
    }
    days[key] = n;
  });
  return days;
}

/** A session held in a room: not marked Daring and not a meeting link. */
export function isFaceToFace(lokasi: string): boolean {
  return !/^\s*daring\b|https?:\/\/|zoom|meet\.google|teams\.microsoft/i.test(lokasi);
}

export const reminderLabel = (days: number): string => `H-${days}`;

/** Labels already in a `Pengingat` cell ("H-3, H-1"). */
export function sentLabels(cell: string): Set<string> {
  return new Set(
    cell
      .split(/[,;]/)
      .map((l) => l.trim())
      .filter((l) => l !== ''),
  );
}

/**
 * The reminder due `daysLeft` days before the session's first day, if any: of the reminders
 * whose day has come and that were not sent, only the nearest goes (a day missed by the
 * trigger does not make two mails); `covered` is every label to record as done.
 */
export function dueReminder(
  daysLeft: number,
  days: ReminderDays,
  faceToFace: boolean,
  sent: ReadonlySet<string>,
): { label: string; covered: string[] } | null {
  if (daysLeft < 1) return null; // the day itself: too late for a reminder
  const wanted = [days.hari, ...(faceToFace ? [days.tatapMuka] : [])].filter((d) => d > 0);
  const open = [...new Set(wanted)]
    .filter((d) => d >= daysLeft && !sent.has(reminderLabel(d)))
    .sort((a, b) => a - b);
  const nearest = open[0];
  if (nearest === undefined) return null;
  return { label: reminderLabel(nearest), covered: open.map(reminderLabel) };
}

/** Reminders whose day has already come: an invitation sent now stands in for them. */
export function openReminders(daysLeft: number, days: ReminderDays, faceToFace: boolean): string[] {
  return [days.hari, ...(faceToFace ? [days.tatapMuka] : [])]
    .filter((d) => d > 0 && d >= daysLeft)
    .map(reminderLabel);
}

/** `session~nip` of participants whose latest answer in Konfirmasi Kehadiran (the sheet) is Tidak Hadir. */
export function readDeclined(sheet: Sheet | null): Set<string> {
  const out = new Set<string>();
  if (!sheet) return out;
  const t = readTable(sheet);
  const [sesi, nip, hadir] = ['ID Sesi', 'NIP', 'Kehadiran'].map((h) => columnOf(t.header, h)) as [
    number,
    number,
    number,
  ];
  if (sesi < 0 || nip < 0 || hadir < 0) return out;
  // later rows are later answers: the last one counts
  for (const r of t.rows) {
    const key = `${text(r[sesi])}~${text(r[nip]).replace(/^'/, '')}`;
    if (normalizeHeader(r[hadir]) === normalizeHeader('Tidak Hadir')) out.add(key);
    else out.delete(key);
  }
  return out;
}
