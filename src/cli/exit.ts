// How the CLI's process ends, the same whichever thread ran the command (src/cli/launch.ts, main.ts).
import { EXIT } from '../errors.js';

/** The command's end: hcl2json's Go runtime (CONTROLGATE_PARSER=hcl2json, src/engine/scan.ts
 * parseOptionsFor) keeps the event loop alive for a while, so such a run exits as soon as output is
 * flushed. Any other run ends when its work does. */
export function finish(code: number): void {
  if (process.env.CONTROLGATE_PARSER === 'hcl2json') process.stdout.write('', () => process.exit(code));
  else process.exitCode = code;
}

/** The command failed outside main() (which reports its own errors): an internal error. */
export function fail(e: unknown): void {
  process.stderr.write(`controlgate: ${String(e)}\n`);
  process.exit(EXIT.internal);
}
