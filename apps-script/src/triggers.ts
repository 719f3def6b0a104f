/** Pasang Pemicu: installs the script's triggers idempotently (ours removed, then created). */
import { PROP, props } from './config.js';
import { spreadsheet, tell } from './gas.js';

export type TriggerSpec =
  | { fn: string; kind: 'formSubmit' }
  | { fn: string; kind: 'daily'; hour: number }
  /** one-off continuation, created on demand by the job that needs it */
  | { fn: string; kind: 'continuation' };

export const TRIGGERS: readonly TriggerSpec[] = [
  { fn: 'onFormSubmit', kind: 'formSubmit' },
  { fn: 'cobaUlangAntrian', kind: 'daily', hour: 2 },
  { fn: 'pengingatPerilaku', kind: 'daily', hour: 7 },
  { fn: 'lanjutkanUndangan', kind: 'continuation' },
  { fn: 'lanjutkanFormulir', kind: 'continuation' },
];

export function pasangPemicu(): void {
  const n = installTriggers();
  tell(
    `${n} pemicu terpasang: formulir masuk, coba ulang antrian (harian), pengingat evaluasi perilaku (harian).`,
  );
}

export function installTriggers(): number {
  const ss = spreadsheet();
  const ours = new Set(TRIGGERS.filter((t) => t.kind !== 'continuation').map((t) => t.fn));
  for (const t of ScriptApp.getProjectTriggers()) {
    if (ours.has(t.getHandlerFunction())) ScriptApp.deleteTrigger(t);
  }
  let n = 0;
  for (const t of TRIGGERS) {
    if (t.kind === 'formSubmit') {
      ScriptApp.newTrigger(t.fn).forSpreadsheet(ss).onFormSubmit().create();
    } else if (t.kind === 'daily') {
      ScriptApp.newTrigger(t.fn).timeBased().everyDays(1).atHour(t.hour).inTimezone('Asia/Jakarta').create();
    } else {
      continue;
    }
    n++;
  }
  // the functions read this spreadsheet with the Sheets API
  if (!props().getProperty(PROP.spreadsheetId)) props().setProperty(PROP.spreadsheetId, ss.getId());
  return n;
}

/** Replaces any pending continuation of `fn` with one that fires after `ms`. */
export function scheduleContinuation(fn: string, ms: number): void {
  clearContinuation(fn);
  ScriptApp.newTrigger(fn).timeBased().after(ms).create();
}

export function clearContinuation(fn: string): void {
  for (const t of ScriptApp.getProjectTriggers()) {
    if (t.getHandlerFunction() === fn) ScriptApp.deleteTrigger(t);
  }
}
