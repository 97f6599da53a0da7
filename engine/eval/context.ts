// What an expression is evaluated against: the bound names (an immutable linked list, the
// analogue of tlc2.util.Context) and the pair of states (TLCState s0, s1 in Tool.eval).
import type { Expr, FunctionDef, Loc, OperatorDef } from '../frontend/ast.js';
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
  | { readonly kind: 'lazy'; readonly expr: Expr; readonly scope: Scope; readonly env: Env; cached?: Value }
  | { readonly kind: 'op'; readonly op: OpValue }
  /** LET f[x \in S] == e */
  | { readonly kind: 'fnDef'; readonly def: FunctionDef; readonly scope: Scope; readonly env: Env };

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
  for (let e = env; e !== undefined; e = e.up) if (e.name === name) return e.b;
  return undefined;
}

// A counter bumped whenever evaluation depends on something other than constants and bound
// values (a state variable, TLCGet, RandomElement, a closure over the state pair). A
// definition or lazy argument whose evaluation left it unchanged is constant and its value is
// kept, as TLC keeps constant definitions (Spec.processConstantDefns) and LazyValue results.
let reads = 0;
export function markVolatile(): void {
  reads++;
}
export function volatileReads(): number {
  return reads;
}

// Each compileSpec is a run with its own string table; caches of string values are per run.
let run = 0;
export function newRun(): void {
  run++;
}
export function currentRun(): number {
  return run;
}
