/** `Pegawai`: one row per ASN. */
import { z } from 'zod';
import { validateNip } from '../nip.js';
import { SHEET } from '../sheet-specs.js';
import { type Employee, JENIS_ASN, JENIS_JABATAN, type JenisAsn, type JenisJabatan } from '../types.js';
import {
  cellOf,
  nipSchema,
  opt,
  type RowBuilder,
  refuseTotalOpdName,
  rowSchema,
  type SheetParser,
  specOf,
  textSchema,
} from './common.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const employeeSchema = z
  .object({
    row: rowSchema,
    nip: nipSchema,
    nama: textSchema,
    jenisAsn: z.enum(JENIS_ASN),
    opd: textSchema,
    jabatan: textSchema,
    jenisJabatan: z.enum(JENIS_JABATAN).exactOptional(),
    email: z.string().regex(EMAIL, 'Email tidak valid').exactOptional(),
    nipAtasan: nipSchema.exactOptional(),
  })
  .superRefine((e, ctx) => {
    for (const message of validateNip(e.nip, e.jenisAsn))
      ctx.addIssue({ code: 'custom', path: ['nip'], message });
  });

export const pegawaiParser: SheetParser<Employee> = {
  spec: specOf(SHEET.pegawai),
  start() {
    return (r: RowBuilder) => {
      const nip = r.str('NIP');
      const jenisAsn = r.get<JenisAsn>('Jenis ASN');
      if (nip !== undefined) {
        for (const message of validateNip(nip, jenisAsn)) r.error('NIP', message);
        r.unique('nip', nip, 'NIP', 'NIP');
      }
      const email = r.str('Email');
      if (email !== undefined && !EMAIL.test(email))
        r.error('Email', 'Email tidak valid, mis. nama@sawahluntokota.go.id');
      const nipAtasan = r.str('NIP Atasan');
      if (nipAtasan !== undefined && nipAtasan === nip)
        r.error('NIP Atasan', 'NIP Atasan tidak boleh sama dengan NIP pegawai');
      const nama = r.str('Nama');
      const opd = r.str('OPD');
      refuseTotalOpdName(r, 'OPD', opd);
      const jabatan = r.str('Jabatan');
      if (r.errors.length > 0 || !nip || !nama || !jenisAsn || !opd || !jabatan) return undefined;
      return {
        row: r.row,
        nip,
        nama,
        jenisAsn,
        opd,
        jabatan,
        ...opt('jenisJabatan', r.get<JenisJabatan>('Jenis Jabatan')),
        ...opt('email', email),
        ...opt('nipAtasan', nipAtasan),
      };
    };
  },
  toCells: (e) => ({
    NIP: e.nip,
    Nama: e.nama,
    'Jenis ASN': e.jenisAsn,
    OPD: e.opd,
    Jabatan: e.jabatan,
    'Jenis Jabatan': cellOf(e.jenisJabatan),
    Email: cellOf(e.email),
    'NIP Atasan': cellOf(e.nipAtasan),
  }),
};
