/** `Riwayat Pelatihan`, `Katalog Pelatihan` and `Anggaran`. */
import { z } from 'zod';
import { bentukSpellings, JENIS_SERTIFIKAT, type JenisSertifikat } from '../bentuk.js';
import { enumTable, normalizeHeader, parseEnumCell, parseMoneyCell, parseNumberCell } from '../cells.js';
import { MAX_JP, SHEET } from '../sheet-specs.js';
import {
  BENTUK,
  type Budget,
  type Course,
  JENIS_ASN,
  KELOMPOK_JABATAN,
  type KelompokJabatan,
  MODA,
  type Moda,
  type SasaranJenisAsn,
  type TrainingRecord,
} from '../types.js';
import { NOT_IN_PEGAWAI } from './assessment.js';
import {
  type Coercer,
  cellOf,
  codeSchema,
  isoDateSchema,
  nipSchema,
  opt,
  type RowBuilder,
  refuseTotalOpdName,
  rowSchema,
  type SheetParser,
  specOf,
  textSchema,
} from './common.js';
import { codeAtStart } from './competency.js';

const bentukSchema = z.enum(BENTUK as [string, ...string[]]);

export const trainingRecordSchema = z
  .object({
    row: rowSchema,
    nip: nipSchema,
    namaPelatihan: textSchema,
    jp: z.number().positive(),
    mulai: isoDateSchema,
    selesai: isoDateSchema.exactOptional(),
    bentuk: bentukSchema.exactOptional(),
    nomorSertifikat: textSchema.exactOptional(),
    penyelenggara: textSchema.exactOptional(),
    sesi: textSchema.exactOptional(),
    dieksporSiasn: isoDateSchema.exactOptional(),
  })
  .refine((t) => t.selesai === undefined || t.selesai >= t.mulai, {
    path: ['selesai'],
    message: 'Tanggal Selesai tidak boleh sebelum Tanggal Mulai',
  });

export const courseSchema = z.object({
  row: rowSchema,
  kode: textSchema,
  judul: textSchema,
  kompetensi: z.array(codeSchema).min(1),
  jp: z.number().int().min(1),
  kapasitas: z.number().int().min(1),
  biaya: z.number().min(0),
  bentuk: bentukSchema.exactOptional(),
  hari: z.number().int().min(1),
  penyelenggara: textSchema.exactOptional(),
  moda: z.enum(MODA).exactOptional(),
  kodeSiasn: z.number().int().min(1).max(99).exactOptional(),
  jenisSertifikat: z.enum(JENIS_SERTIFIKAT).exactOptional(),
  sasaranJenisAsn: z.enum(JENIS_ASN).exactOptional(),
  sasaranJenisJabatan: z.array(z.enum(KELOMPOK_JABATAN)).min(1).exactOptional(),
  syarat: textSchema.exactOptional(),
  pesertaMinimum: z.number().int().min(1).exactOptional(),
  jenisRuang: textSchema.exactOptional(),
  biayaAngkatan: z.number().min(0).exactOptional(),
});

/** `Sasaran Jenis Jabatan` items: the groups, `JPT Pratama` read as `JPT`, case and spaces ignored. */
const JABATAN_GROUP_TABLE = enumTable(KELOMPOK_JABATAN, { 'JPT Pratama': 'JPT' });

export const budgetSchema = z.object({ row: rowSchema, opd: textSchema, pagu: z.number().min(0) });

/** Peraturan LAN 10/2018 forms; `KL1`, the name, or the code with its name are accepted for `KL01`. */
const BENTUK_CELLS = enumTable(BENTUK, bentukSpellings());
export const bentukCoercer: Coercer = (cell) =>
  parseEnumCell(
    cell,
    BENTUK_CELLS,
    'Bentuk harus KL01–KL12 (klasikal) atau NKL01–NKL13 (nonklasikal), Peraturan LAN 10/2018',
  );

export const moneyCoercer: Coercer = (cell, header) => parseMoneyCell(cell, header);

export const riwayatParser: SheetParser<TrainingRecord> = {
  spec: specOf(SHEET.riwayat),
  coerce: {
    JP: (cell) => {
      const n = parseNumberCell(cell, 'JP');
      if (!n.ok) return n;
      if (n.value <= 0) return { ok: false, message: 'JP harus lebih dari 0' };
      // 1e308 JP would sum to Infinity and "meet" the 20 JP a year
      if (n.value > MAX_JP)
        return { ok: false, message: `JP paling banyak ${MAX_JP.toLocaleString('id-ID')} per pelatihan` };
      return n;
    },
    Bentuk: bentukCoercer,
  },
  start(ctx) {
    return (r: RowBuilder) => {
      const nip = r.str('NIP');
      if (nip !== undefined && ctx.pegawaiNips && !ctx.pegawaiNips.has(nip)) r.error('NIP', NOT_IN_PEGAWAI);
      const mulai = r.str('Tanggal Mulai');
      const selesai = r.str('Tanggal Selesai');
      if (mulai !== undefined && selesai !== undefined && selesai < mulai) {
        r.error('Tanggal Selesai', 'Tanggal Selesai tidak boleh sebelum Tanggal Mulai');
      }
      const namaPelatihan = r.str('Nama Pelatihan');
      if (nip !== undefined && mulai !== undefined && namaPelatihan !== undefined) {
        r.unique(
          'riwayat',
          `${nip}\u0000${mulai}\u0000${normalizeHeader(namaPelatihan)}`,
          'Nama Pelatihan',
          'Riwayat (NIP, Tanggal Mulai, Nama Pelatihan)',
        );
      }
      const jp = r.num('JP');
      if (r.errors.length > 0 || !nip || !namaPelatihan || jp === undefined || !mulai) return undefined;
      const t: TrainingRecord = { row: r.row, nip, namaPelatihan, jp, mulai };
      if (selesai !== undefined) t.selesai = selesai;
      const bentuk = r.str('Bentuk');
      if (bentuk !== undefined) t.bentuk = bentuk;
      const nomorSertifikat = r.str('Nomor Sertifikat');
      if (nomorSertifikat !== undefined) t.nomorSertifikat = nomorSertifikat;
      const penyelenggara = r.str('Penyelenggara');
      if (penyelenggara !== undefined) t.penyelenggara = penyelenggara;
      const sesi = r.str('ID Sesi');
      if (sesi !== undefined) t.sesi = sesi;
      const diekspor = r.str('Diekspor SIASN');
      if (diekspor !== undefined) t.dieksporSiasn = diekspor;
      return t;
    };
  },
  toCells: (t) => ({
    NIP: t.nip,
    'Nama Pelatihan': t.namaPelatihan,
    JP: t.jp,
    'Tanggal Mulai': t.mulai,
    'Tanggal Selesai': cellOf(t.selesai),
    Bentuk: cellOf(t.bentuk),
    'Nomor Sertifikat': cellOf(t.nomorSertifikat),
    Penyelenggara: cellOf(t.penyelenggara),
    'ID Sesi': cellOf(t.sesi),
    'Diekspor SIASN': cellOf(t.dieksporSiasn),
  }),
};

/** `Semua` (everyone) is the same as an empty cell. */
function sasaranAsn(value: SasaranJenisAsn | undefined): Course['sasaranJenisAsn'] {
  return value === 'Semua' ? undefined : value;
}

export const katalogParser: SheetParser<Course> = {
  spec: specOf(SHEET.katalog),
  coerce: { 'Biaya per Peserta': moneyCoercer, 'Biaya per Angkatan': moneyCoercer, Bentuk: bentukCoercer },
  start(ctx) {
    return (r: RowBuilder) => {
      const kode = r.str('Kode');
      if (kode !== undefined) r.unique('kode', kode.toLowerCase(), 'Kode', 'Kode pelatihan');
      const items = r.get<string[]>('Kompetensi');
      const kompetensi: string[] = [];
      if (items !== undefined) {
        const unknown: string[] = [];
        for (const item of items) {
          const hit = codeAtStart(ctx.dictionary, item);
          if (!hit) unknown.push(item);
          else if (!kompetensi.includes(hit.kode)) kompetensi.push(hit.kode);
        }
        if (unknown.length > 0)
          r.error('Kompetensi', `Kode kompetensi tidak ada di Kamus Kompetensi: ${unknown.join(', ')}`);
        else if (kompetensi.length === 0) r.error('Kompetensi', 'Kompetensi wajib diisi');
      }
      const groupItems = r.get<string[]>('Sasaran Jenis Jabatan');
      const sasaranJenisJabatan: KelompokJabatan[] = [];
      if (groupItems !== undefined) {
        const unknown: string[] = [];
        for (const item of groupItems) {
          const hit = JABATAN_GROUP_TABLE.get(normalizeHeader(item)) as KelompokJabatan | undefined;
          if (hit === undefined) unknown.push(item);
          else if (!sasaranJenisJabatan.includes(hit)) sasaranJenisJabatan.push(hit);
        }
        if (unknown.length > 0)
          r.error(
            'Sasaran Jenis Jabatan',
            `Kelompok jabatan tidak dikenal: ${unknown.join(', ')}; gunakan ${KELOMPOK_JABATAN.join(', ')}`,
          );
      }
      const syarat = r.str('Syarat');
      if (syarat !== undefined && kode !== undefined && syarat.toLowerCase() === kode.toLowerCase())
        r.error('Syarat', 'Syarat tidak boleh pelatihan itu sendiri');
      const judul = r.str('Judul');
      const jp = r.num('JP');
      const kapasitas = r.num('Kapasitas');
      const minimum = r.num('Peserta Minimum');
      if (minimum !== undefined && kapasitas !== undefined && minimum > kapasitas)
        r.error('Peserta Minimum', `Peserta Minimum ${minimum} melebihi Kapasitas ${kapasitas}`);
      const biaya = r.num('Biaya per Peserta');
      if (
        r.errors.length > 0 ||
        !kode ||
        !judul ||
        jp === undefined ||
        kapasitas === undefined ||
        biaya === undefined
      ) {
        return undefined;
      }
      return {
        row: r.row,
        kode,
        judul,
        kompetensi,
        jp,
        kapasitas,
        biaya,
        ...opt('bentuk', r.str('Bentuk')),
        hari: r.num('Hari') ?? 1,
        ...opt('penyelenggara', r.str('Penyelenggara')),
        ...opt('moda', r.get<Moda>('Moda')),
        ...opt('kodeSiasn', r.num('Kode SIASN')),
        ...opt('jenisSertifikat', r.get<JenisSertifikat>('Jenis Sertifikat')),
        ...opt('sasaranJenisAsn', sasaranAsn(r.get<SasaranJenisAsn>('Sasaran Jenis ASN'))),
        ...(sasaranJenisJabatan.length > 0 ? { sasaranJenisJabatan } : {}),
        ...opt('syarat', syarat),
        ...opt('pesertaMinimum', r.num('Peserta Minimum')),
        ...opt('jenisRuang', r.str('Jenis Ruang')),
        ...opt('biayaAngkatan', r.num('Biaya per Angkatan')),
      };
    };
  },
  toCells: (c) => ({
    Kode: c.kode,
    Judul: c.judul,
    Kompetensi: c.kompetensi.join(', '),
    JP: c.jp,
    Kapasitas: c.kapasitas,
    'Biaya per Peserta': c.biaya,
    Bentuk: cellOf(c.bentuk),
    Hari: c.hari,
    Penyelenggara: cellOf(c.penyelenggara),
    Moda: cellOf(c.moda),
    'Kode SIASN': cellOf(c.kodeSiasn),
    'Jenis Sertifikat': cellOf(c.jenisSertifikat),
    'Sasaran Jenis ASN': cellOf(c.sasaranJenisAsn),
    'Sasaran Jenis Jabatan': cellOf(c.sasaranJenisJabatan?.join(', ')),
    Syarat: cellOf(c.syarat),
    'Peserta Minimum': cellOf(c.pesertaMinimum),
    'Jenis Ruang': cellOf(c.jenisRuang),
    'Biaya per Angkatan': cellOf(c.biayaAngkatan),
  }),
};

export const anggaranParser: SheetParser<Budget> = {
  spec: specOf(SHEET.anggaran),
  coerce: { Pagu: moneyCoercer },
  start() {
    return (r: RowBuilder) => {
      const opd = r.str('OPD');
      refuseTotalOpdName(r, 'OPD', opd);
      if (opd !== undefined) r.unique('opd', normalizeHeader(opd), 'OPD', 'OPD');
      const pagu = r.num('Pagu');
      if (r.errors.length > 0 || !opd || pagu === undefined) return undefined;
      return { row: r.row, opd, pagu };
    };
  },
  toCells: (b) => ({ OPD: b.opd, Pagu: b.pagu }),
};
