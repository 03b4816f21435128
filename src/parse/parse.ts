// parse: one file at a time into hcl2json's shape plus a LocationIndex. Anything wrong with the file
// itself (unreadable, binary, not UTF-8, too large, syntax error) becomes a located FileError.
// HCL native syntax has one front end, src/parse/fast-hcl.ts; the reference parser (hcl2json, with
// its worker thread) is loaded only when asked for.
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { DiscoveredFile, FileError } from '../model/types.js';
import type { LocationIndex } from '../model/locations.js';
import { HclParserCrash, HclSyntaxError } from './errors.js';
import { parseJsonWithLocations } from './json-syntax.js';
import { dropJsonComments, dropTopComment, joinLabelArrays } from './json-blocks.js';
import { deepestBracketLine, jsonNestingOver, MAX_NESTING, pathDeeperThan } from './nesting.js';
import { parseHclFile, ParseTimeoutError, type ExpressionTable, type HclBody, type HclParsed } from './fast-hcl.js';
import type { SourceLiteral } from './source-literals.js';
import { readWorkspaceFile, WorkspaceReadError } from '../util/workspace-read.js';

export interface ParsedFile {
  file: DiscoveredFile;
  sha256: string;
  body: HclBody;
  locations: LocationIndex;
  /** HCL native syntax: the expression trees of the body's template strings, from the same parse. */
  expressions?: ExpressionTable;
  /** HCL native syntax: literals the body's shape folds away, as the parser read them (source-literals.ts). */
  literals?: SourceLiteral[];
  /** The text as read (BOM removed), kept for inline comments (waivers) and snippets. */
  text: string;
}

export interface ParseOptions {
  /** Files larger than this are reported, not parsed. */
  maxFileBytes: number;
  /** Time limit per file, in milliseconds: a file that takes longer is reported as timed out. */
  timeoutMs?: number;
  /**
   * Which HCL parser gives the value body: 'fast' (src/parse/fast-hcl.ts: in this thread, with a
   * clock check against the time limit; output identical to hcl2json on every file of the corpora, a
   * test proves it) or 'hcl2json' (the reference: HashiCorp's library compiled to wasm, run in a
   * worker thread that is stopped at the time limit, since it runs synchronously and crashes the
   * process on deep nesting; loaded only then). The locations and expression trees come from the fast
   * parser either way.
   */
  parser?: 'fast' | 'hcl2json';
}

/** Default per-file parse time limit: the corpora's largest files parse in well under a second. */
export const DEFAULT_PARSE_TIMEOUT_MS = 20_000;

export const DEFAULT_PARSE_OPTIONS: ParseOptions = { maxFileBytes: 4 * 1024 * 1024, timeoutMs: DEFAULT_PARSE_TIMEOUT_MS };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** JSON syntax: .tf.json, .pkr.json and the .json forms of variable files. */
function isJsonSyntax(file: DiscoveredFile): boolean {
  return file.kind === 'terraform-json' || file.kind === 'packer-json' || file.path.toLowerCase().endsWith('.json');
}

/** The size refusal in the words reports have always used ("file is N bytes, over the M-byte limit; not parsed"). */
function sizeMessage(e: WorkspaceReadError): string | undefined {
  if (e.kind !== 'too-large') return undefined;
  const m = /^is (\d+) bytes, over the (\d+)-byte limit/.exec(e.reason);
  return m ? `file is ${m[1]} bytes, over the ${m[2]}-byte limit; not parsed` : `file is over the size limit; not parsed`;
}

function whole(): FileError['range'] {
  return { startLine: 1, endLine: 1 };
}

/** Parse one file: the fast parser in this thread, or the reference parser in the parse worker. */
export async function parseFile(file: DiscoveredFile, opts: ParseOptions = DEFAULT_PARSE_OPTIONS): Promise<ParsedFile | FileError> {
  if (opts.parser === 'hcl2json' && opts.timeoutMs !== undefined && opts.timeoutMs > 0) {
    const inWorker = (await import('./worker-client.js')).parseInWorker(file, opts);
    if (inWorker) return inWorker;
  }
  return parseFileHere(file, opts);
}

/** Read and parse one file in this thread (the parse worker runs this with hcl2json). Never throws. */
export async function parseFileHere(file: DiscoveredFile, opts: ParseOptions = DEFAULT_PARSE_OPTIONS): Promise<ParsedFile | FileError> {
  const fail = (message: string, range = whole()): FileError => ({ path: file.path, kind: file.kind, message, range });
  let bytes: Buffer;
  try {
    // Confined to the workspace by real path, regular files only, the limit checked on the open file.
    bytes = readWorkspaceFile(file.root ?? path.dirname(file.absPath), file.absPath, opts.maxFileBytes, 'file', file.path).bytes;
  } catch (e) {
    if (e instanceof WorkspaceReadError) return fail(sizeMessage(e) ?? e.reason);
    return fail(`cannot read file: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const failRead = (message: string, range = whole()): FileError => ({ ...fail(message, range), sha256 });
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const line = bytes.subarray(0, nul).toString('latin1').split('\n').length;
    return failRead('binary content (NUL byte); not parsed', { startLine: line, endLine: line });
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return failRead('file is not valid UTF-8; not parsed');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  try {
    if (isJsonSyntax(file)) {
      const deep = jsonNestingOver(text, MAX_NESTING);
      if (deep !== undefined) return failRead(`nested more than ${MAX_NESTING} levels deep; not parsed`, { startLine: deep, endLine: deep });
      const { value, locations } = parseJsonWithLocations(text);
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        return failRead('the top level of a JSON configuration file must be an object');
      }
      // A label level written as an array of objects, read in the plain nesting (json-blocks.ts).
      const joined = file.kind === 'terraform-json' ? joinLabelArrays(value as HclBody, locations) : undefined;
      const joinedBody = (joined?.body ?? value) as HclBody;
      // "//" properties of bodies are comments (json-blocks.ts).
      // Only a text that can spell a "//" key has one to drop (a cheap test before walking the body;
      // JSON may write the slashes escaped, as \/ or \u002f).
      const commented = text.includes('//') || text.includes('\\/') || /\\u002f/i.test(text);
      const body = (!commented ? undefined : file.kind === 'terraform-json' ? dropJsonComments(joinedBody) : file.kind === 'terraform-vars' ? dropTopComment(joinedBody) : undefined) ?? joinedBody;
      return { file, sha256, body: body as HclBody, locations: joined?.locations ?? locations, text };
    }
    const deadline = opts.timeoutMs ? Date.now() + opts.timeoutMs : undefined;
    const parsed: HclParsed = opts.parser === 'hcl2json' ? await (await import('./hcl2json-adapter.js')).parseHclReference(text, deadline) : parseHclFile(text, deadline);
    const { body, locations, expressions, literals } = parsed;
    const deep = pathDeeperThan(body, MAX_NESTING);
    if (deep) {
      const line = locations.resolve(deep)?.range.startLine ?? deepestBracketLine(text);
      return failRead(`nested more than ${MAX_NESTING} levels deep; not parsed`, { startLine: line, endLine: line });
    }
    return { file, sha256, body, locations, expressions, ...(literals ? { literals } : {}), text };
  } catch (e) {
    if (e instanceof HclSyntaxError) return failRead(`syntax error: ${e.message}`, e.range);
    if (e instanceof ParseTimeoutError) return failRead(`parsing took longer than ${(opts.timeoutMs ?? 0) / 1000} s (the parse-timeout); not parsed`);
    if (e instanceof HclParserCrash) {
      const line = deepestBracketLine(text);
      return failRead(`the HCL parser failed (${e.message}), most likely on nesting too deep (deepest at line ${line}); not parsed`, { startLine: line, endLine: line });
    }
    return failRead(`parser failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export function isFileError(x: ParsedFile | FileError): x is FileError {
  return 'message' in x && !('body' in x);
}

