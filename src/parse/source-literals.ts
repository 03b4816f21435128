// Literals as written, where hcl2json's JSON shape folds them away. hcl2json (and fast-hcl, which gives
// its output) evaluates a template made only of literals into one string and gives a number literal
// as a JSON number, so what reaches the evaluator can differ from what OpenTofu reads:
//   "x${null}"                  arrives as "xnull" (OpenTofu refuses a null inside a template),
//   "x${0.0000001}"             arrives as "x1e-7" (cty prints "x0.0000001"),
//   n = 12345678901234567890    arrives as the float64 12345678901234567000 (1e400 as Infinity).
// The parser sees the tokens, so it records these while it builds the body (the Converter in hcl-json-shape.ts);
// normalize/folded.ts turns them into what the evaluator reads. Records are addressed by path into the
// value body (the shape of LocationIndex paths), so they survive a structured clone and apply to
// hcl2json's identical body too.
import type { PathSegment } from '../model/locations.js';

/** A number literal that a float64 may not hold exactly (16+ characters, or an exponent): its text. */
export interface NumberLiteral {
  kind: 'number';
  /** Path of the value: the container (block body, tuple or object) then its key or index. */
  path: PathSegment[];
  /** The literal as written, with a leading "-" when negated. */
  text: string;
}

/** An attribute whose strings had null or number literals folded into template text. */
export interface FoldedTemplate {
  kind: 'template';
  /** Path of the attribute. */
  path: PathSegment[];
  /** The attribute's value with every folded literal kept as an interpolation ("x${null}"). */
  kept: unknown;
  /** A null was folded ("null"). */
  nulls: boolean;
  /** Number literals folded: as written, and the text the body holds for them. */
  numbers: Array<{ raw: string; shown: string }>;
  /** The attribute's value as written (for reasons), at most 120 characters. */
  source: string;
}

/**
 * An attribute whose value is a tuple of objects ("x = [{ a = 1 }]"): in hcl2json's shape it looks
 * like a list of nested blocks ("x { a = 1 }"), but it is one value (OpenTofu refuses all of it when
 * an element fails, and evaluates it as an expression).
 */
export interface ObjectTuple {
  kind: 'tuple';
  /** Path of the attribute. */
  path: PathSegment[];
  /** The attribute's value as written (for reasons), at most 120 characters. */
  source: string;
}

export type SourceLiteral = NumberLiteral | FoldedTemplate | ObjectTuple;

/** A number literal's text worth recording: one a float64 may round or print differently. */
export function suspectNumber(raw: string): boolean {
  return raw.length >= 16 || raw.includes('e') || raw.includes('E');
}
