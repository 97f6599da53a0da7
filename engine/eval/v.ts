// The evaluator's view of engine/values: one import for expr.ts, builtins.ts and action.ts,
// plus the few set-level helpers the evaluator needs that values does not (yet) offer.
import type { Loc } from '../frontend/ast.js';
import type { Value } from '../values/value.js';
import { EvalError } from '../errors.js';
import * as C from '../values/construct.js';
import * as F from '../values/fcn.js';
import { equals as vEquals, compare as vCompare } from '../values/compare.js';
import { enumerate, iterateElems, member as vMember, union, intersect, difference, subsetEq, bigUnion, cardinality, isFinite, permutations } from '../values/sets.js';
import { format } from '../values/print.js';
import { fingerprint } from '../values/hash.js';

export const TRUE = C.TRUE;
export const FALSE = C.FALSE;
export const bool = C.bool;
export const str = C.str;
export const tuple = C.tuple;
export const setOf = C.setOf;
export const EMPTY_SET = C.EMPTY_SET;
export const modelValue = C.modelValue;
export const interval = C.interval;
export const lazyFcn = C.lazyFcn;
export const filter = C.filterOf;
export const seqSet = C.seqSetOf;
export const ANY_SET = C.ANY_SET;
export const product = C.productOf;
export const subset = C.subsetOf;
export const fcnSet = C.fcnSetOf;
export const recordSet = C.rcdSetOf;
export const record = C.record;
export const fcn = C.fcnOf;
export const NAT = C.NAT;
export const INT = C.INT;
export const STRING = C.STRING;
export const BOOLEAN = C.BOOLEAN;
export const apply = F.apply;
export const select = F.select;
export const except = F.except;
export const domainOf = F.domainOf;
export const materialize = F.materializeFcn;
export const fcnView = F.fcnView;
export const singletonFcn = F.singletonFcn;
export const mergeFcns = F.mergeFcns;
export const equals = vEquals;
export const compare = vCompare;
export const member = vMember;
export const show = format;
export { union, intersect, difference, subsetEq, bigUnion, cardinality, permutations };

/** An integer literal or arithmetic result, with TLC's overflow error at `loc`. */
export function int(n: number, loc?: Loc): Value {
  try {
    return C.int(n);
  } catch (err) {
    if (err instanceof EvalError && loc && err.loc === undefined) (err as { loc?: Loc }).loc = loc;
    throw err;
  }
}

/** The elements of a set in TLC's enumeration order; an error for sets TLC cannot enumerate. */
export function elements(s: Value, loc?: Loc): readonly Value[] {
  try {
    return enumerate(s);
  } catch (err) {
    if (err instanceof EvalError && loc && err.loc === undefined) (err as { loc?: Loc }).loc = loc;
    throw err;
  }
}

/** The elements of a set in TLC's enumeration order, one at a time (for searches that may stop
 *  early); errors as elements(). */
export function* iterate(s: Value, loc?: Loc): Generator<Value> {
  try {
    yield* iterateElems(s);
  } catch (err) {
    if (err instanceof EvalError && loc && err.loc === undefined) (err as { loc?: Loc }).loc = loc;
    throw err;
  }
}

/** Whether enumerating `s` terminates (TLC's Enumerable with a finite size). */
export function isFiniteEnumerable(s: Value): boolean {
  return isFinite(s);
}

export function inDomain(f: Value, x: Value): boolean {
  return F.select(f, x) !== undefined;
}

/** A key identifying a value up to equality (for memo tables). */
export function key(v: Value): string {
  return fingerprint(v);
}

export function isSeq(v: Value): v is Extract<Value, { kind: 'tuple' }> {
  return v.kind === 'tuple';
}
