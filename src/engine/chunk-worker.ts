// The chunk worker (bundled as dist/chunk-worker.js; src/engine/chunk-pool.ts starts it): it loads the
// scan's policies while the main thread discovers the files, surveys its part of them, then takes
// chunks of the plan until none is left, sending each one's result. An error stops it (the main
// thread makes what it did not send).
import { parentPort, workerData } from 'node:worker_threads';
import { KeptValues } from '../controls/kept.js';
import { resultToWire, sourcesFromWire, type ChunkFiles, type ChunkMessage, type ChunkPlan, type ChunkWorkerData } from './chunk-pool.js';
import { scanContext } from './scan.js';
import { ChunkClaim, computeChunk, GC_MARGIN, PARSE_CACHE_BYTES, ParseCache, survey } from './stream.js';
import { GrowthCollector } from '../util/heap.js';

const port = parentPort;
const data = (workerData as Partial<ChunkWorkerData> | null)?.controlgateChunks;
if (!port || !data) throw new Error('chunk-worker.js runs as the chunk worker of a scan (src/engine/chunk-pool.ts), not on its own');

// The policies first, while the main thread discovers the files; then pass 1's part of the files
// (the main thread waits for it) once they come, then the plan. The files it parses are kept for the
// chunks that read them, as the main thread keeps its own.
const cache = new ParseCache(PARSE_CACHE_BYTES);
const loaded = scanContext(data.context);
// Until the plan comes, a failed load is only noted: the main thread then makes every chunk.
loaded.catch(() => undefined);

const next = <T>(): Promise<T> => new Promise((resolve) => port.once('message', resolve));

// Whatever fails (the survey, the policies, a chunk) stops it, with why.
void work().then(
  () => port.postMessage({ stopped: true } satisfies ChunkMessage),
  (e: unknown) => port.postMessage({ stopped: true, error: e instanceof Error ? e.message : String(e) } satisfies ChunkMessage),
);

async function work(): Promise<void> {
  const m = await next<ChunkFiles>();
  const s = await survey(m.files.slice(m.surveyFrom), data!.parseOpts, cache, () => undefined, new GrowthCollector(GC_MARGIN, false));
  port!.postMessage({ survey: s } satisfies ChunkMessage);
  await run(await next<ChunkPlan>());
}

async function run(plan: ChunkPlan): Promise<void> {
  const { ctx } = await loaded;
  const src = sourcesFromWire(plan.src);
  const claim = new ChunkClaim(plan.order, plan.claimed);
  cache.plan(plan.chunks, src.files);
  const kept = new KeptValues();
  for (let i = claim.next(); i !== undefined; i = claim.next()) {
    const r = await computeChunk(plan.chunks[i]!, src, ctx, cache, kept);
    port!.postMessage({ index: i, result: resultToWire(r) } satisfies ChunkMessage);
  }
}
