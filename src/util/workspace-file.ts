// The configuration's own file functions (file, fileexists, templatefile...) read through the one
// workspace reader (src/util/workspace-read.ts): the real path must stay inside the workspace's real
// path, only a regular file is opened (a FIFO cannot block, a device is refused before open), and the
// size limit is checked on the opened file before reading and again while reading. This module only
// gives that reader the shape the evaluator wants (a refusal as a reason, not an exception).
import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { compareBytes } from './byte-order.js';
import { confinedRealPath, isInside, readWorkspaceFile, realRoot, WorkspaceReadError } from './workspace-read.js';

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

export interface ConfinedEntry {
  name: string;
  /** What the entry is, links followed (a link whose real path leaves the workspace is `outside`). */
  kind: 'file' | 'folder' | 'other' | 'outside';
}

/**
 * The entries of a folder inside the workspace (fileset()), links followed: undefined when the
 * folder does not exist or is not a folder; `{ refused }` when it cannot be listed (outside the
 * workspace, unreadable). Names are in byte order.
 */
export function listConfined(root: string, abs: string): ConfinedEntry[] | { refused: string } | undefined {
  let real: string;
  try {
    real = confinedRealPath(root, abs, 'folder', 'folder');
  } catch (e) {
    if (e instanceof WorkspaceReadError) return e.kind === 'missing' || e.kind === 'not-file' ? undefined : { refused: e.reason };
    return { refused: `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  let names: string[];
  try {
    names = readdirSync(real);
  } catch (e) {
    return { refused: `cannot be listed (${(e as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  const out: ConfinedEntry[] = [];
  for (const name of names.sort(compareBytes)) {
    const entry = path.join(real, name);
    try {
      // `real` has no link in it: only an entry that is a link has a real path other than its own.
      let st = lstatSync(entry);
      if (st.isSymbolicLink()) {
        const target = realpathSync(entry);
        if (!isInside(realRoot(root), target)) {
          out.push({ name, kind: 'outside' });
          continue;
        }
        st = statSync(target);
      }
      out.push({ name, kind: st.isFile() ? 'file' : st.isDirectory() ? 'folder' : 'other' });
    } catch {
      out.push({ name, kind: 'outside' }); // a dangling link (OpenTofu fails to stat it): not said here
    }
  }
  return out;
}
