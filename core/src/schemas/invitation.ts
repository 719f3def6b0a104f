/** `Undangan` (written by Kirim Undangan): who was invited to which session, and the outcome. */
import { z } from 'zod';
import { normalizeHeader } from '../cells.js';
import { STATUS_UNDANGAN, type StatusUndangan } from '../invitation-sheet.js';
import { SHEET } from '../sheet-specs.js';
import type { InvitationRecord } from '../types.js';
import {
  cellOf,
  isoTimestampSchema,
  nipSchema,
  opt,
  type RowBuilder,
  rowSchema,
  type SheetParser,
  specOf,
  textSchema,
} from './common.js';

export const invitationSchema = z.object({
  row: rowSchema,
  sesi: textSchema,
  nip: nipSchema,
  status: z.enum(STATUS_UNDANGAN).exactOptional(),
  dikirim: isoTimestampSchema.exactOptional(),
});

/**
 * The participant's NIP is not checked against Pegawai: an invitation sent stays a fact after
 * the ASN left. One row per session and NIP (Kirim Undangan updates its row in place).
 */
export const undanganParser: SheetParser<InvitationRecord> = {
  spec: specOf(SHEET.undangan),
  start() {
    return (r: RowBuilder) => {
      const sesi = r.str('ID Sesi');
      const nip = r.str('NIP');
      if (sesi !== undefined && nip !== undefined)
        r.unique('undangan', `${normalizeHeader(sesi)}\u0000${nip}`, 'NIP', 'Undangan (ID Sesi, NIP)');
      if (r.errors.length > 0 || !sesi || !nip) return undefined;
      return {
        row: r.row,
        sesi,
        nip,
        ...opt('status', r.get<StatusUndangan>('Status')),
        ...opt('dikirim', r.str('Dikirim')),
      };
    };
  },
  toCells: (u) => ({
    'ID Sesi': u.sesi,
    NIP: u.nip,
    Dikirim: cellOf(u.dikirim?.replace('T', ' ')),
    Status: cellOf(u.status),
  }),
};
