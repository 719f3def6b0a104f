/** Pasang Pemicu: installs the script's triggers idempotently (ours removed, then created). */
import { getJson, PROP, props, setJson } from './config.js';
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
  // reminders H-3/H-1 and the invitations yesterday's mail quota left
  { fn: 'pengingatUndangan', kind: 'daily', hour: 6 },
  { fn: 'lanjutkanUndangan', kind: 'continuation' },
  { fn: 'lanjutkanFormulir', kind: 'continuation' },
];

/** Who installed the triggers and their ids, in the document's properties (shared by every editor). */
export interface TriggerRecord {
  owner: string;
  ids: string[];
  /** ISO time of the installation */
  at: string;
}

const docProps = () => PropertiesService.getDocumentProperties();
const me = (): string => Session.getEffectiveUser().getEmail();

export function installedBy(): TriggerRecord | null {
  return getJson<TriggerRecord | null>(PROP.triggers, null, docProps());
}

/**
 * Whether the recorded triggers are the current account's. By email when both are known;
 * Session gives a blank email when a security policy withholds it, and two such accounts
 * must not pass for one: then by the trigger ids, as getProjectTriggers() lists only the
 * current account's triggers.
 */
function recordedForMe(record: TriggerRecord, user: string): boolean {
  if (record.owner !== '' && user !== '') return record.owner === user;
  const mine = new Set(ScriptApp.getProjectTriggers().map((t) => t.getUniqueId()));
  return record.ids.some((id) => mine.has(id));
}

export function pasangPemicu(): void {
  const r = installTriggers();
  tell(
    r.refused ??
      `${r.installed} pemicu terpasang atas nama ${r.owner || 'akun Anda'}: formulir masuk, coba ulang antrian (harian), pengingat evaluasi perilaku (harian), pengingat dan lanjutan undangan (harian).`,
  );
}

/**
 * Installs the script's triggers for the current user, idempotently (the user's earlier ones
 * removed first). Triggers belong to the account that made them and getProjectTriggers()
 * shows each account only its own: a second administrator running this would add a second
 * set (every response processed twice, every mail sent twice). So the installing account and
 * the trigger ids are kept in the document's properties, and another account is refused with
 * the way to hand over (lepasPemicu).
 */
export function installTriggers(): { installed: number; owner: string; refused?: string } {
  const ss = spreadsheet();
  const user = me();
  const record = installedBy();
  if (record && !recordedForMe(record, user)) {
    return {
      installed: 0,
      owner: record.owner,
      refused: [
        `Pemicu spreadsheet ini sudah dipasang oleh ${record.owner || 'akun lain'} (${tanggalJam(record.at)}).`,
        'Pemicu milik akun lain tidak terlihat dari akun Anda, jadi memasangnya lagi akan menggandakan setiap pemicu (respons diproses dua kali, email terkirim dua kali). Tidak ada yang dipasang.',
        `Serah terima: ${record.owner || 'akun itu'} membuka menu Bangkom › Lepas Pemicu, lalu Anda menjalankan Pasang Pemicu.`,
      ].join('\n\n'),
    };
  }
  const ours = new Set(TRIGGERS.filter((t) => t.kind !== 'continuation').map((t) => t.fn));
  for (const t of ScriptApp.getProjectTriggers()) {
    if (ours.has(t.getHandlerFunction())) ScriptApp.deleteTrigger(t);
  }
  const ids: string[] = [];
  for (const t of TRIGGERS) {
    if (t.kind === 'formSubmit') {
      ids.push(ScriptApp.newTrigger(t.fn).forSpreadsheet(ss).onFormSubmit().create().getUniqueId());
    } else if (t.kind === 'daily') {
      ids.push(
        ScriptApp.newTrigger(t.fn)
          .timeBased()
          .everyDays(1)
          .atHour(t.hour)
          .inTimezone('Asia/Jakarta')
          .create()
          .getUniqueId(),
      );
    }
  }
  setJson(
    PROP.triggers,
    { owner: user, ids, at: new Date().toISOString() } satisfies TriggerRecord,
    docProps(),
  );
  // the functions read this spreadsheet with the Sheets API
  if (!props().getProperty(PROP.spreadsheetId)) props().setProperty(PROP.spreadsheetId, ss.getId());
  return { installed: ids.length, owner: user };
}

/**
 * Lepas Pemicu: the installing account removes its triggers and the record, so another
 * administrator can install them (hand-over). Another account can only clear the record,
 * after confirming that the installer's account is gone (its triggers no longer run).
 */
export function lepasPemicu(): void {
  const record = installedBy();
  const user = me();
  if (record && !recordedForMe(record, user)) {
    const owner = record.owner || 'akun lain';
    const ui = SpreadsheetApp.getUi();
    const answer = ui.alert(
      'Lepas Pemicu',
      `Pemicu dipasang oleh ${owner} dan hanya akun itu yang dapat menghapusnya. Lanjutkan hanya bila akun ${owner} sudah tidak aktif (pemicunya tidak berjalan lagi): catatan pemasang dihapus agar Anda dapat menjalankan Pasang Pemicu. Lanjutkan?`,
      ui.ButtonSet.YES_NO,
    );
    if (answer !== ui.Button.YES) {
      tell('Tidak ada yang diubah.');
      return;
    }
    docProps().deleteProperty(PROP.triggers);
    tell(
      `Catatan pemasang (${owner}) dihapus. Jalankan Bangkom › Pasang Pemicu untuk memasang pemicu atas nama Anda.`,
    );
    return;
  }
  const handlers = new Set(TRIGGERS.map((t) => t.fn));
  let n = 0;
  for (const t of ScriptApp.getProjectTriggers()) {
    if (!handlers.has(t.getHandlerFunction())) continue;
    ScriptApp.deleteTrigger(t);
    n++;
  }
  docProps().deleteProperty(PROP.triggers);
  tell(
    `${n} pemicu milik ${user || 'akun ini'} dilepas. Administrator berikutnya dapat menjalankan Bangkom › Pasang Pemicu.`,
  );
}

/** `DD/MM/YYYY HH:MM` (WIB) of an ISO time. */
function tanggalJam(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return 'waktu tidak diketahui';
  return `${Utilities.formatDate(d, 'Asia/Jakarta', 'dd/MM/yyyy HH:mm')} WIB`;
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
