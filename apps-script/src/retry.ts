/** The daily retry: submissions kept during a busy lock, then the Antrian queue. */
import { spreadsheet } from './gas.js';
import { type RetryResult, retryQueue } from './queue.js';
import { processKeptSubmissions } from './submit.js';

export interface RetryAllResult extends RetryResult {
  kept: number;
}

/** Call under the document lock. */
export function retryAll(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, now: Date): RetryAllResult {
  const kept = processKeptSubmissions(ss, now);
  return { kept, ...retryQueue(ss, now) };
}

/** Daily trigger, under the document lock so nothing is sent twice by parallel runs. */
export function cobaUlangAntrian(): void {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(60_000)) return; // another run holds it; tomorrow's run tries again
  try {
    const r = retryAll(spreadsheet(), new Date());
    console.log(
      `Antrian: ${r.kept} respons tertunda diproses, ${r.sent.length} terkirim, ${r.failed} gagal, ${r.waiting} menunggu, ${r.stopped} tidak dicoba lagi, ${r.superseded} digantikan versi yang lebih baru.`,
    );
  } finally {
    lock.releaseLock();
  }
}
