// Printing as TLC's toString methods do; each expected text is derived from the cited
// method (see engine/values/print.ts for the rules).
import { describe, expect, test } from 'vitest';
import {
  BOOLEAN, EMPTY_SET, EMPTY_TUPLE, FALSE, INT, NAT, STRING, TRUE, fcnOf, fcnSetOf, filterOf, format, int, interval, lazyFcn,
  modelValue, productOf, rcdSetOf, record, setOf, str, subsetOf, tuple,
} from '../../../engine/values/index.js';
import { STRING_ORDER } from './arbitraries.js';

describe('atoms', () => {
  test('BoolValue, IntValue, ModelValue', () => {
    expect(format(TRUE)).toBe('TRUE');
    expect(format(FALSE)).toBe('FALSE');
    expect(format(int(-42))).toBe('-42');
    expect(format(int(2147483647))).toBe('2147483647');
    expect(format(modelValue('p1'))).toBe('p1');
  });

  test('StringValue quotes and escapes " \\ tab newline formfeed return (PrintVersion)', () => {
    expect(format(str('abc'))).toBe('"abc"');
    expect(format(str('a"b\\c\td\ne\ff\rg'))).toBe('"a\\"b\\\\c\\td\\ne\\ff\\rg"');
  });
});

describe('sets (SetEnumValue, IntervalValue, lazy sets)', () => {
  test('braces, ", " between elements, normalised order', () => {
    expect(format(setOf([int(2), int(1)]))).toBe('{1, 2}');
    expect(format(EMPTY_SET)).toBe('{}');
    expect(format(BOOLEAN)).toBe('{FALSE, TRUE}');
  });

  test('an interval prints as lo..hi, an empty one as {}', () => {
    expect(format(interval(1, 3))).toBe('1..3');
    expect(format(interval(3, 1))).toBe('{}');
  });

  test('Nat, Int, STRING by name', () => {
    expect([NAT, INT, STRING].map(format)).toEqual(['Nat', 'Int', 'STRING']);
  });

  test('SUBSET S is expanded when S has fewer than 7 elements, else kept (parenthesised interval)', () => {
    expect(format(subsetOf(setOf([int(1), int(2)])))).toBe('{{}, {1}, {2}, {1, 2}}');
    expect(format(subsetOf(interval(1, 7)))).toBe('SUBSET (1..7)');
    expect(format(subsetOf(NAT))).toBe('SUBSET Nat');
  });

  test('[D -> R] is expanded below TLCGlobals.enumBound = 2000 elements', () => {
    expect(format(fcnSetOf(interval(1, 2), setOf([int(0)])))).toBe('{<<0, 0>>}');
    expect(format(fcnSetOf(interval(1, 11), BOOLEAN))).toBe('[1..11 -> {FALSE, TRUE}]'); // 2048 elements
    expect(format(fcnSetOf(interval(1, 10), BOOLEAN)).startsWith('{<<FALSE, FALSE,')).toBe(true); // 1024
  });

  test('a filtered set prints enumerated, or in source form over an infinite set', () => {
    expect(format(filterOf(interval(1, 5), (x) => (x as { n: number }).n % 2 === 1))).toBe('{1, 3, 5}');
    expect(format(filterOf(NAT, () => true))).toBe('{x \\in Nat : ...}');
  });

  test('sets of records and tuples', () => {
    expect(format(rcdSetOf(['a'], [setOf([int(1), int(2)])]))).toBe('{[a |-> 1], [a |-> 2]}');
    expect(format(productOf([setOf([int(1)]), BOOLEAN]))).toBe('{<<1, FALSE>>, <<1, TRUE>>}');
    expect(format(rcdSetOf(['a', 'b'], [NAT, BOOLEAN]))).toBe('[a: Nat, b: {FALSE, TRUE}]'); // SetOfRcdsValue.toString
    expect(format(productOf([NAT, BOOLEAN]))).toBe('(Nat \\X {FALSE, TRUE})'); // SetOfTuplesValue.toString
  });
});

describe('functions (TupleValue, RecordValue, FcnRcdValue)', () => {
  test('tuples', () => {
    expect(format(tuple([int(1), int(2)]))).toBe('<<1, 2>>');
    expect(format(EMPTY_TUPLE)).toBe('<<>>');
    expect(format(fcnOf([int(1), int(2)], [str('a'), str('b')]))).toBe('<<"a", "b">>');
  });

  test('records: fields in intern order, " |-> " and ", "', () => {
    expect(STRING_ORDER[0]).toBe('c'); // c was interned before a
    expect(format(record(['a', 'c'], [int(1), int(2)]))).toBe('[c |-> 2, a |-> 1]');
    expect(format(fcnOf([str('a')], [int(1)]))).toBe('[a |-> 1]');
  });

  test('a string domain that is not all names prints as a function (FcnRcdValue.isName)', () => {
    expect(format(fcnOf([str('a b')], [int(1)]))).toBe('("a b" :> 1)');
    expect(format(fcnOf([str('WF_x')], [int(1)]))).toBe('("WF_x" :> 1)');
    expect(format(fcnOf([str('_1')], [int(1)]))).toBe('("_1" :> 1)');
  });

  test('other functions: (d :> v @@ d :> v) in domain order', () => {
    expect(format(fcnOf([int(2), int(0)], [str('b'), str('a')]))).toBe('(0 :> "a" @@ 2 :> "b")');
    expect(format(fcnOf([modelValue('p1')], [TRUE]))).toBe('(p1 :> TRUE)');
  });

  test('a lazy function prints as its table', () => {
    expect(format(lazyFcn(interval(1, 3), (x) => int((x as { n: number }).n * 10)))).toBe('<<10, 20, 30>>');
  });

  test('nesting', () => {
    const v = record(['a'], [setOf([tuple([int(1), record(['b'], [EMPTY_SET])])])]);
    expect(format(v)).toBe('[a |-> {<<1, [b |-> {}]>>}]');
  });
});
