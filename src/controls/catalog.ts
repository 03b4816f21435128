// controls: the rule catalog (dist/catalog.json), generated at build time from each rule's METADATA.
import type { Catalog, RuleMeta } from '../model/types.js';
import { isSeverity } from '../model/types.js';

export class CatalogError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CatalogError';
  }
}

export interface CatalogIndex {
  catalog: Catalog;
  byPackage: Map<string, RuleMeta>;
  byId: Map<string, RuleMeta>;
}

/** Check the catalog's shape at load time: a broken dist/ must fail loudly, not mislabel findings. */
export function indexCatalog(raw: unknown): CatalogIndex {
  const c = raw as Catalog;
  if (!c || !Array.isArray(c.rules)) throw new CatalogError('catalog has no rules list');
  const byPackage = new Map<string, RuleMeta>();
  const byId = new Map<string, RuleMeta>();
  for (const r of c.rules) {
    if (typeof r.id !== 'string' || typeof r.package !== 'string' || !isSeverity(r.severity)) {
      throw new CatalogError(`catalog entry is malformed: ${JSON.stringify(r).slice(0, 120)}`);
    }
    if (byId.has(r.id)) throw new CatalogError(`rule id ${r.id} appears twice in the catalog`);
    byPackage.set(r.package, r);
    byId.set(r.id, r);
  }
  return { catalog: c, byPackage, byId };
}

/** Rule id <-> Rego package leaf: VMH-AWS-001 <-> vmh_aws_001. */
export function packageForId(id: string): string {
  return id.toLowerCase().replace(/-/g, '_');
}
