// Which reports a scan writes, and where: `--format` (repeatable, or comma-separated) names formats;
// `-o/--output <file>` sends the format named just before it to <file> (Trivy's `--format sarif -o
// out.sarif`, repeated per format). The pairing rule, as the README and --help say it:
//   - `-o` belongs to the `--format` right before it; that `--format` must name one format;
//   - `-o` before any `--format` belongs to the default text report;
//   - a format without `-o` (or with `-o -`) goes to standard output; at most one may;
//   - `--sarif <file>` is shorthand for `--format sarif -o <file>`.
import path from 'node:path';
import { UsageError } from '../errors.js';

export const FORMATS = ['text', 'json', 'sarif', 'junit', 'result'] as const;
export type Format = (typeof FORMATS)[number];

export interface OutputTarget {
  format: Format;
  /** The file as given (relative to the current folder); undefined: standard output. */
  file?: string;
  /** The implied text report when `--sarif -` took standard output: it goes to standard error. */
  stream?: 'stderr';
}

/** The option tokens parseArgs reports, in command-line order (only the ones read here). */
export interface OptionToken {
  kind: string;
  name?: string;
  value?: string | undefined;
}

function parseFormatList(value: string): Format[] {
  const list = value
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  if (!list.length) throw new UsageError('--format needs a format: text, json, sarif, junit or result');
  for (const f of list) if (!(FORMATS as readonly string[]).includes(f)) throw new UsageError(`--format must be text, json, sarif, junit or result (got "${f}")`);
  return list as Format[];
}

const STDOUT = '-';

/** The reports to write, from the command line's --format, -o/--output and --sarif, in order. */
export function outputPlan(tokens: readonly OptionToken[]): OutputTarget[] {
  const targets: OutputTarget[] = [];
  /** The formats of the last --format (or the implied text report of a bare -o), and whether -o took it. */
  let last: { formats: number; paired: boolean } | undefined;
  let formatGiven = false;
  let textImplied = false;
  const fileOf = (flag: string, value: string | undefined): string | undefined => {
    if (!value) throw new UsageError(`${flag} needs a file name (or - for standard output)`);
    return value === STDOUT ? undefined : value;
  };
  for (const t of tokens) {
    if (t.kind !== 'option') continue;
    if (t.name === 'format') {
      const formats = parseFormatList(t.value ?? '');
      formatGiven = true;
      for (const format of formats) targets.push({ format });
      last = { formats: formats.length, paired: false };
    } else if (t.name === 'output') {
      const file = fileOf('-o/--output', t.value);
      if (!last) {
        // Before any --format: the default text report goes there.
        textImplied = true;
        targets.push({ format: 'text', ...(file ? { file } : {}) });
        last = { formats: 1, paired: true };
        continue;
      }
      if (last.paired) throw new UsageError(`-o ${t.value}: the --format before it already has its -o (write --format <f> -o <file> once per format)`);
      if (last.formats > 1) throw new UsageError(`-o ${t.value} follows a --format with several formats: give each its own (--format json -o out.json --format sarif -o out.sarif)`);
      const target = targets.at(-1)!;
      if (file) target.file = file;
      last.paired = true;
    } else if (t.name === 'sarif') {
      const file = fileOf('--sarif', t.value);
      targets.push({ format: 'sarif', ...(file ? { file } : {}) });
      last = undefined;
    }
  }
  // No --format and no bare -o: the text report on standard output, as always (--sarif adds to it).
  // `--sarif -` alone takes standard output: the implied text report then goes to standard error.
  const sarifToStdout = targets.some((t) => t.format === 'sarif' && t.file === undefined);
  if (!formatGiven && !textImplied) targets.unshift({ format: 'text', ...(sarifToStdout ? { stream: 'stderr' as const } : {}) });
  const toStdout = targets.filter((t) => t.file === undefined && t.stream === undefined);
  if (toStdout.length > 1) {
    throw new UsageError(`only one report can go to standard output, but ${toStdout.map((t) => t.format).join(' and ')} would (give the others -o <file>)`);
  }
  const seen = new Set<string>();
  for (const t of targets) {
    if (t.file === undefined) continue;
    const abs = path.resolve(t.file);
    if (seen.has(abs)) throw new UsageError(`two reports would be written to ${t.file}`);
    seen.add(abs);
  }
  return targets;
}
