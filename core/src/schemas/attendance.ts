/** `Daftar Hadir`: attendance per session day and participant (and the invitation answers). */
import { z } from 'zod';
import { normalizeHeader } from '../cells.js';
import { SHEET } from '../sheet-specs.js';
import { type AttendanceRecord, STATUS_HADIR, type StatusHadir } from '../types.js';
import { NOT_IN_PEGAWAI } from './assessment.js';
import {
  cellOf,
  isoDateSchema,
  nipSchema,
  opt,
  type RowBuilder,
  rowSchema,
  type SheetParser,
  specOf,
  textSchema,
} from './common.js';

export const attendanceSchema = z.object({
  row: rowSchema,
  sesi: textSchema,
  kode: textSchema,
  tanggal: isoDateSchema.exactOptional(),
  nip: nipSchema,
  status: z.enum(STATUS_HADIR),
  keterangan: textSchema.exactOptional(),
});

export const daftarHadirParser: SheetParser<AttendanceRecord> = {
  spec: specOf(SHEET.hadir),
  start(ctx) {
    return (r: RowBuilder) => {
      const sesi = r.str('ID Sesi');
      const kode = r.str('Kode');
      const tanggal = r.str('Tanggal');
      const nip = r.str('NIP');
      const status = r.get<StatusHadir>('Status');
      // a certificate follows from these rows: only the Pemkot's own ASN get one
      if (nip !== undefined && ctx.pegawaiNips && !ctx.pegawaiNips.has(nip)) r.error('NIP', NOT_IN_PEGAWAI);
      if (sesi !== undefined && nip !== undefined) {
        r.unique(
          'hadir',
          `${normalizeHeader(sesi)}\u0000${tanggal ?? ''}\u0000${nip}`,
          tanggal === undefined ? 'NIP' : 'Tanggal',
          tanggal === undefined
            ? 'Konfirmasi kehadiran (ID Sesi, NIP tanpa Tanggal)'
            : 'Kehadiran (ID Sesi, Tanggal, NIP)',
        );
      }
      if (r.errors.length > 0 || !sesi || !kode || !nip || !status) return undefined;
      return {
        row: r.row,
        sesi,
        kode,
        ...opt('tanggal', tanggal),
        nip,
        status,
        ...opt('keterangan', r.str('Keterangan')),
      };
    };
  },
  toCells: (a) => ({
    'ID Sesi': a.sesi,
    Kode: a.kode,
    Tanggal: cellOf(a.tanggal),
    NIP: a.nip,
    Status: a.status,
    Keterangan: cellOf(a.keterangan),
  }),
};
