// The expression tree of the HCL expression language, as far as Controlgate evaluates it: the parser
// (fast-hcl.ts) builds it, resolve/ evaluates it. Every node keeps its source text: an unknown result
// is reported with the text that produced it.

/** The name a nested splat's `each` expression gives the element (HCL's anonymous symbol: no identifier can be it). */
export const SPLAT_ITEM = '[*]';

export type Step = { k: 'attr'; name: string } | { k: 'index'; key: Node };

/** A template: literal text, interpolations, and %{if}/%{for} directives holding their own parts. */
export type TemplatePart =
  | string
  | Node
  | { k: 'tif'; cond: Node; then: TemplatePart[]; else: TemplatePart[]; src: string }
  | { k: 'tfor'; keyVar?: string; valVar: string; coll: Node; body: TemplatePart[]; src: string };

export type Node =
  | { k: 'lit'; v: null | boolean | number | string; src: string }
  | { k: 'tmpl'; parts: TemplatePart[]; src: string }
  | { k: 'ref'; root: string; steps: Step[]; src: string }
  | { k: 'get'; obj: Node; steps: Step[]; src: string }
  /**
   * `[*]` (full: the steps after it apply to each element) or `.*` (legacy: only attribute steps do).
   * `each`: a splat nested after `[*]` ("a[*].b[*].c"): the expression applied to each element, which
   * it refers to as the name SPLAT_ITEM (then `steps` is empty).
   */
  | { k: 'splat'; obj: Node; steps: Step[]; each?: Node; src: string }
  | { k: 'call'; name: string; args: Node[]; expand: boolean; src: string }
  | { k: 'tuple'; items: Node[]; src: string }
  | { k: 'object'; items: Array<{ key: Node; value: Node }>; src: string }
  | {
      k: 'for';
      keyVar?: string;
      valVar: string;
      coll: Node;
      keyExpr?: Node;
      valExpr: Node;
      cond?: Node;
      group: boolean;
      object: boolean;
      src: string;
    }
  | { k: 'unary'; op: '!' | '-'; x: Node; src: string }
  | { k: 'binary'; op: string; l: Node; r: Node; src: string }
  | { k: 'cond'; c: Node; t: Node; f: Node; src: string };

export class ParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ParseError';
  }
}
