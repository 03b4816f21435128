// JSON-syntax Terraform (.tf.json) and Packer (.pkr.json) files: read with a JSON parser that keeps
// offsets, so the same LocationIndex serves them as serves HCL. hcl2json's `parse` rejects JSON.
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { SourceRange } from '../model/types.js';
import { LocationIndex, type PathSegment } from '../model/locations.js';
import { HclSyntaxError } from './errors.js';
import { lineOf, lineStarts } from './lines.js';

function nodeValue(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const o: Record<string, unknown> = {};
      for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (k && v) o[String(k.value)] = nodeValue(v);
      }
      return o;
    }
    case 'array':
      return (node.children ?? []).map(nodeValue);
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
  return { value: nodeValue(root), locations: locations.freeze() };
}
