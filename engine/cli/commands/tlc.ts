// `rdsib tlc SPEC.tla`: run real TLC (tla2tools.jar) when the user has it, with `check`'s output
// contract (TLC's text, or with --json the same result object as `check --json`).
// `rdsib compare SPEC.tla`: run both engines and print where their answers differ.
// `rdsib check --tlc [JAR]` lands in runTlcCommand too.
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { checkFile } from '../../check/pipeline.js';
import { exitCodeOf, propertyOf, traceOf, verdictOf } from '../../check/result.js';
import { ExitCode } from '../../errors.js';
import { locateTlc, type TlcLocation } from '../../tlc/locate.js';
import { runTlc } from '../../tlc/run.js';
import type { TlcResult } from '../../tlc/parse.js';
import { exitCodeForError, errorJson } from '../fail.js';

export interface TlcFlags {
  config?: string;
  jar?: string;
  deadlock?: boolean;
  json?: boolean;
  workers?: string;
  timeout?: string;
  dumpTrace?: string[];
}

export function register(program: Command): void {
  program
    .command('tlc')
    .description('run real TLC (tla2tools.jar and java, when you have them) with the output contract of `check`')
    .argument('<spec>', 'the root module, SPEC.tla')
    .option('--config <file>', 'the TLC configuration file (default: SPEC.cfg beside the spec)')
    .option('--jar <file>', 'tla2tools.jar (default: $TLA2TOOLS_JAR, $TLC_JAR, the VS Code extension, the Toolbox, /usr/share/java, ~)')
    .option('--workers <n>', 'TLC worker threads, a number or `auto`', '1')
    .option('--deadlock', 'do not check for deadlock (TLC -deadlock)')
    .option('--json', 'print one JSON object with the verdict and counts on stdout, nothing else')
    .option('--timeout <seconds>', 'stop TLC after this many seconds (exit 255)')
    .option('--dump-trace <format_and_file...>', '`itf FILE` (our ITF, read from TLC\'s trace) or `json FILE` (TLC\'s own -dumpTrace json)')
    .action(async (specPath: string, flags: TlcFlags) => {
      process.exitCode = await runTlcCommand(specPath, flags, 'rdsib tlc');
    });

  program
    .command('compare')
    .description('check a spec with rdsib and with real TLC; print the differences (verdict, distinct, generated, depth); exit 1 if any')
    .argument('<spec>', 'the root module, SPEC.tla')
    .option('--config <file>', 'the TLC configuration file (default: SPEC.cfg beside the spec)')
    .option('--jar <file>', 'tla2tools.jar (default: searched as by `rdsib tlc`)')
    .option('--deadlock', 'do not check for deadlock (both engines)')
    .option('--json', 'print {rdsib, tlc, differences} as JSON')
    .option('--timeout <seconds>', 'stop TLC after this many seconds')
    .action(async (specPath: string, flags: TlcFlags) => {
      process.exitCode = await runCompare(specPath, flags);
    });
}

function unavailable(who: string, reason: string, json: boolean): number {
  process.stderr.write(`${who}: ${reason}\n`);
  if (json) process.stdout.write(JSON.stringify({ result: 'error', distinctStates: 0, generatedStates: 0, depth: 0, error: { message: reason }, exitCode: ExitCode.generic }) + '\n');
  return ExitCode.generic;
}

function workersOf(w: string | undefined): number | 'auto' | undefined {
  if (w === undefined || w === 'auto') return w;
  return /^[1-9][0-9]*$/.test(w) ? Number(w) : undefined;
}

function timeoutOf(t: string | undefined): number | undefined | 'bad' {
  if (t === undefined) return undefined;
  const s = Number(t);
  return Number.isFinite(s) && s > 0 ? s * 1000 : 'bad';
}

async function tlcResult(loc: TlcLocation, specPath: string, flags: TlcFlags, timeoutMs: number | undefined, echo: boolean, dumpJson?: string) {
  return runTlc(loc, {
    spec: specPath,
    ...(flags.config ? { config: flags.config } : {}),
    workers: workersOf(flags.workers) ?? 1,
    ...(flags.deadlock ? { noDeadlock: true } : {}),
    ...(dumpJson ? { dumpTraceJson: dumpJson } : {}),
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    // TLC's text without the -tool frames: what TLC prints without -tool
    ...(echo ? { onLine: (l: string) => { if (!l.startsWith('@!@!@')) process.stdout.write(l + '\n'); } } : {}),
  });
}

/** `rdsib tlc` and `rdsib check --tlc`: returns the exit status (TLC's own). */
export async function runTlcCommand(specPath: string, flags: TlcFlags, who = 'rdsib tlc'): Promise<number> {
  const json = flags.json === true;
  if (workersOf(flags.workers) === undefined) {
    process.stderr.write(`${who}: --workers ${flags.workers}: expected a positive number or auto\n`);
    return ExitCode.generic;
  }
  const timeoutMs = timeoutOf(flags.timeout);
  if (timeoutMs === 'bad') {
    process.stderr.write(`${who}: --timeout ${flags.timeout}: expected a positive number of seconds\n`);
    return ExitCode.generic;
  }
  const dump = flags.dumpTrace;
  if (dump && (dump.length !== 2 || !['itf', 'json'].includes(dump[0]!))) {
    process.stderr.write(`${who}: --dump-trace takes a format (itf, or json for TLC's own) and a file, e.g. --dump-trace itf trace.itf.json\n`);
    return ExitCode.generic;
  }
  const located = locateTlc(flags.jar !== undefined ? { jar: flags.jar } : {});
  if (!located.ok) return unavailable(who, located.reason, json);

  let r: TlcResult;
  try {
    r = await tlcResult(located.location, specPath, flags, timeoutMs, !json, dump?.[0] === 'json' ? dump[1] : undefined);
  } catch (e) {
    // java could not be started, or TLC printed something we cannot read
    process.stderr.write(`${who}: ${errorJson(e).file ? `${errorJson(e).file}:${errorJson(e).line}:${errorJson(e).col}: ` : ''}${errorJson(e).message}\n`);
    if (json) process.stdout.write(JSON.stringify({ result: 'error', distinctStates: 0, generatedStates: 0, depth: 0, error: errorJson(e), exitCode: exitCodeForError(e) }) + '\n');
    return exitCodeForError(e);
  }
  const { process: _p, ...result } = r as TlcResult & { process?: unknown };
  if (json) process.stdout.write(JSON.stringify(result) + '\n');
  if (result.result === 'error' && result.error) {
    const e = result.error;
    process.stderr.write(`${e.file ? `${e.file}:${e.line}:${e.col}: ` : `${who}: `}${e.message.split('\n')[0]}\n`);
  }
  if (dump?.[0] === 'itf') {
    const file = dump[1]!;
    if (!result.trace || result.trace.length === 0) process.stderr.write(`${who}: no counterexample, nothing written to ${file}\n`);
    else {
      const vars = Object.keys(result.trace[0]!).filter((k) => k !== '#meta');
      const meta = { format: 'ITF', 'format-description': 'https://apalache-mc.org/docs/adr/015adr-trace.html', source: specPath, status: result.result, description: `${result.result} ${result.property ?? ''}`.trim(), engine: 'TLC' };
      writeFileSync(file, JSON.stringify({ '#meta': meta, vars, states: result.trace }, null, 2) + '\n');
    }
  }
  return result.exitCode;
}

interface Figures {
  readonly result: string;
  readonly distinctStates: number;
  readonly generatedStates: number;
  readonly depth: number;
  readonly property?: string | undefined;
  /** counterexample length in states (shown, not compared: TLC and rdsib may pick different shortest traces) */
  readonly traceStates?: number | undefined;
  readonly exitCode: number;
}

const ROWS = [
  ['verdict', 'result'],
  ['distinct', 'distinctStates'],
  ['generated', 'generatedStates'],
  ['depth', 'depth'],
] as const;

/** The rows where the engines differ (the four figures `check` promises to share with TLC). */
export function differences(ours: Figures, tlc: Figures): string[] {
  return ROWS.filter(([, k]) => ours[k] !== tlc[k]).map(([name]) => name);
}

export function compareTable(ours: Figures, tlc: Figures): string[] {
  const rows: [string, string, string, string][] = [['', 'rdsib', 'TLC', '']];
  for (const [name, k] of ROWS) rows.push([name, String(ours[k]), String(tlc[k]), ours[k] === tlc[k] ? '' : 'differs']);
  if (ours.property !== undefined || tlc.property !== undefined) rows.push(['property', ours.property ?? '-', tlc.property ?? '-', '']);
  if (ours.traceStates !== undefined || tlc.traceStates !== undefined) rows.push(['trace', String(ours.traceStates ?? '-'), String(tlc.traceStates ?? '-'), '']);
  rows.push(['exit', String(ours.exitCode), String(tlc.exitCode), '']);
  const w = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => `${r[0].padEnd(w[0]!)}  ${r[1].padEnd(w[1]!)}  ${r[2].padEnd(w[2]!)}  ${r[3]}`.trimEnd());
}

async function runCompare(specPath: string, flags: TlcFlags): Promise<number> {
  const json = flags.json === true;
  const timeoutMs = timeoutOf(flags.timeout);
  if (timeoutMs === 'bad') {
    process.stderr.write(`rdsib compare: --timeout ${flags.timeout}: expected a positive number of seconds\n`);
    return ExitCode.generic;
  }
  // No jar, no comparison: say so before spending time on our own search.
  const located = locateTlc(flags.jar !== undefined ? { jar: flags.jar } : {});
  if (!located.ok) {
    process.stderr.write(`rdsib compare: cannot compare without TLC. ${located.reason}\n`);
    return ExitCode.generic;
  }
  let ours: Figures;
  try {
    const run = await checkFile(specPath, { ...(flags.config ? { cfgPath: flags.config } : {}), ...(flags.deadlock ? { checkDeadlock: false } : {}) });
    const o = run.result.outcome;
    ours = {
      result: verdictOf(o), distinctStates: run.result.distinct, generatedStates: run.result.generated, depth: run.result.depth,
      property: propertyOf(o), traceStates: traceOf(o)?.length, exitCode: exitCodeOf(o),
    };
  } catch (e) {
    ours = { result: 'error', distinctStates: 0, generatedStates: 0, depth: 0, exitCode: exitCodeForError(e) };
  }
  let tlc: Figures;
  try {
    const { process: _p, trace, ...r } = await tlcResult(located.location, specPath, flags, timeoutMs, false);
    tlc = { ...r, traceStates: trace?.length };
  } catch (e) {
    process.stderr.write(`rdsib compare: ${errorJson(e).message}\n`);
    return exitCodeForError(e);
  }
  const diff = differences(ours, tlc);
  if (json) process.stdout.write(JSON.stringify({ rdsib: ours, tlc, differences: diff }) + '\n');
  else {
    for (const line of compareTable(ours, tlc)) process.stdout.write(line + '\n');
    process.stdout.write(diff.length === 0 ? 'same answer from both engines\n' : `engines differ: ${diff.join(', ')}\n`);
  }
  return diff.length === 0 ? 0 : 1;
}
