// Values as OpenTofu computes them (go-cty conversion, unification, sets, big binary floats, stdlib
// functions), each expectation taken from cty's or OpenTofu's source and tests; where OpenTofu
// reports an error the value must be unknown with the reason, never a value.
import { describe, expect, it } from 'vitest';
import { evalString, type Scope } from '../../src/resolve/eval.js';
import { fromPlain } from '../../src/resolve/cty.js';
import { parseTypeConstraint, variableValue } from '../../src/resolve/types.js';
import type { Value } from '../../src/resolve/values.js';
import { toPlain } from '../../src/resolve/cty.js';

const scope: Scope = { resolver: { ref: () => undefined }, bindings: new Map() };
const ev = (expr: string): Value => evalString(`\${${expr}}`, scope);
const isUnknownWith = (v: Value, reason: RegExp): boolean => typeof v === 'object' && v !== null && !Array.isArray(v) && typeof v.__unknown__ === 'string' && reason.test(v.__unknown__);

describe('type unification and equality (cty convert.Unify, Value.Equals)', () => {
  it('unifies conditional results and coalesce arguments to a string', () => {
    expect(ev('true ? 1 : "a"')).toBe('1');
    expect(ev('false ? 1 : "a"')).toBe('a');
    expect(ev('coalesce(1, "a")')).toBe('1');
    expect(ev('true ? 5 : null')).toBe(5);
  });
  it('converts mixed tuples to one element type', () => {
    expect(ev('tolist([1, "a"])')).toEqual(['1', 'a']);
    expect(ev('tomap({a = 1, b = "x"})')).toEqual({ a: '1', b: 'x' });
    expect(ev('distinct([1, "1"])')).toEqual(['1']);
  });
  it('compares with types: a list is not a tuple, a map is not an object', () => {
    expect(ev('[] == tolist([])')).toBe(false);
    expect(ev('tolist(["a"]) == ["a"]')).toBe(false);
    expect(ev('{} == tomap({})')).toBe(false);
    expect(ev('[1, 2] == [1, 2]')).toBe(true);
    expect(ev('1 == "1"')).toBe(false);
    expect(ev('1 == 1.0')).toBe(true);
    expect(ev('null == null')).toBe(true);
    expect(ev('tolist(["a"]) == tolist(["a"])')).toBe(true);
  });
});

describe('sets (cty set order: strings lexically, numbers numerically, no duplicates)', () => {
  it('dedupes and orders', () => {
    expect(ev('toset(["b", "a", "b"])')).toEqual(['a', 'b']);
    expect(ev('tolist(toset([3, 1, 2, 10]))')).toEqual([1, 2, 3, 10]);
    expect(ev('setunion(["b"], ["a", "c"], ["a"])')).toEqual(['a', 'b', 'c']);
    expect(ev('setintersection(["a", "b"], ["b", "c"])')).toEqual(['b']);
    expect(ev('setsubtract(["a", "b"], ["a"])')).toEqual(['b']);
    expect(ev('[for x in toset(["b", "a", "a"]) : x]')).toEqual(['a', 'b']);
    expect(ev('length(toset(["a", "a"]))')).toBe(1);
  });
  it('refuses to index a set', () => {
    expect(isUnknownWith(ev('toset(["a"])[0]'), /set/)).toBe(true);
    expect(isUnknownWith(ev('element(toset(["a"]), 0)'), /set/)).toBe(true);
  });
  it('setproduct of lists gives a list of tuples in argument order', () => {
    expect(ev('setproduct(["a", "b"], ["x"])')).toEqual([
      ['a', 'x'],
      ['b', 'x'],
    ]);
  });
});

describe('numbers are 512-bit binary floats printed as cty prints them', () => {
  it('formats results like big.Float.Text("f", -1)', () => {
    expect(ev('tostring(0.1 + 0.2)')).toBe('0.3');
    expect(ev('tostring(1e21)')).toBe('1000000000000000000000');
    expect(ev('tostring(10 / 4)')).toBe('2.5');
    expect(ev('tostring(1234.5678)')).toBe('1234.5678');
    expect(ev('tostring(pow(2, 64))')).toBe('18446744073709550000'); // float64 at 53 bits, Go's shortest (not JavaScript's)
    expect(ev('tostring(10 / 3)')).toMatch(/^3\.3{100,}2$/);
    expect(ev('"n=${12345678901234567890 + 1}"')).toBe('n=12345678901234567891');
    // A lone interpolation keeps its type; a number a float64 cannot hold is carried exactly (src/util/exact-number.ts).
    expect(JSON.stringify(ev('"${12345678901234567890}"'))).toBe('12345678901234567890');
    expect(JSON.stringify(ev('10 / 3'))).toMatch(/^3\.3{150,}2$/);
    expect(ev('"${2.5}"')).toBe(2.5);
    expect(ev('jsonencode(12345678901234567890)')).toBe('12345678901234567890');
    expect(ev('tostring(jsondecode("12345678901234567890123"))')).toBe('12345678901234567890123');
    expect(ev('tostring(parseint("ffffffffffffffffff", 16))')).toBe('4722366482869645213695');
  });
  it('keeps modulo by zero as cty does and refuses what cannot be stored', () => {
    expect(ev('5 % 0')).toBe(5);
    expect(ev('-7 % 3')).toBe(-1);
    expect(isUnknownWith(ev('1 / 0'), /infinite/)).toBe(true);
    expect(isUnknownWith(ev('0 / 0'), /zero/)).toBe(true);
  });
});

describe('format verbs (Go fmt through cty stdlib)', () => {
  it('formats integers, floats, strings and values', () => {
    expect(ev('format("%03d", -7)')).toBe('-07');
    expect(ev('format("%+d", 5)')).toBe('+5');
    expect(ev('format("%x %X %o %b", 255, 255, 8, 5)')).toBe('ff FF 10 101');
    expect(ev('format("%e", 1234.5)')).toBe('1.234500e+03');
    expect(ev('format("%.2f", 3.14159)')).toBe('3.14');
    expect(ev('format("%5.1f|%-5s|%5s", 2.25, "ab", "cd")')).toBe('  2.2|ab   |   cd');
    expect(ev('format("%[2]s-%[1]s", "a", "b")')).toBe('b-a');
    expect(ev('format("%q", "x")')).toBe('"x"');
    expect(ev('format("%v %v", "s", [1])')).toBe('s [1]');
    expect(ev('format("%#v", "a")')).toBe('"a"');
    expect(ev('format("%t", true)')).toBe('true');
    expect(ev('format("%d%%", 5)')).toBe('5%');
    expect(ev('formatlist("%s-%d", ["a", "b"], 1)')).toEqual(['a-1', 'b-1']);
  });
  it('refuses what cty refuses', () => {
    expect(isUnknownWith(ev('format("%d", 1.5)'), /integer/)).toBe(true);
    expect(isUnknownWith(ev('format("%s", "a", "b")'), /too many arguments/)).toBe(true);
    expect(isUnknownWith(ev('format("%s %s", "a")'), /not enough arguments/)).toBe(true);
    expect(isUnknownWith(ev('formatlist("%s%s", ["a"], ["b", "c"])'), /inconsistent/)).toBe(true);
  });
});

describe('string functions', () => {
  it('matches Go and cty', () => {
    expect(ev('split(",", "")')).toEqual(['']);
    expect(ev('split(",", "a,,b")')).toEqual(['a', '', 'b']);
    expect(ev('urlencode("a b&c/é")')).toBe('a+b%26c%2F%C3%A9');
    expect(ev('jsonencode("<a>&")')).toBe('"\\u003ca\\u003e\\u0026"');
    expect(ev('jsonencode({b = 1, a = [true, null]})')).toBe('{"a":[true,null],"b":1}');
    expect(ev('upper("straße")')).toBe('STRAßE');
    expect(ev('lower("ÀB")')).toBe('àb');
    expect(ev('length("e\\u0301")')).toBe(1);
    expect(ev('strrev("ae\\u0301b")')).toBe('b\u00e9a'); // cty strings are NFC
    expect(ev('substr("hello", -3, 2)')).toBe('ll');
    expect(ev('substr("hello", 1, -1)')).toBe('ello');
    expect(ev('title("hello wORLD-x")')).toBe('Hello WORLD-X');
    expect(ev('replace("abc", "", "-")')).toBe('-a-b-c-');
    expect(ev('trimspace("  a \\n")')).toBe('a');
    expect(ev('chomp("a\\r\\n\\n")')).toBe('a');
    expect(ev('indent(2, "a\\nb")')).toBe('a\n  b');
  });
  it('uses RE2 with Go semantics for regex, regexall and replace', () => {
    expect(ev('regex("[0-9]+", "ab12cd34")')).toBe('12');
    expect(ev('regex("(\\\\d+)-(\\\\d+)", "a 12-34")')).toEqual(['12', '34']);
    expect(ev('regex("(?P<x>[a-z]+)=(?P<y>[0-9])", "k=1")')).toEqual({ x: 'k', y: '1' });
    expect(ev('regexall("a*", "baaa")')).toEqual(['', 'aaa']);
    expect(ev('regexall("[a-z]", "a1b")')).toEqual(['a', 'b']);
    expect(ev('replace("hello", "/l+/", "L")')).toBe('heLo');
    expect(ev('replace("a-1 b-2", "/([a-z])-(\\\\d)/", "$2$1")')).toBe('1a 2b');
    expect(ev('replace("ab", "/(a)/", "$1x")')).toBe('b');
    expect(ev('can(regex("^a", "b"))')).toBe(false);
    expect(ev('can(regex("^a", "abc"))')).toBe(true);
    expect(isUnknownWith(ev('regex("(?=x)", "x")'), /invalid regular expression/)).toBe(true);
  });
  it('evaluates template directives with strip markers and heredocs inside calls', () => {
    expect(ev('"a%{ for x in [1, 2] ~} ${x} %{~ endfor }b"')).toBe('a12b');
    expect(ev('"%{ if true }yes%{ else }no%{ endif }"')).toBe('yes');
    expect(ev('"%{ for k, v in {a = 1} }${k}=${v};%{ endfor }"')).toBe('a=1;');
    expect(ev('upper(<<EOT\nhi\nEOT\n)')).toBe('HI\n');
    expect(ev('trimspace(<<-EOT\n    a\n      b\n    EOT\n)')).toBe('a\n  b');
  });
});

describe('collections', () => {
  it('gives what OpenTofu gives', () => {
    expect(ev('concat(["a"], ["b"])')).toEqual(['a', 'b']);
    expect(ev('flatten([["a"], [["b"]], []])')).toEqual(['a', 'b']);
    expect(ev('keys({b = 1, a = 2})')).toEqual(['a', 'b']);
    expect(ev('lookup({a = "x"}, "b", "d")')).toBe('d');
    expect(ev('zipmap(["a", "b"], [1, 2])')).toEqual({ a: 1, b: 2 });
    expect(ev('range(3)')).toEqual([0, 1, 2]);
    expect(ev('range(-3)')).toEqual([0, -1, -2]);
    expect(ev('range(1, 10, 4)')).toEqual([1, 5, 9]);
    expect(ev('one([])')).toBe(null);
    expect(ev('sum([1, 2.5])')).toBe(3.5);
    expect(ev('element(["a", "b"], 3)')).toBe('b');
    expect(ev('index(["a", "b"], "b")')).toBe(1);
    expect(ev('contains([1], "1")')).toBe(false);
    expect(ev('chunklist(["a", "b", "c"], 2)')).toEqual([['a', 'b'], ['c']]);
    expect(ev('transpose({a = ["x", "y"], b = ["x"]})')).toEqual({ x: ['a', 'b'], y: ['a'] });
    expect(ev('yamlencode({a = 1, b = ["x"], c = {d = "e"}})')).toBe('"a": 1\n"b":\n- "x"\n"c":\n  "d": "e"\n');
    expect(ev('cidrsubnet("10.0.0.0/16", 8, 2)')).toBe('10.0.2.0/24');
    expect(ev('cidrsubnet("fd00::/8", 8, 2)')).toBe('fd02::/16');
    expect(ev('cidrhost("2001:db8::/32", 5)')).toBe('2001:db8::5');
    expect(ev('cidrsubnets("10.0.0.0/16", 8, 4)')).toEqual(['10.0.0.0/24', '10.0.16.0/20']);
  });
  it('is unknown with the reason where OpenTofu reports an error', () => {
    const errors = [
      'tonumber(" 42")',
      'parseint("12abc", 10)',
      'slice([1, 2], 0, 3)',
      'sum([])',
      'zipmap(["a"], [1, 2])',
      'base64decode("!!")',
      'element([], 0)',
      'one([1, 2])',
      'range(1, 0, 1)',
      'tobool("yes")',
      'keys("a")',
      '{a = 1}.b',
      '[1][1]',
      'null.a',
      '"a${null}"',
      '{ for x in ["a", "a"] : x => 1 }',
    ];
    for (const e of errors) expect(isUnknownWith(ev(e), /\(error: /), e).toBe(true);
  });
});

describe('encoding and time functions (values OpenTofu 1.12.6 planned)', () => {
  it('decodes and formats as OpenTofu', () => {
    expect(ev('yamldecode("v: yes")')).toEqual({ v: true });
    expect(ev('yamldecode("v: 0755")')).toEqual({ v: 755 });
    expect(ev('yamldecode("v: \\"1\\"")')).toEqual({ v: '1' });
    expect(ev('csvdecode("a,b\\n1,2\\n")')).toEqual([{ a: '1', b: '2' }]);
    expect(isUnknownWith(ev('csvdecode("a,b\\n1\\n")'), /wrong number of fields/)).toBe(true);
    expect(ev('urldecode("a+b%20c")')).toBe('a b c');
    expect(ev('uuidv5("dns", "example.com")')).toBe('cfbff0d1-9375-5685-968c-48ce8b15ae17');
    expect(ev('timeadd("2024-01-01T00:00:00Z", "36h30m")')).toBe('2024-01-02T12:30:00Z');
    expect(ev('timecmp("2024-01-01T01:00:00+01:00", "2024-01-01T00:00:00Z")')).toBe(0);
    expect(ev('formatdate("EEE, DD MMM YYYY hh:mm", "2024-03-05T07:08:09Z")')).toBe('Tue, 05 Mar 2024 07:08');
    expect(ev('textencodebase64("Hi", "UTF-16LE")')).toBe('SABpAA==');
    expect(ev('templatestring("Hello, $${name}!", {name = "world"})')).toBe('Hello, world!');
    expect(ev('element(["a", "b", "c"], -1)')).toBe('c');
    expect(ev('reverse(toset(["a", "b"]))')).toEqual(['b', 'a']);
  });
});

describe('try, can and splats', () => {
  it('catches errors only', () => {
    expect(ev('try(tonumber(" 42"), "n/a")')).toBe('n/a');
    expect(ev('try(tonumber("42"), "n/a")')).toBe(42);
    expect(ev('can(tonumber(" 42"))')).toBe(false);
    expect(ev('can({a = 1}.a)')).toBe(true);
  });
  it('applies legacy splat steps to each element, then indexes the list', () => {
    const objs: Value = [{ tags: ['a', 'b'] }, { tags: ['c'] }];
    const s: Scope = {
      resolver: { ref: (root, steps) => (root === 'var' && steps[0]?.attr === 'objs' ? { value: fromPlain(objs), used: 1 } : undefined) },
      bindings: new Map(),
    };
    expect(evalString('${var.objs.*.tags[0]}', s)).toEqual(['a', 'b']);
    expect(evalString('${var.objs[*].tags[0]}', s)).toEqual(['a', 'c']);
  });
});

describe('variable type constraints (OpenTofu: defaults, optional(), nullable, conversion)', () => {
  const value = (type: string, given: Value | undefined, opts: { default?: Value; nullable?: boolean } = {}): Value =>
    toPlain(
      variableValue(
        {
          name: 'v',
          type: parseTypeConstraint(type)!,
          ...(opts.default !== undefined ? { default: fromPlain(opts.default) } : {}),
          nullable: opts.nullable ?? true,
        },
        given === undefined ? undefined : fromPlain(given),
      ),
    );
  it('converts to the declared type', () => {
    expect(value('${number}', '5')).toBe(5);
    expect(value('${bool}', 'true')).toBe(true);
    expect(value('${string}', 5)).toBe('5');
    expect(value('${list(string)}', [1, true])).toEqual(['1', 'true']);
    expect(value('${set(string)}', ['b', 'a', 'b'])).toEqual(['a', 'b']);
    expect(value('${map(number)}', { a: '1' })).toEqual({ a: 1 });
    expect(value('${list(any)}', [1, 'a'])).toEqual(['1', 'a']);
  });
  it('applies optional() defaults and drops extra attributes', () => {
    const t = '${object({ http_tokens = optional(string, "required"), n = optional(number) })}';
    expect(value(t, {})).toEqual({ http_tokens: 'required', n: null });
    expect(value(t, { http_tokens: null, extra: 1 })).toEqual({ http_tokens: 'required', n: null });
    expect(value(t, { http_tokens: 'optional', n: '2' })).toEqual({ http_tokens: 'optional', n: 2 });
    expect(value('${list(object({ a = optional(bool, true) }))}', [{}, { a: false }])).toEqual([{ a: true }, { a: false }]);
  });
  it('gives a non-nullable variable its default for a null', () => {
    expect(value('${string}', null, { default: 'd', nullable: false })).toBe('d');
    expect(value('${string}', null, { default: 'd', nullable: true })).toBe(null);
    expect(value('${string}', undefined, { default: 'd' })).toBe('d');
  });
  it('is unknown with the reason when the value does not convert', () => {
    expect(isUnknownWith(value('${number}', 'abc'), /invalid value/)).toBe(true);
    expect(isUnknownWith(value('${object({ a = string })}', {}), /invalid value/)).toBe(true);
    expect(isUnknownWith(value('${bool}', 'True'), /lowercase/)).toBe(true);
  });
});
