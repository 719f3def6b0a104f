/**
 * The schedule's sheets of the leaders' workbook: `Jadwal Pelatihan` (one row per session with
 * its participants), `Rencana Pengembangan` (PP 11/2017 art. 207 columns), `Rencana Individu`
 * (each ASN's plan) and `Anggaran Pelatihan` (Pagu against spending, objective and bound).
 * Rerunning on the same workbook replaces the sheets (idempotent).
 */
import type { ScheduleReport } from '@bangkom/core';
import type ExcelJS from 'exceljs';

export const SCHEDULE_SHEETS = {
  jadwal: 'Jadwal Pelatihan',
  rencana: 'Rencana Pengembangan',
  individu: 'Rencana Individu',
  anggaran: 'Anggaran Pelatihan',
} as const;

const RUPIAH = '"Rp"#,##0';

interface Col {
  header: string;
  key: string;
  width: number;
  numFmt?: string;
}

function sheet(wb: ExcelJS.Workbook, name: string, cols: readonly Col[]): ExcelJS.Worksheet {
  const old = wb.getWorksheet(name);
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = cols.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
    ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}),
  }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.alignment = { vertical: 'middle', wrapText: true };
  head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  return ws;
}

function wrap(ws: ExcelJS.Worksheet, keys: readonly string[]): void {
  for (const k of keys) ws.getColumn(k).alignment = { wrapText: true, vertical: 'top' };
}

/** Adds (or replaces) the schedule sheets; returns the sheet names written. */
export function addScheduleSheets(workbook: ExcelJS.Workbook, report: ScheduleReport): string[] {
  const jadwal = sheet(workbook, SCHEDULE_SHEETS.jadwal, [
    { header: 'ID Sesi', key: 'id', width: 18 },
    { header: 'Kode', key: 'kode', width: 10 },
    { header: 'Judul', key: 'judul', width: 34 },
    { header: 'Moda', key: 'moda', width: 12 },
    { header: 'Ruang', key: 'ruang', width: 14 },
    { header: 'Mulai', key: 'mulai', width: 12 },
    { header: 'Selesai', key: 'selesai', width: 12 },
    { header: 'Hari', key: 'hari', width: 6 },
    { header: 'JP', key: 'jp', width: 6 },
    { header: 'Jumlah Peserta', key: 'jumlah', width: 9 },
    { header: 'Biaya per Peserta', key: 'biaya', width: 16, numFmt: RUPIAH },
    { header: 'Biaya Sesi', key: 'total', width: 16, numFmt: RUPIAH },
    { header: 'Penyelenggara', key: 'penyelenggara', width: 24 },
    { header: 'Peserta (NIP)', key: 'peserta', width: 60 },
  ]);
  for (const s of report.sessions) {
    jadwal.addRow({
      id: s.id,
      kode: s.kode,
      judul: s.judul,
      moda: s.moda,
      ruang: s.ruang ?? (s.moda === 'Daring' ? 'Daring' : '-'),
      mulai: s.mulai,
      selesai: s.selesai,
      hari: s.hari,
      jp: s.jp,
      jumlah: s.peserta.length,
      biaya: s.biayaPerPeserta,
      total: s.biayaPerPeserta * s.peserta.length,
      penyelenggara: s.penyelenggara ?? '-',
      peserta: s.peserta.join(', '),
    });
  }
  wrap(jadwal, ['judul', 'peserta']);

  // PP 11/2017 art. 207: the development plan's content
  const rencana = sheet(workbook, SCHEDULE_SHEETS.rencana, [
    { header: 'Kode', key: 'kode', width: 10 },
    { header: 'Judul', key: 'judul', width: 30 },
    { header: 'Kompetensi', key: 'kompetensi', width: 30 },
    { header: 'Sasaran PNS', key: 'sasaran', width: 40 },
    { header: 'Jumlah Peserta', key: 'jumlah', width: 9 },
    { header: 'Jalur/Bentuk', key: 'jalur', width: 18 },
    { header: 'Penyelenggara', key: 'penyelenggara', width: 24 },
    { header: 'Jadwal', key: 'jadwal', width: 48 },
    { header: 'Kesesuaian Kurikulum', key: 'kesesuaian', width: 44 },
    { header: 'Anggaran', key: 'anggaran', width: 16, numFmt: RUPIAH },
  ]);
  for (const r of report.rencana) {
    rencana.addRow({
      kode: r.kode,
      judul: r.judul,
      kompetensi: r.kompetensi,
      sasaran: r.sasaran,
      jumlah: r.jumlahPeserta,
      jalur: r.jalurBentuk,
      penyelenggara: r.penyelenggara,
      jadwal: r.jadwal,
      kesesuaian: r.kesesuaianKurikulum,
      anggaran: r.anggaran,
    });
  }
  wrap(rencana, ['judul', 'kompetensi', 'sasaran', 'jadwal', 'kesesuaian']);

  const individu = sheet(workbook, SCHEDULE_SHEETS.individu, [
    { header: 'NIP', key: 'nip', width: 20 },
    { header: 'Nama', key: 'nama', width: 24 },
    { header: 'OPD', key: 'opd', width: 28 },
    { header: 'Jabatan', key: 'jabatan', width: 24 },
    { header: 'Kebutuhan (Prioritas)', key: 'kebutuhan', width: 30 },
    { header: 'Sesi', key: 'sesi', width: 48 },
    { header: 'JP Awal', key: 'jpAwal', width: 8 },
    { header: 'JP Rencana', key: 'jpRencana', width: 9 },
    { header: 'Target JP', key: 'target', width: 8 },
    { header: 'Memenuhi Target', key: 'memenuhi', width: 10 },
    { header: 'Kebutuhan Belum Terpenuhi', key: 'belum', width: 30 },
    { header: 'Biaya', key: 'biaya', width: 14, numFmt: RUPIAH },
  ]);
  for (const p of report.individu) {
    individu.addRow({
      nip: p.nip,
      nama: p.nama,
      opd: p.opd,
      jabatan: p.jabatan,
      kebutuhan: p.kebutuhan.map((k) => `${k.kode} (${k.prioritas})`).join(', '),
      sesi: p.sesi.map((s) => `${s.id} ${s.judul}: ${s.mulai} s.d. ${s.selesai}`).join('; '),
      jpAwal: p.jpAwal,
      jpRencana: p.jpRencana,
      target: p.target,
      memenuhi: p.memenuhiTarget ? 'Ya' : 'Tidak',
      belum: p.kebutuhan
        .filter((k) => !k.terpenuhi)
        .map((k) => k.kode)
        .join(', '),
      biaya: p.biaya,
    });
  }
  wrap(individu, ['kebutuhan', 'sesi', 'belum']);

  const anggaran = sheet(workbook, SCHEDULE_SHEETS.anggaran, [
    { header: 'OPD', key: 'opd', width: 32 },
    { header: 'Pagu', key: 'pagu', width: 18, numFmt: RUPIAH },
    { header: 'Terpakai', key: 'terpakai', width: 18, numFmt: RUPIAH },
    { header: 'Sisa', key: 'sisa', width: 18, numFmt: RUPIAH },
    { header: 'Peserta', key: 'peserta', width: 9 },
  ]);
  for (const b of report.budget) {
    anggaran.addRow({
      opd: b.opd,
      pagu: b.pagu,
      terpakai: b.terpakai,
      sisa: b.pagu - b.terpakai,
      peserta: b.peserta,
    });
  }
  const total = report.budget.reduce(
    (t, b) => ({ pagu: t.pagu + b.pagu, terpakai: t.terpakai + b.terpakai, peserta: t.peserta + b.peserta }),
    { pagu: 0, terpakai: 0, peserta: 0 },
  );
  const totalRow = anggaran.addRow({ opd: 'Jumlah', ...total, sisa: total.pagu - total.terpakai });
  totalRow.font = { bold: true };
  anggaran.addRow({});
  const mutu = report.bound > 0 ? report.objective / report.bound : 1;
  const notes = [
    `Nilai objektif: ${report.objective.toFixed(3)}; batas atas: ${report.bound.toFixed(3)} (${(mutu * 100).toFixed(2)}% dari batas atas, metode ${report.stats.metode}).`,
    `Objektif = jumlah prioritas (kesenjangan × bobot) yang tertutup + ${report.bobot.targetJp} per ASN yang mencapai ${report.target} JP + ${report.bobot.ekuitas} per ASN tanpa pelatihan dua tahun terakhir − biaya × ${report.bobot.biaya.toExponential(2)}.`,
    `${report.unmet.length} kebutuhan belum terpenuhi; ${report.stats.gagalDijadwalkan} pendaftaran tidak dapat dijadwalkan.`,
  ];
  for (const n of notes) anggaran.addRow({ opd: n });
  return Object.values(SCHEDULE_SHEETS);
}
