// The memo a streamed scan's findings share equal values through (src/controls/kept.ts): equal values
// come back as one copy, values that only look alike stay apart, and the text rendered from shared
// parts is the text each finding would have had on its own.
import { describe, expect, it } from 'vitest';
import { KeptValues, renderedOnce } from '../src/controls/kept.js';
import { renderMessage, type MessageParts } from '../src/controls/map.js';

describe('KeptValues', () => {
  it('gives back the first equal path, frozen, and keeps 0 apart from "0"', () => {
    const k = new KeptValues();
    const a = k.path(['ingress', 0, 'cidr_blocks']);
    expect(k.path(['ingress', 0, 'cidr_blocks'])).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(() => (a as unknown[]).push('x')).toThrow();
    const quoted = k.path(['ingress', '0', 'cidr_blocks']);
    expect(quoted).not.toBe(a);
    expect(quoted).toEqual(['ingress', '0', 'cidr_blocks']);
  });

  it('shares message parts only when base, place, kind and a primitive value are all equal', () => {
    const k = new KeptValues();
    const p = (value: unknown, as: 'seen' | 'actual' = 'actual', where = 'http_tokens'): MessageParts => ({ base: 'IMDSv2 is not required', where, value, as }) as MessageParts;
    const first = k.messageParts(p('optional'));
    expect(k.messageParts(p('optional'))).toBe(first);
    // "1" is rendered quoted and 1 is not: the two are never shared.
    expect(k.messageParts(p(1))).not.toBe(k.messageParts(p('1')));
    expect(k.messageParts(p('optional', 'seen'))).not.toBe(first);
    expect(k.messageParts(p('optional', 'actual', 'metadata_options.http_tokens'))).not.toBe(first);
    // A block or a list is kept as given: its parts are never looked up by value.
    const list = p(['0.0.0.0/0']);
    expect(k.messageParts(list)).toBe(list);
    expect(k.messageParts(p(['0.0.0.0/0']))).not.toBe(list);
    // A rule's own text is returned as it is.
    expect(k.messageParts('No encryption')).toBe('No encryption');
  });

  it('renders each distinct parts once, to the text renderMessage gives', () => {
    const k = new KeptValues();
    const seen: MessageParts[] = [];
    const render = renderedOnce((x) => {
      seen.push(x);
      return renderMessage(x, (v) => (v === 'hunter22' ? '***' : v));
    });
    const parts: MessageParts[] = ['plain', ...['optional', 'optional', 'hunter22', 'optional'].map((v) => k.messageParts({ base: 'b', where: 'w', value: v, as: 'actual' }))];
    const texts = parts.map(render);
    expect(texts).toEqual(['plain', 'b (w is "optional")', 'b (w is "optional")', 'b (w is "***")', 'b (w is "optional")']);
    expect(seen.filter((x) => typeof x !== 'string')).toHaveLength(2);
  });
});
