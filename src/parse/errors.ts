// The parse stage's errors: a file that is not valid syntax, located at the first problem (thrown by
// the HCL parsers, fast-hcl.ts and the reference in hcl2json-adapter.ts, and the JSON parser), and
// the reference parser itself failing.
import type { SourceRange } from '../model/types.js';

export class HclSyntaxError extends Error {
  constructor(
    message: string,
    readonly range: SourceRange,
  ) {
    super(message);
    this.name = 'HclSyntaxError';
  }
}

/**
 * hcl2json itself failed (not a diagnostic about the file): typically the call stack ran out on deep
 * nesting. The Go runtime is left in an unknown state: a later call could abort the whole process
 * (Go's "fatal error" exits it), so every later call in this thread fails fast with this error.
 */
export class HclParserCrash extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HclParserCrash';
  }
}
