// Finding messages state what the configuration holds, in words: never the input's internal JSON,
// never "not set" for an attribute that is there; each finding cites its own cloud's CIS benchmark.
import { describe, expect, it } from 'vitest';
import { cisFor, seenText, valueAt, valueText } from '../src/controls/map.js';

describe('message wording', () => {
  it('renders values as HCL writes them, unknowns as their expression', () => {
    expect(valueText('optional')).toBe('"optional"');
    expect(valueText(false)).toBe('false');
    expect(valueText({ __unknown__: 'var.members' })).toBe('var.members (not known statically)');
    expect(valueText({ __unknown__: 'serviceAccount:${google_service_account.x.email}' })).toBe('"serviceAccount:${google_service_account.x.email}"');
    expect(valueText(['allUsers', { __unknown__: 'var.extra' }])).toBe('["allUsers", var.extra]');
    expect(valueText({ enabled: true, 'odd key': { __unknown__: 'local.x' } })).toBe('{ enabled = true, "odd key" = local.x }');
    for (const v of [{ __unknown__: 'a' }, [{ __unknown__: 'b' }], { k: { __unknown__: 'c' } }]) expect(valueText(v)).not.toContain('__unknown__');
  });

  it('says what is there when a rule names an attribute without its value', () => {
    const config = { ingress: [{ from_port: 22 }, { from_port: 80 }], access_config: [{}], metadata: { 'block-project-ssh-keys': false }, root_block_device: [] };
    expect(seenText(valueAt(config, ['ingress']))).toBe('is set (2 blocks)');
    expect(seenText(valueAt(config, ['access_config']))).toBe('is set (1 block)');
    expect(seenText(valueAt(config, ['metadata', 'block-project-ssh-keys']))).toBe('is false');
    expect(seenText(valueAt(config, ['root_block_device']))).toBe('is empty ([])');
    expect(seenText(valueAt(config, ['metadata_options', 0, 'http_tokens']))).toBe('is not set');
    expect(valueAt({ metadata_options: { http_tokens: 'optional' } }, ['metadata_options', 0, 'http_tokens'])).toBe('optional');
  });

  it('cites the CIS benchmark of the finding own cloud only', () => {
    const cis = ['CIS AWS v3.0.0 5.2', 'CIS Azure v1.3.0 6.6', 'CIS GCP v1.2.0 4.7', 'CIS EKS/AKS/GKE 5.1', 'CIS Controls v8 4.4'];
    expect(cisFor(cis, 'aws_security_group')).toEqual(['CIS AWS v3.0.0 5.2', 'CIS EKS/AKS/GKE 5.1', 'CIS Controls v8 4.4']);
    expect(cisFor(cis, 'azurerm_network_security_rule')).toEqual(['CIS Azure v1.3.0 6.6', 'CIS EKS/AKS/GKE 5.1', 'CIS Controls v8 4.4']);
    expect(cisFor(cis, 'googlecompute')).toEqual(['CIS GCP v1.2.0 4.7', 'CIS EKS/AKS/GKE 5.1', 'CIS Controls v8 4.4']);
    expect(cisFor(cis, 'kubernetes_pod')).toEqual(cis);
    expect(cisFor(cis, undefined)).toEqual(cis);
  });
});
