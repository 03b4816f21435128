// The one place that talks to @cdktf/hcl2json (HashiCorp's HCL library compiled to WebAssembly).
// It is imported lazily: the package starts its Go runtime at import time, and only one Go-wasm
// package may live in a process. One file at a time, so error positions stay meaningful.
// It is also the reference at run time (CONTROLGATE_PARSER=hcl2json): parse.ts imports this module
// only then, so the default path never loads it.
import type { SourceRange } from '../model/types.js';
import { LocationIndex } from '../model/locations.js';
import { HclParserCrash, HclSyntaxError } from './errors.js';
import { parseHclFile, type HclBody, type HclParsed } from './fast-hcl.js';

export type { HclBody };
export { HclParserCrash, HclSyntaxError };


let crashed: string | undefined;

/** True once hcl2json has failed in this thread: the thread must not parse again (see HclParserCrash). */
export function hclParserCrashed(): boolean {
  return crashed !== undefined;
}

type ParseFn = (filename: string, contents: string) => Promise<HclBody>;
let parser: Promise<ParseFn> | undefined;

function loadParser(): Promise<ParseFn> {
  parser ??= import('@cdktf/hcl2json').then((m) => {
    const mod = m as unknown as { parse?: ParseFn; default?: { parse: ParseFn } };
    const fn = mod.parse ?? mod.default?.parse;
    if (!fn) throw new Error('@cdktf/hcl2json has no parse function');
    return fn;
  });
  return parser;
}

// hcl2json reports diagnostics as "parse config: [f:2,7-3,1: Summary; Detail f:...]".
const DIAG = /(?:^|\s|\[)f:(\d+),(\d+)-(?:(\d+),)?(\d+): ([^;]*?);\s?(.*?)(?=\s+f:\d+,\d+-|\]?$)/gs;

/** Turn hcl2json's error text into located diagnostics (first one first). */
export function parseDiagnostics(text: string): Array<{ range: SourceRange; summary: string; detail: string }> {
  const out: Array<{ range: SourceRange; summary: string; detail: string }> = [];
  for (const m of text.matchAll(DIAG)) {
    const startLine = Number(m[1]);
    const startColumn = Number(m[2]);
    const endLine = m[3] ? Number(m[3]) : startLine;
    const endColumn = Number(m[4]);
    out.push({
      range: { startLine, endLine, startColumn, endColumn },
      summary: m[5]!.trim(),
      detail: m[6]!.replace(/\]$/, '').trim(),
    });
  }
  return out;
}

/** Parse HCL native syntax. Syntax errors become HclSyntaxError with the first diagnostic's range. */
export async function parseHcl(contents: string): Promise<HclBody> {
  if (crashed !== undefined) throw new HclParserCrash(`the HCL parser is unusable after an earlier failure (${crashed})`);
  const parse = await loadParser();
  try {
    // A fixed, harmless file name: the real one may hold characters that would confuse the
    // diagnostic text, and the caller knows which file this is.
    return await parse('f', contents);
  } catch (e) {
    const text = e instanceof Error ? e.message : String(e);
    const diags = parseDiagnostics(text);
    if (!diags.length && (e instanceof RangeError || e instanceof WebAssembly.RuntimeError)) {
      crashed = text;
      throw new HclParserCrash(text);
    }
    const first = diags[0];
    if (!first) throw new HclSyntaxError(text.replace(/^parse config:\s*/, ''), { startLine: 1, endLine: 1 });
    const more = diags.length > 1 ? ` (+${diags.length - 1} more)` : '';
    throw new HclSyntaxError(`${first.summary}: ${first.detail}${more}`, first.range);
  }
}

/**
 * The reference parse of a file: the value body from hcl2json; the locations and expression trees
 * from the fast parser (hcl2json gives no positions), or none where the fast parser rejects what
 * hcl2json accepts (the conformance test keeps that from happening on the corpora): the evaluator
 * then reads every string from its text.
 */
export async function parseHclReference(contents: string, deadline?: number): Promise<HclParsed> {
  const body = await parseHcl(contents);
  try {
    const { locations, expressions, literals } = parseHclFile(contents, deadline);
    return { body, locations, expressions, ...(literals ? { literals } : {}) };
  } catch (e) {
    if (!(e instanceof HclSyntaxError)) throw e;
    return { body, locations: new LocationIndex(), expressions: new Map() };
  }
}
