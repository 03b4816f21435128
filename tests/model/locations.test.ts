import { test, expect } from 'vitest';
import { LocationIndex } from '../../src/model/locations.js';
// The compact LocationIndex (one joined node string, typed arrays) answers as the Map it replaced did.
test('compact index: first set wins, prefixes are not keys, set order kept, survives a structured clone, a key holding the node separator', () => {
  const i = new LocationIndex();
  i.set(['resource', 'a', 'b', 0, 'x'], { startLine: 2, endLine: 2 });
  i.set(['resource', 'a', 'b', 0], { startLine: 1, endLine: 3 });
  i.set(['resource', 'a', 'b', 0], { startLine: 9, endLine: 9 });
  i.set([], { startLine: 7, endLine: 8 });
  i.set(['a\u001eb'], { startLine: 5, endLine: 5 });
  const j = new LocationIndex();
  for (const [k, r] of i.entries()) if (!k.includes('\u001e')) j.setKey(k, r);
  expect(j.get(['resource', 'a', 'b', 0])).toEqual({ startLine: 1, endLine: 3 });
  expect(j.get(['resource', 'a', 'b'])).toBeUndefined();
  expect(j.get(['resource', 'a', 'b', 0, 'x'])).toEqual({ startLine: 2, endLine: 2 });
  expect(j.get([])).toEqual({ startLine: 7, endLine: 8 });
  expect([...j.keys()]).toEqual(['resource\u001fa\u001fb\u001f0\u001fx', 'resource\u001fa\u001fb\u001f0', '']);
  expect(LocationIndex.fromWire(structuredClone(j.toWire())).entries()).toEqual(j.entries());
  // resolve() walks keys only: 'resource' alone is a prefix, not a key.
  expect(j.resolve(['resource', 'a', 'b', 0, 'y'])).toBeUndefined();
  expect(i.get(['a\u001eb'])).toEqual({ startLine: 5, endLine: 5 });
  expect(LocationIndex.fromWire(structuredClone(i.toWire())).size).toBe(4);
  j.set(['z'], { startLine: 4, endLine: 4 });
  expect(j.size).toBe(4);
  expect(j.get(['z'])).toEqual({ startLine: 4, endLine: 4 });
});

// freeze() reuses the previous key's nodes for the segments it shares: keys that share, extend,
// shorten or end in empty segments must answer as a plain Map of the same keys does.
test('compact index answers as a Map on random keys sharing prefixes', () => {
  let seed = 7;
  const rnd = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  const segs = ['resource', 'a', 'b', '0', '', 'ab', '1', 'x\u001fy'.slice(0, 1)];
  for (let round = 0; round < 200; round++) {
    const map = new Map<string, { startLine: number; endLine: number }>();
    const index = new LocationIndex();
    let last: string[] = [];
    for (let i = 0; i < 30; i++) {
      // Mostly a neighbour of the previous key (as a parser sets them), sometimes anything.
      const keep = rnd(3) === 0 ? 0 : rnd(last.length + 1);
      const key = [...last.slice(0, keep), ...Array.from({ length: rnd(4) }, () => segs[rnd(segs.length)]!)];
      if (!key.length && rnd(2)) key.push('a');
      const k = key.join('\u001f');
      const r = { startLine: i + 1, endLine: i + 2 };
      index.setKey(k, r);
      if (!map.has(k)) map.set(k, r);
      last = key;
    }
    index.freeze();
    expect(index.entries()).toEqual([...map]);
    for (const k of map.keys()) expect(index.get(k === '' ? [''] : k.split('\u001f'))).toEqual(map.get(k));
  }
});
