// Set operations: membership in lazy sets agrees with their enumeration, enumeration is in
// TLC's order (SubsetValue: by size then elementwise; SetOfFcnsValue: odometer with the last
// domain element fastest), cardinalities, and the algebra checked against a brute-force
// model on JS arrays of integers.
import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import {
  BOOLEAN, EMPTY_SET, NAT, INT, STRING, ValueError, bigUnion, cardinality, compare, difference, enumerate, equals,
  fcnOf, fcnSetOf, filterOf, format, int, intersect, interval, isFinite, member, modelValue, permutations,
  productOf, rcdSetOf, record, setOf, str, subsetEq, subsetOf, tuple, union, type Value,
} from '../../../engine/values/index.js';

const small = fc.array(fc.integer({ min: -2, max: 4 }), { maxLength: 5 });
const S = (xs: readonly number[]): Value => setOf(xs.map(int));
const ints = (v: Value): number[] => enumerate(v).map((x) => (x as { n: number }).n);
const uniqSorted = (xs: readonly number[]): number[] => [...new Set(xs)].sort((a, b) => a - b);

describe('enumeration order', () => {
  test('SUBSET {1, 2, 3}: by size, then elementwise', () => {
    expect(enumerate(subsetOf(S([3, 1, 2]))).map(format)).toEqual([
      '{}', '{1}', '{2}', '{3}', '{1, 2}', '{1, 3}', '{2, 3}', '{1, 2, 3}',
    ]);
  });

  test('[{1, 2} -> {0, 1}]: last domain element varies fastest', () => {
    expect(enumerate(fcnSetOf(S([1, 2]), S([0, 1]))).map(format)).toEqual(['<<0, 0>>', '<<0, 1>>', '<<1, 0>>', '<<1, 1>>']);
  });

  test('[{0, 5} -> {"x"}] and [D -> {}]', () => {
    expect(enumerate(fcnSetOf(S([5, 0]), setOf([str('x')]))).map(format)).toEqual(['(0 :> "x" @@ 5 :> "x")']);
    expect(enumerate(fcnSetOf(S([1]), EMPTY_SET))).toEqual([]);
    // [{} -> S] = {<<>>}, whose element SetOfFcnsValue.Enumerator builds as a FcnRcdValue: << >>
    expect(enumerate(fcnSetOf(EMPTY_SET, S([1]))).map(format)).toEqual(['<< >>']);
  });

  test('[a : {1, 2}, b : BOOLEAN] and {1, 2} \\X BOOLEAN', () => {
    expect(enumerate(rcdSetOf(['b', 'a'], [BOOLEAN, S([1, 2])])).length).toBe(4);
    expect(enumerate(productOf([S([2, 1]), BOOLEAN])).map(format)).toEqual(['<<1, FALSE>>', '<<1, TRUE>>', '<<2, FALSE>>', '<<2, TRUE>>']);
  });

  test.prop([small, small])('every lazy enumeration is strictly increasing in TLC order', (xs, ys) => {
    for (const s of [subsetOf(S(xs)), fcnSetOf(S(xs.slice(0, 3)), S(ys.slice(0, 3))), productOf([S(xs), S(ys)])]) {
      const e = enumerate(s);
      for (let i = 1; i < e.length; i++) expect(compare(e[i - 1]!, e[i]!)).toBeLessThan(0);
    }
  });
});

describe('membership without enumeration agrees with enumeration', () => {
  test.prop([small, small])('SUBSET S', (xs, ys) => {
    const P = subsetOf(S(xs));
    const y = S(ys);
    expect(member(y, P)).toBe(enumerate(P).some((e) => equals(e, y)));
  });

  test.prop([small, small, fc.array(fc.integer({ min: -2, max: 4 }), { maxLength: 3 })])('[D -> R]', (dom, rng, vals) => {
    const D = S(dom.slice(0, 3));
    const R = S(rng.slice(0, 3));
    const d = enumerate(D);
    const f = fcnOf(d, d.map((_, i) => int(vals[i] ?? 0)));
    expect(member(f, fcnSetOf(D, R))).toBe(enumerate(fcnSetOf(D, R)).some((e) => equals(e, f)));
  });

  test('[a : S] and S \\X T reject other shapes without error where TLC does', () => {
    expect(member(record(['a'], [int(1)]), rcdSetOf(['a'], [S([1])]))).toBe(true);
    expect(member(record(['b'], [int(1)]), rcdSetOf(['a'], [S([1])]))).toBe(false);
    expect(member(tuple([int(1), int(2)]), productOf([S([1]), S([2])]))).toBe(true);
    expect(member(tuple([int(1)]), productOf([S([1]), S([2])]))).toBe(false);
  });

  test('Nat, Int, STRING, intervals', () => {
    expect(member(int(0), NAT)).toBe(true);
    expect(member(int(-1), NAT)).toBe(false);
    expect(member(int(-1), INT)).toBe(true);
    expect(member(str('x'), STRING)).toBe(true);
    expect(member(int(3), interval(1, 3))).toBe(true);
    expect(member(int(4), interval(1, 3))).toBe(false);
    expect(() => member(str('x'), NAT)).toThrow(ValueError);
    expect(() => member(str('x'), interval(1, 3))).toThrow(/integer interval/);
    expect(member(str('x'), interval(3, 1))).toBe(false); // IntervalValue.member: empty interval
    expect(member(modelValue('m'), NAT)).toBe(false); // untyped model value: in no built-in set
  });

  test('Nat, Int and STRING equal only themselves', () => {
    expect(equals(NAT, NAT)).toBe(true);
    expect(equals(NAT, INT)).toBe(false);
    expect(equals(S([0, 1]), NAT)).toBe(false);
  });

  test('{x \\in Nat : x % 2 = 0} answers membership lazily', () => {
    const evens = filterOf(NAT, (x) => (x as { n: number }).n % 2 === 0);
    expect(member(int(1000000), evens)).toBe(true);
    expect(member(int(7), evens)).toBe(false);
    expect(isFinite(evens)).toBe(false);
    expect(() => enumerate(evens)).toThrow(/infinite set Nat/);
  });
});

describe('cardinality', () => {
  test('of lazy sets, by formula', () => {
    expect(cardinality(interval(1, 10))).toBe(10);
    expect(cardinality(interval(1, 0))).toBe(0);
    expect(cardinality(subsetOf(interval(1, 10)))).toBe(1024);
    expect(cardinality(fcnSetOf(interval(1, 3), interval(1, 4)))).toBe(64);
    expect(cardinality(rcdSetOf(['a', 'b'], [interval(1, 3), BOOLEAN]))).toBe(6);
    expect(cardinality(productOf([interval(1, 3), BOOLEAN, BOOLEAN]))).toBe(12);
  });

  test('overflow beyond 2^31 - 1 is an error, as in TLC', () => {
    expect(() => cardinality(subsetOf(interval(1, 31)))).toThrow(/Overflow when computing/);
    expect(() => cardinality(fcnSetOf(interval(1, 31), BOOLEAN))).toThrow('Overflow when computing the number of elements in:\n[1..31 -> {FALSE, TRUE}]');
    expect(() => cardinality(NAT)).toThrow(ValueError);
  });

  test('Permutations(S) has |S|! bijections', () => {
    const P = permutations(S([1, 2, 3, 4]));
    expect(cardinality(P)).toBe(24);
    for (const p of enumerate(P)) expect(p.kind === 'tuple' && equals(setOf(p.elems), S([1, 2, 3, 4]))).toBe(true);
    expect(format(permutations(setOf([modelValue('p'), modelValue('q')])))).toBe('{(p :> p @@ q :> q), (p :> q @@ q :> p)}');
  });
});

describe('set algebra against a brute-force model', () => {
  test.prop([small, small])('\\cup, \\cap, \\ and \\subseteq', (xs, ys) => {
    expect(ints(union(S(xs), S(ys)))).toEqual(uniqSorted([...xs, ...ys]));
    expect(ints(intersect(S(xs), S(ys)))).toEqual(uniqSorted(xs.filter((x) => ys.includes(x))));
    expect(ints(difference(S(xs), S(ys)))).toEqual(uniqSorted(xs.filter((x) => !ys.includes(x))));
    expect(subsetEq(S(xs), S(ys))).toBe(xs.every((x) => ys.includes(x)));
  });

  test.prop([fc.array(small, { maxLength: 4 })])('UNION', (xss) => {
    expect(ints(bigUnion(setOf(xss.map(S))))).toEqual(uniqSorted(xss.flat()));
  });

  test('with intervals and infinite sets', () => {
    expect(format(union(interval(1, 3), S([0, 2])))).toBe('{0, 1, 2, 3}');
    expect(format(intersect(NAT, S([-1, 0, 5])))).toBe('{0, 5}');
    expect(member(int(3), difference(NAT, S([3])))).toBe(false);
    expect(member(int(4), difference(NAT, S([3])))).toBe(true);
    expect(subsetEq(NAT, INT)).toBe(true);
    expect(subsetEq(INT, NAT)).toBe(false);
    expect(subsetEq(subsetOf(S([1])), subsetOf(S([1, 2])))).toBe(true);
  });
});
