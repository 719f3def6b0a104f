/** `Penilaian`: one row per competency response (Diri, Atasan, Asesmen). */
import { z } from 'zod';
import { isBlankCell, parseRatingCell } from '../cells.js';
import { SHEET } from '../sheet-specs.js';
import { type Assessment, SUMBER, type Sumber } from '../types.js';
import {
  cellOf,
  codeSchema,
  isoTimestampSchema,
  levelSchema,
  nipSchema,
  opt,
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
  const byId = new Map<string, Assessment>();
  const rest: Assessment[] = [];
  for (const a of records) {
    if (a.idRespons === undefined) rest.push(a);
    else {
      const prev = byId.get(a.idRespons);
      if (!prev || a.row > prev.row) byId.set(a.idRespons, a);
    }
  }
  const latest = new Map<string, Assessment>();
  for (const a of [...rest, ...byId.values()]) {
    const key = `${a.nip}\u0000${a.sumber}`;
    const prev = latest.get(key);
    if (!prev) latest.set(key, a);
    else {
      const aw = a.waktu ?? '';
      const pw = prev.waktu ?? '';
      if (aw > pw || (aw === pw && a.row > prev.row)) latest.set(key, a);
    }
  }
  return [...latest.values()].sort((x, y) => x.row - y.row);
}

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
      return {
        row: r.row,
        nip,
        sumber,
        ...opt('idRespons', r.str('ID Respons')),
        ...opt('waktu', r.str('Waktu')),
        ...opt('nipPenilai', r.str('NIP Penilai')),
        ratings,
      };
    };
  },
  finish: resolveAssessments,
  toCells: (a) => ({
    NIP: a.nip,
    Sumber: a.sumber,
    'ID Respons': cellOf(a.idRespons),
    Waktu: cellOf(a.waktu?.replace('T', ' ')),
    'NIP Penilai': cellOf(a.nipPenilai),
    ...a.ratings,
  }),
};
