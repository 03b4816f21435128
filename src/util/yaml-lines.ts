// The line of a value in a block-style YAML document, given its path (["waivers", 2, "expires"]).
// js-yaml returns values without positions; configuration errors must name the line, so this walks
// the text by indentation. Flow collections ({...}, [...]) resolve to the line that opens them.

interface Entry {
  line: number; // 1-based
  indent: number;
  /** A sequence item marker ("- ") at this indent. */
  dash: boolean;
  key?: string;
}

function entries(text: string): Entry[] {
  const out: Entry[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (/^\s*(#|$)/.test(raw) || /^(---|\.\.\.)\s*$/.test(raw)) return;
    let rest = raw;
    let indent = rest.length - rest.trimStart().length;
    rest = rest.trimStart();
    while (rest.startsWith('- ') || rest === '-') {
      out.push({ line: i + 1, indent, dash: true });
      const after = rest.slice(1);
      const pad = after.length - after.trimStart().length;
      indent += 1 + pad;
      rest = after.trimStart();
    }
    const m = /^("((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s:#][^:#]*?))\s*:(\s|$)/.exec(rest);
    if (m) out.push({ line: i + 1, indent, dash: false, key: m[2] ?? m[3]?.replace(/''/g, "'") ?? m[4]!.trim() });
  });
  return out;
}

/** Line of the value at `path`, or of its deepest ancestor found; 1 when nothing matches. */
export function yamlLineOf(text: string, path: ReadonlyArray<string | number>): number {
  const es = entries(text);
  let from = 0;
  let parentIndent = -1;
  let line = 1;
  for (const seg of path) {
    let found = -1;
    if (typeof seg === 'string') {
      for (let i = from; i < es.length; i++) {
        const e = es[i]!;
        if (e.indent <= parentIndent && !(i === from && e.dash)) break;
        if (!e.dash && e.key === seg && e.indent > parentIndent) {
          found = i;
          break;
        }
      }
      if (found < 0) return line;
      line = es[found]!.line;
      parentIndent = es[found]!.indent;
      from = found + 1;
    } else {
      let itemIndent = -1;
      let n = -1;
      for (let i = from; i < es.length; i++) {
        const e = es[i]!;
        if (e.indent <= parentIndent && !e.dash) break;
        if (e.indent < parentIndent) break;
        if (!e.dash) continue;
        if (itemIndent < 0) itemIndent = e.indent;
        if (e.indent !== itemIndent) continue;
        if (++n === seg) {
          found = i;
          break;
        }
      }
      if (found < 0) return line;
      line = es[found]!.line;
      parentIndent = es[found]!.indent;
      from = found + 1;
    }
  }
  return line;
}
