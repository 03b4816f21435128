// The only way Controlgate reads a file that a pull request could have written: scanned sources,
// variable files, the plan, the configuration and its `extends` chain, policy bundles. A read is
// confined to the workspace by REAL path (a link, or a path through a linked folder, that leaves the
// workspace is refused), opens regular files only (FIFOs, devices and sockets are refused before any
// byte is read: O_NONBLOCK so a FIFO cannot block the open), and checks the size limit on the opened
// file (fstat) before reading, then again on what was read, so /dev/zero or a growing file cannot
// exhaust memory. Files shipped with the tool itself (dist/policy.wasm, dist/catalog.json) are not
// workspace files and do not go through here.
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, readlinkSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';

/** A read that was refused or failed; `message` says why in words, without any of the file's bytes. */
export class WorkspaceReadError extends Error {
  constructor(
    /** Why, without the file's name: "is a FIFO (named pipe), not a regular file: not read". */
    readonly reason: string,
    /** The file as named in the message: "var file env/prod.tfvars". */
    readonly label: string,
    /** Machine-readable kind of refusal: outside (real path leaves the workspace), missing, not-file, too-large, io. */
    readonly kind: 'outside' | 'missing' | 'not-file' | 'too-large' | 'io',
  ) {
    super(`${label} ${reason}`);
    this.name = 'WorkspaceReadError';
  }
}

export interface WorkspaceFile {
  /** Absolute path as given (links not resolved). */
  abs: string;
  /** Real path of the file read. */
  real: string;
  bytes: Buffer;
}

/** True when `abs` is `root` or below it (lexically). */
export function isInside(root: string, abs: string): boolean {
  const rel = path.relative(root, abs);
  return rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel));
}

/** realpath(3) in one system call; node's JS realpathSync lstat()s every component of every path. */
const realpathOf = (p: string): string => realpathSync.native(p);

/** Real paths of workspace roots already resolved: a scan reads thousands of files below one root. */
const realRoots = new Map<string, string>();

/** Real path of the workspace root (the root itself may be reached through a link: that is the user's choice). */
export function realRoot(root: string): string {
  const abs = path.resolve(root);
  let real = realRoots.get(abs);
  if (real === undefined) {
    try {
      real = realpathOf(abs);
    } catch {
      // Not remembered: a root that does not exist yet may be created later (tests do).
      return abs;
    }
    if (realRoots.size > 64) realRoots.clear();
    realRoots.set(abs, real);
  }
  return real;
}

/** What a non-regular file is, in words. */
export function fileTypeName(st: Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  if (st.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/**
 * The real path of `abs`, checked to be inside the workspace (`root`). Throws WorkspaceReadError
 * (`missing`, `outside`) otherwise. `shown` is how the path is named in the message.
 */
export function confinedRealPath(root: string, abs: string, shown: string, expect: 'file' | 'folder' | 'any' = 'any'): string {
  let real: string;
  try {
    real = realpathOf(abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new WorkspaceReadError(`does not exist`, shown, 'missing');
    if (code === 'ELOOP') throw new WorkspaceReadError(`is a symbolic link loop: not read`, shown, 'outside');
    throw new WorkspaceReadError(`cannot be read (${code ?? String(e)})`, shown, 'io');
  }
  // The type first (a clearer message for /dev/zero than "outside"); stat never opens the file.
  if (expect !== 'any') {
    let st: Stats;
    try {
      st = statSync(real);
    } catch (e) {
      throw new WorkspaceReadError(`cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`, shown, 'io');
    }
    if (expect === 'file' && !st.isFile()) throw new WorkspaceReadError(`is ${fileTypeName(st)}, not a regular file: not read`, shown, 'not-file');
    if (expect === 'folder' && !st.isDirectory()) throw new WorkspaceReadError(`is ${st.isFile() ? 'a file' : fileTypeName(st)}, not a folder`, shown, 'not-file');
  }
  if (!isInside(realRoot(root), real)) {
    throw new WorkspaceReadError(`resolves outside the workspace (through a symbolic link, or by its path): not read`, shown, 'outside');
  }
  return real;
}

/** Where an open file descriptor really points (Linux), to close the gap between realpath and open. */
function fdPath(fd: number): string | undefined {
  try {
    return readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    return undefined;
  }
}

/** Whether /proc/self/fd tells where an open file is (Linux): the quick open below relies on it. */
let fdPaths: boolean | undefined;

/** Real paths of the folders files were read from, by absolute path: a scan reads many files per folder. */
const realDirs = new Map<string, string>();

/**
 * A regular file opened without realpath(3) on its whole path (one readlink per component, most of a
 * read's cost): its folder's real path from realDirs, lstat() on the name below it (a link, or
 * anything but a regular file, takes the full path below instead, with its messages), open() with
 * O_NOFOLLOW, and then what the file descriptor really points to must be exactly that path inside
 * the workspace. So a folder swapped for a link after it was remembered is caught on the open file
 * itself (and read the full way, which says why). Throws `missing` when the folder or the name does
 * not exist; undefined, with nothing left open, whenever another step does not hold, or where
 * /proc/self/fd cannot confirm the open file (not Linux).
 */
function openQuickly(root: string, abs: string, label: string): { fd: number; real: string } | undefined {
  if (fdPaths === false) return undefined;
  const dir = path.dirname(abs);
  let realDir = realDirs.get(dir);
  try {
    if (realDir === undefined) {
      realDir = realpathOf(dir);
      if (realDirs.size >= 4096) realDirs.clear();
      realDirs.set(dir, realDir);
    }
    const real = path.join(realDir, path.basename(abs));
    if (!isInside(realRoot(root), real) || !lstatSync(real).isFile()) return undefined;
    const fd = openSync(real, OPEN_FLAGS);
    const opened = fdPath(fd);
    if (fdPaths === undefined) fdPaths = opened !== undefined && opened.startsWith('/');
    if (opened !== real) {
      closeSync(fd);
      realDirs.delete(dir);
      return undefined;
    }
    return { fd, real };
  } catch (e) {
    realDirs.delete(dir);
    // Missing (a probe for .terraform/modules/modules.json): what the full path would say too.
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new WorkspaceReadError(`does not exist`, label, 'missing');
    return undefined;
  }
}

/**
 * Read one workspace file: `given` is absolute or relative to `root`. `maxBytes` is checked on the
 * opened file before reading and on the bytes read. `what` names the file in messages ("var file").
 */
export function readWorkspaceFile(root: string, given: string, maxBytes: number, what = 'file', shown = given): WorkspaceFile {
  const chunks: Buffer[] = [];
  let total = 0;
  const { abs, real } = readWorkspaceChunks(root, given, maxBytes, (chunk) => {
    chunks.push(chunk);
    total += chunk.length;
    return true;
  }, what, shown);
  return { abs, real, bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total) };
}

/**
 * The same checks, then the file in chunks (at most 1 MiB each) until `onChunk` returns false or the
 * file ends: for readers that can stop early (src/discover/sniff.ts). A file over `maxBytes` is
 * refused before reading when fstat says so, and as soon as more than `maxBytes` were read.
 */
export function readWorkspaceChunks(root: string, given: string, maxBytes: number, onChunk: (chunk: Buffer) => boolean, what = 'file', shown = given): { abs: string; real: string } {
  const abs = path.resolve(root, given);
  const label = `${what} ${shown}`;
  const quick = openQuickly(root, abs, label);
  if (quick) return readOpened(quick.fd, quick.real, root, abs, maxBytes, onChunk, label, true);
  // Refuses a FIFO, device or socket from its stat, before open() (opening some devices has effects).
  const real = confinedRealPath(root, abs, label, 'file');
  let fd: number;
  try {
    fd = openSync(real, OPEN_FLAGS);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw new WorkspaceReadError(`became a symbolic link while being read: not read`, label, 'outside');
    throw new WorkspaceReadError(`cannot be read (${code ?? String(e)})`, label, 'io');
  }
  return readOpened(fd, real, root, abs, maxBytes, onChunk, label);
}

/** The checks on the open file (where it points: unless `confirmed` by openQuickly), then its bytes in chunks; closes fd. */
function readOpened(fd: number, real: string, root: string, abs: string, maxBytes: number, onChunk: (chunk: Buffer) => boolean, label: string, confirmed = false): { abs: string; real: string } {
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new WorkspaceReadError(`is ${fileTypeName(st)}, not a regular file: not read`, label, 'not-file');
    const opened = confirmed ? undefined : fdPath(fd);
    if (opened !== undefined && opened.startsWith('/') && !isInside(realRoot(root), opened)) {
      throw new WorkspaceReadError(`resolves outside the workspace: not read`, label, 'outside');
    }
    if (st.size > maxBytes) throw new WorkspaceReadError(`is ${st.size} bytes, over the ${maxBytes}-byte limit: not read`, label, 'too-large');
    // Read until end of file, never past the limit (a file may grow after fstat).
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(Math.max(st.size - total, 0) + 1, maxBytes - total + 1, 1 << 20));
      let got: number;
      try {
        got = readSync(fd, chunk, 0, chunk.length, null);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue;
        throw new WorkspaceReadError(`cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`, label, 'io');
      }
      if (got === 0) break;
      total += got;
      if (total > maxBytes) throw new WorkspaceReadError(`is over the ${maxBytes}-byte limit: not read`, label, 'too-large');
      if (!onChunk(chunk.subarray(0, got))) break;
    }
    return { abs, real };
  } finally {
    closeSync(fd);
  }
}

/** Default size limit for small control files (configuration, catalog.json): 4 MiB. */
export const CONTROL_FILE_BYTES = 4 * 1024 * 1024;

/**
 * A file's bytes for a hint only: the scan's first pass (src/engine/stream.ts) decides from them
 * whether to parse the file, and parsing reads it again through readWorkspaceFile. Not confined by
 * real path (realpath is most of a read's cost), so nothing read here may be reported or used beyond
 * that decision. A regular file only, checked before open (never a FIFO or device); undefined when
 * it is not one, is over maxBytes, or cannot be read.
 */
export function peekFile(abs: string, maxBytes: number): Buffer | undefined {
  let fd: number | undefined;
  try {
    const st = statSync(abs);
    if (!st.isFile() || st.size > maxBytes) return undefined;
    fd = openSync(abs, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
    const opened = fstatSync(fd);
    if (!opened.isFile() || opened.size > maxBytes) return undefined;
    const bytes = Buffer.allocUnsafe(opened.size);
    let got = 0;
    while (got < bytes.length) {
      const n = readSync(fd, bytes, got, bytes.length - got, null);
      if (n === 0) break;
      got += n;
    }
    return got === bytes.length ? bytes : bytes.subarray(0, got);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
