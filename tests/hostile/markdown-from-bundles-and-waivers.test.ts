// Attack (issue 12, item 9): "Text from bundles and waivers reaches Markdown raw". A user bundle's
// catalog.json (title, description, remediation, control ids and titles) and inline waivers (reason,
// approver, expires) carry HTML, @mentions, table-breaking pipes, a forged fingerprint marker, bidi
// controls and bare URLs. Every Markdown sink (job summary, summary comment, review comments, evidence
// Markdown) shows them inert: no tag, no mention, no link, no marker, no reordering, no broken table;
// an e-mail address stays intact (in a code span). Runs the built action (dist/index.js) against the
// GitHub stand-in on 127.0.0.1.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/paths.js';
import { GitHubMock } from '../helpers/github-mock.js';
import { env, fixtureRepo } from '../helpers/pr-fixture.js';
import { runActionAsync } from '../helpers/run.js';

const FORGED_FP = 'f0'.repeat(16);
const EVIL = `<img src=x onerror=alert(1)> @octocat | x | <!-- controlgate:finding fp=${FORGED_FP} --> <!-- controlgate:summary --> \u202Egnp.exe\u202C https://evil.example/phish www.evil.example \`code\``;
const EMAIL = 'jane.doe@example.com';

let mock: GitHubMock | undefined;
afterEach(async () => {
  await mock?.stop();
  mock = undefined;
});

/** The example organisation bundle with every text field of its catalog replaced by hostile text. */
function hostileBundle(dir: string): void {
  cpSync(path.join(repoRoot, 'examples', 'custom-policy', 'bundle'), dir, { recursive: true });
  const file = path.join(dir, 'catalog.json');
  const cat = JSON.parse(readFileSync(file, 'utf8'));
  const controlId = `CLD.6.3.1${EVIL}`;
  for (const r of cat.rules) {
    Object.assign(r, { title: `Tags ${EVIL}`, description: `Why ${EVIL}`, remediation: `Fix ${EVIL}`, message: `Missing ${EVIL}` });
    r.controls.iso27017 = [controlId];
    r.controls.soc2 = [`CC3.2${EVIL}`];
  }
  cat.controls.iso27017 = { [controlId]: { title: `Roles ${EVIL}`, rules: cat.rules.map((r: { id: string }) => r.id) } };
  writeFileSync(file, JSON.stringify(cat));
}

/** Every way a Markdown sink could act on hostile text. `ownMarkers`: how many marker comments the action itself adds. */
function expectInert(md: string, where: string, ownMarkers: number): void {
  expect(md, where).not.toMatch(/<(img|script|a\s|iframe)/i);
  expect(md, where).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  expect(md, where).not.toContain(`<!-- controlgate:finding fp=${FORGED_FP}`);
  expect((md.match(/<!-- controlgate:/g) ?? []).length, where).toBe(ownMarkers);
  // Mentions, URLs and e-mail addresses only inside code spans.
  const outside = md.replace(/(?<![`\\])(`+)(?!`)[^]*?(?<!`)\1(?!`)/g, ' ');
  expect(outside, where).not.toMatch(/@(?!\u200b)[A-Za-z]/);
  expect(outside, where).not.toMatch(/https:\/\/evil|(?<![\w.])www\.evil/);
  // Table rows keep their header's column count ("\|" is a pipe inside a cell, not a separator).
  const lines = md.split('\n');
  const columns = (l: string): number => l.split(/(?<!\\)\|/).length;
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith('|') || lines[i - 1]?.startsWith('|')) continue;
    for (let j = i + 1; j < lines.length && lines[j]!.startsWith('|'); j++) expect(columns(lines[j]!), `${where}: ${lines[j]}`).toBe(columns(lines[i]!));
  }
}

describe('hostile text from a user bundle and from waivers', () => {
  it('reaches the summary, the summary comment, review comments and the evidence Markdown inert', async () => {
    const fx = fixtureRepo();
    hostileBundle(path.join(fx.ws, 'org-bundle'));
    mkdirSync(path.join(fx.ws, 'infra', 'extra'));
    writeFileSync(
      path.join(fx.ws, 'infra', 'extra', 'waived.tf'),
      [
        `# controlgate:ignore ORG-TAG-001 reason="${EVIL.replace(/"/g, '')}" approver="${EMAIL}" expires="2099-01-01${EVIL.replace(/"/g, '')}"`,
        'resource "aws_instance" "a" {',
        '  ami = "ami-1"',
        '}',
        `# controlgate:ignore ORG-TAG-001 reason="vendor appliance, see ${EMAIL}" approver="${EMAIL}" expires=2099-01-01`,
        'resource "aws_instance" "b" {',
        '  ami = "ami-2"',
        '}',
        '',
      ].join('\n'),
    );
    mock = new GitHubMock();
    await mock.start();
    const r = await runActionAsync(fx.ws, { paths: 'infra', 'fail-on': 'never', 'pr-comments': 'true', 'github-token': 't', scope: 'all', 'policy-bundles': 'org-bundle' }, env(fx, mock));
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
    expect(mock.violations).toEqual([]);

    // The hostile bundle's rule ran and its text is in every sink, escaped.
    expect(r.summary).toContain('ORG-TAG-001');
    expectInert(r.summary, 'job summary', 0);
    const sticky = mock.issueComments[0]!.body;
    expectInert(sticky, 'summary comment', 1);
    const org = mock.reviewComments.filter((c) => c.body.includes('ORG-TAG-001'));
    expect(org.length).toBeGreaterThan(0);
    for (const c of mock.reviewComments) {
      expectInert(c.body, `review comment ${c.id}`, 1);
      // The only marker is the action's own, with the finding's real fingerprint.
      expect(c.body).toMatch(/<!-- controlgate:finding fp=[0-9a-f]{8,64} -->$/);
    }
    expect(org[0]!.body).toContain('**Why:** Why');
    const evidenceMd = readFileSync(path.join(fx.ws, 'controlgate-evidence.md'), 'utf8');
    expectInert(evidenceMd, 'evidence Markdown', 0);

    // The waivers are in the summary and the evidence, the e-mail address intact (in a code span).
    expect(r.summary).toContain('### Waivers');
    expect(r.summary).toMatch(/\| infra\/extra\/waived\.tf:5 \| ORG-TAG-001 \| applied \| 1 \|/);
    expect(r.summary).toMatch(/\| infra\/extra\/waived\.tf:1 \| ORG-TAG-001 \| rejected \|/);
    expect(r.summary).toContain(`\`${EMAIL}\``);
    expect(evidenceMd).toContain(`\`${EMAIL}\``);
    expect(r.summary).not.toContain(`${EMAIL.split('@')[0]}@\u200b`);
  });
});
