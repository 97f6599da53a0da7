// TLC's value order (compareTo in tlc2/value/impl/*) and equality, as specified by the Java
// sources cited in engine/values/compare.ts. Expected orders below are worked out by hand
// from those rules.
import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import {
  EMPTY_SET, EMPTY_TUPLE, FALSE, TRUE, ValueError, compare, equals, fcnOf, fingerprint, format, int, interval,
  modelValue, record, setOf, str, tuple,
} from '../../../engine/values/index.js';
import { sameTypeTriple, STRING_ORDER, typed } from './arbitraries.js';

const sign = (n: number): number => (n < 0 ? -1 : n > 0 ? 1 : 0);
const sorted = (xs: Parameters<typeof setOf>[0]): string => format(setOf(xs));

describe('TLC order on atoms', () => {
  test('integers numerically, FALSE < TRUE', () => {
    expect(sorted([int(3), int(-1), int(2), int(0)])).toBe('{-1, 0, 2, 3}');
    expect(compare(FALSE, TRUE)).toBeLessThan(0);
    expect(sorted([TRUE, FALSE, TRUE])).toBe('{FALSE, TRUE}');
  });

  test('strings by intern order (UniqueString.tok), not by content', () => {
    // arbitraries.ts interned c, a, zz, b in that order
    expect(STRING_ORDER).toEqual(['c', 'a', 'zz', 'b']);
    expect(sorted([str('a'), str('b'), str('c'), str('zz')])).toBe('{"c", "a", "zz", "b"}');
  });

  test('untyped model values sort below every other value; among themselves by name token', () => {
    const m2 = modelValue('m2');
    const m1 = modelValue('m1');
    expect(sorted([int(1), m1, m2])).toBe('{m2, m1, 1}'); // m2 was interned first
    expect(compare(m1, EMPTY_SET)).toBe(-1);
    expect(compare(EMPTY_SET, m1)).toBe(1);
    expect(equals(m1, int(1))).toBe(false);
    expect(equals(int(1), m1)).toBe(false);
    expect(equals(m1, modelValue('m1'))).toBe(true);
  });

  test('typed model values (A_x) cannot be compared with non-model values or other types', () => {
    const a1 = modelValue('A_1');
    const b1 = modelValue('B_1');
    expect(() => equals(a1, int(1))).toThrow(ValueError);
    expect(() => compare(int(1), a1)).toThrow(ValueError);
    expect(() => equals(a1, b1)).toThrow(/differently-typed/);
    expect(equals(a1, modelValue('A_2'))).toBe(false);
    expect(equals(a1, modelValue('none'))).toBe(false);
  });

  test('values of different types are incomparable, as in TLC', () => {
    expect(() => compare(int(1), str('a'))).toThrow(/Attempted to compare integer 1 with non-integer/);
    expect(() => equals(int(1), str('a'))).toThrow(/Attempted to check equality of integer 1/);
    expect(() => equals(EMPTY_SET, EMPTY_TUPLE)).toThrow(ValueError);
    expect(() => equals(TRUE, int(1))).toThrow(ValueError);
  });
});

describe('TLC order on sets and functions', () => {
  test('sets: cardinality first, then elementwise (SetEnumValue.compareTo)', () => {
    const s = sorted([setOf([int(5)]), setOf([int(1), int(2)]), EMPTY_SET, setOf([int(0), int(9)]), setOf([int(4)])]);
    expect(s).toBe('{{}, {4}, {5}, {0, 9}, {1, 2}}');
  });

  test('an interval equals and orders as the enumerated set', () => {
    expect(equals(interval(1, 3), setOf([int(3), int(1), int(2)]))).toBe(true);
    expect(equals(interval(5, 4), EMPTY_SET)).toBe(true);
    expect(compare(interval(1, 2), setOf([int(1), int(3)]))).toBeLessThan(0);
  });

  test('tuples: length first, then elementwise (TupleValue.compareTo)', () => {
    const s = sorted([tuple([int(1), int(1)]), tuple([int(9)]), EMPTY_TUPLE, tuple([int(0), int(5)])]);
    expect(s).toBe('{<<>>, <<9>>, <<0, 5>>, <<1, 1>>}');
  });

  test('records: size, then all names, then all values (RecordValue.compareTo)', () => {
    // tokens: c < a < zz < b. [c |-> 9] has one field, so it comes first; the two-field
    // records compare names first: {c, b} vs {a, b}: c < a, so [c, b] < [a, b] whatever values.
    const r1 = record(['c'], [int(9)]);
    const r2 = record(['a', 'b'], [int(0), int(0)]);
    const r3 = record(['c', 'b'], [int(5), int(5)]);
    expect(sorted([r2, r3, r1])).toBe('{[c |-> 9], [c |-> 5, b |-> 5], [a |-> 0, b |-> 0]}');
  });

  test('functions: size, then pairwise domain element and value (FcnRcdValue.compareTo)', () => {
    const f = fcnOf([int(0), int(2)], [int(7), int(7)]);
    const g = fcnOf([int(0), int(1)], [int(9), int(9)]);
    // first pair: 0 :> 7 vs 0 :> 9, so f < g although f's domain is "bigger"
    expect(compare(f, g)).toBeLessThan(0);
  });

  test('a record against another function: RecordValue fails, the other side compares sizes first', () => {
    const r = record(['a'], [int(1)]);
    expect(() => compare(r, tuple([int(1), int(2)]))).toThrow(/Attempted to compare record/);
    expect(compare(tuple([int(1), int(2)]), r)).toBeGreaterThan(0); // sizes 2 vs 1
    expect(() => compare(tuple([int(1)]), r)).toThrow(ValueError); // same size: 1 vs "a"
    expect(compare(r, EMPTY_TUPLE)).toBeGreaterThan(0); // <<>>.toRcd() is the empty record
    expect(equals(r, EMPTY_TUPLE)).toBe(false);
  });

  test('equality does not depend on the shape a function was built in', () => {
    expect(equals(record(['a'], [int(1)]), fcnOf([str('a')], [int(1)]))).toBe(true);
    expect(equals(tuple([int(1), int(2)]), fcnOf([int(2), int(1)], [int(2), int(1)]))).toBe(true);
    expect(equals(fcnOf([], []), EMPTY_TUPLE)).toBe(true);
    expect(fingerprint(record(['a', 'b'], [int(1), int(2)]))).toBe(fingerprint(fcnOf([str('b'), str('a')], [int(2), int(1)])));
  });
});

describe('compare is a total order consistent with equality (generated values of one type)', () => {
  test.prop([sameTypeTriple])('antisymmetric', ([a, b]) => {
    expect(sign(compare(a, b)) + sign(compare(b, a))).toBe(0);
  });

  test.prop([sameTypeTriple])('transitive', ([a, b, c]) => {
    const [x, y, z] = [a, b, c].sort(compare);
    expect(compare(x!, y!)).toBeLessThanOrEqual(0);
    expect(compare(y!, z!)).toBeLessThanOrEqual(0);
    expect(compare(x!, z!)).toBeLessThanOrEqual(0);
    if (compare(a, b) <= 0 && compare(b, c) <= 0) expect(compare(a, c)).toBeLessThanOrEqual(0);
  });

  test.prop([sameTypeTriple])('compare = 0 exactly when equal, and equal values print and hash alike', ([a, b]) => {
    const same = compare(a, b) === 0;
    expect(equals(a, b)).toBe(same);
    expect(format(a) === format(b)).toBe(same);
    expect(fingerprint(a) === fingerprint(b)).toBe(same);
  });

  test.prop([fc.oneof(...typed.map((g) => fc.array(g, { maxLength: 8 })))])('a normalised set is strictly increasing', (xs) => {
    const s = setOf(xs);
    const elems = (s as { elems: readonly typeof xs[number][] }).elems;
    for (let i = 1; i < elems.length; i++) expect(compare(elems[i - 1]!, elems[i]!)).toBeLessThan(0);
  });
});

describe('against an independent oracle of SetEnumValue.compareTo on sets of sets of integers', () => {
  // Oracle written from the rule alone: a set of ints is its sorted distinct numbers; two such
  // sets compare by length, then element by element.
  const oracleCmp = (x: number[], y: number[]): number => {
    if (x.length !== y.length) return x.length - y.length;
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
    return 0;
  };
  const norm = (xs: number[]): number[] => [...new Set(xs)].sort((a, b) => a - b);
  const small = fc.array(fc.integer({ min: -2, max: 3 }), { maxLength: 4 });

  test.prop([fc.array(small, { maxLength: 7 })])('normalised order and printing', (xss) => {
    const expected = xss.map(norm).sort(oracleCmp).filter((x, i, a) => i === 0 || oracleCmp(a[i - 1]!, x) !== 0);
    const text = `{${expected.map((x) => `{${x.join(', ')}}`).join(', ')}}`;
    expect(format(setOf(xss.map((xs) => setOf(xs.map(int)))))).toBe(text);
  });
});
