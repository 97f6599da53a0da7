// Constant subexpressions computed once. TLC evaluates the constant definitions of a spec once
// (SpecProcessor.processConstantDefns); a constant expression written inside a state-level
// definition, such as `[Dev -> {"registered", "unregistering"}]` in a TypeOK, it rebuilds on
// every evaluation. We keep such a value on the expression node instead: the first evaluation
// of a node that read no state, no bound name and nothing that depends on the Ctx
// (context.ts `nonConst`) is the value of every later evaluation in the same name space, so
// later ones return it. A node whose evaluation did read something is marked and not watched
// again (what it reads is lexical, so the next evaluation would read it too).
//
// Only values are kept, never errors: a constant expression that fails fails every time it is
// evaluated, at the same point as before.
import type { Expr } from '../frontend/ast.js';
import type { Value } from '../values/value.js';
import { currentRun, nonConstReads } from './context.js';
import type { Scope } from './scope.js';

const CONST = Symbol('constant');

interface Kept {
  readonly sc: Scope;
  /** each compileSpec has its own value tables (strings are interned per run) */
  readonly run: number;
  readonly v: Value;
}
/** the node read something: it is not constant */
const NEVER: Kept = { sc: undefined as unknown as Scope, run: -1, v: undefined as unknown as Value };

interface Cacheable {
  [CONST]?: Kept;
}

/** The value kept for `e` in `sc`, if any. */
export function constHit(e: Expr, sc: Scope): Value | undefined {
  const k = (e as Cacheable)[CONST];
  if (k !== undefined && k.sc === sc && k.run === currentRun()) return k.v;
  return undefined;
}

/** Taken right before evaluating a node, for `constStore`. */
export function constMark(): number {
  return nonConstReads();
}

/** After evaluating `e` to `v` (with `mark` from constMark before): keep `v` if nothing
 *  non-constant was read in between. Returns `v`. */
export function constStore(e: Expr, sc: Scope, mark: number, v: Value): Value {
  const c = e as Cacheable;
  if (c[CONST] === NEVER) return v;
  c[CONST] = nonConstReads() === mark ? { sc, run: currentRun(), v } : NEVER;
  return v;
}
