/**
 * Expected failures, each with the exit code of SPEC §7 and a hint saying what to do next.
 * Anything else that is thrown is a bug (exit 70).
 */
export class AsnError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
    readonly hint?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Exit 2: a flag or value the command cannot accept. */
export class UsageError extends AsnError {
  constructor(message: string, hint?: string) {
    super(message, 2, hint);
  }
}

/** Exit 3: an unreadable file, an unsupported format, a missing required column. */
export class InputError extends AsnError {
  constructor(message: string, hint?: string) {
    super(message, 3, hint);
  }
}

/** Exit 4: a corrupt database, a newer schema, a lock held too long. */
export class DatabaseError extends AsnError {
  constructor(message: string, hint?: string) {
    super(message, 4, hint);
  }
}

/**
 * Exit 4: an output (stdout, `--out`, `--rejects`) could not be written whole (SPEC §1.7 "Short
 * writes"): disk full, I/O error. Never exit 0 with a cut file.
 */
export class OutputError extends AsnError {
  constructor(message: string, hint?: string) {
    super(message, 4, hint);
  }
}

/** Exit codes of SPEC §7, named. */
export const EXIT = {
  ok: 0,
  findings: 1,
  usage: 2,
  input: 3,
  database: 4,
  internal: 70,
} as const;
