// Escaping for every sink that text from scanned files reaches: terminals, workflow commands,
// Markdown/HTML job summaries. File names, resource names and values are attacker-controlled.

/**
 * Characters that reorder or hide text (bidirectional embeddings, overrides and isolates, zero-width
 * and invisible formatting characters, the byte-order mark): "Trojan source" in a review.
 */
const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const visible = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** One line of plain text: control characters (newlines, ESC, ...) and bidi/invisible ones shown as visible escapes. */
export function safeText(s: string): string {
  return s.replace(CONTROL, visible).replace(INVISIBLE, visible);
}

/** HTML text and attribute content (the job summary is rendered as GitHub-flavoured Markdown + HTML). */
export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Markdown and HTML punctuation in running text: backslash-escaped or an entity, `|` too (table cells). */
function escapeRunningText(s: string): string {
  // Markdown punctuation first, then HTML: escaping after would break the entities (&\#39;).
  // A quote cannot end anything in text (it matters only inside attributes): kept readable.
  return escapeHtml(s.replace(/([\\`*_{}[\]()#+!~])/g, '\\$1'))
    .replace(/&#39;/g, "'")
    .replace(/\|/g, '&#124;');
}

/**
 * A word GitHub would turn into something (an @mention, an e-mail or URL autolink): shown literally in
 * a code span, where nothing is linked or mentioned and the text stays copyable (no character is
 * inserted into an address). Words with < or > never go in one: their raw text could form HTML or
 * a marker comment.
 */
const LINKABLE = /^[^\s<>]*(?:@|:\/\/|^www\.)[^\s<>]*$/i;

/** A word that must stay out of a code span (it holds < or >) but would be linked: broken with a zero-width space. */
const unlinked = (w: string): string => w.replace(/@/g, '@\u200b').replace(/:\/\//g, ':\u200b//').replace(/www\./gi, (m) => `${m.slice(0, 3)}\u200b.`);

/** A code span holding `s` literally: a fence longer than any backtick run in it, `|` escaped for tables. */
function codeSpan(s: string): string {
  const longest = Math.max(0, ...[...s.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = s.startsWith('`') || s.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${s.replace(/\|/g, '\\|')}${pad}${fence}`;
}

/**
 * THE escaping of text that reaches Markdown (job summary, summary comment, review comments, evidence
 * Markdown): one line; control, bidi and invisible characters shown as \uXXXX; HTML tags and our own
 * marker comments (<!-- controlgate:... -->) inert; Markdown punctuation and table pipes neutral;
 * @mentions, e-mail addresses and bare URLs shown literally in code spans, never linked.
 */
export function escapeMarkdown(s: string): string {
  return safeText(s)
    .split(/(\s+)/)
    .map((w, i) => (i % 2 === 1 || !w ? w : LINKABLE.test(w) ? codeSpan(w) : unlinked(escapeRunningText(w))))
    .join('')
    // Where the text starts a line: no list item, numbered item, rule or heading underline.
    .replace(/^(\s*)(-(?=\s|-*\s*$)|=(?==*\s*$))/, '$1\\$2')
    .replace(/^(\s*\d+)\.(?=\s|$)/, '$1\\.');
}

/** Text shown as code (a file name, a setting): a code span when that is safe, escaped text otherwise. */
export function markdownCode(s: string): string {
  const line = safeText(s);
  return /[<>]/.test(line) || !line.trim() ? escapeMarkdown(line) : codeSpan(line);
}

/** The same escaping, under the name the table-building code has used. */
export const escapeMarkdownCell = escapeMarkdown;

/** Workflow-command message data (after `::`), per the runner's escaping rules. */
export function escapeCommandData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Workflow-command property values (title=, file=), per the runner's escaping rules. */
export function escapeCommandProperty(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/:/g, '%3A').replace(/,/g, '%2C');
}
