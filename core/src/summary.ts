/**
 * The leaders' one-page summary: one row per OPD (ASN, % assessed, mean gap, top three
 * competency gaps, % meeting the JP target, IKM and mutu), a city-wide total row, and an
 * OPD × competency heat map of mean gaps. Built from the computed reports; pure and O(n).
 *
 * IKM of an OPD: a service unit belongs to the OPD named in the SKM `OPD` column, else to the
 * OPD whose name equals the unit's (ignoring case and spacing). When several units or periods
 * map to one OPD, the figure is from the OPD's latest period (see comparePeriode), as the
 * respondent-weighted mean IKM of its units in that period: each respondent counts once, as
 * in a single survey. The city-wide figure is the respondent-weighted mean of every unit row
 * behind the OPD figures plus, for units matching no OPD, each unit's latest period.
 * Mutu of a single unit is the unit's own (exact) mutu; of a weighted mean, mutuOf(konversi).
 * `periodeIkm` names the period when the figure comes from one, null when it mixes several.
 */
import { latestFgds } from './fgd.js';
import { compareNames, competencyOrder, displayNames, nameKey } from './gaps.js';
import { comparePeriode, mutuOf } from './ikm.js';
import type {
  GapsReport,
  IkmReport,
  IkmUnit,
  JpReport,
  LeaderSummary,
  LeaderSummaryRow,
  TopGap,
} from './reports.js';
import { LABEL_TOTAL } from './schemas/common.js';
import { DEFAULT_DICTIONARY } from './sheet-specs.js';
import { DEFAULT_MINIMUM, type ProgramData } from './types.js';

/** Label of the city-wide row (users read it). */
export { LABEL_TOTAL };

interface GapAcc {
  sum: number;
  count: number;
}

function addGap(map: Map<string, GapAcc>, kode: string, gap: number): void {
  const a = map.get(kode);
  if (a) {
    a.sum += gap;
    a.count++;
  } else map.set(kode, { sum: gap, count: 1 });
}

function percent(part: number, whole: number): number | null {
  return whole > 0 ? (part * 100) / whole : null; // one division: 1 of 3 is the double nearest 100/3
}

/** Respondent-weighted IKM of some (unit, period) rows. */
function combineIkm(
  rows: readonly IkmUnit[],
): Pick<
  LeaderSummaryRow,
  'ikm' | 'konversi' | 'mutu' | 'kinerja' | 'periodeIkm' | 'unitIkm' | 'respondenIkm'
> {
  if (rows.length === 0) {
    return {
      ikm: null,
      konversi: null,
      mutu: null,
      kinerja: null,
      periodeIkm: null,
      unitIkm: [],
      respondenIkm: 0,
    };
  }
  let weighted = 0;
  let responden = 0;
  const periods = new Set<string>();
  for (const u of rows) {
    weighted += u.ikm * u.responden;
    responden += u.responden;
    periods.add(nameKey(u.periode));
  }
  const single = rows.length === 1 ? (rows[0] as IkmUnit) : undefined;
  const ikm = single ? single.ikm : weighted / responden;
  const konversi = single ? single.konversi : ikm * 25;
  const { mutu, kinerja } = single ? single : mutuOf(konversi);
  const unitIkm = [...new Set(rows.map((u) => u.unit))];
  const periodeIkm = periods.size === 1 ? (rows[0] as IkmUnit).periode : null;
  return { ikm, konversi, mutu, kinerja, periodeIkm, unitIkm, respondenIkm: responden };
}

/** The rows of the latest period among some units' rows. */
function latestPeriod(rows: readonly IkmUnit[]): IkmUnit[] {
  let latest: string | undefined;
  for (const u of rows) if (latest === undefined || comparePeriode(u.periode, latest) > 0) latest = u.periode;
  const key = latest === undefined ? '' : nameKey(latest);
  return rows.filter((u) => nameKey(u.periode) === key);
}

export function buildLeaderSummary(
  data: ProgramData,
  gaps: GapsReport,
  jp: JpReport,
  ikm: IkmReport,
): LeaderSummary {
  const dictionary = data.competencies.length > 0 ? data.competencies : DEFAULT_DICTIONARY;
  const names = new Map(dictionary.map((c) => [c.kode, c.nama]));
  const byDictionary = competencyOrder(dictionary);
  const nama = (kode: string): string => names.get(kode) ?? kode;
  const minimum = {
    asn: data.settings.minimumAsn ?? DEFAULT_MINIMUM.asn,
    persen: data.settings.minimumPersen ?? DEFAULT_MINIMUM.persen,
  };
  /**
   * ASN a figure of an OPD of `pegawai` must rest on: the larger bound. Always `asn` (a mean of
   * fewer is close to one person's score), and in a large OPD its share (a figure for 933 ASN
   * must not rest on a handful), even when only a few positions require the competency.
   */
  const needed = (pegawai: number) => Math.max(minimum.asn, Math.ceil(minimum.persen * pegawai - 1e-9));

  // per OPD (name key) and competency: ASN required to have it, and known gaps from self-rating only
  const base = new Map<string, Map<string, { wajib: number; diri: number }>>();
  const baseOf = (opd: string, kode: string) => {
    const m = base.get(opd) ?? new Map<string, { wajib: number; diri: number }>();
    base.set(opd, m);
    const b = m.get(kode) ?? { wajib: 0, diri: 0 };
    m.set(kode, b);
    return b;
  };
  for (const e of gaps.employees) {
    const key = nameKey(e.opd);
    for (const c of e.competencies) {
      const b = baseOf(key, c.kode);
      b.wajib++;
      if (c.gap !== null && c.sumber.length === 1 && c.sumber[0] === 'Diri') b.diri++;
    }
  }
  const cityBase = new Map<string, { wajib: number; diri: number }>();
  for (const m of base.values())
    for (const [kode, b] of m) {
      const c = cityBase.get(kode) ?? { wajib: 0, diri: 0 };
      cityBase.set(kode, { wajib: c.wajib + b.wajib, diri: c.diri + b.diri });
    }

  const topGap = (
    entries: readonly { kode: string; rataGap: number; dinilai: number }[],
    pegawai: number,
    bases: ReadonlyMap<string, { wajib: number; diri: number }> | undefined,
  ): TopGap[] => {
    const ranked = entries
      .filter((e) => e.rataGap > 0)
      .map((e) => {
        const b = bases?.get(e.kode) ?? { wajib: e.dinilai, diri: 0 };
        return {
          kode: e.kode,
          nama: nama(e.kode),
          rataGap: e.rataGap,
          dinilai: e.dinilai,
          wajib: b.wajib,
          tipis: e.dinilai < needed(pegawai),
          hanyaDiri: e.dinilai > 0 && b.diri === e.dinilai,
        };
      })
      // a figure resting on enough ASN ranks before a thin one, whatever their size
      .sort(
        (a, b) => Number(a.tipis) - Number(b.tipis) || b.rataGap - a.rataGap || byDictionary(a.kode, b.kode),
      );
    return ranked.slice(0, 3);
  };

  // OPDs: those of the gap report (every employee's), in its order; JP rows joined by name.
  const jpByOpd = new Map(jp.opd.map((o) => [nameKey(o.opd), o]));
  const opdKeys = new Set(gaps.opd.map((o) => nameKey(o.opd)));

  // Service units -> OPD.
  const unitsByOpd = new Map<string, IkmUnit[]>();
  const unmatched = new Map<string, IkmUnit[]>();
  for (const u of ikm.units) {
    const key = nameKey(u.opd ?? u.unit);
    const target = opdKeys.has(key) ? unitsByOpd : unmatched;
    const mapKey = opdKeys.has(key) ? key : nameKey(u.unit);
    const list = target.get(mapKey);
    if (list) list.push(u);
    else target.set(mapKey, [u]);
  }
  const unmatchedNames = displayNames(
    [...unmatched.values()].flat().map((u) => u.unit),
    (s) => s,
  );

  const cityIkmRows: IkmUnit[] = [];
  const rows: LeaderSummaryRow[] = gaps.opd.map((o) => {
    const key = nameKey(o.opd);
    const j = jpByOpd.get(key);
    const chosen = latestPeriod(unitsByOpd.get(key) ?? []);
    cityIkmRows.push(...chosen);
    const memenuhiJp = j?.memenuhi ?? 0;
    return {
      opd: o.opd,
      pegawai: o.pegawai,
      dinilai: o.dinilai,
      persenDinilai: percent(o.dinilai, o.pegawai),
      rataGap: o.rataGap,
      topGap: topGap(o.kompetensi, o.pegawai, base.get(key)),
      memenuhiJp,
      persenJp: j ? j.persen : percent(0, o.pegawai),
      ...combineIkm(chosen),
    };
  });
  for (const list of unmatched.values()) cityIkmRows.push(...latestPeriod(list));

  // City-wide gap figures straight from the employees (one pass).
  const cityKode = new Map<string, GapAcc>();
  let gapSum = 0;
  let known = 0;
  let unknown = 0;
  let tanpaStandar = 0;
  for (const e of gaps.employees) {
    if (e.tanpaStandar) tanpaStandar++;
    for (const c of e.competencies) {
      if (c.gap === null) {
        unknown++;
        continue;
      }
      known++;
      gapSum += c.gap;
      addGap(cityKode, c.kode, c.gap);
    }
  }
  const pegawai = rows.reduce((a, r) => a + r.pegawai, 0);
  const dinilai = rows.reduce((a, r) => a + r.dinilai, 0);
  const memenuhiJp = jp.opd.reduce((a, o) => a + o.memenuhi, 0);
  const total: LeaderSummaryRow = {
    opd: LABEL_TOTAL,
    pegawai,
    dinilai,
    persenDinilai: percent(dinilai, pegawai),
    rataGap: known > 0 ? gapSum / known : null,
    topGap: topGap(
      [...cityKode].map(([kode, a]) => ({ kode, rataGap: a.sum / a.count, dinilai: a.count })),
      pegawai,
      cityBase,
    ),
    memenuhiJp,
    persenJp: percent(memenuhiJp, pegawai),
    ...combineIkm(cityIkmRows),
  };

  // Heat map: dictionary order, then codes outside the dictionary that carry a standard.
  const kodes = dictionary.map((c) => c.kode);
  const extra = new Set<string>();
  for (const o of gaps.opd) for (const k of o.kompetensi) if (!names.has(k.kode)) extra.add(k.kode);
  for (const k of cityKode.keys()) if (!names.has(k)) extra.add(k);
  kodes.push(...[...extra].sort(byDictionary));
  const heatMap = {
    kompetensi: kodes.map((kode) => ({ kode, nama: nama(kode) })),
    opd: gaps.opd.map((o) => o.opd),
    nilai: gaps.opd.map((o) => {
      const m = new Map(o.kompetensi.map((k) => [k.kode, k.rataGap]));
      return kodes.map((k) => m.get(k) ?? null);
    }),
    jumlah: gaps.opd.map((o) => {
      const m = new Map(o.kompetensi.map((k) => [k.kode, k.dinilai]));
      return kodes.map((k) => m.get(k) ?? 0);
    }),
    wajib: gaps.opd.map((o) => kodes.map((k) => base.get(nameKey(o.opd))?.get(k)?.wajib ?? 0)),
    tipis: gaps.opd.map((o) => {
      const m = new Map(o.kompetensi.map((k) => [k.kode, k.dinilai]));
      return kodes.map((k) => {
        const n = m.get(k);
        return n !== undefined && n < needed(o.pegawai);
      });
    }),
    hanyaDiri: gaps.opd.map((o) => {
      const m = new Map(o.kompetensi.map((k) => [k.kode, k.dinilai]));
      const b = base.get(nameKey(o.opd));
      return kodes.map((k) => {
        const n = m.get(k) ?? 0;
        return n > 0 && b?.get(k)?.diri === n;
      });
    }),
    total: kodes.map((k) => {
      const a = cityKode.get(k);
      return a ? a.sum / a.count : null;
    }),
  };

  return {
    tahun: jp.tahun,
    targetJp: jp.target,
    rows,
    total,
    heatMap,
    totals: {
      opd: rows.length,
      pegawai,
      dinilai,
      tanpaStandar,
      kompetensiDiketahui: known,
      kompetensiBelumDinilai: unknown,
      memenuhiJp,
      unitIkm: ikm.units.length,
      respondenIkm: ikm.units.reduce((a, u) => a + u.responden, 0),
    },
    unitTanpaOpd: [...unmatchedNames.values()].sort(compareNames),
    minimum,
    jabatanTanpaStandar: gaps.jabatanTanpaStandar ?? [],
    // what each OPD's FGD ranked first, for the leaders beside the measured gaps (no NIP in an FGD)
    ...((data.fgd ?? []).length > 0 ? { fgd: latestFgds(data.fgd) } : {}),
  };
}
