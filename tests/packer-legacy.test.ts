// Legacy (JSON) Packer templates: found by their content whatever their name, and their template
// engine evaluated statically ({{user}} from variables and var files; every other action unknown).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discover } from '../src/discover/discover.js';
import { isLegacyPackerTemplate, TopLevelKeyScanner } from '../src/discover/sniff.js';
import { renderTemplateString, templatePieces, userVariables } from '../src/normalize/packer-template.js';
import { scan } from '../src/engine/scan.js';

const scanText = (text: string): 'yes' | 'no' => {
  const s = new TopLevelKeyScanner('builders');
  s.feed(text);
  return s.end();
};

describe('recognising a legacy Packer template by content', () => {
  it('finds a top-level builders key, and only at the top level', () => {
    expect(scanText('{"variables": {"a": "}"}, "builders": []}')).toBe('yes');
    expect(scanText('\ufeff  {"builders": [{"type": "amazon-ebs"}]}')).toBe('yes');
    expect(scanText('{"b\\u0075ilders": []}')).toBe('yes');
    expect(scanText('{"variables": {"builders": []}}')).toBe('no');
    expect(scanText('{"name": "builders", "x": ["builders"]}')).toBe('no');
    expect(scanText('{"a": "\\"builders\\": 1"}')).toBe('no');
    expect(scanText('[{"builders": []}]')).toBe('no');
    expect(scanText('{"name": "x"} {"builders": []}')).toBe('no');
  });

  it('stops reading at the answer: a chunked feed decides as a whole one does', () => {
    const text = `{"variables": {${Array.from({ length: 2000 }, (_, i) => `"v${i}": "{{env \`X\`}}"`).join(',')}}, "builders": []}`;
    const s = new TopLevelKeyScanner('builders');
    for (let i = 0; i < text.length; i += 7) s.feed(text.slice(i, i + 7));
    expect(s.end()).toBe('yes');
  });

  it('discovers template.json, skips other JSON, honours an explicit path and the byte cap', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'cg-legacy-'));
    writeFileSync(path.join(root, 'template.json'), '{"builders": [{"type": "amazon-ebs"}]}');
    writeFileSync(path.join(root, 'package.json'), '{"name": "x", "builders": "no: nested below"}'.replace('"builders": "no: nested below"', '"scripts": {"builders": 1}'));
    writeFileSync(path.join(root, 'big.json'), `{"pad": "${'x'.repeat(5000)}", "builders": []}`);
    const r = await discover(root, ['.'], { sniffBytes: 4096 });
    expect(r.files.map((f) => [f.path, f.kind])).toEqual([['template.json', 'packer-json']]);
    const explicit = await discover(root, ['template.json', 'package.json']);
    expect(explicit.files.map((f) => f.path)).toEqual(['template.json']);
    expect(explicit.skipped).toEqual([{ path: 'package.json', reason: 'not a Terraform or Packer file' }]);
    expect(await isLegacyPackerTemplate(path.join(root, 'big.json'), 10_000)).toBe(true);
    expect(await isLegacyPackerTemplate(path.join(root, 'missing.json'), 10_000)).toBe(false);
  });
});

describe('the legacy template engine', () => {
  const user = userVariables({ region: 'us-east-1', encrypted: 'true', required: null, chained: '{{user `region`}}-x', loop: '{{user `loop`}}', fromEnv: '{{env `HOME`}}' }, [
    { region: 'eu-west-1' },
  ]);

  it('resolves {{user}} from variables, var files winning, defaults rendered in turn', () => {
    expect(renderTemplateString('{{user `encrypted`}}', user)).toBe('true');
    expect(renderTemplateString('{{ user `region` }}', user)).toBe('eu-west-1');
    expect(renderTemplateString('{{user "region"}}/a', user)).toBe('eu-west-1/a');
    expect(renderTemplateString('{{user `chained`}}', user)).toBe('eu-west-1-x');
    expect(renderTemplateString('{{- user `region` -}}  tail', user)).toBe('eu-west-1tail');
  });

  it('takes every other action as unknown, never as its own text', () => {
    for (const s of ['{{timestamp}}', '{{isotime `2006`}}', '{{uuid}}', '{{ .Name }}', '{{build `ID`}}', '{{user `region` | lower}}', '{{user `nope`}}', 'x-{{timestamp}}']) {
      expect(renderTemplateString(s, user)).toEqual({ __unknown__: s });
    }
    expect(renderTemplateString('{{user `required`}}', user)).toEqual({ __unknown__: '{{user `required`}}' });
    expect(renderTemplateString('{{user `loop`}}', user)).toEqual({ __unknown__: '{{user `loop`}}' });
    // A whole-string reference keeps the expression behind it: a credential read from the environment.
    expect(renderTemplateString('{{user `fromEnv`}}', user)).toEqual({ __unknown__: '{{env `HOME`}}' });
    expect(renderTemplateString('{{user `fromEnv`}}/x', user)).toEqual({ __unknown__: '{{user `fromEnv`}}/x' });
    expect(renderTemplateString('{{ unclosed', user)).toEqual({ __unknown__: '{{ unclosed' });
  });

  it('leaves ${...} and text without actions literal', () => {
    expect(renderTemplateString('echo ${HOME}', user)).toBe('echo ${HOME}');
    expect(templatePieces('a {{ user "x}}" }} b')).toEqual([{ text: 'a ' }, { action: 'user "x}}"', raw: '{{ user "x}}" }}' }, { text: ' b' }]);
  });
});

describe('legacy templates end to end', () => {
  it('a -var-file JSON sets a user variable the rules then judge', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'cg-legacy-vars-'));
    writeFileSync(
      path.join(root, 'ubuntu.json'),
      '{\n  "variables": {"encrypted": null},\n  "builders": [{\n    "type": "amazon-ebs", "region": "us-east-1", "source_ami": "ami-1", "instance_type": "t3.micro", "ssh_username": "u", "ami_name": "a",\n    "encrypt_boot": "{{user `encrypted`}}"\n  }]\n}\n',
    );
    writeFileSync(path.join(root, 'vars-off.json'), '{"encrypted": "false"}');
    const without = await scan({ root, paths: ['ubuntu.json'] });
    expect(without.findings.filter((f) => f.ruleId === 'VMH-PKR-003')).toEqual([]);
    expect(without.evaluations.find((e) => e.ruleId === 'VMH-PKR-003')?.status).toBe('not_evaluated');
    const withVars = await scan({ root, paths: ['ubuntu.json'], varFiles: ['vars-off.json'] });
    expect(withVars.findings.filter((f) => f.ruleId === 'VMH-PKR-003').map((f) => [f.range.startLine, f.message])).toEqual([
      [5, expect.stringContaining('encrypt_boot is "false"')],
    ]);
  });
});
