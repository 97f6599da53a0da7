// Natives of the Randomization module (TLC's tlc2/module/Randomization.java: argument checks and
// messages as there) and of TLCExt's PickSuccessor and TLCDefer (tlc2/module/TLCExt.java).
//
// What is matched of the random operators: the kind of set drawn (k distinct elements; k
// independent subsets, each element in with the given probability, duplicates merged), the
// errors, and that the draws are a function of the state being explored (TLC restarts its
// generator for each state in BFS, so a run can be repeated and a trace replayed): here the
// generator is reseeded from the state's fingerprint whenever the state changes. Not matched:
// TLC's pseudo-random sequence itself (its seed and fingerprints are its own), so the sets drawn
// differ, and so may the state counts of a spec whose reachable states depend on them.
import type { Value } from '../values/value.js';
import { EvalError } from '../errors.js';
import { type Ctx, currentRun, markVolatile } from './context.js';
import { ev } from './expr.js';
import * as V from './v.js';
import { type NativeTable, argError, isSet, strictImpl } from './library.js';
import { registerBuiltin } from './builtins.js';
import { mulberry32 } from '../prng.js';

const M = 'Randomization';

let drawnFor: string | undefined;
let draw: () => number = mulberry32(0);

/** The generator for draws made while `cx.state` is explored (Init: no state), restarted when
 *  the state changes. */
function random(cx: Ctx): () => number {
  const state = cx.state === null ? '' : V.key(V.tuple(cx.state.map((v) => v ?? V.FALSE)));
  // a new compiled spec (run) starts afresh too, so that a run is repeatable in one process
  const key = `${currentRun()}:${state}`;
  if (key !== drawnFor) {
    drawnFor = key;
    draw = mulberry32(state === '' ? 0 : Number.parseInt(state.slice(0, 8), 16));
  }
  return draw;
}

function finiteSet(op: string, pos: number, v: Value, what = 'a finite set'): readonly Value[] {
  if (!isSet(v) || !V.isFiniteEnumerable(v)) throw argError(op, pos, 3, what, v);
  return V.elements(v);
}

function natural(op: string, pos: number, v: Value): number {
  if (v.kind !== 'int' || v.n < 0) throw argError(op, pos, 3, 'a nonnegative integer', v);
  return v.n;
}

/** k draws of a subset of xs, each element in with probability p (SubsetValue.getRandomSetOfSubsets) */
function drawSubsets(op: string, k: number, p: number, xs: readonly Value[], rnd: () => number): Value {
  // the number of draws may not exceed the 2^|S| subsets there are
  if (xs.length < 31 && k > 2 ** xs.length) {
    throw new EvalError(`The first argument of ${op} should be a nonnegative integer that is smaller than the subset's size of 2^${xs.length}, but instead it is:\n${k}`);
  }
  const out: Value[] = [];
  for (let i = 0; i < k; i++) out.push(V.setOf(xs.filter(() => rnd() < p)));
  return V.setOf(out);
}

export function registerRandomization(t: NativeTable): void {
  t.add(M, 'RandomSubset', 2, strictImpl('RandomSubset', ([kv, S], _loc, cx) => {
    markVolatile();
    if (kv!.kind !== 'int') throw argError('RandomSubset', 0, 2, 'a nonnegative integer', kv!);
    if (!isSet(S!) || !V.isFiniteEnumerable(S!)) throw argError('RandomSubset', 1, 2, 'a finite set', S!);
    const xs = V.elements(S!).slice();
    const k = kv!.n;
    const rnd = random(cx);
    if (k < 0 || k > xs.length) throw argError('RandomSubset', 0, 2, `an integer in 0..${xs.length} (the size of the second argument)`, kv!);
    // a partial Fisher-Yates shuffle: the first k places
    for (let i = 0; i < k; i++) {
      const j = i + Math.floor(rnd() * (xs.length - i));
      [xs[i], xs[j]] = [xs[j]!, xs[i]!];
    }
    return V.setOf(xs.slice(0, k));
  }));

  t.add(M, 'RandomSetOfSubsets', 3, strictImpl('RandomSetOfSubsets', ([kv, nv, S], _loc, cx) => {
    markVolatile();
    const k = natural('RandomSetOfSubsets', 0, kv!);
    const n = natural('RandomSetOfSubsets', 1, nv!);
    const xs = finiteSet('RandomSetOfSubsets', 2, S!);
    if (n > xs.length) throw argError('RandomSetOfSubsets', 1, 3, 'a nonnegative integer in range 0..Cardinality(S)', nv!);
    return drawSubsets('RandomSetOfSubsets', k, xs.length === 0 ? 0 : n / xs.length, xs, random(cx));
  }));

  // TLC's messages for RandomSubsetSet name it RandomSubsetSetProbability
  t.add(M, 'RandomSubsetSet', 3, strictImpl('RandomSubsetSet', ([kv, pv, S], _loc, cx) => {
    markVolatile();
    const op = 'RandomSubsetSetProbability';
    const k = natural(op, 0, kv!);
    if (pv!.kind !== 'str') throw argError(op, 1, 3, 'a string literal representing a probability', pv!);
    const p = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[dDfF]?\s*$/.test(pv!.s) ? Number.parseFloat(pv!.s) : Number.NaN;
    if (!(p >= 0 && p <= 1)) throw argError(op, 1, 3, 'a string literal that represents a parsable probability', pv!);
    return drawSubsets(op, k, p, finiteSet(op, 2, S!), random(cx));
  }));
}

/** TLCExt operators that are evaluated in TLC (TLCExt.java) but had no native here. */
export function registerTlcExtExtras(): void {
  // PickSuccessor(P): TRUE when P holds; otherwise TLC asks on standard input whether to take
  // the step, and an empty answer means yes. Run without a user, every step is taken.
  registerBuiltin('PickSuccessor', (args, loc, sc, env, cx) => {
    if (args.length !== 1) throw new EvalError('PickSuccessor takes 1 argument', loc);
    const guard = ev(args[0]!, sc, env, cx);
    if (guard.kind !== 'bool') throw new EvalError(`In evaluating TLCExt!PickSuccessor, a non-boolean expression (${V.show(guard)}) was used as the condition of an IF.`, loc);
    return V.TRUE;
  });
  // TLCDefer(e): TRUE; TLC evaluates e for its effects (Print, TLCSet) once the successor state
  // is complete. Evaluated here at once, which differs only when e reads a primed variable
  // that a later conjunct assigns.
  registerBuiltin('TLCDefer', (args, loc, sc, env, cx) => {
    if (args.length !== 1) throw new EvalError('TLCDefer takes 1 argument', loc);
    markVolatile(); // evaluated for its effects each time
    ev(args[0]!, sc, env, cx);
    return V.TRUE;
  });
}
