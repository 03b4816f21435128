// Variable files given explicitly (--var-file in the CLI, var-files in the action): read and parsed
// like any other file, in the order given (later files win). Relative paths are relative to the root.
import path from 'node:path';
import { kindOf } from '../discover/discover.js';
import type { FileError } from '../model/types.js';
import { isFileError, parseFile, type ParseOptions, type ParsedFile } from '../parse/parse.js';
import type { Node } from '../parse/ast.js';
import { isTemplateText, parseCached, type ExpressionLookup } from '../resolve/eval.js';
import { ParseError } from '../parse/ast.js';

/** `workspace`: the folder every read must stay inside by real path (default: root). */
export async function loadVarFiles(root: string, files: string[], opts: ParseOptions, workspace = root): Promise<{ parsed: ParsedFile[]; errors: FileError[] }> {
  const parsed: ParsedFile[] = [];
  const errors: FileError[] = [];
  for (const given of files) {
    const abs = path.resolve(root, given);
    const rel = path.relative(root, abs).split(path.sep).join('/');
    const shown = rel.startsWith('..') || path.isAbsolute(rel) ? abs.split(path.sep).join('/') : rel;
    // A plain .json var file is a legacy Packer -var-file (a flat object of user variables).
    const kind = kindOf(path.basename(abs)) ?? (abs.toLowerCase().endsWith('.json') ? 'packer-vars' : undefined);
    if (kind !== 'terraform-vars' && kind !== 'packer-vars') {
      errors.push({ path: shown, kind: 'unknown', message: 'a var file must end in .tfvars, .tfvars.json, .pkrvars.hcl, .pkrvars.json or (a legacy Packer var file) .json', range: { startLine: 1, endLine: 1 } });
      continue;
    }
    const r = await parseFile({ path: shown, absPath: abs, kind, root: workspace }, opts);
    if (isFileError(r)) errors.push(r);
    else parsed.push(r);
  }
  return { parsed, errors };
}

/**
 * Why a variable file's value is refused (OpenTofu: "Function calls not allowed", "Variables not
 * allowed"; a variable file holds constants and arithmetic on them only), or undefined. `raw` is the
 * value as hcl2json gives it: expressions it could not fold are "${...}" strings; `exprs`: the trees
 * of the file's strings.
 */
export function notConstant(raw: unknown, exprs?: ExpressionLookup): string | undefined {
  if (typeof raw === 'string') {
    if (!isTemplateText(raw)) return undefined;
    const node: Node | ParseError = exprs?.get(raw) ?? parseCached(raw);
    // the evaluator reports what it cannot parse
    return node instanceof ParseError ? undefined : nonConstantIn(node);
  }
  if (Array.isArray(raw)) {
    for (const x of raw) {
      const why = notConstant(x, exprs);
      if (why) return why;
    }
    return undefined;
  }
  if (typeof raw === 'object' && raw !== null) {
    for (const x of Object.values(raw)) {
      const why = notConstant(x, exprs);
      if (why) return why;
    }
  }
  return undefined;
}

function nonConstantIn(n: unknown): string | undefined {
  if (typeof n !== 'object' || n === null) return undefined;
  const node = n as { k?: unknown; items?: Array<{ key: { k: string; steps?: unknown[] }; value: unknown }> };
  if (node.k === 'call') return 'function calls are not allowed in a variable file';
  if (node.k === 'ref') return 'variables are not allowed in a variable file';
  if (node.k === 'object' && Array.isArray(node.items)) {
    for (const it of node.items) {
      // A bare name as an object key is a key, not a reference.
      const bareKey = it.key.k === 'ref' && Array.isArray(it.key.steps) && it.key.steps.length === 0;
      const why = (bareKey ? undefined : nonConstantIn(it.key)) ?? nonConstantIn(it.value);
      if (why) return why;
    }
    return undefined;
  }
  for (const [k, v] of Object.entries(node)) {
    if (k === 'src') continue;
    const list = Array.isArray(v) ? v : [v];
    for (const x of list) {
      const why = nonConstantIn(x);
      if (why) return why;
    }
  }
  return undefined;
}
