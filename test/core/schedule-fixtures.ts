/**
 * Seeded scheduling instances in core-typed records (ProgramData + a hand-made GapsReport),
 * shared by the schedule tests and bench/schedule.bench.ts. Same seed, same instance.
 */
import {
  type AttendanceRecord,
  type Budget,
  type CompetencyGap,
  type Course,
  DEFAULT_DICTIONARY,
  type Employee,
  type EmployeeGaps,
  emptyProgramData,
  type GapsReport,
  type Moda,
  type Preference,
  type ProgramData,
  type Room,
  type ScheduledSession,
  type TrainingRecord,
} from '@bangkom/core';

/** A `Katalog Pelatihan` row (row 2): a one-day Daring course of 20 JP for 30, free; `over` replaces any field. */
export function catalogCourse(kode: string, kompetensi: string[], over: Partial<Course> = {}): Course {
  return {
    row: 2,
    kode,
    judul: `Pelatihan ${kode}`,
    kompetensi,
    jp: 20,
    kapasitas: 30,
    biaya: 0,
    hari: 1,
    moda: 'Daring',
    ...over,
  };
}

/** One `Pegawai` row per NIP (rows from 2), every one a PNS `Analis` of OPD `Dinas A`. */
export function dinasAEmployees(people: readonly { nip: string }[]): Employee[] {
  return people.map((e, i) => ({
    row: i + 2,
    nip: e.nip,
    nama: `Pegawai ${i}`,
    jenisAsn: 'PNS',
    opd: 'Dinas A',
    jabatan: 'Analis',
  }));
}

/**
 * Every session announced: one RSVP row (`Daftar Hadir`, rows from 2) per invitee, a `share` of
 * them `Tidak Hadir` as the seeded `random` draws, the rest `Hadir` (re-plan tests and bench).
 */
export function rsvpRows(
  sessions: readonly Pick<ScheduledSession, 'id' | 'kode' | 'peserta'>[],
  share: number,
  random: () => number,
): AttendanceRecord[] {
  let row = 2;
  return sessions.flatMap((s) =>
    s.peserta.map((nip) => ({
      row: row++,
      sesi: s.id,
      kode: s.kode,
      nip,
      status: random() < share ? ('Tidak Hadir' as const) : ('Hadir' as const),
    })),
  );
}

/** mulberry32: tiny, seedable, platform-independent */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface InstanceSpec {
  seed: number;
  asn: number;
  courses: number;
  opds: number;
  tahun?: number;
  /** Pagu as a share of what every eligible ASN taking one average course would cost */
  budgetRatio?: number;
  rooms?: number;
  /** technical competencies besides the default dictionary */
  technical?: number;
  maxHari?: number;
}

export interface ScheduleInstance {
  data: ProgramData;
  gaps: GapsReport;
  holidays: Set<string>;
  tahun: number;
}

const MODA: Moda[] = ['Tatap Muka', 'Daring', 'Campuran'];

/**
 * A workbook with nothing but `Tahun`. Its worlds are small (a handful of ASN per course), so
 * `Peserta Minimum` is 1 here: the class minimum has its own tests (schedule-realism).
 */
export function emptyData(tahun: number): ProgramData {
  const data = emptyProgramData();
  data.settings.tahun = tahun;
  data.settings.pesertaMinimum = 1;
  // small worlds: one OPD of a few ASN may all be away together (the 25 % default is tested on its own)
  data.settings.maksPegawaiOpd = 1;
  return data;
}

export function nipOf(i: number): string {
  return `198001012010${String(i).padStart(6, '0')}`;
}

/** A few fixed-date Indonesian holidays, enough to make calendars non-trivial in unit tests. */
export function someHolidays(tahun: number): Set<string> {
  return new Set([`${tahun}-01-01`, `${tahun}-05-01`, `${tahun}-06-01`, `${tahun}-08-17`, `${tahun}-12-25`]);
}

export function generateInstance(spec: InstanceSpec): ScheduleInstance {
  const r = rng(spec.seed);
  const int = (a: number, b: number) => a + Math.floor(r() * (b - a + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const tahun = spec.tahun ?? 2026;
  const data = emptyData(tahun);
  const technical = spec.technical ?? Math.max(3, Math.round(spec.courses / 3));
  const comps = [
    ...DEFAULT_DICTIONARY.map((d) => d.kode),
    ...Array.from({ length: technical }, (_, i) => `T.${String(i + 1).padStart(2, '0')}`),
  ];
  const maxHari = spec.maxHari ?? 5;
  for (let i = 0; i < spec.courses; i++) {
    const nk = int(1, 3);
    const ks = new Set<string>();
    while (ks.size < nk) ks.add(r() < 0.4 ? pick(DEFAULT_DICTIONARY).kode : pick(comps));
    const jp = pick([8, 12, 16, 20, 24, 32]);
    const c: Course = {
      row: i + 2,
      kode: `PL${String(i + 1).padStart(3, '0')}`,
      judul: `Pelatihan ${i + 1}`,
      kompetensi: [...ks],
      jp,
      kapasitas: int(15, 40),
      biaya: int(2, 24) * 250_000,
      hari: Math.min(maxHari, Math.max(1, Math.ceil(jp / 8))),
      moda: pick(MODA),
      penyelenggara: pick(['BPSDMD Sumatera Barat', 'LAN RI', 'BKPSDM Kota Sawahlunto']),
      // mostly classical forms: only those take a room (Daring and NKL forms take none)
      bentuk: pick(['KL01', 'KL03', 'KL10', 'NKL05']),
    };
    data.courses.push(c);
  }
  const opdNames = Array.from({ length: spec.opds }, (_, i) => `OPD ${String(i + 1).padStart(3, '0')}`);
  const employeesGaps: EmployeeGaps[] = [];
  const costPerOpd = new Map<string, number>();
  const meanCost = data.courses.reduce((s, c) => s + c.biaya, 0) / Math.max(1, data.courses.length);
  for (let i = 0; i < spec.asn; i++) {
    // skewed OPD sizes
    const opd = opdNames[Math.min(spec.opds - 1, Math.floor(spec.opds * r() * r() * 1.6))] as string;
    const nip = nipOf(i);
    const e: Employee = {
      row: i + 2,
      nip,
      nama: `Pegawai ${i + 1}`,
      jenisAsn: 'PNS',
      opd,
      jabatan: `Jabatan ${int(1, 20)}`,
    };
    data.employees.push(e);
    const nNeeds = int(0, 6);
    const chosen = new Set<string>();
    while (chosen.size < nNeeds) chosen.add(r() < 0.5 ? pick(DEFAULT_DICTIONARY).kode : pick(comps));
    const competencies: CompetencyGap[] = [];
    for (const kode of chosen) {
      const standar = int(3, 5);
      const unknown = r() < 0.08;
      const gap = unknown ? null : int(0, 3);
      const bobot = int(1, 3);
      competencies.push({
        kode,
        standar,
        aktual: gap === null ? null : standar - gap,
        gap,
        prioritas: gap === null ? null : gap * bobot,
        sumber: gap === null ? [] : ['Atasan'],
      });
    }
    employeesGaps.push({ nip, opd, jabatan: e.jabatan, competencies });
    if (competencies.some((c) => (c.gap ?? 0) > 0))
      costPerOpd.set(opd, (costPerOpd.get(opd) ?? 0) + meanCost);
    const past = r();
    if (past < 0.3) {
      const t: TrainingRecord = {
        row: i + 2,
        nip,
        namaPelatihan: 'Bimtek',
        jp: pick([4, 8, 12, 16, 24]),
        mulai: `${tahun}-01-1${int(0, 9)}`,
      };
      data.trainings.push(t);
    } else if (past < 0.6) {
      data.trainings.push({
        row: i + 2,
        nip,
        namaPelatihan: 'Diklat',
        jp: 16,
        mulai: `${tahun - int(1, 4)}-03-10`,
      });
    }
    if (r() < 0.4) {
      const p: Preference = { row: i + 2, nip, bulan: [int(1, 12), int(1, 12)], topik: [] };
      if (r() < 0.5) p.moda = pick(MODA);
      data.preferences.push(p);
    }
  }
  const ratio = spec.budgetRatio ?? 0.6;
  for (const opd of opdNames) {
    const b: Budget = {
      row: 2,
      opd,
      pagu: Math.round(((costPerOpd.get(opd) ?? 0) * ratio) / 250_000) * 250_000,
    };
    data.budgets.push(b);
  }
  for (let i = 0; i < (spec.rooms ?? 0); i++) {
    const room: Room = { row: i + 2, nama: `Ruang ${i + 1}`, kapasitas: int(25, 45) };
    data.rooms.push(room);
  }
  return { data, gaps: { employees: employeesGaps, opd: [] }, holidays: someHolidays(tahun), tahun };
}
