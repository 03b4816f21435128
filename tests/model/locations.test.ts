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
