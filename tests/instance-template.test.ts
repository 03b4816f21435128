// google_compute_instance_from_template: the template's arguments (same module instance) under what
// the VM writes; unknown for every argument it does not write when the template is elsewhere.
import { describe, expect, it } from 'vitest';
import { effectiveConfig, sourceTemplate } from '../src/normalize/instance-template.js';
import type { TerraformResource } from '../src/model/input.js';

const res = (type: string, local: string, config: TerraformResource['config'], extra: Partial<TerraformResource> = {}): TerraformResource => ({
  id: `main.tf#${local}`,
  address: local,
  local_address: local.replace(/\[.*\]$/, ''),
  mode: 'managed',
  type,
  name: local.split('.')[1]!,
  module_dir: '.',
  file: 'main.tf',
  config,
  ...extra,
});

describe('instance templates', () => {
  const t0 = res('google_compute_instance_template', 'google_compute_instance_template.t[0]', { can_ip_forward: true, name_prefix: 'a-' }, { instance_key: 0 });
  const t1 = res('google_compute_instance_template', 'google_compute_instance_template.t[1]', { can_ip_forward: false }, { instance_key: 1 });
  const other = res('google_compute_instance_template', 'google_compute_instance_template.t[0]', {}, { instance_key: 0, module_path: ['module.x'] });

  it('finds the template of the same module instance, by instance key', () => {
    const vm = res('google_compute_instance_from_template', 'google_compute_instance_from_template.vm', { source_instance_template: { __unknown__: 'google_compute_instance_template.t[1].self_link' } });
    expect(sourceTemplate(vm, [t0, t1, other])).toBe(t1);
    const ambiguous = res('google_compute_instance_from_template', 'google_compute_instance_from_template.vm', { source_instance_template: { __unknown__: 'google_compute_instance_template.t.self_link' } });
    expect(sourceTemplate(ambiguous, [t0, t1])).toBeUndefined();
  });

  it('lays the VM over the template; null and a missing template leave inherited values unknown', () => {
    const vm = res('google_compute_instance_from_template', 'google_compute_instance_from_template.vm', { source_instance_template: { __unknown__: 'var.t' }, can_ip_forward: null, labels: { a: 'b' } });
    expect(effectiveConfig(vm, t0)).toMatchObject({ can_ip_forward: true, labels: { a: 'b' } });
    expect(effectiveConfig(vm, t0)).not.toHaveProperty('name_prefix');
    const alone = effectiveConfig(vm, undefined);
    expect(alone.can_ip_forward).toEqual({ __unknown__: 'can_ip_forward inherited from var.t' });
    expect(alone.labels).toEqual({ a: 'b' });
  });
});
