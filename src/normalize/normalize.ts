// normalize: parsed files -> the one policy input document, plus a locator that maps every entity id
// back to its file and its path in that file's LocationIndex (lines never go to the policies).
import path from 'node:path';
import type { LocationIndex, PathSegment } from '../parse/hcl-locator.js';
import type { ParsedFile } from '../parse/parse.js';
import {
  emptyInput,
  type PackerBuild,
  type PackerProvisioner,
  type PolicyInput,
  type UnknownValue,
  type Value,
  type Variable,
} from './input.js';

export interface EntityLocation {
  file: string;
  /** Path of the entity's block in the file's LocationIndex. */
  locPath: PathSegment[];
  locations: LocationIndex;
}

export interface Normalized {
  input: PolicyInput;
  locator: Map<string, EntityLocation>;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A template or interpolation hcl2json left as text: "${...}" or "%{...}" not escaped as "$${"/"%%{". */
const TEMPLATE = /(?<![$])\$\{|(?<![%])%\{/;

export function unknown(expr: string): UnknownValue {
  return { __unknown__: expr };
}

export function isUnknown(v: unknown): v is UnknownValue {
  return isObj(v) && typeof v.__unknown__ === 'string';
}

/** Literal values stay; anything the scanner cannot evaluate becomes an UnknownValue. */
export function toValue(v: unknown): Value {
  if (typeof v === 'string') {
    if (TEMPLATE.test(v)) {
      const m = /^\$\{([\s\S]*)\}$/.exec(v);
      return unknown(m ? m[1]!.trim() : v);
    }
    return v.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
  }
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return v;
  if (Array.isArray(v)) return v.map(toValue);
  if (isObj(v)) {
    const o: { [k: string]: Value } = {};
    for (const [k, x] of Object.entries(v)) o[k] = toValue(x);
    return o;
  }
  return null;
}

/**
 * A block body: values converted, and blocks produced by `dynamic "x"` marked unknown when no
 * literal block of that name exists (the scanner does not expand them yet: see issue #4), so a rule
 * never treats a generated block as absent.
 */
export function toBody(body: Obj): { [k: string]: Value } {
  const out: { [k: string]: Value } = {};
  for (const [k, v] of Object.entries(body)) {
    if (k === 'dynamic' && isObj(v)) {
      out[k] = toValue(v);
      continue;
    }
    out[k] = Array.isArray(v) && v.every(isObj) && v.length > 0 ? v.map((b) => toBody(b as Obj)) : toValue(v);
  }
  if (isObj(body.dynamic)) {
    for (const name of Object.keys(body.dynamic)) {
      if (!(name in out)) out[name] = unknown(`dynamic "${name}"`);
    }
  }
  return out;
}

/** hcl2json gives lists of bodies; JSON syntax may give a single object. */
function bodies(v: unknown): Obj[] {
  if (Array.isArray(v)) return v.filter(isObj);
  return isObj(v) ? [v] : [];
}

function dirOf(file: string): string {
  const d = path.posix.dirname(file);
  return d === '' ? '.' : d;
}

function literalString(v: unknown): string | undefined {
  return typeof v === 'string' && !TEMPLATE.test(v) ? v : undefined;
}

class Builder {
  readonly input = emptyInput();
  readonly locator = new Map<string, EntityLocation>();

  /** Register an entity id, making it unique within the input. */
  register(file: ParsedFile, base: string, locPath: PathSegment[]): string {
    let id = `${file.file.path}#${base}`;
    for (let n = 2; this.locator.has(id); n++) id = `${file.file.path}#${base}#${n}`;
    this.locator.set(id, { file: file.file.path, locPath, locations: file.locations });
    return id;
  }

  variables(f: ParsedFile, into: Variable[]): void {
    const vars = f.body.variable;
    if (!isObj(vars)) return;
    for (const [name, list] of Object.entries(vars)) {
      bodies(list).forEach((b, i) => {
        const v: Variable = {
          id: this.register(f, `var.${name}`, ['variable', name, i]),
          name,
          dir: dirOf(f.file.path),
          file: f.file.path,
          has_default: 'default' in b,
          sensitive: b.sensitive === true,
        };
        if ('default' in b) v.default = toValue(b.default);
        into.push(v);
      });
    }
  }

  terraform(f: ParsedFile): void {
    const tf = this.input.terraform;
    const moduleDir = dirOf(f.file.path);
    for (const mode of ['resource', 'data'] as const) {
      const byType = f.body[mode];
      if (!isObj(byType)) continue;
      for (const [type, byName] of Object.entries(byType)) {
        if (!isObj(byName)) continue;
        for (const [name, list] of Object.entries(byName)) {
          bodies(list).forEach((b, i) => {
            const address = mode === 'data' ? `data.${type}.${name}` : `${type}.${name}`;
            tf.resources.push({
              id: this.register(f, address, [mode, type, name, i]),
              address,
              mode: mode === 'data' ? 'data' : 'managed',
              type,
              name,
              module_dir: moduleDir,
              file: f.file.path,
              config: toBody(b),
            });
          });
        }
      }
    }
    if (isObj(f.body.provider)) {
      for (const [name, list] of Object.entries(f.body.provider)) {
        bodies(list).forEach((b, i) => {
          const alias = literalString(b.alias);
          tf.providers.push({
            id: this.register(f, alias ? `provider.${name}.${alias}` : `provider.${name}`, ['provider', name, i]),
            name,
            ...(alias ? { alias } : {}),
            module_dir: moduleDir,
            file: f.file.path,
            config: toBody(b),
          });
        });
      }
    }
    this.variables(f, tf.variables);
  }

  /** Provisioners of one build in source order: hcl2json groups them by type, lines restore order. */
  provisioners(f: ParsedFile, buildPath: PathSegment[], blocks: unknown, kind: string): PackerProvisioner[] {
    const found: Array<{ type: string; line: number; config: { [k: string]: Value } }> = [];
    if (isObj(blocks)) {
      for (const [type, list] of Object.entries(blocks)) {
        bodies(list).forEach((b, i) => {
          const line = f.locations.get([...buildPath, kind, type, i])?.startLine ?? Number.MAX_SAFE_INTEGER;
          found.push({ type, line, config: toBody(b) });
        });
      }
    }
    found.sort((a, b) => a.line - b.line);
    return found.map((p, index) => ({ type: p.type, index, config: p.config }));
  }

  packerHcl(f: ParsedFile): void {
    const pk = this.input.packer;
    const dir = dirOf(f.file.path);
    if (isObj(f.body.source)) {
      for (const [type, byName] of Object.entries(f.body.source)) {
        if (!isObj(byName)) continue;
        for (const [name, list] of Object.entries(byName)) {
          bodies(list).forEach((b, i) => {
            const address = `source.${type}.${name}`;
            pk.sources.push({
              id: this.register(f, address, ['source', type, name, i]),
              address,
              type,
              name,
              template_dir: dir,
              file: f.file.path,
              syntax: 'hcl',
              config: toBody(b),
            });
          });
        }
      }
    }
    bodies(f.body.build).forEach((b, i) => {
      const buildPath: PathSegment[] = ['build', i];
      const name = literalString(b.name) ?? `build.${i}`;
      const sources = Array.isArray(b.sources) ? b.sources.filter((s): s is string => typeof s === 'string') : [];
      // `source "amazon-ebs.x" { ... }` blocks inside a build also name sources they use.
      if (isObj(b.source)) sources.push(...Object.keys(b.source).map((s) => (s.startsWith('source.') ? s : `source.${s}`)));
      const build: PackerBuild = {
        id: this.register(f, `build.${name}`, buildPath),
        name,
        template_dir: dir,
        file: f.file.path,
        sources,
        provisioners: this.provisioners(f, buildPath, b.provisioner, 'provisioner'),
        post_processors: this.provisioners(f, buildPath, b['post-processor'], 'post-processor'),
      };
      pk.builds.push(build);
    });
    this.variables(f, pk.variables);
  }

  packerJson(f: ParsedFile): void {
    const pk = this.input.packer;
    const dir = dirOf(f.file.path);
    const addresses: string[] = [];
    (Array.isArray(f.body.builders) ? f.body.builders : []).forEach((b, i) => {
      if (!isObj(b)) return;
      const type = literalString(b.type) ?? 'unknown';
      const name = literalString(b.name) ?? type;
      const address = `source.${type}.${name}`;
      const { type: _t, name: _n, ...rest } = b;
      addresses.push(address);
      pk.sources.push({
        id: this.register(f, address, ['builders', i]),
        address,
        type,
        name,
        template_dir: dir,
        file: f.file.path,
        syntax: 'json',
        config: toBody(rest),
      });
    });
    const list = (key: string): PackerProvisioner[] =>
      (Array.isArray(f.body[key]) ? (f.body[key] as unknown[]) : []).flatMap((p, index) => {
        if (!isObj(p)) return [];
        const { type, ...rest } = p;
        return [{ type: literalString(type) ?? 'unknown', index, config: toBody(rest) }];
      });
    if (addresses.length || Array.isArray(f.body.provisioners)) {
      pk.builds.push({
        id: this.register(f, 'build', []),
        name: 'build',
        template_dir: dir,
        file: f.file.path,
        sources: addresses,
        provisioners: list('provisioners'),
        post_processors: list('post-processors').filter((p) => p.type !== 'unknown'),
      });
    }
    if (isObj(f.body.variables)) {
      for (const [name, def] of Object.entries(f.body.variables)) {
        pk.variables.push({
          id: this.register(f, `var.${name}`, ['variables', name]),
          name,
          dir,
          file: f.file.path,
          has_default: true,
          default: toValue(def),
          sensitive: Array.isArray(f.body['sensitive-variables']) && f.body['sensitive-variables'].includes(name),
        });
      }
    }
  }
}

/** Build the policy input from parsed files (in the order given, which discover sorted). */
export function normalize(files: ParsedFile[]): Normalized {
  const b = new Builder();
  for (const f of files) {
    switch (f.file.kind) {
      case 'terraform':
      case 'terraform-json':
        b.terraform(f);
        break;
      case 'packer':
        b.packerHcl(f);
        break;
      case 'packer-json':
        b.packerJson(f);
        break;
      default:
        // Variable files are parsed (so their errors are reported) and resolved in a later stage.
        break;
    }
  }
  return { input: b.input, locator: b.locator };
}
