// Types for generate-monorepo.mjs (used by tests/bench-generator.test.ts).
export declare const GENERATOR_VERSION: number;
/** The tree in memory: [relative path, content] pairs in a fixed order. */
export declare function generateFiles(nFiles: number, seed?: number): Array<[string, string]>;
/** Write the tree under outDir (replacing it). */
export declare function generateMonorepo(outDir: string, nFiles: number, seed?: number): { files: number; folders: number; bytes: number; lines: number };
