// Recognise a legacy Packer template by its content: a JSON file whose top-level object has a
// `builders` key, whatever the file is called (template.json, ubuntu.json, packer.json). Read in
// chunks and stopped as soon as the answer is known: the first byte that is not `{`, the `builders`
// key, or the end of the top-level object. Nothing is parsed into values.
import path from 'node:path';
import { readWorkspaceChunks } from '../util/workspace-read.js';

/** Longest key text decoded (a `builders` key written with escapes is still far shorter). */
const MAX_KEY_CHARS = 256;

/** A streaming scanner over JSON text that reports whether the top level has a given key. */
export class TopLevelKeyScanner {
  private depth = 0;
  private started = false;
  private inString = false;
  private escaped = false;
  /** Text of the current string when it may be a top-level key (depth 1, in key position). */
  private key: string | undefined;
  /** The last top-level string ended and only whitespace followed: a ':' makes it a key. */
  private pendingKey: string | undefined;
  private expectKey = false;
  /** 'yes' / 'no' once decided; undefined while more text is needed. */
  answer: 'yes' | 'no' | undefined;

  constructor(private readonly wanted: string) {}

  feed(text: string): void {
    for (let i = 0; i < text.length && this.answer === undefined; i++) this.step(text[i]!);
  }

  /** End of input: whatever was not decided is a no. */
  end(): 'yes' | 'no' {
    return (this.answer ??= 'no');
  }

  private step(c: string): void {
    if (!this.started) {
      if (c === '\ufeff' || c === ' ' || c === '\t' || c === '\n' || c === '\r') return;
      if (c !== '{') {
        this.answer = 'no';
        return;
      }
      this.started = true;
      this.depth = 1;
      this.expectKey = true;
      return;
    }
    if (this.inString) {
      if (this.key !== undefined && this.key.length <= MAX_KEY_CHARS) this.key += c;
      if (this.escaped) this.escaped = false;
      else if (c === '\\') this.escaped = true;
      else if (c === '"') {
        this.inString = false;
        if (this.key !== undefined) this.pendingKey = this.key.slice(0, -1);
        this.key = undefined;
      }
      return;
    }
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') return;
    if (c === ':' && this.pendingKey !== undefined) {
      if (this.decode(this.pendingKey) === this.wanted) this.answer = 'yes';
      this.pendingKey = undefined;
      this.expectKey = false;
      return;
    }
    this.pendingKey = undefined;
    switch (c) {
      case '"':
        this.inString = true;
        this.key = this.depth === 1 && this.expectKey ? '' : undefined;
        return;
      case '{':
      case '[':
        this.depth++;
        return;
      case '}':
      case ']':
        this.depth--;
        if (this.depth <= 0) this.answer = 'no';
        return;
      case ',':
        if (this.depth === 1) this.expectKey = true;
        return;
      default:
        return;
    }
  }

  private decode(raw: string): string | undefined {
    if (!raw.includes('\\')) return raw;
    try {
      return JSON.parse(`"${raw}"`) as string;
    } catch {
      return undefined;
    }
  }
}

/**
 * True when the file at absPath is JSON whose top-level object has a `builders` key. Reads at most
 * maxBytes (a larger template is not scanned anyway); an unreadable file is not a template.
 */
export async function isLegacyPackerTemplate(absPath: string, maxBytes: number, root = path.dirname(absPath)): Promise<boolean> {
  try {
    const scanner = new TopLevelKeyScanner('builders');
    const decoder = new TextDecoder('utf-8');
    // Through the workspace reader: confined, regular files only, stopped at the answer.
    readWorkspaceChunks(root, absPath, maxBytes, (chunk) => {
      scanner.feed(decoder.decode(chunk, { stream: true }));
      return scanner.answer === undefined;
    });
    return scanner.end() === 'yes';
  } catch {
    return false;
  }
}
