// The pipeline: discover -> parse -> normalize -> evaluate (wasm) -> map to controls. Pure of the
// GitHub runner: the CLI and the action both call scan() and then choose their reporters.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { discover } from '../discover/discover.js';
import { parseFile, isFileError, DEFAULT_PARSE_OPTIONS, type ParsedFile } from '../parse/parse.js';
import { normalize } from '../normalize/normalize.js';
import { PolicyEngine } from '../evaluate/engine.js';
import { indexCatalog, type CatalogIndex } from '../controls/catalog.js';
import { mapOutcomes, type EntityInfo } from '../controls/map.js';
import type { FileError, ScanResult } from '../model/types.js';

export interface ScanOptions {
  /** Workspace root: paths are reported relative to it and links may not leave it. */
  root: string;
  paths: string[];
  /** Folder holding policy.wasm and catalog.json; defaults to the bundled dist/. */
  assetsDir?: string;
  maxFileBytes?: number;
}

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
}

const loaded = new Map<string, Promise<LoadedPolicies>>();

/** Load the bundle and its catalog once per process and folder. */
export function loadPolicies(assetsDir: string): Promise<LoadedPolicies> {
  let p = loaded.get(assetsDir);
  if (!p) {
    p = (async () => {
      const wasm = readFileSync(path.join(assetsDir, 'policy.wasm'));
      const catalog = indexCatalog(JSON.parse(readFileSync(path.join(assetsDir, 'catalog.json'), 'utf8')));
      return { engine: await PolicyEngine.load(wasm), catalog };
    })();
    loaded.set(assetsDir, p);
  }
  return p;
}

export async function scan(opts: ScanOptions): Promise<ScanResult> {
  const root = path.resolve(opts.root);
  const { engine, catalog } = await loadPolicies(opts.assetsDir ?? defaultAssetsDir());
  const { files, skipped } = await discover(root, opts.paths);

  const parsed: ParsedFile[] = [];
  const errors: FileError[] = [];
  const parseOpts = { ...DEFAULT_PARSE_OPTIONS, ...(opts.maxFileBytes ? { maxFileBytes: opts.maxFileBytes } : {}) };
  for (const f of files) {
    const r = await parseFile(f, parseOpts);
    if (isFileError(r)) errors.push(r);
    else parsed.push(r);
  }

  const { input, locator } = normalize(parsed);
  const entities = new Map<string, EntityInfo>();
  for (const r of input.terraform.resources) entities.set(r.id, { address: r.address, config: r.config });
  for (const p of input.terraform.providers) entities.set(p.id, { address: p.alias ? `provider.${p.name}.${p.alias}` : `provider.${p.name}`, config: p.config });
  for (const v of [...input.terraform.variables, ...input.packer.variables]) entities.set(v.id, { address: `var.${v.name}`, config: { default: v.default } });
  for (const s of input.packer.sources) entities.set(s.id, { address: s.address, config: s.config });
  for (const b of input.packer.builds) entities.set(b.id, { address: `build.${b.name}`, config: b });

  const outcomes = engine.evaluate(input);
  const { findings, evaluations, unmappedRules } = mapOutcomes(outcomes, { catalog, locator, entities });
  if (unmappedRules.length) {
    throw new Error(`policy bundle and catalog disagree: no catalog entry for ${unmappedRules.join(', ')}`);
  }
  return {
    root,
    filesFound: files.length,
    filesScanned: parsed.map((p) => p.file.path),
    skipped,
    errors,
    findings,
    evaluations,
    catalog: catalog.catalog,
  };
}
