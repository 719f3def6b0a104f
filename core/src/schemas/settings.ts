/** `Pengaturan`: optional key/value settings over DEFAULT_SETTINGS. */
import { z } from 'zod';
import { enumTable, normalizeHeader, parseDecimal } from '../cells.js';
import { SETTING_KEYS, SHEET } from '../sheet-specs.js';
import { DEFAULT_SETTINGS, type Settings, type Sumber } from '../types.js';
import type { Coercer, RowBuilder, SheetParser } from './common.js';
import { specOf } from './common.js';

export type SettingKey = (typeof SETTING_KEYS)[number];

/** One `Pengaturan` row. */
export interface SettingEntry {
  row: number;
  kunci: SettingKey;
  nilai: number;
}

const weight = z.number().min(0).max(1);
/** a reminder a month ahead is the farthest that still reads as a reminder */
export const MAX_REMINDER_DAYS = 30;
/** `Jangka Pemerataan`: years without training that make an ASN an equity case (1–10) */
export const MAX_EQUITY_YEARS = 10;
export const settingsSchema = z
  .object({
    tahun: z.number().int().min(2000).max(2100).exactOptional(),
    tahunJp: z.number().int().min(2000).max(2100).exactOptional(),
    targetJp: z.number().min(0),
    bobot: z.object({ Asesmen: weight, Atasan: weight, Diri: weight }),
    pengingatHari: z.number().int().min(0).max(MAX_REMINDER_DAYS).exactOptional(),
    pengingatTatapMuka: z.number().int().min(0).max(MAX_REMINDER_DAYS).exactOptional(),
    jangkaPemerataan: z.number().int().min(1).max(MAX_EQUITY_YEARS).exactOptional(),
    minimumAsn: z.number().int().min(1).exactOptional(),
    minimumPersen: z.number().min(0).max(1).exactOptional(),
  })
  .refine((s) => s.bobot.Asesmen + s.bobot.Atasan + s.bobot.Diri > 0, {
    path: ['bobot'],
    message: 'Bobot Asesmen, Bobot Atasan, dan Bobot Diri tidak boleh semuanya 0',
  });

const WEIGHT_OF: Partial<Record<SettingKey, Sumber>> = {
  'Bobot Asesmen': 'Asesmen',
  'Bobot Atasan': 'Atasan',
  'Bobot Diri': 'Diri',
};

const KEY_TABLE = enumTable(SETTING_KEYS);

/** Applies valid entries over the defaults (each key appears at most once: the parser makes later ones errors). */
export function settingsFrom(entries: readonly SettingEntry[], base: Settings = DEFAULT_SETTINGS): Settings {
  const s: Settings = { ...base, bobot: { ...base.bobot } };
  for (const e of entries) {
    const sumber = WEIGHT_OF[e.kunci];
    if (sumber) s.bobot[sumber] = e.nilai;
    else if (e.kunci === 'Tahun') s.tahun = e.nilai;
    else if (e.kunci === 'Tahun JP') s.tahunJp = e.nilai;
    else if (e.kunci === 'Pengingat Hari') s.pengingatHari = e.nilai;
    else if (e.kunci === 'Pengingat Tatap Muka') s.pengingatTatapMuka = e.nilai;
    else if (e.kunci === 'Jangka Pemerataan') s.jangkaPemerataan = e.nilai;
    else if (e.kunci === 'Minimum ASN Dinilai') s.minimumAsn = e.nilai;
    else if (e.kunci === 'Minimum Persen Dinilai') s.minimumPersen = e.nilai;
    else s.targetJp = e.nilai;
  }
  return s;
}

/** Settings -> `Pengaturan` entries (for writing the sheet back). */
export function settingsToEntries(s: Settings): SettingEntry[] {
  const out: SettingEntry[] = [];
  if (s.tahun !== undefined) out.push({ row: 0, kunci: 'Tahun', nilai: s.tahun });
  if (s.tahunJp !== undefined) out.push({ row: 0, kunci: 'Tahun JP', nilai: s.tahunJp });
  out.push({ row: 0, kunci: 'Target JP', nilai: s.targetJp });
  out.push({ row: 0, kunci: 'Bobot Asesmen', nilai: s.bobot.Asesmen });
  out.push({ row: 0, kunci: 'Bobot Atasan', nilai: s.bobot.Atasan });
  out.push({ row: 0, kunci: 'Bobot Diri', nilai: s.bobot.Diri });
  if (s.pengingatHari !== undefined) out.push({ row: 0, kunci: 'Pengingat Hari', nilai: s.pengingatHari });
  if (s.pengingatTatapMuka !== undefined)
    out.push({ row: 0, kunci: 'Pengingat Tatap Muka', nilai: s.pengingatTatapMuka });
  if (s.jangkaPemerataan !== undefined)
    out.push({ row: 0, kunci: 'Jangka Pemerataan', nilai: s.jangkaPemerataan });
  if (s.minimumAsn !== undefined) out.push({ row: 0, kunci: 'Minimum ASN Dinilai', nilai: s.minimumAsn });
  if (s.minimumPersen !== undefined)
    out.push({ row: 0, kunci: 'Minimum Persen Dinilai', nilai: s.minimumPersen });
  return out;
}

/** `Nilai` accepts a percentage for weights (`50%` = 0.5) as well as a decimal. */
const nilaiCoercer: Coercer = (cell) => {
  const n = parseDecimal(cell, { percent: true });
  return n === undefined
    ? { ok: false, message: 'Nilai harus angka (desimal dengan koma atau titik, mis. 0,5)' }
    : { ok: true, value: n };
};

export const pengaturanParser: SheetParser<SettingEntry> = {
  spec: specOf(SHEET.pengaturan),
  coerce: {
    Kunci: (cell) => {
      const hit = KEY_TABLE.get(normalizeHeader(cell));
      return hit === undefined
        ? { ok: false, message: `Kunci tidak dikenal: gunakan ${SETTING_KEYS.join(', ')}` }
        : { ok: true, value: hit };
    },
    Nilai: nilaiCoercer,
  },
  start() {
    const bobot = { ...DEFAULT_SETTINGS.bobot };
    return (r: RowBuilder) => {
      const kunci = r.get<SettingKey>('Kunci');
      const nilai = r.num('Nilai');
      if (kunci !== undefined) r.unique('kunci', kunci, 'Kunci', 'Kunci');
      if (kunci !== undefined && nilai !== undefined) {
        const sumber = WEIGHT_OF[kunci];
        if (
          (kunci === 'Tahun' || kunci === 'Tahun JP') &&
          !(Number.isInteger(nilai) && nilai >= 2000 && nilai <= 2100)
        ) {
          r.error('Nilai', `${kunci} harus bilangan bulat 2000–2100`);
        } else if (
          (kunci === 'Pengingat Hari' || kunci === 'Pengingat Tatap Muka') &&
          !(Number.isInteger(nilai) && nilai >= 0 && nilai <= MAX_REMINDER_DAYS)
        ) {
          r.error(
            'Nilai',
            `${kunci} harus bilangan bulat 0–${MAX_REMINDER_DAYS} (hari sebelum sesi; 0 = tanpa pengingat)`,
          );
        } else if (
          kunci === 'Jangka Pemerataan' &&
          !(Number.isInteger(nilai) && nilai >= 1 && nilai <= MAX_EQUITY_YEARS)
        ) {
          r.error('Nilai', `Jangka Pemerataan harus bilangan bulat 1–${MAX_EQUITY_YEARS} (tahun)`);
        } else if (kunci === 'Minimum ASN Dinilai' && !(Number.isInteger(nilai) && nilai >= 1)) {
          r.error('Nilai', 'Minimum ASN Dinilai harus bilangan bulat 1 atau lebih (bawaan 5)');
        } else if (kunci === 'Minimum Persen Dinilai' && !(nilai >= 0 && nilai <= 1)) {
          r.error('Nilai', 'Minimum Persen Dinilai harus antara 0 dan 1 (mis. 10% atau 0,1; bawaan 10%)');
        } else if (kunci === 'Target JP' && nilai <= 0) {
          r.error('Nilai', 'Target JP harus lebih dari 0');
        } else if (sumber && (nilai < 0 || nilai > 1)) {
          r.error('Nilai', `${kunci} harus antara 0 dan 1 (mis. 0,5 atau 50%)`);
        } else if (sumber && r.errors.length === 0) {
          const next = { ...bobot, [sumber]: nilai };
          if (next.Asesmen + next.Atasan + next.Diri <= 0) {
            r.error('Nilai', 'Bobot Asesmen, Bobot Atasan, dan Bobot Diri tidak boleh semuanya 0');
          } else bobot[sumber] = nilai;
        }
      }
      if (r.errors.length > 0 || kunci === undefined || nilai === undefined) return undefined;
      return { row: r.row, kunci, nilai };
    };
  },
  toCells: (e) => ({ Kunci: e.kunci, Nilai: e.nilai }),
};
