// discover: narrowing the files found by the configuration's include globs and exclude patterns.
// Excluded files are reported (with the pattern that excluded them), never dropped silently.
import type { DiscoveredFile, SkippedFile } from '../model/types.js';
import { globMatcher, isGlob } from '../util/patterns.js';

/** Split paths into plain folders/files (walked) and glob patterns (matched against what is found). */
export function splitPatterns(paths: string[]): { plain: string[]; globs: string[] } {
  return { plain: paths.filter((p) => !isGlob(p)), globs: paths.filter((p) => isGlob(p)) };
}

/**
 * A pattern (a path or a glob, src/util/patterns.ts) matches a path, or a folder ("modules/",
 * "modules/*") everything below it. Throws GlobError for an invalid glob (the settings are checked
 * before a scan starts).
 */
export function matches(pattern: string, file: string): boolean {
  return globMatcher(pattern, { folders: true })(file);
}

export interface Selection {
  files: DiscoveredFile[];
  excluded: SkippedFile[];
}

/**
 * Keep files under a plain path or matching an include glob (when globs were given), minus those
 * matching an exclude pattern.
 */
export function selectFiles(files: DiscoveredFile[], plain: string[], globs: string[], exclude: string[]): Selection {
  const out: Selection = { files: [], excluded: [] };
  for (const f of files) {
    if (globs.length) {
      const underPlain = plain.some((p) => p === '.' || matches(p, f.path));
      if (!underPlain && !globs.some((g) => matches(g, f.path))) continue;
    }
    const ex = exclude.find((e) => matches(e, f.path));
    if (ex) out.excluded.push({ path: f.path, reason: `excluded by the configuration (${ex})` });
    else out.files.push(f);
  }
  return out;
}
