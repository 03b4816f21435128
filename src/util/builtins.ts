// Node's built-in modules that only some commands use, loaded on first use: a static import of
// node:child_process and node:zlib costs every run (a 20-file scan included) about 6 ms of start-up
// for code most scans never call (git for diffs and trusted configuration, opa for `policy`,
// gunzip for Terraform's base64gzip and the reference parser).
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

let childProcessModule: typeof import('node:child_process') | undefined;
let zlibModule: typeof import('node:zlib') | undefined;

export const childProcess = (): typeof import('node:child_process') => (childProcessModule ??= load('node:child_process') as typeof import('node:child_process'));

export const zlib = (): typeof import('node:zlib') => (zlibModule ??= load('node:zlib') as typeof import('node:zlib'));
