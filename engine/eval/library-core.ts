// Natives of the bundled Folds, FiniteSetsExt, Functions, Bitwise and DyadicRationals modules, with the
// results of TLC's Java overrides (CommunityModules tlc2/overrides/FiniteSetsExt.java,
// Functions.java, Bitwise.java, DyadicRationals.java). See library.ts for how they replace definitions.
import type { Value } from '../values/value.js';
import { EvalError } from '../errors.js';
import type { OpValue } from './context.js';
import { setFromSorted } from '../values/construct.js';
import { registerIOUtils } from './library-io.js';
import * as V from './v.js';
import { type NativeTable, argError, boolResult, higherImpl, intArg, isFcn, isSet, setArg, strictImpl } from './library.js';

export function registerCoreModules(t: NativeTable): void {
  registerFolds(t);
  registerFiniteSetsExt(t);
  registerFunctions(t);
  registerBitwise(t);
  registerDyadicRationals(t);
  registerIOUtils(t);
  registerBagsExt(t);
  registerCombinatorics(t);
}

/** Fold `f(x)` for x in `xs` the way FoldSet / FoldFunctionOnSet do in TLC: the accumulator
 *  starts at `base` and each element in turn becomes op's FIRST argument,
 *  op(x_n, ... op(x_2, op(x_1, base))). */
function foldFromBase(xs: Iterable<Value>, base: Value, step: (x: Value, acc: Value) => Value): Value {
  let acc = base;
  for (const x of xs) acc = step(x, acc);
  return acc;
}

// ------------------------------------------------------------------ Folds

function registerFolds(t: NativeTable): void {
  // Folds.tla has no override: TLC runs the recursive definition, whose value is
  // op(f(x1), op(f(x2), ... op(f(xn), base))) with x1 = choose(S), x2 = choose(S \ {x1}), ...
  // Computed as that, without building SUBSET S; a `choose` that picks a non-member would make
  // the definition recurse forever, reported here instead.
  t.add('Folds', 'MapThenFoldSet', 5, higherImpl([0, 2, 3], ([, base, , , S], [op, , f, choose], call) => {
    // TLC meets a non-set first as the argument of the definition's fold[S \in SUBSET S]
    if (!isSet(S!)) throw new EvalError(`Attempted to check if the non-enumerable value\n${V.show(S!)}\nis element of\nSUBSET ${V.show(S!)}`);
    // the elements not picked yet, in TLC's (sorted) order, handed to choose as a set
    let rest: readonly Value[] = V.elements(S!);
    const picked: Value[] = [];
    while (rest.length > 0) {
      const x = call(choose!, setFromSorted(rest));
      const i = rest.findIndex((y) => V.equals(x, y));
      if (i < 0) throw new EvalError(`the choose argument of MapThenFoldSet picked ${V.show(x)}, which is not in ${V.show(setFromSorted(rest))}`);
      picked.push(x);
      rest = [...rest.slice(0, i), ...rest.slice(i + 1)];
    }
    let acc = base!;
    for (let i = picked.length - 1; i >= 0; i--) acc = call(op!, call(f!, picked[i]!), acc);
    return acc;
  }));
}

// ------------------------------------------------------------------ FiniteSetsExt

/** kSubset lists its elements up to this many k-subsets, and stays lazy beyond. */
const KSUBSET_EAGER = 200_000;

function registerFiniteSetsExt(t: NativeTable): void {
  // FiniteSetsExt.foldSet: the elements in the set's enumeration order, op(x, acc)
  t.add('FiniteSetsExt', 'FoldSet', 3, higherImpl([0], ([, base, S], [op], call) =>
    foldFromBase(setArg('FoldSet', 2, 3, S!), base!, (x, acc) => call(op!, x, acc))));

  // MapThenSumSet is MapThenFoldSet(+, 0, op, first element, set): the innermost sum is that of
  // the last element, so the sum runs from the last element down (overflow as TLC meets it)
  t.add('FiniteSetsExt', 'MapThenSumSet', 2, higherImpl([0], ([, S], [op], call) => {
    const xs = setArg('MapThenSumSet', 1, 2, S!);
    let acc: Value = V.int(0);
    for (let i = xs.length - 1; i >= 0; i--) acc = V.int(intArg('MapThenSumSet', 0, 2, call(op!, xs[i]!)) + (acc as { n: number }).n);
    return acc;
  }));

  // FiniteSetsExt.quantify: counts without building the filtered set
  t.add('FiniteSetsExt', 'Quantify', 2, higherImpl([1], ([S], [, p], call) => {
    // one element at a time: a set beyond TLC's maxSetSize (1..2000000) is never built
    if (!isSet(S!)) throw argError('Quantify', 0, 2, 'a set', S!);
    let n = 0;
    for (const x of V.iterate(S!)) if (boolResult('Quantify', 1, 2, call(p!, x), p!)) n++;
    return V.int(n);
  }));

  // FiniteSetsExt.kSubset: only the k-subsets are generated (KSubsetValue); {} when k is out of range
  t.add('FiniteSetsExt', 'kSubset', 2, strictImpl('kSubset', ([kv, S]) => {
    const k = intArg('kSubset', 0, 2, kv!);
    const xs = setArg('kSubset', 1, 2, S!);
    if (k < 0 || k > xs.length) return V.EMPTY_SET;
    // KSubsetValue answers membership without enumerating: where the k-subsets are too many to
    // list, keep the set lazy (SUBSET S filtered by size: members tested, enumerated in order)
    let count = 1;
    for (let i = 0; i < k && count <= KSUBSET_EAGER; i++) count = (count * (xs.length - i)) / (i + 1);
    if (count > KSUBSET_EAGER) {
      const base = V.setOf(xs);
      return V.filter(V.subset(base), (x) => V.cardinality(x) === k);
    }
    const out: Value[] = [];
    const pick: Value[] = [];
    const go = (from: number): void => {
      if (pick.length === k) {
        out.push(V.setOf(pick.slice()));
        return;
      }
      for (let i = from; i <= xs.length - (k - pick.length); i++) {
        pick.push(xs[i]!);
        go(i + 1);
        pick.pop();
      }
    };
    go(0);
    return V.setOf(out);
  }));

  // Max and Min: the definitions' CHOOSE, in one pass (the same value on a set of integers, the
  // same failure on the empty set, a type error on anything else)
  const extreme = (name: 'Max' | 'Min') => strictImpl(name, ([S]) => {
    const xs = setArg(name, 0, 1, S!);
    if (xs.length === 0) throw new EvalError(`attempted to compute the value of an expression of form CHOOSE x \\in S: P, but no element of S satisfied P (S = {}) [${name}({})]`);
    let best = intArg(name, 0, 1, xs[0]!) as number;
    for (const x of xs) {
      if (x.kind !== 'int') throw argError(name, 0, 1, 'a set of integers', S!);
      if (name === 'Max' ? x.n > best : x.n < best) best = x.n;
    }
    return V.int(best);
  });
  t.add('FiniteSetsExt', 'Max', 1, extreme('Max'));
  t.add('FiniteSetsExt', 'Min', 1, extreme('Min'));
}

// ------------------------------------------------------------------ Functions

/** FoldFunctionOnSet's loop (Functions.foldFunctionOnSet): the indices in enumeration order,
 *  op(fun[i], acc). */
function foldFunctionOnSet(name: string, op: OpValue, base: Value, fun: Value, indices: Value, call: (op: OpValue, ...xs: Value[]) => Value, arity: number): Value {
  if (!isFcn(fun)) throw argError(name, 2, arity, 'a function', fun);
  if (!isSet(indices)) throw argError(name, 3, arity, 'a set', indices);
  return foldFromBase(V.elements(indices), base, (i, acc) => call(op, V.apply(fun, i), acc));
}

function registerFunctions(t: NativeTable): void {
  t.add('Functions', 'FoldFunction', 3, higherImpl([0], ([, base, fun], [op], call) => {
    if (!isFcn(fun!)) throw argError('FoldFunction', 2, 3, 'a function', fun!);
    return foldFunctionOnSet('FoldFunction', op!, base!, fun!, V.domainOf(fun!), call, 3);
  }));
  t.add('Functions', 'FoldFunctionOnSet', 4, higherImpl([0], ([, base, fun, indices], [op], call) =>
    foldFunctionOnSet('FoldFunctionOnSet', op!, base!, fun!, indices!, call, 4)));
  t.add('Functions', 'IsInjective', 1, strictImpl('IsInjective', ([f]) => {
    if (!isFcn(f!)) throw argError('IsInjective', 0, 1, 'a function', f!);
    const vals = V.fcnView(V.materialize(f!)).vals;
    return V.bool(V.cardinality(V.setOf(vals)) === vals.length);
  }));
  t.add('Functions', 'Range', 1, strictImpl('Range', ([f]) => {
    if (!isFcn(f!)) throw argError('Range', 0, 1, 'a function', f!);
    return V.setOf(V.fcnView(V.materialize(f!)).vals);
  }));
}

// ------------------------------------------------------------------ Bitwise

function registerBitwise(t: NativeTable): void {
  // Bitwise.java overrides the module's LOCAL recursive helpers And/Or/Xor(x, y, n, m) with
  // Java's int operators on x and y, and shiftR with >>> (shift distance taken mod 32, as Java does)
  const bin = (name: string, f: (x: number, y: number) => number) =>
    strictImpl(name, ([x, y]) => V.int(f(intArg(name, 0, 4, x!), intArg(name, 1, 4, y!))));
  t.add('Bitwise', 'And', 4, bin('And', (x, y) => x & y));
  t.add('Bitwise', 'Or', 4, bin('Or', (x, y) => x | y));
  t.add('Bitwise', 'Xor', 4, bin('Xor', (x, y) => x ^ y));
  t.add('Bitwise', 'shiftR', 2, strictImpl('shiftR', ([n, pos]) =>
    V.int((intArg('shiftR', 0, 2, n!) >>> (intArg('shiftR', 1, 2, pos!) & 31)) | 0)));
}

// ------------------------------------------------------------------ DyadicRationals

function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

function registerDyadicRationals(t: NativeTable): void {
  // DyadicRationals.reduce: [num, den] divided by their gcd (commons-math gcd, gcd(0, d) = d)
  t.add('DyadicRationals', 'Reduce', 1, strictImpl('Reduce', ([p]) => {
    if (p!.kind !== 'record') throw argError('Reduce', 0, 1, 'a record', p!);
    const num = intArg('Reduce', 0, 1, V.apply(p!, V.str('num')));
    const den = intArg('Reduce', 0, 1, V.apply(p!, V.str('den')));
    const g = gcd(num, den);
    if (g === 1 || g === 0) return p!;
    return V.record(['num', 'den'], [V.int(Math.trunc(num / g)), V.int(Math.trunc(den / g))]);
  }));
}

// ------------------------------------------------------------------ BagsExt

function registerBagsExt(t: NativeTable): void {
  // BagsExt.foldBag: the bag's elements in TLC's order, each as many times as it occurs, the
  // accumulator FIRST: op(... op(op(base, x1), x1) ..., xn). Without it TLC's recursion over
  // the copies overflows the stack, and a product meets 10000^1000 before 0.
  t.add('BagsExt', 'FoldBag', 3, higherImpl([0], ([, base, B], [op], call) => {
    if (!isFcn(B!)) throw argError('FoldBag', 2, 3, 'a bag', B!);
    const { dom, vals } = V.fcnView(V.materialize(B!));
    let acc = base!;
    dom.forEach((x, i) => {
      const n = vals[i]!;
      if (n.kind !== 'int' || n.n <= 0) throw argError('FoldBag', 2, 3, 'a bag', B!);
      for (let j = 0; j < n.n; j++) acc = call(op!, acc, x);
    });
    return acc;
  }));
}

// ------------------------------------------------------------------ Combinatorics

function registerCombinatorics(t: NativeTable): void {
  // Combinatorics.chse: the binomial coefficient computed exactly, an overflow only if the
  // result leaves TLC's 32-bit integers (the definition's factorial[n] overflows from n = 13)
  t.add('Combinatorics', 'choose', 2, strictImpl('choose', ([nv, kv]) => {
    const n = intArg('choose', 0, 2, nv!);
    const k = intArg('choose', 1, 2, kv!);
    if (n < 0) throw argError('choose', 0, 2, 'a natural number', nv!);
    if (k < 0) throw argError('choose', 1, 2, 'a natural number', kv!);
    if (k > n) return V.int(0);
    let r = 1n;
    const kk = Math.min(k, n - k);
    for (let i = 1; i <= kk; i++) r = (r * BigInt(n - kk + i)) / BigInt(i);
    if (r > 2147483647n) throw new EvalError(`Overflow when computing ${n} choose ${k}`);
    return V.int(Number(r));
  }));
}
