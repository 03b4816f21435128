#!/usr/bin/env node
// Recall on a deliberately vulnerable repository: Rhino Security Labs' CloudGoat (BSD-3-Clause),
// whose scenarios PyPI ships as Terraform (pip download cloudgoat==2.5.0). Which resource is
// vulnerable is read from the policy input (`controlgate input`), independently of the rules, for
// the patterns our rules claim; each must carry the rule's finding (or the finding that covers it).
//
//   node scripts/peers-fixtures/recall.mjs [--no-build | --dist <dir>] [--details]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const VERSION = '2.5.0';
const cache = path.join(root, '.cache/recall');
const unpacked = path.join(cache, `cloudgoat-${VERSION}`);
if (!existsSync(unpacked)) {
  mkdirSync(cache, { recursive: true });
  execFileSync('pip', ['download', `cloudgoat==${VERSION}`, '--no-deps', '-d', cache], { stdio: ['ignore', 'ignore', 'inherit'] });
  const wheel = readdirSync(cache).find((f) => f.startsWith(`cloudgoat-${VERSION}`) && f.endsWith('.whl'));
  execFileSync('python3', ['-m', 'zipfile', '-e', path.join(cache, wheel), unpacked]);
}
const scenarios = path.join(unpacked, 'cloudgoat', 'scenarios');

let dist = arg('--dist') ? path.resolve(arg('--dist')) : path.join(root, 'dist');
if (!process.argv.includes('--no-build') && !arg('--dist')) {
  dist = path.join(root, '.cache/peers-build');
  execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--out', dist], { stdio: ['ignore', 'ignore', 'inherit'] });
}
const cli = (args) => {
  const r = spawnSync(process.execPath, [path.join(dist, 'cli.js'), ...args], { cwd: scenarios, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`controlgate ${args[0]}: exit ${r.status}\n${r.stderr}`);
  return JSON.parse(r.stdout);
};
const input = cli(['input', '.']);
const scan = cli(['scan', '.', '--format', 'json', '--soft-fail', '--quiet']);

const isUnknown = (x) => x !== null && typeof x === 'object' && typeof x.__unknown__ === 'string';
const blocks = (x) => (Array.isArray(x) ? x : x && typeof x === 'object' && !isUnknown(x) ? [x] : []);
const num = (x) => (typeof x === 'number' ? x : typeof x === 'string' && /^-?\d+$/.test(x) ? Number(x) : undefined);
const world = (cidrs) => (Array.isArray(cidrs) ? cidrs : [cidrs]).some((c) => c === '0.0.0.0/0' || c === '::/0');
const reachesAdmin = (b) => {
  const p = String(b.protocol ?? b.ip_protocol ?? '');
  if (p === '-1' || p === 'all') return true;
  if (!['tcp', '6'].includes(p.toLowerCase())) return false;
  const from = num(b.from_port);
  const to = num(b.to_port);
  if (from === undefined || to === undefined) return false;
  if (from === -1 && to === -1) return true;
  return [22, 3389].some((port) => from <= port && port <= to);
};
const allowsEverything = (doc) => {
  let d;
  try {
    d = typeof doc === 'string' ? JSON.parse(doc) : undefined;
  } catch {
    return false;
  }
  const list = (x) => (Array.isArray(x) ? x : x === undefined ? [] : [x]);
  return list(d?.Statement).some((s) => s.Effect === 'Allow' && list(s.Action).includes('*') && list(s.Resource).includes('*') && !s.Condition);
};

/** Pattern: which resources are vulnerable (from the input), and the rules whose finding counts. */
const PATTERNS = [
  {
    name: 'instances and launch templates without IMDSv2 required',
    rules: ['VMH-AWS-001'],
    match: (r) =>
      ['aws_instance', 'aws_launch_template', 'aws_launch_configuration'].includes(r.type) &&
      !blocks(r.config.metadata_options).some((m) => m.http_tokens === 'required' || m.http_endpoint === 'disabled' || isUnknown(m.http_tokens)) &&
      !isUnknown(r.config.metadata_options),
  },
  {
    name: 'buckets that can be destroyed with their contents',
    rules: ['AST-MULTI-002'],
    match: (r) => ['aws_s3_bucket', 'google_storage_bucket'].includes(r.type) && r.config.force_destroy === true,
  },
  {
    name: 'security groups open to the Internet on SSH, RDP or every port',
    rules: ['NET-AWS-001', 'NET-MULTI-001'],
    match: (r) =>
      (['aws_security_group', 'aws_default_security_group'].includes(r.type) &&
        blocks(r.config.ingress).some((b) => (world(b.cidr_blocks ?? []) || world(b.ipv6_cidr_blocks ?? [])) && reachesAdmin(b))) ||
      (r.type === 'aws_security_group_rule' && r.config.type === 'ingress' && world(r.config.cidr_blocks ?? []) && reachesAdmin(r.config)),
  },
  {
    name: 'IAM policies allowing every action on every resource',
    rules: ['ADM-AWS-001'],
    match: (r) => ['aws_iam_policy', 'aws_iam_role_policy', 'aws_iam_user_policy', 'aws_iam_group_policy'].includes(r.type) && allowsEverything(r.config.policy),
  },
  {
    name: 'the AWS-managed AdministratorAccess policy attached',
    rules: ['ADM-AWS-001'],
    match: (r) => /_policy_attachment$/.test(r.type) && r.config.policy_arn === 'arn:aws:iam::aws:policy/AdministratorAccess',
  },
  {
    name: 'unencrypted EBS volumes',
    rules: ['VMH-AWS-002'],
    match: (r) => r.type === 'aws_ebs_volume' && r.config.encrypted !== true && !isUnknown(r.config.encrypted),
  },
  {
    name: 'publicly accessible databases',
    rules: ['NET-AWS-004', 'NET-AWS-006'],
    match: (r) => ['aws_db_instance', 'aws_redshift_cluster'].includes(r.type) && r.config.publicly_accessible === true,
  },
  {
    name: 'S3 canned ACLs open to everyone',
    rules: ['SEG-AWS-003'],
    match: (r) => ['aws_s3_bucket', 'aws_s3_bucket_acl'].includes(r.type) && ['public-read', 'public-read-write', 'authenticated-read'].includes(r.config.acl),
  },
  {
    name: 'access keys created for users',
    rules: ['ADM-MULTI-001'],
    match: (r) => r.type === 'aws_iam_access_key',
  },
];

const found = new Set();
for (const f of scan.findings) {
  for (const a of [f.resource, ...(f.instances ?? [])]) {
    found.add(`${f.file}\u0000${a}\u0000${f.ruleId}`);
    for (const c of f.covers ?? []) found.add(`${f.file}\u0000${a}\u0000${c.id.split('/')[0]}`);
  }
}
let hits = 0;
let total = 0;
for (const p of PATTERNS) {
  const vulnerable = input.terraform.resources.filter((r) => r.mode === 'managed' && p.match(r));
  const missed = vulnerable.filter((r) => !p.rules.some((id) => found.has(`${r.file}\u0000${r.address}\u0000${id}`)));
  hits += vulnerable.length - missed.length;
  total += vulnerable.length;
  console.log(`${String(vulnerable.length - missed.length).padStart(4)}/${String(vulnerable.length).padEnd(4)} ${p.name} (${p.rules.join(', ')})`);
  if (process.argv.includes('--details')) for (const r of missed) console.log(`       missed: ${r.file} ${r.address}`);
}
console.log(`CloudGoat ${VERSION}: ${hits}/${total} vulnerable resources reported (${total ? ((100 * hits) / total).toFixed(1) : '100.0'} %)`);
