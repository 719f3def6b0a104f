/** `Penilaian`: one row per competency response (Diri, Atasan, Asesmen). */
import { z } from 'zod';
import { isBlankCell, parseRatingCell } from '../cells.js';
import { raterProblem } from '../raters.js';
import { SHEET } from '../sheet-specs.js';
import { type Assessment, SUMBER, type Sumber } from '../types.js';
import {
  cellOf,
  codeSchema,
  isoTimestampSchema,
  levelSchema,
  nipSchema,
  type RowBuilder,
  rowSchema,
  type SheetParser,
  specOf,
  textSchema,
} from './common.js';
import { matchCompetencyHeader } from './competency.js';

export const assessmentSchema = z.object({
  row: rowSchema,
  nip: nipSchema,
  sumber: z.enum(SUMBER),
  idRespons: textSchema.exactOptional(),
  waktu: isoTimestampSchema.exactOptional(),
  nipPenilai: nipSchema.exactOptional(),
  emailPenilai: textSchema.exactOptional(),
  ratings: z
    .record(codeSchema, levelSchema)
    .refine((r) => Object.keys(r).length > 0, 'Tidak ada nilai kompetensi'),
});

export const NOT_IN_PEGAWAI = 'NIP tidak terdaftar di lembar Pegawai';

/**
 * Keeps only the winning responses, in sheet order:
 * 1. rows with the same ID Respons are one response (a re-submitted or edited form): the last row wins;
 * 2. of the rows sharing (NIP, Sumber), the latest Waktu replaces the others entirely; a row without
 *    Waktu counts as older than any row with one; on a tie the later row wins.
 * Superseded rows are valid (counted in `counts.valid`) but do not reach ProgramData.assessments.
 */
export function resolveAssessments(records: readonly Assessment[]): Assessment[] {
  // records arrive in sheet order, so the last write per ID Respons is the last row
  const lastOfId = new Map<string, Assessment>();
  for (const a of records) if (a.idRespons !== undefined) lastOfId.set(a.idRespons, a);
  // NIP -> the current winner per Sumber (no composite string keys: 400,000 rows pass here)
  const latest = new Map<string, (Assessment | undefined)[]>();
  for (const a of records) {
    if (a.idRespons !== undefined && lastOfId.get(a.idRespons) !== a) continue;
    let slots = latest.get(a.nip);
    if (!slots) {
      slots = [undefined, undefined, undefined];
      latest.set(a.nip, slots);
    }
    const k = SUMBER_SLOT[a.sumber];
    const prev = slots[k];
    // later rows come later: ">=" lets a tie go to the later row
    if (!prev || (a.waktu ?? '') >= (prev.waktu ?? '')) slots[k] = a;
  }
  return records.filter((a) => latest.get(a.nip)?.[SUMBER_SLOT[a.sumber]] === a);
}

const SUMBER_SLOT: Record<Sumber, number> = { Diri: 0, Atasan: 1, Asesmen: 2 };

export const penilaianParser: SheetParser<Assessment> = {
  spec: specOf(SHEET.penilaian),
  repeating: (header, ctx) => matchCompetencyHeader(ctx.dictionary, header),
  noRepeatingMessage:
    'Lembar Penilaian tidak punya kolom kompetensi: beri judul kolom dengan kode dari Kamus Kompetensi, mis. "M.01 Integritas"',
  start(ctx) {
    return (r: RowBuilder) => {
      const nip = r.str('NIP');
      if (nip !== undefined && ctx.pegawaiNips && !ctx.pegawaiNips.has(nip)) r.error('NIP', NOT_IN_PEGAWAI);
      const ratings: Record<string, number> = {};
      let filled = 0;
      for (const c of r.repeating) {
        if (isBlankCell(c.cell)) continue;
        filled++;
        const n = c.cell;
        if (typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 5) {
          ratings[c.key] = n; // the common case, without allocating a result
          continue;
        }
        const v = parseRatingCell(c.cell, c.header, 1, 5);
        if (v.ok) ratings[c.key] = v.value;
        else r.error(c.header, v.message, c.cell);
      }
      if (filled === 0) {
        r.error(
          '',
          'Tidak ada satu pun nilai kompetensi pada baris ini (isi 1–5 pada kolom kompetensi)',
          null,
        );
      }
      const sumber = r.get<Sumber>('Sumber');
      if (r.errors.length > 0 || !nip || !sumber) return undefined;
      const a: Assessment = { row: r.row, nip, sumber, ratings };
      const idRespons = r.str('ID Respons');
      if (idRespons !== undefined) a.idRespons = idRespons;
      const waktu = r.str('Waktu');
      if (waktu !== undefined) a.waktu = waktu;
      const nipPenilai = r.str('NIP Penilai');
      if (nipPenilai !== undefined) a.nipPenilai = nipPenilai;
      const emailPenilai = r.str('Email Penilai');
      if (emailPenilai !== undefined) a.emailPenilai = emailPenilai;
      if (ctx.raters) {
        // a rating from someone not entitled to give it is quarantined, before it can replace a valid one
        const problem = raterProblem(a, ctx.raters);
        if (problem) {
          r.error(problem.column, problem.message);
          return undefined;
        }
      }
      return a;
    };
  },
  finish: resolveAssessments,
  toCells: (a) => ({
    NIP: a.nip,
    Sumber: a.sumber,
    'ID Respons': cellOf(a.idRespons),
    Waktu: cellOf(a.waktu?.replace('T', ' ')),
    'NIP Penilai': cellOf(a.nipPenilai),
    'Email Penilai': cellOf(a.emailPenilai),
    ...a.ratings,
  }),
};
