/**
 * The Google Forms, described as data: questions (title = header of the response sheet)
 * and how one response becomes rows of the contract sheets. Pure: no Apps Script calls, so
 * the mapping is tested directly.
 */
import {
  type Cell,
  DEFAULT_DICTIONARY,
  isBlankCell,
  MODA,
  NAMA_BULAN,
  SHEET,
  serialToDate,
} from '@bangkom/core';
import { APP_SHEET } from './app-sheets.js';
import { FGD_FORM } from './fgd-form.js';

export type IngestKind =
  | 'assessment'
  | 'preference'
  | 'reaction'
  | 'test'
  | 'behaviour'
  | 'skm'
  | 'rsvp'
  | 'attendance'
  | 'fgd';

/** `page`: a page break starting a section (its title and help text head the page). */
export type QuestionType = 'nip' | 'text' | 'paragraph' | 'scale' | 'choice' | 'checkbox' | 'list' | 'page';

export interface Question {
  title: string;
  type: QuestionType;
  required: boolean;
  help?: string;
  choices?: readonly string[];
  /** scale: [low, high, lowLabel, highLabel] */
  scale?: readonly [number, number, string, string];
  /** quiz item: the correct choice and its points */
  correct?: string;
  points?: number;
  /** list: per choice, the title of the page it leads to (page navigation) */
  targets?: readonly string[];
  /** page: where the page before this break leads when reached in order (a page title, or SUBMIT) */
  goTo?: string;
}

/** `goTo` of a page break that ends the form there. */
export const SUBMIT = 'SUBMIT';

/** One contract row produced by a response. */
export interface TargetRow {
  sheet: string;
  kind: IngestKind;
  /** headers that identify the row for an upsert (re-submissions replace, never duplicate) */
  key: readonly string[];
  /** appended to the response id so one response can feed two sheets */
  suffix: string;
  values: Record<string, Cell>;
}

export interface Competency {
  kode: string;
  nama: string;
  /** behaviour of levels 1–5 (`Kamus Kompetensi` Level 1 … Level 5), when all five are known */
  level?: readonly string[];
}

/** Positions whose standards require the same competencies: one section of the assessment forms. */
export interface PositionGroup {
  jabatan: readonly string[];
  codes: readonly string[];
}

export interface QuizItem {
  pertanyaan: string;
  pilihan: string[];
  kunci: string;
  poin: number;
}

export interface FormContext {
  competencies: readonly Competency[];
  /** service units for the SKM form (OPD names); empty = free text */
  units: readonly string[];
  quiz: readonly QuizItem[];
  /**
   * Position groups from `Standar Kompetensi`: the self and supervisor forms ask each ASN only the
   * competencies of their position (one section per group, reached by the Jabatan answer). Absent
   * or empty (no standards): every competency is asked on one page.
   */
  groups?: readonly PositionGroup[];
}

export interface ResponseMeta {
  id: string;
  /** sheet serial number of the submission time (local wall-clock) */
  waktu: number | null;
}

export interface FormDef {
  key: string;
  title: string;
  description: string;
  /** the response sheet is renamed to this, so onFormSubmit knows which form sent a row */
  responseSheet: string;
  quiz: boolean;
  /**
   * the form records the respondent's email (Google adds the response sheet's email column):
   * the assessment forms, so a rating's `Email Penilai` can be checked against `Pegawai`
   */
  collectEmail?: boolean;
  questions(ctx: FormContext): Question[];
  /** answers by question title (as getValues gives them) -> contract rows */
  toRows(answers: Record<string, unknown>, meta: ResponseMeta, ctx: FormContext): TargetRow[];
}

export const MONTHS = NAMA_BULAN;

const Q = {
  nip: 'NIP',
  nipPenilai: 'NIP Penilai',
  jabatan: 'Jabatan',
  jabatanDinilai: 'Jabatan pegawai yang dinilai',
  preferensi: 'Preferensi pelatihan',
  sesi: 'ID Sesi',
  bulan: 'Bulan pelatihan yang diinginkan',
  moda: 'Moda pelatihan yang diinginkan',
  topik: 'Topik yang diminati',
  jenisTes: 'Jenis Tes',
  unit: 'Unit Layanan',
  kehadiran: 'Kehadiran',
  alasan: 'Alasan',
  saran: 'Saran',
} as const;

const nipQuestion = (title: string, help: string): Question => ({ title, type: 'nip', required: true, help });
const sesiQuestion: Question = {
  title: Q.sesi,
  type: 'text',
  required: true,
  help: 'ID sesi seperti tertulis di undangan.',
};

export const compTitle = (c: Competency): string => `${c.kode} ${c.nama}`;

/**
 * A level question: with the dictionary's level descriptions, a choice among the five described
 * behaviours (`3 – Menetapkan target unit …`); without them, a bare 1–5 scale.
 */
const levelScale = (c: Competency, required: boolean, suffix = ''): Question => {
  const title = `${compTitle(c)}${suffix}`;
  if (c.level && c.level.length === 5 && c.level.every((d) => d.trim() !== ''))
    return {
      title,
      type: 'choice',
      required,
      choices: c.level.map((d, i) => `${i + 1} – ${d.trim()}`),
      help: 'Pilih perilaku yang paling sesuai dengan keadaan sehari-hari (level 1–5, kamus kompetensi PermenPAN-RB 38/2017).',
    };
  return {
    title,
    type: 'scale',
    required,
    scale: [1, 5, 'Level 1', 'Level 5'],
    help: 'Level 1–5 menurut kamus kompetensi (PermenPAN-RB 38/2017).',
  };
};

/** Title of group i's section, and the suffix that keeps its questions' titles unique in one response sheet. */
const sectionTitle = (i: number): string => `Kompetensi jabatan (kelompok ${i + 1})`;
const sectionSuffix = (i: number): string => ` (kelompok ${i + 1})`;

/**
 * The competency questions of the self and supervisor forms. Without position groups, every
 * competency on one page. With them: a required Jabatan list whose answer leads to the section of
 * that position's group, one section per group asking only its standard's competencies, and each
 * section ending at `after` (the page after the sections, or SUBMIT): so a respondent sees exactly
 * the competencies of the position's standard, and every answer lands in one response sheet.
 */
function competencySections(
  ctx: FormContext,
  required: boolean,
  jabatanTitle: string,
  after: string,
): Question[] {
  const groups = ctx.groups ?? [];
  if (groups.length === 0) return ctx.competencies.map((c) => levelScale(c, required));
  const byCode = new Map(ctx.competencies.map((c) => [c.kode, c]));
  const jabatan = groups
    .flatMap((g, i) => g.jabatan.map((j) => [j, sectionTitle(i)] as const))
    .sort((a, b) => a[0].localeCompare(b[0], 'id'));
  const out: Question[] = [
    {
      title: jabatanTitle,
      type: 'list',
      required: true,
      choices: jabatan.map(([j]) => j),
      targets: jabatan.map(([, page]) => page),
      help: 'Pertanyaan berikutnya hanya kompetensi yang dipersyaratkan jabatan ini.',
    },
  ];
  groups.forEach((g, i) => {
    const page: Question = {
      title: sectionTitle(i),
      type: 'page',
      required: false,
      help: `Untuk jabatan: ${g.jabatan.join(', ')}.`,
    };
    // the break after a section, reached in order, ends that section: go past the other groups
    if (i > 0) page.goTo = after;
    out.push(page);
    for (const code of g.codes) {
      const c = byCode.get(code);
      if (c) out.push(levelScale(c, required, sectionSuffix(i)));
    }
  });
  return out;
}

/** Text of a cell as the respondent typed it; numbers from the sheet back to text (NIP). */
export function text(value: unknown): string {
  if (value == null) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  return String(value).trim();
}

/** Competency codes at the start of checkbox answers ("M.01 Integritas, M.03 Komunikasi"). */
export function codesIn(value: unknown): string {
  const out: string[] = [];
  for (const part of text(value).split(/,\s*(?=[A-Z]+\.\d)/)) {
    const m = /^([A-Z]+\.\d+)/.exec(part.trim());
    if (m?.[1]) out.push(m[1]);
  }
  return out.join(', ');
}

/** "3 – Sesuai" -> 3; a number stays; blank -> null. */
export function leadingInt(value: unknown): Cell {
  if (typeof value === 'number') return value;
  const s = text(value);
  if (s === '') return null;
  const m = /^(\d+)/.exec(s);
  return m?.[1] ? Number(m[1]) : s;
}

/** Level answers by competency: the one-page question or, with position groups, whichever section's. */
function ratings(answers: Record<string, unknown>, ctx: FormContext): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  const sections = (ctx.groups ?? []).length;
  for (const c of ctx.competencies) {
    let v: unknown = answers[compTitle(c)];
    for (let i = 0; i < sections && isBlankCell(v); i++) v = answers[`${compTitle(c)}${sectionSuffix(i)}`];
    out[compTitle(c)] = isBlankCell(v) ? null : leadingInt(v);
  }
  return out;
}

/** Statements of the reaction questionnaire (Kirkpatrick level 1). */
export const REACTION_STATEMENTS = [
  'Materi pelatihan sesuai dengan kebutuhan pekerjaan saya.',
  'Narasumber/fasilitator menguasai materi.',
  'Narasumber/fasilitator menyampaikan materi dengan jelas.',
  'Metode pembelajaran mendorong partisipasi peserta.',
  'Waktu pelatihan memadai untuk materi yang diberikan.',
  'Sarana dan prasarana pelatihan memadai.',
  'Panitia melayani peserta dengan baik.',
  'Pelatihan ini bermanfaat untuk meningkatkan kinerja saya.',
] as const;
const reactionTitle = (i: number): string => `R${i + 1}. ${REACTION_STATEMENTS[i]}`;

/** The nine service elements and their answer scale (PermenPAN-RB 14/2017, lampiran). */
export const SKM_ELEMENTS: readonly { unsur: string; labels: readonly [string, string, string, string] }[] = [
  { unsur: 'Persyaratan pelayanan', labels: ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'] },
  {
    unsur: 'Sistem, mekanisme, dan prosedur',
    labels: ['Tidak mudah', 'Kurang mudah', 'Mudah', 'Sangat mudah'],
  },
  { unsur: 'Waktu penyelesaian', labels: ['Tidak cepat', 'Kurang cepat', 'Cepat', 'Sangat cepat'] },
  { unsur: 'Biaya/tarif', labels: ['Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis'] },
  {
    unsur: 'Produk spesifikasi jenis pelayanan',
    labels: ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'],
  },
  {
    unsur: 'Kompetensi pelaksana',
    labels: ['Tidak kompeten', 'Kurang kompeten', 'Kompeten', 'Sangat kompeten'],
  },
  {
    unsur: 'Perilaku pelaksana',
    labels: ['Tidak sopan dan ramah', 'Kurang sopan dan ramah', 'Sopan dan ramah', 'Sangat sopan dan ramah'],
  },
  {
    unsur: 'Penanganan pengaduan, saran, dan masukan',
    labels: ['Tidak ada', 'Ada tetapi tidak berfungsi', 'Berfungsi kurang maksimal', 'Dikelola dengan baik'],
  },
  { unsur: 'Sarana dan prasarana', labels: ['Buruk', 'Cukup', 'Baik', 'Sangat baik'] },
];
const skmTitle = (i: number): string => `U${i + 1}. ${SKM_ELEMENTS[i]?.unsur ?? ''}`;

/** Survey period from the submission time: `YYYY-S1` (Jan–Jun) or `YYYY-S2`. */
export function periodeOf(serial: number | null): string {
  if (serial == null) return '';
  const d = serialToDate(serial);
  return `${d.getUTCFullYear()}-S${d.getUTCMonth() < 6 ? 1 : 2}`;
}

export const TEST_TYPES = ['Pre-test', 'Post-test'] as const;

/** Score of a quiz response from the answer key kept when the form was built. */
export function quizScore(
  answers: Record<string, unknown>,
  quiz: readonly QuizItem[],
): { skor: number; maks: number } {
  let skor = 0;
  let maks = 0;
  for (const q of quiz) {
    maks += q.poin;
    if (text(answers[q.pertanyaan]) === q.kunci) skor += q.poin;
  }
  return { skor, maks };
}

/** One Daftar Hadir row per session, day (blank: the invitation answer) and NIP. */
const ATTENDANCE_KEY = ['ID Sesi', 'Tanggal', 'NIP'] as const;

/**
 * Headers Google gives the respondent's email column of a response sheet (it follows the form
 * owner's language): Indonesian, English.
 */
export const RESPONDENT_EMAIL_HEADERS = ['Alamat email', 'Email Address'] as const;

/** `Email Penilai` of an assessment row: the collected respondent email, when there is one. */
function raterEmail(answers: Record<string, unknown>): Record<string, Cell> {
  for (const h of RESPONDENT_EMAIL_HEADERS) {
    const email = text(answers[h]);
    if (email !== '') return { 'Email Penilai': email };
  }
  return {};
}

const withMeta = (meta: ResponseMeta, suffix = ''): Record<string, Cell> => ({
  'ID Respons': `${meta.id}${suffix}`,
  Waktu: meta.waktu,
});

export const FORM_DEFS: readonly FormDef[] = [
  {
    key: 'kebutuhan',
    title: 'Survei Kebutuhan Pengembangan Kompetensi dan Penilaian Diri',
    description:
      'Isi sesuai kondisi Anda saat ini. Jawaban dipakai untuk analisis kesenjangan kompetensi dan perencanaan pelatihan (PP 17/2020 Pasal 203).',
    responseSheet: 'Respons Survei Kebutuhan',
    quiz: false,
    collectEmail: true,
    questions: (ctx) => [
      nipQuestion(Q.nip, 'NIP Anda, 18 digit tanpa spasi.'),
      ...competencySections(ctx, true, Q.jabatan, Q.preferensi),
      ...((ctx.groups ?? []).length > 0
        ? [{ title: Q.preferensi, type: 'page', required: false } satisfies Question]
        : []),
      { title: Q.bulan, type: 'checkbox', required: false, choices: MONTHS },
      { title: Q.moda, type: 'choice', required: false, choices: MODA },
      { title: Q.topik, type: 'checkbox', required: false, choices: ctx.competencies.map(compTitle) },
    ],
    toRows: (a, meta, ctx) => [
      {
        sheet: SHEET.penilaian,
        kind: 'assessment',
        key: ['ID Respons'],
        suffix: '',
        values: {
          ...withMeta(meta),
          NIP: text(a[Q.nip]),
          Sumber: 'Diri',
          ...raterEmail(a),
          ...ratings(a, ctx),
        },
      },
      {
        sheet: SHEET.preferensi,
        kind: 'preference',
        key: ['NIP'],
        suffix: '~pref',
        values: {
          ...withMeta(meta, '~pref'),
          NIP: text(a[Q.nip]),
          Bulan: text(a[Q.bulan]),
          Moda: text(a[Q.moda]),
          Topik: codesIn(a[Q.topik]),
        },
      },
    ],
  },
  {
    key: 'atasan',
    title: 'Penilaian Kompetensi oleh Atasan',
    description: 'Diisi oleh atasan langsung untuk setiap pegawai yang dinilai.',
    responseSheet: 'Respons Penilaian Atasan',
    quiz: false,
    collectEmail: true,
    questions: (ctx) => [
      nipQuestion(Q.nipPenilai, 'NIP Anda sebagai penilai.'),
      nipQuestion(Q.nip, 'NIP pegawai yang dinilai.'),
      ...competencySections(ctx, false, Q.jabatanDinilai, SUBMIT),
    ],
    toRows: (a, meta, ctx) => [
      {
        sheet: SHEET.penilaian,
        kind: 'assessment',
        key: ['ID Respons'],
        suffix: '',
        values: {
          ...withMeta(meta),
          NIP: text(a[Q.nip]),
          Sumber: 'Atasan',
          'NIP Penilai': text(a[Q.nipPenilai]),
          ...raterEmail(a),
          ...ratings(a, ctx),
        },
      },
    ],
  },
  {
    key: 'reaksi',
    title: 'Evaluasi Reaksi Peserta Pelatihan (Level 1)',
    description:
      'Pendapat Anda tentang pelatihan yang baru diikuti. 1 = sangat tidak setuju, 4 = sangat setuju.',
    responseSheet: 'Respons Evaluasi Reaksi',
    quiz: false,
    questions: () => [
      sesiQuestion,
      nipQuestion(Q.nip, 'NIP Anda.'),
      ...REACTION_STATEMENTS.map(
        (_, i): Question => ({
          title: reactionTitle(i),
          type: 'scale',
          required: false,
          scale: [1, 4, 'Sangat tidak setuju', 'Sangat setuju'],
        }),
      ),
      { title: Q.saran, type: 'paragraph', required: false },
    ],
    toRows: (a, meta) => {
      const values: Record<string, Cell> = {
        ...withMeta(meta),
        'ID Sesi': text(a[Q.sesi]),
        NIP: text(a[Q.nip]),
      };
      REACTION_STATEMENTS.forEach((_, i) => {
        values[`R${i + 1}`] = leadingInt(a[reactionTitle(i)]);
      });
      return [{ sheet: SHEET.reaksi, kind: 'reaction', key: ['ID Sesi', 'NIP'], suffix: '', values }];
    },
  },
  {
    key: 'tes',
    title: 'Pre-test dan Post-test Pelatihan (Level 2)',
    description: 'Kerjakan sendiri. Pilih jenis tes sesuai arahan panitia.',
    responseSheet: 'Respons Tes',
    quiz: true,
    questions: (ctx) => [
      sesiQuestion,
      nipQuestion(Q.nip, 'NIP Anda.'),
      { title: Q.jenisTes, type: 'choice', required: true, choices: TEST_TYPES },
      ...ctx.quiz.map(
        (q): Question => ({
          title: q.pertanyaan,
          type: 'choice',
          required: true,
          choices: q.pilihan,
          correct: q.kunci,
          points: q.poin,
        }),
      ),
    ],
    toRows: (a, meta, ctx) => {
      const { skor, maks } = quizScore(a, ctx.quiz);
      const post = text(a[Q.jenisTes]) === 'Post-test';
      return [
        {
          sheet: SHEET.tes,
          kind: 'test',
          key: ['ID Sesi', 'NIP'],
          suffix: post ? '~post' : '~pre',
          values: {
            'ID Sesi': text(a[Q.sesi]),
            NIP: text(a[Q.nip]),
            [post ? 'Post' : 'Pre']: skor,
            'Skor Maks': maks,
            [post ? 'ID Respons Post' : 'ID Respons Pre']: meta.id,
          },
        },
      ];
    },
  },
  {
    key: 'perilaku',
    title: 'Evaluasi Perilaku Pasca Pelatihan (Level 3)',
    description:
      'Diisi oleh atasan langsung sekitar 90 hari setelah pelatihan: nilai kompetensi peserta sebelum dan sesudah pelatihan.',
    responseSheet: 'Respons Evaluasi Perilaku',
    quiz: false,
    questions: (ctx) => [
      sesiQuestion,
      nipQuestion(Q.nip, 'NIP peserta pelatihan.'),
      nipQuestion(Q.nipPenilai, 'NIP Anda sebagai atasan.'),
      ...ctx.competencies.flatMap((c) => [
        levelScale(c, false, ' — Sebelum'),
        levelScale(c, false, ' — Sesudah'),
      ]),
    ],
    toRows: (a, meta, ctx) => {
      const rows: TargetRow[] = [];
      for (const c of ctx.competencies) {
        const sebelum = a[`${compTitle(c)} — Sebelum`];
        const sesudah = a[`${compTitle(c)} — Sesudah`];
        if (isBlankCell(sebelum) && isBlankCell(sesudah)) continue;
        rows.push({
          sheet: SHEET.perilaku,
          kind: 'behaviour',
          key: ['ID Sesi', 'NIP', 'Kode Kompetensi'],
          suffix: `~${c.kode}`,
          values: {
            ...withMeta(meta, `~${c.kode}`),
            'ID Sesi': text(a[Q.sesi]),
            NIP: text(a[Q.nip]),
            'Kode Kompetensi': c.kode,
            Sebelum: leadingInt(sebelum),
            Sesudah: leadingInt(sesudah),
            'NIP Penilai': text(a[Q.nipPenilai]),
          },
        });
      }
      return rows;
    },
  },
  {
    key: 'skm',
    title: 'Survei Kepuasan Masyarakat',
    description:
      'Bantu kami memperbaiki pelayanan. Survei ini anonim (PermenPAN-RB 14/2017). Pilih satu jawaban untuk setiap unsur.',
    responseSheet: 'Respons SKM',
    quiz: false,
    questions: (ctx) => [
      ctx.units.length > 0
        ? { title: Q.unit, type: 'list', required: true, choices: ctx.units }
        : { title: Q.unit, type: 'text', required: true },
      ...SKM_ELEMENTS.map(
        (e, i): Question => ({
          title: skmTitle(i),
          type: 'choice',
          required: false,
          choices: e.labels.map((l, j) => `${j + 1} – ${l}`),
        }),
      ),
      { title: Q.saran, type: 'paragraph', required: false },
    ],
    toRows: (a, meta) => {
      const values: Record<string, Cell> = {
        ...withMeta(meta),
        'Unit Layanan': text(a[Q.unit]),
        Periode: periodeOf(meta.waktu),
      };
      SKM_ELEMENTS.forEach((_, i) => {
        values[`U${i + 1}`] = leadingInt(a[skmTitle(i)]);
      });
      return [{ sheet: SHEET.skm, kind: 'skm', key: ['ID Respons'], suffix: '', values }];
    },
  },
  {
    key: 'kehadiran',
    title: 'Konfirmasi Kehadiran Pelatihan',
    description: 'Konfirmasikan apakah Anda akan hadir pada sesi pelatihan.',
    responseSheet: 'Respons Konfirmasi Kehadiran',
    quiz: false,
    questions: () => [
      sesiQuestion,
      nipQuestion(Q.nip, 'NIP Anda.'),
      {
        title: Q.kehadiran,
        type: 'choice',
        required: true,
        choices: ['Hadir', 'Tidak Hadir', 'Belum Pasti'],
      },
      { title: Q.alasan, type: 'paragraph', required: false },
    ],
    toRows: (a, meta) => {
      const kehadiran = text(a[Q.kehadiran]);
      const rows: TargetRow[] = [
        {
          sheet: APP_SHEET.kehadiran,
          kind: 'rsvp',
          key: ['ID Sesi', 'NIP'],
          suffix: '',
          values: {
            ...withMeta(meta),
            'ID Sesi': text(a[Q.sesi]),
            NIP: text(a[Q.nip]),
            Kehadiran: kehadiran,
            Alasan: text(a[Q.alasan]),
          },
        },
      ];
      // Hadir / Tidak Hadir is the invitation answer of Daftar Hadir (no Tanggal); Kode comes
      // from Jadwal (attendance-forms.ts). Belum Pasti is no answer yet: nothing to record there.
      if (kehadiran === 'Hadir' || kehadiran === 'Tidak Hadir')
        rows.push({
          sheet: SHEET.hadir,
          kind: 'rsvp',
          key: ATTENDANCE_KEY,
          suffix: '~hadir',
          values: {
            'ID Sesi': text(a[Q.sesi]),
            Kode: '',
            Tanggal: null,
            NIP: text(a[Q.nip]),
            Status: kehadiran,
            Keterangan: text(a[Q.alasan]),
          },
        });
      return rows;
    },
  },
  {
    key: 'presensi',
    title: 'Presensi Pelatihan',
    description:
      'Isi setiap hari pelatihan setibanya di tempat (atau saat sesi daring dimulai). Kehadiran dicatat pada tanggal Anda mengisi formulir ini.',
    responseSheet: 'Respons Presensi',
    quiz: false,
    questions: () => [sesiQuestion, nipQuestion(Q.nip, 'NIP Anda.')],
    toRows: (a, meta) =>
      meta.waktu === null
        ? []
        : [
            {
              sheet: SHEET.hadir,
              kind: 'attendance',
              key: ATTENDANCE_KEY,
              suffix: '',
              values: {
                'ID Sesi': text(a[Q.sesi]),
                Kode: '',
                // the day of the submission (local wall-clock serial)
                Tanggal: Math.floor(meta.waktu),
                NIP: text(a[Q.nip]),
                Status: 'Hadir',
              },
            },
          ],
  },
  // the FGD note-taker's form (fgd-form.ts)
  FGD_FORM,
];

export function defaultCompetencies(): Competency[] {
  return DEFAULT_DICTIONARY.map((d) => ({ kode: d.kode, nama: d.nama }));
}
