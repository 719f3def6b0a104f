/**
 * Predikat kinerja around training (docs/rumus.md, *Kinerja peserta*): for each catalogue course,
 * how the predikat of the ASN who completed it moved from the year before the course to the
 * year after, beside a comparison group of similar ASN who never took it. Pure; the result is
 * aggregate only, and a group smaller than `Minimum ASN Dinilai` is given as its size alone
 * (a share of two people is nearly a person's predikat).
 *
 * - A completer: an ASN with a `Riwayat Pelatihan` row of the course (its title, as in the
 *   catalogue), in the year of its `Tanggal Mulai`; an ASN with the course in several years
 *   counts once, in the first. Counted when `Kinerja` has their predikat of the year before and
 *   of the year after that year.
 * - The comparison group: for each completer's year, the ASN of the same OPD and `Jenis Jabatan`
 *   as some completer of that year who have no `Riwayat Pelatihan` row of the course at all, with
 *   a predikat the year before and the year after; counted once per year.
 * - Naik / tetap / turun: the predikat's place in PREDIKAT_KINERJA moved up, stayed, moved down.
 */
import { compareNames, nameKey, nameKeyer } from './gaps.js';
import { DEFAULT_MINIMUM, PREDIKAT_KINERJA, type PredikatKinerja, type ProgramData } from './types.js';

/** How a group's predikat moved; the counts are null when the group is under the minimum. */
export interface PredikatChange {
  n: number;
  naik: number | null;
  tetap: number | null;
  turun: number | null;
}

export interface CoursePerformance {
  kode: string;
  judul: string;
  /** the years of the course whose completers are counted */
  tahun: number[];
  dilatih: PredikatChange;
  pembanding: PredikatChange;
  /** why the comparison cannot be read (Bahasa Indonesia), null when it can */
  catatan: string | null;
}

export interface PerformanceReport {
  /** the minimum group size (Pengaturan `Minimum ASN Dinilai`) */
  minimum: number;
  kursus: CoursePerformance[];
  /** courses completed by someone but with no completer rated the year before and after */
  tanpaPredikat: number;
}

const RANK: ReadonlyMap<PredikatKinerja, number> = new Map(PREDIKAT_KINERJA.map((p, i) => [p, i]));

/** How many moves went up, stayed and went down (a smaller index is a better predikat). */
interface Moves {
  naik: number;
  tetap: number;
  turun: number;
}

const noMoves = (): Moves => ({ naik: 0, tetap: 0, turun: 0 });

/** Adds `times` moves of `d` (negative: taken away) to `m`. */
function count(m: Moves, d: number, times = 1): void {
  if (d < 0) m.naik += times;
  else if (d === 0) m.tetap += times;
  else m.turun += times;
}

function change(m: Moves, minimum: number): PredikatChange {
  const n = m.naik + m.tetap + m.turun;
  if (n < minimum) return { n, naik: null, tetap: null, turun: null };
  return { n, naik: m.naik, tetap: m.tetap, turun: m.turun };
}

export function coursePerformance(
  data: Pick<ProgramData, 'employees' | 'courses' | 'trainings' | 'performance' | 'settings'>,
): PerformanceReport {
  const minimum = data.settings.minimumAsn ?? DEFAULT_MINIMUM.asn;
  const performance = data.performance ?? [];
  if (performance.length === 0) return { minimum, kursus: [], tanpaPredikat: 0 };
  const predikat = new Map<string, Map<number, number>>();
  for (const p of performance) {
    const years = predikat.get(p.nip) ?? new Map<number, number>();
    years.set(p.tahun, RANK.get(p.predikat) ?? 0);
    predikat.set(p.nip, years);
  }
  /** rank after minus rank before around year y; undefined when either is missing */
  const moveAround = (nip: string, y: number): number | undefined => {
    const years = predikat.get(nip);
    const before = years?.get(y - 1);
    const after = years?.get(y + 1);
    return before === undefined || after === undefined ? undefined : after - before;
  };
  // each NIP's stratum (OPD and Jenis Jabatan), made once: the last Pegawai row of the NIP decides
  const nameKeyOf = nameKeyer();
  const strata = new Map<string, string>();
  for (const e of data.employees) strata.set(e.nip, `${nameKeyOf(e.opd)}\u0000${e.jenisJabatan ?? ''}`);
  const stratum = (nip: string): string | undefined => strata.get(nip);
  const byStratum = new Map<string, string[]>();
  // how many times each NIP is in its stratum's list (once, unless Pegawai repeats it)
  const listed = new Map<string, number>();
  for (const e of data.employees) {
    const key = stratum(e.nip) as string;
    const list = byStratum.get(key) ?? [];
    list.push(e.nip);
    byStratum.set(key, list);
    listed.set(e.nip, (listed.get(e.nip) ?? 0) + 1);
  }
  // the moves around year y of a whole stratum, counted once per (stratum, year) for all courses
  const stratumMoves = new Map<string, Map<number, Moves>>();
  const movesOf = (key: string, y: number): Moves => {
    let years = stratumMoves.get(key);
    if (!years) {
      years = new Map();
      stratumMoves.set(key, years);
    }
    let m = years.get(y);
    if (!m) {
      m = noMoves();
      for (const nip of byStratum.get(key) ?? []) {
        const d = moveAround(nip, y);
        if (d !== undefined) count(m, d);
      }
      years.set(y, m);
    }
    return m;
  };

  // course -> NIP -> first year taken
  const courseByTitle = new Map(data.courses.map((c) => [nameKey(c.judul), c]));
  const taken = new Map<string, Map<string, number>>();
  for (const t of data.trainings) {
    const c = courseByTitle.get(nameKeyOf(t.namaPelatihan));
    if (!c) continue;
    const year = Number(t.mulai.slice(0, 4));
    const who = taken.get(c.kode) ?? new Map<string, number>();
    const prev = who.get(t.nip);
    if (prev === undefined || year < prev) who.set(t.nip, year);
    taken.set(c.kode, who);
  }

  const kursus: CoursePerformance[] = [];
  let tanpaPredikat = 0;
  for (const c of [...data.courses].sort((a, b) => compareNames(a.kode, b.kode))) {
    const who = taken.get(c.kode);
    if (!who) continue;
    const trained = noMoves();
    const strataByYear = new Map<number, Set<string>>();
    for (const [nip, y] of who) {
      const d = moveAround(nip, y);
      if (d === undefined) continue;
      count(trained, d);
      const key = stratum(nip);
      if (key === undefined) continue;
      const set = strataByYear.get(y) ?? new Set<string>();
      set.add(key);
      strataByYear.set(y, set);
    }
    if (trained.naik + trained.tetap + trained.turun === 0) {
      tanpaPredikat++;
      continue;
    }
    // the comparison group: the strata's moves, less those of the course's own completers
    const compared = noMoves();
    for (const [y, strata] of strataByYear) {
      for (const key of strata) {
        const m = movesOf(key, y);
        compared.naik += m.naik;
        compared.tetap += m.tetap;
        compared.turun += m.turun;
      }
    }
    for (const nip of who.keys()) {
      const key = stratum(nip);
      const rated = predikat.get(nip);
      if (key === undefined || !rated) continue;
      // a move around y needs a predikat in y - 1: only the years after a rated one can count
      for (const r of rated.keys()) {
        const d = strataByYear.get(r + 1)?.has(key) ? moveAround(nip, r + 1) : undefined;
        if (d !== undefined) count(compared, d, -(listed.get(nip) ?? 0));
      }
    }
    const dilatih = change(trained, minimum);
    const pembanding = change(compared, minimum);
    const notes: string[] = [];
    if (dilatih.naik === null)
      notes.push(
        `peserta dengan predikat sebelum dan sesudah kurang dari ${minimum}: terlalu sedikit untuk dibandingkan`,
      );
    if (pembanding.naik === null)
      notes.push(`kelompok pembanding kurang dari ${minimum} ASN: terlalu sedikit untuk dibandingkan`);
    kursus.push({
      kode: c.kode,
      judul: c.judul,
      tahun: [...strataByYear.keys()].sort((a, b) => a - b),
      dilatih,
      pembanding,
      catatan: notes.length > 0 ? notes.join('; ') : null,
    });
  }
  return { minimum, kursus, tanpaPredikat };
}
