// The parse worker (bundled as dist/parse-worker.js): reads and parses the files it is sent, one at a
// time, and answers with ParsedFile | FileError. See worker-client.ts for why parsing runs here.
import { parentPort } from 'node:worker_threads';
import { hclParserCrashed, parseHcl } from './hcl2json-adapter.js';
import { parseFileHere } from './parse.js';
import { toWire, type WorkerReady, type WorkerRequest, type WorkerResponse } from './worker-client.js';

const port = parentPort;
if (!port) throw new Error('parse-worker.js runs as a worker thread (node:worker_threads), not on its own');

port.on('message', (req: WorkerRequest) => {
  void parseFileHere(req.file, { maxFileBytes: req.maxFileBytes, parser: 'hcl2json' })
    .catch((e: unknown) => ({
      path: req.file.path,
      kind: req.file.kind,
      message: `the parser failed (${e instanceof Error ? e.message : String(e)}); not parsed`,
      range: { startLine: 1, endLine: 1 },
    }))
    .then((r) => {
      const res: WorkerResponse = { id: req.id, result: toWire(r), retire: hclParserCrashed() };
      port.postMessage(res);
    });
});

// Load and start hcl2json's WebAssembly before the first request, then say so: the parse-timeout
// counts parsing, not a cold thread's start-up (which a loaded machine can stretch past it).
void parseHcl('')
  .catch(() => undefined)
  .then(() => {
    const ready: WorkerReady = { ready: true };
    port.postMessage(ready);
  });
