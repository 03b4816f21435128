// SHR-MULTI-002's accepted owner keys come from `owner-tag-keys` in .controlgate.yml when set.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config/config.js';
import { resolveSettings } from '../src/config/settings.js';
import { scanOptionsFrom } from '../src/engine/scan-options.js';
import { scan } from '../src/engine/scan.js';

const workspace = (yaml: string): string => {
  const d = mkdtempSync(path.join(tmpdir(), 'cg-owner-'));
  writeFileSync(path.join(d, '.controlgate.yml'), yaml);
  writeFileSync(path.join(d, 'main.tf'), 'resource "aws_vpc" "a" {\n  cidr_block = "10.0.0.0/16"\n  tags = { CostOwner = "net" }\n}\nresource "aws_vpc" "b" {\n  cidr_block = "10.1.0.0/16"\n  tags = { owner = "net" }\n}\n');
  return d;
};

describe('owner-tag-keys', () => {
  it('replaces the default keys end to end, through the configuration', async () => {
    const d = workspace('owner-tag-keys: [CostOwner]\n');
    const settings = resolveSettings(loadConfig(path.join(d, '.controlgate.yml')), {}, 'flag');
    expect(settings.ownerTagKeys).toEqual(['CostOwner']);
    const r = await scan({ root: d, ...scanOptionsFrom(settings) });
    expect(r.findings.filter((f) => f.ruleId === 'SHR-MULTI-002').map((f) => f.resource)).toEqual(['aws_vpc.b']);
    const dflt = await scan({ root: d, paths: ['.'] });
    expect(dflt.findings.filter((f) => f.ruleId === 'SHR-MULTI-002').map((f) => f.resource)).toEqual(['aws_vpc.a']);
  });

  it('rejects an empty list or a non-string key', () => {
    for (const yaml of ['owner-tag-keys: []\n', 'owner-tag-keys: [1]\n', 'owner-tag-keys: owner\n']) {
      expect(() => loadConfig(path.join(workspace(yaml), '.controlgate.yml'))).toThrow(ConfigError);
    }
  });
});
