/**
 * Buat Formulir: creates or updates every Google Form from FORM_DEFS, links each to its
 * response sheet and publishes it. Form ids live in a script property, so a re-run updates
 * the same forms (items matched by title) instead of creating new ones; the ids of the items
 * it made live in another, so questions staff add by hand survive a re-run.
 */
import { DEFAULT_DICTIONARY, DEFAULT_LEVEL_DESCRIPTIONS, LEVEL_COLUMNS, SHEET } from '@bangkom/core';
import { APP_SHEET } from './app-sheets.js';
import { getJson, PROP, props, setJson } from './config.js';
import {
  FORM_DEFS,
  type FormContext,
  type FormDef,
  type PositionGroup,
  type Question,
  type QuizItem,
  SUBMIT,
  text,
} from './form-defs.js';
import { columnOf, findSheet, readTable, type Spreadsheet, spreadsheet, tell } from './gas.js';
import { message } from './http.js';
import { clearContinuation, scheduleContinuation } from './triggers.js';

type Form = GoogleAppsScript.Forms.Form;
type Item = GoogleAppsScript.Forms.Item;
/** What `apply` placed: a typed item. FormApp's moveItem/deleteItem take an `Item` or an index, never these. */
type TypedItem =
  | GoogleAppsScript.Forms.TextItem
  | GoogleAppsScript.Forms.ParagraphTextItem
  | GoogleAppsScript.Forms.ScaleItem
  | GoogleAppsScript.Forms.MultipleChoiceItem
  | GoogleAppsScript.Forms.CheckboxItem
  | GoogleAppsScript.Forms.ListItem
  | GoogleAppsScript.Forms.PageBreakItem;

export type FormIds = Record<string, string>;

/** Apps Script stops a run at 6 minutes; a long dictionary makes big forms, so build in chunks. */
export const FORMS_BUDGET_MS = 4.5 * 60_000;

export function buatFormulir(): void {
  const r = buildForms(spreadsheet(), { resume: false });
  tell(formsMessage(r));
}

/** The alert after Buat Formulir: "diterbitkan" only when every form was published. */
export function formsMessage(r: BuildFormsResult): string {
  const list = r.lines.join('\n');
  if (!r.done)
    return `${r.lines.length} formulir selesai; sisanya dilanjutkan otomatis dalam satu menit (batas waktu eksekusi).\n\n${list}`;
  if (r.unpublished.length === 0) return `Formulir siap dan diterbitkan:\n\n${list}`;
  return [
    'Formulir siap, tetapi skrip tidak dapat memastikan formulir berikut sudah terbit (layanan Google Forms di akun ini belum menyediakan penerbitan otomatis):',
    ...r.unpublished.map((t) => `• ${t}`),
    'Buka setiap formulir itu di Google Forms dan klik tombol Terbitkan bila masih ada.',
    '',
    list,
  ].join('\n');
}

/** Continuation trigger of a Buat Formulir run that reached the time budget. */
export function lanjutkanFormulir(): void {
  const r = buildForms(spreadsheet(), { resume: true });
  console.log(`Buat Formulir (lanjutan): ${r.lines.length} formulir, ${r.done ? 'selesai' : 'berlanjut'}.`);
}

/** How far a Buat Formulir run that is being continued got: forms done, and the question of the form it stopped in. */
interface Progress {
  done: string[];
  form?: string;
  index?: number;
}

export interface BuildFormsResult {
  lines: string[];
  done: boolean;
  /** titles of the forms whose publishing could not be confirmed (no setPublished in this runtime) */
  unpublished: string[];
}

export function buildForms(
  ss: Spreadsheet,
  opts: { resume: boolean; clock?: () => number; budgetMs?: number },
): BuildFormsResult {
  const clock = opts.clock ?? (() => Date.now());
  const deadline = clock() + (opts.budgetMs ?? FORMS_BUDGET_MS);
  const saved = opts.resume ? getJson<Progress | string[]>(PROP.formsProgress, []) : [];
  // an array: the record of a run from before forms could be cut short half-way
  const progress: Progress = Array.isArray(saved) ? { done: saved } : saved;
  const done = progress.done;
  let ctx: FormContext;
  if (opts.resume) {
    ctx = getJson<FormContext>(PROP.formContext, readFormContext(ss));
  } else {
    ctx = readFormContext(ss);
    setJson(PROP.formContext, ctx);
  }
  const ids = getJson<FormIds>(PROP.forms, {});
  const madeItems = getJson<Record<string, number[]>>(PROP.formItems, {});
  const lines: string[] = [];
  const unpublished: string[] = [];
  const stop = (partial?: { form: string; index: number }): BuildFormsResult => {
    setJson(PROP.formsProgress, partial ? { done, ...partial } : { done });
    scheduleContinuation('lanjutkanFormulir', 60_000);
    return { lines, done: false, unpublished };
  };
  for (const d of FORM_DEFS) {
    if (done.includes(d.key)) continue;
    if (clock() > deadline) return stop();
    const form = openOrCreate(ids[d.key], d.title);
    // saved at once: a run cut short must not create the form again next time
    ids[d.key] = form.getId();
    setJson(PROP.forms, ids);
    configure(form, d);
    const made = madeItems[d.key];
    // the questions an earlier part of this run already placed are not written again
    const from = progress.form === d.key ? (progress.index ?? 0) : 0;
    const synced = syncItems(
      form,
      d.questions(ctx),
      made ? new Set(made) : undefined,
      () => clock() > deadline,
      from,
    );
    // a form cut short keeps the earlier record too: its questions not reached yet are still ours
    if (synced.complete) madeItems[d.key] = synced.ids;
    else if (made) madeItems[d.key] = [...new Set([...made, ...synced.ids])];
    setJson(PROP.formItems, madeItems);
    if (!synced.complete) return stop({ form: d.key, index: synced.ids.length });
    const sheetName = linkResponses(ss, form, d.responseSheet);
    if (!publish(form)) unpublished.push(d.title);
    done.push(d.key);
    lines.push(`• ${d.title}\n  ${form.getPublishedUrl()}\n  (respons: lembar "${sheetName}")`);
  }
  props().deleteProperty(PROP.formsProgress);
  clearContinuation('lanjutkanFormulir');
  if (def('tes') && ctx.quiz.length === 0) {
    lines.push(`Catatan: lembar "${APP_SHEET.bankSoal}" kosong, formulir tes belum berisi soal.`);
  }
  return { lines, done: true, unpublished };
}

const def = (key: string): FormDef | undefined => FORM_DEFS.find((d) => d.key === key);

/** Competencies (Kamus or the default dictionary, narrowed to those the standards use), service units (OPD) and the quiz bank. */
export function readFormContext(ss: Spreadsheet): FormContext {
  const competencies: FormContext['competencies'][number][] = [];
  const kamus = findSheet(ss, SHEET.kamus);
  if (kamus) {
    const t = readTable(kamus);
    const k = columnOf(t.header, 'Kode');
    const n = columnOf(t.header, 'Nama');
    const levels = LEVEL_COLUMNS.map((h) => columnOf(t.header, h));
    for (const r of t.rows) {
      const kode = text(r[k]);
      if (k < 0 || kode === '') continue;
      const level = levels.map((j) => (j >= 0 ? text(r[j]) : ''));
      competencies.push(withLevels({ kode, nama: n >= 0 ? text(r[n]) : '' }, level));
    }
  }
  if (competencies.length === 0)
    for (const d of DEFAULT_DICTIONARY) competencies.push(withLevels({ kode: d.kode, nama: d.nama }, []));
  // only what some position requires is asked (PermenPAN-RB 38/2017 standards), when standards exist
  const groups: PositionGroup[] = [];
  const standar = findSheet(ss, SHEET.standar);
  if (standar) {
    const t = readTable(standar);
    const k = columnOf(t.header, 'Kode Kompetensi');
    const j = columnOf(t.header, 'Jabatan');
    const required = new Set(t.rows.map((r) => text(r[k])).filter((c) => k >= 0 && c !== ''));
    const asked = competencies.filter((c) => required.has(c.kode));
    if (asked.length > 0) competencies.splice(0, competencies.length, ...asked);
    if (j >= 0 && k >= 0)
      groups.push(
        ...positionGroups(
          t.rows.map((r) => [text(r[j]), text(r[k])]),
          competencies,
        ),
      );
  }

  const units = new Set<string>();
  const pegawai = findSheet(ss, SHEET.pegawai);
  if (pegawai) {
    const t = readTable(pegawai);
    const o = columnOf(t.header, 'OPD');
    if (o >= 0) for (const r of t.rows) if (text(r[o]) !== '') units.add(text(r[o]));
  }

  const quiz: QuizItem[] = [];
  const bank = findSheet(ss, APP_SHEET.bankSoal);
  if (bank) {
    const t = readTable(bank);
    const [p, c, k, pt] = ['Pertanyaan', 'Pilihan', 'Kunci', 'Poin'].map((h) => columnOf(t.header, h));
    for (const r of t.rows) {
      const pertanyaan = text(r[p ?? -1]);
      const pilihan = text(r[c ?? -1])
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean);
      const kunci = text(r[k ?? -1]);
      if (pertanyaan === '' || pilihan.length < 2 || !pilihan.includes(kunci)) continue;
      const poin = Number(r[pt ?? -1]);
      quiz.push({ pertanyaan, pilihan, kunci, poin: Number.isInteger(poin) && poin > 0 ? poin : 1 });
    }
  }
  return { competencies, units: [...units].sort(), quiz, groups };
}

/** The five level descriptions of the sheet, else the default dictionary's; none when incomplete. */
function withLevels(
  c: { kode: string; nama: string },
  sheet: readonly string[],
): FormContext['competencies'][number] {
  const level =
    sheet.length === 5 && sheet.every((d) => d !== '') ? sheet : DEFAULT_LEVEL_DESCRIPTIONS[c.kode];
  return level ? { ...c, level: [...level] } : c;
}

/**
 * Positions grouped by the set of competencies their standard requires (of those the forms ask):
 * one form section per group, its competencies in dictionary order, groups by their first position.
 */
export function positionGroups(
  rows: readonly (readonly [string, string])[],
  competencies: readonly { kode: string }[],
): PositionGroup[] {
  const order = new Map(competencies.map((c, i) => [c.kode, i]));
  const codesOf = new Map<string, Set<string>>();
  for (const [jabatan, kode] of rows) {
    if (jabatan === '' || !order.has(kode)) continue;
    const set = codesOf.get(jabatan) ?? new Set<string>();
    set.add(kode);
    codesOf.set(jabatan, set);
  }
  const byKey = new Map<string, { jabatan: string[]; codes: string[] }>();
  for (const [jabatan, set] of codesOf) {
    const codes = [...set].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    const key = codes.join('|');
    const g = byKey.get(key) ?? { jabatan: [], codes };
    g.jabatan.push(jabatan);
    byKey.set(key, g);
  }
  const groups = [...byKey.values()];
  for (const g of groups) g.jabatan.sort((a, b) => a.localeCompare(b, 'id'));
  return groups.sort((a, b) => (a.jabatan[0] ?? '').localeCompare(b.jabatan[0] ?? '', 'id'));
}

function openOrCreate(id: string | undefined, title: string): Form {
  if (id) {
    try {
      return FormApp.openById(id);
    } catch (err) {
      // deleted or no longer shared with us: make a new one (and say so in the log)
      console.warn(`Formulir ${id} tidak dapat dibuka (${message(err)}); membuat yang baru.`);
    }
  }
  return FormApp.create(title);
}

function configure(form: Form, d: FormDef): void {
  // the assessment forms record who answered, checked against Pegawai (Penilai yang sah)
  form
    .setTitle(d.title)
    .setDescription(d.description)
    .setIsQuiz(d.quiz)
    .setCollectEmail(d.collectEmail === true);
  form.setConfirmationMessage('Terima kasih, jawaban Anda sudah tercatat.');
  if (d.key === 'skm') {
    // the public answers the SKM form: no sign-in (only settable on Workspace domains)
    try {
      form.setRequireLogin(false);
    } catch (_consumerAccount) {
      /* not a Workspace domain: forms are public already */
    }
  }
}

const ITEM_TYPE: Record<Question['type'], GoogleAppsScript.Forms.ItemType> = {
  get nip() {
    return FormApp.ItemType.TEXT;
  },
  get text() {
    return FormApp.ItemType.TEXT;
  },
  get paragraph() {
    return FormApp.ItemType.PARAGRAPH_TEXT;
  },
  get scale() {
    return FormApp.ItemType.SCALE;
  },
  get choice() {
    return FormApp.ItemType.MULTIPLE_CHOICE;
  },
  get checkbox() {
    return FormApp.ItemType.CHECKBOX;
  },
  get list() {
    return FormApp.ItemType.LIST;
  },
  get page() {
    return FormApp.ItemType.PAGE_BREAK;
  },
};

/**
 * Adds missing items, updates existing ones (matched by title), removes the ones the
 * definition no longer has (a competency dropped from the standards, a question dropped from
 * Bank Soal: the forms are generated from the sheets), and keeps the defined order.
 * `made`: the ids of the items an earlier run made. Only those are ever removed; any other
 * item (a question staff added by hand) stays, after the generated ones. Without a record
 * (a form from before it was kept) every item counts as made. Returns the ids of the items
 * made now, to be kept for the next run.
 */
export function syncItems(
  form: Form,
  questions: readonly Question[],
  made?: ReadonlySet<number>,
  outOfTime: () => boolean = () => false,
  from = 0,
): { ids: number[]; complete: boolean } {
  const existing = new Map<string, Item>();
  const wanted = new Set(questions.map((q) => q.title));
  const ours = (item: Item) => made === undefined || made.has(item.getId());
  const items = form.getItems();
  // our items first, so a hand-made item with a generated title is taken over only when ours is gone
  for (const item of [...items.filter(ours), ...items.filter((i) => !ours(i))]) {
    const title = item.getTitle();
    if (wanted.has(title) && !existing.has(title)) existing.set(title, item);
    else if (ours(item)) form.deleteItem(item);
  }
  const ids: number[] = [];
  for (const [index, q] of questions.entries()) {
    let item = existing.get(q.title);
    if (index < from && item) {
      ids.push(item.getId()); // placed by the part of this run that was cut short
      continue;
    }
    // a big form (a long dictionary, a large Bank Soal) can outlast the run by itself
    if (outOfTime()) return { ids, complete: false };
    if (item && item.getType() !== ITEM_TYPE[q.type]) {
      form.deleteItem(item);
      item = undefined;
    }
    const placed = apply(form, item, q);
    // by index: the typed item `apply` returns is not an `Item`, and FormApp refuses it
    const at = placed.getIndex();
    if (at !== index) form.moveItem(at, index);
    ids.push(placed.getId());
  }
  linkPages(form, questions);
  return { ids, complete: true };
}

/**
 * Page navigation, once every item is placed (a choice can only lead to a page break that
 * exists): the Jabatan list's choices lead to their section, and a section's closing break
 * sends the respondent past the other sections.
 */
function linkPages(form: Form, questions: readonly Question[]): void {
  if (!questions.some((q) => q.targets || q.goTo)) return;
  const items = form.getItems();
  const pages = new Map<string, GoogleAppsScript.Forms.PageBreakItem>();
  for (const item of items)
    if (item.getType() === FormApp.ItemType.PAGE_BREAK) pages.set(item.getTitle(), item.asPageBreakItem());
  const page = (title: string) => {
    const p = pages.get(title);
    if (!p) throw new Error(`Halaman "${title}" tidak ada di formulir ${form.getTitle()}`);
    return p;
  };
  for (const q of questions) {
    if (q.type === 'list' && q.targets) {
      const item = items.find((i) => i.getTitle() === q.title && i.getType() === FormApp.ItemType.LIST);
      const list = item?.asListItem();
      if (!list) continue;
      const choices = (q.choices ?? []).map((c, k) => list.createChoice(c, page(q.targets?.[k] ?? '')));
      list.setChoices(choices);
    } else if (q.type === 'page' && q.goTo) {
      const brk = page(q.title);
      if (q.goTo === SUBMIT) brk.setGoToPage(FormApp.PageNavigationType.SUBMIT);
      else brk.setGoToPage(page(q.goTo));
    }
  }
}

function apply(form: Form, item: Item | undefined, q: Question): TypedItem {
  const help = q.help ?? '';
  switch (q.type) {
    case 'nip':
    case 'text': {
      const t = item ? item.asTextItem() : form.addTextItem();
      t.setTitle(q.title).setHelpText(help).setRequired(q.required);
      if (q.type === 'nip') {
        t.setValidation(
          FormApp.createTextValidation()
            .setHelpText('NIP harus 18 digit angka tanpa spasi.')
            .requireTextMatchesPattern('^[0-9]{18}$')
            .build(),
        );
      }
      return t;
    }
    case 'paragraph': {
      const t = item ? item.asParagraphTextItem() : form.addParagraphTextItem();
      return t.setTitle(q.title).setHelpText(help).setRequired(q.required);
    }
    case 'scale': {
      const s = item ? item.asScaleItem() : form.addScaleItem();
      const [lo, hi, loLabel, hiLabel] = q.scale ?? [1, 5, '', ''];
      return s
        .setTitle(q.title)
        .setHelpText(help)
        .setRequired(q.required)
        .setBounds(lo, hi)
        .setLabels(loLabel, hiLabel);
    }
    case 'choice': {
      const m = item ? item.asMultipleChoiceItem() : form.addMultipleChoiceItem();
      m.setTitle(q.title).setHelpText(help).setRequired(q.required);
      if (q.correct !== undefined) {
        m.setChoices((q.choices ?? []).map((c) => m.createChoice(c, c === q.correct))).setPoints(
          q.points ?? 1,
        );
      } else {
        m.setChoiceValues([...(q.choices ?? [])]);
      }
      return m;
    }
    case 'checkbox': {
      const c = item ? item.asCheckboxItem() : form.addCheckboxItem();
      return c
        .setTitle(q.title)
        .setHelpText(help)
        .setRequired(q.required)
        .setChoiceValues([...(q.choices ?? [])]);
    }
    case 'list': {
      const l = item ? item.asListItem() : form.addListItem();
      return l
        .setTitle(q.title)
        .setHelpText(help)
        .setRequired(q.required)
        .setChoiceValues([...(q.choices ?? [])]);
    }
    case 'page': {
      const p = item ? item.asPageBreakItem() : form.addPageBreakItem();
      return p.setTitle(q.title).setHelpText(help);
    }
  }
}

/** Links the form to this spreadsheet (once) and names its response sheet. */
function linkResponses(ss: Spreadsheet, form: Form, name: string): string {
  let linked = false;
  try {
    linked = form.getDestinationId() === ss.getId();
  } catch (_noDestination) {
    linked = false;
  }
  let sheet: GoogleAppsScript.Spreadsheet.Sheet | undefined;
  if (!linked) {
    // the response sheet is the one sheet that appears when the destination is set
    const before = new Set(ss.getSheets().map((s) => s.getName()));
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
    SpreadsheetApp.flush();
    const added = ss.getSheets().filter((s) => !before.has(s.getName()));
    if (added.length === 1) sheet = added[0];
  }
  if (!sheet) {
    const id = form.getId();
    const published = form.getPublishedUrl().replace(/\/viewform.*$/, '');
    sheet = ss.getSheets().find((s) => {
      const url = s.getFormUrl() ?? '';
      return url !== '' && (url.includes(id) || url.startsWith(published));
    });
  }
  if (!sheet) return findSheet(ss, name)?.getName() ?? name;
  if (sheet.getName() !== name) {
    if (findSheet(ss, name)) return sheet.getName(); // a sheet of that name exists: keep Google's name
    sheet.setName(name);
  }
  return sheet.getName();
}

/**
 * Publishes the form and opens it for answers. Forms made by the API are unpublished until
 * `setPublished(true)`; that method is newer than the typings and missing from some
 * runtimes. Returns false when it is missing, so nobody is told the form is published.
 */
function publish(form: Form): boolean {
  const setPublished = optionalMethod(form, 'setPublished');
  if (setPublished && optionalMethod(form, 'isPublished')?.() !== true) setPublished(true);
  form.setAcceptingResponses(true);
  return setPublished !== null;
}

/** A method the runtime may lack (newer than the typings), bound to its object; null when missing. */
function optionalMethod(obj: object, name: string): ((...args: unknown[]) => unknown) | null {
  const m: unknown = Reflect.get(obj, name);
  return typeof m === 'function' ? (...args: unknown[]) => m.apply(obj, args) : null;
}

/** Ids of the forms built so far (for RSVP and behaviour links). */
export function formIds(): FormIds {
  return getJson<FormIds>(PROP.forms, {});
}
