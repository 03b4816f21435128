// `controlgate evidence verify <evidence.json> [--repo <dir>]`: re-hash every file the evidence lists
// (at the evidence's commit when the folder is a git checkout holding it, else as the files are now)
// and re-check the policy bundle digest against this installation's bundle.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sha256 } from './evidence.js';

export interface VerifyProblem {
  kind: 'file-changed' | 'file-missing' | 'bundle-differs' | 'catalog-differs' | 'malformed';
  path?: string;
  detail: string;
}

export interface VerifyReport {
  checkedFiles: number;
  source: string;
  problems: VerifyProblem[];
}

interface EvidenceLike {
  policyBundle?: { sha256?: string; catalogSha256?: string };
  run?: { commit?: string };
  files?: Array<{ path?: string; sha256?: string; status?: string }>;
}

function git(dir: string, args: string[]): Buffer | undefined {
  try {
    return execFileSync('git', ['-C', dir, ...args], { stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });
  } catch {
    return undefined;
  }
}

/** Read a file's bytes at `commit` (git), or from the working tree when commit is absent. */
function reader(repo: string, commit: string | undefined): { source: string; read: (p: string) => Buffer | undefined } {
  if (commit && git(repo, ['cat-file', '-e', `${commit}^{commit}`]) !== undefined) {
    const prefix = (git(repo, ['rev-parse', '--show-prefix'])?.toString('utf8') ?? '').trim();
    return { source: `git commit ${commit}`, read: (p) => git(repo, ['show', `${commit}:${prefix}${p}`]) };
  }
  return {
    source: commit ? `working tree (commit ${commit} is not in ${repo})` : 'working tree',
    read: (p) => {
      const abs = path.resolve(repo, p);
      return existsSync(abs) ? readFileSync(abs) : undefined;
    },
  };
}

export function verifyEvidence(evidence: unknown, repo: string, assetsDir: string): VerifyReport {
  const e = evidence as EvidenceLike;
  const problems: VerifyProblem[] = [];
  if (!e || typeof e !== 'object' || !Array.isArray(e.files) || !e.policyBundle?.sha256) {
    return { checkedFiles: 0, source: '', problems: [{ kind: 'malformed', detail: 'not a Controlgate evidence file (no files or policyBundle)' }] };
  }
  const wasm = sha256(readFileSync(path.join(assetsDir, 'policy.wasm')));
  if (wasm !== e.policyBundle.sha256) {
    problems.push({ kind: 'bundle-differs', detail: `evidence bundle sha256 ${e.policyBundle.sha256}, this installation's policy.wasm ${wasm}` });
  }
  const catalog = sha256(readFileSync(path.join(assetsDir, 'catalog.json')));
  if (e.policyBundle.catalogSha256 && catalog !== e.policyBundle.catalogSha256) {
    problems.push({ kind: 'catalog-differs', detail: `evidence catalog sha256 ${e.policyBundle.catalogSha256}, this installation's catalog.json ${catalog}` });
  }
  const { source, read } = reader(repo, e.run?.commit);
  let checked = 0;
  for (const f of e.files) {
    if (!f.path || !f.sha256) continue; // skipped files have no digest
    checked++;
    const bytes = read(f.path);
    if (!bytes) problems.push({ kind: 'file-missing', path: f.path, detail: `not found in ${source}` });
    else if (sha256(bytes) !== f.sha256) problems.push({ kind: 'file-changed', path: f.path, detail: `sha256 is ${sha256(bytes)}, evidence says ${f.sha256}` });
  }
  return { checkedFiles: checked, source, problems };
}
