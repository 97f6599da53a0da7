// Native evaluation of the bundled library modules (engine/library/*.tla): TLC runs the
// CommunityModules with Java overrides (tlc2/overrides/*.java, @TLAPlusOperator(identifier,
// module)) that replace a module's TLA+ definition by a method. Where an override's result
// differs observably from the definition (the order FoldSet/FoldFunction combine elements in,
// SetToSeq's order), or the definition is far too slow to run, the operator is implemented
// here and replaces the definition in the same way: by module name and operator name, for
// every definition of that name in a module of that name (the bundled file or a user's copy).
//
// The hook: scope.ts passes each operator definition through `withNative`; an overridden one
// gets a body that applies a hidden built-in `Module!Op` (a name no user can write) to its
// parameters, so argument binding, laziness of operator arguments and error locations stay
// those of an ordinary definition.
import type { Expr, Loc, OperatorDef } from '../frontend/ast.js';
import type { Value } from '../values/value.js';
import { EvalError } from '../errors.js';
import type { Ctx, Env, OpValue } from './context.js';
import type { Scope } from './scope.js';
import { isSetValue, registerBuiltin } from './builtins.js';
import { callOpValues, ev, opArg } from './expr.js';
import * as V from './v.js';
import { registerCoreModules } from './library-core.js';
import { registerSequencesExt } from './library-seq.js';
import { registerGraphs } from './library-graphs.js';
import { registerVectorClocks } from './library-clocks.js';
import { registerJson } from './library-json.js';
import { registerSvg } from './library-svg.js';
import { registerStatistics } from './library-stats.js';
import { registerRandomization, registerTlcExtExtras } from './library-random.js';

export type NativeImpl = (args: readonly Expr[], loc: Loc, sc: Scope, env: Env, cx: Ctx) => Value;

/** The natives a library file contributes: `add(module, op, arity, impl)`. */
export interface NativeTable {
  add(module: string, op: string, arity: number, impl: NativeImpl): void;
}

const natives = new Map<string, { arity: number; impl: NativeImpl }>();
let registered = false;

function registerAll(): void {
  if (registered) return;
  registered = true;
  const table: NativeTable = {
    add(module, op, arity, impl) {
      const key = `${module}!${op}`;
      natives.set(key, { arity, impl });
      registerBuiltin(key, impl);
    },
  };
  registerCoreModules(table);
  registerSequencesExt(table);
  registerGraphs(table);
  registerVectorClocks(table);
  registerJson(table);
  registerSvg(table);
  registerStatistics(table);
  registerRandomization(table);
  registerTlcExtExtras();
}

const rewritten = new WeakMap<OperatorDef, OperatorDef>();

/** The definition `d` of module `moduleName` as the evaluator should run it: itself, or, when
 *  the operator has a native implementation of the same arity, a definition whose body calls it
 *  (TLC too ignores an override whose signature does not match the definition). */
export function withNative(moduleName: string, d: OperatorDef): OperatorDef {
  registerAll();
  const key = `${moduleName}!${d.name}`;
  const n = natives.get(key);
  if (n === undefined || n.arity !== d.params.length) return d;
  let out = rewritten.get(d);
  if (out === undefined) {
    const args: Expr[] = d.params.map((p) => ({ kind: 'ref', name: p.name, prefix: [], loc: d.loc }));
    // an application without arguments would be read as a name: give a constant a dummy one
    if (args.length === 0) args.push({ kind: 'num', value: 0n, loc: d.loc });
    out = { ...d, body: { kind: 'apply', name: key, prefix: [], args, loc: d.body.loc } };
    rewritten.set(d, out);
  }
  return out;
}

// ------------------------------------------------------------------ helpers for the natives

/** A native whose arguments are all values (no operator arguments). */
export function strictImpl(name: string, f: (vs: Value[], loc: Loc, cx: Ctx) => Value): NativeImpl {
  return (args, loc, sc, env, cx) => {
    const vs = args.map((a) => ev(a, sc, env, cx));
    return f(vs, loc, cx);
  };
}

/** A native taking operator arguments at the positions in `ops` (the others are values). */
export function higherImpl(
  ops: readonly number[],
  f: (vs: (Value | undefined)[], fs: (OpValue | undefined)[], call: (op: OpValue, ...xs: Value[]) => Value, loc: Loc) => Value,
): NativeImpl {
  return (args, loc, sc, env, cx) => {
    const vs: (Value | undefined)[] = [];
    const fs: (OpValue | undefined)[] = [];
    args.forEach((a, i) => {
      if (ops.includes(i)) fs[i] = opArg(a, sc, env, loc);
      else vs[i] = ev(a, sc, env, cx);
    });
    const call = (op: OpValue, ...xs: Value[]): Value => callOpValues(op, xs, loc, cx);
    return f(vs, fs, call, loc);
  };
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth'];

/** TLC's EC.TLC_MODULE_ARGUMENT_ERROR: "The <n>th argument of <Op> should be a <what>, but
 *  instead it is:\n<value>" (one-argument operators: "The argument of ..."). */
export function argError(op: string, pos: number, arity: number, what: string, v: Value): EvalError {
  const which = arity === 1 ? 'The argument' : `The ${ORDINALS[pos] ?? `${pos + 1}th`} argument`;
  return new EvalError(`${which} of ${op} should be ${what}, but instead it is:\n${V.show(v)}`);
}

/** A set value of any representation (builtins' test). */
export const isSet = isSetValue;

export function isFcn(v: Value): boolean {
  return v.kind === 'tuple' || v.kind === 'record' || v.kind === 'fcn' || v.kind === 'lazyFcn';
}

/** The elements of a sequence argument (a tuple, or a function on 1..n). */
export function seqArg(op: string, pos: number, arity: number, v: Value): readonly Value[] {
  if (v.kind === 'tuple') return v.elems;
  if (v.kind === 'lazyFcn' || v.kind === 'fcn') {
    const m = V.materialize(v);
    if (m.kind === 'tuple') return m.elems;
  }
  throw argError(op, pos, arity, 'a sequence', v);
}

/** The elements of a finite set argument, in TLC's enumeration order. */
export function setArg(op: string, pos: number, arity: number, v: Value): readonly Value[] {
  if (!isSet(v)) throw argError(op, pos, arity, 'a set', v);
  return V.elements(v);
}

export function intArg(op: string, pos: number, arity: number, v: Value): number {
  if (v.kind !== 'int') throw argError(op, pos, arity, 'an integer', v);
  return v.n;
}

export function boolResult(op: string, pos: number, arity: number, v: Value, test: OpValue): boolean {
  if (v.kind !== 'bool') throw argError(op, pos, arity, 'a boolean-valued operator', V.str(describeOp(test)));
  return v.b;
}

function describeOp(op: OpValue): string {
  switch (op.kind) {
    case 'builtin': return op.name;
    case 'user': return op.def.name;
    case 'lambda': return 'LAMBDA';
    default: {
      const never: never = op;
      return String(never);
    }
  }
}
