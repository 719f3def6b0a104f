/**
 * The staff's planning workbook (`out/rencana-bkpsdm.xlsx`): everything per person that must
 * not reach leaders: the participant lists, each ASN's plan and the optimisation's figures
 * (schedule-sheets.ts). Its first sheet says that it holds personal data (UU 27/2022 tentang
 * Pelindungan Data Pribadi) and who may see it.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ScheduleReport, TopicInterest, waitingList } from '@bangkom/core';
import ExcelJS from 'exceljs';
import { addEquitySheet, type EquityList } from './equity-sheet.js';
import { addReplanSheet, type ReplanSheetInput } from './replan-sheet.js';
import { addScheduleSheets, fitRowHeight, listPrintSetup, SHEET_FONT } from './schedule-sheets.js';
import { addTopicInterestSheet } from './topic-interest-sheet.js';
import { addWaitingSheet } from './waiting-sheet.js';

export const SHEET_DATA_PRIBADI = 'Data Pribadi';

export interface StaffWorkbookInput {
  schedule?: ScheduleReport;
  generatedAt: Date;
  tenant?: string;
  /** why no schedule was planned, Bahasa Indonesia */
  scheduleError?: string;
  /** the ASN with no training in the last N years, by name (`ASN Tanpa Pelatihan`) */
  equity?: EquityList;
  /** the needs survey's Topik answers per OPD (`Minat Topik per OPD`), when anyone answered */
  topics?: TopicInterest;
  /** who is next in line for each session (`Daftar Tunggu`), with the schedule */
  daftarTunggu?: ReturnType<typeof waitingList>;
  /** what the re-plan changed against the stored schedule (`Perubahan Jadwal`), when it was one */
  perubahan?: ReplanSheetInput;
}

export interface WrittenStaffWorkbook {
  path: string;
  sheets: string[];
}

function wib(d: Date): string {
  return new Intl.DateTimeFormat('id-ID', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Asia/Jakarta',
  }).format(d);
}

/** The notice every reader sees first. */
export function dataPribadiLines(input: StaffWorkbookInput): string[] {
  return [
    'DATA PRIBADI: TERBATAS UNTUK BKPSDM',
    'Buku kerja ini memuat data pribadi ASN (NIP, nama, rencana pelatihan perorangan, daftar peserta) ' +
      'yang dilindungi Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi.',
    'Yang boleh melihat: petugas BKPSDM yang mengelola pengembangan kompetensi ASN, dan atasan langsung ' +
      'hanya untuk data ASN yang dipimpinnya, sebatas keperluan tugas.',
    'Jangan dibagikan kepada pihak lain, jangan diunggah ke folder bersama atau publik, dan hapus salinan ' +
      'yang tidak diperlukan lagi. Pimpinan menerima ringkasan-pimpinan.xlsx, yang hanya berisi angka agregat.',
    `Disusun ${wib(input.generatedAt)} WIB${input.tenant ? ` · ${input.tenant}` : ''}.`,
    ...(input.schedule
      ? []
      : [`Belum ada jadwal pelatihan${input.scheduleError ? `: ${input.scheduleError}` : '.'}`]),
  ];
}

export function buildStaffWorkbook(input: StaffWorkbookInput): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'bangkom';
  wb.created = input.generatedAt;
  wb.modified = input.generatedAt;
  const ws = wb.addWorksheet(SHEET_DATA_PRIBADI, { views: [{ showGridLines: false }] });
  listPrintSetup(ws, 'DATA PRIBADI: TERBATAS UNTUK BKPSDM', 'portrait');
  ws.getColumn(1).width = 100;
  dataPribadiLines(input).forEach((text, i) => {
    const row = ws.getRow(i + 1);
    const cell = row.getCell(1);
    cell.value = text;
    cell.font =
      i === 0
        ? { name: SHEET_FONT, size: 14, bold: true, color: { argb: 'FFC62828' } }
        : { name: SHEET_FONT, size: 11 };
    cell.alignment = { wrapText: true, vertical: 'top' };
    fitRowHeight(row);
  });
  if (input.schedule) addScheduleSheets(wb, input.schedule);
  if (input.daftarTunggu) addWaitingSheet(wb, input.daftarTunggu);
  if (input.perubahan) addReplanSheet(wb, input.perubahan);
  if (input.equity) addEquitySheet(wb, input.equity);
  if (input.topics && input.topics.rows.length > 0) addTopicInterestSheet(wb, input.topics);
  return wb;
}

export async function writeStaffWorkbook(
  path: string,
  input: StaffWorkbookInput,
): Promise<WrittenStaffWorkbook> {
  const wb = buildStaffWorkbook(input);
  await mkdir(dirname(path), { recursive: true });
  await wb.xlsx.writeFile(path);
  return { path, sheets: wb.worksheets.map((w) => w.name) };
}
