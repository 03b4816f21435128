// The policy input every rule receives (src/model/input.ts) against policies/schemas/input.schema.json,
// for every fixture folder and every folder of the corpora: the input as a scan builds it
// (resolveInput: discover, parse, var files, modules, normalize, --plan), and each per-folder batch
// with the configuration's settings, as the policies are given it. The schema is the contract a
// user's own Rego is written against; the TypeScript types and it must say the same thing. Also: each
// Packer provisioner's path locates where it is written, in the order of the list.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { resolveInput, ruleSettings } from '../src/engine/scan.js';
import { batchesByFolder } from '../src/evaluate/engine.js';
import { emptyInput, type PolicyInput } from '../src/model/input.js';
import { corpusDirs, repoRoot } from './helpers/paths.js';

const schema = JSON.parse(readFileSync(path.join(repoRoot, 'policies', 'schemas', 'input.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

/** Schema errors, at most a few, as "instancePath: message" (the value's path names the entity). */
function problems(input: unknown): string[] {
  if (validate(input)) return [];
  return (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '/'}: ${e.message} ${JSON.stringify(e.params)}`);
}

const sub = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).filter((d) => statSync(path.join(dir, d)).isDirectory()).sort().map((d) => path.join(dir, d)) : []);

const fixtures = path.join(repoRoot, 'fixtures');
/** Every fixture folder scanned as a root: the rule fixtures' fail/ and pass/, the corpora's repositories, the rest whole. */
const roots: Array<{ root: string; plan?: string }> = [
  ...sub(path.join(fixtures, 'rules')).flatMap((r) => sub(r)),
  ...sub(fixtures)
    .filter((d) => !['rules', 'corpus'].includes(path.basename(d)))
    .flatMap((d) => [{ root: d }, ...(existsSync(path.join(d, 'plan.json')) ? [{ root: d, plan: 'plan.json' }] : [])]),
  ...corpusDirs.flatMap((c) => sub(c)),
].map((r) => (typeof r === 'string' ? { root: r } : r));

const settings = ruleSettings({ ownerTagKeys: ['owner', 'team'], classificationTagKeys: ['data-classification'], restrictedClassifications: ['restricted'] });

describe('the policy input validates against policies/schemas/input.schema.json', () => {
  it('the empty input and the settings do', () => {
    expect(problems(emptyInput())).toEqual([]);
    expect(problems({ ...emptyInput(), settings })).toEqual([]);
  });

  it('the schema rejects what the types forbid', () => {
    const base = emptyInput();
    const resource = { id: 'main.tf#aws_instance.a', address: 'aws_instance.a', mode: 'managed', type: 'aws_instance', name: 'a', module_dir: '.', file: 'main.tf' };
    const withConfig = (config: unknown): PolicyInput => ({ ...base, terraform: { ...base.terraform, resources: [{ ...resource, config } as never] } });
    expect(problems(withConfig({ ami: 'ami-1', tags: { a: 'b' }, ebs: [{ size: 8 }], x: null, y: { __unknown__: 'var.y' } }))).toEqual([]);
    expect(problems(withConfig({ ami: { __unknown__: 1 } }))).not.toEqual([]);
    expect(problems(withConfig({ ami: { __unknown__: 'var.a', other: 1 } }))).not.toEqual([]);
    expect(problems({ ...base, extra: 1 })).not.toEqual([]);
  });

  // One test per folder: a failure names the folder and the entity's path in the input.
  for (const { root, plan } of roots) {
    it(`${path.relative(repoRoot, root)}${plan ? ` with --plan ${plan}` : ''}`, async () => {
      const { normalized } = await resolveInput({ root, paths: ['.'], ...(plan ? { plan } : {}) });
      expect(problems(normalized.input)).toEqual([]);
      for (const b of batchesByFolder(normalized.input)) expect(problems({ ...b.input, settings }), b.folder).toEqual([]);
      // A provisioner's path is where it is written: it locates in its build, in source order.
      for (const b of normalized.input.packer.builds) {
        const loc = normalized.locator.get(b.id)!;
        for (const list of [b.provisioners, b.post_processors]) {
          const lines = list.map((p) => loc.locations.get([...loc.locPath, ...p.path])?.startLine);
          expect(lines.every((l) => l !== undefined), `${b.id}: ${JSON.stringify(list.map((p) => p.path))}`).toBe(true);
          expect(lines, b.id).toEqual([...lines].sort((x, y) => x! - y!));
        }
      }
    });
  }
});
