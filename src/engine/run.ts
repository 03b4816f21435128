// The pipeline's one entry point: resolved settings in, the scan result and its verdict out. The
// action (src/action/main.ts) and the CLI (src/cli/scan.ts) are adapters around it: they turn inputs
// or flags into RunSettings, choose their reporters, and map the verdict to their outcome and exit code.
//   settings -> scan (src/engine/scan.ts) -> repository paths -> baseline -> scope -> verdict
import { scan, type ScanProgress } from './scan.js';
import { scanOptionsFrom } from './scan-options.js';
import type { Settings } from '../config/settings.js';
import { applyBaseline, type BaselineDoc } from '../baseline/baseline.js';
import type { ShardSpec } from '../model/shard.js';
import type { ScanResult } from '../model/types.js';
import { verdictOf, type Verdict } from '../model/verdict.js';

export interface RunSettings {
  /** The folder scanned: paths are reported relative to it. */
  root: string;
  /** The folder every read must stay inside by real path (default: root; the action: the checkout). */
  workspace?: string;
  /** The resolved configuration: inputs or flags over the configuration file over the defaults. */
  settings: Settings;
  /** Per-file parse time limit in milliseconds. */
  parseTimeoutMs?: number;
  /** A Terraform plan JSON (README: "Scanning a plan"). */
  plan?: string;
  /** Evaluate and report only this shard's folders (README: "Sharding a monorepo"). */
  shard?: ShardSpec;
  /** Accepted findings, read and validated before the scan (a bad baseline is a usage error, found early). */
  baseline?: { doc: BaselineDoc; sha256: string; file: string };
  /** A run that checks nothing it was asked to is reported, not a usage error. */
  allowEmpty?: boolean;
  /** Every finding is accepted (--create-baseline records them): none fails this run. */
  acceptFindings?: boolean;
  /** The scanned folder's place in the repository (the action's working-directory): every reported
   * path is prefixed with it, so annotations, SARIF, comments and evidence speak of repository paths. */
  pathPrefix?: string;
  /** The findings the run answers for (the action: a pull request's changes), asked once of the
   * result as reported; absent: every finding. */
  scope?: (result: ScanResult) => Promise<ReadonlySet<string>>;
  onProgress?: (p: ScanProgress) => void;
  /** Folder holding policy.wasm and catalog.json (default: the bundled one). */
  assetsDir?: string;
  /** The clock waivers' expiry is judged by. */
  now?: Date;
}

export interface Run {
  /** The result as reported: repository paths, the baseline's findings taken out. */
  result: ScanResult;
  /** The findings before the baseline took any out: what --create-baseline records. */
  found: ScanResult['findings'];
  /** Fingerprints of the findings in scope; absent: every finding is. */
  inScope?: ReadonlySet<string>;
  verdict: Verdict;
}

export async function runPipeline(s: RunSettings): Promise<Run> {
  const scanned = await scan({
    root: s.root,
    ...(s.workspace ? { workspace: s.workspace } : {}),
    ...scanOptionsFrom(s.settings),
    ...(s.parseTimeoutMs ? { parseTimeoutMs: s.parseTimeoutMs } : {}),
    ...(s.plan ? { plan: s.plan } : {}),
    ...(s.shard ? { shard: s.shard } : {}),
    ...(s.onProgress ? { onProgress: s.onProgress } : {}),
    ...(s.assetsDir ? { assetsDir: s.assetsDir } : {}),
    ...(s.now ? { now: s.now } : {}),
  });
  const relative = repoRelative(scanned, s.pathPrefix ?? '');
  // The baseline matches by fingerprint, which repoRelative leaves as the scan computed it.
  const result = s.baseline ? applyBaseline(relative, s.baseline) : relative;
  const inScope = s.scope ? await s.scope(result) : undefined;
  const verdict = verdictOf(result, {
    failOn: s.settings.failOn,
    ...(inScope ? { inScope } : {}),
    ...(s.allowEmpty ? { allowEmpty: true } : {}),
    ...(s.acceptFindings ? { acceptFindings: true } : {}),
  });
  return { result, found: relative.findings, ...(inScope ? { inScope } : {}), verdict };
}

/** The result with every path prefixed by the scanned folder's place in the repository (working-directory):
 * annotations, SARIF, comments and the evidence speak of repository paths. Fingerprints are left as the
 * scan computed them (the baseline matches by them). */
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

