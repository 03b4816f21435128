// References across module boundaries, for the resources that attach to others (a flow log to a VPC
// or subnet): `vpc_id = module.vpc.vpc_id` at the caller, or `vpc_id = var.vpc_id` inside a module
// called with `vpc_id = aws_vpc.main.id`. Rules see one module folder at a time, so an attachment
// made from another module is given to the target's module as a mirror: a copy of the attaching
// resource placed beside the target, its reference written as the target's module would write it.
// Mirrors are evaluated only so that rules about the target see them; their own outcomes are dropped.
import path from 'node:path';
import type { ParsedFile } from '../parse/parse.js';
import type { TerraformResource, Value } from '../model/input.js';

/** Attaching resource types and the attributes that name what they attach to. */
export const ATTACHMENTS: Record<string, string[]> = {
  aws_flow_log: ['vpc_id', 'subnet_id'],
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const unknownText = (v: unknown): string | undefined => (isObj(v) && typeof v.__unknown__ === 'string' ? v.__unknown__ : undefined);

/** A resource reference at the head of an expression: aws_vpc.this[0].id, try(aws_vpc.this[0].id, ""). */
const RESOURCE_REF = /^\$\{\s*(?:(?:try|one)\(\s*)?([a-z][a-z0-9_]*\.[A-Za-z_][A-Za-z0-9_-]*(?:\[[^\]]*\])?)\.[a-z_]+\s*(?:[,)][^}]*)?\}$/;

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

/** The resource address an expression written in the module at modulePath refers to. */
function addressIn(raw: unknown, modulePath: string[]): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const m = RESOURCE_REF.exec(raw.trim());
  return m ? `${prefixOf(modulePath)}${m[1]}` : undefined;
}

/** `module.<name>[key].<output>`: the resource the called module's output is, when it is one. */
function throughOutput(text: string, r: TerraformResource, resources: TerraformResource[], files: ParsedFile[]): string | undefined {
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
function throughInput(text: string, r: TerraformResource, files: ParsedFile[]): string | undefined {
  const m = /^var\.([A-Za-z_][A-Za-z0-9_-]*)$/.exec(text);
  const segs = r.module_path ?? [];
  if (!m || segs.length === 0 || !r.call_site) return undefined;
  const name = segs[segs.length - 1]!.replace(/\[.*$/, '');
  const site = files.find((f) => f.file.path === r.call_site!.file);
  const call = site && isObj(site.body.module) ? first(site.body.module[name]) : undefined;
  return call ? addressIn(call[m[1]!], segs.slice(0, -1)) : undefined;
}

/** How the target's own module refers to it: aws_vpc.this[0].id, aws_subnet.s["a"].id. */
function localReference(t: TerraformResource): string {
  const local = t.local_address ?? t.address;
  const key = t.instance_key === undefined ? '' : typeof t.instance_key === 'number' ? `[${t.instance_key}]` : `[${JSON.stringify(t.instance_key)}]`;
  return `${local}${key}.id`;
}

/**
 * Mirrors of the attachments made across module boundaries (with new ids). An attachment that names
 * a module's output is rewritten to the resource the output is (module.vpc.aws_vpc.this[0].id).
 */
export function crossModuleMirrors(resources: TerraformResource[], files: ParsedFile[]): TerraformResource[] {
  const byAddress = new Map(resources.map((x) => [x.address, x]));
  const mirrors: TerraformResource[] = [];
  for (const r of resources) {
    const keys = ATTACHMENTS[r.type];
    if (!keys || r.mode !== 'managed') continue;
    for (const key of keys) {
      const text = unknownText(r.config[key]);
      if (text === undefined) continue;
      const target = byAddress.get(throughOutput(text, r, resources, files) ?? throughInput(text, r, files) ?? '');
      if (!target || (target.module_dir === r.module_dir && samePath(target.module_path, r.module_path))) continue;
      const config: { [k: string]: Value } = { ...r.config, [key]: { __unknown__: localReference(target) } };
      mirrors.push({
        ...r,
        id: `${r.id}#attached-to#${target.id}`,
        module_dir: target.module_dir,
        ...(target.module_path ? { module_path: target.module_path } : {}),
        config,
      });
      if (!target.module_path) delete mirrors[mirrors.length - 1]!.module_path;
      // Reached through a module's output: say which resource it is (a module-qualified address is
      // never one of the caller's own resources, so rules there do not wait on it).
      if (target.address.startsWith('module.')) r.config[key] = { __unknown__: `${target.address}.id` };
    }
  }
  return mirrors;
}
