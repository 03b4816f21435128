import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { normalize, toValue, type Normalized } from '../src/normalize/normalize.js';
import { repoRoot } from './helpers/paths.js';
import { parseTree } from './helpers/parse-tree.js';

const root = path.join(repoRoot, 'fixtures', 'normalize');
let n: Normalized;

beforeAll(async () => {
  const parsed = await parseTree(root);
  n = normalize(parsed);
});

describe('normalize', () => {
  it('produces a document that validates against policies/input.schema.json', () => {
    const schema = JSON.parse(readFileSync(path.join(repoRoot, 'policies', 'schemas', 'input.schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true }).compile(schema);
    const ok = validate(n.input);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('keeps literals, marks what it cannot know as unknown, unescapes $${', () => {
    const web = n.input.terraform.resources.find((r) => r.address === 'aws_instance.web')!;
    expect(web.id).toBe('main.tf#aws_instance.web');
    expect(web.module_dir).toBe('.');
    expect(web.config.ami).toEqual({ __unknown__: 'data.aws_ami.ubuntu.id' });
    // Variables with a default resolve (issue #4); an undeclared one stays unknown.
    expect(web.config.user_data).toBe('echo required');
    expect(web.config.escaped).toBe('${not_a_template}');
    expect(web.config.metadata_options).toEqual([{ http_tokens: 'required' }]);
    // A dynamic block over an unknown collection: the block it would generate is unknown, not absent.
    expect(web.config.ebs_block_device).toEqual({ __unknown__: 'dynamic "ebs_block_device"' });
    expect(n.input.terraform.resources.find((r) => r.address === 'data.aws_ami.ubuntu')?.mode).toBe('data');
  });

  it('records variables, providers and their locations', () => {
    const vars = Object.fromEntries(n.input.terraform.variables.map((v) => [v.name, v]));
    expect(vars.tokens).toMatchObject({ has_default: true, default: 'required', sensitive: false });
    expect(vars.db_password).toMatchObject({ has_default: false, sensitive: true });
    expect(n.input.terraform.providers[0]).toMatchObject({ name: 'aws', alias: 'ireland' });
    const loc = n.locator.get('main.tf#aws_instance.web')!;
    expect(loc.locations.resolve([...loc.locPath, 'metadata_options', 0, 'http_tokens'])?.range.startLine).toBe(21);
  });

  it('keeps Packer provisioners in source order across types, in HCL and legacy JSON', () => {
    const hcl = n.input.packer.builds.find((b) => b.name === 'golden')!;
    expect(hcl.sources).toEqual(['source.amazon-ebs.base']);
    expect(hcl.provisioners.map((p) => `${p.index}:${p.type}`)).toEqual(['0:shell', '1:file', '2:shell']);
    expect(hcl.provisioners[2]!.config.inline).toEqual(['echo third']);
    expect(hcl.post_processors.map((p) => p.type)).toEqual(['manifest']);
    const legacy = n.input.packer.sources.find((s) => s.syntax === 'json')!;
    expect(legacy).toMatchObject({ address: 'source.amazon-ebs.legacy', type: 'amazon-ebs', name: 'legacy' });
    expect(legacy.config.metadata_options).toEqual({ http_tokens: 'required' });
    const jb = n.input.packer.builds.find((b) => b.file === 'legacy.pkr.json')!;
    expect(jb.provisioners.map((p) => p.type)).toEqual(['shell', 'ansible']);
    expect(n.input.packer.variables.find((v) => v.name === 'secret')?.sensitive).toBe(true);
  });

  it('toValue leaves plain values alone', () => {
    expect(toValue({ a: [1, true, null, 'x'] })).toEqual({ a: [1, true, null, 'x'] });
    expect(toValue('100%{x}')).toEqual({ __unknown__: '100%{x}' });
    expect(toValue('100%%{x}')).toBe('100%{x}');
  });
});
