/**
 * What Kirim Undangan and the L3 follow-up read: the sessions of `Jadwal`, the people of
 * `Pegawai`, and a prefilled form link per session and NIP; dates as sheet serials.
 */
import { isoToSerial, normalizeHeader, parseTimestampCell, SHEET, serialToIsoTimestamp } from '@bangkom/core';
import { APP_SHEET } from './app-sheets.js';
import type { DateConverter } from './cells.js';
import { text } from './form-defs.js';
import { formIds } from './forms.js';
import { columnOf, readTable, type Sheet, type Spreadsheet, sheetsByName } from './gas.js';

export interface Session {
  id: string;
  judul: string;
  /** course code: a seat freed goes to someone not already in a session of the same course */
  kode?: string;
  /** sheet row in Jadwal, and the Peserta column, to write a seat given to the waiting list */
  at?: { row: number; col: number };
  /** sheet serials, local wall-clock; whole numbers = dates without a time */
  mulai: number;
  selesai: number;
  lokasi: string;
  peserta: string[];
  /** the trainer (Jadwal's `Pengajar`, a later column); '' when none or the column is absent */
  pengajar: string;
}

/** A Mulai/Selesai cell (a date cell, or `YYYY-MM-DD[ HH:MM]` text as the functions write it) as a serial. */
export function whenOf(cell: unknown, dates: DateConverter): number | null {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : dates.serial(cell);
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (typeof cell !== 'string' || cell.trim() === '') return null;
  const parsed = parseTimestampCell(cell);
  return parsed.ok ? isoToSerial(parsed.value) : null;
}

export const allDay = (s: Session): boolean => Number.isInteger(s.mulai) && Number.isInteger(s.selesai);
/** the serial at which a session is over: the end time, or the midnight after its last day */
export const endOf = (s: Session): number => (allDay(s) ? Math.floor(s.selesai) + 1 : s.selesai);

/** A serial as a Date in the spreadsheet's zone (for CalendarApp). */
export function dateAt(serial: number, tz: string): Date {
  return Utilities.parseDate(serialToIsoTimestamp(serial).replace('T', ' '), tz, 'yyyy-MM-dd HH:mm:ss');
}

/** `DD/MM/YYYY` or `DD/MM/YYYY HH:MM` of a serial, as Indonesian letters write dates. */
export function tanggal(serial: number, withTime: boolean): string {
  const iso = serialToIsoTimestamp(serial);
  const d = `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  return withTime ? `${d} ${iso.slice(11, 16)}` : d;
}

/** "10/03/2030 08:00 s.d. 11/03/2030 16:00, Aula" */
export function waktuTempat(mulai: number, selesai: number, lokasi: string): string {
  const withTime = !(Number.isInteger(mulai) && Number.isInteger(selesai));
  const when = `${tanggal(mulai, withTime)} s.d. ${tanggal(selesai, withTime)}`;
  return lokasi ? `${when}, ${lokasi}` : when;
}

export interface Person {
  nama: string;
  email: string;
  nipAtasan: string;
}

/** Every session of `Jadwal` with valid dates, past ones included (a vanished one is a cancellation). */
export function readSessions(find: Finder, dates: DateConverter, skipped: string[]): Session[] {
  const sheet = find(APP_SHEET.jadwal);
  if (!sheet) return [];
  const t = readTable(sheet);
  const [id, judul, kode, mulai, selesai, lokasi, peserta, pengajar] = [
    'ID Sesi',
    'Judul',
    'Kode',
    'Mulai',
    'Selesai',
    'Lokasi',
    'Peserta',
    'Pengajar',
  ].map((h) => columnOf(t.header, h)) as [number, number, number, number, number, number, number, number];
  const out: Session[] = [];
  t.rows.forEach((r, i) => {
    const sid = text(r[id]);
    if (sid === '') return;
    const start = whenOf(r[mulai], dates);
    const end = whenOf(r[selesai], dates);
    if (start === null || end === null || end < start) {
      skipped.push(
        `${APP_SHEET.jadwal} baris ${i + 2}: Mulai dan Selesai harus tanggal (YYYY-MM-DD atau DD/MM/YYYY), Selesai tidak sebelum Mulai.`,
      );
      return;
    }
    const session: Session = {
      id: sid,
      kode: text(r[kode]),
      at: { row: i + 2, col: peserta + 1 },
      judul: text(r[judul]) || text(r[kode]) || sid,
      mulai: start,
      selesai: end,
      lokasi: text(r[lokasi]),
      peserta: text(r[peserta])
        .split(/[,;\s]+/)
        .filter((n) => /^\d{18}$/.test(n)),
      pengajar: pengajar < 0 ? '' : text(r[pengajar]),
    };
    out.push(session);
  });
  return out;
}

/** A sheet by name from one getSheets() listing. */
export type Finder = (name: string) => Sheet | null;

export function finder(ss: Spreadsheet): Finder {
  const sheets = sheetsByName(ss);
  return (name) => sheets.get(normalizeHeader(name)) ?? null;
}

export function readPeople(find: Finder): Map<string, Person> {
  const people = new Map<string, Person>();
  const sheet = find(SHEET.pegawai);
  if (!sheet) return people;
  const t = readTable(sheet);
  const [nip, nama, email, atasan] = ['NIP', 'Nama', 'Email', 'NIP Atasan'].map((h) =>
    columnOf(t.header, h),
  ) as [number, number, number, number];
  for (const r of t.rows) {
    people.set(text(r[nip]).replace(/^'/, ''), {
      nama: text(r[nama]),
      email: text(r[email]),
      nipAtasan: text(r[atasan]).replace(/^'/, ''),
    });
  }
  return people;
}

/** A prefilled link to a form with ID Sesi and NIP filled in, built once per run. */
export function prefillTemplate(formKey: string): ((sesi: string, nip: string) => string) | null {
  const link = prefilledLink(formKey, ['ID Sesi', 'NIP']);
  return link && ((sesi, nip) => link([sesi, nip]));
}

/**
 * A prefilled link to a form with the questions titled `titles` filled in, in that order: built
 * once (one prefilled response with placeholders), then each link is a string replacement.
 * Null when the form is gone or lacks one of the questions (staff run Buat Formulir again).
 */
export function prefilledLink(
  formKey: string,
  titles: readonly string[],
): ((values: readonly string[]) => string) | null {
  const id = formIds()[formKey];
  if (!id) return null;
  let form: GoogleAppsScript.Forms.Form;
  try {
    form = FormApp.openById(id);
  } catch (_gone) {
    return null; // deleted or unshared: the caller asks staff to run Buat Formulir again
  }
  const items = form.getItems();
  let response = form.createResponse();
  const marks = titles.map((_, i) => `__BANGKOM_${i}__`);
  for (const [i, title] of titles.entries()) {
    const item = items.find((x) => x.getTitle() === title);
    if (!item) return null;
    response = response.withItemResponse(item.asTextItem().createResponse(marks[i] ?? ''));
  }
  const url = response.toPrefilledUrl();
  return (values) => marks.reduce((u, m, i) => u.replace(m, encodeURIComponent(values[i] ?? '')), url);
}

/** An address MailApp accepts (it refuses the whole mail otherwise). */
export const isEmail = (s: string): boolean => /^[^@\s,;<>()]+@[^@\s,;<>()]+\.[^@\s,;<>()]+$/.test(s.trim());
