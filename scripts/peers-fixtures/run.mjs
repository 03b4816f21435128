#!/usr/bin/env node
// Agreement with the peers' own labelled fixtures, for the peer checks equivalent to our rules
// (each rule's METADATA `equivalents`, narrowed by ./mapping.mjs to the attributes the peer check
// judges). Each example is written as its own root module and the whole set is scanned once.
//
//   node scripts/peers-fixtures/run.mjs [--no-build | --dist <dir>] [--json <file>] [--details] [--peer trivy-checks|defsec]
//
// A "bad" example agrees when our equivalent rule reports a finding on it (on the attributes the
// mapping names, when it names some); a "good" example agrees when it reports none there. An example
// whose verdict hangs on a value we could not know statically ("not evaluated") counts as a
// disagreement. Labels that are wrong about AWS, Azure, GCP or Terraform are set aside in
// mapping.mjs with the reason, and not counted.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFSEC, TRIVY_CHECKS, defsecExamples, goModuleDir, trivyExamples } from './fixtures.mjs';
import { ASPECTS, NOT_EQUIVALENT, OUTSIDE_OUR_CONDITION, SET_ASIDE } from './mapping.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const onlyPeer = arg('--peer');

let dist = arg('--dist') ? path.resolve(arg('--dist')) : path.join(root, 'dist');
if (!process.argv.includes('--no-build') && !arg('--dist')) {
  dist = path.join(root, '.cache/peers-build');
  execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--out', dist], { stdio: ['ignore', 'ignore', 'inherit'] });
}
const catalog = JSON.parse(execFileSync(process.execPath, ['-e', `process.stdout.write(require('fs').readFileSync(${JSON.stringify(path.join(dist, 'catalog.json'))}, 'utf8'))`], { encoding: 'utf8' }));

// Peer check -> our rules, from the METADATA.
const rulesOf = new Map();
for (const r of catalog.rules) for (const e of r.equivalents ?? []) rulesOf.set(e, [...(rulesOf.get(e) ?? []), r.id]);

const examples = [];
const trivy = goModuleDir(TRIVY_CHECKS);
if (trivy && (!onlyPeer || onlyPeer === 'trivy-checks')) examples.push(...trivyExamples(trivy));
const defsec = goModuleDir(DEFSEC);
if (defsec && (!onlyPeer || onlyPeer === 'defsec')) {
  // The same example text under the same check in trivy-checks is counted once, there.
  const same = (e) => `${e.check}\u0000${e.label}\u0000${e.text.replace(/\s+/g, ' ').trim()}`;
  const seen = new Set(examples.map(same));
  examples.push(...defsecExamples(defsec).filter((e) => !seen.has(same(e))));
}

const work = path.join(root, '.cache/peers-fixtures');
rmSync(work, { recursive: true, force: true });
const cases = [];
for (const e of examples) {
  const rules = (rulesOf.get(e.check) ?? []).filter((r) => !NOT_EQUIVALENT[`${e.check} ${r}`]);
  if (rules.length === 0) continue;
  const folder = `${e.peer}/${e.check}/${e.label}-${e.index}`;
  mkdirSync(path.join(work, folder), { recursive: true });
  writeFileSync(path.join(work, folder, 'main.tf'), `${e.text}\n`);
  cases.push({ ...e, rules, folder });
}

const res = spawnSync(process.execPath, [path.join(dist, 'cli.js'), 'scan', '.', '--format', 'json', '--soft-fail', '--quiet'], { cwd: work, encoding: 'utf8', maxBuffer: 1 << 30 });
if (res.status !== 0) {
  console.error(res.stderr);
  process.exit(2);
}
const doc = JSON.parse(res.stdout);
const folderOf = (file) => file.split('/').slice(0, 3).join('/');
const byFolder = new Map();
const add = (k, x) => byFolder.set(k, [...(byFolder.get(k) ?? []), x]);
// A finding recorded as covered by a more specific one (one problem, one finding) is reported too.
for (const f of doc.findings) {
  add(folderOf(f.file), { kind: 'finding', rule: f.ruleId, id: f.id, path: (f.path ?? []).join('.'), message: f.message });
  for (const c of f.covers ?? []) add(folderOf(f.file), { kind: 'finding', rule: c.id.split('/')[0], id: c.id, path: (c.path ?? []).join('.'), message: c.message });
}
for (const n of doc.notEvaluated ?? []) add(folderOf(n.file ?? ''), { kind: 'unknown', rule: n.ruleId, path: '', message: n.reason });
for (const e of doc.errors ?? []) add(folderOf(e.path ?? e.file ?? ''), { kind: 'error', rule: '*', path: '', message: e.message });

const bare = (p) => p.split('.').filter((s) => s !== '' && !/^[0-9]+$/.test(s));
const within = (a, b) => a.length <= b.length && a.every((s, i) => s === b[i]);
const matches = (c, x) => {
  if (x.rule !== '*' && !c.rules.includes(x.rule)) return false;
  const aspect = ASPECTS[c.check];
  if (!aspect || x.kind !== 'finding') return true;
  if (aspect.ids && !aspect.ids.test(x.id)) return false;
  const p = bare(x.path);
  return !aspect.paths || aspect.paths.some((q) => within(p, q.split('.')) || within(q.split('.'), p));
};

const perRule = new Map();
const details = [];
const totals = new Map();
for (const c of cases) {
  const k = `${c.peer} ${c.check} ${c.label}-${c.index}`;
  if (SET_ASIDE[k] || OUTSIDE_OUR_CONDITION[k]) {
    const t = totals.get(c.peer) ?? { agree: 0, total: 0, setAside: 0, outside: 0 };
    if (SET_ASIDE[k]) t.setAside++;
    else t.outside++;
    totals.set(c.peer, t);
    continue;
  }
  const seen = (byFolder.get(c.folder) ?? []).filter((x) => matches(c, x));
  const found = seen.some((x) => x.kind === 'finding');
  const unsure = seen.some((x) => x.kind !== 'finding');
  const agree = c.label === 'bad' ? found : !found && !unsure;
  const t = totals.get(c.peer) ?? { agree: 0, total: 0, setAside: 0, outside: 0 };
  t.total++;
  if (agree) t.agree++;
  totals.set(c.peer, t);
  for (const r of c.rules) {
    const k = `${c.peer}\u0000${r}`;
    const s = perRule.get(k) ?? { peer: c.peer, rule: r, agree: 0, total: 0 };
    s.total++;
    if (agree) s.agree++;
    perRule.set(k, s);
  }
  if (!agree) details.push({ peer: c.peer, check: c.check, label: c.label, index: c.index, folder: c.folder, rules: c.rules, seen: byFolder.get(c.folder) ?? [], text: c.text });
}

const rows = [...perRule.values()].sort((a, b) => a.peer.localeCompare(b.peer) || a.rule.localeCompare(b.rule));
for (const r of rows) console.log(`${r.peer.padEnd(13)} ${r.rule.padEnd(14)} ${String(r.agree).padStart(4)}/${String(r.total).padEnd(4)} ${((100 * r.agree) / r.total).toFixed(1)}%`);
for (const [peer, t] of totals) console.log(`${peer}: ${t.agree}/${t.total} = ${((100 * t.agree) / t.total).toFixed(1)}% agreement (${t.setAside} labels set aside as wrong, ${t.outside} outside our rules' conditions)`);
if (arg('--json')) writeFileSync(arg('--json'), JSON.stringify({ rows, totals: Object.fromEntries(totals), details }, null, 2));
if (process.argv.includes('--details')) {
  for (const d of details) console.log(`\n--- ${d.peer} ${d.check} ${d.label}-${d.index} (${d.rules.join(',')})\n${d.seen.map((x) => `  ${x.kind} ${x.rule} ${x.path} ${x.message}`).join('\n')}\n${d.text.trim()}`);
}
