// Printing a failure: user errors as `file:line:col: message` with their exit code, anything
// unexpected as one line with exit 255. Shared by every subcommand.
import { ExitCode, TlaError } from '../errors.js';

export interface ErrorJson {
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  readonly col?: number;
}

export function errorJson(e: unknown): ErrorJson {
  if (e instanceof TlaError) {
    return { message: e.message, ...(e.loc ? { file: e.loc.file, line: e.loc.line, col: e.loc.col } : {}) };
  }
  return { message: e instanceof Error ? e.message : String(e) };
}

export function exitCodeForError(e: unknown): number {
  return e instanceof TlaError ? e.exitCode : ExitCode.generic;
}

/** Prints `e` on stderr (and, with `json`, the error object on stdout); returns the exit code. */
export function reportFailure(e: unknown, json: boolean): number {
  const code = exitCodeForError(e);
  const text = e instanceof TlaError ? e.describe() : `rdsib: internal error: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`;
  process.stderr.write(text + '\n');
  if (json) {
    process.stdout.write(JSON.stringify({ result: 'error', distinctStates: 0, generatedStates: 0, depth: 0, error: errorJson(e) }) + '\n');
  }
  return code;
}
