// `rdsib check SPEC.tla`: TLC's breadth-first model checking with TLC's output and exit codes.
import { existsSync, writeFileSync } from 'node:fs';
import { delimiter } from 'node:path';
import type { Command } from 'commander';
import { traceDot, renderPng } from '../../check/dot.js';
import { type GraphOptions, StateGraph, stateGraphDot, statesText } from '../../check/dump.js';
import { itfStates, itfTrace } from '../../check/itf.js';
import { checkFile, compileFile, type CheckRun } from '../../check/pipeline.js';
import { simulate, type SimulationResult } from '../../check/simulate.js';
import type { CompiledSpec } from '../../eval/api.js';
import { COMPUTING_INIT, initDoneText, livenessDoneText, livenessStartText, progressText, resultText, simulationProgressText, simulationStartText, simulationText } from '../../check/report.js';
import { exitCodeOf, type Outcome, propertyOf, traceOf, verdictOf } from '../../check/result.js';
import { ExitCode } from '../../errors.js';
import { errorJson, reportFailure } from '../fail.js';
import { runTlcCommand } from './tlc.js';

interface CheckFlags {
  config?: string;
  deadlock?: boolean;
  json?: boolean;
  dumpTrace?: string[];
  workers: string;
  difftrace?: boolean;
  library?: string;
  dumpStates?: string;
  dumpGraph?: string;
  dumpGraphOptions?: string;
  simulate?: boolean;
  num?: string;
  depth?: string;
  seed?: string;
  aril?: string;
  tlc?: string | boolean;
}

export function register(program: Command): void {
  program
    .command('check')
    .description('model-check a TLA+ spec breadth first, as TLC does (same counts, messages and exit codes)')
    .argument('<spec>', 'the root module, SPEC.tla (or SPEC, as TLC takes it)')
    .option('--config <file>', 'the TLC configuration file (default: SPEC.cfg beside the spec)')
    .option('--deadlock', 'do not check for deadlock (TLC -deadlock; overrides CHECK_DEADLOCK)')
    .option('--json', 'print one JSON object with the verdict and counts on stdout, nothing else')
    .option('--dump-trace <format_and_file...>', 'write the counterexample: `itf FILE` (ITF JSON) or `dot FILE` (Graphviz, plus FILE.png when dot is installed)')
    .option('--workers <n>', 'number of worker threads, or auto (TLC -workers): the search runs on one; the answer does not depend on it', '1')
    .option('--difftrace', 'in a counterexample, print after the first state only the variables each step changed (TLC -difftrace)')
    .option('--library <dirs>', 'folders (separated by :) searched for modules after the spec\'s own, before TLA_PATH and the bundled library (TLC -DTLA-Library)')
    .option('--dump-states <file>', 'write every distinct state found, in discovery order (TLC -dump FILE)')
    .option('--dump-graph <file>', 'write the state graph as Graphviz DOT, plus FILE.png when dot is installed and the graph is small (TLC -dump dot FILE)')
    .option('--dump-graph-options <list>', 'for --dump-graph: colorize, actionlabels, stuttering (TLC -dump dot,colorize,... FILE)')
    .option('--simulate', 'random simulation instead of the exhaustive search: random behaviours checked for invariants, action properties and deadlock (TLC -simulate)')
    .option('--num <n>', 'with --simulate: number of behaviours (TLC -simulate num=N; default: until a violation or interrupted)')
    .option('--depth <n>', 'with --simulate: states per behaviour (TLC -depth; default 100)')
    .option('--seed <n>', 'with --simulate: the random seed (TLC -seed; default random, printed)')
    .option('--aril <n>', 'with --simulate: seed adjustment (TLC -aril; default 0)')
    .option('--tlc [jar]', 'run real TLC (tla2tools.jar, found as by `rdsib tlc` when not given) instead of rdsib\'s engine; same output')
    .action(async (specPath: string, flags: CheckFlags) => {
      process.exitCode = await runCheck(specPath, flags);
    });
}

async function runCheck(specPath: string, flags: CheckFlags): Promise<number> {
  const json = flags.json === true;
  if (flags.tlc !== undefined) {
    const { tlc, ...rest } = flags;
    return runTlcCommand(specPath, { ...rest, ...(typeof tlc === 'string' ? { jar: tlc } : {}) }, 'rdsib check --tlc');
  }
  if (flags.workers !== 'auto' && !/^[1-9]\d*$/.test(flags.workers)) {
    process.stderr.write(`rdsib check: --workers ${flags.workers}: the number of workers must be a positive integer or auto\n`);
    return ExitCode.generic;
  }
  // TLC's distinct and generated counts, depth and verdict do not depend on its number of workers
  // (ModelChecker sums them over workers); rdsib's search is sequential for now.
  if (flags.workers !== '1') process.stderr.write(`rdsib check: --workers ${flags.workers}: searching with one worker (parallel search is not implemented; the answer is the same)\n`);
  // TLC takes the module name with or without .tla
  if (!specPath.endsWith('.tla') && !existsSync(specPath) && existsSync(`${specPath}.tla`)) specPath = `${specPath}.tla`;
  if (flags.simulate) return runSimulation(specPath, flags);
  const dump = flags.dumpTrace;
  if (!dumpOk(dump)) return ExitCode.generic;
  const out = (line: string) => {
    if (!json) process.stdout.write(line + '\n');
  };

  const graphOptions = graphOptionsOf(flags.dumpGraphOptions);
  if (!graphOptions) return ExitCode.generic;
  const graph = flags.dumpStates || flags.dumpGraph ? new StateGraph() : undefined;
  let run: CheckRun;
  try {
    let last = { generated: 0, distinct: 0, ms: 0 };
    run = await checkFile(specPath, {
      ...libraryOf(flags),
      ...(graph ? { onState: graph.onState, onEdge: graph.onEdge } : {}),
      ...(flags.config ? { cfgPath: flags.config } : {}),
      ...(flags.deadlock ? { checkDeadlock: false } : {}),
      onSearchStart: () => out(COMPUTING_INIT),
      onInitDone: (g, d) => out(initDoneText(g, d)),
      onLivenessStart: (d) => out(livenessStartText(d)),
      onLivenessDone: (ms) => out(livenessDoneText(ms)),
      progressIntervalMs: 5000,
      onProgress: (s, ms) => {
        process.stderr.write(progressText(s, ms, last) + '\n');
        last = { generated: s.generated, distinct: s.distinct, ms };
      },
    });
  } catch (e) {
    return reportFailure(e, json);
  }

  const { spec, result } = run;
  if (json) {
    const o = result.outcome;
    const counts = { distinctStates: result.distinct, generatedStates: result.generated, depth: result.depth };
    process.stdout.write(JSON.stringify({ result: verdictOf(o), ...counts, ...outcomeJson(spec, o, result.skippedProperties) }) + '\n');
  } else {
    for (const line of resultText(spec, result, new Date(), { diff: flags.difftrace === true })) out(line);
  }
  // An evaluation error is a user error like any other: also on stderr as file:line:col.
  if (result.outcome.kind === 'evalError') process.stderr.write(result.outcome.error.describe() + '\n');
  if (dump) writeDump(spec, specPath, result.outcome, dump);
  if (graph && flags.dumpStates) writeFileSync(flags.dumpStates, statesText(spec, graph));
  if (graph && flags.dumpGraph) {
    writeFileSync(flags.dumpGraph, stateGraphDot(spec, graph, graphOptions));
    // a picture of a few hundred states is readable; Graphviz takes minutes on large graphs
    if (graph.states.length <= PNG_MAX_STATES) renderPng(flags.dumpGraph, `${flags.dumpGraph}.png`);
    else process.stderr.write(`rdsib check: ${graph.states.length} states: no PNG of the state graph (over ${PNG_MAX_STATES}); render ${flags.dumpGraph} with dot yourself\n`);
  }
  return exitCodeOf(result.outcome);
}

const PNG_MAX_STATES = 500;

/** The --json fields that describe the outcome, shared by the search and the simulation. */
function outcomeJson(spec: CompiledSpec, o: Outcome, skipped: readonly string[]): Record<string, unknown> {
  const trace = traceOf(o);
  const property = propertyOf(o);
  return {
    ...(property !== undefined ? { property } : {}),
    ...(trace && trace.length > 0 ? { trace: itfStates(spec, trace) } : {}),
    ...(skipped.length > 0 ? { skippedProperties: skipped } : {}),
    // a liveness counterexample is a lasso: the 1-based state it loops back to, or stuttering
    ...(o.kind === 'liveness' ? { loop: o.loop.kind === 'stutter' ? 'stuttering' : o.loop.state } : {}),
    ...(o.kind === 'evalError' ? { error: errorJson(o.error) } : {}),
    exitCode: exitCodeOf(o),
  };
}

function libraryOf(flags: CheckFlags): { libraryPath?: readonly string[] } {
  return flags.library ? { libraryPath: flags.library.split(delimiter).filter((d) => d !== '') } : {};
}

/** --dump-graph-options: the DotStateWriter options we honour; others are reported. */
function graphOptionsOf(list: string | undefined): GraphOptions | undefined {
  const names = (list ?? '').split(',').filter((x) => x !== '');
  const known = ['colorize', 'actionlabels', 'stuttering'];
  const unknown = names.filter((n) => !known.includes(n) && !['snapshot', 'constrained', 'strict'].includes(n));
  if (unknown.length > 0) {
    process.stderr.write(`rdsib check: --dump-graph-options: unknown ${unknown.join(', ')} (known: ${known.join(', ')})\n`);
    return undefined;
  }
  return { colorize: names.includes('colorize'), actionLabels: names.includes('actionlabels'), stuttering: names.includes('stuttering') };
}

function dumpOk(dump: string[] | undefined): boolean {
  if (dump && (dump.length !== 2 || !['itf', 'dot'].includes(dump[0]!))) {
    process.stderr.write('rdsib check: --dump-trace takes a format (itf or dot) and a file, e.g. --dump-trace itf trace.itf.json\n');
    return false;
  }
  return true;
}

/** --dump-trace: the counterexample as ITF JSON or DOT (+ PNG). */
function writeDump(spec: CompiledSpec, specPath: string, outcome: Outcome, dump: string[]): void {
  const [format, file] = dump as [string, string];
  const trace = traceOf(outcome);
  if (!trace || trace.length === 0) {
    process.stderr.write(`rdsib check: no counterexample, nothing written to ${file}\n`);
  } else if (format === 'itf') {
    const status = verdictOf(outcome);
    writeFileSync(file, JSON.stringify(itfTrace(spec, trace, { source: specPath, status, description: `${status} ${propertyOf(outcome) ?? ''}`.trim() }), null, 2) + '\n');
  } else {
    writeFileSync(file, traceDot(spec, trace, `${verdictOf(outcome)} ${propertyOf(outcome) ?? ''}`.trim()));
    renderPng(file, `${file}.png`);
  }
}

/** A non-negative integer option, or undefined when absent; throws a usage message otherwise. */
function count(name: string, v: string | undefined, min: number): number | undefined {
  if (v === undefined) return undefined;
  if (!/^-?\d+$/.test(v) || Number(v) < min) throw new UsageError(`--${name} ${v}: expected an integer >= ${min}`);
  return Number(v);
}

class UsageError extends Error {}

/** --simulate: random behaviours instead of the exhaustive search (engine/check/simulate.ts). */
async function runSimulation(specPath: string, flags: CheckFlags): Promise<number> {
  const json = flags.json === true;
  const out = (line: string) => {
    if (!json) process.stdout.write(line + '\n');
  };
  let opts: { num?: number; depth?: number; seed?: number; aril?: number };
  try {
    const [num, depth, seed, aril] = [count('num', flags.num, 1), count('depth', flags.depth, 1), count('seed', flags.seed, Number.MIN_SAFE_INTEGER), count('aril', flags.aril, 0)];
    opts = { ...(num !== undefined ? { num } : {}), ...(depth !== undefined ? { depth } : {}), ...(seed !== undefined ? { seed } : {}), ...(aril !== undefined ? { aril } : {}) };
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`rdsib check: ${e.message}\n`);
    return ExitCode.generic;
  }
  if (!dumpOk(flags.dumpTrace)) return ExitCode.generic;
  if (flags.dumpStates || flags.dumpGraph) {
    process.stderr.write('rdsib check: --dump-states and --dump-graph dump the exhaustive search\'s states; they do not apply to --simulate\n');
    return ExitCode.generic;
  }
  let spec: CompiledSpec;
  let r: SimulationResult;
  try {
    ({ spec } = await compileFile(specPath, flags.config, libraryOf(flags).libraryPath));
    const seed = opts.seed ?? Math.floor(Math.random() * 2 ** 31);
    out(simulationStartText(seed));
    out(COMPUTING_INIT);
    r = simulate(spec, {
      ...opts,
      seed,
      ...(flags.deadlock ? { checkDeadlock: false } : {}),
      onInitDone: (g, d) => out(initDoneText(g, d)),
      progressIntervalMs: 5000,
      onProgress: (s) => process.stderr.write(simulationProgressText(s) + '\n'),
    });
  } catch (e) {
    return reportFailure(e, json);
  }
  const o = r.outcome;
  if (json) {
    const run = { generatedStates: r.generated, traces: r.traces, seed: r.seed, aril: r.aril };
    process.stdout.write(JSON.stringify({ mode: 'simulate', result: verdictOf(o), ...run, ...outcomeJson(spec, o, r.skippedProperties) }) + '\n');
  } else {
    for (const line of simulationText(spec, r, new Date(), { diff: flags.difftrace === true })) out(line);
  }
  if (o.kind === 'evalError') process.stderr.write(o.error.describe() + '\n');
  if (flags.dumpTrace) writeDump(spec, specPath, o, flags.dumpTrace);
  return exitCodeOf(o);
}
