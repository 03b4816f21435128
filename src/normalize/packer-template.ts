// The template engine of legacy (JSON) Packer templates, statically: strings hold Go-template
// actions `{{ ... }}`. Only {{user `name`}} can be known before a build runs (from the template's
// `variables` and -var-file JSON); every other action ({{env}}, {{timestamp}}, {{isotime}},
// {{uuid}}, {{ .Name }}, {{build}}, pipelines, ...) is unknown, never its own text taken as a value.
// `${...}` means nothing to this engine: a shell line "echo ${HOME}" stays a literal.
import type { UnknownValue, Value } from '../model/input.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const unknownOf = (expr: string): UnknownValue => ({ __unknown__: expr });
const isUnknownValue = (v: unknown): v is UnknownValue => isObj(v) && typeof v.__unknown__ === 'string';

/** One piece of a template string: literal text, or an action's inner text. */
type Piece = { text: string } | { action: string; raw: string };

/**
 * Split a template string into text and actions. An action ends at the first `}}` outside a quoted
 * or raw (backtick) string; `{{-` and `-}}` trim the whitespace beside them, as Go templates do.
 * Undefined when an action is never closed (Packer rejects such a template: it is not a value).
 */
export function templatePieces(s: string): Piece[] | undefined {
  const pieces: Piece[] = [];
  let text = '';
  let i = 0;
  let trimNext = false;
  while (i < s.length) {
    const open = s.indexOf('{{', i);
    let literal = open < 0 ? s.slice(i) : s.slice(i, open);
    if (trimNext) literal = literal.replace(/^\s+/, '');
    trimNext = false;
    if (open < 0) {
      text += literal;
      break;
    }
    let start = open + 2;
    if (s[start] === '-' && /\s/.test(s[start + 1] ?? '')) {
      literal = literal.replace(/\s+$/, '');
      start += 1;
    }
    text += literal;
    let j = start;
    let quote: string | undefined;
    for (; j < s.length; j++) {
      const c = s[j]!;
      if (quote) {
        if (c === '\\' && quote === '"') j++;
        else if (c === quote) quote = undefined;
      } else if (c === '"' || c === '`' || c === "'") quote = c;
      else if (c === '}' && s[j + 1] === '}') break;
    }
    if (j >= s.length) return undefined;
    let inner = s.slice(start, j);
    if (/\s-$/.test(inner)) {
      inner = inner.slice(0, -1);
      trimNext = true;
    }
    if (text) pieces.push({ text });
    text = '';
    pieces.push({ action: inner.trim(), raw: s.slice(open, j + 2) });
    i = j + 2;
  }
  if (text) pieces.push({ text });
  return pieces;
}

/** The variable name of a `user "name"` / user `name` action; undefined for any other action. */
export function userVariableOf(action: string): string | undefined {
  const m = /^user\s+(?:`([^`]*)`|"((?:[^"\\]|\\.)*)")$/.exec(action);
  if (!m) return undefined;
  if (m[1] !== undefined) return m[1];
  try {
    return JSON.parse(`"${m[2]}"`) as string;
  } catch {
    return undefined;
  }
}

/** What a user variable holds: a value, or undefined when the template declares no such variable. */
export type UserLookup = (name: string) => Value | undefined;

/** Packer user variables are strings: a var file's number or boolean reads as its text. */
function asText(v: Value): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** One string of a legacy template, rendered: a known string, or unknown when any action is not known. */
export function renderTemplateString(s: string, user: UserLookup): Value {
  if (!s.includes('{{')) return s;
  const pieces = templatePieces(s);
  if (!pieces) return unknownOf(s);
  let out = '';
  for (const p of pieces) {
    if ('text' in p) {
      out += p.text;
      continue;
    }
    const name = userVariableOf(p.action);
    const value = name === undefined ? undefined : user(name);
    if (value === undefined) return unknownOf(pieces.length === 1 ? p.raw : s);
    // A whole-string reference keeps what is behind it (an unknown's own expression, e.g. {{env `X`}}).
    if (isUnknownValue(value)) return pieces.length === 1 ? value : unknownOf(s);
    const text = asText(value);
    if (text === undefined) return unknownOf(s);
    out += text;
  }
  return out;
}

/** A legacy template value with every string rendered (object keys are taken as written). */
export function renderTemplateValue(v: unknown, user: UserLookup): Value {
  if (typeof v === 'string') return renderTemplateString(v, user);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return v;
  if (Array.isArray(v)) return v.map((x) => renderTemplateValue(x, user));
  if (isObj(v)) {
    const o: { [k: string]: Value } = {};
    for (const [k, x] of Object.entries(v)) o[k] = renderTemplateValue(x, user);
    return o;
  }
  return null;
}

/**
 * The user variables of one legacy template: declared in `variables` (null: required, unknown unless a
 * var file sets it), overridden by -var-file JSON in order (later files win). A default may itself
 * use {{user}} or {{env}}: it is rendered on first use, a cycle is unknown.
 */
export function userVariables(declared: unknown, varFiles: Array<Record<string, unknown>>): UserLookup {
  const raw = new Map<string, unknown>();
  if (isObj(declared)) for (const [k, v] of Object.entries(declared)) raw.set(k, v);
  for (const vf of varFiles) for (const [k, v] of Object.entries(vf)) if (raw.has(k)) raw.set(k, v);
  const done = new Map<string, Value>();
  const busy = new Set<string>();
  const lookup: UserLookup = (name) => {
    if (!raw.has(name)) return undefined;
    const cached = done.get(name);
    if (cached !== undefined) return cached;
    const given = raw.get(name);
    let value: Value;
    if (given === null || given === undefined) value = unknownOf(`{{user \`${name}\`}}`);
    else if (busy.has(name)) return unknownOf(`{{user \`${name}\`}}`);
    else {
      busy.add(name);
      value = renderTemplateValue(given, lookup);
      busy.delete(name);
    }
    done.set(name, value);
    return value;
  };
  return lookup;
}
