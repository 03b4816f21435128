// The order Go sorts file names in (os.ReadDir, filepath.Glob, sort.Strings): by UTF-8 bytes, the
// same on every machine. Not localeCompare (locale-dependent: "B" after "a"), and not JavaScript's
// < (UTF-16 code units, which differ from UTF-8 for characters beyond U+FFFF).
export function compareBytes(a: string, b: string): number {
  return a === b ? 0 : Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
