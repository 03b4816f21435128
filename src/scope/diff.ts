// scope: what a pull request changed, as files and lines of the new version. From `git diff` when
// the base commit is in the checkout, else from the pull request's files API (its per-file `patch`).
import { childProcess } from '../util/builtins.js';

export interface ChangedFile {
  /** Path in the new version, relative to the repository root, POSIX separators. */
  path: string;
  previousPath?: string;
  /** Lines added or modified in the new version (1-based, sorted). */
  added: number[];
  /** Lines of the new version that appear in the diff (added or context): where review comments may go. */
  inDiff: number[];
  /** True when the change is known but not its lines (binary, too large for a patch): every line counts. */
  wholeFile?: boolean;
  removed?: boolean;
}

export interface ChangeSet {
  source: 'git' | 'api';
  files: Map<string, ChangedFile>;
}

const HUNK = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/;

/** Parse the hunks of one file's patch (as the files API returns it, or a git diff body). */
export function parsePatch(patch: string): { added: number[]; inDiff: number[] } {
  const added: number[] = [];
  const inDiff: number[] = [];
  let line = 0;
  let inHunk = false;
  for (const raw of patch.split('\n')) {
    const h = HUNK.exec(raw);
    if (h) {
      line = Number(h[1]);
      inHunk = true;
      continue;
    }
    if (!inHunk) continue;
    const c = raw[0];
    if (c === '+') {
      added.push(line);
      inDiff.push(line);
      line++;
    } else if (c === ' ') {
      inDiff.push(line);
      line++;
    } else if (c === '-' || c === '\\') {
      // removed line, or "\ No newline at end of file": no new-side line
    } else if (raw === '') {
      // git may drop the space of an empty context line in some configurations
    } else {
      inHunk = false;
    }
  }
  return { added, inDiff };
}

export function unquote(p: string): string {
  if (!p.startsWith('"')) return p;
  // git quotes paths with unusual characters using C-style escapes (octal bytes).
  const bytes: number[] = [];
  const s = p.slice(1, -1);
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\') {
      const n = s[i + 1]!;
      if (/[0-7]/.test(n)) {
        bytes.push(parseInt(s.slice(i + 1, i + 4), 8));
        i += 3;
      } else {
        bytes.push(({ n: 10, t: 9, '"': 34, '\\': 92 } as Record<string, number>)[n] ?? n.charCodeAt(0));
        i += 1;
      }
    } else bytes.push(...Buffer.from(s[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Parse `git diff` output (any -U, with -M renames) into changed files of the new version. */
export function parseGitDiff(text: string): Map<string, ChangedFile> {
  const files = new Map<string, ChangedFile>();
  const sections = text.split(/^diff --git /m).slice(1);
  for (const sec of sections) {
    const lines = sec.split('\n');
    let newPath: string | undefined;
    let oldPath: string | undefined;
    let removed = false;
    let binary = false;
    let body = 0;
    for (let i = 1; i < lines.length; i++) {
      const l = lines[i]!;
      if (l.startsWith('@@')) {
        body = i;
        break;
      }
      if (l.startsWith('--- ')) oldPath = l === '--- /dev/null' ? undefined : unquote(l.slice(4)).replace(/^a\//, '');
      else if (l.startsWith('+++ ')) {
        if (l === '+++ /dev/null') removed = true;
        else newPath = unquote(l.slice(4)).replace(/^b\//, '');
      } else if (l.startsWith('rename from ')) oldPath = unquote(l.slice(12));
      else if (l.startsWith('rename to ')) newPath = unquote(l.slice(10));
      else if (l.startsWith('Binary files ')) binary = true;
    }
    if (!newPath) {
      // No ---/+++ (pure rename, mode change, binary): take the b/ side of the header.
      const m = /^(?:"?a\/.*"?) ("?b\/.*"?)$/.exec(lines[0]!);
      if (m) newPath = unquote(m[1]!).replace(/^b\//, '');
    }
    if (!newPath || removed) continue;
    const { added, inDiff } = body ? parsePatch(lines.slice(body).join('\n')) : { added: [], inDiff: [] };
    files.set(newPath, {
      path: newPath,
      ...(oldPath && oldPath !== newPath ? { previousPath: oldPath } : {}),
      added,
      inDiff,
      ...(binary ? { wholeFile: true } : {}),
    });
  }
  return files;
}

function git(cwd: string, args: string[]): string {
  return childProcess().execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** True when `sha` names a commit present in the checkout at `cwd` (a shallow clone may lack it). */
export function hasCommit(cwd: string, sha: string): boolean {
  if (!/^[0-9a-f]{7,64}$/i.test(sha)) return false;
  try {
    git(cwd, ['cat-file', '-e', `${sha}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

/**
 * Changes between the merge base of `base` and `head` (default HEAD) and `head`: what the pull request
 * changed, whether HEAD is the pull request's head or GitHub's merge commit.
 */
export function gitChanges(cwd: string, base: string, head = 'HEAD'): ChangeSet {
  const text = git(cwd, ['-c', 'core.quotePath=true', 'diff', '--no-color', '--no-ext-diff', '-U3', '-M', `${base}...${head}`]);
  return { source: 'git', files: parseGitDiff(text) };
}

/** One entry of GET /repos/{owner}/{repo}/pulls/{pull_number}/files. */
export interface PullFile {
  filename: string;
  previous_filename?: string;
  status: string;
  /** Blob id of the file in the head. */
  sha?: string | null;
  patch?: string;
  changes?: number;
}

export function apiChanges(files: PullFile[]): ChangeSet {
  const out = new Map<string, ChangedFile>();
  for (const f of files) {
    if (f.status === 'removed') continue;
    const p = f.patch !== undefined ? parsePatch(f.patch) : undefined;
    out.set(f.filename, {
      path: f.filename,
      ...(f.previous_filename ? { previousPath: f.previous_filename } : {}),
      added: p?.added ?? [],
      inDiff: p?.inDiff ?? [],
      // No patch: binary or too large for the API to diff. Its lines are unknown, so all of them count.
      ...(p === undefined && f.status !== 'renamed' ? { wholeFile: true } : {}),
      ...(p === undefined && f.status === 'renamed' && (f.changes ?? 0) > 0 ? { wholeFile: true } : {}),
    });
  }
  return { source: 'api', files: out };
}
