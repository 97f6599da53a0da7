// Running real TLC: `java -XX:+UseParallelGC -cp JAR tlc2.TLC -tool ...` (flags: tlc2/TLC.java
// handleParameters), its output streamed line by line, a timeout that kills the whole process
// group, and the result read from the output (parse.ts) with TLC's exit status.
import { spawn } from 'node:child_process';
import { dirname, resolve as resolvePath } from 'node:path';
import { exitStatusText } from './messages.js';
import { parseTlcOutput, type TlcResult } from './parse.js';
import type { TlcLocation } from './locate.js';

export interface TlcRunOptions {
  readonly spec: string;
  readonly config?: string;
  /** TLC's -workers: a count or `auto`; default 1 as TLC's */
  readonly workers?: number | 'auto';
  /** TLC's -deadlock: do NOT check for deadlock */
  readonly noDeadlock?: boolean;
  /** TLC's `-dumpTrace json FILE` */
  readonly dumpTraceJson?: string;
  readonly timeoutMs?: number;
  /** each line of TLC's stdout as it arrives */
  readonly onLine?: (line: string) => void;
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
}

export interface TlcProcessResult {
  readonly argv: readonly string[];
  /** null when killed by a signal */
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly timedOut: boolean;
  readonly stdout: string;
  readonly stderr: string;
  readonly elapsedMs: number;
}

export function tlcArgs(loc: TlcLocation, opts: TlcRunOptions): string[] {
  const args = ['-XX:+UseParallelGC', '-cp', loc.jar, 'tlc2.TLC', '-tool', '-workers', String(opts.workers ?? 1)];
  if (opts.noDeadlock) args.push('-deadlock');
  // absolute paths: TLC runs in the spec's directory (where it resolves EXTENDS and writes states/)
  if (opts.config) args.push('-config', resolvePath(opts.config));
  if (opts.dumpTraceJson) args.push('-dumpTrace', 'json', resolvePath(opts.dumpTraceJson));
  args.push(resolvePath(opts.spec));
  return args;
}

/** Runs the process; never rejects for TLC's own failures (those are in exitCode/stdout). */
export function runTlcProcess(loc: TlcLocation, opts: TlcRunOptions): Promise<TlcProcessResult> {
  const argv = tlcArgs(loc, opts);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    // detached: the child leads its own process group, so a timeout ends java and anything it
    // started, and nothing else
    const child = spawn(loc.java, argv, { cwd: opts.cwd ?? dirname(resolvePath(opts.spec)), env: opts.env ?? process.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let partial = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      if (!opts.onLine) return;
      partial += chunk;
      const lines = partial.split('\n');
      partial = lines.pop()!;
      for (const l of lines) opts.onLine(l.replace(/\r$/, ''));
    });
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    const killGroup = (sig: NodeJS.Signals) => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, sig);
      } catch {
        /* already gone */
      }
    };
    let hardKill: NodeJS.Timeout | undefined;
    const timer =
      opts.timeoutMs !== undefined
        ? setTimeout(() => {
            timedOut = true;
            killGroup('SIGTERM');
            hardKill = setTimeout(() => killGroup('SIGKILL'), 2000);
          }, opts.timeoutMs)
        : undefined;
    child.on('error', (e) => {
      if (timer) clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (hardKill) clearTimeout(hardKill);
      if (opts.onLine && partial !== '') opts.onLine(partial);
      resolve({ argv: [loc.java, ...argv], exitCode: code, signal, timedOut, stdout, stderr, elapsedMs: Date.now() - started });
    });
  });
}

/** Runs TLC and reads its answer into the `check --json` result shape. */
export async function runTlc(loc: TlcLocation, opts: TlcRunOptions): Promise<TlcResult & { readonly process: TlcProcessResult }> {
  const p = await runTlcProcess(loc, opts);
  if (p.timedOut) {
    const partial = parseTlcOutput(p.stdout, { source: '<tlc stdout>', specDir: dirname(opts.spec), ...(opts.config ? { cfgPath: opts.config } : {}) });
    return {
      ...partial,
      result: 'error',
      error: { message: `TLC did not finish within ${opts.timeoutMs} ms and was stopped` },
      exitCode: 255,
      process: p,
    };
  }
  if (p.exitCode === null) {
    return { result: 'error', distinctStates: 0, generatedStates: 0, depth: 0, error: { message: `TLC was killed by ${p.signal}` }, exitCode: 255, process: p };
  }
  const result = parseTlcOutput(p.stdout, {
    source: '<tlc stdout>',
    exitCode: p.exitCode,
    specDir: dirname(opts.spec),
    ...(opts.config ? { cfgPath: opts.config } : {}),
  });
  // The exit status is TLC's word; when the output says otherwise (say, java itself failed
  // before TLC printed anything), report what the status means and what stderr said.
  if (result.result === 'ok' && p.exitCode !== 0) {
    return { ...result, result: 'error', error: { message: `TLC exited with ${p.exitCode} (${exitStatusText(p.exitCode)}) after reporting success${p.stderr ? `: ${p.stderr.trim()}` : ''}` }, process: p };
  }
  if (result.result === 'error' && !result.error?.message.trim() && p.stderr) {
    return { ...result, error: { message: p.stderr.trim() }, process: p };
  }
  if (result.result === 'error' && /ended without a verdict/.test(result.error?.message ?? '') && p.stderr.trim()) {
    return { ...result, error: { message: `TLC exited with ${p.exitCode} (${exitStatusText(p.exitCode)}): ${p.stderr.trim().split('\n')[0]}` }, process: p };
  }
  return { ...result, process: p };
}
