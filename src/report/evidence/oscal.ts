// The evidence as NIST OSCAL 1.0.6 assessment-results: one result for the run, one observation and
// one finding per control of each framework (ISO/IEC 27017, ISO/IEC 27002:2022, SOC 2; every id is
// prefixed with its framework and carries a framework prop). A control is satisfied only when its
// rules were applied to at least one resource and none failed or is undetermined; a control without
// population or with manual parts is not-satisfied with reason "other". UUIDs are derived from content (name-based, version 5 layout) so
// the document is as deterministic as the evidence it renders.
import { createHash } from 'node:crypto';
import type { ControlEvidence, Evidence } from './evidence.js';

export const OSCAL_VERSION = '1.0.6';

/** A name-based UUID (RFC 4122 version 5 layout over SHA-1). */
export function uuidFor(name: string): string {
  const h = createHash('sha1').update(`controlgate:${name}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

/** The catalog each framework's control ids belong to: named on every control (props) and in its id. */
export const FRAMEWORKS = {
  iso27017: { title: 'ISO/IEC 27017:2015' },
  iso27002: { title: 'ISO/IEC 27002:2022' },
  soc2: { title: 'AICPA SOC 2 Trust Services Criteria' },
} as const;
type FrameworkKey = keyof typeof FRAMEWORKS;
const NS = 'https://controlgate.dev/ns/oscal';

/** The control's id qualified by its framework (an OSCAL token: letters first, then letters, digits, . - _). */
export function qualifiedControlId(fw: FrameworkKey, id: string): string {
  return `${fw}-${id.replace(/[^\p{L}\p{N}._-]/gu, '_')}`;
}

function describe(c: ControlEvidence): string {
  const base =
    c.rules.length === 0
      ? 'No rule can show this control from code.'
      : `${c.rules.length} rule(s) (${c.rules.join(', ')}) applied to ${c.resourcesEvaluated} resource(s); of the (rule, resource) checks, ${c.passed} passed, ${c.failed} failed, ${c.waived} waived, ${c.notEvaluated} not evaluated.`;
  return c.manual ? `${base} Manual evidence needed: ${c.manual}` : base;
}

/** The conclusion for one control, with a reason and remarks that agree with it. */
export function controlStatus(c: ControlEvidence): { state: 'satisfied' | 'not-satisfied'; reason: 'pass' | 'fail' | 'other'; remarks?: string } {
  if (c.failed > 0) return { state: 'not-satisfied', reason: 'fail', remarks: `${c.failed} check(s) of the rules evidencing this control failed.` };
  if (c.rules.length === 0) return { state: 'not-satisfied', reason: 'other', remarks: `No automated evidence: ${c.manual ?? 'manual evidence is required.'}` };
  if (c.resourcesEvaluated === 0) {
    return { state: 'not-satisfied', reason: 'other', remarks: 'No population: no resource this control\'s rules apply to was evaluated, so nothing shows the control operating.' };
  }
  if (c.notEvaluated > 0) return { state: 'not-satisfied', reason: 'other', remarks: `${c.notEvaluated} check(s) depend on values not known statically; the outcome is not established.` };
  if (c.manual) return { state: 'not-satisfied', reason: 'other', remarks: `The automated checks passed; the rest must be evidenced manually: ${c.manual}` };
  return { state: 'satisfied', reason: 'pass', ...(c.waived ? { remarks: `${c.waived} check(s) waived by documented exceptions (see the evidence's waivers).` } : {}) };
}

export function renderOscal(e: Evidence): string {
  const seed = `${e.policyBundle.sha256}:${e.run.repository ?? ''}:${e.run.commit ?? ''}:${e.run.runId ?? ''}:${e.time.startedAt}`;
  const observations: unknown[] = [];
  const findings: unknown[] = [];
  const selections: unknown[] = [];
  for (const fw of ['iso27017', 'iso27002', 'soc2'] as const) {
    const framework = { name: 'framework', ns: NS, value: FRAMEWORKS[fw].title };
    const ids: string[] = [];
    for (const c of e.controls[fw]) {
      const id = qualifiedControlId(fw, c.id);
      ids.push(id);
      const obsUuid = uuidFor(`${seed}:observation:${fw}:${c.id}`);
      observations.push({
        uuid: obsUuid,
        title: `${FRAMEWORKS[fw].title} ${c.id}`,
        description: describe(c),
        props: [
          framework,
          { name: 'control-id', ns: NS, value: c.id },
          { name: 'resources-evaluated', ns: NS, value: String(c.resourcesEvaluated) },
          { name: 'checks-passed', ns: NS, value: String(c.passed) },
          { name: 'checks-failed', ns: NS, value: String(c.failed) },
          { name: 'checks-waived', ns: NS, value: String(c.waived) },
          { name: 'checks-not-evaluated', ns: NS, value: String(c.notEvaluated) },
        ],
        methods: [c.rules.length ? 'TEST' : 'EXAMINE'],
        collected: e.time.finishedAt,
      });
      const status = controlStatus(c);
      findings.push({
        uuid: uuidFor(`${seed}:finding:${fw}:${c.id}`),
        title: `${FRAMEWORKS[fw].title} ${c.id} ${c.title}`,
        description: describe(c),
        props: [framework, { name: 'control-id', ns: NS, value: c.id }],
        target: { type: 'objective-id', 'target-id': id, status },
        'related-observations': [{ 'observation-uuid': obsUuid }],
      });
    }
    selections.push({
      description: `${FRAMEWORKS[fw].title}: control ids prefixed "${fw}-".`,
      props: [framework],
      'include-controls': ids.map((id) => ({ 'control-id': id })),
    });
  }
  // The plan is the same for every run with this bundle and configuration: its id follows from them.
  const planUuid = uuidFor(`assessment-plan:${e.policyBundle.sha256}:${e.policyBundle.catalogSha256}:${e.configuration.sha256}`);
  const doc = {
    'assessment-results': {
      uuid: uuidFor(`${seed}:assessment-results`),
      metadata: {
        title: `Controlgate assessment${e.run.repository ? ` of ${e.run.repository}` : ''}${e.run.commit ? ` at ${e.run.commit}` : ''}`,
        'last-modified': e.time.finishedAt,
        version: e.tool.version,
        'oscal-version': OSCAL_VERSION,
      },
      // The plan is not a separate OSCAL document: it is the policy bundle, its rule catalog and the
      // configuration, identified by digest in the back-matter resource this points to.
      'import-ap': {
        href: `#${planUuid}`,
        remarks: 'No separate OSCAL assessment plan exists. The plan of this automated assessment is the policy bundle, its rule catalog and the configuration, identified by their digests in the referenced back-matter resource.',
      },
      results: [
        {
          uuid: uuidFor(`${seed}:result`),
          title: 'Controlgate policy scan',
          description: `Rego policies (bundle sha256 ${e.policyBundle.sha256}, ${e.policyBundle.rules} rules) evaluated ${e.files.length} file(s): ${e.result.findings} finding(s), ${e.result.failing} failing, ${e.result.waived} waived.`,
          start: e.time.startedAt,
          end: e.time.finishedAt,
          props: [
            { name: 'policy-bundle-sha256', ns: NS, value: e.policyBundle.sha256 },
            { name: 'configuration-sha256', ns: NS, value: e.configuration.sha256 },
            { name: 'verdict', ns: NS, value: e.result.passed ? 'passed' : 'failed' },
            ...(e.run.commit ? [{ name: 'commit', ns: NS, value: e.run.commit }] : []),
            ...(e.change ? [{ name: 'pull-request', ns: NS, value: String(e.change.pullRequest) }, { name: 'head-sha', ns: NS, value: e.change.headSha }, { name: 'base-sha', ns: NS, value: e.change.baseSha }] : []),
            ...(e.run.runUrl ? [{ name: 'run-url', ns: NS, value: e.run.runUrl }] : []),
          ],
          'reviewed-controls': { 'control-selections': selections },
          observations,
          findings,
        },
      ],
      'back-matter': {
        resources: [
          {
            uuid: planUuid,
            title: `Controlgate assessment plan: policy bundle ${e.policyBundle.sha256.slice(0, 12)}, configuration ${e.configuration.sha256.slice(0, 12)}`,
            description: `Controlgate ${e.tool.version} evaluates ${e.policyBundle.rules} Rego rules (compiled by OPA ${e.policyBundle.opaVersion}) on the Terraform and Packer files of ${Array.isArray(e.configuration.settings.paths) ? (e.configuration.settings.paths as string[]).join(', ') : 'the repository'}, failing on findings at or above ${e.configuration.failOn}. Each rule names the controls it evidences.`,
            props: [
              { name: 'policy-bundle-sha256', ns: NS, value: e.policyBundle.sha256 },
              { name: 'catalog-sha256', ns: NS, value: e.policyBundle.catalogSha256 },
              { name: 'configuration-sha256', ns: NS, value: e.configuration.sha256 },
            ],
            rlinks: [
              { href: 'policy.wasm', 'media-type': 'application/wasm', hashes: [{ algorithm: 'SHA-256', value: e.policyBundle.sha256 }] },
              { href: 'catalog.json', 'media-type': 'application/json', hashes: [{ algorithm: 'SHA-256', value: e.policyBundle.catalogSha256 }] },
              ...e.configuration.files.map((f) => ({ href: f.path, 'media-type': 'application/yaml', hashes: [{ algorithm: 'SHA-256', value: f.sha256 }] })),
            ],
          },
        ],
      },
    },
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
