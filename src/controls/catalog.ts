// controls: the rule catalog (dist/catalog.json), generated at build time from each rule's METADATA.
import type { Catalog, RuleMeta } from '../model/types.js';
import { isSeverity } from '../model/types.js';
import { compareUtf8 } from '../util/byte-order.js';

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

/**
 * The built-in catalog joined with extra bundles' catalogs (users' own rules). Ids must not clash:
 * a user rule cannot shadow a built-in one. Controls gain the extra rules that cite them.
 */
export function mergeCatalogs(base: CatalogIndex, extras: Array<{ index: CatalogIndex; source: string }>): CatalogIndex {
  if (!extras.length) return base;
  const rules = [...base.catalog.rules];
  const controls = structuredClone(base.catalog.controls);
  for (const { index, source } of extras) {
    for (const r of index.catalog.rules) {
      if (rules.some((x) => x.id === r.id || x.package === r.package)) {
        throw new CatalogError(`policy bundle ${source}: rule ${r.id} clashes with a rule already loaded`);
      }
      rules.push(r);
      for (const fw of ['iso27017', 'iso27002', 'soc2'] as const) {
        for (const id of r.controls[fw]) {
          const c = (controls[fw][id] ??= { title: index.catalog.controls?.[fw]?.[id]?.title ?? id, rules: [] });
          if (!c.rules.includes(r.id)) c.rules.push(r.id);
        }
      }
    }
  }
  rules.sort((a, b) => compareUtf8(a.id, b.id));
  return indexCatalog({ ...base.catalog, rules, controls });
}
