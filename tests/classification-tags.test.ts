// Which tags mark restricted data (VMH-MULTI-004, VMH-AWS-005, VMH-AZ-002) comes from
// `classification-tag-keys` and `restricted-classifications` in .controlgate.yml when set.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config/config.js';
import { resolveSettings } from '../src/config/settings.js';
import { scanOptionsFrom } from '../src/engine/scan-options.js';
import { scan } from '../src/engine/scan.js';

const volumes = [
  'resource "aws_ebs_volume" "pii" {',
  '  availability_zone = "eu-west-1a"',
  '  size              = 10',
  '  encrypted         = true',
  '  tags = { Sensitivity = "PII" }',
  '}',
  'resource "aws_ebs_volume" "restricted" {',
  '  availability_zone = "eu-west-1a"',
  '  size              = 10',
  '  encrypted         = true',
  '  tags = { DataClassification = "Restricted" }',
  '}',
  '',
].join('\n');

const workspace = (yaml: string): string => {
  const d = mkdtempSync(path.join(tmpdir(), 'cg-class-'));
  writeFileSync(path.join(d, '.controlgate.yml'), yaml);
  writeFileSync(path.join(d, 'main.tf'), volumes);
  return d;
};

const cmkFindings = async (root: string, opts: object): Promise<string[]> =>
  (await scan({ root, paths: ['.'], ...opts })).findings.filter((f) => f.ruleId === 'VMH-AWS-005').map((f) => f.resource);

describe('classification-tag-keys and restricted-classifications', () => {
  it('replace the default keys and values end to end, through the configuration', async () => {
    const d = workspace('classification-tag-keys: [Sensitivity]\nrestricted-classifications: [pii]\n');
    const settings = resolveSettings(loadConfig(path.join(d, '.controlgate.yml')), {}, 'flag');
    expect(settings.classificationTagKeys).toEqual(['Sensitivity']);
    expect(settings.restrictedClassifications).toEqual(['pii']);
    expect(await cmkFindings(d, scanOptionsFrom(settings))).toEqual(['aws_ebs_volume.pii']);
    expect(await cmkFindings(d, {})).toEqual(['aws_ebs_volume.restricted']);
  });

  it('rejects an empty list or a non-string entry', () => {
    for (const yaml of ['classification-tag-keys: []\n', 'restricted-classifications: [1]\n', 'classification-tag-keys: tier\n']) {
      expect(() => loadConfig(path.join(workspace(yaml), '.controlgate.yml'))).toThrow(ConfigError);
    }
  });
});
