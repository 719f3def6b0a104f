/**
 * `Minat Topik per OPD` in the staff's workbook: the needs survey's Topik answers counted per OPD
 * and competency (core/src/topic-interest.ts), with the OPD's FGD rank beside each count. The
 * same columns the Cloud Functions write into the program spreadsheet.
 */
import { MINAT_TOPIK_HEADER, OUTPUT_SHEET, type TopicInterest } from '@bangkom/core';
import type ExcelJS from 'exceljs';
import { introAndHeader } from './equity-sheet.js';
import { FONT_SIZE, listPrintSetup, SHEET_FONT } from './schedule-sheets.js';

export const SHEET_MINAT_TOPIK = OUTPUT_SHEET.minatTopik;

const WIDTHS = [38, 10, 34, 10, 11, 11, 10, 10];

export function addTopicInterestSheet(wb: ExcelJS.Workbook, tally: TopicInterest): void {
  const ws = wb.addWorksheet(SHEET_MINAT_TOPIK, { views: [{ state: 'frozen', xSplit: 1, ySplit: 2 }] });
  listPrintSetup(ws, 'Minat topik pelatihan per OPD (survei kebutuhan)', 'landscape');
  WIDTHS.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  const opd = new Set(tally.rows.map((r) => r.opd)).size;
  introAndHeader(
    ws,
    `Jawaban "Topik yang diminati" di Preferensi: berapa ASN tiap OPD memilih setiap kompetensi ` +
      `(${opd} OPD). Peringkat FGD: peringkat dari FGD terakhir OPD itu (Diskusi Kelompok), bila ada.` +
      (tally.tanpaPegawai > 0
        ? ` ${tally.tanpaPegawai} jawaban dari NIP yang tidak ada di Pegawai tidak dihitung.`
        : ''),
    MINAT_TOPIK_HEADER,
    WIDTHS,
  );
  tally.rows.forEach((r, i) => {
    const row = ws.getRow(3 + i);
    row.values = [
      r.opd,
      r.kode,
      r.nama,
      r.jumlah,
      r.responden,
      r.persen,
      r.peringkat,
      r.peringkatFgd ?? null,
    ];
    row.font = { name: SHEET_FONT, size: FONT_SIZE };
    row.getCell(6).numFmt = '0.0%';
  });
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: MINAT_TOPIK_HEADER.length } };
}
