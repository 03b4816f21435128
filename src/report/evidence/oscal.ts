// The evidence as NIST OSCAL 1.0.6 assessment-results: one result for the run, one observation and
// one finding per control (ISO/IEC 27017, ISO/IEC 27002:2022, SOC 2), satisfied when no rule
// evidencing the control failed. UUIDs are derived from content (name-based, version 5 layout) so
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

const FRAMEWORK_NS = { iso27017: 'ISO/IEC 27017:2015', iso27002: 'ISO/IEC 27002:2022', soc2: 'SOC 2 TSC' } as const;

function describe(c: ControlEvidence): string {
  const base =
    c.rules.length === 0
      ? 'No rule can show this control from code.'
      : `${c.rules.length} rule(s) (${c.rules.join(', ')}) evaluated ${c.resourcesEvaluated} resource(s): ${c.passed} passed, ${c.failed} failed, ${c.waived} waived, ${c.notEvaluated} not evaluated.`;
  return c.manual ? `${base} Manual evidence needed: ${c.manual}` : base;
}

export function renderOscal(e: Evidence): string {
  const seed = `${e.policyBundle.sha256}:${e.run.repository ?? ''}:${e.run.commit ?? ''}:${e.run.runId ?? ''}:${e.time.startedAt}`;
  const observations: unknown[] = [];
  const findings: unknown[] = [];
  const controlIds: string[] = [];
  for (const fw of ['iso27017', 'iso27002', 'soc2'] as const) {
    for (const c of e.controls[fw]) {
      controlIds.push(c.id);
      const obsUuid = uuidFor(`${seed}:observation:${fw}:${c.id}`);
      observations.push({
        uuid: obsUuid,
        title: `${FRAMEWORK_NS[fw]} ${c.id}`,
        description: describe(c),
        props: [
          { name: 'passed', value: String(c.passed) },
          { name: 'failed', value: String(c.failed) },
          { name: 'waived', value: String(c.waived) },
          { name: 'not-evaluated', value: String(c.notEvaluated) },
        ],
        methods: [c.rules.length ? 'TEST' : 'EXAMINE'],
        collected: e.time.finishedAt,
      });
      const state = c.failed === 0 && c.rules.length > 0 && !c.manual ? 'satisfied' : c.failed > 0 ? 'not-satisfied' : undefined;
      findings.push({
        uuid: uuidFor(`${seed}:finding:${fw}:${c.id}`),
        title: `${c.id} ${c.title}`,
        description: describe(c),
        target: {
          type: 'objective-id',
          'target-id': c.id,
          // A control that also needs manual evidence is never "satisfied" on code alone.
          status: { state: state ?? 'not-satisfied', reason: state ? 'pass' : c.failed > 0 ? 'fail' : 'other' },
          ...(state ? {} : { remarks: c.failed > 0 ? 'Rules evidencing this control failed.' : 'Automated evidence is partial or absent; manual evidence is required.' }),
        },
        'related-observations': [{ 'observation-uuid': obsUuid }],
      });
    }
  }
  const doc = {
    'assessment-results': {
      uuid: uuidFor(`${seed}:assessment-results`),
      metadata: {
        title: `Controlgate assessment${e.run.repository ? ` of ${e.run.repository}` : ''}${e.run.commit ? ` at ${e.run.commit}` : ''}`,
        'last-modified': e.time.finishedAt,
        version: e.tool.version,
        'oscal-version': OSCAL_VERSION,
      },
      'import-ap': { href: `urn:controlgate:policy-bundle:sha256:${e.policyBundle.sha256}` },
      results: [
        {
          uuid: uuidFor(`${seed}:result`),
          title: 'Controlgate policy scan',
          description: `Rego policies (bundle sha256 ${e.policyBundle.sha256}, ${e.policyBundle.rules} rules) evaluated ${e.files.length} file(s): ${e.result.findings} finding(s), ${e.result.failing} failing, ${e.result.waived} waived.`,
          start: e.time.startedAt,
          end: e.time.finishedAt,
          props: [
            { name: 'policy-bundle-sha256', value: e.policyBundle.sha256 },
            { name: 'configuration-sha256', value: e.configuration.sha256 },
            ...(e.run.commit ? [{ name: 'commit', value: e.run.commit }] : []),
            ...(e.run.runUrl ? [{ name: 'run-url', value: e.run.runUrl }] : []),
          ],
          'reviewed-controls': { 'control-selections': [{ 'include-controls': controlIds.map((id) => ({ 'control-id': id })) }] },
          observations,
          findings,
        },
      ],
    },
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
