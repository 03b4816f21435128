// Write the evidence in its three forms beside each other: <base>.json (the record), <base>.md (for an
// audit binder) and <base>.oscal.json (NIST OSCAL assessment-results).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
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

export function writeEvidence(jsonPath: string, e: Evidence): EvidencePaths {
  const p = evidencePaths(jsonPath);
  mkdirSync(path.dirname(path.resolve(p.json)), { recursive: true });
  const json = renderEvidenceJson(e);
  writeFileSync(p.json, json);
  writeFileSync(p.markdown, renderEvidenceMarkdown(e, sha256(json)));
  writeFileSync(p.oscal, renderOscal(e));
  return p;
}
