/** In-memory MailApp, CalendarApp, UrlFetchApp, LockService, PropertiesService, ScriptApp, Utilities, Session. */
import { createHash } from 'node:crypto';
import { FakeBlob } from './blob';
import { type CallLog, tracked } from './log';

/** Apps Script stops an execution after 6 minutes (quotas: script runtime 6 min / execution). */
export const EXECUTION_LIMIT_MS = 6 * 60_000;

/**
 * The world's clock. `Date.now()` follows it in the unit tests, time passes only when a test
 * advances it or a service call costs time (`cost`), and any service call made more than six
 * minutes after the execution started throws, as Apps Script ends the run.
 */
export class FakeClock {
  private t: number;
  private started: number;
  /** ms a service call takes; 0 by default */
  cost: (call: { target: string; method: string }) => number = () => 0;
  /** told of every change (the unit tests move the system time with it) */
  onChange: ((t: number) => void) | null = null;
  constructor(start = Date.now()) {
    this.t = start;
    this.started = start;
  }
  now(): number {
    return this.t;
  }
  advance(ms: number): void {
    this.t += ms;
    this.onChange?.(this.t);
  }
  /** a new execution (another trigger run, another menu click): the 6 minutes start again */
  newExecution(): void {
    this.started = this.t;
  }
  elapsed(): number {
    return this.t - this.started;
  }
  /** before a service call: it takes its time, and fails once the execution is over its limit */
  onCall(call: { target: string; method: string; args?: unknown[] }): void {
    if (this.elapsed() > EXECUTION_LIMIT_MS) throw new Error('Exceeded maximum execution time');
    // Utilities.sleep(ms) lets that much time pass
    const asked = call.target === 'Utilities' && call.method === 'sleep' ? Number(call.args?.[0]) || 0 : 0;
    // a sleep Utilities refuses (over five minutes) lets no time pass
    const slept = asked >= 0 && asked <= 300_000 ? asked : 0;
    const ms = this.cost(call) + slept;
    if (ms > 0) this.advance(ms);
  }
}

/** Apps Script limits (quotas page): 50 recipients per message, 200 KB of body (consumer accounts). */
export const MAIL_RECIPIENTS_PER_MESSAGE = 50;
export const MAIL_BODY_BYTES = 200 * 1024;

export class FakeMailApp {
  readonly sent: { to: string; subject: string; body: string }[] = [];
  constructor(public quota = 100) {}
  getRemainingDailyQuota(): number {
    return this.quota;
  }
  /**
   * As MailApp: the daily quota counts recipients (to, cc and bcc), not messages; a message
   * with an invalid address throws and is not sent; past the quota it throws.
   */
  sendEmail(message: {
    to: string;
    subject: string;
    body?: string;
    htmlBody?: string;
    cc?: string;
    bcc?: string;
  }): void {
    const recipients = [message.to, message.cc ?? '', message.bcc ?? '']
      .flatMap((list) => list.split(','))
      .map((a) => a.trim())
      .filter((a) => a !== '');
    for (const a of recipients) {
      if (!/^[^@\s,;<>()]+@([A-Za-z0-9-]+\.)+[A-Za-z]{2,}$/.test(a))
        throw new Error(`Exception: Invalid email: ${a}`);
    }
    if (recipients.length === 0) throw new Error('Exception: Failed to send email: no recipient');
    if (recipients.length > MAIL_RECIPIENTS_PER_MESSAGE)
      throw new Error('Exception: Limit Exceeded: Email Recipients Per Message.');
    if (utf8Bytes(message.htmlBody ?? message.body ?? '') > MAIL_BODY_BYTES)
      throw new Error('Exception: Limit Exceeded: Email Body Size.');
    if (this.quota < recipients.length)
      throw new Error('Exception: Service invoked too many times for one day: email.');
    this.quota -= recipients.length;
    this.sent.push({
      to: message.to,
      subject: message.subject,
      body: message.body ?? message.htmlBody ?? '',
    });
  }
}

/**
 * A calendar event as CalendarApp gives it: an id, guests, start/end, location. After
 * deleteEvent() every method throws (the object no longer refers to an event) and
 * getEventById() gives null.
 */
export class FakeEvent {
  readonly guests: string[] = [];
  deleted = false;
  allDay: boolean;
  constructor(
    readonly calendar: FakeCalendar,
    readonly id: string,
    readonly title: string,
    public start: Date,
    public end: Date,
    readonly options: Record<string, unknown>,
  ) {
    this.allDay = options.allDay === true;
  }
  private alive(): void {
    if (this.deleted) throw new Error('Exception: Event has been deleted.');
  }
  getId(): string {
    this.alive();
    return this.id;
  }
  getTitle(): string {
    this.alive();
    return this.title;
  }
  getLocation(): string {
    this.alive();
    return String(this.options.location ?? '');
  }
  setLocation(location: string): FakeEvent {
    this.alive();
    this.options.location = location;
    return this;
  }
  isAllDayEvent(): boolean {
    this.alive();
    return this.allDay;
  }
  getStartTime(): Date {
    this.alive();
    return new Date(this.start.getTime());
  }
  getEndTime(): Date {
    this.alive();
    return new Date(this.end.getTime());
  }
  setTime(start: Date, end: Date): FakeEvent {
    this.alive();
    if (end.getTime() < start.getTime())
      throw new Error('Exception: Event start date must be before event end date.');
    this.start = new Date(start.getTime());
    this.end = new Date(end.getTime());
    this.allDay = false;
    return this;
  }
  /** end exclusive, as createAllDayEvent takes it */
  setAllDayDates(start: Date, end: Date): FakeEvent {
    this.alive();
    if (end.getTime() <= start.getTime())
      throw new Error('Exception: Event start date must be before event end date.');
    this.start = new Date(start.getTime());
    this.end = new Date(end.getTime());
    this.allDay = true;
    return this;
  }
  addGuest(email: string): FakeEvent {
    this.alive();
    if (!this.guests.includes(email)) this.guests.push(email);
    return this;
  }
  removeGuest(email: string): FakeEvent {
    this.alive();
    const i = this.guests.indexOf(email);
    if (i >= 0) this.guests.splice(i, 1);
    return this;
  }
  getGuestList(): { getEmail(): string }[] {
    this.alive();
    return this.guests.map((g) => ({ getEmail: () => g }));
  }
  deleteEvent(): void {
    this.alive();
    this.deleted = true;
    this.calendar.events.delete(this.id);
  }
}

export class FakeCalendar {
  readonly events = new Map<string, FakeEvent>();
  private made = 0;
  /** when set, events handed out are wrapped so their calls are counted */
  wrap: (e: FakeEvent) => FakeEvent = (e) => e;
  createEvent(title: string, start: Date, end: Date, options: Record<string, unknown> = {}): FakeEvent {
    if (end.getTime() < start.getTime())
      throw new Error('Exception: Event start date must be before event end date.');
    const e = new FakeEvent(this, `event${++this.made}@google.com`, title, start, end, { ...options });
    this.events.set(e.id, e);
    return this.wrap(e);
  }
  /** end is exclusive: the day after the last day, as CalendarApp takes it */
  createAllDayEvent(title: string, start: Date, end: Date, options: Record<string, unknown> = {}): FakeEvent {
    return this.createEvent(title, start, end, { ...options, allDay: true });
  }
  /** null for an id that never existed or whose event was deleted */
  getEventById(id: string): FakeEvent | null {
    const e = this.events.get(id);
    return e ? this.wrap(e) : null;
  }
}

export interface FetchCall {
  url: string;
  params: {
    method?: string;
    payload?: string;
    headers?: Record<string, string>;
    muteHttpExceptions?: boolean;
    contentType?: string;
  };
}

/** `delayMs`: how long the server takes to answer (the world's clock advances by it) */
export type FetchHandler = (call: FetchCall) => { code: number; body: string; delayMs?: number };

/** UrlFetchApp gives up on a request after about 60 seconds. */
export const FETCH_TIMEOUT_MS = 60_000;

/** UrlFetchApp refuses a URL longer than 2 KB (quotas page: URL Fetch URL length). */
export const FETCH_URL_BYTES = 2 * 1024;

function checkUrl(url: string): void {
  if (!/^https?:\/\//.test(url)) throw new Error(`Exception: Invalid argument: ${url}`);
  if (utf8Bytes(url) > FETCH_URL_BYTES) throw new Error('Exception: Limit Exceeded: URLFetch URL Length.');
}

export class FakeUrlFetchApp {
  readonly requests: FetchCall[] = [];
  handler: FetchHandler = () => ({ code: 200, body: '{"ok":true}' });
  constructor(private readonly clock?: FakeClock) {}
  private answer(call: FetchCall): { code: number; body: string; delayMs: number } {
    this.requests.push(call);
    const { code, body, delayMs = 0 } = this.handler(call);
    return { code, body, delayMs };
  }
  private respond(call: FetchCall, code: number, body: string) {
    if ((code < 200 || code >= 300) && !call.params.muteHttpExceptions) {
      throw new Error(
        `Exception: Request failed for ${call.url} returned code ${code}. Truncated server response: ${body}`,
      );
    }
    return { getResponseCode: () => code, getContentText: () => body };
  }
  private wait(ms: number, url: string): void {
    this.clock?.advance(Math.min(ms, FETCH_TIMEOUT_MS));
    if (ms >= FETCH_TIMEOUT_MS) throw new Error(`Exception: Timeout: ${url}`);
  }
  fetch(url: string, params: FetchCall['params'] = {}) {
    checkUrl(url);
    const call = { url, params };
    const { code, body, delayMs } = this.answer(call);
    this.wait(delayMs, url);
    return this.respond(call, code, body);
  }
  /**
   * The requests in parallel: the call takes as long as the slowest answer (at most the
   * timeout), and any request that fails without an HTTP answer (network, timeout) makes the
   * whole call throw, muteHttpExceptions or not.
   */
  fetchAll(requests: (FetchCall['params'] & { url: string })[]) {
    if (requests.length > 1000) throw new Error('Exception: Too many requests in fetchAll.');
    for (const r of requests) checkUrl(r.url);
    const answers = requests.map(({ url, ...params }) => {
      const call = { url, params };
      try {
        return { call, ...this.answer(call), error: null as unknown };
      } catch (error) {
        return { call, code: 0, body: '', delayMs: 0, error };
      }
    });
    const slowest = answers.reduce(
      (m, a) => (a.delayMs > m.delayMs ? a : m),
      answers[0] ?? { delayMs: 0, call: { url: '' } },
    );
    this.wait(slowest.delayMs, slowest.call.url);
    const failed = answers.find((a) => a.error !== null);
    if (failed) throw failed.error;
    return answers.map((a) => this.respond(a.call, a.code, a.body));
  }
  /** parsed JSON bodies of requests to an endpoint */
  bodies(endpoint: string): Record<string, unknown>[] {
    return this.requests
      .filter((r) => r.url.endsWith(`/${endpoint}`))
      .map((r) => JSON.parse(r.params.payload ?? 'null'));
  }
}

export class FakeLock {
  held = false;
  acquired = 0;
  released = 0;
  /** set true to make waitLock time out, as when another execution holds the lock */
  busyElsewhere = false;
  waitLock(_ms: number): void {
    if (this.busyElsewhere)
      throw new Error('Exception: Lock timeout: another process was holding the lock for too long.');
    this.held = true;
    this.acquired++;
  }
  tryLock(_ms: number): boolean {
    if (this.busyElsewhere) return false;
    this.held = true;
    this.acquired++;
    return true;
  }
  hasLock(): boolean {
    return this.held;
  }
  releaseLock(): void {
    this.held = false;
    this.released++;
  }
}

/** UTF-8 length of a string, as Google measures property sizes. */
export const utf8Bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

/**
 * PropertiesService's limits, in bytes as Google counts them: 9 KB per value and 500 KB per
 * property store (keys and values together). Quotas page of Apps Script.
 */
export const PROPERTY_VALUE_BYTES = 9 * 1024;
export const PROPERTY_STORE_BYTES = 500 * 1024;

export class FakeProperties {
  readonly store = new Map<string, string>();
  getProperty(k: string): string | null {
    return this.store.get(k) ?? null;
  }
  /** bytes the store holds now (keys and values) */
  bytes(): number {
    let n = 0;
    for (const [k, v] of this.store) n += utf8Bytes(k) + utf8Bytes(v);
    return n;
  }
  setProperty(k: string, v: string): FakeProperties {
    const value = String(v);
    if (utf8Bytes(value) > PROPERTY_VALUE_BYTES) throw new Error('Exception: Argument too large: value');
    const old = this.store.get(k);
    const after =
      this.bytes() -
      (old === undefined ? 0 : utf8Bytes(k) + utf8Bytes(old)) +
      utf8Bytes(k) +
      utf8Bytes(value);
    if (after > PROPERTY_STORE_BYTES)
      throw new Error(
        'Exception: You have exceeded the property storage quota. Please remove some properties and try again.',
      );
    this.store.set(k, value);
    return this;
  }
  setProperties(values: Record<string, string>): FakeProperties {
    for (const [k, v] of Object.entries(values)) this.setProperty(k, v);
    return this;
  }
  deleteProperty(k: string): FakeProperties {
    this.store.delete(k);
    return this;
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this.store);
  }
  getKeys(): string[] {
    return [...this.store.keys()];
  }
}

export interface FakeTrigger {
  id: string;
  /** the account that created it; only that account sees it in getProjectTriggers() */
  owner: string;
  handler: string;
  kind: 'formSubmit' | 'daily' | 'after';
  hour?: number;
  afterMs?: number;
  getHandlerFunction(): string;
  getUniqueId(): string;
  getEventType(): string;
}

/** Apps Script quotas: 20 triggers per user per script. */
export const TRIGGERS_PER_USER = 20;

export class FakeScriptApp {
  /** every user's triggers (test view); the script sees only the current user's */
  readonly triggers: FakeTrigger[] = [];
  private n = 0;
  /** the account running the script (Session.getEffectiveUser) */
  user = 'admin@sawahlunto.go.id';
  /**
   * false: Session gives a blank email, as Google does when the domain's security policy
   * withholds it; the account is still the same one (its triggers, its permissions)
   */
  emailVisible = true;
  readonly EventType = { ON_FORM_SUBMIT: 'ON_FORM_SUBMIT', CLOCK: 'CLOCK' };
  getIdentityToken(): string {
    return 'token-openid-uji';
  }
  /** as Google documents it: the current user's triggers in this project, not other users' */
  getProjectTriggers(): FakeTrigger[] {
    return this.triggers.filter((t) => t.owner === this.user);
  }
  deleteTrigger(t: FakeTrigger): void {
    const i = this.triggers.findIndex((x) => x.id === t.id);
    if (i >= 0 && this.triggers[i]?.owner !== this.user)
      throw new Error('Exception: You do not have permission to delete this trigger.');
    if (i >= 0) this.triggers.splice(i, 1);
  }
  private make(handler: string, kind: FakeTrigger['kind'], extra: Partial<FakeTrigger>): FakeTrigger {
    if (this.getProjectTriggers().length >= TRIGGERS_PER_USER)
      throw new Error(
        'Exception: This script has too many triggers. Triggers must be deleted from the script before more can be added.',
      );
    const id = `trigger${++this.n}`;
    const t: FakeTrigger = {
      id,
      owner: this.user,
      handler,
      kind,
      ...extra,
      getHandlerFunction: () => handler,
      getUniqueId: () => id,
      getEventType: () => (kind === 'formSubmit' ? 'ON_FORM_SUBMIT' : 'CLOCK'),
    };
    this.triggers.push(t);
    return t;
  }
  newTrigger(handler: string) {
    const self = this;
    return {
      forSpreadsheet(_ss: unknown) {
        return { onFormSubmit: () => ({ create: () => self.make(handler, 'formSubmit', {}) }) };
      },
      timeBased() {
        const spec: Partial<FakeTrigger> & { days?: number } = {};
        const b = {
          everyDays(d: number) {
            spec.days = d;
            return b;
          },
          atHour(h: number) {
            if (h < 0 || h > 23) throw new Error('Exception: hour must be 0-23');
            spec.hour = h;
            return b;
          },
          inTimezone(_tz: string) {
            return b;
          },
          after(ms: number) {
            spec.afterMs = ms;
            return b;
          },
          create() {
            if (spec.afterMs !== undefined && spec.days !== undefined)
              throw new Error('Exception: after() cannot be combined with everyDays()');
            if (spec.afterMs === undefined && spec.days === undefined)
              throw new Error('Exception: time-based trigger needs a schedule');
            const extra: Partial<FakeTrigger> = {};
            if (spec.hour !== undefined) extra.hour = spec.hour;
            if (spec.afterMs !== undefined) extra.afterMs = spec.afterMs;
            return self.make(handler, spec.afterMs !== undefined ? 'after' : 'daily', extra);
          },
        };
        return b;
      },
    };
  }
}

/** Formats like Utilities.formatDate for the patterns the script uses (yyyy MM dd HH mm ss Z). */
export function formatDate(date: Date, timeZone: string, pattern: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  const off = /GMT([+-]\d{2}):?(\d{2})?/.exec(parts.timeZoneName ?? '');
  const zone = off ? `${off[1]}${off[2] ?? '00'}` : '+0000';
  let out = '';
  const re = /'([^']*)'|yyyy|MM|dd|HH|mm|ss|Z|[^'yMdHmsZ]+/g;
  for (const m of pattern.matchAll(re)) {
    const t = m[0];
    if (m[1] !== undefined) out += m[1];
    else if (t === 'yyyy') out += parts.year;
    else if (t === 'MM') out += parts.month;
    else if (t === 'dd') out += parts.day;
    else if (t === 'HH') out += parts.hour;
    else if (t === 'mm') out += parts.minute;
    else if (t === 'ss') out += parts.second;
    else if (t === 'Z') out += zone;
    else if (/^[yMdHmsZ]/.test(t)) throw new Error(`fake formatDate: pattern ${t} not supported`);
    else out += t;
  }
  return out;
}

/** Utilities.parseDate for `yyyy-MM-dd HH:mm:ss`: the instant of a wall-clock time in a zone. */
export function parseDate(text: string, timeZone: string, pattern: string): Date {
  if (pattern !== 'yyyy-MM-dd HH:mm:ss') throw new Error(`fake parseDate: pattern ${pattern} not supported`);
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (!m) throw new Error(`Exception: Unparseable date: "${text}"`);
  const [y, mo, d, h, mi, sec] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi, sec);
  const offset = (at: number) => {
    const z = formatDate(new Date(at), timeZone, 'Z');
    return (z.startsWith('-') ? -1 : 1) * (Number(z.slice(1, 3)) * 60 + Number(z.slice(3, 5))) * 60_000;
  };
  let t = wall - offset(wall);
  t = wall - offset(t);
  return new Date(t);
}

export function makeUtilities(log: CallLog) {
  const u = {
    DigestAlgorithm: { SHA_256: 'SHA_256' },
    Charset: { UTF_8: 'UTF_8' },
    formatDate,
    parseDate,
    /** signed bytes, as Apps Script returns them */
    computeDigest(_alg: string, value: string, _charset: string): number[] {
      return [...createHash('sha256').update(value, 'utf8').digest()].map((b) => (b > 127 ? b - 256 : b));
    },
    /** signed bytes, as Apps Script returns them; refuses what is not base64 */
    base64Decode(encoded: string): number[] {
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(encoded) || encoded.length % 4 !== 0)
        throw new Error('Exception: Could not decode string.');
      return [...Buffer.from(encoded, 'base64')].map((b) => (b > 127 ? b - 256 : b));
    },
    newBlob(data: number[], contentType?: string, name?: string): FakeBlob {
      return new FakeBlob(data, contentType ?? null, name ?? null);
    },
    /** at most five minutes, as Utilities.sleep documents */
    sleep: (ms: number) => {
      if (!(ms >= 0 && ms <= 300_000)) throw new Error('Exception: Invalid argument: milliseconds');
    },
  };
  return tracked(u, () => 'Utilities', log);
}

export { tracked };
