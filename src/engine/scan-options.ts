// From effective settings (src/config/settings.ts) to the scan's options: the one place the
// configuration meets the pipeline, for runPipeline (src/engine/scan.ts) and `controlgate input`.
import type { ScanOptions } from './scan.js';
import type { Waiver } from '../model/waivers.js';
import type { PeerScanner } from '../waivers/suppressions.js';
import type { Settings } from '../config/settings.js';

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
