// Which module folders one Terraform root module evaluates: the root, the local module folders it
// calls (and they call), and the folders `terraform init` downloaded for it. The evaluator
// (src/normalize/terraform.ts) decides the roots with rootFolders; a scan made one root at a time
// (src/engine/stream.ts) gives each root the files of reachedFolders, which is every folder its
// evaluation can read (a superset: the manifest's folders are all kept, whichever call uses them).
import path from 'node:path';
import { bodies } from './body.js';
import { isLocalSource, type ModuleManifest } from './module-files.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The `source` of every module block of a file's body (literal strings only). */
export function moduleSources(body: Obj): string[] {
  const out: string[] = [];
  if (!isObj(body.module)) return out;
  for (const list of Object.values(body.module)) for (const b of bodies(list)) if (typeof b.source === 'string') out.push(b.source);
  return out;
}

/** The folder a local module call names, relative to the workspace, as the evaluator resolves it. */
export function calledFolder(callerDir: string, source: string): string {
  return path.posix.normalize(path.posix.join(callerDir, source)).replace(/\/$/, '') || '.';
}

/**
 * Root module folders, sorted: the folders no other folder calls, except those read only because
 * something calls them (`library`: outside the scanned paths, or downloaded). When every folder is
 * called, every folder is a root. `calls`: folder -> the module sources its files name.
 */
export function rootFolders(dirs: Iterable<string>, calls: ReadonlyMap<string, readonly string[]>, library: ReadonlySet<string>): string[] {
  const all = [...dirs];
  const called = new Set<string>();
  for (const d of all) {
    for (const s of calls.get(d) ?? []) {
      if (!isLocalSource(s)) continue;
      const target = calledFolder(d, s);
      if (target !== d) called.add(target);
    }
  }
  let roots = all.filter((d) => !called.has(d) && !library.has(d));
  if (roots.length === 0) roots = all;
  return roots.sort();
}

/** Every folder of `dirs` the root's evaluation can read, sorted: itself, its manifest's folders, and the local calls of each. */
export function reachedFolders(root: string, dirs: ReadonlySet<string>, calls: ReadonlyMap<string, readonly string[]>, manifest: ModuleManifest | undefined): string[] {
  const seen = new Set<string>();
  const queue: string[] = [];
  const add = (d: string): void => {
    if (seen.has(d) || !dirs.has(d)) return;
    seen.add(d);
    queue.push(d);
  };
  add(root);
  for (const m of manifest?.values() ?? []) add(m.dir);
  while (queue.length) {
    const d = queue.shift()!;
    for (const s of calls.get(d) ?? []) {
      if (!isLocalSource(s)) continue;
      const target = calledFolder(d, s);
      if (target !== '..' && !target.startsWith('../')) add(target);
    }
  }
  return [...seen].sort();
}
