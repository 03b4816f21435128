// From effective settings to the engine's scan options: the one place the configuration meets the
// pipeline, shared by the CLI and the action.
import type { ScanOptions } from '../engine/scan.js';
import type { Waiver } from '../model/waivers.js';
import type { PeerScanner } from '../waivers/suppressions.js';
import type { Settings } from './settings.js';
import type { Framework } from './config.js';
import { UsageError } from '../errors.js';

export function configWaivers(s: Settings): Waiver[] {
  return s.waivers.map((w) => ({
    id: w.id,
    source: 'config' as const,
    rule: w.rule,
    ...(w.resource ? { resource: w.resource } : {}),
    ...(w.path ? { path: w.path } : {}),
    ...(w.reason !== undefined ? { reason: w.reason } : {}),
    ...(w.approver ? { approver: w.approver } : {}),
    ...(w.ticket ? { ticket: w.ticket } : {}),
    ...(w.expires ? { expires: w.expires } : {}),
  }));
}

export function scanOptionsFrom(s: Settings): Omit<ScanOptions, 'root'> {
  const peers = (Object.entries(s.suppressions) as Array<[PeerScanner, boolean]>).filter(([, on]) => on).map(([k]) => k);
  return {
    paths: s.paths,
    exclude: s.exclude,
    rules: { disabled: s.disabled, severity: s.severity, ...(s.checks ? { only: s.checks } : {}) },
    waivers: configWaivers(s),
    ...(peers.length ? { suppressions: peers } : {}),
    ...(s.policyBundles.length ? { policyBundles: s.policyBundles } : {}),
    ...(s.varFiles.length ? { varFiles: s.varFiles } : {}),
    ...(s.maxFileBytes ? { maxFileBytes: s.maxFileBytes } : {}),
    ...(s.ownerTagKeys ? { ownerTagKeys: s.ownerTagKeys } : {}),
    ...(s.classificationTagKeys ? { classificationTagKeys: s.classificationTagKeys } : {}),
    ...(s.restrictedClassifications ? { restrictedClassifications: s.restrictedClassifications } : {}),
  };
}

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
