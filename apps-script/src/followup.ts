/**
 * pengingatPerilaku (daily) asks each participant's supervisor for the L3 (behaviour)
 * evaluation FOLLOW_UP_DAYS after the session, each mail recorded in `Pengingat L3` at once.
 */
import { type RawWorkbook, SHEET, UNDANGAN_HEADER } from '@bangkom/core';
import { APP_SHEET } from './app-sheets.js';
import { DateConverter, timeZone } from './cells.js';
import { completersOf } from './core-bridge.js';
import { explain } from './errors.js';
import { text } from './form-defs.js';
import { columnOf, findSheet, readTable, type Spreadsheet, spreadsheet } from './gas.js';
import { QUOTA_RESERVE, TIME_BUDGET_MS } from './mail.js';
import { finder, isEmail, prefillTemplate, readPeople, whenOf } from './sessions.js';

/** PermenPAN-RB/LAN practice: behaviour is evaluated about three months after training */
export const FOLLOW_UP_DAYS = 90;

/** Daily: asks each participant's supervisor for the L3 evaluation 90 days after the session. */
export function pengingatPerilaku(): void {
  const r = sendFollowUps(spreadsheet(), new Date());
  console.log(
    `Pengingat L3: ${r.sent} terkirim${r.stopped === 'selesai' ? '' : `, berhenti (${r.stopped}); sisanya besok`}.${
      r.skipped.length ? `\nDilewati:\n${r.skipped.join('\n')}` : ''
    }`,
  );
}

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
  // a no-show is never asked about: sessions with a Daftar Hadir ask for their completers only
  const wb: RawWorkbook = {};
  for (const name of [SHEET.hadir, SHEET.katalog, SHEET.kamus, SHEET.tes, SHEET.pengaturan]) {
    const sheet = findSheet(ss, name);
    if (sheet) wb[name] = dates.rows(sheet.getDataRange().getValues());
  }
  const completers = completersOf(wb);
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
    if (completers.get(sesi)?.has(nip) === false) {
      skipped.push(
        `${sesi}: NIP ${nip} tidak menyelesaikan sesi menurut ${SHEET.hadir}; atasannya tidak ditanya.`,
      );
      continue;
    }
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
