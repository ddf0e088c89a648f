// Few error classes, one exit point (bin/ → cli.ts `main`). Messages say what, where and what to do.

/** Something the user can fix: bad data, a missing record, a refused transition. Exit 1. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = "UserError";
  }
}

/** The command line itself is wrong: a missing or malformed flag. Exit 2. */
export class UsageError extends UserError {
  constructor(message: string) {
    super(message, 2);
    this.name = "UsageError";
  }
}

export const NOTHING_WRITTEN = "nothing was written";
