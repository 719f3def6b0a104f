/// <reference types="google-apps-script" />
/** In-memory FormApp: forms, items, quiz choices, response sheets and submit events. */
import { type CallLog, tracked } from './log';
import type { FakeSheet, FakeSpreadsheet } from './spreadsheet';

export const ITEM_TYPE = {
  TEXT: 'TEXT',
  PARAGRAPH_TEXT: 'PARAGRAPH_TEXT',
  SCALE: 'SCALE',
  MULTIPLE_CHOICE: 'MULTIPLE_CHOICE',
  CHECKBOX: 'CHECKBOX',
  LIST: 'LIST',
  PAGE_BREAK: 'PAGE_BREAK',
} as const;
type ItemType = (typeof ITEM_TYPE)[keyof typeof ITEM_TYPE];

let nextItemId = 1000;

export const PAGE_NAVIGATION = {
  CONTINUE: 'CONTINUE',
  GO_TO_PAGE: 'GO_TO_PAGE',
  RESTART: 'RESTART',
  SUBMIT: 'SUBMIT',
} as const;
type NavigationType = (typeof PAGE_NAVIGATION)[keyof typeof PAGE_NAVIGATION];
/** Where a choice or the end of a page leads: a page break of the form, or a navigation type. */
type Navigation = FakeItem | Exclude<NavigationType, 'GO_TO_PAGE'>;

export class FakeChoice {
  constructor(
    readonly value: string,
    readonly correct: boolean,
    /** set only by createChoice(value, pageBreakItem | navigationType) */
    readonly navigation?: Navigation,
  ) {}
  getValue(): string {
    return this.value;
  }
  isCorrectAnswer(): boolean {
    return this.correct;
  }
  getGotoPage(): FakeItem | null {
    return this.navigation instanceof FakeItem ? this.navigation : null;
  }
  getPageNavigationType(): NavigationType {
    if (this.navigation === undefined) return 'CONTINUE';
    return this.navigation instanceof FakeItem ? 'GO_TO_PAGE' : this.navigation;
  }
}

const TYPED_NAME: Record<ItemType, string> = {
  TEXT: 'TextItem',
  PARAGRAPH_TEXT: 'ParagraphTextItem',
  SCALE: 'ScaleItem',
  MULTIPLE_CHOICE: 'MultipleChoiceItem',
  CHECKBOX: 'CheckboxItem',
  LIST: 'ListItem',
  PAGE_BREAK: 'PageBreakItem',
};

/**
 * The generic `Item` that Form.getItems() returns. As in FormApp it only has the common
 * accessors; the typed setters live on the typed item (`asTextItem()` and the like, or what
 * `addTextItem()` returns), which is a different object: Form.moveItem and Form.deleteItem
 * take an `Item` (or an index) and reject a typed item.
 */
export class FakeItem {
  readonly id = nextItemId++;
  title = '';
  helpText = '';
  required = false;
  choices: FakeChoice[] = [];
  bounds: [number, number] = [1, 5];
  labels: [string, string] = ['', ''];
  points = 0;
  validation: unknown = null;
  /** PageBreakItem.setGoToPage: where the page before this break leads when the break is reached linearly */
  goTo: Navigation | null = null;
  /** the raw object behind a tracked wrapper (a non-function property is not wrapped) */
  readonly raw: FakeItem = this;
  constructor(
    readonly type: ItemType,
    readonly form: FakeForm,
  ) {}
  private as(type: ItemType): FakeTypedItem {
    if (this.type !== type) throw new Error(`Exception: Item ${this.id} is not of type ${type}.`);
    return this.form.view(this);
  }
  getId(): number {
    return this.id;
  }
  getType(): ItemType {
    return this.type;
  }
  getTitle(): string {
    return this.title;
  }
  setTitle(t: string): FakeItem {
    this.title = t;
    return this;
  }
  getHelpText(): string {
    return this.helpText;
  }
  setHelpText(t: string): FakeItem {
    this.helpText = t;
    return this;
  }
  getIndex(): number {
    return this.form.items.indexOf(this);
  }
  asTextItem(): FakeTypedItem {
    return this.as(ITEM_TYPE.TEXT);
  }
  asParagraphTextItem(): FakeTypedItem {
    return this.as(ITEM_TYPE.PARAGRAPH_TEXT);
  }
  asScaleItem(): FakeTypedItem {
    return this.as(ITEM_TYPE.SCALE);
  }
  asMultipleChoiceItem(): FakeTypedItem {
    return this.as(ITEM_TYPE.MULTIPLE_CHOICE);
  }
  asCheckboxItem(): FakeTypedItem {
    return this.as(ITEM_TYPE.CHECKBOX);
  }
  asListItem(): FakeTypedItem {
    return this.as(ITEM_TYPE.LIST);
  }
  asPageBreakItem(): FakeTypedItem {
    return this.as(ITEM_TYPE.PAGE_BREAK);
  }
}

/** The page break behind an argument FormApp takes as a PageBreakItem; anything else is refused. */
function pageBreakArg(x: unknown, form: FakeForm, method: string): FakeItem {
  const item = x instanceof FakeTypedItem ? x.item : x instanceof FakeItem ? x.raw : undefined;
  if (!item || item.type !== ITEM_TYPE.PAGE_BREAK)
    throw new Error(
      `Exception: The parameters (${typeof x}) don't match the method signature for ${method}.`,
    );
  if (item.form !== form) throw new Error('Exception: Item not in form.');
  return item;
}

function navigationArg(x: unknown, form: FakeForm, method: string): Navigation {
  if (x === 'CONTINUE' || x === 'RESTART' || x === 'SUBMIT') return x;
  if (x === 'GO_TO_PAGE')
    throw new Error('Exception: GO_TO_PAGE requires a page break item; pass the PageBreakItem instead.');
  return pageBreakArg(x, form, method);
}

/** A typed item (TextItem, ScaleItem, …): a view of one FakeItem with the typed setters. */
export class FakeTypedItem {
  constructor(readonly item: FakeItem) {}
  /** FormApp's class name, as its errors print it */
  get className(): string {
    return TYPED_NAME[this.item.type];
  }
  getId(): number {
    return this.item.id;
  }
  getIndex(): number {
    return this.item.getIndex();
  }
  getType(): ItemType {
    return this.item.type;
  }
  getTitle(): string {
    return this.item.title;
  }
  setTitle(t: string): FakeTypedItem {
    this.item.title = t;
    return this;
  }
  getHelpText(): string {
    return this.item.helpText;
  }
  setHelpText(t: string): FakeTypedItem {
    this.item.helpText = t;
    return this;
  }
  setRequired(r: boolean): FakeTypedItem {
    this.only('TEXT', 'PARAGRAPH_TEXT', 'SCALE', 'MULTIPLE_CHOICE', 'CHECKBOX', 'LIST');
    this.item.required = r;
    return this;
  }
  isRequired(): boolean {
    return this.item.required;
  }
  private only(...types: ItemType[]): void {
    if (!types.includes(this.item.type))
      throw new TypeError(`TypeError: this method is not a function of FormApp.${this.className}`);
  }
  setChoiceValues(values: string[]): FakeTypedItem {
    this.only('MULTIPLE_CHOICE', 'CHECKBOX', 'LIST');
    this.item.choices = values.map((v) => new FakeChoice(v, false));
    return this;
  }
  /**
   * createChoice(value), createChoice(value, isCorrect) (quiz), or, on a MultipleChoiceItem or
   * ListItem only, createChoice(value, pageBreakItem | navigationType) (page navigation).
   */
  createChoice(value: string, second: unknown = false): FakeChoice {
    this.only('MULTIPLE_CHOICE', 'CHECKBOX', 'LIST');
    if (typeof second === 'boolean') return new FakeChoice(value, second);
    if (this.item.type === 'CHECKBOX')
      throw new TypeError('TypeError: a CheckboxItem choice cannot navigate to a page');
    return new FakeChoice(
      value,
      false,
      navigationArg(second, this.item.form, `FormApp.${this.className}.createChoice`),
    );
  }
  setChoices(choices: FakeChoice[]): FakeTypedItem {
    this.only('MULTIPLE_CHOICE', 'CHECKBOX', 'LIST');
    const navigating = choices.filter((c) => c.navigation !== undefined).length;
    if (navigating > 0 && navigating < choices.length)
      throw new Error(
        'Exception: Choices that use page navigation cannot be combined with choices that do not use page navigation.',
      );
    for (const c of choices)
      if (c.navigation instanceof FakeItem && !this.item.form.items.includes(c.navigation))
        throw new Error('Exception: Item not in form.');
    this.item.choices = choices.slice();
    return this;
  }
  setGoToPage(target: unknown): FakeTypedItem {
    this.only('PAGE_BREAK');
    this.item.goTo = navigationArg(target, this.item.form, 'FormApp.PageBreakItem.setGoToPage');
    return this;
  }
  getGoToPage(): FakeItem | null {
    this.only('PAGE_BREAK');
    return this.item.goTo instanceof FakeItem ? this.item.goTo : null;
  }
  getPageNavigationType(): NavigationType {
    this.only('PAGE_BREAK');
    const g = this.item.goTo;
    return g === null ? 'CONTINUE' : g instanceof FakeItem ? 'GO_TO_PAGE' : g;
  }
  getChoices(): FakeChoice[] {
    return this.item.choices.slice();
  }
  setPoints(p: number): FakeTypedItem {
    if (!this.item.form.quiz) throw new Error('Exception: Points can only be set on quiz forms.');
    this.item.points = p;
    return this;
  }
  setBounds(lo: number, hi: number): FakeTypedItem {
    this.only('SCALE');
    this.item.bounds = [lo, hi];
    return this;
  }
  setLabels(lo: string, hi: string): FakeTypedItem {
    this.only('SCALE');
    this.item.labels = [lo, hi];
    return this;
  }
  setValidation(v: unknown): FakeTypedItem {
    this.only('TEXT', 'PARAGRAPH_TEXT', 'CHECKBOX');
    this.item.validation = v;
    return this;
  }
  createResponse(answer: string): { item: FakeItem; answer: string } {
    return { item: this.item, answer };
  }
}

export class FakeFormResponse {
  readonly answers: { item: FakeItem; answer: string }[] = [];
  constructor(private readonly form: FakeForm) {}
  withItemResponse(r: { item: FakeItem; answer: string }): FakeFormResponse {
    this.answers.push(r);
    return this;
  }
  toPrefilledUrl(): string {
    const q = this.answers.map((a) => `entry.${a.item.id}=${encodeURIComponent(a.answer)}`).join('&');
    return `${this.form.getPublishedUrl()}?usp=pp_url&${q}`;
  }
}

export class FakeForm {
  readonly items: FakeItem[] = [];
  title: string;
  description = '';
  quiz = false;
  collectEmail = true;
  requireLogin = true;
  published = false;
  accepting = false;
  confirmation = '';
  destinationId: string | null = null;
  /** every submission, as Google Forms keeps it (getResponses) */
  readonly submissions: { at: Date; answers: Record<string, string | string[]>; email: string }[] = [];
  /** the response sheet (raw) once linked */
  responseSheet: FakeSheet | null = null;
  constructor(
    readonly id: string,
    title: string,
    readonly world: FormWorld,
  ) {
    this.title = title;
    if (world.publishing !== false) {
      this.setPublished = (p: boolean) => {
        this.published = p;
        return this;
      };
      this.isPublished = () => this.published;
    }
  }
  private add(type: ItemType): FakeTypedItem {
    const item = new FakeItem(type, this);
    this.items.push(item);
    return this.view(item);
  }
  /** a typed item of `item`, tracked like the form (FormApp returns a new object each time) */
  view(item: FakeItem): FakeTypedItem {
    return tracked(new FakeTypedItem(item), () => `Item:${this.id}`, this.world.log);
  }
  /** the generic item of an argument that must be an `Item`; a typed item is refused, as FormApp does */
  private itemArg(x: unknown, method: string, second: string): FakeItem {
    if (x instanceof FakeItem && this.items.includes(x.raw)) return x.raw;
    if (x instanceof FakeItem) throw new Error('Exception: Item not in form.');
    const kind = x instanceof FakeTypedItem ? `FormApp.${x.className}` : typeof x;
    throw new Error(
      `Exception: The parameters (${kind}${second}) don't match the method signature for FormApp.Form.${method}.`,
    );
  }
  getId(): string {
    return this.id;
  }
  getTitle(): string {
    return this.title;
  }
  setTitle(t: string): FakeForm {
    this.title = t;
    return this;
  }
  setDescription(d: string): FakeForm {
    this.description = d;
    return this;
  }
  setIsQuiz(q: boolean): FakeForm {
    this.quiz = q;
    return this;
  }
  isQuiz(): boolean {
    return this.quiz;
  }
  setCollectEmail(c: boolean): FakeForm {
    this.collectEmail = c;
    return this;
  }
  setRequireLogin(r: boolean): FakeForm {
    this.requireLogin = r;
    return this;
  }
  setConfirmationMessage(m: string): FakeForm {
    this.confirmation = m;
    return this;
  }
  setAcceptingResponses(a: boolean): FakeForm {
    this.accepting = a;
    return this;
  }
  /** absent when the world's runtime has no publishing (`publishing: false`), as in older runtimes */
  setPublished?: (p: boolean) => FakeForm;
  isPublished?: () => boolean;
  getPublishedUrl(): string {
    return `https://docs.google.com/forms/d/e/${this.id}-pub/viewform`;
  }
  getEditUrl(): string {
    return `https://docs.google.com/forms/d/${this.id}/edit`;
  }
  getItems(): FakeItem[] {
    return this.items.map((i) => tracked(i, () => `Item:${this.id}`, this.world.log));
  }
  addTextItem(): FakeTypedItem {
    return this.add(ITEM_TYPE.TEXT);
  }
  addParagraphTextItem(): FakeTypedItem {
    return this.add(ITEM_TYPE.PARAGRAPH_TEXT);
  }
  addScaleItem(): FakeTypedItem {
    return this.add(ITEM_TYPE.SCALE);
  }
  addMultipleChoiceItem(): FakeTypedItem {
    return this.add(ITEM_TYPE.MULTIPLE_CHOICE);
  }
  addCheckboxItem(): FakeTypedItem {
    return this.add(ITEM_TYPE.CHECKBOX);
  }
  addListItem(): FakeTypedItem {
    return this.add(ITEM_TYPE.LIST);
  }
  addPageBreakItem(): FakeTypedItem {
    return this.add(ITEM_TYPE.PAGE_BREAK);
  }

  /** The question items (every item but page breaks), in form order: the response sheet's columns. */
  questions(): FakeItem[] {
    return this.items.filter((i) => i.type !== ITEM_TYPE.PAGE_BREAK);
  }

  /**
   * The questions a respondent who gives `answers` sees, following Google Forms' page navigation:
   * a page ends where the next page break starts; after a page, the last answered choice on it
   * that navigates decides where to go (navigation has no effect on the last page); otherwise the
   * next page break's `setGoToPage`, reached linearly, decides; otherwise the next page. A
   * navigation loop is an error (a respondent could never submit).
   */
  visibleQuestions(answers: Record<string, string | string[]>): FakeItem[] {
    const pages: FakeItem[][] = [[]];
    for (const item of this.items) {
      if (item.type === ITEM_TYPE.PAGE_BREAK) pages.push([item]);
      else pages[pages.length - 1]?.push(item);
    }
    const pageOf = (brk: FakeItem) => pages.findIndex((p) => p[0] === brk);
    const seen: FakeItem[] = [];
    const visited = new Set<number>();
    let cur = 0;
    while (cur >= 0 && cur < pages.length) {
      if (visited.has(cur)) throw new Error(`form ${this.id}: navigation returns to page ${cur + 1}`);
      visited.add(cur);
      const page = pages[cur] ?? [];
      let nav: Navigation | undefined;
      for (const item of page) {
        if (item.type === ITEM_TYPE.PAGE_BREAK) continue;
        seen.push(item);
        const a = answers[item.title];
        const choice = typeof a === 'string' ? item.choices.find((c) => c.value === a) : undefined;
        if (choice?.navigation !== undefined && choice.navigation !== 'CONTINUE') nav = choice.navigation;
      }
      if (cur === pages.length - 1) break;
      if (nav === undefined) nav = pages[cur + 1]?.[0]?.goTo ?? undefined;
      if (nav === 'SUBMIT' || nav === 'RESTART') break;
      cur = nav instanceof FakeItem ? pageOf(nav) : cur + 1;
    }
    return seen;
  }
  deleteItem(x: FakeItem | number): void {
    const item = typeof x === 'number' ? this.items[x] : this.itemArg(x, 'deleteItem', '');
    if (!item) throw new Error('Exception: Invalid index.');
    this.items.splice(this.items.indexOf(item), 1);
  }
  /** moveItem(from, to) or moveItem(item, to); a typed item is not an `Item` */
  moveItem(x: FakeItem | number, index: number): FakeItem {
    const item = typeof x === 'number' ? this.items[x] : this.itemArg(x, 'moveItem', ',number');
    if (!item || !Number.isInteger(index) || index < 0 || index >= this.items.length)
      throw new Error('Exception: Invalid index.');
    this.items.splice(this.items.indexOf(item), 1);
    this.items.splice(index, 0, item);
    return item;
  }
  getDestinationId(): string {
    if (!this.destinationId) throw new Error('Exception: The form currently has no response destination.');
    return this.destinationId;
  }
  setDestination(_type: string, id: string): FakeForm {
    if (id !== this.world.spreadsheet.id) throw new Error(`Exception: No spreadsheet with id ${id}.`);
    this.destinationId = id;
    // Forms adds a fresh response sheet named by Google, with the current questions as headers
    const n = this.world.spreadsheet.sheets.filter((s) => s.name.startsWith('Jawaban Formulir')).length + 1;
    const sheet = this.world.spreadsheet.addSheet(`Jawaban Formulir ${n}`, [
      [
        'Stempel waktu',
        ...(this.collectEmail ? [EMAIL_COLUMN] : []),
        ...this.questions().map((i) => i.title),
      ],
    ]);
    sheet.formUrl = this.getEditUrl();
    this.responseSheet = sheet;
    return this;
  }
  createResponse(): FakeFormResponse {
    return new FakeFormResponse(this);
  }
  /** the responses submitted at or after `since`, answered items only, as FormApp gives them */
  getResponses(since?: Date) {
    return this.submissions
      .filter((r) => !since || r.at.getTime() >= since.getTime())
      .map((r) => ({
        getTimestamp: () => new Date(r.at.getTime()),
        // the address only while the form collects it (FormResponse.getRespondentEmail)
        getRespondentEmail: () => (this.collectEmail ? r.email : ''),
        getItemResponses: () =>
          this.questions()
            .filter((i) => {
              const a = r.answers[i.title];
              return a !== undefined && a !== '' && !(Array.isArray(a) && a.length === 0);
            })
            .map((i) => ({ getItem: () => i, getResponse: () => r.answers[i.title] ?? '' })),
      }));
  }

  /**
   * Test helper: a respondent submits. The row is appended to the response sheet as Forms
   * does (timestamp as a Date, numeric answers as numbers) and the spreadsheet's form-submit
   * event is returned with `values`, `namedValues` and `range`. A form that collects emails
   * records the respondent's (`email`, else the signed-in respondent of the world) in the
   * response sheet's `Alamat email` column, after the timestamp; one that does not records none.
   */
  submit(
    answers: Record<string, string | string[]>,
    at: Date,
    email: string = this.world.respondent ?? DEFAULT_RESPONDENT,
  ): GoogleAppsScript.Events.SheetsOnFormSubmit {
    const sheet = this.responseSheet;
    if (!sheet) throw new Error('form has no response sheet');
    if (!this.accepting) throw new Error('form is not accepting responses');
    // a respondent answers only the questions their path through the pages shows them
    const visible = new Set(this.visibleQuestions(answers).map((i) => i.title));
    for (const [title, a] of Object.entries(answers)) {
      const empty = a === '' || (Array.isArray(a) && a.length === 0);
      if (!empty && !visible.has(title))
        throw new Error(`form ${this.id}: "${title}" is not on the pages this respondent sees`);
    }
    const questions = this.questions();
    const header = (sheet.dump()[0] ?? []).map(String);
    if (this.collectEmail && !header.includes(EMAIL_COLUMN)) header.push(EMAIL_COLUMN);
    for (const item of questions) if (!header.includes(item.title)) header.push(item.title);
    if (this.collectEmail && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
      throw new Error(`form ${this.id}: collects emails, but "${email}" is not an email address`);
    header.forEach((h, j) => {
      sheet.write(1, j + 1, h);
    });
    const row = sheet.lastRow() + 1;
    if (row > sheet.maxRows) sheet.maxRows = row;
    const text = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(', ') : (v ?? ''));
    this.submissions.push({ at: new Date(at.getTime()), answers: { ...answers }, email });
    const stamp = this.world.formatStamp(at);
    const width = header.length;
    const values: string[] = [stamp];
    const namedValues: Record<string, string[]> = { 'Stempel waktu': [stamp] };
    sheet.write(row, 1, new Date(at.getTime()));
    if (this.collectEmail) {
      sheet.write(row, header.indexOf(EMAIL_COLUMN) + 1, email);
      values.push(email);
      namedValues[EMAIL_COLUMN] = [email];
    }
    for (const item of questions) {
      const t = text(answers[item.title]);
      const col = header.indexOf(item.title) + 1;
      // Sheets turns numeric answers into numbers; any other answer is stored as the text it
      // is (Forms never makes a formula of an answer), so it is written as quoted text
      sheet.write(row, col, /^[+-]?\d+(\.\d+)?$/.test(t.trim()) ? t : `'${t}`);
      values.push(t);
      namedValues[item.title] = [t];
    }
    const range = sheet.self.getRange(row, 1, 1, width);
    return {
      values,
      namedValues,
      range,
      authMode: 'FULL',
      triggerUid: 'trigger-form',
    } as unknown as GoogleAppsScript.Events.SheetsOnFormSubmit;
  }
}

/** The response sheet's column of the respondent's email, as Google names it in Indonesian. */
export const EMAIL_COLUMN = 'Alamat email';
/** Who answers when a test names nobody: the signed-in respondent of a form that collects emails. */
const DEFAULT_RESPONDENT = 'responden@sawahlunto.go.id';

export interface FormWorld {
  spreadsheet: FakeSpreadsheet;
  /** the signed-in respondent whose address a form that collects emails records */
  respondent?: string;
  /** false: the runtime has no Form.setPublished/isPublished */
  publishing?: boolean;
  log: CallLog;
  formatStamp(d: Date): string;
}

class FakeTextValidationBuilder {
  private readonly v: { pattern?: string; helpText?: string } = {};
  setHelpText(t: string): FakeTextValidationBuilder {
    this.v.helpText = t;
    return this;
  }
  requireTextMatchesPattern(p: string): FakeTextValidationBuilder {
    this.v.pattern = p;
    return this;
  }
  build(): { pattern?: string; helpText?: string } {
    return { ...this.v };
  }
}

export function makeFormApp(world: FormWorld) {
  const forms = new Map<string, FakeForm>();
  let n = 0;
  const app = {
    ItemType: ITEM_TYPE,
    PageNavigationType: PAGE_NAVIGATION,
    DestinationType: { SPREADSHEET: 'SPREADSHEET' },
    create(title: string): FakeForm {
      const form = new FakeForm(`form${++n}`, title, world);
      forms.set(form.id, form);
      return tracked(form, () => `Form:${form.id}`, world.log);
    },
    openById(id: string): FakeForm {
      const form = forms.get(id);
      if (!form) throw new Error(`Exception: No item with the given ID could be found: ${id}`);
      return tracked(form, () => `Form:${form.id}`, world.log);
    },
    createTextValidation: () => new FakeTextValidationBuilder(),
  };
  return { app: tracked(app, () => 'FormApp', world.log), forms };
}
