// A rule that fails at run time on some input (here: two values for one function call, or for one
// complete rule) aborts the wasm's evaluation of the whole folder's document. The scan must neither
// die nor pass: the failure is narrowed to the resource that fails on its own and reported where it
// is written, the folder's other resources keep their results, and a failure no single resource
// explains is reported on each file of the folder. Both fail the run, whatever fail-on says.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/paths.js';
import { runCli } from '../helpers/run.js';

const RULE = `# METADATA
# title: A rule that fails at run time on some buckets
# description: Gives two values for one call when a bucket is named "conflict", and for one rule when buckets "left" and "right" meet.
# custom:
#   id: ORG-CONF-001
#   severity: low
#   message: The bucket is odd
#   remediation: Name the bucket evenly.
#   controls:
#     iso27017: [CLD.9.5.2]
#     iso27002: []
#     soc2: []
#     cis: []
#     nist: []
#   inputs: [terraform]
package controlgate.rules.org_conf_001

import data.controlgate.lib.terraform as tf

applies contains r.id if some r in tf.resources({"aws_s3_bucket"})

deny contains {"resource": r.id, "path": ["bucket"]} if {
	_pair != "never"
	some r in tf.resources({"aws_s3_bucket"})
	_kind(r.config.bucket) == "odd"
}

_kind(name) := "odd" if name in {"odd", "conflict"}

_kind(name) := "even" if name == "conflict"

_pair := "left" if {
	some r in tf.resources({"aws_s3_bucket"})
	r.config.bucket == "left"
}

_pair := "right" if {
	some r in tf.resources({"aws_s3_bucket"})
	r.config.bucket == "right"
}

default _pair := "none"
`;

const bucket = (name: string, value: string): string => `resource "aws_s3_bucket" "${name}" {\n  bucket = "${value}"\n}\n`;

describe('a rule that fails at run time', () => {
  it('is reported where the input that makes it fail is written; the rest is still evaluated, and the run fails', () => {
    const ws = mkdtempSync(path.join(tmpdir(), 'cg-rterr-'));
    mkdirSync(path.join(ws, 'policies'));
    writeFileSync(path.join(ws, 'policies', 'org_conf_001.rego'), RULE);
    const built = runCli(['policy', 'build', 'policies', '--out', 'bundle'], ws);
    expect(built.stderr).toBe('');
    expect(built.code).toBe(0);
    mkdirSync(path.join(ws, 'one'));
    writeFileSync(path.join(ws, 'one', 'main.tf'), bucket('first', 'odd') + bucket('bad', 'conflict') + bucket('last', 'odd'));
    mkdirSync(path.join(ws, 'pair'));
    writeFileSync(path.join(ws, 'pair', 'main.tf'), bucket('l', 'left') + bucket('r', 'right'));
    mkdirSync(path.join(ws, 'fine'));
    writeFileSync(path.join(ws, 'fine', 'main.tf'), bucket('ok', 'odd'));

    const r = runCli(['scan', 'one', 'pair', 'fine', '--policy-bundle', 'bundle', '--format', 'json', '--fail-on', 'never'], ws);
    expect(r.stderr).not.toMatch(/internal error/);
    const doc = JSON.parse(r.stdout);
    // The scan did not die, and it does not pass on what it could not check.
    expect(r.code).toBe(1);
    expect(doc.summary.failed).toBe(false); // no finding fails it at fail-on never: the errors do
    const errors = doc.errors.map((e: { path: string; range: { startLine: number }; message: string }) => [e.path, e.range.startLine, e.message]);
    expect(errors).toEqual([
      ['one/main.tf', 4, expect.stringMatching(/^policy evaluation failed: .*org_conf_001\.rego.*conflict.*aws_s3_bucket\.bad.*evaluated without it/)],
      ['pair/main.tf', 1, expect.stringMatching(/^policy evaluation failed: .*org_conf_001\.rego.*conflict.*folder pair.*none of its results/)],
    ]);
    const own = doc.findings.filter((f: { ruleId: string }) => f.ruleId === 'ORG-CONF-001').map((f: { resource: string }) => f.resource).sort();
    expect(own).toEqual(['aws_s3_bucket.first', 'aws_s3_bucket.last', 'aws_s3_bucket.ok']);
    // The built-in bundle is evaluated on its own: its results stand in every folder, the failing resource's too.
    const builtIn = new Set(doc.findings.filter((f: { ruleId: string }) => f.ruleId !== 'ORG-CONF-001').map((f: { resource: string }) => f.resource));
    for (const a of ['aws_s3_bucket.first', 'aws_s3_bucket.bad', 'aws_s3_bucket.l', 'aws_s3_bucket.r']) expect(builtIn.has(a), a).toBe(true);
    // Each file is listed once: it parsed; its evaluation error is in the errors.
    const sarif = runCli(['scan', 'one', 'pair', 'fine', '--policy-bundle', 'bundle', '--format', 'sarif', '--fail-on', 'never'], ws);
    expect(sarif.code).toBe(1);
    expect(sarif.stdout).toMatch(/aws_s3_bucket\.bad/);
  });
});
