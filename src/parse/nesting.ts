// Nesting limits. Every later stage (the locator, normalize, the resolver, the secrets walker, the
// policy input) walks values recursively, and HCL's parser recurses too: a hostile file nested
// thousands of levels deep would exhaust the call stack. Files nested deeper than MAX_NESTING are
// reported with the line where the limit is crossed, not parsed. All functions here are iterative.
import type { PathSegment } from '../model/locations.js';

/**
 * Deepest value nesting accepted (objects and lists, as hcl2json or the JSON parser give them). A
 * block adds two levels (name, list index), a resource four; real configurations stay under 20.
 */
export const MAX_NESTING = 128;

/** 1-based line where JSON text first nests deeper than `limit` ({ and [ outside strings), if it does. */
export function jsonNestingOver(text: string, limit = MAX_NESTING): number | undefined {
  let depth = 0;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 34) {
      // A string: skip to its closing quote (escapes skip a character; strings hold no raw newline).
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 34 || d === 10) break;
      }
      if (text.charCodeAt(i) === 10) line++;
    } else if (c === 123 || c === 91) {
      if (++depth > limit) return line;
    } else if (c === 125 || c === 93) depth = Math.max(0, depth - 1);
  }
  return undefined;
}

/** The path of the first value nested deeper than `limit`, if any (breadth-first, no recursion). */
export function pathDeeperThan(value: unknown, limit = MAX_NESTING): PathSegment[] | undefined {
  return deeperThan(value, limit) ? shallowestPathAt(value, limit) : undefined;
}

/** Whether any object or list lies `limit` levels down: the check every parsed file takes, so it
 * allocates nothing per value (two stacks) and builds no path; shallowestPathAt finds the path. */
function deeperThan(value: unknown, limit: number): boolean {
  const values: unknown[] = [value];
  const depths: number[] = [0];
  const push = (x: unknown, d: number): void => {
    if (typeof x === 'object' && x !== null) {
      values.push(x);
      depths.push(d);
    }
  };
  while (values.length) {
    const v = values.pop() as object;
    const d = depths.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (d >= limit) return true;
    if (Array.isArray(v)) for (let i = 0; i < v.length; i++) push(v[i], d + 1);
    else for (const k in v) if (Object.hasOwn(v, k)) push((v as Record<string, unknown>)[k], d + 1);
  }
  return false;
}

function shallowestPathAt(value: unknown, limit: number): PathSegment[] | undefined {
  interface Item {
    v: unknown;
    depth: number;
    parent: Item | undefined;
    key: PathSegment;
  }
  const pathOf = (it: Item): PathSegment[] => {
    const p: PathSegment[] = [];
    for (let x: Item | undefined = it; x?.parent; x = x.parent) p.push(x.key);
    return p.reverse();
  };
  let level: Item[] = [{ v: value, depth: 0, parent: undefined, key: '' }];
  while (level.length) {
    const next: Item[] = [];
    for (const it of level) {
      const v = it.v;
      if (typeof v !== 'object' || v === null) continue;
      if (it.depth >= limit) return pathOf(it);
      if (Array.isArray(v)) v.forEach((x, i) => next.push({ v: x, depth: it.depth + 1, parent: it, key: i }));
      else for (const [k, x] of Object.entries(v)) next.push({ v: x, depth: it.depth + 1, parent: it, key: k });
    }
    level = next;
  }
  return undefined;
}

/** The line of the deepest bracket nesting in HCL text, by a plain count of ([{ and }]) (a hint for errors). */
export function deepestBracketLine(text: string): number {
  let depth = 0;
  let best = 0;
  let bestLine = 1;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 40 || c === 91 || c === 123) {
      if (++depth > best) {
        best = depth;
        bestLine = line;
      }
    } else if (c === 41 || c === 93 || c === 125) depth = Math.max(0, depth - 1);
  }
  return bestLine;
}
