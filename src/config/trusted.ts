// The configuration as a commit has it (`trusted-config: base`, `--config-from <git-ref>`): the
// configuration file, its `extends` chain, the policy bundles it names (and those given as inputs)
// and its central waivers are read from git objects of that commit, never from the working tree a
// pull request controls. They are written, blob by blob, into a snapshot folder inside the
// repository's .git directory (inside the workspace, never scanned) and loaded from there by the same
// code as always. Symbolic links in the commit are not followed: they are left out.
import { lstatSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CONFIG_FILE_NAMES, ConfigError, emptyConfig, findConfig, readConfigFile, type Config } from './config.js';
import { fetchCommit, revParse } from '../scope/lines.js';
import { UsageError } from '../errors.js';
import { childProcess } from '../util/builtins.js';

/** Largest blob taken from the commit (a compiled bundle's wasm included). */
const MAX_BLOB_BYTES = 64 * 1024 * 1024;

function git(cwd: string, args: string[]): Buffer {
  return childProcess().execFileSync('git', args, { cwd, maxBuffer: MAX_BLOB_BYTES + 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The commit id `ref` names in the repository at `repo`, fetched (depth 1) when it is a commit id not in a shallow checkout. */
export function resolveCommit(repo: string, ref: string, log?: (m: string) => void): string {
  if (!ref || ref.startsWith('-') || /[\s\0]/.test(ref)) throw new UsageError(`not a git revision: "${ref}"`);
  const sha = revParse(repo, ref);
  if (sha) return sha;
  if (/^[0-9a-f]{40}$/i.test(ref) && fetchCommit(repo, ref, log)) return ref.toLowerCase();
  throw new UsageError(
    `the trusted configuration's commit ${ref} is not in the checkout and could not be fetched from origin ` +
      '(give actions/checkout fetch-depth: 0, or keep its persisted credentials so the base commit can be fetched)',
  );
}

interface TreeEntry {
  mode: string;
  type: string;
  oid: string;
  path: string;
}

function lsTree(repo: string, sha: string, rel: string, recursive: boolean): TreeEntry[] {
  const out = git(repo, ['ls-tree', '-z', ...(recursive ? ['-r'] : []), '--full-tree', sha, '--', rel]).toString('utf8');
  return out
    .split('\0')
    .filter(Boolean)
    .map((e) => {
      const [meta, p] = [e.slice(0, e.indexOf('\t')), e.slice(e.indexOf('\t') + 1)];
      const [mode, type, oid] = meta.split(' ') as [string, string, string];
      return { mode, type, oid, path: p };
    });
}

/** Git's modes of regular files (100644, 100755); links are 120000, submodules 160000. */
const REGULAR = /^100[67][0-7]{2}$/;

/** A repository-relative POSIX path, refused when it leaves the repository. */
function inRepo(rel: string, what: string): string {
  const norm = path.posix.normalize(rel.split(path.sep).join('/'));
  if (norm === '..' || norm.startsWith('../') || path.posix.isAbsolute(norm)) throw new UsageError(`${what} ${rel} is outside the repository`);
  return norm === '.' ? '' : norm.replace(/\/$/, '');
}

export class Snapshot {
  readonly dir: string;
  private readonly taken = new Set<string>();

  constructor(
    readonly repo: string,
    readonly sha: string,
  ) {
    // Inside the checkout's .git folder when it is a real folder: in the workspace (reads stay
    // confined to it), and never discovered by the scan.
    const dotGit = path.join(repo, '.git');
    let inGit = false;
    try {
      inGit = lstatSync(dotGit).isDirectory();
    } catch {
      inGit = false;
    }
    if (inGit) {
      this.dir = path.join(dotGit, 'controlgate', `config-${sha}`);
      rmSync(this.dir, { recursive: true, force: true });
      mkdirSync(this.dir, { recursive: true });
    } else this.dir = mkdtempSync(path.join(tmpdir(), `controlgate-config-${sha.slice(0, 12)}-`));
  }

  /** True when the commit has a regular file at `rel`. */
  hasFile(rel: string): boolean {
    const r = inRepo(rel, 'path');
    return lsTree(this.repo, this.sha, r, false).some((e) => e.type === 'blob' && e.path === r && REGULAR.test(e.mode));
  }

  /** Write the file or folder `rel` as the commit has it into the snapshot; returns its path there. */
  take(rel: string, what: string): string {
    const r = inRepo(rel, what);
    const target = path.join(this.dir, r);
    if (this.taken.has(r)) return target;
    this.taken.add(r);
    for (const e of lsTree(this.repo, this.sha, r, true)) {
      if (e.path !== r && !e.path.startsWith(`${r}/`) && r !== '') continue;
      // Regular files only: links (120000) and submodules (160000) are not followed.
      if (e.type !== 'blob' || !REGULAR.test(e.mode)) continue;
      const size = Number(git(this.repo, ['cat-file', '-s', e.oid]).toString('utf8').trim());
      if (!(size <= MAX_BLOB_BYTES)) throw new UsageError(`${what} ${e.path} in ${this.sha.slice(0, 12)} is larger than ${MAX_BLOB_BYTES} bytes`);
      const file = path.join(this.dir, e.path);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, git(this.repo, ['cat-file', 'blob', e.oid]));
    }
    return target;
  }

  /** The repository-relative path of a file in the snapshot. */
  rel(abs: string): string {
    return path.relative(this.dir, abs).split(path.sep).join('/');
  }
}

export interface TrustedConfig {
  config: Config;
  snapshot: Snapshot;
  /** Input bundles (workspace-relative as given) mapped into the snapshot. */
  bundles: string[];
}

/**
 * The configuration the commit `sha` has for a run rooted at `root` in the repository `repo`, found
 * as findConfig finds it in the working tree (the named file, else .controlgate.yml in root, then in
 * the repository root), with its extends chain and bundles; input bundles are taken from the commit too.
 */
export function configAtCommit(repo: string, sha: string, root: string, o: { named?: string; inputBundles?: string[]; searchDirs?: string[] } = {}): TrustedConfig {
  const snap = new Snapshot(repo, sha);
  const rel = (abs: string, what: string): string => inRepo(path.relative(repo, abs), what);
  const rootRel = rel(root, 'working-directory');
  const dirs = [root, ...(o.searchDirs ?? [repo])];
  const candidates = o.named ? [rel(path.resolve(root, o.named), 'configuration')] : dirs.flatMap((d) => CONFIG_FILE_NAMES.map((n) => path.posix.join(rel(d, 'configuration folder'), n)));
  const first = candidates.find((c) => snap.hasFile(c));
  if (o.named && !first) throw new ConfigError(`the configuration file does not exist in ${sha.slice(0, 12)}`, o.named, 1);
  if (first) {
    // The extends chain, file by file, each resolved against the file that names it.
    const seen = new Set<string>();
    for (let rel: string | undefined = first; rel && !seen.has(rel); ) {
      seen.add(rel);
      const file = snap.take(rel, 'configuration');
      const ext: string | undefined = readConfigFile(file).extends;
      rel = ext ? inRepo(path.posix.join(path.posix.dirname(rel), ext), 'extends') : undefined;
      if (rel && !snap.hasFile(rel)) break; // loadConfig reports the missing file at its extends line
    }
  }
  mkdirSync(path.join(snap.dir, rootRel), { recursive: true });
  // Loaded as the working tree's is, with the snapshot as the folder every read stays inside.
  const config = first ? findConfig(path.join(snap.dir, path.posix.dirname(first)), o.named ? path.join(snap.dir, first) : undefined, [snap.dir]) : emptyConfig();
  for (const b of config.policyBundles) snap.take(snap.rel(b), 'policy bundle');
  const bundles = (o.inputBundles ?? []).map((b) => snap.take(path.relative(repo, path.resolve(root, b)), 'policy bundle'));
  // Var files hold values, like the code they feed: they are read from the checkout.
  const varFiles = config.varFiles?.map((f) => path.join(repo, snap.rel(f)));
  return { config: { ...config, ...(varFiles ? { varFiles } : {}) }, snapshot: snap, bundles };
}

export type TrustedSource = 'head' | 'base';

export function parseTrustedConfig(raw: string, name: string): TrustedSource {
  const v = raw.trim() || 'head';
  if (v !== 'head' && v !== 'base') throw new UsageError(`${name} must be head or base (got "${raw}")`);
  return v;
}

/** The configuration a run applies, and the two it compares for the policy-changes section. */
export interface RunPolicy {
  config: Config;
  /** Bundles given as inputs or flags, as the scan takes them (from the snapshot when the base is trusted). */
  inputBundles: string[];
  trusted: TrustedSource;
  base?: { sha: string; config: Config; rel: (abs: string) => string };
  /** The working tree's configuration (absent when it could not be read and the base's applies). */
  head?: { config: Config; rel: (abs: string) => string };
  /** Why the comparison is missing or what was not applied. */
  notes: string[];
  /** A configuration file's name for the summary: repository-relative, "base <sha>:" for the snapshot's. */
  display: (abs: string) => string;
}

const describeError = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * Load the configuration for a run. `baseRef`: the commit to compare with (the pull request's base),
 * or none. With trust 'base' every part of the configuration comes from that commit, and a base that
 * cannot be read fails the run (never a silent fall back to the pull request's configuration).
 */
export function policyForRun(o: { repo: string; root: string; named?: string; inputBundles: string[]; trust: TrustedSource; baseRef?: string; searchDirs?: string[]; log?: (m: string) => void }): RunPolicy {
  const searchDirs = o.searchDirs ?? [o.repo];
  const repoRel = (abs: string): string => path.relative(o.repo, abs).split(path.sep).join('/');
  const notes: string[] = [];
  if (!o.baseRef) {
    if (o.trust === 'base') notes.push('trusted-config is base, but this run has no base commit (not a pull request): the configuration of the checked-out commit applies.');
    const config = findConfig(o.root, o.named, searchDirs);
    return { config, inputBundles: o.inputBundles, trusted: 'head', head: { config, rel: repoRel }, notes, display: repoRel };
  }
  let base: RunPolicy['base'];
  let snapshotBundles: string[] = [];
  try {
    const sha = resolveCommit(o.repo, o.baseRef, o.log);
    const t = configAtCommit(o.repo, sha, o.root, { ...(o.named ? { named: o.named } : {}), inputBundles: o.inputBundles, searchDirs });
    base = { sha, config: t.config, rel: (abs) => t.snapshot.rel(abs) };
    snapshotBundles = t.bundles;
  } catch (e) {
    if (o.trust === 'base') throw e instanceof ConfigError || e instanceof UsageError ? e : new UsageError(`cannot read the configuration of ${o.baseRef}: ${describeError(e)}`);
    notes.push(`The base configuration could not be read (${describeError(e)}): policy changes against it are not listed.`);
  }
  if (o.trust === 'head') {
    const config = findConfig(o.root, o.named, searchDirs);
    return { config, inputBundles: o.inputBundles, trusted: 'head', ...(base ? { base } : {}), head: { config, rel: repoRel }, notes, display: repoRel };
  }
  const trusted = base!;
  let head: RunPolicy['head'];
  try {
    head = { config: findConfig(o.root, o.named, searchDirs), rel: repoRel };
  } catch (e) {
    notes.push(`The pull request's configuration could not be read (${describeError(e)}); it is not applied either way.`);
  }
  const display = (abs: string): string => `${trusted.sha.slice(0, 12)}:${trusted.rel(abs)}`;
  return { config: trusted.config, inputBundles: snapshotBundles, trusted: 'base', base: trusted, ...(head ? { head } : {}), notes, display };
}

/** Who committed line `line` of `file` (repository-relative) at `rev`, from git blame; empty when unknown. */
export function blameLine(repo: string, rev: string, file: string, line: number): { author?: string; commit?: string } {
  if (!Number.isInteger(line) || line < 1 || file.startsWith('-')) return {};
  try {
    const out = git(repo, ['blame', '--porcelain', '-L', `${line},${line}`, rev, '--', file]).toString('utf8');
    const commit = /^([0-9a-f]{40}) /.exec(out)?.[1];
    const name = /^author (.*)$/m.exec(out)?.[1];
    const mail = /^author-mail <(.*)>$/m.exec(out)?.[1];
    if (!name && !commit) return {};
    return { ...(name ? { author: mail ? `${name} <${mail}>` : name } : {}), ...(commit && !/^0+$/.test(commit) ? { commit } : {}) };
  } catch {
    return {};
  }
}

/** The top folder of the git repository holding `dir`. */
export function repositoryOf(dir: string): string {
  try {
    return git(path.resolve(dir), ['rev-parse', '--show-toplevel']).toString('utf8').trim();
  } catch {
    throw new UsageError(`${dir} is not in a git repository: --config-from needs one`);
  }
}
