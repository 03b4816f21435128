import { discover } from '../../src/discover/discover.js';
import { isFileError, parseFile, type ParsedFile } from '../../src/parse/parse.js';

/** Every file under root, parsed; a file that does not parse fails the test (fixtures must parse). */
export async function parseTree(root: string): Promise<ParsedFile[]> {
  const { files } = await discover(root, ['.']);
  const parsed: ParsedFile[] = [];
  for (const f of files) {
    const p = await parseFile(f);
    if (isFileError(p)) throw new Error(`${p.path}:${p.range.startLine}: ${p.message}`);
    parsed.push(p);
  }
  return parsed;
}
