// fast-check generators of TLA+ values, grouped by type so that any two values drawn from the
// same group are comparable in TLC (mixing types in one set is an error in TLC, so the order
// properties are stated per type).
import { fc } from '@fast-check/vitest';
import type { Value } from '../../../engine/values/index.js';
import { fcnOf, int, intern, record, setOf, str, tuple, bool } from '../../../engine/values/index.js';

// TLC orders strings by intern token, not content: fix the tokens before any generator runs,
// deliberately out of alphabetical order, so tests can tell the two apart.
export const STRING_ORDER = ['c', 'a', 'zz', 'b'] as const;
for (const s of STRING_ORDER) intern(s);

export const anInt = fc.integer({ min: -3, max: 3 }).map(int);
export const aBool = fc.boolean().map(bool);
export const aStr = fc.constantFrom('a', 'b', 'c', 'zz').map(str);
export const aSetOfInts = fc.array(anInt, { maxLength: 5 }).map(setOf);
export const aSetOfSets = fc.array(aSetOfInts, { maxLength: 4 }).map(setOf);
export const aSeq = fc.array(anInt, { maxLength: 4 }).map(tuple);
/** Functions on subsets of 0..3, so some are tuples (domain 1..n) and some are not. */
export const aIntFcn = fc
  .subarray([0, 1, 2, 3])
  .chain((dom) => fc.array(anInt, { minLength: dom.length, maxLength: dom.length }).map((vals) => fcnOf(dom.map(int), vals)));
export const aRecord = fc
  .subarray(['a', 'b', 'c'], { minLength: 1 })
  .chain((names) => fc.array(anInt, { minLength: names.length, maxLength: names.length }).map((vals) => record(names, vals)));
export const aSetOfRecords = fc.array(aRecord, { maxLength: 4 }).map(setOf);
export const aSetOfSeqs = fc.array(aSeq, { maxLength: 4 }).map(setOf);

/** One generator per type; values from the same entry are mutually comparable. */
export const typed: readonly fc.Arbitrary<Value>[] = [
  anInt, aBool, aStr, aSetOfInts, aSetOfSets, aSeq, aIntFcn, aRecord, aSetOfRecords, aSetOfSeqs,
];

/** Three values of one randomly chosen type. */
export const sameTypeTriple: fc.Arbitrary<[Value, Value, Value]> = fc.oneof(
  ...typed.map((g) => fc.tuple(g, g, g)),
);

/** Any value of any of the types above. */
export const anyValue: fc.Arbitrary<Value> = fc.oneof(...typed);
