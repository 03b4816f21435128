// Unicode text as OpenTofu counts it: user-perceived characters (grapheme clusters, as
// apparentlymart/go-textseg), for length, substr, strrev and format widths.
const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

export function graphemes(s: string): string[] {
  // ASCII without CR (CR LF is one cluster): every UTF-16 unit is a cluster.
  if (/^[\x00-\x0c\x0e-\x7f]*$/.test(s)) return s.split('');
  return Array.from(segmenter.segment(s), (x) => x.segment);
}
