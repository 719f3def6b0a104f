/**
 * Kirim Undangan: for every upcoming session in `Jadwal`, each participant gets an email
 * with an RSVP link and is added as a guest of the session's one calendar event. `Undangan`
 * records per session and NIP the event id and what the participant was told (time, place,
 * status), so a later run updates the event and mails the change (old and new time) when the
 * schedule moved, and cancels (guest removed, event deleted with its last guest) when a
 * participant or a session left the schedule: never a second event, never the same mail twice.
 * The day's mail quota is read once and counted down; cancellations and changes go before new
 * invitations, and what is left continues from a trigger.
 * The L3 follow-up to supervisors is followup.ts.
 */
import { OUTPUT_SHEET, SHEET, UNDANGAN_STATUS } from '@bangkom/core';
import { APP_SHEET } from './app-sheets.js';
import { DateConverter, timeZone } from './cells.js';
import { keepText, type Row, type Sheet, type Spreadsheet, spreadsheet, tell, writeTable } from './gas.js';
import { ACTIVE, InviteLog, type LogColumn, recorded, sameTime } from './invite-log.js';
import { Mailer, QUOTA_RESERVE, TIME_BUDGET_MS } from './mail.js';
import {
  dueReminder,
  isFaceToFace,
  openReminders,
  readDeclined,
  readReminderDays,
  sentLabels,
} from './reminders.js';
import {
  allDay,
  dateAt,
  endOf,
  finder,
  isEmail,
  type Person,
  prefillTemplate,
  readPeople,
  readSessions,
  type Session,
  tanggal,
  waktuTempat,
  whenOf,
} from './sessions.js';
import { clearContinuation, scheduleContinuation } from './triggers.js';
import { WaitingList } from './waiting.js';

const DAY = 86_400_000;
const formatCount = (n: number): string => n.toLocaleString('id-ID');

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
  const waiting = new WaitingList(find(OUTPUT_SHEET.daftarTunggu));
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
          isEmail(p.email)
        );
      });
      s.peserta = s.peserta.filter((x) => x !== nip);
      if (next) {
        s.peserta.push(next);
        waiting.take(next, sid, `Menggantikan NIP ${nip} (Tidak Hadir), ${tanggal(nowSerial, true)}.`);
        note = `Menjawab Tidak Hadir; kursi diberikan kepada NIP ${next} dari ${OUTPUT_SHEET.daftarTunggu}.`;
      } else note = `Menjawab Tidak Hadir; ${OUTPUT_SHEET.daftarTunggu} sesi ini kosong.`;
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
      pengajar: s?.pengajar ?? '',
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
      if (!p || !isEmail(p.email)) {
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
          s.pengajar ? `Pengajar: ${s.pengajar}` : '',
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
          s.pengajar ? `Pengajar: ${s.pengajar}` : '',
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
