// A scan result with every path prefixed by the scanned folder's place in the repository
// (working-directory): annotations, SARIF, comments and the evidence speak of repository paths.
import type { ScanResult } from '../model/types.js';

/** Paths relative to the repository root (annotations, SARIF and comments need them), whatever working-directory is. */
export function repoRelative(r: ScanResult, prefix: string): ScanResult {
  if (!prefix) return r;
  const p = (f: string): string => `${prefix}/${f}`;
  return {
    ...r,
    filesScanned: r.filesScanned.map(p),
    skipped: r.skipped.map((s) => ({ ...s, path: p(s.path) })),
    errors: r.errors.map((e) => ({ ...e, path: p(e.path) })),
    findings: r.findings.map((f) => ({ ...f, file: p(f.file) })),
    evaluations: r.evaluations.map((e) => ({ ...e, file: e.file ? p(e.file) : e.file })),
    files: r.files.map((f) => ({ ...f, path: p(f.path) })),
    waivers: r.waivers.map((w) => (w.file ? { ...w, file: p(w.file) } : w)),
  };
}

