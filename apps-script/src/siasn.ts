/**
 * Ekspor SIASN: the menu twin of `bangkom export-siasn` (docs/rumus.md, *Ekspor SIASN*), on
 * the Google Sheet itself. Every contract sheet is read once and validated by the core;
 * completers of `Daftar Hadir` are appended to `Riwayat Pelatihan` (the core's idempotent
 * rows, so a rerun never adds a second one), the year's completed courses are written in the
 * fields of SIASN's riwayat kursus service to a new sheet `Ekspor SIASN <tahun> <tanggal>`
 * (downloaded as CSV or xlsx for upload), and `Diekspor SIASN` gets today's date on every row
 * written, so a second export writes only what is new. Rows left out are listed with their
 * reason in `Tidak Diekspor SIASN`. Writes: one per changed block (new Riwayat rows, the
 * Diekspor SIASN column, the header when a column is added), whatever the number of rows.
 */
import {
  attendanceLoop,
  normalizeHeader,
  resolveTahunJp,
  SHEET,
  SIASN_FIELDS,
  siasnExport,
  type TrainingRecord,
} from '@bangkom/core';
import { DateConverter, serialToIso, timeZone } from './cells.js';
import { validate } from './core-bridge.js';
import { type Sheet, type Spreadsheet, sheetsByName, spreadsheet, tell, writeTable } from './gas.js';
import { writeBack } from './riwayat.js';
import { readContract } from './validate.js';

export const TIDAK_DIEKSPOR_SHEET = 'Tidak Diekspor SIASN';
export const TIDAK_DIEKSPOR_HEADER = ['Tahun', 'Baris Riwayat', 'NIP', 'Nama Pelatihan', 'Alasan'] as const;
const MARK = 'Diekspor SIASN';
/** rows left out named in the alert before pointing at the sheet */
const SHOWN = 10;

export interface SiasnMenuResult {
  tahun: number;
  /** the sheet written, or null when nothing was new */
  lembar: string | null;
  rows: number;
  riwayatBaru: number;
  sudahDiekspor: number;
  tidakDiekspor: ReturnType<typeof siasnExport>['tidakDiekspor'];
  /** invalid cells of the spreadsheet (their rows are not used) */
  galat: number;
}

const formatCount = (n: number): string => n.toLocaleString('id-ID');

export function eksporSiasn(): void {
  // two exports at once would both append the same completers
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(30_000)) {
    tell(
      'Ekspor SIASN tidak dijalankan: spreadsheet sedang dipakai proses lain (mis. ekspor lain atau formulir yang sedang masuk). Coba lagi sebentar lagi.',
    );
    return;
  }
  try {
    tell(siasnMessage(exportSiasn(spreadsheet(), new Date())));
  } finally {
    lock.releaseLock();
  }
}

/** What the menu says about an export, in Bahasa Indonesia. */
export function siasnMessage(r: SiasnMenuResult): string {
  const left = r.tidakDiekspor;
  return [
    r.lembar
      ? `${formatCount(r.rows)} baris riwayat kursus tahun ${r.tahun} ditulis ke lembar "${r.lembar}". Unduh lembar itu dengan File › Download › CSV (atau Microsoft Excel) untuk diunggah ke SIASN.`
      : `Tidak ada baris baru tahun ${r.tahun} untuk diekspor; tidak ada lembar yang ditulis.`,
    `${formatCount(r.riwayatBaru)} baris ${SHEET.riwayat} baru dari ${SHEET.hadir} ditambahkan.`,
    `${formatCount(r.sudahDiekspor)} baris sudah diekspor sebelumnya (kolom ${MARK}) dan tidak ditulis lagi; kosongkan selnya untuk mengekspor ulang.`,
    left.length > 0
      ? `${formatCount(left.length)} baris tidak dapat diekspor (daftar lengkap di lembar "${TIDAK_DIEKSPOR_SHEET}"):\n${left
          .slice(0, SHOWN)
          .map(
            (x) =>
              `- ${x.row > 0 ? `baris ${x.row}` : 'baris baru'}, NIP ${x.nip}, ${x.namaPelatihan}: ${x.alasan}`,
          )
          .join('\n')}${left.length > SHOWN ? `\n… dan ${formatCount(left.length - SHOWN)} lainnya.` : ''}`
      : 'Semua baris tahun ini dapat diekspor.',
    r.galat > 0
      ? `${formatCount(r.galat)} sel tidak valid (barisnya tidak dipakai): jalankan Validasi Data untuk melihatnya.`
      : '',
  ]
    .filter((l) => l !== '')
    .join('\n\n');
}

/** The export of the year of `Tahun JP` (Pengaturan), else of `now`'s year. */
export function exportSiasn(ss: Spreadsheet, now: Date): SiasnMenuResult {
  const tz = timeZone();
  const dates = new DateConverter(tz);
  const today = Math.floor(dates.serial(now));
  const { wb } = readContract(ss, dates);
  const validation = validate(wb);
  const tahun = resolveTahunJp(validation.data, undefined, Number(serialToIso(today).slice(0, 4)));
  const loop = attendanceLoop(validation.data, tahun);
  const out = siasnExport(loop.data, { tahun });
  const sheets = sheetsByName(ss);

  let lembar: string | null = null;
  if (out.rows.length > 0) {
    lembar = freeName(sheets, `Ekspor SIASN ${tahun} ${serialToIso(today).slice(0, 10)}`);
    const sheet = ss.insertSheet(lembar);
    writeTable(
      sheet,
      SIASN_FIELDS,
      out.rows.map((r) => SIASN_FIELDS.map((f) => r[f])),
    );
    sheet.setFrozenRows(1);
  }

  // mark what was written: sheet rows by number, rows made from Daftar Hadir appended
  const exported = new Set<TrainingRecord>(out.sources);
  const append = loop.records.map((t) =>
    exported.has(t) ? { ...t, dieksporSiasn: serialToIso(today).slice(0, 10) } : t,
  );
  const mark = out.sources.filter((t) => t.row > 0).map((t) => t.row);
  const riwayat =
    sheets.get(normalizeHeader(SHEET.riwayat)) ?? (append.length > 0 ? ss.insertSheet(SHEET.riwayat) : null);
  if (riwayat) writeBack(riwayat, append, mark, tz, serialToIso(today).slice(0, 10));

  const left = out.tidakDiekspor;
  const old = sheets.get(normalizeHeader(TIDAK_DIEKSPOR_SHEET));
  if (left.length > 0 || old) {
    const sheet = old ?? ss.insertSheet(TIDAK_DIEKSPOR_SHEET);
    writeTable(
      sheet,
      TIDAK_DIEKSPOR_HEADER,
      left.map((x) => [tahun, x.row > 0 ? x.row : 'baru', x.nip, x.namaPelatihan, x.alasan]),
      sheet.getLastRow(),
    );
  }
  return {
    tahun,
    lembar,
    rows: out.rows.length,
    riwayatBaru: loop.records.length,
    sudahDiekspor: out.sudahDiekspor,
    tidakDiekspor: left,
    galat: validation.errors.length,
  };
}

/** `name`, or `name (2)`, `name (3)`, … : an earlier export's sheet is never overwritten. */
function freeName(sheets: Map<string, Sheet>, name: string): string {
  let candidate = name;
  for (let n = 2; sheets.has(normalizeHeader(candidate)); n++) candidate = `${name} (${n})`;
  return candidate;
}
