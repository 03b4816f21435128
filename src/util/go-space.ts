// White space as Go's unicode.IsSpace has it, which HCL (heredoc end markers, template strip markers
// `~`, flush heredoc indentation) and OpenTofu's functions (trimspace, title) use. JavaScript's \s
// and String.prototype.trim differ on two characters: they take U+FEFF (byte order mark) as space and
// not U+0085 (next line); Go the other way round.
const CLASS = '[\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';

/** One white-space character (test one code point with it). */
export const GO_SPACE = new RegExp(CLASS, 'u');
/** Leading white space. */
export const GO_SPACE_START = new RegExp(`^${CLASS}+`, 'u');
/** Trailing white space. */
export const GO_SPACE_END = new RegExp(`${CLASS}+$`, 'u');

/** strings.TrimSpace. */
export function goTrimSpace(s: string): string {
  return s.replace(GO_SPACE_START, '').replace(GO_SPACE_END, '');
}
