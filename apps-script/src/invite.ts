/**
 * Kirim Undangan: for every upcoming session in `Jadwal`, each participant gets an email
 * with an RSVP link and is added as a guest of the session's calendar event. Sent
 * invitations are logged in `Undangan` (the key is session + NIP), so a run stopped by the
 * mail quota or the time budget resumes from a continuation trigger without sending twice.
 * pengingatPerilaku (daily) asks supervisors for the L3 follow-up 90 days after a session.
 */
import { isoToSerial, parseTimestampCell, SHEET, serialToIsoTimestamp } from '@bangkom/core';
import { APP_SHEET, UNDANGAN_HEADER } from './app-sheets.js';
import { DateConverter, timeZone } from './cells.js';
import { explain } from './errors.js';
import { text } from './form-defs.js';
import { formIds } from './forms.js';
import {
  columnOf,
  ensureSize,
  findSheet,
  getOrCreateSheet,
  keepText,
  type Row,
  readTable,
  type Spreadsheet,
  spreadsheet,
  tell,
} from './gas.js';
import { clearContinuation, scheduleContinuation } from './triggers.js';

const DAY = 86_400_000;
/** Apps Script stops a run at 6 minutes; stop well before, write the log, and continue later. */
export const TIME_BUDGET_MS = 4.5 * 60_000;
/** mails kept back for error notices and the day's other work */
export const QUOTA_RESERVE = 5;
/** PermenPAN-RB/LAN practice: behaviour is evaluated about three months after training */
export const FOLLOW_UP_DAYS = 90;

export interface InviteOptions {
  now: Date;
  /** ms clock (Date.now in production), injectable for tests */
  clock?: () => number;
  budgetMs?: number;
  reserve?: number;
}

export interface InviteResult {
  sent: number;
  skipped: string[];
  stopped: 'selesai' | 'kuota' | 'waktu';
}

interface Session {
  id: string;
  judul: string;
  /** sheet serials, local wall-clock; whole numbers = dates without a time */
  mulai: number;
  selesai: number;
  lokasi: string;
  peserta: string[];
}

/** A Mulai/Selesai cell (a date cell, or `YYYY-MM-DD[ HH:MM]` text as the functions write it) as a serial. */
export function whenOf(cell: unknown, dates: DateConverter): number | null {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : dates.serial(cell);
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (typeof cell !== 'string' || cell.trim() === '') return null;
  const parsed = parseTimestampCell(cell);
  return parsed.ok ? isoToSerial(parsed.value) : null;
}

const allDay = (s: Session): boolean => Number.isInteger(s.mulai) && Number.isInteger(s.selesai);
/** the serial at which a session is over: the end time, or the midnight after its last day */
const endOf = (s: Session): number => (allDay(s) ? Math.floor(s.selesai) + 1 : s.selesai);

/** A serial as a Date in the spreadsheet's zone (for CalendarApp). */
function dateAt(serial: number, tz: string): Date {
  return Utilities.parseDate(serialToIsoTimestamp(serial).replace('T', ' '), tz, 'yyyy-MM-dd HH:mm:ss');
}

/** `DD/MM/YYYY` or `DD/MM/YYYY HH:MM` of a serial, as Indonesian letters write dates. */
export function tanggal(serial: number, withTime: boolean): string {
  const iso = serialToIsoTimestamp(serial);
  const d = `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  return withTime ? `${d} ${iso.slice(11, 16)}` : d;
}

interface Person {
  nama: string;
  email: string;
  nipAtasan: string;
}

export function kirimUndangan(): void {
  const r = sendInvitations(spreadsheet(), { now: new Date() });
  const why =
    r.stopped === 'kuota'
      ? '\nKuota email harian hampir habis: pengiriman berlanjut otomatis besok.'
      : r.stopped === 'waktu'
        ? '\nBatas waktu eksekusi: pengiriman berlanjut otomatis dalam satu menit.'
        : '';
  tell(`${r.sent} undangan terkirim.${why}${r.skipped.length ? `\nDilewati:\n${r.skipped.join('\n')}` : ''}`);
}

/** Continuation trigger: picks up where the last run stopped. */
export function lanjutkanUndangan(): void {
  const r = sendInvitations(spreadsheet(), { now: new Date() });
  console.log(`Undangan lanjutan: ${r.sent} terkirim, berhenti: ${r.stopped}.`);
}

function readSessions(
  ss: Spreadsheet,
  nowSerial: number,
  dates: DateConverter,
  skipped: string[],
): Session[] {
  const sheet = findSheet(ss, APP_SHEET.jadwal);
  if (!sheet) return [];
  const t = readTable(sheet);
  const [id, judul, kode, mulai, selesai, lokasi, peserta] = [
    'ID Sesi',
    'Judul',
    'Kode',
    'Mulai',
    'Selesai',
    'Lokasi',
    'Peserta',
  ].map((h) => columnOf(t.header, h)) as [number, number, number, number, number, number, number];
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
    const session = {
      id: sid,
      judul: text(r[judul]) || text(r[kode]) || sid,
      mulai: start,
      selesai: end,
      lokasi: text(r[lokasi]),
      peserta: text(r[peserta])
        .split(/[,;\s]+/)
        .filter((n) => /^\d{18}$/.test(n)),
    };
    if (endOf(session) > nowSerial) out.push(session); // only sessions still to come or running
  });
  return out;
}

function readPeople(ss: Spreadsheet): Map<string, Person> {
  const people = new Map<string, Person>();
  const sheet = findSheet(ss, SHEET.pegawai);
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
function prefillTemplate(formKey: string): ((sesi: string, nip: string) => string) | null {
  const id = formIds()[formKey];
  if (!id) return null;
  let form: GoogleAppsScript.Forms.Form;
  try {
    form = FormApp.openById(id);
  } catch (_gone) {
    return null; // deleted or unshared: the caller asks staff to run Buat Formulir again
  }
  const items = form.getItems();
  const sesiItem = items.find((i) => i.getTitle() === 'ID Sesi');
  const nipItem = items.find((i) => i.getTitle() === 'NIP');
  if (!sesiItem || !nipItem) return null;
  const url = form
    .createResponse()
    .withItemResponse(sesiItem.asTextItem().createResponse('__SESI__'))
    .withItemResponse(nipItem.asTextItem().createResponse('__NIP__'))
    .toPrefilledUrl();
  return (sesi, nip) =>
    url.replace('__SESI__', encodeURIComponent(sesi)).replace('__NIP__', encodeURIComponent(nip));
}

export function sendInvitations(ss: Spreadsheet, opts: InviteOptions): InviteResult {
  const clock = opts.clock ?? (() => Date.now());
  const deadline = clock() + (opts.budgetMs ?? TIME_BUDGET_MS);
  const reserve = opts.reserve ?? QUOTA_RESERVE;
  const skipped: string[] = [];
  const rsvp = prefillTemplate('kehadiran');
  if (!rsvp) {
    return {
      sent: 0,
      skipped: ['Formulir Konfirmasi Kehadiran belum ada: jalankan menu Bangkom > Buat Formulir dahulu.'],
      stopped: 'selesai',
    };
  }
  const tz = timeZone();
  const dates = new DateConverter(tz);
  const sessions = readSessions(ss, dates.serial(opts.now), dates, skipped);
  const people = readPeople(ss);
  const logSheet = getOrCreateSheet(ss, APP_SHEET.undangan);
  const log = readTable(logSheet);
  const [lSesi, lNip, , , lAcara] = UNDANGAN_HEADER.map((h) => columnOf(log.header, h)) as number[];
  const done = new Set<string>();
  const events = new Map<string, string>();
  for (const r of log.rows) {
    done.add(`${text(r[lSesi ?? -1])}~${text(r[lNip ?? -1])}`);
    if (text(r[lAcara ?? -1])) events.set(text(r[lSesi ?? -1]), text(r[lAcara ?? -1]));
  }

  const calendar = CalendarApp.getDefaultCalendar();
  const added: Row[] = [];
  let stopped: InviteResult['stopped'] = 'selesai';
  try {
    outer: for (const s of sessions) {
      let event: GoogleAppsScript.Calendar.CalendarEvent | null = null;
      for (const nip of s.peserta) {
        if (done.has(`${s.id}~${nip}`)) continue;
        const p = people.get(nip);
        if (!p || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(p.email)) {
          skipped.push(`${s.id}: NIP ${nip} tidak punya email yang sah di lembar ${SHEET.pegawai}.`);
          continue;
        }
        if (MailApp.getRemainingDailyQuota() <= reserve) {
          stopped = 'kuota';
          break outer;
        }
        if (clock() > deadline) {
          stopped = 'waktu';
          break outer;
        }
        if (!event) {
          const known = events.get(s.id);
          event = known ? calendar.getEventById(known) : null;
          if (!event) {
            const options = {
              location: s.lokasi,
              description: `Sesi ${s.id}. Konfirmasi kehadiran melalui tautan di email undangan.`,
              sendInvites: false,
            };
            const title = `Pelatihan: ${s.judul}`;
            event = allDay(s)
              ? calendar.createAllDayEvent(title, dateAt(s.mulai, tz), dateAt(endOf(s), tz), options)
              : calendar.createEvent(title, dateAt(s.mulai, tz), dateAt(s.selesai, tz), options);
          }
          events.set(s.id, event.getId());
        }
        event.addGuest(p.email);
        MailApp.sendEmail({
          to: p.email,
          subject: `Undangan Pelatihan: ${s.judul} (${s.id})`,
          body: [
            `Yth. ${p.nama || nip},`,
            '',
            `Anda terdaftar sebagai peserta pelatihan "${s.judul}" (sesi ${s.id}).`,
            `Waktu: ${tanggal(s.mulai, !allDay(s))} s.d. ${tanggal(s.selesai, !allDay(s))}`,
            s.lokasi ? `Tempat: ${s.lokasi}` : '',
            '',
            `Mohon konfirmasi kehadiran Anda: ${rsvp(s.id, nip)}`,
            '',
            'Acara ini juga sudah ditambahkan ke Google Calendar Anda.',
            '',
            'BKPSDM',
          ]
            .filter((l, i, a) => !(l === '' && a[i - 1] === ''))
            .join('\n'),
        });
        done.add(`${s.id}~${nip}`);
        added.push([keepText(s.id), keepText(nip), keepText(p.email), opts.now, keepText(event.getId()), '']);
      }
    }
  } finally {
    // one write, also when something threw half-way: what was sent is never sent again
    if (added.length > 0) {
      if (log.header.length === 0)
        logSheet.getRange(1, 1, 1, UNDANGAN_HEADER.length).setValues([[...UNDANGAN_HEADER]]);
      const first = Math.max(log.rows.length + 2, 2);
      ensureSize(logSheet, first + added.length - 1, UNDANGAN_HEADER.length);
      logSheet.getRange(first, 1, added.length, UNDANGAN_HEADER.length).setValues(added);
    }
  }
  if (stopped === 'waktu') scheduleContinuation('lanjutkanUndangan', 60_000);
  else if (stopped === 'kuota') scheduleContinuation('lanjutkanUndangan', DAY);
  else clearContinuation('lanjutkanUndangan');
  return { sent: added.length, skipped, stopped };
}

/** Daily: asks each participant's supervisor for the L3 evaluation 90 days after the session. */
export function pengingatPerilaku(): void {
  const r = sendFollowUps(spreadsheet(), new Date());
  console.log(
    `Pengingat L3: ${r.sent} terkirim${r.stopped === 'selesai' ? '' : `, berhenti (${r.stopped}); sisanya besok`}.${
      r.skipped.length ? `\nDilewati:\n${r.skipped.join('\n')}` : ''
    }`,
  );
}

/** An address MailApp accepts (it refuses the whole mail otherwise). */
export const isEmail = (s: string): boolean => /^[^@\s,;<>()]+@[^@\s,;<>()]+\.[^@\s,;<>()]+$/.test(s.trim());

export interface FollowUpResult {
  sent: number;
  skipped: string[];
  stopped: 'selesai' | 'kuota' | 'waktu';
}

/**
 * One reminder per invitation row whose session ended FOLLOW_UP_DAYS ago, to the
 * participant's supervisor. Each mail is recorded in `Pengingat L3` as soon as it is sent
 * (one write per mail), so neither a failing address, nor the quota, nor the time limit makes
 * a supervisor get the same mail twice; addresses are checked before sending, a mail MailApp
 * still refuses is skipped with its reason, and the run stops before the time budget or the
 * quota, the next day's run continuing with the rest.
 */
export function sendFollowUps(
  ss: Spreadsheet,
  now: Date,
  reserve = QUOTA_RESERVE,
  opts: { clock?: () => number; budgetMs?: number } = {},
): FollowUpResult {
  const clock = opts.clock ?? (() => Date.now());
  const deadline = clock() + (opts.budgetMs ?? TIME_BUDGET_MS);
  const skipped: string[] = [];
  const link = prefillTemplate('perilaku');
  const logSheet = findSheet(ss, APP_SHEET.undangan);
  const jadwal = findSheet(ss, APP_SHEET.jadwal);
  if (!link || !logSheet || !jadwal) return { sent: 0, skipped, stopped: 'selesai' };
  const dates = new DateConverter(timeZone());
  const ends = new Map<string, { end: number; judul: string }>();
  const jt = readTable(jadwal);
  const [jId, jEnd, jJudul] = ['ID Sesi', 'Selesai', 'Judul'].map((h) => columnOf(jt.header, h)) as number[];
  for (const r of jt.rows) {
    const end = whenOf(r[jEnd ?? -1], dates);
    if (end !== null) ends.set(text(r[jId ?? -1]), { end: Math.floor(end), judul: text(r[jJudul ?? -1]) });
  }
  const today = dates.serial(now);
  const people = readPeople(ss);
  const log = readTable(logSheet);
  const [lSesi, lNip, , , , lDone] = UNDANGAN_HEADER.map((h) => columnOf(log.header, h)) as number[];
  if (lDone === undefined || lDone < 0) return { sent: 0, skipped, stopped: 'selesai' };
  let sent = 0;
  let stopped: FollowUpResult['stopped'] = 'selesai';
  for (const [i, r] of log.rows.entries()) {
    if (text(r[lDone]) !== '') continue;
    const sesi = text(r[lSesi ?? -1]);
    const nip = text(r[lNip ?? -1]);
    const s = ends.get(sesi);
    if (!s || today < s.end + FOLLOW_UP_DAYS) continue;
    const atasan = people.get(people.get(nip)?.nipAtasan ?? '');
    if (!atasan?.email || !isEmail(atasan.email)) {
      skipped.push(
        `${sesi}: atasan NIP ${nip} tidak punya email yang sah di lembar ${SHEET.pegawai}${atasan?.email ? ` ("${atasan.email}")` : ''}.`,
      );
      continue;
    }
    if (clock() > deadline) {
      stopped = 'waktu';
      break;
    }
    if (MailApp.getRemainingDailyQuota() <= reserve) {
      stopped = 'kuota';
      break;
    }
    const nama = people.get(nip)?.nama || nip;
    try {
      MailApp.sendEmail({
        to: atasan.email,
        subject: `Evaluasi Pasca Pelatihan: ${nama}`,
        body: [
          `Yth. ${atasan.nama},`,
          '',
          `${nama} telah mengikuti pelatihan "${s.judul || sesi}" sekitar ${FOLLOW_UP_DAYS} hari yang lalu.`,
          `Mohon nilai perubahan kompetensinya melalui formulir berikut: ${link(sesi, nip)}`,
          '',
          'BKPSDM',
        ].join('\n'),
      });
    } catch (err) {
      skipped.push(`${sesi}: pengingat untuk atasan NIP ${nip} tidak terkirim (${explain(err)}).`);
      continue;
    }
    // recorded at once: a later failure or the time limit must not send it again tomorrow
    logSheet.getRange(i + 2, lDone + 1).setValue(now);
    sent++;
  }
  return { sent, skipped, stopped };
}
