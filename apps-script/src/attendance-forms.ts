/**
 * `Daftar Hadir` rows from the forms: the invitation answer (Konfirmasi Kehadiran, Hadir or
 * Tidak Hadir, no Tanggal) and the daily check-in (Presensi Pelatihan, Hadir on the day of the
 * submission). Both carry only the session's ID: its Kode, and whether the check-in day is one
 * of its days, come from `Jadwal`, read once and only when a submission has such rows.
 */
import { type Cell, type CellError, normalizeHeader, SHEET } from '@bangkom/core';
import type { DateConverter } from './cells.js';
import type { TargetRow } from './form-defs.js';
import { dateAt, type Finder, readSessions, type Session, tanggal } from './sessions.js';

export interface AttendanceCheck {
  /** the rows to go on with: an invitation answer to a session Jadwal does not have is left out */
  targets: TargetRow[];
  /** why a check-in cannot be recorded, in the row's terms (the response is then Tidak Valid) */
  problems: Map<TargetRow, CellError[]>;
  /** cells written instead of the validated ones (Tanggal as a date, not its serial) */
  written: Map<TargetRow, Record<string, Cell>>;
  /** Bahasa Indonesia, for the response row's Pesan */
  notes: string[];
}

const isAttendance = (t: TargetRow): boolean => normalizeHeader(t.sheet) === normalizeHeader(SHEET.hadir);

export function checkAttendance(
  targets: readonly TargetRow[],
  find: Finder,
  dates: DateConverter,
  tz: string,
  rowNumber: number,
): AttendanceCheck {
  const out: AttendanceCheck = { targets: [], problems: new Map(), written: new Map(), notes: [] };
  if (!targets.some(isAttendance)) {
    out.targets = [...targets];
    return out;
  }
  const sessions = new Map<string, Session>();
  for (const s of readSessions(find, dates, [])) sessions.set(normalizeHeader(s.id), s);
  for (const t of targets) {
    if (!isAttendance(t)) {
      out.targets.push(t);
      continue;
    }
    const sid = String(t.values['ID Sesi'] ?? '');
    const nip = String(t.values.NIP ?? '');
    const s = sessions.get(normalizeHeader(sid));
    if (t.kind === 'rsvp') {
      if (s) out.targets.push({ ...t, values: { ...t.values, Kode: s.kode || null } });
      else
        out.notes.push(
          `${SHEET.hadir}: sesi "${sid}" tidak ada di lembar Jadwal, jadi jawaban ini hanya dicatat di Konfirmasi Kehadiran.`,
        );
      continue;
    }
    // the check-in of one day
    const next: TargetRow = s ? { ...t, values: { ...t.values, Kode: s.kode || null } } : t;
    out.targets.push(next);
    const problem = (column: string, value: CellError['value'], message: string) =>
      out.problems.set(next, [{ sheet: SHEET.hadir, row: rowNumber, column, value, message }]);
    const day = t.values.Tanggal;
    if (!s) {
      problem('ID Sesi', sid, `ID Sesi "${sid}" tidak ada di lembar Jadwal; periksa tautan presensi.`);
      continue;
    }
    if (typeof day !== 'number') continue; // the core reports the missing date
    const first = Math.floor(s.mulai);
    const last = Math.floor(s.selesai);
    if (day < first || day > last) {
      problem(
        'Tanggal',
        day,
        `Presensi tanggal ${tanggal(day, false)} di luar hari sesi ${sid} (${tanggal(first, false)} s.d. ${tanggal(last, false)}).`,
      );
      continue;
    }
    const written: Record<string, Cell> = { Tanggal: dateAt(day, tz) };
    if (!s.peserta.includes(nip)) {
      written.Keterangan = 'Presensi mandiri; tidak terdaftar sebagai peserta sesi ini di Jadwal.';
      out.notes.push(
        `${SHEET.hadir}: NIP ${nip} tidak terdaftar sebagai peserta sesi ${sid} di Jadwal; kehadiran tetap dicatat, periksa oleh petugas.`,
      );
    }
    out.written.set(next, written);
  }
  return out;
}

/**
 * The core's verdict on a Daftar Hadir row from a form plus what Jadwal says about it: when the
 * session is unknown, the missing Kode is that same problem and is not listed twice.
 */
export function withProblems(found: CellError[], problems: readonly CellError[] | undefined): CellError[] {
  if (!problems || problems.length === 0) return found;
  const unknownSession = problems.some((p) => p.column === 'ID Sesi');
  return [...problems, ...found.filter((e) => !(unknownSession && normalizeHeader(e.column) === 'kode'))];
}
