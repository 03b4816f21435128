// Sensitivity as Terraform and Packer define it: a variable declared `sensitive = true` is sensitive
// whatever gave it its value (default, terraform.tfvars, *.auto.tfvars, -var-file, a module input,
// .pkrvars.hcl), and so is every value computed from it: a local, a module input or output, a resource
// attribute whose expression reads it. The evaluators mark a read of a sensitive name (`mark`); every
// attribute, local, input and output is evaluated inside `track`, which says whether it read one.
// What a tracked evaluation produced is recorded (`record`): reports redact those values wherever
// they print a configuration value (src/util/secrets.ts). Only values: never paths or addresses.
import type { Val } from '../resolve/cty.js';
import { plainOf } from '../resolve/eval.js';
import type { Value } from '../resolve/values.js';
import { isExactNumber, isUnknown } from '../resolve/values.js';

export class Taint {
  /** Set while a sensitive name was read in the evaluation being tracked. */
  private hit = false;
  /** Printed forms (strings, numbers as written) of every sensitive or derived value. */
  readonly values = new Set<string>();

  /** A sensitive name was read. */
  mark(): void {
    this.hit = true;
  }

  /** Run `evaluate`; `tainted` says whether it read anything sensitive. Nested calls compose. */
  track<T>(evaluate: () => T): { value: T; tainted: boolean } {
    const outer = this.hit;
    this.hit = false;
    try {
      const value = evaluate();
      const tainted = this.hit;
      return { value, tainted };
    } finally {
      this.hit = outer || this.hit;
    }
  }

  /** Remember the printable leaves of a sensitive value. */
  record(v: Value, depth = 0): void {
    if (depth > 64) return;
    if (typeof v === 'string') {
      if (v !== '') this.values.add(v);
    } else if (typeof v === 'number') this.values.add(Number.isInteger(v) ? v.toFixed(0) : String(v));
    else if (isExactNumber(v)) this.values.add(v.rawJSON);
    else if (Array.isArray(v)) for (const x of v) this.record(x, depth + 1);
    else if (v !== null && typeof v === 'object' && !isUnknown(v)) for (const x of Object.values(v)) this.record(x, depth + 1);
  }

  /** Remember the printable leaves of a sensitive evaluator value. */
  recordVal(v: Val): void {
    this.record(plainOf(v, 'value'));
  }

  /** Track and, when tainted, record the result. */
  evaluate(evaluate: () => Value): Value {
    const { value, tainted } = this.track(evaluate);
    if (tainted) this.record(value);
    return value;
  }
}

/** True for a variable block declared sensitive (HCL `sensitive = true`, JSON `"sensitive": true`). */
export function declaredSensitive(b: Record<string, unknown> | undefined): boolean {
  return !!b && (b.sensitive === true || b.sensitive === 'true');
}
