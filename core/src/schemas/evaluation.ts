/** Kirkpatrick levels 1–3: `Evaluasi Reaksi`, `Tes`, `Evaluasi Perilaku`. */
import { z } from 'zod';
import { isBlankCell, normalizeHeader, parseNumberCell, parseRatingCell } from '../cells.js';
import { SHEET } from '../sheet-specs.js';
import type { BehaviourRating, ReactionResponse, TestResult } from '../types.js';
import {
  codeSchema,
  levelSchema,
  nipSchema,
  type RepeatCell,
  type RepeatMatch,
  type RowBuilder,
  rowSchema,
  type SheetParser,
  specOf,
  textSchema,
} from './common.js';
import { lookupCode } from './competency.js';

const answer4 = z.number().int().min(1).max(4).nullable();

export const reactionSchema = z.object({
  row: rowSchema,
  sesi: textSchema,
  nip: nipSchema,
  answers: z.array(answer4).min(1),
});

export const testResultSchema = z
  .object({
    row: rowSchema,
    sesi: textSchema,
    nip: nipSchema,
    pre: z.number().min(0),
    post: z.number().min(0),
    maks: z.number().positive(),
  })
  .refine((t) => t.pre <= t.maks && t.post <= t.maks, {
    message: 'Pre dan Post tidak boleh melebihi Skor Maks',
  });

export const behaviourSchema = z.object({
  row: rowSchema,
  sesi: textSchema,
  nip: nipSchema,
  kode: codeSchema,
  sebelum: levelSchema,
  sesudah: levelSchema,
});

/**
 * Numbered answer columns `U1`..`U9` / `R1`..`Rn`: `R3`, `R3 Materi relevan`, `[R3]`, and (Google
 * Forms grid) `Pertanyaan [R3 Materi]`.
 */
export function matchNumbered(prefix: string, header: string): RepeatMatch {
  const re = new RegExp(`^\\[?\\s*${prefix}(\\d{1,3})\\]?(?:$|[\\s\\-–—:.)\\]])`, 'i');
  const m = re.exec(header.trim()) ?? re.exec(/\[([^\]]+)\]\s*$/.exec(header)?.[1] ?? '');
  if (!m) return undefined;
  const n = Number(m[1]);
  return n >= 1 ? { key: String(n) } : undefined;
}

/** Answers 1–max of numbered columns -> array (index n-1), null where not answered. */
export function numberedAnswers(r: RowBuilder, cells: readonly RepeatCell[], max: number): (number | null)[] {
  let length = 0;
  for (const c of cells) length = Math.max(length, Number(c.key));
  const answers: (number | null)[] = Array.from({ length }, () => null);
  let filled = 0;
  for (const c of cells) {
    if (isBlankCell(c.cell)) continue;
    filled++;
    const v = parseRatingCell(c.cell, c.header, 1, max);
    if (v.ok) answers[Number(c.key) - 1] = v.value;
    else r.error(c.header, v.message, c.cell);
  }
  if (filled === 0) r.error('', 'Tidak ada satu pun jawaban pada baris ini', null);
  return answers;
}

/** `ID Sesi` and `NIP` of a Reaksi or Tes row; a participant appears once per session. */
function participant(r: RowBuilder): { sesi: string | undefined; nip: string | undefined } {
  const sesi = r.str('ID Sesi');
  const nip = r.str('NIP');
  if (sesi !== undefined && nip !== undefined)
    r.unique('sesi-nip', `${normalizeHeader(sesi)}\u0000${nip}`, 'NIP', 'Peserta (ID Sesi, NIP)');
  return { sesi, nip };
}

export const reaksiParser: SheetParser<ReactionResponse> = {
  spec: specOf(SHEET.reaksi),
  repeating: (header) => matchNumbered('R', header),
  noRepeatingMessage: 'Lembar Evaluasi Reaksi tidak punya kolom jawaban R1, R2, …',
  start() {
    return (r: RowBuilder) => {
      const { sesi, nip } = participant(r);
      const answers = numberedAnswers(r, r.repeating, 4);
      if (r.errors.length > 0 || !sesi || !nip) return undefined;
      return { row: r.row, sesi, nip, answers };
    };
  },
  toCells: (x) => ({
    'ID Sesi': x.sesi,
    NIP: x.nip,
    ...Object.fromEntries(x.answers.map((a, i) => [`R${i + 1}`, a ?? ''])),
  }),
};

export const tesParser: SheetParser<TestResult> = {
  spec: specOf(SHEET.tes),
  coerce: {
    'Skor Maks': (cell) => {
      const n = parseNumberCell(cell, 'Skor Maks');
      return n.ok && n.value <= 0 ? { ok: false, message: 'Skor Maks harus lebih dari 0' } : n;
    },
  },
  start() {
    return (r: RowBuilder) => {
      const { sesi, nip } = participant(r);
      const maks = r.num('Skor Maks') ?? 100;
      const pre = r.num('Pre');
      const post = r.num('Post');
      const maksOk = !r.errors.some((e) => e.column === 'Skor Maks');
      if (maksOk && pre !== undefined && pre > maks)
        r.error('Pre', `Pre harus antara 0 dan Skor Maks (${maks})`);
      if (maksOk && post !== undefined && post > maks)
        r.error('Post', `Post harus antara 0 dan Skor Maks (${maks})`);
      if (r.errors.length > 0 || !sesi || !nip || pre === undefined || post === undefined) return undefined;
      return { row: r.row, sesi, nip, pre, post, maks };
    };
  },
  toCells: (t) => ({ 'ID Sesi': t.sesi, NIP: t.nip, Pre: t.pre, Post: t.post, 'Skor Maks': t.maks }),
};

export const perilakuParser: SheetParser<BehaviourRating> = {
  spec: specOf(SHEET.perilaku),
  start(ctx) {
    return (r: RowBuilder) => {
      const sesi = r.str('ID Sesi');
      const nip = r.str('NIP');
      const kode = lookupCode(r, ctx.dictionary, 'Kode Kompetensi');
      if (sesi !== undefined && nip !== undefined && kode !== undefined) {
        r.unique(
          'sesi-nip-kode',
          `${normalizeHeader(sesi)}\u0000${nip}\u0000${kode}`,
          'Kode Kompetensi',
          'Penilaian (ID Sesi, NIP, Kode)',
        );
      }
      const sebelum = r.num('Sebelum');
      const sesudah = r.num('Sesudah');
      if (r.errors.length > 0 || !sesi || !nip || !kode || sebelum === undefined || sesudah === undefined)
        return undefined;
      return { row: r.row, sesi, nip, kode, sebelum, sesudah };
    };
  },
  toCells: (b) => ({
    'ID Sesi': b.sesi,
    NIP: b.nip,
    'Kode Kompetensi': b.kode,
    Sebelum: b.sebelum,
    Sesudah: b.sesudah,
  }),
};
