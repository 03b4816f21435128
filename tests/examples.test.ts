// The README's first command: the scan of the bundled examples, through the bundled CLI.
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/paths.js';
import { runCli } from './helpers/run.js';

describe('controlgate scan examples/', () => {
  it('prints control-referenced findings on the right lines and exits 1', () => {
    const r = runCli(['scan', 'examples/'], repoRoot);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /^examples\/insecure\/main\.tf:14 +high +VMH-AWS-001 +CLD\.9\.5\.2, CLD\.13\.1\.4 · ISO 27002 A\.8\.9, A\.8\.20, A\.5\.23 · SOC 2 CC6\.1, CC7\.2 +EC2 instance allows IMDSv1 \(metadata_options\.http_tokens is "optional"\)$/m,
    );
    expect(r.stdout).toMatch(/^examples\/packer\/ubuntu\.pkr\.hcl:\d+ +high +VMH-PKR-001 /m);
    expect(r.stdout).toMatch(/4 file\(s\) found: 4 scanned, 0 with errors/);
  });

  it('reports each slice rule on the expected line, and nothing in the compliant root', () => {
    const r = runCli(['scan', 'examples/', '--format', 'json', '--fail-on', 'never'], repoRoot);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { findings: Array<{ id: string; file: string; line: number }> };
    const got = doc.findings.map((f) => `${f.file.replace(/^examples\//, '')}:${f.line} ${f.id}`);
    // examples/ carries no markers (it is what users read first); the expected lines live here.
    const want = [
      'insecure/main.tf:14 VMH-AWS-001',
      'insecure/main.tf:19 VMH-AWS-002',
      'insecure/main.tf:35 NET-AWS-001',
      'insecure/main.tf:54 SEG-AWS-001',
      'insecure/main.tf:57 VMH-AWS-001',
      'packer/ubuntu.pkr.hcl:11 VMH-PKR-001',
      'packer/ubuntu.pkr.hcl:27 NET-PKR-001',
    ];
    for (const w of want) expect(got).toContain(w);
    expect(got.filter((g) => g.startsWith('compliant/'))).toEqual([]);
  });
});
