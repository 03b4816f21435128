// `controlgate input <paths...>`: print the policy input document exactly as the policies receive it
// (like `conftest parse` or `regula show input`), every value the scanner could not know shown as
// {"__unknown__": "<expression or reason>"}. For people writing their own Rego, and the public way
// to see how Terraform and Packer values were resolved. Same discovery, configuration, var files and
// --plan as `controlgate scan`: it calls the very function scan() builds its input with.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { findConfig } from '../config/config.js';
import { resolveSettings } from '../config/settings.js';
import { scanOptionsFrom } from '../engine/scan-options.js';
import { EXIT, UsageError } from '../errors.js';
import { parseTimeoutMs } from '../config/options.js';
import { resolveInput } from '../engine/scan.js';
import { safeText } from '../util/escape.js';
import { configSearchDirs, rootRelative } from './paths.js';

export const INPUT_USAGE = `controlgate input [paths...] [--root <dir>] [--var-file <file>]... [--plan <file.json>]
                         [--config <file>] [--skip-path <glob>]... [--max-file-bytes <n>] [--parse-timeout <s>]`;

const HELP = `Usage: ${INPUT_USAGE}

Print the policy input document (JSON) the rules receive for these paths: Terraform resources,
providers and variables, Packer sources, builds and variables, with values resolved as a scan
resolves them. A value that cannot be known statically is {"__unknown__": "<why>"}.
Paths and flags mean what they mean for 'controlgate scan' (relative to the current folder).
Values are printed as written, secrets included: do not publish the output.
Files that could not be parsed (exit 1) and modules not read are listed on stderr.`;

/** JSON for a terminal: the characters JSON leaves raw that a terminal or an editor acts on, escaped. */
export function terminalJson(doc: unknown): string {
  return JSON.stringify(doc, null, 2).replace(/[\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export async function inputCommand(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      root: { type: 'string', default: '.' },
      'var-file': { type: 'string', multiple: true },
      plan: { type: 'string' },
      config: { type: 'string' },
      'skip-path': { type: 'string', multiple: true },
      'max-file-bytes': { type: 'string' },
      'parse-timeout': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    out.write(`${HELP}\n`);
    return EXIT.ok;
  }
  const maxFileBytes = values['max-file-bytes'] ? Number(values['max-file-bytes']) : undefined;
  if (maxFileBytes !== undefined && !(Number.isInteger(maxFileBytes) && maxFileBytes > 0)) throw new UsageError('--max-file-bytes must be a positive whole number');
  const timeoutMs = parseTimeoutMs(values['parse-timeout'], '--parse-timeout');
  // The same translation as `controlgate scan` (src/cli/scan.ts): paths relative to the current folder.
  const cwd = process.cwd();
  const root = path.resolve(cwd, values.root ?? '.');
  const at = (flag: string) => (p: string): string => rootRelative(p, { cwd, root, flag });
  const settings = resolveSettings(
    findConfig(root, values.config === undefined ? undefined : path.resolve(cwd, values.config), configSearchDirs(root).slice(1)),
    {
      paths: positionals.map(at('path')),
      ...(values['var-file']?.length ? { varFiles: values['var-file'].map(at('--var-file')) } : {}),
      ...(values['skip-path']?.length ? { skipPaths: values['skip-path'].map(at('--skip-path')) } : {}),
      ...(maxFileBytes ? { maxFileBytes } : {}),
    },
    'flag',
  );
  const resolved = await resolveInput({
    root,
    ...scanOptionsFrom(settings),
    ...(timeoutMs ? { parseTimeoutMs: timeoutMs } : {}),
    ...(values.plan ? { plan: at('--plan')(values.plan) } : {}),
  });
  out.write(`${terminalJson(resolved.normalized.input)}\n`);
  const notRead = [...resolved.errors.map((e) => `${e.path}: ${e.message}`), ...resolved.normalized.summary.skipped.map((s) => `${s.path}: ${s.reason}`)];
  for (const line of notRead) err.write(`controlgate: not scanned: ${safeText(line)}\n`);
  for (const m of resolved.normalized.summary.remoteModules) err.write(`controlgate: module not evaluated (remote, not downloaded): ${safeText(`${m.module} = ${m.source} (${m.file}:${m.line})`)}\n`);
  return resolved.errors.length ? EXIT.findings : EXIT.ok;
}
