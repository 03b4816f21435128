// Variable files given explicitly (--var-file in the CLI, var-files in the action): read and parsed
// like any other file, in the order given (later files win). Relative paths are relative to the root.
import path from 'node:path';
import { kindOf } from '../discover/discover.js';
import type { FileError } from '../model/types.js';
import { isFileError, parseFile, type ParseOptions, type ParsedFile } from '../parse/parse.js';

export async function loadVarFiles(root: string, files: string[], opts: ParseOptions): Promise<{ parsed: ParsedFile[]; errors: FileError[] }> {
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
    const r = await parseFile({ path: shown, absPath: abs, kind }, opts);
    if (isFileError(r)) errors.push(r);
    else parsed.push(r);
  }
  return { parsed, errors };
}
