// Liveness checking after the breadth-first search, as TLC does on a complete state space
// (ModelChecker.runTLC -> LiveCheck.finalCheck): the BFS hands every new state and every
// in-model transition to `record*`, which keeps one bit per atom of the temporal properties and
// of the fairness conditions; `check` then looks, property by property in cfg order, for a fair
// behaviour violating it (search.ts) and rebuilds TLC's lasso counterexample.
import type { ActionLabel, CompiledSpec, State } from '../../eval/api.js';
import { UnsupportedError } from '../../errors.js';
import type { TraceStep } from '../result.js';
import { rebuildTrace } from '../trace.js';
import { AtomTable, type FairCond, type Goal, GoalBuilder } from './formula.js';
import { BehaviourGraph } from './graph.js';
import { findLasso } from './search.js';

export { AtomTable, GoalBuilder, type Goal, type Lit, type FairCond } from './formula.js';
export { BehaviourGraph } from './graph.js';
export { findLasso, type Lasso } from './search.js';

/** A temporal property violated: the behaviour `trace` then either loops back to state
 *  `loop.state` (1-based, TLC's "Back to state N") by `loop.action`, or stutters forever. */
export interface LivenessViolation {
  readonly name: string;
  readonly trace: readonly TraceStep[];
  readonly loop: { readonly kind: 'back'; readonly state: number; readonly action: ActionLabel } | { readonly kind: 'stutter' };
}

export class LivenessChecker {
  readonly graph: BehaviourGraph;
  private readonly properties: readonly { readonly name: string; readonly goals: readonly Goal[] }[];
  private readonly fairness: readonly FairCond[];

  /** undefined when the spec has no temporal property the evaluator gives a term for (the
   *  search lists those without as skipped); throws TemporalFormulaError (with the formula's
   *  location) for a formula the checker cannot handle */
  static of(spec: CompiledSpec): LivenessChecker | undefined {
    return spec.properties.some((p) => p.kind === 'temporal' && p.term) ? new LivenessChecker(spec) : undefined;
  }

  private constructor(private readonly spec: CompiledSpec) {
    const atoms = new AtomTable();
    const builder = new GoalBuilder(atoms);
    this.fairness = spec.fairness.map((f) => {
      if (!f.enabled || !f.taken) throw new UnsupportedError('the evaluator gives no ENABLED/step hooks for this fairness condition', f.loc);
      return builder.fairness(f.strong, f.enabled, f.taken);
    });
    const props: { name: string; goals: Goal[] }[] = [];
    for (const p of spec.properties) {
      if (p.kind !== 'temporal' || !p.term) continue;
      props.push({ name: p.name, goals: builder.neg(p.term) });
    }
    this.properties = props;
    this.graph = new BehaviourGraph(atoms);
  }

  /** a new distinct state (nothing is evaluated yet) */
  recordState(id: number, parent: number | undefined, fp: string): void {
    this.graph.addState(id, parent, fp);
  }

  /** state `id` is being expanded: its atoms are evaluated, before its transitions' */
  recordExpansion(id: number, s: State): void {
    this.graph.evaluateState(id, s);
  }

  /** a transition out of the state last expanded */
  recordEdge(from: number, to: number, s: State, t: State): void {
    this.graph.addEdge(from, to, s, t);
  }

  /** the first property (cfg order) some fair behaviour violates, with a counterexample */
  check(): LivenessViolation | undefined {
    this.graph.freeze();
    for (const p of this.properties) {
      for (const goal of p.goals) {
        const lasso = findLasso(this.graph, goal, this.fairness);
        if (lasso) return { name: p.name, ...this.counterexample(lasso.prefix, lasso.cycle) };
      }
    }
    return undefined;
  }

  private counterexample(prefix: readonly number[], cycle: readonly number[]): Omit<LivenessViolation, 'name'> {
    const fps = this.graph.fps;
    const ids = [...prefix, ...cycle];
    const steps = rebuildTrace(this.spec, ids.map((i) => fps[i]!));
    if (cycle.length === 0) return { trace: steps, loop: { kind: 'stutter' } };
    // the last step returns to the cycle's entry: TLC prints it as "Back to state N"
    const closing = steps.pop()!;
    return { trace: steps, loop: { kind: 'back', state: prefix.length, action: closing.action! } };
  }
}
