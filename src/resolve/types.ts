// Variable type constraints (HCL's ext/typeexpr as OpenTofu uses it): `type = list(object({ a =
// optional(string, "x") }))` -> a cty type with optional attributes and their defaults, and the value
// a variable gets from what it was given (OpenTofu's prepareFinalInputVariableValue: nullable, default,
// optional() defaults, conversion).
import type { Node } from '../parse/ast.js';
import { ParseError } from '../parse/ast.js';
import { convert } from './convert.js';
import { BOOL, DYN, NUMBER, STRING, isNull, listOf, mapOf, objectOf, setOf, tupleOf, unk, type Type, type Val } from './cty.js';
import { evaluate, parseCached, type ExpressionLookup, type Scope } from './eval.js';
import { EvalError } from './values.js';

const NO_REFS: Scope = { resolver: { ref: () => undefined }, bindings: new Map() };

/**
 * The type a `type` attribute (hcl2json's "${...}" text, or a legacy quoted name) declares; `exprs`:
 * the trees of its file's strings.
 */
export function parseTypeConstraint(raw: unknown, exprs?: ExpressionLookup): Type | undefined {
  if (typeof raw !== 'string') return undefined;
  // `type = "string"` (quoted, Terraform 0.11's form): OpenTofu refuses it ("Invalid quoted type constraints").
  if (raw === 'string' || raw === 'list' || raw === 'map') throw new EvalError(`invalid quoted type constraint "${raw}": write the type without quotes`);
  const node = exprs?.get(raw) ?? parseCached(raw);
  if (node instanceof ParseError) throw new EvalError(`invalid type constraint ${raw}`);
  return typeOf(node, false);
}

/**
 * The type a JSON syntax `"type"` string declares: OpenTofu reads the string as a native expression
 * ("list(string)", "string"), so a keyword is not the legacy quoted form here; a template is refused.
 */
export function parseJsonTypeConstraint(raw: unknown): Type | undefined {
  if (typeof raw !== 'string') return undefined;
  if (raw.includes('${') || raw.includes('%{')) throw new EvalError(`invalid type constraint ${JSON.stringify(raw)}: a type is not a template`);
  const node = parseCached(`\${${raw}}`);
  if (node instanceof ParseError) throw new EvalError(`invalid type constraint ${raw}`);
  return typeOf(node, false);
}

function typeOf(n: Node, inObject: boolean): Type {
  void inObject;
  if (n.k === 'tmpl' && n.parts.length === 1 && typeof n.parts[0] !== 'string' && 'k' in n.parts[0]! && n.parts[0].k !== 'tif' && n.parts[0].k !== 'tfor') {
    return typeOf(n.parts[0] as Node, inObject);
  }
  if (n.k === 'ref' && n.steps.length === 0) {
    switch (n.root) {
      case 'string':
        return STRING;
      case 'number':
        return NUMBER;
      case 'bool':
        return BOOL;
      case 'any':
        return DYN;
      case 'list':
        return listOf(DYN);
      case 'map':
        return mapOf(DYN);
      case 'set':
        return setOf(DYN);
    }
  }
  if (n.k === 'call') {
    const one = (): Node => {
      if (n.args.length !== 1) throw new EvalError(`${n.name}() takes one type argument`);
      return n.args[0]!;
    };
    switch (n.name) {
      case 'list':
        return listOf(typeOf(one(), false));
      case 'set':
        return setOf(typeOf(one(), false));
      case 'map':
        return mapOf(typeOf(one(), false));
      case 'tuple': {
        const a = one();
        if (a.k !== 'tuple') throw new EvalError('tuple() takes a list of types');
        return tupleOf(a.items.map((x) => typeOf(x, false)));
      }
      case 'object': {
        const a = one();
        if (a.k !== 'object') throw new EvalError('object() takes an object of attribute types');
        const attrs = new Map<string, Type>();
        const optional = new Map<string, Val | undefined>();
        for (const it of a.items) {
          const key = attrName(it.key);
          const v = it.value;
          if (v.k === 'call' && v.name === 'optional') {
            if (v.args.length < 1 || v.args.length > 2) throw new EvalError('optional() takes a type and an optional default');
            const t = typeOf(v.args[0]!, true);
            attrs.set(key, t);
            const def = v.args[1] ? evaluate(v.args[1], NO_REFS) : undefined;
            optional.set(key, def ? convert(def, t) : undefined);
          } else attrs.set(key, typeOf(v, true));
        }
        return objectOf(attrs, optional);
      }
    }
  }
  throw new EvalError(`invalid type constraint ${n.src}`);
}

function attrName(k: Node): string {
  if (k.k === 'lit' && typeof k.v === 'string') return k.v;
  if (k.k === 'ref' && k.steps.length === 0) return k.root;
  throw new EvalError('an object type attribute name must be a name');
}

export interface VariableDecl {
  name: string;
  type?: Type;
  /** The default, as given (before conversion), if any. */
  default?: Val;
  nullable: boolean;
}

/**
 * The value of a variable: the given value (tfvars, -var-file, module argument) or the default;
 * a null given to a non-nullable variable takes the default; then the type's optional() defaults and
 * the conversion to the type. An error (a value of the wrong type) is an unknown value with the reason.
 */
export function variableValue(decl: VariableDecl, given: Val | undefined): Val {
  let v = given;
  if (v === undefined) {
    if (decl.default === undefined) return unk(`var.${decl.name}`);
    v = decl.default;
  }
  if (isNull(v) && !decl.nullable) {
    if (decl.default === undefined || isNull(decl.default)) return unk(`var.${decl.name} (error: the variable is not nullable and no default is set)`);
    v = decl.default;
  }
  if (!decl.type) return v;
  try {
    return convert(v, decl.type);
  } catch (e) {
    if (e instanceof EvalError) return unk(`var.${decl.name} (error: invalid value for the variable: ${e.message})`);
    throw e;
  }
}
