// A minimal workspace-confined, size-limited synchronous read for the configuration's own file
// functions (file, fileexists, templatefile...): the real path must stay inside the workspace's real
// path, only a regular file is opened (O_NOFOLLOW, O_NONBLOCK: a FIFO cannot block), and the size
// limit is checked on the opened file before reading and again while reading.
// (A second, general workspace reader is being written for the other reads; the two should become one.)
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';

export type ConfinedRead = { bytes: Buffer } | { refused: string };

function inside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The real path of `abs` when it exists and stays inside the workspace `root`. */
function confined(root: string, abs: string): { real: string } | { refused: string } {
  let realRoot: string;
  let real: string;
  try {
    realRoot = realpathSync(root);
    real = realpathSync(abs);
  } catch {
    return { refused: 'does not exist' };
  }
  return inside(realRoot, real) ? { real } : { refused: 'is outside the workspace: not read' };
}

export function readConfined(root: string, abs: string, maxBytes: number): ConfinedRead {
  const c = confined(root, abs);
  if ('refused' in c) return c;
  let fd: number;
  try {
    fd = openSync(c.real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (e) {
    return { refused: `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { refused: 'is not a regular file: not read' };
    if (st.size > maxBytes) return { refused: `is ${st.size} bytes, over the ${maxBytes}-byte limit: not read` };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(maxBytes - total + 1, 1 << 20));
      const got = readSync(fd, chunk, 0, chunk.length, null);
      if (got === 0) break;
      total += got;
      if (total > maxBytes) return { refused: `is over the ${maxBytes}-byte limit: not read` };
      chunks.push(chunk.subarray(0, got));
    }
    return { bytes: Buffer.concat(chunks, total) };
  } catch (e) {
    return { refused: `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})` };
  } finally {
    closeSync(fd);
  }
}

/** fileexists(): a regular file inside the workspace; undefined when that cannot be said (outside, or not a file). */
export function existsConfined(root: string, abs: string): boolean | undefined {
  const c = confined(root, abs);
  if ('refused' in c) return c.refused === 'does not exist' ? false : undefined;
  try {
    return statSync(c.real).isFile() ? true : undefined;
  } catch {
    return false;
  }
}
