/** The daily retry: submissions kept by onFormSubmit, response rows it missed, then the Antrian queue. */
import { explain } from './errors.js';
import { spreadsheet } from './gas.js';
import { type RetryResult, retryQueue } from './queue.js';
import { processKeptSubmissions, sweepMissed } from './submit.js';

/** Apps Script stops a run at 6 minutes: the daily retry stops well before and continues tomorrow. */
export const RETRY_BUDGET_MS = 4 * 60_000;

export interface RetryAllResult extends RetryResult {
  kept: number;
  /** response rows found without a Status and processed now */
  missed: number;
}

/** Call under the document lock. Stops taking new work once `budgetMs` has passed. */
export function retryAll(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  now: Date,
  budgetMs = RETRY_BUDGET_MS,
): RetryAllResult {
  const deadline = Date.now() + budgetMs;
  const outOfTime = () => Date.now() > deadline;
  const kept = processKeptSubmissions(ss, now, outOfTime);
  const missed = outOfTime() ? 0 : sweepMissed(ss, now, outOfTime);
  return { kept, missed, ...retryQueue(ss, now, outOfTime) };
}

/** Daily trigger, under the document lock so nothing is sent twice by parallel runs. */
export function cobaUlangAntrian(): void {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(60_000)) {
    console.warn('Coba ulang antrian dilewati: kunci dokumen sedang dipakai; dicoba lagi besok.');
    return;
  }
  try {
    const r = retryAll(spreadsheet(), new Date());
    console.log(
      `Antrian: ${r.kept} respons tertunda dan ${r.missed} respons terlewat diproses, ${r.sent.length} terkirim, ${r.failed} gagal, ${r.waiting} menunggu, ${r.stopped} tidak dicoba lagi, ${r.superseded} digantikan versi yang lebih baru.`,
    );
  } catch (err) {
    console.error(`Coba ulang antrian berhenti: ${explain(err)}; dilanjutkan besok.`);
  } finally {
    lock.releaseLock();
  }
}
