// The run-time library of generated code: TLA+ operators on engine values. Generated modules
// (spec/generated/*.ts) are a real translation of the spec's expressions into TypeScript; they
// call these helpers for the operators whose TLC semantics are more than one line, and share
// engine/values with the interpreter so that equality, TLC's set order (CHOOSE, enumeration)
// and fingerprints agree by construction. Error texts follow tlc2/module/*.java where they exist.
import * as V from '../engine/values/index.js';
import type { Value } from '../engine/values/index.js';
// Local bindings, read once: under tsx/esbuild a call through an import goes through the
// module namespace's getter every time, which showed up as 20% of exploration time.
const {
  apply, bigUnion, bool, cardinality, checkedInt, difference, domainOf, equals, except, fcnOf, fcnSetOf, fcnView, filterOf, format,
  interval, intersect, isFinite, lazyFcn, materializeFcn, member, mergeFcns, permutations, productOf, select, setElems, setOf,
  singletonFcn, str, subsetEq, subsetOf, tuple, union, valueKey,
} = V;
import { AssertionFailure, EvalError } from '../engine/errors.js';
import { type Perm, permute, toPerm } from '../engine/eval/symmetry.js';

export type { Value } from '../engine/values/index.js';
export {
  apply, bigUnion, bool, cardinality, difference, domainOf, EMPTY_SET, equals, fcnSetOf, format, interval, intersect, member,
  mergeFcns, permutations, productOf, rcdSetOf, record, setOf, singletonFcn, str, subsetEq, subsetOf, tuple, union,
} from '../engine/values/index.js';
export { BOOLEAN, NAT, INT, STRING, TRUE, FALSE, modelValue } from '../engine/values/index.js';
export { stateKey, stateFingerprint } from '../engine/values/index.js';

/** A state: one value per variable, in declaration order (as engine/eval/api.ts State). */
export type St = readonly Value[];
/** The next state while an action is being evaluated: undefined = not assigned yet. */
export type Partial = (Value | undefined)[];

/** An error raised by generated code, located at the spec expression that raised it. */
export class GeneratedEvalError extends EvalError {}

function fail(msg: string, where: string): never {
  throw new GeneratedEvalError(`${where}: ${msg}`);
}

export function isTrue(v: Value, where: string): boolean {
  if (v.kind !== 'bool') fail(`A non-boolean expression (${v.kind}) was used as a condition: ${format(v)}`, where);
  return v.b;
}

export function num(v: Value, where: string): number {
  if (v.kind !== 'int') fail(`An integer was expected, found ${format(v)}`, where);
  return v.n;
}

export function int(n: number): Value {
  return checkedInt(n, undefined);
}

export const eq = equals;

/** x' read in a value context: it must have been assigned by an earlier conjunct. */
export function primed(p: readonly (Value | undefined)[], i: number, name: string, where: string): Value {
  const v = p[i];
  if (v === undefined) fail(`In evaluation, the identifier ${name}' is either undefined or not an operator.`, where);
  return v;
}

/** Ends one way of taking an action: every variable must have a value (TLC: "Successor state
 *  is not completely specified by action ..."). */
export function complete(p: Partial, names: readonly string[], where: string): Value[] {
  for (let i = 0; i < p.length; i++) {
    if (p[i] === undefined) fail(`Successor state is not completely specified: ${names[i]}' was not assigned`, where);
  }
  return p.slice() as Value[];
}

export function elems(S: Value, where: string): readonly Value[] {
  try {
    return setElems(S);
  } catch (e) {
    return fail(e instanceof Error ? e.message : String(e), where);
  }
}

export function mem(x: Value, S: Value): boolean {
  return member(x, S);
}

// ---------------------------------------------------------------- arithmetic (Naturals/Integers.java)

export function add(a: Value, b: Value, w: string): Value {
  return int(num(a, w) + num(b, w));
}
export function sub(a: Value, b: Value, w: string): Value {
  return int(num(a, w) - num(b, w));
}
export function mul(a: Value, b: Value, w: string): Value {
  return int(num(a, w) * num(b, w));
}
export function neg(a: Value, w: string): Value {
  return int(-num(a, w));
}
/** \div rounds toward -infinity (Integers.java Divide). */
export function div(a: Value, b: Value, w: string): Value {
  const y = num(b, w);
  if (y === 0) fail('The second argument of \\div is 0.', w);
  return int(Math.floor(num(a, w) / y));
}
/** % is in 0..b-1 for b > 0 (Integers.java Mod). */
export function mod(a: Value, b: Value, w: string): Value {
  const y = num(b, w);
  if (y <= 0) fail(`The second argument of % should be a positive number, but instead it is:\n${y}`, w);
  const r = num(a, w) % y;
  return int(r < 0 ? r + y : r);
}
export function pow(a: Value, b: Value, w: string): Value {
  const x = num(a, w);
  const y = num(b, w);
  if (y < 0) fail(`The second argument of ^ should be a natural number, but instead it is:\n${y}`, w);
  return int(x ** y);
}
export function range(a: Value, b: Value, w: string): Value {
  return interval(num(a, w), num(b, w));
}

// ---------------------------------------------------------------- sets

/** {x \in S : P} over an enumerable S; kept lazy over Nat/Int as TLC's SetPredValue. */
export function filter(S: Value, pred: (x: Value) => boolean, w: string): Value {
  if (!isFinite(S)) return filterOf(S, pred);
  return setOf(elems(S, w).filter(pred));
}

export function map(S: Value, f: (x: Value) => Value, w: string): Value {
  return setOf(elems(S, w).map(f));
}

export function all(S: Value, pred: (x: Value) => boolean, w: string): boolean {
  for (const x of elems(S, w)) if (!pred(x)) return false;
  return true;
}

export function any(S: Value, pred: (x: Value) => boolean, w: string): boolean {
  for (const x of elems(S, w)) if (pred(x)) return true;
  return false;
}

/** CHOOSE x \in S : P picks the first element in TLC's enumeration order. */
export function choose(S: Value, pred: (x: Value) => boolean, w: string): Value {
  for (const x of elems(S, w)) if (pred(x)) return x;
  return fail('Attempted to compute the value of an expression of form\nCHOOSE x \\in S: P, but no element of S satisfied P.', w);
}

export function card(S: Value, w: string): Value {
  try {
    return int(cardinality(S));
  } catch (e) {
    return fail(e instanceof Error ? e.message : String(e), w);
  }
}

export function isFiniteSet(S: Value): Value {
  return bool(isFinite(S));
}

export function cup(a: Value, b: Value): Value {
  return union(a, b);
}
export function cap(a: Value, b: Value): Value {
  return intersect(a, b);
}
export function minus(a: Value, b: Value): Value {
  return difference(a, b);
}
export function subseteq(a: Value, b: Value): boolean {
  return subsetEq(a, b);
}
export function UNION(S: Value): Value {
  return bigUnion(S);
}
export function SUBSET(S: Value): Value {
  return subsetOf(S);
}
export function times(...sets: Value[]): Value {
  return productOf(sets);
}

// ---------------------------------------------------------------- functions, records, tuples

export function app(f: Value, x: Value, w: string): Value {
  try {
    return apply(f, x);
  } catch (e) {
    return fail(e instanceof Error ? e.message : String(e), w);
  }
}

export function field(r: Value, name: Value, w: string): Value {
  return app(r, name, w);
}

export function DOMAIN(f: Value, w: string): Value {
  try {
    return domainOf(f);
  } catch (e) {
    return fail(e instanceof Error ? e.message : String(e), w);
  }
}

/** [x \in S |-> e]: a finite function, or kept lazy over an infinite domain. */
export function fcn(S: Value, f: (x: Value) => Value, w: string): Value {
  if (!isFinite(S)) return lazyFcn(S, f);
  const dom = elems(S, w);
  return fcnOf(dom, dom.map(f));
}

/** One step of an EXCEPT path: `upd` gets the old value (@) of f[x]. */
export function exceptAt(f: Value, x: Value, upd: (old: Value) => Value): Value {
  const old = select(f, x);
  if (old === undefined) return f.kind === 'lazyFcn' ? materializeFcn(f) : f; // TLC leaves f unchanged
  return except(f, x, upd(old));
}

export function fcnSet(d: Value, r: Value): Value {
  return fcnSetOf(d, r);
}

export function merge(f: Value, g: Value): Value {
  return mergeFcns(f, g);
}

export function colonGt(d: Value, v: Value): Value {
  return singletonFcn(d, v);
}

// ---------------------------------------------------------------- sequences (Sequences.java)

function seq(v: Value, what: string, w: string): readonly Value[] {
  if (v.kind === 'tuple') return v.elems;
  if (v.kind === 'fcn' || v.kind === 'record' || v.kind === 'lazyFcn') {
    const f = fcnView(materializeFcn(v));
    if (f.dom.every((d, i) => d.kind === 'int' && d.n === i + 1)) return f.vals;
  }
  return fail(`Attempted to apply ${what} to ${format(v)}, which is not a sequence.`, w);
}

/** s \in Seq(S) (Sequences.java SeqValue.member). */
export function inSeq(s: Value, S: Value): boolean {
  if (s.kind !== 'tuple') {
    if (s.kind !== 'fcn' && s.kind !== 'record' && s.kind !== 'lazyFcn') return false;
    const f = fcnView(materializeFcn(s));
    if (!f.dom.every((d, i) => d.kind === 'int' && d.n === i + 1)) return false;
    return f.vals.every((x) => member(x, S));
  }
  return s.elems.every((x) => member(x, S));
}

/** Seq(S): kept lazy, membership only (Sequences.java SeqValue). */
export function seqSet(S: Value): Value {
  return V.seqSetOf(S);
}

export function len(s: Value, w: string): Value {
  if (s.kind === 'str') return int(s.s.length); // TLC: Len of a string
  return int(seq(s, 'Len', w).length);
}
export function head(s: Value, w: string): Value {
  const e = seq(s, 'Head', w);
  if (e.length === 0) fail('Attempted to apply Head to the empty sequence.', w);
  return e[0]!;
}
export function tail(s: Value, w: string): Value {
  const e = seq(s, 'Tail', w);
  if (e.length === 0) fail('Attempted to apply Tail to the empty sequence.', w);
  return tuple(e.slice(1));
}
export function append(s: Value, x: Value, w: string): Value {
  return tuple([...seq(s, 'Append', w), x]);
}
export function concat(a: Value, b: Value, w: string): Value {
  if (a.kind === 'str' && b.kind === 'str') return str(a.s + b.s); // TLC: \o of strings
  return tuple([...seq(a, '\\o', w), ...seq(b, '\\o', w)]);
}
export function subSeq(s: Value, m: Value, n: Value, w: string): Value {
  const e = seq(s, 'SubSeq', w);
  const lo = num(m, w);
  const hi = num(n, w);
  if (lo > hi) return tuple([]);
  if (lo < 1 || hi > e.length) fail(`The second and third arguments of SubSeq must be in the domain of its first argument: ${format(s)}, but instead they are ${lo} and ${hi}.`, w);
  return tuple(e.slice(lo - 1, hi));
}
export function selectSeq(s: Value, pred: (x: Value) => boolean, w: string): Value {
  return tuple(seq(s, 'SelectSeq', w).filter(pred));
}
/** TLC!SortSeq(s, Op): a stable sort by Op(a, b) meaning "a before b". */
export function sortSeq(s: Value, before: (a: Value, b: Value) => boolean, w: string): Value {
  return tuple([...seq(s, 'SortSeq', w)].sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0)));
}
/** Element i (1-based) of a tuple pattern <<a, b>> bound by a quantifier. */
export function nth(t: Value, i: number, w: string): Value {
  return app(t, int(i), w);
}

// ---------------------------------------------------------------- TLC module

export function assert(c: Value, msg: Value, w: string): Value {
  if (!isTrue(c, w)) throw new AssertionFailure(`${w}: The first argument of Assert evaluated to FALSE; the second argument was:\n${format(msg)}`);
  return bool(true);
}
export function toString(v: Value): Value {
  return str(format(v));
}
export function perms(S: Value): Value {
  return permutations(S);
}

/** CASE with no true arm and no OTHER (TLC: "Attempted to evaluate a CASE with no arm enabled"). */
export function noCaseArm(w: string): never {
  return fail('Attempted to evaluate a CASE with no arm enabled.', w);
}

export { fail as raise };

/** A function definition f[x \in S] == e (possibly recursive): applied lazily, each argument
 *  computed once, so f may refer to itself (Specifying Systems §6.3). */
export function recFcn(S: Value, body: (x: Value) => Value): Value {
  const cache = new Map<string, Value>();
  return lazyFcn(S, (x) => {
    const k = valueKey(x);
    let v = cache.get(k);
    if (v === undefined) {
      v = body(x);
      cache.set(k, v);
    }
    return v;
  });
}

export { fcnOf, modelValue as mv } from '../engine/values/index.js';

export { type TypeDesc, type ModelValue, toTs, fromTs } from './convert.js';

/** A generated module's first statement: a fresh run of the value tables seeded as
 *  engine/eval/intern-order.ts seeds them for this spec and cfg (TLC orders strings and
 *  model values by intern token, so set order and CHOOSE among strings depend on it). The
 *  strings come in token order, then the cfg's model values in cfg order (their index). */
export function seedRun(strings: readonly string[], models: readonly string[]): void {
  // a run already seeded so (compileSpec of the same spec and cfg in this process) is joined,
  // so that values built by the interpreter and by this module are the same objects
  const joined = V.internCount() >= strings.length && strings.every((s, i) => V.internedString(i) === s);
  if (!joined) V.resetValueTables();
  for (const s of strings) V.intern(s);
  for (const m of models) V.modelValue(m);
}

/** The key a state is deduplicated under with SYMMETRY: the least fingerprint over the
 *  permutations (engine/eval/spec.ts fingerprintOf, TLC's TLCStateMut.fingerPrint with
 *  symmetry), the permutations given as the functions of the SYMMETRY set. */
export function symmetricKey(s: St, perms: readonly Perm[]): string {
  let best = V.stateFingerprint(s);
  for (const p of perms) {
    const fp = V.stateFingerprint(s.map((v) => permute(v, p)));
    if (fp < best) best = fp;
  }
  return best;
}

export function symmetryPerms(set: Value, w: string): readonly Perm[] {
  return elems(set, w).map(toPerm);
}

/** The key a state is deduplicated under with VIEW: the view's fingerprint. */
export function viewKey(view: Value): string {
  return V.fingerprint(view);
}
