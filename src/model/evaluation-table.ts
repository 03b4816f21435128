// The evaluations a streamed scan gathers (src/engine/stream.ts), kept compactly until the scan's
// end: one (rule, entity) pair per resource and rule, ~570,000 at 50,000 files. As objects they were
// ~40 MB of the live heap during the whole scan, and V8 sizes the heap by what is live; here each is
// four numbers (13 bytes) and its strings, each kept once. toArray() gives back the same records, in
// the order they were added.
import type { ResultStatus, RuleEvaluation } from './types.js';

const STATUSES: readonly ResultStatus[] = ['failed', 'passed', 'waived', 'not_evaluated'];
const STATUS_CODE = new Map(STATUSES.map((s, i) => [s, i]));

export class EvaluationTable {
  /** Passed checks not kept, by rule (passedAsCount). */
  private readonly passedByRule = new Map<string, number>();

  private readonly strings: string[] = [];
  private readonly codes = new Map<string, number>();
  private rule = new Uint32Array(1024);
  private resource = new Uint32Array(1024);
  private file = new Uint32Array(1024);
  private status = new Uint8Array(1024);
  /** The reason of a not-evaluated check (its string's code), by position: only those checks have one,
   * and many share it (gen-50k: 24,805 checks). */
  private readonly reasons = new Map<number, number>();
  private n = 0;

  /** passedAsCount: a passed check is only counted (by rule), not kept: what a run keeps when no
   * report of it lists the checks that passed (ScanOptions.passedChecks). */
  constructor(private readonly passedAsCount = false) {}

  get length(): number {
    return this.n;
  }

  private code(s: string): number {
    let c = this.codes.get(s);
    if (c === undefined) {
      c = this.strings.length;
      this.strings.push(s);
      this.codes.set(s, c);
    }
    return c;
  }

  private grow(): void {
    const size = this.rule.length * 2;
    const bigger = <T extends Uint32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.rule = bigger(this.rule, (k) => new Uint32Array(k));
    this.resource = bigger(this.resource, (k) => new Uint32Array(k));
    this.file = bigger(this.file, (k) => new Uint32Array(k));
    this.status = bigger(this.status, (k) => new Uint8Array(k));
  }

  add(e: RuleEvaluation): void {
    if (this.passedAsCount && e.status === 'passed') {
      this.passedByRule.set(e.ruleId, (this.passedByRule.get(e.ruleId) ?? 0) + 1);
      return;
    }
    if (this.n === this.rule.length) this.grow();
    const i = this.n++;
    this.rule[i] = this.code(e.ruleId);
    this.resource[i] = this.code(e.resource);
    this.file[i] = this.code(e.file);
    this.status[i] = STATUS_CODE.get(e.status)!;
    if (e.reason !== undefined) this.reasons.set(i, this.code(e.reason));
  }

  /** The passed checks counted and not kept, by rule id. */
  passedCounted(): ReadonlyMap<string, number> {
    return this.passedByRule;
  }

  toArray(): RuleEvaluation[] {
    const out: RuleEvaluation[] = new Array(this.n);
    for (let i = 0; i < this.n; i++) {
      const code = this.reasons.get(i);
      const reason = code === undefined ? undefined : this.strings[code]!;
      out[i] = {
        ruleId: this.strings[this.rule[i]!]!,
        resource: this.strings[this.resource[i]!]!,
        file: this.strings[this.file[i]!]!,
        status: STATUSES[this.status[i]!]!,
        ...(reason !== undefined ? { reason } : {}),
      };
    }
    return out;
  }
}
