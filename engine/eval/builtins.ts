// Operators TLC implements natively: the standard modules (tlc2/module/Naturals.java,
// Integers.java, Sequences.java, FiniteSets.java, TLC.java, Bags.java) and the set operators of
// the TLA+ kernel (Tool.evalAppl). Error texts follow those classes.
import type { Expr, Loc } from '../frontend/ast.js';
import type { Value } from '../values/value.js';
import { AssertionFailure, EvalError } from '../errors.js';
import { type Ctx, type Env, lookupEnv, markImpure, markVolatile } from './context.js';
import type { Scope } from './scope.js';
import { callOpValues, ev, located, opArg } from './expr.js';
import { tlcRuntime } from './runtime.js';
import * as V from './v.js';

type Impl = (args: readonly Expr[], loc: Loc, sc: Scope, env: Env, cx: Ctx) => Value;

const table = new Map<string, Impl>();

/** An operator whose arguments are all evaluated first (most of them). */
function strict(name: string, arity: number, f: (vs: Value[], loc: Loc, cx: Ctx) => Value): void {
  table.set(name, (args, loc, sc, env, cx) => {
    if (args.length !== arity) throw new EvalError(`${name} takes ${arity} argument(s), given ${args.length}`, loc);
    const vs = arity === 2 ? [ev(args[0]!, sc, env, cx), ev(args[1]!, sc, env, cx)] : arity === 1 ? [ev(args[0]!, sc, env, cx)] : args.map((a) => ev(a, sc, env, cx));
    try {
      return f(vs, loc, cx);
    } catch (err) {
      throw located(err, loc);
    }
  });
}

export function isBuiltinOp(name: string): boolean {
  return table.has(name);
}

/** The implementation of a built-in operator (undefined if there is none). */
export function builtinImpl(name: string): Impl | undefined {
  const f = table.get(name);
  if (f === undefined || pure.has(name)) return f;
  // an operator with a side effect, or one registered from outside this file (a library
  // module's native): caches must not skip it (context.ts markImpure)
  return (args, loc, sc, env, cx) => {
    markImpure();
    return f(args, loc, sc, env, cx);
  };
}

export type { Impl as BuiltinImpl };

/** Add a native operator under a name no user can write (library.ts: the bundled library
 *  modules' overrides, `Module!Op`). */
export function registerBuiltin(name: string, impl: Impl): void {
  table.set(name, impl);
}

export function callBuiltin(name: string, args: readonly Expr[], loc: Loc, sc: Scope, env: Env, cx: Ctx): Value {
  const f = builtinImpl(name);
  if (!f) throw new EvalError(`unknown operator ${name}`, loc);
  return f(args, loc, sc, env, cx);
}

/** Built-in constants: Nat, Int, BOOLEAN, STRING, EmptyBag, Any, JavaTime. */
export function builtinConstant(name: string, loc: Loc): Value | undefined {
  switch (name) {
    case 'TRUE':
      return V.TRUE;
    case 'FALSE':
      return V.FALSE;
    case 'Nat':
      return V.NAT;
    case 'Int':
      return V.INT;
    case 'BOOLEAN':
      return V.BOOLEAN;
    case 'STRING':
      return V.STRING;
    case 'EmptyBag':
      return V.tuple([]);
    case 'Any':
      // TLC.Any is overridden by AnySet.ANY: a set every value is a member of
      return V.ANY_SET;
    case 'JavaTime':
      markVolatile();
      return V.int(Math.floor(Date.now() / 1000) & 0x7fffffff, loc);
    case 'Real':
      throw new EvalError('TLC does not evaluate Real', loc);
    default:
      return undefined;
  }
}

// ------------------------------------------------------------------ helpers

export function num(v: Value, what: string): number {
  if (v.kind !== 'int') throw new EvalError(`${what} should be an integer, but instead it is ${V.show(v)}`);
  return v.n;
}

function boolOf(v: Value, what: string): boolean {
  if (v.kind !== 'bool') throw new EvalError(`${what} should be a boolean, but instead it is ${V.show(v)}`);
  return v.b;
}

export function isSetValue(v: Value): boolean {
  switch (v.kind) {
    case 'set': case 'interval': case 'infinite': case 'subset': case 'fcnSet': case 'rcdSet': case 'product': case 'filter':
    case 'seqSet': case 'anySet': case 'cup':
      return true;
    default:
      return false;
  }
}

function setArg(v: Value, what: string): Value {
  if (!isSetValue(v)) throw new EvalError(`${what} should be a set, but instead it is ${V.show(v)}`);
  return v;
}

/** A sequence argument as its elements (Sequences.java accepts any function on 1..n). */
export function seqElems(v: Value, what: string): readonly Value[] {
  if (v.kind === 'tuple') return v.elems;
  if (v.kind === 'lazyFcn') {
    const m = V.materialize(v);
    if (m.kind === 'tuple') return m.elems;
  }
  throw new EvalError(`${what} should be a sequence, but instead it is ${V.show(v)}`);
}

// ------------------------------------------------------------------ equality and sets

// = and # are the commonest operators of all (every guard `pc = "idle"`): no argument array
table.set('=', (args, loc, sc, env, cx) => V.bool(equalArgs('=', args, loc, sc, env, cx)));
table.set('#', (args, loc, sc, env, cx) => V.bool(!equalArgs('#', args, loc, sc, env, cx)));

function equalArgs(name: string, args: readonly Expr[], loc: Loc, sc: Scope, env: Env, cx: Ctx): boolean {
  if (args.length !== 2) throw new EvalError(`${name} takes 2 argument(s), given ${args.length}`, loc);
  const a = ev(args[0]!, sc, env, cx);
  const b = ev(args[1]!, sc, env, cx);
  try {
    return V.equals(a, b);
  } catch (err) {
    throw located(err, loc);
  }
}

table.set('\\in', (args, loc, sc, env, cx) => V.bool(memberOf(args, loc, sc, env, cx)));
table.set('\\notin', (args, loc, sc, env, cx) => V.bool(!memberOf(args, loc, sc, env, cx)));

/** x \in S: the set is evaluated to a value, which for infinite sets (Seq(S), Nat, S \cup T
 *  with an infinite side, [f : Seq(S)]) is kept lazy in engine/values and answers membership
 *  without being enumerated, as TLC's member() methods do. */
function memberOf(args: readonly Expr[], loc: Loc, sc: Scope, env: Env, cx: Ctx): boolean {
  const [xe, se] = args as [Expr, Expr];
  const x = ev(xe, sc, env, cx);
  try {
    const set = ev(se, sc, env, cx);
    // an integer in an interval, the commonest test in TypeOK-style invariants, answered
    // directly (IntervalValue.member) without going through the general membership switch
    if (set.kind === 'interval' && x.kind === 'int') return x.n >= set.lo && x.n <= set.hi;
    return V.member(x, setArg(set, 'the right side of \\in'));
  } catch (err) {
    throw located(err, loc);
  }
}

strict('\\subseteq', 2, ([a, b]) => V.bool(V.subsetEq(setArg(a!, 'the left side of \\subseteq'), b!)));
strict('\\supseteq', 2, ([a, b]) => V.bool(V.subsetEq(setArg(b!, 'the right side of \\supseteq'), a!)));
strict('\\subset', 2, ([a, b]) => V.bool(V.subsetEq(setArg(a!, 'the left side of \\subset'), b!) && !V.equals(a!, b!)));
strict('\\cup', 2, ([a, b]) => V.union(setArg(a!, 'the left side of \\cup'), setArg(b!, 'the right side of \\cup')));
strict('\\cap', 2, ([a, b]) => V.intersect(setArg(a!, 'the left side of \\cap'), setArg(b!, 'the right side of \\cap')));
// SetDiffValue stays lazy when the left side is infinite: Nat \ {0} still has members
strict('\\', 2, ([a, b]) => V.difference(setArg(a!, 'the left side of \\'), setArg(b!, 'the right side of \\')));
strict('SUBSET', 1, ([a]) => V.subset(setArg(a!, 'the argument of SUBSET')));
strict('UNION', 1, ([a]) => V.bigUnion(setArg(a!, 'the argument of UNION')));
strict('DOMAIN', 1, ([f]) => V.domainOf(f!));
table.set('\\X', (args, loc, sc, env, cx) => {
  const sets = args.map((a) => ev(a, sc, env, cx));
  return V.product(sets.map((s) => setArg(s, 'an argument of \\X')));
});

// ------------------------------------------------------------------ logic as operators
// (only reached when these are applied by name, e.g. passed to a higher-order operator)

strict('~', 1, ([a]) => V.bool(!boolOf(a!, 'the argument of ~')));
strict('/\\', 2, ([a, b]) => V.bool(boolOf(a!, 'a conjunct') && boolOf(b!, 'a conjunct')));
strict('\\/', 2, ([a, b]) => V.bool(boolOf(a!, 'a disjunct') || boolOf(b!, 'a disjunct')));
strict('=>', 2, ([a, b]) => V.bool(!boolOf(a!, 'the left side of =>') || boolOf(b!, 'the right side of =>')));
strict('<=>', 2, ([a, b]) => V.bool(boolOf(a!, 'the left side of <=>') === boolOf(b!, 'the right side of <=>')));
strict('\\equiv', 2, ([a, b]) => V.bool(boolOf(a!, 'the left side of \\equiv') === boolOf(b!, 'the right side of \\equiv')));

// ------------------------------------------------------------------ Naturals, Integers

strict('+', 2, ([a, b], loc) => V.int(num(a!, 'the first argument of +') + num(b!, 'the second argument of +'), loc));
strict('-', 2, ([a, b], loc) => V.int(num(a!, 'the first argument of -') - num(b!, 'the second argument of -'), loc));
strict('*', 2, ([a, b], loc) => V.int(num(a!, 'the first argument of *') * num(b!, 'the second argument of *'), loc));
strict('-.', 1, ([a], loc) => V.int(-num(a!, 'the argument of unary -'), loc));
strict('<', 2, ([a, b]) => V.bool(num(a!, 'the first argument of <') < num(b!, 'the second argument of <')));
strict('>', 2, ([a, b]) => V.bool(num(a!, 'the first argument of >') > num(b!, 'the second argument of >')));
strict('<=', 2, ([a, b]) => V.bool(num(a!, 'the first argument of <=') <= num(b!, 'the second argument of <=')));
strict('>=', 2, ([a, b]) => V.bool(num(a!, 'the first argument of >=') >= num(b!, 'the second argument of >=')));
strict('..', 2, ([a, b]) => V.interval(num(a!, 'the first argument of ..'), num(b!, 'the second argument of ..')));
strict('\\div', 2, ([a, b], loc) => {
  // Integers.Divide: rounds towards negative infinity
  const n1 = num(a!, 'the first argument of \\div');
  const n2 = num(b!, 'the second argument of \\div');
  if (n2 === 0) throw new EvalError('the second argument of \\div is 0', loc);
  return V.int(Math.floor(n1 / n2), loc);
});
strict('%', 2, ([a, b], loc) => {
  // Integers.Mod: the divisor must be positive; the result is in 0..n2-1
  const n1 = num(a!, 'the first argument of %');
  const n2 = num(b!, 'the second argument of %');
  if (n2 <= 0) throw new EvalError(`the second argument of % should be a positive number, but instead it is ${n2}`, loc);
  const r = n1 % n2;
  return V.int(r < 0 ? r + n2 : r, loc);
});
strict('^', 2, ([a, b], loc) => {
  // Integers.Expt: negative exponents and 0^0 are errors
  const n1 = num(a!, 'the first argument of ^');
  const n2 = num(b!, 'the second argument of ^');
  if (n2 < 0) throw new EvalError(`the second argument of ^ should be a non-negative number, but instead it is ${n2}`, loc);
  if (n2 === 0 && n1 === 0) throw new EvalError('0^0 is undefined', loc);
  let r = 1;
  for (let i = 0; i < n2; i++) {
    r *= n1;
    if (Math.abs(r) > 2147483648) return V.int(r, loc); // overflow error
  }
  return V.int(r, loc);
});

// ------------------------------------------------------------------ Sequences

strict('Seq', 1, ([S]) => {
  return V.seqSet(setArg(S!, 'the argument of Seq'));
});
strict('Len', 1, ([s], loc) => (s!.kind === 'str' ? V.int(s!.s.length, loc) : V.int(seqElems(s!, 'the argument of Len').length, loc)));
strict('Append', 2, ([s, e]) => V.tuple([...seqElems(s!, 'the first argument of Append'), e!]));
strict('\\o', 2, ([s, t]) => {
  if (s!.kind === 'str' && t!.kind === 'str') return V.str(s!.s + t!.s);
  return V.tuple([...seqElems(s!, 'the first argument of \\o'), ...seqElems(t!, 'the second argument of \\o')]);
});
strict('Head', 1, ([s]) => {
  const xs = seqElems(s!, 'the argument of Head');
  if (xs.length === 0) throw new EvalError('attempted to apply Head to the empty sequence');
  return xs[0]!;
});
strict('Tail', 1, ([s]) => {
  const xs = seqElems(s!, 'the argument of Tail');
  if (xs.length === 0) throw new EvalError('attempted to apply Tail to the empty sequence');
  return V.tuple(xs.slice(1));
});
strict('SubSeq', 3, ([s, m, n]) => {
  // Sequences.SubSeq: empty when m > n, else 1 <= m <= n <= Len(s)
  const lo = num(m!, 'the second argument of SubSeq');
  const hi = num(n!, 'the third argument of SubSeq');
  if (s!.kind === 'str') {
    if (lo > hi) return V.str('');
    if (lo < 1 || hi > s!.s.length) throw new EvalError(`SubSeq: indices ${lo}..${hi} out of range for ${V.show(s!)}`);
    return V.str(s!.s.slice(lo - 1, hi));
  }
  const xs = seqElems(s!, 'the first argument of SubSeq');
  if (lo > hi) return V.tuple([]);
  if (lo < 1 || hi > xs.length) throw new EvalError(`the second and third arguments of SubSeq must be in 1..${xs.length}, but they are ${lo} and ${hi}`);
  return V.tuple(xs.slice(lo - 1, hi));
});
table.set('SelectSeq', (args, loc, sc, env, cx) => {
  if (args.length !== 2) throw new EvalError('SelectSeq takes 2 arguments', loc);
  const xs = seqElems(ev(args[0]!, sc, env, cx), 'the first argument of SelectSeq');
  const test = opArg(args[1]!, sc, env, loc);
  return V.tuple(xs.filter((x) => boolOf(callOpValues(test, [x], loc, cx), 'the test of SelectSeq')));
});

// ------------------------------------------------------------------ FiniteSets

strict('Cardinality', 1, ([s]) => V.int(V.cardinality(setArg(s!, 'the argument of Cardinality'))));
strict('IsFiniteSet', 1, ([s]) => V.bool(V.isFiniteEnumerable(setArg(s!, 'the argument of IsFiniteSet'))));

// ------------------------------------------------------------------ TLC

strict(':>', 2, ([a, b]) => V.singletonFcn(a!, b!));
strict('@@', 2, ([f, g]) => V.mergeFcns(f!, g!));
strict('Print', 2, ([out, val]) => {
  tlcRuntime.print(V.show(out!));
  return val!;
});
strict('PrintT', 1, ([out]) => {
  tlcRuntime.print(V.show(out!));
  return V.TRUE;
});
strict('Assert', 2, ([cond, out], loc) => {
  if (boolOf(cond!, 'the first argument of Assert')) return V.TRUE;
  throw new AssertionFailure(`The first argument of Assert evaluated to FALSE; the second argument was:\n${out!.kind === 'str' ? out!.s : V.show(out!)}`, loc);
});
strict('ToString', 1, ([v]) => V.str(V.show(v!)));
strict('TLCEval', 1, ([v]) => v!);
strict('TLCGet', 1, ([k], loc) => {
  markVolatile();
  return tlcRuntime.get(k!, loc);
});
strict('TLCSet', 2, ([k, v], loc) => {
  markVolatile();
  tlcRuntime.set(k!, v!, loc);
  return V.TRUE;
});
strict('RandomElement', 1, ([s]) => {
  markVolatile();
  const xs = V.elements(setArg(s!, 'the argument of RandomElement'));
  if (xs.length === 0) throw new EvalError('RandomElement of the empty set');
  return xs[Math.floor(Math.random() * xs.length)]!;
});
// TLC.Permutations: all bijections S -> S, as functions
strict('Permutations', 1, ([s]) => V.permutations(setArg(s!, 'the argument of Permutations')));
table.set('SortSeq', (args, loc, sc, env, cx) => {
  // TLC.SortSeq: sorts with the user's "less than"; equal elements keep their order
  if (args.length !== 2) throw new EvalError('SortSeq takes 2 arguments', loc);
  const xs = seqElems(ev(args[0]!, sc, env, cx), 'the first argument of SortSeq');
  const lt = opArg(args[1]!, sc, env, loc);
  const less = (a: Value, b: Value): boolean => boolOf(callOpValues(lt, [a, b], loc, cx), 'the order of SortSeq');
  return V.tuple(xs.slice().sort((a, b) => (less(a, b) ? -1 : less(b, a) ? 1 : 0)));
});

// ------------------------------------------------------------------ Bags (Bags.java)

function bagView(b: Value, what: string): { dom: readonly Value[]; vals: readonly Value[] } {
  const f = V.materialize(b);
  const view = V.fcnView(f);
  for (const c of view.vals) if (c.kind !== 'int' || c.n <= 0) throw new EvalError(`${what} should be a bag, but instead it is ${V.show(b)}`);
  return view;
}

strict('IsABag', 1, ([b]) => {
  try {
    bagView(b!, 'the argument of IsABag');
    return V.TRUE;
  } catch {
    return V.FALSE;
  }
});
strict('BagToSet', 1, ([b]) => V.domainOf(b!));
strict('SetToBag', 1, ([s]) => {
  const xs = V.elements(setArg(s!, 'the argument of SetToBag'));
  return V.fcn(xs, xs.map(() => V.int(1)));
});
// Bags.java BagIn/CopiesIn walk the bag's domain comparing e with each element: the empty bag
// (EmptyBag is <<>>) has nothing to compare, so it holds no e of any type (no tuple-index error).
const emptyBag = (b: Value): boolean => b.kind === 'tuple' && b.elems.length === 0;
strict('BagIn', 2, ([e, b]) => V.bool(!emptyBag(b!) && V.inDomain(b!, e!)));
strict('CopiesIn', 2, ([e, b]) => (emptyBag(b!) ? V.int(0) : (V.select(b!, e!) ?? V.int(0))));
strict('BagCardinality', 1, ([b], loc) => V.int(bagView(b!, 'the argument of BagCardinality').vals.reduce((n, c) => n + (c as { n: number }).n, 0), loc));
strict('(+)', 2, ([a, b], loc) => bagCombine(a!, b!, (x, y) => x + y, loc));
strict('(-)', 2, ([a, b], loc) => bagCombine(a!, b!, (x, y) => x - y, loc));
strict('\\oplus', 2, ([a, b], loc) => bagCombine(a!, b!, (x, y) => x + y, loc));
strict('\\ominus', 2, ([a, b], loc) => bagCombine(a!, b!, (x, y) => x - y, loc));
strict('BagUnion', 1, ([s], loc) => V.elements(setArg(s!, 'the argument of BagUnion')).reduce((acc: Value, b) => bagCombine(acc, b, (x, y) => x + y, loc), V.tuple([])));
strict('\\sqsubseteq', 2, ([a, b]) => {
  const va = bagView(a!, 'the left side of \\sqsubseteq');
  return V.bool(va.dom.every((x, i) => {
    const c = V.select(b!, x);
    return c !== undefined && (va.vals[i] as { n: number }).n <= (c as { n: number }).n;
  }));
});
strict('SubBag', 1, ([b]) => {
  const v = bagView(b!, 'the argument of SubBag');
  const out: Value[] = [];
  const go = (i: number, dom: Value[], vals: Value[]): void => {
    if (i === v.dom.length) {
      out.push(V.fcn(dom.slice(), vals.slice()));
      return;
    }
    go(i + 1, dom, vals);
    for (let c = 1; c <= (v.vals[i] as { n: number }).n; c++) {
      dom.push(v.dom[i]!);
      vals.push(V.int(c));
      go(i + 1, dom, vals);
      dom.pop();
      vals.pop();
    }
  };
  go(0, [], []);
  return V.setOf(out);
});
table.set('BagOfAll', (args, loc, sc, env, cx) => {
  if (args.length !== 2) throw new EvalError('BagOfAll takes 2 arguments', loc);
  const f = opArg(args[0]!, sc, env, loc);
  const v = bagView(ev(args[1]!, sc, env, cx), 'the second argument of BagOfAll');
  let acc: Value = V.tuple([]);
  v.dom.forEach((x, i) => {
    acc = bagCombine(acc, V.singletonFcn(callOpValues(f, [x], loc, cx), v.vals[i]!), (p, q) => p + q, loc);
  });
  return acc;
});

function bagCombine(a: Value, b: Value, op: (x: number, y: number) => number, loc: Loc): Value {
  const va = bagView(a, 'a bag argument');
  const vb = bagView(b, 'a bag argument');
  const dom: Value[] = [];
  const vals: Value[] = [];
  const seen = new Set<number>();
  va.dom.forEach((x, i) => {
    const j = vb.dom.findIndex((y) => V.equals(x, y));
    if (j >= 0) seen.add(j);
    const c = op((va.vals[i] as { n: number }).n, j >= 0 ? (vb.vals[j] as { n: number }).n : 0);
    if (c > 0) {
      dom.push(x);
      vals.push(V.int(c, loc));
    }
  });
  vb.dom.forEach((y, j) => {
    if (seen.has(j)) return;
    const c = op(0, (vb.vals[j] as { n: number }).n);
    if (c > 0) {
      dom.push(y);
      vals.push(V.int(c, loc));
    }
  });
  return V.fcn(dom, vals);
}

// ------------------------------------------------------------------ TLCExt (TLCExt.java)

strict('TLCNoOp', 1, ([v]) => v!);
strict('TLCModelValue', 1, ([s]) => {
  if (s!.kind !== 'str') throw new EvalError(`the argument of TLCModelValue should be a string, but instead it is ${V.show(s!)}`);
  return V.modelValue(s!.s);
});
strict('AssertEq', 2, ([a, b]) => {
  // TLCExt.assertEq: prints both values when they differ, and is then FALSE
  if (V.equals(a!, b!)) return V.TRUE;
  tlcRuntime.print(`Assertion failed: ${V.show(a!)} # ${V.show(b!)}`);
  return V.FALSE;
});
table.set('AssertError', (args, loc, sc, env, cx) => {
  // TLCExt.assertError: TRUE iff evaluating the second argument fails with exactly that message
  if (args.length !== 2) throw new EvalError('AssertError takes 2 arguments', loc);
  const want = ev(args[0]!, sc, env, cx);
  try {
    ev(args[1]!, sc, env, cx);
  } catch (err) {
    if (err instanceof EvalError) return V.bool(want.kind === 'str' && want.s === err.message);
    throw err;
  }
  return V.FALSE;
});

// ------------------------------------------------------------------ purity

/** The operators above whose value depends only on their arguments, with no side effect
 *  (TLCGet, TLCSet and RandomElement mark their reads themselves). Print, PrintT and AssertEq
 *  print; operators registered later (registerBuiltin) count as having side effects. */
const pure: ReadonlySet<string> = new Set([...table.keys()].filter((n) => n !== 'Print' && n !== 'PrintT' && n !== 'AssertEq'));
