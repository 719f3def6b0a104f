/**
 * Competency gaps (docs/rumus.md): actual level = weighted mean of the sources
 * that rated a competency, weights renormalised over those present; gap = max(0, standard −
 * actual); prioritas = gap × Bobot. A competency nobody rated has an unknown gap (null), never 0.
 *
 * Order: employees by NIP (18 digits, so string order is numeric order; the same order whether
 * the records came from a sheet or from Firestore), each employee's competencies in dictionary
 * order, OPDs by name (Indonesian collation).
 */
import { cellText, normalizeHeader } from './cells.js';
import { type FgdRank, fgdFactor, fgdRanks } from './fgd.js';
import { kinerjaFactor, latestPredikat } from './performance-boost.js';
import { raterDirectory, raterProblem } from './raters.js';
import type {
  CompetencyGap,
  EmployeeGaps,
  GapsReport,
  OpdCompetencyGap,
  OpdGapSummary,
  RejectedRating,
} from './reports.js';
import { opt } from './schemas/common.js';
import type { Assessment, Competency, Employee, ProgramData, Standard, Sumber } from './types.js';
import { SUMBER } from './types.js';

/**
 * The key under which two spellings of a name (OPD, Jabatan, Unit Layanan) are the same:
 * trimmed, inner whitespace collapsed, case-folded, as headers and sheet names are matched.
 * Staff type names by hand in several sheets.
 */
export const nameKey: (name: string) => string = normalizeHeader;

/** nameKey memoised for one computation: 50,000 employees share a few dozen OPD and Jabatan names. */
export function nameKeyer(): (name: string) => string {
  const cache = new Map<string, string>();
  return (name) => {
    let key = cache.get(name);
    if (key === undefined) {
      key = nameKey(name);
      cache.set(name, key);
    }
    return key;
  };
}

const collator = new Intl.Collator('id', { numeric: true, sensitivity: 'base' });

/** Indonesian collation with numbers compared as numbers ("UPTD 2" before "UPTD 10"). */
export function compareNames(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Plain code-unit order: NIPs are 18 digits, so this is numeric order. */
export function compareNip(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** kode -> position in the dictionary; codes outside it sort after, by code. */
export function competencyOrder(
  competencies: readonly Pick<Competency, 'kode'>[],
): (a: string, b: string) => number {
  const index = new Map<string, number>();
  for (const c of competencies) if (!index.has(c.kode)) index.set(c.kode, index.size);
  return (a, b) => {
    const ia = index.get(a) ?? Number.POSITIVE_INFINITY;
    const ib = index.get(b) ?? Number.POSITIVE_INFINITY;
    return ia !== ib ? ia - ib : compareNames(a, b);
  };
}

/**
 * Display names of groups keyed by nameKey: the first spelling met in input order wins, so
 * `computeGaps` and `computeJp` label the same OPD the same way.
 */
export function displayNames<T>(
  items: readonly T[],
  name: (item: T) => string,
  keyOf: (name: string) => string = nameKeyer(),
): Map<string, string> {
  const names = new Map<string, string>();
  for (const item of items) {
    const raw = name(item);
    const key = keyOf(raw);
    if (!names.has(key)) names.set(key, cellText(raw));
  }
  return names;
}

/** Weights are read to 6 decimals and turned into integers so the weighted mean is one exact division. */
const WEIGHT_SCALE = 1e6;

/** Later response wins (docs/lembar-kerja.md, `Penilaian`: the later Waktu replaces the earlier); ties by sheet row. */
function isLater(a: Assessment, b: Assessment): boolean {
  const wa = a.waktu ?? '';
  const wb = b.waktu ?? '';
  return wa !== wb ? wa > wb : a.row > b.row;
}

/** The winning response of each source, indexed like SUMBER (a fixed shape: 50,000 of these). */
type SourceSlots = [Assessment | undefined, Assessment | undefined, Assessment | undefined];
const SOURCE_INDEX: Readonly<Record<Sumber, number>> = { Diri: 0, Atasan: 1, Asesmen: 2 };

/**
 * Actual level from the sources present. Sources whose Pengaturan weight is 0 do not count
 * (that is how a user switches a source off), so they are not listed in `sumber` either.
 * With integer weights W (weight × 10⁶) and integer levels, Σ W·level and Σ W are exact, and
 * the single division gives the double nearest the true mean: a mean that is mathematically 3
 * is exactly 3, so no spurious 4e-16 gaps appear.
 */
function competencyGap(
  slots: SourceSlots | undefined,
  s: Standard,
  weights: readonly number[],
  fgd: FgdRank | undefined,
  factor: number,
  /** the ASN's own factor (a low predikat kinerja, performance-boost.ts) */
  boost = 1,
): CompetencyGap {
  let num = 0;
  let den = 0;
  const sumber: Sumber[] = [];
  let raters: string[] | undefined;
  if (slots) {
    for (let i = 0; i < SUMBER.length; i++) {
      const a = slots[i];
      const level = a?.ratings[s.kode];
      if (a === undefined || level === undefined) continue;
      const w = weights[i] as number;
      if (!(w > 0)) continue; // also skips a NaN weight
      num += w * level;
      den += w;
      sumber.push(SUMBER[i] as Sumber);
      const rater = a.sumber === 'Diri' ? a.nip : (a.nipPenilai ?? a.sumber);
      if (!raters) raters = [rater];
      else if (!raters.includes(rater)) raters.push(rater);
    }
  }
  const penilai = raters?.length ?? 0;
  if (den === 0) return { kode: s.kode, standar: s.level, aktual: null, gap: null, prioritas: null, sumber };
  const aktual = num / den;
  const gap = Math.max(0, s.level - aktual);
  const cg: CompetencyGap = {
    kode: s.kode,
    standar: s.level,
    aktual,
    gap,
    prioritas: gap * s.bobot * factor * boost,
    sumber,
    penilai,
  };
  if (sumber.length === 1 && sumber[0] === 'Diri') cg.hanyaDiri = true;
  if (fgd && factor !== 1) cg.fgdPeringkat = fgd.peringkat;
  return cg;
}

interface OpdAcc {
  name: string;
  pegawai: number;
  dinilai: number;
  tanpaStandar: number;
  gapSum: number;
  gapCount: number;
  perKode: Map<string, { sum: number; count: number }>;
}

export function computeGaps(data: ProgramData): GapsReport {
  const weights = SUMBER.map((src) => Math.round((data.settings.bobot[src] ?? 0) * WEIGHT_SCALE));
  const byDictionary = competencyOrder(data.competencies);
  const keyOf = nameKeyer();

  // Jabatan -> its standards in dictionary order, one per kode (the first row stands).
  const standardsByJabatan = new Map<string, Standard[]>();
  for (const s of data.standards) {
    const key = keyOf(s.jabatan);
    let list = standardsByJabatan.get(key);
    if (!list) {
      list = [];
      standardsByJabatan.set(key, list);
    }
    if (!list.some((x) => x.kode === s.kode)) list.push(s);
  }
  for (const list of standardsByJabatan.values()) list.sort((a, b) => byDictionary(a.kode, b.kode));

  // NIP -> the winning response of each source, among the ratings whose rater is entitled to
  // give them (a sheet's rows were checked when read; records from forms are checked here)
  const directory = raterDirectory(data.employees, data.settings);
  const penilaianTidakSah: RejectedRating[] = [];
  const slotsByNip = new Map<string, SourceSlots>();
  for (const a of data.assessments) {
    const problem = raterProblem({ ...a, fromForm: a.row === 0 }, directory);
    if (problem) {
      penilaianTidakSah.push({
        nip: a.nip,
        sumber: a.sumber,
        ...opt('idRespons', a.idRespons),
        kolom: problem.column,
        alasan: problem.message,
      });
      continue;
    }
    let slots = slotsByNip.get(a.nip);
    if (!slots) {
      slots = [undefined, undefined, undefined];
      slotsByNip.set(a.nip, slots);
    }
    const i = SOURCE_INDEX[a.sumber];
    const prev = slots[i];
    if (!prev || isLater(a, prev)) slots[i] = a;
  }

  // an FGD's top-ranked competencies raise the OPD's priority for them (core/src/fgd.ts)
  const fgdByOpd = fgdRanks(data.fgd ?? []);
  // an ASN whose latest predikat kinerja is Butuh Perbaikan or lower is reached sooner
  const predikatOf = latestPredikat(data.performance ?? []);
  const opdNames = displayNames(data.employees, (e) => e.opd, keyOf);
  const jabatanNames = displayNames(data.employees, (e) => e.jabatan, keyOf);
  const opdAcc = new Map<string, OpdAcc>();
  const jabatanTanpaStandar = new Set<string>();
  const employees: EmployeeGaps[] = [];

  const seen = new Set<string>();
  for (const e of sortByNip(data.employees)) {
    if (seen.has(e.nip)) continue; // a repeated NIP is the parser's error; the first row stands
    seen.add(e.nip);
    const opdKey = keyOf(e.opd);
    const fgdOfOpd = fgdByOpd.get(opdKey);
    let acc = opdAcc.get(opdKey);
    if (!acc) {
      acc = {
        name: opdNames.get(opdKey) ?? e.opd,
        pegawai: 0,
        dinilai: 0,
        tanpaStandar: 0,
        gapSum: 0,
        gapCount: 0,
        perKode: new Map(),
      };
      opdAcc.set(opdKey, acc);
    }
    acc.pegawai++;

    const jabatanKey = keyOf(e.jabatan);
    const standards = standardsByJabatan.get(jabatanKey);
    const row: EmployeeGaps = { nip: e.nip, opd: acc.name, jabatan: e.jabatan, competencies: [] };
    if (!standards) {
      row.tanpaStandar = true;
      acc.tanpaStandar++;
      jabatanTanpaStandar.add(jabatanNames.get(jabatanKey) ?? e.jabatan);
      employees.push(row);
      continue;
    }

    const slots = slotsByNip.get(e.nip);
    const latest = predikatOf.get(e.nip);
    const boost = kinerjaFactor(latest, data.settings);
    if (latest && boost !== 1) row.kinerjaRendah = latest;
    let known = 0;
    for (const s of standards) {
      const fgd = fgdOfOpd?.get(s.kode);
      const cg = competencyGap(slots, s, weights, fgd, fgdFactor(fgd, data.settings), boost);
      const gap = cg.gap;
      if (gap !== null) {
        known++;
        acc.gapSum += gap;
        acc.gapCount++;
        const k = acc.perKode.get(s.kode);
        if (k) {
          k.sum += gap;
          k.count++;
        } else acc.perKode.set(s.kode, { sum: gap, count: 1 });
      }
      row.competencies.push(cg);
    }
    if (known > 0) acc.dinilai++;
    employees.push(row);
  }

  const opd: OpdGapSummary[] = [...opdAcc.values()]
    .sort((a, b) => compareNames(a.name, b.name))
    .map((acc) => {
      const kompetensi: OpdCompetencyGap[] = [...acc.perKode]
        .map(([kode, k]) => ({ kode, rataGap: k.sum / k.count, dinilai: k.count }))
        .sort((a, b) => b.rataGap - a.rataGap || byDictionary(a.kode, b.kode));
      return {
        opd: acc.name,
        pegawai: acc.pegawai,
        dinilai: acc.dinilai,
        rataGap: acc.gapCount > 0 ? acc.gapSum / acc.gapCount : null,
        kompetensi,
        tanpaStandar: acc.tanpaStandar,
      };
    });

  const report: GapsReport = {
    employees,
    opd,
    jabatanTanpaStandar: [...jabatanTanpaStandar].sort(compareNames),
  };
  if (penilaianTidakSah.length > 0) report.penilaianTidakSah = penilaianTidakSah;
  return report;
}

/** A stable copy ordered by NIP (records with the same NIP keep their input order). */
export function sortByNip<T extends Pick<Employee, 'nip'>>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => compareNip(a.nip, b.nip));
}
