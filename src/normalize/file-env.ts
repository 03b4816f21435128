// What file(), fileexists(), templatefile() and abspath() may see: files of the workspace, named as
// OpenTofu names them (a relative path is relative to the folder OpenTofu runs in, the root
// module's, whatever module calls the function: modules write "${path.module}/x"). A file outside
// the workspace (by real path, so a link cannot lead out), a folder, a FIFO or device, a file
// larger than the limit, or one that is not UTF-8 text is refused: the call's value is unknown.
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { EvalError } from '../resolve/values.js';

/** A file read by a function may be this large; all of them together, this many bytes per scan. */
export const MAX_FUNCTION_FILE_BYTES = 4 * 1024 * 1024;
export const MAX_FUNCTION_FILE_TOTAL = 64 * 1024 * 1024;

export interface WorkspaceFiles {
  /** The text of a file, or an EvalError saying why not. */
  read(name: string): string;
  exists(name: string): boolean;
  /** Absolute, POSIX: the module folder (path.module) and the folder OpenTofu runs in (path.cwd). */
  moduleDir: string;
  cwd: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function inside(root: string, abs: string): boolean {
  const rel = path.relative(root, abs);
  return rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel));
}

/** The reads of one scan: one size budget and one cache, shared by every module instance. */
export class FunctionFiles {
  private readonly cache = new Map<string, string | EvalError>();
  private spent = 0;
  private readonly realRoot: string;

  constructor(private readonly workspace: string) {
    try {
      this.realRoot = realpathSync(workspace);
    } catch {
      this.realRoot = path.resolve(workspace);
    }
  }

  /** The functions' view from one module folder of a root module (both absolute, POSIX). */
  env(moduleDir: string, cwd: string): WorkspaceFiles {
    return {
      moduleDir,
      cwd,
      read: (name) => {
        const r = this.text(path.posix.resolve(cwd, name), name);
        if (r instanceof EvalError) throw r;
        return r;
      },
      exists: (name) => {
        const r = this.text(path.posix.resolve(cwd, name), name);
        if (!(r instanceof EvalError)) return true;
        if (/does not exist/.test(r.message)) return false;
        throw r;
      },
    };
  }

  private text(abs: string, shown: string): string | EvalError {
    let real: string;
    try {
      real = realpathSync(abs);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return new EvalError(code === 'ENOENT' || code === 'ENOTDIR' ? `file ${shown} does not exist` : `file ${shown} cannot be read (${code ?? 'error'})`);
    }
    if (!inside(this.realRoot, real)) return new EvalError(`file ${shown} is outside the workspace: not read`);
    const cached = this.cache.get(real);
    if (cached !== undefined) return cached;
    const r = this.readConfined(real, shown);
    this.cache.set(real, r);
    return r;
  }

  private readConfined(real: string, shown: string): string | EvalError {
    let fd: number;
    try {
      fd = openSync(real, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
    } catch (e) {
      return new EvalError(`file ${shown} cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    try {
      const st = fstatSync(fd);
      if (st.isDirectory()) return new EvalError(`${shown} is a folder, not a file`);
      if (!st.isFile()) return new EvalError(`${shown} is not a regular file: not read`);
      if (st.size > MAX_FUNCTION_FILE_BYTES) return new EvalError(`file ${shown} is larger than ${MAX_FUNCTION_FILE_BYTES} bytes: not read`);
      if (this.spent + st.size > MAX_FUNCTION_FILE_TOTAL) return new EvalError(`files read by functions exceed ${MAX_FUNCTION_FILE_TOTAL} bytes in this scan: ${shown} not read`);
      const buf = Buffer.alloc(st.size + 1);
      let n = 0;
      for (let got = 1; got > 0 && n < buf.length; n += got) got = readSync(fd, buf, n, buf.length - n, null);
      if (n > st.size) return new EvalError(`file ${shown} grew while it was read: not read`);
      this.spent += n;
      try {
        return utf8.decode(buf.subarray(0, n));
      } catch {
        return new EvalError(`the contents of ${shown} are not valid UTF-8`);
      }
    } finally {
      closeSync(fd);
    }
  }
}
