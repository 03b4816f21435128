#!/usr/bin/env node
// What cty-exact numbers cost (issue 13, root cause 4): the evaluator's numbers are 512-bit binary
// floats (src/resolve/bignum.ts) instead of float64. This micro benchmark times the operations an
// expression uses (parse a literal, add, multiply, divide, compare, print) on both, and a whole
// evaluation of typical attribute expressions. Not a test: it prints numbers.
//
//   node scripts/bench/numbers.mjs [--n 200000]
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const n = Number(process.argv[process.argv.indexOf('--n') + 1] || 200_000) || 200_000;
const out = mkdtempSync(path.join(tmpdir(), 'cg-bench-numbers-'));
const entry = path.join(out, 'entry.ts');
await (await import('node:fs/promises')).writeFile(
  entry,
  `export { BigNum } from ${JSON.stringify(path.join(repo, 'src/resolve/bignum.ts'))};
   export { evalString } from ${JSON.stringify(path.join(repo, 'src/resolve/eval.ts'))};`,
);
await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile: path.join(out, 'b.mjs'), logLevel: 'warning' });
const { BigNum, evalString } = await import(pathToFileURL(path.join(out, 'b.mjs')).href);
rmSync(out, { recursive: true, force: true });

function time(label, fn) {
  fn(0); // warm up
  const t = process.hrtime.bigint();
  let sink;
  for (let i = 0; i < n; i++) sink = fn(i);
  const ns = Number(process.hrtime.bigint() - t) / n;
  console.log(`${label.padEnd(44)} ${ns.toFixed(0).padStart(7)} ns/op`);
  return sink;
}

console.log(`${n} iterations each (node ${process.version})`);
const a = BigNum.parse('1234.5678');
const b = BigNum.parse('3');
time('float64: parse "1234.5678"', () => Number('1234.5678'));
time('bignum:  parse "1234.5678" (512 bits)', () => BigNum.parse('1234.5678'));
time('float64: a + b', (i) => 1234.5678 + i);
time('bignum:  a + b', () => a.add(b));
time('float64: a * b', (i) => 1234.5678 * i);
time('bignum:  a * b', () => a.mul(b));
time('float64: a / b', (i) => 1234.5678 / (i + 1));
time('bignum:  a / b', () => a.div(b));
time('bignum:  compare', () => a.cmp(b));
time('float64: print an integer', (i) => String(i));
time('bignum:  print an integer (tostring)', (i) => BigNum.fromInt(i).text());
time('float64: print 1234.5678', () => String(1234.5678));
time('bignum:  print 1234.5678 (shortest at 512 bits)', () => BigNum.parse('1234.5678').text());
const scope = { resolver: { ref: () => undefined }, bindings: new Map() };
time('evaluate "${8080 + 1}"', () => evalString('${8080 + 1}', scope));
time('evaluate "${format("%d-%s", 10 * 3, "x")}"', () => evalString('${format("%d-%s", 10 * 3, "x")}', scope));
time('evaluate "${cidrsubnet("10.0.0.0/16", 8, 2)}"', () => evalString('${cidrsubnet("10.0.0.0/16", 8, 2)}', scope));
