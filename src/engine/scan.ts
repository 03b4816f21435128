// The pipeline: discover -> parse -> normalize -> evaluate (wasm) -> map to controls. Pure of the
// GitHub runner: the CLI and the action both call scan() and then choose their reporters.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { discover } from '../discover/discover.js';
import { parseFile, isFileError, DEFAULT_PARSE_OPTIONS, type ParsedFile } from '../parse/parse.js';
import { normalize } from '../normalize/normalize.js';
import { loadVarFiles } from '../normalize/var-files.js';
import { PolicyEngine } from '../evaluate/engine.js';
import { indexCatalog, type CatalogIndex } from '../controls/catalog.js';
import { mapOutcomes, type EntityInfo } from '../controls/map.js';
import type { FileError, FileRecord, ScanResult } from '../model/types.js';
import { createHash } from 'node:crypto';
import { applyWaivers, type Waiver } from '../waivers/waivers.js';
import { inlineWaivers, ownDirectives } from '../waivers/inline.js';
import { collectSecrets, redactor } from '../util/secrets.js';

export interface ScanOptions {
  /** Workspace root: paths are reported relative to it and links may not leave it. */
  root: string;
  paths: string[];
  /** Folder holding policy.wasm and catalog.json; defaults to the bundled dist/. */
  assetsDir?: string;
  maxFileBytes?: number;
  /** Central waivers (from the configuration file). Inline waivers are read from the files. */
  waivers?: Waiver[];
  /** The clock waivers' expiry is judged by (tests pass a fixed one). */
  now?: Date;
  /** Variable files (.tfvars, .pkrvars.hcl), relative to root, in order: later ones win. */
  varFiles?: string[];
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
  policySha256: string;
  catalogSha256: string;
}

const sha256 = (b: Uint8Array | string): string => createHash('sha256').update(b).digest('hex');

const loaded = new Map<string, Promise<LoadedPolicies>>();

/** Load the bundle and its catalog once per process and folder. */
export function loadPolicies(assetsDir: string): Promise<LoadedPolicies> {
  let p = loaded.get(assetsDir);
  if (!p) {
    p = (async () => {
      const wasm = readFileSync(path.join(assetsDir, 'policy.wasm'));
      const catalogText = readFileSync(path.join(assetsDir, 'catalog.json'));
      const catalog = indexCatalog(JSON.parse(catalogText.toString('utf8')));
      return { engine: await PolicyEngine.load(wasm), catalog, policySha256: sha256(wasm), catalogSha256: sha256(catalogText) };
    })();
    loaded.set(assetsDir, p);
  }
  return p;
}

export async function scan(opts: ScanOptions): Promise<ScanResult> {
  const startedAt = (opts.now ?? new Date()).toISOString();
  const root = path.resolve(opts.root);
  const { engine, catalog, policySha256, catalogSha256 } = await loadPolicies(opts.assetsDir ?? defaultAssetsDir());
  const { files, skipped } = await discover(root, opts.paths);

  const parsed: ParsedFile[] = [];
  const errors: FileError[] = [];
  const parseOpts = { ...DEFAULT_PARSE_OPTIONS, ...(opts.maxFileBytes ? { maxFileBytes: opts.maxFileBytes } : {}) };
  for (const f of files) {
    const r = await parseFile(f, parseOpts);
    if (isFileError(r)) errors.push(r);
    else parsed.push(r);
  }

  const vf = await loadVarFiles(root, opts.varFiles ?? [], parseOpts);
  errors.push(...vf.errors);
  const { input, locator, summary: resolution } = normalize(parsed, { varFiles: vf.parsed });
  // Local module folders that could not be read are paths not scanned; remote modules are listed in
  // result.resolution.remoteModules.
  skipped.push(...resolution.skipped);
  const entities = new Map<string, EntityInfo>();
  for (const r of input.terraform.resources) entities.set(r.id, { address: r.address, config: r.config });
  for (const p of input.terraform.providers) entities.set(p.id, { address: p.alias ? `provider.${p.name}.${p.alias}` : `provider.${p.name}`, config: p.config });
  for (const v of [...input.terraform.variables, ...input.packer.variables]) entities.set(v.id, { address: `var.${v.name}`, config: { default: v.default } });
  for (const s of input.packer.sources) entities.set(s.id, { address: s.address, config: s.config });
  for (const b of input.packer.builds) entities.set(b.id, { address: `build.${b.name}`, config: b });

  const outcomes = engine.evaluate(input);
  const mapped = mapOutcomes(outcomes, { catalog, locator, entities });
  if (mapped.unmappedRules.length) {
    throw new Error(`policy bundle and catalog disagree: no catalog entry for ${mapped.unmappedRules.join(', ')}`);
  }
  const waivers = [...(opts.waivers ?? []), ...parsed.flatMap((p) => (isHclSyntax(p) ? inlineWaivers(p.file.path, p.text, p.locations, [ownDirectives]) : []))];
  const { findings, evaluations, records } = applyWaivers(mapped.findings, mapped.evaluations, waivers, opts.now ?? new Date());
  const redactions = collectSecrets(parsed);
  const redact = redactor(redactions);
  // Everything that reaches a report passes through redact; the catalog holds no scanned text.
  const reported = redact({
    root,
    bundle: { policySha256, catalogSha256, opaVersion: catalog.catalog.opaVersion },
    startedAt,
    finishedAt: (opts.now ?? new Date()).toISOString(),
    files: fileRecords(parsed, errors, skipped),
    waivers: records,
    filesFound: files.length,
    filesScanned: parsed.map((p) => p.file.path),
    skipped,
    errors,
    findings,
    evaluations,
    resolution: { values: resolution.values, remoteModules: resolution.remoteModules, capped: resolution.capped },
  });
  return { ...reported, catalog: catalog.catalog, redactions };
}

function isHclSyntax(p: ParsedFile): boolean {
  return !p.file.path.toLowerCase().endsWith('.json');
}

/** One record per file considered, sorted by path: parsed (with digest), parse error, or skipped. */
export function fileRecords(parsed: ParsedFile[], errors: FileError[], skipped: Array<{ path: string; reason: string }>): FileRecord[] {
  const out: FileRecord[] = [
    ...parsed.map((p): FileRecord => ({ path: p.file.path, kind: p.file.kind, sha256: p.sha256, status: 'parsed' })),
    ...errors.map((e): FileRecord => ({ path: e.path, kind: e.kind, ...(e.sha256 ? { sha256: e.sha256 } : {}), status: 'parse_error', reason: e.message })),
    ...skipped.map((s): FileRecord => ({ path: s.path, kind: 'unknown', status: 'skipped', reason: s.reason })),
  ];
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
