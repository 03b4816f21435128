// The recursive-descent parser over the tokens, with a nesting limit and a deadline check; it records
// the LocationIndex while it parses.
import { HclSyntaxError } from './errors.js';
import { LocationIndex, PATH_SEP as SEP } from '../model/locations.js';
import { ParseTimeoutError, FAST_HCL_MAX_DEPTH, T, type Tok, Src, LineCursor } from './hcl-tokens.js';
import { CLOCK_EVERY } from './hcl-scanner.js';
import { GO_SPACE_END, GO_SPACE_START } from '../util/go-space.js';
import { K, type Op, type Expr, type Part, type Flat, PRECEDENCE, type Attr, type Block, type Body } from './hcl-syntax.js';

// ---------------------------------------------------------------------------------------------------
// Parser

export class Parser {
  /** The lines of every block and attribute, recorded as they are parsed. */
  readonly locations = new LocationIndex();
  private readonly lines: LineCursor;
  private pos = 0;
  private nl = true;
  private readonly nlStack: boolean[] = [];
  private depth = 0;
  private steps = 0;

  constructor(
    private readonly src: Src,
    private readonly toks: Tok[],
    private readonly deadline: number | undefined,
  ) {
    this.lines = new LineCursor(src);
  }

  private get text(): string {
    return this.src.text;
  }

  private fail(tok: { s: number; e: number }, summary: string, detail: string): never {
    this.src.fail(tok.s, tok.e, summary, detail);
  }

  private pushNl(v: boolean): void {
    this.nlStack.push(this.nl);
    this.nl = v;
  }
  private popNl(): void {
    this.nl = this.nlStack.pop()!;
  }

  private peek(): Tok {
    if (!this.nl) while (this.toks[this.pos]!.t === T.NL) this.pos++;
    return this.toks[this.pos]!;
  }

  private read(): Tok {
    const t = this.peek();
    if (t.t !== T.EOF) this.pos++;
    if (this.deadline !== undefined && ++this.steps % CLOCK_EVERY === 0 && Date.now() > this.deadline) throw new ParseTimeoutError();
    return t;
  }

  /** Read the raw next token (template context: no newline skipping). */
  private readRaw(): Tok {
    const t = this.toks[this.pos]!;
    if (t.t !== T.EOF) this.pos++;
    return t;
  }

  /** hclsyntax's recover(): the next unmatched `close` token, or EOF. */
  private recoverTo(open: T, close: T): Tok {
    let nest = 0;
    for (let p = this.pos; p < this.toks.length; p++) {
      const t = this.toks[p]!;
      if (t.t === open) nest++;
      else if (t.t === close) {
        if (nest < 1) return t;
        nest--;
      } else if (t.t === T.EOF) return t;
    }
    return this.toks[this.toks.length - 1]!;
  }

  private enter(at: { s: number; e: number }): void {
    if (++this.depth > FAST_HCL_MAX_DEPTH) this.fail(at, 'Nesting too deep', `nesting deeper than ${FAST_HCL_MAX_DEPTH} levels`);
  }
  private leave(): void {
    this.depth--;
  }

  private word(t: Tok): string {
    return this.text.slice(t.s, t.e);
  }

  // ----- bodies

  parseFile(): Body {
    return this.parseBody(T.EOF, undefined, '');
  }

  /** A whole text as one expression, newlines insignificant (parseExpressionText). */
  parseWholeExpression(): Expr {
    this.pushNl(false);
    const x = this.parseExpression();
    const end = this.peek();
    if (end.t !== T.EOF) this.fail(end, 'Extra characters after expression', 'Expected the end of the expression, but found extra characters.');
    return x;
  }

  /**
   * Record the lines from the token at `s` to the character at `last` under a path key (first one
   * wins, in source order; a block after what it holds, as the locations were always recorded).
   */
  private locate(key: string, startLine: number, last: number): void {
    const endLine = this.lines.lineOf(last);
    this.locations.setKey(key, { startLine, endLine: endLine > startLine ? endLine : startLine });
  }

  /** `key`: the path key of the block holding this body ('' for the file). */
  private parseBody(end: T, open: Tok | undefined, key: string): Body {
    const body: Body = { attrs: [], blocks: [] };
    const seen = new Map<string, Tok>();
    let groups: Map<string, number> | undefined;
    for (;;) {
      const next = this.peek();
      if (next.t === end) {
        this.read();
        return body;
      }
      if (next.t === T.NL) {
        this.read();
        continue;
      }
      if (next.t === T.IDENT) {
        const ident = this.read();
        const line = this.lines.lineOf(ident.s);
        const after = this.peek();
        if (after.t === T.EQUAL) {
          const name = this.word(ident);
          const prev = seen.get(name);
          const attr = this.finishAttribute(ident, false);
          if (prev) {
            const p = this.src.pos(prev.s);
            const q = this.src.pos(prev.e);
            this.fail(ident, 'Attribute redefined', `The argument "${name}" was already set at f:${p.line},${p.col}-${q.col}. Each argument may be set only once.`);
          }
          seen.set(name, ident);
          body.attrs.push(attr);
          this.locate(key ? key + SEP + name : name, line, attr.x.e - 1);
          continue;
        }
        if (after.t === T.OQUOTE || after.t === T.OBRACE || after.t === T.IDENT) {
          body.blocks.push(this.finishBlock(ident, line, key, (groups ??= new Map())));
          continue;
        }
        this.fail(ident, 'Argument or block definition required', 'An argument or block definition is required here. To set an argument, use the equals sign "=" to introduce the argument value.');
      }
      if (next.t === T.OQUOTE) this.fail(next, 'Invalid argument name', 'Argument names must not be quoted.');
      if (next.t === T.EOF) {
        const o = open ?? next;
        this.fail(o, 'Unclosed configuration block', 'There is no closing brace for this block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.');
      }
      this.fail(next, 'Argument or block definition required', 'An argument or block definition is required here.');
    }
  }

  private finishAttribute(ident: Tok, singleLine: boolean): Attr {
    this.read(); // =
    const x = this.parseExpression();
    if (!singleLine) {
      const end = this.peek();
      if (end.t !== T.NL && end.t !== T.EOF) {
        if (end.t === T.COMMA) this.fail(end, 'Unexpected comma after argument', 'Argument definitions must be separated by newlines, not commas. An argument definition must end with a newline.');
        this.fail(end, 'Missing newline after argument', 'An argument definition must end with a newline.');
      }
      this.read();
    }
    return { name: this.word(ident), s: ident.s, e: ident.e, x };
  }

  /** `key`: the path key of the enclosing body; `groups`: its blocks so far by type and labels. */
  private finishBlock(ident: Tok, line: number, key: string, groups: Map<string, number>): Block {
    this.enter(ident);
    const labels: string[] = [];
    let open: Tok;
    for (;;) {
      const tok = this.peek();
      if (tok.t === T.OBRACE) {
        open = this.read();
        break;
      }
      if (tok.t === T.OQUOTE) {
        labels.push(this.parseQuotedStringLiteral());
        continue;
      }
      if (tok.t === T.IDENT) {
        labels.push(this.word(this.read()));
        continue;
      }
      if (tok.t === T.EQUAL) this.fail(tok, 'Invalid block definition', 'The equals sign "=" indicates an argument definition, and must not be used when defining a block.');
      if (tok.t === T.NL) this.fail(tok, 'Invalid block definition', 'A block definition must have block content delimited by "{" and "}", starting on the same line as the block header.');
      this.fail(tok, 'Invalid block definition', 'Either a quoted string block label or an opening brace ("{") is expected here.');
    }
    // The block's path: type, labels, and its index among the blocks of that type and labels here.
    const type = this.word(ident);
    let group = type;
    for (const l of labels) group += SEP + l;
    const idx = groups.get(group) ?? 0;
    groups.set(group, idx + 1);
    const blockKey = (key ? key + SEP : '') + group + SEP + idx;
    let body: Body;
    const first = this.peek();
    if (first.t === T.NL || first.t === T.EOF || first.t === T.CBRACE) body = this.parseBody(T.CBRACE, open, blockKey);
    else body = this.parseSingleAttrBody(blockKey);
    const close = this.toks[this.pos - 1]!;
    // The block, and (first one wins) the type/label prefixes leading to it.
    let prefix = key ? key + SEP + type : type;
    this.locate(prefix, line, close.s);
    for (const l of labels) {
      prefix += SEP + l;
      this.locate(prefix, line, close.s);
    }
    this.locate(blockKey, line, close.s);
    const eol = this.peek();
    if (eol.t === T.NL || eol.t === T.EOF) this.read();
    else this.fail(eol, 'Missing newline after block definition', 'A block definition must end with a newline.');
    this.leave();
    return { type, labels, body };
  }

  /**
   * A single-line block body: `{ name = expr }`. hclsyntax reports a problem with the closing brace
   * before any problem inside the body (it appends the body's diagnostics afterwards), after
   * recovering past the body item: mirrored here so the first error matches.
   */
  private parseSingleAttrBody(key: string): Body {
    let attr: Attr | undefined;
    let bodyError: unknown;
    const line = this.lines.lineOf(this.peek().s);
    const nlDepth = this.nlStack.length;
    const nlMode = this.nl;
    try {
      attr = this.singleAttr();
    } catch (e) {
      if (!(e instanceof HclSyntaxError)) throw e;
      bodyError = e;
      this.nlStack.length = nlDepth;
      this.nl = nlMode;
      this.recoverAfterBodyItem();
    }
    const close = this.peek();
    if (close.t === T.NL) this.fail(close, 'Invalid single-argument block definition', "An argument definition on the same line as its containing block creates a single-line block definition, which must also be closed on the same line. Place the block's closing brace immediately after the argument definition.");
    if (close.t === T.COMMA) this.fail(close, 'Invalid single-argument block definition', 'Single-line block syntax can include only one argument definition. To define multiple arguments, use the multi-line block syntax with one argument definition per line.');
    if (bodyError) throw bodyError;
    if (close.t !== T.CBRACE) this.fail(close, 'Invalid single-argument block definition', 'A single-line block definition must end with a closing brace immediately after its single argument definition.');
    this.read();
    this.locate(key + SEP + attr!.name, line, attr!.x.e - 1);
    return { attrs: [attr!], blocks: [] };
  }

  private singleAttr(): Attr {
    const ident = this.read();
    if (ident.t !== T.IDENT) this.fail(ident, 'Argument or block definition required', 'An argument or block definition is required here.');
    const nx = this.peek();
    if (nx.t === T.EQUAL) return this.finishAttribute(ident, true);
    if (nx.t === T.OQUOTE || nx.t === T.OBRACE || nx.t === T.IDENT) {
      this.fail({ s: ident.s, e: nx.e }, 'Argument definition required', `A single-line block definition can contain only a single argument. If you meant to define argument "${this.word(ident)}", use an equals sign to assign it a value. To define a nested block, place it on a line of its own within its parent block.`);
    }
    this.fail(ident, 'Argument or block definition required', 'An argument or block definition is required here. To set an argument, use the equals sign "=" to introduce the argument value.');
  }

  /** hclsyntax's recoverAfterBodyItem: skip to the first newline outside any brackets (consumed). */
  private recoverAfterBodyItem(): void {
    const open: T[] = [];
    for (;;) {
      const tok = this.readRaw();
      switch (tok.t) {
        case T.NL:
          if (!open.length) return;
          break;
        case T.EOF:
          return;
        case T.OBRACE:
        case T.OBRACK:
        case T.OPAREN:
        case T.OQUOTE:
        case T.OHEREDOC:
        case T.TINTERP:
        case T.TCONTROL:
          open.push(tok.t === T.TCONTROL ? T.TINTERP : tok.t);
          break;
        case T.CBRACE:
        case T.CBRACK:
        case T.CPAREN:
        case T.CQUOTE:
        case T.CHEREDOC:
        case T.TSEQEND: {
          const opener = OPENER[tok.t]!;
          while (open.length && open[open.length - 1] !== opener) open.pop();
          if (open.length) open.pop();
          break;
        }
        default:
          break;
      }
    }
  }


  /** A block label: a quoted string without template sequences; escapes decoded. */
  private parseQuotedStringLiteral(): string {
    const open = this.read();
    let out = '';
    for (;;) {
      const tok = this.readRaw();
      if (tok.t === T.CQUOTE) return out;
      if (tok.t === T.QLIT) {
        out += this.decodeQuoted(tok);
        continue;
      }
      if (tok.t === T.TINTERP || tok.t === T.TCONTROL) {
        this.fail(tok, 'Invalid string literal', 'Template sequences are not allowed in this string. To include a literal "$", double it (as "$$") to escape it.');
      }
      this.fail(tok.t === T.EOF ? open : tok, 'Unterminated template string', 'No closing marker was found for the string.');
    }
  }

  // ----- expressions

  parseExpression(): Expr {
    const at = this.peek();
    this.enter(at);
    const cond = this.parseBinary();
    let out = cond;
    if (this.peek().t === T.QUESTION) {
      this.read();
      const yes = this.parseExpression();
      const colon = this.peek();
      if (colon.t !== T.COLON) this.fail(colon, 'Missing false expression in conditional', 'The conditional operator (...?...:...) requires a false expression, delimited by a colon.');
      this.read();
      const no = this.parseExpression();
      out = { k: K.COND, s: cond.s, e: no.e, cond, yes, no };
    }
    this.leave();
    return out;
  }

  /** Operands and binary operators, by precedence (operator-precedence parsing, no recursion). */
  private parseBinary(): Expr {
    const xs: Expr[] = [this.parseOperand()];
    const ops: Array<{ op: string; prec: number }> = [];
    const reduce = (): void => {
      const r = xs.pop()!;
      const l = xs.pop()!;
      xs.push({ k: K.BINARY, s: l.s, e: r.e, op: ops.pop()!.op, l, r });
    };
    for (;;) {
      const t = this.peek();
      if (t.t !== T.OP && t.t !== T.MINUS && t.t !== T.STAR) break;
      this.read();
      const op = this.word(t);
      const prec = PRECEDENCE[op]!;
      while (ops.length && ops[ops.length - 1]!.prec >= prec) reduce();
      ops.push({ op, prec });
      xs.push(this.parseOperand());
    }
    while (ops.length) reduce();
    return xs[0]!;
  }

  /** A term with its traversals; unary operators bind to such an operand. */
  private parseOperand(): Expr {
    const t = this.peek();
    if (t.t === T.MINUS || t.t === T.BANG) {
      this.read();
      this.enter(t);
      const val = this.parseOperand();
      this.leave();
      return { k: K.UNARY, s: t.s, e: val.e, neg: t.t === T.MINUS, val };
    }
    const term = this.parseTerm();
    return this.parseTraversals(term);
  }

  private parseTraversals(term: Expr): Expr {
    // A traversal while it is a name followed by attributes and literal indexes.
    let trav = term.k === K.TRAV;
    const ops: Op[] = [];
    const done = (): Expr => {
      if (!ops.length) return term;
      const e = ops[ops.length - 1]!.e;
      if (trav) return { k: K.TRAV, s: term.s, e, root: (term as { root: string }).root, ops };
      return { k: K.POST, s: term.s, e, base: term, ops };
    };
    for (;;) {
      const t = this.peek();
      if (t.t === T.DOT) {
        this.read();
        const a = this.peek();
        if (a.t === T.IDENT) {
          this.read();
          ops.push({ o: 0, name: this.word(a), e: a.e });
          continue;
        }
        if (a.t === T.NUMBER) {
          this.read();
          ops.push({ o: 1, raw: this.word(a), e: a.e });
          continue;
        }
        if (a.t === T.STAR) {
          this.read();
          trav = false;
          ops.push({ o: 3, legacy: true, e: a.e });
          continue;
        }
        this.fail(a, 'Invalid attribute name', 'An attribute name is required after a dot.');
      }
      if (t.t === T.OBRACK) {
        this.read();
        this.pushNl(false);
        const star = this.peek();
        if (star.t === T.STAR) {
          this.read();
          const close = this.peek();
          if (close.t !== T.CBRACK) this.fail(close, 'Missing close bracket on splat index', 'The star for a full splat operator must be immediately followed by a closing bracket ("]").');
          this.read();
          this.popNl();
          trav = false;
          ops.push({ o: 3, legacy: false, e: close.e });
          continue;
        }
        const idx = this.parseExpression();
        const close = this.peek();
        if (close.t !== T.CBRACK) {
          // hclsyntax's diagnostic points at where its recovery stops (the next unmatched "]", or
          // the end of the file), not at the unexpected token.
          this.read();
          this.fail(this.recoverTo(T.OBRACK, T.CBRACK), 'Missing close bracket on index', 'The index operator must end with a closing bracket ("]").');
        }
        this.read();
        this.popNl();
        const lit = idx.k === K.LIT || (idx.k === K.TMPL && idx.parts.length === 1 && idx.parts[0]!.p === 0);
        trav = trav && lit;
        ops.push({ o: 2, key: idx, e: close.e });
        continue;
      }
      return done();
    }
  }

  private parseTerm(): Expr {
    const t = this.peek();
    switch (t.t) {
      case T.OPAREN: {
        this.read();
        this.pushNl(false);
        const inner = this.parseExpression();
        const close = this.peek();
        if (close.t !== T.CPAREN) this.fail(close, 'Unbalanced parentheses', 'Expected a closing parenthesis to terminate the expression.');
        this.read();
        this.popNl();
        return { k: K.PAREN, s: t.s, e: close.e, inner };
      }
      case T.NUMBER: {
        this.read();
        const raw = this.word(t);
        return { k: K.LIT, s: t.s, e: t.e, v: Number(raw), raw };
      }
      case T.IDENT: {
        this.read();
        const nx = this.peek();
        if (nx.t === T.OPAREN || nx.t === T.DCOLON) return this.finishFunctionCall(t);
        const w = this.word(t);
        if (w === 'true') return { k: K.LIT, s: t.s, e: t.e, v: true };
        if (w === 'false') return { k: K.LIT, s: t.s, e: t.e, v: false };
        if (w === 'null') return { k: K.LIT, s: t.s, e: t.e, v: null };
        return { k: K.TRAV, s: t.s, e: t.e, root: w, ops: [] };
      }
      case T.OQUOTE:
        return this.parseTemplate(T.CQUOTE, false);
      case T.OHEREDOC:
        return this.parseTemplate(T.CHEREDOC, !!t.strip);
      case T.OBRACK:
        return this.parseTuple();
      case T.OBRACE:
        return this.parseObject();
      default:
        if (t.t === T.EOF) this.fail(t, 'Missing expression', 'Expected the start of an expression, but found the end of the file.');
        this.fail(t, 'Invalid expression', 'Expected the start of an expression, but found an invalid expression token.');
    }
  }

  private finishFunctionCall(name: Tok): Expr {
    // Namespaced function names: provider::ns::fn(...)
    let nameEnd = name.e;
    while (this.peek().t === T.DCOLON) {
      this.read();
      const part = this.peek();
      if (part.t !== T.IDENT) this.fail(part, 'Missing function name', 'Function scope resolution symbol :: must be followed by a function name in this scope.');
      this.read();
      nameEnd = part.e;
    }
    const args: Expr[] = [];
    let expand = false;
    const open = this.peek();
    if (open.t !== T.OPAREN) this.fail(open, 'Function call expected', 'Function name must be followed by parentheses.');
    this.read();
    this.pushNl(false);
    let close: Tok;
    for (;;) {
      if (this.peek().t === T.CPAREN) {
        close = this.read();
        break;
      }
      args.push(this.parseExpression());
      const sep = this.read();
      if (sep.t === T.CPAREN) {
        close = sep;
        break;
      }
      if (sep.t === T.ELLIPSIS) {
        const c = this.peek();
        if (c.t !== T.CPAREN) this.fail(c, 'Missing closing parenthesis', 'An expanded function argument (with ...) must be immediately followed by closing parentheses.');
        close = this.read();
        expand = true;
        break;
      }
      if (sep.t !== T.COMMA) this.fail(sep, 'Missing argument separator', 'A comma is required to separate each function argument from the next.');
      if (this.peek().t === T.CPAREN) {
        close = this.read();
        break;
      }
    }
    this.popNl();
    return { k: K.CALL, s: name.s, e: close.e, name: this.text.slice(name.s, nameEnd), args, expand };
  }

  private isFor(): boolean {
    const t = this.peek();
    return t.t === T.IDENT && t.e - t.s === 3 && this.word(t) === 'for';
  }

  private parseTuple(): Expr {
    const open = this.read();
    this.pushNl(false);
    if (this.isFor()) {
      const e = this.finishFor(open, false);
      this.popNl();
      return e;
    }
    const items: Expr[] = [];
    let close: Tok;
    for (;;) {
      if (this.peek().t === T.CBRACK) {
        close = this.read();
        break;
      }
      items.push(this.parseExpression());
      const nx = this.peek();
      if (nx.t === T.CBRACK) {
        close = this.read();
        break;
      }
      if (nx.t === T.EOF) this.fail(open, 'Unterminated tuple constructor expression', 'There is no corresponding closing bracket before the end of the file. This may be caused by incorrect bracket nesting elsewhere in this file.');
      if (nx.t !== T.COMMA) this.fail(nx, 'Missing item separator', 'Expected a comma to mark the beginning of the next item.');
      this.read();
    }
    this.popNl();
    return { k: K.TUPLE, s: open.s, e: close.e, items };
  }

  private parseObject(): Expr {
    const open = this.read();
    // hclsyntax looks for "for" ignoring newlines: for expressions are not newline-sensitive.
    this.pushNl(false);
    if (this.isFor()) {
      const e = this.finishFor(open, true);
      this.popNl();
      return e;
    }
    this.popNl();
    this.pushNl(true);
    const items: Array<{ key: Expr; val: Expr; bare: boolean }> = [];
    let close: Tok;
    for (;;) {
      const next = this.peek();
      if (next.t === T.NL) {
        this.read();
        continue;
      }
      if (next.t === T.CBRACE) {
        close = this.read();
        break;
      }
      // A bare name as a key is the name, not a reference (true, false, null and for too).
      const bare = next.t === T.IDENT;
      const key = this.parseExpression();
      const eq = this.peek();
      if (eq.t !== T.EQUAL && eq.t !== T.COLON) {
        if (eq.t === T.NL || eq.t === T.COMMA) this.fail(eq, 'Missing attribute value', 'Expected an attribute value, introduced by an equals sign ("=").');
        if (eq.t === T.IDENT) this.fail(eq, 'Missing key/value separator', 'Expected an equals sign ("=") to mark the beginning of the attribute value. If you intended to given an attribute name containing periods or spaces, write the name in quotes to create a string literal.');
        if (eq.t === T.EOF) this.fail(open, 'Unterminated object constructor expression', 'There is no corresponding closing brace before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.');
        this.fail(eq, 'Missing key/value separator', 'Expected an equals sign ("=") to mark the beginning of the attribute value.');
      }
      this.read();
      const val = this.parseExpression();
      items.push({ key, val, bare: bare && key.e === next.e });
      const nx = this.peek();
      if (nx.t === T.CBRACE) {
        close = this.read();
        break;
      }
      if (nx.t === T.EOF) this.fail(open, 'Unterminated object constructor expression', 'There is no corresponding closing brace before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.');
      if (nx.t !== T.COMMA && nx.t !== T.NL) this.fail(nx, 'Missing attribute separator', 'Expected a newline or comma to mark the beginning of the next attribute.');
      this.read();
    }
    this.popNl();
    return { k: K.OBJECT, s: open.s, e: close.e, items };
  }

  private finishFor(open: Tok, isObject: boolean): Expr {
    this.read(); // for
    this.pushNl(false);
    const v1 = this.peek();
    if (v1.t !== T.IDENT) this.fail(v1, "Invalid 'for' expression", "For expression requires variable name after 'for'.");
    this.read();
    let keyVar: string | undefined;
    let valVar = this.word(v1);
    if (this.peek().t === T.COMMA) {
      this.read();
      const v2 = this.peek();
      if (v2.t !== T.IDENT) this.fail(v2, "Invalid 'for' expression", "For expression requires value variable name after comma.");
      this.read();
      keyVar = valVar;
      valVar = this.word(v2);
    }
    const kwIn = this.peek();
    if (kwIn.t !== T.IDENT || this.word(kwIn) !== 'in') this.fail(kwIn, "Invalid 'for' expression", "For expression requires the 'in' keyword after its name declarations.");
    this.read();
    const coll = this.parseExpression();
    const colon = this.peek();
    if (colon.t !== T.COLON) this.fail(colon, "Invalid 'for' expression", "For expression requires a colon after the collection expression.");
    this.read();
    let keyExpr: Expr | undefined;
    let valExpr = this.parseExpression();
    let group = false;
    if (isObject) {
      const arrow = this.peek();
      if (arrow.t !== T.FATARROW) this.fail(arrow, "Invalid 'for' expression", 'Key expression is required when building an object.');
      this.read();
      keyExpr = valExpr;
      valExpr = this.parseExpression();
      if (this.peek().t === T.ELLIPSIS) {
        this.read();
        group = true;
      }
    }
    let cond: Expr | undefined;
    const kwIf = this.peek();
    if (kwIf.t === T.IDENT && this.word(kwIf) === 'if') {
      this.read();
      cond = this.parseExpression();
    }
    const close = this.peek();
    const want = isObject ? T.CBRACE : T.CBRACK;
    if (close.t !== want) {
      if (close.t === T.ELLIPSIS && !isObject) this.fail(close, "Invalid 'for' expression", 'Grouping ellipsis (...) can be used only in object for expressions.');
      this.fail(close, "Invalid 'for' expression", `Extra characters after the end of the 'for' expression.`);
    }
    this.read();
    this.popNl();
    return { k: K.FOR, s: open.s, e: close.e, keyVar, valVar, coll, keyExpr, valExpr, cond, group, object: isObject };
  }

  // ----- templates

  private decodeQuoted(tok: Tok): string {
    const text = this.text;
    let out = '';
    let i = tok.s;
    let from = i;
    const end = tok.e;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c === 92) {
        out += text.slice(from, i);
        const d = text[i + 1];
        switch (d) {
          case 'n':
            out += '\n';
            i += 2;
            break;
          case 'r':
            out += '\r';
            i += 2;
            break;
          case 't':
            out += '\t';
            i += 2;
            break;
          case '"':
            out += '"';
            i += 2;
            break;
          case '\\':
            out += '\\';
            i += 2;
            break;
          case 'u':
          case 'U': {
            const len = d === 'u' ? 4 : 8;
            const hex = text.slice(i + 2, i + 2 + len);
            if (hex.length !== len || !/^[0-9A-Fa-f]+$/.test(hex) || i + 2 + len > end) {
              this.src.fail(i, Math.min(end, i + 2 + len), 'Invalid escape sequence', `The \\${d} escape sequence must be followed by ${len} hexadecimal digits.`);
            }
            const cp = parseInt(hex, 16);
            if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
              this.src.fail(i, i + 2 + len, 'Invalid escape sequence', `Invalid Unicode character \\${d}${hex}.`);
            }
            out += String.fromCodePoint(cp);
            i += 2 + len;
            break;
          }
          default:
            this.src.fail(i, i + 2, 'Invalid escape sequence', `The symbol "${d ?? ''}" is not a valid escape sequence selector.`);
        }
        from = i;
        continue;
      }
      if ((c === 36 || c === 37) && text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === 123) {
        out += text.slice(from, i + 1);
        i += 2;
        from = i;
        continue;
      }
      i++;
    }
    return out + text.slice(from, end);
  }

  private decodeHeredoc(tok: Tok): string {
    const raw = this.text.slice(tok.s, tok.e);
    if (raw.indexOf('$${') < 0 && raw.indexOf('%%{') < 0) return raw;
    return raw.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
  }

  /**
   * A template: a quoted string (end CQUOTE), a heredoc (end CHEREDOC) or, from parseTemplateText,
   * a whole text (end EOF, no opening token).
   */
  parseTemplate(end: T, flush: boolean): Expr {
    const open = end === T.EOF ? this.toks[this.pos]! : this.read();
    const flat: Flat[] = [];
    let ltrimNext = false;
    const rtrimPrev = (): void => {
      const prev = flat[flat.length - 1];
      if (prev && prev.f === 0) prev.v = prev.v.replace(GO_SPACE_END, '');
    };
    this.pushNl(false);
    let close: Tok;
    for (;;) {
      const tok = this.readRaw();
      if (tok.t === end) {
        close = tok;
        break;
      }
      if (tok.t === T.QLIT || tok.t === T.SLIT) {
        let v = tok.t === T.QLIT ? this.decodeQuoted(tok) : this.decodeHeredoc(tok);
        if (ltrimNext) {
          v = v.replace(GO_SPACE_START, '');
          ltrimNext = false;
        }
        flat.push({ f: 0, v, s: tok.s, e: tok.e });
        continue;
      }
      if (tok.t === T.TINTERP) {
        if (tok.strip) rtrimPrev();
        ltrimNext = false;
        const x = this.parseExpression();
        const c = this.peek();
        if (c.t !== T.TSEQEND) this.fail(this.peek(), 'Extra characters after interpolation expression', 'Expected a closing brace to end the interpolation expression, but found extra characters.');
        this.pos++;
        if (c.strip) ltrimNext = true;
        flat.push({ f: 1, x, s: tok.s, e: c.e });
        continue;
      }
      if (tok.t === T.TCONTROL) {
        if (tok.strip) rtrimPrev();
        ltrimNext = false;
        const kw = this.peek();
        const w = kw.t === T.IDENT ? this.word(kw) : '';
        let item: Flat;
        if (w === 'if') {
          this.read();
          const cond = this.parseExpression();
          item = { f: 2, kw: 'if', s: tok.s, e: 0, ds: tok.e, de: 0, cond };
        } else if (w === 'else' || w === 'endif' || w === 'endfor') {
          this.read();
          item = { f: 2, kw: w, s: tok.s, e: 0, ds: tok.e, de: 0 };
        } else if (w === 'for') {
          this.read();
          const v1 = this.peek();
          if (v1.t !== T.IDENT) this.fail(v1, "Invalid 'for' directive", "For directive requires variable name after 'for'.");
          this.read();
          let key: string | undefined;
          let val = this.word(v1);
          if (this.peek().t === T.COMMA) {
            this.read();
            const v2 = this.peek();
            if (v2.t !== T.IDENT) this.fail(v2, "Invalid 'for' directive", 'For directive requires value variable name after comma.');
            this.read();
            key = val;
            val = this.word(v2);
          }
          const kwIn = this.peek();
          if (kwIn.t !== T.IDENT || this.word(kwIn) !== 'in') this.fail(kwIn, "Invalid 'for' directive", "For directive requires 'in' keyword after names.");
          this.read();
          const coll = this.parseExpression();
          item = { f: 2, kw: 'for', s: tok.s, e: 0, ds: tok.e, de: 0, cond: coll, key, val };
        } else {
          this.fail(kw, 'Invalid template directive', 'A template directive keyword ("if", "for", etc) is expected at the beginning of a %{ sequence.');
        }
        const c = this.peek();
        if (c.t !== T.TSEQEND) this.fail(this.peek(), 'Extra characters in template directive', 'Expected a closing brace to end the template directive, but found extra characters.');
        this.pos++;
        if (c.strip) ltrimNext = true;
        item.e = c.e;
        item.de = c.s;
        flat.push(item);
        continue;
      }
      // EOF or a stray token: the template never closed.
      this.fail(tok, 'Unterminated template string', 'No closing marker was found for the string.');
    }
    this.popNl();
    if (flush) flushHeredoc(flat);
    // Meld consecutive literals.
    const melded: Flat[] = [];
    for (const it of flat) {
      const prev = melded[melded.length - 1];
      if (it.f === 0 && prev && prev.f === 0) melded[melded.length - 1] = { f: 0, v: prev.v + it.v, s: prev.s, e: it.e };
      else melded.push(it);
    }
    const heredoc = end === T.CHEREDOC;
    const start = end === T.EOF ? 0 : open.s;
    if (melded.length === 1 && melded[0]!.f === 1) return { k: K.WRAP, s: start, e: close.e, inner: melded[0]!.x, heredoc };
    const parts = this.structure(melded, close);
    return { k: K.TMPL, s: start, e: close.e, parts, heredoc };
  }

  /** Build the if/for structure from flat template items (hclsyntax's templateParser). */
  private structure(flat: Flat[], close: Tok): Part[] {
    let i = 0;
    const seq = (stopAt: ReadonlySet<string>): { parts: Part[]; stop: (Flat & { f: 2 }) | undefined } => {
      const parts: Part[] = [];
      while (i < flat.length) {
        const it = flat[i]!;
        if (it.f === 0) {
          parts.push({ p: 0, v: it.v });
          i++;
          continue;
        }
        if (it.f === 1) {
          parts.push({ p: 1, x: it.x });
          i++;
          continue;
        }
        if (it.f !== 2) {
          i++;
          continue;
        }
        if (stopAt.has(it.kw)) return { parts, stop: it };
        if (it.kw === 'if') {
          this.enter(it);
          i++;
          const yes = seq(IF_STOPS);
          let no: Part[] = [];
          if (!yes.stop) this.fail(close, 'Unterminated template string', `Missing %{ endif } directive for the %{ if } started at line ${this.src.pos(it.s).line}.`);
          if (yes.stop.kw === 'else') {
            i++;
            const r = seq(ENDIF_STOP);
            if (!r.stop) this.fail(close, 'Unterminated template string', 'Missing %{ endif } directive.');
            no = r.parts;
          } else if (yes.stop.kw !== 'endif') this.fail(yes.stop, 'Unexpected directive', `Expected an endif directive.`);
          i++;
          parts.push({ p: 2, cond: it.cond!, yes: yes.parts, no, ds: it.ds, de: it.de });
          this.leave();
          continue;
        }
        if (it.kw === 'for') {
          this.enter(it);
          i++;
          const body = seq(ENDFOR_STOP);
          if (!body.stop) this.fail(close, 'Unterminated template string', 'Missing %{ endfor } directive.');
          if (body.stop.kw !== 'endfor') this.fail(body.stop, 'Unexpected directive', 'Expected an endfor directive.');
          i++;
          parts.push({ p: 3, key: it.key, val: it.val!, coll: it.cond!, body: body.parts, ds: it.ds, de: it.de });
          this.leave();
          continue;
        }
        this.fail(it, `Unexpected "${it.kw}" directive`, `The control directive cannot appear here.`);
      }
      return { parts, stop: undefined };
    };
    const r = seq(NO_STOPS);
    return r.parts;
  }
}

export const OPENER: Partial<Record<T, T>> = {
  [T.CBRACE]: T.OBRACE,
  [T.CBRACK]: T.OBRACK,
  [T.CPAREN]: T.OPAREN,
  [T.CQUOTE]: T.OQUOTE,
  [T.CHEREDOC]: T.OHEREDOC,
  [T.TSEQEND]: T.TINTERP,
};

export const NO_STOPS: ReadonlySet<string> = new Set();
export const IF_STOPS: ReadonlySet<string> = new Set(['else', 'endif', 'endfor']);
export const ENDIF_STOP: ReadonlySet<string> = new Set(['endif', 'else', 'endfor']);
export const ENDFOR_STOP: ReadonlySet<string> = new Set(['endfor', 'else', 'endif']);

/** <<- heredocs: remove the smallest indentation of the non-blank lines (hclsyntax's flushHeredocTemplateParts). */
export function flushHeredoc(flat: Flat[]): void {
  if (!flat.length) return;
  let minSpaces = Number.MAX_SAFE_INTEGER;
  let newline = true;
  const adjust: Array<Flat & { f: 0 }> = [];
  for (const it of flat) {
    if (newline) {
      newline = false;
      let spaces: number;
      if (it.f === 0) {
        const trimmed = it.v.replace(GO_SPACE_START, '');
        if (trimmed.length === 0 && it.v.endsWith('\n')) spaces = Number.MAX_SAFE_INTEGER;
        else {
          spaces = [...it.v.slice(0, it.v.length - trimmed.length)].length;
          adjust.push(it);
        }
      } else spaces = 0;
      if (spaces < minSpaces) minSpaces = spaces;
    }
    if (it.f === 0 && it.v.endsWith('\n')) newline = true;
  }
  if (minSpaces === Number.MAX_SAFE_INTEGER) return;
  for (const it of adjust) {
    let cut = 0;
    for (let k = 0; k < minSpaces && cut < it.v.length; k++) cut += it.v.codePointAt(cut)! > 0xffff ? 2 : 1;
    it.v = it.v.slice(cut);
  }
}
