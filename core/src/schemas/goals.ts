/** `Sasaran Program`: a target per indicator and year, city-wide or for one OPD. */
import { z } from 'zod';
import { normalizeHeader } from '../cells.js';
import { INDICATOR_INFO } from '../goal-indicators.js';
import { SHEET } from '../sheet-specs.js';
import { INDIKATOR_SASARAN, type IndikatorSasaran, type ProgramGoal } from '../types.js';
import {
  cellOf,
  opt,
  type RowBuilder,
  refuseTotalOpdName,
  rowSchema,
  type SheetParser,
  specOf,
  textSchema,
} from './common.js';

export const goalSchema = z
  .object({
    row: rowSchema,
    indikator: z.enum(INDIKATOR_SASARAN),
    opd: textSchema.exactOptional(),
    tahun: z.number().int().min(2000).max(2100),
    baseline: z.number().exactOptional(),
    target: z.number(),
    keterangan: textSchema.exactOptional(),
  })
  .superRefine((g, ctx) => {
    const { min, max } = INDICATOR_INFO[g.indikator];
    for (const key of ['baseline', 'target'] as const) {
      const v = g[key];
      if (v !== undefined && !(v >= min && v <= max))
        ctx.addIssue({ code: 'custom', path: [key], message: `di luar ${min}–${max}` });
    }
  });

/** "Target IKM harus 25–100" (the range of the indicator's unit). */
function checkRange(r: RowBuilder, column: string, indikator: IndikatorSasaran, v: number | undefined): void {
  if (v === undefined) return;
  const { min, max, satuan } = INDICATOR_INFO[indikator];
  if (v >= min && v <= max) return;
  const unit = satuan === 'persen' ? ' (persen, tanpa tanda %)' : satuan === 'level' ? ' (level)' : '';
  r.error(column, `${column} ${indikator} harus ${min}–${max}${unit}`, v);
}

export const sasaranParser: SheetParser<ProgramGoal> = {
  spec: specOf(SHEET.sasaran),
  start() {
    return (r: RowBuilder) => {
      const indikator = r.get<IndikatorSasaran>('Indikator');
      const opd = r.str('OPD');
      refuseTotalOpdName(r, 'OPD', opd);
      const tahun = r.num('Tahun');
      const baseline = r.num('Baseline');
      const target = r.num('Target');
      if (indikator !== undefined) {
        checkRange(r, 'Baseline', indikator, baseline);
        checkRange(r, 'Target', indikator, target);
        if (tahun !== undefined)
          r.unique(
            'sasaran',
            `${indikator}\u0000${normalizeHeader(opd ?? '')}\u0000${tahun}`,
            'Indikator',
            'Sasaran (Indikator, OPD, Tahun)',
          );
      }
      if (r.errors.length > 0 || indikator === undefined || tahun === undefined || target === undefined)
        return undefined;
      return {
        row: r.row,
        indikator,
        ...opt('opd', opd),
        tahun,
        ...opt('baseline', baseline),
        target,
        ...opt('keterangan', r.str('Keterangan')),
      };
    };
  },
  toCells: (g) => ({
    Indikator: g.indikator,
    OPD: cellOf(g.opd),
    Tahun: g.tahun,
    Baseline: cellOf(g.baseline),
    Target: g.target,
    Keterangan: cellOf(g.keterangan),
  }),
};
