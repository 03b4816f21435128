// `controlgate evidence verify <evidence.json> [--repo <dir>] [--bundle <dir>]`
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { EXIT, UsageError } from '../errors.js';
import { defaultAssetsDir } from '../engine/bundles.js';
import { verifyEvidence } from '../report/evidence/verify.js';
import { safeText } from '../util/escape.js';

export async function evidenceVerifyCommand(argv: string[], out: NodeJS.WritableStream): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'verify') throw new UsageError(`unknown evidence command "${sub ?? ''}" (expected: evidence verify <evidence.json>)`);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    strict: true,
    options: { repo: { type: 'string', default: '.' }, bundle: { type: 'string' } },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError('evidence verify takes exactly one evidence file');
  let evidence: unknown;
  try {
    evidence = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const bundle = values.bundle ? path.resolve(values.bundle) : undefined;
  const report = await verifyEvidence(evidence, { repo: values.repo ?? '.', assetsDir: bundle ?? defaultAssetsDir(), bundleGiven: bundle !== undefined });
  for (const p of report.problems) out.write(`MISMATCH ${p.kind}${p.path ? ` ${safeText(p.path)}` : ''}: ${safeText(p.detail)}\n`);
  const what = report.recomputed ? 'findings, evaluations, waivers, controls, counts and file entries recomputed' : 'nothing recomputed';
  const scope = report.scope ? `; pull-request scope ${report.scope}` : '';
  out.write(
    report.problems.length
      ? `evidence does not verify: ${report.problems.length} mismatch(es); ${report.checkedFiles} file(s) checked against the ${report.source}; ${what}${scope}\n`
      : `evidence verifies: ${report.checkedFiles} file(s) match the ${report.source}; policy bundle and catalog digests match; ${what} and equal to the evidence${scope}\n`,
  );
  return report.problems.length ? EXIT.findings : EXIT.ok;
}
