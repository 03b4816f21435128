// Types of canonical.mjs (plain JavaScript so that scripts/tofu/golden.mjs runs under node without a build).
export declare class Num {
  constructor(text: string);
  readonly text: string;
}
export declare function parseLossless(text: string): unknown;
export declare function canonicalNumber(literal: string): string;
export declare function sameNumber(a: string, b: string): boolean;
export declare function isUnknownMarker(v: unknown): boolean;
export declare function stringifyCanonical(v: unknown): string;
export declare function canonicalJson(text: string): string;
export type Verdict = 'agree' | 'unknown' | 'wrong';
export declare function compareCanonical(ours: string, tofu: string): Verdict;
export declare function isWhollyUnknown(ours: string): boolean;
export declare function worst(results: Verdict[]): Verdict;
