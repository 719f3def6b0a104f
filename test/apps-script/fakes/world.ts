/**
 * One fake Apps Script world: a spreadsheet and every service the script uses, recording
 * each call. `install()` puts the services on globalThis (as Apps Script does) for unit
 * tests; `globals` is what a bare `vm` context gets for the bundle test.
 */
import { makeFormApp } from './forms';
import { type Call, CallLog, tracked } from './log';
import {
  FakeCalendar,
  FakeClock,
  FakeLock,
  FakeMailApp,
  FakeProperties,
  FakeScriptApp,
  FakeUrlFetchApp,
  formatDate,
  makeUtilities,
} from './services';
import { type DateCtor, FakeSpreadsheet, FakeUi, makeSpreadsheetApp } from './spreadsheet';

export const FUNCTIONS_URL = 'https://asia-southeast2-bangkom-uji.cloudfunctions.net';

export function createWorld(opts: { Date?: DateCtor; quota?: number } = {}) {
  const log = new CallLog();
  const clock = new FakeClock();
  /** service calls that fail, as a Sheets timeout or a quota would: `when` picks the call */
  const failures: { when: (call: Call) => boolean; error: string }[] = [];
  log.onCall = (call) => {
    clock.onCall(call);
    const f = failures.find((x) => x.when(call));
    if (f) throw new Error(f.error);
  };
  const DateCtor = opts.Date ?? Date;
  const spreadsheet = new FakeSpreadsheet('ss-bangkom', { Date: DateCtor, log });
  const ui = new FakeUi();
  const lock = new FakeLock();
  const scriptProps = new FakeProperties();
  const docProps = new FakeProperties();
  scriptProps.setProperty('BANGKOM_FUNCTIONS_URL', FUNCTIONS_URL);
  const mail = new FakeMailApp(opts.quota ?? 100);
  const calendar = new FakeCalendar();
  calendar.wrap = (e) => tracked(e, () => 'CalendarEvent', log);
  const fetch = new FakeUrlFetchApp(clock);
  const script = new FakeScriptApp();
  const timeZone = 'Asia/Jakarta';
  /** the Forms runtime; `publishing = false` makes forms without setPublished, as older runtimes */
  const formRuntime = {
    spreadsheet,
    log,
    publishing: true,
    formatStamp: (d: Date) => formatDate(d, timeZone, 'dd/MM/yyyy HH:mm:ss'),
  };
  const forms = makeFormApp(formRuntime);
  const globals = {
    SpreadsheetApp: makeSpreadsheetApp(spreadsheet, ui, log),
    FormApp: forms.app,
    MailApp: tracked(mail, () => 'MailApp', log),
    CalendarApp: tracked(
      { getDefaultCalendar: () => tracked(calendar, () => 'Calendar', log) },
      () => 'CalendarApp',
      log,
    ),
    UrlFetchApp: tracked(fetch, () => 'UrlFetchApp', log),
    LockService: tracked(
      { getDocumentLock: () => lock, getScriptLock: () => lock },
      () => 'LockService',
      log,
    ),
    PropertiesService: tracked(
      {
        getScriptProperties: () => tracked(scriptProps, () => 'Properties', log),
        getDocumentProperties: () => tracked(docProps, () => 'Properties', log),
      },
      () => 'PropertiesService',
      log,
    ),
    ScriptApp: tracked(script, () => 'ScriptApp', log),
    Utilities: makeUtilities(log),
    Session: tracked(
      {
        getScriptTimeZone: () => timeZone,
        getEffectiveUser: () => ({ getEmail: () => (script.emailVisible ? script.user : '') }),
        getActiveUser: () => ({ getEmail: () => (script.emailVisible ? script.user : '') }),
      },
      () => 'Session',
      log,
    ),
  };
  const saved = new Map<string, unknown>();
  return {
    log,
    clock,
    failures,
    spreadsheet,
    ui,
    lock,
    scriptProps,
    docProps,
    mail,
    calendar,
    fetch,
    script,
    forms: forms.forms,
    formRuntime,
    globals,
    /** Apps Script exposes its services as globals; so do we, until restore(). */
    install(): void {
      for (const [k, v] of Object.entries(globals)) {
        saved.set(k, (globalThis as Record<string, unknown>)[k]);
        (globalThis as Record<string, unknown>)[k] = v;
      }
    },
    restore(): void {
      for (const [k, v] of saved) {
        if (v === undefined) delete (globalThis as Record<string, unknown>)[k];
        else (globalThis as Record<string, unknown>)[k] = v;
      }
      saved.clear();
    },
  };
}

export type World = ReturnType<typeof createWorld>;

/** A wall-clock instant in Asia/Jakarta (UTC+7, no DST) as a Date. */
export function jakarta(
  y: number,
  m: number,
  d: number,
  h = 0,
  mi = 0,
  s = 0,
  DateCtor: DateCtor = Date,
): Date {
  return new DateCtor(Date.UTC(y, m - 1, d, h - 7, mi, s));
}
