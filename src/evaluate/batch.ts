// evaluate: the input split into one document per folder (a Terraform module's folder, a Packer
// template's folder). Rules only ever look for related resources within a module (references,
// flow logs, associations), so nothing is lost, and the wasm's work stops growing with the square
// of the whole repository: on the 4,900-file corpus one document took 27 s to evaluate, per folder 1.2 s.
import { emptyInput, type PolicyInput } from '../model/input.js';

export function batchByFolder(input: PolicyInput): PolicyInput[] {
  return batchesByFolder(input).map((b) => b.input);
}

/** The same batches with their folder keys (module_dir / template_dir), in folder order. */
export function batchesByFolder(input: PolicyInput): Array<{ folder: string; input: PolicyInput }> {
  const byDir = new Map<string, PolicyInput>();
  const at = (dir: string): PolicyInput => {
    let b = byDir.get(dir);
    if (!b) byDir.set(dir, (b = emptyInput()));
    return b;
  };
  for (const r of input.terraform.resources) at(r.module_dir).terraform.resources.push(r);
  for (const p of input.terraform.providers) at(p.module_dir).terraform.providers.push(p);
  for (const v of input.terraform.variables) at(v.dir).terraform.variables.push(v);
  for (const s of input.packer.sources) at(s.template_dir).packer.sources.push(s);
  for (const b of input.packer.builds) at(b.template_dir).packer.builds.push(b);
  for (const v of input.packer.variables) at(v.dir).packer.variables.push(v);
  return [...byDir.keys()].sort().map((k) => ({ folder: k, input: byDir.get(k)! }));
}
