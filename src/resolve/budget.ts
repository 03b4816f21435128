// Evaluation budgets: a PR controls every expression, so evaluation is bounded in steps and in the
// size of what it builds (string length, collection length), checked BEFORE allocating. A value past a
// budget becomes unknown with the reason; the rest of the run goes on.
import { EvalError } from './values.js';

/** Past a budget: like an OpenTofu error it makes the expression unknown, but try()/can() do not catch it. */
export class BudgetError extends EvalError {
  constructor(message: string) {
    super(message);
    this.name = 'BudgetError';
  }
}

export const LIMITS = {
  /** Evaluation steps for one expression (an attribute, a local, a variable's value). */
  stepsPerExpression: 2_000_000,
  /** Evaluation steps for everything evaluated in one module instance or Packer template folder. */
  stepsPerModule: 20_000_000,
  /** Longest string an expression may build (characters). */
  stringLength: 1_000_000,
  /** Most elements in one collection an expression may build. */
  collectionLength: 100_000,
};

export class Budget {
  private total = 0;
  private expr = 0;
  private depth = 0;
  constructor(private readonly limits = LIMITS) {}

  /** Start one top-level expression's evaluation (a nested one, such as a local it reads, counts towards it). */
  begin(): void {
    if (this.depth++ === 0) this.expr = 0;
  }

  end(): void {
    this.depth--;
  }

  /** Spend n steps (one per node evaluated, one per element or 64 characters built). */
  spend(n = 1): void {
    this.expr += n;
    this.total += n;
    if (this.expr > this.limits.stepsPerExpression) {
      throw new BudgetError(`evaluation budget exceeded: more than ${this.limits.stepsPerExpression} steps in one expression`);
    }
    if (this.total > this.limits.stepsPerModule) {
      throw new BudgetError(`evaluation budget exceeded: more than ${this.limits.stepsPerModule} steps in one module`);
    }
  }

  /** Refuse a string of `length` characters before building it. */
  string(length: number): void {
    if (length > this.limits.stringLength) throw new BudgetError(`evaluation budget exceeded: a string of ${length} characters (limit ${this.limits.stringLength})`);
    this.spend(1 + Math.floor(length / 64));
  }

  /** Refuse a collection of `length` elements before building it. */
  collection(length: number): void {
    if (length > this.limits.collectionLength) {
      throw new BudgetError(`evaluation budget exceeded: a collection of ${length} elements (limit ${this.limits.collectionLength})`);
    }
    this.spend(1 + length);
  }
}

/** The budget of evaluations that are not given one (tests, one-off evaluation). */
export function freshBudget(): Budget {
  return new Budget();
}
