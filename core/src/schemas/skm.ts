/** `SKM`: Survei Kepuasan Masyarakat, one row per respondent (PermenPAN-RB 14/2017, nine elements U1–U9). */
import { z } from 'zod';
import { isBlankCell, parseRatingCell } from '../cells.js';
import { SHEET } from '../sheet-specs.js';
import type { SkmResponse } from '../types.js';
import {
  type Coercer,
  type RowBuilder,
  refuseTotalOpdName,
  rowSchema,
  type SheetParser,
  specOf,
  textSchema,
} from './common.js';

/** PermenPAN-RB 14/2017: nine service elements. */
export const SKM_ELEMENTS = 9;
const U_HEADERS = Array.from({ length: SKM_ELEMENTS }, (_, i) => `U${i + 1}`);

export const skmSchema = z.object({
  row: rowSchema,
  unit: textSchema,
  periode: textSchema,
  opd: textSchema.exactOptional(),
  answers: z.array(z.number().int().min(1).max(4).nullable()).length(SKM_ELEMENTS),
  idRespons: textSchema.exactOptional(),
  populasi: z.number().int().min(1).exactOptional(),
});

/**
 * One record per respondent: rows sharing an ID Respons are one response (a re-submitted or
 * edited form), the last row wins and the others are superseded; rows without one stand alone.
 */
export function latestResponses(records: readonly SkmResponse[]): SkmResponse[] {
  const last = new Map<string, SkmResponse>();
  for (const x of records) if (x.idRespons !== undefined) last.set(x.idRespons, x);
  if (last.size === records.length) return [...records];
  return records.filter((x) => x.idRespons === undefined || last.get(x.idRespons) === x);
}

/** A form answer `4` or `4 - Sangat Baik`, 1–4. */
const answerCoercer: Coercer = (cell, header) => parseRatingCell(cell, header, 1, 4);

export const skmParser: SheetParser<SkmResponse> = {
  spec: specOf(SHEET.skm),
  coerce: Object.fromEntries(U_HEADERS.map((h) => [h, answerCoercer])),
  start() {
    return (r: RowBuilder) => {
      if (U_HEADERS.every((h) => isBlankCell(r.raw(h))))
        r.error('', 'Tidak ada satu pun jawaban U1–U9 pada baris ini', null);
      const unit = r.str('Unit Layanan');
      const periode = r.str('Periode');
      const opd = r.str('OPD');
      refuseTotalOpdName(r, 'OPD', opd);
      if (r.errors.length > 0 || !unit || !periode) return undefined;
      const idRespons = r.str('ID Respons');
      const populasi = r.num('Populasi');
      const answers = U_HEADERS.map((h) => r.num(h) ?? null);
      const x: SkmResponse = { row: r.row, unit, periode, answers };
      if (opd) x.opd = opd;
      if (idRespons) x.idRespons = idRespons;
      if (populasi !== undefined) x.populasi = populasi;
      return x;
    };
  },
  finish: latestResponses,
  toCells: (x) => ({
    'Unit Layanan': x.unit,
    Periode: x.periode,
    OPD: x.opd ?? '',
    'ID Respons': x.idRespons ?? '',
    Populasi: x.populasi ?? '',
    ...Object.fromEntries(U_HEADERS.map((h, i) => [h, x.answers[i] ?? ''])),
  }),
};
