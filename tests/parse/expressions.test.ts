// The expression trees the resolver evaluates come from the file's one parse (src/parse/fast-hcl.ts):
// every template string of the value body has its tree, equal to what the same parser reads from the
// string's text (parseTemplateText, for strings that start as text). Checked on every HCL file of
// the corpus, and on the shapes where hcl2json's text and the tree part ways.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusDirs } from '../helpers/paths.js';
import { parseExpressionText, parseHclFile, parseTemplateText } from '../../src/parse/fast-hcl.js';
import { ParseError, SPLAT_ITEM, type Node } from '../../src/parse/ast.js';
import { evalString, isTemplateText, type Scope } from '../../src/resolve/eval.js';
import { fromPlain } from '../../src/resolve/cty.js';

const HCL_FILE = /\.(tf|tfvars|pkr\.hcl|pkrvars\.hcl)$/;

function walk(dir: string, out: string[]): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (HCL_FILE.test(e.name)) out.push(p);
  }
  return out;
}

/** The template strings of a body, object keys included. */
function templateStrings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') {
    if (isTemplateText(v)) out.push(v);
  } else if (Array.isArray(v)) for (const x of v) templateStrings(x, out);
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      if (isTemplateText(k)) out.push(k);
      templateStrings(x, out);
    }
  }
  return out;
}

const fromText = (s: string): Node | ParseError => {
  try {
    return parseTemplateText(s);
  } catch (e) {
    if (e instanceof ParseError) return e;
    throw e;
  }
};

describe.each(corpusDirs)('expression trees from the parse, on %s', (corpora) => {
  it('every template string has its tree, equal to the tree read from its text', () => {
    let strings = 0;
    let withTree = 0;
    const differ: string[] = [];
    for (const f of walk(corpora, []).sort()) {
      let text = readFileSync(f, 'utf8');
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      let parsed;
      try {
        parsed = parseHclFile(text);
      } catch {
        continue;
      }
      for (const s of templateStrings(parsed.body)) {
        strings++;
        const tree = parsed.expressions.get(s);
        if (!tree) continue;
        withTree++;
        const again = fromText(s);
        // The text can lose what the tree keeps (a heredoc closed by the interpolation's brace).
        if (!(again instanceof ParseError) && JSON.stringify(again) !== JSON.stringify(tree)) differ.push(`${path.relative(corpora, f)}: ${s.slice(0, 120)}`);
      }
    }
    console.log(`expression trees: ${strings} template strings, ${withTree} with a tree from the parse`);
    expect(strings).toBeGreaterThan(0);
    expect(differ.slice(0, 10)).toEqual([]);
    // Only strings whose text reads back differently, or that the trees cannot hold, go without one.
    expect(withTree / strings).toBeGreaterThan(0.999);
  }, 120_000);
});

describe('expression trees', () => {
  const tree = (src: string, s: string): Node | undefined => parseHclFile(src).expressions.get(s);

  it('records the tree of each attribute string, with the source text of every node', () => {
    const src = 'a = var.x\nb = "app-${var.env}"\nc = { (var.k) = 1 }\nd = [for s in var.l : upper(s) if s != ""]\n';
    expect(tree(src, '${var.x}')).toEqual({ k: 'tmpl', parts: [{ k: 'ref', root: 'var', steps: [{ k: 'attr', name: 'x' }], src: 'var.x' }], src: '${var.x}' });
    expect(tree(src, 'app-${var.env}')).toEqual({ k: 'tmpl', parts: ['app-', { k: 'ref', root: 'var', steps: [{ k: 'attr', name: 'env' }], src: 'var.env' }], src: 'app-${var.env}' });
    expect(tree(src, '${(var.k)}')).toMatchObject({ k: 'tmpl', parts: [{ k: 'ref', root: 'var', src: '(var.k)' }] });
    expect(tree(src, '${[for s in var.l : upper(s) if s != ""]}')).toMatchObject({ parts: [{ k: 'for', valVar: 's', object: false, cond: { k: 'binary', op: '!=' } }] });
    for (const s of ['${var.x}', 'app-${var.env}', '${(var.k)}', '${[for s in var.l : upper(s) if s != ""]}']) expect(tree(src, s)).toEqual(parseTemplateText(s));
  });

  it('parses operators by precedence, unary minus on a number as a literal, splats in both forms', () => {
    expect(parseExpressionText('1 + 2 * 3')).toMatchObject({ k: 'binary', op: '+', r: { k: 'binary', op: '*' } });
    expect(parseExpressionText('a || b && c == d')).toMatchObject({ k: 'binary', op: '||', r: { k: 'binary', op: '&&', r: { k: 'binary', op: '==' } } });
    expect(parseExpressionText('-1')).toEqual({ k: 'lit', v: -1, src: '-1' });
    expect(parseExpressionText('a[*].b[0]')).toMatchObject({ k: 'splat', steps: [{ k: 'attr', name: 'b' }, { k: 'index' }] });
    expect(parseExpressionText('a.*.b[0]')).toMatchObject({ k: 'get', obj: { k: 'splat', steps: [{ k: 'attr', name: 'b' }] } });
    // A nested splat: what follows the first [*] is an expression on each element (SPLAT_ITEM).
    expect(parseExpressionText('a[*].b[*].c')).toMatchObject({
      k: 'splat',
      obj: { k: 'ref', root: 'a' },
      steps: [],
      each: { k: 'splat', obj: { k: 'ref', root: SPLAT_ITEM, steps: [{ k: 'attr', name: 'b' }] }, steps: [{ k: 'attr', name: 'c' }] },
    });
    expect(() => parseTemplateText('${a +}')).toThrow(ParseError);
  });

  it('a string whose text reads back differently from the source keeps the reading of its text', () => {
    // hcl2json writes `"p${a ? "50%" : "x"}"` as "p%{if a}50%%{else}x%{endif}": "%%{" is an escape.
    const src = 'v = "p${var.a ? "50%" : "x"}"\n';
    const { body, expressions } = parseHclFile(src);
    expect(body.v).toBe('p%{if var.a}50%%{else}x%{endif}');
    expect(expressions.has(body.v as string)).toBe(false);
    const scope: Scope = { resolver: { ref: (root, steps) => (root === 'var' && steps[0]?.attr === 'a' ? { value: fromPlain(true), used: 1 } : undefined) }, bindings: new Map() };
    expect(evalString(body.v as string, scope)).toBe('p50%{else}x');
  });

  it('the evaluator takes the tree from the scope before parsing the text', () => {
    const marked: Node = { k: 'lit', v: 'from the tree', src: 'x' };
    const scope: Scope = { resolver: { ref: () => undefined }, bindings: new Map(), exprs: new Map([['${var.x}', marked]]) };
    expect(evalString('${var.x}', scope)).toBe('from the tree');
  });
});
