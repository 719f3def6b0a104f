/**
 * Who completed a session, from `Daftar Hadir` (docs/rumus.md, *Kehadiran dan kelulusan*).
 *
 * A session is the set of `Daftar Hadir` rows sharing an `ID Sesi`. Its days are the distinct
 * dates recorded for it, and at least the catalogue's `Hari` of its course: a day nobody was
 * recorded on yet (the session is still running) counts as a day nobody was present. A
 * participant is anyone with a row of the session. A participant completed the session when
 * present (`Hadir`) on at least `Minimum Kehadiran` of its days (default 80 %) and, where the
 * session has a post-test (some `Tes` row of it) and `Wajib Post-test` is on (default), with
 * a `Tes` row of their own. A row without `Tanggal` is the answer to the invitation: it makes a
 * participant (Tidak Hadir: declined) but is never a day present.
 */
import { compareNames, compareNip } from './gaps.js';
import type { AttendanceRecord, Course, ProgramData, Settings } from './types.js';

/** `Minimum Kehadiran` when Pengaturan is silent. */
export const DEFAULT_MINIMUM_KEHADIRAN = 0.8;

/** One participant of one session. */
export interface Participation {
  sesi: string;
  kode: string;
  nip: string;
  /** days present (Hadir) */
  hadir: number;
  /** days of the session */
  hari: number;
  /** true: answered the post-test; false: did not; null: the session has none or it is not required */
  postTest: boolean | null;
  /** the invitation answer, when there is one */
  konfirmasi?: 'Hadir' | 'Tidak Hadir';
  selesai: boolean;
  /** why not completed, Bahasa Indonesia (absent when completed) */
  alasan?: string;
}

export interface SessionAttendance {
  sesi: string;
  kode: string;
  /** the course, when the catalogue has the code */
  course?: Course;
  /** first and last recorded day (undefined when no day is recorded yet) */
  mulai?: string;
  selesai?: string;
  hari: number;
  peserta: Participation[];
  /** problems of the session as a whole (unknown course, mixed codes), Bahasa Indonesia */
  catatan: string[];
}

export interface CompletionReport {
  minimumKehadiran: number;
  wajibPostTest: boolean;
  sessions: SessionAttendance[];
}

export function minimumKehadiran(settings: Settings): number {
  return settings.minimumKehadiran ?? DEFAULT_MINIMUM_KEHADIRAN;
}

const pct = (x: number) => `${(x * 100).toLocaleString('id-ID', { maximumFractionDigits: 1 })} %`;

export function computeCompletion(
  data: Pick<ProgramData, 'attendance' | 'courses' | 'tests' | 'settings'>,
): CompletionReport {
  const minimum = minimumKehadiran(data.settings);
  const wajibPostTest = data.settings.wajibPostTest ?? true;
  const courses = new Map(data.courses.map((c) => [c.kode.toLowerCase(), c] as const));
  const testsOf = new Map<string, Set<string>>();
  for (const t of data.tests) {
    const s = testsOf.get(t.sesi);
    if (s) s.add(t.nip);
    else testsOf.set(t.sesi, new Set([t.nip]));
  }
  const bySession = new Map<string, AttendanceRecord[]>();
  for (const a of data.attendance) {
    const list = bySession.get(a.sesi);
    if (list) list.push(a);
    else bySession.set(a.sesi, [a]);
  }

  const sessions: SessionAttendance[] = [];
  for (const sesi of [...bySession.keys()].sort(compareNames)) {
    const rows = bySession.get(sesi) ?? [];
    const catatan: string[] = [];
    const kodes = [...new Set(rows.map((r) => r.kode))];
    const kode = kodes[0] ?? '';
    if (kodes.length > 1)
      catatan.push(`Sesi ${sesi} memakai lebih dari satu Kode (${kodes.join(', ')}); yang dipakai ${kode}`);
    const course = courses.get(kode.toLowerCase());
    if (!course) catatan.push(`Kode ${kode} sesi ${sesi} tidak ada di Katalog Pelatihan`);
    const days = [...new Set(rows.flatMap((r) => (r.tanggal ? [r.tanggal] : [])))].sort();
    const hari = Math.max(days.length, course?.hari ?? 1);
    const tested = testsOf.get(sesi);
    const needsPost = wajibPostTest && tested !== undefined;

    const present = new Map<string, Set<string>>();
    const konfirmasi = new Map<string, 'Hadir' | 'Tidak Hadir'>();
    for (const r of rows) {
      if (!present.has(r.nip)) present.set(r.nip, new Set());
      if (r.tanggal === undefined) {
        if (r.status === 'Hadir' || r.status === 'Tidak Hadir') konfirmasi.set(r.nip, r.status);
      } else if (r.status === 'Hadir') present.get(r.nip)?.add(r.tanggal);
    }
    const peserta: Participation[] = [];
    for (const nip of [...present.keys()].sort(compareNip)) {
      const hadir = present.get(nip)?.size ?? 0;
      const postTest = needsPost ? (tested?.has(nip) ?? false) : null;
      const enough = hadir >= minimum * hari - 1e-9;
      const reasons: string[] = [];
      if (days.length === 0) reasons.push('belum ada hari sesi yang tercatat di Daftar Hadir');
      else if (!enough)
        reasons.push(
          `hadir ${hadir} dari ${hari} hari (${pct(hari > 0 ? hadir / hari : 0)}), kurang dari ${pct(minimum)}`,
        );
      if (postTest === false) reasons.push('belum mengerjakan post-test');
      if (!course) reasons.push(`Kode ${kode} tidak ada di Katalog Pelatihan`);
      const p: Participation = { sesi, kode, nip, hadir, hari, postTest, selesai: reasons.length === 0 };
      const k = konfirmasi.get(nip);
      if (k) p.konfirmasi = k;
      if (reasons.length > 0) p.alasan = reasons.join('; ');
      peserta.push(p);
    }
    const s: SessionAttendance = { sesi, kode, hari, peserta, catatan };
    if (course) s.course = course;
    const [first, last] = [days[0], days[days.length - 1]];
    if (first !== undefined && last !== undefined) {
      s.mulai = first;
      s.selesai = last;
    }
    sessions.push(s);
  }
  return { minimumKehadiran: minimum, wajibPostTest, sessions };
}

/**
 * The completers of each session that has attendance: evaluation and the L3 follow-up ask
 * these only (a no-show is never asked about). Sessions without attendance rows are absent:
 * their evaluation data stands as it is.
 */
export function completersBySession(report: CompletionReport): ReadonlyMap<string, ReadonlySet<string>> {
  return new Map(
    report.sessions.map(
      (s) => [s.sesi, new Set(s.peserta.filter((p) => p.selesai).map((p) => p.nip))] as const,
    ),
  );
}
