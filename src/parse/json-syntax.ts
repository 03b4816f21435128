// JSON-syntax Terraform (.tf.json) and Packer (.pkr.json) files: read with a JSON parser that keeps
// offsets, so the same LocationIndex serves them as serves HCL. hcl2json's `parse` rejects JSON.
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { SourceRange } from '../model/types.js';
import { LocationIndex, type PathSegment } from '../model/locations.js';
import { HclSyntaxError } from './errors.js';
import { lineOf, lineStarts } from './lines.js';

/**
 * The value of a JSON node. A key repeated in one object is an error at its second occurrence: HCL's
 * JSON syntax keeps every definition of a repeated property (two "resource" keys are two sets of
 * blocks; a repeated argument is an error), which a plain object cannot hold, and keeping only one
 * would hide the other's blocks from the scan. "__proto__" is an own property, as JSON.parse makes it.
 */
function nodeValue(node: Node, duplicate: (key: Node) => never): unknown {
  switch (node.type) {
    case 'object': {
      const o: Record<string, unknown> = {};
      for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (!k || !v) continue;
        const key = String(k.value);
        if (Object.hasOwn(o, key)) duplicate(k);
        const value = nodeValue(v, duplicate);
        if (key === '__proto__') Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
        else o[key] = value;
      }
      return o;
    }
    case 'array':
      return (node.children ?? []).map((c) => nodeValue(c, duplicate));
    default:
      return node.value;
  }
}

export interface JsonParsed {
  value: unknown;
  locations: LocationIndex;
}

/** Parse strict JSON, recording the lines of every property and array element. */
export function parseJsonWithLocations(text: string): JsonParsed {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  const starts = lineStarts(text);
  if (errors.length || !root) {
    const e = errors[0];
    const line = e ? lineOf(starts, e.offset) : 1;
    const col = e ? e.offset - starts[line - 1]! + 1 : 1;
    const what = e ? printParseErrorCode(e.error) : 'EmptyDocument';
    const more = errors.length > 1 ? ` (+${errors.length - 1} more)` : '';
    throw new HclSyntaxError(`Invalid JSON: ${what}${more}`, { startLine: line, endLine: line, startColumn: col, endColumn: col + 1 });
  }
  const locations = new LocationIndex();
  const range = (n: Node): SourceRange => ({ startLine: lineOf(starts, n.offset), endLine: lineOf(starts, n.offset + n.length) });
  const walk = (n: Node, p: PathSegment[]): void => {
    if (n.type === 'object') {
      for (const prop of n.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (!k || !v) continue;
        const child = [...p, String(k.value)];
        locations.set(child, { startLine: range(prop).startLine, endLine: range(v).endLine });
        walk(v, child);
      }
    } else if (n.type === 'array') {
      (n.children ?? []).forEach((c, i) => {
        const child = [...p, i];
        locations.set(child, range(c));
        walk(c, child);
      });
    }
  };
  walk(root, []);
  const duplicate = (k: Node): never => {
    const line = lineOf(starts, k.offset);
    const col = k.offset - starts[line - 1]! + 1;
    throw new HclSyntaxError(
      `Duplicate key ${JSON.stringify(String(k.value))} in one JSON object: OpenTofu and Packer read every definition of a repeated key, and this scanner would see only one; write the blocks under one key`,
      { startLine: line, endLine: line, startColumn: col, endColumn: col + k.length },
    );
  };
  const value = nodeValue(root, duplicate);
  return { value, locations: locations.freeze() };
}
