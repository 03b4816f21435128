// Terraform's JSON syntax lets every label level of a block be an object or an array of objects:
//   "resource": [{ "aws_security_group": { "a": {...} } }]   and   "resource": { "aws_security_group": [{ "a": {...} }] }
// mean what "resource": { "aws_security_group": { "a": {...} } } means. The normalizer reads the
// plain nesting (hcl2json's shape: the bodies of one label path in one list), so a file written the
// other way had its resources silently missing: a security group open to the world was never seen.
// joinLabelArrays gives the plain nesting, and the locations moved with it.
import { LocationIndex, PATH_SEP, pathKey, type PathSegment } from '../model/locations.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** How many labels each Terraform block type has (those without labels are read as they are). */
const LABELS: Readonly<Record<string, number>> = { resource: 2, data: 2, ephemeral: 2, module: 1, provider: 1, variable: 1, output: 1, check: 1 };

/** Where a part of the source now sits: source path -> path in the joined body. */
type Move = [from: PathSegment[], to: PathSegment[]];

/** Whether an array stands where a label is expected, anywhere in the body (the plain nesting: nothing to do). */
function hasLabelArray(v: unknown, labels: number): boolean {
  if (labels === 0) return false;
  if (Array.isArray(v)) return true;
  return isObj(v) && Object.values(v).some((x) => hasLabelArray(x, labels - 1));
}

/**
 * One block type's value joined into the plain nesting: `labels` levels of objects whose last holds
 * a list of bodies. Parts that are not objects are kept where they were (the normalizer reports them
 * as it always did).
 */
function join(v: unknown, from: PathSegment[], to: PathSegment[], labels: number, out: Obj, moves: Move[], aliases: Move[]): void {
  const parts: Array<[unknown, PathSegment[]]> = Array.isArray(v) ? v.map((x, i) => [x, [...from, i]]) : [[v, from]];
  for (const [x, p] of parts) {
    if (!isObj(x)) continue;
    for (const [label, sub] of Object.entries(x)) {
      if (labels === 1) {
        const list = (Array.isArray(out[label]) ? out[label] : (out[label] = [])) as unknown[];
        const bodies: Array<[unknown, PathSegment[]]> = Array.isArray(sub) ? sub.map((b, i) => [b, [...p, label, i]]) : [[sub, [...p, label]]];
        for (const [b, bp] of bodies) {
          moves.push([bp, [...to, label, list.length]]);
          list.push(b);
        }
        aliases.push([[...p, label], [...to, label]]);
      } else {
        const next = (isObj(out[label]) ? out[label] : (out[label] = {})) as Obj;
        moves.push([[...p, label], [...to, label]]);
        join(sub, [...p, label], [...to, label], labels - 1, next, moves, aliases);
      }
    }
  }
}

/** The body in the plain nesting and its locations, or undefined when it is in it already. */
export function joinLabelArrays(body: Obj, locations: LocationIndex): { body: Obj; locations: LocationIndex } | undefined {
  const types = Object.keys(body).filter((k) => LABELS[k] !== undefined && hasLabelArray(body[k], LABELS[k]!));
  if (types.length === 0) return undefined;
  const out: Obj = { ...body };
  const moves: Move[] = [];
  // The last label's own path: a body written as an object sits there too, so it is located at
  // both (location lookups walk a path one existing segment at a time).
  const aliases: Move[] = [];
  for (const t of types) {
    const joined: Obj = {};
    join(body[t], [t], [t], LABELS[t]!, joined, moves, aliases);
    out[t] = joined;
  }
  // Every location under a moved part goes where the part went (the longest source prefix wins;
  // the first location set for a path wins, as always).
  const byKey = moves.map(([from, to]) => [pathKey(from), pathKey(to)] as const).sort((a, b) => b[0].length - a[0].length);
  const moved = locations.entries().map(([k, r]): [string, typeof r] => {
    const m = byKey.find(([f]) => k === f || k.startsWith(f + PATH_SEP));
    return [m ? m[1] + k.slice(m[0].length) : k, r];
  });
  for (const [from, to] of aliases) {
    const r = locations.get(from);
    if (r) moved.push([pathKey(to), r]);
  }
  return { body: out, locations: LocationIndex.fromEntries(moved, []) };
}

/** The unlabelled block types whose bodies are read as bodies (`"//"` is a comment in them). */
const UNLABELLED = ['terraform', 'locals', 'moved', 'import', 'removed'];
/** Meta blocks inside a block body whose own bodies are bodies too (labels each has). */
const NESTED_BODIES: Readonly<Record<string, number>> = { lifecycle: 0, connection: 0, provisioner: 1, dynamic: 1, precondition: 0, postcondition: 0, validation: 0, assert: 0, content: 0 };

/** A body without its "//" properties (the same object when it has none). */
function uncommented(b: unknown, nested: boolean): unknown {
  if (Array.isArray(b)) {
    const out = b.map((x) => uncommented(x, nested));
    return out.some((x, i) => x !== b[i]) ? out : b;
  }
  if (!isObj(b)) return b;
  let out: Obj | undefined;
  if ('//' in b) {
    out = { ...b };
    delete out['//'];
  }
  if (nested) {
    for (const [k, labels] of Object.entries(NESTED_BODIES)) {
      if (!(k in b)) continue;
      const next = underLabels(b[k], labels, (x) => uncommented(x, true));
      if (next !== b[k]) (out ??= { ...b })[k] = next;
    }
  }
  return out ?? b;
}

/** f applied to what sits `labels` object levels below v (the same value when nothing changes). */
function underLabels(v: unknown, labels: number, f: (b: unknown) => unknown): unknown {
  if (labels === 0) return f(v);
  if (!isObj(v)) return v;
  let out: Obj | undefined;
  for (const [k, x] of Object.entries(v)) {
    const next = underLabels(x, labels - 1, f);
    if (next !== x) (out ??= { ...v })[k] = next;
  }
  return out ?? v;
}

/**
 * A JSON syntax body with its comments dropped: HCL ignores a property named "//" in an object that
 * is a body (the file, a block, a lifecycle, a dynamic block's content), not in an attribute's value
 * (`"tags": {"//": "x"}` is a key) nor at a label level. Undefined when there are none.
 */
export function dropJsonComments(body: Obj): Obj | undefined {
  const out = uncommented(body, false) as Obj;
  const result: Obj = out === body ? { ...body } : out;
  let changed = out !== body;
  for (const [t, v] of Object.entries(body)) {
    const labels = LABELS[t] ?? (UNLABELLED.includes(t) ? 0 : undefined);
    if (labels === undefined) continue;
    // locals is a body of attributes only: no nested bodies in it.
    const next = underLabels(v, labels, (b) => uncommented(b, t !== 'locals'));
    if (next !== v) {
      result[t] = next;
      changed = true;
    }
  }
  return changed ? result : undefined;
}

/** A .tfvars.json body without its "//" comment property (undefined when it has none). */
export function dropTopComment(body: Obj): Obj | undefined {
  const out = uncommented(body, false) as Obj;
  return out === body ? undefined : out;
}
