// The module folders a scan must read beyond the paths it was given: local modules called from a
// scanned folder that live elsewhere in the workspace (`source = "../../modules/x"` when only
// `live/` is scanned), and modules `terraform init` / `tofu init` downloaded, which
// <root>/.terraform/modules/modules.json maps from module keys ("app", "app.db") to folders. Read
// offline, never fetched. Every folder must lie inside the workspace by real path; a module
// folder holds only its own files (a downloaded module's examples/ are not part of it).
import { isInside, readWorkspaceFile } from '../util/workspace-read.js';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { kindOf, splitReplaced } from '../discover/discover.js';
import type { DiscoveredFile, FileError } from '../model/types.js';
import { isFileError, parseFile, type ParsedFile, type ParseOptions } from '../parse/parse.js';

/** One root module's downloaded modules: key -> where they are (relative to the workspace) and their source. */
export type ModuleManifest = Map<string, { dir: string; source: string }>;

/** At most this many module folders are read beyond the scanned paths; the manifest at most this large. */
export const MAX_EXTRA_MODULE_DIRS = 500;
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

export interface ModuleFiles {
  /** Parsed files of module folders that were not among the scanned paths. */
  files: ParsedFile[];
  errors: FileError[];
  /** root module folder -> its modules.json, for the folders that have one. */
  manifests: Map<string, ModuleManifest>;
  /** root module folder -> the workspace `terraform workspace select` chose (.terraform/environment). */
  workspaces: Map<string, string>;
  /** Folders that could not be read, and why. */
  skipped: Array<{ path: string; reason: string }>;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function dirOf(file: string): string {
  const d = path.posix.dirname(file);
  return d === '' ? '.' : d;
}

export function isLocalSource(s: string): boolean {
  return s.startsWith('./') || s.startsWith('../') || s === '.' || s === '..';
}

/** A folder relative to the workspace, or undefined when the path leaves it. */
export function insideWorkspace(dir: string): string | undefined {
  const n = path.posix.normalize(dir).replace(/\/$/, '') || '.';
  return n === '..' || n.startsWith('../') || path.posix.isAbsolute(n) ? undefined : n;
}

/** The folder a local `source` names, relative to the workspace (undefined: outside it). */
export function localTarget(callerDir: string, source: string): string | undefined {
  return insideWorkspace(path.posix.join(callerDir, source));
}

/**
 * modules.json as Terraform and OpenTofu write it: {"Modules": [{"Key", "Source", "Version", "Dir"}]},
 * Dir relative to the root module's folder. Entries whose folder leaves the workspace are dropped.
 */
export function parseManifest(text: string, rootDir: string): ModuleManifest | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObj(doc) || !Array.isArray(doc.Modules)) return undefined;
  const out: ModuleManifest = new Map();
  for (const m of doc.Modules) {
    if (!isObj(m) || typeof m.Key !== 'string' || typeof m.Dir !== 'string' || m.Key === '') continue;
    if (path.isAbsolute(m.Dir) || m.Dir.includes('\\')) continue;
    const dir = insideWorkspace(path.posix.join(rootDir, m.Dir));
    if (dir) out.set(m.Key, { dir, source: typeof m.Source === 'string' ? m.Source : '' });
  }
  return out;
}

/**
 * Whether the source a manifest recorded is the one the call names now (`terraform init` records
 * registry addresses with their host, git ones as written). A stale manifest is not used.
 */
export function sameModuleSource(recorded: string, written: string): boolean {
  const norm = (s: string): string =>
    s
      .trim()
      .replace(/^git::/, '')
      .replace(/^(?:registry\.terraform\.io|registry\.opentofu\.org)\//i, '')
      .replace(/^https:\/\/github\.com\//i, 'github.com/')
      .replace(/\.git(?=$|\/\/|\?)/, '');
  return recorded === written || norm(recorded) === norm(written);
}

/** The manifest key of a module call: call names from the root, instance keys left out. */
export function manifestKey(modulePath: string[], name: string): string {
  return [...modulePath.map((seg) => seg.replace(/\[.*$/, '')), name].join('.');
}

/** The Terraform files of one folder (not its subfolders), confined to the workspace by real path. */
async function folderFiles(realRoot: string, root: string, dir: string): Promise<DiscoveredFile[] | string> {
  const abs = path.join(root, dir);
  let real: string;
  try {
    real = await fs.realpath(abs);
  } catch {
    return 'does not exist';
  }
  if (!isInside(realRoot, real)) return 'is outside the workspace (by its real path): not read';
  let names: string[];
  try {
    names = (await fs.readdir(real)).sort();
  } catch (e) {
    return `cannot be listed (${(e as NodeJS.ErrnoException).code ?? String(e)})`;
  }
  const out: DiscoveredFile[] = [];
  for (const name of names) {
    const kind = kindOf(name);
    if (kind !== 'terraform' && kind !== 'terraform-json') continue;
    const fileAbs = path.join(real, name);
    let st;
    try {
      st = await fs.lstat(fileAbs);
      if (st.isSymbolicLink()) {
        const target = await fs.realpath(fileAbs);
        if (!isInside(realRoot, target)) continue;
        st = await fs.stat(target);
      }
    } catch {
      continue;
    }
    if (!st.isFile()) continue;
    out.push({ path: dir === '.' ? name : `${dir}/${name}`, absPath: path.join(abs, name), kind, size: st.size, root: realRoot });
  }
  return out;
}

/** A small file inside the workspace (by real path), or undefined when absent, outside or too large. */
async function readSmall(realRoot: string, abs: string, maxBytes: number): Promise<string | undefined> {
  try {
    // The workspace reader: confined by real path, regular files only, the size checked on the open file.
    return readWorkspaceFile(realRoot, abs, maxBytes, 'file').bytes.toString('utf8');
  } catch {
    return undefined;
  }
}

async function readManifest(realRoot: string, root: string, rootDir: string): Promise<ModuleManifest | undefined> {
  const text = await readSmall(realRoot, path.join(root, rootDir, '.terraform', 'modules', 'modules.json'), MAX_MANIFEST_BYTES);
  return text === undefined ? undefined : parseManifest(text, rootDir);
}

/** The `source` of every module block of a file's body (literal strings only), in the body's order. */
export function moduleSources(body: Obj): string[] {
  const out: string[] = [];
  if (!isObj(body.module)) return out;
  for (const list of Object.values(body.module)) {
    for (const b of Array.isArray(list) ? list : [list]) if (isObj(b) && typeof b.source === 'string') out.push(b.source);
  }
  return out;
}

/** Local module sources called in these files, as folders relative to the workspace. */
export function calledFolders(files: ParsedFile[]): Array<{ from: string; dir: string | undefined; source: string }> {
  const out: Array<{ from: string; dir: string | undefined; source: string }> = [];
  for (const f of files) {
    for (const source of moduleSources(f.body)) {
      if (isLocalSource(source)) out.push({ from: f.file.path, dir: localTarget(dirOf(f.file.path), source), source });
    }
  }
  return out;
}

/**
 * Read the module folders the scanned Terraform files need and do not include: each scanned
 * folder's downloaded modules (modules.json), then every local module folder they call, until
 * nothing new is called. `scanned` are the parsed files of the scan.
 */
export async function loadModuleFiles(root: string, scanned: ParsedFile[], opts: ParseOptions): Promise<ModuleFiles> {
  const tf = (f: ParsedFile): boolean => f.file.kind === 'terraform' || f.file.kind === 'terraform-json';
  return loadModuleFolders(root, new Set(scanned.filter(tf).map((f) => dirOf(f.file.path))), calledFolders(scanned.filter(tf)), opts);
}

/**
 * loadModuleFiles from what a scan knows before it parses everything: the folders holding its
 * Terraform files, and the local module calls of its Terraform files (in file order; see
 * calledFolders). A scan made one group at a time (src/engine/stream.ts) passes these.
 */
export async function loadModuleFolders(
  root: string,
  have: Set<string>,
  calls: ReadonlyArray<{ dir: string | undefined }>,
  opts: ParseOptions,
): Promise<ModuleFiles> {
  const realRoot = await fs.realpath(root).catch(() => path.resolve(root));
  const out: ModuleFiles = { files: [], errors: [], manifests: new Map(), workspaces: new Map(), skipped: [] };
  const queue: string[] = [];
  const queued = new Set<string>();
  const want = (dir: string): void => {
    if (have.has(dir) || queued.has(dir)) return;
    queued.add(dir);
    queue.push(dir);
  };
  for (const dir of [...have].sort()) {
    const selected = await readSmall(realRoot, path.join(root, dir, '.terraform', 'environment'), 256);
    if (selected !== undefined && /^[A-Za-z0-9_.-]{1,90}$/.test(selected.trim())) out.workspaces.set(dir, selected.trim());
    const manifest = await readManifest(realRoot, root, dir);
    if (!manifest) continue;
    out.manifests.set(dir, manifest);
    for (const m of manifest.values()) want(m.dir);
  }
  for (const c of calls) if (c.dir) want(c.dir);
  let read = 0;
  while (queue.length) {
    const dir = queue.shift()!;
    if (read >= MAX_EXTRA_MODULE_DIRS) {
      out.skipped.push({ path: dir, reason: `more than ${MAX_EXTRA_MODULE_DIRS} module folders outside the scanned paths: not read` });
      continue;
    }
    read++;
    const found = await folderFiles(realRoot, root, dir);
    if (typeof found === 'string') {
      // A folder that does not exist is reported by the evaluator, with the call that names it.
      if (found !== 'does not exist') out.skipped.push({ path: dir, reason: `module folder ${found}` });
      continue;
    }
    const parsed: ParsedFile[] = [];
    const kept = splitReplaced(found);
    out.errors.push(...kept.errors);
    for (const f of kept.files) {
      const r = await parseFile(f, opts);
      if (isFileError(r)) out.errors.push(r);
      else parsed.push(r);
    }
    have.add(dir);
    out.files.push(...parsed);
    for (const c of calledFolders(parsed)) if (c.dir) want(c.dir);
  }
  return out;
}
