#!/usr/bin/env node
// Make fixtures/corpus/: a trimmed, licensed copy of ../shared/corpora (real Terraform and Packer
// written by others) so a clone without ../shared still runs the parser conformance tests on real
// code. Deterministic: small sources are kept whole; from a large one every k-th source file (in
// byte order of its path) up to PER_SOURCE files, plus every Packer file. Each source keeps its
// upstream licence file and upstream paths. Run: node scripts/trim-corpus.mjs [--from DIR]
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fromArg = process.argv.indexOf('--from');
const from = fromArg > 0 ? path.resolve(process.argv[fromArg + 1]) : path.resolve(root, '..', 'shared', 'corpora');
const out = path.join(root, 'fixtures', 'corpus');
const PER_SOURCE = 60;
const SOURCE = /\.(tf|tf\.json|tfvars|pkr\.hcl|pkr\.json|pkrvars\.hcl|json)$/;
const LICENCE = /^(licen[cs]e|notice|copying)/i;

if (!existsSync(from)) {
  console.error(`trim-corpus: ${from} is missing`);
  process.exit(2);
}

function walk(dir, base, acc) {
  for (const name of readdirSync(dir).sort()) {
    const abs = path.join(dir, name);
    const st = statSync(abs);
    if (st.isDirectory()) walk(abs, base, acc);
    else if (st.isFile() && SOURCE.test(name)) acc.push(path.relative(base, abs));
  }
  return acc;
}

const byteOrder = (a, b) => (Buffer.compare(Buffer.from(a), Buffer.from(b)));
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const inventory = readFileSync(path.join(from, 'INVENTORY.md'), 'utf8');
const rows = [];
for (const source of readdirSync(from).sort()) {
  const src = path.join(from, source);
  if (!statSync(src).isDirectory()) continue;
  const files = walk(src, src, []).sort(byteOrder);
  const packer = (f) => /\.pkr\.(hcl|json)$|\.pkrvars\.hcl$/.test(f) || (f.endsWith('.json') && /"builders"/.test(readFileSync(path.join(src, f), 'utf8').slice(0, 65536)));
  const step = Math.max(1, Math.ceil(files.length / PER_SOURCE));
  const kept = files.filter((f, i) => i % step === 0 || packer(f)).filter((f) => !f.endsWith('.json') || f.endsWith('.tf.json') || packer(f));
  for (const f of kept) {
    mkdirSync(path.dirname(path.join(out, source, f)), { recursive: true });
    cpSync(path.join(src, f), path.join(out, source, f));
  }
  for (const name of readdirSync(src).filter((n) => LICENCE.test(n))) cpSync(path.join(src, name), path.join(out, source, name));
  const line = inventory.split('\n').find((l) => l.startsWith(`| ${source} |`));
  const cells = line ? line.split('|').map((c) => c.trim()) : [];
  rows.push(`| ${source} | ${cells[2] ?? '?'} | ${cells[3] ?? '?'} | ${kept.length} of ${files.length} |`);
}
writeFileSync(
  path.join(out, 'README.md'),
  `# Trimmed real-world corpus\n\nCode written by others, kept only as test input (parser conformance against hcl2json, normalize\nconformance). Made by \`node scripts/trim-corpus.mjs\` from the full corpora (\`../shared/corpora\`),\nwhich stay an optional, larger run (\`CONTROLGATE_CORPORA=../shared/corpora npm test\`). Each folder\nkeeps its upstream licence file and upstream paths; nothing here is Controlgate's code.\n\n| folder | upstream @ commit | licence | files kept |\n|---|---|---|---|\n${rows.join('\n')}\n`,
);
console.log(rows.join('\n'));
