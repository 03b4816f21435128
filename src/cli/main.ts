// The CLI: `controlgate scan [paths...] [options]` and its companions (rules, explain, merge, policy,
// evidence verify). Same engine and exit codes as the action; the GitHub runner is not involved.
import { EXIT, UsageError } from '../errors.js';
import { evidenceVerifyCommand } from './evidence-verify.js';
import { policyCommand } from './policy.js';
import { ConfigError } from '../config/config.js';
import { MERGE_USAGE, mergeCommand } from './merge.js';
import { INPUT_USAGE, inputCommand } from './input.js';
import { explainCommand, RULES_USAGE, rulesCommand } from './rules.js';
import { scanCommand } from './scan.js';
import { BaselineError } from '../baseline/baseline.js';
import { VERSION } from '../version.js';
import { OutputWriteError } from '../util/output-write.js';
import { WorkspaceReadError } from '../util/workspace-read.js';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { runCommand, syncStream, YOUNG_GENERATION_MB, type BoundedRun } from './bounded.js';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const USAGE = `Usage: controlgate scan [paths...] [options]
       ${RULES_USAGE}
       controlgate evidence verify <evidence.json> [--repo <dir>] [--bundle <dir>]
       controlgate policy build <dir> [--out <dir>] [--opa <path>]
       controlgate policy test <dir> [--opa <path>]
       ${MERGE_USAGE}
       ${INPUT_USAGE}
       controlgate --version

Scan Terraform and Packer files; findings cite ISO/IEC 27017 controls (with ISO/IEC 27002:2022,
SOC 2, CIS and NIST 800-53 crosswalks).

Paths: every path argument and flag is relative to the current folder. --root only sets what
paths are reported relative to (and the folder links may not leave); paths outside it are errors.

Reports:
  --format <f>[,<f>...]    text, json, sarif, junit or result (the result document that
                           'controlgate merge' combines); repeatable (default: text)
  -o, --output <file>      write the format named by the --format just before it to <file>
                           (- for standard output); before any --format: the text report.
                           A format without -o goes to standard output; at most one may.
                           Example: --format json -o out.json --format sarif -o out.sarif
  --sarif <file>           shorthand for --format sarif -o <file>
  --quiet, -q              only what fails the run: failing findings and files with errors
  --compact                no control crosswalk on each finding's line
  --severity <list>        show only findings of these severities, e.g. critical,high (what
                           fails the run is still decided by --fail-on on every finding)
  --frameworks <list>      control frameworks shown in messages, comma-separated: iso27017,
                           iso27002, soc2, cis, nist (default: iso27017,iso27002,soc2)
  --evidence <file.json>   write the audit evidence: <file>.json, <file>.md and <file>.oscal.json
  Colour: on a terminal; NO_COLOR=1 turns it off, FORCE_COLOR=1 on (FORCE_COLOR=0 off).

Exit control:
  --fail-on <severity>     exit 1 when a finding is at or above: critical, high, medium, low, info,
                           never (default: high)
  --soft-fail              exit 0 even with findings or unparsable files (2 and 3 still mean
                           a usage error or a failure of the tool itself)

Selection (added to the configuration file's):
  --check <ids>            run only these rules: ids or globs, comma-separated or repeated
                           (VMH-AWS-001, VMH-AWS-001/hop-limit, SEG-*)
  --skip-check <ids>       do not run these rules (ids or globs)
  --skip-path <path>       do not scan these files or folders (globs allowed); repeatable
  --config <file>          configuration file (default: the first .controlgate.yml or
                           .controlgate.yaml in --root, then each folder above it up to the
                           repository's top folder, never above it)
  --config-from <git-ref>  read the configuration, its extends chain, policy bundles and central
                           waivers from that commit (e.g. origin/main), not the working tree, and
                           list what the working tree's configuration loosens against it

Baseline (adopting Controlgate on code that already has findings):
  --create-baseline <file> record today's findings in <file>; they do not fail this run
  --baseline <file>        report only findings not in <file>; the ones in it are listed as accepted
                           risk (with the file's sha256) and entries no longer found as fixed

Input:
  --root <dir>             workspace root; paths are reported relative to it (default: .)
  --var-file <file>        a .tfvars or .pkrvars.hcl file for the root modules/templates;
                           repeatable, later files win
  --plan <file.json>       a Terraform plan as JSON (terraform show -json <planfile>): its planned
                           values replace the Terraform resources it covers
  --policy-bundle <dir>    also evaluate a bundle built by 'controlgate policy build'; repeatable
  --max-file-bytes <n>     files larger than this are reported, not parsed (default: 4194304)
  --parse-timeout <s>      a file that takes longer to parse is reported, not scanned (default: 20)
  --shard <i/n>            evaluate and report only shard i of n (folders split by a stable hash);
                           write each shard's --format result and combine them with
                           'controlgate merge', which renders the reports
  --allow-empty            a path that does not exist, or a run that finds no Terraform or Packer
                           file, is reported instead of being a usage error (exit 2)
  -h, --help               show this help
  --version                print the version

Flags win over the configuration file, the file over the defaults.

Exit codes: 0 passed, 1 findings at or above --fail-on or files not scanned, 2 usage or
configuration error, 3 internal error.`;

type Out = NodeJS.WritableStream & { isTTY?: boolean };

/** The oldest Node.js major the CLI runs on: package.json's "engines" says the same (a test checks). */
export const MIN_NODE_MAJOR = 22;

export async function main(argv: string[], out: Out = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  if (Number(process.versions.node.split('.')[0]) < MIN_NODE_MAJOR) {
    err.write(`controlgate: Node.js ${MIN_NODE_MAJOR} or later is needed (package.json "engines"); this is ${process.version}\n`);
    return EXIT.usage;
  }
  try {
    const [command, ...rest] = argv;
    if (!command || command === '-h' || command === '--help' || command === 'help') {
      out.write(`${USAGE}\n`);
      return command ? EXIT.ok : EXIT.usage;
    }
    if (command === '--version' || command === '-V' || command === 'version') {
      out.write(`controlgate ${VERSION}\n`);
      return EXIT.ok;
    }
    if (command === 'evidence') return evidenceVerifyCommand(rest, out);
    if (command === 'policy') return policyCommand(rest, out, err);
    if (command === 'merge') return mergeCommand(rest, out, err);
    if (command === 'input') return await inputCommand(rest, out, err);
    if (command === 'rules') return rulesCommand(rest, out);
    if (command === 'explain') return explainCommand(rest, out);
    if (command !== 'scan') throw new UsageError(`unknown command "${command}"`);
    return await scanCommand(rest, out, err, USAGE);
  } catch (e) {
    if (e instanceof ConfigError) {
      err.write(`controlgate: configuration error: ${e.message}\n`);
      return EXIT.usage;
    }
    if (e instanceof BaselineError) {
      err.write(`controlgate: ${e.message}\n`);
      return EXIT.usage;
    }
    if (e instanceof UsageError || (e instanceof TypeError && (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))) {
      err.write(`controlgate: ${e.message}\n\n${USAGE}\n`);
      return EXIT.usage;
    }
    // A file that cannot be read or written safely is the user's problem, said in one line.
    if (e instanceof OutputWriteError || e instanceof WorkspaceReadError) {
      err.write(`controlgate: ${e.message}\n`);
      return EXIT.usage;
    }
    // The stack only on request: an internal error's message says what failed.
    err.write(`controlgate: internal error: ${e instanceof Error ? (process.env.CONTROLGATE_DEBUG ? (e.stack ?? e.message) : e.message) : String(e)}\n`);
    return EXIT.internal;
  }
}

// Run when this file is the process's entry (node dist/controlgate.js, tsx src/cli/main.ts), not when
// imported (by the CLI's entry, dist/cli.js: src/cli/launch.ts, or by tests); in a bounded worker
// thread (src/cli/bounded.ts), which runs this same file, always.
const bounded = isMainThread ? undefined : (workerData as Partial<BoundedRun> | undefined)?.controlgateBounded;
if (bounded) {
  const { argv, stdoutTTY, stderrTTY, columns } = bounded;
  const err = syncStream(2, stderrTTY, columns);
  if (process.env.CONTROLGATE_DEBUG) err.write(`controlgate: scanning in a worker thread (young generation ${YOUNG_GENERATION_MB} MB)\n`);
  const answer = (exitCode: number): void => parentPort?.postMessage({ exitCode });
  main(argv, syncStream(1, stdoutTTY), err).then(answer, (e: unknown) => {
    err.write(`controlgate: ${String(e)}\n`);
    answer(EXIT.internal);
  });
} else if (isMainThread && isEntry(import.meta.url)) {
  runCommand(process.argv.slice(2), new URL(import.meta.url), (argv) => main(argv));
}

/** Whether the module at url is the script node was started with (process.argv[1], by real path). */
function isEntry(url: string): boolean {
  const started = process.argv[1];
  if (!started) return false;
  try {
    return realpathSync(started) === realpathSync(fileURLToPath(url));
  } catch {
    return false;
  }
}
