// Sharding (issue #8, README "Sharding a monorepo"): `--shard i/n` splits the evaluation across n
// jobs by folder. Every shard discovers, parses and normalizes everything (module calls cross
// folders, so a folder's resources can only be resolved with the whole repository at hand), but
// evaluates and reports only the folders assigned to it:
//   shard(folder) = 1 + (fnv1a32(folder) mod n)
// where folder is a batch key (a Terraform module folder, a Packer template folder) or, for a file
// record, file error, skipped path or inline waiver, path.posix.dirname of its path. FNV-1a (32-bit)
// over the UTF-8 bytes is stable across machines, Node versions and runs: the same folder always
// lands on the same shard for a given n. In model/: discover-to-report stages all ask which folders
// a shard owns; `controlgate merge` (src/shard/merge.ts) joins the shards' results.
import path from 'node:path';
import { UsageError } from '../errors.js';

export interface ShardSpec {
  /** 1-based. */
  index: number;
  count: number;
}

/** What must be equal between the shards of one scan (checked by `controlgate merge`). */
export interface ShardStamp {
  /** "2/4" */
  shard: string;
  index: number;
  count: number;
  policySha256: string;
  catalogSha256: string;
  /** Users' own bundles' digests, in order ("" when none). */
  extraBundles: string;
  /** sha256 of the canonical recorded settings: the evidence's configuration.sha256. */
  configurationSha256: string;
}

/** 32-bit FNV-1a over the UTF-8 bytes of s. */
export function fnv1a32(s: string): number {
  let h = 0x811c9dc5;
  for (const b of Buffer.from(s, 'utf8')) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The 1-based shard a folder belongs to. */
export function shardOf(folder: string, count: number): number {
  return 1 + (fnv1a32(folder) % count);
}

/** The folder a path belongs to ('.' for a file at the root). */
export function folderOf(p: string): string {
  const d = path.posix.dirname(p);
  return d === '' ? '.' : d;
}

export function shardLabel(s: ShardSpec): string {
  return `${s.index}/${s.count}`;
}

/** "i/n" with 1 <= i <= n -> {index, count}; empty -> undefined. */
export function parseShard(raw: string | undefined, name = '--shard'): ShardSpec | undefined {
  const v = (raw ?? '').trim();
  if (!v) return undefined;
  const m = /^(\d+)\s*\/\s*(\d+)$/.exec(v);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || !(index >= 1 && count >= 1 && index <= count && count <= 1000)) {
    throw new UsageError(`${name} must be i/n with 1 <= i <= n <= 1000, e.g. 2/4 (got "${raw}")`);
  }
  return { index, count };
}

/** A predicate: does this folder belong to the shard? (Always true without a shard.) */
export function ownsFolder(shard: ShardSpec | undefined): (folder: string) => boolean {
  if (!shard) return () => true;
  const memo = new Map<string, boolean>();
  return (folder) => {
    let v = memo.get(folder);
    if (v === undefined) memo.set(folder, (v = shardOf(folder, shard.count) === shard.index));
    return v;
  };
}

export function shardStamp(
  shard: ShardSpec,
  bundle: { policySha256: string; catalogSha256: string; extra?: Array<{ path: string; policySha256: string; catalogSha256: string }> },
  configurationSha256: string,
): ShardStamp {
  return {
    shard: shardLabel(shard),
    index: shard.index,
    count: shard.count,
    policySha256: bundle.policySha256,
    catalogSha256: bundle.catalogSha256,
    extraBundles: (bundle.extra ?? []).map((e) => `${e.path}:${e.policySha256}:${e.catalogSha256}`).join(','),
    configurationSha256,
  };
}

/** Code-unit order of paths: the order of file records, file errors and skipped paths in a result. */
export function comparePaths(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
