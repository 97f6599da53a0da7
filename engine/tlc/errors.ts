// Failures of the real-TLC path: TLC's output could not be read, or TLC/Java could not be run.
// Both carry a location (the output line, or the jar path) so the CLI prints file:line:col.
import { ExitCode, TlaError } from '../errors.js';
import type { Loc } from '../frontend/ast.js';

export function outputLoc(file: string, line: number, col: number): Loc {
  return { file, module: '', line, col, endLine: line, endCol: col };
}

/** TLC printed something this parser does not understand (a value, a trace line). */
export class TlcOutputError extends TlaError {
  readonly exitCode = ExitCode.generic;
}

/** No jar, no java, or the process could not be started: exit 255 (TLC's generic failure). */
export class TlcUnavailableError extends TlaError {
  readonly exitCode = ExitCode.generic;
}
