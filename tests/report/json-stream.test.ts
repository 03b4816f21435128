// The JSON report is written in pieces (src/util/json-stream.ts, issue #20): the pieces must join
// into exactly the text JSON.stringify(doc, null, 2) gives, for any value and for a real scan.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/engine/scan.js';
import { verdictOf } from '../../src/model/verdict.js';
import { renderJson, renderJsonChunks } from '../../src/report/text.js';
import { MappedArray, jsonChunks } from '../../src/util/json-stream.js';
import { repoRoot } from '../helpers/paths.js';

const anything = fc.anything({ withBoxedValues: false, withMap: false, withSet: false, withBigInt: false, withDate: true, withNullPrototype: true, withSparseArray: true, withObjectString: false, withTypedArray: false });

describe('jsonChunks', () => {
  it('joins into JSON.stringify(value, null, indent) for any value, at any streaming depth', () => {
    fc.assert(
      fc.property(anything, fc.integer({ min: 0, max: 4 }), fc.constantFrom(0, 2, 4), (v, depth, indent) => {
        const chunks = [...jsonChunks(v, indent, depth)];
        const want = JSON.stringify(v, null, indent);
        if (want === undefined) expect(chunks).toEqual([]);
        else expect(chunks.join('')).toBe(want);
      }),
      { numRuns: 500 },
    );
  });

  it('handles what JSON.stringify leaves out or turns into null, and toJSON', () => {
    const v = { a: undefined, b: () => 1, c: [undefined, () => 1, Symbol('s')], d: new Date(0), e: { toJSON: () => undefined }, f: {}, g: [], h: [[]], i: 'line\nbreak', j: -0, k: NaN };
    expect([...jsonChunks(v)].join('')).toBe(JSON.stringify(v, null, 2));
    expect([...jsonChunks({ toJSON: () => ({ x: [1, { y: 2 }] }) })].join('')).toBe(JSON.stringify({ toJSON: () => ({ x: [1, { y: 2 }] }) }, null, 2));
  });

  it('gives pieces of bounded size for a large array', () => {
    const big = { findings: Array.from({ length: 5000 }, (_, i) => ({ id: `R-${i}`, message: 'x'.repeat(100), path: ['a', i] })) };
    const chunks = [...jsonChunks(big)];
    expect(chunks.length).toBeGreaterThan(5);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(70 * 1024);
    expect(chunks.join('')).toBe(JSON.stringify(big, null, 2));
  });
});

describe('MappedArray', () => {
  it('is written as the array its map makes, at any depth and indent, members made as they are written', () => {
    fc.assert(
      fc.property(fc.array(anything, { maxLength: 8 }), fc.integer({ min: 0, max: 4 }), fc.constantFrom(0, 2, 4), (items, depth, indent) => {
        const made = items.map((x, i) => (i % 3 === 2 ? undefined : { x, i }));
        const doc = { before: 1, list: new MappedArray(items.map((_, i) => i), (i) => made[i]), nested: [new MappedArray(items, () => 0)] };
        const want = JSON.stringify({ before: 1, list: made, nested: [items.map(() => 0)] }, null, indent);
        expect([...jsonChunks(doc, indent, depth)].join('')).toBe(want);
        expect(JSON.stringify(doc, null, indent)).toBe(want);
      }),
      { numRuns: 300 },
    );
  });

  it('makes one member at a time: none is made before the text before it is given out', () => {
    let made = 0;
    const list = new MappedArray(
      Array.from({ length: 3000 }, (_, i) => i),
      (i) => {
        made++;
        return { i, text: 'y'.repeat(100) };
      },
    );
    const pieces = jsonChunks({ list });
    const first = pieces.next();
    expect(first.done).toBe(false);
    expect(made).toBeGreaterThan(0);
    expect(made).toBeLessThan(1000);
    const rest = [...pieces];
    expect(made).toBe(3000);
    expect([first.value, ...rest].join('')).toBe(JSON.stringify({ list: list.toJSON() }, null, 2));
  });
});

describe('the JSON report in pieces', () => {
  it('is the same text as the report made at once, for a real scan', async () => {
    const r = await scan({ root: repoRoot, paths: ['examples'] });
    expect(r.findings.length).toBeGreaterThan(10);
    const high = verdictOf(r, { failOn: 'high' });
    const never = verdictOf(r, { failOn: 'never' });
    expect([...renderJsonChunks(r, high)].join('')).toBe(renderJson(r, high));
    expect([...renderJsonChunks(r, never, { hidden: 3 })].join('')).toBe(renderJson(r, never, { hidden: 3 }));
  });
});
