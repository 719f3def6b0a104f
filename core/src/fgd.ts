/**
 * Focus-group discussions (`Diskusi Kelompok`) in the plan (docs/rumus.md, *FGD*): the rank an
 * OPD's FGD gave a competency raises that OPD's priority for it, and the plan says why.
 *
 * - Rank of a line: `Peringkat` when given; otherwise, within its FGD (same Tanggal and OPD), the
 *   place by `Suara` (most votes first; equal votes share the better place). Lines without either
 *   are noted but unranked.
 * - Per OPD and competency the latest FGD that ranked it counts (a later discussion revises an
 *   earlier one); free topics without a mapped code count only in the topic lists.
 * - Priority factor for ranks 1–3: 1 + Bobot FGD × (4 − rank) / 3 (default Bobot FGD 0,5: rank 1
 *   ×1,5, rank 2 ×1,33, rank 3 ×1,17); other ranks and competencies: 1.
 * Pure: no clock, no I/O.
 */
import { compareNames, nameKey } from './gaps.js';
import type { FgdLine, Settings } from './types.js';

/** `Bobot FGD` when Pengaturan is silent: moderate, an FGD's first rank counts half the gap again. */
export const DEFAULT_BOBOT_FGD = 0.5;

/** Ranks that raise a priority. */
export const FGD_TOP_RANKS = 3;

export interface FgdRank {
  opd: string;
  tanggal: string;
  peringkat: number;
}

/** The rank of each line of `lines` (undefined: neither Peringkat nor Suara). */
function ranksOf(lines: readonly FgdLine[]): (number | undefined)[] {
  const byFgd = new Map<string, FgdLine[]>();
  for (const l of lines) {
    const key = `${l.tanggal}\u0000${nameKey(l.opd)}`;
    const list = byFgd.get(key) ?? [];
    list.push(l);
    byFgd.set(key, list);
  }
  const rank = new Map<FgdLine, number>();
  for (const list of byFgd.values()) {
    const voted = list.filter((l) => l.peringkat === undefined && l.suara !== undefined);
    for (const l of voted) rank.set(l, 1 + voted.filter((o) => (o.suara ?? 0) > (l.suara ?? 0)).length);
    for (const l of list) if (l.peringkat !== undefined) rank.set(l, l.peringkat);
  }
  return lines.map((l) => rank.get(l));
}

/** OPD (name key) -> competency -> the rank its latest FGD gave it. */
export function fgdRanks(lines: readonly FgdLine[]): Map<string, Map<string, FgdRank>> {
  const ranks = ranksOf(lines);
  const out = new Map<string, Map<string, FgdRank>>();
  lines.forEach((l, i) => {
    const peringkat = ranks[i];
    if (l.kode === undefined || peringkat === undefined) return;
    const key = nameKey(l.opd);
    const m = out.get(key) ?? new Map<string, FgdRank>();
    out.set(key, m);
    const prev = m.get(l.kode);
    if (!prev || l.tanggal > prev.tanggal || (l.tanggal === prev.tanggal && peringkat < prev.peringkat))
      m.set(l.kode, { opd: l.opd, tanggal: l.tanggal, peringkat });
  });
  return out;
}

/** The factor an FGD rank puts on a priority. */
export function fgdFactor(rank: FgdRank | undefined, settings: Pick<Settings, 'bobotFgd'>): number {
  if (!rank || rank.peringkat > FGD_TOP_RANKS) return 1;
  const bobot = settings.bobotFgd ?? DEFAULT_BOBOT_FGD;
  return 1 + (bobot * (FGD_TOP_RANKS + 1 - rank.peringkat)) / FGD_TOP_RANKS;
}

/** `FGD Dinas Sosial 14/10/2026: peringkat 1`. */
export function fgdJustification(rank: FgdRank): string {
  const [y, m, d] = rank.tanggal.split('-');
  return `FGD ${rank.opd} ${d}/${m}/${y}: peringkat ${rank.peringkat}`;
}

export interface FgdTopic {
  /** dictionary code, when the line has one (typed or mapped by staff) */
  kode?: string;
  /** the free topic as written */
  topik?: string;
  peringkat: number;
  tanggal: string;
}

/** The latest FGD of one OPD (or group): its date, size and top topics. No NIP, no name. */
export interface FgdOfOpd {
  /** the OPD as its first FGD line writes it */
  opd: string;
  tanggal: string;
  /** participants as the note-taker wrote them (the largest figure on the FGD's lines) */
  peserta: number | null;
  /** ranked topics, best rank first, at most `limit` */
  topik: FgdTopic[];
}

/** Each OPD's latest FGD with its top topics (codes and free topics), OPDs in name order. */
export function latestFgds(lines: readonly FgdLine[], limit = FGD_TOP_RANKS): FgdOfOpd[] {
  const ranks = ranksOf(lines);
  const latest = new Map<string, { opd: string; tanggal: string }>();
  for (const l of lines) {
    const key = nameKey(l.opd);
    const prev = latest.get(key);
    if (!prev || l.tanggal > prev.tanggal) latest.set(key, { opd: prev?.opd ?? l.opd, tanggal: l.tanggal });
  }
  const out: FgdOfOpd[] = [];
  const keys = [...latest.keys()].sort((a, b) =>
    compareNames(latest.get(a)?.opd ?? a, latest.get(b)?.opd ?? b),
  );
  for (const key of keys) {
    const fgd = latest.get(key);
    if (!fgd) continue;
    const topics: FgdTopic[] = [];
    let peserta: number | null = null;
    lines.forEach((l, i) => {
      if (nameKey(l.opd) !== key || l.tanggal !== fgd.tanggal) return;
      if (l.peserta !== undefined) peserta = Math.max(peserta ?? 0, l.peserta);
      const peringkat = ranks[i];
      if (peringkat === undefined) return;
      const t: FgdTopic = { peringkat, tanggal: l.tanggal };
      if (l.kode !== undefined) t.kode = l.kode;
      if (l.topik !== undefined) t.topik = l.topik;
      topics.push(t);
    });
    topics.sort((a, b) => a.peringkat - b.peringkat);
    out.push({ opd: fgd.opd, tanggal: fgd.tanggal, peserta, topik: topics.slice(0, limit) });
  }
  return out;
}

/**
 * Per OPD (display name), the top topics of its latest FGD, best rank first (aggregates only:
 * an FGD has no NIPs).
 */
export function fgdTopTopics(lines: readonly FgdLine[], limit = FGD_TOP_RANKS): Map<string, FgdTopic[]> {
  return new Map(latestFgds(lines, limit).map((f) => [f.opd, f.topik]));
}
