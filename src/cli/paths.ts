// The CLI's one rule for paths: every path argument and flag is relative to the current folder;
// `--root` only sets what paths are reported relative to (and the folder links may not leave). The
// engine takes paths relative to the root, so each path given on the command line is translated
// here, once, and a path that lands outside the root is a usage error rather than a silent skip.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { globParts } from '../util/patterns.js';

/** POSIX form of a path relative to `root`, or undefined when it is outside `root`. */
function insideRoot(root: string, abs: string): string | undefined {
  const rel = path.relative(root, abs);
  if (rel === '') return '.';
  if (rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}

/**
 * A path or glob given on the command line (relative to `cwd`) as the engine wants it: relative to
 * `root`, POSIX separators. A glob (src/util/patterns.ts decides what is one, as its matcher does)
 * keeps its pattern part; only its literal leading folders move, and a leading `!` stays in front.
 * `flag` names the argument in the error ("--skip-path", "path").
 */
export function rootRelative(given: string, o: { cwd: string; root: string; flag: string }): string {
  const { bang, base: literalPart, glob } = globParts(given);
  const plain = glob === '' && bang === '';
  const literal = plain ? given : literalPart || '.';
  const base = insideRoot(path.resolve(o.root), path.resolve(o.cwd, literal));
  if (base === undefined) {
    throw new UsageError(`${o.flag} ${given} is outside --root ${o.root} (paths are relative to the current folder; --root only sets what they are reported relative to)`);
  }
  const keepsTrailingSlash = /[\\/]$/.test(plain ? given : literalPart) && glob === '' && base !== '.';
  const joined = glob ? (base === '.' ? glob : `${base}/${glob}`) : base;
  return `${bang}${keepsTrailingSlash ? `${joined}/` : joined}`;
}

/**
 * The repository `dir` belongs to: the nearest folder at or above it holding `.git` (a folder, or a
 * file for worktrees and submodules). Undefined outside a repository.
 */
export function gitRootOf(dir: string): string | undefined {
  let d = path.resolve(dir);
  for (;;) {
    if (existsSync(path.join(d, '.git'))) return d;
    const up = path.dirname(d);
    if (up === d) return undefined;
    d = up;
  }
}

/**
 * The folders a configuration file is looked for in: `root`, then each parent up to and including
 * the repository root, never above it. Outside a repository: `root` only.
 */
export function configSearchDirs(root: string): string[] {
  const start = path.resolve(root);
  const top = gitRootOf(start);
  if (!top) return [start];
  const dirs: string[] = [];
  for (let d = start; ; d = path.dirname(d)) {
    dirs.push(d);
    if (d === top || path.dirname(d) === d) break;
  }
  return dirs;
}

/** The workspace reads are confined to: the repository holding `root`, else `root` itself. */
export function workspaceOf(root: string): string {
  return gitRootOf(root) ?? path.resolve(root);
}

