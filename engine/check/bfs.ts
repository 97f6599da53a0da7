// Breadth-first model checking with one worker, counting exactly as TLC does.
//
// Rules, read from tlaplus/tlaplus tlatools/org.lamport.tlatools/src (2024 sources):
//
// * Generated states = numberOfInitialStates + Σ worker.statesGenerated
//   (ModelChecker.getStatesGenerated).
//   - ModelChecker.DoInitFunctor.addElement does numberOfInitialStates++ for EVERY state the
//     init predicate yields, duplicates included, before any constraint test.
//   - Worker.addElement does statesGenerated++ first, for EVERY successor Tool.getNextStates
//     hands it: duplicates, self-loops, states failing CONSTRAINT or ACTION_CONSTRAINT.
// * Distinct states = theFPSet.size(). A state enters the set only if it is "in model":
//   init states: tool.isInModel(s) (CONSTRAINT); successors: isInModel(t) && isInActions(s, t)
//   (CONSTRAINT and ACTION_CONSTRAINT). Out-of-model states are never enqueued nor expanded and
//   never raise the depth, BUT `unseen` stays true for them, so invariants ARE evaluated on them
//   (every time they are generated) and action properties too.
// * Invariants: checked in cfg order on every unseen state (Worker.doNextCheckInvariants), the
//   first failing one is reported. Action properties [][A]_v (doNextCheckImplied) are checked on
//   every generated transition, seen or not. A new in-model state is enqueued only after both
//   checks pass. For initial states, invariants then the PROPERTY conjuncts that are plain state
//   predicates (tool.getImpliedInits) are checked when unseen.
// * Depth = ConcurrentTLCTrace.getLevel(): max(1, max over new in-model successors of
//   level(cur) + 1) (Worker.writeState); initial states are level 1; printSummary prints 0 when
//   nothing was generated.
// * Deadlock (Worker.run): after expanding a state, preNext == statesGenerated, i.e. it produced
//   no successor at all. A successor that is a duplicate, a self-loop or constrained out counts
//   as a successor. Off with CHECK_DEADLOCK FALSE or -deadlock.
// * Stopping: TLC stops at the first violation and prints the counts at that moment: the
//   violating successor is already counted generated and (if in model) inserted in the set,
//   later successors of the same state are not generated; for an initial state, init
//   generation stops there. The queue size printed excludes the state being expanded.
// * Counterexample: TLC keeps (fingerprint, predecessor pointer) records and rebuilds the trace
//   by regenerating: the initial state is the first init state with that fingerprint, each next
//   one the first successor of the previous with the recorded fingerprint
//   (ConcurrentTLCTrace.getTrace, Tool.getState(fp, s)). We do the same (trace.ts), so under a
//   VIEW the printed states are the ones TLC prints.
import type { ActionLabel, CompiledSpec, State, Successor } from '../eval/api.js';
import { TlaError } from '../errors.js';
import { tlcRuntime } from '../eval/runtime.js';
import { OutDegreeStats } from './outdegree.js';
import { FifoQueue, type QueueEntry, type StateQueue } from './queue.js';
import type { EvalPhase, Outcome, SearchResult, SearchStats, TraceStep } from './result.js';
import { rebuildTrace } from './trace.js';
import { LivenessChecker } from './liveness/index.js';

export interface SearchOptions {
  /** overrides the cfg's CHECK_DEADLOCK (TLC's -deadlock passes false) */
  readonly checkDeadlock?: boolean;
  /** called about every `progressIntervalMs` with the running counts (TLC's Progress lines) */
  readonly onProgress?: (stats: SearchStats, elapsedMs: number) => void;
  readonly progressIntervalMs?: number;
  /** called once the initial states are computed (TLC's "Finished computing initial states") */
  readonly onInitDone?: (generated: number, distinct: number) => void;
  /** every new distinct state, with its dense id (discovery order) and its parent's id
   *  (undefined for an initial state) */
  readonly onState?: (id: number, state: State, parent: number | undefined) => void;
  /** every in-model transition between distinct states, by state id, also into states seen
   *  before: with onState, what a liveness checker needs to build the behaviour graph */
  readonly onEdge?: (from: number, to: number, action: ActionLabel) => void;
  /** the work queue; FIFO by default (TLC's StateQueue) */
  readonly queue?: StateQueue;
  /** called when the safety search is complete and temporal properties are checked next
   *  (TLC's "Checking temporal properties for the complete state space ...") and when done */
  readonly onLivenessStart?: (distinct: number) => void;
  readonly onLivenessDone?: (elapsedMs: number) => void;
}

/** Thrown inside the search to stop it with an outcome; never escapes `search`. */
class Stop {
  constructor(readonly outcome: Outcome) {}
}

/** Model-check `spec` breadth first from all initial states. Never throws for errors in the
 *  spec (they become an `evalError` outcome); only internal bugs escape. */
export function search(spec: CompiledSpec, options: SearchOptions = {}): SearchResult {
  return new Search(spec, options).run();
}

interface Check {
  readonly name: string;
  readonly holds: (s: State) => boolean;
}

class Search {
  private readonly start = Date.now();
  private readonly ids = new Map<string, number>(); // fingerprint -> state id
  private readonly fps: string[] = []; // state id -> fingerprint
  private readonly parents: number[] = []; // state id -> parent id, -1 for initial states
  private readonly queue: StateQueue;
  private generated = 0;
  private initGenerated = 0;
  private initDistinct = 0;
  private maxLevel = 1;
  private readonly outDegree = new OutDegreeStats();
  private newSuccessors = 0;
  private readonly invariants: readonly Check[];
  private readonly initPredicates: readonly Check[];
  private readonly actionProperties: readonly { readonly name: string; readonly holds: (s: State, t: State) => boolean }[];
  private readonly skipped: readonly string[];
  private readonly checkDeadlock: boolean;
  private nextProgress: number;
  /** records the behaviour graph for the temporal properties (engine/check/liveness) */
  private liveness: LivenessChecker | undefined;
  /** in-model transitions out of the state being expanded: (target id, target state) */
  private readonly pendingEdges: { readonly to: number; readonly t: State }[] = [];

  constructor(
    private readonly spec: CompiledSpec,
    private readonly options: SearchOptions,
  ) {
    this.queue = options.queue ?? new FifoQueue();
    this.checkDeadlock = options.checkDeadlock ?? spec.checkDeadlock;
    // PROPERTY conjuncts []P with P a state predicate are checked like invariants, after the
    // cfg INVARIANTs (TLC's SpecProcessor adds them to the invariant list).
    const invs: Check[] = spec.invariants.map((i) => ({ name: i.name, holds: i.holds }));
    const inits: Check[] = [];
    const acts: { name: string; holds: (s: State, t: State) => boolean }[] = [];
    const skipped: string[] = [];
    for (const p of spec.properties) {
      switch (p.kind) {
        case 'stateInvariant':
          invs.push({ name: p.name, holds: p.holds });
          break;
        case 'initPredicate':
          inits.push({ name: p.name, holds: p.holds });
          break;
        case 'actionInvariant':
          acts.push({ name: p.name, holds: p.holds });
          break;
        case 'temporal':
          // checked by engine/check/liveness when the evaluator gives the formula's term
          if (!p.term) skipped.push(p.name);
          break;
        default: {
          const never: never = p;
          throw new Error(`unhandled property ${String(never)}`);
        }
      }
    }
    this.invariants = invs;
    this.initPredicates = inits;
    this.actionProperties = acts;
    this.skipped = [...new Set(skipped)];
    this.nextProgress = options.progressIntervalMs ? this.start + options.progressIntervalMs : Infinity;
  }

  run(): SearchResult {
    let outcome: Outcome;
    let complete = false;
    // TLCGet("distinct"/"generated"/"queue"/"diameter"/"stats") read these figures live
    tlcRuntime.attach(() => this.stats(), { checkDeadlock: this.checkDeadlock });
    try {
      this.assumptions();
      this.liveness = this.guard('liveness', () => [], () => LivenessChecker.of(this.spec));
      this.initial();
      this.options.onInitDone?.(this.initGenerated, this.initDistinct);
      this.explore();
      complete = true;
      this.checkLiveness();
      this.postconditions();
      outcome = { kind: 'ok' };
    } catch (e) {
      if (!(e instanceof Stop)) throw e;
      outcome = e.outcome;
    } finally {
      tlcRuntime.attach(undefined);
    }
    return {
      outcome,
      ...this.stats(),
      initGenerated: this.initGenerated,
      initDistinct: this.initDistinct,
      skippedProperties: this.skipped,
      elapsedMs: Date.now() - this.start,
      ...(complete ? { outDegree: this.outDegree.summary() } : {}),
    };
  }

  private stats(): SearchStats {
    return { generated: this.generated, distinct: this.ids.size, queued: this.queue.size, depth: this.generated === 0 ? 0 : this.maxLevel };
  }

  /** Run `f`; an error in the spec stops the search with the trace that led there. */
  private guard<T>(during: EvalPhase, trace: () => readonly TraceStep[], f: () => T, property?: string): T {
    try {
      return f();
    } catch (e) {
      if (e instanceof TlaError) {
        throw new Stop({ kind: 'evalError', error: e, during, ...(property !== undefined ? { property } : {}), trace: trace() });
      }
      throw e;
    }
  }

  private assumptions(): void {
    const results = this.guard('assumption', () => [], () => this.spec.checkAssumptions());
    const bad = results.find((a) => !a.holds);
    if (bad) throw new Stop({ kind: 'assumption', loc: bad.loc });
  }

  /** Adds a state to the fingerprint set; returns its id, or undefined if it was seen. */
  private insert(fp: string, state: State, parent: number): number | undefined {
    if (this.ids.has(fp)) return undefined;
    const id = this.fps.length;
    this.ids.set(fp, id);
    this.fps.push(fp);
    this.parents.push(parent);
    this.options.onState?.(id, state, parent < 0 ? undefined : parent);
    this.liveness?.recordState(id, parent < 0 ? undefined : parent, fp);
    return id;
  }

  // LiveCheck.finalCheck after a complete search
  private checkLiveness(): void {
    const live = this.liveness;
    if (!live) return;
    const start = Date.now();
    this.options.onLivenessStart?.(this.ids.size);
    const v = this.guard('liveness', () => [], () => live.check());
    this.options.onLivenessDone?.(Date.now() - start);
    if (v) throw new Stop({ kind: 'liveness', ...v });
  }

  private traceTo(id: number): TraceStep[] {
    const chain: string[] = [];
    for (let i = id; i >= 0; i = this.parents[i]!) chain.push(this.fps[i]!);
    return rebuildTrace(this.spec, chain.reverse());
  }

  private firstFailing(checks: readonly Check[], s: State, trace: () => readonly TraceStep[]): string | undefined {
    for (const c of checks) {
      if (!this.guard('invariant', trace, () => c.holds(s), c.name)) return c.name;
    }
    return undefined;
  }

  // ModelChecker.doInit + DoInitFunctor.addElement
  private initial(): void {
    const here = (s: State) => (): TraceStep[] => [{ state: s }];
    const inits = this.guard('init', () => [], () => this.spec.initStates()[Symbol.iterator]());
    for (;;) {
      const r = this.guard('init', () => [], () => inits.next());
      if (r.done) break;
      const s = r.value;
      this.generated++;
      this.initGenerated++;
      const inModel = this.guard('constraint', here(s), () => this.spec.stateConstraint(s));
      let unseen = true;
      if (inModel) {
        const fp = this.guard('constraint', here(s), () => this.spec.fingerprint(s));
        const id = this.insert(fp, s, -1);
        unseen = id !== undefined;
        if (id !== undefined) {
          this.initDistinct++;
          this.queue.enqueue({ state: s, id, level: 1 });
        }
      }
      if (!unseen) continue;
      const inv = this.firstFailing(this.invariants, s, here(s));
      if (inv !== undefined) throw new Stop({ kind: 'invariantInitial', name: inv, trace: [{ state: s }] });
      for (const p of this.initPredicates) {
        if (!this.guard('invariant', here(s), () => p.holds(s), p.name)) throw new Stop({ kind: 'propertyInitial', name: p.name, trace: [{ state: s }] });
      }
    }
  }

  // Worker.run + Worker.addElement. The loop allocates no closure per state or successor
  // (traces are built only when something fails): at hundreds of thousands of states the
  // closures and their names cost more than the search itself.
  private explore(): void {
    const spec = this.spec;
    for (;;) {
      const cur: QueueEntry | undefined = this.queue.dequeue();
      if (!cur) return;
      const before = this.generated;
      let succs: Iterator<Successor>;
      try {
        succs = spec.successors(cur.state)[Symbol.iterator]();
      } catch (e) {
        throw this.evalStop(e, 'next', cur, undefined, undefined);
      }
      for (;;) {
        let r: IteratorResult<Successor>;
        try {
          r = succs.next();
        } catch (e) {
          throw this.evalStop(e, 'next', cur, undefined, undefined);
        }
        if (r.done) break;
        this.step(cur, r.value.state, r.value.action);
      }
      if (this.checkDeadlock && this.generated === before) throw new Stop({ kind: 'deadlock', trace: this.traceTo(cur.id) });
      this.expandedForLiveness(cur);
      this.outDegree.add(this.newSuccessors);
      this.newSuccessors = 0;
      if (Date.now() >= this.nextProgress) {
        this.options.onProgress?.(this.stats(), Date.now() - this.start);
        this.nextProgress = Date.now() + this.options.progressIntervalMs!;
      }
    }
  }

  /** What `guard` makes of an error while expanding `cur` (and looking at its successor `t`,
   *  reached by `action`): a TlaError stops the search with the trace to there. */
  private evalStop(e: unknown, during: EvalPhase, cur: QueueEntry, t: State | undefined, action: ActionLabel | undefined, property?: string): unknown {
    if (!(e instanceof TlaError)) return e;
    const trace: TraceStep[] = this.traceTo(cur.id);
    if (t !== undefined) trace.push({ state: t, action: action! });
    return new Stop({ kind: 'evalError', error: e, during, ...(property !== undefined ? { property } : {}), trace });
  }

  private step(cur: QueueEntry, t: State, action: ActionLabel): void {
    this.generated++;
    const spec = this.spec;
    let inModel: boolean;
    let fp = '';
    try {
      inModel = spec.stateConstraint(t) && spec.actionConstraint(cur.state, t);
      if (inModel) fp = spec.fingerprint(t);
    } catch (e) {
      throw this.evalStop(e, 'constraint', cur, t, action);
    }
    let id: number | undefined;
    let unseen = true;
    if (inModel) {
      const known = this.ids.get(fp);
      if (known === undefined) {
        id = this.insert(fp, t, cur.id)!;
        this.maxLevel = Math.max(this.maxLevel, cur.level + 1);
        this.newSuccessors++;
      } else {
        unseen = false;
        this.options.onEdge?.(cur.id, known, action);
        if (this.liveness) this.pendingEdges.push({ to: known, t });
      }
    }
    if (unseen) {
      const invs = this.invariants;
      for (let i = 0; i < invs.length; i++) {
        const c = invs[i]!;
        let holds: boolean;
        try {
          holds = c.holds(t);
        } catch (e) {
          throw this.evalStop(e, 'invariant', cur, t, action, c.name);
        }
        if (!holds) throw new Stop({ kind: 'invariant', name: c.name, trace: [...this.traceTo(cur.id), { state: t, action }] });
      }
    }
    const acts = this.actionProperties;
    for (let i = 0; i < acts.length; i++) {
      const a = acts[i]!;
      let holds: boolean;
      try {
        holds = a.holds(cur.state, t);
      } catch (e) {
        throw this.evalStop(e, 'actionProperty', cur, t, action, a.name);
      }
      if (!holds) throw new Stop({ kind: 'actionProperty', name: a.name, trace: [...this.traceTo(cur.id), { state: t, action }] });
    }
    if (id !== undefined) {
      this.options.onEdge?.(cur.id, id, action);
      if (this.liveness) this.pendingEdges.push({ to: id, t });
      this.queue.enqueue({ state: t, id, level: cur.level + 1 });
    }
  }

  // LiveCheck.addNextState: once a state's successors are generated and checked, its atoms
  // and those of its transitions are evaluated
  private expandedForLiveness(cur: QueueEntry): void {
    const live = this.liveness;
    if (!live) return;
    const edges = this.pendingEdges;
    this.guard('liveness', () => this.traceTo(cur.id), () => {
      live.recordExpansion(cur.id, cur.state);
      for (const e of edges) live.recordEdge(cur.id, e.to, cur.state, e.t);
    });
    edges.length = 0;
  }

  private postconditions(): void {
    for (const p of this.spec.postconditions) {
      if (!this.guard('postcondition', () => [], () => p.holds(), p.name)) throw new Stop({ kind: 'postcondition', name: p.name, loc: p.loc });
    }
  }
}
