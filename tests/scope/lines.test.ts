// Checkout lines -> head lines, from `git diff -U0 <checkout> <head>` hunks, checked against real git.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mapLine, parseHunks } from '../../src/scope/lines.js';

const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });

describe('mapLine', () => {
  it('shifts lines after an insertion at the top, and leaves the inserted lines unmapped', () => {
    // checkout (merge) has five lines the head does not: diff checkout -> head deletes them.
    const m = parseHunks('diff --git a/f b/f\n--- a/f\n+++ b/f\n@@ -1,5 +0,0 @@\n-a\n-b\n-c\n-d\n-e\n').get('f')!;
    expect([1, 2, 3, 4, 5].map((l) => mapLine(m, l))).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(mapLine(m, 6)).toBe(1);
    expect(mapLine(m, 19)).toBe(14);
  });

  it('handles insertions, deletions and replacements in the middle', () => {
    const m = parseHunks('diff --git a/f b/f\n--- a/f\n+++ b/f\n@@ -3,0 +4,2 @@\n+x\n+y\n@@ -7,2 +9 @@\n-p\n-q\n+r\n').get('f')!;
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((l) => mapLine(m, l))).toEqual([1, 2, 3, 6, 7, 8, undefined, undefined, 10, 11]);
  });

  it('marks a file the head does not have as absent', () => {
    expect(parseHunks('diff --git a/g b/g\ndeleted file mode 100644\n--- a/g\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n').get('g')).toEqual({ kind: 'absent' });
  });

  it('agrees with git on random edits: a mapped line has the same text in the head', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cg-lines-'));
    git(dir, 'init', '-q');
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 30 }), fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 30 }), (a, b) => {
        // Unique lines (index-tagged) so "same text" identifies a line; a shared tail keeps some context.
        const checkout = a.map((x, i) => `c${i}-${x}`).concat(['t1', 't2']);
        const head = b.map((x, i) => (x < 2 ? `c${i}-${a[i] ?? 0}` : `h${i}-${x}`)).concat(['t1', 't2']);
        writeFileSync(path.join(dir, 'old'), `${checkout.join('\n')}\n`);
        writeFileSync(path.join(dir, 'new'), `${head.join('\n')}\n`);
        let out = '';
        try {
          git(dir, 'diff', '--no-index', '-U0', '--no-color', 'old', 'new');
        } catch (e) {
          out = (e as { stdout: string }).stdout;
        }
        const m = parseHunks(out.replace(/^--- a\/old$/m, '--- a/f').replace(/^\+\+\+ b\/new$/m, '+++ b/f')).get('f') ?? { kind: 'same' as const };
        for (let l = 1; l <= checkout.length; l++) {
          const h = mapLine(m, l);
          if (h !== undefined) expect(head[h - 1]).toBe(checkout[l - 1]);
        }
        // The shared tail is always mapped.
        expect(mapLine(m, checkout.length)).toBe(head.length);
      }),
      { numRuns: 60 },
    );
  });
});
