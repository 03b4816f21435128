// Escaping for every sink that text from scanned files reaches: terminals, workflow commands,
// Markdown/HTML job summaries. File names, resource names and values are attacker-controlled.

/** One line of plain text: control characters (newlines, ESC, ...) shown as visible escapes. */
export function safeText(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
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

/** Text placed in a Markdown table cell: HTML-escaped, Markdown punctuation neutralised, one line. */
export function escapeMarkdownCell(s: string): string {
  // Markdown punctuation first, then HTML: escaping after would break the entities (&\#39;).
  // A quote cannot end anything in cell text (it matters only inside attributes): kept readable.
  return escapeHtml(safeText(s).replace(/([\\`*_{}[\]()#+!~])/g, '\\$1'))
    .replace(/&#39;/g, "'")
    .replace(/\|/g, '&#124;')
    .replace(/@/g, '@\u200b'); // no accidental @mentions
}

/** Workflow-command message data (after `::`), per the runner's escaping rules. */
export function escapeCommandData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Workflow-command property values (title=, file=), per the runner's escaping rules. */
export function escapeCommandProperty(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/:/g, '%3A').replace(/,/g, '%2C');
}
