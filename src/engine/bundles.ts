// The policy bundles a scan evaluates: the built-in one (dist/policy.wasm and dist/catalog.json) and
// the user's (--policy-bundle), each loaded once per process and folder. A broken built-in bundle is
// the installation's problem (exit 3); a user's bundle that cannot be used is a usage error (exit 2).
import { existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PolicyEngine } from '../evaluate/engine.js';
import { indexCatalog, type CatalogIndex } from '../controls/catalog.js';
import { UsageError } from '../errors.js';
import { confinedRealPath, CONTROL_FILE_BYTES, isInside, readWorkspaceFile, WorkspaceReadError } from '../util/workspace-read.js';

/** dist/ beside the bundle when running from dist/, else the repository's dist/ (tests, dev). */
export function defaultAssetsDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const dir of [here, path.resolve(here, '..'), path.resolve(here, '..', '..', 'dist')]) {
    if (existsSync(path.join(dir, 'policy.wasm')) && existsSync(path.join(dir, 'catalog.json'))) return dir;
  }
  return path.resolve(here, '..', '..', 'dist');
}

export interface LoadedPolicies {
  engine: PolicyEngine;
  catalog: CatalogIndex;
  policySha256: string;
  catalogSha256: string;
}

const sha256 = (b: Uint8Array | string): string => createHash('sha256').update(b).digest('hex');

const loaded = new Map<string, Promise<LoadedPolicies>>();

/** A compiled bundle's wasm may be this large (the built-in one is well under 2 MiB). */
const MAX_BUNDLE_WASM_BYTES = 64 * 1024 * 1024;

type BundleReader = (name: 'policy.wasm' | 'catalog.json') => Buffer;

/** Load the bundle and its catalog once per process and folder. */
export function loadPolicies(assetsDir: string, read: BundleReader = (name) => readFileSync(path.join(assetsDir, name))): Promise<LoadedPolicies> {
  let p = loaded.get(assetsDir);
  if (!p) {
    p = (async () => {
      try {
        const wasm = read('policy.wasm');
        const catalogText = read('catalog.json');
        const catalog = indexCatalog(JSON.parse(catalogText.toString('utf8')));
        return { engine: await PolicyEngine.load(wasm), catalog, policySha256: sha256(wasm), catalogSha256: sha256(catalogText) };
      } catch (e) {
        // Exit code 3 (internal): the installation is broken, not the scanned files.
        throw new Error(`the policy bundle in ${assetsDir} failed to load (${e instanceof Error ? e.message : String(e)}); nothing was evaluated`);
      }
    })();
    loaded.set(assetsDir, p);
  }
  return p;
}

/**
 * A user's bundle folder (from --policy-bundle, the policy-bundles input or the configuration): inside
 * the workspace by real path, read through the workspace reader, named once. Every problem with it is
 * the user's (a usage error, exit 2), not the installation's.
 */
export async function loadUserBundles(workspace: string, root: string, dirs: string[]): Promise<Array<{ dir: string; loaded: LoadedPolicies }>> {
  const seen = new Map<string, string>();
  const out: Array<{ dir: string; loaded: LoadedPolicies }> = [];
  for (const given of dirs) {
    const abs = path.resolve(root, given);
    // Named relative to the workspace when inside it (flags arrive absolute, the configuration's relative).
    const dir = isInside(workspace, abs) ? path.relative(workspace, abs).split(path.sep).join('/') || '.' : given;
    let real: string;
    try {
      real = confinedRealPath(workspace, abs, `policy bundle folder ${dir}`, 'folder');
    } catch (e) {
      if (e instanceof WorkspaceReadError) throw new UsageError(e.message);
      throw e;
    }
    const twice = seen.get(real);
    if (twice !== undefined) throw new UsageError(`policy bundle ${dir} is named twice${twice === dir ? '' : ` (also as ${twice})`}: name each bundle once, in the configuration or as a flag/input`);
    seen.set(real, dir);
    for (const name of ['policy.wasm', 'catalog.json']) {
      if (!existsSync(path.join(real, name))) throw new UsageError(`policy bundle folder ${dir} has no ${name}: build it with \`controlgate policy build <dir> --out ${dir}\``);
    }
    const read: BundleReader = (name) => readWorkspaceFile(workspace, path.join(real, name), name === 'policy.wasm' ? MAX_BUNDLE_WASM_BYTES : CONTROL_FILE_BYTES, 'policy bundle file', `${dir}/${name}`).bytes;
    try {
      out.push({ dir, loaded: await loadPolicies(real, read) });
    } catch (e) {
      loaded.delete(real);
      throw new UsageError(`policy bundle ${dir} cannot be used: ${e instanceof Error ? e.message.replace(/^the policy bundle in \S+ failed to load \((.*)\); nothing was evaluated$/s, '$1') : String(e)}`);
    }
  }
  return out;
}

