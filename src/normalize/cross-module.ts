// References across module boundaries, for the resources that attach to others (a flow log to a VPC
// or subnet, a public access block to a bucket, an NSG association to a subnet, a diagnostic setting
// to a cluster...): `vpc_id = module.vpc.vpc_id` at the caller, or `vpc_id = var.vpc_id` inside a
// module called with `vpc_id = aws_vpc.main.id`. Rules see one module folder at a time, so an
// attachment made from another module is given to the target's module as a mirror: a copy of the
// attaching resource placed beside the target, its reference written as the target's module would
// write it (the same attribute: aws_vpc.this[0].default_security_group_id stays that attribute).
// Mirrors are evaluated only so that rules about the target see them; their own outcomes are dropped.
// The other way round, where a rule judges the attaching resource by its target (a rule added to a
// VPC's default security group, a node pool by its cluster, a snapshot by its volume) and the target
// is made by a called module, a copy of the target is placed in the attaching resource's module under
// its module-qualified name (module.vpc.aws_vpc.this), which the reference then reads as
// (module.vpc.aws_vpc.this[0].default_security_group_id); that copy's own outcomes are dropped too.
import path from 'node:path';
import type { ParsedFile } from '../parse/parse.js';
import type { TerraformResource, Value } from '../model/input.js';

/** Attaching resource types and the attributes that name what they attach to (a reference, or a
 * list of references), for the rules that judge the target by what attaches to it. */
export const ATTACHMENTS: Record<string, string[]> = {
  // MON-AWS-003 (the VPC has a flow log); AST-MULTI-002 (the bucket holds logs)
  aws_flow_log: ['vpc_id', 'subnet_id', 'log_destination'],
  // NET-AWS-002 (the VPC takes over its default security group)
  aws_default_security_group: ['vpc_id'],
  // SEG-AWS-002 (the bucket is covered by a public access block)
  aws_s3_bucket_public_access_block: ['bucket'],
  // AST-MULTI-002 (the bucket holds logs)
  aws_cloudtrail: ['s3_bucket_name'],
  aws_s3_bucket_logging: ['target_bucket'],
  // ADM-AWS-002 (the role has AdministratorAccess attached)
  aws_iam_role_policy_attachment: ['role'],
  // NET-AZ-002 (the subnet, or each of its interfaces, has an NSG)
  azurerm_subnet_network_security_group_association: ['subnet_id'],
  azurerm_network_interface_security_group_association: ['network_interface_id'],
  // MON-AZ-001 (the network has a flow log); MON-K8S-001 (AKS exports its audit log)
  azurerm_network_watcher_flow_log: ['network_security_group_id', 'target_resource_id'],
  azurerm_monitor_diagnostic_setting: ['target_resource_id'],
  // VMH-AZ-001 (the VM declares the extensions it allows)
  azurerm_virtual_machine_extension: ['virtual_machine_id'],
  // VMH-MULTI-001 (an interface with a public IP belongs to a VM)
  azurerm_linux_virtual_machine: ['network_interface_ids'],
  azurerm_windows_virtual_machine: ['network_interface_ids'],
  azurerm_virtual_machine: ['network_interface_ids'],
};

/** Resource types judged by what an attribute refers to, and those attributes. */
export const JUDGED_BY_TARGET: Record<string, string[]> = {
  // NET-AWS-002 (a rule added to a VPC's default security group)
  aws_security_group_rule: ['security_group_id'],
  aws_vpc_security_group_ingress_rule: ['security_group_id'],
  aws_vpc_security_group_egress_rule: ['security_group_id'],
  // SEG-K8S-001 (a node pool of a public cluster)
  google_container_node_pool: ['cluster'],
  // VMH-AWS-003 (a snapshot of an unencrypted volume, a copy of an unencrypted snapshot)
  aws_ebs_snapshot: ['volume_id'],
  aws_ebs_snapshot_copy: ['source_snapshot_id'],
  aws_ami_copy: ['source_ami_id'],
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const unknownText = (v: unknown): string | undefined => (isObj(v) && typeof v.__unknown__ === 'string' ? v.__unknown__ : undefined);

/** A resource reference at the head of an expression: aws_vpc.this[0].id, try(aws_vpc.this[0].id, "").
 * Group 1: the address with its instance key; group 2: the attribute. */
const RESOURCE_REF = /^\$\{\s*(?:(?:try|one)\(\s*)?([a-z][a-z0-9_]*\.[A-Za-z_][A-Za-z0-9_-]*(?:\[[^\]]*\])?)\.([a-z_][a-z0-9_]*)\s*(?:[,)][^}]*)?\}$/;

interface Target {
  address: string;
  attribute: string;
}

const prefixOf = (modulePath: string[]): string => modulePath.map((m) => `module.${m}.`).join('');
const samePath = (a: string[] | undefined, b: string[] | undefined): boolean => JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
const dirOf = (file: string): string => {
  const d = path.posix.dirname(file);
  return d === '' ? '.' : d;
};

function first(list: unknown): Obj | undefined {
  const b = Array.isArray(list) ? list[0] : list;
  return isObj(b) ? b : undefined;
}

/** The resource (and attribute) an expression written in the module at modulePath refers to. */
function addressIn(raw: unknown, modulePath: string[]): Target | undefined {
  if (typeof raw !== 'string') return undefined;
  const m = RESOURCE_REF.exec(raw.trim());
  return m ? { address: `${prefixOf(modulePath)}${m[1]}`, attribute: m[2]! } : undefined;
}

/** `module.<name>[key].<output>`: the resource the called module's output is, when it is one. */
function throughOutput(text: string, r: TerraformResource, resources: TerraformResource[], files: ParsedFile[]): Target | undefined {
  const m = /^module\.([A-Za-z_][A-Za-z0-9_-]*(?:\[[^\]]*\])?)\.([A-Za-z_][A-Za-z0-9_-]*)$/.exec(text);
  if (!m) return undefined;
  const childPath = [...(r.module_path ?? []), m[1]!];
  const dir = resources.find((x) => samePath(x.module_path, childPath))?.module_dir;
  if (dir === undefined) return undefined;
  for (const f of files) {
    if (dirOf(f.file.path) !== dir || !isObj(f.body.output)) continue;
    const out = first(f.body.output[m[2]!]);
    if (out) return addressIn(out.value, childPath);
  }
  return undefined;
}

/** `var.<name>` inside a called module: the resource the caller passed, when it passed one. */
function throughInput(text: string, r: TerraformResource, files: ParsedFile[]): Target | undefined {
  const m = /^var\.([A-Za-z_][A-Za-z0-9_-]*)$/.exec(text);
  const segs = r.module_path ?? [];
  if (!m || segs.length === 0 || !r.call_site) return undefined;
  const name = segs[segs.length - 1]!.replace(/\[.*$/, '');
  const site = files.find((f) => f.file.path === r.call_site!.file);
  const call = site && isObj(site.body.module) ? first(site.body.module[name]) : undefined;
  return call ? addressIn(call[m[1]!], segs.slice(0, -1)) : undefined;
}

/** A resource's address without its own instance key: module.vpc.aws_vpc.this[0] -> module.vpc.aws_vpc.this. */
function withoutKey(t: TerraformResource): string {
  const key = t.instance_key === undefined ? '' : typeof t.instance_key === 'number' ? `[${t.instance_key}]` : `[${JSON.stringify(t.instance_key)}]`;
  return key && t.address.endsWith(key) ? t.address.slice(0, -key.length) : t.address;
}

/** How the target's own module refers to it: aws_vpc.this[0].id, aws_subnet.s["a"].arn. */
function localReference(t: TerraformResource, attribute: string): string {
  const local = t.local_address ?? t.address;
  const key = t.instance_key === undefined ? '' : typeof t.instance_key === 'number' ? `[${t.instance_key}]` : `[${JSON.stringify(t.instance_key)}]`;
  return `${local}${key}.${attribute}`;
}

/** r's configuration as another module sees it: the references r's other attachment attributes make
 * name r's own module's resources, never the ones of the module the mirror is placed in (a flow log
 * sent to a module's bucket does not log that module's VPC of the same name), so they are left out
 * there; module-qualified ones (never a resource of any module) stay. */
function foreign(r: TerraformResource, except: string): { [k: string]: Value } {
  const config: { [k: string]: Value } = { ...r.config };
  const local = (v: Value): boolean => {
    const text = unknownText(v);
    return text !== undefined && !text.startsWith('module.');
  };
  for (const k of [...(ATTACHMENTS[r.type] ?? []), ...(JUDGED_BY_TARGET[r.type] ?? [])]) {
    const v = config[k];
    if (k === except || v === undefined) continue;
    if (Array.isArray(v)) config[k] = v.filter((x) => !local(x));
    else if (local(v)) delete config[k];
  }
  return config;
}

/**
 * Mirrors of the attachments made across module boundaries (with new ids). An attachment that names
 * a module's output is rewritten to the resource the output is (module.vpc.aws_vpc.this[0].id).
 */
export function crossModuleMirrors(resources: TerraformResource[], files: ParsedFile[]): TerraformResource[] {
  const byAddress = new Map(resources.map((x) => [x.address, x]));
  const mirrors: TerraformResource[] = [];
  const resolve = (r: TerraformResource, v: Value): { target: TerraformResource; attribute: string } | undefined => {
    const text = unknownText(v);
    if (text === undefined) return undefined;
    const t = throughOutput(text, r, resources, files) ?? throughInput(text, r, files);
    const target = t && byAddress.get(t.address);
    if (!target || (target.module_dir === r.module_dir && samePath(target.module_path, r.module_path))) return undefined;
    return { target, attribute: t.attribute };
  };
  const seen = new Set<string>();
  for (const r of resources) {
    if (r.mode !== 'managed') continue;
    const forward = ATTACHMENTS[r.type] ?? [];
    const backward = JUDGED_BY_TARGET[r.type] ?? [];
    for (const key of [...new Set([...forward, ...backward])]) {
      const value = r.config[key];
      if (value === undefined) continue;
      const list = Array.isArray(value);
      const items = (Array.isArray(value) ? value : [value]).map((v: Value) => ({ v, hit: resolve(r, v) }));
      if (forward.includes(key)) {
        // Each target module gets one mirror holding the references it can read (a list keeps the
        // others as they are, so a rule still sees what it cannot resolve).
        const targets = new Map<string, TerraformResource>();
        for (const { hit } of items) if (hit) targets.set(hit.target.id, hit.target);
        for (const target of targets.values()) {
          const here = (x: TerraformResource): boolean => x.module_dir === target.module_dir && samePath(x.module_path, target.module_path);
          const rewritten = items.map(({ v, hit }) => (hit && here(hit.target) ? ({ __unknown__: localReference(hit.target, hit.attribute) } as Value) : v));
          const config: { [k: string]: Value } = { ...foreign(r, key), [key]: list ? rewritten : rewritten[0]! };
          const mirror: TerraformResource = { ...r, id: `${r.id}#attached-to#${target.id}`, module_dir: target.module_dir, config };
          if (target.module_path) mirror.module_path = target.module_path;
          else delete mirror.module_path;
          mirrors.push(mirror);
        }
      }
      if (backward.includes(key)) {
        // The target, seen from r's module under its module-qualified name.
        for (const { hit } of items) {
          if (!hit || !hit.target.address.startsWith('module.')) continue;
          const t = hit.target;
          const id = `${t.id}#seen-from#${r.module_dir}#${(r.module_path ?? []).join('/')}`;
          if (seen.has(id)) continue;
          seen.add(id);
          const copy: TerraformResource = { ...t, id, module_dir: r.module_dir, local_address: withoutKey(t) };
          if (r.module_path) copy.module_path = r.module_path;
          else delete copy.module_path;
          mirrors.push(copy);
        }
      }
      // Reached through a module's output: say which resource it is (a module-qualified address is
      // never one of the caller's own resources, so rules there do not wait on it).
      const shown = items.map(({ v, hit }) => (hit && hit.target.address.startsWith('module.') ? ({ __unknown__: `${hit.target.address}.${hit.attribute}` } as Value) : v));
      if (items.some(({ hit }) => hit && hit.target.address.startsWith('module.'))) r.config[key] = list ? shown : shown[0]!;
    }
  }
  return mirrors;
}
