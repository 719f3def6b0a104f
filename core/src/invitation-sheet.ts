/**
 * `Undangan`: the record of invitations sent, one row per session and NIP, written by the Apps
 * Script's Kirim Undangan (apps-script/src/invite.ts) and read by the core: a session with an
 * invitation out counts as announced when re-planning (./announced.ts). The columns are the
 * ones the script has always written; the core reads `ID Sesi`, `NIP`, `Status` and `Dikirim`.
 */
import type { ColumnSpec, SheetSpec } from './sheet-specs.js';

export const UNDANGAN_SHEET = 'Undangan';

/** The first columns, in the order Kirim Undangan writes them. */
export const UNDANGAN_HEADER = ['ID Sesi', 'NIP', 'Email', 'Dikirim', 'ID Acara', 'Pengingat L3'] as const;

/**
 * Columns added later (right of the first ones): what each participant was last told, so a
 * changed or cancelled session is announced once and its calendar event updated, never duplicated.
 */
export const UNDANGAN_STATE_HEADER = [
  'Status',
  'Mulai Diundang',
  'Selesai Diundang',
  'Lokasi Diundang',
  'Pengingat',
  'Keterangan',
] as const;

/** Values of Undangan's Status column (empty, in rows older than the column: invited). */
export const UNDANGAN_STATUS = {
  diundang: 'Diundang',
  dibatalkan: 'Dibatalkan',
  tidakHadir: 'Tidak Hadir',
  gagal: 'Gagal',
} as const;
export const STATUS_UNDANGAN = [
  UNDANGAN_STATUS.diundang,
  UNDANGAN_STATUS.dibatalkan,
  UNDANGAN_STATUS.tidakHadir,
  UNDANGAN_STATUS.gagal,
] as const;
export type StatusUndangan = (typeof STATUS_UNDANGAN)[number];

const NOTES: Record<(typeof UNDANGAN_HEADER)[number] | (typeof UNDANGAN_STATE_HEADER)[number], string> = {
  'ID Sesi': 'ID sesi.',
  NIP: 'NIP peserta.',
  Email: 'Alamat tujuan.',
  Dikirim: 'Waktu email undangan dikirim.',
  'ID Acara': 'ID acara Google Calendar sesi ini.',
  'Pengingat L3': 'Waktu pengingat evaluasi perilaku (90 hari setelah sesi) dikirim ke atasan.',
  Status:
    'Diundang; Dibatalkan (sesi dihapus atau peserta dikeluarkan dari jadwal, sudah diberi tahu); Tidak Hadir (peserta menolak, kursinya diberikan ke daftar tunggu); Gagal (email ditolak: perbaiki Email di lembar Pegawai). Sesi dengan undangan Diundang atau Tidak Hadir dianggap sudah diumumkan: penyusunan ulang jadwal tidak memindahkannya.',
  'Mulai Diundang': 'Waktu mulai yang terakhir diberitahukan kepada peserta.',
  'Selesai Diundang': 'Waktu selesai yang terakhir diberitahukan kepada peserta.',
  'Lokasi Diundang': 'Lokasi yang terakhir diberitahukan kepada peserta.',
  Pengingat: 'Pengingat yang sudah dikirim (mis. H-3, H-1).',
  Keterangan: 'Perubahan terakhir yang diberitahukan, atau alasan gagal.',
};

const KIND: Partial<Record<keyof typeof NOTES, Partial<ColumnSpec>>> = {
  'ID Sesi': { required: true },
  NIP: { required: true, kind: 'nip' },
  Dikirim: { kind: 'timestamp' },
  'Pengingat L3': { kind: 'timestamp' },
  Status: { kind: 'enum', values: STATUS_UNDANGAN },
};

/**
 * Only `ID Sesi` and `NIP` are required: the sheet is written by the script, and a re-plan needs
 * no more than who was invited to which session.
 */
export const UNDANGAN_SPEC: SheetSpec = {
  name: UNDANGAN_SHEET,
  optional: true,
  note: 'Catatan undangan yang sudah dikirim (diisi otomatis oleh Kirim Undangan; jangan diubah). Sesi yang undangannya sudah terkirim tidak dipindah saat jadwal disusun ulang.',
  columns: [...UNDANGAN_HEADER, ...UNDANGAN_STATE_HEADER].map((header) => ({
    header,
    required: false,
    kind: 'text',
    note: NOTES[header],
    ...KIND[header],
  })),
};
