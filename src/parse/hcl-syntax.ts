// The syntax tree the parser builds (only what the conversion needs), with source offsets.


// ---------------------------------------------------------------------------------------------------
// Syntax tree (only what the conversion needs)

// Every expression keeps its source offsets (s..e: first token's start to last token's end). The
// conversion to hcl2json's shape needs the kinds LIT..COND; every other kind becomes "${source}".
// The evaluator's trees (src/parse/ast.ts) are built from the same nodes (NodeBuilder below).

export const enum K {
  LIT, // number, bool, null
  TMPL,
  WRAP, // template that is exactly one interpolation (passthrough)
  TUPLE,
  OBJECT,
  UNARY,
  TRAV, // scope traversal: a.b.c, a[0] (a name, then attributes and literal indexes)
  COND,
  BINARY,
  CALL,
  PAREN,
  FOR,
  POST, // any other term followed by attributes, indexes or splats
}

/** One step after a term; `e`: where it ends. */
export type Op =
  | { o: 0; name: string; e: number } // .name
  | { o: 1; raw: string; e: number } // .0 (a number after a dot)
  | { o: 2; key: Expr; e: number } // [key]
  | { o: 3; legacy: boolean; e: number }; // .* (legacy) or [*]

export type Expr =
  | { k: K.LIT; s: number; e: number; v: number | boolean | null; raw?: string }
  | { k: K.TMPL; s: number; e: number; parts: Part[]; heredoc: boolean }
  | { k: K.WRAP; s: number; e: number; inner: Expr; heredoc: boolean }
  | { k: K.TUPLE; s: number; e: number; items: Expr[] }
  | { k: K.OBJECT; s: number; e: number; items: Array<{ key: Expr; val: Expr; bare: boolean }> }
  | { k: K.UNARY; s: number; e: number; neg: boolean; val: Expr }
  | { k: K.TRAV; s: number; e: number; root: string; ops: Op[] }
  | { k: K.COND; s: number; e: number; cond: Expr; yes: Expr; no: Expr }
  | { k: K.BINARY; s: number; e: number; op: string; l: Expr; r: Expr }
  | { k: K.CALL; s: number; e: number; name: string; args: Expr[]; expand: boolean }
  | { k: K.PAREN; s: number; e: number; inner: Expr }
  | {
      k: K.FOR;
      s: number;
      e: number;
      keyVar: string | undefined;
      valVar: string;
      coll: Expr;
      keyExpr: Expr | undefined;
      valExpr: Expr;
      cond: Expr | undefined;
      group: boolean;
      object: boolean;
    }
  | { k: K.POST; s: number; e: number; base: Expr; ops: Op[] };

/** Template parts; a directive keeps the offsets of its text (between "%{" / "%{~" and "}" / "~}"). */
export type Part =
  | { p: 0; v: string } // literal
  | { p: 1; x: Expr } // interpolation
  | { p: 2; cond: Expr; yes: Part[]; no: Part[]; ds: number; de: number } // %{if}
  | { p: 3; key: string | undefined; val: string; coll: Expr; body: Part[]; ds: number; de: number }; // %{for}

// Flat template items before the if/for structure is built.
export type Flat =
  | { f: 0; v: string; s: number; e: number }
  | { f: 1; x: Expr; s: number; e: number }
  | { f: 2; kw: 'if' | 'else' | 'endif' | 'for' | 'endfor'; s: number; e: number; ds: number; de: number; cond?: Expr; key?: string; val?: string }
  | { f: 9; s: number; e: number }; // end marker

/** Binary operators by precedence (hclsyntax's binaryOps): higher binds tighter; all left-associative. */
export const PRECEDENCE: Readonly<Record<string, number>> = { '||': 0, '&&': 1, '==': 2, '!=': 2, '<': 3, '<=': 3, '>': 3, '>=': 3, '+': 4, '-': 4, '*': 5, '/': 5, '%': 5 };

export interface Attr {
  name: string;
  s: number;
  e: number;
  x: Expr;
}
export interface Block {
  type: string;
  labels: string[];
  body: Body;
}
export interface Body {
  attrs: Attr[];
  blocks: Block[];
}
