// The columns a streamed scan keeps its findings in until the end (src/controls/finding-store.ts)
// and the digests it keeps as bytes (src/util/digests.ts): what comes out is what went in, field for
// field and in the same key order (the JSON reports print objects as they are), with nothing lost.
import { describe, expect, it } from 'vitest';
import { FindingStore } from '../src/controls/finding-store.js';
import { fingerprint, renderMessage, type MessageParts } from '../src/controls/map.js';
import { DigestList } from '../src/util/digests.js';
import type { Finding } from '../src/model/types.js';

const controls = { iso27017: ['CLD.9.5.2'], iso27002: ['8.9'], soc2: ['CC6.1'], cis: [], nist: ['CM-6'] } as unknown as Finding['controls'];
const range = { startLine: 3, endLine: 3 };
const block = { startLine: 1, endLine: 9 };

/** A finding as mapOutcomes makes it (its key order), with the optional fields chosen by `n`. */
function finding(n: number): Finding {
  const id = n % 3 ? 'VMH-AWS-001' : 'VMH-AWS-001/hop-limit';
  const file = `mod${n % 7}/main.tf`;
  const resource = `aws_instance.web_${n}`;
  const path = n % 2 ? ['metadata_options', 'http_tokens'] : [];
  return {
    ruleId: 'VMH-AWS-001',
    id,
    severity: n % 5 ? 'high' : 'medium',
    title: 'IMDSv2 not required',
    message: '',
    remediation: 'Set http_tokens = "required".',
    controls,
    file,
    range: n % 4 ? range : { startLine: n, endLine: n + 1 },
    ...(n % 6 ? { blockRange: block } : {}),
    resource,
    path,
    fingerprint: fingerprint(id, file, resource, path),
    ...(n % 10 === 1 ? { callSite: { file: 'main.tf', line: 4, module: 'module.a' }, callChain: [{ file: 'main.tf', line: 4, module: 'module.a' }] } : {}),
    ...(n % 11 === 2 ? { valueFrom: [{ file: 'prod.tfvars', line: 2, variable: 'tokens' }] } : {}),
    ...(n % 13 === 3 ? { coveredBy: 'VMH-AWS-002' } : {}),
  } as Finding;
}
const parts = (n: number): MessageParts => (n % 2 ? { base: 'IMDSv2 is not required', where: 'metadata_options.http_tokens', value: n % 4 ? 'optional' : n, as: 'actual' } : 'IMDSv2 is not required');

describe('FindingStore', () => {
  it('gives back every finding, field for field and key for key, its message rendered, past its first growth', () => {
    const store = new FindingStore();
    const n = 5000;
    const given = Array.from({ length: n }, (_, i) => finding(i));
    given.forEach((f, i) => store.add(f, parts(i)));
    expect(store.length).toBe(n);
    const back = store.toArray(renderMessage);
    expect(back.map((f) => JSON.stringify(f))).toEqual(given.map((f, i) => JSON.stringify({ ...f, message: renderMessage(parts(i)) })));
    // Shared values stay shared (the memo of src/controls/kept.ts is not undone).
    expect(back[1]!.controls).toBe(controls);
    expect(back[1]!.range).toBe(range);
  });

  it('widens a column past 256 and 65,536 distinct values without changing the ones before', () => {
    const store = new FindingStore();
    const n = 70_000;
    for (let i = 0; i < n; i++) store.add(finding(i), 'm');
    const back = store.toArray(String);
    expect(back.map((f) => f.resource)).toEqual(Array.from({ length: n }, (_, i) => `aws_instance.web_${i}`));
    expect(back[69_999]!.fingerprint).toBe(finding(69_999).fingerprint);
  });

  it('keeps a fingerprint that is not 32 hex digits as it is', () => {
    const store = new FindingStore();
    store.add({ ...finding(1), fingerprint: 'ABC' }, 'x');
    store.add({ ...finding(2), fingerprint: '0'.repeat(32) }, 'y');
    expect(store.toArray(String).map((f) => f.fingerprint)).toEqual(['ABC', '0'.repeat(32)]);
  });

  it('refuses a field it would lose', () => {
    const store = new FindingStore();
    expect(() => store.add({ ...finding(1), instances: ['a', 'b'] }, 'x')).toThrow(/instances/);
    expect(() => store.add({ ...finding(1), waiver: { id: 'w', status: 'applied', reason: 'r' } }, 'x')).toThrow(/waiver/);
  });
});

describe('DigestList', () => {
  it('gives back each digest set, none where none was, and an odd value as it is', () => {
    const d = new DigestList(4);
    const a = 'ab'.repeat(32);
    d.set(0, a);
    d.set(2, 'not-hex');
    d.set(3, 'F'.repeat(64));
    expect([0, 1, 2, 3].map((i) => d.get(i))).toEqual([a, undefined, 'not-hex', 'F'.repeat(64)]);
    d.set(2, a);
    expect(d.get(2)).toBe(a);
    expect(() => d.set(4, a)).toThrow(RangeError);
  });
});
