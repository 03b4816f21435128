#!/usr/bin/env node
// The findings of the current sources on real code, as sorted lines, to prove a change of structure
// or speed did not change behaviour ("the corpus findings are identical before and after").
//
//   node scripts/corpus-findings.mjs [--corpora <dir>] [--out <file>] [--compare <file>] [--no-build]
//
// --corpora   folder of repositories, one scan per sub-folder (default: $CONTROLGATE_CORPORA, else
//             ../shared/corpora when it exists, else the trimmed fixtures/corpus)
// --out       write the lines there (default: stdout)
// --compare   diff against an earlier --out; exit 1 and print the lines that differ
// --no-build  use dist/ as it is instead of building the current sources into .cache/corpus-build
//
// Each line: folder, rule, file:line-endLine, resource, path, severity, message, instances, the
// rules it covers, fingerprint; then each file error, skipped path and check not evaluated.
// Timing and absolute paths are left out so two runs of the same code are equal.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const shared = process.env.CONTROLGATE_CORPORA ?? path.resolve(root, '../shared/corpora');
const corpora = path.resolve(arg('--corpora') ?? (existsSync(shared) ? shared : path.join(root, 'fixtures/corpus')));
// Say which corpus: from a git worktree ../shared does not exist and the trimmed one is used.
console.error(`corpus-findings: scanning ${corpora}`);
const outFile = arg('--out');
const compareFile = arg('--compare');

let dist = path.join(root, 'dist');
if (!process.argv.includes('--no-build')) {
  dist = path.join(root, '.cache/corpus-build');
  execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--out', dist], { stdio: ['ignore', 'ignore', 'inherit'] });
}

const folders = readdirSync(corpora)
  .filter((d) => statSync(path.join(corpora, d)).isDirectory())
  .sort();
const lines = [];
for (const folder of folders) {
  const res = spawnSync(process.execPath, [path.join(dist, 'cli.js'), 'scan', '.', '--format', 'json', '--soft-fail', '--quiet'], {
    cwd: path.join(corpora, folder),
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (res.status !== 0) {
    lines.push(`${folder}\tEXIT ${res.status}\t${(res.stderr ?? '').trim().split('\n')[0]}`);
    continue;
  }
  const doc = JSON.parse(res.stdout);
  const s = doc.summary;
  lines.push(`${folder}\tSUMMARY\tfound=${s.filesFound} scanned=${s.filesScanned} errors=${s.fileErrors} findings=${s.findings} checks=${JSON.stringify(s.checks)}`);
  for (const e of doc.errors ?? []) lines.push(`${folder}\tERROR\t${JSON.stringify(e)}`);
  for (const e of doc.skipped ?? []) lines.push(`${folder}\tSKIPPED\t${JSON.stringify(e)}`);
  for (const e of doc.notEvaluated ?? []) lines.push(`${folder}\tNOT_EVALUATED\t${JSON.stringify(e)}`);
  for (const f of doc.findings) {
    const instances = (f.instances ?? []).map((i) => (typeof i === 'string' ? i : (i.address ?? JSON.stringify(i)))).join(',');
    const covers = (f.covers ?? []).map((c) => c.id).sort().join(',');
    lines.push([folder, f.ruleId, `${f.file}:${f.line}-${f.endLine}`, f.resource ?? '', JSON.stringify(f.path ?? []), f.severity, f.message, instances, covers, f.fingerprint].join('\t'));
  }
}
lines.sort();
const text = `${lines.join('\n')}\n`;
if (outFile) writeFileSync(outFile, text);
else if (!compareFile) process.stdout.write(text);

if (compareFile) {
  const before = readFileSync(compareFile, 'utf8').split('\n').filter(Boolean);
  const after = lines;
  const a = new Set(before);
  const b = new Set(after);
  const gone = before.filter((l) => !b.has(l));
  const added = after.filter((l) => !a.has(l));
  for (const l of gone) console.log(`- ${l}`);
  for (const l of added) console.log(`+ ${l}`);
  console.error(`${before.length} lines before, ${after.length} after: ${gone.length} gone, ${added.length} new`);
  process.exit(gone.length || added.length ? 1 : 0);
}
