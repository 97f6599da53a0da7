// What an expression is evaluated against: the bound names (an immutable linked list, the
// analogue of tlc2.util.Context) and the pair of states (TLCState s0, s1 in Tool.eval).
import type { Expr, FunctionDef, InstanceDef, Loc, OperatorDef } from '../frontend/ast.js';
import type { Value } from '../values/value.js';
import type { Scope } from './scope.js';

/** The state pair of Tool.eval(expr, con, s0, s1): `state` gives unprimed variables, `next`
 *  primed ones (partially assigned while an action is being enumerated). `null` means the
 *  expression is evaluated where that state does not exist (constant context, or an
 *  invariant that has no next state). */
export interface Ctx {
  readonly state: readonly (Value | undefined)[] | null;
  readonly next: readonly (Value | undefined)[] | null;
  /** the context `next` is read in as the current state (kept to avoid an allocation per x') */
  primed?: Ctx;
  /** (added) set when `state` is a complete state that does not change while this Ctx is in
   *  use (the state being expanded, the state an invariant is checked in): values computed
   *  from it may be kept for the life of the Ctx (see `unstableReads`). Unset for partial
   *  assignments that generation fills in and restores (Init's, and the primed side). */
  readonly stable?: true;
}

/** The context in which `e'` evaluates `e`: the next state as the current one. */
export function primedCtx(cx: Ctx): Ctx {
  return (cx.primed ??= { state: cx.next, next: null });
}

export const CONSTANT_CTX: Ctx = { state: null, next: null };

/** An operator as a value: what a higher-order parameter `F(_)` or a LET operator is bound to
 *  (TLC's OpLambdaValue / OpValue). */
export type OpValue =
  | { readonly kind: 'user'; readonly def: OperatorDef; readonly scope: Scope; readonly env: Env }
  | { readonly kind: 'lambda'; readonly params: readonly string[]; readonly body: Expr; readonly scope: Scope; readonly env: Env; readonly loc: Loc }
  | { readonly kind: 'builtin'; readonly name: string; readonly loc: Loc };

/** What a name in the environment stands for. */
export type Binding =
  | { readonly kind: 'value'; readonly value: Value }
  /** An operator argument or a zero-parameter LET definition, evaluated on use, in the state
   *  pair current at that moment (TLC's LazyValue): `A(v) == v' = 1` applied to `A(x)` must
   *  see `x'`. The value is kept once an evaluation read no state (see `volatileReads`). */
  | { readonly kind: 'lazy'; readonly expr: Expr; readonly scope: Scope; readonly env: Env; cached?: Value;
      /** the value for one Ctx when it read only that Ctx's stable state (see `unstable`) */
      cx?: Ctx; cxValue?: Value }
  | { readonly kind: 'op'; readonly op: OpValue }
  /** LET f[x \in S] == e */
  | { readonly kind: 'fnDef'; readonly def: FunctionDef; readonly scope: Scope; readonly env: Env }
  /** LET M == INSTANCE Mod WITH ...: the substitutions read the names bound around the LET */
  | { readonly kind: 'instance'; readonly def: InstanceDef; readonly scope: Scope; readonly env: Env };

export interface EnvNode {
  readonly name: string;
  readonly b: Binding;
  readonly up: Env;
}
export type Env = EnvNode | undefined;

export function bind(env: Env, name: string, b: Binding): Env {
  return { name, b, up: env };
}

/** A bound value; the node doubles as its own binding (one allocation per bound variable,
 *  which quantifiers and operator calls make many of). */
export function bindValue(env: Env, name: string, value: Value): Env {
  const node = { name, b: undefined as unknown as Binding, up: env, kind: 'value' as const, value };
  node.b = node;
  return node;
}

export function lookupEnv(env: Env, name: string): Binding | undefined {
  for (let e = env; e !== undefined; e = e.up) {
    if (e.name === name) {
      nonConst++;
      return e.b;
    }
  }
  return undefined;
}

// Three counters tell an evaluation what the value it just computed depended on; a cache
// compares a counter before and after and keeps the value only if it did not move.
//
// `reads`: bumped whenever evaluation depends on something other than constants and bound
// values (a state variable, TLCGet, RandomElement, a closure over the state pair). A
// definition or lazy argument whose evaluation left it unchanged is constant and its value is
// kept, as TLC keeps constant definitions (Spec.processConstantDefns) and LazyValue results.
//
// `unstable`: bumped by what may differ between two evaluations in the same Ctx: a variable
// read from a state that is not `stable` (a partial assignment being generated), TLCGet,
// RandomElement, JavaTime, closures, and operators with side effects (Print...). A zero-arity
// definition or LET/argument value evaluated without moving it is a function of the Ctx, and
// is kept for that Ctx (TLC's LazyValue keeps a LET value for the context it was made in; we
// also keep a state-level definition such as `Blank == CHOOSE p : board[p] = 0` for the state).
//
// `nonConst`: bumped by everything that moves `reads` or `unstable`, by every name found in the
// environment (bound variables, parameters, LET), and by anything that depends on the Ctx
// itself (primes, UNCHANGED, ENABLED). An expression node evaluated without moving it is a
// constant of its name space: `[Dev -> {"a", "b"}]` in TypeOK is built once, not per state.
let reads = 0;
let unstable = 0;
let nonConst = 0;
/** A read of TLC's run-time state or a closure over the state pair. */
export function markVolatile(): void {
  reads++;
  unstable++;
  nonConst++;
}
/** The state variable in `slot` read in `cx` (its current state). */
export function markStateRead(cx: Ctx, slot: number): void {
  reads++;
  nonConst++;
  if (cx.stable !== true) unstable++;
  if (logging) readLog.push(slot);
}

// The variables one evaluation read (memo.ts): the slots of the variables read while the log is
// on. A value kept for a Ctx (see `unstable`) records no slot when it is used again, so such
// a use spoils the log: the evaluation's variables are then not known.
let logging = false;
let spoiled = false;
const readLog: number[] = [];
/** Start recording the slots of the variables read. */
export function startReadLog(): void {
  logging = true;
  spoiled = false;
  readLog.length = 0;
}
/** Stop recording; the slots read since startReadLog (with repetitions), or undefined if they
 *  are not all known. */
export function stopReadLog(): readonly number[] | undefined {
  logging = false;
  return spoiled ? undefined : readLog;
}
/** A value kept for `cx` (it read the stable state of cx) used again: what it read counts as
 *  read by the evaluation that uses it. */
export function markKeptRead(): void {
  reads++;
  nonConst++;
  if (logging) spoiled = true;
}
/** An operator with a side effect (Print, a community module's I/O): never skipped by a cache,
 *  but a constant definition evaluated once stays evaluated once, as in TLC. */
export function markImpure(): void {
  unstable++;
  nonConst++;
}
/** Something that depends on the environment or the Ctx, not on the state values. */
export function markNonConst(): void {
  nonConst++;
}
export function volatileReads(): number {
  return reads;
}
export function unstableReads(): number {
  return unstable;
}
export function nonConstReads(): number {
  return nonConst;
}

// Each compileSpec is a run with its own string table; caches of string values are per run.
let run = 0;
export function newRun(): void {
  run++;
}
export function currentRun(): number {
  return run;
}
