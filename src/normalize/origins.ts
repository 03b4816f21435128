// Where a resource attribute's value came from when a variable file set it: a finding about
// `cidr_blocks` whose "0.0.0.0/0" was written in prod.tfvars points there too (SARIF
// relatedLocations, a line in the message). Followed through locals and module inputs; an
// attribute's origins are the var-file assignments of every root variable its expression reads.
import type { PathSegment } from '../model/locations.js';
import type { PathOrigins, ValueOrigin } from '../model/entities.js';

const REF = /\b(var|local)\.([A-Za-z_][A-Za-z0-9_-]*)/g;

/** var.* and local.* names an hcl2json value's expressions mention. */
function namesIn(raw: unknown, out: { vars: Set<string>; locals: Set<string> }): void {
  if (typeof raw === 'string') {
    if (!raw.includes('${') && !raw.includes('%{')) return;
    for (const m of raw.matchAll(REF)) (m[1] === 'var' ? out.vars : out.locals).add(m[2]!);
  } else if (Array.isArray(raw)) for (const x of raw) namesIn(x, out);
  else if (typeof raw === 'object' && raw !== null) for (const x of Object.values(raw)) namesIn(x, out);
}

/** Origins of one expression: its variables' origins, and those of the locals it reads (transitively). */
export function originsOf(raw: unknown, vars: ReadonlyMap<string, ValueOrigin[]>, localsRaw: ReadonlyMap<string, unknown>): ValueOrigin[] {
  const seen = new Set<string>();
  const out = new Map<string, ValueOrigin>();
  const visit = (x: unknown): void => {
    const names = { vars: new Set<string>(), locals: new Set<string>() };
    namesIn(x, names);
    for (const v of names.vars) for (const o of vars.get(v) ?? []) out.set(`${o.file}:${o.line}:${o.variable}`, o);
    for (const l of names.locals) {
      if (seen.has(l) || !localsRaw.has(l)) continue;
      seen.add(l);
      visit(localsRaw.get(l));
    }
  };
  if (vars.size) visit(raw);
  return [...out.values()];
}

/** Every attribute path of a block body whose expression has origins (nested blocks included). */
export function bodyOrigins(body: Record<string, unknown>, vars: ReadonlyMap<string, ValueOrigin[]>, localsRaw: ReadonlyMap<string, unknown>): PathOrigins[] {
  if (!vars.size) return [];
  const out: PathOrigins[] = [];
  const walk = (b: Record<string, unknown>, prefix: PathSegment[]): void => {
    for (const [k, v] of Object.entries(b)) {
      if (k === 'dynamic') continue;
      if (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'object' && x !== null && !Array.isArray(x))) {
        v.forEach((blk, i) => walk(blk as Record<string, unknown>, [...prefix, k, i]));
        continue;
      }
      const origins = originsOf(v, vars, localsRaw);
      if (origins.length) out.push({ path: [...prefix, k], origins });
    }
  };
  walk(body, []);
  return out;
}
