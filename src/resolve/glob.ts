// fileset()'s pattern language: github.com/bmatcuk/doublestar/v4 (v4.10.0, what OpenTofu 1.12
// links), ported from its match.go: `*` (any run within a path segment), `**` (any number of whole
// segments), `?`, `[class]` / `[!class]` / `[^class]` with ranges, `{alt,ernatives}` (nested, may
// hold `/`), `\` escapes. Match() says whether a whole slash-separated name matches; a malformed
// pattern is an error (ErrBadPattern).
import { EvalError } from './values.js';

const SEP = 0x2f; // '/'
const BS = 0x5c; // '\\'

export class BadPattern extends EvalError {
  constructor() {
    super('syntax error in pattern');
  }
}

/** Code points, so indexes step over whole characters as Go's utf8.DecodeRuneInString does. */
const runes = (s: string): number[] => Array.from(s, (c) => c.codePointAt(0)!);

export function globMatch(pattern: string, name: string): boolean {
  return doMatch(runes(pattern), runes(name), -1, -1, -1, -1, 0, 0);
}

function doMatch(pattern: number[], name: number[], dsPat: number, dsName: number, sPat: number, sName: number, patIdx: number, nameIdx: number): boolean {
  const patLen = pattern.length;
  const nameLen = name.length;
  let startOfSegment = true;
  match: while (nameIdx < nameLen) {
    if (patIdx < patLen) {
      const c = pattern[patIdx]!;
      let fallToBacktrack = false;
      if (c === 0x2a /* * */) {
        patIdx++;
        if (patIdx < patLen && pattern[patIdx] === 0x2a) {
          patIdx++;
          if (startOfSegment) {
            if (patIdx >= patLen) return true;
            if (pattern[patIdx] === SEP) {
              patIdx++;
              dsPat = patIdx;
              dsName = nameIdx;
              sPat = -1;
              sName = -1;
              continue;
            }
          }
        }
        startOfSegment = false;
        sPat = patIdx;
        sName = nameIdx;
        continue;
      } else if (c === 0x3f /* ? */) {
        startOfSegment = false;
        if (name[nameIdx] === SEP) fallToBacktrack = true;
        else {
          patIdx++;
          nameIdx++;
          continue;
        }
      } else if (c === 0x5b /* [ */) {
        startOfSegment = false;
        patIdx++;
        if (patIdx >= patLen) throw new BadPattern();
        const nameRune = name[nameIdx]!;
        let matched = false;
        const negate = pattern[patIdx] === 0x21 || pattern[patIdx] === 0x5e;
        if (negate) patIdx++;
        if (patIdx >= patLen || pattern[patIdx] === 0x5d) throw new BadPattern();
        let last = Number.MAX_SAFE_INTEGER;
        while (patIdx < patLen && pattern[patIdx] !== 0x5d) {
          let patRune = pattern[patIdx]!;
          patIdx++;
          if (last !== Number.MAX_SAFE_INTEGER && patRune === 0x2d && patIdx < patLen && pattern[patIdx] !== 0x5d) {
            if (pattern[patIdx] === BS) patIdx++;
            patRune = pattern[patIdx]!;
            patIdx++;
            if (last <= nameRune && nameRune <= patRune) {
              matched = true;
              break;
            }
            last = Number.MAX_SAFE_INTEGER;
            continue;
          }
          if (patRune === BS) {
            patRune = pattern[patIdx]!;
            patIdx++;
          }
          if (patRune === nameRune) {
            matched = true;
            break;
          }
          last = patRune;
        }
        if (matched === negate) {
          if (patIdx >= patLen) throw new BadPattern();
          fallToBacktrack = true;
        } else {
          const closing = indexUnescaped(pattern, patIdx, 0x5d);
          if (closing === -1) throw new BadPattern();
          patIdx = closing + 1;
          nameIdx++;
          continue;
        }
      } else if (c === 0x7b /* { */) {
        startOfSegment = false;
        const beforeIdx = patIdx;
        patIdx++;
        const closing = indexMatchedClosingAlt(pattern, patIdx);
        if (closing === -1) throw new BadPattern();
        for (;;) {
          const comma = indexNextAlt(pattern, patIdx, closing);
          if (comma === -1) break;
          const alt = [...pattern.slice(0, beforeIdx), ...pattern.slice(patIdx, comma), ...pattern.slice(closing + 1)];
          if (doMatch(alt, name, dsPat, dsName, sPat, sName, beforeIdx, nameIdx)) return true;
          patIdx = comma + 1;
        }
        return doMatch([...pattern.slice(0, beforeIdx), ...pattern.slice(patIdx, closing), ...pattern.slice(closing + 1)], name, dsPat, dsName, sPat, sName, beforeIdx, nameIdx);
      } else {
        let escaped = false;
        if (c === BS) {
          patIdx++;
          if (patIdx >= patLen) throw new BadPattern();
          escaped = true;
        }
        const patRune = pattern[patIdx]!;
        if (patRune !== name[nameIdx]) {
          if (escaped) patIdx--;
          fallToBacktrack = true;
        } else {
          patIdx++;
          nameIdx++;
          startOfSegment = patRune === SEP;
          continue;
        }
      }
      void fallToBacktrack;
    }
    if (sPat >= 0 && name[sName] !== SEP) {
      sName++;
      patIdx = sPat;
      nameIdx = sName;
      startOfSegment = false;
      continue;
    }
    if (dsPat >= 0) {
      nameIdx = dsName;
      while (nameIdx < nameLen) {
        const r = name[nameIdx]!;
        nameIdx++;
        if (r === SEP) {
          dsName = nameIdx;
          patIdx = dsPat;
          startOfSegment = true;
          continue match;
        }
      }
    }
    if (patIdx < patLen && !validate(pattern.slice(patIdx))) throw new BadPattern();
    return false;
  }
  return isZeroLength(pattern.slice(patIdx));
}

function isZeroLength(p: number[]): boolean {
  const s = String.fromCodePoint(...p);
  if (s === '' || s === '*' || s === '**' || s === '/**' || s === '**/' || s === '/**/') return true;
  if (p[0] === 0x7b) {
    const closing = indexMatchedClosingAlt(p, 1);
    if (closing === -1) throw new BadPattern();
    let patIdx = 1;
    for (;;) {
      const comma = indexNextAlt(p, patIdx, closing);
      if (comma === -1) break;
      if (isZeroLength([...p.slice(patIdx, comma), ...p.slice(closing + 1)])) return true;
      patIdx = comma + 1;
    }
    return isZeroLength([...p.slice(patIdx, closing), ...p.slice(closing + 1)]);
  }
  if (!validate(p)) throw new BadPattern();
  return false;
}

function indexUnescaped(p: number[], from: number, c: number): number {
  for (let i = from; i < p.length; i++) {
    if (p[i] === BS) i++;
    else if (p[i] === c) return i;
  }
  return -1;
}

function indexMatchedClosingAlt(p: number[], from: number): number {
  let alts = 1;
  for (let i = from; i < p.length; i++) {
    if (p[i] === BS) i++;
    else if (p[i] === 0x7b) alts++;
    else if (p[i] === 0x7d && --alts === 0) return i;
  }
  return -1;
}

function indexNextAlt(p: number[], from: number, to: number): number {
  let alts = 1;
  for (let i = from; i < to; i++) {
    if (p[i] === BS) i++;
    else if (p[i] === 0x7b) alts++;
    else if (p[i] === 0x7d) alts--;
    else if (p[i] === 0x2c && alts === 1) return i;
  }
  return -1;
}

/** doublestar's ValidatePattern (validate.go): brackets and braces closed, escapes complete. */
export function validate(p: number[]): boolean {
  let altDepth = 0;
  const l = p.length;
  for (let i = 0; i < l; i++) {
    switch (p[i]) {
      case BS:
        i++;
        if (i >= l) return false;
        continue;
      case 0x5b: {
        i++;
        if (i >= l) return false;
        if (p[i] === 0x5e || p[i] === 0x21) i++;
        if (i >= l || p[i] === 0x5d) return false;
        for (; i < l; i++) {
          if (p[i] === BS) i++;
          else if (p[i] === 0x5d) break;
        }
        if (i >= l) return false;
        continue;
      }
      case 0x7b:
        altDepth++;
        continue;
      case 0x7d:
        if (altDepth === 0) return false;
        altDepth--;
        continue;
      default:
        continue;
    }
  }
  return altDepth === 0;
}

/** True when the pattern has any meta character (doublestar's indexMeta >= 0). */
export function hasMeta(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?' || c === '[' || c === '{') return true;
  }
  return false;
}

/** Remove the escapes of meta characters (doublestar's unescapeMeta). */
export function unescapeMeta(s: string): string {
  return s.replace(/\\([*?[\]{}])/g, '$1');
}
