// report: JUnit XML, the test-report format GitLab, Jenkins and Azure Pipelines show natively.
// Validated against the JUnit schema Jenkins' xUnit plugin uses (tests/schemas/junit-10.xsd).
//   <testsuites>           the scan
//     <testsuite>          one per rule that applied to something (name "<id>: <title>")
//       <testcase>         one per finding (a <failure>), per passed (rule, resource) pair (empty),
//                          per pair not evaluated (<skipped>); waived and baselined findings are
//                          <skipped> with the waiver's reason or the baseline named
//     <testsuite name="controlgate: files not scanned">  one <testcase> with an <error> per file
// Pure: the ScanResult in, the XML out. Every string passes through xmlText/xmlAttr: file names,
// resource addresses and messages come from the scanned files.
import type { Finding, ScanResult } from '../model/types.js';
import { controlLabel, type ShownFramework } from './text.js';
import { failingFindings, type FailOn } from '../model/verdict.js';

export interface JunitOptions {
  frameworks?: ShownFramework[];
  /** --quiet: only what fails the run at this fail-on (failing findings, file errors). */
  quietFailOn?: FailOn;
}

/** Characters XML 1.0 cannot carry at all (most C0 controls, U+FFFE/U+FFFF, lone surrogates), as
 * visible \uXXXX escapes; everything else is kept. */
function xmlChars(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function xmlText(s: string): string {
  return xmlChars(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attribute values: also quotes, and line breaks and tabs as character references (attribute
 * normalisation would otherwise turn them into spaces). */
export function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

interface Case {
  name: string;
  classname: string;
  order: string;
  /** The child element, if any. */
  child?: { tag: 'failure' | 'skipped' | 'error'; type?: string; message: string; body?: string };
}

interface Suite {
  name: string;
  cases: Case[];
  properties: Array<[string, string]>;
}

const sortKey = (file: string, line: number, rest: string): string => `${file}\u0000${String(line).padStart(8, '0')}\u0000${rest}`;

function findingCase(f: Finding, frameworks: ShownFramework[] | undefined, skippedBecause?: string): Case {
  const name = `${f.file}:${f.range.startLine} ${f.resource}`;
  const base = { name, classname: f.id, order: sortKey(f.file, f.range.startLine, `${f.id}\u0000${f.fingerprint}`) };
  if (skippedBecause) return { ...base, child: { tag: 'skipped', message: `${skippedBecause}: ${f.message}` } };
  const body = [
    f.message,
    `Rule: ${f.id} (${f.severity}) ${f.title}`,
    `Location: ${f.file}:${f.range.startLine}${f.range.endLine !== f.range.startLine ? `-${f.range.endLine}` : ''}, ${f.resource}`,
    ...(f.callSite ? [`Via: module ${f.callSite.module} at ${f.callSite.file}:${f.callSite.line}`] : []),
    ...(f.instances ? [`Instances: ${f.instances.join(', ')}`] : []),
    `Controls: ${controlLabel(f.controls, frameworks)}`,
    `Fix: ${f.remediation}`,
    ...(f.waiver?.status === 'expired' ? [`Waiver ${f.waiver.id} expired on ${f.waiver.expires}`] : []),
    `Fingerprint: ${f.fingerprint}`,
  ].join('\n');
  return { ...base, child: { tag: 'failure', type: f.severity, message: f.message, body } };
}

function suites(r: ScanResult, o: JunitOptions): Suite[] {
  const byRule = new Map<string, Suite>();
  const meta = new Map(r.catalog.rules.map((m) => [m.id, m]));
  const suiteOf = (ruleId: string): Suite => {
    let s = byRule.get(ruleId);
    if (!s) {
      const m = meta.get(ruleId);
      s = {
        name: m ? `${ruleId}: ${m.title}` : ruleId,
        cases: [],
        properties: m ? [['severity', m.severity], ['controls', controlLabel(m.controls, o.frameworks)]] : [],
      };
      byRule.set(ruleId, s);
    }
    return s;
  };
  const quiet = o.quietFailOn !== undefined;
  const failing = new Set(quiet ? failingFindings(r.findings, o.quietFailOn!) : []);
  for (const f of r.findings) {
    if (f.waiver?.status === 'applied') {
      if (!quiet) suiteOf(f.ruleId).cases.push(findingCase(f, o.frameworks, `waived (${f.waiver.id}): ${f.waiver.reason || 'no reason recorded'}`));
    } else if (!quiet || failing.has(f)) suiteOf(f.ruleId).cases.push(findingCase(f, o.frameworks));
  }
  if (!quiet) {
    for (const f of r.baseline?.accepted ?? []) suiteOf(f.ruleId).cases.push(findingCase(f, o.frameworks, `accepted risk (baseline ${r.baseline!.file})`));
    for (const e of r.evaluations) {
      if (e.status !== 'passed' && e.status !== 'not_evaluated') continue; // failed/waived pairs appear as their findings
      suiteOf(e.ruleId).cases.push({
        name: `${e.file} ${e.resource}`,
        classname: e.ruleId,
        order: sortKey(e.file, 0, `${e.ruleId}\u0000${e.resource}`),
        ...(e.status === 'not_evaluated' ? { child: { tag: 'skipped' as const, message: `not evaluated: ${e.reason ?? 'values unknown statically'}` } } : {}),
      });
    }
  }
  const out = [...byRule.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, s]) => s);
  if (r.errors.length) {
    out.push({
      name: 'controlgate: files not scanned',
      properties: [],
      cases: r.errors.map((e) => ({
        name: `${e.path}:${e.range.startLine}`,
        classname: 'controlgate.file-error',
        order: sortKey(e.path, e.range.startLine, ''),
        child: { tag: 'error' as const, type: e.kind, message: e.message },
      })),
    });
  }
  for (const s of out) s.cases.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
  return out;
}

const count = (cases: Case[], tag: string): number => cases.filter((c) => c.child?.tag === tag).length;

function renderCase(c: Case): string {
  const open = `    <testcase name="${xmlAttr(c.name)}" classname="${xmlAttr(c.classname)}" time="0"`;
  if (!c.child) return `${open}/>`;
  const { tag, type, message, body } = c.child;
  const attrs = `${type ? ` type="${xmlAttr(type)}"` : ''} message="${xmlAttr(message)}"`;
  const child = body ? `<${tag}${attrs}>${xmlText(body)}</${tag}>` : `<${tag}${attrs}/>`;
  return `${open}>\n      ${child}\n    </testcase>`;
}

/** The scan as a JUnit XML document. */
export function renderJunit(r: ScanResult, o: JunitOptions = {}): string {
  const all = suites(r, o);
  const cases = all.flatMap((s) => s.cases);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="controlgate" tests="${cases.length}" failures="${count(cases, 'failure')}" errors="${count(cases, 'error')}" time="0">`,
  ];
  for (const s of all) {
    lines.push(
      `  <testsuite name="${xmlAttr(s.name)}" tests="${s.cases.length}" failures="${count(s.cases, 'failure')}" errors="${count(s.cases, 'error')}" skipped="${count(s.cases, 'skipped')}" time="0" timestamp="${xmlAttr(r.startedAt)}">`,
    );
    if (s.properties.length) {
      lines.push('    <properties>', ...s.properties.map(([k, v]) => `      <property name="${xmlAttr(k)}" value="${xmlAttr(v)}"/>`), '    </properties>');
    }
    lines.push(...s.cases.map(renderCase), '  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}

