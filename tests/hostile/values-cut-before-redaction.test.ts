// Issue 12, item 3: "Values are cut before redaction". A message quotes at most ~80 characters of a
// value; cutting first and redacting after let a long secret leak its first ~78 characters, and a
// credential shape cut in half no longer matched. Redaction comes first, then the cut. Through dist/.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run.js';
import { INSTANCE, workspace } from './pr-workspace.js';

const LONG = `optional-${'Zq8vT3mLp0wXy7KsEeRr9TtUu1IiOoPpAaSsDdFfGgHhJjKkLlZzXxCcVvBbNnMm'.repeat(3)}`;
const KEY = 'AKIAQWERTYUIOPASDFGH';

function messages(files: Record<string, string>): string[] {
  const r = runCli(['scan', '.', '--format', 'json', '--fail-on', 'never'], workspace(files));
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout).findings as Array<{ id: string; message: string }>).filter((f) => f.id === 'VMH-AWS-001').map((f) => f.message);
}

/** Every run of 8 characters of `secret`. */
const pieces = (secret: string): string[] => Array.from({ length: secret.length - 7 }, (_, i) => secret.slice(i, i + 8));

describe('values are cut before redaction', () => {
  it('a long sensitive value leaves no part of itself in the message', () => {
    const [m] = messages({ 'main.tf': `variable "long" {\n  sensitive = true\n  default   = "${LONG}"\n}\n${INSTANCE('var.long')}` });
    expect(m).toContain('http_tokens is "[REDACTED]"');
    for (const p of pieces(LONG.slice('optional-'.length))) expect(m).not.toContain(p);
  });

  it('a value computed from a sensitive one is redacted whole, however long', () => {
    const [m] = messages({ 'main.tf': `variable "long" {\n  sensitive = true\n  default   = "${LONG}"\n}\n${INSTANCE(`"${'x'.repeat(60)}-\${var.long}"`)}` });
    expect(m).toContain('http_tokens is "[REDACTED]"');
    for (const p of pieces(LONG.slice('optional-'.length))) expect(m).not.toContain(p);
  });

  it('a sensitive value written out inside a longer string, past the cut, is redacted before the cut', () => {
    const [m] = messages({ 'main.tf': `variable "long" {\n  sensitive = true\n  default   = "${LONG}"\n}\n${INSTANCE(`"${'x'.repeat(60)}-${LONG}"`)}` });
    expect(m).toMatch(/http_tokens is "x{60}-\[REDACTED\]"/);
    for (const p of pieces(LONG.slice('optional-'.length))) expect(m).not.toContain(p);
  });

  it('a credential shape straddling the cut is redacted whole, not cut into an unrecognised prefix', () => {
    const [m] = messages({ 'main.tf': INSTANCE(`"${'y'.repeat(70)} ${KEY} tail"`) });
    expect(m).not.toContain('AKIA');
    expect(m).toMatch(/y{70} \[REDACT/); // the cut may fall inside the marker, never inside the key
  });

  it('an ordinary long value is still cut to the same length', () => {
    const [m] = messages({ 'main.tf': INSTANCE(`"${'z'.repeat(200)}"`) });
    expect(m).toMatch(/http_tokens is "z{78}…\)$/);
  });
});
