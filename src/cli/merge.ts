// `controlgate merge <result.json...> [reports]`: the result documents of the shards of one scan
// (`scan --shard i/n --format result`, README "Sharding a monorepo") combined into the unsharded
// scan's result (src/shard/merge.ts), then rendered by the reporters a scan uses, chosen with the
// same flags (src/cli/outputs.ts, src/cli/reports.ts). Exit codes as the scan would give them.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readWorkspaceFile, WorkspaceReadError } from '../util/workspace-read.js';
import { EXIT, UsageError } from '../errors.js';
import { MergeError, mergeResults, parseResultDocument, type MergeInput } from '../shard/merge.js';
import { outputPlan } from './outputs.js';
import { writeEvidenceReport, writeReports } from './reports.js';

export const MERGE_USAGE = `controlgate merge <shard-result.json...> [--format <f> [-o <file>]]... [--sarif <file>] [--evidence <file.json>]`;

const MERGE_OPTIONS = {
  format: { type: 'string', multiple: true },
  output: { type: 'string', short: 'o', multiple: true },
  sarif: { type: 'string', multiple: true },
  evidence: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  compact: { type: 'boolean' },
  // The flags of the merge of rendered outputs, refused with what to do instead.
  json: { type: 'boolean' },
  out: { type: 'string' },
} as const;

/** A shard's result may be this large. */
const MAX_SHARD_FILE_BYTES = 512 * 1024 * 1024;

function read(file: string): MergeInput {
  let text: string;
  try {
    // Named by the user on the command line, so anywhere; still a regular file within the size limit.
    text = readWorkspaceFile(path.parse(path.resolve(file)).root, path.resolve(file), MAX_SHARD_FILE_BYTES, 'shard file', file).bytes.toString('utf8');
  } catch (e) {
    if (e instanceof WorkspaceReadError) throw new MergeError(e.message);
    throw new MergeError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  return { name: file, doc: parseResultDocument(text, file) };
}

/** Exit 0 merged and passing, 1 the merged result fails (as the unsharded scan would), 2 the inputs
 * are not the shards of one scan (or the merged run stopped on a usage error). */
export function mergeCommand(args: string[], out: NodeJS.WritableStream & { isTTY?: boolean }, err: NodeJS.WritableStream): number {
  const { values, positionals, tokens } = parseArgs({ args, allowPositionals: true, strict: true, tokens: true, options: MERGE_OPTIONS });
  if (values.json || values.out !== undefined) {
    throw new UsageError(
      'merge combines the shards\' result documents (scan --shard i/n --format result -o <file>) and writes reports as scan does: --format json -o <file>, --sarif <file>, --evidence <file.json> (--json and --out are gone)',
    );
  }
  if (!positionals.length) throw new UsageError('merge needs the shards\' result files (scan --shard i/n --format result -o <file>)');
  if (values.evidence === '-') throw new UsageError('--evidence needs a file name (it writes <file>.json, <file>.md and <file>.oscal.json), not "-"');
  const targets = outputPlan(tokens);
  const workspace = process.cwd();
  // Never write a report over a shard's result: a mistyped command would destroy its input.
  const inputs = new Set(positionals.map((p) => path.resolve(p)));
  for (const f of [...targets.map((t) => t.file), values.evidence]) {
    if (f !== undefined && inputs.has(path.resolve(f))) throw new UsageError(`${f} is one of the results to merge: write the reports elsewhere`);
  }
  try {
    const merged = mergeResults(positionals.map(read));
    const { record, verdict } = merged;
    const reporting = {
      result: merged.result,
      record: () => record,
      failOn: record.failOn,
      frameworks: record.frameworks,
      configurationSha256: record.configurationSha256,
      verdict,
      quiet: values.quiet === true,
      compact: values.compact === true,
    };
    writeReports(targets, reporting, { out, err, workspace });
    if (values.evidence) writeEvidenceReport(values.evidence, reporting, workspace);
    if (verdict.exitCode === EXIT.usage) err.write(`controlgate: ${verdict.usageErrors.join('; ')}: nothing was checked there (scan with --allow-empty to accept this)\n`);
    return verdict.exitCode;
  } catch (e) {
    if (e instanceof MergeError) {
      err.write(`controlgate: merge: ${e.message}\n`);
      return EXIT.usage;
    }
    throw e;
  }
}
