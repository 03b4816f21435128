// `controlgate merge (--json | --sarif | --evidence) <shard files...> [--out <file>]`: the outputs of
// the shards of one scan combined into what an unsharded run writes (README "Sharding a monorepo").
import path from 'node:path';
import { writeOutputFile } from '../util/output-write.js';
import { readWorkspaceFile, WorkspaceReadError } from '../util/workspace-read.js';
import { parseArgs } from 'node:util';
import { EXIT, UsageError } from '../errors.js';
import { MergeError, mergeEvidence, mergeJson, mergeSarif, type MergeInput } from '../report/merge.js';
import { runContext } from '../report/evidence/context.js';
import { writeEvidence } from '../report/evidence/write.js';

export const MERGE_USAGE = `controlgate merge --json <shard.json...> [--out <file>]
       controlgate merge --sarif <shard.sarif...> [--out <file>]
       controlgate merge --evidence <shard-evidence.json...> --out <file.json>`;

/** A shard's output may be this large. */
const MAX_SHARD_FILE_BYTES = 512 * 1024 * 1024;

function read(file: string): MergeInput<unknown> {
  let text: string;
  try {
    // Named by the user on the command line, so anywhere; still a regular file within the size limit.
    text = readWorkspaceFile(path.parse(path.resolve(file)).root, path.resolve(file), MAX_SHARD_FILE_BYTES, 'shard file', file).bytes.toString('utf8');
  } catch (e) {
    if (e instanceof WorkspaceReadError) throw new MergeError(e.message);
    throw new MergeError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  try {
    return { name: file, doc: JSON.parse(text) as unknown };
  } catch (e) {
    throw new MergeError(`${file} is not JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Exit 0 merged (--json/--evidence: 1 when the merged result fails, as scan would), 2 invalid. */
export function mergeCommand(args: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: { json: { type: 'boolean' }, sarif: { type: 'boolean' }, evidence: { type: 'boolean' }, out: { type: 'string' } },
  });
  const kinds = (['json', 'sarif', 'evidence'] as const).filter((k) => values[k]);
  if (kinds.length !== 1) throw new UsageError('merge needs exactly one of --json, --sarif, --evidence');
  if (!positionals.length) throw new UsageError('merge needs the shards\' files');
  const kind = kinds[0]!;
  if (kind === 'evidence' && !values.out) throw new UsageError('merge --evidence needs --out <file.json> (the .md and .oscal.json are written beside it)');
  try {
    const inputs = positionals.map(read);
    if (kind === 'evidence') {
      const merged = mergeEvidence(inputs, runContext());
      writeEvidence(values.out!, merged, process.cwd());
      return merged.result.passed ? EXIT.ok : EXIT.findings;
    }
    const { text, failed } = kind === 'json' ? mergeJson(inputs) : { text: mergeSarif(inputs), failed: false };
    if (values.out) writeOutputFile(values.out, text, process.cwd());
    else out.write(text);
    return failed ? EXIT.findings : EXIT.ok;
  } catch (e) {
    if (e instanceof MergeError) {
      err.write(`controlgate: merge: ${e.message}\n`);
      return EXIT.usage;
    }
    throw e;
  }
}
