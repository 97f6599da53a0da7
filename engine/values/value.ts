// TLA+ values as TLC represents them (tlc2/value/impl/*.java), as one discriminated union.
//
// Canonical forms, enforced by the constructors below (always build values through them):
// - an enumerated set (`set`) keeps its elements sorted in TLC's order and deduplicated,
//   as SetEnumValue.normalize() leaves them;
// - a function with a finite domain is stored in exactly one shape, chosen by its domain, so
//   that structural equality is TLA+ equality and one hash serves every way of building it:
//     domain {} or 1..n                -> `tuple`  (TupleValue; also <<>> and [x \in {} |-> e])
//     domain a non-empty set of strings -> `record` (RecordValue; also "a" :> 1)
//     anything else                     -> `fcn`    (FcnRcdValue)
//   So `[a |-> 1] = ("a" :> 1)` and `<<1, 2>> = (1 :> 1 @@ 2 :> 2)` hold by construction.
// - sets TLC keeps lazy (IntervalValue, SubsetValue, SetOfFcnsValue, SetOfRcdsValue,
//   SetOfTuplesValue, SetPredValue, Nat/Int/STRING) stay lazy: membership needs no
//   enumeration; enumeration (sets.ts) yields TLC's order.
//
// Integers are JS numbers restricted to TLC's 32-bit range: IntValue holds a Java `int`, and
// the arithmetic in tlc2/module/Integers.java reports overflow as an error (see checkedInt).

/** Mutable per-object cache of the 64-bit fingerprint (two 32-bit halves), filled lazily by
 *  hash.ts; (0, 0) means "not computed yet". Not part of a value's meaning. Constructors
 *  (construct.ts) initialise it, which is one more reason to build values only through them. */
export interface HashCache {
  h1: number;
  h2: number;
}

export type Value =
  | BoolV
  | IntV
  | StrV
  | ModelV
  | SetV
  | TupleV
  | RecordV
  | FcnV
  | LazyFcnV
  | IntervalV
  | InfiniteSetV
  | SubsetV
  | FcnSetV
  | RcdSetV
  | ProductV
  | FilterV
  | SeqSetV
  | AnySetV
  | CupV;

export interface BoolV { readonly kind: 'bool'; readonly b: boolean }
export interface IntV { readonly kind: 'int'; readonly n: number }
/** StringValue: `tok` is the string's intern token (intern.ts). TLC orders strings by it, not by
 *  content (UniqueString.compareTo returns `this.tok - other.tok`). */
export interface StrV extends HashCache { readonly kind: 'str'; readonly s: string; readonly tok: number }
/** ModelValue: `index` is its creation order (ModelValue.make); `tok` is the intern token of its
 *  name, which orders model values among themselves (ModelValue.compareTo compares its
 *  UniqueString `val`); `type` is the first character of a typed model value `A_xx` (the
 *  ModelValue constructor: name longer than 2 whose second character is '_'), else undefined. */
export interface ModelV { readonly kind: 'model'; readonly name: string; readonly index: number; readonly tok: number; readonly type: string | undefined }
/** Finite enumerated set, normalised (sorted by compare(), no duplicates). */
export interface SetV extends HashCache { readonly kind: 'set'; readonly elems: readonly Value[] }
/** Function on 1..n (n >= 0): tuples, sequences, <<>>. */
export interface TupleV extends HashCache {
  readonly kind: 'tuple';
  readonly elems: readonly Value[];
  /** set on the empty function built as a function ([x \in {} |-> e], an element of [{} -> S]):
   *  TLC holds that one as a FcnRcdValue, which prints `<< >>`, where the TupleValue <<>>
   *  prints `<<>>`. Printing only: it is equal to, and hashes like, <<>>. */
  readonly emptyFcn?: true;
}
/** Function on a non-empty set of strings; `names` sorted by intern token (RecordValue.normalize),
 *  `vals` aligned. */
export interface RecordV extends HashCache { readonly kind: 'record'; readonly names: readonly StrV[]; readonly vals: readonly Value[] }
/** Any other finite function; `dom` normalised like a set, `vals` aligned with it. */
export interface FcnV extends HashCache { readonly kind: 'fcn'; readonly dom: readonly Value[]; readonly vals: readonly Value[] }
/** FcnLambdaValue: [x \in S |-> e] kept unevaluated (needed when S is infinite, e.g. recursive
 *  function definitions over Nat). `apply` is only called on members of `domain`. Any
 *  operation needing the whole function (equality, printing, hashing) enumerates it. */
export interface LazyFcnV extends HashCache { readonly kind: 'lazyFcn'; readonly domain: Value; readonly apply: (x: Value) => Value }
/** IntervalValue a..b; empty when lo > hi (and then equal to {}). */
export interface IntervalV extends HashCache { readonly kind: 'interval'; readonly lo: number; readonly hi: number }
/** Nat, Int and STRING: membership only; enumerating, hashing or comparing them is an error
 *  as in TLC (UserValue/IntegersValue/StringsValue). */
export interface InfiniteSetV { readonly kind: 'infinite'; readonly which: 'Nat' | 'Int' | 'STRING' }
/** SubsetValue: SUBSET base. */
export interface SubsetV extends HashCache { readonly kind: 'subset'; readonly base: Value }
/** SetOfFcnsValue: [dom -> rng]. */
export interface FcnSetV extends HashCache { readonly kind: 'fcnSet'; readonly dom: Value; readonly rng: Value }
/** SetOfRcdsValue: [a : S, b : T]; `names` sorted like a record's, `sets` aligned. */
export interface RcdSetV extends HashCache { readonly kind: 'rcdSet'; readonly names: readonly StrV[]; readonly sets: readonly Value[] }
/** SetOfTuplesValue: S1 \X S2 \X ... */
export interface ProductV extends HashCache { readonly kind: 'product'; readonly sets: readonly Value[] }
/** SetPredValue: {x \in base : P(x)}; `pred` is only called on members of `base`. */
export interface FilterV extends HashCache { readonly kind: 'filter'; readonly base: Value; readonly pred: (x: Value) => boolean }

/** Seq(S): Sequences.Seq returns a UserValue over `new Sequences(range, Integer.MAX_VALUE)`,
 *  which answers membership (Sequences.member) and prints as `Seq(S)`, but is not enumerable. */
export interface SeqSetV { readonly kind: 'seqSet'; readonly base: Value }
/** ANY (tlc2/module/AnySet.java): every value is a member; prints as `ANY`; not enumerable. */
export interface AnySetV { readonly kind: 'anySet' }
/** SetCupValue: S \cup T kept lazy. Built only when an operand cannot be enumerated (a finite
 *  union is enumerated at once, which TLC's convertAndCache does on first use anyway), so
 *  membership asks each side (SetCupValue.member) and enumeration is TLC's error. */
export interface CupV { readonly kind: 'cup'; readonly a: Value; readonly b: Value }

/** Every kind that denotes a set. */
export type SetLike = SetV | IntervalV | InfiniteSetV | SubsetV | FcnSetV | RcdSetV | ProductV | FilterV | SeqSetV | AnySetV | CupV;
/** Every kind that denotes a function. */
export type FcnLike = TupleV | RecordV | FcnV | LazyFcnV;

export function isSetLike(v: Value): v is SetLike {
  switch (v.kind) {
    case 'set': case 'interval': case 'infinite': case 'subset': case 'fcnSet': case 'rcdSet': case 'product': case 'filter':
    case 'seqSet': case 'anySet': case 'cup':
      return true;
    case 'bool': case 'int': case 'str': case 'model': case 'tuple': case 'record': case 'fcn': case 'lazyFcn':
      return false;
    default:
      return assertNever(v);
  }
}

export function isFcnLike(v: Value): v is FcnLike {
  return v.kind === 'tuple' || v.kind === 'record' || v.kind === 'fcn' || v.kind === 'lazyFcn';
}

export function assertNever(x: never): never {
  throw new Error(`unreachable: ${JSON.stringify(x)}`);
}
