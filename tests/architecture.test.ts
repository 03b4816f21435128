// The architecture of src/, enforced (docs/architecture.md says why). Every import between folders of
// src/ is read with TypeScript's own scanner (static, dynamic and type-only imports, re-exports) and
// checked against the table below:
// - the folders form a pipeline, listed in order; a folder imports only folders listed before it,
//   so there is no cycle between folders;
// - errors.ts, version.ts, model/ and util/ are shared: every folder after them may import them;
//   model/ imports nothing but errors.ts, util/ nothing but model/ (and errors.ts);
// - every other import between folders is one the table names, and every edge the table names is
//   used (the table says what the code does, no more);
// - nothing imports action/ or cli/ (the edge), and only action/ imports github/;
// - no two files import each other's values, directly or through others (type-only imports aside).
// A new folder must be placed in the table; a new edge must be one to an earlier stage, added here.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/paths.js';

/** The shared modules, in order: each may import those before it. */
const SHARED = ['errors', 'version', 'model', 'util'] as const;

/**
 * The stages, in pipeline order, with the earlier stages each may import (besides the shared ones).
 * Read top to bottom it is the run: find files, parse them, evaluate expressions and build the policy
 * input (policy/ compiles the rules it is evaluated against), evaluate the rules, make findings,
 * apply waivers and the baseline, scope them to a pull request; config/ reads the settings, engine/
 * runs the stages on them, report/ renders the result, shard/ merges the results of shards; github/
 * is the action's REST client, and the action and the CLI are the adapters at the edge.
 */
const STAGES: Array<[folder: string, mayImport: string[]]> = [
  ['discover', []],
  ['parse', []],
  ['resolve', ['parse']],
  ['normalize', ['discover', 'parse', 'resolve']],
  ['policy', []],
  ['evaluate', []],
  ['controls', ['evaluate']],
  ['waivers', []],
  ['baseline', ['controls']],
  ['scope', []],
  ['config', ['parse', 'scope']],
  ['engine', ['baseline', 'config', 'controls', 'discover', 'evaluate', 'normalize', 'parse', 'waivers']],
  ['report', ['baseline', 'config', 'engine', 'scope']],
  ['shard', ['baseline', 'controls', 'report', 'waivers']],
  ['github', ['report', 'scope']],
  ['action', ['baseline', 'config', 'engine', 'github', 'report', 'scope']],
  ['cli', ['baseline', 'config', 'engine', 'policy', 'report', 'scope', 'shard']],
];

const src = path.join(repoRoot, 'src');

/** The folder of src/ a file belongs to; a file directly in src/ is its own ("version" for version.ts). */
function groupOf(abs: string): string | undefined {
  const rel = path.relative(src, abs);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined; // outside src/ (a JSON schema): data, not code
  const first = rel.split(path.sep)[0]!;
  return first.replace(/\.[jt]s$/, '');
}

interface Edge {
  from: string;
  to: string;
  /** The importing file and the imported one (src/...), and whether only types are imported. */
  file: string;
  target: string;
  typeOnly: boolean;
  /** "src/controls/map.ts:5 -> ../evaluate/engine.js" */
  where: string;
}

/** Every relative import of a file: static, re-export, dynamic import() and import('...') in a type. */
function importsOf(file: string, text: string): Array<{ spec: string; typeOnly: boolean; pos: number }> {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: Array<{ spec: string; typeOnly: boolean; pos: number }> = [];
  const visit = (n: ts.Node): void => {
    if ((ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier)) {
      let typeOnly: boolean;
      if (ts.isExportDeclaration(n)) typeOnly = n.isTypeOnly;
      else {
        const c = n.importClause;
        const named = c?.namedBindings && ts.isNamedImports(c.namedBindings) ? c.namedBindings : undefined;
        typeOnly = !!c && (c.isTypeOnly || (!c.name && !!named && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly)));
      }
      out.push({ spec: n.moduleSpecifier.text, typeOnly, pos: n.getStart(sf) });
    } else if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword && n.arguments[0] && ts.isStringLiteral(n.arguments[0])) {
      out.push({ spec: n.arguments[0].text, typeOnly: false, pos: n.getStart(sf) });
    } else if (ts.isImportTypeNode(n) && ts.isLiteralTypeNode(n.argument) && ts.isStringLiteral(n.argument.literal)) {
      out.push({ spec: n.argument.literal.text, typeOnly: true, pos: n.getStart(sf) });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out.filter((i) => i.spec.startsWith('.')); // a package or node: builtin is no edge
}

function edges(): Edge[] {
  const out: Edge[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) walk(abs);
      else if (e.name.endsWith('.ts')) {
        const text = readFileSync(abs, 'utf8');
        for (const imp of importsOf(abs, text)) {
          const target = path.resolve(path.dirname(abs), imp.spec).replace(/\.js$/, '.ts');
          const from = groupOf(abs)!;
          const to = groupOf(target);
          if (!to) continue;
          const line = text.slice(0, imp.pos).split('\n').length;
          const rel = (f: string): string => path.relative(repoRoot, f).split(path.sep).join('/');
          out.push({ from, to, file: rel(abs), target: rel(target), typeOnly: imp.typeOnly, where: `${rel(abs)}:${line} -> ${imp.spec}` });
        }
      }
    }
  };
  walk(src);
  return out;
}

/** The cycles of a graph given as edges (one per strongly connected part, its members sorted). */
function cyclesOf(pairs: Array<[string, string]>): string[] {
  const next = new Map<string, string[]>();
  for (const [a, b] of pairs) next.set(a, [...(next.get(a) ?? []), b]);
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const out: string[] = [];
  const connect = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const part: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        part.push(w);
      } while (w !== v);
      if (part.length > 1) out.push(part.sort().join(' <-> '));
    }
  };
  for (const v of [...next.keys()].sort()) if (!index.has(v)) connect(v);
  return out.sort();
}

const order = [...SHARED, ...STAGES.map(([f]) => f)];
const rank = new Map(order.map((f, i) => [f, i]));
const listed = new Map(STAGES.map(([f, may]) => [f, new Set(may)]));
const isShared = (f: string): boolean => (SHARED as readonly string[]).includes(f);

/** Whether `from` may import `to` by the rules above. */
function allowed(from: string, to: string): boolean {
  if (from === 'model') return to === 'errors';
  if (from === 'util') return to === 'model' || to === 'errors';
  if (isShared(from)) return false; // errors.ts, version.ts: leaves
  return isShared(to) || (listed.get(from)?.has(to) ?? false);
}

describe('architecture: the import graph of src/', () => {
  const every = edges();
  const all = every.filter((e) => e.from !== e.to);
  const folders = [...new Set(readdirSync(src).map((f) => f.replace(/\.ts$/, '')))];

  it('reads every form of import, and tells type-only ones apart', () => {
    const text = [
      "import { a, type B } from './a.js';",
      "import type { C } from './c.js';",
      "import { type D } from './d.js';",
      "import './e.js';",
      "export * from './f.js';",
      "export type { G } from './g.js';",
      "const h = await import('./h.js');",
      "let i: import('./i.js').I;",
      "import x from 'node:path';",
      "// import y from './comment.js';",
    ].join('\n');
    expect(importsOf('x.ts', text).map((i) => `${i.spec}${i.typeOnly ? ' type' : ''}`)).toEqual(['./a.js', './c.js type', './d.js type', './e.js', './f.js', './g.js type', './h.js', './i.js type']);
  });

  it('every folder of src/ has its place in the table, and the table names no folder that is gone', () => {
    expect(folders.filter((f) => !rank.has(f))).toEqual([]);
    expect(order.filter((f) => !folders.includes(f))).toEqual([]);
  });

  it('the table lists each stage once and only earlier stages as imports (so no cycle is possible)', () => {
    expect(new Set(order).size).toBe(order.length);
    const late = STAGES.flatMap(([f, may]) => may.filter((m) => !(rank.get(m)! < rank.get(f)!) || isShared(m)).map((m) => `${f} -> ${m}`));
    expect(late).toEqual([]);
  });

  it('every import between folders is one the table allows', () => {
    const bad = all.filter((e) => !allowed(e.from, e.to)).map((e) => `${e.from} -> ${e.to}: ${e.where}`);
    expect(bad, 'see docs/architecture.md: a stage imports only earlier stages, model/ and util/').toEqual([]);
  });

  it('every edge the table names is used (the table stays tight)', () => {
    const used = new Set(all.map((e) => `${e.from} -> ${e.to}`));
    const unused = STAGES.flatMap(([f, may]) => may.map((m) => `${f} -> ${m}`)).filter((e) => !used.has(e));
    expect(unused, 'remove these from STAGES').toEqual([]);
  });

  it('nothing imports the adapters at the edge, and only the action imports github/', () => {
    expect(all.filter((e) => e.to === 'action' || e.to === 'cli').map((e) => e.where)).toEqual([]);
    expect(all.filter((e) => e.to === 'github' && e.from !== 'action').map((e) => e.where)).toEqual([]);
  });

  it('there is no cycle between folders', () => {
    expect(cyclesOf(all.map((e) => [e.from, e.to]))).toEqual([]);
  });

  it('there is no cycle between files through what they import at run time (types aside)', () => {
    expect(cyclesOf(every.filter((e) => !e.typeOnly).map((e) => [e.file, e.target]))).toEqual([]);
  });
});
