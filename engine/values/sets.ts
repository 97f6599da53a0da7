// Set operations with TLC's semantics. Lazy sets (IntervalValue, SubsetValue, SetOfFcnsValue,
// SetOfRcdsValue, SetOfTuplesValue, SetPredValue, Nat/Int/STRING) answer membership without
// enumerating; enumeration yields TLC's order. For every finite kind here that order is the
// normalised order:
// - IntervalValue enumerates upwards;
// - SubsetValue.elements() enumerates via elementsNormalized (by size, then elementwise);
// - SetOfFcnsValue / SetOfRcdsValue / SetOfTuplesValue run an odometer over the normalised
//   domain (resp. fields, components) with the last position fastest and each position
//   enumerating the range in its own order, which is lexicographic = normalised order;
// - SetEnumValue.Enumerator normalises first.
import type { SetLike, SetV, Value } from './value.js';
import { assertNever, isSetLike } from './value.js';
import { ValueError } from './errors.js';
import { EMPTY_SET, checkedInt, cupOf, fcnFromSorted, filterOf, int, setFromSorted, setOf, tuple } from './construct.js';
import { format } from './print.js';
import { compare, equals } from './compare.js';
import { domainOf, fcnView, materializeFcn } from './fcn.js';
import { pretty as ppr } from './pretty.js';

const cache = new WeakMap<object, readonly Value[]>();

function asSet(v: Value, doing: string | (() => string)): SetLike {
  if (isSetLike(v)) return v;
  throw new ValueError(`Attempted to ${typeof doing === 'string' ? doing : doing()} ${ppr(v)}, which is not a set.`);
}

/** The elements of a finite set in TLC's (normalised) order. Infinite sets are an error. */
export function setElems(v: Value): readonly Value[] {
  const s = asSet(v, 'enumerate');
  if (s.kind === 'set') return s.elems;
  let r = cache.get(s);
  if (r === undefined) {
    r = computeElems(s);
    cache.set(s, r);
  }
  return r;
}

/** Same as setElems: TLC's enumeration order (for \E, \A, CHOOSE, x' \in S). */
export const enumerate = setElems;

/** The set as an enumerated SetV. */
export function toSetV(v: Value): SetV {
  return v.kind === 'set' ? v : setFromSorted(setElems(v));
}

function computeElems(s: SetLike): readonly Value[] {
  switch (s.kind) {
    case 'set':
      return s.elems;
    case 'interval': {
      const out: Value[] = [];
      for (let n = s.lo; n <= s.hi; n++) out.push(int(n));
      return out;
    }
    case 'infinite':
      throw new ValueError(`Attempted to enumerate the infinite set ${s.which}.`);
    case 'subset':
      return subsets(setElems(s.base));
    case 'fcnSet': {
      const dom = setElems(s.dom);
      const rng = setElems(s.rng);
      return odometer(dom.map(() => rng)).map((vals) => fcnFromSorted(dom, vals));
    }
    case 'rcdSet':
      return odometer(s.sets.map((x) => setElems(x))).map((vals) => fcnFromSorted(s.names, vals));
    case 'product':
      return odometer(s.sets.map((x) => setElems(x))).map((vals) => tuple(vals));
    case 'filter': {
      const out: Value[] = [];
      for (const x of setElems(s.base)) if (s.pred(x)) out.push(x);
      return out;
    }
    // Seq(S) and ANY are UserValues, which are not Enumerable in TLC
    case 'seqSet': case 'anySet':
      throw new ValueError(`Attempted to enumerate the infinite set ${format(s)}.`);
    case 'cup':
      // SetCupValue.Enumerator
      throw new ValueError(`Attempted to enumerate S \\cup T when S:\n${ppr(s.a)}\nand T:\n${ppr(s.b)}\nare not both enumerable`);
    default:
      return assertNever(s);
  }
}

/** All choices of one element per position, last position fastest. */
function odometer(ranges: readonly (readonly Value[])[]): Value[][] {
  return [...odometerGen(ranges)];
}

function* odometerGen(ranges: readonly (readonly Value[])[]): Generator<Value[]> {
  const n = ranges.length;
  if (ranges.some((r) => r.length === 0)) return;
  const idx = new Array<number>(n).fill(0);
  for (;;) {
    yield idx.map((k, i) => ranges[i]![k]!);
    let i = n - 1;
    while (i >= 0) {
      if (++idx[i]! < ranges[i]!.length) break;
      idx[i] = 0;
      i--;
    }
    if (i < 0) return;
  }
}

/** SUBSET of a normalised array, in normalised order: by size, then lexicographically by
 *  position (which is elementwise order because the base is sorted). */
function subsets(base: readonly Value[]): Value[] {
  return [...subsetsGen(base)];
}

function* subsetsGen(base: readonly Value[]): Generator<Value> {
  const n = base.length;
  if (n >= 31) throw new ValueError(`Overflow when computing the number of elements in SUBSET of a set of ${n} elements`);
  const pick: number[] = [];
  for (let k = 0; k <= n; k++) {
    for (let i = 0; i < k; i++) pick[i] = i;
    pick.length = k;
    for (;;) {
      yield setFromSorted(pick.map((i) => base[i]!));
      let i = k - 1;
      while (i >= 0 && pick[i] === n - k + i) i--;
      if (i < 0) break;
      pick[i]!++;
      for (let j = i + 1; j < k; j++) pick[j] = pick[j - 1]! + 1;
    }
  }
}

/** The elements of a finite set in the order of setElems, produced one at a time, so that a
 *  search that stops early (CHOOSE) does not build the whole set, as TLC's ValueEnumeration
 *  does not: SUBSET, [D -> R], [a : S], S \X T and filters over them are generated lazily (the
 *  components of a product or function set, and SUBSET's base, are still enumerated whole). */
export function* iterateElems(v: Value): Generator<Value> {
  const s = asSet(v, 'enumerate');
  if (s.kind === 'set') return yield* s.elems;
  const known = cache.get(s);
  if (known !== undefined) return yield* known;
  switch (s.kind) {
    case 'interval':
      for (let n = s.lo; n <= s.hi; n++) yield int(n);
      return;
    case 'subset':
      return yield* subsetsGen(setElems(s.base));
    case 'fcnSet': {
      const dom = setElems(s.dom);
      const rng = setElems(s.rng);
      for (const vals of odometerGen(dom.map(() => rng))) yield fcnFromSorted(dom, vals);
      return;
    }
    case 'rcdSet':
      for (const vals of odometerGen(s.sets.map((x) => setElems(x)))) yield fcnFromSorted(s.names, vals);
      return;
    case 'product':
      for (const vals of odometerGen(s.sets.map((x) => setElems(x)))) yield tuple(vals);
      return;
    case 'filter':
      for (const x of iterateElems(s.base)) if (s.pred(x)) yield x;
      return;
    case 'infinite': case 'seqSet': case 'anySet': case 'cup':
      return yield* setElems(s); // TLC's errors
    default:
      return assertNever(s);
  }
}

/** x \in S. */
export function member(x: Value, S: Value): boolean {
  const s = asSet(S, () => `check if ${ppr(x)} is an element of`);
  if (x.kind === 'model' && s.kind !== 'set' && s.kind !== 'filter' && s.kind !== 'subset' && s.kind !== 'cup' && s.kind !== 'anySet') {
    // ModelValue.modelValueMember: untyped model values are in no built-in lazy set.
    if (x.type !== undefined) throw new ValueError(`Attempted to check if the typed model value ${x.name} is an element of\n${ppr(S)}`);
    return false;
  }
  switch (s.kind) {
    case 'set': {
      let lo = 0;
      let hi = s.elems.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        const c = compare(s.elems[mid]!, x);
        if (c === 0) return true;
        if (c < 0) lo = mid + 1;
        else hi = mid - 1;
      }
      return false;
    }
    case 'interval':
      // IntervalValue.member: a non-integer is an error only for a non-empty interval.
      if (x.kind !== 'int' && s.lo > s.hi) return false;
      if (x.kind !== 'int') throw new ValueError(`Attempted to check if the value:\n${ppr(x)}\nis in the integer interval ${ppr(s)}`);
      return x.n >= s.lo && x.n <= s.hi;
    case 'infinite':
      switch (s.which) {
        case 'Nat':
          if (x.kind !== 'int') throw new ValueError(`Attempted to check if the value:\n${ppr(x)}\nis in Nat`);
          return x.n >= 0;
        case 'Int':
          if (x.kind !== 'int') throw new ValueError(`Attempted to check if the value:\n${ppr(x)}\nis in Int`);
          return true;
        case 'STRING':
          if (x.kind !== 'str') throw new ValueError(`Attempted to check if the value:\n${ppr(x)}\nis in STRING`);
          return true;
        default:
          return assertNever(s.which);
      }
    case 'subset':
      // SubsetValue.member: x must be enumerable, and every element of it in the base.
      if (!isSetLike(x)) throw new ValueError(`Attempted to check if the non-enumerable value\n${ppr(x)}\nis element of\n${ppr(s)}`);
      for (const e of setElems(x)) if (!member(e, s.base)) return false;
      return true;
    case 'fcnSet': {
      if (x.kind !== 'tuple' && x.kind !== 'record' && x.kind !== 'fcn' && x.kind !== 'lazyFcn') {
        throw new ValueError(`Attempted to check if the non-function\n${ppr(x)}\nis an element of the set of functions\n${ppr(s)}`);
      }
      if (!equals(domainOf(x), s.dom)) return false;
      const f = fcnView(materializeFcn(x));
      for (const v of f.vals) if (!member(v, s.rng)) return false;
      return true;
    }
    case 'rcdSet': {
      if (x.kind !== 'record') {
        if (x.kind === 'tuple' && x.elems.length === 0) return false;
        throw new ValueError(`Attempted to check if the non-record\n${ppr(x)}\nis an element of the set of records\n${ppr(s)}`);
      }
      if (x.names.length !== s.names.length) return false;
      for (let i = 0; i < x.names.length; i++) if (x.names[i] !== s.names[i]) return false;
      for (let i = 0; i < x.vals.length; i++) if (!member(x.vals[i]!, s.sets[i]!)) return false;
      return true;
    }
    case 'product': {
      if (x.kind !== 'tuple') {
        if (x.kind === 'record' || x.kind === 'fcn' || x.kind === 'lazyFcn') return false;
        throw new ValueError(`Attempted to check if the non-tuple\n${ppr(x)}\nis an element of the Cartesian product\n${ppr(s)}`);
      }
      if (x.elems.length !== s.sets.length) return false;
      for (let i = 0; i < x.elems.length; i++) if (!member(x.elems[i]!, s.sets[i]!)) return false;
      return true;
    }
    case 'filter':
      return member(x, s.base) && s.pred(x);
    case 'seqSet': {
      // Sequences.member: x must convert to a tuple (toTuple: a function on 1..n, which our
      // canonical shapes make a tuple; an empty record is <<>>), every element in the range
      const t = x.kind === 'lazyFcn' ? materializeFcn(x) : x;
      if (t.kind === 'tuple') return t.elems.every((e) => member(e, s.base));
      throw new ValueError(`Attempted to check if the value:\n${ppr(x)}\nis an element of ${ppr(s)}.`);
    }
    case 'anySet':
      return true;
    case 'cup':
      return member(x, s.a) || member(x, s.b);
    default:
      return assertNever(s);
  }
}

/** IsFiniteSet. */
export function isFinite(S: Value): boolean {
  const s = asSet(S, 'check finiteness of');
  switch (s.kind) {
    case 'set': case 'interval':
      return true;
    case 'infinite':
      return false;
    case 'subset':
      return isFinite(s.base);
    case 'fcnSet':
      return isFinite(s.dom) && isFinite(s.rng);
    case 'rcdSet':
      return s.sets.every(isFinite);
    case 'product':
      return s.sets.every(isFinite);
    case 'filter':
      return isFinite(s.base);
    case 'seqSet': case 'anySet':
      return false;
    case 'cup':
      return isFinite(s.a) && isFinite(s.b);
    default:
      return assertNever(s);
  }
}

/** Cardinality; overflow beyond 2^31-1 is an error as in TLC (EC.TLC_MODULE_OVERFLOW). */
export function cardinality(S: Value): number {
  const s = asSet(S, 'compute the cardinality of');
  switch (s.kind) {
    case 'set':
      return s.elems.length;
    case 'interval':
      return Math.max(0, s.hi - s.lo + 1);
    case 'infinite':
      throw new ValueError(`Attempted to compute the number of elements of the infinite set ${s.which}.`);
    // SubsetValue.size and friends: EC.TLC_MODULE_OVERFLOW "the number of elements in: S"
    case 'subset':
      return checkedInt(2 ** cardinality(s.base), () => `the number of elements in:\n${ppr(s)}`).n;
    case 'fcnSet':
      return checkedInt(cardinality(s.rng) ** cardinality(s.dom), () => `the number of elements in:\n${ppr(s)}`).n;
    case 'rcdSet':
    case 'product':
      return checkedInt(s.sets.reduce((p, x) => p * cardinality(x), 1), () => `the number of elements in:\n${ppr(s)}`).n;
    case 'filter': case 'cup':
      return setElems(s).length;
    case 'seqSet': case 'anySet':
      throw new ValueError(`Attempted to compute the number of elements of the infinite set ${format(s)}.`);
    default:
      return assertNever(s);
  }
}

/** S \cup T. Enumerated when both sides are finite (TLC's SetCupValue converts itself to a
 *  SetEnumValue on first use, so only the order of work differs); kept lazy otherwise, so
 *  that `x \in Nat \cup {-1}` needs no enumeration. */
export function union(a: Value, b: Value): Value {
  if (!isFinite(a) || !isFinite(b)) return cupOf(a, b);
  const xs = setElems(a);
  const ys = setElems(b);
  if (xs.length === 0) return toSetV(b);
  if (ys.length === 0) return toSetV(a);
  return mergeSorted(xs, ys);
}

function mergeSorted(xs: readonly Value[], ys: readonly Value[]): SetV {
  const out: Value[] = [];
  let i = 0;
  let j = 0;
  while (i < xs.length && j < ys.length) {
    const c = compare(xs[i]!, ys[j]!);
    if (c < 0) out.push(xs[i++]!);
    else if (c > 0) out.push(ys[j++]!);
    else {
      out.push(xs[i++]!);
      j++;
    }
  }
  while (i < xs.length) out.push(xs[i++]!);
  while (j < ys.length) out.push(ys[j++]!);
  return setFromSorted(out);
}

/** S \cap T; stays lazy when S is infinite (SetCapValue). */
export function intersect(a: Value, b: Value): Value {
  if (!isFinite(a)) {
    if (isFinite(b)) return intersect(b, a);
    return filterOf(a, (x) => member(x, b));
  }
  return setFromSorted(setElems(a).filter((x) => member(x, b)));
}

/** S \ T; stays lazy when S is infinite (SetDiffValue). */
export function difference(a: Value, b: Value): Value {
  if (!isFinite(a)) return filterOf(a, (x) => !member(x, b));
  return setFromSorted(setElems(a).filter((x) => !member(x, b)));
}

/** S \subseteq T. SUBSET A \subseteq SUBSET B reduces to A \subseteq B
 *  (SubsetValue.isSubsetEq); Nat \subseteq Int and the like are answered directly. */
export function subsetEq(a: Value, b: Value): boolean {
  asSet(b, 'check inclusion in');
  if (a.kind === 'subset' && b.kind === 'subset') return subsetEq(a.base, b.base);
  if (a.kind === 'infinite') {
    if (b.kind !== 'infinite') return false;
    return a.which === b.which || (a.which === 'Nat' && b.which === 'Int');
  }
  for (const x of setElems(a)) if (!member(x, b)) return false;
  return true;
}

/** UNION S. */
export function bigUnion(S: Value): Value {
  let acc: Value = EMPTY_SET;
  for (const x of setElems(S)) acc = union(acc, x);
  return acc;
}

/** {f(x) : x \in S}, normalised. */
export function mapSet(S: Value, f: (x: Value) => Value): SetV {
  return setOf(setElems(S).map(f));
}

/** Permutations(S) from the TLC module: all bijections S -> S, as a normalised set. */
export function permutations(S: Value): SetV {
  const dom = setElems(S);
  const out: Value[] = [];
  const perm = dom.slice();
  const used = new Array<boolean>(dom.length).fill(false);
  const pick: Value[] = [];
  const go = (): void => {
    if (pick.length === dom.length) {
      out.push(fcnFromSorted(dom, pick.slice()));
      return;
    }
    for (let i = 0; i < perm.length; i++) {
      if (used[i]) continue;
      used[i] = true;
      pick.push(perm[i]!);
      go();
      pick.pop();
      used[i] = false;
    }
  };
  go();
  return setOf(out);
}
