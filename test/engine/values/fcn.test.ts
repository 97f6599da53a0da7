// Function application, DOMAIN, EXCEPT, :> and @@ with TLC's rules (TupleValue, RecordValue,
// FcnRcdValue, FcnLambdaValue; the TLC module for :> and @@).
import { describe, expect, test } from 'vitest';
import {
  INT, NAT, apply, domainOf, equals, except, fcnOf, format, int, interval, lazyFcn, mergeFcns, record, select, setOf,
  singletonFcn, str, tuple, type Value,
} from '../../../engine/values/index.js';

const n = (v: Value): number => (v as { n: number }).n;

describe('application', () => {
  test('tuples, records, functions', () => {
    expect(format(apply(tuple([str('x'), str('y')]), int(2)))).toBe('"y"');
    expect(format(apply(record(['a'], [int(7)]), str('a')))).toBe('7');
    expect(format(apply(fcnOf([int(5), int(0)], [int(50), int(0)]), int(5)))).toBe('50');
  });

  test('outside the domain: TLC messages', () => {
    expect(() => apply(tuple([int(1)]), int(2))).toThrow(/Attempted to access index 2 of tuple/);
    expect(() => apply(tuple([int(1)]), str('a'))).toThrow(/non integral index/);
    expect(() => apply(record(['a'], [int(1)]), str('b'))).toThrow(/nonexistent field 'b'/);
    expect(() => apply(fcnOf([int(0)], [int(0)]), int(1))).toThrow(/not in the domain of the function/);
    expect(select(fcnOf([int(0)], [int(0)]), int(1))).toBeUndefined();
  });

  test('a lazy function over Nat is applied without enumerating Nat', () => {
    const sq = lazyFcn(NAT, (x) => int(n(x) * n(x)));
    expect(n(apply(sq, int(1000)))).toBe(1000000);
    expect(() => apply(sq, int(-1))).toThrow(/not in the domain/);
    expect(equals(domainOf(sq), NAT)).toBe(true);
  });
});

describe('DOMAIN', () => {
  test('of each shape', () => {
    expect(format(domainOf(tuple([int(1), int(1)])))).toBe('1..2');
    expect(format(domainOf(record(['a'], [int(1)])))).toBe('{"a"}');
    expect(format(domainOf(fcnOf([int(3), int(0)], [int(1), int(1)])))).toBe('{0, 3}');
    expect(equals(domainOf(tuple([])), setOf([]))).toBe(true);
  });
});

describe('EXCEPT', () => {
  test('replaces one value and keeps the shape', () => {
    expect(format(except(tuple([int(1), int(2)]), int(1), int(9)))).toBe('<<9, 2>>');
    expect(format(except(record(['a'], [int(1)]), str('a'), int(9)))).toBe('[a |-> 9]');
    expect(format(except(fcnOf([int(0), int(7)], [int(1), int(2)]), int(7), int(9)))).toBe('(0 :> 1 @@ 7 :> 9)');
  });

  test('outside the domain leaves the function unchanged (FcnRcdValue.takeExcept)', () => {
    const f = tuple([int(1)]);
    expect(equals(except(f, int(5), int(9)), f)).toBe(true);
    expect(equals(except(record(['a'], [int(1)]), str('zz'), int(9)), record(['a'], [int(1)]))).toBe(true);
  });

  test('of a lazy function over a finite domain', () => {
    const f = lazyFcn(interval(1, 3), (x) => x);
    expect(format(except(f, int(2), int(0)))).toBe('<<1, 0, 3>>');
  });
});

describe(':> and @@ (TLC module)', () => {
  test('singletons take their canonical shape', () => {
    expect(format(singletonFcn(int(1), str('a')))).toBe('<<"a">>');
    expect(format(singletonFcn(str('a'), int(1)))).toBe('[a |-> 1]');
    expect(format(singletonFcn(int(0), int(1)))).toBe('(0 :> 1)');
  });

  test('@@ prefers the left function where the domains overlap', () => {
    const f = mergeFcns(singletonFcn(int(1), str('L')), mergeFcns(singletonFcn(int(1), str('R')), singletonFcn(int(2), str('b'))));
    expect(format(f)).toBe('<<"L", "b">>');
    expect(equals(f, tuple([str('L'), str('b')]))).toBe(true);
  });

  test('INT is not a function', () => {
    expect(() => apply(INT, int(1))).toThrow(/non-function/);
  });
});
