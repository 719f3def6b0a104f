/**
 * The year's completed courses in the fields of SIASN's riwayat kursus service (BKN), one row
 * per person and course, from `Riwayat Pelatihan` (docs/rumus.md, *Ekspor SIASN*).
 *
 * A row that cannot be exported is listed with its reason and left out; a row already exported
 * (`Diekspor SIASN`) is skipped unless `semua`. jenisDiklatId comes from the catalogue's
 * `Kode SIASN` of the course, else from Bentuk (bentuk.ts); jenisKursusSertipikat from the
 * catalogue's `Jenis Sertifikat`, else from the jenisDiklatId.
 */
import { z } from 'zod';
import { BENTUK_TABLE, bentukInfo, JENIS_SERTIFIKAT, type JenisSertifikat, sertifikatOf } from './bentuk.js';
import { isRealDate, normalizeHeader } from './cells.js';
import { compareNip } from './gaps.js';
import type { Course, ProgramData, TrainingRecord } from './types.js';

/** The export's columns, in file order. */
export const SIASN_FIELDS = [
  'pnsOrangId',
  'nipBaru',
  'instansiId',
  'jenisDiklatId',
  'jenisKursus',
  'jenisKursusSertipikat',
  'namaKursus',
  'institusiPenyelenggara',
  'jumlahJam',
  'tanggalKursus',
  'tanggalSelesaiKursus',
  'tahunKursus',
  'nomorSertipikat',
  'lokasiId',
] as const;

export interface SiasnRow {
  pnsOrangId: string;
  nipBaru: string;
  instansiId: string;
  jenisDiklatId: number;
  jenisKursus: string;
  jenisKursusSertipikat: JenisSertifikat;
  namaKursus: string;
  institusiPenyelenggara: string;
  jumlahJam: number;
  tanggalKursus: string;
  tanggalSelesaiKursus: string;
  tahunKursus: number;
  nomorSertipikat: string;
  lokasiId: string;
}

const DMY = /^(\d{2})-(\d{2})-(\d{4})$/;
const dmyDate = z
  .string()
  .regex(DMY, 'tanggal harus dd-mm-yyyy')
  .refine((s) => {
    const [, d, m, y] = DMY.exec(s) ?? [];
    return isRealDate(Number(y), Number(m), Number(d));
  }, 'tanggal tidak ada di kalender');
const ymd = (dmy: string) => dmy.split('-').reverse().join('-');

/** The field rules of the service: every exported row passes these. */
export const siasnRowSchema = z
  .object({
    pnsOrangId: z.string(),
    nipBaru: z.string().regex(/^\d{18}$/),
    instansiId: z.string(),
    jenisDiklatId: z.number().int().min(1),
    jenisKursus: z.string().min(1),
    jenisKursusSertipikat: z.enum(JENIS_SERTIFIKAT),
    namaKursus: z.string().min(1),
    institusiPenyelenggara: z.string().min(1),
    jumlahJam: z.number().int().min(1),
    tanggalKursus: dmyDate,
    tanggalSelesaiKursus: dmyDate,
    tahunKursus: z.number().int().min(1900).max(2100),
    nomorSertipikat: z.string().min(1),
    lokasiId: z.string(),
  })
  .strict()
  .refine((r) => ymd(r.tanggalSelesaiKursus) >= ymd(r.tanggalKursus), 'selesai sebelum mulai')
  .refine(
    (r) =>
      Number(r.tanggalKursus.slice(6)) === r.tahunKursus &&
      Number(r.tanggalSelesaiKursus.slice(6)) === r.tahunKursus,
    'tanggal di luar tahunKursus',
  );

/** A Riwayat row left out of the file. */
export interface SiasnLeftOut {
  /** sheet row of Riwayat Pelatihan (0: a row made from Daftar Hadir in this run) */
  row: number;
  nip: string;
  namaPelatihan: string;
  /** Bahasa Indonesia */
  alasan: string;
}

export interface SiasnExport {
  tahun: number;
  rows: SiasnRow[];
  /** the Riwayat records behind `rows`, in the same order (to mark them exported) */
  sources: TrainingRecord[];
  tidakDiekspor: SiasnLeftOut[];
  /** rows of the year exported before (`Diekspor SIASN`), not written again */
  sudahDiekspor: number;
}

export interface SiasnOptions {
  tahun: number;
  /** write rows already exported too */
  semua?: boolean;
}

const dmy = (iso: string) => iso.split('-').reverse().join('-');
const NAME_OF_ID = new Map(BENTUK_TABLE.map((b) => [b.jenisDiklatId, b.nama] as const));

export function siasnExport(data: ProgramData, options: SiasnOptions): SiasnExport {
  const { tahun } = options;
  const employees = new Set(data.employees.map((e) => e.nip));
  const byTitle = new Map<string, Course>();
  for (const c of data.courses)
    if (!byTitle.has(normalizeHeader(c.judul))) byTitle.set(normalizeHeader(c.judul), c);
  const bySesi = new Map<string, Course>();
  const byKode = new Map(data.courses.map((c) => [c.kode.toLowerCase(), c] as const));
  for (const a of data.attendance) {
    const c = byKode.get(a.kode.toLowerCase());
    if (c && !bySesi.has(a.sesi)) bySesi.set(a.sesi, c);
  }
  const instansiId = data.settings.instansiSiasn ?? '';
  const lokasiId = data.settings.lokasiSiasn ?? '';

  const out: SiasnExport = { tahun, rows: [], sources: [], tidakDiekspor: [], sudahDiekspor: 0 };
  const year = String(tahun);
  const records = data.trainings
    .filter((t) => t.mulai.startsWith(year) || (t.selesai ?? t.mulai).startsWith(year))
    .sort((a, b) => compareNip(a.nip, b.nip) || a.mulai.localeCompare(b.mulai) || a.row - b.row);
  for (const t of records) {
    if (t.dieksporSiasn !== undefined && !options.semua) {
      out.sudahDiekspor++;
      continue;
    }
    const course =
      (t.sesi !== undefined ? bySesi.get(t.sesi) : undefined) ??
      byTitle.get(normalizeHeader(t.namaPelatihan));
    const selesai = t.selesai ?? t.mulai;
    const info = bentukInfo(t.bentuk ?? course?.bentuk);
    const jenisDiklatId = course?.kodeSiasn ?? info?.jenisDiklatId;
    const penyelenggara = t.penyelenggara ?? course?.penyelenggara;
    const reasons: string[] = [];
    if (!employees.has(t.nip)) reasons.push('NIP tidak terdaftar di lembar Pegawai');
    if (jenisDiklatId === undefined)
      reasons.push(
        'Bentuk kosong (dan Katalog tidak memberi Kode SIASN): jenisDiklatId tidak dapat ditentukan',
      );
    if (t.nomorSertifikat === undefined) reasons.push('Nomor Sertifikat kosong');
    if (!(t.jp >= 1) || !Number.isInteger(t.jp))
      reasons.push(`JP ${t.jp.toLocaleString('id-ID')} bukan bilangan bulat 1 atau lebih (jumlahJam SIASN)`);
    if (!t.mulai.startsWith(year) || !selesai.startsWith(year))
      reasons.push(`tanggal ${dmy(t.mulai)} s.d. ${dmy(selesai)} di luar tahun ${tahun}`);
    if (penyelenggara === undefined) reasons.push('Penyelenggara kosong (di Riwayat maupun Katalog)');
    if (
      reasons.length > 0 ||
      jenisDiklatId === undefined ||
      t.nomorSertifikat === undefined ||
      !penyelenggara
    ) {
      out.tidakDiekspor.push({
        row: t.row,
        nip: t.nip,
        namaPelatihan: t.namaPelatihan,
        alasan: reasons.join('; '),
      });
      continue;
    }
    out.rows.push({
      pnsOrangId: '',
      nipBaru: t.nip,
      instansiId,
      jenisDiklatId,
      jenisKursus: NAME_OF_ID.get(jenisDiklatId) ?? info?.nama ?? 'lainnya',
      jenisKursusSertipikat: course?.jenisSertifikat ?? sertifikatOf(jenisDiklatId),
      namaKursus: t.namaPelatihan,
      institusiPenyelenggara: penyelenggara,
      jumlahJam: t.jp,
      tanggalKursus: dmy(t.mulai),
      tanggalSelesaiKursus: dmy(selesai),
      tahunKursus: tahun,
      nomorSertipikat: t.nomorSertifikat,
      lokasiId,
    });
    out.sources.push(t);
  }
  return out;
}
