/** `Pengajar` (extension): trainers, the courses they teach, days off and a monthly limit. */
import { z } from 'zod';
import { normalizeHeader, type Parsed, parseDateCell, splitList } from '../cells.js';
import { SHEET } from '../sheet-specs.js';
import type { Cell, Trainer } from '../types.js';
import {
  cellOf,
  isoDateSchema,
  opt,
  type RowBuilder,
  rowSchema,
  type SheetParser,
  specOf,
  textSchema,
} from './common.js';

export const trainerSchema = z.object({
  row: rowSchema,
  nama: textSchema,
  kode: z.array(textSchema).min(1),
  tidakTersedia: z.array(isoDateSchema),
  maksSesiPerBulan: z.number().int().min(1).exactOptional(),
});

/**
 * `Tidak Tersedia`: one date cell (a sheet date is a serial number) or dates separated by commas
 * or semicolons, each YYYY-MM-DD or DD/MM/YYYY; every bad item is named.
 */
function parseDates(cell: Cell): Parsed<string[]> {
  const items = typeof cell === 'number' || cell instanceof Date ? [cell] : splitList(cell);
  const dates: string[] = [];
  const bad: string[] = [];
  for (const item of items) {
    const d = parseDateCell(item, 'Tidak Tersedia');
    if (d.ok) {
      if (!dates.includes(d.value)) dates.push(d.value);
    } else bad.push(String(item));
  }
  if (bad.length > 0)
    return {
      ok: false,
      message: `Tidak Tersedia: tanggal tidak valid ${bad.join(', ')} (gunakan YYYY-MM-DD atau DD/MM/YYYY, dipisah koma)`,
    };
  return { ok: true, value: dates.sort() };
}

export const pengajarParser: SheetParser<Trainer> = {
  spec: specOf(SHEET.pengajar),
  coerce: { 'Tidak Tersedia': parseDates },
  start() {
    return (r: RowBuilder) => {
      const nama = r.str('Nama');
      if (nama !== undefined) r.unique('nama', normalizeHeader(nama), 'Nama', 'Nama pengajar');
      const kode = [...new Set(r.get<string[]>('Kode Pelatihan') ?? [])];
      if (kode.length === 0 && r.raw('Kode Pelatihan') !== undefined)
        r.error(
          'Kode Pelatihan',
          'Kode Pelatihan wajib diisi: kode pelatihan yang dapat diajarkan, dipisah koma',
        );
      if (r.errors.length > 0 || !nama || kode.length === 0) return undefined;
      return {
        row: r.row,
        nama,
        kode,
        tidakTersedia: r.get<string[]>('Tidak Tersedia') ?? [],
        ...opt('maksSesiPerBulan', r.num('Maks Sesi per Bulan')),
      };
    };
  },
  toCells: (t) => ({
    Nama: t.nama,
    'Kode Pelatihan': t.kode.join(', '),
    'Tidak Tersedia': t.tidakTersedia.join(', '),
    'Maks Sesi per Bulan': cellOf(t.maksSesiPerBulan),
  }),
};
