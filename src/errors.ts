// Errors every stage may raise and the exit codes they map to, the same for the CLI and the action
// (README: "Exit codes"). Depends on nothing: config/, report/ and the adapters all import it.
export const EXIT = {
  /** No finding at or above fail-on, every file scanned. */
  ok: 0,
  /** Findings at or above fail-on, or files that could not be scanned. */
  findings: 1,
  /** Bad usage or configuration (unknown flag, invalid fail-on, ...). */
  usage: 2,
  /** The policy bundle or the tool itself failed: a bug or a broken installation. */
  internal: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
