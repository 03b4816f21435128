// The CLI: `controlgate scan <paths...> [--format text|json] [--fail-on <severity>]`.
// Same engine and exit codes as the action; the GitHub runner is not involved.
import { parseArgs } from 'node:util';
import { scan } from '../engine/scan.js';
import { EXIT, UsageError } from '../engine/exit-codes.js';
import { parseFailOn, parseTimeoutMs } from '../engine/options.js';
import { failingFindings, renderJson, renderText } from '../report/text.js';
import { buildEvidence, configFileDigests } from '../report/evidence/evidence.js';
import { runContext } from '../report/evidence/context.js';
import { writeEvidence } from '../report/evidence/write.js';
import { evidenceVerifyCommand } from './evidence-verify.js';
import { policyCommand } from './policy.js';
import { ConfigError, findConfig } from '../config/config.js';
import { resolveSettings } from '../config/settings.js';
import { parseFrameworks, recordedSettings, scanOptionsFrom } from '../config/apply.js';
import { writeFileSync } from 'node:fs';
import { renderSarif } from '../report/sarif.js';
import { canonicalJson, sha256 } from '../report/evidence/evidence.js';
import { parseShard, shardStamp } from '../engine/shard.js';
import { MERGE_USAGE, mergeCommand } from './merge.js';
import { progressBar } from './progress.js';
import { INPUT_USAGE, inputCommand } from './input.js';

const USAGE = `Usage: controlgate scan [paths...] [options]
       controlgate evidence verify <evidence.json> [--repo <dir>] [--bundle <dir>]
       controlgate policy build <dir> [--out <dir>] [--opa <path>]
       controlgate policy test <dir> [--opa <path>]
       ${MERGE_USAGE}
       ${INPUT_USAGE}

Scan Terraform and Packer files; findings cite ISO/IEC 27017 controls (with ISO/IEC 27002:2022,
SOC 2, CIS and NIST 800-53 crosswalks).

Options:
  --format <text|json>     output format (default: text)
  --fail-on <severity>     exit 1 when a finding is at or above: critical, high, medium, low, info,
                           never (default: high)
  --root <dir>             workspace root; paths are reported relative to it (default: .)
  --config <file>          configuration file (default: <root>/.controlgate.yml when present)
  --frameworks <list>      control frameworks shown in messages, comma-separated: iso27017,
                           iso27002, soc2, cis, nist (default: iso27017,iso27002,soc2)
  --policy-bundle <dir>    also evaluate a bundle built by 'controlgate policy build'; repeatable
  --max-file-bytes <n>     files larger than this are reported, not parsed (default: 4194304)
  --parse-timeout <s>      a file that takes longer to parse is reported, not scanned (default: 20)
  --var-file <file>        a .tfvars or .pkrvars.hcl file for the root modules/templates, relative
                           to --root; repeatable, later files win
  --plan <file.json>       a Terraform plan as JSON (terraform show -json <planfile>), relative to
                           --root: its planned values replace the Terraform resources it covers
  --sarif <file>           also write SARIF 2.1.0 (for GitHub code scanning) to <file>
  --evidence <file.json>   write the audit evidence: <file>.json, <file>.md and <file>.oscal.json
  --shard <i/n>            evaluate and report only shard i of n (folders split by a stable hash);
                           combine the shards' outputs with 'controlgate merge'
  -h, --help               show this help

Flags win over the configuration file, the file over the defaults.

Exit codes: 0 passed, 1 findings at or above --fail-on or files not scanned, 2 usage or
configuration error, 3 internal error.`;

export async function main(argv: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (!command || command === '-h' || command === '--help' || command === 'help') {
      out.write(`${USAGE}\n`);
      return command ? EXIT.ok : EXIT.usage;
    }
    if (command === 'evidence') return evidenceVerifyCommand(rest, out);
    if (command === 'policy') return policyCommand(rest, out, err);
    if (command === 'merge') return mergeCommand(rest, out, err);
    if (command === 'input') return await inputCommand(rest, out, err);
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
        'parse-timeout': { type: 'string' },
        'var-file': { type: 'string', multiple: true },
        plan: { type: 'string' },
        sarif: { type: 'string' },
        evidence: { type: 'string' },
        config: { type: 'string' },
        frameworks: { type: 'string' },
        'policy-bundle': { type: 'string', multiple: true },
        shard: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      out.write(`${USAGE}\n`);
      return EXIT.ok;
    }
    const format = values.format;
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json (got "${format}")`);
    const given = values['fail-on'] === undefined ? undefined : parseFailOn(values['fail-on']);
    const maxFileBytes = values['max-file-bytes'] ? Number(values['max-file-bytes']) : undefined;
    if (maxFileBytes !== undefined && !(Number.isInteger(maxFileBytes) && maxFileBytes > 0)) {
      throw new UsageError('--max-file-bytes must be a positive whole number');
    }
    const timeoutMs = parseTimeoutMs(values['parse-timeout'], '--parse-timeout');
    const root = values.root ?? '.';
    const shard = parseShard(values.shard);
    const frameworks = parseFrameworks(values.frameworks);
    const settings = resolveSettings(
      findConfig(root, values.config),
      {
        paths: positionals,
        ...(given ? { failOn: given } : {}),
        ...(frameworks ? { frameworks } : {}),
        ...(values['var-file']?.length ? { varFiles: values['var-file'] } : {}),
        ...(maxFileBytes ? { maxFileBytes } : {}),
        ...(values['policy-bundle']?.length ? { policyBundles: values['policy-bundle'] } : {}),
      },
      'flag',
    );
    const failOn = settings.failOn;
    const recorded = recordedSettings(settings);
    // Shards of one scan share this digest (the evidence's configuration.sha256); merge checks it.
    const configurationSha256 = sha256(canonicalJson(recorded));
    const bar = progressBar(err as NodeJS.WritableStream & { isTTY?: boolean });
    let result;
    try {
      result = await scan({
        root,
        ...scanOptionsFrom(settings),
        ...(timeoutMs ? { parseTimeoutMs: timeoutMs } : {}),
        ...(values.plan ? { plan: values.plan } : {}),
        ...(shard ? { shard } : {}),
        ...(bar.onProgress ? { onProgress: bar.onProgress } : {}),
      });
    } finally {
      bar.clear();
    }
    const stamp = result.shard ? shardStamp(result.shard, result.bundle, configurationSha256) : undefined;
    if (values.sarif) writeFileSync(values.sarif, renderSarif(result.findings, result.catalog, { errors: result.errors, ...(stamp ? { shard: stamp } : {}) }));
    out.write(format === 'json' ? renderJson(result, failOn, { configurationSha256 }) : renderText(result, settings.frameworks));
    const failing = failingFindings(result.findings, failOn).length;
    if (values.evidence) {
      writeEvidence(values.evidence, buildEvidence({ result, run: runContext(), failOn, settings: recorded, failing, configFiles: configFileDigests(settings.configFiles, root) }));
    }
    return failing || result.errors.length ? EXIT.findings : EXIT.ok;
  } catch (e) {
    if (e instanceof ConfigError) {
      err.write(`controlgate: configuration error: ${e.message}\n`);
      return EXIT.usage;
    }
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
