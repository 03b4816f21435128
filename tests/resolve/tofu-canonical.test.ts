// The differential test's yardstick itself (scripts/tofu/canonical.mjs): exact numbers, type-aware
// comparison, unknowns. A yardstick that agreed with everything would make the test vacuous.
import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalNumber, compareCanonical, isWhollyUnknown, sameNumber } from '../../scripts/tofu/canonical.mjs';

describe('canonical JSON of the OpenTofu differential test', () => {
  it('keeps numbers exact and in one form', () => {
    expect(canonicalNumber('12345678901234567890')).toBe('12345678901234567890');
    expect(canonicalNumber('1e21')).toBe('1000000000000000000000');
    expect(canonicalNumber('3e-1')).toBe('0.3');
    expect(canonicalNumber('-0.0')).toBe('0');
    expect(canonicalNumber('120.50')).toBe('120.5');
    expect(canonicalJson('{"b":[1.0,"1"],"a":{"__unknown__":"var.x"}}')).toBe('{"a":{"__unknown__":true},"b":[1,"1"]}');
  });

  it('compares integers digit for digit and fractions as the double the policies see', () => {
    expect(sameNumber('12345678901234567000', '12345678901234567890')).toBe(false);
    expect(sameNumber('3.3', '3.3000000000000000000000000000002')).toBe(true);
    expect(sameNumber('0.30000000000000004', '0.3')).toBe(false);
  });

  it('tells agree, unknown and wrong apart, type-aware', () => {
    expect(compareCanonical('1', '1')).toBe('agree');
    expect(compareCanonical('1', '"1"')).toBe('wrong');
    expect(compareCanonical('[1,{"__unknown__":true}]', '[1,2]')).toBe('unknown');
    expect(compareCanonical('[9,{"__unknown__":true}]', '[1,2]')).toBe('wrong');
    expect(compareCanonical('"x"', '{"__unknown__":true}')).toBe('wrong');
    expect(compareCanonical('{"a":1}', '{"a":1,"b":null}')).toBe('wrong');
    expect(compareCanonical('["a","b"]', '["b","a"]')).toBe('wrong');
    expect(isWhollyUnknown('{"__unknown__":true}')).toBe(true);
    expect(isWhollyUnknown('[{"__unknown__":true}]')).toBe(true);
    expect(isWhollyUnknown('[]')).toBe(false);
    expect(isWhollyUnknown('[1,{"__unknown__":true}]')).toBe(false);
  });
});
