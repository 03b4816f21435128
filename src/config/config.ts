// Configuration: .controlgate.yml (or the file named by the `config` input / --config flag), validated
// against docs/schemas/config.schema.json. An invalid file fails with the key, the line and what was
// expected, as a ConfigError (exit code 2, distinct from "findings found"). `extends` builds on a
// baseline file; what this file changes from its baseline is reported as overrides.
import { existsSync, lstatSync } from 'node:fs';
import { confinedRealPath, CONTROL_FILE_BYTES, readWorkspaceFile, WorkspaceReadError } from '../util/workspace-read.js';
import path from 'node:path';
import { load } from 'js-yaml';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import schema from '../../docs/schemas/config.schema.json' with { type: 'json' };
import type { Severity } from '../model/types.js';
import { yamlLineOf } from '../util/yaml-lines.js';
import { globProblem } from '../util/patterns.js';
import type { FailOn } from '../model/verdict.js';

export const DEFAULT_CONFIG_FILE = '.controlgate.yml';
/** The names a configuration file is found by, in each folder searched. */
export const CONFIG_FILE_NAMES = [DEFAULT_CONFIG_FILE, '.controlgate.yaml'] as const;

export type Framework = 'iso27017' | 'iso27002' | 'soc2' | 'cis' | 'nist';
export type ScopeMode = 'changed-lines' | 'changed-files' | 'all';

export interface ConfigWaiver {
  rule: string;
  resource?: string;
  path?: string;
  reason?: string;
  approver?: string;
  ticket?: string;
  expires?: string;
}

/** The file's shape (keys as written in YAML). */
export interface ConfigFile {
  extends?: string;
  paths?: { include?: string[]; exclude?: string[] };
  rules?: { disable?: string[]; enable?: string[]; severity?: Record<string, Severity> };
  'fail-on'?: FailOn;
  frameworks?: Framework[];
  'var-files'?: string[];
  scope?: ScopeMode;
  'max-file-bytes'?: number;
  'policy-bundles'?: string[];
  /** Tag / label keys that name an owner (SHR-MULTI-002), compared case-insensitively. */
  'owner-tag-keys'?: string[];
  /** Tag / label keys that carry a data classification (VMH-MULTI-004, VMH-AWS-005, VMH-AZ-002). */
  'classification-tag-keys'?: string[];
  /** Classification values that mark restricted data, compared case-insensitively. */
  'restricted-classifications'?: string[];
  suppressions?: { checkov?: boolean; tfsec?: boolean; trivy?: boolean; terrascan?: boolean };
  waivers?: ConfigWaiver[];
}

export class ConfigError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line: number,
  ) {
    super(`${file}:${line}: ${message}`);
    this.name = 'ConfigError';
  }
}

/** A waiver with the file it came from (for its id and the evidence). */
export interface SourcedWaiver extends ConfigWaiver {
  id: string;
}

/** The merged configuration, with relative paths resolved against the file that named them. */
export interface Config {
  files: string[];
  include?: string[];
  exclude: string[];
  /** Rules switched off (ids or globs), after enable lists re-enabled some. */
  disabled: string[];
  severity: Record<string, Severity>;
  failOn?: FailOn;
  frameworks?: Framework[];
  varFiles?: string[];
  scope?: ScopeMode;
  maxFileBytes?: number;
  policyBundles: string[];
  ownerTagKeys?: string[];
  classificationTagKeys?: string[];
  restrictedClassifications?: string[];
  suppressions: { checkov: boolean; tfsec: boolean; trivy: boolean; terrascan: boolean };
  waivers: SourcedWaiver[];
  /** What a file changed from the baseline it extends: "fail-on: high -> medium (infra/.controlgate.yml)". */
  overrides: string[];
}

export function emptyConfig(): Config {
  return {
    files: [],
    exclude: [],
    disabled: [],
    severity: {},
    policyBundles: [],
    // Honoured by default, so teams arriving from other scanners keep their reviewed exceptions;
    // each one still shows in the summary and the evidence as a waiver.
    suppressions: { checkov: true, tfsec: true, trivy: true, terrascan: true },
    waivers: [],
    overrides: [],
  };
}

// Compiled on first use: compiling a schema costs tens of milliseconds at start-up, and most scans
// read no configuration file.
let compiled: ValidateFunction | undefined;
const validator = (): ValidateFunction => (compiled ??= new Ajv({ allErrors: true, strict: true }).compile(schema));

function describeError(e: ErrorObject): { path: Array<string | number>; message: string } {
  const segs = e.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  const where = segs.length ? segs.join('.') : '(top level)';
  const propertyName = (e as ErrorObject & { propertyName?: string }).propertyName;
  if (propertyName !== undefined) {
    return { path: [...segs, propertyName], message: `${where} has a key "${propertyName}" that is not a rule id (like VMH-AWS-001 or VMH-AWS-001/hop-limit)` };
  }
  switch (e.keyword) {
    case 'additionalProperties': {
      const extra = String((e.params as { additionalProperty: string }).additionalProperty);
      return { path: [...segs, extra], message: `unknown key "${extra}"${segs.length ? ` in ${where}` : ''}` };
    }
    case 'enum':
      return { path: segs, message: `${where} must be one of ${((e.params as { allowedValues: unknown[] }).allowedValues ?? []).join(', ')}` };
    case 'required':
      return { path: segs, message: `${where} needs "${(e.params as { missingProperty: string }).missingProperty}"` };
    case 'pattern':
      return { path: segs, message: `${where} ${segs.length && String(segs[0]) === 'waivers' && segs.at(-1) === 'expires' ? 'must be a date YYYY-MM-DD' : `has an invalid value (expected ${(e.params as { pattern: string }).pattern})`}` };
    case 'propertyNames':
      return { path: segs, message: `${where} has a key that is not a rule id (like VMH-AWS-001 or VMH-AWS-001/hop-limit)` };
    default:
      return { path: segs, message: `${where} ${e.message ?? 'is invalid'}` };
  }
}

/** The text of a configuration file, read through the workspace reader (confined, regular files only, size-capped). */
function readConfigText(file: string, workspace: string): string {
  try {
    return readWorkspaceFile(workspace, file, CONTROL_FILE_BYTES, 'the configuration').bytes.toString('utf8');
  } catch (e) {
    if (e instanceof WorkspaceReadError) throw new ConfigError(`cannot read the configuration: it ${e.reason}`, file, 1);
    throw new ConfigError(`cannot read the configuration: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, file, 1);
  }
}

/** Read and validate one file, without following extends. `workspace`: the folder reads must stay
 * inside by real path (default: the file's own folder). */
export function readConfigFile(file: string, workspace = path.dirname(path.resolve(file))): ConfigFile {
  return parseConfigText(readConfigText(file, workspace), file);
}

function parseConfigText(text: string, file: string): ConfigFile {
  let doc: unknown;
  try {
    doc = load(text, { filename: file });
  } catch (e) {
    const mark = (e as { mark?: { line?: number } }).mark;
    const reason = (e as { reason?: string }).reason ?? (e instanceof Error ? e.message : String(e));
    throw new ConfigError(`invalid YAML: ${reason}`, file, (mark?.line ?? 0) + 1);
  }
  if (doc === undefined || doc === null) return {};
  const validate = validator();
  if (!validate(doc)) {
    const errors = (validate.errors ?? []).map(describeError);
    // The most specific error first (deepest path), the rest counted.
    errors.sort((a, b) => b.path.length - a.path.length);
    const first = errors[0]!;
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem(s))` : '';
    throw new ConfigError(`${first.message}${more}`, file, yamlLineOf(text, first.path));
  }
  const cfg = doc as ConfigFile;
  // Globs are compiled here, so an invalid one is named with its line before anything is scanned.
  const globs: Array<[string | undefined, Array<string | number>]> = [
    ...(cfg.paths?.include ?? []).map((g, i): [string, Array<string | number>] => [g, ['paths', 'include', i]]),
    ...(cfg.paths?.exclude ?? []).map((g, i): [string, Array<string | number>] => [g, ['paths', 'exclude', i]]),
    ...(cfg.waivers ?? []).map((w, i): [string | undefined, Array<string | number>] => [w.path, ['waivers', i, 'path']]),
  ];
  for (const [g, at] of globs) {
    const problem = g === undefined ? undefined : globProblem(g);
    if (problem) throw new ConfigError(`${at.join('.')}: ${problem}`, file, yamlLineOf(text, at));
  }
  return cfg;
}

function isLink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

const show = (v: unknown): string => (Array.isArray(v) ? `[${v.join(', ')}]` : String(v));

/** Merge `file` over `base`, recording what it changed. */
function mergeInto(base: Config, f: ConfigFile, file: string): Config {
  const dir = path.dirname(file);
  const rel = (p: string): string => (path.isAbsolute(p) ? p : path.resolve(dir, p));
  const next: Config = { ...base, files: [...base.files, file], overrides: [...base.overrides] };
  const extended = base.files.length > 0;
  const note = (key: string, from: unknown, to: unknown): void => {
    if (extended && from !== undefined && show(from) !== show(to)) next.overrides.push(`${key}: ${show(from)} -> ${show(to)} (${file})`);
  };
  if (f.paths?.include) {
    note('paths.include', base.include, f.paths.include);
    next.include = f.paths.include;
  }
  if (f.paths?.exclude) next.exclude = [...base.exclude, ...f.paths.exclude];
  if (f['fail-on'] !== undefined) {
    note('fail-on', base.failOn, f['fail-on']);
    next.failOn = f['fail-on'];
  }
  if (f.frameworks) {
    note('frameworks', base.frameworks, f.frameworks);
    next.frameworks = f.frameworks;
  }
  if (f['var-files']) next.varFiles = f['var-files'].map(rel);
  if (f.scope) {
    note('scope', base.scope, f.scope);
    next.scope = f.scope;
  }
  if (f['max-file-bytes'] !== undefined) {
    note('max-file-bytes', base.maxFileBytes, f['max-file-bytes']);
    next.maxFileBytes = f['max-file-bytes'];
  }
  if (f['owner-tag-keys']) {
    note('owner-tag-keys', base.ownerTagKeys, f['owner-tag-keys']);
    next.ownerTagKeys = f['owner-tag-keys'];
  }
  if (f['classification-tag-keys']) {
    note('classification-tag-keys', base.classificationTagKeys, f['classification-tag-keys']);
    next.classificationTagKeys = f['classification-tag-keys'];
  }
  if (f['restricted-classifications']) {
    note('restricted-classifications', base.restrictedClassifications, f['restricted-classifications']);
    next.restrictedClassifications = f['restricted-classifications'];
  }
  if (f['policy-bundles']) next.policyBundles = [...base.policyBundles, ...f['policy-bundles'].map(rel)];
  if (f.suppressions) {
    for (const [k, v] of Object.entries(f.suppressions) as Array<[keyof Config['suppressions'], boolean]>) {
      note(`suppressions.${k}`, base.suppressions[k], v);
    }
    next.suppressions = { ...base.suppressions, ...f.suppressions };
  }
  const disabled = new Set(base.disabled);
  for (const r of f.rules?.disable ?? []) disabled.add(r);
  for (const r of f.rules?.enable ?? []) {
    if (disabled.delete(r) && extended) next.overrides.push(`rules: ${r} re-enabled (${file})`);
  }
  next.disabled = [...disabled];
  if (f.rules?.severity) {
    for (const [id, s] of Object.entries(f.rules.severity)) note(`rules.severity.${id}`, base.severity[id], s);
    next.severity = { ...base.severity, ...f.rules.severity };
  }
  next.waivers = [
    ...base.waivers,
    ...(f.waivers ?? []).map((w, i) => ({ ...w, ...(w.path ? { path: w.path } : {}), id: `config:${path.basename(file)}#${i + 1}` })),
  ];
  return next;
}

/** Load a configuration file and the baselines it extends (outermost first). Every file of the chain
 * is read inside `workspace` (default: the first file's folder): an `extends` that leaves it, by path
 * or through a link, or names a FIFO or device, is refused at its `extends` line. */
export function loadConfig(file: string, seen: string[] = [], workspace = path.dirname(path.resolve(file))): Config {
  const abs = path.resolve(file);
  if (seen.includes(abs)) throw new ConfigError(`extends forms a cycle: ${[...seen, abs].join(' -> ')}`, file, 1);
  const text = readConfigText(abs, workspace);
  const f = parseConfigText(text, abs);
  let base = emptyConfig();
  if (f.extends) {
    const target = path.resolve(path.dirname(abs), f.extends);
    try {
      confinedRealPath(workspace, target, f.extends, 'file');
    } catch (e) {
      if (!(e instanceof WorkspaceReadError)) throw e;
      const why = e.kind === 'missing' ? `extends names a file that does not exist: ${f.extends}` : `extends names ${f.extends}, which ${e.reason}`;
      throw new ConfigError(why, file, yamlLineOf(text, ['extends']));
    }
    base = loadConfig(target, [...seen, abs], workspace);
  }
  return mergeInto(base, f, abs);
}

/**
 * The configuration for a run: the named file (must exist), else the first .controlgate.yml (or
 * .controlgate.yaml) found in
 * `root` or the further folders given (the repository root, for the action), else none.
 */
export function findConfig(root: string, named?: string, alsoIn: string[] = [], workspace = alsoIn.at(-1) ?? root): Config {
  if (named) {
    const file = path.resolve(root, named);
    if (!existsSync(file)) throw new ConfigError('the configuration file does not exist', named, 1);
    return loadConfig(file, [], workspace);
  }
  for (const dir of [root, ...alsoIn]) {
    // lstat too: a dangling link named .controlgate.yml is still "present" (and refused by the reader).
    const present = CONFIG_FILE_NAMES.map((n) => path.join(dir, n)).filter((f) => existsSync(f) || isLink(f));
    if (present.length > 1) throw new ConfigError(`both ${CONFIG_FILE_NAMES.join(' and ')} are present: keep one`, present[1]!, 1);
    if (present.length) return loadConfig(present[0]!, [], workspace);
  }
  return emptyConfig();
}
