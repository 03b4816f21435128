// The scan made one group at a time (src/engine/stream.ts): which files each chunk reads and owns,
// and the same findings and evaluations whether every root is its own chunk or all are one.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discover } from '../src/discover/discover.js';
import { DEFAULT_PARSE_OPTIONS, type ParsedFile } from '../src/parse/parse.js';
import { defaultAssetsDir, loadPolicies } from '../src/engine/bundles.js';
import { planChunks, streamScan, type GroupContext } from '../src/engine/stream.js';
import { renderMessage } from '../src/controls/map.js';
import { ownDirectives } from '../src/waivers/inline.js';
import type { DiscoveredFile } from '../src/model/types.js';
import { reachedFolders, rootFolders } from '../src/normalize/groups.js';
import { repoRoot } from './helpers/paths.js';

const file = (p: string, kind: DiscoveredFile['kind'] = 'terraform', size = 10): DiscoveredFile => ({ path: p, absPath: `/w/${p}`, kind, size });

describe('scan groups', () => {
  it('roots are the folders nobody calls; every folder when all are called', () => {
    const calls = new Map([
      ['a', ['../m']],
      ['m', ['./sub', 'terraform-aws-modules/vpc/aws']],
    ]);
    expect(rootFolders(['a', 'm', 'm/sub', 'b'], calls, new Set())).toEqual(['a', 'b']);
    expect(rootFolders(['x', 'y'], new Map([['x', ['../y']], ['y', ['../x']]]), new Set())).toEqual(['x', 'y']);
    expect(reachedFolders('a', new Set(['a', 'm', 'm/sub', 'b']), calls, undefined)).toEqual(['a', 'm', 'm/sub']);
  });

  it('gives each file one owner; a shared module folder is read by every root that calls it', () => {
    const files = [
      file('a/main.tf'),
      file('a/terraform.tfvars', 'terraform-vars'),
      file('b/main.tf'),
      file('c1/main.tf'),
      file('c2/main.tf'),
      file('img/x.pkr.hcl', 'packer'),
      file('m/main.tf'),
      file('vars/prod.tfvars', 'terraform-vars'),
    ];
    const calls = new Map([
      ['a', ['../m']],
      ['b', ['../m']],
      ['c1', ['../c2']],
      ['c2', ['../c1']],
    ]);
    const chunks = planChunks(files, [], { calls }, new Map(), 0);
    const paths = (ix: number[]): string[] => ix.map((i) => files[i]!.path);
    expect(chunks.map((c) => ({ roots: c.roots, reads: paths(c.files), owns: [...c.owned].sort() }))).toEqual([
      { roots: ['a'], reads: ['a/main.tf', 'a/terraform.tfvars', 'm/main.tf'], owns: ['a/main.tf', 'a/terraform.tfvars', 'm/main.tf'] },
      { roots: ['b'], reads: ['b/main.tf', 'm/main.tf'], owns: ['b/main.tf'] },
      { roots: [], reads: ['img/x.pkr.hcl'], owns: ['img/x.pkr.hcl'] },
      // Reached by no root (a cycle beside the roots): their variables and files are still reported.
      { roots: [], reads: ['c1/main.tf', 'c2/main.tf', 'vars/prod.tfvars'], owns: ['c1/main.tf', 'c2/main.tf', 'vars/prod.tfvars'] },
    ]);
    // One chunk for everything when it fits.
    const one = planChunks(files, [], { calls }, new Map(), 1e9);
    expect(one).toHaveLength(1);
    expect(one[0]!.files).toEqual(files.map((_, i) => i));
  });

  it('finds the same on the fixtures with one root per chunk as with every root in one, but where roots leak into each other', async () => {
    const root = path.join(repoRoot, 'fixtures');
    const { files } = await discover(root, ['.']);
    const loaded = await loadPolicies(defaultAssetsDir());
    const ctx: GroupContext = { bundles: [loaded], catalog: loaded.catalog, owns: () => true, settings: undefined, directives: [ownDirectives] };
    const run = async (chunkBytes: number) => {
      const varFiles: ParsedFile[] = [];
      const { collected: c, scanned, errors } = await streamScan(root, files, varFiles, DEFAULT_PARSE_OPTIONS, ctx, () => undefined, chunkBytes);
      const findings = c.findings.toArray(renderMessage).map((f) => JSON.stringify(f)).sort();
      return { findings, scanned, errors, secrets: [...c.secrets].sort(), sensitive: [...c.sensitive].sort(), inline: c.inline.length, resolution: c.resolution };
    };
    const whole = await run(Number.MAX_SAFE_INTEGER);
    const split = await run(0);
    expect(whole.findings.length).toBeGreaterThan(2000);
    const show = (x: string): string => {
      const f = JSON.parse(x) as { id: string; file: string; resource: string; callSite?: { file: string } };
      return `${f.id} ${f.file} ${f.resource}${f.callSite ? ` (from ${f.callSite.file})` : ''}`;
    };
    const only = (a: string[], b: string[]): string[] => a.filter((x) => !b.includes(x)).map(show);
    // Where the roots of one chunk see each other, one root per chunk differs (and is right):
    // - corpus/terraform-aws-vpc is called by 13 example roots: in one document per folder, the
    //   default security group one instance adopts hides that examples/complete's adopts none;
    // - crossModuleMirrors (src/normalize/cross-module.ts) finds an attachment's target by address
    //   over the whole input, and module.vpc.aws_vpc.this[0] and aws_vpc.main are addresses in other
    //   roots too: with every root in one chunk, cross-module's flow logs and default group go to
    //   another root's VPC (cross-module.test.ts scans that folder alone, where they are right).
    expect(only(whole.findings, split.findings)).toEqual([
      'MON-AWS-003 cross-module/vpc/main.tf module.vpc.aws_vpc.this[0] (from cross-module/main.tf)',
      'NET-AWS-002/vpc-default-group cross-module/vpc/main.tf module.vpc.aws_vpc.this[0] (from cross-module/main.tf)',
    ]);
    expect(only(split.findings, whole.findings)).toEqual([
      'MON-AWS-003 cross-module/main.tf aws_vpc.unlogged',
      'MON-AWS-003 rules/SEG-AWS-001/pass/subnets.tf aws_vpc.main',
      'NET-AWS-002 cross-module/main.tf aws_security_group_rule.into_module_default_group',
      'NET-AWS-002/vpc-default-group corpus/terraform-aws-vpc/main.tf module.vpc.aws_vpc.this[0] (from corpus/terraform-aws-vpc/examples/complete/main.tf)',
      'NET-AWS-002/vpc-default-group cross-module/main.tf aws_vpc.main',
      'NET-AWS-002/vpc-default-group cross-module/main.tf aws_vpc.unlogged',
    ]);
    // Everything else is the same: files, errors, secrets, waivers, resolution.
    expect({ ...split, findings: [] }).toEqual({ ...whole, findings: [] });
  }, 120_000);

  it('finds a module call however its block line starts (pass 1 only hints), so the module is never taken for a root', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cg-stream-'));
    mkdirSync(path.join(dir, 'm'));
    mkdirSync(path.join(dir, 'n'));
    const sg = 'variable "cidr" {\n  default = "10.0.0.0/8"\n}\nresource "aws_security_group" "ssh" {\n  name = "ssh"\n  tags = { owner = "net" }\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = [var.cidr]\n  }\n}\n';
    writeFileSync(path.join(dir, 'm', 'main.tf'), sg);
    writeFileSync(path.join(dir, 'n', 'main.tf'), sg);
    // A comment before the block, and a label written without quotes in another file.
    writeFileSync(path.join(dir, 'main.tf'), '/* network */ module "net" {\n  source = "./m"\n  cidr   = "0.0.0.0/0"\n}\n');
    writeFileSync(path.join(dir, 'other.tf'), 'module\tother {\n  source = "./n"\n  cidr   = "0.0.0.0/0"\n}\n');
    const { files } = await discover(dir, ['.']);
    const loaded = await loadPolicies(defaultAssetsDir());
    const ctx: GroupContext = { bundles: [loaded], catalog: loaded.catalog, owns: () => true, settings: undefined, directives: [ownDirectives] };
    // One root per chunk: a call pass 1 missed would leave the module outside its caller's chunk.
    const { collected } = await streamScan(dir, files, [], DEFAULT_PARSE_OPTIONS, ctx, () => undefined, 0);
    const kept = collected.findings.toArray(renderMessage);
    const ssh = kept.filter((f) => f.id === 'NET-AWS-001').map((f) => f.resource).sort();
    expect(ssh).toEqual(['module.net.aws_security_group.ssh', 'module.other.aws_security_group.ssh']);
    expect(kept.map((f) => f.resource).filter((r) => !r.startsWith('module.'))).toEqual([]);
  }, 60_000);
});
