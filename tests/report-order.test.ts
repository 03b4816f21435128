// What Controlgate reports is in one order on every machine: code point order (src/util/byte-order.ts),
// not the locale's collation, which moved "ä" after "z" under a Swedish locale and "B" before or
// after "a" depending on the machine (the order evidence is hashed and shards are merged in).
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/run.js';
import { tempWorkspace } from './helpers/workspace.js';
import { openSshGroup } from './helpers/terraform.js';


describe('report order', () => {
  const ws = tempWorkspace({
    'a/main.tf': openSshGroup('a'),
    'B/main.tf': openSshGroup('B'),
    'z/main.tf': openSshGroup('z'),
    'ä/main.tf': openSshGroup('a_umlaut'),
    'i/web_i.tf': openSshGroup('web_i'),
    'i/Web_I.tf': openSshGroup('Web_I'),
    'i/web-i.tf': openSshGroup('web_dash'),
    'i/web_ı.tf': openSshGroup('web_dotless'),
  });
  const run = (locale: string) => runCli(['scan', '.', '--format', 'json'], ws, { ...process.env, LANG: locale, LC_ALL: locale });

  it('is code point order, and the same under any locale', () => {
    const c = run('C.UTF-8');
    expect(c.code).toBe(1);
    const findings = (JSON.parse(c.stdout) as { findings: Array<{ file: string; resource: string; id: string }> }).findings.filter((f) => f.id === 'NET-AWS-001');
    expect([...new Set(findings.map((f) => f.file))]).toEqual(['B/main.tf', 'a/main.tf', 'i/Web_I.tf', 'i/web-i.tf', 'i/web_i.tf', 'i/web_ı.tf', 'z/main.tf', 'ä/main.tf']);
    for (const locale of ['sv_SE.UTF-8', 'tr_TR.UTF-8', 'de_DE.UTF-8']) expect(run(locale).stdout).toBe(c.stdout);
  });
});
