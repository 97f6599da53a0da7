// Constructors: the only way values should be built, because they establish the canonical
// shapes value.ts promises (sorted deduplicated sets, one shape per function) and initialise
// the hash cache. Small integers, strings and model values are shared objects, so their
// fingerprints are computed once.
import type {
  AnySetV, BoolV, CupV, FcnSetV, FilterV, InfiniteSetV, SeqSetV, IntV, IntervalV, LazyFcnV, ModelV, ProductV, RcdSetV, RecordV,
  SetV, StrV, SubsetV, TupleV, Value,
} from './value.js';
import { compare } from './compare.js';
import { intern, resetInternTable } from './intern.js';
import { ValueError } from './errors.js';
import { format } from './print.js';

export const TRUE: BoolV = { kind: 'bool', b: true };
export const FALSE: BoolV = { kind: 'bool', b: false };
export function bool(b: boolean): BoolV {
  return b ? TRUE : FALSE;
}

/** TLC's IntValue holds a Java int; arithmetic in tlc2/module/Integers.java fails with
 *  EC.TLC_MODULE_OVERFLOW instead of wrapping. */
export const INT_MIN = -2147483648;
export const INT_MAX = 2147483647;

const SMALL_LO = -128;
const SMALL_HI = 1024;
const smallInts: IntV[] = [];
for (let n = SMALL_LO; n <= SMALL_HI; n++) smallInts.push({ kind: 'int', n });

/** An integer; `n` must be an integer in TLC's 32-bit range, else ValueError (overflow). The
 *  evaluator computes in doubles (exact below 2^53) and passes the result here, which detects
 *  every 32-bit overflow of +, -, * and ^ on 32-bit operands except products beyond 2^53,
 *  which are far out of range anyway. */
export function int(n: number): IntV {
  return checkedInt(n, undefined);
}

/** int(n) whose overflow message names the computation, e.g. "2147483647+1", as
 *  tlc2/module/Integers.java reports it; pass a function when the text is costly to build. */
export function checkedInt(n: number, what: string | (() => string) | undefined): IntV {
  if (n >= SMALL_LO && n <= SMALL_HI && (n | 0) === n) return smallInts[n - SMALL_LO]!;
  if (!Number.isInteger(n)) throw new ValueError(`Not an integer: ${n}`);
  if (n < INT_MIN || n > INT_MAX) {
    // MP text of EC.TLC_MODULE_OVERFLOW
    const text = typeof what === 'function' ? what() : what;
    throw new ValueError(`Overflow when computing ${text ?? String(n)}`);
  }
  return { kind: 'int', n };
}

const strs = new Map<string, StrV>();
/** A string value; interned on first sight (intern.ts), and the object is shared. */
export function str(s: string): StrV {
  let v = strs.get(s);
  if (v === undefined) {
    v = { kind: 'str', s, tok: intern(s), h1: 0, h2: 0 };
    strs.set(s, v);
  }
  return v;
}

const models = new Map<string, ModelV>();
/** ModelValue.make: the model value named `name`, created on first use. Create them in the
 *  order TLC does (cfg order) so that `index` matches TLC's. */
export function modelValue(name: string): ModelV {
  let v = models.get(name);
  if (v === undefined) {
    const type = name.length > 2 && name.charAt(1) === '_' ? name.charAt(0) : undefined;
    v = { kind: 'model', name, index: models.size, tok: intern(name), type };
    models.set(name, v);
  }
  return v;
}

/** Start a fresh run, as a new TLC process would: forget all intern tokens, strings and
 *  model values, so the next spec's strings are ordered by its own first-seen order. Call it
 *  before building any value of the new run; values of earlier runs must not be mixed with
 *  values built afterwards (their tokens would no longer be comparable). */
export function resetValueTables(): void {
  resetInternTable();
  strs.clear();
  models.clear();
}

// ------------------------------------------------------------------------------------ sets

export const EMPTY_SET: SetV = { kind: 'set', elems: [], h1: 0, h2: 0 };

/** A finite set of the given elements, in any order, duplicates allowed
 *  (SetEnumValue.normalize: sort by compareTo, drop duplicates). */
export function setOf(elems: readonly Value[]): SetV {
  const n = elems.length;
  if (n === 0) return EMPTY_SET;
  if (n === 1) return { kind: 'set', elems: [elems[0]!], h1: 0, h2: 0 };
  let sorted = true;
  for (let i = 1; i < n; i++) {
    if (compare(elems[i - 1]!, elems[i]!) >= 0) {
      sorted = false;
      break;
    }
  }
  if (sorted) return { kind: 'set', elems: elems.slice(), h1: 0, h2: 0 };
  const a = elems.slice();
  if (n <= 16) insertionSort(a);
  else a.sort(compare);
  let w = 1;
  for (let r = 1; r < n; r++) {
    if (compare(a[w - 1]!, a[r]!) !== 0) a[w++] = a[r]!;
  }
  a.length = w;
  return { kind: 'set', elems: a, h1: 0, h2: 0 };
}

/** Small arrays: fewer compare() calls and no comparator closure (as ValueVec.sort does for
 *  short vectors). */
function insertionSort(a: Value[]): void {
  for (let i = 1; i < a.length; i++) {
    const x = a[i]!;
    let j = i - 1;
    while (j >= 0 && compare(a[j]!, x) > 0) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = x;
  }
}

/** A set from elements already sorted in TLC's order without duplicates (not checked). Use
 *  when the order is known by construction, e.g. a filtered normalised set. */
export function setFromSorted(elems: readonly Value[]): SetV {
  return elems.length === 0 ? EMPTY_SET : { kind: 'set', elems, h1: 0, h2: 0 };
}

export const BOOLEAN: SetV = { kind: 'set', elems: [FALSE, TRUE], h1: 0, h2: 0 };
export const NAT: InfiniteSetV = { kind: 'infinite', which: 'Nat' };
export const INT: InfiniteSetV = { kind: 'infinite', which: 'Int' };
export const STRING: InfiniteSetV = { kind: 'infinite', which: 'STRING' };

/** IntervalValue a..b (empty when a > b). */
export function interval(lo: number, hi: number): IntervalV {
  int(lo);
  int(hi);
  return { kind: 'interval', lo, hi, h1: 0, h2: 0 };
}

export function subsetOf(base: Value): SubsetV {
  return { kind: 'subset', base, h1: 0, h2: 0 };
}

export function fcnSetOf(dom: Value, rng: Value): FcnSetV {
  return { kind: 'fcnSet', dom, rng, h1: 0, h2: 0 };
}

/** [a : S, b : T]; fields in any order, each name once. */
export function rcdSetOf(names: readonly (string | StrV)[], sets: readonly Value[]): RcdSetV {
  const { ns, vs } = sortFields(names, sets, 'set of records');
  return { kind: 'rcdSet', names: ns, sets: vs, h1: 0, h2: 0 };
}

export function productOf(sets: readonly Value[]): ProductV {
  return { kind: 'product', sets, h1: 0, h2: 0 };
}

/** {x \in base : pred(x)}; `pred` must be pure (it may be called more than once per element). */
export function filterOf(base: Value, pred: (x: Value) => boolean): FilterV {
  return { kind: 'filter', base, pred, h1: 0, h2: 0 };
}

/** Seq(base) (Sequences.Seq). */
export function seqSetOf(base: Value): SeqSetV {
  return { kind: 'seqSet', base };
}

/** ANY (AnySet.ANY): one shared value, as TLC's static AnySet. */
export const ANY_SET: AnySetV = { kind: 'anySet' };

/** a \cup b kept lazy (SetCupValue); sets.union decides when. */
export function cupOf(a: Value, b: Value): CupV {
  return { kind: 'cup', a, b };
}

// ------------------------------------------------------------------------------- functions

export const EMPTY_TUPLE: TupleV = { kind: 'tuple', elems: [], h1: 0, h2: 0 };
/** The empty function as TLC's FcnRcdValue (prints `<< >>`); see TupleV.emptyFcn. */
export const EMPTY_FCN: TupleV = { kind: 'tuple', elems: [], emptyFcn: true, h1: 0, h2: 0 };

export function tuple(elems: readonly Value[]): TupleV {
  return elems.length === 0 ? EMPTY_TUPLE : { kind: 'tuple', elems, h1: 0, h2: 0 };
}

/** [a |-> 1, b |-> 2]: fields in any order, each name once (RecordValue.normalize fails on a
 *  repeated field). No fields gives <<>>, the only function with an empty domain. */
export function record(names: readonly (string | StrV)[], vals: readonly Value[]): RecordV | TupleV {
  const n = names.length;
  if (n === 0) return EMPTY_TUPLE;
  // Fast path: fields already in token order (record literals usually list fields in the
  // order their names were first read, which is intern order).
  const ns: StrV[] = new Array(n);
  let inOrder = true;
  for (let i = 0; i < n; i++) {
    const x = names[i]!;
    const v = typeof x === 'string' ? str(x) : x;
    ns[i] = v;
    if (i > 0 && ns[i - 1]!.tok >= v.tok) inOrder = false;
  }
  if (inOrder) return { kind: 'record', names: ns, vals: vals.slice(), h1: 0, h2: 0 };
  return sortedRecord(ns, vals);
}

function sortedRecord(names: readonly StrV[], vals: readonly Value[]): RecordV {
  const { ns, vs } = sortFields(names, vals, 'record');
  return { kind: 'record', names: ns, vals: vs, h1: 0, h2: 0 };
}

function sortFields(
  names: readonly (string | StrV)[],
  vals: readonly Value[],
  what: string,
): { ns: StrV[]; vs: Value[] } {
  const ns = names.map((n) => (typeof n === 'string' ? str(n) : n));
  const idx = ns.map((_, i) => i);
  idx.sort((i, j) => ns[i]!.tok - ns[j]!.tok);
  const sn: StrV[] = [];
  const sv: Value[] = [];
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k]!;
    if (k > 0 && sn[k - 1] === ns[i]) throw new ValueError(`Field name ${ns[i]!.s} occurs multiple times in ${what}.`);
    sn.push(ns[i]!);
    sv.push(vals[i]!);
  }
  return { ns: sn, vs: sv };
}

/** A finite function given as aligned domain and value arrays in any order. Chooses the
 *  canonical shape (value.ts): <<>> / tuple for {} and 1..n, record for strings, else fcn.
 *  A repeated domain element is an error, as in FcnRcdValue.normalize. */
export function fcnOf(dom: readonly Value[], vals: readonly Value[]): TupleV | RecordV | Value {
  const n = dom.length;
  if (n === 0) return EMPTY_FCN;
  const idx: number[] = new Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  idx.sort((i, j) => compare(dom[i]!, dom[j]!));
  const sd: Value[] = new Array(n);
  const sv: Value[] = new Array(n);
  for (let k = 0; k < n; k++) {
    sd[k] = dom[idx[k]!]!;
    sv[k] = vals[idx[k]!]!;
    if (k > 0 && compare(sd[k - 1]!, sd[k]!) === 0) {
      throw new ValueError(`The value\n${format(sd[k]!)}\noccurs multiple times in the function domain.`);
    }
  }
  return fcnFromSorted(sd, sv);
}

/** Like fcnOf, for a domain already sorted in TLC's order without duplicates. */
export function fcnFromSorted(dom: readonly Value[], vals: readonly Value[]): Value {
  const n = dom.length;
  if (n === 0) return EMPTY_FCN;
  let isTuple = true;
  let isRecord = true;
  for (let i = 0; i < n; i++) {
    const d = dom[i]!;
    if (d.kind !== 'int' || d.n !== i + 1) isTuple = false;
    if (d.kind !== 'str') isRecord = false;
  }
  if (isTuple) return { kind: 'tuple', elems: vals, h1: 0, h2: 0 };
  if (isRecord) return { kind: 'record', names: dom as readonly StrV[], vals, h1: 0, h2: 0 };
  return { kind: 'fcn', dom, vals, h1: 0, h2: 0 };
}

/** [x \in domain |-> apply(x)] kept lazy (FcnLambdaValue). Prefer fcnOf when the domain is a
 *  finite set that will be enumerated anyway. */
export function lazyFcn(domain: Value, apply: (x: Value) => Value): LazyFcnV {
  return { kind: 'lazyFcn', domain, apply, h1: 0, h2: 0 };
}
