// Evaluating one document per folder gives exactly the outcomes of one document for everything:
// rules only relate resources within a module.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discover } from '../src/discover/discover.js';
import { parseFile, isFileError, type ParsedFile } from '../src/parse/parse.js';
import { normalize } from '../src/normalize/normalize.js';
import { batchByFolder } from '../src/evaluate/engine.js';
import { defaultAssetsDir, loadPolicies } from '../src/engine/bundles.js';
import { repoRoot } from './helpers/paths.js';

describe('per-folder evaluation', () => {
  it('gives the same outcomes as one document, on every fixture folder together', async () => {
    const root = path.join(repoRoot, 'fixtures');
    const { files } = await discover(root, ['.']);
    const parsed: ParsedFile[] = [];
    for (const f of files) {
      const p = await parseFile(f);
      if (!isFileError(p)) parsed.push(p);
    }
    const { input } = normalize(parsed);
    const { engine } = await loadPolicies(defaultAssetsDir());
    const key = (o: unknown): string => JSON.stringify(o);
    const whole = engine.evaluate(input).map(key).sort();
    const batches = batchByFolder(input);
    expect(batches.length).toBeGreaterThan(100);
    const split = batches.flatMap((b) => engine.evaluate(b)).map(key).sort();
    expect(split).toEqual(whole);
  }, 120_000);
});
