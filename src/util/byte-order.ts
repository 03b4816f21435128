// The order Go sorts file names in (os.ReadDir, filepath.Glob, sort.Strings): by UTF-8 bytes, the
// same on every machine. Not localeCompare (locale-dependent: "B" after "a"), and not JavaScript's
// < (UTF-16 code units, which differ from UTF-8 for characters beyond U+FFFF).
export function compareBytes(a: string, b: string): number {
  return a === b ? 0 : Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** Code point order (that of UTF-8 bytes; a lone surrogate as its own code point), the same on every
 * machine: how Controlgate orders what it reports (findings, evaluations, rules, review comments)
 * and the keys of the JSON shape of HCL. Compares UTF-16 units, so it costs what < costs. */
export function compareUtf8(a: string, b: string): number {
  if (a === b) return 0;
  // Code point order equals UTF-8 byte order. UTF-16 order differs from it only where a surrogate
  // (U+D800-DFFF: half of a code point above U+FFFF) meets a unit of U+E000-FFFF: the surrogate's
  // code point is the larger. Everywhere else the first unequal units decide, as they are.
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      const xs = x <= 0xdfff;
      if (xs !== y <= 0xdfff) return xs ? 1 : -1;
    }
    return x - y;
  }
  return a.length - b.length;
}
