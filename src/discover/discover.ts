// discover: walk the given paths for Terraform and Packer sources. Every entry that looks like one of
// ours ends up either in `files` or in `skipped` with a reason; nothing disappears silently. The files
// found are then narrowed by the configuration's include globs and exclude patterns (selectFiles):
// excluded files are reported with the pattern that excluded them, never dropped silently.
// Synchronous file-system calls: one awaited fs.promises call per entry cost far more in event-loop
// round trips than the calls themselves (issue #20); the walk's order and results are the same.
import { lstatSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import type { DiscoveredFile, FileError, FileKind, SkippedFile } from '../model/types.js';
import { globMatcher, isGlob } from '../util/patterns.js';
import { isLegacyPackerTemplate } from './sniff.js';
import { isInside } from '../util/workspace-read.js';
import { foundFile } from './discovered-file.js';

export const SKIPPED_DIRS = new Set(['.terraform', '.git', 'node_modules']);

/** Kind by file name; undefined for files we do not scan. Order matters: longest suffix first. */
export function kindOf(name: string): FileKind | undefined {
  const n = name.toLowerCase();
  if (n.endsWith('.pkrvars.hcl') || n.endsWith('.pkrvars.json')) return 'packer-vars';
  if (n.endsWith('.pkr.hcl')) return 'packer';
  if (n.endsWith('.pkr.json')) return 'packer-json';
  if (n.endsWith('.tf.json') || n.endsWith('.tofu.json')) return 'terraform-json';
  if (n.endsWith('.tf') || n.endsWith('.tofu')) return 'terraform';
  if (n.endsWith('.tfvars') || n.endsWith('.tfvars.json')) return 'terraform-vars';
  return undefined;
}

/** The OpenTofu file that replaces a Terraform file of the same folder: x.tofu for x.tf, x.tofu.json for x.tf.json. */
export function tofuNameFor(name: string): string | undefined {
  if (name.endsWith('.tf')) return `${name.slice(0, -'.tf'.length)}.tofu`;
  if (name.endsWith('.tf.json')) return `${name.slice(0, -'.tf.json'.length)}.tofu.json`;
  return undefined;
}

/**
 * OpenTofu reads x.tofu in place of x.tf of the same folder (and x.tofu.json in place of x.tf.json);
 * Terraform reads only x.tf. Such a pair makes the two tools plan different configurations, and a
 * scan of one would let the other's changes through: the folder is evaluated as OpenTofu reads it,
 * and each replaced file is a located error (exclude it when only OpenTofu plans the folder).
 */
export function splitReplaced(files: DiscoveredFile[]): { files: DiscoveredFile[]; errors: FileError[] } {
  const paths = new Set(files.map((f) => f.path));
  const out: { files: DiscoveredFile[]; errors: FileError[] } = { files: [], errors: [] };
  for (const f of files) {
    const name = f.path.slice(f.path.lastIndexOf('/') + 1);
    const tofu = tofuNameFor(name);
    const replacement = tofu === undefined ? undefined : f.path.slice(0, f.path.length - name.length) + tofu;
    if (replacement === undefined || !paths.has(replacement)) {
      out.files.push(f);
      continue;
    }
    out.errors.push({
      path: f.path,
      kind: f.kind,
      message: `OpenTofu reads ${tofu} in place of this file and Terraform reads only this one, so the two tools plan different configurations; this scan evaluates the folder as OpenTofu does and this file is not scanned: remove one of the two, or exclude this file if only OpenTofu plans the folder`,
      range: { startLine: 1, endLine: 1 },
    });
  }
  return out;
}

/** A `.json` file no name rule claims: a legacy Packer template when its content says so. */
export function mayBeLegacyPackerTemplate(name: string): boolean {
  return name.toLowerCase().endsWith('.json') && kindOf(name) === undefined;
}

/** How much of an unclaimed `.json` file is read to tell a legacy Packer template (the parse cap). */
export const DEFAULT_SNIFF_BYTES = 4 * 1024 * 1024;

export interface DiscoverOptions {
  /** Read at most this many bytes of an unclaimed `.json` file looking for a top-level `builders`. */
  sniffBytes?: number;
  /** Told of each file as it is found (before any selection), e.g. to start work early. */
  onFile?: (f: DiscoveredFile) => void;
}

export interface DiscoverResult {
  files: DiscoveredFile[];
  skipped: SkippedFile[];
  /** Paths given explicitly that do not exist or lead out of the workspace (also in `skipped`):
   * a usage error unless the run allows it (allow-empty). */
  unusable: SkippedFile[];
}

/** POSIX path relative to root. */
export function relPosix(root: string, abs: string): string {
  return path.relative(root, abs).split(path.sep).join('/');
}


/**
 * Walk `inputs` (files or folders, relative to `root` or absolute) and return the scannable files,
 * sorted by path so every later stage is deterministic.
 */
export async function discover(root: string, inputs: string[], opts: DiscoverOptions = {}): Promise<DiscoverResult> {
  const sniffBytes = opts.sniffBytes ?? DEFAULT_SNIFF_BYTES;
  const realRoot = realpathSync.native(root);
  const files = new Map<string, DiscoveredFile>();
  const skipped: SkippedFile[] = [];
  const unusable: SkippedFile[] = [];
  const seenDirs = new Set<string>();

  const unusableInput = (s: SkippedFile): void => {
    skipped.push(s);
    unusable.push(s);
  };
  // parentReal: the real path of the folder being listed, so a folder below it that is no link has
  // its real path without realpath(3) (a readlink per component of the path).
  const visit = async (abs: string, explicit: boolean, parentReal?: string): Promise<void> => {
    const rel = relPosix(root, abs);
    let lst;
    try {
      lst = lstatSync(abs);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (explicit) unusableInput({ path: rel, reason: code === 'ENOENT' || code === 'ENOTDIR' ? 'does not exist' : `cannot read: ${code ?? String(e)}` });
      return;
    }
    // A path through a linked folder (infra/linked/main.tf where linked -> /elsewhere) leaves the
    // workspace although its last part is no link: judged by the real path of the whole.
    if (explicit && !lst.isSymbolicLink()) {
      let real: string;
      try {
        real = realpathSync.native(abs);
      } catch {
        real = abs;
      }
      if (!isInside(realRoot, real)) {
        unusableInput({ path: rel, reason: 'leads out of the workspace through a symbolic link: not scanned' });
        return;
      }
    }
    let target = abs;
    let st = lst;
    if (lst.isSymbolicLink()) {
      try {
        target = realpathSync.native(abs);
        st = statSync(target);
      } catch {
        if (explicit || kindOf(path.basename(abs))) skipped.push({ path: rel, reason: 'broken symbolic link' });
        return;
      }
      if (!isInside(realRoot, target)) {
        if (explicit) unusableInput({ path: rel, reason: 'symbolic link points outside the workspace' });
        else if (st.isDirectory() || kindOf(path.basename(abs))) {
          skipped.push({ path: rel, reason: 'symbolic link points outside the workspace' });
        }
        return;
      }
    }
    if (st.isDirectory()) {
      const real = parentReal !== undefined && !lst.isSymbolicLink() ? path.join(parentReal, path.basename(abs)) : realpathSync.native(target);
      if (seenDirs.has(real)) {
        if (lst.isSymbolicLink()) skipped.push({ path: rel, reason: 'symbolic link loop or folder already scanned' });
        return;
      }
      seenDirs.add(real);
      let entries: string[];
      try {
        entries = readdirSync(abs).sort();
      } catch (e) {
        skipped.push({ path: rel || '.', reason: `cannot list folder: ${(e as NodeJS.ErrnoException).code ?? String(e)}` });
        return;
      }
      for (const name of entries) {
        if (SKIPPED_DIRS.has(name)) continue;
        await visit(path.join(abs, name), false, real);
      }
      return;
    }
    const name = path.basename(abs);
    let kind = kindOf(name);
    if (!st.isFile()) {
      if (kind || explicit) skipped.push({ path: rel, reason: 'not a regular file' });
      return;
    }
    // Legacy Packer templates have no suffix of their own (template.json, ubuntu.json): by content.
    if (!kind && mayBeLegacyPackerTemplate(name) && st.size <= sniffBytes && (await isLegacyPackerTemplate(target, sniffBytes, realRoot))) kind = 'packer-json';
    if (!kind) {
      if (explicit) skipped.push({ path: rel, reason: 'not a Terraform or Packer file' });
      return;
    }
    if (!files.has(rel)) {
      const f = foundFile(root, rel, abs, kind, st.size, realRoot);
      files.set(rel, f);
      opts.onFile?.(f);
    }
  };

  for (const input of inputs.length ? inputs : ['.']) {
    const abs = path.resolve(root, input);
    if (!isInside(root, abs) && !isInside(realRoot, abs)) {
      unusableInput({ path: input, reason: 'is outside the workspace' });
      continue;
    }
    await visit(abs, true);
  }
  return {
    files: [...files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    skipped,
    unusable,
  };
}

/** Split paths into plain folders/files (walked) and glob patterns (matched against what is found). */
export function splitPatterns(paths: string[]): { plain: string[]; globs: string[] } {
  return { plain: paths.filter((p) => !isGlob(p)), globs: paths.filter((p) => isGlob(p)) };
}

/**
 * A pattern (a path or a glob, src/util/patterns.ts) matches a path, or a folder ("modules/",
 * "modules/*") everything below it. Throws GlobError for an invalid glob (the settings are checked
 * before a scan starts).
 */
export function matches(pattern: string, file: string): boolean {
  return globMatcher(pattern, { folders: true })(file);
}

export interface Selection {
  files: DiscoveredFile[];
  excluded: SkippedFile[];
}

/**
 * Keep files under a plain path or matching an include glob (when globs were given), minus those
 * matching an exclude pattern.
 */
export function selectFiles(files: DiscoveredFile[], plain: string[], globs: string[], exclude: string[]): Selection {
  const out: Selection = { files: [], excluded: [] };
  for (const f of files) {
    if (globs.length) {
      const underPlain = plain.some((p) => p === '.' || matches(p, f.path));
      if (!underPlain && !globs.some((g) => matches(g, f.path))) continue;
    }
    const ex = exclude.find((e) => matches(e, f.path));
    if (ex) out.excluded.push({ path: f.path, reason: `excluded by the configuration (${ex})` });
    else out.files.push(f);
  }
  return out;
}

/** The estimate below stops after this many entries: a tree that large is large. */
const MAX_ESTIMATE_ENTRIES = 200_000;

/**
 * Whether the files a scan of these absolute paths would consider hold at least `limit` bytes: a
 * walk like discover's (no links followed, the skipped folders left out, files by name only) that
 * stops once it knows. An estimate for choosing resources (src/cli/bounded.ts), never a selection.
 */
export function sourceBytesAtLeast(paths: string[], limit: number): boolean {
  let bytes = 0;
  let entries = 0;
  // The paths given are looked at themselves; below them, the folder entries' types say which to
  // list and which to size (only files with a scanned name are stat()ed).
  const sizeOf = (p: string): number | 'folder' | undefined => {
    try {
      const st = lstatSync(p);
      return st.isDirectory() ? 'folder' : st.isFile() ? st.size : undefined;
    } catch {
      return undefined;
    }
  };
  const stack: string[] = [];
  for (const p of paths) {
    const s = sizeOf(p);
    if (s === 'folder') stack.push(p);
    else if (s !== undefined && kindOf(path.basename(p)) !== undefined && (bytes += s) >= limit) return true;
  }
  while (stack.length) {
    const dir = stack.pop()!;
    let list: Dirent[];
    try {
      list = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of list) {
      if (++entries > MAX_ESTIMATE_ENTRIES) return true;
      if (e.isDirectory()) {
        if (!SKIPPED_DIRS.has(e.name)) stack.push(path.join(dir, e.name));
      } else if (e.isFile() && kindOf(e.name) !== undefined) {
        const s = sizeOf(path.join(dir, e.name));
        if (typeof s === 'number' && (bytes += s) >= limit) return true;
      }
    }
  }
  return false;
}
