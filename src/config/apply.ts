// Effective settings as the CLI and the action record them (the evidence's configuration) and the
// frameworks flag. The settings become the scan's options in src/engine/scan-options.ts.
import type { Settings } from './settings.js';
import type { Framework } from './config.js';
import { UsageError } from '../errors.js';

const FRAMEWORKS: readonly Framework[] = ['iso27017', 'iso27002', 'soc2', 'cis', 'nist'];

/** "iso27017,soc2" -> ['iso27017', 'soc2']; empty -> undefined (not given). */
export function parseFrameworks(s: string | undefined): Framework[] | undefined {
  const list = (s ?? '').split(/[\s,]+/).filter(Boolean);
  if (!list.length) return undefined;
  for (const f of list) if (!(FRAMEWORKS as readonly string[]).includes(f)) throw new UsageError(`unknown framework "${f}" (expected: ${FRAMEWORKS.join(', ')})`);
  return list as Framework[];
}

/** The settings recorded in the evidence: effective values and where each came from. */
export function recordedSettings(s: Settings): Record<string, unknown> {
  return {
    paths: s.paths,
    exclude: s.exclude,
    failOn: s.failOn,
    frameworks: s.frameworks,
    varFiles: s.varFiles,
    scope: s.scope ?? null,
    maxFileBytes: s.maxFileBytes ?? null,
    disabledRules: s.disabled,
    ...(s.checks ? { checks: s.checks } : {}),
    ...(s.skipChecks ? { skipChecks: s.skipChecks } : {}),
    ...(s.skipPaths ? { skipPaths: s.skipPaths } : {}),
    severityOverrides: s.severity,
    suppressions: s.suppressions,
    policyBundles: s.policyBundles,
    ownerTagKeys: s.ownerTagKeys ?? null,
    classificationTagKeys: s.classificationTagKeys ?? null,
    restrictedClassifications: s.restrictedClassifications ?? null,
    configFiles: s.configFiles,
    origin: s.origin,
  };
}
