/**
 * Completed participations -> `Riwayat Pelatihan` rows (docs/rumus.md, *Riwayat dari Daftar
 * Hadir*), so the 20-JP figures follow from attendance.
 *
 * Idempotent: a participation already in Riwayat is never written again, whatever staff did to
 * that row since; it is there when a row carries the same (`ID Sesi`, `NIP`), or has the
 * same (`NIP`, `Tanggal Mulai`, `Nama Pelatihan`) as the new row would (typed by hand). New
 * rows get the course's JP, Bentuk and Penyelenggara, the session's first and last day, and a
 * certificate number from `Pola Nomor Sertifikat` whose `{urut}` continues after the largest
 * number already used for the same course and year.
 */
import { type CompletionReport, computeCompletion } from './attendance.js';
import { normalizeHeader } from './cells.js';
import { compareNip } from './gaps.js';
import { computeJp } from './jp.js';
import type { ProgramData, TrainingRecord } from './types.js';

/** `Pola Nomor Sertifikat` when Pengaturan is silent. */
export const DEFAULT_POLA_SERTIFIKAT = '{kode}/{tahun}/{urut}';
/** digits of `{urut}` */
const URUT_DIGITS = 4;

export interface SkippedParticipation {
  sesi: string;
  nip: string;
  /** Bahasa Indonesia */
  alasan: string;
}

export interface CompletionRecords {
  completion: CompletionReport;
  /** rows to add to Riwayat Pelatihan (row 0: not in the sheet yet), in session then NIP order */
  records: TrainingRecord[];
  /** completed participations Riwayat already holds */
  sudahAda: number;
  /** completed participations that cannot become a row, with the reason */
  dilewati: SkippedParticipation[];
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function fill(pattern: string, parts: Record<string, string>): string {
  return pattern.replace(/\{([^}]*)\}/g, (m, k: string) => parts[k] ?? m);
}

/** The largest `{urut}` already used by `pattern` for this course and year (0 when none). */
function lastUrut(pattern: string, parts: Record<string, string>, used: readonly string[]): number {
  const re = new RegExp(
    `^${pattern
      .split(/(\{[^}]*\})/)
      .map((piece) => {
        if (piece === '{urut}') return '(\\d+)';
        if (piece === '{sesi}') return '.+?';
        const m = /^\{([^}]*)\}$/.exec(piece);
        return escapeRe(m ? (parts[m[1] ?? ''] ?? piece) : piece);
      })
      .join('')}$`,
  );
  let max = 0;
  for (const u of used) {
    const m = re.exec(u);
    if (m?.[1]) max = Math.max(max, Number(m[1]));
  }
  return max;
}

export function completionRecords(
  data: ProgramData,
  completion = computeCompletion(data),
): CompletionRecords {
  const pattern = data.settings.polaSertifikat ?? DEFAULT_POLA_SERTIFIKAT;
  const employees = new Set(data.employees.map((e) => e.nip));
  const bySession = new Set<string>();
  const byKey = new Set<string>();
  const certificates: string[] = [];
  const keyOf = (nip: string, mulai: string, nama: string) =>
    `${nip}\u0000${mulai}\u0000${normalizeHeader(nama)}`;
  for (const t of data.trainings) {
    if (t.sesi !== undefined) bySession.add(`${normalizeHeader(t.sesi)}\u0000${t.nip}`);
    byKey.add(keyOf(t.nip, t.mulai, t.namaPelatihan));
    if (t.nomorSertifikat !== undefined) certificates.push(t.nomorSertifikat);
  }
  const records: TrainingRecord[] = [];
  const dilewati: SkippedParticipation[] = [];
  let sudahAda = 0;
  const nextUrut = new Map<string, number>();
  for (const s of completion.sessions) {
    const { course, mulai, selesai } = s;
    for (const p of [...s.peserta].sort((a, b) => compareNip(a.nip, b.nip))) {
      if (!p.selesai || !course || mulai === undefined || selesai === undefined) continue;
      if (
        bySession.has(`${normalizeHeader(s.sesi)}\u0000${p.nip}`) ||
        byKey.has(keyOf(p.nip, mulai, course.judul))
      ) {
        sudahAda++;
        continue;
      }
      if (!employees.has(p.nip)) {
        dilewati.push({ sesi: s.sesi, nip: p.nip, alasan: 'NIP tidak terdaftar di lembar Pegawai' });
        continue;
      }
      const tahun = selesai.slice(0, 4);
      const parts: Record<string, string> = { kode: course.kode, tahun, sesi: s.sesi };
      const counter = `${course.kode}\u0000${tahun}`;
      const urut = (nextUrut.get(counter) ?? lastUrut(pattern, parts, certificates)) + 1;
      nextUrut.set(counter, urut);
      const t: TrainingRecord = {
        row: 0,
        nip: p.nip,
        namaPelatihan: course.judul,
        jp: course.jp,
        mulai,
        selesai,
        nomorSertifikat: fill(pattern, { ...parts, urut: String(urut).padStart(URUT_DIGITS, '0') }),
        sesi: s.sesi,
      };
      if (course.bentuk !== undefined) t.bentuk = course.bentuk;
      if (course.penyelenggara !== undefined) t.penyelenggara = course.penyelenggara;
      records.push(t);
      byKey.add(keyOf(p.nip, mulai, course.judul));
    }
  }
  return { completion, records, sudahAda, dilewati };
}

/** The program with the new Riwayat rows in (what JP, equity and the cycle then count). */
export function withCompletionRecords(data: ProgramData, added: readonly TrainingRecord[]): ProgramData {
  return added.length === 0 ? data : { ...data, trainings: [...data.trainings, ...added] };
}

/** One ASN whose JP of the year the new Riwayat rows changed. */
export interface JpMove {
  nip: string;
  opd: string;
  sebelum: number;
  sesudah: number;
  /** meets the target after, not before */
  kiniMemenuhi: boolean;
}

/** The attendance loop of a run: completion, the new Riwayat rows, and what they did to JP. */
export interface AttendanceLoop extends CompletionRecords {
  /** the program with the new Riwayat rows in */
  data: ProgramData;
  tahunJp: number;
  /** ASN whose JP of tahunJp moved, in NIP order */
  jpBerubah: JpMove[];
  /** per OPD: ASN meeting the target before and after (only OPDs where it changed) */
  opd: { opd: string; pegawai: number; memenuhiSebelum: number; memenuhiSesudah: number }[];
}

export function attendanceLoop(data: ProgramData, tahunJp: number): AttendanceLoop {
  const made = completionRecords(data);
  const full = withCompletionRecords(data, made.records);
  const before = computeJp(data, tahunJp);
  const after = full === data ? before : computeJp(full, tahunJp);
  const old = new Map(before.employees.map((e) => [e.nip, e] as const));
  const jpBerubah: JpMove[] = [];
  for (const e of after.employees) {
    const b = old.get(e.nip);
    if (!b || b.jp === e.jp) continue;
    jpBerubah.push({
      nip: e.nip,
      opd: e.opd,
      sebelum: b.jp,
      sesudah: e.jp,
      kiniMemenuhi: e.memenuhi && !b.memenuhi,
    });
  }
  jpBerubah.sort((a, b) => compareNip(a.nip, b.nip));
  const oldOpd = new Map(before.opd.map((o) => [o.opd, o] as const));
  const opd = after.opd.flatMap((o) => {
    const b = oldOpd.get(o.opd);
    return b && b.memenuhi !== o.memenuhi
      ? [{ opd: o.opd, pegawai: o.pegawai, memenuhiSebelum: b.memenuhi, memenuhiSesudah: o.memenuhi }]
      : [];
  });
  return { ...made, data: full, tahunJp, jpBerubah, opd };
}
