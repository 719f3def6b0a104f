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

/** Longest `Tidak Tersedia` range, in days: a trainer away longer is better left off the sheet. */
const MAX_RANGE_DAYS = 366;

/**
 * A range `A s.d. B` (also `sampai`, `sampai dengan`, `hingga`, a dash or an en dash between the
 * two dates): its two ends as text, or null when the item is not a range. Both ends must look like
 * dates (YYYY-MM-DD or DD/MM/YYYY), so the dashes inside an ISO date never split it.
 */
const DATE_TOKEN = String.raw`\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{4}`;
const RANGE = new RegExp(
  String.raw`^(${DATE_TOKEN})\s*(?:s\.?\s*d\.?|sampai(?:\s+dengan)?|hingga|-|–|—)\s*(${DATE_TOKEN})$`,
  'i',
);

const MS_DAY = 86_400_000;

/** Every calendar day from `from` to `to` (ISO, inclusive). */
function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += MS_DAY)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** One item of `Tidak Tersedia`: a date or a range of dates; the problem in words when neither. */
function parseItem(item: Cell): { dates: string[] } | { problem: string } {
  const range = typeof item === 'string' ? RANGE.exec(item.trim()) : null;
  if (!range) {
    const d = parseDateCell(item, 'Tidak Tersedia');
    return d.ok ? { dates: [d.value] } : { problem: `tanggal tidak valid ${String(item)}` };
  }
  const from = parseDateCell(range[1] as string, 'Tidak Tersedia');
  const to = parseDateCell(range[2] as string, 'Tidak Tersedia');
  if (!from.ok || !to.ok) return { problem: `rentang tidak valid ${String(item)}` };
  if (to.value < from.value) return { problem: `rentang ${String(item)} berakhir sebelum mulai` };
  const dates = daysBetween(from.value, to.value);
  if (dates.length > MAX_RANGE_DAYS)
    return { problem: `rentang ${String(item)} lebih dari ${MAX_RANGE_DAYS} hari` };
  return { dates };
}

/**
 * `Tidak Tersedia`: one date cell (a sheet date is a serial number) or items separated by commas
 * or semicolons, each a date (YYYY-MM-DD or DD/MM/YYYY) or a range of dates (`2027-03-01 s.d.
 * 2027-03-05`, `01/03/2027 - 05/03/2027`: every calendar day of it); every bad item is named.
 */
function parseDates(cell: Cell): Parsed<string[]> {
  const items = typeof cell === 'number' || cell instanceof Date ? [cell] : splitList(cell);
  const dates = new Set<string>();
  const bad: string[] = [];
  for (const item of items) {
    const parsed = parseItem(item);
    if ('problem' in parsed) bad.push(parsed.problem);
    else for (const d of parsed.dates) dates.add(d);
  }
  if (bad.length > 0)
    return {
      ok: false,
      message: `Tidak Tersedia: ${bad.join('; ')} (gunakan YYYY-MM-DD atau DD/MM/YYYY, atau rentang seperti 2027-03-01 s.d. 2027-03-05, dipisah koma)`,
    };
  return { ok: true, value: [...dates].sort() };
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
