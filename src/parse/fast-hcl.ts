// The HCL front end: one parse of a native-syntax file gives everything later stages read of it:
//   - the value body, exactly what @cdktf/hcl2json's parse() gives (hcl2json stays the reference:
//     tests/parse/conformance.test.ts compares the two on every HCL file of the corpora);
//   - the LocationIndex (src/model/locations.ts): the lines of every block and attribute by the path
//     the body gives it, and the comments (for inline waivers), recorded while parsing;
//   - the expression tree (src/parse/ast.ts) of every template string of the body ("${...}"), for
//     src/resolve/eval.ts, so no string is parsed again. parseTemplateText / parseExpressionText read
//     the strings that start as text (a template file, hcl2json's output at run time) with the same
//     parser and the same trees.
// It follows HashiCorp's hclsyntax grammar:
//   - a mode-stack scanner (normal / quoted template / heredoc), as hclsyntax's scanner;
//   - a recursive-descent parser over the tokens, with a nesting limit (a located syntax error, not a
//     stack overflow) and a deadline check every few thousand tokens;
//   - the conversion rules of hcl2json: literals become JSON values, tuples and objects of anything
//     become arrays and objects, templates become template strings, every other expression becomes
//     "${<source text>}"; block type/labels become nested objects ending in arrays of bodies.
// Syntax errors throw HclSyntaxError located at what hclsyntax reports first (scanner errors such as
// an invalid character come before parser errors, as in hclsyntax). Linear time.
// The modules: hcl-tokens.ts (tokens, positions, errors), hcl-scanner.ts, hcl-syntax.ts (the syntax tree),
// hcl-parser.ts, hcl-eval-tree.ts (the evaluator's trees), hcl-json-shape.ts (hcl2json's shape); this
// file is the entry.
import { HclSyntaxError } from './errors.js';
import { LocationIndex } from '../model/locations.js';
import { ParseError, type Node } from './ast.js';
import type { SourceLiteral } from './source-literals.js';
import { type HclBody, T, Src } from './hcl-tokens.js';
import { type RawComment, commentSpans, scan } from './hcl-scanner.js';
import type { Body } from './hcl-syntax.js';
import { Parser } from './hcl-parser.js';
import { NodeBuilder } from './hcl-eval-tree.js';
import { Converter, materialize, sourceLiterals } from './hcl-json-shape.js';
export { FAST_HCL_MAX_DEPTH, ParseTimeoutError, type HclBody } from './hcl-tokens.js';

/** What one parse of an HCL native-syntax file gives. */
export interface HclParsed {
  /** The value body, in hcl2json's shape. */
  body: HclBody;
  /** The lines of every block and attribute, and the comments. */
  locations: LocationIndex;
  /**
   * The evaluator's tree of the body's template strings ("${...}", "%{...}"), by their text: the
   * evaluator looks a string up here instead of parsing it. A string missing here is parsed from
   * its text (parseTemplateText), with the same result.
   */
  expressions: ExpressionTable;
  /** Literals the body's shape folds away (source-literals.ts); absent when there are none. */
  literals?: SourceLiteral[];
}

/** Template string of a value body -> its expression tree. */
export type ExpressionTable = ReadonlyMap<string, Node>;

/**
 * Parse HCL native syntax: the value body in hcl2json's output shape and the locations. Throws
 * HclSyntaxError (with hclsyntax's first diagnostic range where feasible) on a file hcl2json rejects,
 * ParseTimeoutError past `deadline` (a Date.now() value).
 */
export function parseHclFile(text: string, deadline?: number): HclParsed {
  const src = new Src(text);
  const raw: RawComment[] = [];
  const toks = scan(src, deadline, raw);
  const parser = new Parser(src, toks, deadline);
  let body: Body;
  try {
    body = parser.parseFile();
  } catch (e) {
    if (e instanceof RangeError) {
      throw new HclSyntaxError(`Nesting too deep: the file nests deeper than this parser's stack allows`, { startLine: 1, endLine: 1 });
    }
    throw e;
  }
  const conv = new Converter(src);
  const built = conv.body(body);
  const moved = conv.pending.size ? new Map<object, object>() : undefined;
  const value = materialize(built, moved) as HclBody;
  const locations = parser.locations;
  const expressions = conv.expressions;
  locations.setComments(commentSpans(src, toks, raw));
  // Frozen here although most files' indexes are never read (the corpus: 578 of 4,916): left in the
  // building form until a read, the files of a chunk and the parse cache held gen-1k at 245-255 MB
  // peak RSS against 205 (for ~3 % of the corpus's wall time).
  locations.freeze();
  return { body: value, locations, expressions, ...(moved ? { literals: sourceLiterals(value, conv.pending, moved) } : {}) };
}

/** parseHclFile's value body alone. */
export function parseHclFast(text: string, deadline?: number): HclBody {
  return parseHclFile(text, deadline).body;
}

/** The entry points from a string: a syntax error (or nesting beyond the stack) is a ParseError. */
function fromText(text: string, template: boolean): Node {
  try {
    const src = new Src(text);
    const parser = new Parser(src, scan(src, undefined, [], template), undefined);
    return new NodeBuilder(text).node(template ? parser.parseTemplate(T.EOF, false) : parser.parseWholeExpression());
  } catch (e) {
    if (e instanceof ParseError) throw e;
    if (e instanceof HclSyntaxError || e instanceof RangeError) throw new ParseError(e.message);
    throw e;
  }
}

/**
 * A text as a template: a string of a value body as hcl2json gives it ("${...}", "%{...}", "$${" for a
 * literal "${"), or a file templatefile() reads. The evaluator's tree; throws ParseError.
 */
export function parseTemplateText(text: string): Node {
  return fromText(text, true);
}

/** A text as one expression (newlines anywhere): the evaluator's tree; throws ParseError. */
export function parseExpressionText(text: string): Node {
  return fromText(text, false);
}
