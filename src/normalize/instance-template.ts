// google_compute_instance_from_template: a VM is its source_instance_template with the arguments the
// resource writes laid over it (Terraform replaces a top-level argument or block list as a whole).
// When the template is a resource of the same module instance its settings are the VM's; when it is
// not (a variable, a data source, another module) every argument the VM does not write is unknown,
// so rules judge what it overrides and never take an inherited setting as absent.
import type { TerraformResource, UnknownValue, Value } from '../model/input.js';

export const FROM_TEMPLATE = 'google_compute_instance_from_template';

/** Arguments an instance template supplies to the VM (the google_compute_instance schema, less name/zone). */
export const INHERITED_ARGUMENTS = [
  'advanced_machine_features',
  'attached_disk',
  'boot_disk',
  'can_ip_forward',
  'confidential_instance_config',
  'deletion_protection',
  'description',
  'enable_display',
  'guest_accelerator',
  'hostname',
  'labels',
  'machine_type',
  'metadata',
  'metadata_startup_script',
  'min_cpu_platform',
  'network_interface',
  'network_performance_config',
  'reservation_affinity',
  'resource_policies',
  'scheduling',
  'scratch_disk',
  'service_account',
  'shielded_instance_config',
  'tags',
] as const;

/** Template arguments that are not the VM's own (the template's name, its disks as `disk` blocks). */
const TEMPLATE_ONLY = new Set(['name', 'name_prefix', 'instance_description', 'disk', 'project', 'region']);

const REFERENCE = /^((?:data\.)?[a-z][a-z0-9_]*\.[A-Za-z_][A-Za-z0-9_-]*)(?:\[([^\]]*)\])?\.[a-z_][a-z0-9_]*$/;

function isUnknown(v: unknown): v is UnknownValue {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as { __unknown__?: unknown }).__unknown__ === 'string';
}

function keyOf(raw: string | undefined): string | number | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (/^[0-9]+$/.test(raw)) return Number(raw);
  const m = /^"((?:[^"\\]|\\.)*)"$/.exec(raw);
  return m ? m[1] : undefined;
}

const sameModuleInstance = (a: TerraformResource, b: TerraformResource): boolean =>
  a.module_dir === b.module_dir && JSON.stringify(a.module_path ?? []) === JSON.stringify(b.module_path ?? []);

/** The google_compute_instance_template a VM's source_instance_template refers to, in its module instance. */
export function sourceTemplate(vm: TerraformResource, resources: TerraformResource[]): TerraformResource | undefined {
  const ref = vm.config.source_instance_template;
  if (!isUnknown(ref)) return undefined;
  const m = REFERENCE.exec(ref.__unknown__.trim());
  if (!m || !m[1]!.startsWith('google_compute_instance_template.')) return undefined;
  const key = keyOf(m[2]);
  const found = resources.filter(
    (r) => r.type === 'google_compute_instance_template' && (r.local_address ?? r.address) === m[1] && sameModuleInstance(r, vm) && (key === undefined || r.instance_key === key),
  );
  return found.length === 1 ? found[0] : undefined;
}

/** The VM's effective configuration: the template's (or unknowns), then what the VM writes. */
export function effectiveConfig(vm: TerraformResource, template: TerraformResource | undefined): { [k: string]: Value } {
  const inherited: { [k: string]: Value } = {};
  if (template) {
    for (const [k, v] of Object.entries(template.config)) if (!TEMPLATE_ONLY.has(k)) inherited[k] = v;
  } else {
    const from = isUnknown(vm.config.source_instance_template) ? vm.config.source_instance_template.__unknown__ : 'source_instance_template';
    for (const k of INHERITED_ARGUMENTS) inherited[k] = { __unknown__: `${k} inherited from ${from}` };
  }
  // null is an argument not written: the template's value stands.
  const written = Object.fromEntries(Object.entries(vm.config).filter(([, v]) => v !== null));
  return { ...inherited, ...written };
}

/** Every google_compute_instance_from_template of resources, given its effective configuration. */
export function inheritInstanceTemplates(resources: TerraformResource[]): void {
  for (const r of resources) {
    if (r.type !== FROM_TEMPLATE || r.mode !== 'managed') continue;
    r.config = effectiveConfig(r, sourceTemplate(r, resources));
  }
}
