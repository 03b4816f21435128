// The secrets in the scanned files: values of variables marked sensitive, literal values of
// credential-named attributes, and credential-shaped strings found anywhere in the files. Reports
// redact them (src/util/redaction.ts, src/util/secrets.ts); the action masks them in the runner's log.
import type { ParsedFile } from '../parse/parse.js';

/** Credential shapes worth catching wherever they appear (values, templates, heredocs). */
const SHAPES: RegExp[] = [
  /\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[0-9A-Z]{16}\b/g, // AWS access key ids
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g, // PEM private keys
  /\bgh[pousr]_[A-Za-z0-9]{36,}\b/g, // GitHub tokens
  /\bxox[abprs]-[A-Za-z0-9-]{10,}\b/g, // Slack tokens
  /\bAIza[0-9A-Za-z_-]{35}\b/g, // Google API keys
  /\bsk_live_[0-9A-Za-z]{24,}\b/g, // Stripe live keys
];

/** Every shape above needs one of these literals: a string without any of them matches no shape, so
 * one pass of this over a string or a file's text replaces six (issue #20). Keep in step with SHAPES. */
const SHAPE_HINT = /AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA|-----BEGIN |gh[pousr]_|xox[abprs]-|AIza|sk_live_/;

/** Each match of the global regex re in s (as matchAll, without cloning re for every string). */
function eachMatch(re: RegExp, s: string, visit: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    visit(m);
    if (m[0] === '') re.lastIndex++;
  }
  re.lastIndex = 0;
}

/** password=..., token: ... inside scripts and templates: the value (group 1) is the secret. */
const ASSIGNMENT = /(?:password|passwd|pwd|secret|token|api_key|apikey|access_key)["']?\s*[=:]\s*["']?([^\s"'$`{}<>()]{6,})/gi;

/** Quoted literals inside an expression ("${coalesce(var.k, "s3cr3t")}"). */
const QUOTED = /"((?:[^"\\$]|\\.){6,})"/g;

/** Attribute names whose literal string values are credentials. */
const CREDENTIAL_NAME =
  /(^|_|-)(password|passwd|secret|secret_key|secret_access_key|access_key|client_secret|api_key|token|access_token|private_key|credentials|account_key|sas_token|connection_string|admin_password|auth_token)$/i;

/** Placeholders and everyday words: masking them would only blank out ordinary messages. */
const COMMON = /^(true|false|null|none|changeme|change_me|required|optional|enabled|disabled|default|example|placeholder|password|secret|\*+|x+)$/i;

/** For values not declared sensitive: only strings that look like credentials (8+ characters with a
 * digit, a symbol, or mixed case over 12), so identifiers such as "scripts" or "client_secret"
 * (names of secrets kept elsewhere, common in module inputs) are never masked. */
function looksSecret(s: string): boolean {
  const shaped = /[0-9]/.test(s) || /[^A-Za-z0-9_-]/.test(s) || (s.length >= 12 && /[a-z]/.test(s) && /[A-Z]/.test(s));
  return s.length >= 8 && shaped && worthMasking(s);
}

/** Obvious non-values: placeholders and empty-ish strings are not worth masking. */
function worthMasking(s: string): boolean {
  const t = s.trim();
  return t.length >= 6 && !COMMON.test(t) && !/^\$\{|^\{\{/.test(t);
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function walkStrings(v: unknown, key: string, visit: (s: string, key: string) => void, depth = 0): void {
  if (depth > 200) return;
  if (typeof v === 'string') visit(v, key);
  else if (Array.isArray(v)) for (const x of v) walkStrings(x, key, visit, depth + 1);
  else if (isObj(v)) for (const [k, x] of Object.entries(v)) walkStrings(x, k, visit, depth + 1);
}

export function sensitiveVariableNames(files: Iterable<Pick<ParsedFile, 'body'>>): Set<string> {
  const names = new Set<string>();
  for (const f of files) {
    const vars = f.body.variable;
    if (isObj(vars)) {
      for (const [name, list] of Object.entries(vars)) {
        const bodies = Array.isArray(list) ? list : [list];
        if (bodies.some((b) => isObj(b) && (b.sensitive === true || b.sensitive === 'true'))) names.add(name);
      }
    }
    const legacy = f.body['sensitive-variables'];
    if (Array.isArray(legacy)) for (const n of legacy) if (typeof n === 'string') names.add(n);
  }
  return names;
}

/** Every secret value in the parsed files (deduplicated, longest first). `sensitive`: the names of
 * the sensitive variables of the whole scan, when these files are only part of it (default: theirs). */
export function collectSecrets(files: ParsedFile[], sensitive: ReadonlySet<string> = sensitiveVariableNames(files)): string[] {
  const found = new Set<string>();
  const add = (s: string): void => {
    if (worthMasking(s)) found.add(s);
  };
  for (const f of files) {
    // Defaults of sensitive variables, and their values in variable files.
    const vars = f.body.variable;
    if (isObj(vars)) {
      for (const [name, list] of Object.entries(vars)) {
        if (!sensitive.has(name)) continue;
        for (const b of Array.isArray(list) ? list : [list]) if (isObj(b)) walkStrings(b.default, 'default', add);
      }
    }
    const legacyVars = f.body.variables;
    if (isObj(legacyVars)) for (const n of sensitive) walkStrings(legacyVars[n], n, add);
    if (f.file.kind === 'terraform-vars' || f.file.kind === 'packer-vars') {
      for (const n of sensitive) walkStrings(f.body[n], n, add);
    }
    walkStrings(f.body, '', (s, key) => {
      if (CREDENTIAL_NAME.test(key)) {
        // A literal credential; or, in an expression, the literals it may fall back to.
        if (!s.includes('${') && !s.startsWith('{{')) {
          if (looksSecret(s)) add(s);
        }
        else eachMatch(QUOTED, s, (m) => {
          if (looksSecret(m[1]!)) add(m[1]!);
        });
      }
      if (SHAPE_HINT.test(s)) for (const re of SHAPES) eachMatch(re, s, (m) => add(m[0]));
      eachMatch(ASSIGNMENT, s, (m) => {
        if (looksSecret(m[1]!)) add(m[1]!);
      });
    });
    // Shapes in the raw text too: a heredoc or comment hcl2json rewrote still holds them.
    if (SHAPE_HINT.test(f.text)) for (const re of SHAPES) eachMatch(re, f.text, (m) => add(m[0]));
  }
  return [...found].sort(longestFirst);
}

/** The order collectSecrets gives: longest first, then by code unit. */
export function longestFirst(a: string, b: string): number {
  return b.length - a.length || (a < b ? -1 : a > b ? 1 : 0);
}
