// Effective settings for a run: an action input or CLI flag wins over the configuration file, the file
// over the default. Each setting remembers where its value came from (shown in the summary and
// recorded in the evidence). The README's precedence table documents the same keys.
import type { Severity } from '../model/types.js';
import type { Config, Framework, ScopeMode, SourcedWaiver } from './config.js';
import type { FailOn } from '../model/verdict.js';
import { UsageError } from '../errors.js';
import { globProblem } from '../util/patterns.js';

export type Origin = 'input' | 'flag' | 'file' | 'default';

/** What the caller was given explicitly (undefined = not given). */
export interface Given {
  paths?: string[];
  failOn?: FailOn;
  frameworks?: Framework[];
  varFiles?: string[];
  scope?: ScopeMode;
  maxFileBytes?: number;
  policyBundles?: string[];
  /** CLI --check: only these rules run (ids or globs). */
  checks?: string[];
  /** CLI --skip-check: added to the file's rules.disable. */
  skipChecks?: string[];
  /** CLI --skip-path: added to the file's paths.exclude (relative to the root). */
  skipPaths?: string[];
}

export interface Settings {
  paths: string[];
  include?: string[];
  exclude: string[];
  failOn: FailOn;
  frameworks: Framework[];
  varFiles: string[];
  scope?: ScopeMode;
  maxFileBytes?: number;
  policyBundles: string[];
  /** Owner tag keys from the file (SHR-MULTI-002); undefined: the rule's default set. */
  ownerTagKeys?: string[];
  /** Classification tag keys and restricted values from the file; undefined: the rules' defaults. */
  classificationTagKeys?: string[];
  restrictedClassifications?: string[];
  /** Rules switched off: the file's rules.disable, then --skip-check's. */
  disabled: string[];
  /** Only these rules run (--check ids or globs); absent: every rule not disabled. */
  checks?: string[];
  /** What --skip-check and --skip-path added (recorded so a re-run can be resolved the same way). */
  skipChecks?: string[];
  skipPaths?: string[];
  severity: Record<string, Severity>;
  suppressions: Config['suppressions'];
  waivers: SourcedWaiver[];
  configFiles: string[];
  overrides: string[];
  origin: Record<string, Origin>;
}

export const DEFAULTS = {
  paths: ['.'],
  failOn: 'high' as FailOn,
  frameworks: ['iso27017', 'iso27002', 'soc2'] as Framework[],
};

export function resolveSettings(config: Config, given: Given, explicit: 'input' | 'flag'): Settings {
  const origin: Record<string, Origin> = {};
  const pick = <T>(key: string, g: T | undefined, f: T | undefined, d: T): T => {
    if (g !== undefined) {
      origin[key] = explicit;
      return g;
    }
    if (f !== undefined) {
      origin[key] = 'file';
      return f;
    }
    origin[key] = 'default';
    return d;
  };
  // paths: explicit paths win; else the file's include list; else the whole workspace.
  const paths = pick<string[]>('paths', given.paths?.length ? given.paths : undefined, config.include, DEFAULTS.paths);
  // The file's globs were checked where it was read (with their line); these come from inputs and flags.
  for (const [what, list] of [['path', given.paths], ['skip-path', given.skipPaths]] as const) {
    for (const g of list ?? []) {
      const problem = globProblem(g);
      if (problem) throw new UsageError(`${what} ${problem}`);
    }
  }
  const s: Settings = {
    paths,
    exclude: [...config.exclude, ...(given.skipPaths ?? [])],
    failOn: pick('fail-on', given.failOn, config.failOn, DEFAULTS.failOn),
    frameworks: pick('frameworks', given.frameworks, config.frameworks, DEFAULTS.frameworks),
    varFiles: pick<string[]>('var-files', given.varFiles?.length ? given.varFiles : undefined, config.varFiles, []),
    policyBundles: [...config.policyBundles, ...(given.policyBundles ?? [])],
    disabled: [...config.disabled, ...(given.skipChecks ?? [])],
    severity: config.severity,
    suppressions: config.suppressions,
    waivers: config.waivers,
    configFiles: config.files,
    overrides: config.overrides,
    origin,
  };
  if (config.ownerTagKeys) s.ownerTagKeys = config.ownerTagKeys;
  origin['owner-tag-keys'] = config.ownerTagKeys ? 'file' : 'default';
  if (config.classificationTagKeys) s.classificationTagKeys = config.classificationTagKeys;
  origin['classification-tag-keys'] = config.classificationTagKeys ? 'file' : 'default';
  if (config.restrictedClassifications) s.restrictedClassifications = config.restrictedClassifications;
  origin['restricted-classifications'] = config.restrictedClassifications ? 'file' : 'default';
  const scope = pick<ScopeMode | undefined>('scope', given.scope, config.scope, undefined);
  if (scope) s.scope = scope;
  const max = pick<number | undefined>('max-file-bytes', given.maxFileBytes, config.maxFileBytes, undefined);
  if (max !== undefined) s.maxFileBytes = max;
  origin['policy-bundles'] = given.policyBundles?.length ? explicit : config.policyBundles.length ? 'file' : 'default';
  // Command-line selection: recorded only when given, so runs without it record what they always did.
  if (given.checks?.length) {
    s.checks = given.checks;
    origin.check = explicit;
  }
  if (given.skipChecks?.length) {
    s.skipChecks = given.skipChecks;
    origin['skip-check'] = explicit;
  }
  if (given.skipPaths?.length) {
    s.skipPaths = given.skipPaths;
    origin['skip-path'] = explicit;
  }
  return s;
}
