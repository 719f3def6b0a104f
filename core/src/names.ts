/**
 * Names the input spells that the contract does not know (a sheet `Tes Awal`, a file
 * `Pegawaii.csv`, a header `Emial`): the closest contract name, for a "did you mean" hint.
 */
import { normalizeHeader } from './cells.js';

/**
 * Edit distance (insert, delete, substitute, swap two neighbours: one each; `emial` is one
 * edit from `email`), stopping early above `limit`.
 */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, (before[j - 2] ?? 0) + 1);
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > limit) return limit + 1;
    before = prev;
    prev = cur;
  }
  return prev[b.length] ?? limit + 1;
}

/**
 * The known name `name` most likely means, or undefined: a small typo (at most 1 edit for
 * names up to 5 letters, 2 beyond), or the known name followed by more words (`Tes Awal`,
 * `Pegawai 2026`). Comparison ignores case and runs of spaces.
 */
export function closestName(name: string, known: readonly string[]): string | undefined {
  const n = normalizeHeader(name);
  if (n === '') return undefined;
  let best: string | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const k of known) {
    const kn = normalizeHeader(k);
    if (kn === n) return k;
    const limit = kn.length <= 5 ? 1 : 2;
    let score = distance(n, kn, limit);
    if (score > limit) {
      // the known name as the first word(s): "tes awal" -> "tes"
      if (n.startsWith(`${kn} `)) score = limit + 0.5;
      else continue;
    }
    if (score < bestScore) {
      best = k;
      bestScore = score;
    }
  }
  return best;
}

/** `, mungkin maksudnya "Pegawai"?` or '' when nothing is close. */
export function hintFor(name: string, known: readonly string[]): string {
  const close = closestName(name, known);
  return close === undefined ? '' : `; mungkin maksudnya "${close}"?`;
}
