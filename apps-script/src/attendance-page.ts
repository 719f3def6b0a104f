/**
 * Halaman Presensi: the sheet `Presensi Sesi` to print or show at each session, one row per
 * session of `Jadwal` still to come or running: its time and place, the link to the Presensi
 * Pelatihan form with its ID Sesi filled in, and that link as a QR code (an image over the
 * grid, drawn here: no outside service sees the link). Participants scan it each day; the
 * answer becomes their Daftar Hadir row of that day (attendance-forms.ts). Rewritten whole on
 * every run: the old rows and images go.
 */
import qrcode from 'qrcode-generator';
import { DateConverter, timeZone } from './cells.js';
import { getOrCreateSheet, type Spreadsheet, spreadsheet, tell, writeTable } from './gas.js';
import { allDay, endOf, finder, prefilledLink, readSessions, tanggal } from './sessions.js';

export const PRESENSI_SHEET = 'Presensi Sesi';
export const PRESENSI_HEADER = [
  'ID Sesi',
  'Judul',
  'Mulai',
  'Selesai',
  'Lokasi',
  'Tautan Presensi',
  'Kode QR',
] as const;
const QR_COLUMN = PRESENSI_HEADER.indexOf('Kode QR') + 1;
/** pixels per QR module, and the quiet zone in modules (4, as the QR standard asks) */
const MODULE_PX = 3;
const QUIET_ZONE = 4;

export interface AttendancePage {
  /** false: the Presensi Pelatihan form is missing, nothing was written */
  ditulis: boolean;
  sesi: number;
  /** Bahasa Indonesia */
  catatan: string[];
}

export function halamanPresensi(): void {
  const r = writeAttendancePage(spreadsheet(), new Date());
  tell(
    [
      !r.ditulis
        ? `Lembar "${PRESENSI_SHEET}" tidak ditulis.`
        : r.sesi > 0
          ? `Lembar "${PRESENSI_SHEET}" berisi ${r.sesi} sesi dengan tautan dan kode QR presensi. Cetak atau tampilkan di tempat pelatihan; peserta memindainya setiap hari sesi.`
          : `Tidak ada sesi mendatang atau yang sedang berjalan di lembar Jadwal; lembar "${PRESENSI_SHEET}" dikosongkan.`,
      ...r.catatan,
    ].join('\n\n'),
  );
}

export function writeAttendancePage(ss: Spreadsheet, now: Date): AttendancePage {
  const link = prefilledLink('presensi', ['ID Sesi']);
  if (!link)
    return {
      ditulis: false,
      sesi: 0,
      catatan: ['Formulir Presensi Pelatihan belum ada: jalankan menu Bangkom › Buat Formulir dahulu.'],
    };
  const dates = new DateConverter(timeZone());
  const nowSerial = dates.serial(now);
  const catatan: string[] = [];
  const sessions = readSessions(finder(ss), dates, catatan)
    .filter((s) => endOf(s) > nowSerial)
    .sort((a, b) => a.mulai - b.mulai || (a.id < b.id ? -1 : 1));
  const sheet = getOrCreateSheet(ss, PRESENSI_SHEET);
  for (const image of sheet.getImages()) image.remove();
  const links = sessions.map((s) => link([s.id]));
  writeTable(
    sheet,
    PRESENSI_HEADER,
    sessions.map((s, i) => [
      s.id,
      s.judul,
      tanggal(s.mulai, !allDay(s)),
      tanggal(s.selesai, !allDay(s)),
      s.lokasi,
      links[i] ?? '',
      '',
    ]),
    sheet.getLastRow(),
  );
  sheet.setFrozenRows(1);
  let widest = 0;
  sessions.forEach((s, i) => {
    const { bytes, size } = qrGif(links[i] ?? '');
    const blob = Utilities.newBlob(bytes, 'image/gif', `presensi-${s.id}.gif`);
    sheet.insertImage(blob, QR_COLUMN, i + 2).setAltTextTitle(`Kode QR presensi sesi ${s.id}`);
    sheet.setRowHeight(i + 2, size + 8);
    widest = Math.max(widest, size);
  });
  if (widest > 0) sheet.setColumnWidth(QR_COLUMN, widest + 8);
  return { ditulis: true, sesi: sessions.length, catatan };
}

/** The link as a QR code GIF (error correction M), and its width in pixels. */
export function qrGif(text: string): { bytes: number[]; size: number } {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const url = qr.createDataURL(MODULE_PX, QUIET_ZONE * MODULE_PX);
  const base64 = url.slice(url.indexOf(',') + 1);
  return {
    bytes: Utilities.base64Decode(base64),
    size: (qr.getModuleCount() + 2 * QUIET_ZONE) * MODULE_PX,
  };
}
