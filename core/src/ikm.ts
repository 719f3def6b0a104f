/**
 * Indeks Kepuasan Masyarakat (PermenPAN-RB 14/2017), per (Unit Layanan, Periode):
 * NRRᵢ = sum of the answers to Uᵢ ÷ number who answered Uᵢ; IKM = Σ NRRᵢ × weight with
 * weight = 1 / number of elements (1/9); konversi = IKM × 25; mutu by the regulation's table.
 * Nothing is rounded here: formatting is the presenter's job.
 *
 * Element nobody answered (every respondent left Uᵢ empty): its NRR is null and the IKM is the
 * mean over the elements that were answered (weight 1/k for k answered elements). This is the
 * regulation's own rule, weight = 1 / number of elements surveyed, and it keeps konversi on the
 * 25–100 scale; counting the silent element as 0 would push a unit whose every answer is
 * "Sangat Baik" down to mutu B for a question nobody was asked. `unsurDijawab` says k.
 * A group where nobody answered anything has no IKM: it is listed in `tanpaJawaban`, not in `units`.
 *
 * Mutu at the boundary: konversi is a floating-point product (IKM × 25 may give 88.30999999…
 * where exact arithmetic gives 88.31), so the category is decided with exact rational
 * arithmetic on the integer answer sums (BigInt), as a regulator working the fractions by hand
 * would. No epsilon is needed; only non-integer answers (not valid input) fall back to a
 * floating comparison with a 1e-9 tolerance, far below the table's 0.01 resolution.
 */
import { compareNames, displayNames, nameKeyer } from './gaps.js';
import type { IkmReport, IkmUnit, Kinerja, Mutu } from './reports.js';
import type { SkmResponse } from './types.js';

/** PermenPAN-RB 14/2017: nine service elements U1..U9. */
export const JUMLAH_UNSUR = 9;

/** PermenPAN-RB 14/2017 table: konversi intervals, lower bounds in hundredths (88.31 → 8831). */
export const MUTU_TABLE: readonly {
  mutu: Mutu;
  kinerja: Kinerja;
  minKonversi: number;
  minHundredths: number;
}[] = [
  { mutu: 'A', kinerja: 'Sangat Baik', minKonversi: 88.31, minHundredths: 8831 },
  { mutu: 'B', kinerja: 'Baik', minKonversi: 76.61, minHundredths: 7661 },
  { mutu: 'C', kinerja: 'Kurang Baik', minKonversi: 65.0, minHundredths: 6500 },
  { mutu: 'D', kinerja: 'Tidak Baik', minKonversi: Number.NEGATIVE_INFINITY, minHundredths: 0 },
];

const D_ROW = { mutu: 'D' as Mutu, kinerja: 'Tidak Baik' as Kinerja };

/** Tolerance for classifying a konversi that only exists as a float (e.g. a weighted mean). */
export const KONVERSI_EPSILON = 1e-9;

/** Mutu and kinerja of a konversi value known only as a float (aggregates across units). */
export function mutuOf(konversi: number): { mutu: Mutu; kinerja: Kinerja } {
  for (const t of MUTU_TABLE) {
    if (konversi >= t.minKonversi - KONVERSI_EPSILON) return { mutu: t.mutu, kinerja: t.kinerja };
  }
  return D_ROW;
}

/**
 * Mutu from exact element sums: konversi = 25/k · Σ Sᵢ/nᵢ ≥ T/100
 * ⇔ 2500 · Σ Sᵢ·(P/nᵢ) ≥ T · k · P, with P = Π nᵢ, all integers.
 */
function exactMutu(sums: readonly number[], counts: readonly number[]): { mutu: Mutu; kinerja: Kinerja } {
  let p = 1n;
  for (const n of counts) p *= BigInt(n);
  let acc = 0n;
  for (let i = 0; i < sums.length; i++) acc += BigInt(sums[i] as number) * (p / BigInt(counts[i] as number));
  const lhs = 2500n * acc;
  const k = BigInt(counts.length);
  for (const t of MUTU_TABLE) {
    if (lhs >= BigInt(t.minHundredths) * k * p) return { mutu: t.mutu, kinerja: t.kinerja };
  }
  return D_ROW;
}

const ROMAN: Readonly<Record<string, number>> = {
  i: 1,
  ii: 2,
  iii: 3,
  iv: 4,
  v: 5,
  vi: 6,
  vii: 7,
  viii: 8,
  ix: 9,
  x: 10,
  xi: 11,
  xii: 12,
};
const MONTHS = [
  'januari',
  'februari',
  'maret',
  'april',
  'mei',
  'juni',
  'juli',
  'agustus',
  'september',
  'oktober',
  'november',
  'desember',
];
const MONTH_ALIASES: Readonly<Record<string, number>> = {
  peb: 2,
  pebruari: 2,
  agt: 8,
  ags: 8,
  nop: 11,
  nopember: 11,
};

/**
 * Sort key of a free-text Periode: the year (first 19xx/20xx), then the part of the year:
 * a number ("2026-S1", "Triwulan 3 2025"), a roman numeral ("Semester II 2025") or a month
 * name ("Juli–Desember 2025"). Periods without a year sort first.
 */
export function periodeKey(periode: string): [number, number] {
  const s = periode.toLocaleLowerCase('id');
  const ym = /(?<!\d)(?:19|20)\d{2}(?!\d)/.exec(s);
  const year = ym ? Number(ym[0]) : -1;
  const rest = ym ? `${s.slice(0, ym.index)} ${s.slice(ym.index + 4)}` : s;
  for (const token of rest.split(/[^a-z0-9]+/)) {
    if (token === '') continue;
    const roman = ROMAN[token];
    if (roman !== undefined) return [year, roman];
    const digits = /^[a-z]*(\d{1,2})$/.exec(token);
    if (digits) return [year, Number(digits[1])];
    const alias = MONTH_ALIASES[token];
    if (alias !== undefined) return [year, alias];
    if (token.length >= 3) {
      const month = MONTHS.findIndex((m) => m.startsWith(token)); // "jan", "agust", "desember"
      if (month >= 0) return [year, month + 1];
    }
  }
  return [year, 0];
}

/** Chronological order of Periode strings (see periodeKey), then by name. */
export function comparePeriode(a: string, b: string): number {
  const [ya, pa] = periodeKey(a);
  const [yb, pb] = periodeKey(b);
  return ya - yb || pa - pb || compareNames(a, b);
}

interface Group {
  unit: string;
  periode: string;
  opd?: string;
  populasi?: number;
  responden: number;
  sums: number[];
  counts: number[];
}

export function computeIkm(skm: readonly SkmResponse[]): IkmReport {
  const keyOf = nameKeyer();
  const unitNames = displayNames(skm, (r) => r.unit, keyOf);
  const periodeNames = displayNames(skm, (r) => r.periode, keyOf);
  const groups = new Map<string, Group>();
  for (const r of skm) {
    const unitKey = keyOf(r.unit);
    const periodKey = keyOf(r.periode);
    const key = `${unitKey}\u0000${periodKey}`;
    let g = groups.get(key);
    if (!g) {
      g = {
        unit: unitNames.get(unitKey) ?? r.unit,
        periode: periodeNames.get(periodKey) ?? r.periode,
        responden: 0,
        sums: new Array<number>(JUMLAH_UNSUR).fill(0),
        counts: new Array<number>(JUMLAH_UNSUR).fill(0),
      };
      groups.set(key, g);
    }
    g.responden++;
    if (g.opd === undefined && r.opd !== undefined && r.opd.trim() !== '') g.opd = r.opd.trim();
    if (g.populasi === undefined && r.populasi !== undefined) g.populasi = r.populasi;
    for (let i = 0; i < JUMLAH_UNSUR; i++) {
      const v = r.answers[i];
      if (v === null || v === undefined) continue;
      g.sums[i] = (g.sums[i] as number) + v;
      g.counts[i] = (g.counts[i] as number) + 1;
    }
  }

  const ordered = [...groups.values()].sort(
    (a, b) => compareNames(a.unit, b.unit) || comparePeriode(a.periode, b.periode),
  );
  const units: IkmUnit[] = [];
  const tanpaJawaban: NonNullable<IkmReport['tanpaJawaban']> = [];
  for (const g of ordered) {
    const nrr = g.sums.map((s, i) => {
      const n = g.counts[i] as number;
      return n > 0 ? s / n : null;
    });
    const answered = nrr.filter((x): x is number => x !== null);
    if (answered.length === 0) {
      tanpaJawaban.push({ unit: g.unit, periode: g.periode, responden: g.responden });
      continue;
    }
    // PermenPAN-RB 14/2017: weight = 1 / number of elements (here: elements answered).
    const ikm = answered.reduce((a, b) => a + b, 0) / answered.length;
    const konversi = ikm * 25;
    const sums = g.sums.filter((_, i) => (g.counts[i] as number) > 0);
    const counts = g.counts.filter((n) => n > 0);
    const { mutu, kinerja } = sums.every(Number.isSafeInteger) ? exactMutu(sums, counts) : mutuOf(konversi);
    const unit: IkmUnit = {
      unit: g.unit,
      periode: g.periode,
      responden: g.responden,
      nrr,
      ikm,
      konversi,
      mutu,
      kinerja,
      unsurDijawab: answered.length,
    };
    if (g.opd !== undefined) unit.opd = g.opd;
    if (g.populasi !== undefined) unit.populasi = g.populasi;
    units.push(unit);
  }
  return { units, tanpaJawaban };
}
