// Random simulation (TLC's -simulate): instead of exploring every reachable state, walk random
// behaviours — a random initial state, then at each step a random successor — up to `depth`
// states each, checking invariants, action properties and deadlock on the way, until `num`
// behaviours were walked or a violation was found (tlc2/tool/SimulationWorker).
//
// Like TLC, all initial states are computed (and checked) first; a behaviour ends early in a
// state without successors (a deadlock when deadlock is checked). Unlike TLC, which picks a random
// action first and then a random successor of that action, the successor is drawn uniformly from
// all successors of the state; and temporal properties are not checked on the behaviours (TLC
// checks them with LiveCheck1): they are reported as skipped. The walk is reproducible from
// `seed` and `aril` (TLC's seed adjustment), not TLC's own random sequence.
import type { ActionLabel, CompiledSpec, State } from '../eval/api.js';
import { tlcRuntime } from '../eval/runtime.js';
import { mulberry32 } from '../prng.js';
import { TlaError } from '../errors.js';
import type { EvalPhase, Outcome, TraceStep } from './result.js';

export interface SimulateOptions {
  /** behaviours to walk; unbounded by default, as TLC (stops at a violation or when killed) */
  readonly num?: number;
  /** states per behaviour, TLC's -depth (default 100) */
  readonly depth?: number;
  readonly seed?: number;
  readonly aril?: number;
  readonly checkDeadlock?: boolean;
  readonly onProgress?: (s: SimulationStats, elapsedMs: number) => void;
  readonly progressIntervalMs?: number;
  /** called once the initial states are computed */
  readonly onInitDone?: (generated: number, distinct: number) => void;
}

export interface SimulationStats {
  /** states generated: initial states plus every successor computed on the walks */
  readonly generated: number;
  /** behaviours walked (the one that found a violation included) */
  readonly traces: number;
  /** lengths of the behaviours walked, in states */
  readonly lengths: { readonly mean: number; readonly variance: number };
}

export interface SimulationResult extends SimulationStats {
  readonly outcome: Outcome;
  readonly seed: number;
  readonly aril: number;
  readonly skippedProperties: readonly string[];
  readonly elapsedMs: number;
}

class Stop {
  constructor(readonly outcome: Outcome) {}
}

export function simulate(spec: CompiledSpec, options: SimulateOptions = {}): SimulationResult {
  const start = Date.now();
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const aril = options.aril ?? 0;
  const depth = options.depth ?? 100;
  const num = options.num ?? Infinity;
  const checkDeadlock = options.checkDeadlock ?? spec.checkDeadlock;
  const random = mulberry32(seed ^ aril);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

  const invariants = [...spec.invariants.map((i) => ({ name: i.name, holds: i.holds }))];
  const initPredicates: { name: string; holds: (s: State) => boolean }[] = [];
  const actionProperties: { name: string; holds: (s: State, t: State) => boolean }[] = [];
  const skipped: string[] = [];
  for (const p of spec.properties) {
    if (p.kind === 'stateInvariant') invariants.push({ name: p.name, holds: p.holds });
    else if (p.kind === 'initPredicate') initPredicates.push({ name: p.name, holds: p.holds });
    else if (p.kind === 'actionInvariant') actionProperties.push({ name: p.name, holds: p.holds });
    else if (!skipped.includes(p.name)) skipped.push(p.name);
  }

  let generated = 0;
  let traces = 0;
  let sum = 0;
  let sumSq = 0;
  const stats = (): SimulationStats => {
    const mean = traces === 0 ? 0 : sum / traces;
    return { generated, traces, lengths: { mean, variance: traces === 0 ? 0 : sumSq / traces - mean * mean } };
  };
  let nextProgress = options.progressIntervalMs ? start + options.progressIntervalMs : Infinity;

  const guard = <T>(during: EvalPhase, trace: readonly TraceStep[], f: () => T, property?: string): T => {
    try {
      return f();
    } catch (e) {
      if (e instanceof TlaError) throw new Stop({ kind: 'evalError', error: e, during, ...(property !== undefined ? { property } : {}), trace });
      throw e;
    }
  };
  const checkState = (s: State, trace: readonly TraceStep[]): void => {
    for (const inv of invariants) {
      if (!guard('invariant', trace, () => inv.holds(s), inv.name)) {
        throw new Stop(trace.length === 1 ? { kind: 'invariantInitial', name: inv.name, trace } : { kind: 'invariant', name: inv.name, trace });
      }
    }
  };

  let outcome: Outcome = { kind: 'ok' };
  let walking: TraceStep[] | null = null; // the behaviour being walked, counted when it ends
  const ended = (trace: readonly TraceStep[]) => {
    sum += trace.length;
    sumSq += trace.length * trace.length;
    walking = null;
  };
  tlcRuntime.attach(() => ({ generated, distinct: 0, queued: 0, depth: 0 }), { checkDeadlock });
  try {
    const bad = guard('assumption', [], () => spec.checkAssumptions()).find((a) => !a.holds);
    if (bad) throw new Stop({ kind: 'assumption', loc: bad.loc });
    const inits: State[] = [];
    const seen = new Set<string>();
    for (const s of guard('init', [], () => [...spec.initStates()])) {
      generated++;
      const here = [{ state: s }];
      if (!guard('constraint', here, () => spec.stateConstraint(s))) continue;
      const fp = guard('constraint', here, () => spec.fingerprint(s));
      if (seen.has(fp)) continue;
      seen.add(fp);
      checkState(s, here);
      for (const p of initPredicates) {
        if (!guard('invariant', here, () => p.holds(s), p.name)) throw new Stop({ kind: 'propertyInitial', name: p.name, trace: here });
      }
      inits.push(s);
    }
    options.onInitDone?.(generated, inits.length);

    while (traces < num && inits.length > 0) {
      const trace: TraceStep[] = [{ state: pick(inits) }];
      walking = trace;
      traces++;
      while (trace.length < depth) {
        const cur = trace[trace.length - 1]!.state;
        const succs: { state: State; action: ActionLabel }[] = [];
        for (const t of guard('next', trace, () => [...spec.successors(cur)])) {
          generated++;
          const toT = [...trace, t];
          if (guard('constraint', toT, () => spec.stateConstraint(t.state) && spec.actionConstraint(cur, t.state))) succs.push(t);
        }
        if (succs.length === 0) {
          if (checkDeadlock) throw new Stop({ kind: 'deadlock', trace });
          break;
        }
        const next = pick(succs);
        trace.push(next);
        checkState(next.state, trace);
        for (const a of actionProperties) {
          if (!guard('actionProperty', trace, () => a.holds(cur, next.state), a.name)) throw new Stop({ kind: 'actionProperty', name: a.name, trace });
        }
      }
      ended(trace);
      if (Date.now() >= nextProgress) {
        options.onProgress?.(stats(), Date.now() - start);
        nextProgress = Date.now() + options.progressIntervalMs!;
      }
    }
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    outcome = e.outcome;
    if (walking) ended(walking);
  } finally {
    tlcRuntime.attach(undefined);
  }
  return { outcome, ...stats(), seed, aril, skippedProperties: skipped, elapsedMs: Date.now() - start };
}
