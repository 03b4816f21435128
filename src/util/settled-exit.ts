// A run ends when its promise settles (src/cli/bounded.ts runCommand, src/action/index.ts). Node ends a
// process whose event loop has nothing left to wait for with exit code 0, whatever promise is still
// pending; a CI step reads 0 as a pass. Work that V8 does off the event loop (compiling WebAssembly
// asynchronously) does not keep the loop alive, for one.
import { EXIT } from '../errors.js';

/** The message of a run that stopped before it settled. */
export const UNSETTLED_MESSAGE = 'internal error: the run stopped before it finished (it waited on work that never completed); nothing was checked';

/** Until the returned function is called, the process ending is an internal error: `report` says so
 * (synchronously: it runs in the process's 'exit' event) and the exit code is EXIT.internal. */
export function failUnlessSettled(report: (message: string) => void): () => void {
  const onExit = (): void => {
    process.exitCode = EXIT.internal;
    try {
      report(UNSETTLED_MESSAGE);
    } catch {
      // Nowhere left to say it: the exit code still says it.
    }
  };
  process.once('exit', onExit);
  return () => {
    process.off('exit', onExit);
  };
}
