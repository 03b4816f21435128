// Where each entity of the policy input is written, as normalize/ records it and controls/ reads it to
// give a finding its lines: the file and the entity's path in that file's LocationIndex, the module
// calls that instantiated it, and the variable-file assignments its attribute values came from.
import { hasPrefix, remapPath, type LocationIndex, type PathSegment, type Remap } from './locations.js';
import type { SourceRange } from './types.js';

/** A module call: where it is written, and the call that instantiated the calling module. */
export interface CallSite {
  file: string;
  line: number;
  /** The module's address, e.g. "module.app" or "module.app.module.db". */
  module: string;
  /** The call that instantiated the calling module (absent for a call in a root module). */
  parent?: CallSite;
}

/** The calls from the root module down to `site`, outermost first, each without its parent. */
export function callChain(site: CallSite): Array<Omit<CallSite, 'parent'>> {
  const out: Array<Omit<CallSite, 'parent'>> = [];
  for (let c: CallSite | undefined = site; c; c = c.parent) out.unshift({ file: c.file, line: c.line, module: c.module });
  return out;
}

/** One assignment in a variable file. */
export interface ValueOrigin {
  file: string;
  line: number;
  /** The root variable set there: "cidr". */
  variable: string;
}

/** Origins of the values under one attribute path of a block body. */
export interface PathOrigins {
  path: PathSegment[];
  origins: ValueOrigin[];
}

/** The origins of the value at `path` (a finding's attribute path): entries on it, above it or below it. */
export function originsAt(entries: readonly PathOrigins[] | undefined, path: readonly PathSegment[]): ValueOrigin[] {
  if (path.length === 0) return []; // a finding about the whole block: no one value
  const out = new Map<string, ValueOrigin>();
  for (const e of entries ?? []) {
    const n = Math.min(e.path.length, path.length);
    let same = true;
    for (let i = 0; i < n && same; i++) same = e.path[i] === path[i];
    if (same) for (const o of e.origins) out.set(`${o.file}:${o.line}:${o.variable}`, o);
  }
  return [...out.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}

/** Where an entity (a resource, a Packer source, a build...) is written. */
export interface EntityLocation {
  file: string;
  /** Path of the entity's block in the file's LocationIndex. */
  locPath: PathSegment[];
  locations: LocationIndex;
  /** For a resource inside a module: the module call that made it (its `parent`s lead to the root). */
  callSite?: CallSite;
  /** Attribute values a variable file set (found by src/normalize/origins.ts). */
  origins?: PathOrigins[];
  /** Parts of the block an override file wrote, oldest first (src/normalize/overrides.ts). */
  layers?: OverrideLayer[];
  /** With layers: the generated blocks' remaps (`locations` applies them itself). */
  remaps?: Remap[];
}

/** Part of an entity's block written in an override file (override.tf, *_override.tf). */
export interface OverrideLayer {
  file: string;
  locations: LocationIndex;
  /** The overriding block's path in that file. */
  at: PathSegment[];
  /** The paths, relative to the block, whose values it wrote. */
  paths: PathSegment[][];
}

/**
 * Where a path of an entity (relative to its block) is written: the file and the lines of the path,
 * or of its closest written ancestor (exact false). A part an override file wrote is located there.
 */
export function locateIn(loc: EntityLocation, rel: readonly PathSegment[]): { file: string; range: SourceRange; exact: boolean } | undefined {
  const full = [...loc.locPath, ...rel];
  if (loc.layers) {
    const written = remapPath(full, loc.remaps ?? []);
    if (hasPrefix(written, loc.locPath)) {
      const r = written.slice(loc.locPath.length);
      for (let i = loc.layers.length - 1; i >= 0; i--) {
        const l = loc.layers[i]!;
        if (!l.paths.some((p) => hasPrefix(r, p))) continue;
        const hit = l.locations.resolve([...l.at, ...r]);
        if (hit) return { file: l.file, ...hit };
      }
    }
  }
  const hit = loc.locations.resolve(full);
  return hit ? { file: loc.file, ...hit } : undefined;
}
