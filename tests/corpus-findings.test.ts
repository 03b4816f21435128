// Findings on real code (the trimmed corpus in fixtures/corpus, and the full corpora when
// CONTROLGATE_CORPORA names them), per repository folder:
// - no message carries the policy input's internal JSON ({"__unknown__": ...}) or any JSON object;
// - no message says an attribute "is not set" when the configuration has it;
// - every legacy Packer JSON template (a top-level `builders` object, whatever its name) is found,
//   evaluated, and no finding on it takes a {{ }} template for a literal value.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusDirs } from './helpers/paths.js';
import { scan } from '../src/engine/scan.js';
import { discover } from '../src/discover/discover.js';
import { isFileError, parseFile, type ParsedFile } from '../src/parse/parse.js';
import { normalize } from '../src/normalize/normalize.js';
import { valueAt } from '../src/controls/map.js';

/** Legacy templates by an oracle independent of the scanner's sniffing: JSON.parse of every .json. */
function legacyTemplates(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const abs = path.join(dir, name);
      if (statSync(abs).isDirectory()) {
        if (!['.git', '.terraform', 'node_modules'].includes(name)) walk(abs);
      } else if (/\.json$/i.test(name) && !/\.(tf|tfvars|pkrvars)\.json$/i.test(name)) {
        try {
          const doc: unknown = JSON.parse(readFileSync(abs, 'utf8').replace(/^\ufeff/, ''));
          if (doc && typeof doc === 'object' && !Array.isArray(doc) && 'builders' in doc) out.push(path.relative(root, abs).split(path.sep).join('/'));
        } catch {
          // not JSON: not a template
        }
      }
    }
  };
  walk(root);
  return out;
}

/** Configurations by "file\0address" (several when a module is called more than once). */
async function configsOf(root: string): Promise<Map<string, unknown[]>> {
  const { files } = await discover(root, ['.']);
  const parsed: ParsedFile[] = [];
  for (const f of files) {
    const p = await parseFile(f);
    if (!isFileError(p)) parsed.push(p);
  }
  const { input } = normalize(parsed);
  const byKey = new Map<string, unknown[]>();
  const add = (file: string, address: string, config: unknown): void => {
    const k = `${file}\u0000${address}`;
    byKey.set(k, [...(byKey.get(k) ?? []), config]);
  };
  for (const r of input.terraform.resources) add(r.file, r.address, r.config);
  for (const s of input.packer.sources) add(s.file, s.address, s.config);
  return byKey;
}

const folders = corpusDirs.flatMap((dir) => (existsSync(dir) ? readdirSync(dir).filter((d) => statSync(path.join(dir, d)).isDirectory()).map((d) => path.join(dir, d)) : []));

describe('findings on real code', () => {
  it('has corpus folders to scan', () => {
    expect(folders.length).toBeGreaterThan(0);
  });

  describe.each(folders)('%s', (root) => {
    it('states only what was seen, and finds and evaluates its legacy Packer templates', { timeout: 600_000 }, async () => {
      const r = await scan({ root, paths: ['.'] });
      // No internal JSON, no JSON object of any kind, in any message.
      const jsonish = r.findings.filter((f) => /__unknown__|\{"/.test(f.message) || (f.covers ?? []).some((c) => /__unknown__|\{"/.test(c.message)));
      expect(jsonish.map((f) => `${f.file}:${f.range.startLine} ${f.message}`)).toEqual([]);

      // "X is not set" only where the configuration does not hold X.
      const unset = r.findings.filter((f) => / is not set\)$/.test(f.message));
      if (unset.length) {
        const configs = await configsOf(root);
        const wrong = unset.filter((f) => {
          const candidates = configs.get(`${f.file}\u0000${f.resource}`) ?? [];
          return candidates.length > 0 && candidates.every((c) => {
            const v = valueAt(c, f.path);
            return v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0);
          });
        });
        expect(wrong.map((f) => `${f.file}:${f.range.startLine} ${f.id} ${f.message}`)).toEqual([]);
      }

      const templates = legacyTemplates(root);
      for (const t of templates) {
        expect(r.filesScanned, `${t} is a legacy Packer template`).toContain(t);
        expect(r.evaluations.some((e) => e.file === t), `${t} was evaluated`).toBe(true);
      }
      // A {{ }} action is never a value: no finding on a template quotes one as what it saw.
      const literalTemplates = r.findings.filter((f) => templates.includes(f.file) && /"[^"]*\{\{[^"]*"/.test(f.message));
      expect(literalTemplates.map((f) => `${f.file}:${f.range.startLine} ${f.message}`)).toEqual([]);
    });
  });
});
