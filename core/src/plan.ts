/**
 * The competency development plan in the columns of PP 11/2017 art. 207 (as amended by
 * PP 17/2020): Kompetensi, Sasaran PNS, Jalur/Bentuk, Penyelenggara, Jadwal, Kesesuaian
 * Kurikulum, Anggaran — one row per course of the schedule; and the Firestore documents of a
 * schedule (sessions, enrollments, individual plans) with deterministic ids.
 */
import { bentukLabel } from './bentuk.js';
import { FGD_TOP_RANKS, type FgdRank, fgdJustification, fgdRanks } from './fgd.js';
import { docId } from './firestore-model.js';
import { nameKey } from './gaps.js';
import { NipIndex } from './nip.js';
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
 * courses develop are kept (each by its number, `slot`), and a row's gaps are read once, the first
 * time a participant needs them. OPDs are numbered too (`opdNo`), so that a course counts and tells
 * apart its participants' OPDs without hashing their names.
 */
class ParticipantGaps {
  /** NIP → its last row (NipIndex: no string hashing per participant) */
  private readonly rowOf: NipIndex;
  private readonly slotOf = new Map<string, number>();
  /** per row, where its gaps start in `slots`/`values` (−1: not read yet) and how many */
  private readonly start: Int32Array;
  private readonly count: Int32Array;
  /** per row read, the number of its OPD (−1: none) */
  private readonly opdAt: Int32Array;
  private readonly opdNumber = new Map<string, number>();
  /** the OPDs by number */
  readonly opds: string[] = [];
  private slots = new Int32Array(1024);
  private values = new Float64Array(1024);
  private used = 0;

  constructor(
    private readonly employees: GapsReport['employees'],
    competencies: Iterable<string>,
  ) {
    this.rowOf = new NipIndex(employees.length);
    for (let i = 0; i < employees.length; i++) this.rowOf.set((employees[i] as EmployeeGaps).nip, i);
    for (const k of competencies) if (!this.slotOf.has(k)) this.slotOf.set(k, this.slotOf.size);
    this.start = new Int32Array(employees.length).fill(-1);
    this.count = new Int32Array(employees.length);
    this.opdAt = new Int32Array(employees.length);
  }

  /** the participant's row in the gaps report (its last), read in; −1 when it has none */
  row(nip: string): number {
    const row = this.rowOf.get(nip);
    if (row === undefined) return -1;
    if ((this.start[row] as number) >= 0) return row;
    const from = this.used;
    this.start[row] = from;
    const e = this.employees[row] as EmployeeGaps;
    this.opdAt[row] = e.opd === undefined ? -1 : this.opdNo(e.opd);
    for (let i = 0; i < e.competencies.length; i++) {
      const k = e.competencies[i] as EmployeeGaps['competencies'][number];
      const gap = k.gap;
      if (gap === null || !(gap > 0)) continue;
      const slot = this.slotOf.get(k.kode);
      if (slot === undefined) continue;
      // a competency listed twice keeps its last positive gap
      let at = from;
      while (at < this.used && this.slots[at] !== slot) at++;
      if (at === this.used) {
        if (at === this.slots.length) this.grow();
        this.slots[at] = slot;
        this.used++;
      }
      this.values[at] = gap;
    }
    this.count[row] = this.used - from;
    return row;
  }

  /** the number of an OPD (given to it on first ask) */
  opdNo(opd: string): number {
    let no = this.opdNumber.get(opd);
    if (no === undefined) {
      no = this.opds.length;
      this.opds.push(opd);
      this.opdNumber.set(opd, no);
    }
    return no;
  }

  /** the number of the OPD of a row (−1: no row, or a row without OPD) */
  opd(row: number): number {
    return row < 0 ? -1 : (this.opdAt[row] as number);
  }

  /** the number of competency k among those kept, or −1 */
  slot(k: string): number {
    return this.slotOf.get(k) ?? -1;
  }

  /** the row's positive gap in the competency numbered `slot` (a row given by `row`), or undefined */
  gapOf(row: number, slot: number): number | undefined {
    if (row < 0 || slot < 0) return undefined;
    const from = this.start[row] as number;
    const to = from + (this.count[row] as number);
    for (let at = from; at < to; at++) if (this.slots[at] === slot) return this.values[at];
    return undefined;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    slots.set(this.slots);
    this.slots = slots;
    const values = new Float64Array(this.values.length * 2);
    values.set(this.values);
    this.values = values;
  }
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
  // participants without an OPD are counted under '-'
  const noOpd = participantGaps.opdNo('-');
  // per OPD number: its FGD ranks (nameKey of its name; undefined: not looked up yet), how many
  // participants of the course at hand it has, and the last competency (its number) that listed it
  // in a justification
  const fgdOf: (Map<string, FgdRank> | null | undefined)[] = [];
  const tally: number[] = [];
  const justified: number[] = [];
  let stamp = 0;
  // the gaps rows of the course at hand's participants, in the order of its sessions (−1: none)
  let gapRows = new Int32Array(256);

  const rows: DevelopmentPlanRow[] = [];
  for (const kode of [...byCourse.keys()].sort()) {
    const sessions = (byCourse.get(kode) ?? []).sort(
      (a, b) => a.mulai.localeCompare(b.mulai) || a.id.localeCompare(b.id),
    );
    const c = courses.get(kode);
    const first = sessions[0] as ScheduledSession;
    const kompetensi = c?.kompetensi ?? [];
    let peserta = 0;
    for (const s of sessions) peserta += s.peserta.length;
    if (gapRows.length < peserta) gapRows = new Int32Array(Math.max(peserta, 2 * gapRows.length));
    // participants per OPD, the OPDs in the order first met
    const opdOrder: number[] = [];
    let n = 0;
    for (const s of sessions)
      for (let i = 0; i < s.peserta.length; i++) {
        const row = participantGaps.row(s.peserta[i] as string);
        gapRows[n++] = row;
        let o = participantGaps.opd(row);
        if (o < 0) o = noOpd;
        const before = tally[o] ?? 0;
        if (before === 0) opdOrder.push(o);
        tally[o] = before + 1;
      }
    const opdList = opdOrder.map((o) => [participantGaps.opds[o] as string, tally[o] as number] as const);
    for (const o of opdOrder) tally[o] = 0;
    opdList.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    // per competency: the participants in need, their mean gap, and the FGD ranks (1–3) of their
    // OPDs that justify the course (each OPD once per competency)
    const fit: string[] = [];
    const because: string[] = [];
    for (const k of kompetensi) {
      const slot = participantGaps.slot(k);
      stamp++;
      let needing = 0;
      let sum = 0;
      for (let i = 0; i < n; i++) {
        const row = gapRows[i] as number;
        const g = participantGaps.gapOf(row, slot);
        if (g === undefined) continue;
        needing++;
        sum += g;
        const o = participantGaps.opd(row);
        if (o < 0 || justified[o] === stamp) continue;
        justified[o] = stamp;
        let ranks = fgdOf[o];
        if (ranks === undefined) {
          ranks = fgd.get(nameKey(participantGaps.opds[o] as string)) ?? null;
          fgdOf[o] = ranks;
        }
        const rank = ranks?.get(k);
        if (rank && rank.peringkat <= FGD_TOP_RANKS) because.push(`${fgdJustification(rank)} (${k})`);
      }
      fit.push(
        needing === 0
          ? `${k}: tidak ada peserta yang membutuhkan`
          : `${k}: ${needing} peserta, rata-rata kesenjangan ${ID_NUMBER.format(sum / needing)}`,
      );
    }
    rows.push({
      kode,
      judul: first.judul,
      kompetensi: kompetensi.map((k) => (names.has(k) ? `${k} ${names.get(k)}` : k)).join('; '),
      sasaran: `${peserta} ASN dari ${opdList.length} OPD: ${opdList.map(([o, count]) => `${o} (${count})`).join(', ')}`,
      jumlahPeserta: peserta,
      jalurBentuk: jalurOf(first.bentuk ?? c?.bentuk, first.moda),
      penyelenggara: first.penyelenggara ?? c?.penyelenggara ?? '-',
      jadwal: sessions
        .map((s) => `${s.id}: ${s.mulai} s.d. ${s.selesai} (${first.moda}${s.ruang ? `, ${s.ruang}` : ''})`)
        .join('; '),
      kesesuaianKurikulum: fit.join('; '),
      anggaran: sessions.reduce((sum, s) => sum + sessionCost(s), 0),
      // why the course ranks above its measured gaps (fgdJustification, sorted)
      justifikasi: because.length > 0 ? because.sort().join('; ') : '-',
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
