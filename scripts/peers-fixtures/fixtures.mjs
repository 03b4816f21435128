// The peers' own labelled Terraform examples, read from where their package managers put them:
//   trivy-checks   every check's examples YAML (terraform: good / bad), from the Go module cache
//                  (go mod download github.com/aquasecurity/trivy-checks@<version>)
//   defsec         the older rule tree's *.tf.go Good/Bad example lists (same origin as trivy-checks,
//                  kept where trivy-checks no longer has a check's examples or has changed them)
// Checkov's labelled fixtures (tests/terraform/checks/...) are not in its PyPI sdist (it ships only
// tests/test_main.py and two others) and no other registry serves them: they are not measured here.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { load as loadYaml } from 'js-yaml';

export const TRIVY_CHECKS = { module: 'github.com/aquasecurity/trivy-checks', version: 'v1.10.0' };
export const DEFSEC = { module: 'github.com/aquasecurity/defsec', version: 'v0.82.0' };

/** The module's folder in the Go module cache, downloading it through the module proxy when missing. */
export function goModuleDir({ module, version }, download = true) {
  const cache = execFileSync('go', ['env', 'GOMODCACHE'], { encoding: 'utf8' }).trim();
  const escaped = module.replace(/[A-Z]/g, (c) => `!${c.toLowerCase()}`);
  const dir = path.join(cache, `${escaped}@${version}`);
  if (!existsSync(dir) && download) {
    execFileSync('go', ['mod', 'download', '-json', `${module}@${version}`], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, GOFLAGS: '-mod=mod' } });
  }
  return existsSync(dir) ? dir : undefined;
}

function walk(dir, test, out = []) {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p, test, out);
    else if (test(p)) out.push(p);
  }
  return out;
}

/** trivy-checks: [{peer, check, label, index, source, text}] for every Terraform example. */
export function trivyExamples(root) {
  const out = [];
  for (const file of walk(path.join(root, 'checks', 'cloud'), (p) => p.endsWith('.rego') && !p.endsWith('_test.rego'))) {
    const head = readFileSync(file, 'utf8').split('\npackage ')[0];
    const id = /^#\s+avd_id:\s*(\S+)/m.exec(head)?.[1] ?? /^#\s+id:\s*(AVD-\S+)/m.exec(head)?.[1];
    const ex = /^#\s+examples:\s*["']?([^"'\s]+)/m.exec(head)?.[1];
    if (!id || !ex || !existsSync(path.join(root, ex))) continue;
    const doc = loadYaml(readFileSync(path.join(root, ex), 'utf8'));
    for (const label of ['good', 'bad']) {
      (doc?.terraform?.[label] ?? []).forEach((text, index) => out.push({ peer: 'trivy-checks', check: id, label, index, source: ex, text }));
    }
  }
  return out;
}

/** defsec: the Go string lists terraform<Name>GoodExamples / BadExamples of each rule. */
export function defsecExamples(root) {
  const out = [];
  for (const file of walk(path.join(root, 'internal', 'rules'), (p) => p.endsWith('.tf.go'))) {
    const goFile = file.replace(/\.tf\.go$/, '.go');
    if (!existsSync(goFile)) continue;
    const id = /AVDID:\s*"(AVD-[^"]+)"/.exec(readFileSync(goFile, 'utf8'))?.[1];
    if (!id) continue;
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(/var terraform\w*?(Good|Bad)Examples = \[\]string\{([\s\S]*?)\n\}/g)) {
      const label = m[1].toLowerCase();
      [...m[2].matchAll(/`([^`]*)`/g)].forEach((s, index) => out.push({ peer: 'defsec', check: id, label, index, source: path.relative(root, file), text: s[1] }));
    }
  }
  return out;
}
