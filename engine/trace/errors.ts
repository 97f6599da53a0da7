import { ExitCode, TlaError } from '../errors.js';

/** A malformed trace line: reported as `file:line: message` (exit 255, as TLC reports input it
 *  cannot read that is neither spec nor cfg). */
export class TraceFormatError extends TlaError {
  readonly exitCode = ExitCode.generic;
  constructor(message: string, readonly file: string, readonly line: number) {
    super(message);
  }
  override describe(): string {
    return `${this.file}:${this.line}: ${this.message}`;
  }
}
