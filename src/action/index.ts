// Entry point of the bundled action (dist/index.js).
import { run } from './main.js';

void run().then((code) => {
  // hcl2json's Go runtime keeps the event loop alive: leave as soon as stdout is flushed.
  process.stdout.write('', () => process.exit(code));
});
