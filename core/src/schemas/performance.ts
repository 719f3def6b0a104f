/** `Kinerja`: an ASN's predikat kinerja (SKP, PermenPAN-RB 6/2022) of a year. Personal data. */
import { z } from 'zod';
import { SHEET } from '../sheet-specs.js';
import { type PerformanceRecord, PREDIKAT_KINERJA, type PredikatKinerja } from '../types.js';
import { NOT_IN_PEGAWAI } from './assessment.js';
import { cellOf, nipSchema, opt, type RowBuilder, rowSchema, type SheetParser, specOf } from './common.js';

export const performanceSchema = z.object({
  row: rowSchema,
  nip: nipSchema,
  tahun: z.number().int().min(2000).max(2100),
  predikat: z.enum(PREDIKAT_KINERJA),
  nilai: z.number().min(0).max(150).exactOptional(),
});

export const kinerjaParser: SheetParser<PerformanceRecord> = {
  spec: specOf(SHEET.kinerja),
  start(ctx) {
    return (r: RowBuilder) => {
      const nip = r.str('NIP');
      const tahun = r.num('Tahun');
      if (nip !== undefined && ctx.pegawaiNips && !ctx.pegawaiNips.has(nip)) r.error('NIP', NOT_IN_PEGAWAI);
      if (nip !== undefined && tahun !== undefined)
        r.unique('kinerja', `${nip}\u0000${tahun}`, 'Tahun', 'Predikat kinerja (NIP, Tahun)');
      const predikat = r.get<PredikatKinerja>('Predikat Kinerja');
      if (r.errors.length > 0 || !nip || tahun === undefined || !predikat) return undefined;
      return { row: r.row, nip, tahun, predikat, ...opt('nilai', r.num('Nilai')) };
    };
  },
  toCells: (k) => ({ NIP: k.nip, Tahun: k.tahun, 'Predikat Kinerja': k.predikat, Nilai: cellOf(k.nilai) }),
};
