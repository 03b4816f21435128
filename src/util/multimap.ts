// Lists kept by key, appended in place: a copy of the list on every append (`m.set(k, [...m.get(k), x])`)
// is quadratic in the size of a key's list, which a scan's findings under one control reach by the
// ten thousand.

/** Append x to the list under key, making the list on first use. */
export function pushAt<K, T>(m: Map<K, T[]>, key: K, x: T): void {
  const list = m.get(key);
  if (list) list.push(x);
  else m.set(key, [x]);
}
