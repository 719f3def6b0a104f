/**
 * Orders that `localeCompare` decides, computed once: sorting by these numbers instead of comparing
 * the strings again in every comparison gives the same order (a comparison sort with `localeCompare`
 * on the strings calls it O(n log n) times, and each call goes through the collator).
 */

/**
 * Each string's place in the order `localeCompare` gives (equal places where it finds two strings
 * equal, so a stable sort by place keeps their order as a stable sort by `localeCompare` would).
 */
export function localeRanks(values: readonly string[]): Int32Array {
  const order = values
    .map((_, i) => i)
    .sort((x, y) => (values[x] as string).localeCompare(values[y] as string));
  const rank = new Int32Array(values.length);
  for (let i = 1; i < order.length; i++) {
    const at = order[i] as number;
    const before = order[i - 1] as number;
    rank[at] =
      (rank[before] as number) + ((values[before] as string).localeCompare(values[at] as string) < 0 ? 1 : 0);
  }
  return rank;
}

/** localeRanks of strings that repeat (dates, codes): each distinct string ranked once, by value. */
export function localeRankMap(values: Iterable<string>): Map<string, number> {
  const distinct = [...new Set(values)];
  const rank = localeRanks(distinct);
  return new Map(distinct.map((value, i) => [value, rank[i] as number] as const));
}
