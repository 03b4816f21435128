// No attribute value may make a built-in rule fail at run time. In the wasm a rule that gives two
// values for one call (or one key twice in an object) aborts the whole folder's document; the engine
// then narrows the failure to the resource and reports it (tests/hostile/policy-runtime-error.test.ts),
// but the rules themselves must give every input a result. Every resource type the rules name gets,
// for each odd value, one resource with every attribute the rules name set to it and one resource per
// attribute, evaluated by the built bundle (dist/policy.wasm) as the scan evaluates it.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PolicyEngine, PolicyError } from '../../src/evaluate/engine.js';
import type { PolicyInput, TerraformResource, Value } from '../../src/model/input.js';
import { distDir, repoRoot } from '../helpers/paths.js';

const rulesDir = path.join(repoRoot, 'policies', 'rules');
const ruleText = readdirSync(rulesDir)
  .flatMap((d) => readdirSync(path.join(rulesDir, d)).filter((f) => f.endsWith('.rego') && !f.endsWith('_test.rego')).map((f) => readFileSync(path.join(rulesDir, d, f), 'utf8')))
  .join('\n');
const TYPE = /"((?:aws|azurerm|google|kubernetes)_[a-z0-9_]+)"/g;
const types = [...new Set([...ruleText.matchAll(TYPE)].map((m) => m[1]!))].sort();
const attrs = [...new Set([...ruleText.matchAll(/"([a-z][a-z0-9_]{1,40})"/g)].map((m) => m[1]!))].filter((a) => !types.includes(a)).sort();

const unknown = (e: string): Value => ({ __unknown__: e });
const ODD: Value[] = [null, [], {}, 'x', 1, true, [1, 'a', null, {}], [unknown('var.y')], { a: null }, unknown('var.x')];

const resource = (i: number, type: string, config: Record<string, Value>): TerraformResource => ({ id: `r${i}`, address: `${type}.r${i}`, mode: 'managed', type, name: `r${i}`, module_dir: '', file: 'main.tf', config });
const doc = (resources: TerraformResource[]): PolicyInput => ({ schema_version: 1, terraform: { resources, providers: [], variables: [] }, packer: { sources: [], builds: [], variables: [] } });

describe('odd attribute values', () => {
  it('give every built-in rule a result, never a run-time error', { timeout: 120_000 }, async () => {
    expect(types.length).toBeGreaterThan(100);
    expect(attrs.length).toBeGreaterThan(300);
    const engine = await PolicyEngine.load(readFileSync(path.join(distDir, 'policy.wasm')));
    const failures: string[] = [];
    for (const type of types) {
      for (const v of ODD) {
        const rs = [resource(0, type, Object.fromEntries(attrs.map((a) => [a, v]))), ...attrs.map((a, i) => resource(i + 1, type, { [a]: v }))];
        try {
          engine.evaluate(doc(rs));
        } catch (e) {
          if (!(e instanceof PolicyError)) throw e;
          const one = rs.find((r) => {
            try {
              engine.evaluate(doc([r]));
              return false;
            } catch {
              return true;
            }
          });
          failures.push(`${type} ${JSON.stringify(one?.config ?? '(only together)').slice(0, 120)}: ${e.message}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
