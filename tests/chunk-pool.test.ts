// A mid-sized scan shares its chunks with a worker thread (src/engine/chunk-pool.ts, dist/chunk-worker.js):
// whichever thread makes a chunk, and whatever the worker fails to give, the scan keeps exactly what a
// scan of one chunk after the other keeps, in the same order.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { discover } from '../src/discover/discover.js';
import { DEFAULT_PARSE_OPTIONS, type ParsedFile } from '../src/parse/parse.js';
import { defaultAssetsDir } from '../src/engine/bundles.js';
import { ChunkClaim, claimOrders, largestFirst, streamScan, type Chunk, type ChunkHelper, type ChunkResult, type ChunkSources, type Collected } from '../src/engine/stream.js';
import { ChunkWorker, chunkWorkerScript, ChunkWorkerStarter, resultFromWire, resultToWire, WORKER_SURVEY_SHARE } from '../src/engine/chunk-pool.js';
import { scanContext, type ContextOptions } from '../src/engine/scan.js';
import { renderMessage } from '../src/controls/map.js';
import { exactNumber, fromPortable, isExactNumber, toPortable } from '../src/util/exact-number.js';
import { compareUtf8 } from '../src/util/byte-order.js';
import type { DiscoveredFile } from '../src/model/types.js';
import { repoRoot } from './helpers/paths.js';

const root = path.join(repoRoot, 'fixtures');
const context: ContextOptions = { root, assetsDir: defaultAssetsDir() };

/** Everything a scan keeps, in the order it keeps it (nothing sorted: order is part of the result). */
function kept(c: Collected, scanned: unknown, errors: unknown): unknown {
  return {
    findings: c.findings.toArray(renderMessage),
    evaluations: c.evaluations.toArray(),
    errors: c.errors,
    addresses: [...c.addresses],
    secrets: [...c.secrets],
    sensitive: [...c.sensitive],
    inline: c.inline,
    resolution: c.resolution,
    unmapped: [...c.unmapped],
    scanned,
    fileErrors: errors,
  };
}

/** A helper that counts what it gives. */
function counted(h: ChunkHelper): ChunkHelper & { given: number } {
  const out = {
    given: 0,
    surveyFrom: h.surveyFrom,
    surveyed: () => h.surveyed(),
    start: (src: ChunkSources, chunks: Chunk[], claimed: SharedArrayBuffer, order: number[]) => h.start(src, chunks, claimed, order),
    finished: (missing: number[], onResult: (i: number, r: ChunkResult) => void) =>
      h.finished(missing, (i, r) => {
        out.given++;
        onResult(i, r);
      }),
    stop: () => h.stop(),
  };
  return out;
}

describe('chunks shared with a worker thread', () => {
  it('keep the same as a scan of one chunk after the other, and the worker did make some', async () => {
    expect(chunkWorkerScript()).toBeDefined();
    const { files } = await discover(root, ['.']);
    const { ctx } = await scanContext(context);
    const varFiles: ParsedFile[] = [];
    // chunkBytes 0: one chunk per group (hundreds), so both threads take many.
    const one = await streamScan(root, files, varFiles, DEFAULT_PARSE_OPTIONS, ctx, () => undefined, 0);
    const helper = counted(new ChunkWorker(chunkWorkerScript()!, context, DEFAULT_PARSE_OPTIONS).begin(files));
    const two = await streamScan(root, files, varFiles, DEFAULT_PARSE_OPTIONS, ctx, () => undefined, 0, helper);
    expect(helper.given).toBeGreaterThan(5);
    const a = kept(one.collected, one.scanned, one.errors);
    expect(kept(two.collected, two.scanned, two.errors)).toEqual(a);
    expect((a as { findings: unknown[] }).findings.length).toBeGreaterThan(2000);
  }, 180_000);

  it('keep the same when the worker gives nothing back or cannot start', async () => {
    const { files } = await discover(root, ['corpus/terraform-aws-security-group', 'cross-module']);
    const { ctx } = await scanContext(context);
    const one = await streamScan(root, files, [], DEFAULT_PARSE_OPTIONS, ctx, () => undefined, 0);
    // Claims every other chunk and its half of pass 1, then fails: this thread makes all of them.
    const failing: ChunkHelper = {
      surveyFrom: Math.floor(files.length / 2),
      surveyed: () => Promise.resolve(undefined),
      start: (_src, _chunks, claimed, order) => {
        const claim = new ChunkClaim(order, claimed);
        claim.next();
        claim.next();
      },
      finished: () => Promise.resolve(),
      stop: () => undefined,
    };
    const two = await streamScan(root, files, [], DEFAULT_PARSE_OPTIONS, ctx, () => undefined, 0, failing);
    expect(kept(two.collected, two.scanned, two.errors)).toEqual(kept(one.collected, one.scanned, one.errors));
    // A worker whose script does not exist dies at once.
    const dead = new ChunkWorker(path.join(repoRoot, 'no-such-chunk-worker.js'), context, DEFAULT_PARSE_OPTIONS).begin(files);
    const three = await streamScan(root, files, [], DEFAULT_PARSE_OPTIONS, ctx, () => undefined, 0, dead);
    expect(kept(three.collected, three.scanned, three.errors)).toEqual(kept(one.collected, one.scanned, one.errors));
  }, 120_000);

  it('starts the worker once discovery has found enough, and stops it when the selection falls short', async () => {
    const { files } = await discover(root, ['corpus/terraform-aws-security-group']);
    const bytes = files.reduce((n, f) => n + (f.size ?? 0), 0);
    const env = { CONTROLGATE_PARALLEL_BYTES: String(Math.floor(bytes / 2)) };
    const started = (s: ChunkWorkerStarter): boolean => (s as unknown as { worker?: ChunkWorker }).worker !== undefined;
    // Found: started at the file that reaches the threshold, before discovery ends.
    const early = new ChunkWorkerStarter(DEFAULT_PARSE_OPTIONS, context, env);
    let at = -1;
    files.forEach((f, i) => {
      early.found(f);
      if (at < 0 && started(early)) at = i;
    });
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(files.length - 1);
    // The selection is under the threshold: no helper, the worker stopped.
    expect(early.helper(files.slice(0, 1))).toBeUndefined();
    expect(started(early)).toBe(false);
    // The selection reaches it: the worker started early surveys its part and makes chunks.
    const again = new ChunkWorkerStarter(DEFAULT_PARSE_OPTIONS, context, env);
    for (const f of files) again.found(f);
    const h = again.helper(files);
    expect(h?.surveyFrom).toBe(Math.floor(files.length * (1 - WORKER_SURVEY_SHARE)));
    const { ctx } = await scanContext(context);
    const one = await streamScan(root, files, [], DEFAULT_PARSE_OPTIONS, ctx, () => undefined, 0);
    const two = await streamScan(root, files, [], DEFAULT_PARSE_OPTIONS, ctx, () => undefined, 0, h);
    expect(kept(two.collected, two.scanned, two.errors)).toEqual(kept(one.collected, one.scanned, one.errors));
  }, 120_000);

  it('only for a mid-sized scan on the main thread with the fast parser (CONTROLGATE_PARALLEL_BYTES)', () => {
    const f = (size: number): DiscoveredFile => ({ path: 'a.tf', absPath: path.join(root, 'a.tf'), kind: 'terraform', size });
    const at = (files: DiscoveredFile[], env: NodeJS.ProcessEnv, parser: 'fast' | 'hcl2json' = 'fast'): boolean => {
      const h = new ChunkWorkerStarter({ ...DEFAULT_PARSE_OPTIONS, parser }, context, env).helper(files);
      h?.stop();
      return h !== undefined;
    };
    expect(at([f(1000)], {})).toBe(false);
    expect(at([f(3 * 1024 * 1024), f(2 * 1024 * 1024)], {})).toBe(true);
    expect(at([f(1000)], { CONTROLGATE_PARALLEL_BYTES: '0' })).toBe(true);
    expect(at([f(1e8)], { CONTROLGATE_PARALLEL_BYTES: 'off' })).toBe(false);
    expect(at([f(1e8)], {}, 'hcl2json')).toBe(false);
  });

  it('takes the largest chunks first, each thread its own side first', () => {
    const files: DiscoveredFile[] = [10, 500, 40, 500, 300, 20].map((size, i) => ({ path: `${i}.tf`, absPath: `/w/${i}.tf`, kind: 'terraform', size }));
    const chunk = (ix: number[]): Chunk => ({ roots: [], files: ix, extra: [], owned: new Set(), folders: 1 });
    const chunks = [chunk([0]), chunk([1]), chunk([2, 0]), chunk([3]), chunk([4]), chunk([5])];
    expect(largestFirst(chunks, files, [])).toEqual([1, 3, 4, 2, 5, 0]);
    // The helper surveyed files 3 to 5: chunks 3, 4 and 5 are its side.
    const orders = claimOrders(chunks, files, [], 3);
    expect(orders).toEqual({ here: [1, 2, 0, 3, 4, 5], helper: [3, 4, 5, 1, 2, 0] });
    const claimed = ChunkClaim.shared(chunks.length);
    const here = new ChunkClaim(orders.here, claimed);
    const there = new ChunkClaim(orders.helper, claimed);
    // Interleaved: each chunk is taken once, each thread its own side first.
    const taken = [here.next(), there.next(), here.next(), there.next(), here.next(), here.next(), here.next(), there.next(), there.next()];
    expect(taken).toEqual([1, 3, 2, 4, 0, 5, undefined, undefined, undefined]);
    // A thread whose side is done takes the other's largest left.
    const alone = new ChunkClaim(orders.helper, ChunkClaim.shared(chunks.length));
    expect(Array.from({ length: 7 }, () => alone.next())).toEqual([3, 4, 5, 1, 2, 0, undefined]);
  });
});

describe('values across threads', () => {
  it('keep their exact numbers and their own __proto__ keys', () => {
    const block: Record<string, unknown> = { n: exactNumber('12345678901234567890'), list: [1, exactNumber('0.1000000000000000000001'), { deep: [exactNumber('-7e400')] }] };
    Object.defineProperty(block, '__proto__', { value: { x: exactNumber('3') }, enumerable: true, writable: true, configurable: true });
    // Structured cloning refuses JSON.rawJSON's objects outright: they must travel as toPortable makes them.
    expect(() => structuredClone(block)).toThrow();
    const back = fromPortable(structuredClone(toPortable(block))) as Record<string, unknown>;
    expect(JSON.stringify(back)).toBe(JSON.stringify(block));
    expect(isExactNumber(Object.getOwnPropertyDescriptor(back, '__proto__')!.value.x)).toBe(true);
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(isExactNumber(fromPortable(structuredClone(toPortable(exactNumber('1e999')))))).toBe(true);
    expect(fromPortable(structuredClone(toPortable({ a: [1, 'x', null] })))).toEqual({ a: [1, 'x', null] });
  });

  it('a chunk result whose message shows an exact number crosses and comes back the same', () => {
    const r: ChunkResult = {
      evaluated: {
        addresses: [],
        errors: [],
        findings: [],
        messages: ['plain', { base: 'b', where: 'w', value: { size: exactNumber('100000000000000000001') }, as: 'seen' }, { base: 'b', where: 'w', value: undefined, as: 'in' }],
        evaluations: [],
        unmapped: [],
        sensitive: [],
        summary: { values: { literal: 0, resolved: 0, unknown: 0 }, remoteModules: [], capped: [], skipped: [] },
      },
      secrets: [],
      scanned: [[0, 'ab']],
      fileErrors: [],
      extra: [],
      inline: [],
      folders: 1,
    };
    const back = resultFromWire(structuredClone(resultToWire(r)));
    expect(JSON.stringify(back)).toBe(JSON.stringify(r));
    expect(isExactNumber((back.evaluated.messages[1] as { value: { size: unknown } }).value.size)).toBe(true);
  });
});

describe('compareUtf8', () => {
  it('orders as the strings UTF-8 bytes do (the oracle: Buffer.compare)', () => {
    const units = ['a', 'Z', '0', '\u00e9', '\u07ff', '\u0800', '\ud7ff', '\ue000', '\uffff', '\ud83d\ude00', '\ud800\udc00', '\udbff\udfff', ''];
    let seed = 7;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const strings: string[] = [];
    for (let i = 0; i < 400; i++) {
      let s = '';
      for (let j = rand(5); j > 0; j--) s += units[rand(units.length)];
      strings.push(s);
    }
    const sign = (x: number): number => Math.sign(x);
    for (const a of strings) for (const b of strings.slice(0, 60)) expect(sign(compareUtf8(a, b))).toBe(sign(Buffer.compare(Buffer.from(a), Buffer.from(b))));
  });
});
