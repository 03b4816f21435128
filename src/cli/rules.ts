// `controlgate rules [--format text|json]`: every built-in rule (id, severity, title, controls).
// `controlgate explain <ID>`: one rule's page in the terminal: why, how to fix, controls, examples.
// Both read what ships with the tool: dist/catalog.json and the generated docs/rules/<ID>.md.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { EXIT, UsageError } from '../errors.js';
import { defaultAssetsDir } from '../engine/bundles.js';
import type { RuleMeta } from '../model/types.js';
import { controlLabel } from '../report/text.js';
import { builtInCatalog } from './policy.js';
import { painter, useColour, type Paint } from './colour.js';

export const RULES_USAGE = `controlgate rules [--format text|json]
       controlgate explain <RULE-ID>`;

type Out = NodeJS.WritableStream & { isTTY?: boolean };

export function rulesCommand(args: string[], out: Out): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, strict: true, options: { format: { type: 'string', default: 'text' } } });
  if (positionals.length) throw new UsageError('rules takes no arguments (explain one rule with: controlgate explain <RULE-ID>)');
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`rules --format must be text or json (got "${values.format}")`);
  const rules = [...builtInCatalog(defaultAssetsDir()).rules].sort((a, b) => (a.id < b.id ? -1 : 1));
  if (values.format === 'json') {
    const doc = rules.map((r) => ({
      id: r.id,
      severity: r.severity,
      title: r.title,
      controls: r.controls,
      inputs: r.inputs,
      subresults: Object.entries(r.subresults).map(([k, v]) => ({ id: `${r.id}/${k}`, severity: v.severity })),
    }));
    out.write(`${JSON.stringify(doc, null, 2)}\n`);
    return EXIT.ok;
  }
  const widthId = Math.max(...rules.map((r) => r.id.length));
  const rows = rules.map((r) => `${r.id.padEnd(widthId)}  ${r.severity.padEnd(8)}  ${r.title}  [${controlLabel(r.controls)}]`);
  out.write(`${rows.join('\n')}\n\n${rules.length} rule(s); details: controlgate explain <RULE-ID>\n`);
  return EXIT.ok;
}

/** The generated page of a rule (docs/rules/<ID>.md beside dist/), when this installation has it. */
function rulePage(assetsDir: string, id: string): string | undefined {
  const file = path.resolve(assetsDir, '..', 'docs', 'rules', `${id}.md`);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/** A rule's page from the catalog alone (a rule without a generated page). */
function pageFromCatalog(r: RuleMeta): string {
  const subs = Object.entries(r.subresults);
  return [
    `# ${r.id}: ${r.title}`,
    '',
    `**Severity:** ${r.severity} · **Applies to:** ${r.inputs.join(', ')}`,
    '',
    '## What and why',
    '',
    r.description,
    '',
    ...(subs.length ? ['### Separate results', '', ...subs.map(([k, v]) => `- \`${r.id}/${k}\` (${v.severity}): ${v.message}`), ''] : []),
    '## Controls',
    '',
    controlLabel(r.controls, ['iso27017', 'iso27002', 'soc2', 'cis', 'nist']),
    '',
    '## How to fix',
    '',
    r.remediation,
    '',
  ].join('\n');
}

/** Markdown as terminal text: headings underlined, tables aligned, code indented, markup removed. */
export function markdownForTerminal(md: string, paint: Paint): string {
  const out: string[] = [];
  const lines = md.replace(/<!--[\s\S]*?-->\n?/g, '').split('\n');
  const inline = (s: string): string => s.replace(/\*\*([^*]+)\*\*/g, (_m, t: string) => paint('bold', t)).replace(/\*([^*]+)\*/g, '$1').replace(/`([^`]+)`/g, '$1');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('```')) {
      for (i++; i < lines.length && !lines[i]!.startsWith('```'); i++) out.push(`    ${lines[i]}`);
      continue;
    }
    const h = /^(#{1,6})\s+(.*)$/.exec(line);
    if (h) {
      const text = inline(h[2]!);
      out.push(paint('bold', text));
      if (h[1]!.length <= 2) out.push((h[1]!.length === 1 ? '=' : '-').repeat(text.replace(/\x1b\[[0-9;]*m/g, '').length));
      continue;
    }
    if (line.startsWith('|')) {
      const rows: string[][] = [];
      for (; i < lines.length && lines[i]!.startsWith('|'); i++) {
        const cells = lines[i]!.replace(/^\||\|$/g, '').split('|').map((c) => inline(c.trim()));
        if (!cells.every((c) => /^:?-+:?$/.test(c))) rows.push(cells);
      }
      i--;
      const widths = rows[0]!.map((_c, k) => Math.max(...rows.map((r) => (r[k] ?? '').length)));
      for (const r of rows) out.push(`  ${r.map((c, k) => (k === r.length - 1 ? c : c.padEnd(widths[k]!))).join('  ')}`.trimEnd());
      continue;
    }
    out.push(inline(line));
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

export function explainCommand(args: string[], out: Out): number {
  const { positionals } = parseArgs({ args, allowPositionals: true, strict: true, options: {} });
  if (positionals.length !== 1) throw new UsageError('explain takes one rule id, e.g. controlgate explain VMH-AWS-001 (list them with: controlgate rules)');
  const asked = positionals[0]!.trim();
  const assets = defaultAssetsDir();
  const rules = builtInCatalog(assets).rules;
  // A result id (VMH-AWS-001/hop-limit) explains its rule; ids match case-insensitively.
  const wanted = asked.split('/')[0]!.toUpperCase();
  const rule = rules.find((r) => r.id.toUpperCase() === wanted);
  if (!rule) throw new UsageError(`no rule "${asked}" (list them with: controlgate rules)`);
  // The page is looked up by the catalog's id, never by what was typed: no path from the argument.
  const page = rulePage(assets, rule.id) ?? pageFromCatalog(rule);
  out.write(markdownForTerminal(page, painter(useColour(out))));
  return EXIT.ok;
}
