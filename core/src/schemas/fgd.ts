/** `Diskusi Kelompok`: notes of focus-group discussions (FGD), one line per competency or topic. */
import { z } from 'zod';
import { normalizeHeader } from '../cells.js';
import { SHEET } from '../sheet-specs.js';
import type { FgdLine } from '../types.js';
import {
  cellOf,
  codeSchema,
  isoDateSchema,
  opt,
  type RowBuilder,
  rowSchema,
  type SheetParser,
  specOf,
  textSchema,
} from './common.js';
import { lookupCode } from './competency.js';

export const fgdSchema = z.object({
  row: rowSchema,
  tanggal: isoDateSchema,
  opd: textSchema,
  peserta: z.number().int().min(1).exactOptional(),
  fasilitator: textSchema.exactOptional(),
  kode: codeSchema.exactOptional(),
  topik: textSchema.exactOptional(),
  peringkat: z.number().int().min(1).exactOptional(),
  suara: z.number().int().min(0).exactOptional(),
  catatan: textSchema.exactOptional(),
});

export const diskusiKelompokParser: SheetParser<FgdLine> = {
  spec: specOf(SHEET.fgd),
  start(ctx) {
    return (r: RowBuilder) => {
      const tanggal = r.str('Tanggal');
      const opd = r.str('OPD');
      const kode = lookupCode(r, ctx.dictionary, 'Kode Kompetensi');
      const topik = r.str('Topik');
      if (r.str('Kode Kompetensi') === undefined && topik === undefined)
        r.error('', 'Isi Kode Kompetensi atau Topik: baris FGD tanpa kompetensi maupun topik', null);
      // one line per (FGD, competency, topic): a free topic staff mapped to a code is its own line
      if (tanggal !== undefined && opd !== undefined && (kode !== undefined || topik !== undefined)) {
        r.unique(
          'fgd',
          `${tanggal}\u0000${normalizeHeader(opd)}\u0000${kode ?? ''}\u0000${normalizeHeader(topik ?? '')}`,
          kode !== undefined ? 'Kode Kompetensi' : 'Topik',
          'Baris FGD (Tanggal, OPD, Kode Kompetensi/Topik)',
        );
      }
      if (r.errors.length > 0 || !tanggal || !opd) return undefined;
      return {
        row: r.row,
        tanggal,
        opd,
        ...opt('peserta', r.num('Peserta')),
        ...opt('fasilitator', r.str('Fasilitator')),
        ...opt('kode', kode),
        ...opt('topik', topik),
        ...opt('peringkat', r.num('Peringkat')),
        ...opt('suara', r.num('Suara')),
        ...opt('catatan', r.str('Catatan')),
      };
    };
  },
  toCells: (f) => ({
    Tanggal: f.tanggal,
    OPD: f.opd,
    Peserta: cellOf(f.peserta),
    Fasilitator: cellOf(f.fasilitator),
    'Kode Kompetensi': cellOf(f.kode),
    Topik: cellOf(f.topik),
    Peringkat: cellOf(f.peringkat),
    Suara: cellOf(f.suara),
    Catatan: cellOf(f.catatan),
  }),
};
