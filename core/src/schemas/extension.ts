/** Extension sheets: `Hari Libur`, `Ruang`, `Preferensi`. */
import { z } from 'zod';
import { normalizeHeader, parseBooleanCell, parseMonth } from '../cells.js';
import { SHEET } from '../sheet-specs.js';
import { type HolidayEntry, MODA, type Moda, type Preference, type Room } from '../types.js';
import { NOT_IN_PEGAWAI } from './assessment.js';
import {
  cellOf,
  codeSchema,
  isoDateSchema,
  nipSchema,
  opt,
  type RowBuilder,
  rowSchema,
  type SheetParser,
  specOf,
  textSchema,
} from './common.js';
import { codeAtStart } from './competency.js';

export const holidaySchema = z.object({
  row: rowSchema,
  tanggal: isoDateSchema,
  keterangan: textSchema.exactOptional(),
  libur: z.boolean(),
});

export const roomSchema = z.object({
  row: rowSchema,
  nama: textSchema,
  kapasitas: z.number().int().min(1),
  jenis: textSchema.exactOptional(),
});

export const preferenceSchema = z.object({
  row: rowSchema,
  nip: nipSchema,
  bulan: z.array(z.number().int().min(1).max(12)),
  moda: z.enum(MODA).exactOptional(),
  topik: z.array(codeSchema),
});

export const hariLiburParser: SheetParser<HolidayEntry> = {
  spec: specOf(SHEET.hariLibur),
  // a checkbox column works as well as Ya/Tidak
  coerce: {
    Libur: (cell) => {
      const b = parseBooleanCell(cell, 'Libur');
      return b.ok ? { ok: true, value: b.value ? 'Ya' : 'Tidak' } : b;
    },
  },
  start() {
    return (r: RowBuilder) => {
      const tanggal = r.str('Tanggal');
      if (tanggal !== undefined) r.unique('tanggal', tanggal, 'Tanggal', 'Tanggal');
      if (r.errors.length > 0 || !tanggal) return undefined;
      return {
        row: r.row,
        tanggal,
        ...opt('keterangan', r.str('Keterangan')),
        libur: r.str('Libur') !== 'Tidak',
      };
    };
  },
  toCells: (h) => ({ Tanggal: h.tanggal, Keterangan: cellOf(h.keterangan), Libur: h.libur ? 'Ya' : 'Tidak' }),
};

export const ruangParser: SheetParser<Room> = {
  spec: specOf(SHEET.ruang),
  start() {
    return (r: RowBuilder) => {
      const nama = r.str('Nama');
      if (nama !== undefined) r.unique('nama', normalizeHeader(nama), 'Nama', 'Nama ruang');
      const kapasitas = r.num('Kapasitas');
      if (r.errors.length > 0 || !nama || kapasitas === undefined) return undefined;
      return { row: r.row, nama, kapasitas, ...opt('jenis', r.str('Jenis')) };
    };
  },
  toCells: (x) => ({ Nama: x.nama, Kapasitas: x.kapasitas, Jenis: cellOf(x.jenis) }),
};

export const preferensiParser: SheetParser<Preference> = {
  spec: specOf(SHEET.preferensi),
  start(ctx) {
    return (r: RowBuilder) => {
      const nip = r.str('NIP');
      if (nip !== undefined) {
        if (ctx.pegawaiNips && !ctx.pegawaiNips.has(nip)) r.error('NIP', NOT_IN_PEGAWAI);
        r.unique('nip', nip, 'NIP', 'NIP');
      }
      const bulan: number[] = [];
      const badMonths: string[] = [];
      for (const item of r.get<string[]>('Bulan') ?? []) {
        const m = parseMonth(item);
        if (m === undefined) badMonths.push(item);
        else if (!bulan.includes(m)) bulan.push(m);
      }
      if (badMonths.length > 0) {
        r.error(
          'Bulan',
          `Bulan tidak dikenal: ${badMonths.join(', ')} (gunakan 1–12 atau nama bulan, mis. Maret)`,
        );
      }
      const topik: string[] = [];
      const badCodes: string[] = [];
      for (const item of r.get<string[]>('Topik') ?? []) {
        const hit = codeAtStart(ctx.dictionary, item);
        if (!hit) badCodes.push(item);
        else if (!topik.includes(hit.kode)) topik.push(hit.kode);
      }
      if (badCodes.length > 0)
        r.error('Topik', `Kode kompetensi tidak ada di Kamus Kompetensi: ${badCodes.join(', ')}`);
      if (r.errors.length > 0 || !nip) return undefined;
      return {
        row: r.row,
        nip,
        bulan: bulan.sort((a, b) => a - b),
        ...opt('moda', r.get<Moda>('Moda')),
        topik,
      };
    };
  },
  toCells: (p) => ({
    NIP: p.nip,
    Bulan: p.bulan.join(', '),
    Moda: cellOf(p.moda),
    Topik: p.topik.join(', '),
  }),
};
