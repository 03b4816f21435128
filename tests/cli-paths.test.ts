// rootRelative: a command-line path or glob, relative to the current folder, as the engine wants it
// (relative to --root). What is a glob is decided by src/util/patterns.ts, the matcher's own reading.
import { describe, expect, it } from 'vitest';
import { rootRelative } from '../src/cli/paths.js';
import { globMatcher, isGlob } from '../src/util/patterns.js';

const at = (given: string, cwd = '/ws/infra', root = '/ws') => rootRelative(given, { cwd, root, flag: 'path' });

describe('rootRelative', () => {
  it('moves a plain path and keeps its trailing slash', () => {
    expect(at('live/main.tf')).toBe('infra/live/main.tf');
    expect(at('live/')).toBe('infra/live/');
    expect(at('.')).toBe('infra');
    expect(at('..', '/ws/infra')).toBe('.');
  });

  it('moves only the literal folders in front of a glob', () => {
    expect(at('live/*.tf')).toBe('infra/live/*.tf');
    expect(at('**/main.tf')).toBe('infra/**/main.tf');
    expect(at('../modules/*/main.tf')).toBe('modules/*/main.tf');
  });

  it('reads {a,b} and [ab] as globs, as the matcher does', () => {
    for (const g of ['live/{a,b}/main.tf', 'live/[ab]/main.tf', '{a/b,c}/x.tf']) expect(isGlob(g)).toBe(true);
    expect(at('live/{a,b}/main.tf')).toBe('infra/live/{a,b}/main.tf');
    expect(at('live/[ab]/main.tf')).toBe('infra/live/[ab]/main.tf');
    // A brace that spans folders starts the glob at its first segment.
    expect(at('{a/b,c}/x.tf')).toBe('infra/{a/b,c}/x.tf');
    const m = globMatcher(at('live/{a,b}/main.tf'));
    expect(['infra/live/a/main.tf', 'infra/live/b/main.tf', 'infra/live/c/main.tf'].map(m)).toEqual([true, true, false]);
    expect(globMatcher(at('live/[ab]/main.tf'))('infra/live/b/main.tf')).toBe(true);
  });

  it('keeps a negation in front of the moved pattern', () => {
    expect(at('!legacy/x.tf')).toBe('!infra/legacy/x.tf');
    expect(at('!legacy/*.tf')).toBe('!infra/legacy/*.tf');
  });

  it('refuses a path or glob outside the root', () => {
    expect(() => at('../../etc/*.tf')).toThrow(/outside --root/);
    expect(() => at('/elsewhere/main.tf')).toThrow(/outside --root/);
    expect(() => at('/elsewhere/{a,b}.tf')).toThrow(/outside --root/);
  });
});
