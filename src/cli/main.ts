// The CLI: `controlgate scan <paths...> [--format text|json] [--fail-on <severity>]`.
// Same engine and exit codes as the action; the GitHub runner is not involved.
import { parseArgs } from 'node:util';
import { scan } from '../engine/scan.js';
import { EXIT, UsageError } from '../engine/exit-codes.js';
import { parseFailOn } from '../engine/options.js';
import { failingFindings, renderJson, renderText } from '../report/text.js';
import { buildEvidence } from '../report/evidence/evidence.js';
import { runContext } from '../report/evidence/context.js';
import { writeEvidence } from '../report/evidence/write.js';
import { evidenceVerifyCommand } from './evidence-verify.js';
import { writeFileSync } from 'node:fs';
import { renderSarif } from '../report/sarif.js';

const USAGE = `Usage: controlgate scan [paths...] [options]
       controlgate evidence verify <evidence.json> [--repo <dir>]

Scan Terraform and Packer files; findings cite ISO/IEC 27017 controls (with ISO/IEC 27002:2022,
SOC 2, CIS and NIST 800-53 crosswalks).

Options:
  --format <text|json>     output format (default: text)
  --fail-on <severity>     exit 1 when a finding is at or above: critical, high, medium, low, info,
                           never (default: high)
  --root <dir>             workspace root; paths are reported relative to it (default: .)
  --max-file-bytes <n>     files larger than this are reported, not parsed (default: 4194304)
  --var-file <file>        a .tfvars or .pkrvars.hcl file for the root modules/templates, relative
                           to --root; repeatable, later files win
  --sarif <file>           also write SARIF 2.1.0 (for GitHub code scanning) to <file>
  --evidence <file.json>   write the audit evidence: <file>.json, <file>.md and <file>.oscal.json
  -h, --help               show this help

Exit codes: 0 passed, 1 findings at or above --fail-on or files not scanned, 2 usage error,
3 internal error.`;

export async function main(argv: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (!command || command === '-h' || command === '--help' || command === 'help') {
      out.write(`${USAGE}\n`);
      return command ? EXIT.ok : EXIT.usage;
    }
    if (command === 'evidence') return evidenceVerifyCommand(rest, out);
    if (command !== 'scan') throw new UsageError(`unknown command "${command}"`);
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', default: 'text' },
        'fail-on': { type: 'string' },
        root: { type: 'string', default: '.' },
        'max-file-bytes': { type: 'string' },
        'var-file': { type: 'string', multiple: true },
        sarif: { type: 'string' },
        evidence: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      out.write(`${USAGE}\n`);
      return EXIT.ok;
    }
    const format = values.format;
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json (got "${format}")`);
    const failOn = parseFailOn(values['fail-on']);
    const maxFileBytes = values['max-file-bytes'] ? Number(values['max-file-bytes']) : undefined;
    if (maxFileBytes !== undefined && !(Number.isInteger(maxFileBytes) && maxFileBytes > 0)) {
      throw new UsageError('--max-file-bytes must be a positive whole number');
    }
    const varFiles = values['var-file'] ?? [];
    const result = await scan({ root: values.root ?? '.', paths: positionals, ...(maxFileBytes ? { maxFileBytes } : {}), ...(varFiles.length ? { varFiles } : {}) });
    if (values.sarif) writeFileSync(values.sarif, renderSarif(result.findings, result.catalog, { errors: result.errors }));
    out.write(format === 'json' ? renderJson(result, failOn) : renderText(result));
    const failing = failingFindings(result.findings, failOn).length;
    if (values.evidence) {
      const settings = { paths: positionals, failOn, maxFileBytes: maxFileBytes ?? null };
      writeEvidence(values.evidence, buildEvidence({ result, run: runContext(), failOn, settings, failing }));
    }
    return failing || result.errors.length ? EXIT.findings : EXIT.ok;
  } catch (e) {
    if (e instanceof UsageError || (e instanceof TypeError && (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))) {
      err.write(`controlgate: ${e.message}\n\n${USAGE}\n`);
      return EXIT.usage;
    }
    err.write(`controlgate: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT.internal;
  }
}

// Run when executed directly (dist/cli.js or tsx), not when imported by tests.
const invoked = process.argv[1] ?? '';
if (/(?:^|[\\/])(?:cli\.js|controlgate)$/.test(invoked) || invoked.endsWith('src/cli/main.ts')) {
  main(process.argv.slice(2)).then(
    (code) => {
      // hcl2json's Go runtime keeps the event loop alive for a while: exit as soon as output is flushed.
      process.stdout.write('', () => process.exit(code));
    },
    (e) => {
      process.stderr.write(`controlgate: ${String(e)}\n`);
      process.exit(EXIT.internal);
    },
  );
}
