// A discovered file as discover keeps it for the whole scan: its path relative to the root, and the
// root. Its absolute path is made when a reader asks for it (peek, parse), not kept: at 50,000 files
// the absolute paths were 5 MB of what a scan holds to its end (issue #20).
import path from 'node:path';
import type { DiscoveredFile, FileKind } from '../model/types.js';

class FoundFile implements DiscoveredFile {
  constructor(
    readonly path: string,
    readonly kind: FileKind,
    readonly size: number,
    readonly root: string,
    /** The folder `path` is relative to. */
    readonly base: string,
  ) {}

  get absPath(): string {
    return path.join(this.base, this.path);
  }
}

/** The file at `abs` (`rel` below `base`): its absolute path made from `base` when asked, unless
 * joining them would not give `abs` back exactly (then kept as found). */
export function foundFile(base: string, rel: string, abs: string, kind: FileKind, size: number, root: string): DiscoveredFile {
  return path.join(base, rel) === abs ? new FoundFile(rel, kind, size, root, base) : { path: rel, absPath: abs, kind, size, root };
}
