// The confined reader (src/util/workspace-read.ts) and lister (src/util/workspace-file.ts): a file is
// read only where its real path is inside the workspace, also when its folder was already read from
// (the reader remembers folders' real paths) and has since been swapped for a link out of it.
import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWorkspaceFile, WorkspaceReadError } from '../src/util/workspace-read.js';
import { listConfined } from '../src/util/workspace-file.js';

const tmp = (name: string): string => mkdtempSync(path.join(tmpdir(), `cg-${name}-`));

function refusal(f: () => unknown): WorkspaceReadError {
  try {
    f();
  } catch (e) {
    if (e instanceof WorkspaceReadError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('readWorkspaceFile', () => {
  it('reads a file inside the workspace and gives its real path', () => {
    const ws = tmp('ws');
    mkdirSync(path.join(ws, 'infra'));
    writeFileSync(path.join(ws, 'infra', 'main.tf'), 'a = 1\n');
    const r = readWorkspaceFile(ws, 'infra/main.tf', 100);
    expect(r.bytes.toString()).toBe('a = 1\n');
    expect(r.real).toBe(path.join(ws, 'infra', 'main.tf'));
  });

  it('refuses a folder swapped for a link out of the workspace after a file in it was read', () => {
    const ws = tmp('ws');
    const out = tmp('out');
    mkdirSync(path.join(ws, 'infra'));
    writeFileSync(path.join(ws, 'infra', 'a.tf'), 'a = 1\n');
    writeFileSync(path.join(ws, 'infra', 'b.tf'), 'b = 1\n');
    writeFileSync(path.join(out, 'b.tf'), 'secret = 1\n');
    expect(readWorkspaceFile(ws, 'infra/a.tf', 100).bytes.toString()).toBe('a = 1\n');
    renameSync(path.join(ws, 'infra'), path.join(ws, 'old'));
    symlinkSync(out, path.join(ws, 'infra'));
    const e = refusal(() => readWorkspaceFile(ws, 'infra/b.tf', 100));
    expect(e.kind).toBe('outside');
    expect(e.message).toMatch(/^file infra\/b\.tf resolves outside the workspace/);
    // Swapped back for a folder: read again.
    rmSync(path.join(ws, 'infra'));
    renameSync(path.join(ws, 'old'), path.join(ws, 'infra'));
    expect(readWorkspaceFile(ws, 'infra/b.tf', 100).bytes.toString()).toBe('b = 1\n');
  });

  it('refuses a file swapped for a link, a FIFO, a folder; says what is missing', () => {
    const ws = tmp('ws');
    const out = tmp('out');
    writeFileSync(path.join(out, 'x.tf'), 'secret = 1\n');
    writeFileSync(path.join(ws, 'x.tf'), 'x = 1\n');
    expect(readWorkspaceFile(ws, 'x.tf', 100).bytes.toString()).toBe('x = 1\n');
    rmSync(path.join(ws, 'x.tf'));
    symlinkSync(path.join(out, 'x.tf'), path.join(ws, 'x.tf'));
    expect(refusal(() => readWorkspaceFile(ws, 'x.tf', 100)).kind).toBe('outside');
    const fifo = path.join(ws, 'p.tf');
    execFileSync('mkfifo', [fifo]);
    const e = refusal(() => readWorkspaceFile(ws, 'p.tf', 100));
    expect([e.kind, e.reason]).toEqual(['not-file', 'is a FIFO (named pipe), not a regular file: not read']);
    mkdirSync(path.join(ws, 'd.tf'));
    expect(refusal(() => readWorkspaceFile(ws, 'd.tf', 100)).kind).toBe('not-file');
    expect([refusal(() => readWorkspaceFile(ws, 'none/.terraform/modules.json', 100)).kind, refusal(() => readWorkspaceFile(ws, 'none.tf', 100)).reason]).toEqual(['missing', 'does not exist']);
    writeFileSync(path.join(ws, 'big.tf'), 'x'.repeat(101));
    expect(refusal(() => readWorkspaceFile(ws, 'big.tf', 100)).kind).toBe('too-large');
  });
});

describe('listConfined', () => {
  it('lists files and folders, a link inside by its target kind, a link out of the workspace as outside', () => {
    const ws = tmp('ws');
    const out = tmp('out');
    mkdirSync(path.join(ws, 'm', 'sub'), { recursive: true });
    writeFileSync(path.join(ws, 'm', 'a.tf'), '');
    symlinkSync(path.join(ws, 'm', 'a.tf'), path.join(ws, 'm', 'in.tf'));
    symlinkSync(out, path.join(ws, 'm', 'out'));
    symlinkSync(path.join(ws, 'nowhere'), path.join(ws, 'm', 'dangling'));
    expect(listConfined(ws, path.join(ws, 'm'))).toEqual([
      { name: 'a.tf', kind: 'file' },
      { name: 'dangling', kind: 'outside' },
      { name: 'in.tf', kind: 'file' },
      { name: 'out', kind: 'outside' },
      { name: 'sub', kind: 'folder' },
    ]);
  });
});
