// The waiver record: an accountable exception as read (Waiver) and the state it ended in
// (WaiverRecord), reported in the summary and the evidence. Read by src/waivers/ (inline, imported
// suppressions) and src/config/ (central waivers); applied in src/waivers/waivers.ts.
import type { SourceRange } from './types.js';

export type WaiverSource = 'inline' | 'config' | 'checkov' | 'tfsec' | 'trivy' | 'terrascan';
export type WaiverStatus = 'applied' | 'expired' | 'rejected' | 'stale';

export interface Waiver {
  /** Stable id: source, file and line for inline waivers; the config index for central ones. */
  id: string;
  source: WaiverSource;
  /** Rule id (VMH-AWS-001 matches its sub-results too; VMH-AWS-001/hop-limit only that one). A
   * config waiver may use a glob (VMH-*). */
  rule: string;
  reason?: string;
  approver?: string;
  ticket?: string;
  /** YYYY-MM-DD, inclusive. */
  expires?: string;
  /** Inline: the file and lines the waiver covers. */
  file?: string;
  line?: number;
  target?: SourceRange;
  /** Config: glob patterns on resource address and file path (both optional; absent = any). */
  resource?: string;
  path?: string;
  /** Why the waiver was rejected at parse time (malformed date, ...). */
  problem?: string;
  /** The other scanner's check id, for suppressions imported from Checkov, tfsec, Trivy, Terrascan. */
  peerId?: string;
}

export interface WaiverRecord extends Waiver {
  status: WaiverStatus;
  /** Fingerprints of the findings it matched, sorted. */
  matched: string[];
  note?: string;
}
