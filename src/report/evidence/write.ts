// Write the evidence in its three forms beside each other: <base>.json (the record), <base>.md (for an
// audit binder) and <base>.oscal.json (NIST OSCAL assessment-results).
import { writeOutputFile } from '../../util/output-write.js';
import { renderEvidenceJson, sha256, type Evidence } from './evidence.js';
import { renderEvidenceMarkdown } from './markdown.js';
import { renderOscal } from './oscal.js';

export interface EvidencePaths {
  json: string;
  markdown: string;
  oscal: string;
}

export function evidencePaths(jsonPath: string): EvidencePaths {
  const base = jsonPath.replace(/\.json$/i, '');
  return { json: jsonPath, markdown: `${base}.md`, oscal: `${base}.oscal.json` };
}

/** Written through src/util/output-write.ts: never through a link, never out of `workspace` when inside it. */
export function writeEvidence(jsonPath: string, e: Evidence, workspace?: string): EvidencePaths {
  const p = evidencePaths(jsonPath);
  const json = renderEvidenceJson(e);
  writeOutputFile(p.json, json, workspace);
  writeOutputFile(p.markdown, renderEvidenceMarkdown(e, sha256(json)), workspace);
  writeOutputFile(p.oscal, renderOscal(e), workspace);
  return p;
}
