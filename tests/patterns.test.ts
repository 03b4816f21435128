// Path globs (picomatch syntax, run by RE2) and id wildcards: what they match, dotfiles, negation,
// folder semantics of include/exclude, and patterns built to make a backtracking matcher hang.
import { describe, expect, it } from 'vitest';
import { GlobError, MAX_GLOB_LENGTH, globMatcher, globProblem, isGlob, ruleMatches, wildcardMatcher } from '../src/util/patterns.js';
import { matches, selectFiles, splitPatterns } from '../src/discover/discover.js';
import { rootRelative } from '../src/cli/paths.js';

const m = (pattern: string, path: string): boolean => globMatcher(pattern)(path);

describe('path globs', () => {
  it('* and ? stay within a segment; ** as a segment spans folders (zero or more)', () => {
    expect(m('infra/*.tf', 'infra/main.tf')).toBe(true);
    expect(m('infra/*.tf', 'infra/a/main.tf')).toBe(false);
    expect(m('infra/?ain.tf', 'infra/main.tf')).toBe(true);
    expect(m('infra/?ain.tf', 'infra/a/in.tf')).toBe(false);
    expect(m('infra/**', 'infra/a/b/main.tf')).toBe(true);
    expect(m('**/main.tf', 'main.tf')).toBe(true);
    expect(m('**/main.tf', 'a/b/main.tf')).toBe(true);
    expect(m('a/**/b.tf', 'a/b.tf')).toBe(true);
    expect(m('a/**/b.tf', 'a/x/y/b.tf')).toBe(true);
    expect(m('a/**/b.tf', 'ax/b.tf')).toBe(false);
  });

  it('{a,b} alternatives and [ab] classes (ranges and [^...] too)', () => {
    expect(m('{infra,live}/*.tf', 'infra/main.tf')).toBe(true);
    expect(m('{infra,live}/*.tf', 'live/main.tf')).toBe(true);
    expect(m('{infra,live}/*.tf', 'other/main.tf')).toBe(false);
    expect(m('env/{dev,prod/{eu,us}}/*.tf', 'env/prod/us/main.tf')).toBe(true);
    expect(m('*.{tf,tfvars}', 'a.tfvars')).toBe(true);
    expect(m('mod[ab]/main.tf', 'moda/main.tf')).toBe(true);
    expect(m('mod[ab]/main.tf', 'modc/main.tf')).toBe(false);
    expect(m('v[0-9]/x.tf', 'v7/x.tf')).toBe(true);
    expect(m('v[^0-9]/x.tf', 'v7/x.tf')).toBe(false);
    expect(m('v[^0-9]/x.tf', 'vx/x.tf')).toBe(true);
  });

  it('matches dotfiles and dot-folders: .github/, .terraform/ and .hidden.tf are ordinary names', () => {
    expect(m('**', '.github/workflows/ci.yml')).toBe(true);
    expect(m('**/*.tf', '.terraform/modules/vpc/main.tf')).toBe(true);
    expect(m('**/.terraform/**', 'infra/.terraform/modules/vpc/main.tf')).toBe(true);
    expect(m('*.tf', '.hidden.tf')).toBe(true);
    expect(m('infra/*', 'infra/.env.tf')).toBe(true);
  });

  it('a leading ! negates the whole pattern (folders included); !! cancels out', () => {
    expect(m('!infra/**', 'live/main.tf')).toBe(true);
    expect(m('!infra/**', 'infra/main.tf')).toBe(false);
    expect(m('!!infra/**', 'infra/main.tf')).toBe(true);
    expect(matches('!infra', 'infra/a/main.tf')).toBe(false);
    expect(matches('!infra', 'live/main.tf')).toBe(true);
  });

  it('a pattern without glob syntax is a path; a folder (with or without /) matches what is below it', () => {
    expect(isGlob('infra/main.tf')).toBe(false);
    for (const g of ['a/*.tf', 'a/?.tf', 'a/[ab].tf', 'a/{b,c}.tf', '!a', 'a/(b|c).tf']) expect(isGlob(g), g).toBe(true);
    expect(m('infra/main.tf', 'infra/main.tf')).toBe(true);
    expect(m('infra/main.tf', 'infra/main.tf.bak')).toBe(false);
    expect(matches('modules', 'modules/a/main.tf')).toBe(true);
    expect(matches('modules/', 'modules/a/main.tf')).toBe(true);
    expect(matches('./modules', 'modules/a/main.tf')).toBe(true);
    expect(matches('modules', 'modules2/main.tf')).toBe(false);
    expect(matches('modules/*', 'modules/a/b/main.tf')).toBe(true);
    expect(matches('modules/{a,b}/', 'modules/b/x/main.tf')).toBe(true);
  });

  it('discover: [ab] and {a,b} in paths select files; excluded ones are reported with their pattern', () => {
    const files = ['infra/a/main.tf', 'infra/b/main.tf', 'infra/c/main.tf', '.github/x.tf'].map((p) => ({ path: p, abs: `/ws/${p}`, kind: 'terraform' as const }));
    const { plain, globs } = splitPatterns(['infra/[ab]/*.tf', '.github']);
    expect({ plain, globs }).toEqual({ plain: ['.github'], globs: ['infra/[ab]/*.tf'] });
    const sel = selectFiles(files as never, plain, globs, ['infra/{b,z}/**']);
    expect(sel.files.map((f) => f.path)).toEqual(['infra/a/main.tf', '.github/x.tf']);
    expect(sel.excluded).toEqual([{ path: 'infra/b/main.tf', reason: 'excluded by the configuration (infra/{b,z}/**)' }]);
  });

  it('the CLI and discover agree on what is a glob: {a,b}, [ab], *, ? are; an unclosed [ is a path', () => {
    // rootRelative resolves (and so normalizes) only the literal folders before the first glob segment;
    // the pattern part is kept as given. `y/..` after the segment shows which side it fell on.
    const at = (given: string): string => rootRelative(given, { cwd: '/ws/infra', root: '/ws', flag: 'path' });
    const cases: [string, boolean][] = [['{a,b}', true], ['[ab]', true], ['*', true], ['?', true], ['[ab', false], ['plain', false]];
    for (const [segment, glob] of cases) {
      const given = `x/../${segment}/y/../main.tf`;
      expect(at(given), given).toBe(glob ? `infra/${segment}/y/../main.tf` : `infra/${segment}/main.tf`);
      expect(splitPatterns([`infra/${segment}/main.tf`]).globs.length === 1, segment).toBe(glob);
    }
    const files = ['infra/a/main.tf', 'infra/b/main.tf', 'infra/c/main.tf'].map((p) => ({ path: p, abs: `/ws/${p}`, kind: 'terraform' as const }));
    for (const given of ['{a,b}/main.tf', '[ab]/main.tf']) {
      const { plain, globs } = splitPatterns([at(given)]);
      expect(selectFiles(files as never, plain, globs, []).files.map((f) => f.path), given).toEqual(['infra/a/main.tf', 'infra/b/main.tf']);
    }
  });

  it('rejects what it cannot run: unbalanced brackets, lookarounds, longer than the limit', () => {
    expect(globProblem('infra/{a,b')).toMatch(/Missing closing: "}"/);
    expect(globProblem('infra/*[ab')).toMatch(/Missing closing: "]"/);
    expect(isGlob('infra/[ab')).toBe(false); // no glob syntax without its closing bracket: a path
    expect(globProblem('infra/(a')).toMatch(/Missing closing: "\)"/);
    expect(globProblem('(?=x)*.tf')).toMatch(/lookarounds are not supported/);
    expect(globProblem(`${'*'.repeat(MAX_GLOB_LENGTH)}x`)).toMatch(/longer than 256 characters/);
    expect(() => globMatcher('a/*{b')).toThrow(GlobError);
    // A plain path is never compiled: any length.
    expect(globProblem(`${'a/'.repeat(400)}main.tf`)).toBeUndefined();
  });
});

describe('patterns made to hang a backtracking matcher (RE2 runs them in linear time)', () => {
  // With a RegExp, each of these takes time exponential in the stars (or alternatives) on a
  // near-miss: *a*a*a*a*a*b against 100 "a" already takes seconds. Here each answers at once; the
  // test's own time limit is the bound (no timing assertion).
  const name = 'a'.repeat(250);
  it('many stars, globstars, alternatives and classes against long near-miss paths', () => {
    const hostile = [
      `${'*a'.repeat(40)}*b`,
      `${'**/a*'.repeat(20)}/b`,
      `${'{a,aa}'.repeat(40)}b`,
      `${'(a|aa)'.repeat(40)}b`,
      `${'[a]*'.repeat(40)}b`,
      `${'?*'.repeat(60)}b`,
    ];
    const deep = Array.from({ length: 200 }, () => 'a').join('/');
    for (const p of hostile) {
      expect(p.length).toBeLessThanOrEqual(MAX_GLOB_LENGTH);
      const match = globMatcher(p, { folders: true });
      for (let i = 0; i < 50; i++) {
        expect(match(`${name}${i}`)).toBe(false);
        expect(match(deep)).toBe(false);
      }
    }
  });

  it('wildcards over ids and resource addresses too', () => {
    const w = wildcardMatcher(`${'*a'.repeat(60)}*b`);
    expect(w('a'.repeat(5000))).toBe(false);
    expect(ruleMatches('*-*-*-*-*-*-*-*-*-*-*-*-X', `${'A-'.repeat(2000)}A`)).toBe(false);
  });
});

describe('id wildcards', () => {
  it('rule patterns: * spans "/" (VMH-* covers VMH-AWS-001/hop-limit), an id covers its results', () => {
    expect(ruleMatches('VMH-*', 'VMH-AWS-001/hop-limit')).toBe(true);
    expect(ruleMatches('*-PKR-*', 'VMH-PKR-002')).toBe(true);
    expect(ruleMatches('VMH-AWS-00?', 'VMH-AWS-001')).toBe(true);
    expect(ruleMatches('VMH-AWS-001', 'VMH-AWS-001/hop-limit')).toBe(true);
    expect(ruleMatches('VMH-AWS-001/hop-limit', 'VMH-AWS-001')).toBe(false);
    expect(ruleMatches('SEG-*', 'VMH-AWS-001')).toBe(false);
  });

  it('resource patterns: "." "[" "{" are literal, * is any run of characters', () => {
    expect(wildcardMatcher('module.vpc[*].aws_vpc.this')('module.vpc["a/b"].aws_vpc.this')).toBe(true);
    expect(wildcardMatcher('aws_s3_bucket.{a,b}')('aws_s3_bucket.a')).toBe(false);
    expect(wildcardMatcher('aws_s3_bucket.{a,b}')('aws_s3_bucket.{a,b}')).toBe(true);
    expect(wildcardMatcher('aws_s3_bucket.a')('aws_s3_bucketXa')).toBe(false);
  });
});
