// The CLI's reporters, shared by `controlgate scan` and `controlgate merge`: each report is a function
// of the result, the run's record and the verdict (src/report/result.ts), so a merge of shards renders
// exactly what the unsharded scan renders. Where each goes: src/cli/outputs.ts (--format / -o pairing).
import type { ScanResult } from '../model/types.js';
import type { Verdict } from '../model/verdict.js';
import { renderJson, renderJsonChunks, renderText } from '../report/text.js';
import { renderJunit } from '../report/junit.js';
import { renderSarif } from '../report/sarif.js';
import { evidenceOf, inScopeOf, renderResult, resultDocument, type RunRecord } from '../report/result.js';
import { runContext } from '../report/evidence/context.js';
import { writeEvidence } from '../report/evidence/write.js';
import { shardStamp } from '../model/shard.js';
import { writeOutputFile } from '../util/output-write.js';
import { painter, useColour } from './colour.js';
import type { OutputTarget } from './outputs.js';

type Out = NodeJS.WritableStream & { isTTY?: boolean };

export interface Reporting {
  /** The whole result: what the result document and the evidence record. */
  result: ScanResult;
  /** The result as the other reports show it (--severity applied); default: result. */
  shown?: ScanResult;
  /** Findings --severity hid (they still count towards failing). */
  hidden?: number;
  /** Asked for only when a report needs it (the evidence, the result document): it reads the configuration files. */
  record: () => RunRecord;
  /** What the record says even when no report needs it all. */
  failOn: RunRecord['failOn'];
  frameworks: RunRecord['frameworks'];
  configurationSha256: string;
  verdict: Verdict;
  quiet?: boolean;
  compact?: boolean;
}

/** Whether a report of these lists every check that passed (JUnit's test cases, the result document
 * that `controlgate merge` combines, the evidence); the others only count them (ScanOptions.passedChecks). */
export function listsPassedChecks(targets: OutputTarget[], evidence: boolean): boolean {
  return evidence || targets.some((t) => t.format === 'junit' || t.format === 'result');
}

export function render(t: OutputTarget, r: Reporting, out: Out): string {
  const shown = r.shown ?? r.result;
  const hidden = r.hidden ?? 0;
  const stamp = shown.shard ? shardStamp(shown.shard, shown.bundle, r.configurationSha256) : undefined;
  switch (t.format) {
    case 'text':
      return renderText(shown, r.frameworks, {
        compact: r.compact === true,
        ...(r.quiet ? { quietFailOn: r.failOn } : {}),
        hidden,
        paint: painter(t.file === undefined && useColour(out)),
      });
    case 'json':
      return renderJson(shown, r.verdict, { configurationSha256: r.configurationSha256, hidden });
    case 'sarif': {
      const inScope = inScopeOf(r.record());
      return renderSarif(shown.findings, shown.catalog, { ...(inScope ? { inScope } : {}), errors: shown.errors, ...(stamp ? { shard: stamp } : {}) });
    }
    case 'junit':
      return renderJunit(shown, { frameworks: r.frameworks, ...(r.quiet ? { quietFailOn: r.failOn } : {}) });
    case 'result':
      return renderResult(resultDocument(r.result, r.verdict, r.record()));
  }
}

/** A report's text, in pieces where it can be large: the JSON report is written as it is made (at
 * 20k files it is ~50 MB, and as one string, then its bytes, it was ~100 MB of the run's peak memory:
 * issue #20). The pieces join into render()'s text. */
function renderPieces(t: OutputTarget, r: Reporting, out: Out): Iterable<string> {
  if (t.format === 'json') return renderJsonChunks(r.shown ?? r.result, r.verdict, { configurationSha256: r.configurationSha256, hidden: r.hidden ?? 0 });
  return [render(t, r, out)];
}

/** Every report to its place: standard output, standard error (the implied text report when `--sarif -`
 * took standard output) or a file, written through src/util/output-write.ts (never through a link,
 * never out of the workspace by a linked folder). */
export function writeReports(targets: OutputTarget[], r: Reporting, io: { out: Out; err: NodeJS.WritableStream; workspace: string }): void {
  for (const t of targets) {
    const pieces = renderPieces(t, r, io.out);
    if (t.file !== undefined && t.stream !== 'stderr') writeOutputFile(t.file, pieces, io.workspace);
    else for (const piece of pieces) (t.stream === 'stderr' ? io.err : io.out).write(piece);
  }
}

/** --evidence <file.json>: the evidence, with the Markdown and OSCAL renderings beside it. */
export function writeEvidenceReport(file: string, r: Reporting, workspace: string): void {
  writeEvidence(file, evidenceOf(r.result, r.verdict, r.record(), runContext()), workspace);
}
