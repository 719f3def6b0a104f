/**
 * `Daftar Tunggu` of the program spreadsheet (staff only: it names ASN by NIP): per session,
 * who is next in line when a participant answers "Tidak Hadir". Kirim Undangan reads it,
 * invites the first one still free, and fills Status and Keterangan so staff see who took
 * whose seat. Rewritten with every schedule.
 */
import {
  DAFTAR_TUNGGU_HEADER,
  OUTPUT_SHEET,
  type ProgramData,
  type ScheduleReport,
  waitingList,
  waitingRow,
} from '@bangkom/core';
import type { SheetWrite } from '../adapters/sheets.js';

export function daftarTungguSheet(report: ScheduleReport, data: ProgramData): SheetWrite {
  return {
    title: OUTPUT_SHEET.daftarTunggu,
    rows: [[...DAFTAR_TUNGGU_HEADER], ...waitingList(report, data).map((w) => [...waitingRow(w), '', ''])],
  };
}
