// The CLI's entry point (dist/cli.js, the package's bin). It chooses where the command runs before
// the CLI is loaded: a large scan in a bounded worker thread (src/cli/bounded.ts) that loads the CLI
// bundle (dist/controlgate.js: src/cli/main.ts) while this thread only waits for it; anything else
// in this thread, with the bundle imported. A waiting thread that never loaded the bundle holds
// ~18 MB less for the whole of a large scan (the bundle parsed and its modules run).
import { runCommand } from './bounded.js';

/** The CLI bundle, beside this file (scripts/build.mjs). */
const cli = new URL('./controlgate.js', import.meta.url);
runCommand(process.argv.slice(2), cli, async (argv) => ((await import(cli.href)) as { main: (argv: string[]) => Promise<number> }).main(argv));
