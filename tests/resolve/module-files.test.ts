// Module folders beyond the scanned paths (issue #13): downloaded modules from modules.json, local
// modules elsewhere in the workspace, and the limits on both.
import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempWorkspace } from '../helpers/workspace.js';
import { resolveInput } from '../../src/engine/scan.js';
import { manifestKey, parseManifest, sameModuleSource } from '../../src/normalize/module-files.js';


const manifest = (entries: Array<{ Key: string; Source: string; Dir: string }>): string => JSON.stringify({ Modules: [{ Key: '', Source: '', Dir: '.' }, ...entries] });

async function addresses(root: string, paths: string[]): Promise<Record<string, unknown>> {
  const r = await resolveInput({ root, paths });
  return Object.fromEntries(r.normalized.input.terraform.resources.map((x) => [x.address, x.config.bucket ?? x.config.input]));
}

describe('modules.json (modules downloaded by init)', () => {
  it('evaluates a registry module from the folder its key maps to, with the call inputs', async () => {
    const ws = tempWorkspace({
      'live/main.tf': 'module "logs" {\n  source  = "acme/bucket/aws"\n  version = "1.0.0"\n  name    = "audit"\n}\n',
      'live/.terraform/modules/modules.json': manifest([{ Key: 'logs', Source: 'registry.terraform.io/acme/bucket/aws', Dir: '.terraform/modules/logs' }]),
      'live/.terraform/modules/logs/main.tf': 'variable "name" {}\nresource "aws_s3_bucket" "b" {\n  bucket = "logs-${var.name}"\n}\n',
      'live/.terraform/modules/logs/examples/simple/main.tf': 'resource "aws_s3_bucket" "example" {\n  bucket = "example"\n}\n',
    });
    const r = await resolveInput({ root: ws, paths: ['live'] });
    const res = r.normalized.input.terraform.resources;
    expect(res.map((x) => [x.address, x.config.bucket, x.file])).toEqual([['module.logs.aws_s3_bucket.b', 'logs-audit', 'live/.terraform/modules/logs/main.tf']]);
    expect(r.normalized.summary.remoteModules).toEqual([]);
  });

  it('keeps a module unknown when the manifest is stale (another source) or has no entry', async () => {
    const ws = tempWorkspace({
      'main.tf': 'module "a" {\n  source = "acme/new/aws"\n}\nmodule "b" {\n  source = "git::https://example.com/b.git"\n}\n',
      '.terraform/modules/modules.json': manifest([{ Key: 'a', Source: 'registry.terraform.io/acme/old/aws', Dir: '.terraform/modules/a' }]),
      '.terraform/modules/a/main.tf': 'resource "aws_s3_bucket" "b" {\n  bucket = "stale"\n}\n',
    });
    const r = await resolveInput({ root: ws, paths: ['.'] });
    expect(r.normalized.input.terraform.resources).toEqual([]);
    expect(r.normalized.summary.remoteModules.map((m) => m.module)).toEqual(['module.a', 'module.b']);
  });

  it('never reads a manifest folder outside the workspace', () => {
    expect(parseManifest(manifest([{ Key: 'x', Source: 's', Dir: '../../../etc' }]), 'live')).toEqual(new Map());
    expect(parseManifest(manifest([{ Key: 'x', Source: 's', Dir: '/etc' }]), '.')).toEqual(new Map());
    expect(parseManifest('not json', '.')).toBeUndefined();
    expect([...parseManifest(manifest([{ Key: 'x', Source: 's', Dir: '.terraform/modules/x' }]), 'live')!.values()]).toEqual([{ dir: 'live/.terraform/modules/x', source: 's' }]);
  });

  it('matches recorded sources as init writes them', () => {
    expect(sameModuleSource('registry.terraform.io/acme/vpc/aws', 'acme/vpc/aws')).toBe(true);
    expect(sameModuleSource('registry.opentofu.org/acme/vpc/aws', 'acme/vpc/aws')).toBe(true);
    expect(sameModuleSource('git::https://github.com/acme/vpc.git?ref=v1', 'github.com/acme/vpc?ref=v1')).toBe(true);
    expect(sameModuleSource('registry.terraform.io/acme/vpc/aws', 'acme/other/aws')).toBe(false);
    expect(manifestKey(['app["x"]', 'db[0]'], 'cache')).toBe('app.db.cache');
  });
});

describe('local modules outside the scanned paths', () => {
  it('follows a call to a module folder elsewhere in the workspace, and not beyond it', async () => {
    const ws = tempWorkspace({
      'live/prod/main.tf': 'module "b" {\n  source = "../../modules/bucket"\n  name   = "prod"\n}\nmodule "out" {\n  source = "../../../outside"\n}\n',
      'modules/bucket/main.tf': 'variable "name" {}\nmodule "inner" {\n  source = "../inner"\n}\nresource "aws_s3_bucket" "b" {\n  bucket = "b-${var.name}"\n}\n',
      'modules/inner/main.tf': 'resource "aws_s3_bucket" "i" {\n  bucket = "inner"\n}\n',
    });
    const r = await resolveInput({ root: ws, paths: ['live/prod'] });
    expect(await addresses(ws, ['live/prod'])).toEqual({ 'module.b.aws_s3_bucket.b': 'b-prod', 'module.b.module.inner.aws_s3_bucket.i': 'inner' });
    expect(r.normalized.summary.skipped.map((s) => s.reason)).toEqual([expect.stringMatching(/outside the workspace/)]);
  });

  it('refuses a module folder that is a link out of the workspace', async () => {
    const outside = tempWorkspace({ 'main.tf': 'resource "aws_s3_bucket" "x" {\n  bucket = "outside"\n}\n' });
    const ws = tempWorkspace({ 'live/main.tf': 'module "m" {\n  source = "../mods/m"\n}\n' });
    mkdirSync(path.join(ws, 'mods'));
    symlinkSync(outside, path.join(ws, 'mods', 'm'));
    const r = await resolveInput({ root: ws, paths: ['live'] });
    expect(r.normalized.input.terraform.resources).toEqual([]);
    expect(r.skipped).toContainEqual({ path: 'mods/m', reason: expect.stringMatching(/outside the workspace/) });
  });
});
