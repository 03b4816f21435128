// The configuration's own file functions (file, fileexists, templatefile...) read through the one
// workspace reader (src/util/workspace-read.ts): the real path must stay inside the workspace's real
// path, only a regular file is opened (a FIFO cannot block, a device is refused before open), and the
// size limit is checked on the opened file before reading and again while reading. This module only
// gives that reader the shape the evaluator wants (a refusal as a reason, not an exception).
import { confinedRealPath, readWorkspaceFile, WorkspaceReadError } from './workspace-read.js';

export type ConfinedRead = { bytes: Buffer } | { refused: string };

export function readConfined(root: string, abs: string, maxBytes: number): ConfinedRead {
  try {
    return { bytes: readWorkspaceFile(root, abs, maxBytes, 'file').bytes };
  } catch (e) {
    if (e instanceof WorkspaceReadError) return { refused: e.kind === 'outside' ? 'is outside the workspace: not read' : e.reason };
    return { refused: `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})` };
  }
}

/** fileexists(): a regular file inside the workspace; undefined when that cannot be said (outside, or not a file). */
export function existsConfined(root: string, abs: string): boolean | undefined {
  try {
    confinedRealPath(root, abs, 'file', 'file');
    return true;
  } catch (e) {
    if (e instanceof WorkspaceReadError && e.kind === 'missing') return false;
    return undefined;
  }
}
