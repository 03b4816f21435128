// report: SARIF 2.1.0 for GitHub code scanning (github/codeql-action/upload-sarif) and other tools.
// Pure: findings and the catalog in, one SARIF log out. Rule ids are the catalog ids (plus /sub for
// sub-results, which carry their own severity); results carry our own partialFingerprints (rule,
// file, resource, attribute path) so alerts survive lines moving; control ids go in properties and,
// capped, in tags (GitHub keeps 20 tags per rule and shows 10).
import type { Catalog, FileError, Finding, RuleMeta, Severity } from '../model/types.js';
import type { ShardStamp } from '../model/shard.js';
import { compareUtf8 } from '../util/byte-order.js';

/** The module calls that made a finding's resource, root call first (none in a root module). */
export function callsOf(f: Pick<Finding, 'callSite' | 'callChain'>): NonNullable<Finding['callChain']> {
  return f.callChain ?? (f.callSite ? [f.callSite] : []);
}

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const TOOL_NAME = 'Controlgate';
export const TOOL_VERSION = '0.1.0';
export const PROJECT_REPO = 'controlgate/controlgate';
export const FINGERPRINT_KEY = 'controlgate/v1';
const MAX_TAGS = 10;

/** GitHub maps security-severity to critical (>= 9.0), high (7.0-8.9), medium (4.0-6.9), low (< 4). */
export const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '1.0' };

export function sarifLevel(s: Severity): 'error' | 'warning' | 'note' {
  if (s === 'critical' || s === 'high') return 'error';
  if (s === 'medium') return 'warning';
  return 'note';
}

/**
 * Where a rule's documentation page lives: the action's own repository at the ref the workflow
 * used (GITHUB_ACTION_REPOSITORY / GITHUB_ACTION_REF), else the project repository's main branch.
 */
export function ruleDocUrl(ruleId: string, env: NodeJS.ProcessEnv = process.env): string {
  const repo = env.GITHUB_ACTION_REPOSITORY || PROJECT_REPO;
  const ref = env.GITHUB_ACTION_REPOSITORY ? env.GITHUB_ACTION_REF || 'main' : 'main';
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  const base = ruleId.split('/')[0]!;
  return `${server}/${repo}/blob/${encodeURIComponent(ref).replace(/%2F/g, '/')}/docs/rules/${encodeURIComponent(base)}.md`;
}

export interface SarifOptions {
  /** Fingerprints of findings in the pull request's scope (changed lines/files); absent: all are. */
  inScope?: Set<string>;
  /** runAutomationDetails.id category, e.g. "controlgate/" (a trailing slash means category only). */
  automationId?: string;
  /** Base for rule help links; defaults to ruleDocUrl(). */
  docUrl?: (ruleId: string) => string;
  /** Files that could not be scanned: reported as tool execution notifications. */
  errors?: FileError[];
  /** Commit the results are for (versionControlProvenance); optional. */
  revision?: { repositoryUri: string; revisionId: string; branch?: string };
  /** Set for one shard of a sharded scan: recorded in the run's properties for `controlgate merge`. */
  shard?: ShardStamp;
}

type Json = Record<string, unknown>;

function controlsText(c: RuleMeta['controls']): string {
  const parts = [
    c.iso27017.length ? `ISO/IEC 27017: ${c.iso27017.join(', ')}` : '',
    c.iso27002.length ? `ISO/IEC 27002:2022: ${c.iso27002.join(', ')}` : '',
    c.soc2.length ? `SOC 2: ${c.soc2.join(', ')}` : '',
    c.cis.length ? `CIS: ${c.cis.map((x) => x.replace(/^CIS\s+/, '')).join(', ')}` : '',
    c.nist.length ? `NIST SP 800-53 r5: ${c.nist.join(', ')}` : '',
  ];
  return parts.filter(Boolean).join('; ');
}

function ruleDescriptor(meta: RuleMeta, id: string, severity: Severity, message: string, docUrl: string): Json {
  const controls = controlsText(meta.controls);
  const tags = ['security', 'compliance', ...meta.controls.iso27017, ...meta.controls.soc2.map((s) => `SOC2-${s}`)];
  return {
    id,
    name: id.replace(/[^A-Za-z0-9]+/g, ''),
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.description },
    messageStrings: { default: { text: message } },
    help: {
      text: `${meta.description}\n\nFix: ${meta.remediation}\n\nControls: ${controls}\n\nDocumentation: ${docUrl}`,
      markdown:
        `${meta.description}\n\n**Fix:** ${meta.remediation}\n\n**Controls:** ${controls}\n\n` +
        `[Rule documentation](${docUrl})`,
    },
    helpUri: docUrl,
    defaultConfiguration: { level: sarifLevel(severity) },
    properties: {
      'security-severity': SECURITY_SEVERITY[severity],
      severity,
      precision: 'high',
      'problem.severity': sarifLevel(severity) === 'note' ? 'recommendation' : sarifLevel(severity),
      tags: [...new Set(tags)].slice(0, MAX_TAGS),
      controls: meta.controls,
    },
  };
}

/** Every catalog rule and sub-result as a reporting descriptor, sorted by id. */
export function sarifRules(catalog: Catalog, docUrl: (id: string) => string): Json[] {
  const out: Json[] = [];
  for (const meta of catalog.rules) {
    out.push(ruleDescriptor(meta, meta.id, meta.severity, meta.message, docUrl(meta.id)));
    for (const [sub, s] of Object.entries(meta.subresults)) {
      out.push(ruleDescriptor(meta, `${meta.id}/${sub}`, s.severity, s.message, docUrl(meta.id)));
    }
  }
  return out.sort((a, b) => compareUtf8(String(a.id), String(b.id)));
}

/** The module calls that instantiated a finding's resource (root call first), the variable-file lines
 * its value came from, then each count / for_each / module instance of a grouped finding (the same
 * block, so the result's own region, named by its address): SARIF relatedLocations, shown beside
 * the result by code scanning. */
function relatedLocations(f: Finding, region: Json): { relatedLocations?: Json[] } {
  const at = (file: string, line: number, text: string): Json => ({
    physicalLocation: { artifactLocation: { uri: encodeURI(file), uriBaseId: '%SRCROOT%' }, region: { startLine: Math.max(1, line) } },
    message: { text },
  });
  const related: Json[] = [
    ...callsOf(f).map((c) => at(c.file, c.line, `${c.module} is called here`)),
    ...(f.valueFrom ?? []).map((v) => at(v.file, v.line, `var.${v.variable} is set here`)),
    ...(f.instances ?? []).map((name) => ({
      physicalLocation: { artifactLocation: { uri: encodeURI(f.file), uriBaseId: '%SRCROOT%' }, region },
      logicalLocations: [{ name, fullyQualifiedName: name, kind: 'resource' }],
      message: { text: `instance ${name}` },
    })),
  ];
  return related.length ? { relatedLocations: related.map((r, i) => ({ id: i + 1, ...r })) } : {};
}

/** Lines added to a result's message: the module call chain, the variable-file assignments, the
 * instances of a grouped finding and the broader rules' findings it covers. */
export function provenanceLines(f: Finding): string {
  const chain = callsOf(f);
  const lines = [
    ...(chain.length ? [`Module call chain: ${chain.map((c) => `${c.module} (${c.file}:${c.line})`).join(' -> ')}.`] : []),
    ...(f.valueFrom ?? []).map((v) => `Value of var.${v.variable} set in ${v.file}:${v.line}.`),
    ...(f.instances ? [`${instancesLine(f.instances)}.`] : []),
    ...(f.covers ?? []).map((c) => `${coverLine(c)}.`),
  ];
  return lines.length ? `\n${lines.join('\n')}` : '';
}

const MAX_INSTANCES_LISTED = 10;

/** "Instances (12): a[0], a[1], ... +2 more": the instances a grouped finding stands for. */
export function instancesLine(instances: string[]): string {
  const shown = instances.slice(0, MAX_INSTANCES_LISTED).join(', ');
  const more = instances.length > MAX_INSTANCES_LISTED ? `, +${instances.length - MAX_INSTANCES_LISTED} more` : '';
  return `Instances (${instances.length}): ${shown}${more}`;
}

/** "Also covers NET-AWS-001: <its message>": a broader rule's finding reported as this one. */
export function coverLine(c: NonNullable<Finding['covers']>[number]): string {
  return `Also covers ${c.id}: ${c.message}`;
}

export function buildSarif(findings: Finding[], catalog: Catalog, o: SarifOptions = {}): Json {
  const docUrl = o.docUrl ?? ((id: string) => ruleDocUrl(id));
  const rules = sarifRules(catalog, docUrl);
  const index = new Map(rules.map((r, i) => [String(r.id), i]));
  const artifacts = [...new Set([...findings.map((f) => f.file), ...(o.errors ?? []).map((e) => e.path)])].sort();
  const artifactIndex = new Map(artifacts.map((a, i) => [a, i]));

  const results = findings.map((f) => {
    const region: Json = { startLine: f.range.startLine, endLine: Math.max(f.range.endLine, f.range.startLine) };
    const inScope = o.inScope ? o.inScope.has(f.fingerprint) : true;
    const result: Json = {
      ruleId: f.id,
      ...(index.has(f.id) ? { ruleIndex: index.get(f.id) } : {}),
      level: sarifLevel(f.severity),
      message: { text: `${f.message}. Fix: ${f.remediation}${provenanceLines(f)}` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeURI(f.file), uriBaseId: '%SRCROOT%', index: artifactIndex.get(f.file) },
            region,
          },
          logicalLocations: [{ name: f.resource, fullyQualifiedName: f.resource, kind: 'resource' }],
        },
      ],
      ...relatedLocations(f, region),
      partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
      properties: {
        severity: f.severity,
        resource: f.resource,
        attributePath: f.path.map(String).join('.'),
        controls: f.controls,
        inPullRequestScope: inScope,
        ...(f.instances ? { instances: f.instances } : {}),
        ...(f.covers ? { covers: f.covers.map((c) => ({ ruleId: c.id, attributePath: c.path.map(String).join('.'), message: c.message })) } : {}),
      },
    };
    return result;
  });

  const notifications = (o.errors ?? []).map((e) => ({
    level: 'error',
    message: { text: `File not scanned: ${e.message}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeURI(e.path), uriBaseId: '%SRCROOT%', index: artifactIndex.get(e.path) },
          region: { startLine: Math.max(1, e.range.startLine), endLine: Math.max(1, e.range.endLine, e.range.startLine) },
        },
      },
    ],
  }));

  const run: Json = {
    tool: {
      driver: {
        name: TOOL_NAME,
        semanticVersion: TOOL_VERSION,
        version: TOOL_VERSION,
        informationUri: `https://github.com/${PROJECT_REPO}`,
        rules,
        properties: { opaVersion: catalog.opaVersion },
      },
    },
    automationDetails: { id: o.automationId ?? 'controlgate/' },
    originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The repository root (GITHUB_WORKSPACE).' } } },
    artifacts: artifacts.map((a) => ({ location: { uri: encodeURI(a), uriBaseId: '%SRCROOT%' } })),
    invocations: [{ executionSuccessful: (o.errors ?? []).length === 0, toolExecutionNotifications: notifications }],
    ...(o.revision
      ? { versionControlProvenance: [{ repositoryUri: o.revision.repositoryUri, revisionId: o.revision.revisionId, ...(o.revision.branch ? { branch: o.revision.branch } : {}) }] }
      : {}),
    results,
    columnKind: 'utf16CodeUnits',
    ...(o.shard ? { properties: { controlgateShard: o.shard } } : {}),
  };
  return { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] };
}

export function renderSarif(findings: Finding[], catalog: Catalog, o: SarifOptions = {}): string {
  return `${JSON.stringify(buildSarif(findings, catalog, o), null, 2)}\n`;
}
