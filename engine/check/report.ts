// TLC-style text output. Wording from tlaplus/tlaplus tlc2/output/MP.java (getMessage /
// getError): errors are printed with the "Error: " prefix MP.printError adds; states follow
// EC.TLC_STATE_PRINT2 ("State k: <label>" then the `/\ var = value` lines, then a blank line).
import type { Loc } from '../frontend/ast.js';
import type { ActionLabel, CompiledSpec, State } from '../eval/api.js';
import { equals } from '../values/compare.js';
import { formatStateLines, pretty } from '../values/pretty.js';
import { format } from '../values/print.js';
import type { SearchResult, SearchStats, TraceStep } from './result.js';
import type { SimulationResult, SimulationStats } from './simulate.js';

/** MP.now(): "yyyy-MM-dd HH:mm:ss" in local time. */
export function now(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** MP.format: thousands separators as Java's "%,d" in an English locale. */
export function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

/** "line 3, col 5 to line 4, col 20 of module M", TLC's Location.toString() */
export function locText(loc: Loc): string {
  return `line ${loc.line}, col ${loc.col} to line ${loc.endLine}, col ${loc.endCol} of module ${loc.module}`;
}

/** Action.getLocation(): `<Name(p1,p2) line ...>`, the values of the action operator's
 *  parameters joined by "," without spaces, nothing when it has none. */
export function actionText(a: ActionLabel | undefined): string {
  if (!a) return '<Initial predicate>';
  const params = a.params && a.params.size > 0 ? `(${[...a.params.values()].map(format).join(',')})` : '';
  return `<${a.name}${params} ${locText(a.loc)}>`;
}

export const COMPUTING_INIT = 'Computing initial states...';

/** EC.TLC_INIT_GENERATED1 / TLC_INIT_GENERATED2 */
export function initDoneText(generated: number, distinct: number, at = new Date()): string {
  const plural = generated === 1 ? '' : 's';
  return generated === distinct
    ? `Finished computing initial states: ${generated} distinct state${plural} generated at ${now(at)}.`
    : `Finished computing initial states: ${generated} state${plural} generated, with ${distinct} of them distinct at ${now(at)}.`;
}

/** EC.TLC_PROGRESS_STATS with the per-minute rates (6 parameters). */
export function progressText(s: SearchStats, elapsedMs: number, prev: { generated: number; distinct: number; ms: number }, at = new Date()): string {
  const minutes = Math.max(elapsedMs - prev.ms, 1) / 60000;
  const spm = Math.floor((s.generated - prev.generated) / minutes);
  const dspm = Math.floor((s.distinct - prev.distinct) / minutes);
  return `Progress(${s.depth}) at ${now(at)}: ${fmt(s.generated)} states generated (${fmt(spm)} s/min), ${fmt(s.distinct)} distinct states found (${fmt(dspm)} ds/min), ${fmt(s.queued)} states left on queue.`;
}

/** How a counterexample is printed: TLC's -difftrace prints, after the first state, only the
 *  variables the step changed. */
export interface TraceFormat {
  readonly diff?: boolean;
}

/** The states of a counterexample, numbered from 1 (ConcurrentTLCTrace.printTrace; with -difftrace
 *  StatePrinter prints `state.toString(lastState)`). */
export function traceText(spec: CompiledSpec, trace: readonly TraceStep[], style: TraceFormat = {}): string[] {
  const out: string[] = [];
  trace.forEach((step, i) => {
    out.push(`State ${i + 1}: ${actionText(step.action)}`);
    const prev = trace[i - 1];
    out.push(style.diff && prev ? stateDiffText(spec, step.state, prev.state) : spec.formatState(step.state));
    out.push('');
  });
  return out;
}

/** TLCStateMut.toString(lastState): `/\ x = v` for each variable whose value changed (`x = v`
 *  without the conjunction when the spec has a single variable), nothing for a stuttering step.
 *  Under an ALIAS the state is printed whole: the diff is defined on the variables, and which
 *  alias fields a step changes is not (an alias is recognised by printing differently). */
function stateDiffText(spec: CompiledSpec, s: State, prev: State): string {
  const full = spec.formatState(s);
  if (full !== formatStateLines(spec.variables, s)) return full;
  const single = spec.variables.length === 1;
  return spec.variables
    .flatMap((name, i) => (equals(s[i]!, prev[i]!) ? [] : [`${single ? '' : '/\\ '}${name} = ${pretty(s[i]!)}`]))
    .join('\n');
}

const BEHAVIOR = 'Error: The behavior up to this point is:';

/** EC.TLC_CHECKING_TEMPORAL_PROPS as ModelChecker prints it before the final liveness check
 *  (the count unformatted, unlike the progress lines). TLC says "Checking N branches of
 *  temporal properties" when its DNF has several OrderOfSolutions; we do not count those. */
export function livenessStartText(distinct: number, at = new Date()): string {
  return `Checking temporal properties for the complete state space with ${distinct} total distinct states at (${now(at)})`;
}

/** EC.TLC_CHECKING_TEMPORAL_PROPS_END */
export function livenessDoneText(elapsedMs: number, at = new Date()): string {
  return `Finished checking temporal properties in ${durationText(elapsedMs)} at ${now(at)}`;
}

/** The verdict: TLC's success message, or its error message with the counterexample. */
function outcomeText(spec: CompiledSpec, o: SearchResult['outcome'], skippedProperties: readonly string[], style: TraceFormat): string[] {
  const out: string[] = [];
  switch (o.kind) {
    case 'ok':
      if (skippedProperties.length > 0) {
        out.push(
          `Warning: the temporal propert${skippedProperties.length === 1 ? 'y' : 'ies'} ${skippedProperties.join(', ')} ${skippedProperties.length === 1 ? 'was' : 'were'} NOT checked: the evaluator gave no temporal formula for the liveness checker; the counts below are those of the safety search.`,
        );
      }
      out.push('Model checking completed. No error has been found.');
      break;
    case 'assumption':
      out.push(`Error: Assumption ${locText(o.loc)} is false.`);
      break;
    case 'invariantInitial':
      out.push(`Error: Invariant ${o.name} is violated by the initial state:`, spec.formatState(o.trace[0]!.state), '');
      break;
    case 'propertyInitial':
      out.push(`Error: Property ${o.name} is violated by the initial state:`, spec.formatState(o.trace[0]!.state), '');
      break;
    case 'invariant':
      out.push(`Error: Invariant ${o.name} is violated.`, BEHAVIOR, ...traceText(spec, o.trace, style));
      break;
    case 'actionProperty':
      out.push(`Error: Action property ${o.name} is violated.`, BEHAVIOR, ...traceText(spec, o.trace, style));
      break;
    case 'deadlock':
      out.push('Error: Deadlock reached.', BEHAVIOR, ...traceText(spec, o.trace, style));
      break;
    case 'liveness':
      // LiveWorker.printTrace: MP TLC_TEMPORAL_PROPERTY_VIOLATED, TLC_COUNTER_EXAMPLE, the states,
      // then TLC_BACK_TO_STATE or TLC_STATE_PRINT3 ("N: Stuttering")
      out.push('Error: Temporal properties were violated.', '', 'Error: The following behavior constitutes a counter-example:', '', ...traceText(spec, o.trace, style));
      out.push(o.loop.kind === 'stutter' ? `State ${o.trace.length + 1}: Stuttering` : `Back to state ${o.loop.state}: ${actionText(o.loop.action)}`, '');
      break;
    case 'postcondition':
      out.push(`Error: Postcondition ${o.name} (${locText(o.loc)}) is false.`);
      break;
    case 'evalError': {
      const what =
        o.during === 'invariant' ? `Evaluating invariant ${o.property} failed.\n` : o.during === 'actionProperty' ? `Evaluating action property ${o.property} failed.\n` : '';
      out.push(`Error: ${what}${o.error.describe()}`);
      if (o.trace.length > 0) out.push(BEHAVIOR, ...traceText(spec, o.trace, style));
      // EC.TLC_NESTED_EXPRESSION, with the one position we know (TLC lists the whole stack).
      const l = o.error.loc;
      if (l) {
        out.push(
          'Error: The error occurred when TLC was evaluating the nested\nexpressions at the following positions:',
          `0. Line ${l.line}, column ${l.col} to line ${l.endLine}, column ${l.endCol} in ${l.module}`,
          '',
        );
      }
      break;
    }
    default: {
      const never: never = o;
      throw new Error(`unhandled outcome ${String(never)}`);
    }
  }
  return out;
}

/** The lines TLC prints from the first error (or success) message to the depth line. */
export function resultText(spec: CompiledSpec, r: SearchResult, at = new Date(), style: TraceFormat = {}): string[] {
  const out = outcomeText(spec, r.outcome, r.skippedProperties, style);
  const o = r.outcome;
  // ModelChecker.printSummary: stats and depth are printed on success and on error alike.
  out.push(`${r.generated} states generated, ${r.distinct} distinct states found, ${r.queued} states left on queue.`);
  out.push(`The depth of the complete state graph search is ${r.depth}.`);
  // Printed on success only (printSummary(success = true)).
  if (o.kind === 'ok' && r.outDegree) {
    const d = r.outDegree;
    out.push(`The average outdegree of the complete state graph is ${d.mean} (minimum is ${d.min}, the maximum ${d.max} and the 95th percentile is ${d.p95}).`);
  }
  out.push(`Finished in ${durationText(r.elapsedMs)} at (${now(at)})`);
  return out;
}

/** TLC prints durations like "01s", "02min 03s", "01h 02min". */
export function durationText(ms: number): string {
  const s = Math.floor(ms / 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  if (s < 60) return `${p(s)}s`;
  if (s < 3600) return `${p(Math.floor(s / 60))}min ${p(s % 60)}s`;
  return `${p(Math.floor(s / 3600))}h ${p(Math.floor((s % 3600) / 60))}min`;
}

/** EC.TLC_MODE_SIMU */
export function simulationStartText(seed: number): string {
  return `Running Random Simulation with seed ${seed}.`;
}

/** EC.TLC_PROGRESS_SIMU: behaviours walked and their lengths (mean, variance, sd rounded). */
export function simulationProgressText(s: SimulationStats): string {
  const { mean, variance } = s.lengths;
  return `Progress: ${s.generated} states checked, ${s.traces} traces generated (trace length: mean=${Math.round(mean)}, var(x)=${Math.round(variance)}, sd=${Math.round(Math.sqrt(Math.max(variance, 0)))})`;
}

/** What a simulation prints after the walks: the violation if one was found (TLC prints no
 *  success message in this mode), the progress line, EC.TLC_STATS_SIMU, and the duration. */
export function simulationText(spec: CompiledSpec, r: SimulationResult, at = new Date(), style: TraceFormat = {}): string[] {
  const out: string[] = [];
  if (r.skippedProperties.length > 0) {
    out.push(`Warning: the temporal propert${r.skippedProperties.length === 1 ? 'y' : 'ies'} ${r.skippedProperties.join(', ')} ${r.skippedProperties.length === 1 ? 'is' : 'are'} NOT checked in simulation mode.`);
  }
  if (r.outcome.kind !== 'ok') out.push(...outcomeText(spec, r.outcome, [], style));
  out.push(simulationProgressText(r));
  out.push(`The number of states generated: ${r.generated}`, `Simulation using seed ${r.seed} and aril ${r.aril}`);
  out.push(`Finished in ${durationText(r.elapsedMs)} at (${now(at)})`);
  return out;
}
