// Sorting records by several fields, strings compared with localeCompare, without calling
// localeCompare for every comparison: each string field's distinct values are sorted once and
// replaced by their rank, and the records are then sorted on numbers. The order is exactly that of
// the comparator chaining localeCompare over the same fields (ties between distinct strings that
// collate equal stay ties; the sort is stable), at a fraction of the cost: the evaluations of a
// 20-file scan took 8 ms to sort three times with localeCompare in every comparison (issue #20).

/** One field to sort on: a string compared with localeCompare, or a number (ascending). */
export type SortKey<T> = { text: (x: T) => string } | { number: (x: T) => number };

/** Each value's rank among the distinct values, in localeCompare order (equal-collating values: one rank). */
function ranksOf(values: string[]): Map<string, number> {
  const distinct = [...new Set(values)].sort((a, b) => a.localeCompare(b));
  const rank = new Map<string, number>();
  let r = 0;
  distinct.forEach((v, i) => {
    if (i > 0 && distinct[i - 1]!.localeCompare(v) !== 0) r++;
    rank.set(v, r);
  });
  return rank;
}

/** Sort `items` in place by `keys`, the first deciding first; returns `items`. */
export function sortByKeys<T>(items: T[], keys: Array<SortKey<T>>): T[] {
  if (items.length < 2) return items;
  const columns = keys.map((k) => {
    if ('number' in k) return Float64Array.from(items, k.number);
    const texts = items.map(k.text);
    const rank = ranksOf(texts);
    return Float64Array.from(texts, (t) => rank.get(t)!);
  });
  const order = [...items.keys()].sort((a, b) => {
    for (const c of columns) {
      const d = c[a]! - c[b]!;
      if (d !== 0) return d;
    }
    return a - b;
  });
  const copy = items.slice();
  order.forEach((from, to) => {
    items[to] = copy[from]!;
  });
  return items;
}
