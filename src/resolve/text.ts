// Unicode text as OpenTofu counts it: user-perceived characters (grapheme clusters, as
// apparentlymart/go-textseg/v15 segments them), for length, substr, strrev and format widths.
// go-textseg v15 implements Unicode 15.0's rules; Intl.Segmenter follows the ICU Node ships (Unicode
// 15.1 and later), which added GB9c: no break inside an Indic conjunct (consonant, virama, consonant:
// "न्द" is one cluster there, two in Unicode 15.0). Those joins are undone: within a cluster, a letter
// that follows a mark or a zero-width joiner can only have joined by GB9c (every other rule that keeps
// a letter in a cluster follows a Hangul jamo, a prepended character or starts it), so the cluster
// breaks before it, as Unicode 15.0 does.
// Made on first use: creating it costs ~5 ms at start (ICU's break rules), and the ASCII path below
// never needs it (issue #20).
let segmenter: Intl.Segmenter | undefined;

const MARK_OR_ZWJ = /^[\p{M}\u200d]$/u;
const LETTER = /^\p{L}$/u;

export function graphemes(s: string): string[] {
  // ASCII without CR (CR LF is one cluster): every UTF-16 unit is a cluster.
  if (/^[\x00-\x0c\x0e-\x7f]*$/.test(s)) return s.split('');
  const out: string[] = [];
  for (const { segment } of (segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' })).segment(s)) {
    const cps = Array.from(segment);
    if (cps.length < 3) {
      out.push(segment);
      continue;
    }
    let start = 0;
    for (let i = 1; i < cps.length; i++) {
      if (LETTER.test(cps[i]!) && MARK_OR_ZWJ.test(cps[i - 1]!)) {
        out.push(cps.slice(start, i).join(''));
        start = i;
      }
    }
    out.push(cps.slice(start).join(''));
  }
  return out;
}
