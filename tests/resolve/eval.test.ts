import { describe, expect, it } from 'vitest';
import { evalString, type RefResolver, type Scope } from '../../src/resolve/eval.js';
import { parseExpressionText } from '../../src/parse/fast-hcl.js';
import type { Value } from '../../src/resolve/values.js';
import { fromPlain } from '../../src/resolve/cty.js';

const vars: Record<string, Value> = {
  env: 'prod',
  port: 443,
  enabled: true,
  tags: { Team: 'core' },
  names: ['a', 'b'],
  cidr: '10.0.0.0/16',
  obj: { inner: { tokens: 'required' } },
};
const locals: Record<string, Value> = { sg: { __unknown__: 'aws_security_group.web.id' }, vpc: { __unknown__: 'aws_vpc.main' } };

const resolver: RefResolver = {
  ref(root, steps) {
    const name = steps[0]?.attr;
    if (root === 'var' && name !== undefined) return { value: fromPlain(name in vars ? vars[name]! : { __unknown__: `var.${name}` }), used: 1 };
    if (root === 'local' && name !== undefined && name in locals) return { value: fromPlain(locals[name]!), used: 1 };
    return undefined;
  },
};
const scope: Scope = { resolver, bindings: new Map() };
const ev = (s: string): Value => evalString(s, scope);

describe('expressions', () => {
  it('parses precedence and conditionals', () => {
    expect(ev('${1 + 2 * 3}')).toBe(7);
    expect(ev('${(1 + 2) * 3}')).toBe(9);
    expect(ev('${var.port == 443 && !false ? "https" : "http"}')).toBe('https');
    expect(ev('${-var.port}')).toBe(-443);
    expect(ev('${5 % 3 >= 2 || false}')).toBe(true);
    expect(parseExpressionText('a.b[0].c').k).toBe('ref');
  });

  it('evaluates variables, templates and escapes', () => {
    expect(ev('app-${var.env}')).toBe('app-prod');
    expect(ev('${var.port}')).toBe(443); // a lone interpolation keeps its type
    expect(ev('port ${var.port}')).toBe('port 443');
    expect(ev('$${literal} ${var.env}')).toBe('${literal} prod');
    expect(ev('${"a\\"b-${var.env}"}')).toBe('a"b-prod');
    expect(ev('${var.obj.inner.tokens}')).toBe('required');
    expect(ev('${var.tags["Team"]}')).toBe('core');
  });

  it('keeps unknown values unknown, with the expression as text', () => {
    expect(ev('${var.missing}')).toEqual({ __unknown__: 'var.missing' });
    expect(ev('${var.missing.field}')).toEqual({ __unknown__: 'var.missing.field' });
    expect(ev('x-${var.missing}')).toEqual({ __unknown__: 'x-${var.missing}' });
    expect(ev('${var.missing ? "a" : "b"}')).toEqual({ __unknown__: 'var.missing ? "a" : "b"' });
    expect(ev('${aws_vpc.main.id}')).toEqual({ __unknown__: 'aws_vpc.main.id' });
    expect(ev('${aws_vpc.main[var.env].id}')).toEqual({ __unknown__: 'aws_vpc.main["prod"].id' });
    expect(ev('${data.aws_ami.x.id}')).toEqual({ __unknown__: 'data.aws_ami.x.id' });
    expect(ev('${local.sg}')).toEqual({ __unknown__: 'aws_security_group.web.id' });
    expect(ev('${local.vpc.id}')).toEqual({ __unknown__: 'aws_vpc.main.id' });
    expect(ev('${[local.sg, "sg-1"]}')).toEqual([{ __unknown__: 'aws_security_group.web.id' }, 'sg-1']);
    expect(ev('${file("x.sh")}')).toEqual({ __unknown__: 'file("x.sh")' });
    expect(ev('${upper(var.missing)}')).toEqual({ __unknown__: 'upper(var.missing)' });
    expect(ev('${1 + }')).toEqual({ __unknown__: '1 +' });
    expect(ev('x %{if true}y%{endif}')).toBe('x y'); // OpenTofu evaluates template directives
  });

  it('evaluates the common functions', () => {
    expect(ev('${merge(var.tags, {Name = "web-${var.env}"})}')).toEqual({ Team: 'core', Name: 'web-prod' });
    expect(ev('${concat(var.names, ["c"])}')).toEqual(['a', 'b', 'c']);
    expect(ev('${lookup(var.tags, "Owner", "none")}')).toBe('none');
    expect(ev('${try(var.obj.nope, "fallback")}')).toBe('fallback');
    expect(ev('${try(var.missing, "fallback")}')).toEqual({ __unknown__: 'try(var.missing, "fallback")' });
    expect(ev('${can(var.obj.nope)}')).toBe(false);
    expect(ev('${coalesce("", null, "x")}')).toBe('x');
    expect(ev('${length(var.names)}')).toBe(2);
    expect(ev('${length([local.sg, "x"])}')).toBe(2);
    expect(ev('${toset(["a", "a", "b"])}')).toEqual(['a', 'b']);
    expect(ev('${jsonencode({b = 1, a = [true]})}')).toBe('{"a":[true],"b":1}');
    expect(ev('${format("%s-%03d", var.env, 7)}')).toBe('prod-007');
    expect(ev('${lower("ABC")}${upper("d")}')).toBe('abcD');
    expect(ev('${cidrsubnet(var.cidr, 8, 2)}')).toBe('10.0.2.0/24');
    expect(ev('${cidrhost("10.0.1.0/24", 5)}')).toBe('10.0.1.5');
    expect(ev('${element(var.names, 3)}')).toBe('b');
    expect(ev('${join(",", var.names)}')).toBe('a,b');
  });

  it('evaluates for expressions and splats', () => {
    expect(ev('${[for n in var.names : upper(n) if n != "b"]}')).toEqual(['A']);
    expect(ev('${{for i, n in var.names : n => i}}')).toEqual({ a: 0, b: 1 });
    expect(ev('${{ for k, v in var.tags : lower(k) => v }}')).toEqual({ team: 'core' });
    expect(ev('${[{a = 1}, {a = 2}][*].a}')).toEqual([1, 2]);
    expect(ev('${[for n in var.missing : n]}')).toEqual({ __unknown__: '[for n in var.missing : n]' });
  });
});
