/** `Kamus Kompetensi` (dictionary) and `Standar Kompetensi` (PermenPAN-RB 38/2017 job standards). */
import { z } from 'zod';
import { normalizeHeader } from '../cells.js';
import { DEFAULT_DICTIONARY, SHEET } from '../sheet-specs.js';
import { type Competency, KELOMPOK, type Kelompok, type Standard } from '../types.js';
import {
  CODE_MESSAGE,
  CODE_RE,
  codeSchema,
  type Dictionary,
  levelSchema,
  makeDictionary,
  type RepeatMatch,
  type RowBuilder,
  rowSchema,
  type SheetParser,
  specOf,
  textSchema,
} from './common.js';

export const competencySchema = z.object({
  row: rowSchema,
  kode: codeSchema,
  nama: textSchema,
  kelompok: z.enum(KELOMPOK),
});

export const standardSchema = z.object({
  row: rowSchema,
  jabatan: textSchema,
  kode: codeSchema,
  level: levelSchema,
  bobot: z.number().int().min(1).max(3),
});

/** The contract's default dictionary as records (row 0: not from a sheet). */
export const DEFAULT_COMPETENCIES: readonly Competency[] = DEFAULT_DICTIONARY.map((c) => ({ row: 0, ...c }));

export const defaultDictionary: Dictionary = makeDictionary(DEFAULT_COMPETENCIES);

/** What may follow a code at the start of a header or cell: end, space, bracket, dash, colon... */
const BOUNDARY = /^(?:$|[\s\]\-–—:),]|\.(?:\s|$))/;
/** A header that looks like a competency code (`M.99 Foo`, `[SK.02]`) even if not in the dictionary. */
const LOOKS_LIKE_CODE = /^\[?\s*([a-z]{1,6}\.\d{1,3}(?:\.\d{1,3})*)(?:$|[\s\]\-–—:),]|\.(?:\s|$))/i;
/** Google Forms grid questions write `Question [Row]`. */
const GRID_ROW = /\[([^\]]+)\]\s*$/;

/**
 * The dictionary entry whose code starts `text` (`M.01`, `M.01 Integritas`, `[M.01] Integritas`,
 * `M.01 - Integritas`), case-insensitive; the longest matching code wins.
 */
export function codeAtStart(dict: Dictionary, text: string): Competency | undefined {
  const t = text.trim().toLowerCase();
  const exact = dict.byCode.get(t);
  if (exact) return exact;
  const s = t.replace(/^\[\s*/, '');
  for (const code of dict.codesLongestFirst) {
    if (s.startsWith(code) && BOUNDARY.test(s.slice(code.length))) return dict.byCode.get(code);
  }
  return undefined;
}

/**
 * A `Penilaian` header -> competency code. Recognised: a header starting with a dictionary code,
 * or (extension, for Google Forms grid questions) a header ending in `[<code> ...]`. A header
 * that looks like a code but is not in the dictionary is an error; anything else is an extra column.
 */
export function matchCompetencyHeader(dict: Dictionary, header: string): RepeatMatch {
  const direct = codeAtStart(dict, header);
  if (direct) return { key: direct.kode };
  const grid = GRID_ROW.exec(header)?.[1];
  const inGrid = grid === undefined ? undefined : codeAtStart(dict, grid);
  if (inGrid) return { key: inGrid.kode };
  const looks = LOOKS_LIKE_CODE.exec(header) ?? (grid === undefined ? null : LOOKS_LIKE_CODE.exec(grid));
  if (looks) {
    return {
      error: `Kolom "${header}" tampak seperti kolom kompetensi, tetapi kode ${looks[1]} tidak ada di Kamus Kompetensi`,
    };
  }
  return undefined;
}

export const kamusParser: SheetParser<Competency> = {
  spec: specOf(SHEET.kamus),
  start() {
    return (r: RowBuilder) => {
      const kode = r.str('Kode');
      if (kode !== undefined) {
        if (!CODE_RE.test(kode)) r.error('Kode', CODE_MESSAGE);
        else r.unique('kode', kode.toLowerCase(), 'Kode', 'Kode kompetensi');
      }
      const nama = r.str('Nama');
      const kelompok = r.get<Kelompok>('Kelompok');
      if (r.errors.length > 0 || !kode || !nama || !kelompok) return undefined;
      return { row: r.row, kode, nama, kelompok };
    };
  },
  toCells: (c) => ({ Kode: c.kode, Nama: c.nama, Kelompok: c.kelompok }),
};

/** Looks a code cell up in the dictionary, recording an error on `column` when absent. */
export function lookupCode(r: RowBuilder, dict: Dictionary, column: string): string | undefined {
  const text = r.str(column);
  if (text === undefined) return undefined;
  const hit = codeAtStart(dict, text);
  if (!hit) r.error(column, `${column} "${text}" tidak ada di Kamus Kompetensi`);
  return hit?.kode;
}

export const standarParser: SheetParser<Standard> = {
  spec: specOf(SHEET.standar),
  start(ctx) {
    return (r: RowBuilder) => {
      const jabatan = r.str('Jabatan');
      const kode = lookupCode(r, ctx.dictionary, 'Kode Kompetensi');
      if (jabatan !== undefined && kode !== undefined) {
        r.unique(
          'jabatan-kode',
          `${normalizeHeader(jabatan)}\u0000${kode}`,
          'Kode Kompetensi',
          'Standar (Jabatan, Kode)',
        );
      }
      const level = r.num('Level Standar');
      if (r.errors.length > 0 || !jabatan || !kode || level === undefined) return undefined;
      return { row: r.row, jabatan, kode, level, bobot: r.num('Bobot') ?? 1 };
    };
  },
  toCells: (s) => ({
    Jabatan: s.jabatan,
    'Kode Kompetensi': s.kode,
    'Level Standar': s.level,
    Bobot: s.bobot,
  }),
};
