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
import { compareNames, nameKey } from './gaps.js';
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

function change(moves: readonly number[], minimum: number): PredikatChange {
  if (moves.length < minimum) return { n: moves.length, naik: null, tetap: null, turun: null };
  return {
    n: moves.length,
    // a smaller index is a better predikat
    naik: moves.filter((d) => d < 0).length,
    tetap: moves.filter((d) => d === 0).length,
    turun: moves.filter((d) => d > 0).length,
  };
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
  const employees = new Map(data.employees.map((e) => [e.nip, e]));
  const stratum = (nip: string): string | undefined => {
    const e = employees.get(nip);
    return e ? `${nameKey(e.opd)}\u0000${e.jenisJabatan ?? ''}` : undefined;
  };
  const byStratum = new Map<string, string[]>();
  for (const e of data.employees) {
    const key = stratum(e.nip) as string;
    const list = byStratum.get(key) ?? [];
    list.push(e.nip);
    byStratum.set(key, list);
  }

  // course -> NIP -> first year taken
  const courseByTitle = new Map(data.courses.map((c) => [nameKey(c.judul), c]));
  const taken = new Map<string, Map<string, number>>();
  for (const t of data.trainings) {
    const c = courseByTitle.get(nameKey(t.namaPelatihan));
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
    const trained: number[] = [];
    const strataByYear = new Map<number, Set<string>>();
    for (const [nip, y] of who) {
      const d = moveAround(nip, y);
      if (d === undefined) continue;
      trained.push(d);
      const key = stratum(nip);
      if (key === undefined) continue;
      const set = strataByYear.get(y) ?? new Set<string>();
      set.add(key);
      strataByYear.set(y, set);
    }
    if (trained.length === 0) {
      tanpaPredikat++;
      continue;
    }
    const compared: number[] = [];
    for (const [y, strata] of strataByYear) {
      for (const key of strata) {
        for (const nip of byStratum.get(key) ?? []) {
          if (who.has(nip)) continue;
          const d = moveAround(nip, y);
          if (d !== undefined) compared.push(d);
        }
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
