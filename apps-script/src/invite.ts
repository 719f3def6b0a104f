/**
 * Kirim Undangan: for every upcoming session in `Jadwal`, each participant gets an email
 * with an RSVP link and is added as a guest of the session's one calendar event. `Undangan`
 * records per session and NIP the event id and what the participant was told (time, place,
 * status), so a later run updates the event and mails the change (old and new time) when the
 * schedule moved, and cancels (guest removed, event deleted with its last guest) when a
 * participant or a session left the schedule: never a second event, never the same mail twice.
 * The day's mail quota is read once and counted down; cancellations and changes go before new
 * invitations, and what is left continues from a trigger.
 * pengingatPerilaku (daily) asks supervisors for the L3 follow-up 90 days after a session.
 */
import { isoToSerial, parseTimestampCell, SHEET, serialToIsoTimestamp } from '@bangkom/core';
import { APP_SHEET, UNDANGAN_HEADER, UNDANGAN_STATE_HEADER, UNDANGAN_STATUS } from './app-sheets.js';
import { DateConverter, timeZone } from './cells.js';
import { explain } from './errors.js';
import { text } from './form-defs.js';
import { formIds } from './forms.js';
import {
  columnOf,
  findSheet,
  keepText,
  norm,
  type Row,
  readTable,
  type Sheet,
  type Spreadsheet,
  sheetsByName,
  spreadsheet,
  tell,
  writeTable,
} from './gas.js';
import {
  dueReminder,
  isFaceToFace,
  openReminders,
  readDeclined,
  readReminderDays,
  sentLabels,
} from './reminders.js';
import { clearContinuation, scheduleContinuation } from './triggers.js';
import { DAFTAR_TUNGGU, WaitingList } from './waiting.js';

const DAY = 86_400_000;
const formatCount = (n: number): string => n.toLocaleString('id-ID');
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
  /** mails still to send (changes, cancellations, invitations) when the run stopped */
  menunggu: number;
}

interface Session {
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
      ? `\nKuota email harian hampir habis: ${formatCount(r.menunggu)} email menunggu dan dikirim otomatis besok.`
      : r.stopped === 'waktu'
        ? '\nBatas waktu eksekusi: pengiriman berlanjut otomatis dalam satu menit.'
        : '';
  tell(`${r.sent} undangan terkirim.${why}${r.skipped.length ? `\nDilewati:\n${r.skipped.join('\n')}` : ''}`);
}

/** Daily: reminders (H-3, H-1) and whatever the mail quota left yesterday. */
export function pengingatUndangan(): void {
  const r = sendInvitations(spreadsheet(), { now: new Date() });
  console.log(`Undangan harian: ${r.sent} terkirim, ${r.menunggu} menunggu, berhenti: ${r.stopped}.`);
}

export const DAILY_INVITE_FN = 'pengingatUndangan';

/** Continuation trigger: picks up where the last run stopped. */
export function lanjutkanUndangan(): void {
  const r = sendInvitations(spreadsheet(), { now: new Date() });
  console.log(`Undangan lanjutan: ${r.sent} terkirim, ${r.menunggu} menunggu, berhenti: ${r.stopped}.`);
}

/** Every session of `Jadwal` with valid dates, past ones included (a vanished one is a cancellation). */
function readSessions(find: Finder, dates: DateConverter, skipped: string[]): Session[] {
  const sheet = find(APP_SHEET.jadwal);
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
    };
    out.push(session);
  });
  return out;
}

/** A sheet by name from one getSheets() listing. */
type Finder = (name: string) => Sheet | null;

function finder(ss: Spreadsheet): Finder {
  const sheets = sheetsByName(ss);
  return (name) => sheets.get(norm(name)) ?? null;
}

function readPeople(find: Finder): Map<string, Person> {
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

/** A participant's invitation row in Undangan, with the state columns read by name. */
class InviteLog {
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

type LogColumn = (typeof UNDANGAN_HEADER)[number] | (typeof UNDANGAN_STATE_HEADER)[number];

const ACTIVE = new Set<string>(['', UNDANGAN_STATUS.diundang]);
/** a recorded time equals the schedule's when they agree to the minute */
const sameTime = (a: number | null, b: number): boolean => a !== null && Math.abs(a - b) < 0.5 / 1440;

/** "10/03/2030 08:00 s.d. 11/03/2030 16:00, Aula" */
function waktuTempat(mulai: number, selesai: number, lokasi: string): string {
  const withTime = !(Number.isInteger(mulai) && Number.isInteger(selesai));
  const when = `${tanggal(mulai, withTime)} s.d. ${tanggal(selesai, withTime)}`;
  return lokasi ? `${when}, ${lokasi}` : when;
}

/** MailApp within today's quota: the quota is read once and counted down per recipient. */
class Mailer {
  private left: number;
  constructor(reserve: number) {
    this.left = MailApp.getRemainingDailyQuota() - reserve;
  }
  /** 'kuota' when today's share is used up; an Indonesian reason when this address is refused */
  send(to: string, subject: string, lines: readonly string[]): 'ok' | 'kuota' | { gagal: string } {
    if (this.left < 1) return 'kuota';
    try {
      MailApp.sendEmail({ to, subject, body: mailBody(lines) });
    } catch (err) {
      if (/too many times|quota|kuota/i.test(String(err))) {
        this.left = 0;
        return 'kuota';
      }
      return { gagal: `Email ke ${to} ditolak: periksa kolom Email di lembar ${SHEET.pegawai}.` };
    }
    this.left--;
    return 'ok';
  }
}

/** Lines of a mail, blank lines collapsed, signed by BKPSDM. */
function mailBody(lines: readonly string[]): string {
  return [...lines, '', 'BKPSDM'].filter((l, i, a) => !(l === '' && (i === 0 || a[i - 1] === ''))).join('\n');
}

type Task =
  | { kind: 'batal'; row: number; s: Session | null; why: string }
  | { kind: 'ubah'; row: number; s: Session }
  | { kind: 'ingat'; row: number; s: Session; label: string; covered: string[] }
  | { kind: 'undang'; row: number | null; s: Session; nip: string; p: Person };

/**
 * Work order under a short quota: who must stop coming first, then who must come at another
 * time, then reminders (their day will not come again), then new invitations.
 */
const ORDER: Record<Task['kind'], number> = { batal: 0, ubah: 1, ingat: 2, undang: 3 };

export function sendInvitations(ss: Spreadsheet, opts: InviteOptions): InviteResult {
  const clock = opts.clock ?? (() => Date.now());
  const deadline = clock() + (opts.budgetMs ?? TIME_BUDGET_MS);
  const skipped: string[] = [];
  const rsvp = prefillTemplate('kehadiran');
  if (!rsvp) {
    return {
      sent: 0,
      skipped: ['Formulir Konfirmasi Kehadiran belum ada: jalankan menu Bangkom > Buat Formulir dahulu.'],
      stopped: 'selesai',
      menunggu: 0,
    };
  }
  const tz = timeZone();
  const dates = new DateConverter(tz);
  const nowSerial = dates.serial(opts.now);
  const find = finder(ss);
  const orCreate = (name: string): Sheet => find(name) ?? ss.insertSheet(name);
  const all = readSessions(find, dates, skipped);
  const byId = new Map(all.map((s) => [s.id, s]));
  const people = readPeople(find);
  const days = readReminderDays(find(SHEET.pengaturan), skipped);
  const declined = readDeclined(find(APP_SHEET.kehadiran));
  /** whole days from today to the session's first day */
  const daysLeft = (x: Session): number => Math.floor(x.mulai) - Math.floor(nowSerial);
  /** reminders an invitation or change notice sent now stands in for */
  const covered = (x: Session): string => openReminders(daysLeft(x), days, isFaceToFace(x.lokasi)).join(', ');
  const log = new InviteLog(orCreate(APP_SHEET.undangan));

  // each session's calendar event, as recorded (one event per session, participants are its guests)
  const eventIds = new Map<string, string>();
  const activeLeft = new Map<string, number>();
  for (const r of log.rows) {
    const sid = log.text(r, 'ID Sesi');
    if (log.text(r, 'ID Acara')) eventIds.set(sid, log.text(r, 'ID Acara'));
    if (ACTIVE.has(log.text(r, 'Status'))) activeLeft.set(sid, (activeLeft.get(sid) ?? 0) + 1);
  }

  const calendar = CalendarApp.getDefaultCalendar();
  const events = new Map<string, GoogleAppsScript.Calendar.CalendarEvent | null>();
  const synced = new Set<string>();
  /** the session's event as recorded, or null when it has none (or it was deleted) */
  const existing = (sid: string): GoogleAppsScript.Calendar.CalendarEvent | null => {
    if (!events.has(sid)) {
      const id = eventIds.get(sid);
      events.set(sid, id ? calendar.getEventById(id) : null);
    }
    return events.get(sid) ?? null;
  };
  /** the session's event at the schedule's time: updated in place, made only when there is none */
  const eventFor = (s: Session): GoogleAppsScript.Calendar.CalendarEvent => {
    let event = existing(s.id);
    if (event && !synced.has(s.id)) {
      if (allDay(s)) event.setAllDayDates(dateAt(s.mulai, tz), dateAt(endOf(s), tz));
      else event.setTime(dateAt(s.mulai, tz), dateAt(s.selesai, tz));
      event.setLocation(s.lokasi);
    }
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
      events.set(s.id, event);
      eventIds.set(s.id, event.getId());
    }
    synced.add(s.id);
    return event;
  };

  const jadwalSheet = find(APP_SHEET.jadwal);
  const waiting = new WaitingList(find(DAFTAR_TUNGGU));
  // a "Tidak Hadir" frees the seat: the next on the session's waiting list takes it, once
  log.rows.forEach((r, i) => {
    const sid = log.text(r, 'ID Sesi');
    const nip = log.text(r, 'NIP').replace(/^'/, '');
    if (!ACTIVE.has(log.text(r, 'Status')) || !declined.has(`${sid}~${nip}`)) return;
    existing(sid)?.removeGuest(log.text(r, 'Email'));
    const s = byId.get(sid);
    let note = 'Menjawab Tidak Hadir.';
    if (s && endOf(s) > nowSerial) {
      const sameCourse = all.filter((x) => x.kode && x.kode === s.kode).flatMap((x) => x.peserta);
      const next = waiting.next(sid, (cand) => {
        const p = people.get(cand);
        return (
          !sameCourse.includes(cand) &&
          !s.peserta.includes(cand) &&
          !declined.has(`${sid}~${cand}`) &&
          p !== undefined &&
          /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(p.email)
        );
      });
      s.peserta = s.peserta.filter((x) => x !== nip);
      if (next) {
        s.peserta.push(next);
        waiting.take(next, sid, `Menggantikan NIP ${nip} (Tidak Hadir), ${tanggal(nowSerial, true)}.`);
        note = `Menjawab Tidak Hadir; kursi diberikan kepada NIP ${next} dari ${DAFTAR_TUNGGU}.`;
      } else note = `Menjawab Tidak Hadir; ${DAFTAR_TUNGGU} sesi ini kosong.`;
      // staff see the seat change on the schedule itself
      if (jadwalSheet && s.at && s.at.col > 0)
        jadwalSheet.getRange(s.at.row, s.at.col).setValue(keepText(s.peserta.join(', ')));
    }
    log.set(i, { Status: UNDANGAN_STATUS.tidakHadir, Keterangan: note });
    activeLeft.set(sid, (activeLeft.get(sid) ?? 1) - 1);
  });
  waiting.flush();

  const tasks: Task[] = [];
  log.rows.forEach((r, i) => {
    if (!ACTIVE.has(log.text(r, 'Status'))) return;
    const sid = log.text(r, 'ID Sesi');
    const nip = log.text(r, 'NIP').replace(/^'/, '');
    const s = byId.get(sid) ?? null;
    const mulai = whenOf(log.value(r, 'Mulai Diundang'), dates);
    const selesai = whenOf(log.value(r, 'Selesai Diundang'), dates);
    if (mulai === null || selesai === null) {
      // invited before these columns existed: what they were told is today's schedule
      if (s) log.set(i, recorded(s));
      return;
    }
    const told: Session = {
      id: sid,
      judul: s?.judul ?? sid,
      mulai,
      selesai,
      lokasi: log.text(r, 'Lokasi Diundang'),
      peserta: [],
    };
    if (endOf(told) <= nowSerial && (!s || endOf(s) <= nowSerial)) return; // history stays as it was
    if (!s) tasks.push({ kind: 'batal', row: i, s: null, why: 'sesi dihapus dari jadwal' });
    else if (!s.peserta.includes(nip))
      tasks.push({ kind: 'batal', row: i, s, why: 'Anda tidak lagi terdaftar sebagai peserta sesi ini' });
    else if (!sameTime(mulai, s.mulai) || !sameTime(selesai, s.selesai) || told.lokasi !== s.lokasi)
      tasks.push({ kind: 'ubah', row: i, s });
    else if (endOf(s) > nowSerial && !declined.has(`${sid}~${nip}`)) {
      const due = dueReminder(
        daysLeft(s),
        days,
        isFaceToFace(s.lokasi),
        sentLabels(log.text(r, 'Pengingat')),
      );
      if (due) tasks.push({ kind: 'ingat', row: i, s, ...due });
    }
  });
  for (const s of all) {
    if (endOf(s) <= nowSerial) continue; // only sessions still to come or running get invitations
    for (const nip of s.peserta) {
      const row = log.byKey.get(`${s.id}~${nip}`);
      const r = row === undefined ? undefined : log.rows[row];
      const status = r ? log.text(r, 'Status') : UNDANGAN_STATUS.dibatalkan;
      if (ACTIVE.has(status) || status === UNDANGAN_STATUS.tidakHadir) continue;
      if (declined.has(`${s.id}~${nip}`)) continue; // said Tidak Hadir to this session already
      const p = people.get(nip);
      if (!p || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(p.email)) {
        skipped.push(`${s.id}: NIP ${nip} tidak punya email yang sah di lembar ${SHEET.pegawai}.`);
        continue;
      }
      // refused before: tried again once staff correct the address
      if (r && status === UNDANGAN_STATUS.gagal && log.text(r, 'Email') === p.email) {
        skipped.push(`${s.id}: email NIP ${nip} (${p.email}) ditolak; perbaiki di lembar ${SHEET.pegawai}.`);
        continue;
      }
      tasks.push({ kind: 'undang', row: row ?? null, s, nip, p });
    }
  }
  // stable: within a kind, schedule order; new invitations by start
  tasks.sort(
    (a, b) =>
      ORDER[a.kind] - ORDER[b.kind] ||
      (a.kind === 'undang' && b.kind === 'undang' ? a.s.mulai - b.s.mulai : 0),
  );

  const mailer = new Mailer(opts.reserve ?? QUOTA_RESERVE);
  let sent = 0;
  let stopped: InviteResult['stopped'] = 'selesai';
  let done = 0;
  try {
    for (const t of tasks) {
      if (clock() > deadline) {
        stopped = 'waktu';
        break;
      }
      const r = t.kind === 'undang' ? null : (log.rows[t.row] as Row);
      const sid = t.kind === 'undang' ? t.s.id : log.text(r as Row, 'ID Sesi');
      const nip = t.kind === 'undang' ? t.nip : log.text(r as Row, 'NIP').replace(/^'/, '');
      const email = t.kind === 'undang' ? t.p.email : people.get(nip)?.email || log.text(r as Row, 'Email');
      const nama = people.get(nip)?.nama || nip;
      let outcome: ReturnType<Mailer['send']>;
      if (t.kind === 'batal') {
        const judul = t.s?.judul || sid;
        const told = waktuTempat(
          whenOf(log.value(r as Row, 'Mulai Diundang'), dates) as number,
          whenOf(log.value(r as Row, 'Selesai Diundang'), dates) as number,
          log.text(r as Row, 'Lokasi Diundang'),
        );
        existing(sid)?.removeGuest(log.text(r as Row, 'Email'));
        outcome = mailer.send(email, `Pembatalan Undangan Pelatihan: ${judul} (${sid})`, [
          `Yth. ${nama},`,
          '',
          `Undangan pelatihan "${judul}" (sesi ${sid}) pada ${told} dibatalkan: ${t.why}.`,
          'Anda tidak perlu hadir pada waktu tersebut. Bila sesi ini tercatat di kalender Anda, silakan dihapus.',
        ]);
        if (outcome === 'kuota') break;
        log.set(t.row, {
          Status: UNDANGAN_STATUS.dibatalkan,
          Keterangan: `Dibatalkan ${tanggal(nowSerial, true)}: ${t.why}${outcome === 'ok' ? '' : ` (${outcome.gagal})`}`,
        });
        const left = (activeLeft.get(sid) ?? 1) - 1;
        activeLeft.set(sid, left);
        // the last guest of a session no longer on the schedule: the event goes too
        if (left <= 0 && !t.s) {
          existing(sid)?.deleteEvent();
          events.set(sid, null);
        }
      } else if (t.kind === 'ubah') {
        const told = waktuTempat(
          whenOf(log.value(r as Row, 'Mulai Diundang'), dates) as number,
          whenOf(log.value(r as Row, 'Selesai Diundang'), dates) as number,
          log.text(r as Row, 'Lokasi Diundang'),
        );
        const now = waktuTempat(t.s.mulai, t.s.selesai, t.s.lokasi);
        const event = eventFor(t.s);
        event.addGuest(email); // a recreated event has no guests yet
        outcome = mailer.send(email, `Perubahan Jadwal Pelatihan: ${t.s.judul} (${t.s.id})`, [
          `Yth. ${nama},`,
          '',
          `Jadwal pelatihan "${t.s.judul}" (sesi ${t.s.id}) berubah.`,
          `Semula: ${told}`,
          `Menjadi: ${now}`,
          '',
          `Bila Anda tidak dapat hadir pada waktu yang baru, mohon konfirmasi: ${rsvp(t.s.id, nip)}`,
        ]);
        if (outcome === 'kuota') break;
        log.set(t.row, {
          ...recorded(t.s),
          Pengingat: covered(t.s),
          'ID Acara': keepText(eventIds.get(t.s.id) ?? ''),
          Keterangan: `Perubahan dikirim ${tanggal(nowSerial, true)}: semula ${told}`,
          ...(outcome === 'ok' ? {} : { Status: UNDANGAN_STATUS.gagal, Keterangan: outcome.gagal }),
        });
      } else if (t.kind === 'ingat') {
        const s = t.s;
        outcome = mailer.send(email, `Pengingat Pelatihan ${t.label}: ${s.judul} (${s.id})`, [
          `Yth. ${nama},`,
          '',
          `Pelatihan "${s.judul}" (sesi ${s.id}) yang Anda ikuti dimulai ${daysLeft(s) === 1 ? 'besok' : `${daysLeft(s)} hari lagi`}.`,
          `Waktu: ${tanggal(s.mulai, !allDay(s))} s.d. ${tanggal(s.selesai, !allDay(s))}`,
          s.lokasi ? `Tempat: ${s.lokasi}` : '',
          '',
          `Bila Anda berhalangan, mohon konfirmasi agar kursi Anda dapat diberikan kepada peserta lain: ${rsvp(s.id, nip)}`,
        ]);
        if (outcome === 'kuota') break;
        const had = sentLabels(log.text(r as Row, 'Pengingat'));
        for (const l of t.covered) had.add(l);
        log.set(t.row, {
          Pengingat: [...had].join(', '),
          ...(outcome === 'ok' ? {} : { Keterangan: outcome.gagal }),
        });
      } else {
        const s = t.s;
        const event = eventFor(s);
        event.addGuest(t.p.email);
        outcome = mailer.send(t.p.email, `Undangan Pelatihan: ${s.judul} (${s.id})`, [
          `Yth. ${t.p.nama || t.nip},`,
          '',
          `Anda terdaftar sebagai peserta pelatihan "${s.judul}" (sesi ${s.id}).`,
          `Waktu: ${tanggal(s.mulai, !allDay(s))} s.d. ${tanggal(s.selesai, !allDay(s))}`,
          s.lokasi ? `Tempat: ${s.lokasi}` : '',
          '',
          `Mohon konfirmasi kehadiran Anda: ${rsvp(s.id, t.nip)}`,
          '',
          // the event is made with sendInvites: false, so it is not claimed to be in their calendar
          'Mohon catat waktu ini. Bila jadwal berubah atau dibatalkan, Anda akan diberi tahu melalui email.',
        ]);
        if (outcome === 'kuota') {
          event.removeGuest(t.p.email);
          break;
        }
        const values: Partial<Record<LogColumn, unknown>> = {
          'ID Sesi': keepText(s.id),
          NIP: keepText(t.nip),
          Email: keepText(t.p.email),
          Dikirim: opts.now,
          'ID Acara': keepText(eventIds.get(s.id) ?? ''),
          ...recorded(s),
          Pengingat: covered(s),
          Status: outcome === 'ok' ? UNDANGAN_STATUS.diundang : UNDANGAN_STATUS.gagal,
          Keterangan: outcome === 'ok' ? '' : outcome.gagal,
        };
        if (outcome !== 'ok') {
          event.removeGuest(t.p.email);
          skipped.push(`${s.id}: ${outcome.gagal}`);
        }
        if (t.row === null) log.add(values);
        else log.set(t.row, values);
        if (outcome === 'ok') activeLeft.set(s.id, (activeLeft.get(s.id) ?? 0) + 1);
      }
      done++;
      if (outcome === 'ok') sent++;
    }
    if (done < tasks.length && stopped === 'selesai') stopped = 'kuota';
  } finally {
    // one write, also when something threw half-way: what was sent is never sent again
    log.flush();
  }
  const menunggu = tasks.length - done;
  writeStatus(orCreate(APP_SHEET.statusUndangan), opts.now, sent, menunggu, stopped);
  if (stopped === 'waktu') scheduleContinuation('lanjutkanUndangan', 60_000);
  // the daily reminder run continues tomorrow; without it, a one-off trigger does
  else if (stopped === 'kuota' && !dailyInstalled()) scheduleContinuation('lanjutkanUndangan', DAY);
  else clearContinuation('lanjutkanUndangan');
  return { sent, skipped, stopped, menunggu };
}

export const STATUS_UNDANGAN_HEADER = ['Diperbarui', 'Terkirim', 'Menunggu', 'Keterangan'] as const;

/** One row staff can look at: when invitations last ran, what went, and how many wait for quota. */
function writeStatus(
  sheet: Sheet,
  now: Date,
  sent: number,
  menunggu: number,
  stopped: InviteResult['stopped'],
): void {
  const why =
    menunggu === 0
      ? 'Semua undangan, perubahan, dan pengingat sudah terkirim.'
      : stopped === 'waktu'
        ? `${formatCount(menunggu)} email menunggu: batas waktu eksekusi, dilanjutkan otomatis dalam satu menit.`
        : `${formatCount(menunggu)} email menunggu kuota email harian; dikirim otomatis besok.`;
  writeTable(sheet, STATUS_UNDANGAN_HEADER, [[now, sent, menunggu, why]], 2);
}

/** Whether Pasang Pemicu installed the daily invitation run (it picks up what the quota left). */
function dailyInstalled(): boolean {
  return ScriptApp.getProjectTriggers().some((t) => t.getHandlerFunction() === DAILY_INVITE_FN);
}

/** What a participant is told about a session, recorded to notice later changes. */
function recorded(s: Session): Partial<Record<LogColumn, unknown>> {
  return {
    'Mulai Diundang': keepText(serialToIsoTimestamp(s.mulai).replace('T', ' ').slice(0, 16)),
    'Selesai Diundang': keepText(serialToIsoTimestamp(s.selesai).replace('T', ' ').slice(0, 16)),
    'Lokasi Diundang': keepText(s.lokasi),
  };
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
  const people = readPeople(finder(ss));
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
