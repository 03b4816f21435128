import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const distDir = path.join(repoRoot, 'dist');
/** The official schemas output is validated against, committed with their terms (tests/schemas/README.md). */
export const schemasDir = path.join(repoRoot, 'tests', 'schemas');
/** The trimmed, licensed real-world corpus every clone has (fixtures/corpus/README.md). */
export const trimmedCorpusDir = path.join(repoRoot, 'fixtures', 'corpus');
/**
 * The corpora the corpus tests run on: always the trimmed one; also the full corpora when
 * CONTROLGATE_CORPORA names them (the optional, larger run: `CONTROLGATE_CORPORA=../shared/corpora npm test`).
 */
export const corpusDirs: string[] = [trimmedCorpusDir, ...(process.env.CONTROLGATE_CORPORA ? [path.resolve(process.env.CONTROLGATE_CORPORA)] : [])];
