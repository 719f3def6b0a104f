/** MailApp for the invitation runs: the day's quota read once and counted down, and the mail layout. */
import { SHEET } from '@bangkom/core';

/** Apps Script stops a run at 6 minutes; stop well before, write the log, and continue later. */
export const TIME_BUDGET_MS = 4.5 * 60_000;
/** mails kept back for error notices and the day's other work */
export const QUOTA_RESERVE = 5;

/** MailApp within today's quota: the quota is read once and counted down per recipient. */
export class Mailer {
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
