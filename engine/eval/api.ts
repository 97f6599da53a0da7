// The contract between the evaluator (engine/eval, which knows TLA+) and the checker
// (engine/check, which knows search). The checker never looks at expressions; it asks this
// interface for initial states, successors and predicate values, and reports with the
// labels and locations it hands back. The implementation is `compileSpec(loaded, config)` in
// spec.ts (exported by index.ts); TLCGet("level"/"distinct"/...) reads `tlcRuntime.stats`
// (runtime.ts), which the checker keeps up to date.
import type { Expr, Loc } from '../frontend/ast.js';
import type { Value } from '../values/value.js';

/** A state: one value per variable, in `CompiledSpec.variables` order. */
export type State = readonly Value[];

/** How TLC names the step that produced a state: `<Next line 12, col 3 to line 14, col 20 of module M>`
 *  for the disjunct of Next (or the sub-action) that generated it. */
export interface ActionLabel {
  readonly name: string;
  readonly loc: Loc;
  /** values of the \E-bound parameters that chose this successor, when known */
  readonly params?: ReadonlyMap<string, Value>;
}

export interface Successor {
  readonly state: State;
  readonly action: ActionLabel;
}

/** A property from PROPERTY/PROPERTIES or a conjunct of it, classified for the checker. */
export type Property =
  /** []P with P a state predicate: checked like an invariant */
  | { readonly kind: 'stateInvariant'; readonly name: string; readonly loc: Loc; readonly holds: (s: State) => boolean }
  /** [][A]_v: checked on every transition (s, t) */
  | { readonly kind: 'actionInvariant'; readonly name: string; readonly loc: Loc; readonly holds: (s: State, t: State) => boolean }
  /** a predicate on initial states only (a PROPERTY conjunct without [] ) */
  | { readonly kind: 'initPredicate'; readonly name: string; readonly loc: Loc; readonly holds: (s: State) => boolean }
  /** anything temporal with <>, ~>, WF/SF, ENABLED under []: for the liveness checker */
  | { readonly kind: 'temporal'; readonly name: string; readonly loc: Loc; readonly formula: Expr;
      /** (added by eval) evaluate a state or action subformula of `formula` (names are read in
       *  the name space the formula comes from) */
      readonly evaluate?: (e: Expr, s: State, t?: State) => Value;
      /** (added by eval) `formula` with its name space, for the liveness checker to walk */
      readonly term?: TemporalTerm };

/** A subformula of a temporal property together with the names it is read with
 *  (engine/eval/temporal.ts). */
export interface TemporalTerm {
  readonly expr: Expr;
  /** 0 constant, 1 state, 2 action, 3 temporal (Specifying Systems §17.2) */
  level(): number;
  /** a subexpression of `expr`, read with the same names */
  sub(e: Expr): TemporalTerm;
  /** a user-defined operator applied (or a LET): its body with the arguments bound */
  unfold(): TemporalTerm | undefined;
  /** `\A`/`\E` bindings: the body once per value, with the bound values */
  instances(): readonly { readonly term: TemporalTerm; readonly params: ReadonlyMap<string, Value> }[];
  /** a state or action formula's value in s (and t) */
  holds(s: State, t?: State): boolean;
  /** ENABLED of this action in s */
  enabled(s: State): boolean;
}

export interface Fairness {
  readonly strong: boolean;
  readonly vars: Expr;
  readonly action: Expr;
  readonly loc: Loc;
  /** (added by eval) ENABLED <<A>>_v in s, with A's bound names (e.g. the i of
   *  `\A i \in S : WF_v(A(i))`) already bound */
  readonly enabled?: (s: State) => boolean;
  /** (added by eval) whether s -> t is an <<A>>_v step */
  readonly taken?: (s: State, t: State) => boolean;
  /** (added by eval) values of the bound names the fairness conjunct was instantiated with */
  readonly params?: ReadonlyMap<string, Value>;
}

export interface CompiledSpec {
  readonly rootModule: string;
  readonly variables: readonly string[];
  /** ASSUMEs in module order, each evaluated: false => TLC exit 10 */
  checkAssumptions(): readonly { readonly holds: boolean; readonly loc: Loc }[];
  /** Initial states in TLC's generation order, duplicates included (TLC counts them as generated). */
  initStates(): Iterable<State>;
  /** All successors of s in TLC's order, duplicates included (each counts as generated). */
  successors(s: State): Iterable<Successor>;
  /** INVARIANT entries, in cfg order */
  readonly invariants: readonly { readonly name: string; readonly loc: Loc; readonly holds: (s: State) => boolean }[];
  /** CONSTRAINT entries conjoined: states failing it are kept out of the queue */
  stateConstraint(s: State): boolean;
  /** ACTION_CONSTRAINT entries conjoined: transitions failing it are not taken */
  actionConstraint(s: State, t: State): boolean;
  readonly properties: readonly Property[];
  /** fairness conjuncts of SPECIFICATION (empty for INIT/NEXT) */
  readonly fairness: readonly Fairness[];
  /** key under which a state is deduplicated: the VIEW value if a VIEW is given, the
   *  symmetry-canonical state if SYMMETRY is given, else the state itself */
  fingerprint(s: State): string;
  /** `/\ x = 1` lines, TLC's format, variables in declaration order (after ALIAS if given) */
  formatState(s: State): string;
  /** ITF JSON object for one state */
  itfState(s: State): Record<string, unknown>;
  /** POSTCONDITION entries, evaluated after the search */
  readonly postconditions: readonly { readonly name: string; readonly loc: Loc; readonly holds: () => boolean }[];
  /** CHECK_DEADLOCK from the cfg (TLC default TRUE) */
  readonly checkDeadlock: boolean;
}
