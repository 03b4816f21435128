// Which module folders one Terraform root module evaluates: the root, the local module folders it
// calls (and they call), and the folders `terraform init` downloaded for it. The evaluator
// (src/normalize/terraform.ts) decides the roots with rootFolders; a scan made one root at a time
// (src/engine/stream.ts) gives each root the files of reachedFolders, which is every folder its
// evaluation can read (a superset: the manifest's folders are all kept, whichever call uses them).
import { isLocalSource, localTarget, type ModuleManifest } from './module-files.js';

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
      const target = localTarget(d, s);
      if (target !== undefined && target !== d) called.add(target);
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
      const target = isLocalSource(s) ? localTarget(d, s) : undefined;
      if (target !== undefined) add(target);
    }
  }
  return [...seen].sort();
}
