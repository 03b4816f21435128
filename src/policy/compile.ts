// Compiling Rego into a Controlgate bundle (policy.wasm + catalog.json) with the real OPA CLI. Used
// by scripts/build.mjs for the built-in rules and by `controlgate policy build` for users' rules, so
// both go through the same checks: only builtins the wasm runtime implements, METADATA valid against
// policies/schemas/metadata.schema.json, package name matching the rule id, no duplicate ids.
import { childProcess, zlib } from '../util/builtins.js';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import metadataSchema from '../../policies/schemas/metadata.schema.json' with { type: 'json' };
import type { Catalog, ControlFramework, ControlInfo, RuleMeta } from '../model/types.js';
import { compareUtf8 } from '../util/byte-order.js';

export const ENTRYPOINT = 'controlgate/main/results';

/** Rego files that are not part of a shipped bundle, and non-Rego files OPA would load as data. */
export const IGNORE = ['*_test.rego', 'testing*.rego', 'schemas', '*.yaml', '*.md', '*.json'];

export class PolicyBuildError extends Error {
  constructor(
    message: string,
    readonly problems: string[] = [],
  ) {
    super(problems.length ? `${message}:\n  ${problems.join('\n  ')}` : message);
    this.name = 'PolicyBuildError';
  }
}

/** Exactly the builtins the opa-wasm SDK implements, plus the Rego v1 language features. */
export function writeCapabilities(sdkCapabilitiesFile: string, out: string): string {
  const sdk = JSON.parse(readFileSync(sdkCapabilitiesFile, 'utf8')) as Record<string, unknown>;
  writeFileSync(out, JSON.stringify({ ...sdk, features: ['rego_v1', 'keywords_in_refs'], future_keywords: ['contains', 'every', 'if', 'in'] }));
  return out;
}

/** The named member of a .tar.gz (ustar), as OPA writes bundles. */
export function tarMember(tgz: Buffer, wanted: string): Buffer {
  const buf = zlib().gunzipSync(tgz);
  for (let off = 0; off + 512 <= buf.length; ) {
    const name = buf.toString('utf8', off, off + 100).replace(/\0.*$/s, '');
    if (!name) break;
    const size = parseInt(buf.toString('utf8', off + 124, off + 136).replace(/\0.*$/s, '').trim() || '0', 8);
    if (name.replace(/^\/+/, '') === wanted) return buf.subarray(off + 512, off + 512 + size);
    off += 512 + Math.ceil(size / 512) * 512;
  }
  throw new PolicyBuildError(`${wanted} not found in the OPA bundle`);
}

function run(opa: string, args: string[], cwd: string): Buffer {
  try {
    return childProcess().execFileSync(opa, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  } catch (e) {
    const err = e as { stderr?: Buffer; stdout?: Buffer; message?: string };
    const text = `${err.stdout?.toString() ?? ''}${err.stderr?.toString() ?? ''}`.trim() || err.message || String(e);
    throw new PolicyBuildError(`opa ${args[0]} failed`, text.split('\n').filter(Boolean));
  }
}

/** Compile the Rego under `sources` to wasm; an unsupported builtin fails here, with OPA's message. */
export function compileWasm(opa: string, sources: string[], capabilities: string, cwd: string): Buffer {
  const tmp = mkdtempSync(path.join(tmpdir(), 'controlgate-build-'));
  try {
    const bundle = path.join(tmp, 'bundle.tar.gz');
    run(opa, ['build', '-t', 'wasm', '-e', ENTRYPOINT, '--capabilities', capabilities, ...IGNORE.flatMap((g) => ['--ignore', g]), '-o', bundle, ...sources], cwd);
    return tarMember(readFileSync(bundle), 'policy.wasm');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Rule package leaf from its id: VMH-AWS-001 -> vmh_aws_001. */
export const packageForId = (id: string): string => id.toLowerCase().replace(/-/g, '_');

interface Annotation {
  annotations: { scope: string; title?: string; description?: string; custom?: Record<string, unknown> };
  location: { file: string; row: number };
  path: Array<{ value: string }>;
}

// Compiled on first use: only `policy build` checks rule metadata, and compiling at module load cost
// every scan's start-up.
let metadataCompiled: ValidateFunction | undefined;
const metadataValidator = (): ValidateFunction => (metadataCompiled ??= new Ajv({ allErrors: true }).compile(metadataSchema));

/** Every rule's METADATA under `sources`, validated; problems are collected, not thrown one by one. */
export function extractRules(opa: string, sources: string[], cwd: string, problems: string[]): Array<RuleMeta & { source: string }> {
  const raw = run(opa, ['inspect', '-a', '--format', 'json', ...sources], cwd);
  const rules: Array<RuleMeta & { source: string }> = [];
  for (const a of (JSON.parse(raw.toString()) as { annotations?: Annotation[] }).annotations ?? []) {
    const parts = a.path.map((p) => p.value);
    if (a.annotations.scope !== 'package' || parts[1] !== 'controlgate' || parts[2] !== 'rules') continue;
    if (/(_test|[\\/]testing[^\\/]*)\.rego$/.test(a.location.file)) continue;
    const pkg = parts.slice(3).join('.');
    const where = `${a.location.file}:${a.location.row}`;
    const meta = { title: a.annotations.title, description: a.annotations.description, custom: a.annotations.custom };
    const validateMetadata = metadataValidator();
    if (!validateMetadata(meta)) {
      for (const e of validateMetadata.errors ?? []) problems.push(`${where}: METADATA${e.instancePath} ${e.message ?? 'is invalid'}`);
      continue;
    }
    const c = meta.custom as Record<string, unknown> & { id: string; controls: RuleMeta['controls'] };
    if (packageForId(c.id) !== pkg) problems.push(`${where}: package controlgate.rules.${pkg} does not match id ${c.id} (expected controlgate.rules.${packageForId(c.id)})`);
    rules.push({
      id: c.id,
      package: pkg,
      title: String(meta.title).trim(),
      description: String(meta.description).trim().replace(/\s*\n\s*/g, ' '),
      message: String(c.message).trim(),
      severity: c.severity as RuleMeta['severity'],
      remediation: String(c.remediation).trim().replace(/\s*\n\s*/g, ' '),
      controls: c.controls,
      subresults: (c.subresults as RuleMeta['subresults']) ?? {},
      secret: c.secret === true,
      inputs: c.inputs as RuleMeta['inputs'],
      equivalents: (c.equivalents as string[]) ?? [],
      source: a.location.file,
    });
  }
  const seen = new Map<string, string>();
  for (const r of rules) {
    if (seen.has(r.id)) problems.push(`${r.source}: id ${r.id} also used in ${seen.get(r.id)}`);
    seen.set(r.id, r.source);
  }
  return rules.sort((a, b) => compareUtf8(a.id, b.id));
}

export type ControlList = Record<ControlFramework, Record<string, { title: string; manual?: string }>>;

/**
 * Controls joined with the rules citing them. With `strict`, every cited id must be listed and every
 * listed control needs rules or a manual note (the built-in catalog); otherwise unknown ids are added
 * with their id as title (users' bundles may cite controls of their own).
 */
export function joinControls(rules: RuleMeta[], listed: ControlList, strict: boolean, problems: string[]): Catalog['controls'] {
  const out = {} as Catalog['controls'];
  for (const fw of ['iso27017', 'iso27002', 'soc2'] as const) {
    const controls: Record<string, ControlInfo> = {};
    for (const [id, c] of Object.entries(listed[fw] ?? {})) {
      const cited = rules.filter((r) => r.controls[fw].includes(id)).map((r) => r.id);
      if (strict && !c?.title) problems.push(`policies/controls.yaml: ${fw} ${id} has no title`);
      if (strict && !cited.length && !c?.manual) problems.push(`policies/controls.yaml: ${fw} ${id} is cited by no rule and says no manual evidence`);
      if (strict || cited.length) controls[id] = { title: c.title, ...(c.manual ? { manual: c.manual.trim() } : {}), rules: cited };
    }
    for (const r of rules) {
      for (const id of r.controls[fw]) {
        if (controls[id]) continue;
        if (strict) problems.push(`${(r as RuleMeta & { source?: string }).source ?? r.id}: ${fw} control ${id} is not in policies/controls.yaml`);
        else controls[id] = { title: id, rules: rules.filter((x) => x.controls[fw].includes(id)).map((x) => x.id) };
      }
    }
    out[fw] = controls;
  }
  return out;
}

export function catalogJson(opaVersion: string, rules: Array<RuleMeta & { source?: string }>, controls: Catalog['controls']): string {
  return `${JSON.stringify({ opaVersion, rules, controls }, null, 1)}\n`;
}
