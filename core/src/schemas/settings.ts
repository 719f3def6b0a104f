/** `Pengaturan`: optional key/value settings over DEFAULT_SETTINGS. */
import { z } from 'zod';
import { cellText, enumTable, normalizeHeader, parseDecimal, parseNipCell } from '../cells.js';
import { MAX_JP, SETTING_KEYS, SHEET } from '../sheet-specs.js';
import { DEFAULT_SETTINGS, type Settings, type Sumber } from '../types.js';
import type { Coercer, RowBuilder, SheetParser } from './common.js';
import { nipSchema, specOf } from './common.js';

export type SettingKey = (typeof SETTING_KEYS)[number];

/** One `Pengaturan` row. */
export interface SettingEntry {
  row: number;
  kunci: SettingKey;
  /** the number; 0 for a text key */
  nilai: number;
  /** the text of a text key (`Pola Nomor Sertifikat`; `NIP Asesor`: the NIPs joined by `, `) */
  teks?: string;
}

/** Keys whose `Nilai` is text, not a number. */
const TEXT_KEYS: ReadonlySet<SettingKey> = new Set([
  'Pola Nomor Sertifikat',
  'Instansi SIASN',
  'Lokasi SIASN',
]);

const weight = z.number().min(0).max(1);
/** `Bobot FGD`: at 5 an FGD's first rank multiplies a priority by 6; more would drown the measured gap */
export const MAX_BOBOT_FGD = 5;
/** `Bobot Kinerja`: the same bound as Bobot FGD, for the same reason */
export const MAX_BOBOT_KINERJA = 5;
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
    minimumKehadiran: z.number().min(0).max(1).exactOptional(),
    wajibPostTest: z.boolean().exactOptional(),
    polaSertifikat: z.string().min(1).exactOptional(),
    instansiSiasn: z.string().min(1).exactOptional(),
    lokasiSiasn: z.string().min(1).exactOptional(),
    batasJp: z.number().int().min(1).max(MAX_JP).exactOptional(),
    pesertaMinimum: z.number().int().min(1).exactOptional(),
    maksPegawaiOpd: z.number().gt(0).max(1).exactOptional(),
    bobotTargetJp: z.number().min(0).exactOptional(),
    bobotEkuitas: z.number().min(0).exactOptional(),
    bobotFgd: z.number().min(0).max(MAX_BOBOT_FGD).exactOptional(),
    bobotKinerja: z.number().min(0).max(MAX_BOBOT_KINERJA).exactOptional(),
    bobotBiaya: z.number().min(0).exactOptional(),
    asesor: z.array(nipSchema).exactOptional(),
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
    else if (e.kunci === 'Minimum Kehadiran') s.minimumKehadiran = e.nilai;
    else if (e.kunci === 'Wajib Post-test') s.wajibPostTest = e.nilai === 1;
    else if (e.kunci === 'Pola Nomor Sertifikat') {
      if (e.teks !== undefined) s.polaSertifikat = e.teks;
    } else if (e.kunci === 'Instansi SIASN') {
      if (e.teks !== undefined) s.instansiSiasn = e.teks;
    } else if (e.kunci === 'Lokasi SIASN') {
      if (e.teks !== undefined) s.lokasiSiasn = e.teks;
    } else if (e.kunci === 'Batas JP per ASN') s.batasJp = e.nilai;
    else if (e.kunci === 'Peserta Minimum') s.pesertaMinimum = e.nilai;
    else if (e.kunci === 'Maks Pegawai OPD Bersamaan') s.maksPegawaiOpd = e.nilai;
    else if (e.kunci === 'Bobot 20 JP') s.bobotTargetJp = e.nilai;
    else if (e.kunci === 'Bobot Ekuitas') s.bobotEkuitas = e.nilai;
    else if (e.kunci === 'Bobot FGD') s.bobotFgd = e.nilai;
    else if (e.kunci === 'Bobot Kinerja') s.bobotKinerja = e.nilai;
    else if (e.kunci === 'Bobot Biaya') s.bobotBiaya = e.nilai;
    else if (e.kunci === 'NIP Asesor') {
      if (e.teks !== undefined) s.asesor = e.teks.split(', ');
    } else s.targetJp = e.nilai;
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
  if (s.minimumKehadiran !== undefined)
    out.push({ row: 0, kunci: 'Minimum Kehadiran', nilai: s.minimumKehadiran });
  if (s.wajibPostTest !== undefined)
    out.push({ row: 0, kunci: 'Wajib Post-test', nilai: s.wajibPostTest ? 1 : 0 });
  if (s.polaSertifikat !== undefined)
    out.push({ row: 0, kunci: 'Pola Nomor Sertifikat', nilai: 0, teks: s.polaSertifikat });
  if (s.instansiSiasn !== undefined)
    out.push({ row: 0, kunci: 'Instansi SIASN', nilai: 0, teks: s.instansiSiasn });
  if (s.lokasiSiasn !== undefined) out.push({ row: 0, kunci: 'Lokasi SIASN', nilai: 0, teks: s.lokasiSiasn });
  if (s.batasJp !== undefined) out.push({ row: 0, kunci: 'Batas JP per ASN', nilai: s.batasJp });
  if (s.pesertaMinimum !== undefined) out.push({ row: 0, kunci: 'Peserta Minimum', nilai: s.pesertaMinimum });
  if (s.maksPegawaiOpd !== undefined)
    out.push({ row: 0, kunci: 'Maks Pegawai OPD Bersamaan', nilai: s.maksPegawaiOpd });
  if (s.bobotTargetJp !== undefined) out.push({ row: 0, kunci: 'Bobot 20 JP', nilai: s.bobotTargetJp });
  if (s.bobotEkuitas !== undefined) out.push({ row: 0, kunci: 'Bobot Ekuitas', nilai: s.bobotEkuitas });
  if (s.bobotFgd !== undefined) out.push({ row: 0, kunci: 'Bobot FGD', nilai: s.bobotFgd });
  if (s.bobotKinerja !== undefined) out.push({ row: 0, kunci: 'Bobot Kinerja', nilai: s.bobotKinerja });
  if (s.bobotBiaya !== undefined) out.push({ row: 0, kunci: 'Bobot Biaya', nilai: s.bobotBiaya });
  if (s.asesor !== undefined && s.asesor.length > 0)
    out.push({ row: 0, kunci: 'NIP Asesor', nilai: 0, teks: s.asesor.join(', ') });
  return out;
}

const YA_TIDAK: ReadonlyMap<string, number> = new Map([
  ['ya', 1],
  ['tidak', 0],
]);

const NOT_A_NUMBER = 'Nilai harus angka (desimal dengan koma atau titik, mis. 0,5)';

/**
 * `Nilai` accepts a percentage for weights (`50%` = 0.5) as well as a decimal; text that is no
 * number is kept as text for the text keys (the row function rejects it for the others).
 */
const nilaiCoercer: Coercer = (cell) => {
  const n = parseDecimal(cell, { percent: true });
  if (n !== undefined) return { ok: true, value: n };
  const t = cellText(cell);
  return typeof cell === 'string' && t !== '' ? { ok: true, value: t } : { ok: false, message: NOT_A_NUMBER };
};

/** The parts a certificate pattern may name. */
export const CERTIFICATE_FIELDS: readonly string[] = ['kode', 'tahun', 'urut', 'sesi'];

/** Why a certificate pattern cannot number certificates, or undefined. */
export function certificatePatternProblem(pattern: string): string | undefined {
  const unknown = [...pattern.matchAll(/\{([^}]*)\}/g)]
    .map((m) => m[1] ?? '')
    .filter((p) => !CERTIFICATE_FIELDS.includes(p));
  if (unknown.length > 0)
    return `Pola Nomor Sertifikat: bagian {${unknown[0]}} tidak dikenal; gunakan ${CERTIFICATE_FIELDS.map((f) => `{${f}}`).join(', ')}`;
  if (!pattern.includes('{urut}'))
    return 'Pola Nomor Sertifikat harus memuat {urut} agar setiap sertifikat bernomor lain';
  return undefined;
}

/**
 * `NIP Asesor`: NIPs separated by commas, semicolons or line breaks, each written as text. Read
 * from the raw cell: an 18-digit NIP read as a number has lost its last digits.
 */
function asesorNips(r: RowBuilder): string[] | undefined {
  const raw = r.raw('Nilai');
  const parts = typeof raw === 'string' ? raw.split(/[,;\n]/).map((p) => p.trim()) : [raw];
  const nips: string[] = [];
  for (const part of parts) {
    if (part === '') continue;
    const v = parseNipCell(part, 'NIP Asesor');
    if (!v.ok) {
      r.error('Nilai', v.message);
      return undefined;
    }
    if (!nips.includes(v.value)) nips.push(v.value);
  }
  if (nips.length === 0) r.error('Nilai', 'NIP Asesor harus berisi paling sedikit satu NIP');
  return nips;
}

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
      const raw = r.get<number | string>('Nilai');
      if (kunci !== undefined) r.unique('kunci', kunci, 'Kunci', 'Kunci');
      if (kunci === 'NIP Asesor') {
        const nips = raw === undefined ? undefined : asesorNips(r);
        if (r.errors.length > 0 || nips === undefined) return undefined;
        return { row: r.row, kunci, nilai: 0, teks: nips.join(', ') };
      }
      let teks: string | undefined;
      if (kunci !== undefined && TEXT_KEYS.has(kunci) && raw !== undefined) {
        teks = String(raw);
        const problem = kunci === 'Pola Nomor Sertifikat' ? certificatePatternProblem(teks) : undefined;
        if (problem) r.error('Nilai', problem);
      }
      // Wajib Post-test also reads Ya / Tidak
      const yaTidak =
        kunci === 'Wajib Post-test' && typeof raw === 'string'
          ? YA_TIDAK.get(normalizeHeader(raw))
          : undefined;
      if (typeof raw === 'string' && teks === undefined && yaTidak === undefined)
        r.error('Nilai', NOT_A_NUMBER);
      const nilai = typeof raw === 'number' ? raw : yaTidak;
      if (kunci !== undefined && nilai !== undefined && teks === undefined) {
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
        } else if (kunci === 'Minimum Kehadiran' && !(nilai > 0 && nilai <= 1)) {
          r.error('Nilai', 'Minimum Kehadiran harus lebih dari 0 dan paling banyak 1 (mis. 80% atau 0,8)');
        } else if (kunci === 'Wajib Post-test' && nilai !== 0 && nilai !== 1) {
          r.error('Nilai', 'Wajib Post-test harus 1 (ya) atau 0 (tidak)');
        } else if (
          kunci === 'Batas JP per ASN' &&
          !(Number.isInteger(nilai) && nilai >= 1 && nilai <= MAX_JP)
        ) {
          r.error(
            'Nilai',
            `Batas JP per ASN harus bilangan bulat 1–${MAX_JP.toLocaleString('id-ID')} (bawaan 60)`,
          );
        } else if (kunci === 'Peserta Minimum' && !(Number.isInteger(nilai) && nilai >= 1)) {
          r.error('Nilai', 'Peserta Minimum harus bilangan bulat 1 atau lebih (bawaan 10)');
        } else if (kunci === 'Maks Pegawai OPD Bersamaan' && !(nilai > 0 && nilai <= 1)) {
          r.error(
            'Nilai',
            'Maks Pegawai OPD Bersamaan harus lebih dari 0 dan paling banyak 1 (mis. 25% atau 0,25; bawaan 25%)',
          );
        } else if (
          (kunci === 'Bobot 20 JP' || kunci === 'Bobot Ekuitas' || kunci === 'Bobot Biaya') &&
          !(nilai >= 0 && nilai <= 1_000_000)
        ) {
          r.error('Nilai', `${kunci} harus angka 0 sampai 1.000.000`);
        } else if (kunci === 'Bobot FGD' && !(nilai >= 0 && nilai <= MAX_BOBOT_FGD)) {
          r.error(
            'Nilai',
            `Bobot FGD harus angka 0 sampai ${MAX_BOBOT_FGD} (bawaan 0,5; 0 = FGD tidak menaikkan prioritas)`,
          );
        } else if (kunci === 'Bobot Kinerja' && !(nilai >= 0 && nilai <= MAX_BOBOT_KINERJA)) {
          r.error(
            'Nilai',
            `Bobot Kinerja harus angka 0 sampai ${MAX_BOBOT_KINERJA} (bawaan 0,5; 0 = predikat kinerja tidak menaikkan prioritas)`,
          );
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
      if (r.errors.length > 0 || kunci === undefined) return undefined;
      if (teks !== undefined) return { row: r.row, kunci, nilai: 0, teks };
      if (nilai === undefined) return undefined;
      return { row: r.row, kunci, nilai };
    };
  },
  toCells: (e) => ({ Kunci: e.kunci, Nilai: e.teks ?? e.nilai }),
};
