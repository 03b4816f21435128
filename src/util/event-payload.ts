// The runner's event payload (GITHUB_EVENT_PATH): the one place it is read and parsed, for the
// pull-request features (src/github/pr.ts) and the run context of the evidence, which the CLI records
// too (src/report/evidence/context.ts). The file is the runner's, outside the workspace; a missing or
// malformed one is no payload.
import { readFileSync } from 'node:fs';

/** The parsed event payload, or undefined when there is none or it is not a JSON object. */
export function readEventPayload(env: NodeJS.ProcessEnv = process.env): Record<string, unknown> | undefined {
  if (!env.GITHUB_EVENT_PATH) return undefined;
  try {
    const payload: unknown = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'));
    return typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? (payload as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
