// The fast HCL parser, construct by construct: every case is checked against hcl2json itself (the
// reference), and the interesting ones also against the expected value written out.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHcl, HclSyntaxError } from '../../src/parse/hcl2json-adapter.js';
import { parseHclFast, ParseTimeoutError, FAST_HCL_MAX_DEPTH } from '../../src/parse/fast-hcl.js';
import { corpusDirs } from '../helpers/paths.js';

type Outcome = { ok: true; value: unknown } | { ok: false; line: number; error: unknown };

async function reference(text: string): Promise<Outcome> {
  try {
    return { ok: true, value: await parseHcl(text) };
  } catch (e) {
    return { ok: false, line: e instanceof HclSyntaxError ? e.range.startLine : -1, error: e };
  }
}

function fast(text: string): Outcome {
  try {
    return { ok: true, value: parseHclFast(text) };
  } catch (e) {
    return { ok: false, line: e instanceof HclSyntaxError ? e.range.startLine : -1, error: e };
  }
}

/** Same output as hcl2json (values and key order), or both reject on the same first line. */
async function conforms(text: string): Promise<Outcome> {
  const ref = await reference(text);
  const got = fast(text);
  if (ref.ok) {
    if (!got.ok) throw new Error(`fast parser rejects what hcl2json accepts: ${String(got.error)}\n${text}`);
    expect(got.value).toEqual(ref.value);
    expect(JSON.stringify(got.value)).toBe(JSON.stringify(ref.value));
  } else {
    if (got.ok) throw new Error(`fast parser accepts what hcl2json rejects (${String(ref.error)}):\n${text}`);
    expect(got.error).toBeInstanceOf(HclSyntaxError);
    expect({ text, line: got.line }).toEqual({ text, line: ref.line });
  }
  return got;
}

async function value(text: string): Promise<unknown> {
  const r = await conforms(text);
  if (!r.ok) throw new Error(String(r.error));
  return r.value;
}

describe('parseHclFast: output shape', () => {
  it('blocks: labels nest, bodies are arrays, duplicates are appended, dynamic blocks', async () => {
    expect(
      await value(`resource "aws_instance" "web" {
  ami = "x"
  ebs { a = 1 }
  ebs {
    b = 2
  }
  dynamic "tag" {
    for_each = var.t
    content {
      k = tag.key
    }
  }
}
resource "aws_instance" "web" {}
locals {}
locals { z = 1 }
`),
    ).toEqual({
      locals: [{}, { z: 1 }],
      resource: {
        aws_instance: {
          web: [{ ami: 'x', dynamic: { tag: [{ content: [{ k: '${tag.key}' }], for_each: '${var.t}' }] }, ebs: [{ a: 1 }, { b: 2 }] }, {}],
        },
      },
    });
  });

  it('keys come out sorted (Go map order), integer-like keys first as JSON.parse orders them', async () => {
    const v = await value('b = 1\na = 2\n10 = 3\nc = { z = 1, "2" = 2, y = 3 }\n'.replace('10 = 3\n', ''));
    expect(JSON.stringify(v)).toBe('{"a":2,"b":1,"c":{"2":2,"y":3,"z":1}}');
  });

  it('literal strings: escapes decoded, $${ and %%{ kept escaped', async () => {
    expect(await value('a = "x\\ny\\"z\\\\w\\u00e9 \\U0001F600 \\t\\r"\nb = "$${foo} %%{bar}"\nc = "$$${foo}"\nd = "\\u0024{x}"\n')).toEqual({
      a: 'x\ny"z\\wé 😀 \t\r',
      b: '$${foo} %%{bar}',
      c: '$$${foo}',
      d: '$${x}',
    });
  });

  it('numbers, booleans, null, unary operators on literals', async () => {
    expect(await value('a = 12345678901234567890\nb = 1.0\nc = 1e3\nd = 1.50\ne = 007\nf = -1\ng = - 1.5\nh = !true\ni = true\nj = null\nk = 0.1\nl = 1e400\nm = -0\n')).toEqual({
      a: 12345678901234567000,
      b: 1,
      c: 1000,
      d: 1.5,
      e: 7,
      f: -1,
      g: -1.5,
      h: false,
      i: true,
      j: null,
      k: 0.1,
      l: Infinity,
      m: -0,
    });
    expect(await value('a = -(1)\nb = --1\nc = !!true\nd = -var.x\n')).toEqual({ a: '${-(1)}', b: '${--1}', c: '${!!true}', d: '${-var.x}' });
  });

  it('tuples and objects of anything become arrays and objects; keys per hcl2json', async () => {
    expect(await value('d = [1, "a", true, null, var.a, [2]]\ne = {a = 1, "b" = 2, c: 3}\nf = {}\ng = []\n')).toEqual({
      d: [1, 'a', true, null, '${var.a}', [2]],
      e: { a: 1, b: 2, c: 3 },
      f: {},
      g: [],
    });
    expect(await value('x = {(var.a) = 1, "${var.b}" = 2, 1 = 3, true = 4, a.b = 5, "$${x}" = 6}\ny = {a = 1, a = 2}\n')).toEqual({
      x: { '1': 3, '${(var.a)}': 1, '${var.b}': 2, 'a.b': 5, true: 4, '$${x}': 6 },
      y: { a: 2 },
    });
    await value('a = {\n  b = 1\n  c = 2,\n  d = [\n    1,\n    2,\n  ]\n}\nb = [\n  1\n  ,2]\n');
  });

  it('non-literal expressions become "${source}" verbatim (whitespace, newlines, comments kept)', async () => {
    expect(
      await value(`a = var.a
b = merge(
  var.a, # comment
  var.b
)
c = (1)
d = func(1, 2,)
e = func(var.l...)
f = provider::aws::arn_parse(x)
g = a[*].b
h = a.*.b
i = a[0].b["c"]
j = a.0.b
k = a ? b : c
l = 1 + 2 * 3
m = a == b && c || !d
n = [for x in y: x]
o = {
  for k, v in m :
  k => v...
}
p = [
 for a in b : a
 if a
]
q = foo((a))
r = upper(<<EOT
x \${y}
EOT
)
`),
    ).toMatchObject({
      a: '${var.a}',
      b: '${merge(\n  var.a, # comment\n  var.b\n)}',
      c: '${(1)}',
      d: '${func(1, 2,)}',
      f: '${provider::aws::arn_parse(x)}',
      l: '${1 + 2 * 3}',
      o: '${{\n  for k, v in m :\n  k => v...\n}}',
    });
  });

  it('templates: kept as template strings, single interpolation unwrapped, directives rebuilt', async () => {
    expect(
      await value(`g = "app-\${var.env}"
p = "\${var.x}"
q = "\${true}"
r = "\${[1,2]}"
s = "\${ var.x } a"
t = "\${a ? b : c} x"
u = "%{if a}yes%{else}no%{endif}"
v = "%{for k, v in var.m}\${k}%{endfor}"
w = "\${1} \${"q"} \${true} \${null}"
x = "\${~ var.a ~} b \${var.c~}   d"
y = "%{ for x in y ~} a %{~ endfor }"
z = "%{if a}%{endif}b"
aa = "%{if a}x%{else}%{endif}"
ab = "\${x ? "y" : ""}-z"
ac = "\${-1} \${a.b} x"
ad = "\${null}"
ae = "\\u0024{x} \${y}"
af = "a $\${b} \${c}"
`),
    ).toEqual({
      g: 'app-${var.env}',
      p: '${var.x}',
      q: true,
      r: [1, 2],
      s: '${var.x} a',
      t: '%{if a}${b}%{else}${c}%{endif} x',
      u: '%{if a}yes%{else}no%{endif}',
      v: '%{for k, v in var.m}${k}%{endfor}',
      w: '1 q true null',
      x: '${var.a}b ${var.c}d',
      y: '%{for x in y}a%{endfor}',
      z: '%{if a}%{endif}b',
      aa: '%{if a}x%{endif}',
      ab: '%{if x}y%{endif}-z',
      ac: '${-1} ${a.b} x',
      ad: null,
      ae: '$${x} ${y}',
      af: 'a $${b} ${c}',
    });
  });

  it('heredocs: plain, flush (<<-) indentation stripping, interpolation, strip markers, CRLF', async () => {
    expect(
      await value(`i = <<EOT
hello
  world
EOT
j = <<-EOT
    hello
      world
    EOT
k = <<EOT
hi \${var.x}
EOT
l = <<-EOT
    a
  b
    EOT
m = <<-EOT
\tx
\t  y

\tEOT
n = <<EOT
  q \${~ x}
  \${y ~}
  w
EOT
o = <<EOT
$\${x} %%{y} \\n
  EOT
p = <<EOT
EOT
`),
    ).toEqual({
      i: 'hello\n  world\n',
      j: 'hello\n  world\n',
      k: 'hi ${var.x}\n',
      l: '  a\nb\n',
      m: 'x\n  y\n\n',
      n: '  q${x}\n  ${y}  w\n',
      o: '$${x} %%{y} \\n\n',
      p: '',
    });
    await value('a = <<EOT\r\nx\r\nEOT\r\nb = "c"\r\nc = [\r\n  1,\r\n]\r\n');
  });

  it('labels are decoded without re-escaping; comments anywhere', async () => {
    expect(await value('resource "a$${x}" "b" { y = 1 }\n')).toEqual({ resource: { 'a${x}': { b: [{ y: 1 }] } } });
    expect(await value('x = "a" # comment\ny = 1 // c\nz = 2 /* c */\nw /* c */ = 3\n/* multi\nline */\n')).toEqual({ w: 3, x: 'a', y: 1, z: 2 });
  });

  it('attributes and blocks of one name: the attribute wins; mixed label counts are rejected', async () => {
    expect(await value('tags { a = 1 }\ntags = 5\n')).toEqual({ tags: 5 });
    expect(await value('tags = {}\ntags { a = 1}\n')).toEqual({ tags: {} });
    expect(await value('resource = {}\nresource "a" "b" { c = 1}\n')).toEqual({ resource: {} });
    for (const bad of ['x "a" {}\nx {}\n', 'x {}\nx "a" {}\n', 'x "a" "b" {}\nx "a" {}\n', 'x "a" {}\nx "a" "b" {}\n']) {
      expect((await conforms(bad)).ok).toBe(false);
    }
  });
});

describe('parseHclFast: rejects what hcl2json rejects, on the same first line', () => {
  const bad = [
    'a = 1 ; b = 2\n',
    'a = "ok"\nb = (\nc = 1;\n',
    'a = "x\\ty\\r\\z"\n',
    'a = "x\n"\n',
    'a = 1\na = 2\n',
    'a = b c\n',
    'a "b" { c = 1, d = 2 }\n',
    'a "b" { c {} }\n',
    'a { b = 1\n}\n',
    'a {\n  b = 1\n} c = 2\n',
    'a "b" {\n',
    'a = "${var.x"\n',
    'x = {\n  a = 1 b = 2\n}\n',
    'b = {for = 1}\n',
    'x = <<EOT\nfoo\n EOT\nEOT\n',
    'x = <<EOT\nfoo\nEOT',
    'q = 0x10\n',
    'x = !1\n',
    'x = -true\n',
    'x = [!null]\n',
    'a = [1, 2\n',
    'a = {\n  b = 1\n',
    'a = {\n  b',
    'a = { b',
    'a = { b c = 1 }\n',
    'a = f(1 2)\n',
    'a = x[1\nb = [2]\n',
    'a = "%{if x}y"\n',
    'a = "%{endif}"\n',
    '"a" = 1\n',
    'a = @\n',
    "a = 'x'\n",
    'a = 1 & 2\n',
    'a\n',
    'a = \n',
    '/* never closed\na = 1;\n',
    'terraform {  required_providers {\n    aws = {}\n  }\n\n}\n',
    'g {= {\n  a = 1\n}\n\nb = 2\n',
    'a = 1,\n',
    'a = [for x in y: x...]\n',
  ];
  for (const text of bad) {
    it(JSON.stringify(text), async () => {
      expect((await conforms(text)).ok).toBe(false);
    });
  }
});

// A carriage return alone, and the white space HCL strips (Go's unicode.IsSpace: U+0085 is space,
// U+FEFF is not, unlike JavaScript's \s and trim()), as hcl2json reads them. Found by mutating the
// corpus (a lone CR in a quoted string was accepted, a heredoc end marker after a BOM closed it).
describe('parseHclFast: carriage returns and white space as Go sees them', () => {
  const texts = [
    'd = "\r"\n',
    'd = "a\rb"\n',
    'e = { "\r" = "" }\n',
    'd = "${"\r"}"\n',
    'd = "%{ if true }\r%{ endif }"\n',
    'd = <<EOT\na\rb\nEOT\n',
    'd = <<EOT\nab\rEOT\n',
    'd = <<EOT\r\nab\r\nEOT\r\n',
    'd = <<EOT\nab\nEOT\u0085\n',
    'd = <<EOT\nab\n\ufeffEOT\n',
    'd = <<EOT\nab\n\u3000EOT\u2028\n',
    'd = "a\u0085${~ "b"}"\n',
    'd = "a\ufeff${~ "b"}"\n',
    'd = "a${ "b" ~}\ufeff\u0085c"\n',
    'd = "%{ if true ~}\u0085x%{ endif }"\n',
    'd = <<-EOT\n\u0085a\n  b\nEOT\n',
    'd = <<-EOT\n\ufeffa\n  b\nEOT\n',
  ];
  for (const text of texts) {
    it(JSON.stringify(text), async () => {
      await conforms(text);
    });
  }
});

describe('parseHclFast: robustness', () => {
  it('rejects 10,000-deep nesting with a located error instead of overflowing the stack', () => {
    const n = 10_000;
    const cases = [
      `a = ${'['.repeat(n)}${']'.repeat(n)}\n`,
      `a = ${'('.repeat(n)}1${')'.repeat(n)}\n`,
      `a = ${'{a = '.repeat(n)}1${'}'.repeat(n)}\n`,
      `${'b {\n'.repeat(n)}${'}\n'.repeat(n)}`,
      `a = ${'"${'.repeat(n)}x${'}"'.repeat(n)}\n`,
      `a = "${'%{if x}'.repeat(n)}${'%{endif}'.repeat(n)}"\n`,
      `a = ${'-'.repeat(n)}1\n`,
    ];
    for (const text of cases) {
      let err: unknown;
      try {
        parseHclFast(text);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(HclSyntaxError);
      expect((err as HclSyntaxError).message).toContain(`nesting deeper than ${FAST_HCL_MAX_DEPTH}`);
      expect((err as HclSyntaxError).range.startLine).toBeGreaterThanOrEqual(1);
    }
    // Within the limit: accepted.
    expect(parseHclFast(`a = ${'['.repeat(200)}${']'.repeat(200)}\n`)).toBeTruthy();
  });

  it('throws ParseTimeoutError past its deadline', () => {
    const text = 'a = [' + '1, '.repeat(20_000) + ']\n';
    expect(() => parseHclFast(text, Date.now() - 1)).toThrow(ParseTimeoutError);
    expect(parseHclFast(text, Date.now() + 60_000)).toBeTruthy();
  });
});

// Mutations of real files (deleted character, inserted token, deleted line): the fast parser must
// accept and reject exactly what hcl2json does. Deterministic (seeded); a sample, to stay quick.
describe.each(corpusDirs)('parseHclFast: mutated files of the corpus %s', (corpora) => {
  it('agrees with hcl2json on acceptance, output and first error line', async () => {
    const files: string[] = [];
    const walk = (d: string): void => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.(tf|tfvars|pkr\.hcl|pkrvars\.hcl)$/.test(e.name)) files.push(p);
      }
    };
    walk(corpora);
    files.sort();
    let seed = 7;
    const rnd = (): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const tokens = ['{', '}', '[', ']', '(', ')', '"', ',', '=', '.', '$', '${', '%{', '#', '\n', '~', '?', ':', '<<EOT\n', '-', '!', '*', 'x', '\\', '/*', '...', '=>', 'for ', '1'];
    let rejected = 0;
    let sameLine = 0;
    const disagreements: string[] = [];
    for (let k = 0; k < 400; k++) {
      const f = files[Math.floor(rnd() * files.length)]!;
      let text = readFileSync(f, 'utf8');
      const kind = Math.floor(rnd() * 3);
      const at = Math.floor(rnd() * text.length);
      if (kind === 0) text = text.slice(0, at) + text.slice(at + 1);
      else if (kind === 1) text = text.slice(0, at) + tokens[Math.floor(rnd() * tokens.length)]! + text.slice(at);
      else {
        const ls = text.split('\n');
        ls.splice(Math.floor(rnd() * ls.length), 1);
        text = ls.join('\n');
      }
      const ref = await reference(text);
      const got = fast(text);
      const where = `${path.relative(corpora, f)} (mutation ${kind} at ${at})`;
      if (ref.ok !== got.ok) disagreements.push(`${where}: hcl2json ${ref.ok ? 'accepts' : 'rejects'}, fast ${got.ok ? 'accepts' : `rejects: ${String(got.error)}`}`);
      else if (ref.ok && got.ok && JSON.stringify(ref.value) !== JSON.stringify(got.value)) disagreements.push(`${where}: different output`);
      else if (!ref.ok && !got.ok) {
        rejected++;
        if (ref.line === got.line) sameLine++;
      }
    }
    console.log(`mutations: 400, rejected by both ${rejected}, same first error line ${sameLine}`);
    expect(disagreements).toEqual([]);
    expect(sameLine).toBeGreaterThanOrEqual(Math.floor(rejected * 0.95));
  }, 120_000);
});
