// The only way Controlgate writes an output file (SARIF, the CLI's JSON, the evidence .json/.md/
// .oscal.json). A pull request can add files to the workspace, so an output's name may already be
// taken by a link it planted. Rules:
// - the target itself must not be a symbolic link (nor a folder, FIFO, device...): refused;
// - a target inside the workspace must stay inside it by real path: a folder on the way that is a
//   link out of the workspace is refused, before any folder is created;
// - missing folders are created; the bytes go to a new temporary file in the target's folder
//   (O_CREAT|O_EXCL|O_NOFOLLOW), which is then renamed over the target: rename replaces a name and
//   never follows a link, so nothing outside the target is ever written.
import { closeSync, constants, existsSync, lstatSync, mkdirSync, openSync, realpathSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileTypeName, isInside, realRoot } from './workspace-read.js';

/** An output that cannot be written safely; the message names the file and why. */
export class OutputWriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputWriteError';
  }
}

/** The nearest folder of `dir` (itself or an ancestor) that exists. */
function existingAncestor(dir: string): string {
  let d = dir;
  while (!existsSync(d)) {
    const up = path.dirname(d);
    if (up === d) break;
    d = up;
  }
  return d;
}

/**
 * Write `content` to `target` (absolute, or relative to the current folder). `workspace`: outputs
 * inside it (lexically) must stay inside it by real path. `shown` names the file in messages.
 */
export function writeOutputFile(target: string, content: string | Uint8Array | Iterable<string>, workspace?: string, shown = target): void {
  const abs = path.resolve(target);
  const dir = path.dirname(abs);
  const confined = workspace !== undefined && isInside(path.resolve(workspace), abs);
  const base = existingAncestor(dir);
  if (confined) {
    let real: string;
    try {
      real = realpathSync(base);
    } catch (e) {
      throw new OutputWriteError(`cannot write ${shown}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
    if (!isInside(realRoot(workspace), real)) throw new OutputWriteError(`refusing to write ${shown}: its folder leads out of the workspace through a symbolic link`);
  }
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new OutputWriteError(`cannot create the folder of ${shown}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  if (confined && !isInside(realRoot(workspace), realpathSync(dir))) {
    throw new OutputWriteError(`refusing to write ${shown}: its folder leads out of the workspace through a symbolic link`);
  }
  const refuseExisting = (): void => {
    let st;
    try {
      st = lstatSync(abs);
    } catch {
      return; // does not exist: fine
    }
    if (st.isSymbolicLink()) throw new OutputWriteError(`refusing to write ${shown}: it is a symbolic link (outputs never follow links; remove it or choose another path)`);
    if (!st.isFile()) throw new OutputWriteError(`refusing to write ${shown}: it is ${fileTypeName(st)}, not a regular file`);
  };
  refuseExisting();
  const tmp = path.join(dir, `.${path.basename(abs)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number;
  try {
    fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o644);
  } catch (e) {
    throw new OutputWriteError(`cannot write ${shown}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  try {
    const put = (bytes: Uint8Array): void => {
      let off = 0;
      while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    };
    if (typeof content === 'string') put(Buffer.from(content, 'utf8'));
    else if (content instanceof Uint8Array) put(content);
    // Pieces (a large report written as it is made): never the whole text in memory at once.
    else for (const piece of content) put(Buffer.from(piece, 'utf8'));
  } catch (e) {
    closeSync(fd);
    unlinkSync(tmp);
    throw new OutputWriteError(`cannot write ${shown}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  closeSync(fd);
  try {
    refuseExisting(); // again, just before the rename
    renameSync(tmp, abs);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
    if (e instanceof OutputWriteError) throw e;
    throw new OutputWriteError(`cannot write ${shown}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}
