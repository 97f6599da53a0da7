// One error class per kind of user-facing failure. Each carries a source location and the
// exit code TLC uses for it (tlc2/output/EC.java ExitStatus), so the CLI can print
// `file:line:col: message` and exit without a stack trace.
import type { Loc } from './frontend/ast.js';

export const ExitCode = {
  ok: 0,
  assumption: 10,
  deadlock: 11,
  safety: 12,
  liveness: 13,
  assertFailed: 14,
  evalError: 75,
  evalSafety: 76,
  evalLiveness: 77,
  parseError: 150,
  configError: 151,
  stateSpaceTooLarge: 152,
  systemError: 153,
  generic: 255,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export function formatLoc(loc: Loc | undefined): string {
  return loc ? `${loc.file}:${loc.line}:${loc.col}` : '<unknown>';
}

export abstract class TlaError extends Error {
  abstract readonly exitCode: ExitCode;
  constructor(message: string, readonly loc?: Loc) {
    super(message);
    this.name = new.target.name;
  }
  /** `file:line:col: message`, the form every user-facing error is printed in. */
  describe(): string {
    return `${formatLoc(this.loc)}: ${this.message}`;
  }
}

/** Syntax errors and semantic errors found while loading modules (undefined names, bad arity). */
export class ParseError extends TlaError {
  readonly exitCode = ExitCode.parseError;
}

/** A construct we parse but do not support; names itself and where it is. */
export class UnsupportedError extends TlaError {
  readonly exitCode = ExitCode.parseError;
}

/** Errors in a TLC `.cfg` file. */
export class ConfigError extends TlaError {
  readonly exitCode = ExitCode.configError;
}

/** Errors while evaluating: function applied outside its domain, CHOOSE with nothing to
 *  choose, CASE with no arm, a non-boolean condition, ... */
export class EvalError extends TlaError {
  readonly exitCode: ExitCode = ExitCode.evalError;
}

/** TLC!Assert failing (exit 14 in TLC's ExitStatus). */
export class AssertionFailure extends EvalError {
  override readonly exitCode = ExitCode.assertFailed;
}
