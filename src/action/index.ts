// Entry point of the bundled action (dist/index.js).
import { run } from './main.js';
import { failUnlessSettled } from '../util/settled-exit.js';

// A run that stops before it settles fails the step (Node would end it with exit code 0).
const settled = failUnlessSettled((m) => process.stdout.write(`::error::controlgate: ${m}\n`));
void run().then((code) => {
  settled();
  // Only a run on the reference parser (CONTROLGATE_PARSER=hcl2json, src/engine/scan.ts
  // parseOptionsFor): hcl2json's Go runtime keeps the event loop alive, so leave as soon as stdout is
  // flushed. Any other run ends when its work does.
  if (process.env.CONTROLGATE_PARSER === 'hcl2json') process.stdout.write('', () => process.exit(code));
  else process.exitCode = code;
});
