// JUnit XML (--format junit) validated against the JUnit schema Jenkins' xUnit plugin uses
// (tests/schemas/junit-10.xsd, MIT), with libxml2 compiled to wasm (xmllint-wasm): no network, no
// system package. Also: hostile file names and values stay well-formed XML.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { repoRoot } from './helpers/paths.js';
import { runCli } from './helpers/run.js';
import { tempWorkspace } from './helpers/workspace.js';

const XSD = readFileSync(path.join(repoRoot, 'tests', 'schemas', 'junit-10.xsd'), 'utf8');

async function validJunit(xml: string): Promise<{ valid: boolean; errors: string[] }> {
  const r = await validateXML({ xml: [{ fileName: 'report.xml', contents: xml }], schema: [XSD] });
  return { valid: r.valid, errors: r.errors.map((e) => e.rawMessage) };
}

function junit(args: string[], cwd: string): { code: number | null; xml: string } {
  const r = runCli(['scan', '--format', 'junit', ...args], cwd);
  return { code: r.code, xml: r.stdout };
}

const workspace = (files: Record<string, string>): string => tempWorkspace(files, 'cg-junit-');

const subnet = 'resource "aws_subnet" "a" {\n  vpc_id = "vpc-1"\n  map_public_ip_on_launch = true\n  tags = { owner = "team" }\n}\n';
// A value the rule cannot know statically (not evaluated), a waived finding, and a file that does not parse.
const unknown = 'variable "p" {}\nresource "aws_subnet" "u" {\n  vpc_id = "vpc-1"\n  map_public_ip_on_launch = var.p\n  tags = { owner = "team" }\n}\n';
const waived =
  'resource "aws_subnet" "w" {\n  vpc_id = "vpc-1"\n  # controlgate:ignore SEG-AWS-001 reason="lab subnet" expires=2999-01-01\n  map_public_ip_on_launch = true\n  tags = { owner = "team" }\n}\n';

describe('JUnit XML', () => {
  it('validates against junit-10.xsd: a suite per rule, failures for findings, skipped for not evaluated and waived, errors for unparsable files', async () => {
    const ws = workspace({ 'net/main.tf': subnet, 'net/unknown.tf': unknown, 'lab/lab.tf': waived, 'broken/bad.tf': 'resource "a" "b" {\n  x = \n}\n' });
    const { code, xml } = junit([], ws);
    expect(code).toBe(1); // the unparsable file
    const v = await validJunit(xml);
    expect(v.errors).toEqual([]);
    expect(v.valid).toBe(true);
    expect(xml).toMatch(/<testsuite name="SEG-AWS-001: Subnets do not hand out public IPv4 addresses automatically" tests="3" failures="1" errors="0" skipped="2"/);
    expect(xml).toMatch(/<testcase name="net\/main.tf:3 aws_subnet.a" classname="SEG-AWS-001" time="0">\s*<failure type="medium" message="Subnet assigns/);
    expect(xml).toMatch(/<testcase name="net\/unknown.tf aws_subnet.u" classname="SEG-AWS-001" time="0">\s*<skipped message="not evaluated/);
    expect(xml).toMatch(/<skipped message="waived \([^)]*\): lab subnet/);
    expect(xml).toMatch(/<testsuite name="controlgate: files not scanned" tests="1" failures="0" errors="1"/);
  });

  it('stays well-formed and valid with hostile file names and values; --quiet keeps only what fails', async () => {
    const name = 'we&ird <"quoted"> \u0001.tf';
    const ws = workspace({ [name]: subnet.replace('"a"', '"a_b"').replace('"vpc-1"', '"vpc-]]>&<x/>"') });
    const { xml } = junit(['--fail-on', 'never'], ws);
    const v = await validJunit(xml);
    expect(v.errors).toEqual([]);
    expect(xml).toContain('we&amp;ird &lt;&quot;quoted&quot;&gt; \\u0001.tf:3');
    const quiet = junit(['--fail-on', 'medium', '--quiet'], ws).xml;
    expect((await validJunit(quiet)).valid).toBe(true);
    expect(quiet).not.toMatch(/<testcase[^>]*\/>/); // no passed testcases
    expect(quiet).toMatch(/<failure /);
    expect(junit(['--fail-on', 'high', '--quiet'], ws).xml).not.toMatch(/<testcase/); // the medium finding does not fail at high
  });
});
