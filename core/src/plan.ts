/**
 * The competency development plan in the columns of PP 11/2017 art. 207 (as amended by
 * PP 17/2020): Kompetensi, Sasaran PNS, Jalur/Bentuk, Penyelenggara, Jadwal, Kesesuaian
 * Kurikulum, Anggaran — one row per course of the schedule; and the Firestore documents of a
 * schedule (sessions, enrollments, individual plans) with deterministic ids.
 */
import { bentukLabel } from './bentuk.js';
import { FGD_TOP_RANKS, fgdJustification, fgdRanks } from './fgd.js';
import { docId } from './firestore-model.js';
import { nameKey } from './gaps.js';
import type { Doc } from './ports.js';
import type { EmployeeGaps, GapsReport } from './reports.js';
import type { DevelopmentPlanRow, ScheduledSession, ScheduleReport } from './schedule-report.js';
import { DEFAULT_DICTIONARY } from './sheet-specs.js';
import type { ProgramData } from './types.js';

export type { DevelopmentPlanRow } from './schedule-report.js';

/**
 * The art. 207 plan's columns in sheet order: the header users read, the row field it shows,
 * its width in characters, what it holds and whether long text wraps. Every renderer (the staff
 * workbook, the leaders' summary, the Sheets API) takes them from here.
 */
export const DEVELOPMENT_PLAN_COLUMNS = [
  { header: 'Kode', field: 'kode', width: 9, kind: 'text', wrap: false },
  { header: 'Judul', field: 'judul', width: 28, kind: 'text', wrap: true },
  { header: 'Kompetensi', field: 'kompetensi', width: 30, kind: 'text', wrap: true },
  { header: 'Sasaran PNS', field: 'sasaran', width: 40, kind: 'text', wrap: true },
  { header: 'Jumlah Peserta', field: 'jumlahPeserta', width: 9, kind: 'integer', wrap: false },
  { header: 'Jalur/Bentuk', field: 'jalurBentuk', width: 18, kind: 'text', wrap: true },
  { header: 'Penyelenggara', field: 'penyelenggara', width: 22, kind: 'text', wrap: true },
  { header: 'Jadwal', field: 'jadwal', width: 48, kind: 'text', wrap: true },
  { header: 'Kesesuaian Kurikulum', field: 'kesesuaianKurikulum', width: 44, kind: 'text', wrap: true },
  { header: 'Anggaran', field: 'anggaran', width: 16, kind: 'rupiah', wrap: false },
  { header: 'Justifikasi', field: 'justifikasi', width: 40, kind: 'text', wrap: true },
] as const satisfies readonly {
  header: string;
  field: keyof DevelopmentPlanRow;
  width: number;
  kind: 'text' | 'integer' | 'rupiah';
  wrap: boolean;
}[];

export const DEVELOPMENT_PLAN_HEADERS = DEVELOPMENT_PLAN_COLUMNS.map((c) => c.header);

/** A plan row's cells in column order. */
export function developmentPlanCells(row: DevelopmentPlanRow): (string | number)[] {
  return DEVELOPMENT_PLAN_COLUMNS.map((c) => row[c.field]);
}

/** `n.toLocaleString('id-ID', …)` is `new Intl.NumberFormat('id-ID', …).format(n)`: made once */
const ID_NUMBER = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 0, maximumFractionDigits: 2 });

/** Peraturan LAN 10/2018: KLxx forms are classical (klasikal), NKLxx non-classical. */
export function jalurOf(bentuk: string | undefined, moda: string | undefined): string {
  const jalur = bentuk?.startsWith('NKL')
    ? 'Nonklasikal'
    : bentuk?.startsWith('KL')
      ? 'Klasikal'
      : moda === 'Daring'
        ? 'Nonklasikal'
        : 'Klasikal';
  return bentuk ? `${jalur} / ${bentukLabel(bentuk)}` : jalur;
}

/**
 * The gaps of a course's participants: each participant's last row of the gaps report (its OPD and
 * positive gaps, as a map per NIP of all rows would keep). Only the competencies the scheduled
 * courses develop are kept, and a row's gaps are read once, the first time a participant needs them.
 */
class ParticipantGaps {
  private readonly rowOf = new Map<string, number>();
  private readonly slotOf = new Map<string, number>();
  /** per row, where its gaps start in `slots`/`values` (−1: not read yet) and how many */
  private readonly start: Int32Array;
  private readonly count: Int32Array;
  /** per row read, its OPD */
  private readonly opdAt: (string | undefined)[];
  private readonly slots: number[] = [];
  private readonly values: number[] = [];

  constructor(
    private readonly employees: GapsReport['employees'],
    competencies: Iterable<string>,
  ) {
    for (let i = 0; i < employees.length; i++) this.rowOf.set((employees[i] as EmployeeGaps).nip, i);
    for (const k of competencies) if (!this.slotOf.has(k)) this.slotOf.set(k, this.slotOf.size);
    this.start = new Int32Array(employees.length).fill(-1);
    this.count = new Int32Array(employees.length);
    this.opdAt = new Array(employees.length);
  }

  /** the participant's row in the gaps report (its last), read in */
  row(nip: string): number | undefined {
    const row = this.rowOf.get(nip);
    if (row === undefined || (this.start[row] as number) >= 0) return row;
    const from = this.slots.length;
    this.start[row] = from;
    const e = this.employees[row] as EmployeeGaps;
    this.opdAt[row] = e.opd;
    for (const k of e.competencies) {
      const slot = this.slotOf.get(k.kode);
      if (slot === undefined || k.gap === null || !(k.gap > 0)) continue;
      // a competency listed twice keeps its last positive gap
      const at = this.slots.indexOf(slot, from);
      if (at >= 0) this.values[at] = k.gap;
      else {
        this.slots.push(slot);
        this.values.push(k.gap);
      }
    }
    this.count[row] = this.slots.length - from;
    return row;
  }

  /** the OPD of a row given by `row` */
  opd(row: number | undefined): string | undefined {
    return row === undefined ? undefined : this.opdAt[row];
  }

  /** the row's positive gap in competency k (a row given by `row`), or undefined */
  gapOf(row: number | undefined, k: string): number | undefined {
    const slot = this.slotOf.get(k);
    if (row === undefined || slot === undefined) return undefined;
    const from = this.start[row] as number;
    const to = from + (this.count[row] as number);
    for (let at = from; at < to; at++) if (this.slots[at] === slot) return this.values[at];
    return undefined;
  }
}

/**
 * Why a course ranks above its measured gaps: each FGD rank (1–3) of a participant's OPD for a
 * competency the course develops and that participant needs, `FGD <OPD> <tanggal>: peringkat 1 (M.05)`.
 */
function justification(
  kompetensi: readonly string[],
  rows: readonly (number | undefined)[],
  gaps: ParticipantGaps,
  fgd: ReturnType<typeof fgdRanks>,
): string {
  const out: string[] = [];
  for (const k of kompetensi) {
    const seen = new Set<string>();
    for (const row of rows) {
      const opd = gaps.opd(row);
      if (opd === undefined || seen.has(opd) || gaps.gapOf(row, k) === undefined) continue;
      seen.add(opd);
      const rank = fgd.get(nameKey(opd))?.get(k);
      if (rank && rank.peringkat <= FGD_TOP_RANKS) out.push(`${fgdJustification(rank)} (${k})`);
    }
  }
  return out.length > 0 ? out.sort().join('; ') : '-';
}

export function buildDevelopmentPlan(
  report: ScheduleReport,
  data: ProgramData,
  gaps: GapsReport,
): DevelopmentPlanRow[] {
  const names = new Map<string, string>(DEFAULT_DICTIONARY.map((d) => [d.kode, d.nama]));
  for (const c of data.competencies) names.set(c.kode, c.nama);
  const courses = new Map(data.courses.map((c) => [c.kode, c] as const));
  const fgd = fgdRanks(data.fgd ?? []);
  const byCourse = new Map<string, ScheduledSession[]>();
  for (const s of report.sessions) {
    const list = byCourse.get(s.kode);
    if (list) list.push(s);
    else byCourse.set(s.kode, [s]);
  }
  const participantGaps = new ParticipantGaps(
    gaps.employees,
    [...byCourse.keys()].flatMap((kode) => courses.get(kode)?.kompetensi ?? []),
  );

  const rows: DevelopmentPlanRow[] = [];
  for (const kode of [...byCourse.keys()].sort()) {
    const sessions = (byCourse.get(kode) ?? []).sort(
      (a, b) => a.mulai.localeCompare(b.mulai) || a.id.localeCompare(b.id),
    );
    const c = courses.get(kode);
    const first = sessions[0] as ScheduledSession;
    const kompetensi = c?.kompetensi ?? [];
    const peserta = sessions.flatMap((s) => s.peserta);
    const gapRows = peserta.map((nip) => participantGaps.row(nip));
    const perOpd = new Map<string, number>();
    for (const row of gapRows) {
      const o = participantGaps.opd(row) ?? '-';
      perOpd.set(o, (perOpd.get(o) ?? 0) + 1);
    }
    const opdList = [...perOpd.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const fit = kompetensi.map((k) => {
      const gs: number[] = [];
      for (const row of gapRows) {
        const g = participantGaps.gapOf(row, k);
        if (g !== undefined) gs.push(g);
      }
      if (gs.length === 0) return `${k}: tidak ada peserta yang membutuhkan`;
      const mean = gs.reduce((s, g) => s + g, 0) / gs.length;
      return `${k}: ${gs.length} peserta, rata-rata kesenjangan ${ID_NUMBER.format(mean)}`;
    });
    rows.push({
      kode,
      judul: first.judul,
      kompetensi: kompetensi.map((k) => (names.has(k) ? `${k} ${names.get(k)}` : k)).join('; '),
      sasaran: `${peserta.length} ASN dari ${perOpd.size} OPD: ${opdList.map(([o, n]) => `${o} (${n})`).join(', ')}`,
      jumlahPeserta: peserta.length,
      jalurBentuk: jalurOf(first.bentuk ?? c?.bentuk, first.moda),
      penyelenggara: first.penyelenggara ?? c?.penyelenggara ?? '-',
      jadwal: sessions
        .map((s) => `${s.id}: ${s.mulai} s.d. ${s.selesai} (${first.moda}${s.ruang ? `, ${s.ruang}` : ''})`)
        .join('; '),
      kesesuaianKurikulum: fit.join('; '),
      anggaran: sessions.reduce((sum, s) => sum + sessionCost(s), 0),
      justifikasi: justification(kompetensi, gapRows, participantGaps, fgd),
    });
  }
  return rows;
}

/** What a session costs: `Biaya per Peserta` × participants + its `Biaya per Angkatan`. */
export function sessionCost(
  x: Pick<ScheduledSession, 'biayaPerPeserta' | 'biayaPerAngkatan' | 'peserta'>,
): number {
  return x.biayaPerPeserta * x.peserta.length + (x.biayaPerAngkatan ?? 0);
}

export interface ScheduleDocs {
  sessions: Doc[];
  enrollments: Doc[];
  plans: Doc[];
}

/** Firestore documents of a schedule; ids are deterministic so a rerun overwrites. */
export function scheduleDocs(report: ScheduleReport, runAt?: string): ScheduleDocs {
  const stamp = runAt ? { dibuat: runAt } : {};
  const sessions: Doc[] = report.sessions.map((s) => ({
    id: docId(s.id),
    data: { ...s, tahun: report.tahun, jumlahPeserta: s.peserta.length, ...stamp },
  }));
  const enrollments: Doc[] = report.sessions.flatMap((s) =>
    s.peserta.map((nip) => ({
      id: docId(s.id, nip),
      data: {
        sesi: s.id,
        kode: s.kode,
        nip,
        mulai: s.mulai,
        selesai: s.selesai,
        tahun: report.tahun,
        ...stamp,
      },
    })),
  );
  const plans: Doc[] = report.individu.map((p) => ({
    id: docId(report.tahun, p.nip),
    data: { ...p, tahun: report.tahun, ...stamp },
  }));
  return { sessions, enrollments, plans };
}
